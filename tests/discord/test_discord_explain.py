"""/explain through the fake Discord: ephemeral, this server's decision, nothing pinged."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest_asyncio

from bot.explain_service import explain_query
from bot.feeds.fetch import FetchLimits
from bot.matcher import Matcher
from bot.store.api import GuildSettings, Store
from bot.tracker import TrackerPolicy
from tests.support.discord_harness import (
    EPHEMERAL,
    Bot,
    FeedsChanged,
    make_deps,
    opt,
    run,
    running_bot,
    text_of,
)
from tests.support.fake_discord import FakeDiscord

SMALL_FIGURES = Path(__file__).resolve().parents[1] / "matcher" / "figures_small.toml"
TEXT = "@everyone: Elon Musk has invited Vladimir Putin to a conversation on Clubhouse."


@pytest_asyncio.fixture
async def explaining_bot(fake: FakeDiscord, store: Store,
                         feeds_changed: FeedsChanged) -> AsyncIterator[Bot]:
    matcher = Matcher.load(SMALL_FIGURES)
    asked: list[str | None] = []

    async def explain(query: str, server_id: str | None) -> list[str]:
        asked.append(server_id)
        result = await explain_query(query, store=store, matcher=matcher,  # type: ignore[arg-type]
                                     policy=TrackerPolicy(), limits=FetchLimits(),
                                     now=make_deps(store, None).now(), server_id=server_id,
                                     text=TEXT)
        return result.lines()

    deps = replace(make_deps(store, fake, feeds_changed), explain=explain)
    async with running_bot(fake, store, deps) as harness:
        harness.asked = asked  # type: ignore[attr-defined]
        yield harness


async def test_explain_is_ephemeral_and_shows_the_steps(explaining_bot: Bot) -> None:
    bot = explaining_bot
    with bot.store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id=bot.guild.id, channel_ids=["1"]))
        unit.save_guild_settings(GuildSettings(guild_id="999", channel_ids=["2"]))
    answer = await run(bot, "explain", [opt("article", "https://news.example/story")],
                       member=bot.fake.member_payload(name="reader"))
    assert answer["data"]["flags"] & EPHEMERAL
    shown = text_of(answer)
    assert "Explain https://news.example/story" in shown
    assert "no feed has brought this article" in shown
    assert "would open a new invitation" in shown
    assert bot.asked == [bot.guild.id]  # type: ignore[attr-defined]
    assert "everyone: Elon Musk has invited" in shown  # quoted, and escaped:
    assert "@everyone" not in shown  # article text can never ping


async def test_explain_is_offered_only_when_the_bot_can_answer(bot: Bot) -> None:
    synced = bot.fake.requests_to("PUT", r"^/applications/\d+/commands$")
    assert "explain" not in {c["name"] for c in synced[0].body}
