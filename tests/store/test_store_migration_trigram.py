"""Migration 0011_trigram_search: on PostgreSQL, trigram indexes answer the autocomplete's
"contains" step (a text matching no name no longer reads every name); without pg_trgm,
and on SQLite, nothing changes; downgrading drops the indexes and keeps every row."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect, text

from bot.domain import Party
from bot.store import SqlStore, migration_ops, open_store
from bot.store.migrate import alembic_config
from tests.store.test_store_figures_seen import NEEDLES, reference
from tests.support.builders import MUSK, PUTIN, new_outcome, source, state

TRIGRAM_INDEXES = {"ix_figures_seen_name_trgm", "ix_figures_seen_key_trgm"}
NO_MATCH = "zqxjk"


def figures_indexes(store: SqlStore) -> set[str]:
    return {ix["name"] for ix in inspect(store.engine).get_indexes("figures_seen")}


def fill(store: SqlStore) -> None:
    parties = [Party(f"Person {n} Nåme", f"name:person {n}") for n in range(40)]
    with store.unit() as unit:
        for n, other in enumerate(parties):
            unit.save_outcome(new_outcome(state(inviter=MUSK if n % 2 else PUTIN,
                                                invitee=other)), source(f"https://x.example/{n}"))


def contains_plan(store: SqlStore) -> str:
    """PostgreSQL's plan of the autocomplete's second step for a text matching nothing,
    with the planner kept from the alternatives a table this small makes cheaper (a scan
    of the table or of the name index), in a transaction rolled back: that the trigram
    indexes can answer the LIKE at all (at 22,000 names the planner picks them itself)."""
    with store.engine.connect() as connection, connection.begin() as transaction:
        connection.execute(text("SET LOCAL enable_seqscan = off"))
        connection.execute(text("DROP INDEX ix_figures_seen_name_folded"))
        rows = connection.execute(text(
            "EXPLAIN SELECT key, name FROM figures_seen WHERE name_folded LIKE :p"
            " OR key_folded LIKE :p"), {"p": f"%{NO_MATCH}%"}).all()
        transaction.rollback()
    return "\n".join(str(r[0]) for r in rows)


def test_trigram_indexes_answer_the_contains_step_and_downgrade_keeps_the_rows(
        store: SqlStore) -> None:
    fill(store)
    with store.unit() as unit:
        for needle in [*NEEDLES, NO_MATCH, "son 1", "åme"]:
            assert unit.figures_seen(needle, 25) == reference(unit, needle, 25), needle
        assert unit.figures_seen(NO_MATCH, 25) == []
    with store.engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM figures_seen")).scalar()
    if store.dialect == "postgresql":
        assert figures_indexes(store) >= TRIGRAM_INDEXES
        plan = contains_plan(store)
        assert "ix_figures_seen_name_trgm" in plan and "ix_figures_seen_key_trgm" in plan, plan
    else:
        assert not TRIGRAM_INDEXES & figures_indexes(store)
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0010_query_indexes")
    assert not TRIGRAM_INDEXES & figures_indexes(store)
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM figures_seen")).scalar() == before
    store.upgrade()  # and up again
    with store.unit() as unit:
        assert unit.figures_seen("son 1", 25) == reference(unit, "son 1", 25)


def test_without_pg_trgm_the_migration_creates_nothing_and_search_answers_alike(
        store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migration_ops, "extension_schema", lambda bind, name: None)
    store = open_store(store_url)
    try:
        assert not TRIGRAM_INDEXES & figures_indexes(store)
        fill(store)
        with store.unit() as unit:
            for needle in [*NEEDLES, NO_MATCH, "son 1"]:
                assert unit.figures_seen(needle, 25) == reference(unit, needle, 25), needle
    finally:
        store.close()


def test_an_extension_that_cannot_be_created_leaves_the_transaction_usable(
        postgres_store_url: str) -> None:
    store = open_store(postgres_store_url, upgrade=False)
    try:
        with store.engine.begin() as connection:
            assert migration_ops.extension_schema(connection, "no_such_extension_iw") is None
            assert connection.execute(text("SELECT 1")).scalar() == 1
            schema: Any = migration_ops.extension_schema(connection, "pg_trgm")
            assert isinstance(schema, str) and schema
    finally:
        store.close()
