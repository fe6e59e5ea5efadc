"""Storing a feed's entries in batches (bot/pipeline.py, `ingest_feed_entries`): one
transaction and one duplicate-check query per batch, a failing entry losing only itself,
and the first-poll and exactly-once rules unchanged.

The matcher is a stub (an invitation per entry whose text says so), so these tests count
the store's work, not the matcher's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from bot.domain import Article, MatchResult, Mention, Occasion, OccasionKind, Party, Status
from bot.feeds.parse import ParsedFeed
from bot.feeds.text import content_hash
from bot.matcher import Matcher
from bot.pipeline import IngestCounts, PollPolicy, ingest_feed_entries
from bot.store import SqlStore
from bot.store.api import FeedRecord, InvitationFilter
from bot.tracker import TrackerPolicy

NOW = datetime(2024, 5, 1, 12, tzinfo=UTC)
POLL = PollPolicy(store_batch=20)


class StubMatcher:
    """An invitation from figure N to figure N+1 for an entry whose text is "invite N";
    "boom" gives a mention the tracker rejects (a confidence outside 0..1)."""

    def match(self, article: Article) -> MatchResult:
        words = article.text.split()
        if words[0] == "boom":
            return MatchResult(lang="en", mentions=(self._mention(0, confidence=7.0),))
        if words[0] != "invite":
            return MatchResult(lang="en")
        return MatchResult(lang="en", mentions=(self._mention(int(words[1])),))

    @staticmethod
    def _mention(n: int, confidence: float = 0.8) -> Mention:
        return Mention(inviter=Party(f"Figure {n}", f"figure-{n}"),
                       invitee=Party(f"Figure {n + 1}", f"figure-{n + 1}"),
                       occasion=Occasion(OccasionKind.VISIT, f"Place {n}"),
                       status=Status.PENDING, confidence=confidence,
                       evidence=f"Figure {n} invited Figure {n + 1}.", lang="en")


def _entries(texts: list[str], start: int = 0) -> ParsedFeed:
    return ParsedFeed(title="Stub feed", lang="en", warning=None, entries=[
        Article(key=f"guid-{start + k}", text=text, title=f"Entry {start + k}",
                url=f"https://stub.example/{start + k}", published=NOW - timedelta(hours=1))
        for k, text in enumerate(texts)])


def _feed(store: SqlStore, *, backfilled: bool = True) -> FeedRecord:
    with store.unit() as unit:
        feed = unit.add_feed("https://stub.example/feed", now=NOW)
        if backfilled:
            unit.mark_backfilled(feed.id)
        found = unit.get_feed(feed.url)
    assert found is not None
    return found


def _ingest(store: SqlStore, feed: FeedRecord, parsed: ParsedFeed,
            poll: PollPolicy = POLL) -> IngestCounts:
    matcher: Matcher = StubMatcher()  # type: ignore[assignment]
    return ingest_feed_entries(store, matcher, feed, parsed, now=NOW, tracker=TrackerPolicy(),
                               poll=poll)


def _outbox(store: SqlStore) -> list[Any]:
    with store.unit() as unit:
        return [i.notification for i in unit.undelivered("console", 1000)]


def test_a_batch_is_one_transaction_and_one_duplicate_query(store: SqlStore) -> None:
    feed = _feed(store)
    texts = [f"invite {2 * k}" for k in range(40)]
    statements: list[str] = []

    def capture(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        statements.append(" ".join(sql.split()))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        counts = _ingest(store, feed, _entries(texts))
        first_poll = list(statements)
        statements.clear()
        again = _ingest(store, feed, _entries(texts))  # the same entries polled again
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    assert (counts.new_articles, counts.new_invitations, counts.notifications) == (40, 40, 40)
    assert again == IngestCounts()
    # Duplicates of a whole feed: one query per batch before matching (and nothing else).
    article_reads = [s for s in statements if "FROM articles" in s]
    assert len(article_reads) == 2, statements
    assert not any(s.startswith(("INSERT", "UPDATE")) for s in statements), statements
    # New entries: each batch's keys read in one query before matching, no per-entry
    # duplicate lookup, and the batch's articles inserted in one statement.
    reads = [s for s in first_poll if s.startswith("SELECT") and "FROM articles" in s]
    assert len(reads) == 2, reads
    inserts = [s for s in first_poll if s.startswith("INSERT INTO articles")]
    assert len(inserts) == 2, inserts
    with store.unit(read_only=True) as unit:
        assert unit.invitation_stats()["articles"] == 40


def test_entries_another_process_stored_meanwhile_are_decided_again(store: SqlStore) -> None:
    """Between the duplicate query (before matching) and the batch's transaction another
    process stores two of the entries, one as read and one edited since: the batch's
    insert skips both and add_article decides each (a duplicate; a changed entry, read
    again), as if the batch had been checked inside its transaction."""
    feed = _feed(store)
    parsed = _entries([f"invite {2 * k}" for k in range(6)])
    real_unit = store.unit
    raced = False

    def unit(*, read_only: bool = False) -> Any:
        nonlocal raced
        if not read_only and not raced:
            raced = True
            with real_unit() as other:
                for n, text in ((1, "invite 2"), (3, "an older text")):
                    stored = replace(parsed.entries[n], text=text)
                    assert other.add_article(stored, feed_id=feed.id, now=NOW,
                                             content_hash=content_hash(stored.title, text),
                                             canonical_url=stored.url) is not None
        return real_unit(read_only=read_only)

    store.unit = unit  # type: ignore[method-assign]
    try:
        counts = _ingest(store, feed, parsed)
    finally:
        del store.unit
    # Entry 1 was stored by the other process (not ours to count); entry 3 was stored with
    # other content under its GUID, so ours updates it and matches it.
    assert (counts.new_articles, counts.new_invitations) == (5, 5)
    with store.unit(read_only=True) as check:
        assert check.invitation_stats()["articles"] == 6
        assert check.count_invitations(InvitationFilter()) == 5


def test_a_failing_entry_loses_only_itself(store: SqlStore) -> None:
    feed = _feed(store)
    texts = [f"invite {2 * k}" for k in range(10)]
    texts[4] = "boom"
    counts = _ingest(store, feed, _entries(texts))
    assert (counts.new_articles, counts.new_invitations) == (9, 9)
    with store.unit() as unit:
        assert unit.count_invitations(InvitationFilter()) == 9
    assert len(_outbox(store)) == 9  # each announced once
    # The failed entry was not stored: fixed, it is read again at the next poll.
    texts[4] = "invite 100"
    assert _ingest(store, feed, _entries(texts)).new_invitations == 1
    assert len(_outbox(store)) == 10


def test_the_first_poll_records_without_notifying_in_batches(store: SqlStore) -> None:
    feed = _feed(store, backfilled=False)
    counts = _ingest(store, feed, _entries([f"invite {2 * k}" for k in range(45)]))
    assert (counts.new_articles, counts.new_invitations, counts.notifications) == (45, 45, 0)
    assert _outbox(store) == []
    with store.unit() as unit:
        record = unit.get_feed(feed.url)
    assert record is not None and record.backfilled
    # Later entries are announced, each once, even when the batch repeats itself.
    later = _entries(["invite 200", "invite 202", "invite 200"], start=100)
    later.entries[2] = later.entries[0]
    assert _ingest(store, record, later).notifications == 2
    assert len(_outbox(store)) == 2


@pytest.mark.parametrize("cap", [5, 20, 33])
def test_the_cap_of_new_entries_holds_across_batches(store: SqlStore, cap: int) -> None:
    feed = _feed(store)
    poll = PollPolicy(store_batch=20, max_new_entries=cap)
    counts = _ingest(store, feed, _entries([f"invite {2 * k}" for k in range(50)]), poll)
    assert (counts.new_articles, counts.capped) == (cap, True)
    rest = _ingest(store, feed, _entries([f"invite {2 * k}" for k in range(50)]),
                   PollPolicy(store_batch=20))
    assert (rest.new_articles, rest.capped) == (50 - cap, False)


def test_a_batch_notes_every_party_for_the_autocomplete(store: SqlStore) -> None:
    # Figure 1 is an invitee of "invite 0" and an inviter of "invite 1": one row each key.
    _ingest(store, _feed(store), _entries([f"invite {n}" for n in range(25)]))
    with store.unit(read_only=True) as unit:
        seen = unit.figures_seen("figure", 100)
    assert sorted(seen) == sorted((f"figure-{n}", f"Figure {n}") for n in range(26))
