"""Feed claims: which worker is polling a feed and until when (scale-out on PostgreSQL).

Revision ID: 0008_feed_claims
Revises: 0007_hot_summary
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008_feed_claims"
down_revision: str | None = "0007_hot_summary"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("feeds", sa.Column("claimed_by", sa.String(), nullable=True))
    op.add_column("feeds", sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    _drop_columns("feeds", "claimed_until", "claimed_by")


def _drop_columns(table: str, *columns: str) -> None:
    # SQLite (3.35+) drops a plain column in place. Alembic's batch mode would copy the
    # table and drop the old one, and with foreign keys on that deletes the rows of every
    # table referring to it (posted messages, timelines, articles).
    if op.get_bind().dialect.name == "sqlite":
        for column in columns:
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    else:
        for column in columns:
            op.drop_column(table, column)
