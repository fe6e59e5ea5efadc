"""Reports naming no place before (or between) specific ones of the same pair: where they
belong is decided on the reports' dates (`track._known_then`), and `vague.regroup` decides
again the ones that arrived early, so the arrival order does not change the records."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

import pytest

from bot.domain import NotificationKind, OccasionKind, Report, Status
from bot.tracker import TrackerPolicy
from bot.tracker.corrections import set_status
from tests.support.tracker_ledger import Ledger, day, report

P, A, D = Status.PENDING, Status.ACCEPTED, Status.DECLINED
MEETING, VISIT = OccasionKind.MEETING, OccasionKind.VISIT


def _talks(status: Status, on: str, place: str | None, outlet: str,
           kind: OccasionKind = MEETING) -> Report:
    return report("macron", "scholz", status, on, kind=kind, place=place, outlet=outlet)


OPENER = _talks(P, "2024-03-01", None, "opener")
ACCEPTED = _talks(A, "2024-03-02", None, "accepted")
PARIS = _talks(P, "2024-03-04", "Paris", "paris")
BERLIN = _talks(P, "2024-03-06", "Berlin", "berlin")


def _records(reports: Sequence[Report]) -> Ledger:
    ledger = Ledger()
    for rep in reports:
        ledger.feed(rep, now=day("2024-04-01"))
    return ledger


def _by_place(ledger: Ledger) -> dict[str, tuple[Status, list[str | None]]]:
    return {inv.occasion.place or "": (inv.status, sorted(e.outlet or "" for e in inv.timeline))
            for inv in ledger.invitations.values()}


@pytest.mark.parametrize("order", list(itertools.permutations([OPENER, ACCEPTED, PARIS, BERLIN])),
                         ids=lambda order: "-".join(r.source.outlet or "" for r in order))
def test_early_vague_reports_stay_with_the_first_placed_record_in_any_order(
        order: Sequence[Report]) -> None:
    ledger = _records(order)
    assert _by_place(ledger) == {"Paris": (A, ["accepted", "opener", "paris"]),
                                 "Berlin": (P, ["berlin"])}
    news = [n for n in ledger.notifications if n.kind == NotificationKind.NEW]
    assert len(news) == 2
    # Never the same status announced twice in a row for one record.
    for ident in ledger.invitations:
        statuses = [n.status for n in ledger.notifications if n.invitation_id == ident]
        assert all(a != b for a, b in itertools.pairwise(statuses)), statuses


def test_in_date_order_nothing_is_regrouped_and_no_status_taken_back() -> None:
    ledger = _records([OPENER, ACCEPTED, PARIS, BERLIN])
    assert ledger.traces == []
    assert [(n.kind, n.status) for n in ledger.notifications] == [
        (NotificationKind.NEW, P), (NotificationKind.STATUS, A), (NotificationKind.NEW, P)]


def test_a_vague_acceptance_moves_to_the_record_placed_first_after_it() -> None:
    """Berlin arrived first and took the acceptance of 2 March; Paris, placed on the 4th
    (before Berlin), is the invitation that acceptance answered: it moves there, the new
    record is announced once with it, and Berlin's status change back is announced."""
    ledger = _records([BERLIN, ACCEPTED])
    assert _by_place(ledger) == {"Berlin": (A, ["accepted", "berlin"])}
    ledger.notifications.clear()
    outcomes = ledger.feed(PARIS, now=day("2024-04-01"))
    paris, berlin = outcomes
    assert paris.is_new and paris.invitation.status == A
    assert [n.kind for n in paris.notifications] == [NotificationKind.NEW]
    assert berlin.detached and berlin.invitation.status == P and berlin.status_changed
    assert [(n.kind, n.status, n.previous_status) for n in berlin.notifications] == [
        (NotificationKind.STATUS, P, A)]
    (trace,) = ledger.traces
    assert trace.entry.outlet == "accepted" and "moved there" in trace.reason


def test_a_vague_report_both_records_fit_alike_is_taken_off_and_says_why() -> None:
    """Accepted "the talks" on the 5th, when Paris (the 1st) and, as a late-arriving report
    shows, Berlin (the 1st too) were both on the table: no record can claim it."""
    ledger = _records([_talks(P, "2024-03-01", "Paris", "paris"),
                       _talks(A, "2024-03-05", None, "vague")])
    assert _by_place(ledger) == {"Paris": (A, ["paris", "vague"])}
    ledger.notifications.clear()
    ledger.feed(_talks(P, "2024-03-01", "Berlin", "berlin"), now=day("2024-04-01"))
    assert _by_place(ledger) == {"Paris": (P, ["paris"]), "Berlin": (P, ["berlin"])}
    statuses = [(n.kind, n.status) for n in ledger.notifications]
    assert statuses == [(NotificationKind.NEW, P), (NotificationKind.STATUS, P)]
    (trace,) = ledger.traces
    assert trace.invitation_ids == (1,) and trace.entry.outlet == "vague"
    assert "alike" in trace.reason and "linked to none" in trace.reason
    # As if it had arrived last: linked to none, a trace on both.
    late = _records([_talks(P, "2024-03-01", "Paris", "paris"),
                     _talks(P, "2024-03-01", "Berlin", "berlin"),
                     _talks(A, "2024-03-05", None, "vague")])
    assert _by_place(late) == _by_place(ledger)


def test_a_vague_report_the_other_record_fits_better_stays() -> None:
    """A visit announced with no place, then a visit to Paris, then talks in Berlin: the
    visit is Paris's whatever the dates (a closer kind)."""
    ledger = _records([_talks(P, "2024-03-01", None, "vague", VISIT),
                       _talks(P, "2024-03-08", "Paris", "paris", VISIT),
                       _talks(P, "2024-03-04", "Berlin", "berlin", MEETING)])
    assert _by_place(ledger)["Paris"] == (P, ["paris", "vague"])
    assert ledger.traces == []


def test_a_record_an_editor_corrected_keeps_its_entries() -> None:
    ledger = _records([BERLIN, ACCEPTED])
    (berlin,) = ledger.invitations.values()
    ledger.apply(set_status(berlin, A, "confirmed by the chancellery", "ed", day("2024-03-07")))
    ledger.feed(PARIS, now=day("2024-04-01"))
    assert _by_place(ledger)["Berlin"][1] == ["accepted", "berlin", "editor: ed"]
    assert _by_place(ledger)["Paris"] == (P, ["paris"]) and ledger.traces == []


def test_a_vague_entry_is_not_taken_from_a_record_it_alone_would_leave_unplaced() -> None:
    """A record whose only report naming its place is gone would keep its place from
    nothing: the vague entries stay (the record is not emptied)."""
    ledger = _records([BERLIN, ACCEPTED])
    (berlin,) = ledger.invitations.values()
    only_vague = [e for e in berlin.timeline if e.vague_kind is not None]
    ledger.invitations[berlin.id or 0] = replace(berlin, timeline=only_vague)
    ledger.feed(PARIS, now=day("2024-04-01"))
    assert ledger.traces == []


def test_the_first_report_naming_the_place_words_the_kind_in_either_order() -> None:
    vague = _talks(P, "2024-03-01", None, "vague", MEETING)
    paris = _talks(P, "2024-03-04", "Paris", "paris", VISIT)
    for order in ([vague, paris], [paris, vague]):
        (inv,) = _records(order).invitations.values()
        assert inv.occasion.kind == VISIT and inv.occasion.place == "Paris"


def test_a_vague_report_carries_its_kind_and_a_placed_one_none() -> None:
    ledger = _records([OPENER, PARIS])
    (inv,) = ledger.invitations.values()
    assert [(e.outlet, e.vague_kind) for e in inv.timeline] == [("opener", MEETING),
                                                                 ("paris", None)]


def test_regrouping_respects_the_window() -> None:
    """A vague report beyond the window of the later record is not about it at all."""
    policy = TrackerPolicy(window_days=30)
    ledger = Ledger(policy=policy)
    for rep in (_talks(P, "2024-01-02", "Berlin", "berlin"),
                _talks(A, "2024-01-03", None, "vague"),
                _talks(P, "2024-06-01", "Paris", "paris")):
        ledger.feed(rep, now=day("2024-06-02"))
    assert _by_place(ledger)["Berlin"] == (A, ["berlin", "vague"])


def test_entries_linked_by_the_reply_rules_are_not_regrouped() -> None:
    """A counter-offer naming no place answers the offer it follows (linked by time), and
    its RESPONDED entry there is no vague report of that record's direction."""
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"))
    ledger.feed(report("putin", "zelensky", P, "2021-04-22", kind=VISIT, place=None))
    (answered,) = ledger.between("zelensky", "putin")
    assert answered.status == Status.RESPONDED
    assert [e.vague_kind for e in answered.timeline] == [None, None]
    (counter,) = ledger.between("putin", "zelensky")
    assert [e.vague_kind for e in counter.timeline] == [VISIT]
