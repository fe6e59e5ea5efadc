"""The public site's feeds: every invitation's first status in `status_changes` (a row
from NULL), and an index to read the latest changes first.

Revision ID: 0009_web
Revises: 0008_feed_claims
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision: str = "0009_web"
down_revision: str | None = "0008_feed_claims"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_status_changes_created_at", "status_changes", ["created_at", "id"])
    # Records made before this revision have no first row: their first status is the one
    # their first change left (else the current one), dated when the record was first seen,
    # with the source of its earliest report.
    op.execute("""
        INSERT INTO status_changes (invitation_id, from_status, to_status, at, source_url,
                                    created_at)
        SELECT i.id, NULL,
               COALESCE((SELECT sc.from_status FROM status_changes sc
                         WHERE sc.invitation_id = i.id ORDER BY sc.at, sc.id LIMIT 1),
                        i.status),
               i.first_seen,
               (SELECT t.url FROM timeline_entries t
                WHERE t.invitation_id = i.id ORDER BY t.at, t.id LIMIT 1),
               i.first_seen
        FROM invitations i
        WHERE NOT EXISTS (SELECT 1 FROM status_changes sc
                          WHERE sc.invitation_id = i.id AND sc.from_status IS NULL)
    """)


def downgrade() -> None:
    op.drop_index("ix_status_changes_created_at", table_name="status_changes")
    # The first rows stay: they are true history, and older code never reads the table.
