"""The Discord client: intents, mention defaults, the command tree, its translator and its sync."""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.discord.commands import register_all
from bot.discord.commands.common import send_error
from bot.discord.deps import DiscordDeps
from bot.discord.safety import NO_MENTIONS, is_snowflake
from bot.discord.translator import CatalogueTranslator
from bot.errors import ConfigError

log = logging.getLogger(__name__)

API_VERSION = 10
DISCORD_API_BASE = Route.BASE
DISCORD_GATEWAY = DiscordWebSocket.DEFAULT_GATEWAY


def configure_endpoints(api_base: str | None, gateway_url: str | None) -> None:
    """Point discord.py at another Discord-compatible server (None: Discord's own).

    discord.py keeps both as class attributes, so this affects every client in the process.
    `api_base` may be given with or without the `/api/v10` suffix. Both are checked before
    either is applied, so a bad value changes nothing.
    """
    base = DISCORD_API_BASE
    if api_base:
        url = yarl.URL(api_base.rstrip("/"))
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigError([f"DISCORD_API_BASE: expected an http(s) URL, got {api_base!r}"])
        base = str(url)
        if not re.search(r"/api/v\d+$", url.path):
            base += f"/api/v{API_VERSION}"
    gateway = DISCORD_GATEWAY
    if gateway_url:
        gateway = yarl.URL(gateway_url)
        if gateway.scheme not in ("ws", "wss") or not gateway.host:
            raise ConfigError([f"DISCORD_GATEWAY_URL: expected a ws(s) URL, got {gateway_url!r}"])
    Route.BASE = base
    DiscordWebSocket.DEFAULT_GATEWAY = gateway


def bot_intents() -> discord.Intents:
    """The default intents without message content: slash commands need no privileged intent."""
    intents = discord.Intents.default()
    intents.message_content = False
    intents.members = False
    intents.presences = False
    return intents


class InvitewatchClient(discord.Client):
    def __init__(self, deps: DiscordDeps, **options: Any) -> None:
        # The bot never joins voice: discord.py's warnings about missing voice libraries
        # would only alarm the person reading the log.
        discord.VoiceClient.warn_nacl = False
        discord.VoiceClient.warn_dave = False
        super().__init__(intents=bot_intents(), allowed_mentions=NO_MENTIONS, **options)
        self.deps = deps
        self.tree: app_commands.CommandTree[InvitewatchClient] = app_commands.CommandTree(self)
        self.tree.on_error = self._on_command_error  # type: ignore[method-assign]
        register_all(self.tree, deps)
        self.synced_commands: list[app_commands.AppCommand] = []

    async def _on_command_error(self, interaction: discord.Interaction,
                                error: app_commands.AppCommandError) -> None:
        await send_error(interaction, error)

    async def setup_hook(self) -> None:
        # Before the sync: discord.py asks it for the localised names and descriptions.
        await self.tree.set_translator(CatalogueTranslator())
        if not self.deps.sync_commands:
            return
        guild_id = self.deps.sync_guild_id
        try:
            if guild_id:
                guild = discord.Object(id=int(guild_id))
                self.tree.copy_global_to(guild=guild)
                self.synced_commands = await self.tree.sync(guild=guild)
                log.info("synced %d commands to guild %s", len(self.synced_commands), guild_id)
            else:
                self.synced_commands = await self.tree.sync()
                log.info("synced %d commands globally (may take up to an hour to appear)",
                         len(self.synced_commands))
        except discord.Forbidden:
            # The bot still runs and posts notifications; only the commands are missing.
            log.error("could not sync slash commands: the bot was invited without the "
                      "applications.commands scope; re-invite it with that scope")
        except discord.HTTPException as error:
            log.error("could not sync slash commands (%s); commands from an earlier sync still work",
                      error)


class ShardedInvitewatchClient(InvitewatchClient, discord.AutoShardedClient):
    """The same client over several gateway shards: one process runs the shards
    `shard_ids` of `shard_count`, so the gateway load of many servers is spread over
    processes (each with the same commands; Discord routes a server's events to its shard)."""


def build_client(deps: DiscordDeps, **options: Any) -> InvitewatchClient:
    """The bot's client, with its commands registered (synced when it logs in); sharded
    when `deps.shard_count` is set.

    `options` go to discord.Client (tests pass `guild_ready_timeout=0`).
    """
    if deps.sync_guild_id is not None and not is_snowflake(deps.sync_guild_id):
        raise ConfigError([f"DISCORD_SYNC_GUILD_ID: expected a server id (digits), "
                           f"got {deps.sync_guild_id!r}"])
    # Only an explicit setting redirects: None keeps what the process already uses, so
    # building a client can never undo a redirect made by a test harness.
    if deps.api_base or deps.gateway_url:
        configure_endpoints(deps.api_base or Route.BASE, deps.gateway_url or
                            str(DiscordWebSocket.DEFAULT_GATEWAY))
    if deps.shard_count is not None:
        # Explicit shard ids and count: discord.py then asks Discord for no recommendation.
        return ShardedInvitewatchClient(deps, shard_count=deps.shard_count,
                                        shard_ids=list(deps.shard_ids or range(deps.shard_count)),
                                        **options)
    return InvitewatchClient(deps, **options)
