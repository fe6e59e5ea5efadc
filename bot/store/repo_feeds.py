"""Feeds: the list of sources, their polling schedule and health."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Update, bindparam, func, or_, select, update
from sqlalchemy.orm.util import identity_key
from sqlalchemy.sql import Select
from sqlmodel import col

from bot.errors import StoreError
from bot.store.api import FeedRecord, FeedState
from bot.store.convert import feed_record
from bot.store.repo_base import RepoBase, check_limit, require_text
from bot.store.tables import ArticleRow, FeedRow
from bot.store.types import require_aware

FEED_ORIGINS = ("config", "user")


class FeedRepository(RepoBase):
    def _records(self, rows: Sequence[FeedRow]) -> list[FeedRecord]:
        """The records of `rows`, with their article counts in one grouped query."""
        ids = [r.id for r in rows if r.id is not None]
        counts: dict[int | None, int] = {}
        if ids:
            counts = {
                feed_id: int(n)
                for feed_id, n in self.session.execute(
                    select(col(ArticleRow.feed_id), func.count())
                    .where(col(ArticleRow.feed_id).in_(ids))
                    .group_by(col(ArticleRow.feed_id))
                ).all()
            }
        return [feed_record(r, counts.get(r.id, 0)) for r in rows]

    def _record(self, row: FeedRow) -> FeedRecord:
        return self._records([row])[0]

    def _feed_row(self, feed_id: int) -> FeedRow:
        row = self.session.get(FeedRow, feed_id)
        if row is None:
            raise StoreError(f"no feed with id {feed_id}")
        return row

    def _feed_by_url(self, url: str) -> FeedRow | None:
        return self.session.scalars(
            select(FeedRow).where(col(FeedRow.url) == str(url).strip())
        ).first()

    def add_feed(self, url: str, *, title: str | None = None, lang: str | None = None,
                 origin: str = "user", now: datetime) -> FeedRecord:
        """The feed with this URL, added now unless it is already known (then unchanged)."""
        url = require_text(url, "feed URL")
        if origin not in FEED_ORIGINS:
            raise StoreError(f"feed origin must be one of {', '.join(FEED_ORIGINS)}, got {origin!r}")
        now = require_aware(now, "now")
        self._insert_ignoring_conflict(
            FeedRow,
            {"url": url, "title": title, "lang": lang, "state": FeedState.ACTIVE.value,
             "next_poll_at": now, "failure_count": 0, "origin": origin, "backfilled": False,
             "created_at": now},
            ["url"],
        )
        row = self._feed_by_url(url)
        assert row is not None  # inserted just now, or already there
        if row.removed_at is not None:
            # A feed dropped from the config and now wanted again resumes where it stopped:
            # its GUIDs, validators and backfill state are all still here.
            row.removed_at = None
            row.origin = origin
            self.session.flush()
        return self._record(row)

    def retire_feed(self, url: str, now: datetime) -> bool:
        """Stop polling a feed but keep it and its history, so adding it back resumes it
        instead of backfilling it afresh (silently) as a new feed."""
        row = self._feed_by_url(url)
        if row is None or row.removed_at is not None:
            return False
        row.removed_at = require_aware(now, "now")
        self.session.flush()
        return True

    def count_due_feeds(self, now: datetime) -> int:
        """How many feeds are due now and held by no poller: the poll backlog (feeds
        another process is polling are not behind)."""
        now = require_aware(now, "now")
        return int(self.session.scalar(
            self._due(select(func.count()).select_from(FeedRow), now)
            .where(or_(col(FeedRow.claimed_until).is_(None),
                       col(FeedRow.claimed_until) <= now))
        ) or 0)

    def remove_feed(self, url: str) -> bool:
        row = self._feed_by_url(url)
        if row is None:
            return False
        # Articles stay: invitations cite them as evidence.
        self.session.execute(
            update(ArticleRow).where(col(ArticleRow.feed_id) == row.id).values(feed_id=None)
        )
        self.session.delete(row)
        self.session.flush()
        return True

    def get_feed(self, url: str) -> FeedRecord | None:
        row = self._feed_by_url(url)
        return self._record(row) if row is not None else None

    def list_feeds(self, *, include_removed: bool = False) -> list[FeedRecord]:
        query = select(FeedRow).order_by(col(FeedRow.id))
        if not include_removed:
            query = query.where(col(FeedRow.removed_at).is_(None))
        return self._records(self.session.scalars(query).all())

    def due_feeds(self, now: datetime, limit: int) -> list[FeedRecord]:
        check_limit(limit)
        rows = self.session.scalars(
            select(FeedRow)
            .where(col(FeedRow.state) != FeedState.DISABLED.value)
            .where(col(FeedRow.removed_at).is_(None))
            .where(col(FeedRow.next_poll_at) <= require_aware(now, "now"))
            .order_by(col(FeedRow.next_poll_at), col(FeedRow.id))
            .limit(limit)
        ).all()
        return self._records(rows)

    def claim_due_feeds(self, now: datetime, limit: int, *, worker: str,
                        until: datetime) -> list[FeedRecord]:
        """Up to `limit` due feeds nobody holds, claimed for `worker` until `until`, so
        processes sharing the database each poll a feed of their own: a feed is fetched by
        one worker per cycle. A claim ends when the poll is recorded (`record_fetch_ok`,
        `record_fetch_failure`), when released, or when `until` passes (a crashed worker).

        PostgreSQL skips the rows another transaction is claiming (FOR UPDATE SKIP LOCKED),
        so pollers never wait on each other; SQLite's IMMEDIATE transactions serialise the
        claims of its single writer."""
        check_limit(limit)
        worker = require_text(worker, "worker")
        now = require_aware(now, "now")
        query = (self._due(select(FeedRow), now)
                 .where(or_(col(FeedRow.claimed_until).is_(None),
                            col(FeedRow.claimed_until) <= now))
                 .order_by(col(FeedRow.next_poll_at), col(FeedRow.id))
                 .limit(limit))
        if self.dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        rows: Sequence[FeedRow] = self.session.scalars(query).all()
        until = require_aware(until, "until")
        for row in rows:
            row.claimed_by = worker
            row.claimed_until = until
        self.session.flush()
        return self._records(rows)

    def release_feed_claims(self, worker: str, feed_ids: Sequence[int] | None = None) -> int:
        """End `worker`'s claims (on these feeds only, when given): the feeds it will not
        poll after all are free for the others at once, not when the lease runs out."""
        query = (update(FeedRow).where(col(FeedRow.claimed_by) == worker)
                 .values(claimed_by=None, claimed_until=None)
                 .execution_options(synchronize_session=False))
        if feed_ids is not None:
            if not feed_ids:
                return 0
            query = query.where(col(FeedRow.id).in_(list(feed_ids)))
        return int(getattr(self.session.execute(query), "rowcount", 0) or 0)

    def renew_feed_claims(self, worker: str, feed_ids: Sequence[int], until: datetime) -> int:
        """Extend `worker`'s claims on these feeds to `until` (a long poll keeps its
        feeds); a claim recorded, released or taken by another worker is left alone.
        Returns how many claims were extended."""
        worker = require_text(worker, "worker")
        if not feed_ids:
            return 0
        query = (update(FeedRow).where(col(FeedRow.claimed_by) == worker)
                 .where(col(FeedRow.id).in_(list(feed_ids)))
                 .values(claimed_until=require_aware(until, "until"))
                 .execution_options(synchronize_session=False))
        return int(getattr(self.session.execute(query), "rowcount", 0) or 0)

    @staticmethod
    def _due(query: Select[Any], now: datetime) -> Select[Any]:
        return (query.where(col(FeedRow.state) != FeedState.DISABLED.value)
                .where(col(FeedRow.removed_at).is_(None))
                .where(col(FeedRow.next_poll_at) <= now))

    def record_fetch_ok(self, feed_id: int, *, now: datetime, next_poll_at: datetime,
                        etag: str | None, last_modified: str | None,
                        title: str | None = None, not_modified: bool = False,
                        backfilled: bool = False) -> None:
        """Record a successful fetch (and end the feed's claim); `backfilled` also marks
        the feed backfilled, as `mark_backfilled` does."""
        now = require_aware(now, "now")
        values: dict[str, Any] = {
            "state": FeedState.ACTIVE.value, "failure_count": 0, "last_error": None,
            "disabled_at": None, "disabled_reason": None, "last_polled_at": now,
            "last_success_at": now,
            "next_poll_at": require_aware(next_poll_at, "next_poll_at"),
            "claimed_by": None, "claimed_until": None}
        # A 304 need not repeat the validators: keep the ones we had unless new ones came.
        if etag is not None or not not_modified:
            values["etag"] = etag
        if last_modified is not None or not not_modified:
            values["last_modified"] = last_modified
        if title:
            values["title"] = title
        if backfilled:
            values["backfilled"] = True
        # One UPDATE, compiled once per set of columns (issue 13: once per feed per poll,
        # in the store lane), instead of a read of the row and an ORM flush.
        self.session.flush()  # what this unit changed on the row goes first, as before
        updated = self.session.execute(_fetch_ok_statement(tuple(values)),
                                       {"feed_id": feed_id, **{f"v_{k}": v
                                                               for k, v in values.items()}})
        if getattr(updated, "rowcount", 0) != 1:
            raise StoreError(f"no feed with id {feed_id}")
        # A row this unit already loaded is read again when next used, not left stale.
        loaded = self.session.identity_map.get(identity_key(FeedRow, feed_id))
        if loaded is not None:
            self.session.expire(loaded)

    def record_fetch_failure(self, feed_id: int, *, now: datetime, next_poll_at: datetime,
                             error: str, disable: bool) -> FeedRecord:
        row = self._feed_row(feed_id)
        row.failure_count += 1
        row.state = (FeedState.DISABLED if disable else FeedState.FAILING).value
        row.last_error = str(error)
        if disable and row.disabled_at is None:
            row.disabled_at = require_aware(now, "now")
            row.disabled_reason = (f"{row.failure_count} failures in a row, the last: "
                                   f"{str(error)[:500]}")
        row.last_polled_at = require_aware(now, "now")
        row.next_poll_at = require_aware(next_poll_at, "next_poll_at")
        row.claimed_by = row.claimed_until = None
        self.session.flush()
        return self._record(row)

    def mark_backfilled(self, feed_id: int) -> None:
        self._feed_row(feed_id).backfilled = True
        self.session.flush()

    def disable_feed(self, url: str, *, reason: str, now: datetime) -> FeedRecord | None:
        row = self._feed_by_url(url)
        if row is None:
            return None
        if row.state != FeedState.DISABLED.value:
            row.state = FeedState.DISABLED.value
            row.disabled_at = require_aware(now, "now")
            row.disabled_reason = require_text(reason, "reason")[:500]
            self.session.flush()
        return self._record(row)

    def enable_feed(self, url: str, *, now: datetime) -> FeedRecord | None:
        row = self._feed_by_url(url)
        if row is None:
            return None
        # A fresh start: due at once, and the backoff forgotten (the last error stays
        # visible until the next poll replaces or clears it).
        row.state = FeedState.ACTIVE.value
        row.failure_count = 0
        row.next_poll_at = require_aware(now, "now")
        row.disabled_at = None
        row.disabled_reason = None
        self.session.flush()
        return self._record(row)


_FEEDS = FeedRow.__table__  # type: ignore[attr-defined]


@lru_cache(maxsize=32)
def _fetch_ok_statement(columns: tuple[str, ...]) -> Update:
    """The UPDATE of `record_fetch_ok` setting these columns (bound as v_<column>, typed
    by their column so times are stored as every other write stores them)."""
    return (update(_FEEDS).where(_FEEDS.c.id == bindparam("feed_id"))
            .values({name: bindparam(f"v_{name}", type_=_FEEDS.c[name].type)
                     for name in columns}))
