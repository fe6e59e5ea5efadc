"""Alembic, driven from code: users need no alembic.ini, the scripts ship in the package.

Imported only to migrate: reading where a database stands needs no Alembic
(`bot.store.revision`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from bot.store.revision import head_revision, revision_on

__all__ = ["MIGRATIONS_DIR", "alembic_config", "head_revision", "revision_on", "upgrade_to_head"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any constant will do: it only has to be the same for every invitewatch process.
_PG_MIGRATION_LOCK = 0x1F1E_57A7


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction (both backends have transactional DDL)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes starting together must not both create the schema.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _PG_MIGRATION_LOCK})
        if revision_on(connection) == head_revision():
            return
        command.upgrade(alembic_config(connection), "head")
