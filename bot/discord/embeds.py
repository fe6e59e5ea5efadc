"""Embeds and message texts for notifications: pure functions of a `Notification`.

All text from articles goes through `escape_untrusted`; every embed is passed through
`fit_embed` so no notification can be refused by Discord for its size. Each function takes
the server's language (`lang`, `bot.i18n`): the bot's own words are translated, names and
quotes stay as written.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

import discord

from bot.discord import limits
from bot.discord.safety import escape_untrusted, link, role_mention, safe_link_url
from bot.domain import STATUS_SYMBOLS, Notification, NotificationKind, OccasionKind, Status
from bot.i18n import SOURCE, format_day, format_share, kind_label, status_label, t

STATUS_COLOURS: dict[Status, int] = {
    Status.PENDING: 0xF1C40F,  # yellow: waiting
    Status.ACCEPTED: 0x2ECC71,  # green
    Status.DECLINED: 0xE74C3C,  # red
    Status.RESPONDED: 0x3498DB,  # blue: an answer that commits to nothing
    Status.TOOK_PLACE: 0x9B59B6,  # purple: done
    Status.WITHDRAWN: 0x95A5A6,  # grey: off the table
}

EVIDENCE_QUOTE = 400  # enough to recognise the sentence, short enough to stay a notice


def status_text(status: Status, lang: str = SOURCE) -> str:
    return f"{STATUS_SYMBOLS[status]} {status_label(lang, status)}"


def occasion_text(lang: str, text: str, kind: OccasionKind, place: str | None) -> str:
    """The occasion: the matcher's English phrase in English, else the kind translated and
    the place as named ("Gespräch (Clubhouse)")."""
    if lang == SOURCE:
        return text or kind.value
    label = kind_label(lang, kind)
    return f"{label} ({place})" if place else label


def source_line(outlet: str | None, url: str | None, when: datetime | None,
                lang: str = SOURCE) -> str:
    """`[Outlet](url) · 2021-02-14`, falling back to the URL's host when the outlet is unknown."""
    label = outlet or _host(url) or t(lang, "unknown source")
    text = link(label, url)
    if when is not None:
        text += f" · {format_day(when, lang)}"
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


def _footer(notification: Notification, lang: str) -> str:
    if notification.invitation_id is None:
        return "invitewatch"
    return t(lang, "Invitation #{id} · /invitation {id} shows its timeline",
             id=notification.invitation_id)


def _base_embed(notification: Notification, lang: str) -> discord.Embed:
    occasion = escape_untrusted(occasion_text(lang, notification.occasion,
                                              notification.occasion_kind, notification.place))
    description = t(lang, "**{inviter}** invited **{invitee}** to {occasion}.",
                    inviter=escape_untrusted(notification.inviter),
                    invitee=escape_untrusted(notification.invitee), occasion=occasion)
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


def _languages(notification: Notification, lang: str) -> str:
    return (", ".join(escape_untrusted(code) for code in notification.languages)
            or t(lang, "unknown"))


def _common_fields(embed: discord.Embed, notification: Notification, status: str,
                   lang: str) -> None:
    embed.add_field(name=t(lang, "Status"), value=status, inline=True)
    embed.add_field(name=t(lang, "Languages"), value=_languages(notification, lang), inline=True)
    embed.add_field(name=t(lang, "Confidence"), value=format_share(notification.confidence, lang),
                    inline=True)


def new_invitation_embed(notification: Notification, lang: str = SOURCE) -> discord.Embed:
    """The announcement of an invitation: who, to what, its status, first source, languages."""
    embed = _base_embed(notification, lang)
    _common_fields(embed, notification, status_text(notification.status, lang), lang)
    embed.add_field(
        name=t(lang, "First reported"),
        value=source_line(notification.outlet, notification.source_url, notification.source_date,
                          lang),
        inline=False,
    )
    embed.set_footer(text=_footer(notification, lang))
    return limits.fit_embed(embed)


def status_change_embed(notification: Notification, lang: str = SOURCE) -> discord.Embed:
    """The announcement embed as it should read after a status change (used to edit it, or
    posted whole when there is no earlier post to edit)."""
    embed = _base_embed(notification, lang)
    status = status_text(notification.status, lang)
    if notification.previous_status is not None and notification.previous_status != notification.status:
        status += " " + t(lang, "(was {status})",
                          status=status_text(notification.previous_status, lang))
    if notification.kind is NotificationKind.HIDDEN:
        status = t(lang, "🚫 hidden by an editor as a false record (was {status})", status=status)
    _common_fields(embed, notification, status, lang)
    embed.add_field(
        name=t(lang, "Latest report"),
        value=source_line(notification.outlet, notification.source_url, notification.source_date,
                          lang),
        inline=False,
    )
    if len(notification.sources) > 1:
        first = notification.sources[0]
        embed.add_field(
            name=t(lang, "Sources ({count})", count=len(notification.sources)),
            value=source_line(None, first, None, lang) + " " + t(lang, "(first)"),
            inline=False,
        )
    embed.set_footer(text=_footer(notification, lang))
    return limits.fit_embed(embed)


def notification_embed(notification: Notification, lang: str = SOURCE) -> discord.Embed:
    if notification.kind is NotificationKind.NEW:
        return new_invitation_embed(notification, lang)
    return status_change_embed(notification, lang)


def status_reply_text(notification: Notification, role_id: str | None,
                      lang: str = SOURCE) -> str:
    """The short reply under the original post: the new status and where it comes from."""
    parts = []
    mention = role_mention(role_id)
    if mention:
        parts.append(mention)
    if notification.kind is NotificationKind.QUIET:
        parts.append(f"{STATUS_SYMBOLS[notification.status]} "
                     + t(lang, "No news for a while on this invitation."))
    elif notification.kind is NotificationKind.DIGEST:
        parts.append("📰 " + t(lang, "New source, status unchanged: {status}.",
                              status=status_text(notification.status, lang)))
    elif notification.kind is NotificationKind.HIDDEN:
        why = f": {notification.evidence}" if notification.evidence else ""
        parts.append("🚫 " + t(lang, "**Hidden by an editor** as a false record") + why)
    else:
        change = status_text(notification.status, lang)
        if notification.previous_status is not None:
            change = f"{status_text(notification.previous_status, lang)} → {change}"
        parts.append(t(lang, "**Status update:** {change}", change=change))
    source = source_line(notification.outlet, notification.source_url, notification.source_date,
                         lang)
    text = " ".join(parts) + "\n" + t(lang, "Source: {source}", source=source)
    # A bare URL would unfurl a second preview under the reply; the link above is enough.
    return limits.clip(text, limits.CONTENT)


def announcement_text(notification: Notification, role_id: str | None) -> str | None:
    """Message content next to a posted embed: only the role mention, if one is configured."""
    return role_mention(role_id) or None
