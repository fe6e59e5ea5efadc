"""An invitation never answered in the news is awaited beyond the 180-day window by a
report of its very place (`track._awaited`, tracker16 round, issue 15): Sánchez invited
Sheinbaum to Madrid "in autumn" in April, and the only later news was her arrival in
Madrid in October (188 days). A place merely inside or around the invitation's, or a
report past the renewal horizon, is still left to the window (b15t blind set,
sanchez-sheinbaum-madrid-arrived)."""

from __future__ import annotations

from bot.domain import OccasionKind, Status
from tests.support.tracker_ledger import Ledger, lone, observation, report

P, R, T = Status.PENDING, Status.RESPONDED, Status.TOOK_PLACE
VISIT = OccasionKind.VISIT


def _invited(status: Status = P, place: str = "Madrid") -> Ledger:
    ledger = Ledger()
    ledger.feed(report("sanchez", "sheinbaum", status, "2025-04-10", kind=VISIT, place=place))
    ledger.notifications.clear()
    return ledger


def test_the_guest_arriving_at_the_very_place_closes_an_unanswered_invitation() -> None:
    ledger = _invited()
    ledger.lone(lone("sheinbaum", T, "2025-10-15", kind=VISIT, place="Madrid"))
    assert ledger.only().status == T
    assert len(ledger.notifications) == 1


def test_a_meeting_of_the_pair_at_the_very_place_closes_a_noncommittal_one() -> None:
    ledger = _invited(R)
    ledger.observe(observation("sheinbaum", "sanchez", T, "2025-10-15", kind=VISIT,
                               place="Madrid"))
    assert ledger.only().status == T


def test_a_place_inside_the_invitations_needs_the_acceptance() -> None:
    ledger = _invited(place="Spain")
    ledger.lone(lone("sheinbaum", T, "2025-10-15", kind=VISIT, place="Madrid"))
    assert ledger.only().status == P


def test_past_the_renewal_horizon_the_invitation_has_lapsed() -> None:
    ledger = _invited()
    ledger.lone(lone("sheinbaum", T, "2026-06-01", kind=VISIT, place="Madrid"))
    assert ledger.only().status == P
