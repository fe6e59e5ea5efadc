"""A report linked to none because it fitted two records alike joins them once a bridging
report shows the two records to be one invitation (`track.relink`), whether it was linked
to none on arrival or taken off a record later (`vague.regroup`)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from bot.domain import NotificationKind, OccasionKind, Report, Status
from bot.tracker import LinkTrace, TrackerPolicy, relink
from tests.support.tracker_ledger import Ledger, day, report

P, A = Status.PENDING, Status.ACCEPTED
MEETING = OccasionKind.MEETING


def _talks(status: Status, on: str, place: str | None, outlet: str,
           evidence: str | None = None) -> Report:
    return report("biden", "lula", status, on, kind=MEETING, place=place, outlet=outlet,
                  evidence=evidence)


BRUSSELS = _talks(P, "2021-05-03", "Brussels", "brussels")
GENEVA = _talks(P, "2021-05-04", "Geneva", "geneva")
# Dated after both were placed: it fits either alike and joins neither.
ACCEPTED = _talks(A, "2021-05-06", None, "accepted")
BRIDGE = _talks(P, "2021-05-10", "Geneva", "bridge",
                evidence="The talks first floated for Brussels will be held in Geneva")


def _run(reports: Sequence[Report]) -> Ledger:
    ledger = Ledger()
    for rep in reports:
        ledger.feed(rep, now=day("2021-06-01"))
    return ledger


# The bridge after both records (a bridge before the second record opens merges nothing:
# bridging's own order effect, see `bridge.py`): the vague acceptance in every place.
ORDERS = [[*order, BRIDGE]
          for order in itertools.permutations([BRUSSELS, GENEVA, ACCEPTED])]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: "-".join(
    r.source.outlet or "" for r in o))
def test_a_report_linked_to_none_joins_the_record_its_rivals_merge_into(
        order: list[Report]) -> None:
    ledger = _run(order)
    record = ledger.only()
    assert record.occasion.place == "Geneva" and record.status == A
    assert sorted(e.url or "" for e in record.timeline) == sorted(
        r.source.url or "" for r in [BRUSSELS, GENEVA, ACCEPTED, BRIDGE])
    # Nothing announced twice in a row; the acceptance is announced last. (Where it first
    # joined a record alone and was taken off it, that record's return to pending was
    # announced as the correction it is.)
    mine = [n.status for n in ledger.notifications if n.invitation_id == record.id
            and n.kind in (NotificationKind.NEW, NotificationKind.STATUS)]
    assert mine[-1] == A and all(a != b for a, b in itertools.pairwise(mine)), mine


def test_in_date_order_the_acceptance_waits_for_the_bridge() -> None:
    ledger = Ledger()
    for rep in [BRUSSELS, GENEVA, ACCEPTED]:
        ledger.feed(rep, now=day("2021-06-01"))
    assert len(ledger.invitations) == 2 and len(ledger.unlinked) == 1
    assert all(inv.status == P for inv in ledger.invitations.values())
    ledger.feed(BRIDGE, now=day("2021-06-01"))
    assert ledger.only().status == A


def test_a_report_that_also_fitted_a_record_outside_the_merge_stays_unlinked() -> None:
    ledger = _run([BRUSSELS, GENEVA])
    record = next(iter(ledger.invitations.values()))
    assert record.id is not None
    entry = _run([ACCEPTED]).only().timeline[0]
    outside = LinkTrace((record.id, record.id + 100), "fits two", entry)
    assert relink(record, (), [outside], day("2021-06-01"), TrackerPolicy()) is None
    inside = LinkTrace((record.id, record.id + 100), "fits two", entry)
    joined = relink(record, (record.id + 100,), [inside], day("2021-06-01"), TrackerPolicy())
    assert joined is not None and joined.invitation.status == A
    # Already held: nothing joins twice.
    assert relink(joined.invitation, (record.id + 100,), [inside], day("2021-06-01"),
                  TrackerPolicy()) is None
