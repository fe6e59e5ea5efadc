"""Within one transaction the store reuses what it read (candidate rows, timelines): what a
later lookup in the same unit returns must equal what a fresh transaction reads back."""

from __future__ import annotations

from dataclasses import replace

from bot.domain import Status, TrackOutcome
from bot.store import SqlStore
from bot.store.tables import TimelineEntryRow
from tests.support.builders import (
    MUSK,
    PUTIN,
    at,
    entry,
    new_outcome,
    source,
    state,
    status_outcome,
)


def _pairs() -> list[tuple[str, str]]:
    return [(MUSK.key, PUTIN.key)]


def test_a_feeds_reports_in_one_unit_see_each_others_writes_as_a_fresh_read_does(
        store: SqlStore) -> None:
    with store.unit() as unit:
        invitation_id = unit.save_outcome(new_outcome(state(when=at(days=3))), source())
    with store.unit() as unit:
        [saved] = unit.candidate_invitations(_pairs(), since=at(days=-30))
        # A later status, then an entry about an earlier event (arrives out of order), all in
        # the transaction a poll uses for one feed's entries.
        unit.save_outcome(status_outcome(saved, Status.RESPONDED, at(days=5)),
                          source("https://news.example/a2"))
        [after_first] = unit.candidate_invitations(_pairs(), since=at(days=-30))
        earlier = entry(at(days=1), url="https://news.example/old", seen_at=at(days=6),
                        evidence="An older report of the same invitation.")
        unit.save_outcome(TrackOutcome(
            invitation=replace(after_first, last_update=at(days=6),
                               timeline=[earlier, *after_first.timeline]),
            is_new=False, entry=earlier, status_changed=False),
            source("https://news.example/old"))
        [in_unit] = unit.candidate_invitations(_pairs(), since=at(days=-30))
        # The tracker hands back the whole timeline again: nothing is stored twice.
        unit.save_outcome(TrackOutcome(invitation=replace(in_unit, last_update=at(days=7)),
                                       is_new=False, entry=in_unit.timeline[-1],
                                       status_changed=False), source())
    with store.unit() as unit:
        [fresh] = unit.candidate_invitations(_pairs(), since=at(days=-30))
    assert fresh.id == invitation_id
    assert fresh.timeline == in_unit.timeline
    assert [e.at for e in fresh.timeline] == [at(days=1), at(days=3), at(days=5)]
    assert (fresh.status, fresh.last_update) == (Status.RESPONDED, at(days=7))
    with store.unit() as unit:
        stored = unit.session.query(TimelineEntryRow).count()
    assert stored == 3


def test_merging_invitations_in_a_unit_makes_their_timelines_read_again(
        store: SqlStore) -> None:
    with store.unit() as unit:
        keep = unit.save_outcome(new_outcome(state(when=at(days=1))), source())
        other = unit.save_outcome(new_outcome(state(
            when=at(days=2), timeline=[entry(at(days=2), url="https://news.example/b")])),
            source("https://news.example/b"))
    with store.unit() as unit:
        before = unit.candidate_invitations(_pairs(), since=at(days=-30))
        assert sorted(len(s.timeline) for s in before) == [1, 1]
        unit.absorb_invitation(keep, other)
        merged = unit.get_invitation(keep)
    assert merged is not None
    assert [e.url for e in merged.timeline] == ["https://news.example/a1",
                                                 "https://news.example/b"]
