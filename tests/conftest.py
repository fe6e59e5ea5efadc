"""Fixtures shared by every test package."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository; tests that need it skip in a fresh clone."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"{SHARED_DIR} is absent (it exists beside the repository in CI only)")
    return SHARED_DIR


# Real-database fixtures: `store`/`store_url` run a test on SQLite and on PostgreSQL.
from tests.conftest_store import (  # noqa: E402, F401
    postgres_reachable,
    postgres_store_url,
    sqlite_store,
    sqlite_store_url,
    store,
    store_url,
)
