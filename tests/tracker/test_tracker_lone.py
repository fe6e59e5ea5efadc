"""link_lone: a report naming one party and an occasion moves the one open invitation it
answers; none when nothing or several fit (with a trace); hand-built data only."""

from __future__ import annotations

import pytest

from bot.domain import (
    SIDE_INVITER,
    LoneObservation,
    NotificationKind,
    OccasionKind,
    Party,
    Source,
    Status,
    TimelineEntry,
)
from bot.tracker import TrackerPolicy, link_lone
from bot.tracker.status import resolve_status
from tests.support.tracker_ledger import Ledger, day, lone, report

P, R, A, D, T, W = (Status.PENDING, Status.RESPONDED, Status.ACCEPTED, Status.DECLINED,
                    Status.TOOK_PLACE, Status.WITHDRAWN)
VISIT, MEETING, DEBATE = OccasionKind.VISIT, OccasionKind.MEETING, OccasionKind.DEBATE
POLICY = TrackerPolicy()


def feed_lone(ledger: Ledger, seen: tuple[LoneObservation, Source]):  # type: ignore[no-untyped-def]
    obs, source = seen
    candidates = [inv for inv in ledger.invitations.values()
                  if obs.party.key in (inv.inviter.key, inv.invitee.key)]
    link = link_lone(obs, source, candidates, source.published, ledger.policy)
    for outcome in link.outcomes:
        ledger.apply(outcome)
    return link


def _istanbul_talks() -> Ledger:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2025-05-11", kind=MEETING, place="Istanbul"))
    ledger.notifications.clear()
    return ledger


def test_a_decline_naming_the_invitee_and_the_place_moves_the_invitation() -> None:
    ledger = _istanbul_talks()
    link = feed_lone(ledger, lone("putin", D, "2025-05-14", place="Istanbul"))
    assert link.trace is None and len(link.outcomes) == 1
    inv = ledger.only()
    assert inv.status == D and len(inv.timeline) == 2
    assert [n.kind for n in ledger.notifications] == [NotificationKind.STATUS]


def test_the_party_on_the_wrong_side_does_not_link() -> None:
    """"Zelensky will not attend" cannot answer Zelensky's own invitation to Putin."""
    ledger = _istanbul_talks()
    link = feed_lone(ledger, lone("zelensky", D, "2025-05-14", place="Istanbul"))
    assert link.outcomes == [] and link.trace is None
    assert ledger.only().status == P


def test_either_side_links_a_meeting_that_took_place() -> None:
    ledger = _istanbul_talks()
    link = feed_lone(ledger, lone("zelensky", T, "2025-05-16", side=None, place="Istanbul"))
    assert len(link.outcomes) == 1 and ledger.only().status == T


def test_the_inviter_saying_the_offer_stands_adds_a_pending_entry() -> None:
    ledger = _istanbul_talks()
    link = feed_lone(ledger, lone("zelensky", P, "2025-05-13", side=SIDE_INVITER,
                                  place="Istanbul"))
    inv = ledger.only()
    assert len(link.outcomes) == 1 and inv.status == P and len(inv.timeline) == 2
    assert ledger.notifications == []  # no change, no announcement


def test_a_place_elsewhere_does_not_link() -> None:
    ledger = _istanbul_talks()
    link = feed_lone(ledger, lone("putin", D, "2025-05-14", place="Vienna"))
    assert link.outcomes == [] and ledger.only().status == P


def test_a_place_inside_the_invitations_links() -> None:
    ledger = Ledger()
    ledger.feed(report("kim", "putin", P, "2024-01-10", kind=VISIT, place="North Korea"))
    link = feed_lone(ledger, lone("putin", T, "2024-06-19", kind=VISIT, place="Pyongyang"))
    assert len(link.outcomes) == 1 and ledger.only().status == T


def test_without_a_place_the_kind_must_be_the_same() -> None:
    ledger = _istanbul_talks()
    assert feed_lone(ledger, lone("putin", D, "2025-05-14", kind=OccasionKind.OTHER)).outcomes == []
    assert feed_lone(ledger, lone("putin", D, "2025-05-14", kind=DEBATE)).outcomes == []
    assert len(feed_lone(ledger, lone("putin", D, "2025-05-14", kind=MEETING)).outcomes) == 1


def test_outside_the_window_does_not_link() -> None:
    ledger = _istanbul_talks()
    link = feed_lone(ledger, lone("putin", D, "2026-03-01", place="Istanbul"))
    assert link.outcomes == []


def test_a_settled_invitation_is_not_reopened_by_a_decline() -> None:
    ledger = _istanbul_talks()
    ledger.feed(report("zelensky", "putin", T, "2025-05-16", kind=MEETING, place="Istanbul"))
    link = feed_lone(ledger, lone("putin", D, "2025-05-20", place="Istanbul"))
    assert link.outcomes == [] and ledger.only().status == T


def test_two_fitting_invitations_link_none_and_say_why() -> None:
    ledger = _istanbul_talks()
    ledger.feed(report("trump", "putin", P, "2025-05-12", kind=MEETING, place="Istanbul"))
    before = {i: inv.status for i, inv in ledger.invitations.items()}
    link = feed_lone(ledger, lone("putin", D, "2025-05-14", place="Istanbul"))
    assert link.outcomes == []
    assert link.trace is not None and link.trace.invitation_ids == (1, 2)
    assert "#1, #2" in link.trace.reason and "Vladimir Putin" in link.trace.reason
    assert {i: inv.status for i, inv in ledger.invitations.items()} == before


def test_a_repeat_of_the_same_report_is_not_a_new_entry() -> None:
    ledger = _istanbul_talks()
    feed_lone(ledger, lone("putin", D, "2025-05-14", place="Istanbul"))
    ledger.notifications.clear()
    link = feed_lone(ledger, lone("putin", D, "2025-05-14", place="Istanbul"))
    assert all(o.entry is None for o in link.outcomes) and ledger.notifications == []
    assert len(ledger.only().timeline) == 2


def test_contract_errors_are_clear() -> None:
    seen, source = lone("putin", D, "2025-05-14")
    bad = LoneObservation(party=Party(" "), side=None, occasion=seen.occasion, status=D,
                          confidence=0.5, evidence="", lang="en")
    with pytest.raises(ValueError, match="empty name"):
        link_lone(bad, source, [], source.published, POLICY)
    odd = LoneObservation(party=seen.party, side="guest", occasion=seen.occasion, status=D,
                          confidence=0.5, evidence="", lang="en")
    with pytest.raises(ValueError, match="side"):
        link_lone(odd, source, [], source.published, POLICY)


# -- the status machine and editorial entries -------------------------------------------------


def _entry(status: Status, on: str, *, url: str, editorial: bool = False,
           seen: str | None = None, evidence: str = "") -> TimelineEntry:
    return TimelineEntry(at=day(on), status=status, url=url, outlet="x", lang="en",
                         evidence=evidence or url, confidence=0.9,
                         seen_at=day(seen or on), editorial=editorial)


def test_a_correction_outranks_the_entries_it_was_made_against() -> None:
    timeline = [_entry(T, "2025-01-02", url="a"), _entry(R, "2025-01-05", url="e",
                                                          editorial=True)]
    assert resolve_status(timeline).status == R


def test_the_same_evidence_read_again_after_a_correction_does_not_undo_it() -> None:
    timeline = [
        _entry(A, "2025-01-02", url="a", evidence="X accepted"),
        _entry(D, "2025-01-05", url="e", editorial=True),
        _entry(A, "2025-01-09", url="b", evidence="X accepted"),  # the same sentence elsewhere
    ]
    assert resolve_status(timeline).status == D


def test_new_evidence_after_a_correction_moves_the_status() -> None:
    timeline = [
        _entry(A, "2025-01-02", url="a"),
        _entry(D, "2025-01-05", url="e", editorial=True),
        _entry(T, "2025-02-01", url="c"),
    ]
    assert resolve_status(timeline).status == T


def test_the_latest_correction_counts() -> None:
    timeline = [
        _entry(A, "2025-01-02", url="a"),
        _entry(D, "2025-01-05", url="e1", editorial=True),
        _entry(R, "2025-01-06", url="e2", editorial=True),
    ]
    assert resolve_status(timeline).status == R


def test_took_place_needs_the_place_itself() -> None:
    """"Putin took part in a meeting" (no place) does not settle his pending meeting."""
    ledger = _istanbul_talks()
    assert feed_lone(ledger, lone("putin", T, "2025-05-16", kind=MEETING)).outcomes == []
    ledger2 = Ledger()
    ledger2.feed(report("zelensky", "putin", P, "2025-05-11", kind=MEETING, place=None))
    assert feed_lone(ledger2, lone("putin", T, "2025-05-16", place="Istanbul")).outcomes == []
    assert ledger.only().status == P and ledger2.only().status == P


def test_a_record_hidden_as_false_is_no_rival_to_a_real_one() -> None:
    # Two records fit, but an editor hid one as false: the report answers the other.
    from dataclasses import replace

    ledger = _istanbul_talks()
    ledger.feed(report("trump", "putin", P, "2025-05-12", kind=MEETING, place="Istanbul"))
    ledger.invitations[2] = replace(ledger.invitations[2], hidden=True)
    link = feed_lone(ledger, lone("putin", D, "2025-05-14", place="Istanbul"))
    assert link.trace is None
    assert [o.invitation.id for o in link.outcomes] == [1]
    assert ledger.invitations[1].status == D and ledger.invitations[2].status == P


def test_a_report_from_the_wrong_side_fits_no_rival_either() -> None:
    # "Putin says the offer stands" (the inviter's side) cannot answer invitations TO him,
    # so two such records are no ambiguity: nothing fits at all, and nothing is traced.
    ledger = _istanbul_talks()
    ledger.feed(report("trump", "putin", P, "2025-05-12", kind=MEETING, place="Istanbul"))
    link = feed_lone(ledger, lone("putin", P, "2025-05-14", side=SIDE_INVITER, place="Istanbul"))
    assert link.outcomes == [] and link.trace is None
