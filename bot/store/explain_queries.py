"""Read-only lookups for `explain`: one article, what the tracker recorded from it, and what
became of the notifications it caused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col

from bot.domain import Notification
from bot.errors import StoreError
from bot.store.codec import load_json, notification_from_json, waiting_from_json
from bot.store.engine import SqlStore
from bot.store.tables import (
    ArticleRow,
    DeliveryRow,
    FeedRow,
    InvitationNoteRow,
    InvitationRow,
    OutboxConsumerRow,
    OutboxRow,
    TimelineEntryRow,
    WaitingFindingRow,
)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    guid: str
    url: str | None
    title: str
    lang: str | None
    published: datetime | None
    fetched_at: datetime
    content_hash: str
    feed_url: str | None
    feed_title: str | None


@dataclass(frozen=True, slots=True)
class Trace:
    """A timeline entry the tracker wrote from the article."""

    invitation_id: int
    inviter: str
    invitee: str
    status: str
    opened: bool  # the article's entry is the invitation's first: it opened it
    evidence: str
    confidence: float
    # The debug line of a report that waited for this record before joining it
    # ("waited from <date> for a record of <figure>: ..."), else "".
    waited: str = ""


@dataclass(frozen=True, slots=True)
class DeliveryInfo:
    target: str
    state: str
    attempts: int
    last_error: str | None
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class QueuedNotification:
    outbox_id: int
    created_at: datetime
    notification: Notification
    deliveries: tuple[DeliveryInfo, ...]
    planned_by: tuple[str, ...]  # consumers ("console", "discord") that have planned it


def _article(row: ArticleRow, feed: FeedRow | None) -> StoredArticle:
    return StoredArticle(id=int(row.id or 0), guid=row.guid, url=row.url, title=row.title,
                         lang=row.lang, published=row.published, fetched_at=row.fetched_at,
                         content_hash=row.content_hash, feed_url=feed.url if feed else None,
                         feed_title=feed.title if feed else None)


def _with_feed(session: Session, row: ArticleRow | None) -> StoredArticle | None:
    if row is None:
        return None
    feed = session.get(FeedRow, row.feed_id) if row.feed_id is not None else None
    return _article(row, feed)


def find_article(store: SqlStore, ident: str, canonical: str | None = None
                 ) -> StoredArticle | None:
    """By stored id (digits), or by URL: as read, or `canonical`, its canonical form (which
    the feeds layer computes: the store does not import it)."""
    ident = ident.strip()
    try:
        with Session(store.engine) as session:
            if ident.isdigit():
                if int(ident) >= 2**63:
                    return None
                return _with_feed(session, session.get(ArticleRow, int(ident)))
            keys = [col(ArticleRow.url) == ident]
            if canonical:
                keys.append(col(ArticleRow.canonical_url) == canonical)
            row = session.scalars(select(ArticleRow).where(or_(*keys)).order_by(
                col(ArticleRow.id)).limit(1)).first()
            return _with_feed(session, row)
    except SQLAlchemyError as exc:
        raise store.error(exc) from exc


def find_by_content(store: SqlStore, content_hash: str) -> StoredArticle | None:
    try:
        with Session(store.engine) as session:
            row = session.scalars(select(ArticleRow).where(
                col(ArticleRow.content_hash) == content_hash).limit(1)).first()
            return _with_feed(session, row)
    except SQLAlchemyError as exc:
        raise store.error(exc) from exc


def traces(store: SqlStore, article_id: int) -> list[Trace]:
    try:
        with Session(store.engine) as session:
            rows = session.execute(
                select(TimelineEntryRow, InvitationRow).join(
                    InvitationRow, col(InvitationRow.id) == col(TimelineEntryRow.invitation_id))
                .where(col(TimelineEntryRow.article_id) == article_id)
                .order_by(col(TimelineEntryRow.id))).all()
            found = []
            for entry, invitation in rows:
                first = session.scalar(
                    select(col(TimelineEntryRow.id))
                    .where(col(TimelineEntryRow.invitation_id) == invitation.id)
                    .order_by(col(TimelineEntryRow.id)).limit(1))
                found.append(Trace(
                    invitation_id=int(invitation.id), inviter=invitation.inviter_name,
                    invitee=invitation.invitee_name, status=entry.status,
                    opened=first == entry.id, evidence=entry.evidence,
                    confidence=entry.confidence,
                    waited=_waited(session, int(invitation.id), entry)))
            return found
    except SQLAlchemyError as exc:
        raise store.error(exc) from exc


def _waited(session: Session, invitation_id: int, entry: TimelineEntryRow) -> str:
    """The "waited" trace the pipeline noted on the record for this entry, if any."""
    notes = session.scalars(
        select(InvitationNoteRow)
        .where(col(InvitationNoteRow.invitation_id) == invitation_id)
        .where(col(InvitationNoteRow.action) == "waited")
        .order_by(col(InvitationNoteRow.id))).all()
    for note in notes:
        detail = load_json(note.detail, "note detail", {})
        if detail.get("url") == entry.url and detail.get("status") == entry.status:
            return note.text
    return ""


def waiting_of(store: SqlStore, article_id: int) -> list[tuple[str, datetime]]:
    """What of the article still waits for a record: (who it waits for, since when)."""
    try:
        with Session(store.engine) as session:
            rows = session.scalars(
                select(WaitingFindingRow)
                .where(col(WaitingFindingRow.article_id) == article_id)
                .order_by(col(WaitingFindingRow.id))).all()
            found = []
            for r in rows:
                kept = waiting_from_json(r.finding, at=r.at, seen_at=r.seen_at,
                                         announce=r.announce, ident=r.id)
                found.append((f"{kept.figure} ({r.status}, "
                              f"{kept.finding.occasion.describe()})", r.seen_at))
            return found
    except SQLAlchemyError as exc:
        raise store.error(exc) from exc


def notifications_for(store: SqlStore, invitation_id: int,
                      source_url: str | None) -> list[QueuedNotification]:
    """The outbox items of the invitation caused by a report from `source_url` (all of the
    invitation's when None), with their deliveries."""
    try:
        with Session(store.engine) as session:
            rows = session.scalars(select(OutboxRow).where(
                col(OutboxRow.invitation_id) == invitation_id).order_by(col(OutboxRow.id))).all()
            found = []
            for row in rows:
                try:
                    note = notification_from_json(row.payload)
                except StoreError:
                    continue
                if source_url is not None and note.source_url != source_url:
                    continue
                deliveries = session.scalars(select(DeliveryRow).where(
                    col(DeliveryRow.outbox_id) == row.id).order_by(col(DeliveryRow.id))).all()
                planned = session.scalars(select(col(OutboxConsumerRow.consumer)).where(
                    col(OutboxConsumerRow.outbox_id) == row.id)).all()
                found.append(QueuedNotification(
                    outbox_id=int(row.id or 0), created_at=row.created_at, notification=note,
                    deliveries=tuple(DeliveryInfo(d.target, d.state, d.attempts, d.last_error,
                                                  d.sent_at) for d in deliveries),
                    planned_by=tuple(sorted(planned))))
            return found
    except SQLAlchemyError as exc:
        raise store.error(exc) from exc
