"""Exactly once, in order (issue 8): the outbox with the real Discord notifier against the
fake Discord, which honours nonces as Discord does. Each test here failed before the fix:
two announcements for a NEW and a STATUS due in one pass, a re-post after a crash between
the POST and the commit, a STATUS posted while its NEW was leased and then edited back to
"pending", and claims held for the whole lease after a restart."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import Any

from bot.discord.notifier import DiscordNotifier
from bot.domain import Notification, NotificationKind, Status
from bot.notify.base import SendResult
from bot.notify.outbox import DeliveryPolicy, OutboxDelivery
from bot.store.api import GuildSettings
from tests.support.builders import DAY0, add_report, notification, store_invitation
from tests.support.discord_harness import FIXED_NOW, Bot


class Crash(BaseException):
    """kill -9 stand-in: escapes every `except Exception`, so nothing after it commits."""


class CrashAfterSend:
    """The real notifier; the process "dies" right after Discord answered the Nth send."""

    def __init__(self, inner: DiscordNotifier, crash_on: int) -> None:
        self.inner = inner
        self.consumer = inner.consumer
        self.crash_on = crash_on
        self.calls = 0
        self.targets = inner.targets

    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        result = await self.inner.send(target, notification, previous_message_id,
                                       current=current, nonce=nonce)
        self.calls += 1
        if self.calls == self.crash_on:
            raise Crash
        return result


def announcements(bot: Bot) -> list[dict[str, Any]]:
    return [m for m in bot.fake.messages.values() if m["type"] == 0]


def replies(bot: Bot) -> list[dict[str, Any]]:
    return [m for m in bot.fake.messages.values() if m["type"] == 19]


def shown_status(message: dict[str, Any]) -> str:
    fields = {f["name"]: f["value"] for f in message["embeds"][0]["fields"]}
    return str(fields["Status"])


def setup_channel(bot: Bot) -> str:
    channel_id = bot.guild.channels[1]["id"]
    with bot.store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id=bot.guild.id, channel_ids=[channel_id]))
    return channel_id


def invitation_then_acceptance(bot: Bot) -> int:
    """A new invitation and its acceptance, both in the outbox before any delivery."""
    invitation_id = store_invitation(bot.store)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    add_report(bot.store, invitation_id, Status.ACCEPTED, when=DAY0 + timedelta(days=1),
               url="https://zeitung.example/ja")
    with bot.store.unit() as unit:
        unit.enqueue(notification(NotificationKind.STATUS, status=Status.ACCEPTED,
                                  previous=Status.PENDING, invitation_id=invitation_id,
                                  url="https://zeitung.example/ja"), FIXED_NOW)
    return invitation_id


class Clock:
    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def test_new_and_status_due_in_one_pass_give_one_announcement(bot: Bot) -> None:
    setup_channel(bot)
    invitation_then_acceptance(bot)
    stats = await OutboxDelivery(bot.store, [DiscordNotifier(bot.client)],
                                 clock=Clock()).deliver_once()
    assert stats.sent == 2
    [post] = announcements(bot)
    assert shown_status(post).startswith("✅ Accepted")  # the latest status, never "pending"
    [reply] = replies(bot)
    assert str(reply["message_reference"]["message_id"]) == post["id"]
    assert "⏳ Pending → ✅ Accepted" in reply["content"]


async def test_crash_between_the_post_and_the_commit_posts_once(bot: Bot) -> None:
    setup_channel(bot)
    invitation_id = store_invitation(bot.store)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    clock = Clock()
    dying = CrashAfterSend(DiscordNotifier(bot.client), crash_on=1)
    with contextlib.suppress(Crash):
        await OutboxDelivery(bot.store, [dying], clock=clock, worker="host-a").deliver_once()
    assert len(announcements(bot)) == 1
    # The same worker restarts at once (same clock): it resumes its claim without waiting
    # for the lease, and the repeated POST carries the same nonce.
    stats = await OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=clock,
                                 worker="host-a").deliver_once()
    assert stats.sent == 1
    [post] = announcements(bot)
    sent = bot.fake.requests_to("POST", r"^/channels/\d+/messages$")
    assert len(sent) == 2 and sent[0].body["nonce"] == sent[1].body["nonce"]
    assert sent[0].body["enforce_nonce"] is True and len(sent[0].body["nonce"]) <= 25
    assert bot.fake.nonce_hits == 1
    with bot.store.unit() as unit:
        [sub] = unit.subscriptions(bot.guild.id)
        assert sub.channel_id == bot.guild.channels[1]["id"]
        assert unit.message_for(invitation_id, sub.target) == post["id"]


async def test_crash_after_a_status_reply_replies_once(bot: Bot) -> None:
    setup_channel(bot)
    invitation_then_acceptance(bot)
    clock = Clock()
    dying = CrashAfterSend(DiscordNotifier(bot.client), crash_on=2)
    with contextlib.suppress(Crash):
        await OutboxDelivery(bot.store, [dying], clock=clock, worker="host-a").deliver_once()
    assert len(replies(bot)) == 1
    await OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=clock,
                         worker="host-a").deliver_once()
    assert len(announcements(bot)) == 1 and len(replies(bot)) == 1


async def test_a_leased_new_holds_back_its_status_and_nothing_goes_stale(bot: Bot) -> None:
    setup_channel(bot)
    invitation_id = store_invitation(bot.store)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    clock = Clock()
    policy = DeliveryPolicy(lease=timedelta(seconds=60))
    first = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=clock, policy=policy,
                           worker="host-a")
    first._plan(first.notifiers[0])
    with bot.store.unit() as unit:  # host A claims the NEW and dies before sending it
        [_claimed] = unit.due_deliveries("discord", clock(), 10, lease=policy.lease,
                                        worker="host-a")
    add_report(bot.store, invitation_id, Status.ACCEPTED, when=DAY0 + timedelta(days=1),
               url="https://zeitung.example/ja")
    with bot.store.unit() as unit:
        unit.enqueue(notification(NotificationKind.STATUS, status=Status.ACCEPTED,
                                  previous=Status.PENDING, invitation_id=invitation_id), FIXED_NOW)
    other = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=clock, policy=policy,
                           worker="host-b")
    held = await other.deliver_once()
    assert held.sent == 0 and bot.fake.messages == {}  # the STATUS waits for its NEW
    clock.now += timedelta(seconds=61)  # host A's lease has run out
    done = await other.deliver_once()
    assert done.sent == 2
    [post] = announcements(bot)
    assert shown_status(post).startswith("✅ Accepted")
    assert len(replies(bot)) == 1


async def test_a_clean_stop_releases_claims_for_immediate_pickup(bot: Bot) -> None:
    setup_channel(bot)
    invitation_id = store_invitation(bot.store)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    clock = Clock()
    stopping = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=clock,
                              worker="host-a")
    stopping._plan(stopping.notifiers[0])
    with bot.store.unit() as unit:
        assert len(unit.due_deliveries("discord", clock(), 10, lease=timedelta(minutes=1),
                                       worker="host-a")) == 1
    assert stopping.release() == 1
    stats = await OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=clock,
                                 worker="host-b").deliver_once()
    assert stats.sent == 1 and len(announcements(bot)) == 1
