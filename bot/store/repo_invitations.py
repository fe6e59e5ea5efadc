"""Invitations, their timelines (evidence) and status history."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, distinct, func, insert, or_, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql.elements import BindParameter, ColumnElement
from sqlmodel import col

from bot.domain import (
    FINAL_STATUSES,
    InvitationState,
    Notification,
    Source,
    Status,
    TimelineEntry,
    TimelineSummary,
    TrackOutcome,
)
from bot.errors import StoreError
from bot.store.api import DeliveryState
from bot.store.codec import summary_from_json, summary_to_json
from bot.store.convert import (
    enum_value,
    invitation_state,
    invitation_values,
    ordered_timeline,
    timeline_entry,
    timeline_values,
    with_article,
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
from bot.tracker.status import entry_order
from bot.tracker.summary import summarise


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

    def candidate_invitations(self, pairs: Sequence[tuple[str, str]], since: datetime, *,
                              urls: Sequence[str | None] | None = None,
                              evidence: Sequence[str] = ()) -> list[InvitationState]:
        """Invitations whose (inviter key, invitee key) is one of `pairs` and whose
        last_update or status_at is >= since, with their timelines. Uses an index.

        Given the report's `urls` (and `evidence`), each timeline is only its summary plus
        the entries repeating them (`InvitationState.summary` set): a bounded read however
        long the timeline."""
        since = require_aware(since, "since")
        self._hold_ingest_lock()
        unique_pairs = list(dict.fromkeys((str(a), str(b)) for a, b in pairs))
        if not unique_pairs:
            return []
        if urls is not None:
            prefetched = self._prefetched_states(unique_pairs, since, urls)
            if prefetched is not None:
                return prefetched
        parameters: dict[str, Any] = {"since": since}
        for k, (a, b) in enumerate(unique_pairs):
            parameters[f"a{k}"], parameters[f"b{k}"] = a, b
        rows = self.session.scalars(_candidate_statement(len(unique_pairs)), parameters).all()
        self._held_rows.extend(rows)
        if urls is None:
            return self._states(rows)
        return self._summary_states(rows, urls, evidence)

    def with_entries_naming(self, states: Sequence[InvitationState], text: str
                            ) -> list[InvitationState]:
        """`states` (as `candidate_invitations` gave them), each bounded timeline with its
        stored entries whose sentence contains `text` (letter case aside) added, here and
        in the view the tracker's outcome is diffed against (so none is written twice).
        One query on the given records' entries, for the rare report about to open a record
        beside a long one: a bridge's sentence (`tracker.bridge.bridged_home`) is not among
        the entries a bounded summary keeps. A state read whole is returned as it is."""
        ids = [s.id for s in states if s.id is not None and s.summary is not None
               and s.id in self._views]
        needle = " ".join(text.split()).lower()
        if not ids or not needle:
            return list(states)
        rows = self.session.scalars(
            select(TimelineEntryRow)
            .where(col(TimelineEntryRow.invitation_id).in_(ids))
            .where(func.lower(col(TimelineEntryRow.evidence)).like(_folded_pattern(needle),
                                                                     escape="/"))
        ).all()
        grouped: dict[int, list[TimelineEntryRow]] = defaultdict(list)
        for row in rows:
            # The query's pattern admits a superset (see `_folded_pattern`): the exact test.
            if needle in row.evidence.lower():
                grouped[row.invitation_id].append(row)
        widened: list[InvitationState] = []
        for state in states:
            found = ordered_timeline(grouped.get(state.id, [])) if state.id is not None else []
            extra = [e for e in found if e not in state.timeline]
            if not extra or state.id is None:
                widened.append(state)
                continue
            self._keep_view(state.id, [*self._views[state.id], *extra])
            widened.append(replace(state, timeline=sorted([*state.timeline, *extra],
                                                          key=entry_order)))
        return widened

    def _keep_view(self, invitation_id: int, entries: Sequence[TimelineEntry]
                   ) -> list[TimelineEntry]:
        """`entries` in timeline order, kept as the view of a bounded record the tracker's
        outcome is diffed against (what it was shown, so none is written twice): the one
        place both the bounded read (`_bounded_states`) and its widening by a bridge's
        sentence (`with_entries_naming`) record it."""
        view = sorted(entries, key=entry_order)
        self._views[invitation_id] = list(view)
        return view

    def prefetch_candidates(self, pairs: Sequence[tuple[str, str]], since: datetime,
                            urls: Sequence[str | None]) -> None:
        """Read, in two statements, what the `candidate_invitations(..., urls=)` calls of a
        batch of reports will ask: the records of these pairs updated since `since` (the
        earliest of the batch) and their stored entries repeating these URLs (the batch's
        and the records' opening URLs). A later call it covers (its pairs among these, its
        `since` not earlier, its URLs among these, no record corrected by an editor) is
        answered from them and from what this unit wrote since, exactly as the query would
        answer under the ingest lock (no other transaction changes these rows meanwhile);
        any other call queries as before. A correction in this unit drops them."""
        since = require_aware(since, "since")
        self._hold_ingest_lock()
        unique_pairs = list(dict.fromkeys((str(a), str(b)) for a, b in pairs))
        if not unique_pairs:
            return
        parameters: dict[str, Any] = {"since": since}
        for k, (a, b) in enumerate(unique_pairs):
            parameters[f"a{k}"], parameters[f"b{k}"] = a, b
        rows = self.session.scalars(_candidate_statement(len(unique_pairs)), parameters).all()
        self._held_rows.extend(rows)
        wanted = {u for u in urls if u}
        for row in rows:
            if row.timeline_summary is not None:
                entries, _ = summary_from_json(row.timeline_summary, f"invitation {row.id} summary")
                wanted.update(u for u in [_opening_url(entries)] if u)
        ids = [r.id for r in rows if r.id is not None]
        found = self._matching_entries(ids, _Repeats(sorted(wanted), (), corrected=set()))
        self._prefetched = _Prefetched(set(unique_pairs), since, wanted, list(rows), set(ids),
                                       found)
        # Written since the read: what the prefetched rows and entries do not show.
        self._created_rows, self._added_entries = [], {}

    def _prefetched_states(self, pairs: Sequence[tuple[str, str]], since: datetime,
                           urls: Sequence[str | None]) -> list[InvitationState] | None:
        """`candidate_invitations(pairs, since, urls=urls)` from the prefetched batch, or
        None when it does not cover the call (see `prefetch_candidates`)."""
        batch = self._prefetched
        if (batch is None or since < batch.since or any(u is None for u in urls)
                or not batch.pairs.issuperset(pairs)):
            return None
        wanted = set(pairs)
        rows = [r for r in _unique_rows([*batch.rows, *self._created_rows])
                if (r.inviter_key, r.invitee_key) in wanted and _recent(r, since)]
        created = {r.id for r in self._created_rows}
        summaries: dict[int, tuple[list[TimelineEntry], TimelineSummary]] = {}
        for row in rows:
            # A row neither read by the prefetch nor made since: its entries are not held.
            if (row.id is None or row.timeline_summary is None
                    or not (row.id in batch.ids or row.id in created)):
                return None
            summaries[row.id] = summary_from_json(row.timeline_summary,
                                                  f"invitation {row.id} summary")
        named = [url for entries, _ in summaries.values() if (url := _opening_url(entries))]
        repeats = _Repeats([*urls, *named], (), corrected=set())
        if (not batch.urls.issuperset(repeats.urls)
                or any(e.editorial for entries, _ in summaries.values() for e in entries)):
            return None
        matched = {i: [e for e in [*batch.entries.get(i, []), *self._added_entries.get(i, [])]
                       if repeats.covers(i, e)] for i in summaries}
        return self._bounded_states(rows, summaries, {}, repeats,
                                    {i: found for i, found in matched.items() if found})

    def _summary_states(self, rows: Sequence[InvitationRow], urls: Sequence[str | None],
                        evidence: Sequence[str]) -> list[InvitationState]:
        """The rows' states with bounded timelines; a row not summarised yet (written before
        migration 0007_hot_summary, or by a correction since) is read whole, once: saving summarises it."""
        summaries = {r.id: summary_from_json(r.timeline_summary, f"invitation {r.id} summary")
                     for r in rows if r.id is not None and r.timeline_summary is not None}
        whole = self._timelines([r.id for r in rows if r.id is not None and r.id not in summaries])
        # Besides the report's own, the URLs of the records' opening entries: a reply read
        # from a counter-offer is the other record's opening entry, a repeat by its URL.
        named = [url for entries, _ in summaries.values() if (url := _opening_url(entries))]
        repeats = _Repeats([*urls, *named], evidence, corrected={
            i for i, (entries, _) in summaries.items() if any(e.editorial for e in entries)})
        matched = self._matching_entries(list(summaries), repeats)
        return self._bounded_states(rows, summaries, whole, repeats, matched)

    def _bounded_states(self, rows: Sequence[InvitationRow],
                        summaries: dict[int, tuple[list[TimelineEntry], TimelineSummary]],
                        whole: dict[int, list[TimelineEntry]], repeats: _Repeats,
                        matched: dict[int, list[TimelineEntry]]) -> list[InvitationState]:
        """Each row's state: its summary's entries with the stored ones `repeats` covers
        (`matched`), or its whole timeline when it has no summary."""
        states: list[InvitationState] = []
        for row in rows:
            if row.id is None:
                continue
            if row.id not in summaries:
                states.append(invitation_state(row, whole[row.id]))
                continue
            entries, summary = summaries[row.id]
            view = self._keep_view(row.id, [
                *matched.get(row.id, []),
                *(e for e in entries if not repeats.covers(row.id, e))])
            states.append(replace(invitation_state(row, view), summary=summary))
        return states

    def _matching_entries(self, ids: Sequence[int], repeats: _Repeats
                          ) -> dict[int, list[TimelineEntry]]:
        """The stored entries of these invitations `repeats` covers, in one query on the
        (invitation_id, url) index (the evidence is compared only for a report without a
        URL or a record an editor corrected)."""
        if not ids:
            return {}
        found = repeats.query(ids)
        if found is None:
            return {}
        grouped: dict[int, list[TimelineEntryRow]] = defaultdict(list)
        for row in self.session.scalars(*found).all():
            grouped[row.invitation_id].append(row)
        return {i: ordered_timeline(found) for i, found in grouped.items()}

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
    def _stored_entries(self, invitation_id: int, *, partial: bool = False
                        ) -> list[TimelineEntry]:
        """What the tracker's timeline is diffed against: the bounded view it was given
        (`partial`), else the whole stored timeline."""
        view = self._views.get(invitation_id) if partial else None
        if view is not None:
            return list(view)
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

        The timeline is append-only but for `outcome.detached` (vague reports the tracker
        took off the record, deleted first): entries of `outcome.invitation.timeline` (and
        `outcome.entry`) not yet stored are added, no other is removed. The status change
        row's created_at is the invitation's last_update, the tracker's clock for this report.
        """
        self._hold_ingest_lock()
        state = outcome.invitation
        previous: Status | None = None
        self._note_figures_seen(state)
        # The row is written once per report: its columns and its summary together.
        if state.id is None:
            added = [with_article(e, source) for e in _new_entries(state, outcome.entry, [])]
            row = InvitationRow(**invitation_values(state),
                                timeline_summary=_summary_json(state, [], added))
            self.session.add(row)
            self.session.flush()
            self._created_rows.append(row)
            stored: list[TimelineEntry] = []
        else:
            found = self.session.get(InvitationRow, state.id)
            if found is None:
                raise StoreError(f"cannot update invitation {state.id}: it is not in the store")
            row = found
            previous = enum_value(Status, row.status, f"invitation {row.id} status")
            if outcome.detached:
                self._delete_entries(row, outcome.detached)
            stored = self._stored_entries(state.id, partial=state.summary is not None)
            added = [with_article(e, source)
                     for e in _new_entries(state, outcome.entry, stored)]
            values = invitation_values(state)
            # A repeat (nothing added) leaves a summary alone.
            if added or state.summary is None or row.timeline_summary is None:
                values["timeline_summary"] = _summary_json(state, stored, added)
            self._update_invitation(row, values)
        assert row.id is not None
        invitation_id = row.id
        if added:
            # Written with the batch's other entries, in one statement, before anything reads
            # or changes the table, and before the commit (`RepoBase._pending_entries`).
            self._pending_entries.extend(
                timeline_values(invitation_id, item, source) for item in added)
            self._added_entries.setdefault(invitation_id, []).extend(added)
        self._remember_timeline(invitation_id, state, stored, added)
        # A new record's first status is a change from nothing (from_status NULL), so the
        # table is the whole status history: the public site's Atom feeds read it.
        if outcome.status_changed or state.id is None:
            self.session.execute(insert(_STATUS_CHANGES), {
                "invitation_id": invitation_id,
                "from_status": previous.value if previous is not None else None,
                "to_status": state.status.value,
                "at": require_aware(state.status_at, "invitation status_at"),
                "source_url": source.url,
                "created_at": require_aware(state.last_update, "invitation last_update"),
            })
        notifications = outcome.notifications
        if notifications and state.summary is not None:
            notifications = self._completed(invitation_id, notifications)
        for notification in notifications:
            self.enqueue(replace(notification, invitation_id=invitation_id),
                         notification.created_at)
        self.session.flush()
        return invitation_id

    def _delete_entries(self, row: InvitationRow, entries: Sequence[TimelineEntry]) -> None:
        """Delete one stored timeline row equal to each of `entries` (the tracker took them
        off the record: `TrackOutcome.detached`); this transaction's copies of the timeline,
        its summary and the batch's prefetched candidates are dropped, so what follows reads
        the timeline as it now is."""
        assert row.id is not None
        rows = self.session.scalars(
            select(TimelineEntryRow).where(col(TimelineEntryRow.invitation_id) == row.id)
            .order_by(col(TimelineEntryRow.id))).all()
        wanted = Counter(entries)
        linked: list[TimelineEntryRow] = []
        for found in rows:
            entry = timeline_entry(found)
            if wanted[entry] > 0:
                wanted[entry] -= 1
                self.session.delete(found)
                if found.article_id is not None:
                    linked.append(found)
        if +wanted:
            raise StoreError(f"invitation {row.id} has no such timeline entry to take off")
        self.session.flush()
        self._relink_moved(row.id, linked)
        self._prefetched = None
        self._stored_timelines.pop(row.id, None)
        self._views.pop(row.id, None)
        row.timeline_summary = None

    def _relink_moved(self, source_id: int, deleted: Sequence[TimelineEntryRow]) -> None:
        """Give the copy of a deleted row that this transaction added to another record (an
        entry the tracker moved, `vague.regroup`) the deleted row's article, when the copy
        came without one (its entry read from a summary written before entries carried
        their article): a moved report keeps its link to its article."""
        for found in deleted:
            entry = timeline_entry(found)
            for invitation_id, added in self._added_entries.items():
                if invitation_id == source_id or entry not in added:
                    continue
                self.session.execute(
                    update(_TIMELINE)
                    .where(_TIMELINE.c.invitation_id == invitation_id,
                           _TIMELINE.c.url == found.url, _TIMELINE.c.status == found.status,
                           _TIMELINE.c.evidence == found.evidence,
                           _TIMELINE.c.article_id.is_(None))
                    .values(article_id=found.article_id))

    def _update_invitation(self, row: InvitationRow, values: dict[str, Any]) -> None:
        """Write the columns that changed, with a statement built once per set of columns
        rather than through the session's flush (its bookkeeping cost more than the
        UPDATE), and keep the row object the transaction holds equal to the database."""
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        if not changed:
            return
        names = tuple(sorted(changed))
        self.session.execute(_update_statement(names), {"row_id": row.id, **changed})
        for name in names:
            set_committed_value(row, name, changed[name])

    def _remember_timeline(self, invitation_id: int, state: InvitationState,
                           stored: list[TimelineEntry], added: list[TimelineEntry]) -> None:
        """Keep this transaction's copies of the timeline current: the bounded view the
        tracker had (`state.summary` set), or the whole timeline."""
        # In the order a read-back gives (convert.ordered_timeline): the sort is stable and
        # the new rows get the higher ids, so ties keep stored entries first.
        current = sorted(stored + added, key=entry_order)
        if state.summary is not None and invitation_id in self._views:
            self._views[invitation_id] = current
            whole = self._stored_timelines.get(invitation_id)
            if whole is not None and added:
                self._stored_timelines[invitation_id] = sorted(whole + added, key=entry_order)
        else:
            self._stored_timelines[invitation_id] = current
            self._views.pop(invitation_id, None)

    def _completed(self, invitation_id: int, notifications: Sequence[Notification]
                   ) -> tuple[Notification, ...]:
        """Notifications built from a bounded timeline, with every source and language of
        the whole one (one read of the timeline's URLs, only when there is news)."""
        found = self.session.execute(
            select(col(TimelineEntryRow.url), col(TimelineEntryRow.lang))
            .where(col(TimelineEntryRow.invitation_id) == invitation_id)
            .order_by(col(TimelineEntryRow.at), col(TimelineEntryRow.seen_at),
                      col(TimelineEntryRow.status), col(TimelineEntryRow.url),
                      col(TimelineEntryRow.id))
        ).all()
        sources = tuple(dict.fromkeys(url for url, _ in found if url))
        languages = tuple(sorted({lang for _, lang in found if lang}))
        return tuple(replace(n, sources=sources, languages=languages) for n in notifications)


@dataclass(frozen=True)
class _Prefetched:
    """A batch's candidates as `prefetch_candidates` read them: the pairs and earliest
    `since` asked, the URLs whose stored entries were read, the rows, and those entries by
    invitation id (in read-back order)."""

    pairs: set[tuple[str, str]]
    since: datetime
    urls: set[str]
    rows: list[InvitationRow]
    ids: set[int]
    entries: dict[int, list[TimelineEntry]]


def _recent(row: InvitationRow, since: datetime) -> bool:
    """The candidate query's time condition (`_candidate_statement`), in Python."""
    return row.last_update >= since or (row.status_at is not None and row.status_at >= since)


def _unique_rows(rows: Sequence[InvitationRow]) -> list[InvitationRow]:
    """Each row once (by id), in id order: the candidate query's order."""
    return sorted({r.id: r for r in rows if r.id is not None}.values(),
                  key=lambda r: r.id or 0)


_TIMELINE = TimelineEntryRow.__table__  # type: ignore[attr-defined]
_STATUS_CHANGES = StatusChangeRow.__table__  # type: ignore[attr-defined]


def _new_entries(state: InvitationState, entry: TimelineEntry | None,
                 stored: list[TimelineEntry]) -> list[TimelineEntry]:
    """The entries of the tracker's timeline (and its entry) not in `stored`: the timeline
    is append-only, none is ever removed."""
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
    return added


def _summary_json(state: InvitationState, stored: list[TimelineEntry],
                  added: list[TimelineEntry]) -> str:
    """The row's summary after this report: the summary of a summary plus new entries is
    the summary of the whole (bot.tracker.summary), so this costs the same however long
    the timeline is."""
    current = [*stored, *added]
    languages = set(state.summary.languages) if state.summary is not None else set()
    languages |= {e.lang for e in current if e.lang}
    return summary_to_json(summarise(current),
                           TimelineSummary(languages=tuple(sorted(languages))))


def _opening_url(entries: Sequence[TimelineEntry]) -> str | None:
    """The URL of the earliest "pending" entry at the first moment of a timeline in
    timeline order (what `track._counter_replies` turns into a reply), if any."""
    for entry in entries:
        if entry.at != entries[0].at:
            return None
        if entry.status == Status.PENDING:
            return entry.url
    return None


class _Repeats:
    """Which stored entries a bounded timeline must include besides its summary: those the
    tracker compares the report's entries with (`track._is_repeat`: same URL, or without
    one the same sentence; `status.since_correction`: after an editor's correction, the
    same URL or sentence as the evidence they saw). As a SQL condition and in Python alike."""

    def __init__(self, urls: Sequence[str | None], evidence: Sequence[str], *,
                 corrected: set[int]) -> None:
        self.urls = {u for u in urls if u}
        self.evidence = {e for e in evidence if e} if (None in urls or corrected) else set()
        self.without_url = None in urls
        self.corrected = corrected

    def covers(self, invitation_id: int, entry: TimelineEntry) -> bool:
        if entry.url is not None and entry.url in self.urls:
            return True
        if entry.evidence not in self.evidence:
            return False
        return invitation_id in self.corrected or (self.without_url and entry.url is None)

    def query(self, ids: Sequence[int]) -> tuple[Select[Any], dict[str, Any]] | None:
        """The statement (cached by shape, so SQLAlchemy compiles it once) and its
        parameters; None when nothing can be a repeat."""
        corrected = sorted(self.corrected.intersection(ids))
        shape = (bool(self.urls), bool(self.evidence and self.without_url),
                 bool(self.evidence and corrected))
        if not any(shape):
            return None
        return _repeats_statement(*shape), {
            "ids": list(ids), "urls": sorted(self.urls), "evidence": sorted(self.evidence),
            "corrected": corrected}


@lru_cache(maxsize=64)
def _update_statement(names: tuple[str, ...]) -> Any:
    """UPDATE invitations SET <names> WHERE id = :row_id (parameters: row_id and names)."""
    table = InvitationRow.__table__  # type: ignore[attr-defined]
    return (update(table).where(table.c.id == bindparam("row_id"))
            .values({name: bindparam(name) for name in names}))


@lru_cache(maxsize=64)
def _candidate_statement(pairs: int) -> Select[Any]:
    """The candidate lookup for `pairs` pairs (parameters a0, b0, ..., since): one term per
    pair and time column, so each is a range search on a composite index. Built once per
    number of pairs: building the expression costs more than running it."""
    inviter, invitee = col(InvitationRow.inviter_key), col(InvitationRow.invitee_key)
    since: BindParameter[datetime] = bindparam("since")
    terms = [
        and_(inviter == bindparam(f"a{k}"), invitee == bindparam(f"b{k}"), when >= since)
        for k in range(pairs)
        for when in (col(InvitationRow.last_update), col(InvitationRow.status_at))
    ]
    return select(InvitationRow).where(or_(*terms)).order_by(col(InvitationRow.id))


@lru_cache(maxsize=8)
def _repeats_statement(by_url: bool, without_url: bool, corrected: bool) -> Select[Any]:
    """The entries _Repeats covers (parameters ids, urls, evidence, corrected)."""
    invitation, url = col(TimelineEntryRow.invitation_id), col(TimelineEntryRow.url)
    said = col(TimelineEntryRow.evidence)
    ids = invitation.in_(bindparam("ids", expanding=True))
    terms: list[ColumnElement[bool]] = []
    if by_url:
        terms.append(and_(ids, url.in_(bindparam("urls", expanding=True))))
    if without_url:
        terms.append(and_(ids, url.is_(None), said.in_(bindparam("evidence", expanding=True))))
    if corrected:
        terms.append(and_(invitation.in_(bindparam("corrected", expanding=True)),
                          said.in_(bindparam("evidence", expanding=True))))
    return select(TimelineEntryRow).where(or_(*terms))


def _folded_pattern(needle: str) -> str:
    """A LIKE pattern, for `lower(evidence)`, that admits every text containing `needle`
    (lower-cased) letter case aside, on SQLite and PostgreSQL alike: SQLite's lower() folds
    ASCII letters only, and PostgreSQL's follows the database's character type (ASCII only
    under the C locale), so a character outside ASCII is left to the wildcard `_` and the
    caller tests the rows found exactly ("Санкт-Петербург" against "санкт-петербург")."""
    escaped = "".join(
        ch if ch.isascii() and ch not in "/%_" else ("/" + ch if ch.isascii() else "_")
        for ch in needle)
    return f"%{escaped}%"

