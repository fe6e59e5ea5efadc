"""The CPU stage of ingest (`bot.workers`): the same stored result in a process pool as in
the bot's own process, and the rules it must keep (first poll, known entries)."""

from __future__ import annotations

import os
import random
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.feeds.fetch import make_session
from bot.matcher import Matcher
from bot.pipeline import Poller, PollPolicy
from bot.store import open_store
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy
from bot.workers import (
    AnalyseContext,
    MatcherRecipe,
    analyse_entries,
    pool_size,
    prepare_article,
)
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
                     workers: int, recipe: bool = False) -> list[list[tuple[str, str, int]]]:
    """Three poll cycles over four feeds; the per-cycle results. `recipe`: the workers
    build (or share) the configured matcher instead of receiving `matcher` pickled."""
    prefix = f"/w{workers}{'r' if recipe else ''}"
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
                    clock=clock, rng=random.Random(1),
                    recipe=(lambda: MatcherRecipe.of(None)) if recipe else None)
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
        for workers, recipe in ((0, False), (2, False), (2, True)):
            store = open_store(f"sqlite:///{tmp_path / f'w{workers}{recipe}.db'}")
            cycles = await run_cycles(server, store, real_matcher, workers, recipe)
            results[workers, recipe] = (cycles, stored(store))
    assert results[2, False] == results[0, False]
    assert results[2, True] == results[0, False]
    cycles, (invitations, notes) = results[0, False]
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


# -- the shared matcher (issue 13, memory) ---------------------------------------------------

# Run in a process of its own, so that its fork server is started by `prepare_fork_server`
# (in this test process another test may have started one already, without the preload).
SHARED_POOL = """
import asyncio, pickle, sys
from pathlib import Path
from bot.workers import Analyser, MatcherRecipe, prepare_fork_server

async def analyse(recipe, feed, ctx):
    analyser = Analyser(lambda: None, 2, lambda: recipe)
    try:
        analysed = await analyser.analyse(feed, ctx)
        return analyser.states, analysed
    finally:
        analyser.close()

if __name__ == "__main__":
    feed, ctx, overlay = pickle.loads(sys.stdin.buffer.read())
    assert prepare_fork_server(MatcherRecipe.of(None))
    shared = asyncio.run(analyse(MatcherRecipe.of(None), feed, ctx))
    own = asyncio.run(analyse(MatcherRecipe.of(Path(overlay)), feed, ctx))
    sys.stdout.buffer.write(pickle.dumps((shared, own)))
"""


@pytest.mark.slow  # starts a process, its fork server and worker processes
def test_workers_share_the_fork_servers_matcher_and_match_as_in_process(
        tmp_path: Path, real_matcher: Matcher) -> None:
    import pickle
    import subprocess
    import sys

    overlay = tmp_path / "figures.toml"  # another file than the fork server's figures
    overlay.write_text("# no changes to the built-in figures\n", encoding="utf-8")
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", SHARED_POOL], cwd=repo, timeout=240,
                          input=pickle.dumps((FEED, context(), str(overlay))),
                          capture_output=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(repo)})
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    (shared_states, shared), (own_states, own) = pickle.loads(done.stdout)
    expected = analyse_entries(FEED, context(), real_matcher)
    figures = len(real_matcher.gazetteer)
    assert [(s.shared, s.figures, s.problem) for s in shared_states] == [(True, figures, None)] * 2
    assert shared == expected
    # Other figures than the fork server's: each worker builds its own matcher, and says why.
    assert [s.shared for s in own_states] == [False, False]
    assert all("figures changed" in (s.problem or "") for s in own_states)
    assert own == expected


def test_a_worker_takes_the_preloaded_matcher_only_for_the_same_figures(
        real_matcher: Matcher, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from types import SimpleNamespace

    from bot import workers

    recipe = workers.MatcherRecipe.of(None)
    monkeypatch.setitem(sys.modules, workers.PRELOAD_MODULE,
                        SimpleNamespace(matcher=real_matcher, fingerprint=recipe.fingerprint,
                                        problem=None))
    assert workers._preloaded(recipe) == (real_matcher, None)
    overlay = tmp_path / "figures.toml"
    overlay.write_text("", encoding="utf-8")
    matcher, problem = workers._preloaded(workers.MatcherRecipe.of(overlay))
    assert matcher is None and problem is not None and "figures changed" in problem
    monkeypatch.setitem(sys.modules, workers.PRELOAD_MODULE,
                        SimpleNamespace(matcher=None, fingerprint=None, problem="broken file"))
    assert workers._preloaded(recipe) == (None, "broken file")
    monkeypatch.delitem(sys.modules, workers.PRELOAD_MODULE)
    assert workers._preloaded(recipe)[0] is None


def test_the_preload_module_builds_nothing_outside_a_fork_server(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from bot import workers

    monkeypatch.delenv(workers.PRELOAD_FIGURES_ENV, raising=False)
    monkeypatch.delitem(sys.modules, workers.PRELOAD_MODULE, raising=False)
    preload = importlib.import_module(workers.PRELOAD_MODULE)
    assert preload.matcher is None and preload.problem is None


def test_the_recipe_fingerprint_follows_the_figures_file(tmp_path: Path) -> None:
    from bot.workers import BUILTIN_FIGURES, MatcherRecipe

    overlay = tmp_path / "figures.toml"
    overlay.write_text("# a\n", encoding="utf-8")
    first = MatcherRecipe.of(overlay, {"@b": "x", "@a": "y"})
    assert first.authors == (("@a", "y"), ("@b", "x"))  # sorted: the same config, same recipe
    assert MatcherRecipe.of(None).fingerprint == BUILTIN_FIGURES
    overlay.write_text("# b\n", encoding="utf-8")
    assert MatcherRecipe.of(overlay).fingerprint != first.fingerprint


def test_digests_are_the_stores_duplicate_keys(real_matcher: Matcher) -> None:
    from bot.feeds.text import content_hash
    from bot.feeds.urls import canonical_url

    analysed = analyse_entries(FEED, context(), None)
    digests = analysed.digests()
    assert digests is not None and len(digests) == len(analysed.parsed().entries)
    for entry, digest in zip(analysed.entries, digests, strict=True):
        assert digest.content_hash == content_hash(entry.article.title, entry.article.text)
        assert digest.canonical_url == canonical_url(entry.article.url or "")


@pytest.mark.slow  # starts worker processes
async def test_a_dead_worker_loses_nothing_and_the_next_feed_gets_a_fresh_pool(
        real_matcher: Matcher, caplog: pytest.LogCaptureFixture) -> None:
    import asyncio
    import logging
    import signal

    from bot import workers

    analyser = workers.Analyser(lambda: real_matcher, 1)
    expected = analyse_entries(FEED, context(), real_matcher)
    try:
        assert await analyser.analyse(FEED, context()) == expected
        pool = analyser._pool
        assert pool is not None
        for process in list(pool._processes.values()):  # type: ignore[union-attr]
            os.kill(process.pid, signal.SIGKILL)
        for _ in range(100):  # the pool notices the death on its own thread
            if pool._broken:
                break
            await asyncio.sleep(0.05)
        with caplog.at_level(logging.ERROR, logger="bot.workers"):
            assert await analyser.analyse(FEED, context()) == expected  # done here instead
        assert "a worker process died" in caplog.text
        assert analyser._pool is None and analyser.workers == 1
        assert await analyser.analyse(FEED, context()) == expected
        assert analyser._pool is not None and analyser._pool is not pool
        # What the store stage still matches goes to the pool, and here without one.
        article = expected.entries[0].article
        assert analyser.store_matcher().match(article) == real_matcher.match(article)
        analyser.close()
        assert analyser.store_matcher().match(article) == real_matcher.match(article)
    finally:
        analyser.close()


@pytest.mark.slow  # starts worker processes
async def test_after_a_cycle_every_worker_hands_its_free_memory_back(
        real_matcher: Matcher) -> None:
    from bot import workers

    analyser = workers.Analyser(lambda: real_matcher, 2)
    assert await analyser.release_memory() == 0  # no pool yet: nothing to ask
    try:
        await analyser.analyse(FEED, context())
        assert len({state.pid for state in analyser.states}) == 2  # each reported itself
        assert await analyser.release_memory() == 2  # one task reached each worker
        assert await analyser.analyse(FEED, context()) == analyse_entries(
            FEED, context(), real_matcher)  # the workers go on working
    finally:
        analyser.close()
