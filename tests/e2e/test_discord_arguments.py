"""Slash commands with odd arguments, through the fake Discord to the real
discord.py client: every answer is either the result or an ephemeral error saying what
to type, never a garbled echo of the argument and never a ping."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.store import open_store
from bot.store.api import Store
from tests.support.builders import store_invitation
from tests.support.discord_harness import Bot, FeedsChanged, make_deps, running_bot
from tests.support.fake_discord import FakeDiscord

EPHEMERAL = 1 << 6


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'discord.db'}")
    store_invitation(opened)
    yield opened
    opened.close()


@pytest_asyncio.fixture
async def bot(store: Store) -> AsyncIterator[Bot]:
    async with FakeDiscord() as fake:
        fake.add_guild("Newsroom", channel_names=("general", "invitations"))
        async with running_bot(fake, store, make_deps(store, fake, FeedsChanged())) as harness:
            yield harness


async def invitations(bot: Bot, since: str) -> dict[str, Any]:
    payload = bot.fake.command_interaction(bot.guild, "invitations",
                                           [{"name": "since", "type": 3, "value": since}])
    return await bot.fake.respond(payload)


@pytest.mark.parametrize("since", ["0d", "-1d", "9999w", "1 d 2", "@everyone", "<@&123> 7d",
                                   "2021-02-30"])
async def test_since_that_makes_no_sense_is_an_ephemeral_error(bot: Bot, since: str) -> None:
    answer = await invitations(bot, since)
    data = answer["data"]
    assert data["flags"] & EPHEMERAL and data["content"].startswith("⚠️"), data
    assert data["allowed_mentions"] == {"parse": []}


async def test_an_early_since_date_is_echoed_as_typed(bot: Bot) -> None:
    answer = await invitations(bot, "0001-01-01")
    description = answer["data"]["embeds"][0]["description"]
    assert "updated since 0001-01-01" in description, description
