"""A poll cycle end to end: a local HTTP server serves feeds, the real fetcher, parser,
matcher, tracker and store (SQLite and PostgreSQL) do the rest."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import bot.pipeline as pipeline
from bot.domain import NotificationKind, Status
from bot.feeds.fetch import FetchLimits, make_session
from bot.matcher import Matcher
from bot.pipeline import Poller, PollPolicy, next_poll_after_failure
from bot.store import open_store
from bot.store.api import FeedState, InvitationFilter, Store
from bot.tracker import TrackerPolicy
from tests.support.http_server import LocalHTTPServer

NOW = datetime(2021, 2, 15, 15, tzinfo=UTC)
LIMITS = FetchLimits(connect_timeout=2, read_timeout=0.5, max_bytes=200_000, max_redirects=3,
                     allow_private=True)

MUSK_EN = ("Elon Musk has invited Russian President Vladimir Putin to a conversation on "
           "Clubhouse. There is no word yet on whether Putin has accepted the invitation.")
MUSK_DE = ("Elon Musk hat Wladimir Putin zu einem Gespräch auf Clubhouse eingeladen. Der Kreml "
           "nannte die Einladung einen interessanten Vorschlag, wolle aber zuerst mehr Details "
           "erfahren.")


def rss(items: list[tuple[str, str, str, datetime]], title: str = "Test feed",
        lang: str = "en") -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{format_datetime(when)}</pubDate><description>{escape(text)}</description></item>"
        for t, text, link, when in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://example.org/</link><description>d</description>"
            f"<language>{lang}</language>{body}</channel></rss>")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def matcher(real_matcher: Matcher) -> Matcher:
    return real_matcher  # loaded once per session (tests/conftest.py)


@pytest.fixture
async def server() -> AsyncIterator[LocalHTTPServer]:
    async with LocalHTTPServer() as srv:
        yield srv


def make_poller(store: Store, matcher: Matcher, clock: Clock) -> Poller:
    return Poller(store, lambda: matcher, limits=LIMITS,
                  poll=PollPolicy(interval=timedelta(minutes=15), jitter=timedelta(0),
                                  backfill=timedelta(hours=48), disable_after_failures=4),
                  tracker=TrackerPolicy(), clock=clock, rng=random.Random(1))


def add_feeds(store: Store, *urls: str) -> None:
    with store.unit() as unit:
        for url in urls:
            unit.add_feed(url, now=NOW - timedelta(days=1))


def outbox(store: Store) -> list:
    with store.unit() as unit:
        return [i.notification for i in unit.undelivered("test", 1000)]


def invitations(store: Store) -> list:
    with store.unit() as unit:
        return unit.list_invitations(InvitationFilter(limit=100))


async def test_two_languages_one_invitation_two_sources(server: LocalHTTPServer, store: Store,
                                                        matcher: Matcher) -> None:
    en = server.add_feed("/en.xml", rss([]), etag='"e1"')
    de = server.add_feed("/de.xml", rss([], lang="de"))
    add_feeds(store, en, de)
    clock = Clock(NOW - timedelta(days=1))
    poller = make_poller(store, matcher, clock)
    async with make_session(LIMITS) as session:
        first = await poller.poll_due(session)  # first poll: empty feeds, backfill done
        assert [r.outcome for r in first.feeds] == ["updated", "updated"]
        server.add_feed("/en.xml", rss([("Musk invites Putin", MUSK_EN, "https://a.example/1",
                                         NOW - timedelta(days=1))]), etag='"e2"')
        clock.now = NOW - timedelta(hours=20)
        await poller.poll_due(session)
        server.add_feed("/de.xml", rss([("Kreml antwortet Musk", MUSK_DE, "https://b.example/2",
                                         NOW)], lang="de"))
        clock.now = NOW + timedelta(hours=1)
        await poller.poll_due(session)
        # A third cycle with nothing new: 304 for the feed with an ETag, nothing repeated.
        clock.now = NOW + timedelta(hours=2)
        again = await poller.poll_due(session)
    assert {r.outcome for r in again.feeds} <= {"not_modified", "updated"}
    assert "not_modified" in {r.outcome for r in again.feeds}
    assert server.requests_to("/en.xml")[-1].header("If-None-Match") == '"e2"'

    [inv] = invitations(store)
    assert (inv.inviter.name, inv.invitee.name) == ("Elon Musk", "Vladimir Putin")
    assert inv.status is Status.RESPONDED
    assert sorted(inv.sources) == ["https://a.example/1", "https://b.example/2"]
    assert inv.languages == ["de", "en"]
    kinds = [(n.kind, n.status) for n in outbox(store)]
    assert kinds == [(NotificationKind.NEW, Status.PENDING),
                     (NotificationKind.STATUS, Status.RESPONDED)]


async def test_first_poll_records_without_notifying(server: LocalHTTPServer, store: Store,
                                                    matcher: Matcher) -> None:
    old = NOW - timedelta(days=30)
    url = server.add_feed("/f.xml", rss([
        ("Musk invites Putin", MUSK_EN, "https://a.example/1", NOW - timedelta(hours=3)),
        ("Old news", MUSK_DE, "https://a.example/old", old)]))
    add_feeds(store, url)
    async with make_session(LIMITS) as session:
        result = await make_poller(store, matcher, Clock(NOW)).poll_due(session)
    assert result.feeds[0].new_articles == 2
    assert outbox(store) == []
    [inv] = invitations(store)  # the fresh entry is tracked; the old one only remembered
    assert inv.status is Status.PENDING
    with store.unit() as unit:
        assert unit.get_feed(url).backfilled  # type: ignore[union-attr]


async def test_feeds_are_stored_one_at_a_time(server: LocalHTTPServer, store: Store,
                                             matcher: Matcher,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The store lane: while feeds are fetched and parsed concurrently, their entries are
    stored one feed at a time (no writer queues on another's lock)."""
    urls = [server.add_feed(f"/{n}.xml", rss([(f"News {n}", f"Plain news number {n}.",
                                                f"https://a.example/{n}", NOW)]))
            for n in range(6)]
    add_feeds(store, *urls)
    inside, most = 0, 0
    guard = threading.Lock()
    real_ingest = pipeline.ingest_feed_entries

    def ingest(*args: object, **kwargs: object) -> object:
        nonlocal inside, most
        with guard:
            inside += 1
            most = max(most, inside)
        try:
            time.sleep(0.05)  # long enough for the other feeds to arrive meanwhile
            return real_ingest(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            with guard:
                inside -= 1

    monkeypatch.setattr(pipeline, "ingest_feed_entries", ingest)
    async with make_session(LIMITS) as session:
        result = await make_poller(store, matcher, Clock(NOW)).poll_due(session)
    assert sum(r.new_articles for r in result.feeds) == 6
    assert most == 1


async def test_same_article_in_two_feeds_is_stored_once(server: LocalHTTPServer, store: Store,
                                                        matcher: Matcher) -> None:
    item = [("Musk invites Putin", MUSK_EN, "https://a.example/1?utm_source=rss", NOW)]
    one = server.add_feed("/1.xml", rss([]))
    two = server.add_feed("/2.xml", rss([]))
    add_feeds(store, one, two)
    clock = Clock(NOW - timedelta(hours=1))
    poller = make_poller(store, matcher, clock)
    async with make_session(LIMITS) as session:
        await poller.poll_due(session)
        server.add_feed("/1.xml", rss(item))
        server.add_feed("/2.xml", rss([(t, x, "https://a.example/1", w) for t, x, _, w in item]))
        clock.now = NOW + timedelta(hours=1)
        result = await poller.poll_due(session)
    assert sum(r.new_articles for r in result.feeds) == 1
    assert len(outbox(store)) == 1


@pytest.mark.parametrize(("setup", "expected"), [
    (lambda s: s.add("/f.xml", status=500, body="oops"), "HTTP 500"),
    (lambda s: s.slow("/f.xml", delay=5, body=b"<rss/>"), "timed out"),
    (lambda s: s.stream("/f.xml", chunk=b"x" * 65536, count=100), "larger than"),
    (lambda s: s.add("/f.xml", body="<html><body>Hello</body></html>",
                     headers={"Content-Type": "text/html"}), "not an RSS/Atom feed"),
    (lambda s: s.redirect("/f.xml", "/f.xml"), "redirect"),
])
async def test_a_failing_feed_is_reported_and_backs_off(server: LocalHTTPServer, store: Store,
                                                       matcher: Matcher, setup, expected) -> None:
    setup(server)
    good = server.add_feed("/good.xml", rss([]))
    add_feeds(store, server.url("/f.xml"), good)
    async with make_session(LIMITS) as session:
        result = await make_poller(store, matcher, Clock(NOW)).poll_due(session)
    by_url = {r.url: r for r in result.feeds}
    bad = by_url[server.url("/f.xml")]
    assert bad.outcome in ("failed", "disabled")
    assert expected.casefold() in (bad.error or "").casefold()
    assert by_url[good].outcome == "updated"  # one bad feed never stops the batch
    with store.unit() as unit:
        record = unit.get_feed(server.url("/f.xml"))
    assert record is not None and record.failure_count == 1
    assert expected.casefold() in (record.last_error or "").casefold()
    assert record.next_poll_at > NOW + timedelta(minutes=4)


async def test_feed_is_disabled_after_repeated_failures_and_keeps_the_reason(
        server: LocalHTTPServer, store: Store, matcher: Matcher) -> None:
    server.add("/f.xml", status=503, body="busy")
    add_feeds(store, server.url("/f.xml"))
    clock = Clock(NOW)
    poller = make_poller(store, matcher, clock)
    async with make_session(LIMITS) as session:
        for _ in range(4):
            await poller.poll_due(session)
            clock.now += timedelta(days=2)
    with store.unit() as unit:
        record = unit.get_feed(server.url("/f.xml"))
        assert unit.due_feeds(clock.now + timedelta(days=30), 10) == []
    assert record is not None and record.state is FeedState.DISABLED
    assert "HTTP 503" in (record.last_error or "")


def test_backoff_grows_and_is_capped() -> None:
    policy = PollPolicy(jitter=timedelta(0), backoff_base=timedelta(minutes=5),
                        backoff_max=timedelta(hours=1))
    rng = random.Random(0)
    delays = [next_poll_after_failure(NOW, n, policy, rng) - NOW for n in (1, 2, 3, 10)]
    assert delays == [timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=20),
                      timedelta(hours=1)]
    assert next_poll_after_failure(NOW, 1, policy, rng, retry_after=600) - NOW == \
        timedelta(minutes=10)


async def test_locked_database_loses_nothing_and_duplicates_nothing(
        server: LocalHTTPServer, tmp_path: Path, matcher: Matcher) -> None:
    path = tmp_path / "locked.db"
    store = open_store(f"sqlite:///{path}", busy_timeout=0.3)
    try:
        url = server.add_feed("/f.xml", rss([]), etag='"v1"')
        add_feeds(store, url)
        clock = Clock(NOW - timedelta(hours=2))
        poller = make_poller(store, matcher, clock)
        async with make_session(LIMITS) as session:
            await poller.poll_due(session)
            server.add_feed("/f.xml", rss([("Musk invites Putin", MUSK_EN,
                                            "https://a.example/1", NOW)]), etag='"v2"')
            clock.now = NOW
            blocker = sqlite3.connect(path, timeout=0.1)
            blocker.execute("BEGIN EXCLUSIVE")
            try:
                locked = await poller.poll_due(session, only=[url])
            finally:
                blocker.rollback()
                blocker.close()
            # Either the cycle could not start or the feed's entries could not be stored:
            # both say why, and neither writes anything.
            reason = locked.error or (locked.feeds[0].error if locked.feeds else "")
            assert "locked by another process" in (reason or "")
            clock.now = NOW + timedelta(hours=1)
            await poller.poll_due(session, only=[url])
            await poller.poll_due(session, only=[url])
        assert len(invitations(store)) == 1
        assert len(outbox(store)) == 1
        # the validators were not advanced while the database was locked
        assert server.requests_to("/f.xml")[-2].header("If-None-Match") == '"v1"'
    finally:
        store.close()
