"""Reports waiting for a record: one-party reports and observations that found no record
to join when they arrived (`bot.tracker.waiting`), kept until a record of their figures
opens, is placed or has its span widened, or until the periodic sweep finds them expired."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlmodel import col

from bot.domain import LoneObservation, Status, WaitingFinding
from bot.store.codec import waiting_from_json, waiting_to_json
from bot.store.repo_base import RepoBase, require_text
from bot.store.tables import ArticleRow, WaitingFindingRow
from bot.store.types import require_aware


class WaitingRepository(RepoBase):
    def keep_waiting(self, waiting: WaitingFinding) -> int:
        """Store a finding that joined no record; its id."""
        self._hold_ingest_lock()
        finding = waiting.finding
        lone = isinstance(finding, LoneObservation)
        keys = waiting.party_keys
        row = WaitingFindingRow(
            article_id=waiting.source.article_id, kind="lone" if lone else "observation",
            party_key=require_text(keys[0], "waiting party key"),
            other_key=keys[1] if len(keys) > 1 else None,
            side=finding.side if isinstance(finding, LoneObservation) else None,
            occasion_kind=finding.occasion.kind.value, occasion_place=finding.occasion.place,
            status=Status(finding.status).value, at=require_aware(waiting.at, "waiting at"),
            seen_at=require_aware(waiting.seen_at, "waiting seen_at"),
            announce=waiting.announce, finding=waiting_to_json(waiting))
        self.session.add(row)
        self.session.flush()
        assert row.id is not None
        return row.id

    def waiting_for(self, figure_keys: Sequence[str], since: datetime) -> list[WaitingFinding]:
        """The findings waiting for a record of any of these figures that arrived at or
        after `since` (older ones have expired), in the order they are tried: by the date
        of what they observed, then by arrival."""
        keys = sorted({k for k in figure_keys if k})
        if not keys:
            return []
        self._hold_ingest_lock()
        rows = self.session.scalars(
            select(WaitingFindingRow)
            .where(or_(col(WaitingFindingRow.party_key).in_(keys),
                       col(WaitingFindingRow.other_key).in_(keys)))
            .where(col(WaitingFindingRow.seen_at) >= require_aware(since, "since"))
            .order_by(col(WaitingFindingRow.at), col(WaitingFindingRow.seen_at),
                      col(WaitingFindingRow.id))
        ).all()
        return [waiting_from_json(r.finding, at=r.at, seen_at=r.seen_at, announce=r.announce,
                                  ident=r.id) for r in rows]

    def drop_waiting(self, waiting_ids: Sequence[int]) -> int:
        """Delete findings that have joined a record; how many there were."""
        if not waiting_ids:
            return 0
        self._hold_ingest_lock()
        result = self.session.execute(
            delete(WaitingFindingRow).where(col(WaitingFindingRow.id).in_(list(waiting_ids))))
        return int(getattr(result, "rowcount", 0) or 0)

    def purge_waiting(self, before: datetime) -> int:
        """Delete the findings that arrived before `before` (expired); how many."""
        self._hold_ingest_lock()
        result = self.session.execute(
            delete(WaitingFindingRow)
            .where(col(WaitingFindingRow.seen_at) < require_aware(before, "before")))
        return int(getattr(result, "rowcount", 0) or 0)

    def last_arrival(self) -> datetime | None:
        """When the newest article the store holds was fetched (None: no article): the
        store's own clock, which a replayed database keeps at its articles' dates."""
        self._hold_ingest_lock()
        latest = self.session.scalar(select(func.max(col(ArticleRow.fetched_at))))
        return require_aware(latest, "last arrival") if latest is not None else None

    def count_waiting(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(WaitingFindingRow)) or 0)
