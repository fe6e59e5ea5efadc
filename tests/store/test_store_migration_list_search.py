"""Migration 0012_list_search_trigram: on PostgreSQL, trigram indexes of the four columns
the lists' text search compares (ILIKE) can answer it (a text no invitation holds no longer reads
every row); the answers are the same; downgrading drops the indexes and keeps the rows."""

from __future__ import annotations

import importlib

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import inspect, text

from bot.domain import Occasion, OccasionKind, Party
from bot.store import InvitationFilter, SqlStore, repo_lists
from tests.support.builders import MUSK, new_outcome, source, state

INDEXES = {"ix_invitations_inviter_name_trgm", "ix_invitations_invitee_name_trgm",
           "ix_invitations_occasion_text_trgm", "ix_invitations_occasion_place_trgm"}


def _fill(store: SqlStore) -> None:
    with store.unit() as unit:
        for n in range(30):
            occasion = Occasion(OccasionKind.VISIT, f"Town {n}", text=f"a visit to Town {n}")
            unit.save_outcome(new_outcome(state(
                inviter=MUSK, invitee=Party(f"Person {n} Nåme", f"name:person {n}"),
                occasion=occasion)), source(f"https://x.example/{n}"))


def _found(store: SqlStore, needle: str) -> list[int]:
    with store.unit(read_only=True) as unit:
        return sorted(i.id or 0 for i in unit.list_invitations(
            InvitationFilter(search=needle, limit=100)))


def _indexes(store: SqlStore) -> set[str]:
    return {ix["name"] for ix in inspect(store.engine).get_indexes("invitations")} & INDEXES


NEEDLES = ("person 1", "PERSON 2", "town 29", "visit", "musk", "zqxjk")


def test_search_answers_alike_with_the_indexes_and_without(store: SqlStore) -> None:
    _fill(store)
    found = {needle: _found(store, needle) for needle in NEEDLES}
    assert len(found["person 1"]) == 11 and found["zqxjk"] == [] and len(found["visit"]) == 30
    if store.dialect == "postgresql":
        assert _indexes(store) == INDEXES
        assert "trgm" in _no_match_plan(store)
    # This migration's own downgrade, not the history's: later migrations stay applied.
    with store.engine.begin() as connection, Operations.context(
            MigrationContext.configure(connection)):
        importlib.import_module("bot.store.migrations.versions.0012_list_search_trigram"
                                ).downgrade()
    assert _indexes(store) == set()
    assert {needle: _found(store, needle) for needle in NEEDLES} == found


def _no_match_plan(store: SqlStore) -> str:
    """The plan of a search no row matches, with sequential scans off (a table this small
    is cheaper to scan): that the trigram indexes can answer the LIKE at all."""
    with store.engine.connect() as connection, connection.begin() as transaction:
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        rows = connection.execute(text(
            "EXPLAIN SELECT id FROM invitations WHERE inviter_name ILIKE :p"
            " OR invitee_name ILIKE :p OR occasion_text ILIKE :p"
            " OR occasion_place ILIKE :p"), {"p": "%zqxjk%"}).all()
        transaction.rollback()
    return "\n".join(str(r[0]) for r in rows)


@pytest.mark.parametrize("needle", ["ab", "%", "_"])
def test_short_and_wildcard_texts_still_search(store: SqlStore, needle: str) -> None:
    _fill(store)
    assert _found(store, needle) == []


def test_a_common_text_keeps_the_plain_condition(store: SqlStore,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A text matching more invitations than the id lookup collects is searched with the
    plain condition: the same answers either way."""
    _fill(store)
    found = {needle: _found(store, needle) for needle in NEEDLES}
    monkeypatch.setattr(repo_lists, "SEARCH_IDS_AT_MOST", 5)
    assert {needle: _found(store, needle) for needle in NEEDLES} == found
    with store.unit(read_only=True) as unit:
        page = unit.invitation_page(InvitationFilter(search="town 2", limit=3))
        assert len(page.items) == 3 and page.more  # Town 2, 20-29: eleven
        assert unit.count_invitations(InvitationFilter(search="town 2")) == 11
