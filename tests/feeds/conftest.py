"""Fixtures for the feeds tests: a local HTTP server and the shared corpus directory."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

REPO_ROOT = Path(__file__).resolve().parents[2]
# `bot` and `tests.support` are imported from the work tree, however pytest was started.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support.http_server import LocalHTTPServer  # noqa: E402
from tests.support.http_server import local_http_server as local_http_server  # noqa: E402

SHARED_DIR = REPO_ROOT / ".." / "shared"


@pytest_asyncio.fixture
async def http_server() -> AsyncIterator[LocalHTTPServer]:
    async with LocalHTTPServer() as server:
        yield server


@pytest.fixture
def corpus_dir() -> Path:
    corpus = SHARED_DIR / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"the shared corpus is absent ({corpus.resolve()} does not exist)")
    return corpus
