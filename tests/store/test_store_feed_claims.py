"""Feed claims: processes sharing a database each poll feeds of their own (issue 13 item 5).

A worker claims due feeds with a lease; another worker skips them until the poll is
recorded, the claim is released, or the lease runs out (a crashed worker)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from bot.errors import StoreError
from bot.store import SqlStore, open_store
from tests.support.builders import T0

LEASE = timedelta(minutes=10)


def add_feeds(store: SqlStore, n: int) -> list[int]:
    with store.unit() as unit:
        return [unit.add_feed(f"https://news.example/{i}.xml", now=T0).id for i in range(n)]


def claim(store: SqlStore, worker: str, limit: int, now: datetime = T0) -> list[int]:
    with store.unit() as unit:
        return [f.id for f in unit.claim_due_feeds(now, limit, worker=worker, until=now + LEASE)]


def test_a_claimed_feed_is_skipped_by_another_worker(store: SqlStore) -> None:
    ids = add_feeds(store, 5)
    first = claim(store, "a", 3)
    second = claim(store, "b", 10)
    assert first == ids[:3]  # earliest due first, then by id
    assert second == ids[3:]  # only what "a" does not hold
    assert claim(store, "c", 10) == []


def test_recording_a_poll_ends_the_claim_and_moves_the_feed_on(store: SqlStore) -> None:
    (feed_id,) = add_feeds(store, 1)
    claim(store, "a", 1)
    with store.unit() as unit:
        unit.record_fetch_failure(feed_id, now=T0, next_poll_at=T0, error="timeout",
                                  disable=False)
    # Due again at once (next_poll_at = T0) and no longer held: another worker may take it.
    assert claim(store, "b", 1) == [feed_id]
    with store.unit() as unit:
        unit.record_fetch_ok(feed_id, now=T0, next_poll_at=T0 + timedelta(minutes=15), etag=None,
                             last_modified=None)
    assert claim(store, "c", 1) == []  # polled: not due until its next poll
    assert claim(store, "c", 1, now=T0 + timedelta(minutes=15)) == [feed_id]


def test_a_crashed_workers_claims_expire_with_the_lease(store: SqlStore) -> None:
    ids = add_feeds(store, 2)
    claim(store, "crashed", 2)
    assert claim(store, "b", 2, now=T0 + LEASE - timedelta(seconds=1)) == []
    assert claim(store, "b", 2, now=T0 + LEASE) == ids


def test_a_renewed_claim_outlasts_its_first_lease_and_then_expires(store: SqlStore) -> None:
    ids = add_feeds(store, 3)
    claim(store, "a", 3)
    later = T0 + LEASE - timedelta(minutes=1)
    with store.unit() as unit:
        # Only a's claims on these feeds: another worker's claim is never extended.
        assert unit.renew_feed_claims("a", ids[:2], later + LEASE) == 2
        assert unit.renew_feed_claims("b", ids, later + LEASE) == 0
        assert unit.renew_feed_claims("a", [], later + LEASE) == 0
    assert claim(store, "b", 3, now=T0 + LEASE) == [ids[2]]
    assert claim(store, "b", 3, now=later + LEASE - timedelta(seconds=1)) == []
    assert claim(store, "c", 3, now=later + LEASE) == ids[:2]


def test_a_recorded_feed_is_not_claimed_again_by_a_renewal(store: SqlStore) -> None:
    ids = add_feeds(store, 1)
    claim(store, "a", 1)
    with store.unit() as unit:
        unit.record_fetch_ok(ids[0], now=T0, next_poll_at=T0, etag=None, last_modified=None)
        assert unit.renew_feed_claims("a", ids, T0 + LEASE) == 0
    assert claim(store, "b", 1) == ids


def test_released_claims_are_free_at_once(store: SqlStore) -> None:
    ids = add_feeds(store, 3)
    claim(store, "a", 3)
    with store.unit() as unit:
        assert unit.release_feed_claims("a", [ids[0]]) == 1
        assert unit.release_feed_claims("someone else") == 0
    assert claim(store, "b", 3) == [ids[0]]
    with store.unit() as unit:
        assert unit.release_feed_claims("a") == 2
        assert unit.release_feed_claims("a", []) == 0
    assert claim(store, "c", 3) == ids[1:]


def test_disabled_and_retired_feeds_are_never_claimed(store: SqlStore) -> None:
    add_feeds(store, 2)
    with store.unit() as unit:
        unit.disable_feed("https://news.example/0.xml", reason="by hand", now=T0)
        unit.retire_feed("https://news.example/1.xml", T0)
    assert claim(store, "a", 10) == []


def test_a_claim_needs_a_worker(store: SqlStore) -> None:
    add_feeds(store, 1)
    with pytest.raises(StoreError, match="worker"), store.unit() as unit:
        unit.claim_due_feeds(T0, 1, worker=" ", until=T0 + LEASE)


def test_postgres_skips_rows_another_transaction_is_claiming(postgres_store_url: str) -> None:
    """Two processes (two engines): the second does not wait for the first's open claim
    transaction, it takes the feeds that are not locked."""
    with open_store(postgres_store_url) as one, open_store(postgres_store_url) as two:
        ids = add_feeds(one, 4)
        with one.unit() as unit_one:
            held = [f.id for f in unit_one.claim_due_feeds(T0, 2, worker="one",
                                                           until=T0 + LEASE)]
            # still uncommitted: its rows are locked, not yet marked as claimed
            assert claim(two, "two", 4) == [i for i in ids if i not in held]
        assert claim(two, "two", 4) == []


def test_postgres_concurrent_claims_take_each_feed_once(postgres_store_url: str) -> None:
    stores = [open_store(postgres_store_url) for _ in range(4)]
    try:
        ids = add_feeds(stores[0], 120)
        taken: list[list[int]] = [[] for _ in stores]
        start = threading.Barrier(len(stores))

        def work(i: int) -> None:
            start.wait()
            while batch := claim(stores[i], f"w{i}", 7):
                taken[i].extend(batch)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(len(stores))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        every = [feed for per_worker in taken for feed in per_worker]
        assert sorted(every) == ids  # each feed claimed, and by one worker only
    finally:
        for opened in stores:
            opened.close()


def test_the_backlog_leaves_out_feeds_another_worker_is_polling(store: SqlStore) -> None:
    add_feeds(store, 3)
    claim(store, "a", 2)
    with store.unit() as unit:
        assert unit.count_due_feeds(T0) == 1
        assert unit.count_due_feeds(T0 + LEASE) == 3  # a crashed worker's feeds are behind
