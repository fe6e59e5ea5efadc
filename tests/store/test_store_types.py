"""`bot.store.types`: every datetime the store binds is aware UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.errors import StoreError
from bot.store.types import require_aware


def test_a_utc_datetime_is_taken_as_it_is_and_others_converted_or_refused() -> None:
    utc = datetime(2026, 12, 1, 12, tzinfo=UTC)
    assert require_aware(utc) is utc
    kyiv = datetime(2026, 12, 1, 14, tzinfo=timezone(timedelta(hours=2)))
    assert require_aware(kyiv) == utc and require_aware(kyiv).tzinfo is UTC
    with pytest.raises(StoreError, match="timezone-aware"):
        require_aware(datetime(2026, 12, 1, 12))  # noqa: DTZ001 (the naive value refused)
    with pytest.raises(StoreError, match="must be a datetime"):
        require_aware("2026-12-01")  # type: ignore[arg-type]
