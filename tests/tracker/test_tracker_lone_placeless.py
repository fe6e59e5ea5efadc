"""link_lone, story17 round (issue 15): an accepted invitation that never had a place (an
anniversary ceremony "in the autumn") takes the guest's report that it took place at a
named place, when the report's kind is the invitation's and not an everyday one (a
meeting, a call, an unnamed occasion). Hand-built data only."""

from __future__ import annotations

from bot.domain import OccasionKind, Status
from tests.support.tracker_ledger import Ledger, lone, report
from tests.tracker.test_tracker_lone import feed_lone

P, A, T = Status.PENDING, Status.ACCEPTED, Status.TOOK_PLACE
EVENT, MEETING = OccasionKind.EVENT, OccasionKind.MEETING


def _accepted_without_place(kind: OccasionKind) -> Ledger:
    ledger = Ledger()
    ledger.feed(report("modi", "lula", P, "2025-03-02", kind=kind, place=None))
    ledger.feed(report("modi", "lula", A, "2025-06-20", kind=kind, place=None))
    ledger.notifications.clear()
    return ledger


def test_the_outcome_of_an_accepted_placeless_ceremony_links() -> None:
    ledger = _accepted_without_place(EVENT)
    link = feed_lone(ledger, lone("lula", T, "2025-07-04", kind=EVENT, place="New Delhi"))
    assert len(link.outcomes) == 1 and ledger.only().status == T


def test_a_pending_placeless_ceremony_does_not_take_it() -> None:
    """Without the guest's yes, a ceremony somewhere may be any ceremony."""
    ledger = Ledger()
    ledger.feed(report("modi", "lula", P, "2025-03-02", kind=EVENT, place=None))
    link = feed_lone(ledger, lone("lula", T, "2025-03-20", kind=EVENT, place="New Delhi"))
    assert link.outcomes == [] and ledger.only().status == P


def test_an_everyday_meeting_somewhere_does_not_close_it() -> None:
    ledger = _accepted_without_place(MEETING)
    link = feed_lone(ledger, lone("lula", T, "2025-07-04", kind=MEETING, place="New Delhi"))
    assert link.outcomes == [] and ledger.only().status == A


def test_another_kind_does_not_close_it() -> None:
    ledger = _accepted_without_place(EVENT)
    link = feed_lone(ledger, lone("lula", T, "2025-07-04", kind=OccasionKind.VISIT,
                                  place="New Delhi"))
    assert link.outcomes == [] and ledger.only().status == A
