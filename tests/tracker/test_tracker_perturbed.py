"""The story corpus read the way a real matcher reads it: the annotated mentions with the
occasion's kind unspecified or swapped within a family, the place dropped or widened to
its country. Such readings must not change the records the tracker keeps nor their final
statuses (issue 15: one record per invitation with an imperfect matcher). Status misreads
and swapped roles are left out: with them the story itself changes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import pytest

from bot.domain import Occasion, OccasionKind, Report
from bot.evaluation.story_files import Story
from bot.tracker.occasion import canonical_place, place_affinity, place_key
from tests.tracker.test_tracker_corpus import BY_ID, items_of, outcome_of

# Each place named in the corpus that a matcher could widen, and the country it widens to.
_COUNTRY = {
    "kyiv": "Ukraine", "donbas": "Ukraine", "moscow": "Russia", "sochi": "Russia",
    "st petersburg": "Russia", "paris": "France", "washington": "the United States",
    "the white house": "the United States", "white house": "the United States",
    "kremlin": "Russia", "pyongyang": "North Korea", "istanbul": "Turkey",
    "budapest": "Hungary", "beijing": "China", "rio de janeiro": "Brazil",
    "normandy": "France", "bregancon": "France", "fort de bregancon": "France",
    "anchorage": "the United States", "alaska": "the United States", "rome": "Italy",
    "vatican": "Italy",
}

_FAMILY = {OccasionKind.VISIT: OccasionKind.MEETING, OccasionKind.MEETING: OccasionKind.VISIT}


def _with_occasion(change: Callable[[Occasion], Occasion]) -> Callable[[Report], Report]:
    def apply(rep: Report) -> Report:
        mention = replace(rep.mention, occasion=change(rep.mention.occasion))
        return replace(rep, mention=mention)
    return apply


def _widened(occasion: Occasion) -> Occasion:
    key = place_key(canonical_place(occasion.place))
    return replace(occasion, place=_COUNTRY.get(key or "", occasion.place))


READINGS: dict[str, Callable[[Report], Report]] = {
    "kind unspecified": _with_occasion(lambda o: replace(o, kind=OccasionKind.OTHER)),
    "visit and meeting swapped": _with_occasion(
        lambda o: replace(o, kind=_FAMILY.get(o.kind, o.kind))),
    "place dropped": _with_occasion(lambda o: replace(o, place=None)),
    "place widened to its country": _with_occasion(_widened),
}


@pytest.mark.parametrize("reading", sorted(READINGS))
@pytest.mark.parametrize("story_id", sorted(BY_ID))
def test_a_looser_reading_of_the_occasion_keeps_the_records(story_id: str, reading: str
                                                            ) -> None:
    story = BY_ID[story_id]
    if reading == "place dropped" and _told_apart_only_by_place(story):
        pytest.skip("two invitations of one pair and kind told apart by their places alone")
    if reading == "place widened to its country" and _one_country_apart(story):
        pytest.skip("two invitations of one pair to two cities of one country: widened, "
                    "one names the country the other's city lies in (the place tree)")
    # The reading changes the mentions; the observations (no invitation word) stay.
    reports = sorted((READINGS[reading](r) if isinstance(r, Report) else r
                      for r in items_of(story)),
                     key=lambda r: r.source.published if isinstance(r, Report)
                     else r[1].published)
    count, finals, _news = outcome_of(reports)
    assert count == len(story.records), finals
    expected = Counter(r.final_status.value for r in story.records)
    assert Counter(f[3] for f in finals) == expected


def _told_apart_only_by_place(story: Story) -> bool:
    """Whether two expected records differ only in their (named) places: without the places
    no reading can tell their reports apart, so the reading changes the story itself."""
    records = story.records
    return any(
        (a.inviter, a.invitee, a.kind) == (b.inviter, b.invitee, b.kind)
        and a.place is not None and b.place is not None and a.place != b.place
        for i, a in enumerate(records) for b in records[i + 1:])


def _one_country_apart(story: Story) -> bool:
    """Whether two expected records of one pair name two places that widening one of them
    makes compatible (Paris widened to France contains Strasbourg): the reading then says
    "a visit to France", which may be either invitation."""
    records = story.records
    return any(
        (a.inviter, a.invitee) == (b.inviter, b.invitee)
        and a.place is not None and b.place is not None and a.place != b.place
        and any(place_affinity(_widened(Occasion(OccasionKind.OTHER, x)).place, y) == 2
                for x, y in ((a.place, b.place), (b.place, a.place)))
        for i, a in enumerate(records) for b in records[i + 1:])
