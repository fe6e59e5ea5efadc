"""Feeds: one row per URL, health tracking, the poll schedule."""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest

from bot.errors import StoreError
from bot.store import FeedState, SqlStore
from tests.support.builders import T0, article, at

URL = "https://news.example/feed"


def test_adding_a_url_twice_keeps_one_row(store: SqlStore) -> None:
    with store.unit() as unit:
        first = unit.add_feed(URL, title="Example", lang="en", origin="config", now=T0)
    with store.unit() as unit:
        again = unit.add_feed(URL, title="Other title", origin="user", now=at(hours=5))
        assert again == first  # the existing record, unchanged
        assert len(unit.list_feeds()) == 1
    assert first.state is FeedState.ACTIVE
    assert first.next_poll_at == T0  # due at once
    assert (first.title, first.lang, first.origin, first.backfilled) == ("Example", "en", "config", False)


@pytest.mark.parametrize("bad", ["", "   "])
def test_an_empty_feed_url_is_refused(store: SqlStore, bad: str) -> None:
    with pytest.raises(StoreError, match="feed URL must be a non-empty string"), store.unit() as unit:
        unit.add_feed(bad, now=T0)


def test_an_unknown_origin_is_refused(store: SqlStore) -> None:
    with pytest.raises(StoreError, match="origin must be one of config, user"), store.unit() as unit:
        unit.add_feed(URL, origin="somewhere", now=T0)


def test_failures_make_a_feed_failing_then_disabled_with_the_reason(store: SqlStore) -> None:
    with store.unit() as unit:
        feed = unit.add_feed(URL, now=T0)
        one = unit.record_fetch_failure(feed.id, now=at(1), next_poll_at=at(2),
                                        error="HTTP 503 from news.example", disable=False)
        two = unit.record_fetch_failure(feed.id, now=at(2), next_poll_at=at(4),
                                        error="timed out after 30 s", disable=False)
        gone = unit.record_fetch_failure(feed.id, now=at(4), next_poll_at=at(8),
                                         error="HTTP 410 Gone: the feed was removed", disable=True)
    assert (one.state, one.failure_count, one.last_error) == (
        FeedState.FAILING, 1, "HTTP 503 from news.example")
    assert (two.state, two.failure_count, two.next_poll_at) == (FeedState.FAILING, 2, at(4))
    assert (gone.state, gone.failure_count) == (FeedState.DISABLED, 3)
    with store.unit() as unit:
        stored = unit.get_feed(URL)
        assert stored is not None
        assert stored.state is FeedState.DISABLED
        assert stored.last_error == "HTTP 410 Gone: the feed was removed"
        assert stored.last_polled_at == at(4)
        assert stored.last_success_at is None
        assert unit.due_feeds(at(days=30), limit=10) == []  # disabled feeds are never due


def test_a_success_resets_failures_and_keeps_validators(store: SqlStore) -> None:
    with store.unit() as unit:
        feed = unit.add_feed(URL, now=T0)
        unit.record_fetch_failure(feed.id, now=at(1), next_poll_at=at(2), error="boom",
                                  disable=False)
        unit.record_fetch_ok(feed.id, now=at(2), next_poll_at=at(3), etag='"v1"',
                             last_modified="Sun, 14 Feb 2021 10:00:00 GMT", title="Example News")
        unit.record_fetch_ok(feed.id, now=at(3), next_poll_at=at(4), etag=None,
                             last_modified=None, not_modified=True)
        ok = unit.get_feed(URL)
    assert ok is not None
    assert (ok.state, ok.failure_count, ok.last_error) == (FeedState.ACTIVE, 0, None)
    assert (ok.etag, ok.last_modified) == ('"v1"', "Sun, 14 Feb 2021 10:00:00 GMT")
    assert (ok.title, ok.last_success_at, ok.next_poll_at) == ("Example News", at(3), at(4))


def test_a_full_response_without_validators_clears_them(store: SqlStore) -> None:
    with store.unit() as unit:
        feed = unit.add_feed(URL, now=T0)
        unit.record_fetch_ok(feed.id, now=at(1), next_poll_at=at(2), etag='"v1"',
                             last_modified=None)
        unit.record_fetch_ok(feed.id, now=at(2), next_poll_at=at(3), etag=None,
                             last_modified=None)
        assert unit.get_feed(URL).etag is None  # type: ignore[union-attr]


def test_due_feeds_are_ordered_by_next_poll_and_limited(store: SqlStore) -> None:
    with store.unit() as unit:
        late = unit.add_feed("https://a.example/feed", now=at(3))
        early = unit.add_feed("https://b.example/feed", now=at(1))
        middle = unit.add_feed("https://c.example/feed", now=at(2))
        future = unit.add_feed("https://d.example/feed", now=at(10))
        failing = unit.add_feed("https://e.example/feed", now=T0)
        unit.record_fetch_failure(failing.id, now=T0, next_poll_at=at(2.5), error="503",
                                  disable=False)
    with store.unit() as unit:
        due = unit.due_feeds(at(5), limit=10)
        assert [f.id for f in due] == [early.id, middle.id, failing.id, late.id]
        assert [f.id for f in unit.due_feeds(at(5), limit=2)] == [early.id, middle.id]
        assert future.id not in [f.id for f in unit.due_feeds(at(9.99), limit=10)]
        with pytest.raises(StoreError, match="limit must be a non-negative integer"):
            unit.due_feeds(at(5), limit=-1)


def test_entries_seen_backfill_and_removal(store: SqlStore) -> None:
    with store.unit() as unit:
        feed = unit.add_feed(URL, now=T0)
        for n in range(3):
            unit.add_article(article(f"g{n}", url=f"https://news.example/{n}"), feed_id=feed.id,
                             content_hash=f"h{n}", canonical_url=f"https://news.example/{n}",
                             now=T0)
        unit.mark_backfilled(feed.id)
        other = unit.add_feed("https://other.example/feed", now=T0)
        unit.add_article(article("x", url="https://other.example/x"), feed_id=other.id,
                         content_hash="hx", canonical_url="https://other.example/x", now=T0)
        unit.add_feed("https://empty.example/feed", now=T0)
    with store.unit() as unit:
        stored = unit.get_feed(URL)
        assert stored is not None and stored.entries_seen == 3 and stored.backfilled
        assert [f.entries_seen for f in unit.list_feeds()] == [3, 1, 0]
        assert [f.entries_seen for f in unit.due_feeds(T0, limit=10)] == [3, 1, 0]
        assert unit.remove_feed(URL) is True
        assert unit.remove_feed(URL) is False
        assert unit.get_feed(URL) is None
        # The articles stay (evidence cites them) and still count as seen.
        assert unit.add_article(article("g0", url="https://news.example/0"), feed_id=None,
                                content_hash="h0", canonical_url=None, now=T0) is None


def test_unknown_feed_ids_are_store_errors(store: SqlStore) -> None:
    with store.unit() as unit:
        with pytest.raises(StoreError, match="no feed with id 999"):
            unit.record_fetch_ok(999, now=T0, next_poll_at=T0, etag=None, last_modified=None)
        with pytest.raises(StoreError, match="no feed with id 999"):
            unit.record_fetch_failure(999, now=T0, next_poll_at=T0, error="x", disable=False)
        with pytest.raises(StoreError, match="no feed with id 999"):
            unit.mark_backfilled(999)


def test_feed_times_come_back_aware_utc_whatever_zone_went_in(store: SqlStore) -> None:
    moscow = timezone(timedelta(hours=3))
    with store.unit() as unit:
        feed = unit.add_feed(URL, now=T0.astimezone(moscow))
        unit.record_fetch_ok(feed.id, now=at(1).astimezone(moscow),
                             next_poll_at=at(2).astimezone(moscow), etag=None, last_modified=None)
    with store.unit() as unit:
        stored = unit.get_feed(URL)
    assert stored is not None
    for value in (stored.next_poll_at, stored.last_polled_at, stored.last_success_at):
        assert value is not None and value.utcoffset() == timedelta(0)
    assert stored.next_poll_at == at(2) and stored.last_polled_at == at(1)


def test_naive_datetimes_are_refused(store: SqlStore) -> None:
    with pytest.raises(StoreError, match="now must be timezone-aware"), store.unit() as unit:
        unit.add_feed(URL, now=T0.replace(tzinfo=None))
    with store.unit() as unit:
        assert unit.list_feeds() == []


def test_disable_and_enable_keep_when_and_why(store: SqlStore) -> None:
    url = "https://news.example/lifecycle.xml"
    with store.unit() as unit:
        feed = unit.add_feed(url, now=T0)
        failed = unit.record_fetch_failure(feed.id, now=at(1), next_poll_at=at(2),
                                           error="HTTP 404", disable=True)
        assert failed.state == FeedState.DISABLED and failed.disabled_at == at(1)
        assert failed.disabled_reason is not None and "HTTP 404" in failed.disabled_reason
        # Disabling a disabled feed keeps the first when and why.
        again = unit.disable_feed(url, reason="by hand", now=at(3))
        assert again is not None and again.disabled_at == at(1)
        enabled = unit.enable_feed(url, now=at(4))
        assert enabled is not None and enabled.state == FeedState.ACTIVE
        assert enabled.failure_count == 0 and enabled.next_poll_at == at(4)
        assert enabled.disabled_at is None and enabled.disabled_reason is None
        assert [f.url for f in unit.due_feeds(at(4), 10)] == [url]
        manual = unit.disable_feed(url, reason="disabled by cli", now=at(5))
        assert manual is not None and manual.disabled_reason == "disabled by cli"
        assert manual.disabled_at == at(5) and unit.due_feeds(at(9), 10) == []
        assert unit.disable_feed("https://absent.example/x", reason="x", now=at(5)) is None
        assert unit.enable_feed("https://absent.example/x", now=at(5)) is None
