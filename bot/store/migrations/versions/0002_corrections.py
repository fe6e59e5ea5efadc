"""Human corrections and link traces: hidden records, editorial timeline entries, notes.

Revision ID: 0002_corrections
Revises: 0001
Create Date: 2026-12-03

Plain SQL types, as in 0001. `invitations.hidden` marks a record an editor found false (it
keeps absorbing its echoes, silently); `timeline_entries.editorial` marks an entry set by
an editor, which the status machine lets outrank the evidence it corrected;
`invitation_notes` holds what a timeline shows besides evidence (merges, splits, hidden,
and the tracker's traces of reports it linked to no record).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_corrections"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends (no table copy under SQLite, whose foreign keys
    # cascade); the server default fills the rows already there.
    op.add_column("invitations", sa.Column("hidden", sa.Boolean(), nullable=False,
                                           server_default=sa.false()))
    op.add_column("timeline_entries", sa.Column("editorial", sa.Boolean(), nullable=False,
                                                server_default=sa.false()))
    op.create_table(
        "invitation_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invitation_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["invitation_id"], ["invitations.id"],
                                name="fk_invitation_notes_invitation_id_invitations",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_invitation_notes"),
    )
    op.create_index("ix_invitation_notes_invitation_id", "invitation_notes", ["invitation_id"])


def downgrade() -> None:
    op.drop_index("ix_invitation_notes_invitation_id", table_name="invitation_notes")
    op.drop_table("invitation_notes")
    # Native DROP COLUMN (SQLite 3.35+, PostgreSQL): no table copy.
    op.drop_column("timeline_entries", "editorial")
    op.drop_column("invitations", "hidden")
