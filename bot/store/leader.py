"""One leader among the processes sharing a database, for the periodic jobs that must run
once (stale sweeps, maintenance), however many pollers and deliverers there are.

On PostgreSQL the leader holds a session-level advisory lock (`pg_try_advisory_lock`) on a
connection of its own, kept open while it leads: if the process dies, its connection
closes and the lock is free for the next `check()` of another process. On SQLite there is
one writer on one machine, so the process is the leader.
"""

from __future__ import annotations

import hashlib
import logging

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for a lock name (the same in every process)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class LeaderLock:
    """`check()` takes the lead when it is free and tells whether this process holds it;
    call it periodically (it also notices a lost connection). `release()` gives it up."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name
        self.key = lock_key(name)
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
            got = bool(connection.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                          {"key": self.key}).scalar())
            connection.commit()
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
            self._connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
            self._connection.commit()
            self._connection.close()
            self._connection = None
        except SQLAlchemyError:
            self._drop()
        log.info("gave up the %s lead", self.name)
