"""Finding a delivery's message that an earlier attempt posted but never recorded.

Discord's `enforce_nonce` returns the first message for a repeated nonce for a few minutes
only. A delivery retried later than that (a crash after the send and before `mark_sent`,
then an outage's backoff or a slow restart) is first looked for in the channel's recent
history: a message by the bot, newer than the attempt's start (less a margin for clock
skew), that is this delivery. Fetched history carries no nonce, so a message is known by
what it shows: an announcement by its embed's footer (the invitation's number) or, in the
compact style, by its line's number; a reply by the message it replies to and its text.

Forum posts and direct messages are not looked for (a forum post has no nonce either; a
DM's announcement is a plain embed the outbox retries within the lease).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import discord
from discord.utils import time_snowflake

from bot.discord.delivery import (
    Post,
    PostRef,
    deliver_compact,
    deliver_embed,
    deliver_thread,
    start_thread,
)
from bot.discord.embeds import notification_embed, status_reply_text
from bot.discord.styles import compact_change_line
from bot.domain import Notification, NotificationKind

log = logging.getLogger(__name__)

# Discord's clock and this host's may differ: the history is read from a little before the
# attempt began.
CLOCK_MARGIN = timedelta(minutes=1)
# Messages read at most (oldest first from the attempt's start): a busy channel's messages
# of a few minutes; past this, the delivery is sent as before.
HISTORY_LIMIT = 200

_unreadable: set[int] = set()  # channels whose history the bot may not read: logged once

Match = Callable[[discord.Message], bool]


def _is_reply_to(message: discord.Message, message_id: int) -> bool:
    reference = message.reference
    return reference is not None and reference.message_id == message_id


def _announcement(notification: Notification, current: Notification, lang: str,
                  compact: bool) -> Match | None:
    """What an announcement of this invitation looks like, or None if it has no number."""
    number = notification.invitation_id
    if number is None:
        return None
    if compact:
        tail = f" · #{number}"
        return lambda m: m.reference is None and m.content.rstrip().endswith(tail)
    footer = notification_embed(current, lang).footer.text
    return lambda m: m.reference is None and any(e.footer.text == footer for e in m.embeds)


def _reply(text: str, message_id: int | None) -> Match:
    if message_id is None:  # in an invitation's own thread: no reference
        return lambda m: m.content == text
    return lambda m: _is_reply_to(m, message_id) and m.content == text


def _plan(deliver: object, post: Post, notification: Notification, current: Notification,
          previous: PostRef | None) -> tuple[int, Match] | None:
    """(channel to read, what the delivery's message looks like); None: nothing to look
    for (an edit alone, which repeats harmlessly, or a style not covered)."""
    if deliver is deliver_compact:
        if notification.kind is NotificationKind.NEW:
            if previous is not None:
                return None
            found = _announcement(notification, current, post.lang, compact=True)
            return (post.channel_id, found) if found else None
        text = compact_change_line(notification, post.role, post.lang)
        if previous is None:
            return post.channel_id, lambda m: m.reference is None and m.content == text
        return post.channel_id, _reply(text, previous.message_id)
    if deliver not in (deliver_embed, deliver_thread):
        return None
    if previous is None:
        found = _announcement(notification, current, post.lang, compact=False)
        return (post.channel_id, found) if found else None
    if notification.kind is NotificationKind.NEW:
        return None
    text = status_reply_text(notification, post.role, post.lang)
    if deliver is deliver_thread and previous.thread_id is not None:
        return previous.thread_id, _reply(text, None)
    return post.channel_id, _reply(text, previous.message_id)


async def find_posted(deliver: object, post: Post, notification: Notification,
                      current: Notification, previous: PostRef | None,
                      since: datetime) -> PostRef | None:
    """The reference to record if this delivery's message is already in the channel, else
    None (also when the history cannot be read: the caller sends as before)."""
    plan = _plan(deliver, post, notification, current, previous)
    if plan is None:
        return None
    channel_id, matches = plan
    me = post.client.user
    after = discord.Object(id=time_snowflake(since - CLOCK_MARGIN))
    try:
        async for message in post.channel(channel_id).history(limit=HISTORY_LIMIT, after=after,
                                                              oldest_first=True):
            if (me is None or message.author.id == me.id) and matches(message):
                return await _found(deliver, post, current, previous, message)
    except discord.Forbidden as error:
        if channel_id not in _unreadable:
            _unreadable.add(channel_id)
            log.warning("cannot read the history of channel %s (%s): in-doubt deliveries "
                        "there are sent again; give the bot Read Message History", channel_id,
                        error)
    except discord.HTTPException as error:
        log.info("could not read the history of channel %s: %s", channel_id, error)
    return None


async def _found(deliver: object, post: Post, current: Notification,
                 previous: PostRef | None, message: discord.Message) -> PostRef:
    if previous is not None:
        return previous  # a reply: the announcement stays the message to edit
    if deliver is deliver_thread:
        # The crash may have come before the thread was started: start it (an existing
        # one is Discord's 160004, and its id is the message's).
        return PostRef(message.id, await start_thread(post, message.id, current))
    return PostRef(message.id)
