"""A vague report the tracker takes off a record (`TrackOutcome.detached`), through the real
pipeline and store on both backends: the row is deleted, the record's summary and status
follow, the debug view says why, and nothing is announced twice."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, cast

from bot.analyze import article_from_json
from bot.domain import NotificationKind, OccasionKind, Status
from bot.evaluation.stories_eval import AnnotationMatcher
from bot.evaluation.story_files import load_story
from bot.matcher import Matcher
from bot.pipeline import process_article
from bot.store import SqlStore
from bot.store.api import NOTE_TRACE, InvitationFilter
from bot.tracker import TrackerPolicy

STORY = load_story(Path(__file__).resolve().parents[1] / "data" / "stories"
                   / "macron-scholz-paris-and-strasbourg-2024.json")
MATCHER = cast(Matcher, AnnotationMatcher([STORY]))
ARTICLES = {a["id"]: dict(a) for a in STORY.articles}


def _process(store: SqlStore, *batches: list[str]) -> None:
    """Each batch of article ids in one transaction, in the order given (not date order)."""
    for batch in batches:
        with store.unit() as unit:
            for article_id in batch:
                article = article_from_json(cast(dict[str, Any], ARTICLES[article_id]))
                assert article.published is not None
                process_article(unit, MATCHER, article, now=article.published,
                                policy=TrackerPolicy())


def test_an_early_acceptance_moves_from_strasbourg_to_paris_in_the_store(
        store: SqlStore) -> None:
    # Strasbourg arrives first and takes the acceptance of 2 March; Paris (placed on the
    # 4th) comes in the same transaction, then the opener and the refusal of Strasbourg.
    _process(store, ["msps-4"], ["msps-2", "msps-3"], ["msps-1"], ["msps-6"])
    with store.unit() as unit:
        records = {inv.occasion.place: inv for inv in
                   unit.list_invitations(InvitationFilter(limit=10))}
        assert set(records) == {"Paris", "Strasbourg"}
        paris = unit.get_invitation(records["Paris"].id or 0)
        strasbourg = unit.get_invitation(records["Strasbourg"].id or 0)
        assert paris is not None and strasbourg is not None
        assert paris.status == Status.ACCEPTED and strasbourg.status == Status.DECLINED
        assert sorted(e.url or "" for e in paris.timeline) == sorted(
            ARTICLES[i]["url"] for i in ("msps-1", "msps-2", "msps-3"))
        assert sorted(e.url or "" for e in strasbourg.timeline) == sorted(
            ARTICLES[i]["url"] for i in ("msps-4", "msps-6"))
        assert {e.url: e.vague_kind for e in paris.timeline}[ARTICLES["msps-2"]["url"]] == (
            OccasionKind.MEETING)
        notes = [n for n in unit.notes(strasbourg.id or 0, traces=True) if n.kind == NOTE_TRACE]
        assert [n.action for n in notes] == ["regrouped"]
        assert notes[0].detail["url"] == ARTICLES["msps-2"]["url"]
        assert "moved there" in notes[0].text
        sent = [item.notification for item in unit.undelivered("test", 100)]
    for ident in (paris.id, strasbourg.id):
        mine = [n for n in sent if n.invitation_id == ident]
        assert [n.kind for n in mine].count(NotificationKind.NEW) == 1
        statuses = [n.status for n in mine]
        assert all(a != b for a, b in itertools.pairwise(statuses)), statuses
    assert [n.status for n in sent if n.invitation_id == paris.id] == [Status.ACCEPTED]
    assert [n.status for n in sent if n.invitation_id == strasbourg.id] == [
        Status.PENDING, Status.ACCEPTED, Status.PENDING, Status.DECLINED]


def test_in_date_order_the_store_holds_the_expected_records_and_no_regroup_note(
        store: SqlStore) -> None:
    _process(store, *[[a] for a in sorted(ARTICLES, key=lambda i: ARTICLES[i]["date"])])
    with store.unit() as unit:
        records = unit.list_invitations(InvitationFilter(limit=10))
        assert {inv.occasion.place: inv.status for inv in records} == {
            "Paris": Status.ACCEPTED, "Strasbourg": Status.DECLINED}
        actions = [n.action for inv in records
                   for n in unit.notes(inv.id or 0, traces=True)]
        assert "regrouped" not in actions and actions.count("ambiguous_link") == 2
