"""Poll cycles of two pollers sharing one database: each due feed is fetched by one of
them (feed claims), and what a poller does not get to is free again at once."""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from bot.feeds.fetch import FetchLimits, make_session
from bot.matcher import Matcher
from bot.pipeline import Poller, PollPolicy
from bot.store import SqlStore
from bot.store.tables import FeedRow
from bot.tracker import TrackerPolicy
from tests.support.feed_server import QUIET, FeedServer, rss

LIMITS = FetchLimits(connect_timeout=2, read_timeout=2, max_bytes=200_000, max_redirects=3,
                     allow_private=True)


@pytest.fixture
def counted(server: FeedServer) -> Iterator[Counter[str]]:
    """Requests per path served by `server`."""
    counts: Counter[str] = Counter()
    handler: Any = server.httpd.RequestHandlerClass
    original = handler.do_GET

    def counting(self: Any) -> None:
        counts[self.path] += 1
        original(self)

    handler.do_GET = counting
    yield counts
    handler.do_GET = original


def poller(store: SqlStore, matcher: Matcher, worker: str, **policy: Any) -> Poller:
    return Poller(store, lambda: matcher, limits=LIMITS,
                  poll=PollPolicy(jitter=timedelta(0), **policy), tracker=TrackerPolicy(),
                  rng=random.Random(1), worker=worker)


def add_feeds(store: SqlStore, server: FeedServer, n: int) -> list[str]:
    paths = [f"/f{i}.xml" for i in range(n)]
    now = datetime.now(UTC) - timedelta(minutes=1)
    with store.unit() as unit:
        for path in paths:
            server.feed(path, rss(QUIET))
            unit.add_feed(server.url(path), now=now)
    return paths


async def test_two_pollers_fetch_each_due_feed_once(store: SqlStore, server: FeedServer,
                                                    counted: Counter[str],
                                                    real_matcher: Matcher) -> None:
    paths = add_feeds(store, server, 24)
    one = poller(store, real_matcher, "one", batch=4, max_concurrency=2)
    two = poller(store, real_matcher, "two", batch=4, max_concurrency=2)
    async with make_session(LIMITS) as session:
        first, second = await asyncio.gather(one.poll_due(session), two.poll_due(session))
    assert dict(counted) == {path: 1 for path in paths}
    assert len(first.feeds) + len(second.feeds) == len(paths)
    with store.unit() as unit:
        feeds = unit.list_feeds()
    assert all(f.last_success_at is not None for f in feeds)
    async with make_session(LIMITS) as session:
        again = await one.poll_due(session)
    assert again.feeds == ()  # polled this cycle: not due again


async def test_feeds_deferred_by_the_budget_are_released(store: SqlStore, server: FeedServer,
                                                         counted: Counter[str],
                                                         real_matcher: Matcher) -> None:
    add_feeds(store, server, 3)
    late = poller(store, real_matcher, "late", cycle_budget=timedelta(0))
    async with make_session(LIMITS) as session:
        result = await late.poll_due(session)
    assert result.feeds == () and not counted  # out of time before the first feed
    other = poller(store, real_matcher, "other")
    async with make_session(LIMITS) as session:
        result = await other.poll_due(session)
    assert len(result.feeds) == 3  # free at once, not after the lease


async def test_a_stopping_poller_releases_its_claims(store: SqlStore, server: FeedServer,
                                                     real_matcher: Matcher) -> None:
    add_feeds(store, server, 2)
    with store.unit() as unit:
        unit.claim_due_feeds(datetime.now(UTC), 2, worker="stopping",
                             until=datetime.now(UTC) + timedelta(hours=1))
    stopping = poller(store, real_matcher, "stopping")
    assert stopping.release_claims() == 2
    async with make_session(LIMITS) as session:
        result = await poller(store, real_matcher, "next").poll_due(session)
    assert len(result.feeds) == 2


class SlowFeed:
    """One feed whose answer waits until the test lets it go (`gate`), as a feed whose
    fetch and storing outlast the claim's lease; `started` is set when it is requested."""

    path = "/slow.xml"

    def __init__(self, server: FeedServer) -> None:
        self.started = threading.Event()
        self.gate = threading.Event()
        self.handler: Any = server.httpd.RequestHandlerClass
        self.original = self.handler.do_GET
        slow = self

        def waiting(handler: Any) -> None:
            if handler.path == slow.path:
                slow.started.set()
                slow.gate.wait(30)
            slow.original(handler)

        self.handler.do_GET = waiting
        server.feed(self.path, rss(QUIET))

    def restore(self) -> None:
        self.gate.set()
        self.handler.do_GET = self.original


@pytest.fixture
def slow_feed(server: FeedServer, store: SqlStore) -> Iterator[SlowFeed]:
    slow = SlowFeed(server)
    with store.unit() as unit:
        unit.add_feed(server.url(slow.path), now=datetime.now(UTC) - timedelta(minutes=1))
    yield slow
    slow.restore()


class Clock:
    """The pollers' clock, moved on by the test (the lease is in its time)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


SLOW_LIMITS = replace(LIMITS, read_timeout=30)
LEASE = timedelta(minutes=10)


def leased_poller(store: SqlStore, matcher: Matcher, worker: str, clock: Clock) -> Poller:
    return Poller(store, lambda: matcher, limits=SLOW_LIMITS,
                  poll=PollPolicy(jitter=timedelta(0), claim_lease=LEASE,
                                  claim_renew=timedelta(milliseconds=20)),
                  tracker=TrackerPolicy(), rng=random.Random(1), worker=worker, clock=clock)


def claimed_until(store: SqlStore) -> datetime | None:
    with store.unit() as unit:
        return unit.session.scalar(select(col(FeedRow.claimed_until)))


async def renewed_after(store: SqlStore, when: datetime) -> bool:
    """Whether the slow feed's claim is renewed past `when` within a few seconds."""
    for _ in range(500):
        until = claimed_until(store)
        if until is not None and until > when:
            return True
        await asyncio.sleep(0.01)
    return False


async def test_a_live_poller_keeps_a_slow_feed_past_its_lease(
        store: SqlStore, slow_feed: SlowFeed, counted: Counter[str],
        real_matcher: Matcher) -> None:
    clock = Clock()
    first = leased_poller(store, real_matcher, "first", clock)
    second = leased_poller(store, real_matcher, "second", clock)
    async with make_session(SLOW_LIMITS) as session:
        polling = asyncio.create_task(first.poll_due(session))
        assert await asyncio.to_thread(slow_feed.started.wait, 10)
        # The first lease is over: without a renewal the second poller would take the feed.
        clock.now += LEASE * 2
        assert await renewed_after(store, clock.now + LEASE / 2)
        stolen = await second.poll_due(session)
        slow_feed.gate.set()
        polled = await polling
    assert stolen.feeds == ()
    assert [r.outcome for r in polled.feeds] == ["updated"]
    assert counted[slow_feed.path] == 1
    assert claimed_until(store) is None  # recorded: the claim ended


async def test_a_dead_pollers_claim_on_a_slow_feed_still_expires(
        store: SqlStore, slow_feed: SlowFeed, counted: Counter[str],
        real_matcher: Matcher) -> None:
    clock = Clock()
    dying = leased_poller(store, real_matcher, "dying", clock)
    other = leased_poller(store, real_matcher, "other", clock)
    async with make_session(SLOW_LIMITS) as session:
        polling = asyncio.create_task(dying.poll_due(session))
        assert await asyncio.to_thread(slow_feed.started.wait, 10)
        polling.cancel()  # the worker dies mid-poll: its renewals stop with it
        with contextlib.suppress(asyncio.CancelledError):
            await polling
        last = claimed_until(store)
        assert last is not None
        clock.now = last - timedelta(seconds=1)
        assert (await other.poll_due(session)).feeds == ()  # still its claim
        clock.now = last
        slow_feed.gate.set()
        taken = await other.poll_due(session)
    assert [r.url for r in taken.feeds] == [slow_feed_url(store)]
    assert taken.feeds[0].outcome == "updated"


def slow_feed_url(store: SqlStore) -> str:
    with store.unit() as unit:
        return next(f.url for f in unit.list_feeds() if f.url.endswith(SlowFeed.path))
