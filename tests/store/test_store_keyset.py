"""Keyset pages of the invitation lists: every row exactly once, in order, however many
rows are added between two pages; only the shown rows' timelines are read."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event

from bot.domain import Party, Status
from bot.errors import StoreError
from bot.store import InvitationFilter, ListCursor, SqlStore
from tests.support.builders import PUTIN, at, new_outcome, source, state


def _add(store: SqlStore, n: int, hours: float, status: Status = Status.PENDING) -> int:
    with store.unit() as unit:
        return unit.save_outcome(new_outcome(state(
            inviter=Party(f"Guest {n}"), invitee=PUTIN, when=at(hours=hours), status=status)),
            source(f"https://news.example/{n}"))


def _fill(store: SqlStore, count: int) -> list[int]:
    # Every third pair shares its last_update: ties are broken by id.
    return [_add(store, n, hours=n // 3 * 3 if n % 3 else n) for n in range(count)]


def _order(store: SqlStore, flt: InvitationFilter) -> list[int]:
    with store.unit() as unit:
        return [i.id for i in unit.list_invitations(replace(flt, limit=10_000))
                if i.id is not None]


def test_pages_after_a_row_cover_every_row_once_despite_inserts(store: SqlStore) -> None:
    original = _fill(store, 23)
    expected = _order(store, InvitationFilter())
    assert sorted(expected) == sorted(original)
    seen: list[int] = []
    cursor = None
    for step in range(20):
        with store.unit() as unit:
            page = unit.invitation_page(InvitationFilter(limit=5, after=cursor))
        seen += [i.id for i in page.items if i.id is not None]
        if not page.more:
            break
        cursor = ListCursor.of(page.items[-1])
        # Between pages: a newer record (above the walk) and one dated inside the part
        # still to come (it is met once, in its place).
        _add(store, 100 + step, hours=1000 + step)
        if step == 1:
            _add(store, 200, hours=2.5)
    assert len(seen) == len(set(seen))
    assert [i for i in seen if i in original] == expected
    assert set(seen) - set(original) == {original[-1] + 3}  # only the backdated one


def test_pages_before_a_row_walk_back_to_the_newest(store: SqlStore) -> None:
    _fill(store, 12)
    everything = _order(store, InvitationFilter())
    with store.unit() as unit:
        oldest = unit.invitation_page(InvitationFilter(limit=1, after=None))
        tail = unit.list_invitations(InvitationFilter(limit=10_000))[-3:]
    assert oldest.more
    newer = _add(store, 50, hours=500)
    walked: list[int] = [i.id for i in tail if i.id is not None]
    cursor = ListCursor.of(tail[0])
    while True:
        with store.unit() as unit:
            page = unit.invitation_page(InvitationFilter(limit=4, before=cursor))
        # A page before a row is still shown newest first.
        assert [i.last_update for i in page.items] == sorted(
            (i.last_update for i in page.items), reverse=True)
        walked = [i.id for i in page.items if i.id is not None] + walked
        if not page.more:
            break
        cursor = ListCursor.of(page.items[0])
    assert walked == [newer, *everything]


def test_filters_and_pages_combine(store: SqlStore) -> None:
    for n in range(10):
        _add(store, n, hours=n, status=Status.DECLINED if n % 2 else Status.PENDING)
    declined = InvitationFilter(status=(Status.DECLINED,), limit=2)
    with store.unit() as unit:
        first = unit.invitation_page(declined)
        second = unit.invitation_page(replace(declined, after=ListCursor.of(first.items[-1])))
        assert [i.invitee.name for i in first.items + second.items] == ["Vladimir Putin"] * 4
        assert [i.inviter.name for i in first.items + second.items] == [
            "Guest 9", "Guest 7", "Guest 5", "Guest 3"]
        assert second.more
        assert [i.inviter.name for i in unit.iter_invitations(declined, first=1, batch=1)] == [
            "Guest 9", "Guest 7"]
        everyone = unit.iter_invitations(InvitationFilter(limit=100), first=3, batch=4)
        assert [i.inviter.name for i in everyone] == [f"Guest {n}" for n in range(9, -1, -1)]
        with pytest.raises(StoreError, match="not both"):
            unit.list_invitations(replace(declined, after=ListCursor.of(first.items[0]),
                                          before=ListCursor.of(first.items[0])))


def test_a_page_reads_only_its_own_timelines(store: SqlStore) -> None:
    _fill(store, 12)
    statements: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM timeline_entries" in statement:
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        with store.unit() as unit:
            page = unit.invitation_page(InvitationFilter(limit=5))
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert len(page.items) == 5 and page.more
    [(_sql, parameters)] = statements
    ids = {i.id for i in page.items}
    flat = parameters.values() if isinstance(parameters, dict) else parameters
    assert {p for p in flat if isinstance(p, int)} == ids
