"""Read-only counts for health and metrics: a handful of aggregate queries, so a health
check or a scrape costs a few milliseconds whatever the size of the database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col

from bot.domain import StoreFacts
from bot.store.engine import SqlStore
from bot.store.tables import (
    ArticleRow,
    DeliveryRow,
    FeedRow,
    InvitationRow,
    OutboxConsumerRow,
    OutboxRow,
)


def store_facts(store: SqlStore, consumers: Sequence[str] = ()) -> StoreFacts:
    """Counts for health and metrics. `consumers` are the notifiers the running bot delivers
    to: an item none of them has planned yet is undelivered too. Raises StoreError."""
    try:
        with Session(store.engine) as session:
            feeds = dict(session.execute(
                select(col(FeedRow.state), func.count()).group_by(col(FeedRow.state))).all())
            last_success = session.scalar(select(func.max(col(FeedRow.last_success_at))))
            pending = select(col(OutboxRow.created_at)).join(
                DeliveryRow, col(DeliveryRow.outbox_id) == col(OutboxRow.id)).where(
                col(DeliveryRow.state) == "pending")
            oldest = [session.scalar(select(func.min(pending.subquery().c.created_at)))]
            waiting = session.scalar(select(func.count()).select_from(DeliveryRow).where(
                col(DeliveryRow.state) == "pending")) or 0
            for consumer in consumers:
                planned = exists().where(col(OutboxConsumerRow.outbox_id) == col(OutboxRow.id),
                                         col(OutboxConsumerRow.consumer) == consumer)
                unplanned = select(func.min(col(OutboxRow.created_at)), func.count()).where(
                    ~planned)
                first, count = session.execute(unplanned).one()
                oldest.append(first)
                waiting += count or 0
            invitations = dict(session.execute(
                select(col(InvitationRow.status), func.count()).group_by(
                    col(InvitationRow.status))).all())
            deliveries = dict(session.execute(
                select(col(DeliveryRow.state), func.count()).group_by(
                    col(DeliveryRow.state))).all())
            articles = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
    except SQLAlchemyError as exc:
        raise store.error(exc) from exc
    known = [t for t in oldest if isinstance(t, datetime)]
    return StoreFacts(
        feeds_by_state={str(k): int(v) for k, v in feeds.items()},
        last_success_at=last_success,
        oldest_undelivered_at=min(known) if known else None,
        undelivered=int(waiting),
        invitations_by_status={str(k): int(v) for k, v in invitations.items()},
        notifications={"queued": int(waiting), "delivered": int(deliveries.get("sent", 0)),
                       "failed": int(deliveries.get("failed", 0))},
        articles=int(articles))


def delivery_latencies(store: SqlStore, after: datetime | None,
                       limit: int = 10_000) -> list[tuple[datetime, float]]:
    """(sent_at, seconds from queued to sent) of deliveries sent after `after`, oldest first:
    the metrics observe each once."""
    query = select(col(DeliveryRow.sent_at), col(OutboxRow.created_at)).join(
        OutboxRow, col(DeliveryRow.outbox_id) == col(OutboxRow.id)).where(
        col(DeliveryRow.state) == "sent", col(DeliveryRow.sent_at).is_not(None))
    if after is not None:
        query = query.where(col(DeliveryRow.sent_at) > after)
    query = query.order_by(col(DeliveryRow.sent_at)).limit(limit)
    try:
        with Session(store.engine) as session:
            rows = session.execute(query).all()
    except SQLAlchemyError as exc:
        raise store.error(exc) from exc
    return [(sent, max(0.0, (sent - queued).total_seconds())) for sent, queued in rows]
