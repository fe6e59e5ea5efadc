"""Articles: dedup by (feed, GUID), by canonical URL and by content hash."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.errors import StoreError
from bot.store import SqlStore
from bot.store.tables import ArticleRow
from tests.support.builders import T0, article


def _count(store: SqlStore) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(ArticleRow)).scalar_one())


@pytest.fixture
def feeds(store: SqlStore) -> tuple[int, int]:
    with store.unit() as unit:
        one = unit.add_feed("https://one.example/feed", now=T0)
        two = unit.add_feed("https://two.example/feed", now=T0)
        first = unit.add_article(article("guid-1", url="https://one.example/a?utm_source=x"),
                                 feed_id=one.id, content_hash="hash-1",
                                 canonical_url="https://one.example/a", now=T0)
    assert isinstance(first, int)
    return one.id, two.id


def test_same_guid_in_the_same_feed_is_a_duplicate(store: SqlStore, feeds: tuple[int, int]) -> None:
    one, _ = feeds
    with store.unit() as unit:
        assert unit.add_article(article("guid-1", url="https://one.example/a"), feed_id=one,
                                content_hash="hash-1", canonical_url="https://one.example/a",
                                now=T0) is None
    assert _count(store) == 1


def test_an_entry_edited_under_its_guid_is_read_again(store: SqlStore,
                                                     feeds: tuple[int, int]) -> None:
    """'UPDATE: the Kremlin replied' keeps the GUID and changes the text: the stored row
    takes the new content and comes back to be matched; nothing is stored twice."""
    one, _ = feeds
    with store.unit() as unit:
        first = unit.add_article(article("guid-1", url="https://one.example/a"), feed_id=one,
                                 content_hash="hash-1", canonical_url="https://one.example/a",
                                 now=T0)
        updated = unit.add_article(article("guid-1", url="https://one.example/a"), feed_id=one,
                                   content_hash="hash-2", canonical_url="https://one.example/a",
                                   now=T0)
        again = unit.add_article(article("guid-1", url="https://one.example/a"), feed_id=one,
                                 content_hash="hash-2", canonical_url="https://one.example/a",
                                 now=T0)
    assert first is None and isinstance(updated, int) and again is None
    assert _count(store) == 1


def test_same_guid_in_another_feed_is_a_new_article(store: SqlStore, feeds: tuple[int, int]) -> None:
    _, two = feeds
    with store.unit() as unit:
        new_id = unit.add_article(article("guid-1", url="https://two.example/b"), feed_id=two,
                                  content_hash="hash-2", canonical_url="https://two.example/b",
                                  now=T0)
    assert isinstance(new_id, int)
    assert _count(store) == 2


def test_same_canonical_url_is_a_duplicate(store: SqlStore, feeds: tuple[int, int]) -> None:
    _, two = feeds
    with store.unit() as unit:
        assert unit.add_article(article("other-guid", url="https://one.example/a#top"),
                                feed_id=two, content_hash="hash-2",
                                canonical_url="https://one.example/a", now=T0) is None
    assert _count(store) == 1


def test_same_content_hash_is_a_duplicate(store: SqlStore, feeds: tuple[int, int]) -> None:
    _, two = feeds
    with store.unit() as unit:
        assert unit.add_article(article("syndicated", url="https://two.example/copy"),
                                feed_id=two, content_hash="hash-1",
                                canonical_url="https://two.example/copy", now=T0) is None
    assert _count(store) == 1


def test_articles_without_a_feed_dedup_by_key(store: SqlStore) -> None:
    with store.unit() as unit:
        first = unit.add_article(article("line-1", url=None), feed_id=None, content_hash="h1",
                                 canonical_url=None, now=T0)
        again = unit.add_article(article("line-1", url=None), feed_id=None, content_hash="h2",
                                 canonical_url=None, now=T0)
        other = unit.add_article(article("line-2", url=None), feed_id=None, content_hash="h3",
                                 canonical_url=None, now=T0)
    assert isinstance(first, int) and again is None and isinstance(other, int)
    assert _count(store) == 2


def test_bad_articles_are_refused_clearly(store: SqlStore) -> None:
    with store.unit() as unit:
        with pytest.raises(StoreError, match="no feed with id 42"):
            unit.add_article(article(), feed_id=42, content_hash="h", canonical_url=None, now=T0)
        with pytest.raises(StoreError, match="article key"):
            unit.add_article(article(""), feed_id=None, content_hash="h", canonical_url=None,
                             now=T0)
        with pytest.raises(StoreError, match="content hash"):
            unit.add_article(article(), feed_id=None, content_hash=" ", canonical_url=None,
                             now=T0)
    assert _count(store) == 0


def test_a_batch_for_no_feed_is_refused_and_one_for_a_feed_stored(
        store: SqlStore, feeds: tuple[int, int]) -> None:
    batch = [(article("guid-b1"), "hash-b1", None), (article("guid-b2"), "hash-b2", None)]
    with store.unit() as unit, pytest.raises(StoreError, match="no feed with id 4242"):
        unit.add_new_articles(4242, batch, now=T0)
    with store.unit() as unit:
        stored = unit.add_new_articles(feeds[1], batch, now=T0)
    assert sorted(stored) == ["guid-b1", "guid-b2"]
    assert _count(store) == 3

