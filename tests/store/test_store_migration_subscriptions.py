"""Migration 0005_subscriptions on a database at 0004 holding servers' /setup settings,
deliveries and announcements: every channel becomes a subscription with its server's
filters, role and forbidden mark, nothing is lost, and status changes still find the post
they edit. Downgrading gives the old targets back."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect, text

from bot.store import open_store
from bot.store.codec import notification_to_json
from bot.store.migrate import alembic_config
from tests.support.builders import notification

AT = "2021-02-14 09:30:00+00:00"
FORBIDDEN_AT = "2021-02-20T10:00:00+00:00"
SETTINGS = [
    # guild, channels, figures, statuses, languages, min confidence, role, forbidden
    ("100", '["10", "11"]', '["vladimir-putin"]', '["pending", "accepted"]', '["de"]', 0.6,
     "777", '{"11": "' + FORBIDDEN_AT + '"}'),
    ("200", "[]", '["elon-musk"]', "[]", "[]", 0.0, "888", "{}"),  # filters, no channel yet
    ("300", '["30"]', "[]", "[]", "[]", 0.0, None, "{}"),
]


def _fill_0004(connection: object) -> None:
    execute = connection.execute  # type: ignore[attr-defined]
    execute(text(
        "INSERT INTO invitations (inviter_key, inviter_name, invitee_key, invitee_name,"
        " occasion_kind, occasion_text, status, status_at, first_seen, last_update,"
        " confidence, quiet, hidden) VALUES ('elon-musk', 'Elon Musk', 'vladimir-putin',"
        " 'Vladimir Putin', 'conversation', '', 'pending', :at, :at, :at, 0.9, false, false)"),
        {"at": AT})
    payload = notification_to_json(notification(invitation_id=1))
    for _ in range(2):
        execute(text("INSERT INTO outbox (invitation_id, kind, payload, created_at)"
                     " VALUES (1, 'new', :p, :at)"), {"p": payload, "at": AT})
    for row in SETTINGS:
        execute(text(
            "INSERT INTO guild_settings (guild_id, channel_ids, figure_keys, statuses, languages,"
            " min_confidence, mention_role_id, forbidden_channels) VALUES (:g, :c, :f, :s, :l,"
            " :m, :r, :x)"), dict(zip("gcfslmrx", row, strict=True)))
    # The announcement in channel 10 (sent, remembered) and a delivery still pending in 30.
    for outbox_id, target, state, message in ((1, "discord:100:10", "sent", "555"),
                                              (2, "discord:300:30", "pending", None)):
        execute(text(
            "INSERT INTO deliveries (outbox_id, consumer, target, state, attempts,"
            " next_attempt_at, message_id, created_at) VALUES (:o, 'discord', :t, :s, 0, :at,"
            " :m, :at)"), {"o": outbox_id, "t": target, "s": state, "m": message, "at": AT})
    execute(text("INSERT INTO posted_messages (invitation_id, target, message_id)"
                 " VALUES (1, 'discord:100:10', '555')"))


def test_setup_settings_become_subscriptions_and_posts_stay_found(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0004_feed_lifecycle")
            _fill_0004(connection)
        store.upgrade()
        with store.unit() as unit:
            ten, eleven = unit.subscriptions("100")
            [thirty] = unit.subscriptions("300")
            assert unit.subscriptions("200") == []
            assert [s.channel_id for s in (ten, eleven, thirty)] == ["10", "11", "30"]
            for sub in (ten, eleven):
                assert sub.origin == "setup" and sub.style.value == "embed"
                assert sub.figure_keys == ["vladimir-putin"] and sub.languages == ["de"]
                assert [s.value for s in sub.statuses] == ["pending", "accepted"]
                assert (sub.min_confidence, sub.mention_role_id) == (0.6, "777")
            assert ten.forbidden_at is None
            assert eleven.forbidden_at == datetime(2021, 2, 20, 10, tzinfo=UTC)
            # /setup's own settings are kept whole, the server without a channel too.
            assert unit.guild_settings("200").figure_keys == ["elon-musk"]
            assert unit.guild_settings("200").mention_role_id == "888"
            assert unit.guild_settings("100").channel_ids == ["10", "11"]
            # The next status change edits the post that announced the invitation.
            assert unit.message_for(1, ten.target) == "555"
            [pending] = unit.due_deliveries("discord", datetime(2030, 1, 1, tzinfo=UTC), 10)
            assert pending.target == thirty.target == f"discord:300:30:{thirty.id}"
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0004_feed_lifecycle")
        assert "subscriptions" not in set(inspect(store.engine).get_table_names())
        with store.engine.connect() as connection:
            targets = connection.execute(text("SELECT target FROM deliveries ORDER BY id")).all()
            posted = connection.execute(text("SELECT target FROM posted_messages")).all()
        assert [t for (t,) in targets] == ["discord:100:10", "discord:300:30"]
        assert [t for (t,) in posted] == ["discord:100:10"]
    finally:
        store.close()
