"""The outbox: notifications written with the change that caused them, delivered later."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import exists, insert, or_, select, update
from sqlalchemy.orm import aliased
from sqlmodel import col

from bot.domain import Notification, NotificationKind
from bot.errors import StoreError
from bot.store.api import Delivery, DeliveryState, OutboxItem
from bot.store.codec import notification_to_json
from bot.store.convert import delivery, outbox_item
from bot.store.repo_base import RepoBase, check_limit, require_text
from bot.store.tables import DeliveryRow, OutboxConsumerRow, OutboxRow, PostedMessageRow
from bot.store.types import require_aware

log = logging.getLogger(__name__)


def consumer_of(target: str) -> str:
    """"console" for "console", "discord" for "discord:<guild>:<channel>"."""
    return target.split(":", 1)[0]

# Built once: the values are parameters (building the statement per row cost more than
# running it).
_ENQUEUE = insert(OutboxRow.__table__).returning(  # type: ignore[attr-defined]
    OutboxRow.__table__.c.id)  # type: ignore[attr-defined]


class OutboxRepository(RepoBase):
    def enqueue(self, notification: Notification, now: datetime) -> int:
        values = {
            "invitation_id": notification.invitation_id,
            "kind": NotificationKind(notification.kind).value,
            "payload": notification_to_json(notification),
            "created_at": require_aware(now, "now"),
        }
        self.session.flush()  # the invitation it refers to may still be pending
        outbox_id = self.session.execute(_ENQUEUE, values).scalar_one()
        if outbox_id is None:  # the column is a primary key: only a broken driver does this
            raise StoreError("the database returned no id for the new outbox row")
        return int(outbox_id)

    def undelivered(self, consumer: str, limit: int) -> list[OutboxItem]:
        """Outbox items the consumer ("console", "discord") has not yet planned, oldest first."""
        check_limit(limit)
        planned = exists().where(
            col(OutboxConsumerRow.outbox_id) == col(OutboxRow.id),
            col(OutboxConsumerRow.consumer) == consumer,
        )
        rows = self.session.scalars(
            select(OutboxRow).where(~planned).order_by(col(OutboxRow.id)).limit(limit)
        ).all()
        items: list[OutboxItem] = []
        for row in rows:
            try:
                items.append(outbox_item(row))
            except StoreError as exc:
                self._set_aside(row, consumer, exc)
        return items

    def _set_aside(self, row: OutboxRow, consumer: str, error: StoreError) -> None:
        """Plan an unreadable item with no deliveries, so one damaged row cannot block the
        outbox for ever; the row itself stays in the table for whoever repairs it."""
        log.error("outbox item %s cannot be read and is skipped for %s: %s", row.id, consumer,
                  error)
        self._insert_ignoring_conflict(
            OutboxConsumerRow,
            {"outbox_id": row.id, "consumer": consumer, "planned_at": row.created_at},
            ["outbox_id", "consumer"],
        )

    def plan_deliveries(self, outbox_id: int, consumer: str, targets: Sequence[str],
                        now: datetime) -> None:
        """Create one delivery per target (idempotent) and mark the item planned for the
        consumer, even when `targets` is empty. Each target must belong to the consumer:
        "console", or "discord:<guild_id>:<channel_id>" for "discord"."""
        consumer = require_text(consumer, "consumer")
        now = require_aware(now, "now")
        if self.session.get(OutboxRow, outbox_id) is None:
            raise StoreError(f"cannot plan deliveries: no outbox item with id {outbox_id}")
        for target in targets:
            target = require_text(target, "delivery target")
            if consumer_of(target) != consumer:
                raise StoreError(f"target {target!r} does not belong to consumer {consumer!r}")
            self._insert_ignoring_conflict(
                DeliveryRow,
                {"outbox_id": outbox_id, "consumer": consumer, "target": target,
                 "state": DeliveryState.PENDING.value, "attempts": 0, "next_attempt_at": now,
                 "created_at": now},
                ["outbox_id", "target"],
            )
        self._insert_ignoring_conflict(
            OutboxConsumerRow,
            {"outbox_id": outbox_id, "consumer": consumer, "planned_at": now},
            ["outbox_id", "consumer"],
        )

    def due_deliveries(self, consumer: str, now: datetime, limit: int,
                       lease: timedelta | None = None,
                       worker: str | None = None) -> list[Delivery]:
        """PENDING deliveries of the consumer whose next attempt is due, earliest first,
        leaving out any delivery with an earlier pending delivery of the same invitation to
        the same target: an invitation's notifications reach a target strictly in outbox
        order, whatever was leased, retried or interrupted by a crash.

        With `lease`, the deliveries returned are claimed: their next attempt moves to
        now + lease and `claimed_by` to `worker`, so another process delivering the same
        outbox (a second bot, a cron `poll --once`) does not send them too. PostgreSQL
        skips rows another transaction is claiming; SQLite's IMMEDIATE transactions
        serialise claims.
        """
        check_limit(limit)
        now = require_aware(now, "now")
        earlier = aliased(DeliveryRow)
        earlier_outbox = aliased(OutboxRow)
        blocked = (
            exists()
            .where(col(earlier.target) == col(DeliveryRow.target))
            .where(col(earlier.state) == DeliveryState.PENDING.value)
            .where(col(earlier.outbox_id) < col(DeliveryRow.outbox_id))
            .where(col(earlier_outbox.id) == col(earlier.outbox_id))
            .where(col(earlier_outbox.invitation_id) == col(OutboxRow.invitation_id))
        )
        query = (
            select(DeliveryRow, OutboxRow)
            .join(OutboxRow, col(OutboxRow.id) == col(DeliveryRow.outbox_id))
            .where(col(DeliveryRow.consumer) == consumer)
            .where(col(DeliveryRow.state) == DeliveryState.PENDING.value)
            .where(col(DeliveryRow.next_attempt_at) <= now)
            .where(or_(col(OutboxRow.invitation_id).is_(None), ~blocked))
            .order_by(col(DeliveryRow.next_attempt_at), col(DeliveryRow.id))
            .limit(limit)
        )
        if lease is not None and self.dialect == "postgresql":
            query = query.with_for_update(of=DeliveryRow, skip_locked=True)
        rows = self.session.execute(query).all()
        due: list[Delivery] = []
        for delivery_row, outbox_row in rows:
            try:
                due.append(delivery(delivery_row, outbox_row))
            except StoreError as exc:
                log.error("delivery %s of outbox item %s cannot be read and is given up: %s",
                          delivery_row.id, outbox_row.id, exc)
                delivery_row.state = DeliveryState.FAILED.value
                delivery_row.last_error = f"unreadable notification: {exc}"
                continue
            if lease is not None:
                delivery_row.next_attempt_at = now + lease
                delivery_row.claimed_by = worker
        self.session.flush()
        return due

    def renew_claims(self, delivery_ids: Sequence[int], worker: str, until: datetime) -> int:
        """Extend the lease of these deliveries while `worker` still holds them."""
        if not delivery_ids:
            return 0
        result = self.session.execute(
            update(DeliveryRow)
            .where(col(DeliveryRow.id).in_(list(delivery_ids)))
            .where(col(DeliveryRow.claimed_by) == worker)
            .where(col(DeliveryRow.state) == DeliveryState.PENDING.value)
            .values(next_attempt_at=require_aware(until, "until"))
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def release_claims(self, worker: str, now: datetime) -> int:
        """Make the pending deliveries claimed by `worker` due now: a restarted worker
        resumes what it was sending at once (with the same nonces) instead of after the lease."""
        result = self.session.execute(
            update(DeliveryRow)
            .where(col(DeliveryRow.claimed_by) == worker)
            .where(col(DeliveryRow.state) == DeliveryState.PENDING.value)
            .values(next_attempt_at=require_aware(now, "now"), claimed_by=None)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def get_delivery(self, delivery_id: int) -> Delivery | None:
        if not self.id_in_range(delivery_id):
            return None
        row = self.session.get(DeliveryRow, delivery_id)
        if row is None:
            return None
        outbox_row = self.session.get(OutboxRow, row.outbox_id)
        return delivery(row, outbox_row) if outbox_row is not None else None

    def _delivery_row(self, delivery_id: int) -> DeliveryRow:
        row = self.session.get(DeliveryRow, delivery_id)
        if row is None:
            raise StoreError(f"no delivery with id {delivery_id}")
        return row

    def start_attempt(self, delivery_id: int, now: datetime) -> datetime:
        """Record, before a send, that an attempt began (write-ahead); keeps the earliest
        unfinished one, since a message posted then is the one a later retry must find.
        Returns the time recorded."""
        row = self._delivery_row(delivery_id)
        if row.attempt_started_at is None:
            row.attempt_started_at = require_aware(now, "now")
            self.session.flush()
        return row.attempt_started_at

    def mark_sent(self, delivery_id: int, message_id: str | None, now: datetime) -> None:
        row = self._delivery_row(delivery_id)
        row.state = DeliveryState.SENT.value
        row.attempt_started_at = None
        row.attempts += 1
        row.message_id = message_id
        row.sent_at = require_aware(now, "now")
        row.claimed_by = None
        self.session.flush()

    def mark_retry(self, delivery_id: int, error: str, next_attempt_at: datetime,
                   *, count_attempt: bool = True) -> None:
        row = self._delivery_row(delivery_id)
        row.state = DeliveryState.PENDING.value
        if count_attempt:
            row.attempts += 1
        row.last_error = str(error)
        row.next_attempt_at = require_aware(next_attempt_at, "next_attempt_at")
        row.claimed_by = None
        self.session.flush()

    def mark_failed(self, delivery_id: int, error: str) -> None:
        row = self._delivery_row(delivery_id)
        row.state = DeliveryState.FAILED.value
        row.attempt_started_at = None
        row.attempts += 1
        row.last_error = str(error)
        row.claimed_by = None
        self.session.flush()

    def message_for(self, invitation_id: int, target: str) -> str | None:
        """The message that announced this invitation in this target, to edit it."""
        row = self.session.get(PostedMessageRow, (invitation_id, target))
        return row.message_id if row is not None else None

    def remember_message(self, invitation_id: int, target: str, message_id: str) -> None:
        """Keep (or replace) the message id for this invitation in this target."""
        target = require_text(target, "target")
        message_id = require_text(message_id, "message id")
        row = self.session.get(PostedMessageRow, (invitation_id, target))
        if row is None:
            self.session.add(PostedMessageRow(invitation_id=invitation_id, target=target,
                                              message_id=message_id))
        else:
            row.message_id = message_id
        self.session.flush()
