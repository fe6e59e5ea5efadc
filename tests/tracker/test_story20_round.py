"""The story20 round (stop 33, issue 15): the tracker on one-party reports and
counter-offers that the matcher reads less precisely than an annotator.

- A visit that never named a place is to the inviter's country: the invitee's arrival in
  a place inside it closes it (`lone._home_visit`, `tracker/homes.py`).
- A one-party answer naming the invitation's very place fits it whatever kind each
  names ("the Kyiv Day celebrations" refused as "will not go to Kyiv"), as two-party
  reports do (`lone._same_place_answer`); never for "took place".
- A one-party decision beside the same figure's counter-offer is read first: one change
  announced for the article, not a reply and then the decision (`pipeline`).
- Place forms are matched without the marks on Latin letters ("Pretória", "Brasilia").

Hand-built data and sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.analyze import article_from_json
from bot.domain import (
    SIDE_INVITEE,
    Article,
    LoneObservation,
    MatchResult,
    Mention,
    NotificationKind,
    Occasion,
    OccasionKind,
    Party,
    Status,
)
from bot.matcher import Matcher
from bot.replay import replay
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy
from bot.tracker.homes import home_place
from tests.support.tracker_ledger import Ledger, lone, report
from tests.tracker.test_tracker_lone import feed_lone

P, R, A, D, T = (Status.PENDING, Status.RESPONDED, Status.ACCEPTED, Status.DECLINED,
                 Status.TOOK_PLACE)
VISIT, EVENT, MEETING = OccasionKind.VISIT, OccasionKind.EVENT, OccasionKind.MEETING


# -- a placeless visit is to the inviter's country ------------------------------------------


def test_a_figure_s_home_is_its_gazetteer_country() -> None:
    assert home_place(Party("Emmanuel Macron", "emmanuel-macron")) == "France"
    assert home_place(Party("Li Qiang", "li-qiang")) == "China"
    assert home_place(Party("Some Mayor")) is None  # found only from the text


def _placeless_visit(status: Status = P) -> Ledger:
    ledger = Ledger()
    ledger.feed(report("macron", "lula", P, "2025-03-02", kind=VISIT, place=None))
    if status != P:
        ledger.feed(report("macron", "lula", status, "2025-03-20", kind=VISIT, place=None))
    ledger.notifications.clear()
    return ledger


def test_the_guest_s_arrival_in_the_inviter_s_capital_closes_a_placeless_visit() -> None:
    ledger = _placeless_visit()
    link = feed_lone(ledger, lone("lula", T, "2025-05-04", kind=VISIT, place="Paris"))
    assert len(link.outcomes) == 1 and ledger.only().status == T


def test_a_non_committal_placeless_visit_takes_it_too() -> None:
    ledger = _placeless_visit(R)
    link = feed_lone(ledger, lone("lula", T, "2025-05-04", kind=VISIT, place="Marseille"))
    assert len(link.outcomes) == 1 and ledger.only().status == T


def test_an_arrival_in_another_country_does_not() -> None:
    """Precision bound (holds on main too)."""
    ledger = _placeless_visit()
    link = feed_lone(ledger, lone("lula", T, "2025-05-04", kind=VISIT, place="Tokyo"))
    assert link.outcomes == [] and ledger.only().status == P


def test_the_inviter_at_home_does_not_close_it() -> None:
    """Precision bound (holds on main too)."""
    ledger = _placeless_visit()
    link = feed_lone(ledger, lone("macron", T, "2025-05-04", side=None, kind=VISIT,
                                  place="Paris"))
    assert link.outcomes == [] and ledger.only().status == P


def test_another_kind_in_the_inviter_s_country_does_not() -> None:
    """Precision bound (holds on main too): a summit or a ceremony held in the inviter's
    country is another occasion."""
    ledger = _placeless_visit()
    link = feed_lone(ledger, lone("lula", T, "2025-05-04", kind=EVENT, place="Paris"))
    assert link.outcomes == [] and ledger.only().status == P


def test_an_inviter_found_only_from_the_text_has_no_home() -> None:
    """Precision bound (holds on main too)."""
    ledger = Ledger()
    ledger.feed(report("Anna Mayor", "lula", P, "2025-03-02", kind=VISIT, place=None))
    link = feed_lone(ledger, lone("lula", T, "2025-05-04", kind=VISIT, place="Paris"))
    assert link.outcomes == [] and ledger.only().status == P


# -- an answer naming the very place fits whatever kind -------------------------------------


def _kyiv_day() -> Ledger:
    ledger = Ledger()
    ledger.feed(report("zelensky", "scholz", P, "2025-04-20", kind=EVENT, place="Kyiv"))
    ledger.notifications.clear()
    return ledger


def test_a_refusal_to_go_to_the_very_place_declines_the_event() -> None:
    ledger = _kyiv_day()
    link = feed_lone(ledger, lone("scholz", D, "2025-05-10", kind=VISIT, place="Kyiv"))
    assert len(link.outcomes) == 1 and ledger.only().status == D


def test_a_refusal_naming_a_place_inside_it_with_another_kind_does_not() -> None:
    """Precision bound (holds on main too): only the very place ties two kinds that
    contradict each other."""
    ledger = Ledger()
    ledger.feed(report("zelensky", "scholz", P, "2025-04-20", kind=EVENT, place="Ukraine"))
    link = feed_lone(ledger, lone("scholz", D, "2025-05-10", kind=VISIT, place="Kyiv"))
    assert link.outcomes == [] and ledger.only().status == P


def test_a_visit_held_at_the_event_s_place_is_not_its_outcome() -> None:
    """Precision bound (holds on main too): "took place" keeps needing the kind."""
    ledger = _kyiv_day()
    link = feed_lone(ledger, lone("scholz", T, "2025-05-10", kind=VISIT, place="Kyiv"))
    assert link.outcomes == [] and ledger.only().status == P


# -- a one-party decision beside its counter-offer, end to end ------------------------------


@dataclass
class _Scripted:
    """A matcher that says, per article id, what an annotator would."""

    said: dict[str, MatchResult]

    def match(self, article: Article) -> MatchResult:
        return self.said.get(article.key, MatchResult(lang="en", mentions=()))


_FREDERIKSEN = Party("Mette Frederiksen", "mette-frederiksen")
_STORE = Party("Jonas Gahr Støre", "jonas-gahr-store")


def _mention(inviter: Party, invitee: Party, place: str, status: Status) -> Mention:
    return Mention(inviter=inviter, invitee=invitee,
                   occasion=Occasion(kind=MEETING, place=place), status=status,
                   confidence=0.9, evidence=f"{inviter.name} {status.value} {place}",
                   lang="en")


def test_a_decline_beside_the_counter_offer_is_announced_once(sqlite_store: Store) -> None:
    articles: list[dict[str, Any]] = [
        {"id": "invited", "date": "2026-01-10", "lang": "en", "url": "https://a.example/1",
         "text": "Frederiksen invited Støre to talks in Copenhagen."},
        {"id": "counter", "date": "2026-02-02", "lang": "en", "url": "https://b.example/2",
         "text": "Støre will not travel to Copenhagen and invited Frederiksen to Bergen."},
    ]
    keys = {a["id"]: article_from_json(a).key for a in articles}
    matcher = _Scripted({
        keys["invited"]: MatchResult(lang="en", mentions=(
            _mention(_FREDERIKSEN, _STORE, "Copenhagen", P),)),
        keys["counter"]: MatchResult(
            lang="en",
            mentions=(_mention(_STORE, _FREDERIKSEN, "Bergen", P),),
            lone_observations=(LoneObservation(
                party=_STORE, side=SIDE_INVITEE, occasion=Occasion(MEETING, "Copenhagen"),
                status=D, confidence=0.8, evidence="Støre will not travel to Copenhagen",
                lang="en"),)),
    })
    sent = replay(articles, store=sqlite_store, matcher=matcher,  # type: ignore[arg-type]
                  policy=TrackerPolicy())
    assert [(n.kind, n.status) for n in sent] == [
        (NotificationKind.NEW, P),
        (NotificationKind.STATUS, D),
        (NotificationKind.NEW, P),
    ]
    with sqlite_store.unit() as unit:
        records = unit.list_invitations(InvitationFilter(limit=10))
    assert sorted((r.inviter.name, r.status) for r in records) == [
        ("Jonas Gahr Støre", P), ("Mette Frederiksen", D)]


# -- place forms without their marks, end to end --------------------------------------------


def _lone_places(matcher: Matcher, lang: str, text: str) -> list[str | None]:
    result = matcher.match(article_from_json({"id": "x", "text": text, "lang": lang,
                                              "date": "2025-11-20"}))
    return [o.occasion.place for o in result.lone_observations]


def test_a_place_written_with_a_mark_the_list_lacks(real_matcher: Matcher) -> None:
    assert _lone_places(real_matcher, "pt", "O presidente Lula chegou nesta quinta-feira a "
                        "Pretória para uma visita de Estado.") == ["Pretoria"]


def test_a_place_written_without_the_mark_the_list_has(real_matcher: Matcher) -> None:
    assert _lone_places(real_matcher, "fr", "Le Premier ministre Narendra Modi est arrivé "
                        "lundi à Geneve pour une visite officielle.") == ["Geneva"]
    assert _lone_places(real_matcher, "en", "Prime Minister Narendra Modi arrived in "
                        "Bucuresti on Monday for a state visit.") == ["Bucharest"]


def test_an_arrival_read_without_its_marks_closes_a_placeless_visit(
        sqlite_store: Store, real_matcher: Matcher) -> None:
    """Both rules at once: the invitation names no place ("to visit"), the arrival is told
    with a mark the place list lacks."""
    articles: list[dict[str, Any]] = [
        {"id": "invited", "date": "2025-08-20", "lang": "en", "url": "https://c.example/1",
         "text": "South African President Cyril Ramaphosa invited President Lula to pay a "
                 "state visit, his office said on Wednesday."},
        {"id": "arrived", "date": "2025-11-20", "lang": "pt", "url": "https://d.example/2",
         "text": "PRETÓRIA - O presidente Luiz Inácio Lula da Silva chegou nesta "
                 "quinta-feira a Pretória para uma visita de Estado."},
    ]
    replay(articles, store=sqlite_store, matcher=real_matcher, policy=TrackerPolicy())
    with sqlite_store.unit() as unit:
        [record] = unit.list_invitations(InvitationFilter(limit=10))
    assert record.occasion.place is None and record.status == T
