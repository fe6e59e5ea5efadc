"""Trigram indexes for the figure autocomplete's "contains" step (PostgreSQL).

Revision ID: 0011_trigram_search
Revises: 0010_query_indexes
Create Date: 2026-12-04

The autocomplete first takes the names starting with the text (a range on
`ix_figures_seen_name_folded`), then, when they are too few, the names or keys merely
containing it: a LIKE '%text%' that no B-tree answers, so on PostgreSQL a text matching
no name read every name (13.7 ms p95 at ~22,000 names, the worst of the autocomplete).
With pg_trgm, a GIN index of the trigrams of `name_folded` and of `key_folded` answers it
from the index (a text of three characters or more that matches nothing: at once).

pg_trgm is created when missing (a trusted extension: a database owner or any user with
CREATE on it may); when it cannot be, the migration creates nothing and the search stays
what it was (the same query, a scan). SQLite gets nothing: its scan of the covering
index answers within the goal (4.8 ms p95). Downgrading drops the two indexes only (no
data lives in them) and leaves the extension, which other schemas may use.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from bot.store import migration_ops

revision: str = "0011_trigram_search"
down_revision: str | None = "0010_query_indexes"
branch_labels: str | None = None
depends_on: str | None = None

INDEXES = {"ix_figures_seen_name_trgm": "name_folded", "ix_figures_seen_key_trgm": "key_folded"}


def upgrade() -> None:
    schema = migration_ops.extension_schema(op.get_bind(), "pg_trgm")
    if schema is None:
        return
    for name, column in INDEXES.items():
        # Without fastupdate: new names go into the index at once instead of a pending
        # list that only a vacuum merges (the planner shuns an index with a long one, and
        # names are added rarely: once per new figure).
        op.execute(text(f'CREATE INDEX {name} ON figures_seen USING gin '
                        f'({column} "{schema}".gin_trgm_ops) WITH (fastupdate = off)'))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in INDEXES:
        op.execute(text(f"DROP INDEX IF EXISTS {name}"))
