"""What a human correction does to the records: pure, `now` is an argument.

An editor can merge two records, split a timeline entry off into a record of its own, and
set a status with a note. Each is expressed as tracker outcomes, so the store saves them as
it saves any report's, and they are announced like any status change: a STATUS
notification when a record's status changes (a split-off record is announced as NEW).
Hiding a false record changes no status and lives in the store alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.domain import (
    InvitationState,
    Notification,
    NotificationKind,
    Status,
    TimelineEntry,
    TrackOutcome,
)
from bot.errors import InvitewatchError
from bot.tracker.notifications import snapshot
from bot.tracker.occasion import merge_occasions
from bot.tracker.status import entry_order, resolve_status


class CorrectionError(InvitewatchError, ValueError):
    """A correction that cannot be made as asked (the message says why)."""


def editorial_entry(status: Status, note: str, actor: str, now: datetime) -> TimelineEntry:
    """The timeline entry of an editor's status: dated now, sourced to the editor."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise CorrectionError(f"now must be a timezone-aware datetime, got naive {now!r}")
    if not note.strip():
        raise CorrectionError("a status correction needs a note saying why")
    return TimelineEntry(at=now, status=status, url=None, outlet=f"editor: {actor}", lang="",
                         evidence=" ".join(note.split()), confidence=1.0, seen_at=now,
                         editorial=True)


def set_status(invitation: InvitationState, status: Status, note: str, actor: str,
               now: datetime) -> TrackOutcome:
    """The record with an editorial entry setting `status`; announced when it changes."""
    entry = editorial_entry(status, note, actor, now)
    return _restated(invitation, [*invitation.timeline, entry], invitation, now, entry=entry)


def merge(keep: InvitationState, other: InvitationState, now: datetime) -> TrackOutcome:
    """`keep` holding both timelines (every entry and source kept), its occasion refined by
    the other's; the status is resolved anew, announced only when it differs from both
    records' (what was already announced for either is not news)."""
    if keep.id is not None and keep.id == other.id:
        raise CorrectionError(f"cannot merge record #{keep.id} with itself")
    timeline = [*keep.timeline, *other.timeline]
    occasion = merge_occasions(keep.occasion, other.occasion)
    merged = replace(keep, occasion=occasion, first_seen=min(keep.first_seen, other.first_seen))
    outcome = _restated(merged, timeline, keep, now, entry=None)
    if outcome.invitation.status == other.status:
        outcome = replace(outcome, notifications=())
    return outcome


def split(invitation: InvitationState, position: int, now: datetime
          ) -> tuple[TrackOutcome, TrackOutcome]:
    """Take the timeline entry at `position` (1-based, in timeline order) off into a record
    of its own (same parties and occasion, id None): the rest restated, the new record
    announced as NEW."""
    ordered = sorted(invitation.timeline, key=entry_order)
    if not 1 <= position <= len(ordered):
        raise CorrectionError(f"record #{invitation.id} has {len(ordered)} timeline entries; "
                              f"there is no entry {position}")
    if len(ordered) == 1:
        raise CorrectionError(f"record #{invitation.id} has a single timeline entry: "
                              "nothing to split it from")
    taken = ordered[position - 1]
    rest = ordered[: position - 1] + ordered[position:]
    remaining = _restated(invitation, rest, invitation, now, entry=None)
    resolution = resolve_status([taken])
    fresh = replace(invitation, id=None, status=resolution.status,
                    status_at=resolution.status_at, confidence=resolution.confidence,
                    first_seen=now, last_update=now, quiet=False, timeline=[taken],
                    hidden=False)
    opened = TrackOutcome(
        invitation=fresh, is_new=True, entry=taken, status_changed=False,
        notifications=(snapshot(NotificationKind.NEW, fresh, about=taken,
                                previous_status=None, now=now),))
    return remaining, opened


def hide(invitation: InvitationState, hidden: bool, note: str, actor: str, now: datetime
         ) -> TrackOutcome:
    """Hide a false record (or show it again): the record is unchanged but for the flag,
    and the servers that were told of it are told, like a status change. A hidden record
    is announced as HIDDEN with the editor's note as its evidence; one shown again is
    announced afresh (NEW: its earlier post may have been retracted)."""
    updated = replace(invitation, hidden=hidden, last_update=max(invitation.last_update, now))
    kind = NotificationKind.HIDDEN if hidden else NotificationKind.NEW
    notification = replace(
        snapshot(kind, updated, about=None, previous_status=None, now=now),
        evidence=note, outlet=f"editor: {actor}", source_url=None, source_date=now)
    return TrackOutcome(invitation=updated, is_new=False, entry=None, status_changed=False,
                        notifications=(notification,))


def _restated(base: InvitationState, timeline: list[TimelineEntry], before: InvitationState,
              now: datetime, *, entry: TimelineEntry | None) -> TrackOutcome:
    ordered = sorted(timeline, key=entry_order)
    resolution = resolve_status(ordered)
    updated = replace(base, status=resolution.status, status_at=resolution.status_at,
                      confidence=resolution.confidence, last_update=max(base.last_update, now),
                      quiet=False, timeline=ordered)
    changed = updated.status != before.status
    notifications: tuple[Notification, ...] = ()
    if changed and not updated.hidden:
        notifications = (snapshot(NotificationKind.STATUS, updated, about=entry,
                                  previous_status=before.status, now=now),)
    return TrackOutcome(invitation=updated, is_new=False, entry=entry, status_changed=changed,
                        notifications=notifications)
