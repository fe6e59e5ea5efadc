"""/feeds enable and /feeds disable: bring back a feed that was disabled (after repeated
failures, or by hand), or stop reading one without forgetting it."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

import discord
from discord import app_commands

from bot.discord.arguments import UserInputError
from bot.discord.commands.common import actor_of, in_store, reply, require_manage_guild
from bot.discord.deps import DiscordDeps
from bot.discord.safety import bare_url, escape_untrusted
from bot.store.api import FeedRecord, FeedState, Unit

MAX_URL = 2048

Autocomplete = Callable[[discord.Interaction[Any], str],
                        Coroutine[Any, Any, list[app_commands.Choice[str]]]]


def register(feeds: app_commands.Group, deps: DiscordDeps, autocomplete: Autocomplete,
             require_feed_admin: Callable[[DiscordDeps, str], None]) -> None:
    @feeds.command(name="enable", description="Read a disabled feed again")
    @app_commands.describe(url="The feed's address, as /feeds list shows it")
    @app_commands.autocomplete(url=autocomplete)
    async def feeds_enable(interaction: discord.Interaction,
                           url: app_commands.Range[str, 1, MAX_URL]) -> None:
        guild_id = require_manage_guild(interaction)
        require_feed_admin(deps, guild_id)
        wanted = url.strip()
        actor = actor_of(interaction)

        def enable(unit: Unit) -> tuple[FeedRecord | None, FeedRecord | None]:
            before = unit.get_feed(wanted)
            if before is None or before.state != FeedState.DISABLED:
                return before, None
            after = unit.enable_feed(before.url, now=deps.now())
            unit.audit(actor=actor, guild_id=guild_id, action="feeds.enable",
                       detail={"url": before.url, "was": before.disabled_reason},
                       now=deps.now())
            return before, after

        before, after = await in_store(deps, enable)
        if before is None:
            raise UserInputError(f"I do not read {bare_url(wanted)}. "
                                 "`/feeds list` shows the exact addresses.")
        if after is None:
            raise UserInputError(f"{bare_url(before.url)} is not disabled "
                                 f"(it is {before.state.value}).")
        if deps.on_feeds_changed is not None:
            deps.on_feeds_changed()
        why = escape_untrusted(before.disabled_reason or "no reason recorded")
        await reply(interaction, content=f"Enabled {bare_url(before.url)}: it is read again at "
                                         f"the next poll. It had been disabled: {why}",
                    ephemeral=True)

    @feeds.command(name="disable", description="Stop reading a feed for now, keeping it")
    @app_commands.describe(url="The feed's address, as /feeds list shows it")
    @app_commands.autocomplete(url=autocomplete)
    async def feeds_disable(interaction: discord.Interaction,
                            url: app_commands.Range[str, 1, MAX_URL]) -> None:
        guild_id = require_manage_guild(interaction)
        require_feed_admin(deps, guild_id)
        wanted = url.strip()
        actor = actor_of(interaction)

        def disable(unit: Unit) -> FeedRecord | None:
            record = unit.get_feed(wanted)
            if record is None or record.state == FeedState.DISABLED:
                return record
            unit.audit(actor=actor, guild_id=guild_id, action="feeds.disable",
                       detail={"url": record.url}, now=deps.now())
            return unit.disable_feed(record.url, reason=f"disabled by hand ({actor})",
                                     now=deps.now())

        record = await in_store(deps, disable)
        if record is None:
            raise UserInputError(f"I do not read {bare_url(wanted)}. "
                                 "`/feeds list` shows the exact addresses.")
        await reply(interaction, content=f"{bare_url(record.url)} is disabled; `/feeds enable` "
                                         "brings it back.", ephemeral=True)

