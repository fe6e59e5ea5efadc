"""The figures seen in invitations, for the figure autocomplete (table `figures_seen`).

Written when an invitation is saved (`_note_figures_seen`, insert-if-absent: no row lock
on a popular figure's row, so concurrent pollers never wait on each other for it) and
searched per keystroke through an index on the case-folded name, instead of reading and
folding every invitation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import and_, delete, exists, or_, select
from sqlmodel import col

from bot.domain import InvitationState
from bot.store.repo_base import RepoBase, check_limit
from bot.store.tables import FigureSeenRow, InvitationRow
from bot.store.types import require_aware

# Above every code point a folded name can hold: the end of a prefix range.
_TOP = "\U0010ffff"
# Rows fetched per search step beyond `limit`: a key held under several names still gets
# its best one ranked among the first `limit` keys.
_SLACK = 2
# The shortest text a trigram index can answer (pg_trgm: three characters).
_TRIGRAM = 3


def fold(text: str) -> str:
    """What a search compares: case folded, any script (SQLite's lower() is ASCII only)."""
    return text.casefold()


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class FiguresSeenRepository(RepoBase):
    def _note_figures_seen(self, state: InvitationState) -> None:
        """Record the parties of an invitation about to be saved. An update that keeps
        both names costs nothing (they were noted when the record got them); a name the
        record held before and no other invitation holds any more is dropped (a rename),
        so the search answers what the invitations hold, as reading them would."""
        parties = {(state.inviter.key, state.inviter.name), (state.invitee.key, state.invitee.name)}
        if state.id is not None:
            row = self.session.get(InvitationRow, state.id)
            if row is not None:
                before = {(row.inviter_key, row.inviter_name),
                          (row.invitee_key, row.invitee_name)}
                self._forget_unused(before - parties, state.id)
                parties -= before
        for key, name in sorted(parties):
            self._note_party(key, name, state.first_seen)

    def _note_party(self, key: str, name: str, when: datetime) -> None:
        if (key, name) in self._figures_noted:
            return
        self._insert_ignoring_conflict(FigureSeenRow, {
            "key": key, "name": name, "name_folded": fold(name), "key_folded": fold(key),
            "first_seen": require_aware(when, "first_seen"),
        }, ["key", "name"])
        self._figures_noted.add((key, name))

    def _forget_unused(self, pairs: Iterable[tuple[str, str]], except_id: int) -> None:
        """Drop the (key, name) rows no invitation but `except_id` (being changed or
        deleted) holds any more."""
        for key, name in pairs:
            others = select(col(InvitationRow.id)).where(
                col(InvitationRow.id) != except_id,
                or_(and_(col(InvitationRow.inviter_key) == key,
                         col(InvitationRow.inviter_name) == name),
                    and_(col(InvitationRow.invitee_key) == key,
                         col(InvitationRow.invitee_name) == name)))
            if not self.session.scalar(select(exists(others))):
                self.session.execute(delete(FigureSeenRow).where(
                    col(FigureSeenRow.key) == key, col(FigureSeenRow.name) == name))
                self._figures_noted.discard((key, name))

    def figures_seen(self, prefix: str, limit: int) -> list[tuple[str, str]]:
        """(key, name) of figures appearing in invitations whose name starts with / contains
        prefix (case-insensitive, any script); names starting with it come first, then by
        name. Two indexed steps: the names starting with the text (a range on the folded
        name), then, only if they are too few, the names or keys merely containing it."""
        check_limit(limit)
        if limit == 0:
            return []
        needle = " ".join(fold(str(prefix)).split())
        folded, key_folded = col(FigureSeenRow.name_folded), col(FigureSeenRow.key_folded)
        wanted = limit * _SLACK + 1
        columns = select(col(FigureSeenRow.key), col(FigureSeenRow.name))
        rows: list[tuple[str, str]] = list(self.session.execute(
            columns.where(folded >= needle, folded < needle + _TOP)
            .order_by(folded, col(FigureSeenRow.key)).limit(wanted)).all())
        if len({key for key, _ in rows}) < limit and needle:
            pattern = f"%{_like_escape(needle)}%"
            containing = (select(col(FigureSeenRow.key), col(FigureSeenRow.name), folded)
                          .where(or_(folded.like(pattern, escape="\\"),
                                     key_folded.like(pattern, escape="\\")))
                          .where(or_(folded < needle, folded >= needle + _TOP)))
            if self.dialect == "postgresql" and len(needle) >= _TRIGRAM:
                # The matches first, then their order: asked for the first rows in name
                # order, the planner walks the whole name index when few names match
                # (every name, for a text matching none), where the trigram indexes of
                # migration 0011 (if present) find the matches at once. The price: a
                # text inside very many names (20,000 of 22,000) sorts them all (~8 ms).
                found = containing.cte("containing").prefix_with("MATERIALIZED")
                rows += self.session.execute(
                    select(found.c.key, found.c.name)
                    .order_by(found.c.name_folded, found.c.key).limit(wanted)).all()
            else:
                rows += [(key, name) for key, name, _ in self.session.execute(
                    containing.order_by(folded, col(FigureSeenRow.key)).limit(wanted)).all()]
        return _ranked([(str(k), str(n)) for k, n in rows], needle, limit)


def _ranked(rows: Sequence[tuple[str, str]], needle: str, limit: int) -> list[tuple[str, str]]:
    """The ranking the autocomplete has always had: per key its best name (one starting
    with the text first, then the smallest), names starting with the text first, then by
    folded name and key."""
    best: dict[str, tuple[bool, str]] = {}
    for key, name in rows:
        rank = (not fold(name).startswith(needle), name)
        if key not in best or rank < best[key]:
            best[key] = rank
    ordered = sorted(best.items(), key=lambda item: (item[1][0], fold(item[1][1]), item[0]))
    return [(key, rank[1]) for key, rank in ordered[:limit]]
