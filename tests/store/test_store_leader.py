"""The leader lock: one process of those sharing a database runs the periodic jobs."""

from __future__ import annotations

import time

from sqlalchemy import create_engine, text

from bot.store import SqlStore, open_store


def test_on_sqlite_the_process_leads(sqlite_store: SqlStore) -> None:
    lock = sqlite_store.leader_lock("jobs")
    assert lock.held and lock.check()
    lock.release()
    assert lock.check()


def test_postgres_one_leader_then_the_next_after_release(postgres_store_url: str) -> None:
    with open_store(postgres_store_url) as one, open_store(postgres_store_url) as two:
        first, second = one.leader_lock("jobs"), two.leader_lock("jobs")
        assert first.check()
        assert not second.check() and not second.held
        assert first.check()  # still leads; asking again does not stack the lock
        other = two.leader_lock("another job")
        assert other.check()  # a different name is a different lead
        first.release()
        assert not first.held
        assert second.check()
        assert not first.check()
        second.release()
        other.release()


def test_postgres_a_dead_leaders_lock_passes_on(postgres_store_url: str,
                                                postgres_reachable: str) -> None:
    """A leader whose connection dies (its process killed, the network gone) loses the
    lead; another process takes it at its next check, and the old one notices."""
    with open_store(postgres_store_url) as one, open_store(postgres_store_url) as two:
        first, second = one.leader_lock("jobs"), two.leader_lock("jobs")
        assert first.check()
        assert not second.check()
        pid = first._connection.execute(  # type: ignore[union-attr]
            text("SELECT pg_backend_pid()")).scalar()
        first._connection.commit()  # type: ignore[union-attr]
        admin = create_engine(postgres_reachable)
        try:
            with admin.begin() as connection:
                connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        finally:
            admin.dispose()
        # The backend exits soon after it is told to (the periodic check retries the same way).
        deadline = time.monotonic() + 10
        while not second.check() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert second.held
        assert not first.check() and not first.held
        second.release()
