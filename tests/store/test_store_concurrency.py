"""Several writers at once (threads, and two stores standing for two processes)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from sqlalchemy import text

from bot.store import SqlStore, open_store
from tests.support.builders import MUSK, PUTIN, T0, article, new_outcome, source

ARTICLES = 15


def _add_all(store: SqlStore, feed_id: int) -> list[int | None]:
    results: list[int | None] = []
    for n in range(ARTICLES):
        with store.unit() as unit:
            results.append(unit.add_article(
                article(f"guid-{n}", url=f"https://news.example/{n}"), feed_id=feed_id,
                content_hash=f"hash-{n}", canonical_url=f"https://news.example/{n}", now=T0))
            unit.watch("1", "u1", f"figure-{n}")
            unit.add_feed("https://news.example/feed", now=T0)
    return results


def test_concurrent_writers_store_each_article_once(store: SqlStore, store_url: str) -> None:
    with store.unit() as unit:
        feed_id = unit.add_feed("https://news.example/feed", now=T0).id
    second = open_store(store_url)  # another process would have its own engine
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = [pool.submit(_add_all, s, feed_id) for s in (store, store, second, second)]
            results = [f.result() for f in futures]
    finally:
        second.close()
    stored = [r for per_thread in results for r in per_thread if r is not None]
    assert len(stored) == len(set(stored)) == ARTICLES
    with store.unit() as unit:
        feed = unit.get_feed("https://news.example/feed")
        assert feed is not None and feed.entries_seen == ARTICLES
        assert len(unit.list_feeds()) == 1
        assert len(unit.watchers([f"figure-{n}" for n in range(ARTICLES)])) == 1


def _someone_waits_for(store: SqlStore, backend: int) -> bool:
    """Whether a session waits for a lock the session `backend` holds."""
    with store.engine.connect() as connection:
        return bool(connection.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE :backend = ANY(pg_blocking_pids(pid))"
        ), {"backend": backend}).scalar())


def test_a_second_ingest_waits_for_the_first_and_sees_its_record(
        postgres_store_url: str) -> None:
    """Two pollers tracking the same story: the second reads the candidates only once the
    first has committed, so it sees the record the first created (instead of creating a
    second one, or deadlocking on the same rows)."""
    first, second = open_store(postgres_store_url), open_store(postgres_store_url)
    since = T0 - timedelta(days=30)
    pair = [(MUSK.key, PUTIN.key)]
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            with first.unit() as unit:
                assert unit.candidate_invitations(pair, since, urls=[None]) == []
                unit.save_outcome(new_outcome(), source())
                backend = unit.session.execute(text("SELECT pg_backend_pid()")).scalar()
                later = pool.submit(_candidates, second, pair, since)
                for _ in range(1000):  # up to ~10 s for the other transaction to queue
                    if _someone_waits_for(first, backend):
                        break
                    time.sleep(0.01)
                else:
                    raise AssertionError("the second ingest did not wait for the first")
                assert not later.done()
            assert len(later.result(timeout=10)) == 1
    finally:
        first.close()
        second.close()


def _candidates(store: SqlStore, pair: list[tuple[str, str]], since: datetime) -> list[object]:
    with store.unit() as unit:
        return list(unit.candidate_invitations(pair, since, urls=[None]))


def test_read_only_units_never_wait_for_an_ingest(postgres_store_url: str) -> None:
    first, second = open_store(postgres_store_url), open_store(postgres_store_url)
    try:
        with first.unit() as unit:
            unit.save_outcome(new_outcome(), source())
            with second.unit(read_only=True) as reader:
                assert reader.invitations_of(MUSK.key, T0 - timedelta(days=30)) == []
    finally:
        first.close()
        second.close()
