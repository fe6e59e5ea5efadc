"""Schema operations the migrations share (imported by `migrations/versions/*`)."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

log = logging.getLogger(__name__)


def drop_columns(table: str, *columns: str) -> None:
    """Drop plain columns, keeping every row of every table.

    SQLite (3.35+) drops a plain column in place. Alembic's batch mode would copy the
    table and drop the old one, and with foreign keys on that deletes the rows of every
    table referring to it (posted messages, timelines, articles).
    """
    if op.get_bind().dialect.name == "sqlite":
        for column in columns:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        for column in columns:
            op.drop_column(table, column)


def extension_schema(bind: sa.engine.Connection, name: str) -> str | None:
    """The schema of PostgreSQL extension `name`, created here when it is not installed
    yet; None on SQLite, or when it cannot be created (not available, or the user may not:
    pg_trgm is a trusted extension since PostgreSQL 13, so any user with CREATE on the
    database may). A refusal is rolled back to a savepoint, so the migration goes on
    without what the extension would give."""
    if bind.dialect.name != "postgresql":
        return None
    installed = sa.text("SELECT extnamespace::regnamespace::text FROM pg_extension"
                        " WHERE extname = :name")
    schema = bind.execute(installed, {"name": name}).scalar()
    if schema is not None:
        return str(schema)
    try:
        with bind.begin_nested():
            bind.execute(sa.text(f'CREATE EXTENSION "{name}"'))
    except sa.exc.DBAPIError as exc:
        log.warning("PostgreSQL extension %s cannot be created here (%s): going on without it",
                    name, str(exc.orig).strip().splitlines()[0] if exc.orig else exc)
        return None
    schema = bind.execute(installed, {"name": name}).scalar()
    return str(schema) if schema is not None else None
