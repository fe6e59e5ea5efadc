"""The store's contract: what the rest of the bot may ask of the database.

Everything crossing this boundary is a plain dataclass from `bot.domain` or below; no
SQLModel object escapes the `store` package. A `Unit` is one transaction: it commits when
its `with` block ends normally and rolls back on an exception, so a tracker outcome and
the outbox rows it causes are written together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Protocol

from bot.domain import (
    Article,
    InvitationState,
    Notification,
    Source,
    Status,
    TimelineEntry,
    TrackOutcome,
    WaitingFinding,
)


class FeedState(StrEnum):
    ACTIVE = "active"
    FAILING = "failing"  # recent failures, backing off
    DISABLED = "disabled"  # too many failures or a permanent error; reason kept in last_error


@dataclass(frozen=True, slots=True)
class FeedRecord:
    id: int
    url: str
    title: str | None
    lang: str | None
    state: FeedState
    etag: str | None
    last_modified: str | None
    next_poll_at: datetime
    last_polled_at: datetime | None
    last_success_at: datetime | None
    failure_count: int
    last_error: str | None
    origin: str  # "config" (from config/feeds.toml) or "user" (added by command)
    entries_seen: int  # articles stored from this feed
    backfilled: bool  # the first poll (recorded without notifying) has happened
    removed: bool = False  # dropped from feeds.toml: kept with its history, not polled
    disabled_at: datetime | None = None  # when it stopped being polled (state DISABLED)
    disabled_reason: str | None = None  # why: the last error, or who disabled it by hand


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    notification: Notification
    created_at: datetime


class DeliveryState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # permanent: gave up (target gone, forbidden, too many attempts)


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    outbox_id: int
    target: str  # "console", or "discord:<guild_id>:<channel_id>"
    state: DeliveryState
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    message_id: str | None
    notification: Notification
    # Stable across attempts and restarts, unique per delivery (see convert.delivery_nonce):
    # sent to Discord with enforce_nonce so a repeated post returns the first message.
    nonce: str = ""
    # When an attempt began that no outcome closed (see repo_outbox.start_attempt): the
    # message may have been posted by a process that died before recording it.
    attempt_started_at: datetime | None = None


class ArticleVerdict(StrEnum):
    NEW = "new"  # not stored under any of its keys: stored without further checks
    DUPLICATE = "duplicate"  # same GUID and content, or the same content or URL elsewhere
    CHANGED = "changed"  # same GUID in the feed, new content: add_article reads it again


@dataclass(frozen=True, slots=True)
class KnownArticles:
    """What the store holds of a batch of feed entries, read in one query
    (`Unit.known_articles`), so each entry's duplicate check costs no statement.
    `remember` adds an entry stored since, so a batch repeating itself is caught too."""

    guids: dict[str, str] = field(default_factory=dict)  # GUID in the feed → content hash
    content_hashes: set[str] = field(default_factory=set)
    canonical_urls: set[str] = field(default_factory=set)

    def verdict(self, guid: str, content_hash: str, canonical_url: str | None) -> ArticleVerdict:
        """add_article's rules: an edited entry under a known GUID is read again unless its
        new content is already stored; otherwise any known key makes a duplicate."""
        guid = guid.strip()
        if guid in self.guids:
            if self.guids[guid] == content_hash or content_hash in self.content_hashes:
                return ArticleVerdict.DUPLICATE
            return ArticleVerdict.CHANGED
        if content_hash in self.content_hashes or (canonical_url or "").strip() in self.canonical_urls:
            return ArticleVerdict.DUPLICATE
        return ArticleVerdict.NEW

    def remember(self, guid: str, content_hash: str, canonical_url: str | None) -> None:
        self.guids[guid.strip()] = content_hash
        self.content_hashes.add(content_hash)
        if canonical_url:
            self.canonical_urls.add(canonical_url.strip())


@dataclass(frozen=True, slots=True)
class ListCursor:
    """A place in the lists' order (last_update, then id, newest first): keyset pages
    start after or before one, so no page is found by skipping rows (no OFFSET), and rows
    added between two pages neither shift nor repeat the rows of the next."""

    last_update: datetime
    id: int

    @classmethod
    def of(cls, invitation: InvitationState) -> ListCursor:
        if invitation.id is None:
            raise ValueError("an invitation not yet stored has no place in a list")
        return cls(invitation.last_update, invitation.id)


@dataclass(frozen=True, slots=True)
class InvitationFilter:
    status: Sequence[Status] = ()
    figure_key: str | None = None  # Party.key of inviter or invitee
    since: datetime | None = None  # last_update >= since
    limit: int = 25
    include_hidden: bool = False  # records an editor hid as false
    lang: str | None = None  # with a timeline entry in this language
    search: str | None = None  # in either party's name, the occasion or its place
    # Keyset pages: no page is found by skipping rows (OFFSET), so a page deep in 100k
    # records costs what the first page costs.
    after: ListCursor | None = None  # only rows after this one (older), the next page
    before: ListCursor | None = None  # only rows before this one (newer), the previous page


@dataclass(frozen=True, slots=True)
class InvitationPage:
    """One page of a list, newest first; `more`: rows remain beyond it in the direction
    walked (older ones after, newer ones before)."""

    items: list[InvitationState]
    more: bool


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One stored status change (`from_status` None: the invitation was new), with the
    invitation as it is now: what the Atom feeds publish."""

    id: int
    invitation: InvitationState
    from_status: Status | None
    to_status: Status
    at: datetime  # when the status came about (event time)
    created_at: datetime  # when the tracker learned of it
    source_url: str | None


@dataclass(frozen=True, slots=True)
class ChangeFilter:
    figure_key: str | None = None  # either party
    status: Status | None = None  # the status changed to
    limit: int = 50


@dataclass(slots=True)
class GuildSettings:
    """A server's /setup settings: its default subscription. Each channel listed is one
    subscription of origin "setup" (the store keeps them in step on every save)."""

    guild_id: str
    channel_ids: list[str] = field(default_factory=list)
    figure_keys: list[str] = field(default_factory=list)  # empty: every figure
    statuses: list[Status] = field(default_factory=list)  # empty: every status
    languages: list[str] = field(default_factory=list)  # empty: every language
    min_confidence: float = 0.0
    mention_role_id: str | None = None
    # channels the bot may not post in (403), with when the admins were told
    forbidden_channels: dict[str, datetime] = field(default_factory=dict)
    # the language of the bot's messages here: a language code, or "auto" for the
    # server's preferred locale (bot.i18n)
    language: str = "auto"


class ChannelKind(StrEnum):
    """Where a subscription posts: Discord's channel types the bot can post in."""

    TEXT = "text"
    ANNOUNCEMENT = "announcement"
    THREAD = "thread"  # an existing thread: posts go into it
    FORUM = "forum"  # each invitation gets its own forum post


class SubscriptionStyle(StrEnum):
    """How a subscription's notifications look."""

    EMBED = "embed"  # the full embed; a status change edits it and replies under it
    COMPACT = "compact"  # one line per notification
    THREAD = "thread"  # the embed, then a thread under it per invitation for its changes


ORIGIN_SETUP = "setup"  # made by /setup channel (or migrated from it): the server's default
ORIGIN_SUBSCRIBE = "subscribe"  # made by /subscribe


@dataclass(slots=True)
class Subscription:
    """One channel of one server with its own filters, role and style (issue 12).

    Empty filter lists let everything through. `countries` are ISO 3166 alpha-2 codes and
    `categories` the gazetteer's categories, both matched against either figure;
    `source_kinds` are "news" or a platform ("bluesky", "telegram", ...)."""

    guild_id: str
    channel_id: str
    channel_kind: ChannelKind = ChannelKind.TEXT
    style: SubscriptionStyle = SubscriptionStyle.EMBED
    figure_keys: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    min_confidence: float = 0.0
    source_kinds: list[str] = field(default_factory=list)
    mention_role_id: str | None = None
    origin: str = ORIGIN_SUBSCRIBE
    # When the bot got a 403 in the channel (admins told once); None: posting works.
    forbidden_at: datetime | None = None
    created_by: str | None = None
    created_at: datetime | None = None
    id: int | None = None

    @property
    def target(self) -> str:
        """The delivery target: deliveries and remembered messages are per subscription."""
        return f"discord:{self.guild_id}:{self.channel_id}:{self.id}"


@dataclass(frozen=True, slots=True)
class InvitationNote:
    """An entry of a record's timeline that is not evidence: an editor's correction
    (kind "editorial") or the tracker's trace of a report it linked to no record ("trace",
    shown in the debug view)."""

    invitation_id: int
    kind: str  # NOTE_EDITORIAL or NOTE_TRACE
    action: str  # merge, split, set_status, hide, unhide, ambiguous_link, regrouped
    actor: str
    text: str
    at: datetime
    detail: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


NOTE_EDITORIAL = "editorial"
NOTE_TRACE = "trace"


class Unit(Protocol):
    """One transaction over the store."""

    # -- feeds -------------------------------------------------------------
    def add_feed(self, url: str, *, title: str | None = None, lang: str | None = None,
                 origin: str = "user", now: datetime) -> FeedRecord: ...
    def remove_feed(self, url: str) -> bool: ...
    def get_feed(self, url: str) -> FeedRecord | None: ...
    def list_feeds(self, *, include_removed: bool = False) -> list[FeedRecord]:
        """The feeds polled; with `include_removed`, also the config feeds kept after being
        dropped from feeds.toml."""
        ...
    def retire_feed(self, url: str, now: datetime) -> bool:
        """Stop polling a feed, keeping it and its history; `add_feed` resumes it."""
        ...
    def count_due_feeds(self, now: datetime) -> int: ...
    def due_feeds(self, now: datetime, limit: int) -> list[FeedRecord]: ...
    def claim_due_feeds(self, now: datetime, limit: int, *, worker: str,
                        until: datetime) -> list[FeedRecord]:
        """Due feeds nobody holds, claimed for `worker` until `until` (skipping rows other
        transactions are claiming on PostgreSQL); recording the poll ends the claim."""
        ...
    def release_feed_claims(self, worker: str, feed_ids: Sequence[int] | None = None) -> int:
        """End `worker`'s feed claims (these feeds only, when given)."""
        ...
    def renew_feed_claims(self, worker: str, feed_ids: Sequence[int], until: datetime) -> int:
        """Extend `worker`'s claims on these feeds to `until` (those it still holds)."""
        ...
    def record_fetch_ok(self, feed_id: int, *, now: datetime, next_poll_at: datetime,
                        etag: str | None, last_modified: str | None,
                        title: str | None = None, not_modified: bool = False,
                        backfilled: bool = False) -> None:
        """Record a successful fetch and end the feed's claim; `backfilled` also marks
        the feed backfilled (its first poll's entries are all stored)."""
        ...
    def record_fetch_failure(self, feed_id: int, *, now: datetime, next_poll_at: datetime,
                             error: str, disable: bool) -> FeedRecord: ...
    def mark_backfilled(self, feed_id: int) -> None: ...
    def disable_feed(self, url: str, *, reason: str, now: datetime) -> FeedRecord | None:
        """Stop polling the feed (None when there is no such feed); history stays."""
        ...
    def enable_feed(self, url: str, *, now: datetime) -> FeedRecord | None:
        """Poll the feed again from now, its failure count reset (None when unknown)."""
        ...

    # -- articles ----------------------------------------------------------
    def add_article(self, article: Article, *, feed_id: int | None, content_hash: str,
                    canonical_url: str | None, now: datetime,
                    checked: bool = False) -> int | None:
        """Store an article; None if it is a duplicate (same GUID within the feed, same
        canonical URL, or same content hash). A feed entry whose text changed under the
        same GUID is updated and its id returned, so it is read again. `checked`: the
        caller found it NEW with `known_articles` in this transaction, so only the insert
        runs (which still does nothing on a key stored meanwhile)."""
        ...
    def known_articles(self, feed_id: int | None,
                       keys: Sequence[tuple[str, str, str | None]]) -> KnownArticles:
        """Which of these (GUID, content hash, canonical URL) keys the store holds: GUIDs
        within the feed (None: the articles stored without one), hashes and URLs
        anywhere; one query."""
        ...
    def add_new_articles(self, feed_id: int,
                         articles: Sequence[tuple[Article, str, str | None]], *,
                         now: datetime) -> dict[str, int]:
        """Store a feed's entries found NEW by `known_articles`, each given as (article,
        content hash, canonical URL), in one statement: GUID → id of each one stored. One
        left out hit a key stored meanwhile (nothing was written for it): `add_article`
        then decides what it is."""
        ...

    # -- invitations -------------------------------------------------------
    def candidate_invitations(self, pairs: Sequence[tuple[str, str]], since: datetime, *,
                              urls: Sequence[str | None] | None = None,
                              evidence: Sequence[str] = ()) -> list[InvitationState]:
        """Invitations whose (inviter key, invitee key) is one of `pairs` and whose
        last_update or status_at is >= since, with their timelines. Uses an index.

        Given the report's `urls` (None for a report without one) and `evidence`, each
        timeline is bounded: the stored summary (`bot.tracker.summary`) plus the entries
        repeating those URLs (or sentences, where the tracker compares them), with
        `InvitationState.summary` set; save_outcome then keeps the summary current."""
        ...
    def with_entries_naming(self, states: Sequence[InvitationState], text: str
                            ) -> list[InvitationState]:
        """`states` from `candidate_invitations`, each bounded timeline with its stored
        entries whose sentence contains `text` (letter case aside) added: the sentence of
        a bridge (`tracker.bridge.bridged_home`) that the summary leaves out. One query."""
        ...
    def prefetch_candidates(self, pairs: Sequence[tuple[str, str]], since: datetime,
                            urls: Sequence[str | None]) -> None:
        """Read the candidates of a batch's reports at once (their pairs, the earliest
        `since`, their URLs): the batch's `candidate_invitations(..., urls=)` calls it covers
        are then answered without a query, exactly as the query would answer."""
        ...
    def save_outcome(self, outcome: TrackOutcome, source: Source) -> int:
        """Insert or update the invitation, append its timeline entry and status change,
        and enqueue its notifications in the outbox (filling in the invitation id).
        Returns the invitation id."""
        ...
    def get_invitation(self, invitation_id: int) -> InvitationState | None: ...
    def list_invitations(self, flt: InvitationFilter) -> list[InvitationState]:
        """Most recently updated first (then by id), `flt.limit` rows from `flt.after` or
        `flt.before` (keyset), with the timelines of these rows only."""
        ...
    def invitation_page(self, flt: InvitationFilter) -> InvitationPage:
        """`list_invitations`, and whether more rows lie beyond the page."""
        ...
    def iter_invitations(self, flt: InvitationFilter, *, first: int = ...,
                         batch: int = ...) -> Iterator[InvitationState]:
        """Every row of the list from `flt.after` on (at most `flt.limit`), newest first,
        read page by page (`first` rows, then `batch` at a time): for streaming."""
        ...
    def count_invitations(self, flt: InvitationFilter, *, at_most: int | None = None) -> int:
        """Rows matching the filter (paging ignored), counted up to `at_most` at most."""
        ...
    def status_changes(self, flt: ChangeFilter) -> list[StatusChange]:
        """The latest status changes of visible (not hidden) invitations, newest first."""
        ...
    def figure_name(self, figure_key: str) -> str | None:
        """The name a visible invitation gives the figure with this key (None: none does)."""
        ...
    def invitation_stats(self) -> dict[str, Any]: ...
    def figures_seen(self, prefix: str, limit: int) -> list[tuple[str, str]]:
        """(key, name) of figures appearing in invitations whose name starts with / contains
        prefix (case-folded); names starting with it first. From the figures_seen table."""
        ...
    def stale_invitations(self, before: datetime, limit: int) -> list[InvitationState]:
        """Not quiet, not final, last_update < before: candidates for the quiet sweep."""
        ...

    # -- corrections and traces (repo_corrections.py) ------------------------
    def invitations_of(self, figure_key: str, since: datetime, *,
                       urls: Sequence[str | None] | None = None,
                       evidence: Sequence[str] = ()) -> list[InvitationState]:
        """Invitations with the figure on either side, last_update or status_at >= since,
        with their timelines (hidden ones included: they absorb their echoes); given the
        report's `urls` and `evidence`, bounded timelines as in `candidate_invitations`."""
        ...
    def add_note(self, note: InvitationNote) -> int: ...
    def notes(self, invitation_id: int, *, traces: bool = False) -> list[InvitationNote]:
        """The record's editorial notes (and its traces with `traces`), oldest first."""
        ...
    def set_hidden(self, invitation_id: int, hidden: bool) -> None: ...
    def absorb_invitation(self, keep_id: int, other_id: int) -> None:
        """Move every timeline entry, status change, note, outbox row and posted message of
        `other_id` to `keep_id`, then delete `other_id`."""
        ...
    def move_entry(self, invitation_id: int, entry: TimelineEntry, to_id: int) -> None:
        """Move one stored timeline entry equal to `entry` to invitation `to_id` (a split)."""
        ...

    # -- reports waiting for a record (repo_waiting.py) ----------------------
    def keep_waiting(self, waiting: WaitingFinding) -> int:
        """Keep a one-party report or observation that joined no record; its id."""
        ...
    def waiting_for(self, figure_keys: Sequence[str], since: datetime) -> list[WaitingFinding]:
        """The findings waiting for a record of these figures, arrived at or after `since`,
        by the date of what they observed, then by arrival."""
        ...
    def drop_waiting(self, waiting_ids: Sequence[int]) -> int:
        """Delete findings that joined a record."""
        ...
    def purge_waiting(self, before: datetime) -> int:
        """Delete the findings that arrived before `before` (expired)."""
        ...
    def last_arrival(self) -> datetime | None:
        """When the newest stored article was fetched (None: none is): the clock a waiting
        finding's wait is measured by when no article is being processed (a correction)."""
        ...
    def count_waiting(self) -> int: ...

    # -- outbox ------------------------------------------------------------
    def enqueue(self, notification: Notification, now: datetime) -> int: ...
    def undelivered(self, consumer: str, limit: int) -> list[OutboxItem]:
        """Outbox items the consumer ("console", "discord") has not yet planned."""
        ...
    def plan_deliveries(self, outbox_id: int, consumer: str, targets: Sequence[str],
                        now: datetime) -> None:
        """Create one delivery per target (idempotent) and mark the item planned for the
        consumer, even when `targets` is empty."""
        ...
    def due_deliveries(self, consumer: str, now: datetime, limit: int,
                       lease: timedelta | None = None,
                       worker: str | None = None) -> list[Delivery]:
        """Due PENDING deliveries with no earlier pending delivery of the same invitation to
        the same target (outbox order per invitation and target); with `lease`, claimed
        (their next attempt moved to now + lease, `claimed_by` set to `worker`) so no other
        process sends them meanwhile."""
        ...
    def renew_claims(self, delivery_ids: Sequence[int], worker: str, until: datetime) -> int:
        """Extend the lease of these deliveries while `worker` still holds them."""
        ...
    def release_claims(self, worker: str, now: datetime) -> int:
        """Make every pending delivery claimed by `worker` due now (a restart of that worker
        resumes its own claims at once)."""
        ...
    def get_delivery(self, delivery_id: int) -> Delivery | None: ...
    def start_attempt(self, delivery_id: int, now: datetime) -> datetime: ...

    def mark_sent(self, delivery_id: int, message_id: str | None, now: datetime) -> None: ...
    def mark_retry(self, delivery_id: int, error: str, next_attempt_at: datetime,
                   *, count_attempt: bool = True) -> None:
        """Reschedule; a rate limit (`count_attempt=False`) delays without using up one of
        the delivery's attempts."""
        ...
    def mark_failed(self, delivery_id: int, error: str) -> None: ...
    def message_for(self, invitation_id: int, target: str) -> str | None:
        """The message that announced this invitation in this target, to edit it."""
        ...
    def remember_message(self, invitation_id: int, target: str, message_id: str) -> None: ...

    # -- per-server settings and audit --------------------------------------
    def guild_settings(self, guild_id: str) -> GuildSettings: ...
    def all_guild_settings(self) -> list[GuildSettings]: ...
    def save_guild_settings(self, settings: GuildSettings) -> None: ...
    def watch(self, guild_id: str, user_id: str, figure_key: str) -> bool: ...
    def unwatch(self, guild_id: str, user_id: str, figure_key: str | None) -> int: ...
    def count_watches(self, guild_id: str, user_id: str) -> int: ...
    def watchers(self, figure_keys: Sequence[str]) -> list[tuple[str, str]]:
        """(guild_id, user_id) of users watching any of these figures."""
        ...
    def audit(self, *, actor: str, guild_id: str | None, action: str, detail: dict[str, Any],
              now: datetime) -> None: ...

    # -- subscriptions (repo_subscriptions.py, issue 12) ---------------------------
    def add_subscription(self, subscription: Subscription, now: datetime) -> Subscription:
        """Store a new subscription; returns it with its id and creation time."""
        ...
    def get_subscription(self, subscription_id: int) -> Subscription | None: ...
    def subscriptions(self, guild_id: str | None = None) -> list[Subscription]:
        """A server's subscriptions (every server's with None), oldest first."""
        ...
    def count_subscriptions(self, guild_id: str) -> int: ...
    def remove_subscription(self, subscription_id: int) -> Subscription | None:
        """Delete it (a /setup one also leaves the server's /setup channels); its pending
        deliveries fail with a note. None when there is no such subscription."""
        ...
    def mark_channel_forbidden(self, guild_id: str, channel_id: str, now: datetime) -> bool:
        """Mark every subscription in the channel forbidden; False when it already was."""
        ...
    def clear_channel_forbidden(self, guild_id: str, channel_id: str) -> None:
        """An admin chose the channel again: its subscriptions are tried again."""
        ...
    def drop_channel(self, guild_id: str, channel_id: str) -> int:
        """The channel is gone: remove its subscriptions (and /setup's); how many."""
        ...


class Leadership(Protocol):
    """One leader among the processes sharing a database (`Store.leader_lock`)."""

    @property
    def held(self) -> bool:
        """Whether this process led at the last `check()` (no I/O)."""
        ...
    def check(self) -> bool:
        """Take the lead if it is free; whether this process holds it now."""
        ...
    def release(self) -> None: ...


class Store(Protocol):
    dialect: str  # "sqlite" or "postgresql"
    url: str  # with any password masked

    def unit(self, *, read_only: bool = False) -> AbstractContextManager[Unit]:
        """One transaction; `read_only` for queries (the lists, the search, the public
        site): a snapshot that neither takes nor waits for the SQLite write lock; on
        PostgreSQL READ ONLY, so a write in it fails."""
        ...
    def leader_lock(self, name: str) -> Leadership:
        """One leader for `name` among the processes sharing the database."""
        ...
    def upgrade(self) -> None: ...
    def close(self) -> None: ...

