"""What every repository mixin of `SqlUnit` shares: the session and portable helpers."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import Delete, Insert, Select, Table, Update, bindparam, event, insert, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.util import find_tables

from bot.domain import TimelineEntry
from bot.errors import StoreError
from bot.store.leader import SCHEMA_LOCK_KEY
from bot.store.tables import TimelineEntryRow

# The name of the advisory lock of ingest writes (`RepoBase._hold_ingest_lock`); its key is
# per schema (SCHEMA_LOCK_KEY).
INGEST_LOCK = "invitewatch-ingest"
_INGEST_LOCK_SQL = text(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK_KEY})")


class RepoBase:
    def __init__(self, session: Session, *, dialect: str, read_only: bool = False) -> None:
        self.session = session
        self.dialect = dialect
        self.read_only = read_only
        # Whether this transaction holds the ingest lock (see `_hold_ingest_lock`).
        self._ingest_locked = False
        # Timelines read in this transaction, by invitation id (see InvitationRepository).
        self._stored_timelines: dict[int, list[TimelineEntry]] = {}
        # The bounded part of a timeline last handed to the tracker (a summary and the
        # report's repeats), by invitation id: save_outcome diffs against it.
        self._views: dict[int, list[TimelineEntry]] = {}
        # Rows the tracker's candidates came from, held here because the session's identity
        # map keeps only weak references: save_outcome then updates them without a SELECT.
        self._held_rows: list[object] = []
        # (key, name) pairs this unit has already written to figures_seen (repo_figures).
        self._figures_noted: set[tuple[str, str]] = set()
        # A batch's candidates read at once (`InvitationRepository.prefetch_candidates`),
        # and what this unit wrote since, which answers later lookups with it.
        self._prefetched: Any = None
        self._created_rows: list[Any] = []
        self._added_entries: dict[int, list[TimelineEntry]] = {}
        # Timeline rows save_outcome appended and not yet written: one multi-row INSERT for
        # a batch, sent before any statement that reads or changes timeline_entries (or
        # any statement the check cannot see into) and before the commit.
        self._pending_entries: list[dict[str, Any]] = []
        # The candidate ids a list filter found from an index, by (filter, value)
        # (repo_lists: a page and its count ask alike).
        self._searched: dict[tuple[str, str], list[int] | None] = {}
        # The PostgreSQL planner's estimate of a search's matches, by text (repo_lists).
        self._estimates: dict[str, float] = {}
        # Whether the SQLite search table exists (repo_lists), asked once per unit.
        self._search_table: bool | None = None
        event.listen(session, "do_orm_execute", self._before_statement)
        event.listen(session, "before_commit", self._before_commit)

    def _hold_ingest_lock(self) -> None:
        """On PostgreSQL, wait for the one ingest lock and hold it to the end of this
        transaction (a transaction-level advisory lock), from the first article stored or
        invitation read for tracking.

        Pollers sharing a database store feeds at once (threads of one process, and
        processes), and reports of one story touch the same invitation rows: without it,
        two transactions read the same record, each decides alone (two new records for one
        invitation, or an announcement twice) and their updates of each other's rows
        deadlock (seen at once with 2 pollers on 100 feeds reporting the same pairs).
        Holding it, a transaction reads what the previous one committed (READ COMMITTED),
        and ingest writes are serial as on SQLite, whose IMMEDIATE transactions already
        are; fetching, parsing and matching stay outside and parallel. The key is the
        schema's (`leader.SCHEMA_LOCK_KEY`): bots on other schemas of the database are
        other stores and never wait for this one."""
        if self._ingest_locked or self.read_only or self.dialect != "postgresql":
            return
        self.session.execute(_INGEST_LOCK_SQL, {"name": INGEST_LOCK})
        self._ingest_locked = True

    def write_pending_entries(self) -> None:
        """Send the timeline rows save_outcome appended since the last call (see
        `_pending_entries`), in one statement."""
        if not self._pending_entries:
            return
        rows, self._pending_entries = self._pending_entries, []
        self.session.execute(insert(_TIMELINE), rows)

    def _before_statement(self, state: ORMExecuteState) -> None:
        if self._pending_entries and _may_touch_timeline(state.statement):
            self.write_pending_entries()

    def _before_commit(self, _session: Session) -> None:
        self.write_pending_entries()

    def id_in_range(self, value: int) -> bool:
        """Whether an id can exist in this database (PostgreSQL's INTEGER is 32-bit, SQLite's
        64-bit): a larger one, from a forged command, is "not found", not a driver error."""
        limit = 2**31 - 1 if self.dialect == "postgresql" else 2**63 - 1
        return isinstance(value, int) and 1 <= value <= limit

    def _insert_ignoring_conflict(self, table: Any, values: dict[str, Any],
                                  conflict_columns: list[str] | None) -> Any | None:
        """INSERT unless a row with the same key exists; the new row's (first) primary key
        value, or None when nothing was inserted.

        ON CONFLICT DO NOTHING rather than check-then-insert, so two processes racing on
        the same key cannot both insert or make the transaction fail. With
        `conflict_columns=None` a conflict on any unique key counts.
        """
        statement = _insert_statement(table.__table__, self.dialect, tuple(values),
                                      tuple(conflict_columns) if conflict_columns else None)
        inserted = self.session.execute(statement, values).first()
        return inserted[0] if inserted is not None else None


_TIMELINE = TimelineEntryRow.__table__  # type: ignore[attr-defined]


def _may_touch_timeline(statement: Any) -> bool:
    """Whether a statement may read or change timeline_entries: an INSERT, UPDATE or DELETE
    of another table, or a SELECT naming no such table anywhere in it (subqueries too),
    cannot; anything else (text SQL, the table's own statements) may."""
    if isinstance(statement, Insert):
        return statement.table is _TIMELINE or statement.select is not None
    if isinstance(statement, Update | Delete):
        return statement.table is _TIMELINE or (
            statement.whereclause is not None and _TIMELINE in find_tables(
                statement.whereclause, check_columns=True, include_aliases=True,
                include_joins=True, include_selects=True))
    if isinstance(statement, Select):
        return _TIMELINE in find_tables(statement, check_columns=True, include_aliases=True,
                                        include_joins=True, include_selects=True)
    return True


@lru_cache(maxsize=32)
def _insert_statement(table: Table, dialect: str, columns: tuple[str, ...],
                      conflict_columns: tuple[str, ...] | None) -> Any:
    """The insert-if-absent statement of `_insert_ignoring_conflict`, built once per table
    and set of columns (the values are parameters): building it per row cost more than
    running it."""
    dialect_insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        dialect_insert(table)
        .values({name: bindparam(name) for name in columns})
        .on_conflict_do_nothing(
            index_elements=list(conflict_columns) if conflict_columns else None)
        # rowcount is not reliable here (psycopg reports -1): a returned row is.
        .returning(*table.primary_key.columns)
    )


def check_limit(limit: int, offset: int = 0) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise StoreError(f"limit must be a non-negative integer, got {limit!r}")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise StoreError(f"offset must be a non-negative integer, got {offset!r}")


def require_text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise StoreError(f"{what} must be a non-empty string, got {value!r}")
    return value.strip()
