"""The text of each subscription style besides the full embed (in `embeds.py`): pure
functions of a `Notification`, one per message a style sends, so the wording of each can
be changed (or translated) in one place."""

from __future__ import annotations

from bot.discord import limits
from bot.discord.embeds import headline, source_line, status_text
from bot.discord.safety import escape_untrusted, role_mention
from bot.domain import STATUS_SYMBOLS, Notification, NotificationKind

THREAD_NAME = 100  # Discord's limit for a thread (and forum post) name


def _with_role(text: str, role_id: str | None) -> str:
    mention = role_mention(role_id)
    return f"{mention} {text}" if mention else text


def compact_line(notification: Notification, role_id: str | None) -> str:
    """The compact style's announcement: the whole invitation on one line."""
    occasion = escape_untrusted(notification.occasion or notification.occasion_kind.value)
    source = source_line(notification.outlet, notification.source_url, notification.source_date)
    number = f" · #{notification.invitation_id}" if notification.invitation_id is not None else ""
    text = (f"🆕 **{headline(notification)}**: {occasion} · {status_text(notification.status)}"
            f" · {source}{number}")
    return limits.clip(_with_role(text, role_id), limits.CONTENT)


def compact_change_line(notification: Notification, role_id: str | None) -> str:
    """The compact style's status change (or quiet note, or new source): one line too."""
    if notification.kind is NotificationKind.QUIET:
        what = f"{STATUS_SYMBOLS[notification.status]} no news for a while"
    elif notification.kind is NotificationKind.DIGEST:
        what = f"📰 new source, still {status_text(notification.status)}"
    elif notification.previous_status is not None:
        what = f"{status_text(notification.previous_status)} → {status_text(notification.status)}"
    else:
        what = status_text(notification.status)
    source = source_line(notification.outlet, notification.source_url, notification.source_date)
    number = f"#{notification.invitation_id} " if notification.invitation_id is not None else ""
    text = f"🔄 {number}**{headline(notification)}**: {what} · {source}"
    return limits.clip(_with_role(text, role_id), limits.CONTENT)


def thread_name(notification: Notification) -> str:
    """The name of an invitation's thread or forum post: plain text (names show as typed,
    no markdown), within Discord's 100 characters."""
    number = f"#{notification.invitation_id} " if notification.invitation_id is not None else ""
    name = " ".join(f"{number}{notification.inviter} → {notification.invitee}".split())
    return limits.clip(name, THREAD_NAME)
