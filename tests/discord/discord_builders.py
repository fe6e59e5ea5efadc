"""Builders for the Discord tests: notifications and stored invitations, in our own words."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.domain import (
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
from bot.store.api import Store

DAY0 = datetime(2021, 2, 14, 8, 0, tzinfo=UTC)
MUSK = Party("Elon Musk", "elon-musk")
PUTIN = Party("Vladimir Putin", "vladimir-putin")
KANYE = Party("Kanye West", "kanye-west")
AUDIO_CHAT = Occasion(OccasionKind.CONVERSATION, "Clubhouse", "a conversation on Clubhouse")


def notification(kind: NotificationKind = NotificationKind.NEW, *, status: Status = Status.PENDING,
                 previous: Status | None = None, invitation_id: int | None = 7,
                 inviter: Party = MUSK, invitee: Party = PUTIN, evidence: str | None = None,
                 outlet: str | None = "Daily Example", url: str | None = "https://daily.example/musk-putin",
                 languages: tuple[str, ...] = ("en",), confidence: float = 0.9,
                 occasion: str = "a conversation on Clubhouse") -> Notification:
    return Notification(
        kind=kind, invitation_id=invitation_id, inviter=inviter.name, invitee=invitee.name,
        occasion=occasion, status=status, previous_status=previous, source_url=url,
        outlet=outlet, source_date=DAY0, languages=languages,
        evidence=evidence if evidence is not None else
        "The entrepreneur asked the president to join him for a chat on the audio app.",
        confidence=confidence, created_at=DAY0, sources=(url,) if url else (),
        inviter_id=inviter.figure_id, invitee_id=invitee.figure_id,
        occasion_kind=OccasionKind.CONVERSATION, place="Clubhouse")


def timeline_entry(when: datetime, status: Status, *, url: str, lang: str = "en",
                   outlet: str = "Daily Example", evidence: str = "He asked him to talk.") -> TimelineEntry:
    return TimelineEntry(at=when, status=status, url=url, outlet=outlet, lang=lang,
                         evidence=evidence, confidence=0.9, seen_at=when)


def store_invitation(store: Store, *, inviter: Party = MUSK, invitee: Party = PUTIN,
                     status: Status = Status.PENDING, when: datetime = DAY0,
                     url: str = "https://daily.example/one", lang: str = "en",
                     occasion: Occasion = AUDIO_CHAT) -> int:
    """Save a new invitation with one timeline entry; returns its id."""
    entry = timeline_entry(when, status, url=url, lang=lang)
    state = InvitationState(id=None, inviter=inviter, invitee=invitee, occasion=occasion,
                            status=status, status_at=when, first_seen=when, last_update=when,
                            confidence=0.9, timeline=[entry])
    source = Source(url=url, outlet="Daily Example", lang=lang, published=when)
    with store.unit() as unit:
        return unit.save_outcome(TrackOutcome(state, True, entry, False), source)


def add_report(store: Store, invitation_id: int, status: Status, *, when: datetime, url: str,
               lang: str = "de") -> None:
    """A later report changing the status of a stored invitation."""
    with store.unit() as unit:
        state = unit.get_invitation(invitation_id)
        assert state is not None
        entry = timeline_entry(when, status, url=url, lang=lang)
        updated = replace(state, status=status, status_at=when, last_update=when,
                          timeline=[*state.timeline, entry])
        source = Source(url=url, outlet="Daily Example", lang=lang, published=when)
        unit.save_outcome(TrackOutcome(updated, False, entry, True), source)


def many_invitations(store: Store, count: int) -> list[int]:
    ids = []
    for n in range(count):
        invitee = Party(f"Guest Number {n}")
        ids.append(store_invitation(store, invitee=invitee, when=DAY0 + timedelta(hours=n),
                                    url=f"https://daily.example/{n}"))
    return ids
