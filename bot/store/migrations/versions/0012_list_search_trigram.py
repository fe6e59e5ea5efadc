"""Trigram indexes for the invitation lists' text search (PostgreSQL).

Revision ID: 0012_list_search_trigram
Revises: 0011_trigram_search
Create Date: 2026-12-05

`InvitationFilter.search` (the public site's `q`) asks for a substring of either party's
name, the occasion text or its place, case-insensitively: on PostgreSQL `column ILIKE
'%text%'` (SQLAlchemy's icontains), which no B-tree answers, so PostgreSQL walked the list index and read every row for a text
few invitations hold (and every row for one that none holds). With pg_trgm, a GIN index of
the trigrams of each of the four columns (pg_trgm's operator class serves ILIKE) answers a text of three
characters or more from the indexes (a bitmap OR of the four), as migration
0011_trigram_search does for the autocomplete.

pg_trgm is created when missing (`migration_ops.extension_schema`); when it cannot be, the
migration creates nothing and the search stays a scan. SQLite gets nothing (its lower()
knows only ASCII; the scan stays). Downgrading drops the indexes and leaves the extension.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from bot.store import migration_ops

revision: str = "0012_list_search_trigram"
down_revision: str | None = "0011_trigram_search"
branch_labels: str | None = None
depends_on: str | None = None

INDEXES = {
    "ix_invitations_inviter_name_trgm": "inviter_name",
    "ix_invitations_invitee_name_trgm": "invitee_name",
    "ix_invitations_occasion_text_trgm": "occasion_text",
    "ix_invitations_occasion_place_trgm": "occasion_place",
}


def upgrade() -> None:
    schema = migration_ops.extension_schema(op.get_bind(), "pg_trgm")
    if schema is None:
        return
    for name, column in INDEXES.items():
        # The column itself: the search compares it with ILIKE, which the operator class
        # answers. fastupdate stays on (the default): invitation rows are rewritten on
        # every report, and the pending list keeps those writes cheap.
        op.execute(text(f'CREATE INDEX {name} ON invitations USING gin '
                        f'({column} "{schema}".gin_trgm_ops)'))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in INDEXES:
        op.execute(text(f"DROP INDEX IF EXISTS {name}"))
