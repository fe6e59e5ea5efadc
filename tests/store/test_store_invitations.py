"""Invitations: saving tracker outcomes, timelines, status history, candidate lookups."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import event, select

from bot.domain import InvitationState, NotificationKind, Party, Status, TrackOutcome
from bot.errors import StoreError
from bot.store import InvitationFilter, ListCursor, SqlStore
from bot.store.tables import OutboxRow, StatusChangeRow, TimelineEntryRow
from tests.support.builders import (
    MUSK,
    PUTIN,
    T0,
    article,
    at,
    entry,
    new_outcome,
    notification,
    source,
    state,
    status_outcome,
)


def _save(store: SqlStore, outcome: TrackOutcome, url: str = "https://news.example/a1") -> int:
    with store.unit() as unit:
        return unit.save_outcome(outcome, source(url, when=outcome.invitation.last_update))


def _get(store: SqlStore, invitation_id: int) -> InvitationState:
    with store.unit() as unit:
        found = unit.get_invitation(invitation_id)
    assert found is not None
    return found


def _rows(store: SqlStore, table: Any) -> list[Any]:
    with store.engine.connect() as connection:
        return list(connection.execute(select(table).order_by(table.id)).mappings())


def test_a_new_invitation_is_stored_with_its_timeline_and_notification(store: SqlStore) -> None:
    invitation_id = _save(store, new_outcome())
    saved = _get(store, invitation_id)
    assert saved == replace(state(), id=invitation_id)
    outbox = _rows(store, OutboxRow)
    assert [(r["invitation_id"], r["kind"]) for r in outbox] == [(invitation_id, "new")]
    with store.unit() as unit:
        [item] = unit.undelivered("console", limit=10)
    assert item.notification == notification(invitation_id=invitation_id, created_at=T0)
    # A new invitation starts its status history: its first status, from nothing
    # (migration 0009_web; the public site's Atom feeds list it as new).
    [first] = _rows(store, StatusChangeRow)
    assert (first["invitation_id"], first["from_status"], first["to_status"]) == (
        invitation_id, None, "pending")
    assert (first["at"], first["created_at"]) == (T0, T0)


def test_an_update_changes_status_appends_the_entry_and_records_the_change(store: SqlStore) -> None:
    invitation_id = _save(store, new_outcome())
    saved = _get(store, invitation_id)
    later = at(days=2)
    _save(store, status_outcome(saved, Status.RESPONDED, later), url="https://news.example/a2")
    updated = _get(store, invitation_id)
    assert (updated.status, updated.status_at, updated.last_update) == (Status.RESPONDED, later, later)
    assert [e.status for e in updated.timeline] == [Status.PENDING, Status.RESPONDED]
    assert updated.sources == ["https://news.example/a1", "https://news.example/a2"]
    [_first, change] = _rows(store, StatusChangeRow)
    assert (change["invitation_id"], change["from_status"], change["to_status"]) == (
        invitation_id, "pending", "responded")
    assert (change["at"], change["source_url"]) == (later, "https://news.example/a2")
    kinds = [(r["invitation_id"], r["kind"]) for r in _rows(store, OutboxRow)]
    assert kinds == [(invitation_id, "new"), (invitation_id, "status")]
    with store.unit() as unit:
        assert unit.count_invitations(InvitationFilter()) == 1


def test_the_timeline_comes_back_in_event_time_order(store: SqlStore) -> None:
    # Reports arrive out of order: the later-arriving one describes an earlier event.
    invitation_id = _save(store, new_outcome(state(when=at(days=3))))
    saved = _get(store, invitation_id)
    earlier = entry(at(days=1), Status.PENDING, url="https://news.example/old", lang="de",
                    seen_at=at(days=4), evidence="Musk lud Putin zu einem Gespräch ein.")
    outcome = TrackOutcome(
        invitation=replace(saved, first_seen=at(days=1), last_update=at(days=4),
                           timeline=[earlier, *saved.timeline]),
        is_new=False, entry=earlier, status_changed=False)
    _save(store, outcome, url="https://news.example/old")
    timeline = _get(store, invitation_id).timeline
    assert [e.at for e in timeline] == [at(days=1), at(days=3)]
    assert timeline[0] == earlier
    assert _get(store, invitation_id).languages == ["de", "en"]


def test_repeating_a_saved_entry_stores_it_once(store: SqlStore) -> None:
    invitation_id = _save(store, new_outcome())
    saved = _get(store, invitation_id)
    # The tracker hands back the whole timeline each time; only new entries are appended.
    repeat = TrackOutcome(invitation=replace(saved, last_update=at(1)), is_new=False,
                          entry=saved.timeline[0], status_changed=False)
    _save(store, repeat)
    assert len(_rows(store, TimelineEntryRow)) == 1
    assert _get(store, invitation_id).last_update == at(1)


def test_the_timeline_entry_remembers_its_article(store: SqlStore) -> None:
    with store.unit() as unit:
        article_id = unit.add_article(article(), feed_id=None, content_hash="h",
                                      canonical_url=None, now=T0)
        unit.save_outcome(new_outcome(), source(article_id=article_id))
    [row] = _rows(store, TimelineEntryRow)
    assert row["article_id"] == article_id


def test_an_exception_rolls_back_everything_of_the_unit(store: SqlStore) -> None:
    first = _save(store, new_outcome())
    before_outbox = _rows(store, OutboxRow)
    saved = _get(store, first)
    with pytest.raises(RuntimeError, match="pipeline crashed"), store.unit() as unit:
        unit.save_outcome(status_outcome(saved, Status.DECLINED, at(days=1)), source())
        unit.save_outcome(new_outcome(state(invitee=Party("Joe Biden", "joe-biden"))), source())
        unit.add_feed("https://news.example/feed", now=T0)
        raise RuntimeError("pipeline crashed")
    assert _get(store, first) == saved  # nothing lost
    assert _rows(store, OutboxRow) == before_outbox  # nothing partial
    assert len(_rows(store, TimelineEntryRow)) == 1
    with store.unit() as unit:
        assert unit.count_invitations(InvitationFilter()) == 1
        assert unit.list_feeds() == []


def test_a_failing_save_in_the_middle_leaves_no_trace(store: SqlStore) -> None:
    bad = new_outcome(state(when=T0.replace(tzinfo=None)))
    with pytest.raises(StoreError, match="must be timezone-aware"), store.unit() as unit:
        unit.save_outcome(new_outcome(), source())
        unit.save_outcome(bad, source())
    assert _rows(store, OutboxRow) == []
    with store.unit() as unit:
        assert unit.count_invitations(InvitationFilter()) == 0


def test_updating_an_unknown_invitation_is_a_store_error(store: SqlStore) -> None:
    ghost = TrackOutcome(invitation=state(id=12345), is_new=False, entry=None,
                         status_changed=False)
    with pytest.raises(StoreError, match="invitation 12345"), store.unit() as unit:
        unit.save_outcome(ghost, source())


def test_candidates_are_found_by_pair_and_window(store: SqlStore) -> None:
    biden = Party("Joe Biden", "joe-biden")
    with store.unit() as unit:
        old = unit.save_outcome(new_outcome(state(when=at(days=-400))), source())
        recent = unit.save_outcome(new_outcome(state(when=at(days=-10))), source())
        reverse = unit.save_outcome(new_outcome(state(inviter=PUTIN, invitee=MUSK,
                                                      when=at(days=-5))), source())
        unit.save_outcome(new_outcome(state(invitee=biden, when=at(days=-1))), source())
        # Updated long ago, but its status came about inside the window (a dated report).
        by_status = unit.save_outcome(new_outcome(replace(
            state(inviter=biden, invitee=PUTIN, when=at(days=-2)), last_update=at(days=-300))),
            source())
    since = at(days=-180)
    with store.unit() as unit:
        found = unit.candidate_invitations([(MUSK.key, PUTIN.key), (PUTIN.key, MUSK.key)], since)
        assert [c.id for c in found] == [recent, reverse]
        assert all(c.timeline for c in found)
        assert [c.id for c in unit.candidate_invitations([(biden.key, PUTIN.key)], since)] == [
            by_status]
        assert unit.candidate_invitations([], since) == []
        assert old not in [c.id for c in unit.candidate_invitations(
            [(MUSK.key, PUTIN.key)], at(days=-399))]


def test_the_candidate_query_searches_an_index(sqlite_store: SqlStore) -> None:
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM invitations" in statement and "inviter_key" in statement:
            statements.append((statement, parameters))

    _save(sqlite_store, new_outcome())
    event.listen(sqlite_store.engine, "before_cursor_execute", capture)
    try:
        with sqlite_store.unit() as unit:
            unit.candidate_invitations([(MUSK.key, PUTIN.key), (PUTIN.key, MUSK.key)], at(-1))
    finally:
        event.remove(sqlite_store.engine, "before_cursor_execute", capture)
    [(sql, parameters)] = statements
    with sqlite_store.engine.connect() as connection:
        plan = [row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql,
                                                              tuple(parameters))]
    assert not any(step.startswith("SCAN invitations") for step in plan), plan
    searches = [s for s in plan if s.startswith("SEARCH invitations USING INDEX ix_invitations_pair")]
    assert len(searches) == 4, plan


def _fill_for_listing(store: SqlStore) -> dict[str, int]:
    biden, macron = Party("Joe Biden", "joe-biden"), Party("Emmanuel Macron", "emmanuel-macron")
    ids: dict[str, int] = {}
    with store.unit() as unit:
        ids["musk-putin"] = unit.save_outcome(new_outcome(state(when=at(days=1))), source())
        ids["biden-putin"] = unit.save_outcome(new_outcome(state(
            inviter=biden, when=at(days=2), status=Status.DECLINED)), source())
        ids["macron-biden"] = unit.save_outcome(new_outcome(state(
            inviter=macron, invitee=biden, when=at(days=3), status=Status.ACCEPTED)), source())
        ids["putin-macron"] = unit.save_outcome(new_outcome(state(
            inviter=PUTIN, invitee=macron, when=at(days=4), quiet=True)), source())
    return ids


def test_list_and_count_apply_every_filter(store: SqlStore) -> None:
    ids = _fill_for_listing(store)
    with store.unit() as unit:
        everything = unit.list_invitations(InvitationFilter())
        assert [i.id for i in everything] == [ids["putin-macron"], ids["macron-biden"],
                                              ids["biden-putin"], ids["musk-putin"]]
        putin = InvitationFilter(figure_key=PUTIN.key)
        assert {i.id for i in unit.list_invitations(putin)} == {
            ids["musk-putin"], ids["biden-putin"], ids["putin-macron"]}
        assert unit.count_invitations(putin) == 3
        decided = InvitationFilter(status=(Status.DECLINED, Status.ACCEPTED))
        assert [i.id for i in unit.list_invitations(decided)] == [ids["macron-biden"],
                                                                  ids["biden-putin"]]
        recent = InvitationFilter(since=at(days=3))
        assert unit.count_invitations(recent) == 2
        page = InvitationFilter(limit=2, after=ListCursor.of(everything[0]))
        assert [i.id for i in unit.list_invitations(page)] == [ids["macron-biden"],
                                                               ids["biden-putin"]]
        assert unit.count_invitations(page) == 4  # counting ignores paging
        assert unit.count_invitations(page, at_most=3) == 3
        assert unit.count_invitations(putin, at_most=10) == 3
        assert unit.count_invitations(InvitationFilter(
            figure_key=PUTIN.key, status=(Status.PENDING,), since=at(days=2))) == 1
        with pytest.raises(StoreError, match="limit must be a non-negative integer"):
            unit.list_invitations(InvitationFilter(limit=-3))


def test_stale_invitations_skip_quiet_and_final_ones(store: SqlStore) -> None:
    ids = _fill_for_listing(store)
    with store.unit() as unit:
        stale = unit.stale_invitations(at(days=10), limit=10)
        # biden-putin is declined (final), putin-macron already quiet.
        assert [i.id for i in stale] == [ids["musk-putin"], ids["macron-biden"]]
        assert [i.id for i in unit.stale_invitations(at(days=2), limit=10)] == [ids["musk-putin"]]
        assert len(unit.stale_invitations(at(days=10), limit=1)) == 1


def test_stats_count_what_is_stored(store: SqlStore) -> None:
    _fill_for_listing(store)
    with store.unit() as unit:
        stats = unit.invitation_stats()
    assert stats["invitations"] == 4
    assert stats["by_status"] == {"pending": 2, "accepted": 1, "declined": 1, "responded": 0,
                                  "took_place": 0, "withdrawn": 0}
    assert stats["by_kind"] == {"conversation": 4}
    assert (stats["quiet"], stats["timeline_entries"], stats["sources"]) == (1, 4, 1)
    assert stats["last_update"] == at(days=4)


def test_figures_seen_matches_names_in_any_case_and_script(store: SqlStore) -> None:
    _fill_for_listing(store)
    nameless = Party("Алексей Навальный")
    with store.unit() as unit:
        unit.save_outcome(new_outcome(state(inviter=nameless, when=at(days=5))), source())
        assert unit.figures_seen("EM", limit=10) == [("emmanuel-macron", "Emmanuel Macron")]
        assert unit.figures_seen("putin", limit=10) == [("vladimir-putin", "Vladimir Putin")]
        assert unit.figures_seen("алексей", limit=10) == [(nameless.key, "Алексей Навальный")]
        names = [name for _, name in unit.figures_seen("", limit=3)]
        assert names == ["Elon Musk", "Emmanuel Macron", "Joe Biden"]
        # Names starting with the text come before names merely containing it.
        assert [k for k, _ in unit.figures_seen("e", limit=10)][:2] == ["elon-musk",
                                                                        "emmanuel-macron"]


def test_invitation_times_are_aware_utc(store: SqlStore) -> None:
    tokyo = timezone(timedelta(hours=9))
    local = state(when=T0.astimezone(tokyo),
                  timeline=[entry(T0.astimezone(tokyo), seen_at=at(1).astimezone(tokyo))])
    invitation_id = _save(store, new_outcome(local))
    saved = _get(store, invitation_id)
    for value in (saved.status_at, saved.first_seen, saved.last_update,
                  saved.timeline[0].at, saved.timeline[0].seen_at):
        assert value.utcoffset() == timedelta(0)
    assert saved.status_at == T0 and saved.timeline[0].seen_at == at(1)
    with store.unit() as unit:
        [item] = unit.undelivered("console", 1)
    assert item.created_at.utcoffset() == timedelta(0)
    assert item.notification.source_date == T0


def test_quiet_flag_and_notification_kinds_round_trip(store: SqlStore) -> None:
    invitation_id = _save(store, new_outcome(notify=False))
    saved = _get(store, invitation_id)
    quiet = TrackOutcome(
        invitation=replace(saved, quiet=True, last_update=at(days=40)), is_new=False, entry=None,
        status_changed=False,
        notifications=(notification(NotificationKind.QUIET, created_at=at(days=40), invitation_id=None),))
    _save(store, quiet)
    assert _get(store, invitation_id).quiet is True
    with store.unit() as unit:
        [item] = unit.undelivered("discord", 10)
    assert item.notification.kind is NotificationKind.QUIET
    assert item.notification.invitation_id == invitation_id


def test_entries_at_the_same_instant_are_ordered_by_when_they_were_learned(
    store: SqlStore,
) -> None:
    later_seen = entry(T0, url="https://news.example/late", seen_at=at(5))
    earlier_seen = entry(T0, url="https://news.example/early", seen_at=at(1))
    inv = state(timeline=[later_seen, earlier_seen])  # stored in this (wrong) order
    invitation_id = _save(store, TrackOutcome(invitation=inv, is_new=True, entry=later_seen,
                                              status_changed=False))
    assert _get(store, invitation_id).timeline == [earlier_seen, later_seen]


def test_postgresql_can_answer_the_candidate_query_from_the_pair_indexes(
    postgres_store_url: str,
) -> None:
    from bot.store import open_store

    store = open_store(postgres_store_url)
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM invitations" in statement and "inviter_key" in statement:
            statements.append((statement, parameters))

    try:
        _save(store, new_outcome())
        event.listen(store.engine, "before_cursor_execute", capture)
        with store.unit() as unit:
            unit.candidate_invitations([(MUSK.key, PUTIN.key)], at(-1))
        event.remove(store.engine, "before_cursor_execute", capture)
        [(sql, parameters)] = statements
        with store.engine.connect() as connection:
            # A tiny table is cheapest to scan; forbid that to see whether an index can serve.
            connection.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(
                "EXPLAIN " + sql, parameters))
    finally:
        store.close()
    assert "Seq Scan on invitations" not in plan, plan
    # On a one-row table the planner may as well take the invitee's list index (it also
    # starts with invitee_key); at 100,000 rows it takes the pair indexes (bench_store).
    assert "ix_invitations_pair_" in plan or "ix_invitations_invitee_last_update" in plan, plan
