"""An observation naming no place, placed by the date rule and decided again when a report
arriving later places a record earlier, through the real pipeline and store on both
backends: it moves with its article, the debug view says why, nothing is announced twice."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import cast

import pytest

from bot.domain import NotificationKind, OccasionKind, Status
from bot.evaluation.stories_eval import AnnotationMatcher
from bot.evaluation.story_files import load_story
from bot.matcher import Matcher
from bot.store import SqlStore
from bot.store.api import NOTE_TRACE, InvitationFilter
from bot.store.explain_queries import find_article, traces
from tests.support.story_replay import replay_in_order

STORY = load_story(Path(__file__).resolve().parents[1] / "data" / "stories"
                   / "macron-meloni-paris-called-off-strasbourg-2023.json")
MATCHER = cast(Matcher, AnnotationMatcher([STORY]))
ARTICLES = {a["id"]: dict(a) for a in STORY.articles}


@pytest.mark.parametrize("order", [["mmps-1", "mmps-2", "mmps-3", "mmps-4"],
                                   ["mmps-3", "mmps-2", "mmps-1", "mmps-4"],
                                   ["mmps-3", "mmps-4", "mmps-2", "mmps-1"]])
def test_the_calling_off_ends_on_the_paris_record_in_any_order(
        store: SqlStore, order: list[str]) -> None:
    replay_in_order(store, MATCHER, ARTICLES, order)
    called_off = find_article(store, ARTICLES["mmps-2"]["url"])
    assert called_off is not None
    with store.unit() as unit:
        records = {r.occasion.place: r for r in unit.list_invitations(InvitationFilter(limit=9))}
        assert {p: r.status for p, r in records.items()} == {
            "Paris": Status.WITHDRAWN, "Strasbourg": Status.ACCEPTED}
        paris = unit.get_invitation(records["Paris"].id or 0)
        assert paris is not None
        moved = [e for e in paris.timeline if e.url == ARTICLES["mmps-2"]["url"]]
        assert [(e.article_id, e.vague_kind) for e in moved] == [
            (called_off.id, OccasionKind.MEETING)]
        strasbourg_notes = [n.action for n in unit.notes(records["Strasbourg"].id or 0,
                                                         traces=True) if n.kind == NOTE_TRACE]
        sent = [item.notification for item in unit.undelivered("test", 100)]
    assert [(t.invitation_id, t.status) for t in traces(store, called_off.id)] == [
        (paris.id, Status.WITHDRAWN)]
    # Regrouped only when the calling-off had joined Strasbourg first.
    assert strasbourg_notes == (["regrouped"] if order.index("mmps-2") < order.index("mmps-1")
                                else [])
    for record in records.values():
        said = [n.status for n in sent if n.invitation_id == record.id
                and n.kind in (NotificationKind.NEW, NotificationKind.STATUS)]
        assert all(a != b for a, b in itertools.pairwise(said)), said
