"""Small builders for the store's tests: domain objects with sensible defaults."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.domain import (
    Article,
    InvitationState,
    Notification,
    NotificationKind,
    Occasion,
    OccasionKind,
    Party,
    Source,
    Status,
    TimelineEntry,
    TrackOutcome,
)

T0 = datetime(2021, 2, 14, 9, 30, tzinfo=UTC)
MUSK = Party("Elon Musk", "elon-musk")
PUTIN = Party("Vladimir Putin", "vladimir-putin")
CLUBHOUSE = Occasion(OccasionKind.CONVERSATION, "Clubhouse", "a conversation on Clubhouse")


def at(hours: float = 0, days: float = 0) -> datetime:
    return T0 + timedelta(hours=hours, days=days)


def article(key: str = "guid-1", *, url: str | None = "https://news.example/a1",
            title: str = "An invitation", text: str = "Someone invited someone.") -> Article:
    return Article(key=key, text=text, title=title, url=url, published=T0, lang="en",
                   outlet="Example News", feed_url="https://news.example/feed")


def entry(when: datetime = T0, status: Status = Status.PENDING, *,
          url: str | None = "https://news.example/a1", lang: str = "en",
          evidence: str = "Musk asked Putin to join him for a talk on Clubhouse.",
          seen_at: datetime | None = None, confidence: float = 0.9) -> TimelineEntry:
    return TimelineEntry(at=when, status=status, url=url, outlet="Example News", lang=lang,
                         evidence=evidence, confidence=confidence, seen_at=seen_at or when)


def state(*, id: int | None = None, inviter: Party = MUSK, invitee: Party = PUTIN,
          status: Status = Status.PENDING, when: datetime = T0,
          timeline: list[TimelineEntry] | None = None, quiet: bool = False,
          occasion: Occasion = CLUBHOUSE, last_update: datetime | None = None) -> InvitationState:
    return InvitationState(
        id=id, inviter=inviter, invitee=invitee, occasion=occasion, status=status,
        status_at=when, first_seen=when, last_update=last_update or when, confidence=0.9,
        quiet=quiet, timeline=list(timeline) if timeline is not None else [entry(when, status)],
    )


def notification(kind: NotificationKind = NotificationKind.NEW, *,
                 status: Status = Status.PENDING, previous: Status | None = None,
                 created_at: datetime = T0, invitation_id: int | None = None) -> Notification:
    return Notification(
        kind=kind, invitation_id=invitation_id, inviter=MUSK.name, invitee=PUTIN.name,
        occasion=CLUBHOUSE.describe(), status=status, previous_status=previous,
        source_url="https://news.example/a1", outlet="Example News", source_date=created_at,
        languages=("de", "en"), evidence="Musk asked Putin to join him for a talk on Clubhouse.",
        confidence=0.9, created_at=created_at, sources=("https://news.example/a1",),
        inviter_id=MUSK.figure_id, invitee_id=PUTIN.figure_id,
        occasion_kind=OccasionKind.CONVERSATION, place="Clubhouse",
    )


def source(url: str | None = "https://news.example/a1", *, when: datetime = T0,
           article_id: int | None = None, lang: str = "en") -> Source:
    return Source(url=url, outlet="Example News", lang=lang, published=when, article_id=article_id)


def new_outcome(inv: InvitationState | None = None, *,
                notify: bool = True) -> TrackOutcome:
    inv = inv or state()
    notes = (notification(created_at=inv.last_update),) if notify else ()
    return TrackOutcome(invitation=inv, is_new=True, entry=inv.timeline[-1] if inv.timeline else None,
                        status_changed=False, notifications=notes)


def status_outcome(saved: InvitationState, new_status: Status, when: datetime, *,
                   url: str = "https://news.example/a2", lang: str = "en",
                   evidence: str = "The Kremlin said it would think about the offer.",
                   ) -> TrackOutcome:
    """The update the tracker would produce when a later report changes the status."""
    added = entry(when, new_status, url=url, lang=lang, evidence=evidence)
    updated = replace(saved, status=new_status, status_at=when, last_update=when,
                      timeline=[*saved.timeline, added])
    note = notification(NotificationKind.STATUS, status=new_status, previous=saved.status,
                        created_at=when)
    return TrackOutcome(invitation=updated, is_new=False, entry=added, status_changed=True,
                        notifications=(note,))
