"""Reports waiting for a record (`waiting_findings`, migration 0015) on both backends: kept
and read back as they were, found by either figure in date order, dropped and purged; the
migration up and down; and the stories where a one-party report or an observation comes
before the invitation, replayed through the real pipeline in every arrival order."""

from __future__ import annotations

import importlib
import itertools
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import cast

import pytest
from alembic import command
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import inspect

from bot.domain import (
    SIDE_INVITEE,
    LoneObservation,
    Observation,
    Occasion,
    OccasionKind,
    Party,
    Source,
    Status,
    WaitingFinding,
)
from bot.evaluation.stories_eval import AnnotationMatcher
from bot.evaluation.story_files import load_story
from bot.matcher import Matcher
from bot.store import SqlStore
from bot.store.api import InvitationFilter
from bot.store.migrate import alembic_config
from tests.support.builders import T0, article
from tests.support.story_replay import replay_in_order

MODI = Party("Narendra Modi", "narendra-modi")
SCHOLZ = Party("Olaf Scholz", "olaf-scholz")
LULA = Party("Lula", "lula-da-silva")


def _source(url: str, days: int = 0) -> Source:
    return Source(url=url, outlet="Wire", lang="en", published=T0 + timedelta(days=days))


def _lone(days: int = 0, url: str = "https://w.example/modi") -> WaitingFinding:
    finding = LoneObservation(party=MODI, side=SIDE_INVITEE,
                              occasion=Occasion(OccasionKind.MEETING, "Berlin", "the summit"),
                              status=Status.DECLINED, confidence=0.8,
                              evidence="Modi will not attend the summit in Berlin",
                              lang="en", status_date=date(2021, 2, 10))
    return WaitingFinding(finding=finding, source=_source(url, days), at=T0 + timedelta(days),
                          seen_at=T0 + timedelta(days=days), announce=False)


def _observation(days: int = 0) -> WaitingFinding:
    finding = Observation(first=LULA, second=SCHOLZ, occasion=Occasion(OccasionKind.MEETING),
                          status=Status.TOOK_PLACE, confidence=0.7, evidence="they met",
                          lang="pt")
    return WaitingFinding(finding=finding, source=_source("https://w.example/met", days),
                          at=T0 + timedelta(days=days), seen_at=T0 + timedelta(days=days))


def test_a_waiting_finding_reads_back_as_it_was_kept(store: SqlStore) -> None:
    with store.unit() as unit:
        lone_id = unit.keep_waiting(_lone())
        seen_id = unit.keep_waiting(_observation(days=1))
    with store.unit() as unit:
        found = unit.waiting_for([MODI.key, SCHOLZ.key], T0 - timedelta(days=1))
    assert [w.id for w in found] == [lone_id, seen_id]  # by the date of what they observed
    assert found[0] == replace(_lone(), id=lone_id)
    assert found[1] == replace(_observation(days=1), id=seen_id)


def test_waiting_findings_are_found_by_either_figure_and_only_while_fresh(
        store: SqlStore) -> None:
    with store.unit() as unit:
        old = unit.keep_waiting(_lone(days=0, url="https://w.example/old"))
        new = unit.keep_waiting(_lone(days=5, url="https://w.example/new"))
        seen = unit.keep_waiting(_observation(days=3))
    with store.unit() as unit:
        assert [w.id for w in unit.waiting_for([SCHOLZ.key], T0)] == [seen]  # second figure
        assert [w.id for w in unit.waiting_for([LULA.key], T0)] == [seen]  # first figure
        assert [w.id for w in unit.waiting_for(["nobody"], T0)] == []
        assert [w.id for w in unit.waiting_for([MODI.key], T0 + timedelta(days=1))] == [new]
        assert unit.drop_waiting([new]) == 1
        assert unit.purge_waiting(T0 + timedelta(days=1)) == 1  # the old one arrived before
        assert unit.count_waiting() == 1
        assert [w.id for w in unit.waiting_for([MODI.key, LULA.key], T0)] == [seen]
    assert old not in (new, seen)


def test_the_last_arrival_is_the_newest_article_fetched(store: SqlStore) -> None:
    """The store's own clock, against which a correction measures how long a finding has
    waited: on a replayed database, the replayed articles' dates."""
    with store.unit() as unit:
        assert unit.last_arrival() is None
        for days, guid in ((3, "g-late"), (1, "g-early")):
            unit.add_article(article(guid, url=f"https://w.example/{guid}"), feed_id=None,
                             content_hash=guid, canonical_url=None,
                             now=T0 + timedelta(days=days))
    with store.unit() as unit:
        assert unit.last_arrival() == T0 + timedelta(days=3)


def test_the_waiting_migration_goes_down_and_up(store: SqlStore) -> None:
    with store.unit() as unit:
        unit.keep_waiting(_lone())
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0014_list_search_fts")
    assert "waiting_findings" not in inspect(store.engine).get_table_names()
    store.upgrade()
    assert "waiting_findings" in inspect(store.engine).get_table_names()
    with store.unit() as unit:
        assert unit.count_waiting() == 0  # the findings waiting then are gone, nothing else
        unit.keep_waiting(_lone())
        assert unit.count_waiting() == 1
    # The migration's own downgrade (not the history's) drops just the table.
    with store.engine.begin() as connection, Operations.context(
            MigrationContext.configure(connection)):
        importlib.import_module("bot.store.migrations.versions.0015_waiting_findings"
                                ).downgrade()
    assert "waiting_findings" not in inspect(store.engine).get_table_names()
    assert "invitations" in inspect(store.engine).get_table_names()


# -- the stories where a report without an invitation word comes first ----------------------

STORIES_DIR = Path(__file__).resolve().parents[1] / "data" / "stories"
FIRST = {story_id: load_story(STORIES_DIR / f"{story_id}.json")
         for story_id in ("scholz-modi-berlin-declined-first-2024",
                          "macron-lula-paris-met-first-2023")}
MATCHER = cast(Matcher, AnnotationMatcher(list(FIRST.values())))
ORDERS = [(story_id, order) for story_id, story in FIRST.items()
          for order in itertools.permutations(a["id"] for a in story.articles)]


def _final(store: SqlStore) -> list[tuple[str, str, str, str]]:
    with store.unit() as unit:
        return sorted((r.inviter.key, r.invitee.key, r.occasion.place or "", r.status.value)
                      for r in unit.list_invitations(InvitationFilter(limit=20)))


@pytest.mark.parametrize(("story_id", "order"), ORDERS,
                         ids=["/".join(o) for _, o in ORDERS])
def test_every_arrival_order_ends_with_the_expected_record(
        store: SqlStore, story_id: str, order: tuple[str, ...]) -> None:
    story = FIRST[story_id]
    articles = {a["id"]: dict(a) for a in story.articles}
    replay_in_order(store, MATCHER, articles, order)
    [expected] = story.records
    [(_, _, place, status)] = _final(store)
    assert (place, status) == (expected.place, expected.final_status.value)
    with store.unit() as unit:
        assert unit.count_waiting() == 0
        said = [(i.notification.kind.value, i.notification.status.value)
                for i in unit.undelivered("test", 100)]
    # One announcement of the record, and the final status announced once at the end.
    assert said[0][0] == "new" and said.count(("new", said[0][1])) == 1
    assert said[-1][1] == expected.final_status.value
    assert all(a != b for a, b in itertools.pairwise(said)), said
