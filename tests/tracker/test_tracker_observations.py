"""track_observation: meetings, calls-off and answers reported without an invitation word
move an invitation the tracker already holds, never create one (hand-built data only)."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime

import pytest

from bot.domain import NotificationKind, OccasionKind, Status
from bot.tracker import TrackerPolicy, observation_pairs, track_observation
from tests.support.tracker_ledger import FIGURES, Ledger, day, observation, report

P, R, A, D, T, W = (
    Status.PENDING,
    Status.RESPONDED,
    Status.ACCEPTED,
    Status.DECLINED,
    Status.TOOK_PLACE,
    Status.WITHDRAWN,
)
VISIT = OccasionKind.VISIT
MEETING = OccasionKind.MEETING


def _accepted_visit(ledger: Ledger | None = None) -> Ledger:
    """Biden invites Lula to the White House (pending on 01-20, accepted on 01-25)."""
    ledger = ledger or Ledger()
    ledger.feed(report("biden", "lula", P, "2023-01-20", kind=VISIT, place="the White House"))
    ledger.feed(report("biden", "lula", A, "2023-01-25", kind=VISIT, place="the White House"))
    ledger.notifications.clear()
    return ledger


# -- pairs ---------------------------------------------------------------------------------


def test_observation_pairs_are_both_directions() -> None:
    seen, _ = observation("lula", "biden", T, "2023-02-10")
    assert observation_pairs(seen) == [("lula-da-silva", "joe-biden"), ("joe-biden", "lula-da-silva")]


def test_observation_pairs_of_one_figure_is_one_pair() -> None:
    seen, _ = observation("lula", "lula", T, "2023-02-10")
    assert observation_pairs(seen) == [("lula-da-silva", "lula-da-silva")]


# -- moving an invitation ---------------------------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [("biden", "lula"), ("lula", "biden")])
def test_a_meeting_moves_the_accepted_invitation_in_either_order(first: str, second: str) -> None:
    ledger = _accepted_visit()
    outcomes = ledger.observe(observation(first, second, T, "2023-02-10", place="Washington"))
    assert len(outcomes) == 1
    outcome = outcomes[0]
    assert not outcome.is_new and outcome.status_changed
    assert outcome.entry is not None and outcome.entry.status == T
    invitation = ledger.only()
    assert invitation.status == T
    # The record keeps its direction and its (more precise) occasion.
    assert (invitation.inviter, invitation.invitee) == (FIGURES["biden"], FIGURES["lula"])
    assert invitation.occasion.place == "the White House"
    assert [(n.kind, n.previous_status, n.status) for n in ledger.notifications] == [
        (NotificationKind.STATUS, A, T)
    ]


def test_an_observation_never_creates_an_invitation() -> None:
    ledger = Ledger()
    assert ledger.observe(observation("biden", "lula", T, "2023-02-10")) == []
    assert ledger.invitations == {} and ledger.notifications == []


def test_an_observation_that_would_only_say_pending_is_ignored() -> None:
    ledger = Ledger()
    ledger.feed(report("biden", "lula", R, "2023-01-20", kind=VISIT, place="Washington"))
    assert ledger.observe(observation("biden", "lula", P, "2023-01-21")) == []
    assert ledger.only().status == R and len(ledger.only().timeline) == 1


def test_the_same_observation_again_adds_nothing_and_notifies_nothing() -> None:
    ledger = _accepted_visit()
    seen = observation("lula", "biden", T, "2023-02-10", url="https://wire.example/met")
    ledger.observe(seen)
    again = ledger.observe(seen)
    assert len(again) == 1 and again[0].entry is None and again[0].notifications == ()
    assert len(ledger.notifications) == 1


def test_more_outlets_reporting_the_meeting_are_folded_in_silently() -> None:
    ledger = _accepted_visit()
    ledger.observe(observation("lula", "biden", T, "2023-02-10", outlet="One"))
    outcomes = ledger.observe(observation("biden", "lula", T, "2023-02-11", outlet="Two"))
    assert outcomes[0].entry is not None and not outcomes[0].status_changed
    assert len(ledger.only().sources) == 4
    assert len(ledger.notifications) == 1


def test_a_call_off_moves_an_accepted_invitation_to_withdrawn() -> None:
    ledger = _accepted_visit()
    ledger.observe(observation("lula", "biden", W, "2023-02-05", kind=VISIT))
    assert ledger.only().status == W
    assert [(n.previous_status, n.status) for n in ledger.notifications] == [(A, W)]


def test_a_stated_date_is_the_entry_time() -> None:
    ledger = _accepted_visit()
    ledger.observe(observation("lula", "biden", T, "2023-02-12", status_date="2023-02-10"))
    assert ledger.only().status_at == datetime(2023, 2, 10, tzinfo=day("2023-02-12").tzinfo)


# -- which invitation, if any ---------------------------------------------------------------


def test_an_observation_outside_the_window_moves_nothing() -> None:
    ledger = Ledger(policy=TrackerPolicy(window_days=30))
    _accepted_visit(ledger)
    assert ledger.observe(observation("lula", "biden", T, "2023-06-01")) == []
    assert ledger.only().status == A


def test_a_meeting_somewhere_else_does_not_move_the_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2025-05-11", kind=MEETING, place="Istanbul"))
    assert ledger.observe(observation("putin", "zelensky", T, "2025-05-20", place="Kyiv")) == []
    assert ledger.only().status == P


def test_the_invitation_with_the_compatible_occasion_is_chosen() -> None:
    ledger = Ledger()
    # Two months apart: neither is a counter-offer to the other.
    ledger.feed(report("kim", "trump", P, "2019-04-01", kind=VISIT, place="Pyongyang"))
    ledger.feed(report("trump", "kim", P, "2019-06-01", kind=OccasionKind.DEBATE, place=None))
    ledger.observe(observation("trump", "kim", T, "2019-06-30", kind=MEETING, place="Pyongyang"))
    assert ledger.between("kim", "trump")[0].status == T
    assert ledger.between("trump", "kim")[0].status == P


def test_two_open_invitations_and_no_compatible_occasion_is_not_a_guess() -> None:
    ledger = Ledger()
    ledger.feed(report("trump", "kim", P, "2019-06-01", kind=OccasionKind.DEBATE, place=None))
    ledger.feed(report("kim", "trump", P, "2019-06-02", kind=OccasionKind.MATCH, place=None))
    assert ledger.observe(observation("trump", "kim", T, "2019-06-30", kind=MEETING)) == []


def test_the_only_open_invitation_takes_a_misworded_observation() -> None:
    # "They spoke on Zoom" about a visit: a platform is not a place that conflicts.
    ledger = _accepted_visit()
    ledger.observe(observation("lula", "biden", T, "2023-02-10", kind=OccasionKind.CONVERSATION,
                               place="Zoom"))
    invitation = ledger.only()
    assert invitation.status == T
    assert (invitation.occasion.kind, invitation.occasion.place) == (VISIT, "the White House")


def test_a_declined_invitation_that_took_place_after_all_is_moved() -> None:
    ledger = Ledger()
    ledger.feed(report("biden", "lula", D, "2023-01-20", kind=VISIT, place="Washington"))
    ledger.observe(observation("lula", "biden", T, "2023-03-01", place="Washington"))
    assert ledger.only().status == T


def test_a_meeting_that_took_place_is_not_undone_by_a_later_call_off() -> None:
    ledger = Ledger()
    ledger.feed(report("biden", "lula", T, "2023-02-10", kind=VISIT, place="Washington"))
    assert ledger.observe(observation("lula", "biden", W, "2023-02-20")) == []
    assert ledger.only().status == T and len(ledger.only().timeline) == 1


def test_an_answer_does_not_reopen_a_settled_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("biden", "lula", D, "2023-01-20", kind=VISIT, place="Washington"))
    assert ledger.observe(observation("lula", "biden", A, "2023-01-25")) == []


def test_another_meeting_long_after_is_not_added_to_a_settled_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("biden", "lula", T, "2023-02-10", kind=VISIT, place="Washington"))
    assert ledger.observe(observation("lula", "biden", T, "2023-02-20"))[0].entry is not None
    assert ledger.observe(observation("lula", "biden", T, "2023-05-20")) == []


# -- the data contract --------------------------------------------------------------------


def test_naive_times_and_bad_values_are_refused_with_a_clear_message() -> None:
    seen, source = observation("lula", "biden", T, "2023-02-10")
    with pytest.raises(ValueError, match="timezone-aware"):
        track_observation(seen, source, [], datetime(2023, 2, 10), TrackerPolicy())  # noqa: DTZ001
    with pytest.raises(ValueError, match="confidence"):
        track_observation(replace(seen, confidence=1.5), source, [], day("2023-02-10"),
                          TrackerPolicy())
    with pytest.raises(ValueError, match="empty name"):
        blank = replace(seen, first=replace(seen.first, name=" "))
        track_observation(blank, source, [], day("2023-02-10"), TrackerPolicy())


def test_track_observation_never_mutates_its_inputs() -> None:
    ledger = _accepted_visit()
    before = copy.deepcopy(ledger.invitations)
    seen, source = observation("lula", "biden", T, "2023-02-10")
    outcomes = track_observation(seen, source, list(ledger.invitations.values()),
                                 day("2023-02-10"), ledger.policy)
    assert outcomes and outcomes[0].invitation.status == T
    assert ledger.invitations == before
