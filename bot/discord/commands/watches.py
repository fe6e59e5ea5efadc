"""A member's own alerts: /watch and /unwatch."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord.arguments import UserInputError
from bot.discord.commands.common import Figure, answer_language, guild_id_of, in_store, reply
from bot.discord.deps import DiscordDeps
from bot.discord.safety import escape_untrusted
from bot.i18n import t, tn
from bot.store.api import Unit


def register(tree: app_commands.CommandTree[Any], deps: DiscordDeps) -> None:
    @tree.command(name="watch", description="Get a direct message when there is news about a figure")
    @app_commands.describe(figure="The figure to watch (suggestions as you type)")
    @app_commands.guild_only()
    async def watch(interaction: discord.Interaction, figure: Figure) -> None:
        guild_id = guild_id_of(interaction)
        key, name = figure.key, figure.name
        user_id = str(interaction.user.id)
        cap = deps.max_watches()

        def add(unit: Unit) -> bool:
            added = unit.watch(guild_id, user_id, key)
            if added and unit.count_watches(guild_id, user_id) > cap:
                # Raised inside the transaction: the watch just added is rolled back.
                raise UserInputError("You already watch {cap} figures in this server, the "
                                     "most allowed. `/unwatch` one to make room.", cap=cap)
            return added

        added = await in_store(deps, add)
        lang = await answer_language(interaction)
        shown = escape_untrusted(name)
        if added:
            text = "👀 " + t(lang, "You are now watching **{name}**. `/unwatch` stops it; keep "
                                  "direct messages from server members open to receive the "
                                  "alerts.", name=shown)
        else:
            text = t(lang, "You were already watching **{name}**.", name=shown)
        await reply(interaction, content=text, ephemeral=True)

    @tree.command(name="unwatch", description="Stop watching a figure (or every figure)")
    @app_commands.describe(figure="The figure to stop watching; leave empty to stop all")
    @app_commands.guild_only()
    async def unwatch(interaction: discord.Interaction,
                      figure: Figure | None = None) -> None:
        guild_id = guild_id_of(interaction)
        user_id = str(interaction.user.id)
        lang = await answer_language(interaction)
        key: str | None = None
        shown = t(lang, "any figure")
        if figure is not None:
            key = figure.key
            shown = f"**{escape_untrusted(figure.name)}**"
        removed = await in_store(deps, lambda unit: unit.unwatch(guild_id, user_id, key))
        if removed:
            text = tn(lang, "Stopped {n} watch on {figure}.", "Stopped {n} watches on {figure}.",
                      removed, figure=shown)
        else:
            text = t(lang, "You were not watching {figure}. `/watch` starts watching a figure.",
                     figure=shown)
        await reply(interaction, content=text, ephemeral=True)
