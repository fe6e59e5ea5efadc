"""Exactly once past Discord's nonce window (issue 8 follow-up, stop 29): a delivery whose
attempt began and never ended is looked for in the channel before it is sent again. The
outbox with the real Discord notifier against the fake Discord, whose nonce window is cut
to half a second; the first test posted twice before the write-ahead mark and the look-up."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta

import discord
import pytest

from bot.discord.notifier import DiscordNotifier
from bot.domain import Notification
from bot.notify.base import SendResult
from bot.notify.outbox import DeliveryPolicy, OutboxDelivery
from bot.store.api import ChannelKind, Subscription, SubscriptionStyle
from tests.discord.test_delivery_exactly_once import (
    Clock,
    Crash,
    CrashAfterSend,
    announcements,
    invitation_then_acceptance,
    replies,
    setup_channel,
)
from tests.support.builders import notification, store_invitation
from tests.support.discord_harness import FIXED_NOW, Bot

WINDOW = 0.5  # the fake's nonce window, seconds
POLICY = DeliveryPolicy(reconcile_after=timedelta(seconds=1))


class CrashBeforeSend:
    """The process "dies" after the attempt was written ahead, before Discord saw the post."""

    def __init__(self, inner: DiscordNotifier) -> None:
        self.consumer = inner.consumer
        self.targets = inner.targets

    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        raise Crash


def history_reads(bot: Bot) -> int:
    return len(bot.fake.requests_to("GET", r"^/channels/\d+/messages$"))


async def _after_the_window(bot: Bot, clock: Clock) -> None:
    """The nonce has expired and the retry comes later than `reconcile_after`."""
    await asyncio.sleep(WINDOW + 0.2)
    clock.now += timedelta(minutes=5)


async def _new_invitation(bot: Bot) -> tuple[int, Clock]:
    bot.fake.nonce_window = WINDOW
    setup_channel(bot)
    invitation_id = store_invitation(bot.store)
    clock = Clock(datetime.now(UTC))
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), clock.now)
    return invitation_id, clock


async def _retry(bot: Bot, clock: Clock) -> int:
    stats = await OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=clock,
                                 policy=POLICY, worker="host-a").deliver_once()
    return stats.sent


async def test_a_post_that_landed_before_the_crash_is_found_not_posted_again(bot: Bot) -> None:
    invitation_id, clock = await _new_invitation(bot)
    dying = CrashAfterSend(DiscordNotifier(bot.client), crash_on=1)
    with contextlib.suppress(Crash):
        await OutboxDelivery(bot.store, [dying], clock=clock, policy=POLICY,
                             worker="host-a").deliver_once()
    [post] = announcements(bot)
    await _after_the_window(bot, clock)
    assert await _retry(bot, clock) == 1
    assert announcements(bot) == [post]  # nothing posted a second time
    assert len(bot.fake.requests_to("POST", r"^/channels/\d+/messages$")) == 1
    assert history_reads(bot) == 1 and bot.fake.nonce_hits == 0
    with bot.store.unit() as unit:
        [sub] = unit.subscriptions(bot.guild.id)
        # Remembered as the announcement: the next change edits it.
        assert unit.message_for(invitation_id, sub.target) == post["id"]
        [delivery] = [unit.get_delivery(i) for i in range(1, 4) if unit.get_delivery(i)]
        assert delivery is not None and delivery.message_id == post["id"]
        assert delivery.attempt_started_at is None


async def test_a_post_that_never_landed_is_posted_once(bot: Bot) -> None:
    _, clock = await _new_invitation(bot)
    with contextlib.suppress(Crash):
        await OutboxDelivery(bot.store, [CrashBeforeSend(DiscordNotifier(bot.client))],
                             clock=clock, policy=POLICY, worker="host-a").deliver_once()
    assert announcements(bot) == []
    await _after_the_window(bot, clock)
    assert await _retry(bot, clock) == 1
    assert len(announcements(bot)) == 1 and history_reads(bot) == 1


async def test_a_history_the_bot_may_not_read_does_not_block_the_post(bot: Bot) -> None:
    _, clock = await _new_invitation(bot)
    with contextlib.suppress(Crash):
        await OutboxDelivery(bot.store, [CrashBeforeSend(DiscordNotifier(bot.client))],
                             clock=clock, policy=POLICY, worker="host-a").deliver_once()
    bot.fake.fail("GET", r"^/channels/\d+/messages$", 403, code=50001,
                  message="Missing Access")
    await _after_the_window(bot, clock)
    assert await _retry(bot, clock) == 1
    assert len(announcements(bot)) == 1


async def test_a_first_attempt_and_a_quick_retry_read_no_history(bot: Bot) -> None:
    _, clock = await _new_invitation(bot)
    assert await _retry(bot, clock) == 1
    assert history_reads(bot) == 0


async def test_a_status_reply_that_landed_is_found_not_replied_again(bot: Bot) -> None:
    bot.fake.nonce_window = WINDOW
    setup_channel(bot)
    clock = Clock(datetime.now(UTC))
    invitation_then_acceptance(bot)
    dying = CrashAfterSend(DiscordNotifier(bot.client), crash_on=2)
    with contextlib.suppress(Crash):
        await OutboxDelivery(bot.store, [dying], clock=clock, policy=POLICY,
                             worker="host-a").deliver_once()
    assert len(replies(bot)) == 1
    await _after_the_window(bot, clock)
    assert await _retry(bot, clock) == 1
    assert len(announcements(bot)) == 1 and len(replies(bot)) == 1


@pytest.mark.parametrize("crash_on", [1, 2], ids=["after-the-announcement", "after-the-news"])
@pytest.mark.parametrize("style", [SubscriptionStyle.COMPACT, SubscriptionStyle.THREAD],
                         ids=["compact", "thread"])
async def test_every_style_finds_what_a_lost_attempt_posted(
        bot: Bot, style: SubscriptionStyle, crash_on: int) -> None:
    bot.fake.nonce_window = WINDOW
    channel_id = bot.guild.channels[1]["id"]
    with bot.store.unit() as unit:
        sub = unit.add_subscription(Subscription(
            guild_id=bot.guild.id, channel_id=channel_id, channel_kind=ChannelKind.TEXT,
            style=style), FIXED_NOW)
    clock = Clock(datetime.now(UTC))
    invitation_id = invitation_then_acceptance(bot)
    dying = CrashAfterSend(DiscordNotifier(bot.client), crash_on=crash_on)
    with contextlib.suppress(Crash):
        await OutboxDelivery(bot.store, [dying], clock=clock, policy=POLICY,
                             worker="host-a").deliver_once()
    await _after_the_window(bot, clock)
    await _retry(bot, clock)
    in_channel = bot.fake.messages_in(channel_id)
    if style is SubscriptionStyle.COMPACT:
        assert len(in_channel) == 2  # the line and its change, once each
    else:
        [card] = in_channel
        [thread] = bot.fake.threads_in(channel_id)
        assert thread["id"] == card["id"]
        assert len(bot.fake.messages_in(thread["id"])) == 1
    assert history_reads(bot) == 1
    with bot.store.unit() as unit:
        assert unit.message_for(invitation_id, sub.target) is not None


async def test_the_fake_reads_history_as_discord_does(bot: Bot) -> None:
    """GET /channels/{id}/messages through discord.py: newest first, `after`/`before`
    anchors, limits checked, no nonce on a fetched message, outages honoured."""
    channel_id = bot.guild.channels[1]["id"]
    channel = bot.client.get_partial_messageable(int(channel_id))
    sent = [await channel.send(content=f"m{n}", nonce=f"n{n}") for n in range(5)]
    newest = [m.content async for m in channel.history(limit=3)]
    assert newest == ["m4", "m3", "m2"]
    after = [m.content async for m in channel.history(after=sent[1], limit=10,
                                                      oldest_first=True)]
    assert after == ["m2", "m3", "m4"]
    before = [m.content async for m in channel.history(before=sent[3], limit=2)]
    assert before == ["m2", "m1"]
    fetched = await bot.client.http.logs_from(int(channel_id), 5)
    assert all("nonce" not in m for m in fetched)
    assert len(await bot.client.http.logs_from(int(channel_id), 100)) == 5
    for bad in (0, 101):
        with pytest.raises(discord.HTTPException) as refused:
            await bot.client.http.logs_from(int(channel_id), bad)
        assert refused.value.status == 400
    bot.fake.outage = True
    with pytest.raises(discord.HTTPException) as outage:
        await bot.client.http.logs_from(int(channel_id), 5)
    assert outage.value.status == 503
    bot.fake.outage = False
