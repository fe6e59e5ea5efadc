"""An accepted invitation awaits its outcome beyond the 180-day window (`track._awaited`):
Kim invited Putin and Putin accepted in September 2023; the visit came in June 2024. A
report that it took place, naming its place or one inside it, closes it within the renewal
horizon, whether it names the invitation (a mention), only the pair (an observation) or
one party (a lone report). A pending invitation, a meeting naming no place or another
place, or a report past the horizon, is left to the window as before (b11 blind set,
kim-putin-pyongyang-dates)."""

from __future__ import annotations

from bot.domain import OccasionKind, Status
from tests.support.tracker_ledger import Ledger, lone, observation, report

P, A, T = Status.PENDING, Status.ACCEPTED, Status.TOOK_PLACE
VISIT = OccasionKind.VISIT


def _accepted(status: Status = A) -> Ledger:
    ledger = Ledger()
    ledger.feed(report("macron", "putin", status, "2023-09-14", kind=VISIT, place="Russia"))
    ledger.notifications.clear()
    return ledger


def test_a_visit_nine_months_after_the_acceptance_closes_it() -> None:
    ledger = _accepted()
    ledger.observe(observation("putin", "macron", T, "2024-06-19", kind=VISIT, place="Moscow"))
    assert ledger.only().status == T
    assert len(ledger.notifications) == 1


def test_a_mention_of_the_visit_joins_the_accepted_record() -> None:
    ledger = _accepted()
    ledger.feed(report("macron", "putin", T, "2024-06-19", kind=VISIT, place="Moscow"))
    assert ledger.only().status == T


def test_a_one_party_report_of_the_visit_closes_it() -> None:
    ledger = _accepted()
    ledger.lone(lone("putin", T, "2024-06-19", kind=VISIT, place="Moscow"))
    assert ledger.only().status == T


def test_a_pending_invitation_is_not_awaited() -> None:
    ledger = _accepted(P)
    ledger.observe(observation("putin", "macron", T, "2024-06-19", kind=VISIT, place="Moscow"))
    assert ledger.only().status == P


def test_a_meeting_elsewhere_or_without_a_place_is_another_one() -> None:
    ledger = _accepted()
    ledger.observe(observation("putin", "macron", T, "2024-06-19", kind=VISIT, place="Paris"))
    ledger.observe(observation("putin", "macron", T, "2024-06-20"))
    assert ledger.only().status == A


def test_past_the_renewal_horizon_the_acceptance_has_lapsed() -> None:
    ledger = _accepted()
    ledger.observe(observation("putin", "macron", T, "2025-01-10", kind=VISIT, place="Moscow"))
    assert ledger.only().status == A
