"""Embeds answering slash commands: pure functions of store data, in the server's language
(`lang`, `bot.i18n`)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import discord

from bot.discord import limits
from bot.discord.embeds import STATUS_COLOURS, occasion_text, source_line, status_text
from bot.discord.pagination import Page
from bot.discord.safety import bare_url, escape_untrusted
from bot.domain import InvitationState, OccasionKind, Status, TimelineEntry
from bot.i18n import N_, SOURCE, format_day, format_share, kind_label, t, tn
from bot.store.api import FeedRecord, GuildSettings, InvitationNote, Subscription

NEUTRAL = 0x5865F2
EVIDENCE_IN_TIMELINE = 200

STAT_LABELS: dict[str, str] = {
    "invitations": N_("Invitations"),
    "by_status": N_("By status"),
    "by_kind": N_("By occasion"),
    "quiet": N_("Quiet"),
    "timeline_entries": N_("Timeline entries"),
    "sources": N_("Sources"),
    "articles": N_("Articles"),
    "feeds": N_("Feeds"),
    "feeds_by_state": N_("Feeds by state"),
    "deliveries_pending": N_("Deliveries pending"),
    "last_update": N_("Last update"),
}


def _occasion(state: InvitationState, lang: str) -> str:
    occasion = state.occasion
    return escape_untrusted(occasion_text(lang, occasion.describe(), occasion.kind, occasion.place))


def invitation_line(state: InvitationState, lang: str = SOURCE) -> str:
    inviter = escape_untrusted(state.inviter.name)
    invitee = escape_untrusted(state.invitee.name)
    since = t(lang, "{status} since {day}", status=status_text(state.status, lang),
              day=format_day(state.status_at, lang))
    sources = tn(lang, "{n} source", "{n} sources", len(state.sources))
    return f"**#{state.id}** {inviter} → {invitee}: {_occasion(state, lang)}\n{since} · {sources}"


def invitation_page_embed(title: str, states: Sequence[InvitationState], page: Page,
                          filters_text: str, lang: str = SOURCE) -> discord.Embed:
    embed = discord.Embed(title=limits.clip(title, limits.TITLE), colour=NEUTRAL)
    if not states:
        embed.description = t(lang, "No invitations match.") + (
            f"\n{filters_text}" if filters_text else "")
    else:
        lines: list[str] = []
        budget = limits.DESCRIPTION - 200
        for state in states:
            line = invitation_line(state, lang)
            if sum(len(x) + 2 for x in lines) + len(line) > budget:
                break
            lines.append(line)
        embed.description = "\n\n".join(lines)
        if filters_text:
            embed.description += f"\n\n{filters_text}"
    embed.set_footer(text=t(lang, "{page} · /invitation <id> shows a timeline",
                            page=page.describe(lang)))
    return limits.fit_embed(embed)


def _detail_text(state: InvitationState, notes: Sequence[InvitationNote], lang: str) -> str:
    editorial = "".join(f"\n✏️ {format_day(n.at, lang)} {escape_untrusted(n.text)}" for n in notes)
    text = "\n".join([
        t(lang, "Occasion: {occasion}", occasion=_occasion(state, lang)),
        t(lang, "Status: {status} since {day}", status=status_text(state.status, lang),
          day=format_day(state.status_at, lang)),
        t(lang, "First seen {first}, last update {last}", first=format_day(state.first_seen, lang),
          last=format_day(state.last_update, lang)),
        t(lang, "Languages: {languages}",
          languages=", ".join(state.languages) or t(lang, "unknown")),
    ])
    if state.hidden:
        text += "\n" + t(lang, "Hidden by an editor as a false record.")
    return limits.clip(text + editorial, limits.DESCRIPTION)


def invitation_detail_embed(state: InvitationState, notes: Sequence[InvitationNote] = (),
                            lang: str = SOURCE) -> discord.Embed:
    """One invitation and its dated, sourced timeline, newest entries kept when it is long;
    with an editor's notes (merges, splits, hidden) under the description."""
    inviter = escape_untrusted(state.inviter.name)
    invitee = escape_untrusted(state.invitee.name)
    embed = discord.Embed(
        title=limits.clip(f"#{state.id} {inviter} → {invitee}", limits.TITLE),
        description=_detail_text(state, notes, lang),
        colour=STATUS_COLOURS[state.status],
    )
    # The tracker's order, numbered: `/correct split` takes an entry by this number.
    timeline = sorted(state.timeline, key=lambda e: (e.at, e.seen_at, e.status.value, e.url or ""))
    fields = [_timeline_field(entry, n, lang) for n, entry in enumerate(timeline, start=1)]
    footer = t(lang, "confidence {share}", share=format_share(state.confidence, lang))
    embed.set_footer(text=footer + (" · " + t(lang, "quiet") if state.quiet else ""))
    if not fields:
        embed.add_field(name=t(lang, "Timeline"), value=t(lang, "No reports recorded."),
                        inline=False)
        return limits.fit_embed(embed)
    # Keep the newest entries: drop the oldest until the fields and the total fit.
    shown = fields[-(limits.FIELDS - 1):]
    while shown:
        candidate = embed.copy()
        hidden = len(fields) - len(shown)
        if hidden:
            candidate.add_field(name=t(lang, "Earlier"),
                                value=tn(lang, "{n} earlier report not shown",
                                         "{n} earlier reports not shown", hidden),
                                inline=False)
        for name, value in shown:
            candidate.add_field(name=name, value=value, inline=False)
        if len(candidate) <= limits.TOTAL or len(shown) == 1:
            return limits.fit_embed(candidate)
        shown = shown[1:]
    return limits.fit_embed(embed)


def _timeline_field(entry: TimelineEntry, number: int, lang: str) -> tuple[str, str]:
    evidence = " ".join(entry.evidence.split())
    value = source_line(entry.outlet, entry.url, None, lang) + f" ({escape_untrusted(entry.lang)})"
    if evidence:
        value += "\n> " + escape_untrusted(limits.clip(evidence, EVIDENCE_IN_TIMELINE))
    name = f"{number}. {format_day(entry.at, lang)} · {status_text(entry.status, lang)}"
    if entry.editorial:
        name += " · " + t(lang, "editorial")
    return limits.clip(name, limits.FIELD_NAME), limits.clip(value, limits.FIELD_VALUE)


def stats_embed(stats: Mapping[str, Any], feeds: Sequence[FeedRecord],
                lang: str = SOURCE) -> discord.Embed:
    embed = discord.Embed(title=t(lang, "invitewatch statistics"), colour=NEUTRAL)
    for key, value in stats.items():
        embed.add_field(name=_humanise(key, lang), value=_render_value(value, lang), inline=True)
    by_state: dict[str, int] = {}
    for feed in feeds:
        by_state[feed.state.value] = by_state.get(feed.state.value, 0) + 1
    embed.add_field(
        name=t(lang, "Feeds"),
        value=", ".join(f"{n} {state}" for state, n in sorted(by_state.items()))
        or t(lang, "none"),
        inline=False,
    )
    return limits.fit_embed(embed)


def _humanise(key: str, lang: str) -> str:
    if key in STAT_LABELS:
        return t(lang, STAT_LABELS[key])
    return key.replace("_", " ").capitalize()


def _label(key: Any, lang: str) -> str:
    if key in Status._value2member_map_:
        return status_text(Status(key), lang)
    if key in OccasionKind._value2member_map_:
        return kind_label(lang, OccasionKind(key))
    return escape_untrusted(str(key))


def _render_value(value: Any, lang: str) -> str:
    if isinstance(value, Mapping):
        lines = [f"{_label(k, lang)}: {v}" for k, v in value.items()]
        return "\n".join(lines) or t(lang, "none")
    if isinstance(value, list | tuple):
        return ", ".join(escape_untrusted(str(v)) for v in value) or t(lang, "none")
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return discord.utils.format_dt(value, "R") if value.tzinfo else escape_untrusted(str(value))
    if value is None:
        return t(lang, "never")
    return escape_untrusted(str(value))


def _feed_line(feed: FeedRecord, lang: str) -> str:
    title = escape_untrusted(feed.title or t(lang, "untitled"))
    articles = tn(lang, "{n} article", "{n} articles", feed.entries_seen)
    line = f"`{feed.state.value}` {title} · {articles} · {feed.origin}\n{bare_url(feed.url)}"
    if feed.state.value == "disabled":
        why = escape_untrusted(limits.clip(feed.disabled_reason or feed.last_error or "?", 150))
        if feed.disabled_at:
            line += "\n  " + t(lang, "not read since {day}: {why} · `/feeds enable` brings it "
                                     "back", day=format_day(feed.disabled_at, lang), why=why)
        else:
            line += "\n  " + t(lang, "not read: {why} · `/feeds enable` brings it back", why=why)
    elif feed.last_error:
        line += "\n  " + t(lang, "last error: {error}",
                           error=escape_untrusted(limits.clip(feed.last_error, 150)))
    return line


def feeds_embed(feeds: Sequence[FeedRecord], lang: str = SOURCE) -> discord.Embed:
    embed = discord.Embed(title=t(lang, "Feeds ({count})", count=len(feeds)), colour=NEUTRAL)
    lines = [_feed_line(feed, lang) for feed in feeds]
    text = ""
    for index, line in enumerate(lines):
        rest = len(lines) - index
        if len(text) + len(line) + 60 > limits.DESCRIPTION:
            text += "\n" + t(lang, "… and {count} more", count=rest)
            break
        text += ("\n" if text else "") + line
    embed.description = text or t(lang, "No feeds. Add one with `/feeds add <url>`.")
    return limits.fit_embed(embed)


def guild_settings_text(settings: GuildSettings, figure_names: Mapping[str, str] | None = None,
                        lang: str = SOURCE) -> str:
    """The server's notification settings, as admins see them in /setup and /config show."""
    names = figure_names or {}
    forbidden = " " + t(lang, "(no permission)")
    channels = ", ".join(f"<#{c}>" + (forbidden if c in settings.forbidden_channels else "")
                         for c in settings.channel_ids) or t(lang, "none (run /setup channel)")
    any_ = t(lang, "any")
    figures = ", ".join(escape_untrusted(names.get(k, k)) for k in settings.figure_keys) or any_
    statuses = ", ".join(s.value for s in settings.statuses) or any_
    languages = ", ".join(settings.languages) or any_
    role = f"<@&{settings.mention_role_id}>" if settings.mention_role_id else t(lang, "none")
    bot_language = (t(lang, "auto (the server's language)") if settings.language == "auto"
                    else settings.language)
    return "\n".join([
        t(lang, "Channels: {channels}", channels=channels),
        t(lang, "Figures: {figures}", figures=figures),
        t(lang, "Statuses: {statuses}", statuses=statuses),
        t(lang, "Languages: {languages}", languages=languages),
        t(lang, "Minimum confidence: {value}", value=f"{settings.min_confidence:.2f}"),
        t(lang, "Role to mention: {role}", role=role),
        t(lang, "Bot language: {language}", language=bot_language),
    ])


def config_embed(snapshot: Mapping[str, object], settings: GuildSettings,
                 subscriptions: int | None = None, lang: str = SOURCE) -> discord.Embed:
    embed = discord.Embed(title=t(lang, "Configuration"), colour=NEUTRAL)
    embed.add_field(name=t(lang, "This server"), value=guild_settings_text(settings, None, lang),
                    inline=False)
    if subscriptions is not None:
        embed.add_field(name=t(lang, "Subscriptions"), inline=False,
                        value=t(lang, "{count} (`/subscriptions` lists them)",
                                count=subscriptions))
    rendered = json.dumps(snapshot, indent=1, sort_keys=True, default=str)
    body = limits.clip(rendered.replace("```", "'''"), limits.DESCRIPTION - 20)
    embed.description = f"```json\n{body}\n```"
    return limits.fit_embed(embed)


CHANNEL_KIND_LABELS = {"announcement": N_("announcement channel"), "thread": N_("thread"),
                       "forum": N_("forum")}
STYLE_LABELS = {"embed": N_("full embed"), "compact": N_("compact line"),
                "thread": N_("a thread per invitation")}


def _subscription_head(sub: Subscription, lang: str) -> str:
    kind = CHANNEL_KIND_LABELS.get(sub.channel_kind.value)
    where = f"<#{sub.channel_id}>" + (f" ({t(lang, kind)})" if kind else "")
    style = (t(lang, "a forum post per invitation") if sub.channel_kind.value == "forum"
             else t(lang, STYLE_LABELS[sub.style.value]))
    return (f"**#{sub.id}** {where} · {style}"
            + (" · " + t(lang, "from /setup") if sub.origin == "setup" else "")
            + (" · ⚠️ " + t(lang, "no permission to post") if sub.forbidden_at is not None
               else ""))


def subscription_text(sub: Subscription, figure_names: Mapping[str, str] | None = None,
                      lang: str = SOURCE) -> str:
    """One subscription as admins see it in /subscribe and /subscriptions. Codes an admin
    types (statuses, categories, sources, countries) are shown as typed, in any language."""
    names = figure_names or {}
    filters = [
        (N_("figures: {value}"),
         ", ".join(escape_untrusted(names.get(k, k)) for k in sub.figure_keys)),
        (N_("countries: {value}"), ", ".join(sub.countries)),
        (N_("categories: {value}"), ", ".join(sub.categories)),
        (N_("statuses: {value}"), ", ".join(s.value for s in sub.statuses)),
        (N_("languages: {value}"), ", ".join(sub.languages)),
        (N_("sources: {value}"), ", ".join(sub.source_kinds)),
        (N_("min confidence: {value}"),
         f"{sub.min_confidence:.2f}" if sub.min_confidence else ""),
    ]
    shown = [t(lang, label, value=value) for label, value in filters if value]
    parts = [_subscription_head(sub, lang),
             " · ".join(shown) if shown else t(lang, "every invitation")]
    if sub.mention_role_id:
        parts.append(t(lang, "pings {role}", role=f"<@&{sub.mention_role_id}>"))
    return "\n".join(parts)


def subscriptions_embed(subs: Sequence[Subscription], page: Page,
                        lang: str = SOURCE) -> discord.Embed:
    embed = discord.Embed(title=t(lang, "Subscriptions of this server"), colour=NEUTRAL)
    if not subs:
        embed.description = t(lang, "No subscriptions: nothing is posted in this server. "
                                    "`/subscribe` picks a channel and what to post there.")
    else:
        embed.description = limits.clip(
            "\n\n".join(subscription_text(s, None, lang) for s in subs), limits.DESCRIPTION)
    embed.set_footer(text=page.describe(lang) + " · "
                     + t(lang, "/unsubscribe <number> removes one"))
    return limits.fit_embed(embed)
