"""Reports that arrive before the record they answer (`tracker.waiting`): the pure rules,
and the ledger (which applies them as the pipeline does) in both arrival orders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import partial

from bot.domain import (
    SIDE_INVITER,
    NotificationKind,
    Occasion,
    OccasionKind,
    Status,
    TrackOutcome,
)
from bot.tracker import (
    TrackerPolicy,
    expired,
    figures_of,
    in_attach_order,
    may_wait,
    waited_note,
    waiting,
)
from bot.tracker.waiting import opens_or_places
from tests.support.tracker_ledger import FIGURES, Ledger, day, lone, observation, report

P, D, T = Status.PENDING, Status.DECLINED, Status.TOOK_PLACE
MEETING = OccasionKind.MEETING
PUTIN = FIGURES["putin"]


# Putin's one-party reports in this file answer the meeting in Istanbul, from one wire.
putin_lone = partial(lone, "putin", place="Istanbul", outlet="Lone Wire")


INVITATION = report("zelensky", "putin", P, "2025-05-12", kind=MEETING, place="Istanbul",
                    outlet="Capital Dispatch")
REFUSAL = putin_lone(D, "2025-05-11")


# -- the pure rules --------------------------------------------------------------------------

def test_only_a_finding_that_can_ever_move_a_record_waits() -> None:
    assert may_wait(REFUSAL[0])
    met, _ = observation("zelensky", "putin", T, "2025-05-15")
    assert may_wait(met)
    assert not may_wait(replace(met, status=P))  # "pending" without an invitation word
    assert not may_wait(replace(met, second=met.first))


def test_a_waiting_finding_is_dated_by_what_it_observed_and_expires_a_window_after_arrival(
        ) -> None:
    policy = TrackerPolicy(window_days=30)
    finding, source = putin_lone(D, "2025-05-11", status_date="2025-05-09")
    now = day("2025-05-20")
    kept = waiting(finding, source, now, announce=False)
    assert (kept.at.date(), kept.seen_at, kept.announce) == (date(2025, 5, 9), now, False)
    assert kept.party_keys == (PUTIN.key,) and kept.figure == "Vladimir Putin"
    assert not expired(kept, now + timedelta(days=30), policy)
    assert expired(kept, now + timedelta(days=31), policy)
    met = waiting(*observation("zelensky", "putin", T, "2025-05-15"), now)
    assert met.party_keys == (FIGURES["zelensky"].key, PUTIN.key)
    assert met.at == day("2025-05-15")  # the article's date, none stated


def test_findings_are_tried_by_the_date_of_what_they_observed_then_by_arrival() -> None:
    early = waiting(*putin_lone(D, "2025-05-11"), day("2025-05-20"))
    late_first = waiting(*putin_lone(T, "2025-05-14"), day("2025-05-15"))
    same_day_later = waiting(*putin_lone(D, "2025-05-11", outlet="Other"), day("2025-05-21"))
    assert in_attach_order([late_first, same_day_later, early]) == [
        early, same_day_later, late_first]


def test_a_record_opened_or_placed_calls_the_waiting_findings_of_its_figures() -> None:
    ledger = Ledger()
    [opened] = ledger.feed(INVITATION)
    assert opens_or_places(opened, None)
    record = ledger.only()
    again = TrackOutcome(invitation=record, is_new=False, entry=None, status_changed=False)
    assert not opens_or_places(again, record)
    vague = replace(record, occasion=Occasion(MEETING))
    assert opens_or_places(again, vague)  # the report placed it
    assert figures_of([again], [record]) == []
    assert figures_of([again], [vague]) == [FIGURES["zelensky"].key, PUTIN.key]


def test_the_debug_line_says_since_when_and_for_whom_it_waited() -> None:
    kept = waiting(*REFUSAL, day("2025-05-11", hour=18))
    assert waited_note(kept) == ("waited from 2025-05-11 for a record of Vladimir Putin: "
                                 "declined (meeting (Istanbul)), dated 2025-05-11, Lone Wire")


# -- in the ledger, as the pipeline applies them ---------------------------------------------

def test_a_refusal_before_the_invitation_ends_declined_as_in_date_order() -> None:
    for order in ("refusal first", "invitation first"):
        ledger = Ledger()
        if order == "refusal first":
            assert ledger.lone(REFUSAL) == []
            assert len(ledger.waiting) == 1
            ledger.feed(INVITATION)
        else:
            ledger.feed(INVITATION)
            ledger.lone(REFUSAL)
        record = ledger.only()
        assert record.status == D, order
        assert ledger.waiting == []
        # Dated the day before the invitation's first report: still its answer.
        assert [e.status for e in record.timeline] == [D, P]
        said = [(n.kind, n.status) for n in ledger.notifications]
        assert said == [(NotificationKind.NEW, P), (NotificationKind.STATUS, D)], order


def test_an_observation_before_the_invitation_moves_it_when_it_opens() -> None:
    met = observation("zelensky", "putin", T, "2025-05-15", place="Istanbul")
    ledger = Ledger()
    assert ledger.observe(met) == []
    ledger.feed(INVITATION)
    assert ledger.only().status == T and ledger.waiting == []


def test_a_finding_that_fits_no_record_keeps_waiting_until_one_fits() -> None:
    ledger = Ledger()
    ledger.lone(putin_lone(D, "2025-05-11", place="Vienna"))
    ledger.feed(INVITATION)  # Istanbul: not the talks in Vienna
    assert ledger.only().status == P and len(ledger.waiting) == 1
    ledger.feed(report("zelensky", "putin", P, "2025-05-13", kind=MEETING, place="Vienna",
                       outlet="b"))
    assert {r.occasion.place: r.status for r in ledger.invitations.values()} == {
        "Istanbul": P, "Vienna": D}
    assert ledger.waiting == []


def test_the_side_still_matters_after_waiting() -> None:
    ledger = Ledger()
    ledger.lone(putin_lone(D, "2025-05-11", side=SIDE_INVITER))  # Putin as the host
    ledger.feed(INVITATION)
    assert ledger.only().status == P and len(ledger.waiting) == 1


def test_a_finding_outside_the_window_of_the_record_does_not_join_it() -> None:
    ledger = Ledger(policy=TrackerPolicy(window_days=30))
    ledger.lone(putin_lone(D, "2025-03-01"))
    ledger.feed(INVITATION, now=day("2025-03-20"))  # arrives while the refusal still waits
    assert ledger.only().status == P
    assert len(ledger.waiting) == 1  # two months before the invitation: another occasion


def test_an_expired_finding_is_not_tried() -> None:
    ledger = Ledger(policy=TrackerPolicy(window_days=30))
    ledger.lone(REFUSAL, now=day("2025-05-11"))
    ledger.feed(INVITATION, now=day("2025-06-20"))
    assert ledger.only().status == P and ledger.waiting == []


def test_two_records_that_fit_alike_take_none_and_the_finding_stops_waiting() -> None:
    ledger = Ledger()
    ledger.lone(putin_lone(D, "2025-05-11", place=None))
    ledger.feed(report("zelensky", "putin", P, "2025-05-12", kind=MEETING, place="Istanbul",
                       outlet="a"))
    # One record: a refusal naming no place fits it by its kind, and joins it.
    assert ledger.only().status == D and ledger.waiting == []
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2025-05-12", kind=MEETING, place="Istanbul",
                       outlet="a"))
    ledger.feed(report("erdogan", "putin", P, "2025-05-12", kind=MEETING, place="Ankara",
                       outlet="b"))
    ledger.lone(putin_lone(D, "2025-05-11", place=None, outlet="c"))
    assert ledger.waiting == [] and ledger.traces  # linked to none, said why, not kept
    assert {r.status for r in ledger.invitations.values()} == {P}


def test_a_finding_beyond_the_window_joins_once_a_report_in_between_widens_it() -> None:
    # The offer (12 May), then a refusal dated two months on: beyond a 30-day window, it
    # waits. The offer renewed in June widens the record's window to the refusal's date.
    ledger = Ledger(policy=TrackerPolicy(window_days=30))
    ledger.feed(INVITATION)
    ledger.lone(putin_lone(D, "2025-07-12"), now=day("2025-07-12"))
    assert ledger.only().status == P and len(ledger.waiting) == 1
    ledger.feed(report("zelensky", "putin", P, "2025-06-20", kind=MEETING, place="Istanbul",
                       outlet="Other"), now=day("2025-07-13"))
    assert ledger.only().status == D and ledger.waiting == []


def test_a_report_that_widens_a_records_span_calls_the_waiting_findings() -> None:
    ledger = Ledger()
    ledger.feed(INVITATION)
    record = ledger.only()
    [later] = ledger.feed(report("zelensky", "putin", P, "2025-05-20", kind=MEETING,
                                 place="Istanbul", outlet="Other"))
    assert opens_or_places(later, record)
    assert figures_of([later], [record]) == [FIGURES["zelensky"].key, PUTIN.key]


def test_a_status_change_alone_calls_the_waiting_findings() -> None:
    """A refusal reversed by a report dated inside the record's span (its occasion and
    window unchanged): a finding that waited because the record was settled now fits."""
    A = Status.ACCEPTED
    ledger = Ledger()
    ledger.feed(INVITATION)
    ledger.feed(report("zelensky", "putin", P, "2025-05-20", kind=MEETING, place="Istanbul",
                       outlet="Later Wire"))
    ledger.feed(report("zelensky", "putin", D, "2025-05-14", kind=MEETING, place="Istanbul",
                       outlet="Refusal Wire"))
    assert ledger.only().status == D
    ledger.lone(putin_lone(A, "2025-05-16"))  # the record is settled: it waits
    assert len(ledger.waiting) == 1
    before = ledger.only()
    [changed] = ledger.feed(report("zelensky", "putin", A, "2025-05-15", kind=MEETING,
                                   place="Istanbul", outlet="Reversal Wire"))
    assert changed.status_changed and changed.invitation.status == A
    assert opens_or_places(changed, before)  # neither occasion nor span changed
    assert ledger.waiting == [] and len(ledger.only().timeline) == 5
