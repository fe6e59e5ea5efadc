"""Embeds answering slash commands: pure functions of store data."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import discord

from bot.discord import limits
from bot.discord.embeds import STATUS_COLOURS, format_day, source_line, status_text
from bot.discord.pagination import Page
from bot.discord.safety import bare_url, escape_untrusted
from bot.domain import InvitationState, Status, TimelineEntry
from bot.store.api import FeedRecord, GuildSettings, InvitationNote, Subscription

NEUTRAL = 0x5865F2
EVIDENCE_IN_TIMELINE = 200


def invitation_line(state: InvitationState) -> str:
    inviter = escape_untrusted(state.inviter.name)
    invitee = escape_untrusted(state.invitee.name)
    occasion = escape_untrusted(state.occasion.describe())
    return (f"**#{state.id}** {inviter} → {invitee}: {occasion}\n"
            f"{status_text(state.status)} since {format_day(state.status_at)}"
            f" · {len(state.sources)} source(s)")


def invitation_page_embed(title: str, states: Sequence[InvitationState], page: Page,
                          filters_text: str) -> discord.Embed:
    embed = discord.Embed(title=limits.clip(title, limits.TITLE), colour=NEUTRAL)
    if not states:
        embed.description = "No invitations match." + (f"\n{filters_text}" if filters_text else "")
    else:
        lines: list[str] = []
        budget = limits.DESCRIPTION - 200
        for state in states:
            line = invitation_line(state)
            if sum(len(x) + 2 for x in lines) + len(line) > budget:
                break
            lines.append(line)
        embed.description = "\n\n".join(lines)
        if filters_text:
            embed.description += f"\n\n{filters_text}"
    embed.set_footer(text=f"{page.describe()} · /invitation <id> shows a timeline")
    return limits.fit_embed(embed)


def invitation_detail_embed(state: InvitationState,
                            notes: Sequence[InvitationNote] = ()) -> discord.Embed:
    """One invitation and its dated, sourced timeline, newest entries kept when it is long;
    with an editor's notes (merges, splits, hidden) under the description."""
    inviter = escape_untrusted(state.inviter.name)
    invitee = escape_untrusted(state.invitee.name)
    editorial = "".join(f"\n✏️ {format_day(n.at)} {escape_untrusted(n.text)}" for n in notes)
    embed = discord.Embed(
        title=limits.clip(f"#{state.id} {inviter} → {invitee}", limits.TITLE),
        description=limits.clip(
            f"Occasion: {escape_untrusted(state.occasion.describe())}\n"
            f"Status: {status_text(state.status)} since {format_day(state.status_at)}\n"
            f"First seen {format_day(state.first_seen)}, last update "
            f"{format_day(state.last_update)}\n"
            f"Languages: {', '.join(state.languages) or 'unknown'}"
            + ("\nHidden by an editor as a false record." if state.hidden else "")
            + editorial, limits.DESCRIPTION),
        colour=STATUS_COLOURS[state.status],
    )
    # The tracker's order, numbered: `/correct split` takes an entry by this number.
    timeline = sorted(state.timeline, key=lambda e: (e.at, e.seen_at, e.status.value, e.url or ""))
    fields = [_timeline_field(entry, n) for n, entry in enumerate(timeline, start=1)]
    embed.set_footer(text=f"confidence {state.confidence:.0%}" + (" · quiet" if state.quiet else ""))
    if not fields:
        embed.add_field(name="Timeline", value="No reports recorded.", inline=False)
        return limits.fit_embed(embed)
    # Keep the newest entries: drop the oldest until the fields and the total fit.
    shown = fields[-(limits.FIELDS - 1):]
    while shown:
        candidate = embed.copy()
        hidden = len(fields) - len(shown)
        if hidden:
            candidate.add_field(name="Earlier", value=f"{hidden} earlier report(s) not shown",
                                inline=False)
        for name, value in shown:
            candidate.add_field(name=name, value=value, inline=False)
        if len(candidate) <= limits.TOTAL or len(shown) == 1:
            return limits.fit_embed(candidate)
        shown = shown[1:]
    return limits.fit_embed(embed)


def _timeline_field(entry: TimelineEntry, number: int) -> tuple[str, str]:
    evidence = " ".join(entry.evidence.split())
    value = source_line(entry.outlet, entry.url, None) + f" ({escape_untrusted(entry.lang)})"
    if evidence:
        value += "\n> " + escape_untrusted(limits.clip(evidence, EVIDENCE_IN_TIMELINE))
    name = f"{number}. {format_day(entry.at)} · {status_text(entry.status)}"
    if entry.editorial:
        name += " · editorial"
    return limits.clip(name, limits.FIELD_NAME), limits.clip(value, limits.FIELD_VALUE)


def stats_embed(stats: Mapping[str, Any], feeds: Sequence[FeedRecord]) -> discord.Embed:
    embed = discord.Embed(title="invitewatch statistics", colour=NEUTRAL)
    for key, value in stats.items():
        embed.add_field(name=_humanise(key), value=_render_value(value), inline=True)
    by_state: dict[str, int] = {}
    for feed in feeds:
        by_state[feed.state.value] = by_state.get(feed.state.value, 0) + 1
    embed.add_field(
        name="Feeds",
        value=", ".join(f"{n} {state}" for state, n in sorted(by_state.items())) or "none",
        inline=False,
    )
    return limits.fit_embed(embed)


def _humanise(key: str) -> str:
    return key.replace("_", " ").capitalize()


def _render_value(value: Any) -> str:
    if isinstance(value, Mapping):
        lines = []
        for k, v in value.items():
            label = status_text(Status(k)) if k in Status._value2member_map_ else escape_untrusted(str(k))
            lines.append(f"{label}: {v}")
        return "\n".join(lines) or "none"
    if isinstance(value, list | tuple):
        return ", ".join(escape_untrusted(str(v)) for v in value) or "none"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return discord.utils.format_dt(value, "R") if value.tzinfo else escape_untrusted(str(value))
    if value is None:
        return "never"
    return escape_untrusted(str(value))


def feeds_embed(feeds: Sequence[FeedRecord]) -> discord.Embed:
    embed = discord.Embed(title=f"Feeds ({len(feeds)})", colour=NEUTRAL)
    lines = []
    for feed in feeds:
        title = escape_untrusted(feed.title or "untitled")
        line = (f"`{feed.state.value}` {title} · {feed.entries_seen} articles · {feed.origin}\n"
                f"{bare_url(feed.url)}")
        if feed.state.value == "disabled":
            since = f" since {feed.disabled_at:%Y-%m-%d}" if feed.disabled_at else ""
            why = escape_untrusted(limits.clip(feed.disabled_reason or feed.last_error or "?", 150))
            line += f"\n  not read{since}: {why} · `/feeds enable` brings it back"
        elif feed.last_error:
            line += f"\n  last error: {escape_untrusted(limits.clip(feed.last_error, 150))}"
        lines.append(line)
    text = ""
    for index, line in enumerate(lines):
        rest = len(lines) - index
        if len(text) + len(line) + 60 > limits.DESCRIPTION:
            text += f"\n… and {rest} more"
            break
        text += ("\n" if text else "") + line
    embed.description = text or "No feeds. Add one with `/feeds add <url>`."
    return limits.fit_embed(embed)


def guild_settings_text(settings: GuildSettings, figure_names: Mapping[str, str] | None = None) -> str:
    """The server's notification settings, as admins see them in /setup and /config show."""
    names = figure_names or {}
    channels = ", ".join(f"<#{c}>" + (" (no permission)" if c in settings.forbidden_channels else "")
                         for c in settings.channel_ids) or "none (run /setup channel)"
    figures = ", ".join(escape_untrusted(names.get(k, k)) for k in settings.figure_keys) or "any"
    statuses = ", ".join(s.value for s in settings.statuses) or "any"
    languages = ", ".join(settings.languages) or "any"
    role = f"<@&{settings.mention_role_id}>" if settings.mention_role_id else "none"
    return (f"Channels: {channels}\nFigures: {figures}\nStatuses: {statuses}\n"
            f"Languages: {languages}\nMinimum confidence: {settings.min_confidence:.2f}\n"
            f"Role to mention: {role}")


def config_embed(snapshot: Mapping[str, object], settings: GuildSettings,
                 subscriptions: int | None = None) -> discord.Embed:
    embed = discord.Embed(title="Configuration", colour=NEUTRAL)
    embed.add_field(name="This server", value=guild_settings_text(settings), inline=False)
    if subscriptions is not None:
        embed.add_field(name="Subscriptions", inline=False,
                        value=f"{subscriptions} (`/subscriptions` lists them)")
    rendered = json.dumps(snapshot, indent=1, sort_keys=True, default=str)
    body = limits.clip(rendered.replace("```", "'''"), limits.DESCRIPTION - 20)
    embed.description = f"```json\n{body}\n```"
    return limits.fit_embed(embed)


def subscription_text(sub: Subscription, figure_names: Mapping[str, str] | None = None) -> str:
    """One subscription as admins see it in /subscribe and /subscriptions."""
    names = figure_names or {}
    where = f"<#{sub.channel_id}>" + (f" ({sub.channel_kind.value})"
                                      if sub.channel_kind.value != "text" else "")
    style = "a forum post per invitation" if sub.channel_kind.value == "forum" else sub.style.value
    parts = [f"**#{sub.id}** {where} · {style}"
             + (" · from /setup" if sub.origin == "setup" else "")
             + (" · ⚠️ no permission to post" if sub.forbidden_at is not None else "")]
    filters = [
        ("figures", ", ".join(escape_untrusted(names.get(k, k)) for k in sub.figure_keys)),
        ("countries", ", ".join(sub.countries)),
        ("categories", ", ".join(sub.categories)),
        ("statuses", ", ".join(s.value for s in sub.statuses)),
        ("languages", ", ".join(sub.languages)),
        ("sources", ", ".join(sub.source_kinds)),
        ("min confidence", f"{sub.min_confidence:.2f}" if sub.min_confidence else ""),
    ]
    shown = [f"{name}: {value}" for name, value in filters if value]
    parts.append(" · ".join(shown) if shown else "every invitation")
    if sub.mention_role_id:
        parts.append(f"pings <@&{sub.mention_role_id}>")
    return "\n".join(parts)


def subscriptions_embed(subs: Sequence[Subscription], page: Page) -> discord.Embed:
    embed = discord.Embed(title="Subscriptions of this server", colour=NEUTRAL)
    if not subs:
        embed.description = ("No subscriptions: nothing is posted in this server. "
                             "`/subscribe` picks a channel and what to post there.")
    else:
        embed.description = limits.clip("\n\n".join(subscription_text(s) for s in subs),
                                        limits.DESCRIPTION)
    embed.set_footer(text=f"{page.describe()} · /unsubscribe <number> removes one")
    return limits.fit_embed(embed)
