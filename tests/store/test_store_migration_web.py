"""Migration 0009_web: every invitation's first status becomes a row of its status history
(from NULL), for records made before it too, so the Atom feeds list new invitations; new
records get theirs when saved; and it downgrades cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from bot.domain import Status
from bot.store import open_store
from bot.store.api import ChangeFilter
from bot.store.migrate import alembic_config
from tests.support.builders import DAY0, add_report, store_invitation

AT = "2021-02-14 09:30:00+00:00"
LATER = "2021-02-16 09:30:00+00:00"


def test_records_from_before_get_their_first_status(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0008_feed_claims")
            for n, status in ((1, "pending"), (2, "accepted")):
                connection.execute(text(
                    "INSERT INTO invitations (inviter_key, inviter_name, invitee_key, "
                    "invitee_name, occasion_kind, occasion_text, status, status_at, first_seen,"
                    " last_update, confidence, quiet, hidden) VALUES ('elon-musk', 'Elon Musk',"
                    " :guest, 'Guest', 'visit', '', :status, :at, :at, :at, 0.9, false, false)"),
                    {"guest": f"guest-{n}", "status": status, "at": AT})
                connection.execute(text(
                    "INSERT INTO timeline_entries (invitation_id, at, status, url, lang, "
                    "evidence, confidence, seen_at, editorial) VALUES (:n, :at, 'pending', "
                    ":url, 'en', 'x', 0.9, :at, false)"),
                    {"n": n, "at": AT, "url": f"https://first.example/{n}"})
            # #2 moved pending → accepted before the upgrade: its first status was pending.
            connection.execute(text(
                "INSERT INTO status_changes (invitation_id, from_status, to_status, at, "
                "source_url, created_at) VALUES (2, 'pending', 'accepted', :at, "
                "'https://later.example', :at)"), {"at": LATER})
        store.upgrade()
        store.upgrade()  # again: nothing doubles
        with store.unit() as unit:
            changes = unit.status_changes(ChangeFilter())
        firsts = sorted((c.invitation.id, c.to_status, c.source_url)
                        for c in changes if c.from_status is None)
        assert firsts == [(1, Status.PENDING, "https://first.example/1"),
                          (2, Status.PENDING, "https://first.example/2")]
        assert len(changes) == 3
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0008_feed_claims")
        indexes = {i["name"] for i in inspect(store.engine).get_indexes("status_changes")}
        assert "ix_status_changes_created_at" not in indexes
    finally:
        store.close()


def test_a_new_record_starts_its_status_history(sqlite_store_url: str) -> None:
    store = open_store(sqlite_store_url)
    try:
        first = store_invitation(store, when=DAY0)
        add_report(store, first, Status.DECLINED, when=DAY0.replace(day=16),
                   url="https://later.example/no")
        with store.unit() as unit:
            changes = unit.status_changes(ChangeFilter(limit=10))
            only_declined = unit.status_changes(ChangeFilter(status=Status.DECLINED))
            nobody = unit.status_changes(ChangeFilter(figure_key="kanye-west"))
        assert [(c.from_status, c.to_status) for c in changes] == [
            (Status.PENDING, Status.DECLINED), (None, Status.PENDING)]
        assert [c.to_status for c in only_declined] == [Status.DECLINED] and nobody == []
    finally:
        store.close()
