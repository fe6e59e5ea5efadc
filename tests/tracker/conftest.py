"""The tracker tests use the store's real-database fixtures (tests/conftest_store.py)."""

from __future__ import annotations

import sys
from pathlib import Path

_TESTS_DIR = str(Path(__file__).resolve().parents[1])
if _TESTS_DIR not in sys.path:
    sys.path.insert(0, _TESTS_DIR)

from conftest_store import (  # noqa: E402
    postgres_reachable,
    postgres_store_url,
    sqlite_store,
    sqlite_store_url,
    store,
    store_url,
)

__all__ = [
    "postgres_reachable",
    "postgres_store_url",
    "sqlite_store",
    "sqlite_store_url",
    "store",
    "store_url",
]
