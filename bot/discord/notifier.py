"""The Discord notifier: posts an embed per new invitation, edits it and replies under it
when the status changes, and turns Discord's answers into `SendResult`s for the outbox."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

import aiohttp
import discord

from bot.discord.delivery import (
    ARCHIVED_THREAD,
    Post,
    PostRef,
    deliver_compact,
    deliver_embed,
    deliver_forum,
    deliver_thread,
)
from bot.discord.deps import DiscordDeps
from bot.discord.filters import (
    ChannelTarget,
    FigureFacts,
    figure_keys,
    no_facts,
    parse_target,
    subscription_targets,
)
from bot.discord.lookups import store_guild_language, store_mention_role, store_subscription
from bot.discord.reconcile import find_posted
from bot.discord.safety import NO_MENTIONS
from bot.domain import Notification, NotificationKind
from bot.errors import InvitewatchError
from bot.i18n import AUTO, SOURCE, choose_language, t
from bot.notify.base import SendOutcome, SendResult
from bot.store.api import ChannelKind, Subscription, SubscriptionStyle

log = logging.getLogger(__name__)

DM_PREFIX = "discord:dm:"
DEFAULT_RETRY_AFTER = 5.0

WatcherLookup = Callable[[Sequence[str]], list[tuple[str, str]]]
RoleLookup = Callable[[str], "str | None"]
LanguageLookup = Callable[[str], str]
SubscriptionLookup = Callable[[int], "Subscription | None"]
Deliver = Callable[[Post, Notification, Notification, "PostRef | None"], Awaitable[PostRef]]


def deliverer(subscription: Subscription | None) -> Deliver:
    """The style's delivery: a forum channel always gets a post per invitation."""
    if subscription is None:  # a target planned before subscriptions: as it was then
        return deliver_embed
    if subscription.channel_kind is ChannelKind.FORUM:
        return deliver_forum
    return {SubscriptionStyle.COMPACT: deliver_compact,
            SubscriptionStyle.THREAD: deliver_thread}.get(subscription.style, deliver_embed)


def _nothing_to_retract(notification: Notification, previous: str | None) -> bool:
    # A record hidden where it was never announced: there is nothing to take back, and
    # announcing it only to retract it would be noise.
    return notification.kind is NotificationKind.HIDDEN and PostRef.parse(previous) is None


def dm_target(user_id: str) -> str:
    return DM_PREFIX + user_id


def result_for_http_error(error: discord.HTTPException) -> SendResult:
    """Map Discord's HTTP answer to what the outbox should do next."""
    message = f"{error.status} {error.text or error.__class__.__name__}".strip()[:500]
    if error.status == 429:
        return SendResult(SendOutcome.RETRY, retry_after=_retry_after(error), error=message)
    if error.status == 403 or error.code == ARCHIVED_THREAD:
        # An archived thread the bot may not unarchive (locked) is closed to it too.
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

    Each target is a subscription (`discord:<guild>:<channel>:<id>`); its style decides how
    a notification is posted (`deliverer`). The subscriptions seen in `targets()` come
    first (the outbox plans before it sends); `subscription_for(id)` covers deliveries
    planned before a restart, and `role_for(guild_id)` the older per-server targets.
    `language_for(guild_id)` gives a server's language setting, read at each send so a
    change with /setup language applies to the next post ("auto": the server's preferred
    locale, as the gateway or the API reports it; a direct message is in the language of
    the server where its reader watches the figure, English without `watchers`). The
    lookups default to reads of the client's store when the client is invitewatch's own
    (send() runs outside any store transaction). `watchers(figure_keys)` gives
    (guild_id, user_id) of members who /watch a figure; each of them also gets the
    notification as a direct message. It has no such default: it is called from
    targets(), which the outbox calls inside its own transaction, and SQLite allows one
    writer, so a second transaction there would wait on the first. `facts(figure_id)`
    gives a figure's country and category for the subscriptions' filters.
    """

    consumer = "discord"

    def __init__(self, client: discord.Client, *, role_for: RoleLookup | None = None,
                 watchers: WatcherLookup | None = None,
                 language_for: LanguageLookup | None = None,
                 subscription_for: SubscriptionLookup | None = None,
                 facts: FigureFacts | None = None) -> None:
        self.client = client
        deps = getattr(client, "deps", None)
        if isinstance(deps, DiscordDeps):
            role_for = role_for or store_mention_role(deps.store)
            language_for = language_for or store_guild_language(deps.store)
            subscription_for = subscription_for or store_subscription(deps.store)
            facts = facts or deps.figure_facts
        self._role_for = role_for
        self._language_for = language_for
        self._subscription_for = subscription_for
        self._facts = facts or no_facts
        self._watchers = watchers
        self._subscriptions: dict[int, Subscription] = {}
        self._locales: dict[str, str | None] = {}  # guild id -> preferred locale, fetched

    # -- planning -----------------------------------------------------------
    def targets(self, notification: Notification,
                subscriptions: Sequence[Subscription]) -> list[str]:
        self._subscriptions.update((sub.id, sub) for sub in subscriptions if sub.id is not None)
        targets = subscription_targets(notification, subscriptions, self._facts)
        if self._watchers is not None and notification.kind in (
                NotificationKind.NEW, NotificationKind.STATUS, NotificationKind.HIDDEN):
            users = {user_id for _guild, user_id in self._watchers(sorted(figure_keys(notification)))}
            targets.extend(dm_target(user_id) for user_id in sorted(users))
        return targets

    async def _lookup(self, lookup: Callable[[str], object] | None, key: str) -> object:
        if lookup is None:
            return None
        try:
            return await asyncio.to_thread(lookup, key)
        except InvitewatchError as error:
            log.warning("could not read the settings of %s: %s", key, error)
            return None

    async def _subscription(self, subscription_id: int) -> Subscription | None:
        if subscription_id in self._subscriptions:
            return self._subscriptions[subscription_id]
        if self._subscription_for is None:
            return None
        lookup = self._subscription_for
        found = await self._lookup(lambda key: lookup(int(key)), str(subscription_id))
        return found if isinstance(found, Subscription) else None

    async def _role(self, guild_id: str) -> str | None:
        # Posting without the role ping beats not posting at all.
        found = await self._lookup(self._role_for, guild_id)
        return found if isinstance(found, str) else None

    async def language(self, guild_id: str) -> str:
        """The language to post in: the server's setting, or its preferred locale."""
        setting = await self._lookup(self._language_for, guild_id)
        if isinstance(setting, str) and setting and setting != AUTO:
            return choose_language(setting, None)
        return choose_language(AUTO, await self._preferred_locale(guild_id))

    async def _reader_language(self, user_id: str, notification: Notification) -> str:
        """A watcher's direct message: the language of the (first) server where they watch
        one of the notification's figures."""
        if self._watchers is None:
            return SOURCE
        try:
            pairs = await asyncio.to_thread(self._watchers, sorted(figure_keys(notification)))
        except InvitewatchError as error:
            log.warning("could not look up where %s watches: %s", user_id, error)
            return SOURCE
        guilds = sorted(guild for guild, user in pairs if user == user_id)
        return await self.language(guilds[0]) if guilds else SOURCE

    async def _preferred_locale(self, guild_id: str) -> str | None:
        guild = self.client.get_guild(int(guild_id))
        if guild is not None:
            return guild.preferred_locale.value
        if guild_id not in self._locales:
            # A REST-only client (`poll --once`) has no gateway cache: ask once per run.
            try:
                fetched = await self.client.fetch_guild(int(guild_id))
                self._locales[guild_id] = fetched.preferred_locale.value
            except discord.HTTPException as error:
                log.info("could not read the locale of %s: %s", guild_id, error)
                self._locales[guild_id] = None
        return self._locales[guild_id]

    # -- delivery -----------------------------------------------------------
    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        try:
            if target.startswith(DM_PREFIX):
                user_id = target.removeprefix(DM_PREFIX)
                if not user_id.isdigit():
                    raise ValueError(f"not a Discord user target: {target!r}")
                return await self._guarded(target, self._send_dm(
                    user_id, notification, previous_message_id, current or notification, nonce))
            parsed = parse_target(target)
        except ValueError as error:
            return SendResult(SendOutcome.FAILED, error=str(error))
        return await self._guarded(target, self._send_channel(
            parsed, notification, previous_message_id, current or notification, nonce))

    async def reconcile(self, target: str, notification: Notification,
                        previous_message_id: str | None, *, current: Notification,
                        since: datetime) -> SendResult | None:
        """An in-doubt delivery's message already in its channel (see bot.discord.reconcile):
        SENT with its reference; None to send as usual (not found, not looked for, or the
        history could not be read)."""
        if target.startswith(DM_PREFIX):
            return None
        try:
            parsed = parse_target(target)
        except ValueError:
            return None
        subscription: Subscription | None = None
        if parsed.subscription_id is not None:
            subscription = await self._subscription(parsed.subscription_id)
            if subscription is None:
                return None
            role = subscription.mention_role_id
        else:
            role = await self._role(parsed.guild_id)
        post = Post(self.client, int(parsed.guild_id), int(parsed.channel_id), role, None,
                    in_thread=subscription is not None
                    and subscription.channel_kind is ChannelKind.THREAD,
                    lang=await self.language(parsed.guild_id))
        try:
            ref = await find_posted(deliverer(subscription), post, notification, current,
                                    PostRef.parse(previous_message_id), since)
        except (discord.HTTPException, TimeoutError, aiohttp.ClientError, OSError) as error:
            # History errors are answered inside (None: send); what escapes came after the
            # message was found (starting its thread): a retry, never a second post.
            return SendResult(SendOutcome.RETRY, error=f"reconciling: {error!r}"[:500])
        return SendResult(SendOutcome.SENT, message_id=str(ref)) if ref is not None else None

    async def _guarded(self, target: str, sending: Awaitable[SendResult]) -> SendResult:
        """Discord's answer (or the network's) as what the outbox should do next."""
        try:
            return await sending
        except discord.RateLimited as error:
            return SendResult(SendOutcome.RETRY, retry_after=error.retry_after, error=str(error))
        except discord.HTTPException as error:
            result = result_for_http_error(error)
            log.warning("discord delivery to %s: %s", target, result.error)
            return result
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            return SendResult(SendOutcome.RETRY, error=f"network error: {error!r}"[:500])

    async def _send_channel(self, target: ChannelTarget, notification: Notification,
                            previous: str | None, current: Notification,
                            nonce: str | None) -> SendResult:
        subscription: Subscription | None = None
        if target.subscription_id is not None:
            subscription = await self._subscription(target.subscription_id)
            if subscription is None:
                return SendResult(SendOutcome.FAILED, error=(
                    f"subscription {target.subscription_id} no longer exists"))
            role = subscription.mention_role_id
        else:
            role = await self._role(target.guild_id)
        if _nothing_to_retract(notification, previous):
            return SendResult(SendOutcome.SENT)
        post = Post(self.client, int(target.guild_id), int(target.channel_id), role, nonce,
                    in_thread=subscription is not None
                    and subscription.channel_kind is ChannelKind.THREAD,
                    lang=await self.language(target.guild_id))
        ref = await deliverer(subscription)(post, notification, current,
                                            PostRef.parse(previous))
        return SendResult(SendOutcome.SENT, message_id=str(ref))

    async def _send_dm(self, user_id: str, notification: Notification, previous: str | None,
                       current: Notification, nonce: str | None) -> SendResult:
        if _nothing_to_retract(notification, previous):
            return SendResult(SendOutcome.SENT)
        channel = await self.client.create_dm(discord.Object(id=int(user_id)))
        post = Post(self.client, None, channel.id, None, nonce,
                    lang=await self._reader_language(user_id, notification))
        ref = await deliver_embed(post, notification, current, PostRef.parse(previous))
        return SendResult(SendOutcome.SENT, message_id=str(ref))

    # -- telling admins -------------------------------------------------------
    async def notify_admins_forbidden(self, guild_id: str, channel_id: str) -> bool:
        """Tell a server's admins once that the bot may not post in a channel.

        Tries the server's system channel, then any text channel the bot can write in,
        then a direct message to the owner. Returns whether anyone could be told.
        """
        text = "⚠️ " + t(await self.language(guild_id),
                         "invitewatch could not post notifications in {channel}: it is missing "
                         "permissions there. Give it View Channel, Send Messages, Embed Links "
                         "and Read Message History in {channel}, then run `/subscribe` (or "
                         "`/setup channel`) for that channel again, or choose another one.",
                         channel=f"<#{channel_id}>")
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
