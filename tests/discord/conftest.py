"""Fixtures for the Discord tests: no request may reach the real Discord, a real store on a
temp file, a fake Discord server, and the real discord.py client logged in to it."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.discord.client import configure_endpoints
from bot.store import open_store
from bot.store.api import Store
from tests.support.discord_harness import Bot, FeedsChanged, make_deps, running_bot
from tests.support.fake_discord import FakeDiscord


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(autouse=True)
def no_real_discord() -> Iterator[None]:
    """Every test starts pointed at a closed local port, so nothing can reach discord.com."""
    saved_base, saved_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    port = _closed_port()
    configure_endpoints(f"http://127.0.0.1:{port}/api/v10", f"ws://127.0.0.1:{port}/")
    yield
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved_base, saved_gateway


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'discord.db'}")
    yield opened
    opened.close()


@pytest.fixture
def feeds_changed() -> FeedsChanged:
    return FeedsChanged()


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        server.add_guild("Newsroom", channel_names=("general", "invitations", "offtopic"))
        yield server


@pytest_asyncio.fixture
async def bot(fake: FakeDiscord, store: Store, feeds_changed: FeedsChanged) -> AsyncIterator[Bot]:
    async with running_bot(fake, store, make_deps(store, fake, feeds_changed)) as harness:
        yield harness
