"""Schema operations the migrations share (imported by `migrations/versions/*`)."""

from __future__ import annotations

from alembic import op


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
