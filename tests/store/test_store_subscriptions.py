"""Subscriptions in the store (SQLite and PostgreSQL): /setup's settings mirrored as
subscriptions, removal closing what was still to be posted, channel marks."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain import Status
from bot.store.api import (
    ChannelKind,
    DeliveryState,
    GuildSettings,
    Store,
    Subscription,
    SubscriptionStyle,
)
from tests.support.builders import notification

NOW = datetime(2021, 3, 1, 12, tzinfo=UTC)


def test_setup_settings_are_one_subscription_per_channel(store: Store) -> None:
    with store.unit() as unit:
        unit.add_subscription(Subscription(guild_id="1", channel_id="10",
                                           style=SubscriptionStyle.COMPACT), NOW)
        unit.save_guild_settings(GuildSettings(guild_id="1", channel_ids=["10", "11"],
                                               statuses=[Status.ACCEPTED], mention_role_id="5"))
    with store.unit() as unit:
        own, setup10, setup11 = unit.subscriptions("1")
        assert own.origin == "subscribe" and own.statuses == []  # /setup leaves it alone
        assert [s.channel_id for s in (setup10, setup11)] == ["10", "11"]
        assert all(s.origin == "setup" and s.statuses == [Status.ACCEPTED]
                   and s.mention_role_id == "5" for s in (setup10, setup11))
        unit.save_guild_settings(GuildSettings(guild_id="1", channel_ids=["11"]))
    with store.unit() as unit:
        own, setup11_again = unit.subscriptions("1")
        assert setup11_again.id == setup11.id and setup11_again.statuses == []
        assert unit.count_subscriptions("1") == 2 and unit.subscriptions("2") == []


def test_removing_a_subscription_closes_its_pending_deliveries(store: Store) -> None:
    with store.unit() as unit:
        kept = unit.add_subscription(Subscription(guild_id="1", channel_id="10"), NOW)
        gone = unit.add_subscription(Subscription(guild_id="1", channel_id="10",
                                                  channel_kind=ChannelKind.FORUM,
                                                  style=SubscriptionStyle.THREAD), NOW)
        outbox_id = unit.enqueue(notification(invitation_id=None), NOW)
        unit.plan_deliveries(outbox_id, "discord", [kept.target, gone.target], NOW)
        removed = unit.remove_subscription(gone.id or 0)
        assert removed is not None and removed.channel_kind is ChannelKind.FORUM
        assert unit.remove_subscription(gone.id or 0) is None
        assert unit.get_subscription(10**12) is None
    with store.unit() as unit:
        due = unit.due_deliveries("discord", NOW, 10)
        assert [d.target for d in due] == [kept.target]
        [closed] = [unit.get_delivery(i) for i in range(1, 3) if i != due[0].id]
        assert closed is not None and closed.state is DeliveryState.FAILED
        assert closed.last_error == f"subscription {gone.id} was removed"


def test_channel_marks_apply_to_every_subscription_in_it(store: Store) -> None:
    with store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id="1", channel_ids=["10"]))
        unit.add_subscription(Subscription(guild_id="1", channel_id="10"), NOW)
        unit.add_subscription(Subscription(guild_id="1", channel_id="12"), NOW)
        assert unit.mark_channel_forbidden("1", "10", NOW) is True
        assert unit.mark_channel_forbidden("1", "10", NOW) is False  # told once
    with store.unit() as unit:
        marks = [(s.channel_id, s.forbidden_at) for s in unit.subscriptions("1")]
        assert marks == [("10", NOW), ("10", NOW), ("12", None)]
        assert unit.guild_settings("1").forbidden_channels == {"10": NOW}
        unit.clear_channel_forbidden("1", "10")
        assert all(s.forbidden_at is None for s in unit.subscriptions("1"))
        assert unit.guild_settings("1").forbidden_channels == {}
        assert unit.drop_channel("1", "10") == 2
        assert [s.channel_id for s in unit.subscriptions("1")] == ["12"]
        assert unit.guild_settings("1").channel_ids == []
