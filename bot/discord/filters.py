"""Which servers and channels want a notification: pure, so the rules are tested on data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from bot.domain import PLATFORM_NAMES, Notification, Party, Status
from bot.store.api import Subscription

TARGET_PREFIX = "discord"


FigureFacts = Callable[[str], "tuple[str | None, str | None]"]
"""A gazetteer figure id -> (ISO country code, category); (None, None) when unknown."""


def no_facts(_figure_id: str) -> tuple[str | None, str | None]:
    return None, None


@dataclass(frozen=True, slots=True)
class ChannelTarget:
    guild_id: str
    channel_id: str
    # None only for a target planned before subscriptions existed (`discord:<g>:<c>`).
    subscription_id: int | None = None

    def __str__(self) -> str:
        base = f"{TARGET_PREFIX}:{self.guild_id}:{self.channel_id}"
        return base if self.subscription_id is None else f"{base}:{self.subscription_id}"


def parse_target(target: str) -> ChannelTarget:
    """`discord:<guild_id>:<channel_id>:<subscription_id>` (or the older form without the
    subscription) -> ChannelTarget; ValueError for anything else."""
    parts = target.split(":")
    if len(parts) not in (3, 4) or parts[0] != TARGET_PREFIX \
            or not all(p.isdigit() for p in parts[1:]):
        raise ValueError(f"not a Discord channel target: {target!r} "
                         f"(expected '{TARGET_PREFIX}:<guild id>:<channel id>:<subscription id>')")
    return ChannelTarget(parts[1], parts[2], int(parts[3]) if len(parts) == 4 else None)


def figure_keys(notification: Notification) -> set[str]:
    """The Party keys of both figures, as guild filters store them."""
    return {
        Party(notification.inviter, notification.inviter_id).key,
        Party(notification.invitee, notification.invitee_id).key,
    }


_PLATFORM_BY_NAME = {name.casefold(): key for key, name in PLATFORM_NAMES.items()}


def source_kind(notification: Notification) -> str:
    """"news", or the platform of a post ("bluesky", "telegram", ...): a post's source is
    named "post by @handle on <Platform>" (`Article.source_label`)."""
    outlet = notification.outlet or ""
    if outlet.startswith("post by ") and " on " in outlet:
        name = outlet.rsplit(" on ", 1)[1].strip().casefold()
        return _PLATFORM_BY_NAME.get(name, name)
    return "news"


class Filters(Protocol):
    """What /setup's settings and a subscription both filter on."""

    figure_keys: list[str]
    statuses: list[Status]
    languages: list[str]
    min_confidence: float


def wants(settings: Filters, notification: Notification) -> bool:
    """Does this server's filter let the notification through? Empty filters let all through."""
    if settings.figure_keys and not figure_keys(notification) & set(settings.figure_keys):
        return False
    if settings.statuses and notification.status not in settings.statuses:
        return False
    if settings.languages:
        wanted = {lang.casefold() for lang in settings.languages}
        if not wanted & {lang.casefold() for lang in notification.languages}:
            return False
    return notification.confidence >= settings.min_confidence


@dataclass(frozen=True, slots=True)
class Traits:
    """What subscriptions filter on, worked out once per notification (not per
    subscription: a notification is matched against every server's subscriptions)."""

    keys: frozenset[str]
    languages: frozenset[str]
    countries: frozenset[str]
    categories: frozenset[str]
    source: str

    @classmethod
    def of(cls, notification: Notification, facts: FigureFacts = no_facts) -> Traits:
        known = [facts(f) for f in (notification.inviter_id, notification.invitee_id) if f]
        return cls(keys=frozenset(figure_keys(notification)),
                   languages=frozenset(lang.casefold() for lang in notification.languages),
                   countries=frozenset(c.upper() for c, _ in known if c),
                   categories=frozenset(k for _, k in known if k),
                   source=source_kind(notification))


def _passes(sub: Subscription, notification: Notification, traits: Traits) -> bool:
    if sub.figure_keys and traits.keys.isdisjoint(sub.figure_keys):
        return False
    if sub.statuses and notification.status not in sub.statuses:
        return False
    if sub.languages and traits.languages.isdisjoint(x.casefold() for x in sub.languages):
        return False
    if notification.confidence < sub.min_confidence:
        return False
    if sub.countries and traits.countries.isdisjoint(sub.countries):
        return False
    if sub.categories and traits.categories.isdisjoint(sub.categories):
        return False
    return not sub.source_kinds or traits.source in sub.source_kinds


def subscription_wants(sub: Subscription, notification: Notification,
                       facts: FigureFacts = no_facts) -> bool:
    """A subscription's filters: /setup's (`wants`), plus countries and categories of
    either figure (from the gazetteer) and the kind of source that reported it."""
    return _passes(sub, notification, Traits.of(notification, facts))


def subscription_targets(notification: Notification, subscriptions: Iterable[Subscription],
                         facts: FigureFacts = no_facts) -> list[str]:
    """One target per subscription that wants the notification.

    A subscription whose channel is marked forbidden (the bot got a 403 there) is skipped
    until an admin chooses the channel again, so one missing permission does not cause a
    403 per post.
    """
    traits = Traits.of(notification, facts)
    targets: dict[str, None] = {}  # ordered, and a set for the duplicate check
    for sub in subscriptions:
        if sub.id is None or sub.forbidden_at is not None:
            continue
        if _passes(sub, notification, traits):
            targets.setdefault(sub.target)
    return list(targets)
