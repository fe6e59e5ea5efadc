"""The Discord notifier: posts an embed per new invitation, edits it and replies under it
when the status changes, and turns Discord's answers into `SendResult`s for the outbox."""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable, Sequence

import aiohttp
import discord

from bot.discord.deps import DiscordDeps
from bot.discord.embeds import (
    announcement_text,
    notification_embed,
    status_reply_text,
)
from bot.discord.filters import ChannelTarget, channel_targets, figure_keys, parse_target
from bot.discord.lookups import store_mention_role
from bot.discord.safety import NO_MENTIONS, allowed_mentions
from bot.domain import Notification, NotificationKind
from bot.errors import InvitewatchError
from bot.notify.base import SendOutcome, SendResult
from bot.store.api import GuildSettings

log = logging.getLogger(__name__)

DM_PREFIX = "discord:dm:"
UNKNOWN_MESSAGE = 10008  # Discord's JSON error code: the message was deleted
DEFAULT_RETRY_AFTER = 5.0

WatcherLookup = Callable[[Sequence[str]], list[tuple[str, str]]]
RoleLookup = Callable[[str], "str | None"]


def _nonce(base: str | None, kind: str) -> str | int:
    """discord.py sends `enforce_nonce: true` with every nonce; Discord allows 25
    characters. Without a delivery nonce, a random one, as discord.py would pick."""
    return (base + kind)[-25:] if base else secrets.randbits(63)


def dm_target(user_id: str) -> str:
    return DM_PREFIX + user_id


def result_for_http_error(error: discord.HTTPException) -> SendResult:
    """Map Discord's HTTP answer to what the outbox should do next."""
    message = f"{error.status} {error.text or error.__class__.__name__}".strip()[:500]
    if error.status == 429:
        return SendResult(SendOutcome.RETRY, retry_after=_retry_after(error), error=message)
    if error.status == 403:
        return SendResult(SendOutcome.FORBIDDEN, error=message)
    if error.status == 404:
        return SendResult(SendOutcome.GONE, error=message)
    if error.status >= 500:
        return SendResult(SendOutcome.RETRY, error=message)
    return SendResult(SendOutcome.FAILED, error=message)


def _retry_after(error: discord.HTTPException) -> float:
    """Discord says how long to wait in the JSON body; the header is the fallback."""
    response = error.response
    header = response.headers.get("Retry-After") if response is not None else None
    for candidate in (getattr(error, "retry_after", None), header):
        try:
            if candidate is not None:
                return max(0.0, float(candidate))
        except (TypeError, ValueError):
            continue
    return DEFAULT_RETRY_AFTER


class DiscordNotifier:
    """Implements `bot.notify.base.Notifier` over a logged-in discord.py client.

    `role_for(guild_id)` gives a server's role to mention; the roles seen in `targets()`
    come first (the outbox plans before it sends), the lookup covers deliveries planned
    before a restart. `watchers(figure_keys)` gives (guild_id, user_id) of members who
    /watch a figure; each of them also gets the notification as a direct message.
    `role_for` defaults to a read of the client's store when the client is invitewatch's
    own (send() runs outside any store transaction). `watchers` has no such default: it is
    called from targets(), which the outbox calls inside its own transaction, and SQLite
    allows one writer, so a second transaction there would wait on the first.
    """

    consumer = "discord"

    def __init__(self, client: discord.Client, *, role_for: RoleLookup | None = None,
                 watchers: WatcherLookup | None = None) -> None:
        self.client = client
        deps = getattr(client, "deps", None)
        if isinstance(deps, DiscordDeps):
            role_for = role_for or store_mention_role(deps.store)
        self._role_for = role_for
        self._watchers = watchers
        self._roles: dict[str, str | None] = {}

    # -- planning -----------------------------------------------------------
    def targets(self, notification: Notification, guilds: Sequence[GuildSettings]) -> list[str]:
        for settings in guilds:
            self._roles[settings.guild_id] = settings.mention_role_id
        targets = channel_targets(notification, guilds)
        if self._watchers is not None and notification.kind in (
                NotificationKind.NEW, NotificationKind.STATUS, NotificationKind.HIDDEN):
            users = {user_id for _guild, user_id in self._watchers(sorted(figure_keys(notification)))}
            targets.extend(dm_target(user_id) for user_id in sorted(users))
        return targets

    async def _role(self, guild_id: str) -> str | None:
        if guild_id in self._roles:
            return self._roles[guild_id]
        if self._role_for is None:
            return None
        try:
            role = await asyncio.to_thread(self._role_for, guild_id)
        except InvitewatchError as error:
            # Posting without the role ping beats not posting at all.
            log.warning("could not look up the role to mention in %s: %s", guild_id, error)
            return None
        return role

    # -- delivery -----------------------------------------------------------
    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        user_id: str | None = None
        parsed: ChannelTarget | None = None
        try:
            if target.startswith(DM_PREFIX):
                user_id = target.removeprefix(DM_PREFIX)
                if not user_id.isdigit():
                    raise ValueError(f"not a Discord user target: {target!r}")
            else:
                parsed = parse_target(target)
        except ValueError as error:
            return SendResult(SendOutcome.FAILED, error=str(error))
        try:
            channel: discord.abc.Messageable
            role: str | None = None
            if parsed is not None:
                channel = self._channel(parsed)
                role = await self._role(parsed.guild_id)
            else:
                assert user_id is not None
                channel = await self.client.create_dm(discord.Object(id=int(user_id)))
            return await self._deliver(channel, notification, previous_message_id, role,
                                       current=current or notification, nonce=nonce)
        except discord.RateLimited as error:
            return SendResult(SendOutcome.RETRY, retry_after=error.retry_after, error=str(error))
        except discord.HTTPException as error:
            result = result_for_http_error(error)
            log.warning("discord delivery to %s: %s", target, result.error)
            return result
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            return SendResult(SendOutcome.RETRY, error=f"network error: {error!r}"[:500])

    def _channel(self, target: ChannelTarget) -> discord.PartialMessageable:
        # A partial channel posts without fetching the channel first: one request per post.
        return self.client.get_partial_messageable(int(target.channel_id),
                                                   guild_id=int(target.guild_id))

    async def _deliver(self, channel: discord.abc.Messageable, notification: Notification,
                       previous_message_id: str | None, role: str | None, *,
                       current: Notification, nonce: str | None) -> SendResult:
        """Post the invitation as it stands (`current`), or edit the earlier post to it and
        reply with the change (`notification`). Each message sent carries the delivery's
        nonce plus a letter for its kind: Discord returns the first message for a repeat
        (enforce_nonce), so a retry after a crash cannot post twice."""
        mentions = allowed_mentions(role)
        embed = notification_embed(current)
        if notification.kind is NotificationKind.HIDDEN and (
                previous_message_id is None or not previous_message_id.isdigit()):
            # Never announced here: there is nothing to retract, and nothing to post.
            return SendResult(SendOutcome.SENT)
        if previous_message_id is None or not previous_message_id.isdigit():
            message = await channel.send(content=announcement_text(notification, role),
                                         embed=embed, allowed_mentions=mentions,
                                         nonce=_nonce(nonce, "p"))
            return SendResult(SendOutcome.SENT, message_id=str(message.id))

        original = channel.get_partial_message(int(previous_message_id))  # type: ignore[attr-defined]
        try:
            await original.edit(embed=embed, allowed_mentions=NO_MENTIONS)
        except discord.NotFound as error:
            if error.code != UNKNOWN_MESSAGE:
                raise
            # Someone deleted the announcement: post the current state afresh instead.
            message = await channel.send(content=announcement_text(notification, role),
                                         embed=embed, allowed_mentions=mentions,
                                         nonce=_nonce(nonce, "a"))
            return SendResult(SendOutcome.SENT, message_id=str(message.id))
        if notification.kind is not NotificationKind.NEW:
            reference = discord.MessageReference(message_id=int(previous_message_id),
                                                 channel_id=original.channel.id,
                                                 fail_if_not_exists=False)
            await channel.send(content=status_reply_text(notification, role), reference=reference,
                               allowed_mentions=mentions, nonce=_nonce(nonce, "r"))
        # The announcement stays the message to edit next time, not the reply.
        return SendResult(SendOutcome.SENT, message_id=previous_message_id)

    # -- telling admins -------------------------------------------------------
    async def notify_admins_forbidden(self, guild_id: str, channel_id: str) -> bool:
        """Tell a server's admins once that the bot may not post in a channel.

        Tries the server's system channel, then any text channel the bot can write in,
        then a direct message to the owner. Returns whether anyone could be told.
        """
        text = (f"⚠️ invitewatch could not post notifications in <#{channel_id}>: it is missing "
                "permissions there. Give it View Channel, Send Messages, Embed Links and Read "
                f"Message History in <#{channel_id}>, then run `/setup channel` for that channel "
                "again (or choose another one).")
        for channel in await self._admin_channels(guild_id, channel_id):
            try:
                await channel.send(content=text, allowed_mentions=NO_MENTIONS)
                return True
            except discord.HTTPException as error:
                log.info("could not tell admins of %s in a channel: %s", guild_id, error)
        owner_id = await self._owner_id(guild_id)
        if owner_id is None:
            return False
        try:
            dm = await self.client.create_dm(discord.Object(id=owner_id))
            await dm.send(content=text.replace(f"<#{channel_id}>", f"channel {channel_id}"),
                          allowed_mentions=NO_MENTIONS)
            return True
        except discord.HTTPException as error:
            log.warning("could not tell the owner of %s: %s", guild_id, error)
            return False

    async def _admin_channels(self, guild_id: str,
                              forbidden_channel_id: str) -> list[discord.abc.Messageable]:
        guild = self.client.get_guild(int(guild_id))
        if guild is None:
            return await self._fetched_admin_channels(guild_id, forbidden_channel_id)
        candidates: list[discord.abc.Messageable] = []
        me = guild.me
        ordered = ([guild.system_channel] if guild.system_channel else []) + sorted(
            guild.text_channels, key=lambda c: c.position)
        for channel in ordered:
            if str(channel.id) == forbidden_channel_id or channel in candidates:
                continue
            if me is not None:
                permissions = channel.permissions_for(me)
                if not (permissions.view_channel and permissions.send_messages):
                    continue
            candidates.append(channel)
        return candidates

    async def _fetched_admin_channels(self, guild_id: str,
                                      forbidden_channel_id: str) -> list[discord.abc.Messageable]:
        """Without the gateway's cache (a REST-only client, as `poll --once` uses), the
        server's channels come from the API; permissions show only when a send fails."""
        try:
            data = await self.client.http.get_guild(int(guild_id))
            guild = await self.client.fetch_guild(int(guild_id))
            channels = await guild.fetch_channels()
        except discord.HTTPException as error:
            log.info("could not list the channels of %s: %s", guild_id, error)
            return []
        texts = sorted((c for c in channels if isinstance(c, discord.TextChannel)
                        and str(c.id) != forbidden_channel_id), key=lambda c: c.position)
        system = [c for c in texts if str(c.id) == str(data.get("system_channel_id"))]
        return [*system, *(c for c in texts if c not in system)]

    async def _owner_id(self, guild_id: str) -> int | None:
        guild = self.client.get_guild(int(guild_id))
        if guild is not None and guild.owner_id is not None:
            return guild.owner_id
        try:
            fetched = await self.client.fetch_guild(int(guild_id))
        except discord.HTTPException:
            return None
        return fetched.owner_id
