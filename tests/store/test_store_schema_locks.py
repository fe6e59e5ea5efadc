"""PostgreSQL advisory locks are per schema: two bots keeping their tables in two schemas of
one database neither serialise each other's ingest nor share one leader, while two
processes on one schema still do."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.store import SqlStore, open_store
from tests.support.builders import T0

PAIRS = [("host-figure", "guest-figure")]


@pytest.fixture
def two_schema_urls(postgres_reachable: str) -> Iterator[tuple[str, str]]:
    """Two URLs of the test database, each with a schema of its own (dropped afterwards)."""
    schemas = ["iw_test_" + uuid.uuid4().hex[:12] for _ in range(2)]
    admin = create_engine(postgres_reachable)
    try:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        urls = [make_url(postgres_reachable).update_query_dict(
            {"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
            for schema in schemas]
        yield urls[0], urls[1]
    finally:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _ingest_read_finishes(store: SqlStore, wait: float) -> bool:
    """Whether an ingest transaction of `store` (a candidate read, which takes the ingest
    lock) gets through within `wait` seconds. The thread is left to finish on its own."""
    done = threading.Event()

    def read() -> None:
        with store.unit() as unit:
            unit.candidate_invitations(PAIRS, T0 - timedelta(days=30))
        done.set()

    threading.Thread(target=read, daemon=True).start()
    return done.wait(wait)


def test_ingest_lock_is_per_schema(two_schema_urls: tuple[str, str]) -> None:
    first_url, second_url = two_schema_urls
    with open_store(first_url) as first, open_store(first_url) as same, \
            open_store(second_url) as other:
        with first.unit() as unit:
            unit.candidate_invitations(PAIRS, T0)  # holds the ingest lock to commit
            assert unit._ingest_locked
            # Another schema's bot goes on; another process of this one waits its turn.
            assert _ingest_read_finishes(other, wait=5.0)
            assert not _ingest_read_finishes(same, wait=0.5)
        # Committed: the waiting transaction of the same schema gets the lock now.
        assert _ingest_read_finishes(same, wait=5.0)


def test_each_schema_has_its_own_leader(two_schema_urls: tuple[str, str]) -> None:
    first_url, second_url = two_schema_urls
    with open_store(first_url) as one, open_store(first_url) as two, \
            open_store(second_url) as other:
        lead, rival, elsewhere = (s.leader_lock("jobs") for s in (one, two, other))
        try:
            assert lead.check()
            assert not rival.check()  # one leader per schema...
            assert elsewhere.check()  # ...and every schema has one
            assert lead.key != elsewhere.key
        finally:
            for lock in (lead, rival, elsewhere):
                lock.release()
