"""Deliveries record when an attempt started, before the send (a write-ahead mark).

Revision ID: 0016_delivery_attempts
Revises: 0015_waiting_findings
Create Date: 2026-12-07

`deliveries.attempt_started_at`: set (if not set yet) just before a delivery is handed to
its notifier, cleared when the delivery is closed (sent, or failed for good). A pending
delivery with the column set is *in doubt*: a process may have died after Discord created
the message and before `mark_sent`. Discord's nonce covers a retry within a few minutes
only; a later retry first looks for the message in the channel (`bot.notify.outbox`).

Downgrading drops the column: in-doubt deliveries are then retried on the nonce alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0016_delivery_attempts"
down_revision: str | None = "0015_waiting_findings"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("deliveries", sa.Column("attempt_started_at", sa.DateTime(timezone=True),
                                          nullable=True))


def downgrade() -> None:
    op.drop_column("deliveries", "attempt_started_at")
