"""The story19 round (stop 32, issue 15) end to end: follow-up reports the matcher now reads
move the one record of their story. An acceptance said with a postposed invitation phrase
keeps its own trip's place, not the next leg's; a guest's arrival told with a day word
and "the first ... since <year>" is the outcome; a calling-off said actively by the
inviter withdraws; a misspelt inviter after a name particle stays the same inviter
(articles written for these tests; the shipped matcher, replay and a SQLite store)."""

from __future__ import annotations

from typing import Any

from bot.domain import NotificationKind, Status
from bot.matcher import Matcher
from bot.replay import replay
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy

VISIT: list[dict[str, Any]] = [
    {"id": "invited", "date": "2025-03-04", "lang": "de", "url": "https://a.example/1",
     "text": "Bundeskanzler Friedrich Merz hat den brasilianischen Präsidenten Lula zu einem "
             "Besuch nach Berlin eingeladen."},
    {"id": "accepted", "date": "2025-04-15", "lang": "en", "url": "https://b.example/2",
     "text": "BRASILIA - Brazil's President Lula will visit Berlin on May 5 and 6 at the "
             "invitation of Chancellor Friedrich Merz, before flying on to Warsaw, his office "
             "said on Tuesday."},
    {"id": "arrived", "date": "2025-05-05", "lang": "fr", "url": "https://c.example/3",
     "text": "BERLIN - Le président brésilien Lula est arrivé lundi matin à Berlin pour une "
             "visite officielle de deux jours, la première d'un président brésilien en "
             "Allemagne depuis 2015."},
]


def test_the_acceptance_keeps_its_place_and_the_arrival_closes_it(
        sqlite_store: Store, real_matcher: Matcher) -> None:
    sent = replay(VISIT, store=sqlite_store, matcher=real_matcher, policy=TrackerPolicy())
    assert [(n.kind, n.status) for n in sent] == [
        (NotificationKind.NEW, Status.PENDING),
        (NotificationKind.STATUS, Status.ACCEPTED),
        (NotificationKind.STATUS, Status.TOOK_PLACE),
    ]
    with sqlite_store.unit() as unit:
        [invitation] = unit.list_invitations(InvitationFilter(limit=10))
    assert invitation.occasion.place == "Berlin"
    assert len(invitation.sources) == 3


SUMMIT: list[dict[str, Any]] = [
    {"id": "invited", "date": "2025-09-02", "lang": "de", "url": "https://d.example/1",
     "text": "Kommissionspräsidentin Ursula von der Leyen hat Bundeskanzler Friedrich Merz zu "
             "einem Gipfel in Brüssel eingeladen."},
    {"id": "accepted", "date": "2025-09-10", "lang": "en", "url": "https://e.example/2",
     "text": "Friedrich Merz accepted the invitation from Ursula von der Leyden to the summit "
             "in Brussels, his spokesman said."},
    {"id": "off", "date": "2025-09-30", "lang": "nl", "url": "https://f.example/3",
     "text": "BRUSSEL - Ursula von der Leyen heeft de top van donderdag in Brussel "
             "afgeblazen, zo maakte haar woordvoerder dinsdag bekend."},
]


def test_an_active_calling_off_withdraws_the_one_record(sqlite_store: Store,
                                                         real_matcher: Matcher) -> None:
    sent = replay(SUMMIT, store=sqlite_store, matcher=real_matcher, policy=TrackerPolicy())
    assert [(n.kind, n.status) for n in sent] == [
        (NotificationKind.NEW, Status.PENDING),
        (NotificationKind.STATUS, Status.ACCEPTED),
        (NotificationKind.STATUS, Status.WITHDRAWN),
    ]
    with sqlite_store.unit() as unit:
        [invitation] = unit.list_invitations(InvitationFilter(limit=10))
    assert invitation.status == Status.WITHDRAWN
    assert invitation.inviter.figure_id == "ursula-von-der-leyen"
