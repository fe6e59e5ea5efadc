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

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select, text
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


def _language(statement: Select[Any], flt: InvitationFilter) -> Select[Any]:
    """The public site's language filter: an entry of the timeline in that language."""
    if not flt.lang:
        return statement
    return statement.where(
        select(col(TimelineEntryRow.id))
        .where(col(TimelineEntryRow.invitation_id) == col(InvitationRow.id))
        .where(col(TimelineEntryRow.lang) == flt.lang)
        .exists()
    )


def _contains(term: str) -> ColumnElement[bool]:
    """The search: a substring of either name, the occasion text or place. Case-insensitive
    for ASCII on SQLite (its lower() knows no other script), for every script on
    PostgreSQL (ILIKE); % and _ in the search are literal."""
    return or_(*(col(column).icontains(term, autoescape=True)
                 for column in (InvitationRow.inviter_name, InvitationRow.invitee_name,
                                InvitationRow.occasion_text, InvitationRow.occasion_place)))


# A search holding at most this many invitations is answered from the trigram indexes
# (`_search_ids`); a more common text keeps the plain condition, which a list finds at once
# walking its index newest first.
SEARCH_IDS_AT_MOST = 1000
# The planner's estimate of the rows a search matches (`_contains`, as PostgreSQL runs it).
_ESTIMATE = text("EXPLAIN (FORMAT JSON) SELECT id FROM invitations WHERE "
                 + " OR ".join(f"{column} ILIKE :p ESCAPE '/'" for column in (
                     "inviter_name", "invitee_name", "occasion_text", "occasion_place")))
# The planner settings a search's id lookup switches off for its one statement.
_PLANNER_SETTINGS = ("enable_seqscan", "enable_indexscan")


class InvitationListRepository(RepoBase):
    def _narrowed(self, statement: Select[Any], flt: InvitationFilter) -> Select[Any]:
        """The public site's filters: a language of the timeline, a search."""
        statement = _language(statement, flt)
        if not (flt.search and flt.search.strip()):
            return statement
        term = " ".join(flt.search.split())
        ids = self._search_ids(term)
        if ids is None:
            return statement.where(_contains(term))
        return statement.where(col(InvitationRow.id).in_(ids))

    def _search_ids(self, term: str) -> list[int] | None:
        """On PostgreSQL, the ids of the invitations a search of three characters or more
        matches, read from the trigram indexes of migration 0012_list_search_trigram (a
        bitmap OR of the four), once per unit and text; None when they are more than
        SEARCH_IDS_AT_MOST, or elsewhere (then the plain condition serves).

        The planner, given a list's LIMIT, would rather walk the list's index newest first
        and test every row, expecting to meet the few matches early: for a text few or no
        invitations hold it reads all of them (1.4 s at 100,000 under load, against
        0.16 s from the indexes). So sequential and plain index scans are off for this
        one statement (set_config(..., true): to the end of the transaction at most, and
        set back at once)."""
        if self.dialect != "postgresql" or len(term) < 3:
            return None
        if term in self._searched:
            return self._searched[term]
        ids = self._trigram_ids(term) if self._rare(term) else None
        if self.read_only:  # a snapshot: the answer holds to its end (a writer's may not)
            self._searched[term] = ids
        return ids

    def _rare(self, term: str) -> bool:
        """Whether the planner expects at most SEARCH_IDS_AT_MOST invitations to match (its
        estimate from the trigram indexes' statistics; planning only, nothing is read): a
        common text is found at once by the walk newest first, and collecting every match
        first would cost it more."""
        escaped = term.replace("/", "//").replace("%", "/%").replace("_", "/_")
        plan = self.session.execute(_ESTIMATE, {"p": f"%{escaped}%"}).scalar_one()
        return bool(float(plan[0]["Plan"]["Plan Rows"]) <= SEARCH_IDS_AT_MOST)

    def _trigram_ids(self, term: str) -> list[int] | None:
        """The matching ids from the trigram indexes, None beyond SEARCH_IDS_AT_MOST."""
        before = self.session.execute(text(
            "SELECT " + ", ".join(f"current_setting('{name}')" for name in _PLANNER_SETTINGS)
        )).one()
        self._planner(dict.fromkeys(_PLANNER_SETTINGS, "off"))
        try:
            found = [int(i) for i in self.session.scalars(
                select(col(InvitationRow.id)).where(_contains(term))
                .limit(SEARCH_IDS_AT_MOST + 1)).all() if i is not None]
        finally:
            self._planner(dict(zip(_PLANNER_SETTINGS, before, strict=True)))
        return found if len(found) <= SEARCH_IDS_AT_MOST else None

    def _planner(self, settings: dict[str, str]) -> None:
        self.session.execute(text("SELECT " + ", ".join(
            f"set_config('{name}', :{name}, true)" for name in settings)), settings)

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
        return self._narrowed(statement, flt)

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
