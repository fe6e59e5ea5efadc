"""Fixtures for the feeds tests: a local HTTP server and the shared corpus directory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from tests.support.http_server import LocalHTTPServer
from tests.support.http_server import local_http_server as local_http_server

REPO_ROOT = Path(__file__).resolve().parents[2]

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
