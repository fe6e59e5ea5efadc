"""A server's language for the bot's messages: a language code, or "auto" (the server's
preferred locale). Servers configured before this revision follow their locale.

Revision ID: 0006_guild_language
Revises: 0005_subscriptions
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006_guild_language"
down_revision: str | None = "0005_subscriptions"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("guild_settings", sa.Column("language", sa.String(), nullable=False,
                                              server_default="auto"))


def downgrade() -> None:
    with op.batch_alter_table("guild_settings") as batch:
        batch.drop_column("language")
