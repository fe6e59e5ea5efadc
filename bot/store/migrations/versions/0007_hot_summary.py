"""Hot stories: each invitation's timeline summary, and timeline entries found by URL.

Revision ID: 0007_hot_summary
Revises: 0006_guild_language
Create Date: 2026-12-04

`invitations.timeline_summary` (JSON text, NULL until the record is next saved) holds the
bounded part of the timeline the tracker decides on (`bot.tracker.summary`), so a report
costs the same however long the timeline is; NULL means "summarise the whole timeline once".
The index on (invitation_id, url) finds the entries repeating a report's URL without
reading the timeline.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.migration_ops import drop_columns

revision: str = "0007_hot_summary"
down_revision: str | None = "0006_guild_language"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("invitations", sa.Column("timeline_summary", sa.Text(), nullable=True))
    op.create_index("ix_timeline_entries_invitation_url", "timeline_entries",
                    ["invitation_id", "url"])


def downgrade() -> None:
    op.drop_index("ix_timeline_entries_invitation_url", table_name="timeline_entries")
    drop_columns("invitations", "timeline_summary")

