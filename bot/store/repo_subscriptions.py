"""Subscriptions: a server's channels, each with its own filters, role and style (issue 12).

/setup's settings (`guild_settings`) stay the server's default: every channel they list is
one subscription of origin "setup", kept in step by `sync_setup_subscriptions` whenever
the settings are saved, so /setup and /subscribe never disagree about where posts go.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlmodel import col

from bot.domain import Status
from bot.store.api import (
    ORIGIN_SETUP,
    ChannelKind,
    DeliveryState,
    GuildSettings,
    Subscription,
    SubscriptionStyle,
)
from bot.store.codec import dump_json, load_json
from bot.store.convert import enum_value
from bot.store.repo_base import RepoBase, require_text
from bot.store.tables import DeliveryRow, GuildSettingsRow, SubscriptionRow
from bot.store.types import require_aware

_LISTS = ("figure_keys", "countries", "categories", "languages", "source_kinds")


def subscription_of(row: SubscriptionRow) -> Subscription:
    what = f"subscription {row.id}"
    lists = {name: [str(x) for x in load_json(getattr(row, name), f"{what} ({name})", [])]
             for name in _LISTS}
    return Subscription(
        id=row.id, guild_id=row.guild_id, channel_id=row.channel_id,
        channel_kind=enum_value(ChannelKind, row.channel_kind, what),
        style=enum_value(SubscriptionStyle, row.style, what),
        statuses=[enum_value(Status, x, what) for x in load_json(row.statuses, what, [])],
        min_confidence=row.min_confidence, mention_role_id=row.mention_role_id,
        origin=row.origin, forbidden_at=row.forbidden_at, created_by=row.created_by,
        created_at=row.created_at, **lists)


def fill_subscription_row(row: SubscriptionRow, sub: Subscription) -> SubscriptionRow:
    what = f"subscription of guild {sub.guild_id}"
    row.guild_id = require_text(str(sub.guild_id), "guild id")
    row.channel_id = require_text(str(sub.channel_id), "channel id")
    row.channel_kind = enum_value(ChannelKind, sub.channel_kind, what).value
    row.style = enum_value(SubscriptionStyle, sub.style, what).value
    for name in _LISTS:
        setattr(row, name, dump_json([str(x) for x in getattr(sub, name)], what))
    row.statuses = dump_json([enum_value(Status, s, what).value for s in sub.statuses], what)
    row.min_confidence = float(sub.min_confidence)
    row.mention_role_id = sub.mention_role_id
    row.origin = sub.origin
    row.forbidden_at = (require_aware(sub.forbidden_at, "forbidden_at")
                        if sub.forbidden_at is not None else None)
    row.created_by = sub.created_by
    return row


class SubscriptionRepository(RepoBase):
    def add_subscription(self, subscription: Subscription, now: datetime) -> Subscription:
        row = fill_subscription_row(SubscriptionRow(guild_id=subscription.guild_id,
                                                    channel_id=subscription.channel_id,
                                                    created_at=require_aware(now, "now")),
                                    subscription)
        self.session.add(row)
        self.session.flush()
        return subscription_of(row)

    def get_subscription(self, subscription_id: int) -> Subscription | None:
        if not self.id_in_range(subscription_id):
            return None
        row = self.session.get(SubscriptionRow, subscription_id)
        return subscription_of(row) if row is not None else None

    def subscriptions(self, guild_id: str | None = None) -> list[Subscription]:
        return [subscription_of(r) for r in self._rows(guild_id)]

    def count_subscriptions(self, guild_id: str) -> int:
        return int(self.session.scalar(
            select(func.count()).select_from(SubscriptionRow)
            .where(col(SubscriptionRow.guild_id) == str(guild_id))) or 0)

    def remove_subscription(self, subscription_id: int) -> Subscription | None:
        if not self.id_in_range(subscription_id):
            return None
        row = self.session.get(SubscriptionRow, subscription_id)
        if row is None:
            return None
        removed = subscription_of(row)
        self.session.delete(row)
        self.session.flush()
        if removed.origin == ORIGIN_SETUP:
            self._forget_setup_channel(removed.guild_id, removed.channel_id)
        # What was still to be posted there is closed, with the reason, not left pending.
        self.session.execute(
            update(DeliveryRow)
            .where(col(DeliveryRow.target) == removed.target,
                   col(DeliveryRow.state) == DeliveryState.PENDING.value)
            .values(state=DeliveryState.FAILED.value,
                    last_error=f"subscription {subscription_id} was removed"))
        return removed

    def mark_channel_forbidden(self, guild_id: str, channel_id: str, now: datetime) -> bool:
        marked = False
        for row in self._rows(guild_id, channel_id):
            if row.forbidden_at is None:
                row.forbidden_at = require_aware(now, "now")
                marked = True
        settings_row = self.session.get(GuildSettingsRow, str(guild_id))
        if settings_row is not None:
            forbidden = load_json(settings_row.forbidden_channels, "forbidden channels", {})
            channels = load_json(settings_row.channel_ids, "channel ids", [])
            if channel_id in channels and channel_id not in forbidden:
                forbidden[channel_id] = now.isoformat()
                settings_row.forbidden_channels = dump_json(forbidden, "forbidden channels")
        self.session.flush()
        return marked

    def clear_channel_forbidden(self, guild_id: str, channel_id: str) -> None:
        """An admin has just (re)chosen the channel: try posting there again."""
        for row in self._rows(guild_id, channel_id):
            row.forbidden_at = None
        settings_row = self.session.get(GuildSettingsRow, str(guild_id))
        if settings_row is not None:
            forbidden = load_json(settings_row.forbidden_channels, "forbidden channels", {})
            if forbidden.pop(channel_id, None) is not None:
                settings_row.forbidden_channels = dump_json(forbidden, "forbidden channels")
        self.session.flush()

    def drop_channel(self, guild_id: str, channel_id: str) -> int:
        rows = self._rows(guild_id, channel_id)
        for row in rows:
            self.session.delete(row)
        self.session.flush()
        self._forget_setup_channel(guild_id, channel_id)
        return len(rows)

    # -- /setup's subscriptions ----------------------------------------------------
    def sync_setup_subscriptions(self, settings: GuildSettings) -> None:
        """One "setup" subscription per channel of the settings, with their filters, role
        and forbidden marks; setup subscriptions of channels no longer listed go."""
        existing = {r.channel_id: r for r in self._rows(settings.guild_id)
                    if r.origin == ORIGIN_SETUP}
        for channel_id in settings.channel_ids:
            row = existing.pop(channel_id, None)
            if row is None:
                # /setup has no clock argument to pass down; creation time is bookkeeping.
                row = SubscriptionRow(guild_id=settings.guild_id, channel_id=channel_id,
                                      created_at=datetime.now(UTC))
                self.session.add(row)
            fill_subscription_row(row, self._from_settings(settings, channel_id, row))
        for row in existing.values():
            self.session.delete(row)
        self.session.flush()

    @staticmethod
    def _from_settings(settings: GuildSettings, channel_id: str,
                       row: SubscriptionRow) -> Subscription:
        kind = ChannelKind(row.channel_kind) if row.channel_kind else ChannelKind.TEXT
        return Subscription(
            guild_id=settings.guild_id, channel_id=channel_id, channel_kind=kind,
            style=SubscriptionStyle(row.style) if row.style else SubscriptionStyle.EMBED,
            figure_keys=list(settings.figure_keys), statuses=list(settings.statuses),
            languages=list(settings.languages), min_confidence=settings.min_confidence,
            mention_role_id=settings.mention_role_id, origin=ORIGIN_SETUP,
            forbidden_at=settings.forbidden_channels.get(channel_id),
            created_by=row.created_by or "setup")

    def _forget_setup_channel(self, guild_id: str, channel_id: str) -> None:
        row = self.session.get(GuildSettingsRow, str(guild_id))
        if row is None:
            return
        channels = [c for c in load_json(row.channel_ids, "channel ids", []) if c != channel_id]
        forbidden = load_json(row.forbidden_channels, "forbidden channels", {})
        forbidden.pop(channel_id, None)
        row.channel_ids = dump_json(channels, "channel ids")
        row.forbidden_channels = dump_json(forbidden, "forbidden channels")
        self.session.flush()

    def _rows(self, guild_id: str | None, channel_id: str | None = None) -> list[SubscriptionRow]:
        statement = select(SubscriptionRow).order_by(col(SubscriptionRow.id))
        if guild_id is not None:
            statement = statement.where(col(SubscriptionRow.guild_id) == str(guild_id))
        if channel_id is not None:
            statement = statement.where(col(SubscriptionRow.channel_id) == str(channel_id))
        return list(self.session.scalars(statement).all())

