"""Interactive queries from indexes: the figures-seen table and the list indexes.

Revision ID: 0010_query_indexes
Revises: 0009_web
Create Date: 2026-12-04

- figures_seen: every (party key, name) an invitation holds, with the name and key case
  folded (Python's str.casefold: SQLite's lower() knows only ASCII), so the figure
  autocomplete searches a small indexed table instead of reading and folding every
  invitation per keystroke. Backfilled here from the invitations already stored.
- ix_invitations_status_hidden_last_update: the lists with a status filter and their
  keyset pages, and their counts (the lists without one walk ix_invitations_last_update);
  ix_invitations_inviter_last_update and ix_invitations_invitee_last_update: a figure's
  list, one side each (the latter replaces ix_invitations_invitee_key).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0010_query_indexes"
down_revision: str | None = "0009_web"
branch_labels: str | None = None
depends_on: str | None = None

_FOLDED = sa.String().with_variant(sa.String(collation="C"), "postgresql")
_WHEN = sa.DateTime(timezone=True)
_BATCH = 5000


def upgrade() -> None:
    figures = op.create_table(
        "figures_seen",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_folded", _FOLDED, nullable=False),
        sa.Column("key_folded", _FOLDED, nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", "name", name="pk_figures_seen"),
    )
    op.create_index("ix_figures_seen_name_folded", "figures_seen",
                    ["name_folded", "key", "name", "key_folded"])
    _backfill(figures)
    op.create_index("ix_invitations_status_hidden_last_update", "invitations",
                    ["status", "hidden", "last_update", "id"])
    op.create_index("ix_invitations_inviter_last_update", "invitations",
                    ["inviter_key", "last_update", "id"])
    op.create_index("ix_invitations_invitee_last_update", "invitations",
                    ["invitee_key", "last_update", "id"])
    # Superseded by the one above (same first column).
    op.drop_index("ix_invitations_invitee_key", table_name="invitations")


def _backfill(figures: sa.Table) -> None:
    """One row per (key, name) on either side of an invitation, first seen when the first
    invitation holding it was. The folding is Python's, so it is done here, not in SQL."""
    invitations = sa.table("invitations", sa.column("inviter_key"), sa.column("inviter_name"),
                           sa.column("invitee_key"), sa.column("invitee_name"),
                           sa.column("first_seen", _WHEN))
    sides = sa.union_all(
        sa.select(invitations.c.inviter_key.label("key"), invitations.c.inviter_name.label("name"),
                  invitations.c.first_seen),
        sa.select(invitations.c.invitee_key, invitations.c.invitee_name, invitations.c.first_seen),
    ).subquery()
    query = (sa.select(sides.c.key, sides.c.name, sa.func.min(sides.c.first_seen, type_=_WHEN))
             .group_by(sides.c.key, sides.c.name))
    connection = op.get_bind()
    batch: list[dict[str, Any]] = []
    for key, name, first_seen in connection.execute(query).all():
        batch.append({"key": key, "name": name, "name_folded": name.casefold(),
                      "key_folded": key.casefold(), "first_seen": first_seen})
        if len(batch) >= _BATCH:
            connection.execute(figures.insert(), batch)
            batch = []
    if batch:
        connection.execute(figures.insert(), batch)


def downgrade() -> None:
    op.create_index("ix_invitations_invitee_key", "invitations", ["invitee_key"])
    op.drop_index("ix_invitations_invitee_last_update", table_name="invitations")
    op.drop_index("ix_invitations_inviter_last_update", table_name="invitations")
    op.drop_index("ix_invitations_status_hidden_last_update", table_name="invitations")
    op.drop_index("ix_figures_seen_name_folded", table_name="figures_seen")
    op.drop_table("figures_seen")
