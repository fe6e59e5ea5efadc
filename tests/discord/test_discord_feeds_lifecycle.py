"""/feeds enable and /feeds disable, through the fake Discord."""

from __future__ import annotations

from datetime import timedelta

from bot.store.api import FeedState
from tests.support.discord_harness import (
    EPHEMERAL,
    FIXED_NOW,
    Bot,
    FeedsChanged,
    admin,
    assert_ephemeral_error,
    audit_log,
    opt,
    run,
    text_of,
)

URL = "https://feeds.example/world.xml"


def disable_by_failures(bot: Bot) -> None:
    with bot.store.unit() as unit:
        feed = unit.add_feed(URL, title="World", now=FIXED_NOW - timedelta(days=2))
        unit.record_fetch_failure(feed.id, now=FIXED_NOW - timedelta(days=1),
                                  next_poll_at=FIXED_NOW, error="HTTP 410 Gone", disable=True)


async def test_feeds_enable_brings_back_a_feed_disabled_by_failures(
        bot: Bot, feeds_changed: FeedsChanged) -> None:
    disable_by_failures(bot)
    listing = text_of(await run(bot, "feeds list", member=admin(bot)))
    assert "not read since" in listing and "HTTP 410 Gone" in listing
    assert "/feeds enable" in listing
    enabled = await run(bot, "feeds enable", [opt("url", URL)], member=admin(bot))
    assert enabled["data"]["flags"] & EPHEMERAL
    assert "Enabled <https://feeds.example/world.xml>" in enabled["data"]["content"]
    assert "HTTP 410 Gone" in enabled["data"]["content"]
    with bot.store.unit() as unit:
        record = unit.get_feed(URL)
    assert record is not None and record.state == FeedState.ACTIVE
    assert record.failure_count == 0 and record.disabled_at is None
    assert feeds_changed.calls == 1
    again = await run(bot, "feeds enable", [opt("url", URL)], member=admin(bot))
    assert_ephemeral_error(again, "is not disabled")
    unknown = await run(bot, "feeds enable", [opt("url", "https://x.example/a")],
                        member=admin(bot))
    assert_ephemeral_error(unknown, "I do not read")
    assert [row[2] for row in audit_log(bot.store)] == ["feeds.enable"]


async def test_feeds_disable_keeps_the_feed_and_says_how_to_come_back(bot: Bot) -> None:
    with bot.store.unit() as unit:
        unit.add_feed(URL, now=FIXED_NOW)
    disabled = await run(bot, "feeds disable", [opt("url", URL)], member=admin(bot))
    assert "/feeds enable" in disabled["data"]["content"]
    with bot.store.unit() as unit:
        record = unit.get_feed(URL)
    assert record is not None and record.state == FeedState.DISABLED
    assert record.disabled_reason is not None and "by hand" in record.disabled_reason
    assert [row[2] for row in audit_log(bot.store)] == ["feeds.disable"]


async def test_members_without_manage_server_cannot_enable(bot: Bot) -> None:
    disable_by_failures(bot)
    refused = await run(bot, "feeds enable", [opt("url", URL)],
                        member=bot.fake.member_payload(name="member"))
    assert refused["data"]["flags"] & EPHEMERAL
    with bot.store.unit() as unit:
        record = unit.get_feed(URL)
    assert record is not None and record.state == FeedState.DISABLED
