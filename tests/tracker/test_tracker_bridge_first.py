"""A bridge that arrives before the second record it joins exists (`bridge.bridged_home`):
read when that record would open, so one record holds both, with the bridge's place."""

from __future__ import annotations

import itertools
from dataclasses import replace

from bot.domain import OccasionKind, Status, TimelineSummary
from bot.tracker import TrackerPolicy, bridge_search, track
from tests.support.tracker_ledger import Ledger, report

P, A, D = Status.PENDING, Status.ACCEPTED, Status.DECLINED
MEETING = OccasionKind.MEETING

BRUSSELS = report("biden", "erdogan", P, "2021-05-03", kind=MEETING, place="Brussels",
                  outlet="a", evidence="Biden invited Erdogan to talks in Brussels")
GENEVA = report("biden", "erdogan", P, "2021-05-04", kind=MEETING, place="Geneva",
                outlet="b", evidence="Biden invited Erdogan to talks in Geneva")
BRIDGE = report("biden", "erdogan", P, "2021-05-10", kind=MEETING, place="Geneva",
                outlet="c", evidence="The talks first floated for Brussels will be held "
                                     "in Geneva")
ACCEPTED = report("biden", "erdogan", A, "2021-05-12", kind=MEETING, place="Geneva",
                  outlet="d", evidence="Erdogan accepted the talks in Geneva")


def _records(ledger: Ledger) -> list[tuple[str | None, Status, int]]:
    return sorted((r.occasion.place, r.status, len(r.timeline))
                  for r in ledger.invitations.values())


def test_the_bridge_in_any_order_leaves_one_record_at_its_place() -> None:
    for order in itertools.permutations([BRUSSELS, GENEVA, BRIDGE, ACCEPTED]):
        ledger = Ledger().feed_all(order)
        assert _records(ledger) == [("Geneva", A, 4)], [r.source.outlet for r in order]


def test_a_report_of_the_other_place_joins_the_record_holding_the_bridge() -> None:
    ledger = Ledger().feed_all([BRIDGE, BRUSSELS])
    assert _records(ledger) == [("Geneva", P, 2)]


def test_a_bridge_that_would_open_a_record_joins_the_other_place_and_moves_it() -> None:
    ledger = Ledger().feed_all([BRUSSELS, BRIDGE])
    assert _records(ledger) == [("Geneva", P, 2)]
    assert len([n for n in ledger.notifications if n.kind.value == "new"]) == 1


def test_without_a_sentence_naming_both_places_two_records_stay() -> None:
    ledger = Ledger().feed_all([GENEVA, BRUSSELS])
    assert _records(ledger) == [("Brussels", P, 1), ("Geneva", P, 1)]


def test_a_bridge_to_two_open_records_is_a_guess_and_joins_none() -> None:
    ankara = report("biden", "erdogan", P, "2021-05-05", kind=MEETING, place="Ankara",
                    outlet="e", evidence="Biden invited Erdogan to talks in Ankara")
    both = report("biden", "erdogan", P, "2021-05-10", kind=MEETING, place="Geneva",
                  outlet="c", evidence="The talks floated for Brussels or Ankara will be "
                                       "held in Geneva")
    ledger = Ledger().feed_all([BRUSSELS, ankara, both])
    assert _records(ledger) == [("Ankara", P, 1), ("Brussels", P, 1), ("Geneva", P, 1)]


def test_a_settled_record_is_not_bridged() -> None:
    refused = report("biden", "erdogan", D, "2021-05-05", kind=MEETING, place="Brussels",
                     outlet="f", evidence="Erdogan declined the talks in Brussels")
    ledger = Ledger().feed_all([BRUSSELS, refused, BRIDGE])
    assert _records(ledger) == [("Brussels", D, 2), ("Geneva", P, 1)]


def test_a_report_about_to_open_beside_a_summarised_record_asks_for_its_left_out_entries(
        ) -> None:
    ledger = Ledger().feed_all([GENEVA])
    [geneva] = ledger.invitations.values()
    summarised = replace(geneva, summary=TimelineSummary(languages=("en",)))
    policy = TrackerPolicy()
    opened = track(BRUSSELS, [summarised], BRUSSELS.source.published, policy)
    assert opened[0].is_new
    assert bridge_search(opened, BRUSSELS.mention, [summarised]) == "Brussels"
    # Read whole, or joining a record, or of the same place: nothing to look for.
    assert bridge_search(opened, BRUSSELS.mention, [geneva]) is None
    joined = track(GENEVA, [summarised], GENEVA.source.published, policy)
    assert bridge_search(joined, GENEVA.mention, [summarised]) is None


# b12 lee-ishiba: "…to the APEC summit in Gyeongju, Seoul said" names Seoul as the speaker,
# weeks before an invitation to visit Seoul: no bridge, in any order (issue 15, stories 3).
VISIT = OccasionKind.VISIT
GYEONGJU = report("lee", "ishiba", P, "2025-07-02", kind=MEETING, place="Gyeongju",
                  outlet="g", evidence="Lee invited Ishiba to the APEC summit in Gyeongju, "
                                       "Seoul said on Wednesday")
SEOUL = report("lee", "ishiba", P, "2025-07-04", kind=VISIT, place="Seoul", outlet="h",
               evidence="Lee invited Ishiba to visit Seoul in August")


def test_a_place_floated_only_after_the_sentence_is_not_bridged() -> None:
    for order in itertools.permutations([GYEONGJU, SEOUL]):
        ledger = Ledger().feed_all(order)
        assert _records(ledger) == [("Gyeongju", P, 1), ("Seoul", P, 1)], \
            [r.source.outlet for r in order]


def test_a_stale_report_of_the_first_place_dated_before_the_bridge_still_joins() -> None:
    early = replace(BRUSSELS, source=replace(BRUSSELS.source, outlet="z"))
    ledger = Ledger().feed_all([BRIDGE, early, ACCEPTED])
    assert _records(ledger) == [("Geneva", A, 3)]
