"""The third stories round (issue 15, blind set tests/data/stories-held/b12): a meeting
recalled a year later beside a new offer, and an article that declines an offer and makes
a counter-offer. Each test failed before its rule."""

from __future__ import annotations

from dataclasses import replace

from bot.domain import Mention, Occasion, OccasionKind, Party, Status
from bot.pipeline import _reading_order
from tests.support.tracker_ledger import Ledger, report

P, A, D, T = Status.PENDING, Status.ACCEPTED, Status.DECLINED, Status.TOOK_PLACE
VISIT, EVENT = OccasionKind.VISIT, OccasionKind.EVENT

_NEW_OFFER = "https://wire.example/2025/04/08/erdogan-invites-orban-to-istanbul"


def _visit_held() -> Ledger:
    ledger = Ledger()
    ledger.feed(report("erdogan", "orban", P, "2024-01-22", kind=VISIT, place="Ankara"))
    ledger.feed(report("erdogan", "orban", T, "2024-03-11", kind=VISIT, place="Ankara"))
    return ledger


def test_a_meeting_recalled_a_year_later_beside_a_new_offer_repeats_the_old_record() -> None:
    # "Orbán, who came to Ankara last year at Erdoğan's invitation, is now invited to the
    # Istanbul festival": the recap is the old visit's, not a second visit.
    ledger = _visit_held()
    ledger.feed(report("erdogan", "orban", P, "2025-04-08", kind=EVENT, place="Istanbul",
                       url=_NEW_OFFER))
    news = len(ledger.notifications)
    ledger.feed(report("erdogan", "orban", T, "2025-04-08", kind=VISIT, place="Ankara",
                       url=_NEW_OFFER))
    records = sorted((r.occasion.place, r.status) for r in ledger.invitations.values())
    assert records == [("Ankara", T), ("Istanbul", P)]
    assert len(ledger.notifications) == news  # a repeat: nothing announced


def test_without_a_new_offer_a_meeting_a_year_later_is_the_next_one() -> None:
    ledger = _visit_held()
    ledger.feed(report("erdogan", "orban", T, "2025-04-08", kind=VISIT, place="Ankara"))
    assert len(ledger.invitations) == 2


def _mention(inviter: str, invitee: str, status: Status) -> Mention:
    return Mention(inviter=Party(inviter), invitee=Party(invitee),
                   occasion=Occasion(kind=VISIT), status=status, confidence=0.9,
                   evidence="", lang="es")


def test_a_decision_the_article_also_counters_is_tracked_before_the_counter_offer() -> None:
    # "Sheinbaum declined Petro's invitation to Bogotá and invited him to Mexico City": the
    # refusal settles Petro's offer first, so the counter-offer adds no reply to it (one
    # change announced, declined, instead of responded then declined).
    declined = _mention("Gustavo Petro", "Claudia Sheinbaum", D)
    counter = _mention("Claudia Sheinbaum", "Gustavo Petro", P)
    other = _mention("Gustavo Petro", "Lula", A)
    ordered = sorted([counter, other, declined], key=_reading_order([counter, other, declined]))
    assert ordered == [declined, counter, other]


def test_without_a_counter_offer_invitations_still_come_before_answers() -> None:
    accepted = _mention("Gustavo Petro", "Claudia Sheinbaum", A)
    offer = _mention("Gustavo Petro", "Claudia Sheinbaum", P)
    ordered = sorted([accepted, offer], key=_reading_order([accepted, offer]))
    assert ordered == [offer, accepted]


def test_a_decision_naming_the_counter_offers_place_keeps_the_old_order() -> None:
    # "Milei accepted Meloni's invitation and invited her to Buenos Aires", the acceptance
    # read with the counter's place: read first, it would open a record in Buenos Aires.
    at = Occasion(kind=VISIT, place="Buenos Aires")
    accepted = replace(_mention("Giorgia Meloni", "Javier Milei", A), occasion=at)
    counter = replace(_mention("Javier Milei", "Giorgia Meloni", P), occasion=at)
    ordered = sorted([accepted, counter], key=_reading_order([accepted, counter]))
    assert ordered == [counter, accepted]
