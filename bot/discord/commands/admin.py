"""Admin commands: /setup channel|filters, /feeds list|add|remove, /config show.

Every group is hidden from members without Manage Server (`default_permissions`) and every
callback checks that permission again; every change is written to the audit log in the same
transaction as the change itself.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any, Literal

import discord
from discord import app_commands

from bot.discord import limits
from bot.discord.arguments import (
    UserInputError,
    parse_confidence,
    parse_figures,
    parse_languages,
    parse_statuses,
)
from bot.discord.commands import feeds_lifecycle
from bot.discord.commands.common import (
    MANAGE_GUILD,
    actor_of,
    in_store,
    reply,
    require_manage_guild,
)
from bot.discord.deps import DiscordDeps
from bot.discord.formatting import config_embed, feeds_embed, guild_settings_text
from bot.discord.safety import bare_url
from bot.errors import FetchError
from bot.store.api import FeedRecord, GuildSettings, Unit

MAX_URL = 2048


def settings_detail(settings: GuildSettings) -> dict[str, Any]:
    """A JSON-friendly picture of a server's settings for the audit log."""
    return {
        "channel_ids": list(settings.channel_ids),
        "figure_keys": list(settings.figure_keys),
        "statuses": [s.value for s in settings.statuses],
        "languages": list(settings.languages),
        "min_confidence": settings.min_confidence,
        "mention_role_id": settings.mention_role_id,
    }


POST_PERMISSIONS = {"view_channel": "View Channel", "send_messages": "Send Messages",
                    "embed_links": "Embed Links", "read_message_history": "Read Message History"}


def missing_permissions(channel: discord.abc.GuildChannel) -> list[str]:
    """The permissions the bot lacks to post notifications in `channel` (as cached)."""
    me = channel.guild.me
    if me is None:
        return []
    granted = channel.permissions_for(me)
    return [label for name, label in POST_PERMISSIONS.items() if not getattr(granted, name)]


def require_feed_admin(deps: DiscordDeps, guild_id: str) -> None:
    """Feeds are shared by every server: only the host's chosen servers may change them."""
    allowed = deps.feed_admin_guilds()
    # Secure by default for a public bot: no listed server means nobody from Discord (the
    # host still manages feeds with config/feeds.toml and `invitewatch feeds`).
    if guild_id not in allowed:
        raise UserInputError("Feeds are shared by every server this bot is in, and on this bot "
                             "only the host's own servers may change them. Ask the bot's host "
                             "to add or remove the feed (config/feeds.toml).")


def _admin_group(name: str, description: str) -> app_commands.Group:
    return app_commands.Group(name=name, description=description,
                              default_permissions=MANAGE_GUILD, guild_only=True)


def register(tree: app_commands.CommandTree[Any], deps: DiscordDeps) -> None:
    setup = _admin_group("setup", "Where and what invitewatch posts in this server (admins)")
    feeds = _admin_group("feeds", "The news feeds invitewatch reads (admins)")
    config = _admin_group("config", "invitewatch's configuration (admins)")

    @setup.command(name="channel", description="Post notifications in a channel (or stop posting there)")
    @app_commands.describe(channel="The channel for notifications",
                           remove="Stop posting in this channel instead")
    async def setup_channel(interaction: discord.Interaction, channel: discord.TextChannel,
                            remove: bool = False) -> None:
        guild_id = require_manage_guild(interaction)
        channel_id = str(channel.id)
        actor = actor_of(interaction)

        def change(unit: Unit) -> GuildSettings:
            settings = unit.guild_settings(guild_id)
            before = settings_detail(settings)
            channels = [c for c in settings.channel_ids if c != channel_id]
            if not remove:
                channels.append(channel_id)
            forbidden = {c: t for c, t in settings.forbidden_channels.items() if c != channel_id}
            updated = replace(settings, channel_ids=channels, forbidden_channels=forbidden)
            unit.save_guild_settings(updated)
            unit.audit(actor=actor, guild_id=guild_id,
                       action="setup.channel.remove" if remove else "setup.channel.add",
                       detail={"channel_id": channel_id, "before": before,
                               "after": settings_detail(updated)},
                       now=deps.now())
            return updated

        updated = await in_store(deps, change)
        if remove:
            text = f"Notifications will no longer be posted in <#{channel_id}>."
        else:
            text = f"Notifications will be posted in <#{channel_id}>."
            missing = missing_permissions(channel)
            if missing:
                text += (f"\n⚠️ I cannot post there yet: I am missing {', '.join(missing)} in "
                         f"<#{channel_id}>. Grant them to my role in that channel.")
        await reply(interaction, content=text + "\n\n" + guild_settings_text(updated), ephemeral=True)

    @setup.command(name="filters", description="Choose which invitations this server hears about")
    @app_commands.describe(
        figures="Comma-separated figures (e.g. Putin, Musk), or 'any'",
        statuses="Comma-separated statuses (pending, accepted, declined, responded, took_place, "
                 "withdrawn), or 'any'",
        languages="Comma-separated language codes (e.g. de, en), or 'any'",
        min_confidence="Skip reports the matcher is less sure of (0 to 1)",
        role="A role to mention in each notification",
        clear_role="Stop mentioning a role",
    )
    async def setup_filters(interaction: discord.Interaction,
                            figures: app_commands.Range[str, 1, 1000] | None = None,
                            statuses: app_commands.Range[str, 1, 200] | None = None,
                            languages: app_commands.Range[str, 1, 200] | None = None,
                            min_confidence: app_commands.Range[float, 0.0, 1.0] | None = None,
                            role: discord.Role | None = None,
                            clear_role: bool = False) -> None:
        guild_id = require_manage_guild(interaction)
        if role is not None and clear_role:
            raise UserInputError("Give either `role` or `clear_role`, not both.")
        if role is not None and role.is_default():
            raise UserInputError("@everyone cannot be the role to mention; create a role for alerts.")
        # Parse everything before touching the store: a bad argument changes nothing.
        figure_pairs = parse_figures(figures, deps.resolve_figure) if figures is not None else None
        status_list = parse_statuses(statuses) if statuses is not None else None
        language_list = parse_languages(languages) if languages is not None else None
        confidence = parse_confidence(min_confidence) if min_confidence is not None else None
        if all(v is None for v in (figure_pairs, status_list, language_list, confidence, role)) \
                and not clear_role:
            raise UserInputError("Nothing to change: give at least one option "
                                 "(figures, statuses, languages, min_confidence, role, clear_role).")
        actor = actor_of(interaction)

        def change(unit: Unit) -> GuildSettings:
            settings = unit.guild_settings(guild_id)
            before = settings_detail(settings)
            updated = replace(settings)
            if figure_pairs is not None:
                updated.figure_keys = [key for key, _ in figure_pairs]
            if status_list is not None:
                updated.statuses = status_list
            if language_list is not None:
                updated.languages = language_list
            if confidence is not None:
                updated.min_confidence = confidence
            if role is not None:
                updated.mention_role_id = str(role.id)
            if clear_role:
                updated.mention_role_id = None
            unit.save_guild_settings(updated)
            unit.audit(actor=actor, guild_id=guild_id, action="setup.filters",
                       detail={"before": before, "after": settings_detail(updated)}, now=deps.now())
            return updated

        updated = await in_store(deps, change)
        names = dict(figure_pairs or [])
        text = "Filters saved.\n\n" + guild_settings_text(updated, names)
        if role is not None and not role.mentionable:
            text += ("\n\nNote: this role is not mentionable; allow anyone to mention it, or give me "
                     "the Mention @everyone, @here and All Roles permission, or it will not ping.")
        await reply(interaction, content=text, ephemeral=True)

    @feeds.command(name="list", description="The feeds invitewatch reads, with their health")
    async def feeds_list(interaction: discord.Interaction) -> None:
        require_manage_guild(interaction)
        records = await in_store(deps, lambda unit: unit.list_feeds())
        await reply(interaction, embed=feeds_embed(records), ephemeral=True)

    @feeds.command(name="add", description="Read another RSS/Atom feed, or follow an account")
    @app_commands.describe(url="The feed's address (http or https), or the account to follow",
                           kind="rss/atom (default), or the platform of the account")
    async def feeds_add(interaction: discord.Interaction,
                        url: app_commands.Range[str, 1, MAX_URL],
                        kind: Literal["rss", "atom", "mastodon", "bluesky", "telegram",
                                      "youtube"] = "rss") -> None:
        guild_id = require_manage_guild(interaction)
        require_feed_admin(deps, guild_id)
        # Validation may resolve the host name: off the event loop, and deferred so a slow
        # DNS answer does not outlive Discord's three seconds for a first response.
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            # An account is kept as "<kind>:<account>"; the feeds layer normalises it.
            address = url.strip() if kind in ("rss", "atom") else f"{kind}:{url.strip()}"
            normalised = await asyncio.to_thread(deps.validate_feed_url, address)
        except FetchError as error:
            raise UserInputError(f"That feed address was refused: {error}") from None
        actor = actor_of(interaction)

        def add(unit: Unit) -> FeedRecord | None:
            if unit.get_feed(normalised) is not None:
                return None
            record = unit.add_feed(normalised, origin="user", now=deps.now())
            unit.audit(actor=actor, guild_id=guild_id, action="feeds.add",
                       detail={"url": normalised}, now=deps.now())
            return record

        record = await in_store(deps, add)
        if record is None:
            raise UserInputError(f"I already read {bare_url(normalised)}. `/feeds list` shows every feed.")
        if deps.on_feeds_changed is not None:
            deps.on_feeds_changed()
        await reply(interaction, content=f"Added {bare_url(normalised)}; its first poll records the articles "
                                         "already there without announcing them.", ephemeral=True)

    async def autocomplete_feed(interaction: discord.Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        records = await in_store(deps, lambda unit: unit.list_feeds())
        needle = current.casefold()
        return [app_commands.Choice(name=limits.clip(r.title or r.url, limits.CHOICE_NAME)
                                    if needle not in r.url.casefold() else limits.clip(r.url, 100),
                                    value=r.url)
                for r in records
                if len(r.url) <= limits.CHOICE_VALUE
                and (needle in r.url.casefold() or needle in (r.title or "").casefold())
                ][: limits.CHOICES]

    @feeds.command(name="remove", description="Stop reading a feed")
    @app_commands.describe(url="The feed's address, as /feeds list shows it")
    @app_commands.autocomplete(url=autocomplete_feed)
    async def feeds_remove(interaction: discord.Interaction,
                           url: app_commands.Range[str, 1, MAX_URL]) -> None:
        guild_id = require_manage_guild(interaction)
        require_feed_admin(deps, guild_id)
        wanted = url.strip()
        actor = actor_of(interaction)

        def remove(unit: Unit) -> FeedRecord | None:
            record = unit.get_feed(wanted)
            if record is None:
                return None
            unit.remove_feed(record.url)
            unit.audit(actor=actor, guild_id=guild_id, action="feeds.remove",
                       detail={"url": record.url, "origin": record.origin}, now=deps.now())
            return record

        record = await in_store(deps, remove)
        if record is None:
            raise UserInputError(f"I do not read {bare_url(wanted)}. "
                                 "`/feeds list` shows the exact addresses.")
        if deps.on_feeds_changed is not None:
            deps.on_feeds_changed()
        text = f"Removed {bare_url(record.url)}."
        if record.origin == "config":
            text += (" It comes from the host's config/feeds.toml and may come back when the "
                     "configuration is reloaded; ask the host to remove it there.")
        await reply(interaction, content=text, ephemeral=True)

    @config.command(name="show", description="Show the bot's settings (secrets hidden) and this server's")
    async def config_show(interaction: discord.Interaction) -> None:
        guild_id = require_manage_guild(interaction)
        settings = await in_store(deps, lambda unit: unit.guild_settings(guild_id))
        await reply(interaction, embed=config_embed(deps.settings_snapshot(), settings), ephemeral=True)

    tree.add_command(setup)
    feeds_lifecycle.register(feeds, deps, autocomplete_feed, require_feed_admin)
    tree.add_command(feeds)
    tree.add_command(config)
