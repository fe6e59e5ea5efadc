"""Column types that keep the store's promise: every datetime in and out is aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from bot.errors import StoreError


def as_utc(value: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already (that is how it was stored)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def require_aware(value: datetime, what: str = "datetime") -> datetime:
    """`value` in UTC; a naive datetime is a programming error that would corrupt the timeline."""
    if value.__class__ is datetime and value.tzinfo is UTC:
        # Already UTC, as nearly every value is (astimezone would return it unchanged):
        # the check runs for every datetime bound to a statement, ~17 per stored entry.
        return value
    if not isinstance(value, datetime):
        raise StoreError(f"{what} must be a datetime, got {type(value).__name__}: {value!r}")
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise StoreError(f"{what} must be timezone-aware, got naive {value.isoformat()}")
    return value.astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC.

    SQLite keeps no offset, so an aware value in another zone would be stored as its local
    wall time and read back wrong; converting to UTC on the way in and re-attaching UTC on
    the way out makes both backends behave the same.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return require_aware(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # a raw SQLite string from an untyped expression
            value = datetime.fromisoformat(value)
        return as_utc(value)
