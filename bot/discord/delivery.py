"""How each subscription style puts a notification into Discord: one function per style
(`embed`, `compact`, `thread`, and the forum post a forum channel gets), each returning the
reference to remember for the invitation in that subscription.

A reference is the announcement's message id, and for an invitation with a thread or a
forum post of its own, `<message id>/<thread id>`: the next status change edits the
announcement and is posted in the thread. Every message carries the delivery's nonce plus
a letter for its kind (Discord returns the first message for a repeat), so a retry after a
crash cannot post twice; creating a thread has no nonce, but a retried thread on the same
message is refused by Discord (160004) and the existing one (same id) is used.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import discord
from discord.http import handle_message_parameters

from bot.discord.embeds import announcement_text, notification_embed, status_reply_text
from bot.discord.safety import NO_MENTIONS, allowed_mentions
from bot.discord.styles import compact_change_line, compact_line, thread_name
from bot.domain import Notification, NotificationKind
from bot.i18n import SOURCE

log = logging.getLogger(__name__)
T = TypeVar("T")

UNKNOWN_CHANNEL = 10003  # Discord's JSON error codes
UNKNOWN_MESSAGE = 10008
ARCHIVED_THREAD = 50083
THREAD_EXISTS = 160004  # "A thread has already been created for this message"
ARCHIVE_AFTER_MINUTES: Literal[10080] = 10080  # a week without news: the thread or post is archived


def nonce_for(base: str | None, kind: str) -> str | int:
    """discord.py sends `enforce_nonce: true` with every nonce; Discord allows 25
    characters. Without a delivery nonce, a random one, as discord.py would pick."""
    return (base + kind)[-25:] if base else secrets.randbits(63)


@dataclass(frozen=True, slots=True)
class PostRef:
    """Where an invitation was announced in one subscription."""

    message_id: int
    thread_id: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> PostRef | None:
        """`123` or `123/456`; None for nothing or anything else (posted afresh then)."""
        if not text:
            return None
        message, _, thread = text.partition("/")
        if not message.isdigit() or (thread and not thread.isdigit()):
            return None
        return cls(int(message), int(thread) if thread else None)

    def __str__(self) -> str:
        return str(self.message_id) + (f"/{self.thread_id}" if self.thread_id else "")


@dataclass(frozen=True, slots=True)
class Post:
    """What one delivery needs: the client, the channel, the role to ping, the nonce, and
    the language to write in (the server's, or a direct message's reader's)."""

    client: discord.Client
    guild_id: int | None  # None: a direct message
    channel_id: int
    role: str | None
    nonce: str | None
    in_thread: bool = False  # the subscription's channel is itself a thread
    lang: str = SOURCE

    def channel(self, channel_id: int | None = None) -> discord.PartialMessageable:
        # A partial channel posts without fetching the channel first: one request per post.
        return self.client.get_partial_messageable(channel_id or self.channel_id,
                                                   guild_id=self.guild_id)


def _is_client_error(error: discord.HTTPException) -> bool:
    """A refusal that retrying will not change (not a rate limit, not a server error)."""
    return 400 <= error.status < 500 and error.status != 429


async def _unarchived(post: Post, thread_id: int, action: Callable[[], Awaitable[T]]) -> T:
    """Run `action` in a thread, unarchiving the thread first if Discord says it is
    archived (50083); a thread that stays archived (locked) raises that answer."""
    try:
        return await action()
    except discord.HTTPException as error:
        if error.code != ARCHIVED_THREAD:
            raise
        archived = error
    try:
        await post.client.http.edit_channel(thread_id, archived=False,
                                            reason="invitewatch: news on this invitation")
    except discord.HTTPException:
        # Locked, or no Manage Threads: the thread stays archived, as Discord said.
        raise archived from None
    return await action()


async def _edit(post: Post, channel_id: int, message_id: int, embed: discord.Embed, *,
                in_thread: bool = False) -> bool:
    """Edit an announcement to the current state; False when it was deleted."""
    message = post.channel(channel_id).get_partial_message(message_id)

    async def edit() -> None:
        await message.edit(embed=embed, allowed_mentions=NO_MENTIONS)

    try:
        await (_unarchived(post, channel_id, edit) if in_thread else edit())
    except discord.NotFound as error:
        if error.code not in (UNKNOWN_MESSAGE, UNKNOWN_CHANNEL):
            raise
        return False
    return True


async def send_in_thread(post: Post, thread_id: int, **message: Any) -> discord.Message:
    """Post in a thread, unarchiving it first if it is archived."""
    thread = post.channel(thread_id)
    return await _unarchived(post, thread_id, lambda: thread.send(**message))


async def _send(post: Post, **message: Any) -> discord.Message:
    """A message in the subscription's channel (a thread there is unarchived first)."""
    if post.in_thread:
        return await send_in_thread(post, post.channel_id, **message)
    return await post.channel().send(**message)


# -- embed ------------------------------------------------------------------------
async def deliver_embed(post: Post, notification: Notification, current: Notification,
                        previous: PostRef | None) -> PostRef:
    """The full embed; a change edits it to the current state and replies under it."""
    mentions = allowed_mentions(post.role)
    embed = notification_embed(current, post.lang)
    if previous is None:
        message = await _send(post, content=announcement_text(notification, post.role),
                              embed=embed, allowed_mentions=mentions,
                              nonce=nonce_for(post.nonce, "p"))
        return PostRef(message.id)
    if not await _edit(post, post.channel_id, previous.message_id, embed,
                       in_thread=post.in_thread):
        # Someone deleted the announcement: post the current state afresh instead.
        message = await _send(post, content=announcement_text(notification, post.role),
                              embed=embed, allowed_mentions=mentions,
                              nonce=nonce_for(post.nonce, "a"))
        return PostRef(message.id)
    if notification.kind is not NotificationKind.NEW:
        await _reply(post, notification, previous.message_id)
    # The announcement stays the message to edit next time, not the reply.
    return previous


async def _reply(post: Post, notification: Notification, message_id: int) -> None:
    reference = discord.MessageReference(message_id=message_id, channel_id=post.channel_id,
                                         fail_if_not_exists=False)
    await _send(post, content=status_reply_text(notification, post.role, post.lang), reference=reference,
                allowed_mentions=allowed_mentions(post.role), nonce=nonce_for(post.nonce, "r"))


# -- compact ----------------------------------------------------------------------
async def deliver_compact(post: Post, notification: Notification, current: Notification,
                          previous: PostRef | None) -> PostRef:
    """One line per notification; a change is a line replying to the announcement."""
    mentions = allowed_mentions(post.role)
    if notification.kind is NotificationKind.NEW:
        if previous is not None:
            return previous  # announced already
        message = await _send(post, content=compact_line(current, post.role, post.lang),
                              allowed_mentions=mentions, nonce=nonce_for(post.nonce, "p"))
        return PostRef(message.id)
    reference = (discord.MessageReference(message_id=previous.message_id,
                                          channel_id=post.channel_id, fail_if_not_exists=False)
                 if previous is not None else None)
    message = await _send(post, content=compact_change_line(notification, post.role, post.lang),
                          reference=reference, allowed_mentions=mentions,
                          nonce=nonce_for(post.nonce, "r"))
    return previous or PostRef(message.id)


# -- a thread per invitation ----------------------------------------------------------
async def deliver_thread(post: Post, notification: Notification, current: Notification,
                         previous: PostRef | None) -> PostRef:
    """The embed in the channel with a thread under it; changes edit the embed and are
    posted in the thread (as a reply under the embed when the thread cannot be used)."""
    if previous is None or not await _edit(post, post.channel_id, previous.message_id,
                                           notification_embed(current, post.lang)):
        message = await post.channel().send(
            content=announcement_text(notification, post.role), embed=notification_embed(current, post.lang),
            allowed_mentions=allowed_mentions(post.role),
            nonce=nonce_for(post.nonce, "p" if previous is None else "a"))
        return PostRef(message.id, await start_thread(post, message.id, current))
    if notification.kind is NotificationKind.NEW:
        return previous
    if previous.thread_id is not None:
        try:
            await send_in_thread(post, previous.thread_id,
                                 content=status_reply_text(notification, post.role, post.lang),
                                 allowed_mentions=allowed_mentions(post.role),
                                 nonce=nonce_for(post.nonce, "r"))
            return previous
        except discord.HTTPException as error:
            if not _is_client_error(error):
                raise
            log.info("thread %s refused a post (%s); replying in the channel instead",
                     previous.thread_id, error)
    await _reply(post, notification, previous.message_id)
    return previous


async def start_thread(post: Post, message_id: int, current: Notification) -> int | None:
    """A thread under the announcement `message_id`: its id, the message's id when a retry
    finds the thread already started, or None when the channel refuses threads."""
    try:
        data = await post.client.http.start_thread_with_message(
            post.channel_id, message_id, name=thread_name(current),
            auto_archive_duration=ARCHIVE_AFTER_MINUTES)
    except discord.HTTPException as error:
        if error.code == THREAD_EXISTS:
            return message_id  # a retry: Discord gives a message's thread the message's id
        if not _is_client_error(error):
            raise
        # No Create Public Threads permission (or a channel without threads): the
        # announcement stands and its changes become replies under it.
        log.warning("could not start a thread in channel %s: %s", post.channel_id, error)
        return None
    return int(data["id"])


# -- a forum post per invitation ------------------------------------------------------
async def deliver_forum(post: Post, notification: Notification, current: Notification,
                        previous: PostRef | None) -> PostRef:
    """A post in the forum per invitation (the embed as its first message); a change edits
    that message and is posted in the post. A post deleted, or archived and locked, is
    started again with the invitation as it stands."""
    if previous is None:
        return await _new_forum_post(post, notification, current)
    thread_id = previous.thread_id or previous.message_id
    try:
        if not await _edit(post, thread_id, previous.message_id, notification_embed(current, post.lang),
                           in_thread=True):
            return await _new_forum_post(post, notification, current)
        if notification.kind is not NotificationKind.NEW:
            await send_in_thread(post, thread_id,
                                 content=status_reply_text(notification, post.role, post.lang),
                                 allowed_mentions=allowed_mentions(post.role),
                                 nonce=nonce_for(post.nonce, "r"))
    except discord.HTTPException as error:
        if not _is_client_error(error) or error.status == 403:
            raise
        log.info("forum post %s refused the update (%s); starting a new post", thread_id, error)
        return await _new_forum_post(post, notification, current)
    return previous


async def _new_forum_post(post: Post, notification: Notification,
                          current: Notification) -> PostRef:
    channel_payload = {"name": thread_name(current),
                       "auto_archive_duration": ARCHIVE_AFTER_MINUTES}
    with handle_message_parameters(content=announcement_text(notification, post.role),
                                   embed=notification_embed(current, post.lang),
                                   allowed_mentions=allowed_mentions(post.role),
                                   channel_payload=channel_payload) as params:
        data = await post.client.http.start_thread_in_forum(post.channel_id, params=params)
    thread_id = int(data["id"])
    message = data.get("message") or {}
    # Discord gives a forum post's first message the post's id.
    return PostRef(int(message.get("id", thread_id)), thread_id)
