"""Slash commands, one module per concern; `register_all` adds them all to a tree."""

from __future__ import annotations

from typing import Any

from discord import app_commands

from bot.discord.commands import admin, browse, corrections, explain, watches
from bot.discord.deps import DiscordDeps


def register_all(tree: app_commands.CommandTree[Any], deps: DiscordDeps) -> None:
    browse.register(tree, deps)
    watches.register(tree, deps)
    admin.register(tree, deps)
    corrections.register(tree, deps)
    explain.register(tree, deps)
