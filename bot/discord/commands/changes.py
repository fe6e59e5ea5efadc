"""The changes the admin commands make, as plain functions of one store transaction: no
Discord objects, so each can be tested with a store alone. Every change is audited in the
same transaction as the change itself; the commands around them parse, check permissions
and word the answer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.discord.arguments import UserInputError
from bot.domain import Status
from bot.store.api import FeedRecord, FeedState, GuildSettings, Subscription, Unit


def settings_detail(settings: GuildSettings) -> dict[str, Any]:
    """A JSON-friendly picture of a server's settings for the audit log."""
    return {
        "channel_ids": list(settings.channel_ids),
        "figure_keys": list(settings.figure_keys),
        "statuses": [s.value for s in settings.statuses],
        "languages": list(settings.languages),
        "min_confidence": settings.min_confidence,
        "mention_role_id": settings.mention_role_id,
        "language": settings.language,
    }


@dataclass(frozen=True)
class Who:
    """Who makes a change, where and when: what the audit log records."""

    actor: str
    guild_id: str
    now: datetime


def set_channel(unit: Unit, who: Who, channel_id: str, *, remove: bool) -> GuildSettings:
    """Post in `channel_id` (appended last), or stop posting there; either way the channel's
    remembered "forbidden" mark is dropped, as the admin has just looked at it."""
    settings = unit.guild_settings(who.guild_id)
    before = settings_detail(settings)
    channels = [c for c in settings.channel_ids if c != channel_id]
    if not remove:
        channels.append(channel_id)
    forbidden = {c: t for c, t in settings.forbidden_channels.items() if c != channel_id}
    updated = replace(settings, channel_ids=channels, forbidden_channels=forbidden)
    unit.save_guild_settings(updated)
    unit.audit(actor=who.actor, guild_id=who.guild_id,
               action="setup.channel.remove" if remove else "setup.channel.add",
               detail={"channel_id": channel_id, "before": before,
                       "after": settings_detail(updated)},
               now=who.now)
    return updated


@dataclass(frozen=True)
class FilterChange:
    """The filters to change; None leaves one as it is."""

    figure_keys: list[str] | None = None
    statuses: list[Status] | None = None
    languages: list[str] | None = None
    min_confidence: float | None = None
    mention_role_id: str | None = None
    clear_role: bool = False

    def is_empty(self) -> bool:
        return not self.clear_role and all(
            v is None for v in (self.figure_keys, self.statuses, self.languages,
                                self.min_confidence, self.mention_role_id))


def set_filters(unit: Unit, who: Who, change: FilterChange) -> GuildSettings:
    settings = unit.guild_settings(who.guild_id)
    before = settings_detail(settings)
    updated = replace(settings)
    if change.figure_keys is not None:
        updated.figure_keys = list(change.figure_keys)
    if change.statuses is not None:
        updated.statuses = list(change.statuses)
    if change.languages is not None:
        updated.languages = list(change.languages)
    if change.min_confidence is not None:
        updated.min_confidence = change.min_confidence
    if change.mention_role_id is not None:
        updated.mention_role_id = change.mention_role_id
    if change.clear_role:
        updated.mention_role_id = None
    unit.save_guild_settings(updated)
    unit.audit(actor=who.actor, guild_id=who.guild_id, action="setup.filters",
               detail={"before": before, "after": settings_detail(updated)}, now=who.now)
    return updated


def set_language(unit: Unit, who: Who, language: str) -> GuildSettings:
    """The language of the bot's messages in the server: a code, or "auto" (its locale)."""
    settings = unit.guild_settings(who.guild_id)
    before = settings.language
    updated = replace(settings, language=language)
    unit.save_guild_settings(updated)
    unit.audit(actor=who.actor, guild_id=who.guild_id, action="setup.language",
               detail={"before": before, "after": language}, now=who.now)
    return updated


def subscription_detail(sub: Subscription) -> dict[str, Any]:
    """A JSON-friendly picture of a subscription for the audit log."""
    return {"id": sub.id, "channel_id": sub.channel_id, "channel_kind": sub.channel_kind.value,
            "style": sub.style.value, "figure_keys": list(sub.figure_keys),
            "countries": list(sub.countries), "categories": list(sub.categories),
            "statuses": [s.value for s in sub.statuses], "languages": list(sub.languages),
            "min_confidence": sub.min_confidence, "source_kinds": list(sub.source_kinds),
            "mention_role_id": sub.mention_role_id, "origin": sub.origin}


def _same_choice(a: Subscription, b: Subscription) -> bool:
    """The same channel, style, filters and role: subscribing again adds nothing."""
    keys = ("channel_id", "style", "figure_keys", "countries", "categories", "statuses",
            "languages", "min_confidence", "source_kinds", "mention_role_id")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def subscribe(unit: Unit, who: Who, wanted: Subscription, *,
              cap: int) -> tuple[Subscription, bool]:
    """(the subscription, whether it is new). The same subscription asked for again is not
    duplicated: its channel is tried again (an admin fixing permissions re-runs it)."""
    existing = unit.subscriptions(who.guild_id)
    for sub in existing:
        if _same_choice(sub, wanted):
            unit.clear_channel_forbidden(who.guild_id, sub.channel_id)
            return replace(sub, forbidden_at=None), False
    if len(existing) >= cap:
        raise UserInputError("This server already has {count} subscriptions, the most "
                             "allowed ({cap}). `/unsubscribe` one, or widen the filters of "
                             "another, to make room.", count=len(existing), cap=cap)
    sub = unit.add_subscription(replace(wanted, guild_id=who.guild_id, created_by=who.actor),
                                who.now)
    unit.clear_channel_forbidden(who.guild_id, sub.channel_id)
    unit.audit(actor=who.actor, guild_id=who.guild_id, action="subscribe",
               detail=subscription_detail(sub), now=who.now)
    return sub, True


def unsubscribe(unit: Unit, who: Who, subscription_id: int) -> Subscription:
    """Remove one of this server's subscriptions (UserInputError for another's or none)."""
    sub = unit.get_subscription(subscription_id)
    if sub is None or sub.guild_id != who.guild_id:
        raise UserInputError("This server has no subscription #{id}. "
                             "`/subscriptions` lists them with their numbers.",
                             id=subscription_id)
    unit.remove_subscription(subscription_id)
    unit.audit(actor=who.actor, guild_id=who.guild_id, action="unsubscribe",
               detail=subscription_detail(sub), now=who.now)
    return sub


def add_feed(unit: Unit, who: Who, url: str) -> FeedRecord | None:
    """The feed added; None when it was already read (nothing changes then)."""
    if unit.get_feed(url) is not None:
        return None
    record = unit.add_feed(url, origin="user", now=who.now)
    unit.audit(actor=who.actor, guild_id=who.guild_id, action="feeds.add",
               detail={"url": url}, now=who.now)
    return record


def remove_feed(unit: Unit, who: Who, url: str) -> FeedRecord | None:
    """The feed removed (its articles and invitations stay); None when there was none."""
    record = unit.get_feed(url)
    if record is None:
        return None
    unit.remove_feed(record.url)
    unit.audit(actor=who.actor, guild_id=who.guild_id, action="feeds.remove",
               detail={"url": record.url, "origin": record.origin}, now=who.now)
    return record


def enable_feed(unit: Unit, who: Who, url: str) -> tuple[FeedRecord | None, FeedRecord | None]:
    """(the feed before, after); after is None when the feed is unknown or not disabled."""
    before = unit.get_feed(url)
    if before is None or before.state != FeedState.DISABLED:
        return before, None
    after = unit.enable_feed(before.url, now=who.now)
    unit.audit(actor=who.actor, guild_id=who.guild_id, action="feeds.enable",
               detail={"url": before.url, "was": before.disabled_reason}, now=who.now)
    return before, after


def disable_feed(unit: Unit, who: Who, url: str) -> FeedRecord | None:
    """The feed, disabled by hand (unchanged if it already was); None when unknown."""
    record = unit.get_feed(url)
    if record is None or record.state == FeedState.DISABLED:
        return record
    unit.audit(actor=who.actor, guild_id=who.guild_id, action="feeds.disable",
               detail={"url": record.url}, now=who.now)
    return unit.disable_feed(record.url, reason=f"disabled by hand ({who.actor})", now=who.now)
