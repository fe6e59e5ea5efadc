"""Opening a store: URLs, SQLite settings, locks and driver errors as StoreError."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.errors import StoreError
from bot.store import SqlStore, normalise_url, open_store
from tests.support.builders import T0


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://bob@db.example/iw", "postgresql+psycopg://bob@db.example/iw"),
        ("postgresql://bob@db.example:5433/iw", "postgresql+psycopg://bob@db.example:5433/iw"),
        ("postgresql+psycopg://bob@db.example/iw", "postgresql+psycopg://bob@db.example/iw"),
        ("sqlite:////var/lib/iw/iw.db", "sqlite:////var/lib/iw/iw.db"),
        ("data/iw.db", "sqlite:///data/iw.db"),
        ("sqlite:///~/iw.db", f"sqlite:///{Path.home()}/iw.db"),
    ],
)
def test_urls_are_normalised(given: str, expected: str) -> None:
    assert normalise_url(given).render_as_string(hide_password=False) == expected


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("", "database URL is empty"),
        ("   ", "database URL is empty"),
        ("mysql://root@localhost/iw", "unsupported database 'mysql'"),
        ("postgresql://bob:pw@db.example:notaport/iw", "invalid database URL"),
    ],
)
def test_bad_urls_are_refused_clearly(bad: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        normalise_url(bad)
    assert "pw@" not in str(caught.value)


def test_the_password_is_masked_in_the_url() -> None:
    store = open_store("postgres://bob:s3cret@127.0.0.1:1/iw", upgrade=False)
    try:
        assert "s3cret" not in store.url
        assert store.url == "postgresql+psycopg://bob:***@127.0.0.1:1/iw"
        assert store.dialect == "postgresql"
    finally:
        store.close()


def test_an_unreachable_postgresql_is_a_store_error() -> None:
    # Port 1 on the loopback: refused at once, nothing leaves the machine.
    with pytest.raises(StoreError, match=r"cannot reach PostgreSQL at .*127\.0\.0\.1:1") as caught:
        open_store("postgresql://bob:s3cret@127.0.0.1:1/iw")
    assert "s3cret" not in str(caught.value)


def test_sqlite_creates_its_directory_and_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "iw.db"
    store = open_store(f"sqlite:///{path}")
    try:
        assert path.is_file()
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 15000
    finally:
        store.close()


def test_sqlite_directory_that_cannot_be_made_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot create the database directory"):
        open_store(f"sqlite:///{blocker / 'sub' / 'iw.db'}")


@pytest.fixture
def locked_sqlite(tmp_path: Path) -> Iterator[tuple[Path, SqlStore]]:
    path = tmp_path / "iw.db"
    store = open_store(f"sqlite:///{path}", busy_timeout=0.5)
    try:
        yield path, store
    finally:
        store.close()


def test_a_locked_sqlite_database_gives_a_clear_store_error(
    locked_sqlite: tuple[Path, SqlStore],
) -> None:
    path, store = locked_sqlite
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        other.execute("INSERT INTO audit_log (actor, action, detail, at) "
                      "VALUES ('other', 'x', '{}', '2021-02-14 00:00:00')")
        with pytest.raises(StoreError) as caught, store.unit() as unit:
            unit.add_feed("https://news.example/feed", now=T0)
        message = str(caught.value)
        assert f"database {path} is locked by another process" in message
        assert "waited 0.5 s" in message
        other.execute("ROLLBACK")
    with store.unit() as unit:  # usable again once the lock is gone
        unit.add_feed("https://news.example/feed", now=T0)
        assert len(unit.list_feeds()) == 1


def test_opening_a_locked_sqlite_database_for_upgrade_fails_clearly(tmp_path: Path) -> None:
    path = tmp_path / "iw.db"
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("BEGIN IMMEDIATE")
        other.execute("CREATE TABLE squatter (x INTEGER)")
        with pytest.raises(StoreError, match="is locked by another process"):
            open_store(f"sqlite:///{path}", busy_timeout=0.3)
        other.execute("ROLLBACK")


def test_a_table_locked_in_postgresql_gives_a_clear_store_error(
    postgres_store_url: str,
) -> None:
    # Migrated first with the default patience: every process migrating any schema of
    # this database takes the same advisory lock, and another test run's migration can
    # hold it for longer than the half second this test gives its own lock wait.
    open_store(postgres_store_url).close()
    store = open_store(postgres_store_url, busy_timeout=0.5, upgrade=False)
    other = create_engine(postgres_store_url)
    try:
        with other.connect() as connection:
            transaction = connection.begin()
            connection.execute(text("LOCK TABLE feeds IN ACCESS EXCLUSIVE MODE"))
            with pytest.raises(StoreError, match="is locked by another session"), \
                    store.unit() as unit:
                unit.list_feeds()
            transaction.rollback()
    finally:
        other.dispose()
        store.close()


def test_a_database_without_schema_asks_for_an_upgrade(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        with pytest.raises(StoreError, match="run `invitewatch db upgrade`"), store.unit() as unit:
            unit.list_feeds()
    finally:
        store.close()


def test_an_in_memory_sqlite_store_keeps_its_data_between_units() -> None:
    store = open_store("sqlite://")
    try:
        with store.unit() as unit:
            unit.add_feed("https://news.example/feed", now=T0)
        with store.unit() as unit:
            assert [f.url for f in unit.list_feeds()] == ["https://news.example/feed"]
    finally:
        store.close()


def test_a_sqlite_unit_holds_the_write_lock_from_its_start(
    locked_sqlite: tuple[Path, SqlStore],
) -> None:
    # Taking the lock up front is what lets the busy timeout work: a unit that read first and
    # wrote later could otherwise fail at once when another process wrote in between.
    path, store = locked_sqlite
    with store.unit() as unit:
        unit.list_feeds()  # a read only
        with closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as other, \
                pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        unit.add_feed("https://news.example/feed", now=T0)
    with store.unit() as unit:
        assert len(unit.list_feeds()) == 1
