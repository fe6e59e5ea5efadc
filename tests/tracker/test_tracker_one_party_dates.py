"""Observations and one-party reports naming no place that fit two records of a pair with
conflicting places: like a mention naming none (`track._known_then`), they go to the record
a reader had on the report's date, and `vague.regroup` decides them again when a report
arriving later places a record earlier, so every arrival order ends alike."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from bot.domain import (
    SIDE_INVITEE,
    LoneObservation,
    Observation,
    OccasionKind,
    Report,
    Source,
    Status,
)
from tests.support.tracker_ledger import Ledger, day, observation, report
from tests.tracker.test_tracker_lone import feed_lone, lone

P, D, W = Status.PENDING, Status.DECLINED, Status.WITHDRAWN

MEETING = OccasionKind.MEETING
BRUSSELS = report("trump", "putin", P, "2025-03-01", kind=MEETING, place="Brussels",
                  outlet="brussels")
GENEVA = report("trump", "putin", P, "2025-03-10", kind=MEETING, place="Geneva",
                outlet="geneva")
# Dated between: Brussels was the only summit placed then.
CALLED_OFF = observation("trump", "putin", W, "2025-03-05", kind=MEETING, outlet="off")
WONT_ATTEND = lone("putin", D, "2025-03-05", side=SIDE_INVITEE, kind=MEETING)
# Dated after both were placed: the dates cannot tell.
LATE_OFF = observation("trump", "putin", W, "2025-03-12", kind=MEETING, outlet="late-off")

Item = Report | tuple[Observation, Source] | tuple[LoneObservation, Source]


def _run(items: Sequence[Item]) -> Ledger:
    ledger = Ledger()
    for item in items:
        if isinstance(item, Report):
            ledger.feed(item, now=day("2025-04-01"))
        elif isinstance(item[0], Observation):
            ledger.observe(item, now=day("2025-04-01"))  # type: ignore[arg-type]
        else:
            feed_lone(ledger, item)
    return ledger


def _orders(one_party: Item) -> list[tuple[Item, ...]]:
    """Every order in which a record is there when the one-party report arrives: one that
    comes before any record is linked nowhere (it never opens one) and is not kept."""
    return [o for o in itertools.permutations([BRUSSELS, one_party, GENEVA])
            if o[0] is not one_party]


def _by_place(ledger: Ledger) -> dict[str | None, Status]:
    return {inv.occasion.place: inv.status for inv in ledger.invitations.values()}


@pytest.mark.parametrize("order", _orders(CALLED_OFF),
                         ids=lambda o: "-".join(type(i).__name__[:3] for i in o))
def test_an_observation_goes_to_the_record_placed_by_its_date_in_any_order(
        order: Sequence[Item]) -> None:
    ledger = _run(order)
    assert _by_place(ledger) == {"Brussels": W, "Geneva": P}
    brussels = next(i for i in ledger.invitations.values() if i.occasion.place == "Brussels")
    assert CALLED_OFF[1].url in {e.url for e in brussels.timeline}


@pytest.mark.parametrize("order", _orders(WONT_ATTEND),
                         ids=lambda o: "-".join(type(i).__name__[:3] for i in o))
def test_a_one_party_report_goes_to_the_record_placed_by_its_date_in_any_order(
        order: Sequence[Item]) -> None:
    ledger = _run(order)
    assert _by_place(ledger) == {"Brussels": D, "Geneva": P}


def test_when_both_were_placed_by_its_date_it_still_links_to_none() -> None:
    ledger = _run([BRUSSELS, GENEVA, LATE_OFF])
    assert _by_place(ledger) == {"Brussels": P, "Geneva": P}
    assert len(ledger.traces) == 1 and len(ledger.traces[0].invitation_ids) == 2


def test_an_early_arrival_moved_to_the_earlier_record_is_announced_as_a_change() -> None:
    # Geneva first takes the calling-off alone (withdrawn, announced); Brussels, placed
    # before it, takes it over: Geneva is pending again (announced), nothing twice.
    ledger = _run([GENEVA, CALLED_OFF, BRUSSELS])
    geneva = next(i for i in ledger.invitations.values() if i.occasion.place == "Geneva")
    said = [n.status for n in ledger.notifications if n.invitation_id == geneva.id]
    assert said == [P, W, P]
    assert all(a != b for a, b in itertools.pairwise(said))
    assert any("moved there" in t.reason for t in ledger.traces)
