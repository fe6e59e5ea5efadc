"""Feed claims: which worker is polling a feed and until when (scale-out on PostgreSQL).

Revision ID: 0008_feed_claims
Revises: 0007_hot_summary
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.migration_ops import drop_columns

revision: str = "0008_feed_claims"
down_revision: str | None = "0007_hot_summary"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("feeds", sa.Column("claimed_by", sa.String(), nullable=True))
    op.add_column("feeds", sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    drop_columns("feeds", "claimed_until", "claimed_by")

