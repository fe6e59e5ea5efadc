"""One leader among the processes sharing a database, for the periodic jobs that must run
once (stale sweeps, maintenance), however many pollers and deliverers there are.

On PostgreSQL the leader holds a session-level advisory lock (`pg_try_advisory_lock`) on a
connection of its own, kept open while it leads: if the process dies, its connection
closes and the lock is free for the next `check()` of another process. On SQLite there is
one writer on one machine, so the process is the leader.
"""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)


# The advisory lock key of a name in the schema the connection works in (the first of its
# search_path that exists), computed by the server, so it costs no extra round trip: bots
# keeping their tables in two schemas of one database (one test schema each, or two
# deployments) neither serialise each other's ingest nor share one leader. Parameter: name.
SCHEMA_LOCK_KEY = ("hashtextextended(CAST(:name AS text) || '/' || "
                   "coalesce(current_schema(), ''), 0)")


class LeaderLock:
    """`check()` takes the lead when it is free and tells whether this process holds it;
    call it periodically (it also notices a lost connection). `release()` gives it up."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name
        # The key in this connection's schema (SCHEMA_LOCK_KEY), known once acquired.
        self.key: int | None = None
        self.dialect = engine.dialect.name
        self._connection: Connection | None = None

    @property
    def held(self) -> bool:
        """Whether this process led at the last `check()` (no I/O)."""
        return self.dialect != "postgresql" or self._connection is not None

    def check(self) -> bool:
        if self.dialect != "postgresql":
            return True
        if self._connection is not None and not self._still_held():
            log.warning("lost the %s lead (its database connection failed): another process "
                        "may take it", self.name)
        if self._connection is None:
            self._try_acquire()
        return self._connection is not None

    def _still_held(self) -> bool:
        assert self._connection is not None
        try:
            self._connection.execute(text("SELECT 1")).scalar()
            self._connection.commit()
            return True
        except SQLAlchemyError:
            self._drop()
            return False

    def _try_acquire(self) -> None:
        try:
            connection = self.engine.connect()
        except SQLAlchemyError as exc:
            log.warning("cannot try for the %s lead: %s", self.name, exc)
            return
        try:
            row = connection.execute(
                text(f"SELECT pg_try_advisory_lock(k), k FROM (SELECT {SCHEMA_LOCK_KEY} AS k) s"),
                {"name": self.name}).one()
            connection.commit()
            got, self.key = bool(row[0]), int(row[1])
        except SQLAlchemyError as exc:
            log.warning("cannot try for the %s lead: %s", self.name, exc)
            connection.invalidate()
            connection.close()
            return
        if not got:
            connection.close()
            return
        self._connection = connection
        log.info("this process leads %s (advisory lock %d)", self.name, self.key)

    def _drop(self) -> None:
        # Never hand a connection that may still hold the lock back to the pool.
        if self._connection is not None:
            self._connection.invalidate()
            self._connection.close()
            self._connection = None

    def release(self) -> None:
        if self._connection is None:
            return
        try:
            self._connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                     {"key": self.key})
            self._connection.commit()
            self._connection.close()
            self._connection = None
        except SQLAlchemyError:
            self._drop()
        log.info("gave up the %s lead", self.name)
