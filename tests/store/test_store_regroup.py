"""A vague report the tracker takes off a record (`TrackOutcome.detached`), through the real
pipeline and store on both backends: the row is deleted, the record's summary and status
follow, the debug view says why, and nothing is announced twice."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from bot.analyze import article_from_json
from bot.domain import NotificationKind, OccasionKind, Status, TimelineEntry, TimelineSummary
from bot.evaluation.stories_eval import AnnotationMatcher
from bot.evaluation.story_files import load_story
from bot.matcher import Matcher
from bot.pipeline import process_article
from bot.store import SqlStore
from bot.store.api import NOTE_TRACE, InvitationFilter
from bot.store.codec import summary_from_json, summary_to_json
from bot.store.explain_queries import find_article, traces
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


def test_an_entry_moved_to_another_record_keeps_its_article(store: SqlStore) -> None:
    # The acceptance of 2 March (msps-2) joins Strasbourg, then moves to Paris when the
    # report placing Paris arrives: its row on Paris still names its stored article, so
    # `explain` on that article shows the record it now belongs to.
    _process(store, ["msps-4"], ["msps-2", "msps-3"], ["msps-1"], ["msps-6"])
    moved_url = ARTICLES["msps-2"]["url"]
    stored = find_article(store, moved_url)
    assert stored is not None
    with store.unit() as unit:
        paris = next(inv for inv in unit.list_invitations(InvitationFilter(limit=10))
                     if inv.occasion.place == "Paris")
        whole = unit.get_invitation(paris.id or 0)
    assert whole is not None
    assert [e.article_id for e in whole.timeline if e.url == moved_url] == [stored.id]
    # Every entry of both records names its article: none was lost on the way.
    with store.unit() as unit:
        for inv in unit.list_invitations(InvitationFilter(limit=10)):
            full = unit.get_invitation(inv.id or 0)
            assert full is not None
            assert all(e.article_id is not None for e in full.timeline), full.timeline
    found = traces(store, stored.id)
    assert [(t.invitation_id, t.status) for t in found] == [(paris.id, Status.ACCEPTED)]


def test_a_timeline_summary_keeps_each_entry_s_article() -> None:
    entry = TimelineEntry(at=datetime(2024, 3, 2, tzinfo=UTC), status=Status.ACCEPTED,
                          url="https://example.org/a", outlet="x", lang="en", evidence="e",
                          confidence=0.9, seen_at=datetime(2024, 3, 2, tzinfo=UTC),
                          article_id=7)
    text = summary_to_json([entry], TimelineSummary(languages=("en",)))
    entries, _ = summary_from_json(text, "summary")
    assert entries == [entry] and entries[0].article_id == 7
    # An entry's article is not part of its identity: a read without it is the same entry.
    assert replace(entry, article_id=None) == entry
