"""Secure defaults for a public bot (issue 8): each test failed before the fix — any
server's admins could change the shared feeds by default, /watch had no cap, a forged
/invitation id beyond the database's range raised an internal error, and the scheduler
warned at every tick a job was still running."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

import pytest

from bot.scheduler import Jobs, build_scheduler
from bot.store.api import Store
from tests.support.discord_harness import (
    Bot,
    admin,
    assert_ephemeral_error,
    audit_log,
    make_deps,
    opt,
    run,
    running_bot,
)
from tests.support.fake_discord import FakeDiscord


@pytest.mark.parametrize("admin_servers", [
    frozenset(),  # the default, []: nobody from Discord
    frozenset({"42"}),  # set: only those servers, not this one
])
async def test_no_feed_admin_servers_means_nobody_changes_feeds_from_discord(
        fake: FakeDiscord, store: Store, admin_servers: frozenset[str]) -> None:
    deps = replace(make_deps(store, fake), feed_admin_guilds=lambda: admin_servers)
    async with running_bot(fake, store, deps) as bot:
        refused = await run(bot, "feeds add", [opt("url", "https://feeds.example/a.xml")],
                            member=admin(bot))
        assert_ephemeral_error(refused, "only the host's own servers")
        removal = await run(bot, "feeds remove", [opt("url", "https://feeds.example/a.xml")],
                            member=admin(bot))
        assert_ephemeral_error(removal, "only the host's own servers")
    with store.unit() as unit:
        assert unit.list_feeds() == []
    assert audit_log(store) == []


async def test_watches_per_member_are_capped(fake: FakeDiscord, store: Store) -> None:
    deps = replace(make_deps(store, fake), max_watches=lambda: 3)
    member = fake.member_payload(name="eager")
    async with running_bot(fake, store, deps) as bot:
        for n in range(3):
            answer = await run(bot, "watch", [opt("figure", f"Someone Number {n}")],
                               member=member)
            assert "now watching" in answer["data"]["content"]
        again = await run(bot, "watch", [opt("figure", "Someone Number 0")], member=member)
        assert "already watching" in again["data"]["content"]  # a repeat is not refused
        over = await run(bot, "watch", [opt("figure", "One Too Many")], member=member)
        assert_ephemeral_error(over, "3 figures", "/unwatch")
    with store.unit() as unit:
        assert unit.count_watches(bot.guild.id, member["user"]["id"]) == 3


@pytest.mark.parametrize("forged", [2**31, 2**53, 2**63, 2**64])
async def test_a_forged_invitation_id_is_answered_cleanly(bot: Bot, forged: int) -> None:
    answer = await run(bot, "invitation", [opt("id", forged, kind=4)])
    assert_ephemeral_error(answer, "no invitation")
    assert bot.errors == [] or all("Internal" not in str(e) for e in bot.errors)


def test_ids_beyond_the_database_range_are_not_found(store: Store) -> None:
    with store.unit() as unit:
        for forged in (2**31, 2**63, 2**70, 0, -1):
            assert unit.get_invitation(forged) is None
            assert unit.get_delivery(forged) is None


async def test_a_long_job_warns_once_per_episode(caplog: pytest.LogCaptureFixture) -> None:
    finished = asyncio.Event()

    async def slow_poll() -> None:
        if not finished.is_set():
            await asyncio.sleep(1.0)  # an outage: far longer than the tick, once
            finished.set()

    async def idle() -> None:
        return None

    scheduler = build_scheduler(Jobs(poll=slow_poll, deliver=idle, watch_config=idle),
                                poll_check_seconds=0.05, poll_jitter=0, deliver_seconds=60,
                                watch_seconds=60)
    with caplog.at_level(logging.WARNING):
        scheduler.start()
        try:
            await asyncio.wait_for(finished.wait(), timeout=5)
            await asyncio.sleep(0.2)
        finally:
            scheduler.shutdown(wait=False)
    skipped = [r for r in caplog.records
               if "maximum number of running instances" in r.getMessage()]
    assert len(skipped) == 1, [r.getMessage() for r in skipped]
    assert "scheduled runs were skipped meanwhile" in caplog.text
