"""The Discord tests' harness: DiscordDeps over a real store, the real client logged in to
the fake Discord, and a reader of the audit log. Fixtures are in tests/discord/conftest.py."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from discord import app_commands

from bot.discord.client import InvitewatchClient, build_client
from bot.discord.commands.common import send_error
from bot.discord.deps import DiscordDeps
from bot.errors import FetchError
from bot.store.api import Store
from tests.support.fake_discord import MANAGE_GUILD, MEMBER_PERMISSIONS, FakeDiscord, FakeGuild

FIXED_NOW = datetime(2021, 3, 1, 12, 0, tzinfo=UTC)

# A tiny gazetteer for the commands' figure arguments: the real one needs the matcher's
# data files, which these tests do not exercise.
KNOWN_FIGURES = {
    "elon-musk": ("Elon Musk", ("elon musk", "musk")),
    "vladimir-putin": ("Vladimir Putin", ("vladimir putin", "putin", "wladimir putin")),
    "kanye-west": ("Kanye West", ("kanye west", "kanye", "ye")),
}


def search_figures(prefix: str, limit: int) -> list[tuple[str, str]]:
    folded = prefix.casefold()
    return [(fid, name) for fid, (name, _aliases) in KNOWN_FIGURES.items()
            if name.casefold().startswith(folded)][:limit]


def resolve_figure(text: str) -> tuple[str, str] | None:
    folded = " ".join(text.casefold().split())
    for fid, (name, aliases) in KNOWN_FIGURES.items():
        if folded in aliases:
            return fid, name
    return None


def validate_feed_url(url: str) -> str:
    if not url.startswith(("http://", "https://")):
        raise FetchError(f"only http and https feeds are supported, not {url[:40]!r}", permanent=True)
    return url


@dataclass
class FeedsChanged:
    calls: int = 0

    def __call__(self) -> None:
        self.calls += 1


def make_deps(store: Store, fake: FakeDiscord | None, feeds_changed: FeedsChanged | None = None,
              sync_guild_id: str | None = None) -> DiscordDeps:
    return DiscordDeps(
        store=store, now=lambda: FIXED_NOW, search_figures=search_figures,
        resolve_figure=resolve_figure, validate_feed_url=validate_feed_url,
        settings_snapshot=lambda: {"database": {"url": "sqlite:///x.db"},
                                   "discord": {"token": "set (hidden)"}},
        api_base=fake.api_base if fake else None, gateway_url=fake.gateway_url if fake else None,
        sync_guild_id=sync_guild_id, on_feeds_changed=feeds_changed,
        # The fake's servers are the host's own: they may change the shared feeds.
        feed_admin_guilds=lambda: frozenset(fake.guilds) if fake else frozenset())


@dataclass
class Bot:
    client: InvitewatchClient
    fake: FakeDiscord
    store: Store
    guild: FakeGuild
    errors: list[BaseException] = field(default_factory=list)


async def start_client(client: InvitewatchClient, token: str) -> asyncio.Task[None]:
    """Start the client and wait for READY; fail at once if start() fails (then
    wait_until_ready would never return)."""
    task = asyncio.create_task(client.start(token))
    ready = asyncio.create_task(client.wait_until_ready())
    done, _ = await asyncio.wait({task, ready}, timeout=15, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        ready.cancel()
        task.result()  # raises what start() raised
        raise AssertionError("client.start() returned before the client was ready")
    if ready not in done:
        task.cancel()
        raise AssertionError("the client did not become ready within 15 s")
    return task


@asynccontextmanager
async def running_bot(fake: FakeDiscord, store: Store, deps: DiscordDeps) -> AsyncIterator[Bot]:
    """The real client, built from `deps`, logged in to `fake`; command errors are recorded."""
    client = build_client(deps, guild_ready_timeout=0)
    harness = Bot(client, fake, store, next(iter(fake.guilds.values())))

    async def record_error(interaction: Any, error: app_commands.AppCommandError) -> None:
        harness.errors.append(error)
        await send_error(interaction, error)

    client.tree.on_error = record_error
    task = await start_client(client, fake.token)
    try:
        yield harness
    finally:
        await client.close()
        await asyncio.wait_for(task, 10)


def audit_log(store: Store) -> list[tuple[str, str, str]]:
    """(actor, guild_id, action) rows of the audit log, read straight from the SQLite file."""
    path = store.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return [(str(a), str(g), str(act)) for a, g, act in connection.execute(
            "SELECT actor, guild_id, action FROM audit_log ORDER BY id")]


# -- driving one command and reading its answer ------------------------------------
EPHEMERAL = 1 << 6


def opt(name: str, value: Any, kind: int = 3, focused: bool = False) -> dict[str, Any]:
    option: dict[str, Any] = {"name": name, "type": kind, "value": value}
    if focused:
        option["focused"] = True
    return option


async def run(bot: Bot, name: str, options: list[dict[str, Any]] | None = None, *,
              member: dict[str, Any] | None = None, resolved: dict[str, Any] | None = None,
              autocomplete: bool = False) -> dict[str, Any]:
    payload = bot.fake.command_interaction(bot.guild, name, options, member=member,
                                           resolved=resolved, autocomplete=autocomplete)
    return await bot.fake.respond(payload)


def admin(bot: Bot) -> dict[str, Any]:
    return bot.fake.member_payload(permissions=MEMBER_PERMISSIONS | MANAGE_GUILD, name="admin")


def text_of(callback: dict[str, Any]) -> str:
    data = callback["data"]
    parts = [data.get("content") or ""]
    for embed in data.get("embeds") or []:
        parts += [embed.get("title", ""), embed.get("description", ""),
                  embed.get("footer", {}).get("text", "")]
        parts += [f"{f['name']}: {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def assert_ephemeral_error(callback: dict[str, Any], *needles: str) -> None:
    assert callback["type"] == 4
    assert callback["data"]["flags"] & EPHEMERAL, "errors must be ephemeral"
    text = callback["data"]["content"]
    assert text.startswith("⚠️")
    for needle in needles:
        assert needle in text, text
