"""Builders of domain objects with sensible defaults, in our own words, for every test:
articles, timeline entries, invitation states, notifications, track outcomes, and stored
invitations."""

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
from bot.store.api import Store

T0 = datetime(2021, 2, 14, 9, 30, tzinfo=UTC)
DAY0 = datetime(2021, 2, 14, 8, 0, tzinfo=UTC)  # the Discord tests' first day
MUSK = Party("Elon Musk", "elon-musk")
PUTIN = Party("Vladimir Putin", "vladimir-putin")
KANYE = Party("Kanye West", "kanye-west")
CLUBHOUSE = Occasion(OccasionKind.CONVERSATION, "Clubhouse", "a conversation on Clubhouse")
AUDIO_CHAT = CLUBHOUSE


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


def notification(kind: NotificationKind = NotificationKind.NEW, *, status: Status = Status.PENDING,
                 previous: Status | None = None, invitation_id: int | None = 7,
                 inviter: Party = MUSK, invitee: Party = PUTIN, evidence: str | None = None,
                 outlet: str | None = "Daily Example",
                 url: str | None = "https://daily.example/musk-putin",
                 languages: tuple[str, ...] = ("en",), confidence: float = 0.9,
                 occasion: str = "a conversation on Clubhouse",
                 created_at: datetime = DAY0) -> Notification:
    return Notification(
        kind=kind, invitation_id=invitation_id, inviter=inviter.name, invitee=invitee.name,
        occasion=occasion, status=status, previous_status=previous, source_url=url,
        outlet=outlet, source_date=created_at, languages=languages,
        evidence=evidence if evidence is not None else
        "The entrepreneur asked the president to join him for a chat on the audio app.",
        confidence=confidence, created_at=created_at, sources=(url,) if url else (),
        inviter_id=inviter.figure_id, invitee_id=invitee.figure_id,
        occasion_kind=OccasionKind.CONVERSATION, place="Clubhouse")


def source(url: str | None = "https://news.example/a1", *, when: datetime = T0,
           article_id: int | None = None, lang: str = "en") -> Source:
    return Source(url=url, outlet="Example News", lang=lang, published=when, article_id=article_id)


def new_outcome(inv: InvitationState | None = None, *,
                notify: bool = True) -> TrackOutcome:
    inv = inv or state()
    notes = (notification(created_at=inv.last_update, invitation_id=None),) if notify else ()
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


# -- stored invitations, as the Discord tests need them --------------------------------
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
