"""Delivery claims by worker, and config feeds kept (not deleted) when removed.

Revision ID: 0003_delivery
Revises: 0002_corrections
Create Date: 2026-12-03

- deliveries.claimed_by: the worker (a stable id per host, data directory and role) that
  holds a delivery's lease, so a restarted process takes its own claims back at once.
- ix_deliveries_chain: finds an earlier pending delivery of the same target quickly (an
  invitation's notifications are delivered to a target strictly in outbox order).
- feeds.removed_at: a feed dropped from config/feeds.toml is kept with its history (GUIDs,
  validators, backfill state) and no longer polled; re-adding it resumes it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_delivery"
down_revision: str | None = "0002_corrections"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(), nullable=True))
    op.create_index("ix_deliveries_chain", "deliveries", ["target", "state", "outbox_id"])
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("removed_at")
    op.drop_index("ix_deliveries_chain", table_name="deliveries")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("claimed_by")
