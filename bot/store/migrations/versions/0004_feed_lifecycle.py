"""Feed lifecycle: when and why a feed was disabled (by repeated failures or by hand).

Revision ID: 0004_feed_lifecycle
Revises: 0003_delivery
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004_feed_lifecycle"
down_revision: str | None = "0003_delivery"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("feeds", sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("feeds", sa.Column("disabled_reason", sa.Text(), nullable=True))
    # Feeds disabled before this revision: the time of their last (failed) poll, and the
    # error that was recorded then.
    op.execute("UPDATE feeds SET disabled_at = last_polled_at, disabled_reason = last_error "
               "WHERE state = 'disabled'")


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("disabled_reason")
        batch.drop_column("disabled_at")
