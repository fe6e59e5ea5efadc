"""A two-party observation naming no place ("Putin and Erdoğan met on the sidelines of a
summit") moves a record that names a place only in a compatible window: shortly after
the record's last news, or once the record is accepted (a meeting is then expected). Months
after an unanswered invitation to Turkey, "they met" is some other meeting (b10 blind set,
erdogan-putin-turkey-met-elsewhere)."""

from __future__ import annotations

from bot.domain import OccasionKind, Status
from tests.support.tracker_ledger import Ledger, observation, report

P, A, T = Status.PENDING, Status.ACCEPTED, Status.TOOK_PLACE
VISIT, MEETING = OccasionKind.VISIT, OccasionKind.MEETING


def _invited(on: str = "2024-06-05", place: str | None = "Turkey") -> Ledger:
    ledger = Ledger()
    ledger.feed(report("macron", "putin", P, on, kind=VISIT, place=place))
    ledger.notifications.clear()
    return ledger


def test_a_placeless_meeting_months_later_leaves_a_placed_pending_visit() -> None:
    ledger = _invited()
    assert ledger.observe(observation("putin", "macron", T, "2024-10-24")) == []
    assert ledger.only().status == P
    assert ledger.notifications == []


def test_a_placeless_meeting_soon_after_moves_the_placed_visit() -> None:
    ledger = _invited()
    outcomes = ledger.observe(observation("putin", "macron", T, "2024-06-20"))
    assert len(outcomes) == 1 and ledger.only().status == T


def test_a_placeless_meeting_months_after_an_acceptance_moves_it() -> None:
    ledger = _invited()
    ledger.feed(report("macron", "putin", A, "2024-06-10", kind=VISIT, place="Turkey"))
    ledger.observe(observation("putin", "macron", T, "2024-10-24"))
    assert ledger.only().status == T


def test_a_meeting_naming_the_place_months_later_still_moves_it() -> None:
    ledger = _invited()
    ledger.observe(observation("putin", "macron", T, "2024-10-24", kind=VISIT, place="Ankara"))
    assert ledger.only().status == T


def test_a_placeless_meeting_months_later_moves_a_placeless_record() -> None:
    # Nothing tells the two occasions apart: the window alone decides, as before.
    ledger = _invited(place=None)
    ledger.observe(observation("putin", "macron", T, "2024-10-24"))
    assert ledger.only().status == T


def test_a_restatement_after_the_meeting_does_not_make_it_the_visits() -> None:
    # The meeting's report waits for a record; the day after, "the dates of the visit are
    # not agreed" restates the invitation: the meeting months after the offer is still
    # another one.
    ledger = _invited()
    ledger.observe(observation("putin", "macron", T, "2024-10-24"))
    ledger.feed(report("macron", "putin", P, "2024-10-25", kind=VISIT, place="Turkey"))
    ledger.observe(observation("putin", "macron", T, "2024-10-24"))
    assert ledger.only().status == P


def test_a_placeless_visit_months_later_moves_the_placed_visit() -> None:
    # "Putin visited Macron": the very kind of the record, months after the invitation.
    ledger = _invited()
    ledger.observe(observation("putin", "macron", T, "2024-10-24", kind=VISIT))
    assert ledger.only().status == T
