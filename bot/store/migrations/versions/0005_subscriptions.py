"""Per-channel subscriptions (issue 12), made from each server's /setup settings.

Revision ID: 0005_subscriptions
Revises: 0004_feed_lifecycle
Create Date: 2026-12-04

- subscriptions: one channel of one server with its own filters, role and style.
- Data: every channel in a server's `guild_settings.channel_ids` becomes one subscription
  (origin "setup", style "embed") with the server's filters, role and forbidden mark, so
  nothing a server chose is lost; `guild_settings` stays as /setup's own settings.
- Delivery targets were `discord:<guild>:<channel>`; they become the subscription's
  `discord:<guild>:<channel>:<id>` in `deliveries` and `posted_messages`, so a status
  change still edits and replies to the post that announced the invitation.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0005_subscriptions"
down_revision: str | None = "0004_feed_lifecycle"
branch_labels: str | None = None
depends_on: str | None = None

LISTS = ("figure_keys", "countries", "categories", "statuses", "languages", "source_kinds")


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guild_id", sa.String(), nullable=False),
        sa.Column("channel_id", sa.String(), nullable=False),
        sa.Column("channel_kind", sa.String(), nullable=False),
        sa.Column("style", sa.String(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in LISTS),
        sa.Column("min_confidence", sa.Float(), nullable=False),
        sa.Column("mention_role_id", sa.String(), nullable=True),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("forbidden_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_subscriptions"),
    )
    op.create_index("ix_subscriptions_guild_id", "subscriptions", ["guild_id"])
    _subscriptions_from_setup(op.get_bind())


def _json(text: str | None, default: Any) -> Any:
    # A damaged cell must not stop the upgrade of every other server: it reads as unset.
    try:
        value = json.loads(text) if text else default
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def _subscriptions_from_setup(connection: sa.engine.Connection) -> None:
    rows = connection.execute(sa.text(
        "SELECT guild_id, channel_ids, figure_keys, statuses, languages, min_confidence,"
        " mention_role_id, forbidden_channels FROM guild_settings ORDER BY guild_id")).mappings().all()
    now = datetime.now(UTC)
    for row in rows:
        forbidden = _json(row["forbidden_channels"], {})
        for channel_id in dict.fromkeys(str(c) for c in _json(row["channel_ids"], [])):
            values = {
                "guild_id": row["guild_id"], "channel_id": channel_id,
                "figure_keys": json.dumps(_json(row["figure_keys"], [])),
                "statuses": json.dumps(_json(row["statuses"], [])),
                "languages": json.dumps(_json(row["languages"], [])),
                "min_confidence": float(row["min_confidence"] or 0.0),
                "role": row["mention_role_id"], "now": now,
                "forbidden": _parse_time(forbidden.get(channel_id)),
            }
            connection.execute(sa.text(
                "INSERT INTO subscriptions (guild_id, channel_id, channel_kind, style,"
                " figure_keys, countries, categories, statuses, languages, source_kinds,"
                " min_confidence, mention_role_id, origin, forbidden_at, created_by, created_at)"
                " VALUES (:guild_id, :channel_id, 'text', 'embed', :figure_keys, '[]', '[]',"
                " :statuses, :languages, '[]', :min_confidence, :role, 'setup', :forbidden,"
                " 'migration 0005', :now)"), values)
            new_id = connection.execute(sa.text(
                "SELECT max(id) FROM subscriptions WHERE guild_id = :g AND channel_id = :c"),
                {"g": row["guild_id"], "c": channel_id}).scalar_one()
            old = f"discord:{row['guild_id']}:{channel_id}"
            _retarget(connection, old, f"{old}:{new_id}")


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _retarget(connection: sa.engine.Connection, old: str, new: str) -> None:
    for table in ("deliveries", "posted_messages"):
        connection.execute(sa.text(f"UPDATE {table} SET target = :new WHERE target = :old"),
                           {"new": new, "old": old})


def downgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, guild_id, channel_id, origin FROM subscriptions ORDER BY id")).mappings().all()
    for row in rows:
        target = f"discord:{row['guild_id']}:{row['channel_id']}:{row['id']}"
        if row["origin"] == "setup":
            _retarget(connection, target, target.rsplit(":", 1)[0])
        else:
            # Before 0005 a channel had one target; /subscribe's own cannot be kept.
            for table in ("deliveries", "posted_messages"):
                connection.execute(sa.text(f"DELETE FROM {table} WHERE target = :t"),
                                   {"t": target})
    op.drop_index("ix_subscriptions_guild_id", table_name="subscriptions")
    op.drop_table("subscriptions")
