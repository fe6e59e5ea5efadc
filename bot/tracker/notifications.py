"""Building notifications: complete snapshots of an invitation, so delivery needs no joins."""

from __future__ import annotations

from datetime import datetime

from bot.domain import (
    InvitationState,
    Notification,
    NotificationKind,
    Status,
    TimelineEntry,
)


def snapshot(
    kind: NotificationKind,
    invitation: InvitationState,
    *,
    about: TimelineEntry | None,
    previous_status: Status | None,
    now: datetime,
) -> Notification:
    """A notification of `kind` for the invitation's current state.

    `about` is the entry the notification is about (its source, date and quote are shown);
    None falls back to the newest entry carrying the current status.
    """
    entry = about or _newest_entry_with_status(invitation)
    return Notification(
        kind=kind,
        invitation_id=invitation.id,
        inviter=invitation.inviter.name,
        invitee=invitation.invitee.name,
        occasion=invitation.occasion.describe(),
        status=invitation.status,
        previous_status=previous_status,
        source_url=entry.url if entry else None,
        outlet=entry.outlet if entry else None,
        source_date=entry.at if entry else invitation.status_at,
        languages=tuple(invitation.languages),
        evidence=entry.evidence if entry else "",
        confidence=invitation.confidence,
        created_at=now,
        sources=tuple(invitation.sources),
        inviter_id=invitation.inviter.figure_id,
        invitee_id=invitation.invitee.figure_id,
        occasion_kind=invitation.occasion.kind,
        place=invitation.occasion.place,
    )


def _newest_entry_with_status(invitation: InvitationState) -> TimelineEntry | None:
    carrying = [e for e in invitation.timeline if e.status == invitation.status]
    pool = carrying or invitation.timeline
    return max(pool, key=lambda e: (e.at, e.seen_at)) if pool else None
