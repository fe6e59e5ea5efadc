"""The database schema as SQLModel tables.

Rows never leave the store package: `bot/store/convert.py` turns them into the plain
dataclasses of `bot.domain` and `bot.store.api`. Enum values are stored as their string
values (no database enum types, so adding a status needs no type migration); JSON is stored
as text written by `bot/store/codec.py`, so both backends hold the same bytes. Every
datetime column is `UTCDateTime`: aware UTC in and out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime

# Stable constraint names, so migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLModel.metadata.naming_convention = NAMING_CONVENTION
metadata: MetaData = SQLModel.metadata


def _fk(target: str, *, ondelete: str, nullable: bool, index: bool = False) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


class FeedRow(SQLModel, table=True):
    __tablename__ = "feeds"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)
    title: str | None = None
    lang: str | None = None
    state: str = "active"
    etag: str | None = None
    last_modified: str | None = None
    next_poll_at: datetime = Field(sa_type=UTCDateTime, index=True)
    last_polled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_success_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    failure_count: int = 0
    last_error: str | None = Field(default=None, sa_type=Text)
    origin: str = "user"
    backfilled: bool = False
    created_at: datetime = Field(sa_type=UTCDateTime)
    # A config feed dropped from feeds.toml is kept, history and all, and not polled.
    removed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # When and why the feed stopped being polled (repeated failures, or disabled by hand).
    disabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    disabled_reason: str | None = Field(default=None, sa_type=Text)
    # The poll worker fetching the feed now and until when its claim holds (a crashed
    # worker's claim simply expires); cleared when the poll is recorded.
    claimed_by: str | None = None
    claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ArticleRow(SQLModel, table=True):
    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("feed_id", "guid"),)

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int | None = Field(default=None, sa_column=_fk("feeds.id", ondelete="SET NULL", nullable=True))
    guid: str
    url: str | None = None
    canonical_url: str | None = Field(default=None, index=True, unique=True)
    title: str = Field(default="", sa_type=Text)
    lang: str | None = None
    published: datetime | None = Field(default=None, sa_type=UTCDateTime)
    content_hash: str = Field(index=True, unique=True)
    fetched_at: datetime = Field(sa_type=UTCDateTime)


class InvitationRow(SQLModel, table=True):
    __tablename__ = "invitations"
    __table_args__ = (
        # The tracker's candidate lookup: by pair, then by recency; never a table scan.
        Index("ix_invitations_pair_last_update", "inviter_key", "invitee_key", "last_update"),
        Index("ix_invitations_pair_status_at", "inviter_key", "invitee_key", "status_at"),
        # The lists (/invitations, `invitations list`) walk keyset pages newest first: with
        # no filter on ix_invitations_last_update (hidden records are rare), with a status
        # filter on this one, which also counts a rare status without reading the table
        # (migration 0010).
        Index("ix_invitations_status_hidden_last_update", "status", "hidden", "last_update", "id"),
        # A figure's list (/figure, a figure filter): each side, newest first.
        Index("ix_invitations_inviter_last_update", "inviter_key", "last_update", "id"),
        Index("ix_invitations_invitee_last_update", "invitee_key", "last_update", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    inviter_key: str
    inviter_name: str
    inviter_figure_id: str | None = None
    invitee_key: str  # indexed by ix_invitations_invitee_last_update (migration 0010)
    invitee_name: str
    invitee_figure_id: str | None = None
    occasion_kind: str
    occasion_place: str | None = None
    occasion_text: str = Field(default="", sa_type=Text)
    status: str
    status_at: datetime = Field(sa_type=UTCDateTime)
    first_seen: datetime = Field(sa_type=UTCDateTime)
    last_update: datetime = Field(sa_type=UTCDateTime, index=True)
    confidence: float
    quiet: bool = False
    hidden: bool = False  # an editor's "false record" (migration 0002_corrections)
    # JSON: the bounded part of the timeline the tracker decides on, and every language
    # (codec.summary_to_json); NULL until next saved (migration 0007_hot_summary).
    timeline_summary: str | None = Field(default=None, sa_type=Text)


# Folded names are compared and ordered code point by code point on both backends, as
# Python's str does: PostgreSQL's default collation may order them otherwise, and a prefix
# range search on an index needs the "C" order there.
FOLDED_TEXT = String().with_variant(String(collation="C"), "postgresql")


class FigureSeenRow(SQLModel, table=True):
    """Each (party key, name) some invitation has held, for the figure autocomplete
    (migration 0010_query_indexes): written insert-if-absent when an invitation is saved,
    so a keystroke searches this small table instead of every invitation."""

    __tablename__ = "figures_seen"
    # Covering: a search walks it in order without reading the table (the "contains"
    # step reads every entry).
    __table_args__ = (
        Index("ix_figures_seen_name_folded", "name_folded", "key", "name", "key_folded"),
    )

    key: str = Field(primary_key=True)
    name: str = Field(primary_key=True)
    name_folded: str = Field(sa_type=FOLDED_TEXT)  # name.casefold()
    key_folded: str = Field(sa_type=FOLDED_TEXT)  # key.casefold()
    first_seen: datetime = Field(sa_type=UTCDateTime)


class TimelineEntryRow(SQLModel, table=True):
    """One sourced observation of an invitation's status (the evidence)."""

    __tablename__ = "timeline_entries"
    __table_args__ = (
        Index("ix_timeline_entries_invitation_at", "invitation_id", "at"),
        # A report's repeats found by URL, without reading the timeline (hot stories).
        Index("ix_timeline_entries_invitation_url", "invitation_id", "url"),
        # The site's language filter: the invitations with an entry in a rare language,
        # found from here (repo_lists), not by testing every timeline.
        Index("ix_timeline_entries_lang_invitation", "lang", "invitation_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    invitation_id: int = Field(sa_column=_fk("invitations.id", ondelete="CASCADE", nullable=False))
    at: datetime = Field(sa_type=UTCDateTime)
    status: str
    url: str | None = Field(default=None, sa_type=Text)
    outlet: str | None = None
    lang: str
    evidence: str = Field(default="", sa_type=Text)
    confidence: float
    seen_at: datetime = Field(sa_type=UTCDateTime)
    article_id: int | None = Field(
        default=None, sa_column=_fk("articles.id", ondelete="SET NULL", nullable=True)
    )
    editorial: bool = False  # a human correction (migration 0002_corrections)
    # The kind a report naming no place gave (migration 0013_vague_entries): see
    # `TimelineEntry.vague_kind`.
    vague_kind: str | None = None


class InvitationNoteRow(SQLModel, table=True):
    """What a record's timeline shows besides its evidence: an editor's corrections (merge,
    split, status, hide) and the tracker's traces (a report linked to none because several
    records fitted), the latter only in the debug view."""

    __tablename__ = "invitation_notes"

    id: int | None = Field(default=None, primary_key=True)
    invitation_id: int = Field(
        sa_column=_fk("invitations.id", ondelete="CASCADE", nullable=False, index=True)
    )
    kind: str  # "editorial" or "trace"
    action: str  # merge, split, set_status, hide, unhide, ambiguous_link, regrouped
    actor: str
    text: str = Field(default="", sa_type=Text)
    detail: str = Field(default="{}", sa_type=Text)  # JSON object
    at: datetime = Field(sa_type=UTCDateTime)


class WaitingFindingRow(SQLModel, table=True):
    """A report without an invitation word that found no record to join when it arrived
    (migration 0015_waiting_findings): kept until a record of its figures opens, is
    placed or has its span widened, or until it expires (`bot.tracker.waiting`). A one-party report has one key
    (`party_key`, with its `side`); an observation of two figures the second too."""

    __tablename__ = "waiting_findings"
    __table_args__ = (
        Index("ix_waiting_findings_party_key_at", "party_key", "at"),
        Index("ix_waiting_findings_other_key_at", "other_key", "at"),
        Index("ix_waiting_findings_seen_at", "seen_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # The article it was read from: gone with it (an article is never deleted today).
    article_id: int | None = Field(
        default=None, sa_column=_fk("articles.id", ondelete="CASCADE", nullable=True, index=True)
    )
    kind: str  # "lone" (one party) or "observation" (two)
    party_key: str
    other_key: str | None = None
    side: str | None = None  # of a one-party report: inviter, invitee, or None (either)
    occasion_kind: str
    occasion_place: str | None = None
    status: str
    at: datetime = Field(sa_type=UTCDateTime)  # when the observed thing happened
    seen_at: datetime = Field(sa_type=UTCDateTime)  # when it arrived
    announce: bool = True  # False: it came on a feed's first poll
    finding: str = Field(default="{}", sa_type=Text)  # JSON (codec.waiting_to_json)


class StatusChangeRow(SQLModel, table=True):
    """An invitation's status history: its first status (from NULL), then each change."""

    __tablename__ = "status_changes"
    # The public site's Atom feeds read the latest changes first (migration 0009_web).
    __table_args__ = (Index("ix_status_changes_created_at", "created_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    invitation_id: int = Field(
        sa_column=_fk("invitations.id", ondelete="CASCADE", nullable=False, index=True)
    )
    from_status: str | None = None
    to_status: str
    at: datetime = Field(sa_type=UTCDateTime)
    source_url: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = Field(sa_type=UTCDateTime)


class OutboxRow(SQLModel, table=True):
    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    invitation_id: int | None = Field(
        default=None, sa_column=_fk("invitations.id", ondelete="SET NULL", nullable=True, index=True)
    )
    kind: str
    payload: str = Field(sa_type=Text)  # the Notification as JSON (codec.notification_to_json)
    created_at: datetime = Field(sa_type=UTCDateTime)


class OutboxConsumerRow(SQLModel, table=True):
    """That a consumer has planned an outbox item (its deliveries exist, possibly none)."""

    __tablename__ = "outbox_consumers"

    outbox_id: int = Field(
        sa_column=Column(Integer, ForeignKey("outbox.id", ondelete="CASCADE"), primary_key=True)
    )
    consumer: str = Field(primary_key=True)
    planned_at: datetime = Field(sa_type=UTCDateTime)


class DeliveryRow(SQLModel, table=True):
    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("outbox_id", "target"),
        Index("ix_deliveries_due", "consumer", "state", "next_attempt_at"),
        # An invitation's deliveries to a target go strictly in outbox order: this finds
        # an earlier pending one without a scan.
        Index("ix_deliveries_chain", "target", "state", "outbox_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    outbox_id: int = Field(sa_column=_fk("outbox.id", ondelete="CASCADE", nullable=False))
    consumer: str
    target: str
    state: str = "pending"
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime)
    last_error: str | None = Field(default=None, sa_type=Text)
    message_id: str | None = None
    created_at: datetime = Field(sa_type=UTCDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The worker holding the lease (see OutboxDelivery): a restarted process takes its own
    # claims back at once instead of waiting for the lease to run out.
    claimed_by: str | None = None
    # Write-ahead: when the first unfinished attempt began (set before the send, cleared when
    # the delivery is closed). Set on a pending delivery: in doubt, the message may exist.
    attempt_started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class PostedMessageRow(SQLModel, table=True):
    """Which message announced an invitation in a target, so later changes edit/reply to it."""

    __tablename__ = "posted_messages"

    invitation_id: int = Field(
        sa_column=Column(Integer, ForeignKey("invitations.id", ondelete="CASCADE"), primary_key=True)
    )
    target: str = Field(primary_key=True)
    message_id: str


class GuildSettingsRow(SQLModel, table=True):
    __tablename__ = "guild_settings"

    guild_id: str = Field(primary_key=True)
    channel_ids: str = Field(default="[]", sa_type=Text)  # JSON list
    figure_keys: str = Field(default="[]", sa_type=Text)  # JSON list
    statuses: str = Field(default="[]", sa_type=Text)  # JSON list of Status values
    languages: str = Field(default="[]", sa_type=Text)  # JSON list
    min_confidence: float = 0.0
    mention_role_id: str | None = None
    forbidden_channels: str = Field(default="{}", sa_type=Text)  # JSON {channel: ISO time}
    language: str = Field(default="auto", sa_column_kwargs={"server_default": "auto"})


class SubscriptionRow(SQLModel, table=True):
    """One channel's subscription: its own filters, role and style (issue 12).
    Deliveries and posted messages name it by target `discord:<guild>:<channel>:<id>`."""

    __tablename__ = "subscriptions"

    id: int | None = Field(default=None, primary_key=True)
    guild_id: str = Field(index=True)
    channel_id: str
    channel_kind: str = "text"
    style: str = "embed"
    figure_keys: str = Field(default="[]", sa_type=Text)  # JSON lists, as guild_settings
    countries: str = Field(default="[]", sa_type=Text)
    categories: str = Field(default="[]", sa_type=Text)
    statuses: str = Field(default="[]", sa_type=Text)
    languages: str = Field(default="[]", sa_type=Text)
    source_kinds: str = Field(default="[]", sa_type=Text)
    min_confidence: float = 0.0
    mention_role_id: str | None = None
    origin: str = "subscribe"  # "setup": kept in step with the server's /setup settings
    forbidden_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_by: str | None = None
    created_at: datetime = Field(sa_type=UTCDateTime)


class WatchRow(SQLModel, table=True):
    __tablename__ = "watches"
    __table_args__ = (UniqueConstraint("guild_id", "user_id", "figure_key"),)

    id: int | None = Field(default=None, primary_key=True)
    guild_id: str
    user_id: str
    figure_key: str = Field(index=True)


class AuditRow(SQLModel, table=True):
    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    actor: str
    guild_id: str | None = Field(default=None, index=True)
    action: str
    detail: str = Field(default="{}", sa_type=Text)  # JSON object
    at: datetime = Field(sa_type=UTCDateTime, index=True)
