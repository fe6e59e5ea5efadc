"""Invitations, their timelines (evidence) and status history."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import and_, distinct, func, insert, or_, select
from sqlmodel import col

from bot.domain import (
    FINAL_STATUSES,
    InvitationState,
    Source,
    Status,
    TimelineEntry,
    TrackOutcome,
)
from bot.errors import StoreError
from bot.store.api import DeliveryState
from bot.store.convert import (
    enum_value,
    invitation_state,
    invitation_values,
    ordered_timeline,
    timeline_entry,
    timeline_values,
)
from bot.store.repo_base import check_limit
from bot.store.repo_figures import FiguresSeenRepository
from bot.store.repo_lists import InvitationListRepository
from bot.store.repo_outbox import OutboxRepository
from bot.store.tables import (
    ArticleRow,
    DeliveryRow,
    FeedRow,
    InvitationRow,
    StatusChangeRow,
    TimelineEntryRow,
)
from bot.store.types import require_aware


class InvitationRepository(OutboxRepository, FiguresSeenRepository, InvitationListRepository):
    """Builds on the outbox: saving an outcome enqueues its notifications (and notes its
    figures for the autocomplete)."""

    # -- reading -------------------------------------------------------------
    def _timelines(self, ids: Sequence[int]) -> dict[int, list[TimelineEntry]]:
        grouped: dict[int, list[TimelineEntryRow]] = defaultdict(list)
        # A timeline this transaction already read (and kept current as it appended to it)
        # is not read again: the pipeline stores a feed's entries in one transaction, and
        # they often report on the same invitations.
        known = {i: list(self._stored_timelines[i]) for i in ids if i in self._stored_timelines}
        unread = [i for i in ids if i not in known]
        if unread:
            rows = self.session.scalars(
                select(TimelineEntryRow).where(col(TimelineEntryRow.invitation_id).in_(unread))
            ).all()
            for row in rows:
                grouped[row.invitation_id].append(row)
        timelines = {i: known[i] if i in known else ordered_timeline(grouped.get(i, []))
                     for i in ids}
        # save_outcome, later in this transaction, diffs against these instead of reading
        # them again: the tracker decided on exactly this snapshot.
        for i, timeline in timelines.items():
            self._stored_timelines[i] = list(timeline)
        return timelines

    def _states(self, rows: Sequence[InvitationRow]) -> list[InvitationState]:
        timelines = self._timelines([r.id for r in rows if r.id is not None])
        return [invitation_state(r, timelines[r.id]) for r in rows if r.id is not None]

    def candidate_invitations(self, pairs: Sequence[tuple[str, str]],
                              since: datetime) -> list[InvitationState]:
        """Invitations whose (inviter key, invitee key) is one of `pairs` and whose
        last_update or status_at is >= since, with their timelines. Uses an index."""
        since = require_aware(since, "since")
        unique_pairs = list(dict.fromkeys((str(a), str(b)) for a, b in pairs))
        if not unique_pairs:
            return []
        inviter, invitee = col(InvitationRow.inviter_key), col(InvitationRow.invitee_key)
        # One term per pair and time column, so each is a range search on a composite index.
        terms = [
            and_(inviter == a, invitee == b, when >= since)
            for a, b in unique_pairs
            for when in (col(InvitationRow.last_update), col(InvitationRow.status_at))
        ]
        rows = self.session.scalars(
            select(InvitationRow).where(or_(*terms)).order_by(col(InvitationRow.id))
        ).all()
        self._held_rows.extend(rows)
        return self._states(rows)

    def get_invitation(self, invitation_id: int) -> InvitationState | None:
        if not self.id_in_range(invitation_id):
            return None
        row = self.session.get(InvitationRow, invitation_id)
        return self._states([row])[0] if row is not None else None

    def _count_by(self, column: Any) -> dict[str, int]:
        rows = self.session.execute(select(column, func.count()).group_by(column))
        return {str(key): int(n) for key, n in rows}

    def invitation_stats(self) -> dict[str, Any]:
        """Counts for a status command: invitations by status and kind, evidence, feeds,
        articles, pending deliveries, and the time of the latest update (or None)."""
        by_status = {s.value: 0 for s in Status}
        by_status.update(self._count_by(col(InvitationRow.status)))
        count = func.count()
        return {
            "invitations": sum(by_status.values()),
            "by_status": by_status,
            "by_kind": self._count_by(col(InvitationRow.occasion_kind)),
            "quiet": int(self.session.scalar(
                select(count).select_from(InvitationRow).where(col(InvitationRow.quiet))) or 0),
            "timeline_entries": int(self.session.scalar(
                select(count).select_from(TimelineEntryRow)) or 0),
            "sources": int(self.session.scalar(
                select(func.count(distinct(col(TimelineEntryRow.url))))) or 0),
            "articles": int(self.session.scalar(select(count).select_from(ArticleRow)) or 0),
            "feeds": int(self.session.scalar(select(count).select_from(FeedRow)) or 0),
            "feeds_by_state": self._count_by(col(FeedRow.state)),
            "deliveries_pending": int(self.session.scalar(
                select(count).select_from(DeliveryRow)
                .where(col(DeliveryRow.state) == DeliveryState.PENDING.value)) or 0),
            "last_update": self.session.scalar(select(func.max(col(InvitationRow.last_update)))),
        }

    def stale_invitations(self, before: datetime, limit: int) -> list[InvitationState]:
        """Not quiet, not final, last_update < before: candidates for the quiet sweep."""
        check_limit(limit)
        rows = self.session.scalars(
            select(InvitationRow)
            .where(col(InvitationRow.quiet).is_(False))
            .where(col(InvitationRow.hidden).is_(False))
            .where(col(InvitationRow.status).not_in([s.value for s in FINAL_STATUSES]))
            .where(col(InvitationRow.last_update) < require_aware(before, "before"))
            .order_by(col(InvitationRow.last_update), col(InvitationRow.id))
            .limit(limit)
        ).all()
        return self._states(rows)

    # -- writing -------------------------------------------------------------
    def _stored_entries(self, invitation_id: int) -> list[TimelineEntry]:
        known = self._stored_timelines.get(invitation_id)
        if known is not None:
            return list(known)
        rows = self.session.scalars(
            select(TimelineEntryRow).where(col(TimelineEntryRow.invitation_id) == invitation_id)
        ).all()
        return [timeline_entry(r) for r in rows]

    def save_outcome(self, outcome: TrackOutcome, source: Source) -> int:
        """Insert or update the invitation, append its timeline entry and status change,
        and enqueue its notifications in the outbox (filling in the invitation id).
        Returns the invitation id.

        The timeline is append-only: entries of `outcome.invitation.timeline` (and
        `outcome.entry`) not yet stored are added, none is ever removed. The status change
        row's created_at is the invitation's last_update, the tracker's clock for this report.
        """
        state = outcome.invitation
        previous: Status | None = None
        self._note_figures_seen(state)
        if state.id is None:
            row = InvitationRow(**invitation_values(state))
            self.session.add(row)
            self.session.flush()
            stored: list[TimelineEntry] = []
        else:
            found = self.session.get(InvitationRow, state.id)
            if found is None:
                raise StoreError(f"cannot update invitation {state.id}: it is not in the store")
            row = found
            previous = enum_value(Status, row.status, f"invitation {row.id} status")
            stored = self._stored_entries(state.id)
            for name, value in invitation_values(state).items():
                setattr(row, name, value)
        assert row.id is not None
        invitation_id = row.id

        self._append_timeline(invitation_id, state, outcome.entry, stored, source)
        if outcome.status_changed:
            self.session.execute(insert(StatusChangeRow).values(
                invitation_id=invitation_id,
                from_status=previous.value if previous is not None else None,
                to_status=state.status.value,
                at=require_aware(state.status_at, "invitation status_at"),
                source_url=source.url,
                created_at=require_aware(state.last_update, "invitation last_update"),
            ))
        for notification in outcome.notifications:
            self.enqueue(replace(notification, invitation_id=invitation_id),
                         notification.created_at)
        self.session.flush()
        return invitation_id

    def _append_timeline(self, invitation_id: int, state: InvitationState,
                         entry: TimelineEntry | None, stored: list[TimelineEntry],
                         source: Source) -> None:
        wanted = list(state.timeline)
        if entry is not None and entry not in wanted:
            wanted.append(entry)
        # A multiset difference: an entry repeated on purpose is kept as often as it occurs.
        missing = Counter(wanted) - Counter(stored)
        added: list[TimelineEntry] = []
        for item in wanted:
            if missing[item] > 0:
                missing[item] -= 1
                added.append(item)
        if added:
            self.session.execute(insert(TimelineEntryRow),
                                 [timeline_values(invitation_id, item, source) for item in added])
        # In the order a read-back gives (convert.ordered_timeline): the sort is stable and
        # the new rows get the higher ids, so ties keep stored entries first.
        self._stored_timelines[invitation_id] = sorted(
            stored + added, key=lambda e: (e.at, e.seen_at, e.status.value, e.url or ""))
