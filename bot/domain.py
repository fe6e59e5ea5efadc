"""Plain data passed between the layers: no I/O, no behaviour beyond small helpers.

Every datetime here is timezone-aware (UTC unless a source says otherwise); dates
without a time are `datetime.date`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum


class Status(StrEnum):
    """What has become of an invitation, as of a given report."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    RESPONDED = "responded"
    TOOK_PLACE = "took_place"
    WITHDRAWN = "withdrawn"


# Statuses after which nothing more is expected: the quiet sweep skips them, and a new
# report long after one of them is a new invitation.
FINAL_STATUSES: frozenset[Status] = frozenset(
    {Status.TOOK_PLACE, Status.DECLINED, Status.WITHDRAWN})


class OccasionKind(StrEnum):
    """The normalised kind of occasion, the same in every language."""

    VISIT = "visit"
    MEETING = "meeting"  # summit, talks, a meeting
    DEBATE = "debate"
    INTERVIEW = "interview"  # interview, podcast, show appearance
    CONVERSATION = "conversation"  # a conversation on a platform (Clubhouse, Spaces, ...)
    EVENT = "event"  # ceremony, parade, inauguration, wedding, gala
    MATCH = "match"  # fight, match, challenge in sport
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Article:
    """One news item, from a feed or from `analyze` input.

    `key` identifies the article within its source (a feed entry's GUID, or the `id` of an
    analyze line). `text` is clean plain text (no HTML).
    """

    key: str
    text: str
    title: str = ""
    url: str | None = None
    published: datetime | None = None
    lang: str | None = None  # a hint (feed language or the caller's), not a detection
    outlet: str | None = None
    feed_url: str | None = None
    # Who speaks when the text is one person's own words (a post, an address): "I invite
    # Mrs Merkel" is theirs; a handle with "@" or a name, None when unknown. A post also
    # has the platform it was made on ("mastodon", "bluesky", "telegram", "youtube", ...;
    # None for news) and, where it answers or quotes another post, that post's id or URL.
    author: str | None = None
    platform: str | None = None
    in_reply_to: str | None = None

    @property
    def source_label(self) -> str | None:
        """How a report names where it came from: the outlet, or for a post "post by
        @handle on Bluesky" (shown linked to the post, and set apart from news reports)."""
        if self.platform and self.platform != "news" and self.author:
            name = PLATFORM_NAMES.get(self.platform, self.platform.title())
            return f"post by {self.author} on {name}"
        return self.outlet


PLATFORM_NAMES = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon",
                  "telegram": "Telegram", "youtube": "YouTube", "threads": "Threads",
                  "instagram": "Instagram"}


@dataclass(frozen=True, slots=True)
class Occasion:
    """What the invitation is to: a normalised kind, the place or platform, the phrase."""

    kind: OccasionKind
    place: str | None = None  # "Clubhouse", "Moscow", "the White House" (canonical, English)
    text: str = ""  # human-readable: "a conversation on Clubhouse"

    def describe(self) -> str:
        if self.text:
            return self.text
        if self.place:
            return f"{self.kind.value} ({self.place})"
        return self.kind.value


@dataclass(frozen=True, slots=True)
class Party:
    """A figure as the matcher resolved it.

    `figure_id` is the gazetteer id where the figure is known (then `name` is its canonical
    name); None for a person found only from the text (then `name` is as written, in
    nominative form where the language inflects).
    """

    name: str
    figure_id: str | None = None

    @property
    def known(self) -> bool:
        return self.figure_id is not None

    @property
    def key(self) -> str:
        """A stable key for grouping: the gazetteer id, or the folded name."""
        return self.figure_id or "name:" + " ".join(self.name.casefold().split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One invitation found in one article, with the status this article reports."""

    inviter: Party
    invitee: Party
    occasion: Occasion
    status: Status
    confidence: float  # 0..1
    evidence: str  # the sentence the status comes from
    lang: str
    # When the reported status came about, if the text says ("on Monday" → a date);
    # None means "as of the article's date".
    status_date: date | None = None
    # When the invitation itself was made, if the text says.
    invited_on: date | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    """Something an article reports between two figures WITHOUT calling it an invitation:
    they met, a visit took place, a planned trip was called off, one agreed or refused to
    meet the other.

    It is not an invitation and never creates one (and `analyze` does not report it), but
    it can move an invitation the tracker already holds for the same two figures, in
    either direction: "Biden and Lula met at the White House" is how most outlets report
    that an invitation took place. `first` and `second` are in the order the text gives;
    the tracker ignores the order.
    """

    first: Party
    second: Party
    occasion: Occasion
    status: Status  # took_place, withdrawn (called off), accepted, declined, responded
    confidence: float
    evidence: str
    lang: str
    status_date: date | None = None


# Which side of an invitation a lone observation's party stands on (None: either).
SIDE_INVITER = "inviter"
SIDE_INVITEE = "invitee"


@dataclass(frozen=True, slots=True)
class LoneObservation:
    """A report that names only ONE party of an invitation and its occasion: "Putin will
    not attend the talks in Istanbul", "Modi arrived in Moscow", "Trump's visit to Budapest
    was called off", "the invitation stands, Musk said".

    Like an `Observation` it never creates an invitation; the tracker links it to the one
    open invitation it most plausibly answers (the party on `side`, a compatible occasion,
    within the window), or to none when several fit.
    """

    party: Party
    side: str | None  # SIDE_INVITER, SIDE_INVITEE, or None when either side fits
    occasion: Occasion
    status: Status
    confidence: float
    evidence: str
    lang: str
    status_date: date | None = None


@dataclass(frozen=True, slots=True)
class WaitingFinding:
    """A report without an invitation word (a one-party `LoneObservation` or a two-party
    `Observation`) that found no record to join when it arrived: kept until a record of
    its figures opens, is placed or has its span widened (news arrives out of date order), or
    until it expires
    (`bot.tracker.waiting`). `at` is when the observed thing happened, `seen_at` when it
    arrived; `announce` is False when it came on a feed's first poll (never announced)."""

    finding: LoneObservation | Observation
    source: Source
    at: datetime
    seen_at: datetime
    announce: bool = True
    id: int | None = None

    @property
    def party_keys(self) -> tuple[str, ...]:
        """The figures whose new records it may join."""
        if isinstance(self.finding, LoneObservation):
            return (self.finding.party.key,)
        return (self.finding.first.key, self.finding.second.key)

    @property
    def figure(self) -> str:
        """Who it waits for a record of, as the debug view names them."""
        if isinstance(self.finding, LoneObservation):
            return self.finding.party.name
        return f"{self.finding.first.name} and {self.finding.second.name}"


@dataclass(frozen=True, slots=True)
class ReplyAnswer:
    """A post that answers the post it replies to or quotes (`Article.in_reply_to`): its
    author accepts or refuses, naming nobody ("Sure, let's do it"). It never creates an
    invitation; the tracker applies it to the author's one open invitation as invitee."""

    author: Party
    status: Status  # accepted or declined
    evidence: str
    in_reply_to: str
    confidence: float


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The matcher's whole answer for one article."""

    lang: str  # detected language code (ISO 639-1 where one exists), "und" if unknown
    mentions: tuple[Mention, ...] = ()
    observations: tuple[Observation, ...] = ()
    lone_observations: tuple[LoneObservation, ...] = ()
    reply: ReplyAnswer | None = None  # a post answering the one it replies to


@dataclass(frozen=True, slots=True)
class Source:
    """Where a report came from."""

    url: str | None
    outlet: str | None
    lang: str
    published: datetime  # the article's date (its publication time, or the replay clock)
    article_id: int | None = None  # the stored article's id, when stored


@dataclass(frozen=True, slots=True)
class Report:
    """A mention together with its source: the tracker's input."""

    mention: Mention
    source: Source

    @property
    def event_time(self) -> datetime:
        """When the reported status came about: the stated date, else the article's."""
        if self.mention.status_date is not None:
            d = self.mention.status_date
            return datetime(d.year, d.month, d.day, tzinfo=self.source.published.tzinfo)
        return self.source.published


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated, sourced observation of an invitation's status."""

    at: datetime  # when the status came about (event time, not arrival time)
    status: Status
    url: str | None
    outlet: str | None
    lang: str
    evidence: str
    confidence: float
    seen_at: datetime  # when we learned of it (article date / clock)
    # Set by a human correction (`outlet` then names the editor, `evidence` the note): the
    # status machine lets it outrank the automatic entries it was made against.
    editorial: bool = False
    # Set on the entry of a report in words that named the occasion's kind but no place
    # ("invited him for talks"): that kind. Such a report fits every record of the pair
    # alike, so when the pair turns out to have two specific occasions the tracker may take
    # it off the one it happened to join first (`bot.tracker.vague`). None when the report
    # named a place, for observations and editors' entries, and for entries stored before.
    vague_kind: OccasionKind | None = None
    # The stored article the entry was read from, when the store knows it. Not part of the
    # entry's identity (two reads of one report are one entry): it rides along so that an
    # entry the tracker moves to another record (`bot.tracker.vague`, a counter-offer's
    # reply, a report linked again after a merge) keeps its link to the article.
    article_id: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class TimelineSummary:
    """Set on an `InvitationState` whose `timeline` is not the whole timeline but the
    bounded part the tracker decides on (`bot.tracker.summary`), so a report costs the same
    whatever the timeline's length: what the rest of the timeline still contributes."""

    languages: tuple[str, ...] = ()  # of every entry, the unloaded ones included


@dataclass(slots=True)
class InvitationState:
    """An invitation as the tracker sees it: enough to decide, nothing storage-specific.

    `id` is None for an invitation the tracker has just created and the store has not
    yet saved. With a `summary`, `timeline` holds only the entries that decide the status,
    span and opening (see `bot.tracker.summary`) plus those sharing the report's URL or
    evidence; `sources` then lists only theirs (the store completes a notification's).
    """

    id: int | None
    inviter: Party
    invitee: Party
    occasion: Occasion
    status: Status
    status_at: datetime  # event time of the entry that set the current status
    first_seen: datetime
    last_update: datetime
    confidence: float
    quiet: bool = False
    timeline: list[TimelineEntry] = field(default_factory=list)
    hidden: bool = False  # hidden by an editor as a false record: still absorbs its echoes
    summary: TimelineSummary | None = None  # set when `timeline` is partial (see above)

    @property
    def sources(self) -> list[str]:
        seen: dict[str, None] = {}
        for entry in self.timeline:
            if entry.url:
                seen.setdefault(entry.url, None)
        return list(seen)

    @property
    def languages(self) -> list[str]:
        known = set(self.summary.languages) if self.summary is not None else set()
        return sorted(known | {e.lang for e in self.timeline if e.lang})


class NotificationKind(StrEnum):
    NEW = "new"  # a new invitation
    STATUS = "status"  # a real status change
    QUIET = "quiet"  # no news for a while (announced only when configured)
    DIGEST = "digest"  # new sources for an unchanged status (off by default)
    HIDDEN = "hidden"  # an editor hid the record as false (or showed it again): a retraction


@dataclass(frozen=True, slots=True)
class Notification:
    """What a notifier shows: a self-contained snapshot, so delivery needs no joins.

    `invitation_id` may be None only before the store has saved the invitation; the
    store fills it in when it writes the outbox row in the same transaction.
    """

    kind: NotificationKind
    invitation_id: int | None
    inviter: str
    invitee: str
    occasion: str
    status: Status
    previous_status: Status | None
    source_url: str | None
    outlet: str | None
    source_date: datetime
    languages: tuple[str, ...]
    evidence: str
    confidence: float
    created_at: datetime
    sources: tuple[str, ...] = ()
    inviter_id: str | None = None
    invitee_id: str | None = None
    occasion_kind: OccasionKind = OccasionKind.OTHER
    place: str | None = None


@dataclass(frozen=True, slots=True)
class TrackOutcome:
    """What the tracker decided for one report about one invitation.

    `invitation` is the invitation's new state (id None when new). `notifications` are
    the ones to write to the outbox in the same transaction as the state.
    """

    invitation: InvitationState
    is_new: bool
    entry: TimelineEntry | None  # the timeline entry added (None if an exact repeat)
    status_changed: bool
    notifications: tuple[Notification, ...] = ()
    # Records a bridging report showed to be this same invitation: the store moves their
    # timelines, sources and announcements into `invitation` and deletes them first.
    merged_ids: tuple[int, ...] = ()
    # Entries of the stored record taken off it (they are not in `invitation.timeline`): a
    # report naming no place that fits another record of the pair as well (or better), as
    # a later report showed (`bot.tracker.vague`). The store deletes them; `note` says why,
    # for the record's debug view.
    detached: tuple[TimelineEntry, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class StoreFacts:
    """What the database says about the bot's health (read by `bot.store.health_queries`,
    judged by `bot.health`)."""

    feeds_by_state: dict[str, int]
    last_success_at: datetime | None  # the newest successful fetch of any feed
    oldest_undelivered_at: datetime | None  # when the oldest undelivered notification was queued
    undelivered: int
    invitations_by_status: dict[str, int] = field(default_factory=dict)
    notifications: dict[str, int] = field(default_factory=dict)  # queued, delivered, failed
    articles: int = 0



STATUS_SYMBOLS: dict[Status, str] = {
    Status.PENDING: "⏳",
    Status.ACCEPTED: "✅",
    Status.DECLINED: "❌",
    Status.RESPONDED: "💬",
    Status.TOOK_PLACE: "🤝",
    Status.WITHDRAWN: "🚫",
}


MAX_SINCE_DAYS = 36_500  # a span beyond a century is a typo, not a question
_SPAN = re.compile(r"^(\d{1,6})\s*([dw])$", re.IGNORECASE)


def parse_since(text: str | None, now: datetime) -> datetime | None:
    """"Updated since", as the command line and Discord both take it: a date (`2024-05-01`,
    UTC midnight) or a span back from `now` (`7d`, `2w`); None when not given.

    Raises ValueError with a message that says what to type instead (each front adds the
    option's name in its own style).
    """
    if text is None or not text.strip():
        return None
    text = text.strip()
    span = _SPAN.match(text)
    if span:
        days = int(span.group(1)) * (7 if span.group(2).lower() == "w" else 1)
        if not 1 <= days <= MAX_SINCE_DAYS:
            raise ValueError(f"must be a span between 1d and {MAX_SINCE_DAYS}d; got {text!r}")
        return now - timedelta(days=days)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError("must be a date like 2024-05-01 or a span like 7d or 2w; "
                         f"got {text[:40]!r}") from None
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    if moment > now:
        raise ValueError(f"is in the future ({text}); give a past date or a span like 7d")
    return moment
