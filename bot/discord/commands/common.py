"""What every command module shares: store access off the event loop, the admin check,
ephemeral error replies (one per failed command), the language to answer in, the base class
of the command groups, and the figure argument (its resolution and autocomplete)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

import discord
from discord import app_commands
from discord.utils import MISSING

from bot.discord import limits
from bot.discord.arguments import UserInputError, figure_key
from bot.discord.deps import DiscordDeps
from bot.discord.safety import NO_MENTIONS
from bot.errors import InvitewatchError, StoreError
from bot.i18n import AUTO, choose_language, language_of, t
from bot.store.api import Unit

log = logging.getLogger(__name__)

T = TypeVar("T")

MANAGE_GUILD = discord.Permissions(manage_guild=True)


class PermissionRefused(UserInputError):
    """The member lacks the permission an admin command needs."""


async def in_store(deps: DiscordDeps, work: Callable[[Unit], T], *,
                   read_only: bool = False) -> T:
    """Run `work` in one store transaction on a worker thread, so a slow database never
    delays the gateway heartbeat; `read_only` for queries (no write lock waited for)."""

    def run() -> T:
        with deps.store.unit(read_only=read_only) as unit:
            return work(unit)

    return await asyncio.to_thread(run)


def guild_id_of(interaction: discord.Interaction) -> str:
    if interaction.guild_id is None:
        raise UserInputError("This command works only in a server, not in direct messages.")
    return str(interaction.guild_id)


LANGUAGE = "invitewatch.language"


async def answer_language(interaction: discord.Interaction, *, read_setting: bool = True) -> str:
    """The language to answer in: the server's setting, or ("auto") the server's preferred
    locale; in direct messages the member's own locale. Read once per interaction;
    `read_setting=False` goes by the locale alone."""
    known = interaction.extras.get(LANGUAGE)
    if isinstance(known, str):
        return known
    if interaction.guild_id is None:
        lang = language_of(interaction.locale.value)
    else:
        guild_id = str(interaction.guild_id)
        setting = AUTO
        deps = getattr(interaction.client, "deps", None)
        if read_setting and isinstance(deps, DiscordDeps):
            # With the database down, the server's locale still says something useful.
            with contextlib.suppress(InvitewatchError):
                setting = await in_store(deps, lambda unit: unit.guild_settings(guild_id).language)
        locale = interaction.guild_locale.value if interaction.guild_locale else None
        lang = choose_language(setting, locale)
    interaction.extras[LANGUAGE] = lang
    return lang


def require_manage_guild(interaction: discord.Interaction) -> str:
    """The guild id, if the member may manage the server; PermissionRefused otherwise.

    Discord hides admin commands from members without Manage Server
    (`default_member_permissions`), but a server can override that per role or channel,
    so the bot checks again on every call.
    """
    guild_id = guild_id_of(interaction)
    permissions = interaction.permissions
    if not (permissions.manage_guild or permissions.administrator):
        raise PermissionRefused(
            "You need the **Manage Server** permission to change invitewatch's settings. "
            "Ask a server admin to run this command.")
    return guild_id


def actor_of(interaction: discord.Interaction) -> str:
    return f"discord:{interaction.user.id}"


async def reply(interaction: discord.Interaction, *, content: str | None = None,
                embed: discord.Embed | None = None, ephemeral: bool = False,
                view: discord.ui.View | None = None) -> None:
    """Answer, as the first response or as a follow-up if the interaction was deferred."""
    text = limits.clip(content, limits.CONTENT) if content is not None else None
    if interaction.response.is_done():
        await interaction.followup.send(
            content=text if text is not None else MISSING, embed=embed if embed is not None else MISSING,
            view=view if view is not None else MISSING, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(
            content=text, embed=embed if embed is not None else MISSING, view=view if view is not None else MISSING,
            ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)


def error_message(error: BaseException, lang: str = "en") -> str:
    """What to tell the user about an error raised by a command, in `lang`."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, app_commands.TransformerError) and isinstance(error.__cause__,
                                                                        UserInputError):
        error = error.__cause__  # a transformer's own message says what to type instead
    if isinstance(error, UserInputError):
        return t(lang, error.template, **error.values)
    if isinstance(error, StoreError):
        return t(lang, "The database is not available right now, so nothing was changed. "
                       "Try again in a minute; if it persists, tell the bot's host.")
    if isinstance(error, InvitewatchError):
        return str(error)
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return t(lang, "This command has changed since Discord last loaded it. Wait a minute "
                       "for the command list to refresh (or reload Discord), then try again.")
    if isinstance(error, app_commands.NoPrivateMessage):
        return t(lang, "This command works only in a server, not in direct messages.")
    if isinstance(error, app_commands.MissingPermissions):
        return t(lang, "You need the **Manage Server** permission for this command.")
    if isinstance(error, app_commands.TransformerError | app_commands.CheckFailure):
        return t(lang, "That argument was not accepted: {error}", error=error)
    return t(lang, "Something went wrong on the bot's side; it was logged. Try again later.")


def is_expected(error: BaseException) -> bool:
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    return isinstance(error, InvitewatchError | app_commands.CheckFailure | app_commands.TransformerError
                      | app_commands.CommandNotFound | app_commands.CommandSignatureMismatch)


ANSWERED = "invitewatch.error_answered"


async def send_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user (once: a group's handler and the tree's both see a group command's
    error) and log what was not expected."""
    if interaction.extras.get(ANSWERED):
        return
    interaction.extras[ANSWERED] = True
    if not is_expected(error):
        log.error("command %s failed", interaction.command and interaction.command.qualified_name,
                  exc_info=error)
    original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    try:
        # After a database error, asking the database for the language would only wait again.
        lang = await answer_language(interaction, read_setting=not isinstance(original, StoreError))
        await reply(interaction, content="⚠️ " + error_message(error, lang), ephemeral=True)
    except discord.HTTPException:
        log.warning("could not tell the user about an error", exc_info=True)


async def figure_choices(deps: DiscordDeps, current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 figures whose name starts with (or contains) what was typed: the
    gazetteer's first, then figures seen in invitations. Values are names, resolved again
    when the command runs."""
    current = " ".join(current.split())[:100]
    names: dict[str, str] = {}
    for _figure_id, name in deps.search_figures(current, limits.CHOICES):
        names.setdefault(name.casefold(), name)
    if len(names) < limits.CHOICES:
        seen = await in_store(deps, lambda unit: unit.figures_seen(current, limits.CHOICES),
                              read_only=True)
        for _key, name in seen:
            names.setdefault(name.casefold(), name)
    return [app_commands.Choice(name=limits.clip(name, limits.CHOICE_NAME), value=name)
            for name in list(names.values())[: limits.CHOICES]
            if len(name) <= limits.CHOICE_VALUE]


class CommandGroup(app_commands.Group):
    """A slash-command group: its commands are methods, `deps` what they work with, and
    `on_error` the one error handler of the group."""

    def __init__(self, deps: DiscordDeps) -> None:
        super().__init__()
        self.deps = deps

    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        await send_error(interaction, error)


def deps_of(interaction: discord.Interaction) -> DiscordDeps:
    """The bot's dependencies, from the client that received the interaction (for the
    transformers, which discord.py builds before any command runs)."""
    return cast(DiscordDeps, cast(Any, interaction.client).deps)


@dataclass(frozen=True)
class FigureArg:
    """A figure argument, resolved: the Party key the store uses and the name to show."""

    key: str
    name: str


class FigureTransformer(app_commands.Transformer):
    """A figure option: suggestions as the member types (the gazetteer's figures first, then
    figures seen in invitations) and, when the command runs, resolution of what was typed or
    chosen through the gazetteer (an unknown name is kept as a name key)."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.string

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return 100

    async def transform(self, interaction: discord.Interaction, value: str) -> FigureArg:
        key, name = figure_key(value, deps_of(interaction).resolve_figure)
        return FigureArg(key, name)

    async def autocomplete(self, interaction: discord.Interaction,  # type: ignore[override]
                           value: str) -> list[app_commands.Choice[str]]:
        return await figure_choices(deps_of(interaction), value)


Figure = app_commands.Transform[FigureArg, FigureTransformer]
