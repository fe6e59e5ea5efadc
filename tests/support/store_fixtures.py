"""Store fixtures for any test that needs a real database.

`store` / `store_url` are parametrised over SQLite (a file in tmp_path) and PostgreSQL
(a fresh schema per test in the database at INVITEWATCH_TEST_PG_URL, default
postgresql+psycopg://postgres@127.0.0.1:5432/test; skipped when it is not reachable).
`sqlite_store` / `sqlite_store_url` are SQLite only, for tests that need not run twice.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError

from bot.store import SqlStore, open_store

DEFAULT_TEST_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKENDS = ("sqlite", "postgresql")


def postgres_test_url() -> str:
    url = os.environ.get("INVITEWATCH_TEST_PG_URL", DEFAULT_TEST_PG_URL)
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    return url


@pytest.fixture(scope="session")
def postgres_reachable() -> str:
    """The PostgreSQL test URL, or skip every test that needs it with the reason."""
    url = postgres_test_url()
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        _trigrams_in_public(engine)
    except Exception as exc:  # any failure means "not usable here": say why and skip
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        pytest.skip(f"PostgreSQL not reachable at {make_url(url).render_as_string()}: {reason}")
    finally:
        engine.dispose()
    return url


def _trigrams_in_public(engine: Engine) -> None:
    """pg_trgm in the test database's `public` schema, once, where migration 0011 finds it:
    created by the first test schema that migrates, it would live in that schema and go
    with it (DROP SCHEMA ... CASCADE), taking the indexes of the schemas of other tests
    running meanwhile. Where it cannot be created, the migration's fallback runs."""
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    except DBAPIError:
        pass


@pytest.fixture
def postgres_store_url(postgres_reachable: str) -> Iterator[str]:
    """A URL whose search_path is a schema made for this test alone, dropped afterwards."""
    schema = "iw_test_" + uuid.uuid4().hex[:12]
    admin = create_engine(postgres_reachable)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(postgres_reachable).update_query_dict(
            {"options": f"-csearch_path={schema}"}
        )
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def sqlite_store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'invitewatch.db'}"


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest) -> str:
    name = "sqlite_store_url" if request.param == "sqlite" else "postgres_store_url"
    return str(request.getfixturevalue(name))


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sqlite_store(sqlite_store_url: str) -> Iterator[SqlStore]:
    opened = open_store(sqlite_store_url)
    try:
        yield opened
    finally:
        opened.close()
