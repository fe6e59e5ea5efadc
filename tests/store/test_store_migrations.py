"""Alembic migrations: run from code, idempotent, and in step with the models."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from bot.errors import StoreError
from bot.store import SqlStore, current_revision, head_revision, open_store
from bot.store.migrate import MIGRATIONS_DIR, alembic_config
from bot.store.tables import metadata
from tests.support.builders import T0

EXPECTED_TABLES = {
    "feeds", "articles", "invitations", "timeline_entries", "status_changes", "outbox",
    "outbox_consumers", "deliveries", "posted_messages", "guild_settings", "watches",
    "audit_log", "alembic_version", "invitation_notes", "subscriptions", "figures_seen",
    "waiting_findings",
}


# SQLite's FTS5 search table (migration 0014_list_search_fts) and its shadow tables: not
# models (SQLAlchemy cannot declare a virtual table), and on PostgreSQL not created.
SEARCH_TABLES = {"invitations_search", "invitations_search_config", "invitations_search_data",
                 "invitations_search_idx"}


def _tables(store: SqlStore) -> set[str]:
    return set(inspect(store.engine).get_table_names())


def _expected_tables(store: SqlStore) -> set[str]:
    return EXPECTED_TABLES | (SEARCH_TABLES if store.dialect == "sqlite" else set())


def test_open_without_upgrade_leaves_an_empty_database_unmigrated(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        assert current_revision(store) is None
        assert _tables(store) == set()
    finally:
        store.close()


def test_upgrade_on_an_empty_database_creates_the_schema(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        store.upgrade()
        assert _tables(store) == _expected_tables(store)
        assert current_revision(store) == head_revision() is not None
        indexes = {ix["name"] for ix in inspect(store.engine).get_indexes("invitations")}
        assert "ix_invitations_pair_last_update" in indexes
    finally:
        store.close()


def test_upgrading_twice_is_a_no_op_and_keeps_data(store_url: str) -> None:
    store = open_store(store_url)
    try:
        with store.unit() as unit:
            unit.add_feed("https://news.example/feed", now=T0)
        store.upgrade()
    finally:
        store.close()
    reopened = open_store(store_url)  # upgrade=True again on an up-to-date database
    try:
        assert current_revision(reopened) == head_revision()
        with reopened.unit() as unit:
            assert [f.url for f in unit.list_feeds()] == ["https://news.example/feed"]
    finally:
        reopened.close()


# Indexes a migration adds only where they can be (0011, 0012: pg_trgm's, on PostgreSQL
# with the extension), which the models therefore do not declare.
OPTIONAL_INDEXES = {"ix_figures_seen_name_trgm", "ix_figures_seen_key_trgm",
                    "ix_invitations_inviter_name_trgm", "ix_invitations_invitee_name_trgm",
                    "ix_invitations_occasion_text_trgm", "ix_invitations_occasion_place_trgm"}


def _declared(_object: object, name: str | None, type_: str, _reflected: bool,
              _compare_to: object) -> bool:
    return not ((type_ == "index" and name in OPTIONAL_INDEXES)
                or (type_ == "table" and name in SEARCH_TABLES))


def test_migrated_schema_matches_the_models(store: SqlStore) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": _declared})
        assert compare_metadata(context, metadata) == []


def test_migration_scripts_are_package_files() -> None:
    migrations = MIGRATIONS_DIR
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    assert (migrations / "versions" / "0001_initial.py").is_file()
    assert not (migrations / "alembic.ini").exists()


def test_a_database_from_an_unknown_revision_is_refused_clearly(store_url: str) -> None:
    store = open_store(store_url)
    try:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    finally:
        store.close()
    with pytest.raises(StoreError, match=r"Can't locate revision identified by '9999'.*newer"):
        open_store(store_url)


def test_processes_starting_together_migrate_once(store_url: str) -> None:
    def start() -> str | None:
        opened = open_store(store_url)
        try:
            return current_revision(opened)
        finally:
            opened.close()

    with ThreadPoolExecutor(max_workers=3) as pool:
        revisions = list(pool.map(lambda _: start(), range(3)))
    assert revisions == [head_revision()] * 3


def test_a_new_sqlite_file_opens_while_another_process_writes_to_it(tmp_path: Path) -> None:
    # Switching a file to WAL needs a lock SQLite does not wait for: a bot starting while
    # another one migrates the same new file used to fail at once with "database is locked".
    path = tmp_path / "invitewatch.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE held (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO held VALUES (1)")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        store = open_store(f"sqlite:///{path}")
        try:
            assert current_revision(store) == head_revision()
        finally:
            store.close()
    finally:
        release.join()
        other.close()


def test_the_initial_migration_downgrades_cleanly(store: SqlStore) -> None:
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert _tables(store) == {"alembic_version"}
    assert current_revision(store) is None
    store.upgrade()
    assert _tables(store) == _expected_tables(store)


def test_feed_lifecycle_migration_dates_feeds_disabled_before_it(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
            connection.exec_driver_sql(
                "INSERT INTO feeds (url, state, next_poll_at, last_polled_at, failure_count, "
                "last_error, origin, backfilled, created_at) VALUES ('https://gone.example/rss',"
                " 'disabled', '2021-02-14 09:30:00+00:00', '2021-02-14 09:30:00+00:00', 10, "
                "'HTTP 410 Gone', 'user', true, '2021-02-01 09:30:00+00:00')")
        store.upgrade()
        with store.unit() as unit:
            (feed,) = unit.list_feeds()
        assert feed.disabled_reason == "HTTP 410 Gone"
        assert feed.disabled_at == T0
        with store.engine.begin() as connection:  # and back down to 0001 cleanly
            command.downgrade(alembic_config(connection), "0001")
        assert "disabled_at" not in {c["name"] for c in inspect(store.engine).get_columns("feeds")}
    finally:
        store.close()
