"""The store: SQLModel tables, repositories and migrations behind the `bot.store.api` contract.

This package is the only place sqlmodel, sqlalchemy and alembic are imported.

- `engine.py`: URLs, per-backend engine settings, `SqlStore` (units, errors, upgrade)
- `unit.py`: `SqlUnit`, the transaction, assembled from the `repo_*.py` repositories
- `tables.py`, `types.py`: the schema; `UTCDateTime` keeps every timestamp aware UTC
- `convert.py`, `codec.py`: rows and JSON to the contract's dataclasses and back
- `migrate.py`, `migrations/`: Alembic run from code (`Store.upgrade`); `revision.py`: where a
  database stands, read without Alembic; `upgrade_process.py`: migrating in a child process
- `errors.py`: driver errors to StoreError messages
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from bot.store.codec import notification_from_json, notification_to_json
    from bot.store.engine import DEFAULT_BUSY_TIMEOUT, SqlStore, current_revision
    from bot.store.engine import normalise_url as normalise_url
    from bot.store.revision import head_revision
    from bot.store.unit import SqlUnit

# sqlalchemy and alembic take most of a command's start-up: the contract (`bot.store.api`,
# imported by the command line and the notifiers) is read at once, the implementation on
# first use of one of these names.
_LAZY = {
    "notification_from_json": "bot.store.codec", "notification_to_json": "bot.store.codec",
    "DEFAULT_BUSY_TIMEOUT": "bot.store.engine", "SqlStore": "bot.store.engine",
    "current_revision": "bot.store.engine", "normalise_url": "bot.store.engine",
    "head_revision": "bot.store.revision", "SqlUnit": "bot.store.unit",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'bot.store' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def open_store(url: str, *, upgrade: bool = True, busy_timeout: float | None = None,
               echo: bool = False) -> SqlStore:
    """Open the database at `url` (SQLite path/URL or PostgreSQL URL) and, unless
    `upgrade=False`, bring its schema to the latest migration.

    `busy_timeout` (seconds, default `DEFAULT_BUSY_TIMEOUT`) is how long a write waits for
    a lock held by another process before failing with StoreError. Raises StoreError for a
    bad URL, an unreachable server or a failed migration.
    """
    from bot.store.engine import DEFAULT_BUSY_TIMEOUT, SqlStore, normalise_url

    store = SqlStore(normalise_url(url), echo=echo,
                     busy_timeout=DEFAULT_BUSY_TIMEOUT if busy_timeout is None else busy_timeout)
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
