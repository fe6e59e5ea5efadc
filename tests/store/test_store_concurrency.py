"""Several writers at once (threads, and two stores standing for two processes)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bot.store import SqlStore, open_store
from tests.support.builders import T0, article

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
