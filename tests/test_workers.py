"""The CPU stage of ingest (`bot.workers`): the same stored result in a process pool as in
the bot's own process, and the rules it must keep (first poll, known entries)."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest

from bot.feeds.fetch import make_session
from bot.matcher import Matcher
from bot.pipeline import Poller, PollPolicy
from bot.store import open_store
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy
from bot.workers import AnalyseContext, analyse_entries, pool_size, prepare_article
from tests.support.http_server import LocalHTTPServer
from tests.test_pipeline import LIMITS, MUSK_DE, MUSK_EN, NOW, Clock, rss

URL = "https://example.org/feed.xml"


def context(**changes: object) -> AnalyseContext:
    values: dict[str, object] = {
        "url": URL, "headers": {}, "feed_title": None, "feed_lang": None, "now": NOW,
        "first_poll": False, "backfill": timedelta(hours=48), "match": True}
    values.update(changes)
    return AnalyseContext(**values)  # type: ignore[arg-type]


FEED = rss([("Musk invites Putin", MUSK_EN, "https://a.example/1", NOW - timedelta(hours=2)),
            ("Old news", MUSK_DE, "https://a.example/old", NOW - timedelta(days=30)),
            ("Scheduled", MUSK_EN, "https://a.example/future", NOW + timedelta(days=2))],
           title="").encode()


def test_analyse_entries_matches_the_article_the_store_will_keep(real_matcher: Matcher) -> None:
    analysed = analyse_entries(FEED, context(feed_title="Known title"), real_matcher)
    first, _old, future = analysed.entries
    assert first.article.outlet == "Known title" and first.article.lang == "en"
    assert future.article.published == NOW  # a future date is now, as the store keeps it
    for entry in analysed.entries:
        assert entry.match == real_matcher.match(entry.article)
    assert first.match is not None and first.match.mentions


def test_first_poll_old_entries_and_known_entries_are_not_matched(real_matcher: Matcher) -> None:
    analysed = analyse_entries(FEED, context(first_poll=True), real_matcher)
    assert [e.match is not None for e in analysed.entries] == [True, False, True]
    known = frozenset({"https://a.example/1"})
    analysed = analyse_entries(FEED, context(known=known), real_matcher)
    assert [e.match is not None for e in analysed.entries] == [False, True, True]
    in_process = analyse_entries(FEED, context(match=False), real_matcher)
    assert all(e.match is None for e in in_process.entries)


def test_prepare_article_is_idempotent(real_matcher: Matcher) -> None:
    for entry in analyse_entries(FEED, context(feed_title="T", feed_lang="de"), None).entries:
        article = entry.article
        assert prepare_article(article, title="T", lang="de", now=NOW) == article


@pytest.mark.parametrize(("setting", "expected"), [(0, 0), (3, 3)])
def test_pool_size(setting: int, expected: int) -> None:
    assert pool_size(setting) == expected
    assert pool_size("auto") >= 0
    with pytest.raises(ValueError, match="workers must be 0"):
        pool_size(-1)


async def run_cycles(server: LocalHTTPServer, store: Store, matcher: Matcher,
                     workers: int) -> list[list[tuple[str, str, int]]]:
    """Three poll cycles over four feeds; the per-cycle results."""
    prefix = f"/w{workers}"
    en = server.add_feed(f"{prefix}/en.xml", rss([
        ("Musk invites Putin", MUSK_EN, "https://a.example/1", NOW - timedelta(hours=3)),
        ("Old news", MUSK_DE, "https://a.example/old", NOW - timedelta(days=30))]))
    de = server.add_feed(f"{prefix}/de.xml", rss([], lang="de"))
    copy = server.add_feed(f"{prefix}/copy.xml", rss([]))
    broken = server.add(f"{prefix}/broken.xml", body="<html><body>no feed</body></html>",
                        headers={"Content-Type": "text/html"})
    with store.unit() as unit:
        for url in (en, de, copy, broken):
            unit.add_feed(url, now=NOW - timedelta(days=1))
    clock = Clock(NOW)
    poller = Poller(store, lambda: matcher, limits=LIMITS, tracker=TrackerPolicy(),
                    poll=PollPolicy(interval=timedelta(minutes=15), jitter=timedelta(0),
                                    workers=workers),
                    clock=clock, rng=random.Random(1))
    cycles = []
    try:
        async with make_session(LIMITS) as session:
            for step in range(3):
                if step == 1:
                    server.add_feed(f"{prefix}/de.xml", rss([
                        ("Kreml antwortet Musk", MUSK_DE, "https://b.example/2", clock.now)],
                        lang="de"))
                    server.add_feed(f"{prefix}/copy.xml", rss([
                        ("Musk invites Putin", MUSK_EN, "https://a.example/1?utm_source=x",
                         NOW - timedelta(hours=3))]))
                result = await poller.poll_due(session)
                cycles.append(sorted((r.url.removeprefix(server.url(prefix)), r.outcome,
                                      r.new_articles) for r in result.feeds))
                clock.now += timedelta(hours=1)
    finally:
        poller.close()
    return cycles


def stored(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with store.unit() as unit:
        invitations = [(i.inviter.name, i.invitee.name, i.status, sorted(i.sources),
                        i.languages) for i in unit.list_invitations(InvitationFilter(limit=100))]
        notes = [(n.notification.kind, n.notification.status)
                 for n in unit.undelivered("test", 1000)]
    return invitations, notes


@pytest.mark.slow  # starts worker processes
async def test_pool_mode_stores_what_in_process_mode_stores(
        tmp_path: Path, real_matcher: Matcher) -> None:
    results = {}
    async with LocalHTTPServer() as server:
        for workers in (0, 2):
            store = open_store(f"sqlite:///{tmp_path / f'w{workers}.db'}")
            cycles = await run_cycles(server, store, real_matcher, workers)
            results[workers] = (cycles, stored(store))
    assert results[2] == results[0]
    cycles, (invitations, notes) = results[0]
    assert ("/broken.xml", "failed", 0) in cycles[0]
    assert invitations and notes  # the scenario does track and notify


async def test_a_pool_that_cannot_start_leaves_the_work_in_process(
        real_matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import workers

    def refuse(self: workers.Analyser) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(workers.Analyser, "_start_pool", refuse)
    analyser = workers.Analyser(lambda: real_matcher, 2)
    analysed = await analyser.analyse(FEED, context())
    assert analyser.workers == 0 and analyser.requested == 2
    assert analysed == analyse_entries(FEED, context(), real_matcher)
