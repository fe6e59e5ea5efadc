"""Slash commands, one module per concern; `register_all` adds them all to a tree.

A group (`/setup`, `/feeds`, `/config`, `/correct`) is an `app_commands.Group` subclass of
`common.CommandGroup` with its commands as methods and one error handler; the top-level
commands (`/invitations`, `/watch`, `/subscribe`, `/explain`, ...) are registered by their module's
`register`. What an admin command changes is a plain function in `changes.py`."""

from __future__ import annotations

from typing import Any

from discord import app_commands

from bot.discord.commands import browse, explain, subscriptions, watches
from bot.discord.commands.admin import ConfigGroup, SetupGroup
from bot.discord.commands.corrections import CorrectGroup
from bot.discord.commands.feeds import FeedsGroup
from bot.discord.deps import DiscordDeps


def register_all(tree: app_commands.CommandTree[Any], deps: DiscordDeps) -> None:
    browse.register(tree, deps)
    watches.register(tree, deps)
    subscriptions.register(tree, deps)
    for group in (SetupGroup, FeedsGroup, ConfigGroup, CorrectGroup):
        tree.add_command(group(deps))
    explain.register(tree, deps)
