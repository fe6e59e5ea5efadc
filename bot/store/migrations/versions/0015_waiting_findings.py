"""Reports that arrived before any record they could join, kept for it.

Revision ID: 0015_waiting_findings
Revises: 0014_list_search_fts
Create Date: 2026-12-06

`waiting_findings`: a one-party report ("Putin will not attend the talks in Istanbul") or a
two-party observation ("they met in Sochi") that found no record to join when it arrived
(news arrives out of date order). The pipeline tries it again when a record of its figures
opens or is placed, and the periodic sweep deletes it one tracker window after it arrived
(`bot.tracker.waiting`). Each row keeps the columns it is found and judged by (party keys,
side, occasion, status, dates) and the whole finding with its source as JSON.

Downgrading drops the table: the findings still waiting are lost, the records untouched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0015_waiting_findings"
down_revision: str | None = "0014_list_search_fts"
branch_labels: str | None = None
depends_on: str | None = None

TABLE = "waiting_findings"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(),
                  sa.ForeignKey("articles.id", ondelete="CASCADE",
                                name="fk_waiting_findings_article_id_articles"),
                  nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("party_key", sa.String(), nullable=False),
        sa.Column("other_key", sa.String(), nullable=True),
        sa.Column("side", sa.String(), nullable=True),
        sa.Column("occasion_kind", sa.String(), nullable=False),
        sa.Column("occasion_place", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("announce", sa.Boolean(), nullable=False),
        sa.Column("finding", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_waiting_findings"),
    )
    op.create_index("ix_waiting_findings_article_id", TABLE, ["article_id"])
    op.create_index("ix_waiting_findings_party_key_at", TABLE, ["party_key", "at"])
    op.create_index("ix_waiting_findings_other_key_at", TABLE, ["other_key", "at"])
    op.create_index("ix_waiting_findings_seen_at", TABLE, ["seen_at"])


def downgrade() -> None:
    op.drop_table(TABLE)
