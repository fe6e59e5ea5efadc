"""The text of each subscription style besides the full embed (in `embeds.py`): pure
functions of a `Notification` and the server's language (`lang`, `bot.i18n`), one per
message a style sends. The bot's words are translated; names, outlets and the matcher's
occasion phrase (in English only) are shown as in `embeds.py`."""

from __future__ import annotations

from bot.discord import limits
from bot.discord.embeds import headline, occasion_text, source_line, status_text
from bot.discord.safety import escape_untrusted, role_mention
from bot.domain import STATUS_SYMBOLS, Notification, NotificationKind
from bot.i18n import SOURCE, t

THREAD_NAME = 100  # Discord's limit for a thread (and forum post) name


def _with_role(text: str, role_id: str | None) -> str:
    mention = role_mention(role_id)
    return f"{mention} {text}" if mention else text


def compact_line(notification: Notification, role_id: str | None, lang: str = SOURCE) -> str:
    """The compact style's announcement: the whole invitation on one line."""
    occasion = escape_untrusted(occasion_text(lang, notification.occasion,
                                              notification.occasion_kind, notification.place))
    source = source_line(notification.outlet, notification.source_url, notification.source_date,
                         lang)
    number = f" · #{notification.invitation_id}" if notification.invitation_id is not None else ""
    text = (f"🆕 **{headline(notification)}**: {occasion} · "
            f"{status_text(notification.status, lang)} · {source}{number}")
    return limits.clip(_with_role(text, role_id), limits.CONTENT)


def _change(notification: Notification, lang: str) -> str:
    """What changed, in a few words: a quiet note, a new source, or the status move."""
    status = status_text(notification.status, lang)
    if notification.kind is NotificationKind.QUIET:
        return f"{STATUS_SYMBOLS[notification.status]} " + t(lang, "no news for a while")
    if notification.kind is NotificationKind.DIGEST:
        return "📰 " + t(lang, "new source, still {status}", status=status)
    if notification.kind is NotificationKind.HIDDEN:
        return "🚫 " + t(lang, "**Hidden by an editor** as a false record")
    if notification.previous_status is not None:
        return f"{status_text(notification.previous_status, lang)} → {status}"
    return status


def compact_change_line(notification: Notification, role_id: str | None,
                        lang: str = SOURCE) -> str:
    """The compact style's status change (or quiet note, or new source): one line too."""
    source = source_line(notification.outlet, notification.source_url, notification.source_date,
                         lang)
    number = f"#{notification.invitation_id} " if notification.invitation_id is not None else ""
    text = f"🔄 {number}**{headline(notification)}**: {_change(notification, lang)} · {source}"
    return limits.clip(_with_role(text, role_id), limits.CONTENT)


def thread_name(notification: Notification) -> str:
    """The name of an invitation's thread or forum post: plain text (names show as typed,
    no markdown), within Discord's 100 characters."""
    number = f"#{notification.invitation_id} " if notification.invitation_id is not None else ""
    name = " ".join(f"{number}{notification.inviter} → {notification.invitee}".split())
    return limits.clip(name, THREAD_NAME)
