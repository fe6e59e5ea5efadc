"""The invitation lists (`/invitations`, `/figure`, `invitations list`, the public site):
filters, keyset pages and capped counts, each answered from an index (migration
0010_query_indexes).

A page is found from the row before (or after) it, never by skipping rows (OFFSET), and
only the rows shown have their timelines read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlmodel import col

from bot.domain import InvitationState, Status
from bot.errors import StoreError
from bot.store.api import InvitationFilter, InvitationPage, ListCursor
from bot.store.convert import enum_value, invitation_state, ordered_timeline
from bot.store.repo_base import RepoBase, check_limit
from bot.store.tables import InvitationRow, TimelineEntryRow
from bot.store.types import require_aware

# Rows per keyset page when a whole list is read (iter_invitations): the first page is
# small so the first row is out at once, the others large so the rest comes in few reads.
FIRST_BATCH = 20
BATCH = 500


def _figure_sides(key: str) -> list[ColumnElement[bool]]:
    """A figure's invitations as two disjoint parts, each a range on its own index
    (inviter or invitee, then last_update). Asked as one OR, both planners walked the
    whole list index instead and filtered (20 ms and more at 100,000 invitations)."""
    inviter, invitee = col(InvitationRow.inviter_key), col(InvitationRow.invitee_key)
    return [inviter == key, and_(invitee == key, inviter != key)]


def _narrowed(statement: Select[Any], flt: InvitationFilter) -> Select[Any]:
    """The public site's filters: a language of the timeline, a search."""
    if flt.lang:
        statement = statement.where(
            select(col(TimelineEntryRow.id))
            .where(col(TimelineEntryRow.invitation_id) == col(InvitationRow.id))
            .where(col(TimelineEntryRow.lang) == flt.lang)
            .exists()
        )
    if flt.search and flt.search.strip():
        # Case-insensitive for ASCII on SQLite (its lower() knows no other script), for
        # every script on PostgreSQL; % and _ in the search are literal.
        term = " ".join(flt.search.split())
        statement = statement.where(or_(*(
            col(column).icontains(term, autoescape=True)
            for column in (InvitationRow.inviter_name, InvitationRow.invitee_name,
                           InvitationRow.occasion_text, InvitationRow.occasion_place))))
    return statement


class InvitationListRepository(RepoBase):
    def _listed(self, rows: Sequence[Any]) -> list[InvitationState]:
        """The rows with their timelines, all read as plain rows: building an ORM object
        for every row and timeline entry was most of a list's cost (1,000 rows: 250 ms)."""
        grouped: dict[int, list[Any]] = defaultdict(list)
        ids = [row.id for row in rows]
        if ids:
            entries = TimelineEntryRow.__table__  # type: ignore[attr-defined]
            for entry in self.session.execute(
                    select(entries).where(entries.c.invitation_id.in_(ids))):
                grouped[entry.invitation_id].append(entry)
        return [invitation_state(row, ordered_timeline(grouped[row.id])) for row in rows]

    def _filtered(self, statement: Select[Any], flt: InvitationFilter) -> Select[Any]:
        """Every filter but the figure's (see _figure_sides)."""
        if not flt.include_hidden:
            # "= false", not "IS false": PostgreSQL uses an index only for the former.
            statement = statement.where(col(InvitationRow.hidden) == false())
        if flt.status:
            status: Any = col(InvitationRow.status)
            if flt.figure_key:
                # Not an index column here: with a figure, its index is the one to walk
                # (SQLite walked every row of the status instead, 10 ms at 100,000).
                status = func.coalesce(status, "")
            statement = statement.where(
                status.in_([enum_value(Status, s, "status filter").value for s in flt.status]))
        if flt.since is not None:
            statement = statement.where(
                col(InvitationRow.last_update) >= require_aware(flt.since, "filter since")
            )
        return _narrowed(statement, flt)

    def _parts(self, statement: Select[Any], flt: InvitationFilter) -> list[Select[Any]]:
        """The filtered statement, as one query, or two for a figure's (disjoint) sides."""
        statement = self._filtered(statement, flt)
        if not flt.figure_key:
            return [statement]
        return [statement.where(side) for side in _figure_sides(flt.figure_key)]

    def _keyset(self, statement: Select[Any], flt: InvitationFilter) -> Select[Any]:
        """The page's rows in walking order: from `after` towards older rows, from `before`
        towards newer ones. The first condition is a range on the list indexes (which end
        in last_update, id); the second only breaks ties within one last_update."""
        when, ident = col(InvitationRow.last_update), col(InvitationRow.id)
        if flt.after is not None and flt.before is not None:
            raise StoreError("a page starts after one row or before one, not both")
        if flt.before is not None:
            at = require_aware(flt.before.last_update, "cursor last_update")
            return (statement.where(when >= at, or_(when > at, ident > flt.before.id))
                    .order_by(when, ident))
        if flt.after is not None:
            at = require_aware(flt.after.last_update, "cursor last_update")
            statement = statement.where(when <= at, or_(when < at, ident < flt.after.id))
        return statement.order_by(when.desc(), ident.desc())

    def _page_rows(self, flt: InvitationFilter, limit: int) -> list[Any]:
        """Up to `limit` rows (plain, not ORM objects) in walking order (each part read in
        order, then merged)."""
        rows: list[Any] = []
        table = InvitationRow.__table__  # type: ignore[attr-defined]
        for part in self._parts(select(table), flt):
            rows += self.session.execute(self._keyset(part, flt).limit(limit)).all()
        rows.sort(key=lambda r: (r.last_update, r.id), reverse=flt.before is None)
        return rows[:limit]

    def invitation_page(self, flt: InvitationFilter) -> InvitationPage:
        """Most recently updated first; one row more is read than shown, to tell whether
        more remain, and timelines are read for the rows shown only."""
        check_limit(flt.limit)
        rows = self._page_rows(flt, flt.limit + 1)
        more = len(rows) > flt.limit
        rows = rows[:flt.limit]
        if flt.before is not None:
            rows.reverse()
        return InvitationPage(self._listed(rows), more)

    def list_invitations(self, flt: InvitationFilter) -> list[InvitationState]:
        """Most recently updated first (then by id), from `flt.after` / `flt.before`."""
        return self.invitation_page(flt).items

    def iter_invitations(self, flt: InvitationFilter, *, first: int = FIRST_BATCH,
                         batch: int = BATCH) -> Iterator[InvitationState]:
        """Every row of the list (at most `flt.limit`), newest first, read in keyset pages:
        a small first page so the first row comes at once, then larger ones."""
        check_limit(flt.limit)
        left, cursor, size = flt.limit, flt.after, max(1, first)
        while left > 0:
            page = self.invitation_page(replace(flt, limit=min(size, left), after=cursor,
                                                before=None))
            yield from page.items
            if not page.more or not page.items:
                return
            left -= len(page.items)
            cursor = ListCursor.of(page.items[-1])
            size = max(1, batch)

    def count_invitations(self, flt: InvitationFilter, *, at_most: int | None = None) -> int:
        """The rows the filter matches (paging ignored); with `at_most`, counting stops
        there: a count is a scan of every matching row (on PostgreSQL of the table), which
        a list's footer need not pay for beyond what it shows."""
        if at_most is not None:
            check_limit(at_most)
        total = 0
        for part in self._parts(select(col(InvitationRow.id)), flt):
            if at_most is not None:
                part = part.limit(at_most - total)
            total += int(self.session.scalar(
                select(func.count()).select_from(part.subquery())) or 0)
        return total
