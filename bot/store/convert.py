"""Rows to the plain dataclasses of the contract, and back. Pure: no session, no queries."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from bot.domain import (
    InvitationState,
    Occasion,
    OccasionKind,
    Party,
    Source,
    Status,
    TimelineEntry,
)
from bot.errors import StoreError
from bot.store.api import Delivery, DeliveryState, FeedRecord, FeedState, GuildSettings, OutboxItem
from bot.store.codec import dump_json, load_json, notification_from_json, parse_aware
from bot.store.tables import (
    DeliveryRow,
    FeedRow,
    GuildSettingsRow,
    InvitationRow,
    OutboxRow,
    TimelineEntryRow,
)
from bot.store.types import require_aware

E = TypeVar("E", bound=StrEnum)


def enum_value(kind: type[E], value: Any, what: str) -> E:
    """`kind(value)`, or a StoreError naming the field: a bad value going in is the caller's
    error, one coming out means the database was written by something else."""
    try:
        return kind(value)
    except ValueError as exc:
        allowed = ", ".join(member.value for member in kind)
        raise StoreError(f"{what}: {value!r} is not a valid {kind.__name__} ({allowed})") from exc


def _stored_id(value: int | None, what: str) -> int:
    if value is None:  # rows handed to these functions have been flushed
        raise StoreError(f"{what} has no id yet")
    return value


def feed_record(row: FeedRow, entries_seen: int) -> FeedRecord:
    return FeedRecord(
        id=_stored_id(row.id, "feed"),
        url=row.url,
        title=row.title,
        lang=row.lang,
        state=enum_value(FeedState, row.state, f"feed {row.id} state"),
        etag=row.etag,
        last_modified=row.last_modified,
        next_poll_at=row.next_poll_at,
        last_polled_at=row.last_polled_at,
        last_success_at=row.last_success_at,
        failure_count=row.failure_count,
        last_error=row.last_error,
        origin=row.origin,
        entries_seen=entries_seen,
        backfilled=row.backfilled,
        removed=row.removed_at is not None,
        disabled_at=row.disabled_at,
        disabled_reason=row.disabled_reason,
    )


def timeline_entry(row: TimelineEntryRow) -> TimelineEntry:
    return TimelineEntry(
        at=row.at,
        status=enum_value(Status, row.status, f"timeline entry {row.id} status"),
        url=row.url,
        outlet=row.outlet,
        lang=row.lang,
        evidence=row.evidence,
        confidence=row.confidence,
        seen_at=row.seen_at,
        editorial=bool(row.editorial),
        vague_kind=(enum_value(OccasionKind, row.vague_kind, f"timeline entry {row.id} kind")
                    if row.vague_kind is not None else None),
        article_id=row.article_id,
    )


def with_article(entry: TimelineEntry, source: Source | None) -> TimelineEntry:
    """`entry` linked to the stored article it came from: the source's when it is the
    report's own (same URL), else the one it already carries (an entry moved from another
    record, or taken from another report)."""
    if source is not None and source.article_id is not None and entry.url == source.url \
            and entry.article_id is None:
        return replace(entry, article_id=source.article_id)
    return entry


def timeline_values(invitation_id: int, entry: TimelineEntry,
                    source: Source | None) -> dict[str, Any]:
    """The row for `entry`; the article id is the source's when the entry came from it,
    else the one the entry carries (see `with_article`)."""
    article_id = with_article(entry, source).article_id
    return {
        "invitation_id": invitation_id,
        "at": require_aware(entry.at, "timeline entry time"),
        "status": enum_value(Status, entry.status, "timeline entry status").value,
        "url": entry.url,
        "outlet": entry.outlet,
        "lang": entry.lang,
        "evidence": entry.evidence,
        "confidence": float(entry.confidence),
        "seen_at": require_aware(entry.seen_at, "timeline entry seen_at"),
        "article_id": article_id,
        "editorial": bool(entry.editorial),
        "vague_kind": entry.vague_kind.value if entry.vague_kind is not None else None,
    }


def _timeline_order(row: TimelineEntryRow) -> tuple[datetime, datetime, str, str, int]:
    # The tracker's display order (event time, then when it was learned, status, URL), so a
    # timeline read back equals the one the tracker built; the row id settles exact ties.
    return (row.at, row.seen_at, row.status, row.url or "", row.id or 0)


def ordered_timeline(rows: Iterable[TimelineEntryRow]) -> list[TimelineEntry]:
    """Event-time order, as the tracker orders a timeline."""
    return [timeline_entry(r) for r in sorted(rows, key=_timeline_order)]


def _party(name: str, figure_id: str | None) -> Party:
    return Party(name=name, figure_id=figure_id)


def invitation_state(row: InvitationRow, timeline: list[TimelineEntry]) -> InvitationState:
    return InvitationState(
        id=_stored_id(row.id, "invitation"),
        inviter=_party(row.inviter_name, row.inviter_figure_id),
        invitee=_party(row.invitee_name, row.invitee_figure_id),
        occasion=Occasion(
            kind=enum_value(OccasionKind, row.occasion_kind, f"invitation {row.id} occasion"),
            place=row.occasion_place,
            text=row.occasion_text,
        ),
        status=enum_value(Status, row.status, f"invitation {row.id} status"),
        status_at=row.status_at,
        first_seen=row.first_seen,
        last_update=row.last_update,
        confidence=row.confidence,
        quiet=row.quiet,
        timeline=timeline,
        hidden=bool(row.hidden),
    )


def invitation_values(state: InvitationState) -> dict[str, Any]:
    """The invitation's column values; validates what the schema cannot (enums, aware times)."""
    return {
        "inviter_key": state.inviter.key,
        "inviter_name": state.inviter.name,
        "inviter_figure_id": state.inviter.figure_id,
        "invitee_key": state.invitee.key,
        "invitee_name": state.invitee.name,
        "invitee_figure_id": state.invitee.figure_id,
        "occasion_kind": enum_value(OccasionKind, state.occasion.kind, "occasion kind").value,
        "occasion_place": state.occasion.place,
        "occasion_text": state.occasion.text,
        "status": enum_value(Status, state.status, "invitation status").value,
        "status_at": require_aware(state.status_at, "invitation status_at"),
        "first_seen": require_aware(state.first_seen, "invitation first_seen"),
        "last_update": require_aware(state.last_update, "invitation last_update"),
        "confidence": float(state.confidence),
        "quiet": bool(state.quiet),
        "hidden": bool(state.hidden),
    }


def outbox_item(row: OutboxRow) -> OutboxItem:
    return OutboxItem(
        id=_stored_id(row.id, "outbox item"),
        notification=notification_from_json(row.payload),
        created_at=row.created_at,
    )


def delivery(row: DeliveryRow, outbox: OutboxRow) -> Delivery:
    return Delivery(
        id=_stored_id(row.id, "delivery"),
        outbox_id=row.outbox_id,
        target=row.target,
        state=enum_value(DeliveryState, row.state, f"delivery {row.id} state"),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        message_id=row.message_id,
        notification=notification_from_json(outbox.payload),
        nonce=delivery_nonce(row),
        attempt_started_at=row.attempt_started_at,
    )


def delivery_nonce(row: DeliveryRow) -> str:
    """A nonce for Discord (at most 25 characters): the same for every attempt of a
    delivery, different for any other delivery, even in another database that reuses the
    ids (the creation time and target go in too). The notifier appends one letter per
    message kind it sends for the delivery."""
    seed = f"{row.id}|{row.target}|{row.created_at.isoformat()}"
    return "iw" + hashlib.sha256(seed.encode()).hexdigest()[:20]


def guild_settings(row: GuildSettingsRow) -> GuildSettings:
    what = f"settings of guild {row.guild_id}"
    forbidden_raw = load_json(row.forbidden_channels, what + " (forbidden_channels)", {})
    forbidden: dict[str, datetime] = {
        str(channel): parse_aware(when, f"{what}: forbidden channel {channel}")
        for channel, when in dict(forbidden_raw).items()
    }
    return GuildSettings(
        guild_id=row.guild_id,
        channel_ids=[str(x) for x in load_json(row.channel_ids, what, [])],
        figure_keys=[str(x) for x in load_json(row.figure_keys, what, [])],
        statuses=[enum_value(Status, x, what) for x in load_json(row.statuses, what, [])],
        languages=[str(x) for x in load_json(row.languages, what, [])],
        min_confidence=row.min_confidence,
        mention_role_id=row.mention_role_id,
        forbidden_channels=forbidden,
        language=row.language or "auto",
    )


def fill_guild_settings_row(row: GuildSettingsRow, settings: GuildSettings) -> GuildSettingsRow:
    what = f"settings of guild {settings.guild_id}"
    statuses = [enum_value(Status, s, what).value for s in settings.statuses]
    row.channel_ids = dump_json([str(x) for x in settings.channel_ids], what)
    row.figure_keys = dump_json([str(x) for x in settings.figure_keys], what)
    row.statuses = dump_json(statuses, what)
    row.languages = dump_json([str(x) for x in settings.languages], what)
    row.min_confidence = float(settings.min_confidence)
    row.mention_role_id = settings.mention_role_id
    if not isinstance(settings.language, str) or not settings.language.strip():
        raise StoreError(f"{what}: language must be a language code or 'auto', "
                         f"got {settings.language!r}")
    row.language = settings.language.strip()
    row.forbidden_channels = dump_json(
        {
            str(channel): require_aware(when, f"{what}: forbidden channel {channel}").isoformat()
            for channel, when in settings.forbidden_channels.items()
        },
        what,
    )
    return row
