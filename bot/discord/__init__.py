"""Discord: the client, slash commands, embeds and the Discord notifier.

The only package that imports discord.py.
"""

from bot.discord.client import InvitewatchClient, build_client, configure_endpoints
from bot.discord.deps import DiscordDeps
from bot.discord.notifier import DiscordNotifier

__all__ = ["DiscordDeps", "DiscordNotifier", "InvitewatchClient", "build_client",
           "configure_endpoints"]
