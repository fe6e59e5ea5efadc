"""Corrections and traces: what the editors' commands and the lone-report linker need
beyond saving outcomes (hidden records, moving evidence between records, notes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import and_, delete, or_, select, update
from sqlmodel import col

from bot.domain import InvitationState, TimelineEntry
from bot.errors import StoreError
from bot.store.api import NOTE_EDITORIAL, NOTE_TRACE, InvitationNote
from bot.store.codec import dump_json, load_json, notification_from_json, notification_to_json
from bot.store.convert import timeline_entry
from bot.store.repo_base import require_text
from bot.store.repo_invitations import InvitationRepository
from bot.store.tables import (
    InvitationNoteRow,
    InvitationRow,
    OutboxRow,
    PostedMessageRow,
    StatusChangeRow,
    TimelineEntryRow,
)
from bot.store.types import require_aware


class CorrectionRepository(InvitationRepository):
    def invitations_of(self, figure_key: str, since: datetime, *,
                       urls: Sequence[str | None] | None = None,
                       evidence: Sequence[str] = ()) -> list[InvitationState]:
        """Invitations with the figure on either side, last_update or status_at >= since,
        with their timelines (hidden ones included: they absorb their echoes).

        Given the report's `urls` (and `evidence`), each timeline is only its summary plus
        the entries repeating them, as in `candidate_invitations`: linking a lone report or
        a reply reads a bounded part of each of a figure's records however long they are."""
        since = require_aware(since, "since")
        key = require_text(figure_key, "figure key")
        self._hold_ingest_lock()
        recent = or_(col(InvitationRow.last_update) >= since, col(InvitationRow.status_at) >= since)
        rows = self.session.scalars(
            select(InvitationRow)
            .where(or_(col(InvitationRow.inviter_key) == key, col(InvitationRow.invitee_key) == key))
            .where(recent)
            .order_by(col(InvitationRow.id))
        ).all()
        self._held_rows.extend(rows)
        if urls is None:
            return self._states(rows)
        return self._summary_states(rows, urls, evidence)

    def add_note(self, note: InvitationNote) -> int:
        if note.kind not in (NOTE_EDITORIAL, NOTE_TRACE):
            raise StoreError(f"note kind must be {NOTE_EDITORIAL!r} or {NOTE_TRACE!r}, "
                             f"got {note.kind!r}")
        self._hold_ingest_lock()
        self._require(note.invitation_id)
        row = InvitationNoteRow(
            invitation_id=note.invitation_id, kind=note.kind,
            action=require_text(note.action, "note action"),
            actor=require_text(note.actor, "note actor"), text=note.text,
            detail=dump_json(note.detail, f"detail of note {note.action!r}"),
            at=require_aware(note.at, "note time"))
        self.session.add(row)
        self.session.flush()
        assert row.id is not None
        return row.id

    def notes(self, invitation_id: int, *, traces: bool = False) -> list[InvitationNote]:
        statement = select(InvitationNoteRow).where(
            col(InvitationNoteRow.invitation_id) == invitation_id)
        if not traces:
            statement = statement.where(col(InvitationNoteRow.kind) == NOTE_EDITORIAL)
        rows = self.session.scalars(
            statement.order_by(col(InvitationNoteRow.at), col(InvitationNoteRow.id))).all()
        return [InvitationNote(invitation_id=r.invitation_id, kind=r.kind, action=r.action,
                               actor=r.actor, text=r.text, at=r.at,
                               detail=load_json(r.detail, f"note {r.id} detail", {}), id=r.id)
                for r in rows]

    def set_hidden(self, invitation_id: int, hidden: bool) -> None:
        # Corrections change records as ingest does: the same lock, taken before any row.
        self._hold_ingest_lock()
        self._prefetched = None  # records change outside save_outcome: query them again
        self._require(invitation_id).hidden = bool(hidden)
        self.session.flush()

    def absorb_invitation(self, keep_id: int, other_id: int) -> None:
        if keep_id == other_id:
            raise StoreError(f"cannot merge invitation {keep_id} into itself")
        self._hold_ingest_lock()
        self._require(keep_id)
        other = self._require(other_id)
        # The outbox payload names the record too: announcements still to be delivered
        # must point at the record that survives.
        for outbox in self.session.scalars(
                select(OutboxRow).where(col(OutboxRow.invitation_id) == other_id)).all():
            moved = replace(notification_from_json(outbox.payload), invitation_id=keep_id)
            outbox.payload = notification_to_json(moved)
        # Both timelines change: a later save_outcome must read them again.
        self._forget_timelines(keep_id, other_id)
        for table in (TimelineEntryRow, StatusChangeRow, InvitationNoteRow, OutboxRow):
            self.session.execute(update(table).where(col(table.invitation_id) == other_id)
                                 .values(invitation_id=keep_id))
        # A target that announced both keeps the surviving record's message.
        kept_targets = select(col(PostedMessageRow.target)).where(
            col(PostedMessageRow.invitation_id) == keep_id)
        self.session.execute(
            update(PostedMessageRow)
            .where(and_(col(PostedMessageRow.invitation_id) == other_id,
                        col(PostedMessageRow.target).not_in(kept_targets)))
            .values(invitation_id=keep_id))
        self.session.execute(delete(PostedMessageRow)
                             .where(col(PostedMessageRow.invitation_id) == other_id))
        self._forget_unused({(other.inviter_key, other.inviter_name),
                             (other.invitee_key, other.invitee_name)}, other_id)
        self.session.delete(other)
        self.session.flush()

    def move_entry(self, invitation_id: int, entry: TimelineEntry, to_id: int) -> None:
        self._hold_ingest_lock()
        self._require(invitation_id)
        self._require(to_id)
        rows = self.session.scalars(
            select(TimelineEntryRow)
            .where(col(TimelineEntryRow.invitation_id) == invitation_id)
            .order_by(col(TimelineEntryRow.id))
        ).all()
        for row in rows:
            if timeline_entry(row) == entry:
                self._forget_timelines(invitation_id, to_id)
                row.invitation_id = to_id
                self.session.flush()
                return
        raise StoreError(f"invitation {invitation_id} has no such timeline entry to split off")

    def _forget_timelines(self, *ids: int) -> None:
        """These timelines change outside save_outcome: this transaction's copies are
        dropped and their summaries cleared (the next read summarises them afresh), and
        the batch's prefetched candidates with them (the next lookups query)."""
        self._prefetched = None
        for invitation_id in ids:
            self._stored_timelines.pop(invitation_id, None)
            self._views.pop(invitation_id, None)
            self._require(invitation_id).timeline_summary = None

    def _require(self, invitation_id: int) -> InvitationRow:
        row = self.session.get(InvitationRow, invitation_id)
        if row is None:
            raise StoreError(f"invitation {invitation_id} is not in the store")
        return row
