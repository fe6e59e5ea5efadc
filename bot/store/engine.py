"""Opening a database: URL normalisation, engine setup per backend, the Store object."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from bot.errors import StoreError
from bot.store.errors import describe_error
from bot.store.leader import LeaderLock
from bot.store.revision import head_revision, revision_on
from bot.store.unit import SqlUnit

DEFAULT_BUSY_TIMEOUT = 15.0  # seconds a writer waits for another process's lock
# The execution option that marks a read-only unit's connection on SQLite (_on_begin).
READ_ONLY_OPTION = "invitewatch_read_only"


def normalise_url(url: str) -> URL:
    """Parse a database URL; plain PostgreSQL URLs get the psycopg 3 driver, a bare path is SQLite."""
    text = (url or "").strip()
    if not text:
        raise StoreError("the database URL is empty: use sqlite:///path/to/file.db or "
                         "postgresql://user@host/dbname")
    if "://" not in text:
        text = "sqlite:///" + text
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            text = "postgresql+psycopg://" + text[len(prefix):]
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"invalid database URL {_mask_raw(text)!r}: {exc}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite" and parsed.database and parsed.database.startswith("~"):
        parsed = parsed.set(database=str(Path(parsed.database).expanduser()))
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {backend!r} in {parsed.render_as_string()}: "
                         "use sqlite:///path or postgresql://user@host/dbname")
    return parsed


def _mask_raw(text: str) -> str:
    # Used only when the URL does not parse: hide anything between "://user:" and "@".
    head, sep, rest = text.partition("://")
    if not sep or "@" not in rest:
        return text
    creds, _, host = rest.rpartition("@")
    user = creds.split(":", 1)[0]
    return f"{head}://{user}:***@{host}" if ":" in creds else text


_SECRET_QUERY_KEYS = ("password", "pass", "pwd")


def masked(url: URL) -> str:
    """The URL for messages: its password hidden, in the credentials or the query."""
    secret = {k: "***" for k in url.query if k.lower() in _SECRET_QUERY_KEYS}
    if secret:
        url = url.update_query_dict(secret)
    return url.render_as_string(hide_password=True)


def _sqlite_path(url: URL) -> str | None:
    database = url.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return database


def _make_sqlite_engine(url: URL, busy_timeout: float, echo: bool) -> Engine:
    path = _sqlite_path(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if path is None:
        # One shared connection, or every checkout would see a different empty database.
        kwargs["poolclass"] = StaticPool
    else:
        directory = Path(path).expanduser().resolve().parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the database directory {directory}: {exc}") from exc
    engine = create_engine(
        url, connect_args={"timeout": busy_timeout, "check_same_thread": False}, **kwargs
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            if path is not None:
                _use_wal(cursor, busy_timeout)
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, where the busy timeout applies; a deferred
        # transaction that reads and then writes would fail at once with SQLITE_BUSY instead.
        # A read-only unit needs no lock: in WAL mode it reads a snapshot while writers
        # go on, so a slash command or a web page never waits behind a poll cycle's
        # transaction.
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _make_postgres_engine(url: URL, busy_timeout: float, echo: bool) -> Engine:
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = 10
    engine = create_engine(url, pool_pre_ping=True, echo=echo, connect_args=connect_args)
    lock_timeout_ms = int(busy_timeout * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {lock_timeout_ms}")
            cursor.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()

    return engine


class SqlStore:
    """The `bot.store.api.Store` over SQLAlchemy: SQLite or PostgreSQL."""

    def __init__(self, url: URL, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
                 echo: bool = False) -> None:
        self._url = url
        self.dialect: str = url.get_backend_name()
        self.url: str = masked(url)
        self.busy_timeout = busy_timeout
        try:
            if self.dialect == "sqlite":
                self.engine = _make_sqlite_engine(url, busy_timeout, echo)
            else:
                self.engine = _make_postgres_engine(url, busy_timeout, echo)
            # PostgreSQL: the driver begins such a transaction with BEGIN ... READ ONLY (no
            # extra round trip); SQLite: _on_begin sees the option.
            self._read_only_engine = self.engine.execution_options(
                **({READ_ONLY_OPTION: True} if self.dialect == "sqlite" else
                   {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}))
        except NoSuchModuleError as exc:
            raise StoreError(f"no database driver for {self.url}: {exc}") from exc
        except ImportError as exc:
            raise StoreError(f"the database driver for {self.url} is not installed: {exc}") from exc

    @property
    def location(self) -> str:
        """What to call this database in messages: the SQLite file, or the masked URL."""
        if self.dialect == "sqlite":
            return _sqlite_path(self._url) or ":memory:"
        return self.url

    @property
    def in_memory(self) -> bool:
        """An SQLite database in this process's memory, which no other process can open."""
        return self.dialect == "sqlite" and _sqlite_path(self._url) is None

    def error(self, exc: SQLAlchemyError) -> StoreError:
        return StoreError(describe_error(exc, dialect=self.dialect, where=self.location,
                                         busy_timeout=self.busy_timeout))

    @contextmanager
    def unit(self, *, read_only: bool = False) -> Iterator[SqlUnit]:
        """One transaction. `read_only`: for queries that write nothing (lists, search, the
        public site): one consistent snapshot throughout, taking no write lock (SQLite: a
        deferred transaction; PostgreSQL: REPEATABLE READ, READ ONLY, so a write is
        refused)."""
        bind = self._read_only_engine if read_only else self.engine
        try:
            with Session(bind, expire_on_commit=False) as session, session.begin():
                yield SqlUnit(session, dialect=self.dialect, read_only=read_only)
        except SQLAlchemyError as exc:
            raise self.error(exc) from exc

    def leader_lock(self, name: str) -> LeaderLock:
        """The lock that makes one process of all those sharing this database the leader
        for `name` (an advisory lock on PostgreSQL; on SQLite the process always leads)."""
        return LeaderLock(self.engine, name)

    def at_head(self) -> bool:
        """Whether the schema is at the newest migration (read without Alembic)."""
        return current_revision(self) == head_revision()

    def upgrade(self) -> None:
        if self.at_head():
            return  # the usual start: Alembic is not even imported (bot.store.revision)
        from alembic.util import CommandError

        from bot.store.migrate import upgrade_to_head
        try:
            upgrade_to_head(self.engine)
        except SQLAlchemyError as exc:
            raise self.error(exc) from exc
        except CommandError as exc:
            raise StoreError(f"cannot migrate database {self.location}: {exc}; was it written "
                             "by a newer invitewatch?") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqlStore({self.url!r})"


def current_revision(store: SqlStore) -> str | None:
    """The revision the database is at; None for a database never migrated."""
    try:
        with store.engine.connect() as connection:
            return revision_on(connection)
    except SQLAlchemyError as exc:
        raise store.error(exc) from exc


def _use_wal(cursor: Any, busy_timeout: float) -> None:
    """Put the database in WAL mode (it stays so, in the file). Switching needs a lock for
    which SQLite does not wait (SQLITE_BUSY at once, busy timeout or not), so a process
    opening the file while another migrates it would fail: the mode is read first (the
    usual case, nothing to switch), and a switch that meets a lock is retried for the busy
    timeout."""
    deadline = time.monotonic() + busy_timeout
    while True:
        mode = cursor.execute("PRAGMA journal_mode").fetchone()
        if mode is not None and str(mode[0]).lower() == "wal":
            return
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
