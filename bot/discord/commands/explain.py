"""/explain: why an article was posted in this server, or not. Ephemeral: it is a question
one member asks, and the answer quotes the article."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from bot.discord import limits
from bot.discord.commands.common import answer_language, reply
from bot.discord.deps import DiscordDeps
from bot.discord.safety import escape_untrusted
from bot.i18n import t

MAX_QUERY = 2048


def register(tree: app_commands.CommandTree[Any], deps: DiscordDeps) -> None:
    explainer = deps.explain
    if explainer is None:
        return

    @tree.command(name="explain", description="Why was an article posted here, or not?")
    @app_commands.describe(article="The article's address, or its number")
    async def explain(interaction: discord.Interaction,
                      article: app_commands.Range[str, 1, MAX_QUERY]) -> None:
        # Reading the article again may take a few seconds: answer within Discord's three.
        await interaction.response.defer(ephemeral=True, thinking=True)
        guild_id = str(interaction.guild_id) if interaction.guild_id else None
        lines = await explainer(article.strip(), guild_id)
        body = "\n".join(("> " if line.startswith(" ") else "") + escape_untrusted(line.strip())
                         for line in lines[1:])
        lang = await answer_language(interaction)
        # The steps themselves are bot.explain's own English (shared with the command line).
        embed = discord.Embed(title=limits.clip(t(lang, "Explain {article}", article=article.strip()),
                                                limits.TITLE),
                              description=limits.clip(body, limits.DESCRIPTION))
        await reply(interaction, embed=limits.fit_embed(embed), ephemeral=True)
