"""The store: SQLModel tables, repositories and migrations behind the `bot.store.api` contract.

This package is the only place sqlmodel, sqlalchemy and alembic are imported.

- `engine.py`: URLs, per-backend engine settings, `SqlStore` (units, errors, upgrade)
- `unit.py`: `SqlUnit`, the transaction, assembled from the `repo_*.py` repositories
- `tables.py`, `types.py`: the schema; `UTCDateTime` keeps every timestamp aware UTC
- `convert.py`, `codec.py`: rows and JSON to the contract's dataclasses and back
- `migrate.py`, `migrations/`: Alembic run from code (`Store.upgrade`, revisions)
- `errors.py`: driver errors to StoreError messages
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.store.api import (
    Delivery,
    DeliveryState,
    FeedRecord,
    FeedState,
    GuildSettings,
    InvitationFilter,
    InvitationPage,
    ListCursor,
    OutboxItem,
    Store,
    Unit,
)
from bot.store.codec import notification_from_json, notification_to_json
from bot.store.engine import DEFAULT_BUSY_TIMEOUT, SqlStore, current_revision, normalise_url
from bot.store.migrate import head_revision
from bot.store.unit import SqlUnit


def open_store(url: str, *, upgrade: bool = True, busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
               echo: bool = False) -> SqlStore:
    """Open the database at `url` (SQLite path/URL or PostgreSQL URL) and, unless
    `upgrade=False`, bring its schema to the latest migration.

    `busy_timeout` (seconds) is how long a write waits for a lock held by another
    process before failing with StoreError. Raises StoreError for a bad URL, an
    unreachable server or a failed migration.
    """
    store = SqlStore(normalise_url(url), busy_timeout=busy_timeout, echo=echo)
    if upgrade:
        try:
            store.upgrade()
        except BaseException:
            store.close()
            raise
    return store


__all__ = [
    "DEFAULT_BUSY_TIMEOUT",
    "Delivery",
    "DeliveryState",
    "FeedRecord",
    "FeedState",
    "GuildSettings",
    "InvitationFilter",
    "InvitationPage",
    "ListCursor",
    "OutboxItem",
    "SqlStore",
    "Store",
    "Unit",
    "current_revision",
    "head_revision",
    "notification_from_json",
    "notification_to_json",
    "open_store",
]


if TYPE_CHECKING:  # mypy proves the implementation honours the contract's protocols

    def _store_conforms(store: SqlStore) -> Store:
        return store

    def _unit_conforms(unit: SqlUnit) -> Unit:
        return unit
