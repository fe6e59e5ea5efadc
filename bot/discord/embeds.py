"""Embeds and message texts for notifications: pure functions of a `Notification`.

All text from articles goes through `escape_untrusted`; every embed is passed through
`fit_embed` so no notification can be refused by Discord for its size.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

import discord

from bot.discord import limits
from bot.discord.safety import escape_untrusted, link, role_mention, safe_link_url
from bot.domain import STATUS_SYMBOLS, Notification, NotificationKind, Status

STATUS_COLOURS: dict[Status, int] = {
    Status.PENDING: 0xF1C40F,  # yellow: waiting
    Status.ACCEPTED: 0x2ECC71,  # green
    Status.DECLINED: 0xE74C3C,  # red
    Status.RESPONDED: 0x3498DB,  # blue: an answer that commits to nothing
    Status.TOOK_PLACE: 0x9B59B6,  # purple: done
    Status.WITHDRAWN: 0x95A5A6,  # grey: off the table
}

STATUS_LABELS: dict[Status, str] = {
    Status.PENDING: "Pending",
    Status.ACCEPTED: "Accepted",
    Status.DECLINED: "Declined",
    Status.RESPONDED: "Responded (non-committal)",
    Status.TOOK_PLACE: "Took place",
    Status.WITHDRAWN: "Withdrawn / lapsed",
}

EVIDENCE_QUOTE = 400  # enough to recognise the sentence, short enough to stay a notice


def status_text(status: Status) -> str:
    return f"{STATUS_SYMBOLS[status]} {STATUS_LABELS[status]}"


def format_day(moment: datetime) -> str:
    return moment.date().isoformat()


def source_line(outlet: str | None, url: str | None, when: datetime | None) -> str:
    """`[Outlet](url) · 2021-02-14`, falling back to the URL's host when the outlet is unknown."""
    label = outlet or _host(url) or "unknown source"
    text = link(label, url)
    if when is not None:
        text += f" · {format_day(when)}"
    return text


def _host(url: str | None) -> str | None:
    safe = safe_link_url(url)
    if safe is None:
        return None
    return urlsplit(safe).hostname


def headline(notification: Notification) -> str:
    inviter = escape_untrusted(notification.inviter)
    invitee = escape_untrusted(notification.invitee)
    return limits.clip(f"{inviter} → {invitee}", limits.TITLE)


def _quote(evidence: str) -> str:
    text = " ".join(evidence.split())
    if not text:
        return ""
    return "> " + escape_untrusted(limits.clip(text, EVIDENCE_QUOTE))


def _footer(notification: Notification) -> str:
    if notification.invitation_id is None:
        return "invitewatch"
    return (f"Invitation #{notification.invitation_id} · "
            f"/invitation {notification.invitation_id} shows its timeline")


def _base_embed(notification: Notification) -> discord.Embed:
    occasion = escape_untrusted(notification.occasion or notification.occasion_kind.value)
    description = f"**{escape_untrusted(notification.inviter)}** invited " \
                  f"**{escape_untrusted(notification.invitee)}** to {occasion}."
    quote = _quote(notification.evidence)
    if quote:
        description += "\n" + quote
    embed = discord.Embed(
        title=headline(notification),
        description=description,
        colour=STATUS_COLOURS[notification.status],
        url=safe_link_url(notification.source_url),
        timestamp=notification.source_date,
    )
    return embed


def _languages(notification: Notification) -> str:
    return ", ".join(escape_untrusted(lang) for lang in notification.languages) or "unknown"


def new_invitation_embed(notification: Notification) -> discord.Embed:
    """The announcement of an invitation: who, to what, its status, first source, languages."""
    embed = _base_embed(notification)
    embed.add_field(name="Status", value=status_text(notification.status), inline=True)
    embed.add_field(name="Languages", value=_languages(notification), inline=True)
    embed.add_field(name="Confidence", value=f"{notification.confidence:.0%}", inline=True)
    embed.add_field(
        name="First reported",
        value=source_line(notification.outlet, notification.source_url, notification.source_date),
        inline=False,
    )
    embed.set_footer(text=_footer(notification))
    return limits.fit_embed(embed)


def status_change_embed(notification: Notification) -> discord.Embed:
    """The announcement embed as it should read after a status change (used to edit it, or
    posted whole when there is no earlier post to edit)."""
    embed = _base_embed(notification)
    status = status_text(notification.status)
    if notification.previous_status is not None and notification.previous_status != notification.status:
        status += f" (was {status_text(notification.previous_status)})"
    if notification.kind is NotificationKind.HIDDEN:
        status = f"🚫 hidden by an editor as a false record (was {status})"
    embed.add_field(name="Status", value=status, inline=True)
    embed.add_field(name="Languages", value=_languages(notification), inline=True)
    embed.add_field(name="Confidence", value=f"{notification.confidence:.0%}", inline=True)
    embed.add_field(
        name="Latest report",
        value=source_line(notification.outlet, notification.source_url, notification.source_date),
        inline=False,
    )
    if len(notification.sources) > 1:
        first = notification.sources[0]
        embed.add_field(
            name=f"Sources ({len(notification.sources)})",
            value=source_line(None, first, None) + " (first)",
            inline=False,
        )
    embed.set_footer(text=_footer(notification))
    return limits.fit_embed(embed)


def notification_embed(notification: Notification) -> discord.Embed:
    if notification.kind is NotificationKind.NEW:
        return new_invitation_embed(notification)
    return status_change_embed(notification)


def status_reply_text(notification: Notification, role_id: str | None) -> str:
    """The short reply under the original post: the new status and where it comes from."""
    parts = []
    mention = role_mention(role_id)
    if mention:
        parts.append(mention)
    if notification.kind is NotificationKind.QUIET:
        parts.append(f"{STATUS_SYMBOLS[notification.status]} No news for a while on this invitation.")
    elif notification.kind is NotificationKind.DIGEST:
        parts.append(f"📰 New source, status unchanged: {status_text(notification.status)}.")
    elif notification.kind is NotificationKind.HIDDEN:
        why = f": {notification.evidence}" if notification.evidence else ""
        parts.append(f"🚫 **Hidden by an editor** as a false record{why}")
    else:
        change = status_text(notification.status)
        if notification.previous_status is not None:
            change = f"{status_text(notification.previous_status)} → {change}"
        parts.append(f"**Status update:** {change}")
    source = source_line(notification.outlet, notification.source_url, notification.source_date)
    text = " ".join(parts) + f"\nSource: {source}"
    # A bare URL would unfurl a second preview under the reply; the link above is enough.
    return limits.clip(text, limits.CONTENT)


def announcement_text(notification: Notification, role_id: str | None) -> str | None:
    """Message content next to a posted embed: only the role mention, if one is configured."""
    return role_mention(role_id) or None
