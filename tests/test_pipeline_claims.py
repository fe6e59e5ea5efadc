"""Poll cycles of two pollers sharing one database: each due feed is fetched by one of
them (feed claims), and what a poller does not get to is free again at once."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.feeds.fetch import FetchLimits, make_session
from bot.matcher import Matcher
from bot.pipeline import Poller, PollPolicy
from bot.store import SqlStore
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
