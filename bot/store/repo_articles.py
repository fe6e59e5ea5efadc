"""Articles: what has been read, so nothing is matched twice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import CompoundSelect, Table, bindparam, exists, literal, or_, select, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from bot.domain import Article
from bot.errors import StoreError
from bot.store.api import KnownArticles
from bot.store.repo_base import RepoBase, require_text
from bot.store.tables import ArticleRow, FeedRow
from bot.store.types import require_aware

_ARTICLES: Table = ArticleRow.__table__  # type: ignore[attr-defined]
_FEEDS: Table = FeedRow.__table__  # type: ignore[attr-defined]
_FEED_EXISTS = select(_FEEDS.c.id).where(_FEEDS.c.id == bindparam("feed_id"))


class ArticleRepository(RepoBase):
    def _feed_exists(self, feed_id: int) -> bool:
        """Whether the feed row exists: its id alone, with a statement built once, where
        `session.get` loaded the whole row as an ORM object only to test it (once per
        stored batch, in the store lane)."""
        return self.session.execute(_FEED_EXISTS, {"feed_id": feed_id}).first() is not None

    def _is_duplicate(self, feed_id: int | None, guid: str, content_hash: str,
                      canonical_url: str | None) -> bool:
        """Three lookups, each on its own index, in one round trip: `EXISTS(...) OR
        EXISTS(...)` plans every subquery separately, whereas one query OR-ing the keys is
        planned as a full scan by PostgreSQL once the table is large."""
        same_feed: ColumnElement[bool] = (
            col(ArticleRow.feed_id).is_(None) if feed_id is None
            else col(ArticleRow.feed_id) == feed_id
        )
        lookups: list[ColumnElement[bool]] = [
            same_feed & (col(ArticleRow.guid) == guid),
            col(ArticleRow.content_hash) == content_hash,
        ]
        if canonical_url:
            lookups.append(col(ArticleRow.canonical_url) == canonical_url)
        found = self.session.scalar(select(or_(*(exists().where(key) for key in lookups))))
        return bool(found)

    def _updated_in_place(self, feed_id: int, guid: str, content_hash: str, article: Article,
                          now: datetime) -> int | None:
        """A feed entry edited under the same GUID ("UPDATE: the Kremlin replied") is
        read again: the stored row takes the new content and its id is returned, so the
        caller matches it. None when the entry is new or unchanged, or when its new
        content is already stored elsewhere."""
        row = self.session.scalar(select(ArticleRow).where(
            (col(ArticleRow.feed_id) == feed_id) & (col(ArticleRow.guid) == guid)).limit(1))
        if row is None or row.content_hash == content_hash:
            return None
        if self.session.scalar(select(col(ArticleRow.id)).where(
                col(ArticleRow.content_hash) == content_hash).limit(1)) is not None:
            return None
        row.content_hash = content_hash
        row.title = article.title
        row.fetched_at = require_aware(now, "now")
        self.session.flush()
        return int(row.id) if row.id is not None else None

    def known_articles(self, feed_id: int | None,
                       keys: Sequence[tuple[str, str, str | None]]) -> KnownArticles:
        """Which of these (GUID, content hash, canonical URL) keys are stored, in one query:
        three lookups on their own indexes, UNION ALL (see _is_duplicate)."""
        known = KnownArticles()
        guids = sorted({g.strip() for g, _, _ in keys if g and g.strip()})
        hashes = sorted({h for _, h, _ in keys if h})
        urls = sorted({u.strip() for _, _, u in keys if u and u.strip()})
        if not (guids or hashes or urls):
            return known
        statement = _known_statement(feed_id is None, bool(guids), bool(hashes), bool(urls))
        parameters: dict[str, Any] = {"feed_id": feed_id, "guids": guids, "hashes": hashes,
                                      "urls": urls}
        for kind, key, content_hash in self.session.execute(statement, parameters).all():
            if kind == "g":
                known.guids[key] = content_hash
            elif kind == "h":
                known.content_hashes.add(key)
            else:
                known.canonical_urls.add(key)
        return known

    def add_article(self, article: Article, *, feed_id: int | None, content_hash: str,
                    canonical_url: str | None, now: datetime,
                    checked: bool = False) -> int | None:
        """Store an article; None if it is a duplicate (same GUID within the feed, same
        canonical URL, or same content hash). An entry whose text changed under the same
        GUID in the same feed is updated and its id returned, to be read again. Articles
        without a feed (analyze input) share one GUID namespace."""
        guid = require_text(article.key, "article key (GUID)")
        content_hash = require_text(content_hash, "article content hash")
        canonical_url = canonical_url.strip() if canonical_url and canonical_url.strip() else None
        self._hold_ingest_lock()
        if feed_id is not None and not self._feed_exists(feed_id):
            raise StoreError(f"cannot store article {guid!r}: no feed with id {feed_id}")
        if feed_id is not None and not checked:
            updated = self._updated_in_place(feed_id, guid, content_hash, article, now)
            if updated is not None:
                return updated
        if not checked and self._is_duplicate(feed_id, guid, content_hash, canonical_url):
            return None
        published = article.published
        values = {
            "feed_id": feed_id,
            "guid": guid,
            "url": article.url,
            "canonical_url": canonical_url,
            "title": article.title,
            "lang": article.lang,
            "published": require_aware(published, "article published") if published else None,
            "content_hash": content_hash,
            "fetched_at": require_aware(now, "now"),
        }
        # Another transaction may have stored the same article (same feed and GUID, URL or
        # content) since the check above: every one of those keys is unique, so the
        # insert then does nothing instead of storing a duplicate.
        article_id = self._insert_ignoring_conflict(ArticleRow, values, None)
        return int(article_id) if article_id is not None else None

    def add_new_articles(self, feed_id: int,
                         articles: Sequence[tuple[Article, str, str | None]], *,
                         now: datetime) -> dict[str, int]:
        """Store a batch of a feed's entries `known_articles` found NEW in this transaction,
        each given as (article, content hash, canonical URL), in ONE statement: the GUID →
        id of each one stored. An entry missing from the result hit a key stored meanwhile
        (by another process): the insert did nothing for it, and the caller hands it to
        `add_article` for the full checks (it may be a changed entry now)."""
        if not articles:
            return {}
        # Like add_article: two pollers' batches inserting overlapping keys in different
        # orders would otherwise deadlock on PostgreSQL.
        self._hold_ingest_lock()
        if not self._feed_exists(feed_id):
            raise StoreError(f"cannot store articles: no feed with id {feed_id}")
        fetched_at = require_aware(now, "now")
        rows = []
        for article, content_hash, canonical_url in articles:
            guid = require_text(article.key, "article key (GUID)")
            published = article.published
            url = canonical_url.strip() if canonical_url and canonical_url.strip() else None
            rows.append({
                "feed_id": feed_id,
                "guid": guid,
                "url": article.url,
                "canonical_url": url,
                "title": article.title,
                "lang": article.lang,
                "published": require_aware(published, "article published") if published else None,
                "content_hash": require_text(content_hash, "article content hash"),
                "fetched_at": fetched_at,
            })
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        # One statement compiled once (SQLAlchemy sends the rows as multi-row VALUES), a
        # conflict on any unique key skipping its row as add_article's insert does;
        # RETURNING names each stored row by its GUID, unique in the feed, so nothing
        # rests on the order the rows come back in.
        statement = (dialect_insert(_ARTICLES).on_conflict_do_nothing()
                     .returning(_ARTICLES.c.guid, _ARTICLES.c.id))
        return {guid: int(article_id)
                for guid, article_id in self.session.execute(statement, rows).all()}


@lru_cache(maxsize=16)
def _known_statement(no_feed: bool, guids: bool, hashes: bool, urls: bool) -> CompoundSelect:
    """`known_articles`' query, built and compiled once per shape (issue 13: it runs once
    per batch in the store lane): three lookups on their own indexes, UNION ALL, the keys
    bound as expanding IN lists (`guids`, `hashes`, `urls`; `feed_id` unless `no_feed`)."""
    parts: list[Any] = []  # the three lookups' selects (typed per column)
    if guids:
        same_feed: ColumnElement[bool] = (
            col(ArticleRow.feed_id).is_(None) if no_feed
            else col(ArticleRow.feed_id) == bindparam("feed_id"))
        parts.append(select(literal("g"), col(ArticleRow.guid), col(ArticleRow.content_hash))
                     .where(same_feed)
                     .where(col(ArticleRow.guid).in_(bindparam("guids", expanding=True))))
    if hashes:
        parts.append(select(literal("h"), col(ArticleRow.content_hash),
                            col(ArticleRow.content_hash))
                     .where(col(ArticleRow.content_hash).in_(bindparam("hashes", expanding=True))))
    if urls:
        parts.append(select(literal("u"), col(ArticleRow.canonical_url),
                            col(ArticleRow.content_hash))
                     .where(col(ArticleRow.canonical_url).in_(bindparam("urls", expanding=True))))
    return union_all(*parts)
