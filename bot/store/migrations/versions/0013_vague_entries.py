"""The kind a report naming no place gave, on its timeline entry.

Revision ID: 0013_vague_entries
Revises: 0012_list_search_trigram
Create Date: 2026-12-05

`timeline_entries.vague_kind` is set on the entry of a report that named the occasion's kind
but no place ("invited him for talks"): the tracker may take such an entry off the record it
joined first when a later report shows the pair has two specific occasions it fits alike
(`bot.tracker.vague`). NULL for the rows already there: they are kept where they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0013_vague_entries"
down_revision: str | None = "0012_list_search_trigram"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends (no table copy under SQLite), NULL for existing rows.
    op.add_column("timeline_entries", sa.Column("vague_kind", sa.String(), nullable=True))


def downgrade() -> None:
    # Native DROP COLUMN (SQLite 3.35+, PostgreSQL): no table copy.
    op.drop_column("timeline_entries", "vague_kind")
