"""/feeds list|add|remove|enable|disable: the news feeds invitewatch reads.

Feeds are shared by every server, so besides Manage Server (hidden by `default_permissions`,
checked again on every call) the changes need a server the host allows
(`feed_admin_servers`). The changes themselves are the plain functions of `changes.py`.
"""

from __future__ import annotations

import asyncio
from typing import Literal

import discord
from discord import app_commands

from bot.discord import limits
from bot.discord.arguments import UserInputError
from bot.discord.commands.changes import Who, add_feed, disable_feed, enable_feed, remove_feed
from bot.discord.commands.common import (
    MANAGE_GUILD,
    CommandGroup,
    actor_of,
    answer_language,
    in_store,
    reply,
    require_manage_guild,
)
from bot.discord.deps import DiscordDeps
from bot.discord.formatting import feeds_embed
from bot.discord.safety import bare_url, escape_untrusted
from bot.errors import FetchError, ParseError
from bot.i18n import N_, t, tn

MAX_URL = 2048
URL = app_commands.Range[str, 1, MAX_URL]
NOT_READ = N_("I do not read {url}. `/feeds list` shows the exact addresses.")


def require_feed_admin(deps: DiscordDeps, guild_id: str) -> None:
    """Feeds are shared by every server: only the host's chosen servers may change them."""
    allowed = deps.feed_admin_guilds()
    # Secure by default for a public bot: no listed server means nobody from Discord (the
    # host still manages feeds with config/feeds.toml and `invitewatch feeds`).
    if guild_id not in allowed:
        raise UserInputError("Feeds are shared by every server this bot is in, and on this bot "
                             "only the host's own servers may change them. Ask the bot's host "
                             "to add or remove the feed (config/feeds.toml).")


class FeedsGroup(CommandGroup, name="feeds", description="The news feeds invitewatch reads (admins)",
                 default_permissions=MANAGE_GUILD, guild_only=True):

    def editor(self, interaction: discord.Interaction) -> Who:
        """Who changes the feeds: an admin of a server allowed to."""
        guild_id = require_manage_guild(interaction)
        require_feed_admin(self.deps, guild_id)
        return Who(actor_of(interaction), guild_id, self.deps.now())

    def changed(self) -> None:
        if self.deps.on_feeds_changed is not None:
            self.deps.on_feeds_changed()

    @app_commands.command(name="list", description="The feeds invitewatch reads, with their health")
    async def list_feeds(self, interaction: discord.Interaction) -> None:
        require_manage_guild(interaction)
        records = await in_store(self.deps, lambda unit: unit.list_feeds())
        await reply(interaction, embed=feeds_embed(records, await answer_language(interaction)),
                    ephemeral=True)

    @app_commands.command(name="add",
                          description="Read another RSS/Atom feed, or follow an account")
    @app_commands.describe(url="The feed's address (http or https), or the account to follow",
                           kind="rss/atom (default), or the platform of the account")
    async def add(self, interaction: discord.Interaction, url: URL,
                  kind: Literal["rss", "atom", "mastodon", "bluesky", "telegram",
                                "youtube"] = "rss") -> None:
        who = self.editor(interaction)
        # Validation may resolve the host name: off the event loop, and deferred so a slow
        # DNS answer does not outlive Discord's three seconds for a first response.
        await interaction.response.defer(ephemeral=True, thinking=True)
        # An account is kept as "<kind>:<account>"; the feeds layer normalises it.
        address = url.strip() if kind in ("rss", "atom") else f"{kind}:{url.strip()}"
        try:
            normalised = await asyncio.to_thread(self.deps.validate_feed_url, address)
        except FetchError as error:
            raise UserInputError("That feed address was refused: {error}", error=error) from None
        found: tuple[int, str | None] | None = None
        if self.deps.probe_feed is not None:
            # Read it once now, as `invitewatch feeds add` does: a typo is found at once,
            # not an hour later, and a web page gives the feed it announces.
            try:
                feed_url, title, entries = await self.deps.probe_feed(normalised)
            except (FetchError, ParseError) as error:
                raise UserInputError("I could not read a feed at {url}: {error}",
                                     url=bare_url(normalised), error=error) from None
            if feed_url != normalised:
                normalised = await asyncio.to_thread(self.deps.validate_feed_url, feed_url)
            found = (entries, limits.clip(title, 100) if title else None)
        record = await in_store(self.deps, lambda unit: add_feed(unit, who, normalised))
        if record is None:
            raise UserInputError("I already read {url}. `/feeds list` shows every feed.",
                                 url=bare_url(normalised))
        self.changed()
        lang = await answer_language(interaction)
        shown = bare_url(normalised)
        if found is not None:
            entries, title = found
            count = tn(lang, "{n} entry now", "{n} entries now", entries)
            shown += f" ({title}, {count})" if title else f" ({count})"
        text = t(lang, "Added {url}; its first poll records the articles already there without "
                       "announcing them.", url=shown)
        await reply(interaction, content=text, ephemeral=True)

    @app_commands.command(name="remove", description="Stop reading a feed")
    @app_commands.describe(url="The feed's address, as /feeds list shows it")
    async def remove(self, interaction: discord.Interaction, url: URL) -> None:
        who = self.editor(interaction)
        wanted = url.strip()
        record = await in_store(self.deps, lambda unit: remove_feed(unit, who, wanted))
        if record is None:
            raise UserInputError(NOT_READ, url=bare_url(wanted))
        self.changed()
        lang = await answer_language(interaction)
        text = t(lang, "Removed {url}.", url=bare_url(record.url))
        if record.origin == "config":
            text += " " + t(lang, "It comes from the host's config/feeds.toml and may come back "
                                  "when the configuration is reloaded; ask the host to remove "
                                  "it there.")
        await reply(interaction, content=text, ephemeral=True)

    @app_commands.command(name="enable", description="Read a disabled feed again")
    @app_commands.describe(url="The feed's address, as /feeds list shows it")
    async def enable(self, interaction: discord.Interaction, url: URL) -> None:
        who = self.editor(interaction)
        wanted = url.strip()
        before, after = await in_store(self.deps, lambda unit: enable_feed(unit, who, wanted))
        if before is None:
            raise UserInputError(NOT_READ, url=bare_url(wanted))
        if after is None:
            raise UserInputError("{url} is not disabled (it is {state}).",
                                 url=bare_url(before.url), state=before.state.value)
        self.changed()
        lang = await answer_language(interaction)
        why = escape_untrusted(before.disabled_reason or t(lang, "no reason recorded"))
        await reply(interaction, content=t(lang, "Enabled {url}: it is read again at the next "
                                                 "poll. It had been disabled: {why}",
                                           url=bare_url(before.url), why=why), ephemeral=True)

    @app_commands.command(name="disable", description="Stop reading a feed for now, keeping it")
    @app_commands.describe(url="The feed's address, as /feeds list shows it")
    async def disable(self, interaction: discord.Interaction, url: URL) -> None:
        who = self.editor(interaction)
        wanted = url.strip()
        record = await in_store(self.deps, lambda unit: disable_feed(unit, who, wanted))
        if record is None:
            raise UserInputError(NOT_READ, url=bare_url(wanted))
        lang = await answer_language(interaction)
        await reply(interaction, content=t(lang, "{url} is disabled; `/feeds enable` brings it "
                                                 "back.", url=bare_url(record.url)),
                    ephemeral=True)

    @remove.autocomplete("url")
    @enable.autocomplete("url")
    @disable.autocomplete("url")
    async def feed_choices(self, interaction: discord.Interaction,
                           current: str) -> list[app_commands.Choice[str]]:
        records = await in_store(self.deps, lambda unit: unit.list_feeds())
        needle = current.casefold()
        return [app_commands.Choice(name=limits.clip(r.title or r.url, limits.CHOICE_NAME)
                                    if needle not in r.url.casefold() else limits.clip(r.url, 100),
                                    value=r.url)
                for r in records
                if len(r.url) <= limits.CHOICE_VALUE
                and (needle in r.url.casefold() or needle in (r.title or "").casefold())
                ][: limits.CHOICES]
