"""A postponement (tracker15 round, stop 28, issue 15): "Lula postponed the trip to Madrid",
"the visit was put off" is a one-party pending report. The invitation still stands: the
report joins the open record's timeline (pending, responded or accepted) without moving
its status or announcing anything, and never touches a settled record. Hand-built data."""

from __future__ import annotations

from bot.domain import LoneObservation, OccasionKind, Source, Status
from tests.support.tracker_ledger import Ledger, lone, report

P, A, D, T = Status.PENDING, Status.ACCEPTED, Status.DECLINED, Status.TOOK_PLACE
VISIT = OccasionKind.VISIT


def _linked(ledger: Ledger, seen: tuple[LoneObservation, Source]) -> int:
    """How many records a one-party report moves, linked as the pipeline links it."""
    return len(ledger.lone(seen))


def _madrid(*answers: tuple[Status, str]) -> Ledger:
    ledger = Ledger()
    ledger.feed(report("sanchez", "lula", P, "2025-01-14", kind=VISIT, place="Madrid"))
    for status, on in answers:
        ledger.feed(report("sanchez", "lula", status, on, kind=VISIT, place="Madrid"))
    ledger.notifications.clear()
    return ledger


def _postponed(on: str) -> tuple[LoneObservation, Source]:
    return lone("lula", P, on, side=None, kind=VISIT, place="Madrid",
                url=f"https://example.org/postponed-{on}")


def test_a_postponement_of_an_accepted_visit_joins_its_timeline_and_keeps_the_acceptance(
) -> None:
    """Before this round a pending one-party report only joined a pending record: the
    postponement of an accepted visit was lost."""
    ledger = _madrid((A, "2025-01-20"))
    assert _linked(ledger, _postponed("2025-02-03")) == 1
    inv = ledger.only()
    assert inv.status == A and len(inv.timeline) == 3
    assert inv.timeline[-1].status == P and "postponed" in inv.timeline[-1].url
    assert ledger.notifications == []


def test_a_postponement_of_a_pending_visit_is_a_silent_pending_entry() -> None:
    ledger = _madrid()
    assert _linked(ledger, _postponed("2025-02-03")) == 1
    inv = ledger.only()
    assert inv.status == P and len(inv.timeline) == 2 and ledger.notifications == []


def test_a_settled_visit_is_not_touched_by_a_postponement() -> None:
    for settled in (T, D):
        ledger = _madrid((settled, "2025-01-30"))
        assert _linked(ledger, _postponed("2025-02-03")) == 0
        assert ledger.only().status == settled and len(ledger.only().timeline) == 2
