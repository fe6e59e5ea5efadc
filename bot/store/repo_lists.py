"""The invitation lists (`/invitations`, `/figure`, `invitations list`, the public site):
filters, keyset pages and capped counts, each answered from an index (migration
0010_query_indexes).

A page is found from the row before (or after) it, never by skipping rows (OFFSET), and
only the rows shown have their timelines read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    column,
    false,
    func,
    literal,
    or_,
    select,
    table,
    text,
)
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


def _contains(term: str, dialect: str) -> ColumnElement[bool]:
    """The search: a substring of either name, the occasion text or place. Case-insensitive
    for ASCII on SQLite (its LIKE folds no other script; lower() on both sides, as
    icontains writes it, folded the same letters at 2.5 times the cost of a scan), for every
    script on PostgreSQL (ILIKE); % and _ in the search are literal."""
    columns = (InvitationRow.inviter_name, InvitationRow.invitee_name,
               InvitationRow.occasion_text, InvitationRow.occasion_place)
    if dialect == "sqlite":
        return or_(*(col(column).contains(term, autoescape=True) for column in columns))
    return or_(*(col(column).icontains(term, autoescape=True) for column in columns))


def _search_alone(flt: InvitationFilter) -> bool:
    """No filter but the search (and `hidden`) narrows the list: no other index can
    bound its walk or its count."""
    return not (flt.status or flt.figure_key or flt.since is not None or flt.lang)


def _scanned(term: str, dialect: str) -> ColumnElement[bool]:
    """`_contains` for a scan of every row. On PostgreSQL, `lower(column) LIKE
    lower(pattern)`: what ILIKE does in a multi-byte database (it lowers both sides, then
    matches), at less than half its cost in a scan (it lowers the pattern once per row;
    100,000 rows: 115 ms against 269 ms under load). ILIKE stays in `_contains`: the
    trigram indexes of the columns serve it, not this."""
    if dialect != "postgresql":
        return _contains(term, dialect)
    escaped = term.replace("/", "//").replace("%", "/%").replace("_", "/_")
    pattern = func.lower(literal(f"%{escaped}%"))
    return or_(*(func.lower(col(column)).like(pattern, escape="/") for column in (
        InvitationRow.inviter_name, InvitationRow.invitee_name,
        InvitationRow.occasion_text, InvitationRow.occasion_place)))


# A filter (a search, a timeline language) holding at most this many invitations is
# answered from the ids its index gives (`_search_ids`, `_language_ids`); a more common
# one keeps the plain condition, which a list finds at once walking its index newest first.
SEARCH_IDS_AT_MOST = 1000
# The planner's estimate of the rows a search matches (`_contains`, as PostgreSQL runs it).
_ESTIMATE = text("EXPLAIN (FORMAT JSON) SELECT id FROM invitations WHERE "
                 + " OR ".join(f"{column} ILIKE :p ESCAPE '/'" for column in (
                     "inviter_name", "invitee_name", "occasion_text", "occasion_place")))
# A search alone matching up to this many invitations (the planner's estimate) is counted
# from the trigram indexes on PostgreSQL (`_count_from_trigram_indexes`).
COUNT_FROM_INDEXES_AT_MOST = 20_000
# The planner settings a search's id lookup switches off for its one statement.
_PLANNER_SETTINGS = ("enable_seqscan", "enable_indexscan")
# SQLite's trigram index of the four searched columns (migration 0014_list_search_fts).
SEARCH_TABLE = "invitations_search"
_SEARCH = table(SEARCH_TABLE, column("rowid"))
_SEARCH_TABLE_EXISTS = text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n")
_FTS_IDS = text(f"SELECT rowid FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q LIMIT :n")
# A trigram index answers a text of this many characters or more.
TRIGRAM = 3


def fts_phrase(term: str) -> str:
    """`term` as one FTS5 phrase: with the trigram tokenizer, the rows holding it as a
    substring of one column (case folded in every script)."""
    return '"' + term.replace('"', '""') + '"'


class InvitationListRepository(RepoBase):
    def _narrowed(self, statement: Select[Any], flt: InvitationFilter) -> Select[Any]:
        """The public site's filters: a language of the timeline, a search. Each keeps its
        exact condition; the ids an index gives for a rare one are added to it, so the
        list is read from those rows instead of walked newest first."""
        statement = _language(statement, flt)
        if flt.lang:
            ids = self._language_ids(flt.lang)
            if ids is not None:
                statement = statement.where(col(InvitationRow.id).in_(ids))
        if not (flt.search and flt.search.strip()):
            return statement
        term = " ".join(flt.search.split())
        statement = statement.where(_contains(term, self.dialect))
        ids = self._search_ids(term, alone=_search_alone(flt))
        if ids is not None:
            statement = statement.where(col(InvitationRow.id).in_(ids))
        return statement

    def _remembered(self, key: tuple[str, str], find: Callable[[], list[int] | None],
                    ) -> list[int] | None:
        """`find()`, once per unit and key when the unit is read-only (a snapshot: the
        answer holds to its end; a writer's may not)."""
        if key in self._searched:
            return self._searched[key]
        ids = find()
        if self.read_only:
            self._searched[key] = ids
        return ids

    def _language_ids(self, lang: str) -> list[int] | None:
        """The invitations with a timeline entry in `lang`, from the index on (lang,
        invitation_id), when they are at most SEARCH_IDS_AT_MOST; None when more (then the
        walk newest first meets them soon)."""
        def find() -> list[int] | None:
            entries = col(TimelineEntryRow.invitation_id)
            found = [int(i) for i in self.session.scalars(
                select(entries).where(col(TimelineEntryRow.lang) == lang).distinct()
                .order_by(entries).limit(SEARCH_IDS_AT_MOST + 1)).all()]
            return found if len(found) <= SEARCH_IDS_AT_MOST else None
        return self._remembered(("lang", lang), find)

    def _search_ids(self, term: str, *, alone: bool) -> list[int] | None:
        """The ids of the invitations a search of three characters or more may match, from
        the trigram indexes: PostgreSQL's GIN indexes (migration 0012) give exactly the
        matches, SQLite's FTS5 table (0014) a superset (its case folding is wider); None
        when they are more than SEARCH_IDS_AT_MOST, for a shorter text, or without the
        index (then the plain condition serves alone). A shorter text searched `alone`
        (no other filter) has its ids from one scan (`_scanned_ids`); with another filter,
        that filter's index bounds the walk instead."""
        if len(term) < TRIGRAM:
            if not alone:
                return None
            return self._remembered(("search", term), lambda: self._scanned_ids(term))
        if self.dialect == "postgresql":
            return self._remembered(
                ("search", term), lambda: self._trigram_ids(term) if self._rare(term) else None)
        if self.dialect == "sqlite" and self._has_search_table():
            return self._remembered(("search", term), lambda: self._fts_ids(term))
        return None

    def _scanned_ids(self, term: str) -> list[int] | None:
        """A text too short for a trigram index: its matches read in one pass over the
        table in storage order, stopping at SEARCH_IDS_AT_MOST + 1 (a common text, soon;
        a rare one reads every row once, where the list's walk and its count would each
        have read them all)."""
        found = [int(i) for i in self.session.scalars(
            select(col(InvitationRow.id)).where(_scanned(term, self.dialect))
            .limit(SEARCH_IDS_AT_MOST + 1)).all() if i is not None]
        return found if len(found) <= SEARCH_IDS_AT_MOST else None

    def _counted_from_search_table(self, part: Select[Any], flt: InvitationFilter,
                                   ) -> Select[Any]:
        """SQLite, a search too common for its ids (`_search_ids` None): the count joined
        to the FTS5 table, which the planner reads first (matches in rowid order, the
        table's rows by key) and stops at the count's LIMIT; with the plain condition
        alone it read the table until that many matched (a text in 1% of the rows: all of
        them). The join keeps the condition, so the count is the same.

        Only for a search alone: with a status, figure, date or language, the planner took
        the other filter's index first and asked the FTS5 table once per row (150 ms), and
        those rows bound the plain count anyway."""
        term = " ".join((flt.search or "").split())
        if (self.dialect != "sqlite" or len(term) < TRIGRAM or not _search_alone(flt)
                or not self._has_search_table()
                or self._search_ids(term, alone=True) is not None):
            return part
        return part.join(_SEARCH, _SEARCH.c.rowid == col(InvitationRow.id)).where(
            text(f"{SEARCH_TABLE} MATCH :search_phrase").bindparams(
                search_phrase=fts_phrase(term)))

    def _has_search_table(self) -> bool:
        if self._search_table is None:
            self._search_table = self.session.execute(
                _SEARCH_TABLE_EXISTS, {"n": SEARCH_TABLE}).first() is not None
        return self._search_table

    def _fts_ids(self, term: str) -> list[int] | None:
        """SQLite: the candidates from the FTS5 trigram table, None beyond
        SEARCH_IDS_AT_MOST (read in rowid order, so a common text stops early)."""
        found = [int(i) for i in self.session.scalars(
            _FTS_IDS, {"q": fts_phrase(term), "n": SEARCH_IDS_AT_MOST + 1}).all()]
        return found if len(found) <= SEARCH_IDS_AT_MOST else None

    def _estimate(self, term: str) -> float:
        """The planner's estimate of the invitations a search matches (from the trigram
        indexes' statistics; planning only, nothing is read), once per unit and text."""
        if term not in self._estimates:
            escaped = term.replace("/", "//").replace("%", "/%").replace("_", "/_")
            plan = self.session.execute(_ESTIMATE, {"p": f"%{escaped}%"}).scalar_one()
            self._estimates[term] = float(plan[0]["Plan"]["Plan Rows"])
        return self._estimates[term]

    def _rare(self, term: str) -> bool:
        """Whether the planner expects at most SEARCH_IDS_AT_MOST invitations to match: a
        common text is found at once by the walk newest first, and collecting every match
        first would cost it more."""
        return self._estimate(term) <= SEARCH_IDS_AT_MOST

    @contextmanager
    def _from_trigram_indexes(self) -> Iterator[None]:
        """Sequential and plain index scans off for the statements inside (set_config(...,
        true): to the end of the transaction at most, and set back at once), so PostgreSQL
        reads the trigram indexes (a bitmap OR of the four).

        The planner, given a LIMIT, would rather walk a list's index newest first (or the
        table) and test every row, expecting to meet the few matches early: for a text few
        or no invitations hold it reads all of them (1.4 s at 100,000 under load, against
        0.16 s from the indexes)."""
        before = self.session.execute(text("SELECT " + ", ".join(
            [f"current_setting('{name}')" for name in _PLANNER_SETTINGS]
            + [f"set_config('{name}', 'off', true)" for name in _PLANNER_SETTINGS]))).one()
        try:
            yield
        finally:
            self._planner(dict(zip(_PLANNER_SETTINGS, before[:len(_PLANNER_SETTINGS)],
                                   strict=True)))

    def _trigram_ids(self, term: str) -> list[int] | None:
        """PostgreSQL: the matching ids from the trigram indexes, None beyond
        SEARCH_IDS_AT_MOST."""
        with self._from_trigram_indexes():
            found = [int(i) for i in self.session.scalars(
                select(col(InvitationRow.id)).where(_contains(term, self.dialect))
                .limit(SEARCH_IDS_AT_MOST + 1)).all() if i is not None]
        return found if len(found) <= SEARCH_IDS_AT_MOST else None

    def _planner(self, settings: dict[str, str]) -> None:
        self.session.execute(text("SELECT " + ", ".join(
            f"set_config('{name}', :{name}, true)" for name in settings)), settings)

    def _count_from_trigram_indexes(self, flt: InvitationFilter) -> bool:
        """PostgreSQL, a search alone matching more than SEARCH_IDS_AT_MOST invitations and
        at most COUNT_FROM_INDEXES_AT_MOST (the planner's estimate): its count reads the
        trigram indexes, which find all its matches at once (9,000: 5 ms), where a scan
        stopping at the count's cap reads most of the table first (15 ms). A more common
        text fills the cap early in a scan."""
        term = " ".join((flt.search or "").split())
        if self.dialect != "postgresql" or len(term) < TRIGRAM or not _search_alone(flt):
            return False
        return SEARCH_IDS_AT_MOST < self._estimate(term) <= COUNT_FROM_INDEXES_AT_MOST

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
        indexes = (self._from_trigram_indexes() if self._count_from_trigram_indexes(flt)
                   else nullcontext())
        with indexes:
            for part in self._parts(select(col(InvitationRow.id)), flt):
                part = self._counted_from_search_table(part, flt)
                if at_most is not None:
                    part = part.limit(at_most - total)
                total += int(self.session.scalar(
                    select(func.count()).select_from(part.subquery())) or 0)
        return total
