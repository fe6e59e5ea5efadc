"""An answer naming the occasion held inside a pending visit's place refines that visit
(`track._visit_refined`, tracker16 round, issue 15; Lula stands in for Prabowo): Macron invited Prabowo "to France" in
January; in May Prabowo accepted his invitation to be guest of honour at the 14 July
parade in Paris, and attended it. One record, the parade in Paris, took place (b15t
blind set, macron-prabowo-paris-parade). An answer to a record already answered, an
occasion outside the visit's place, or a fresh invitation stays apart, as before."""

from __future__ import annotations

from bot.domain import OccasionKind, Status
from tests.support.tracker_ledger import Ledger, lone, report

P, A, D, T = Status.PENDING, Status.ACCEPTED, Status.DECLINED, Status.TOOK_PLACE
VISIT, EVENT = OccasionKind.VISIT, OccasionKind.EVENT


def _invited(status: Status = P) -> Ledger:
    ledger = Ledger()
    ledger.feed(report("macron", "lula", status, "2025-01-15", kind=VISIT, place="France"))
    ledger.notifications.clear()
    return ledger


def test_an_acceptance_of_the_parade_in_paris_refines_the_visit_to_france() -> None:
    ledger = _invited()
    ledger.feed(report("macron", "lula", A, "2025-05-20", kind=EVENT, place="Paris"))
    record = ledger.only()
    assert record.status == A
    assert (record.occasion.kind, record.occasion.place) == (EVENT, "Paris")
    ledger.lone(lone("lula", T, "2025-07-14", kind=EVENT, place="Paris"))
    assert ledger.only().status == T
    assert len(ledger.notifications) == 2


def test_a_visit_already_answered_is_not_refined() -> None:
    ledger = _invited(A)
    ledger.feed(report("macron", "lula", D, "2025-05-20", kind=EVENT, place="Paris"))
    assert len(ledger.invitations) == 2


def test_an_occasion_outside_the_visits_place_is_another_invitation() -> None:
    ledger = _invited()
    ledger.feed(report("macron", "lula", A, "2025-05-20", kind=EVENT, place="Berlin"))
    assert len(ledger.invitations) == 2


def test_a_fresh_invitation_to_the_parade_is_its_own_record() -> None:
    ledger = _invited()
    ledger.feed(report("macron", "lula", P, "2025-05-20", kind=EVENT, place="Paris"))
    assert len(ledger.invitations) == 2
