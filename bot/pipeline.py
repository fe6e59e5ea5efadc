"""One poll cycle: due feeds ► fetch ► parse ► store ► match ► track ► outbox.

A failing feed becomes a `FeedResult` value, so one bad feed never stops a batch. Blocking
work (parsing, matching, database calls) runs in worker threads so the event loop (and
Discord's heartbeat) is never held up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import aiohttp

from bot.domain import (
    SIDE_INVITER,
    Article,
    LoneObservation,
    MatchResult,
    Mention,
    Observation,
    Report,
    Source,
    Status,
    TrackOutcome,
)
from bot.errors import FetchError, InvitewatchError, ParseError, StoreError
from bot.feeds.fetch import FetchLimits, fetch_feed
from bot.feeds.parse import ParsedFeed
from bot.feeds.sources import Endpoints, fetch_source, parse_source_uri
from bot.feeds.text import content_hash
from bot.feeds.urls import canonical_url
from bot.memory import fewer_collections
from bot.store.api import NOTE_TRACE, ArticleVerdict, FeedRecord, InvitationNote, Store, Unit
from bot.store.codec import entry_from_dict, entry_to_dict
from bot.tracker import (
    LinkTrace,
    TrackerPolicy,
    ambiguity,
    bridge_search,
    candidate_pairs,
    figures_of,
    in_attach_order,
    link_lone,
    lone_party_key,
    may_wait,
    observation_ambiguity,
    observation_pairs,
    observation_time,
    relink,
    reply_mention,
    track,
    track_observation,
    waited_note,
    waiting,
    waiting_since,
)
from bot.workers import (
    AnalyseContext,
    Analyser,
    Digest,
    MatcherRecipe,
    MatchesArticles,
    digest_of,
    prepare_article,
)

if TYPE_CHECKING:  # imported where used: the main process of a worker pool never loads it
    from bot.matcher.matcher import Matcher

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PollPolicy:
    """How often and how politely feeds are polled; built from `[polling]` settings."""

    interval: timedelta = timedelta(minutes=15)
    jitter: timedelta = timedelta(seconds=30)
    max_concurrency: int = 8
    backfill: timedelta = timedelta(hours=48)
    backoff_base: timedelta = timedelta(minutes=5)
    backoff_max: timedelta = timedelta(hours=24)
    disable_after_failures: int = 10
    # a permanent error (404, 410, not a feed) disables the feed after this many in a row
    disable_after_permanent: int = 3
    # One feed cannot hold the poll job: new entries stored per feed per poll (the feed is
    # polled again at once for the rest), and no feed is started after the cycle budget.
    max_new_entries: int = 200
    cycle_budget: timedelta = timedelta(minutes=5)
    batch: int = 100  # due feeds read from the store at a time
    # A feed's entries stored per transaction (duplicate checks in one query per batch).
    store_batch: int = 50
    # How long a worker's claim on the feeds of a batch holds (processes sharing the
    # database skip them meanwhile); a crashed worker's feeds are free again after it.
    claim_lease: timedelta = timedelta(minutes=10)
    # How often a poller extends the claims of the batch it is polling (None: a third of
    # the lease), so a live worker never loses a feed whose fetch and storing outlast the
    # lease, while a dead worker's claims still run out one lease after its last renewal.
    claim_renew: timedelta | None = None
    # Processes parsing and matching fetched feeds (`bot.workers`): 0 = in this process.
    workers: int = 0


@dataclass(frozen=True, slots=True)
class FeedResult:
    url: str
    outcome: str  # "updated", "not_modified", "failed", "disabled"
    entries: int = 0
    new_articles: int = 0
    new_invitations: int = 0
    status_changes: int = 0
    notifications: int = 0
    error: str | None = None
    seconds: float = 0.0

    def log_line(self) -> str:
        if self.error:
            return f"feed {self.url}: {self.outcome}: {self.error}"
        return (f"feed {self.url}: {self.outcome}, {self.entries} entries, {self.new_articles} new,"
                f" {self.new_invitations} new invitations, {self.status_changes} status changes"
                f" ({self.seconds:.2f}s)")


@dataclass(frozen=True, slots=True)
class CycleResult:
    feeds: tuple[FeedResult, ...]
    error: str | None = None  # the cycle could not start (the database is unavailable)
    backlog: int = 0  # feeds still due when the cycle ended (its time budget ran out)

    @property
    def failed(self) -> list[FeedResult]:
        return [r for r in self.feeds if r.outcome in ("failed", "disabled")]

    def summary(self) -> str:
        if self.error:
            return f"poll cycle skipped: {self.error}"
        new = sum(r.new_articles for r in self.feeds)
        inv = sum(r.new_invitations for r in self.feeds)
        changes = sum(r.status_changes for r in self.feeds)
        return (f"{len(self.feeds)} feeds polled, {len(self.failed)} failed, {new} new articles,"
                f" {inv} new invitations, {changes} status changes, {self.backlog} still due")


@dataclass(frozen=True, slots=True)
class IngestCounts:
    new_articles: int = 0
    new_invitations: int = 0
    status_changes: int = 0
    notifications: int = 0
    capped: bool = False  # stopped at PollPolicy.max_new_entries: more entries are waiting

    def __add__(self, other: IngestCounts) -> IngestCounts:
        return IngestCounts(self.new_articles + other.new_articles,
                            self.new_invitations + other.new_invitations,
                            self.status_changes + other.status_changes,
                            self.notifications + other.notifications,
                            self.capped or other.capped)


def process_article(unit: Unit, matcher: MatchesArticles, article: Article, *, now: datetime,
                    policy: TrackerPolicy, notify: bool = True, feed_id: int | None = None,
                    match: bool = True, matched: MatchResult | None = None,
                    checked: bool = False, hashed: str | None = None
                    ) -> list[TrackOutcome] | None:
    """Store one article and fold its invitations into the tracker's records.

    Returns None when the article is a duplicate (nothing is written), else the tracker's
    outcomes, already saved in `unit` together with their outbox notifications (dropped
    when `notify` is False, as on a feed's first poll). `match=False` stores the article
    for deduplication only. A batch passes what it already knows: the matcher's result
    (`matched`), the content hash, and `checked` (found new by `Unit.known_articles`).
    """
    article_id = unit.add_article(
        article, feed_id=feed_id, content_hash=hashed or content_hash(article.title, article.text),
        canonical_url=canonical_url(article.url) if article.url else None, now=now,
        checked=checked)
    if article_id is None:
        return None
    if not match:
        return []
    return track_article(unit, matcher, article, article_id, now=now, policy=policy,
                         notify=notify, matched=matched)


_DECISIONS = frozenset({Status.ACCEPTED, Status.DECLINED})


def _reading_order(mentions: Sequence[Mention]) -> Callable[[Mention], int]:
    """The order an article's mentions are tracked in: its invitations before its answers
    (stable otherwise), except a decision on an offer that the article's counter-offer
    answers too, which comes first: "Sheinbaum declined Petro's invitation and invited him
    to Mexico" settles Petro's offer, and the counter-offer, read after it, finds it
    settled and adds no reply of its own (one article, one change announced for it). Not
    a decision naming the counter-offer's very place: the matcher may have given it the
    one place the article names after it, the counter's ("accepted the invitation and
    invited her to Buenos Aires"), and read first it would open a record there."""
    counters = {(m.inviter.key, m.invitee.key): m.occasion.place for m in mentions
                if m.status == Status.PENDING}

    def order(mention: Mention) -> int:
        countered = (mention.invitee.key, mention.inviter.key)
        if mention.status in _DECISIONS and countered in counters \
                and (mention.occasion.place is None
                     or mention.occasion.place != counters[countered]):
            return 0
        return 1 if mention.status == Status.PENDING else 2
    return order


def _decided_before_counter(lone: LoneObservation, mentions: Sequence[Mention]) -> bool:
    """A one-party decision (declined, accepted) by a figure the article shows inviting
    the other party back (a pending mention with that figure as inviter): read before the
    article's invitations, as `_reading_order` reads a two-party decision before its
    counter-offer. "Støre will not go to Copenhagen; he invites Frederiksen to Tromsø
    instead": the decline settles her offer first, so the counter-offer adds no reply of
    its own, and one change (declined) is announced for the article, not two (story20
    round). Not a report naming the inviter's side: an inviter's word is about its own
    offer."""
    if lone.status not in _DECISIONS or lone.side == SIDE_INVITER:
        return False
    return any(m.status == Status.PENDING and m.inviter.key == lone.party.key
               for m in mentions)


def track_article(unit: Unit, matcher: MatchesArticles, article: Article, article_id: int, *,
                  now: datetime, policy: TrackerPolicy, notify: bool = True,
                  matched: MatchResult | None = None) -> list[TrackOutcome]:
    """Fold a stored article's invitations into the tracker's records (`process_article`
    after the insert): the outcomes, saved in `unit` with their outbox notifications
    (dropped when `notify` is False)."""
    result = matched if matched is not None else matcher.match(article)
    published = article.published or now
    source = Source(url=article.url, outlet=article.source_label, lang=result.lang,
                    published=published, article_id=article_id)
    outcomes: list[TrackOutcome] = []

    def save(found: list[TrackOutcome], announce: bool = True,
             origin: Source | None = None) -> list[int]:
        """Save one report's outcomes (from `origin`, by default this article); the ids
        of the records saved, the report's first."""
        pending = list(found)
        ids: list[int] = []
        while pending:
            outcome = pending.pop(0)
            # A record an editor hid as false absorbs its echoes without announcing them.
            if (not (notify and announce) or outcome.invitation.hidden) \
                    and outcome.notifications:
                outcome = replace(outcome, notifications=())
            for merged_id in outcome.merged_ids:  # a bridging report: one invitation
                assert outcome.invitation.id is not None
                unit.absorb_invitation(outcome.invitation.id, merged_id)
            saved = unit.save_outcome(outcome, origin or source)
            own_id = ids[0] if ids else saved  # the report's own record (the first outcome)
            ids.append(saved)
            for entry in outcome.detached:  # reports naming no place it no longer holds
                # Taken off (not moved to the report's record): it fits both alike.
                taken = own_id != saved and entry not in found[0].invitation.timeline
                keep_trace(unit, LinkTrace((saved,), outcome.note, entry), now,
                           action="regrouped", rivals=(saved, own_id) if taken else ())
            if outcome.note and not outcome.detached and outcome.entry is not None:
                keep_trace(unit, LinkTrace((saved,), outcome.note, outcome.entry), now,
                           action="relinked")
            if outcome.merged_ids:
                again = relinked(unit, saved, outcome.merged_ids, now, policy)
                if again is not None:
                    pending.insert(0, again)
            outcomes.append(outcome)
        return ids

    def link_or_wait(finding: LoneObservation | Observation) -> None:
        """Linked to the record it answers, traced when several fit alike, else kept
        waiting for a record to open (`tracker.waiting`)."""
        linked, trace = link_finding(unit, finding, source, now, policy)
        save(linked)
        if trace is not None:
            keep_trace(unit, trace, now, source=source)
        elif not linked and may_wait(finding):
            unit.keep_waiting(waiting(finding, source, now, announce=notify))

    window = timedelta(days=policy.window_days)
    # Timelines come summarised, with the entries repeating this article's URL or
    # sentence: a report costs the same however long its invitation's timeline.
    urls = [source.url]
    # Figures whose records this article opened, placed or widened: findings that arrived
    # before any record they could join are tried again for them (`tracker.waiting`).
    opened: list[str] = []
    early = [lone for lone in result.lone_observations
             if _decided_before_counter(lone, result.mentions)]
    for lone in early:
        link_or_wait(lone)
    # The article's invitations before its answers (stable otherwise): an answer may be
    # the reply a counter-offer of the same article makes (`track`), which is read from
    # the counter-offer's record, whatever order the matcher lists them in.
    for mention in sorted(result.mentions, key=_reading_order(result.mentions)):
        report = Report(mention=mention, source=source)
        since = _mention_since(report, now, policy)
        candidates = unit.candidate_invitations(candidate_pairs(mention), since, urls=urls,
                                                evidence=[mention.evidence])
        found = track(report, candidates, now, policy)
        if (place := bridge_search(found, mention, candidates)) is not None:
            # About to open a record beside a long one: a bridge naming both places may
            # be among the entries its summary left out. Decided again with them.
            candidates = unit.with_entries_naming(candidates, place)
            found = track(report, candidates, now, policy)
        save(found)
        opened += [k for k in figures_of(found, candidates) if k not in opened]
        # A report naming no place that fits two records of its pair joins neither.
        if not found and (trace := ambiguity(report, candidates, now, policy)) is not None:
            keep_trace(unit, trace, now, source=source)
    # Observations (they met, it was called off) only move invitations already held, so
    # they come after the article's own invitations have been saved.
    for observation in result.observations:
        link_or_wait(observation)
    # A reply answering the invitation above it, naming nobody ("Sure, let's do it").
    if result.reply is not None:
        since = published - window
        held = unit.invitations_of(result.reply.author.key, since, urls=urls,
                                   evidence=[result.reply.evidence])
        answer = reply_mention(result.reply, held, result.lang)
        if answer is None:
            log.info("post %s answers %s (%s) but its author %s has no single open "
                     "invitation: not linked", article.key, result.reply.in_reply_to,
                     result.reply.status.value, result.reply.author.name)
        else:
            report = Report(mention=answer, source=source)
            save(track(report, unit.candidate_invitations(
                candidate_pairs(answer), since, urls=urls, evidence=[answer.evidence]),
                now, policy))
    # Reports naming one party, last: they may answer an invitation this article opened.
    for lone in result.lone_observations:
        if all(lone is not e for e in early):
            link_or_wait(lone)
    if opened:
        attach_waiting(unit, opened, article_id, now=now, policy=policy, save=save)
    return outcomes


def link_finding(unit: Unit, finding: LoneObservation | Observation, source: Source,
                 now: datetime, policy: TrackerPolicy, *, seen_at: datetime | None = None
                 ) -> tuple[list[TrackOutcome], LinkTrace | None]:
    """A one-party report or an observation linked to the record it answers, with the
    records the store holds now: its outcomes, and why it joined none when several fitted
    alike (a trace). The same on arrival and when it is tried again after waiting; then
    `seen_at` is when it arrived, which its entry keeps: an editor who corrected the
    record meanwhile had it in front of them (it waited), so it does not overrule them."""
    urls = [source.url]
    if isinstance(finding, LoneObservation):
        # Beyond the window too: an accepted invitation awaits its outcome (track.awaited).
        since = min(now, observation_time(finding, source.published)) - policy.renewal_horizon
        # Summarised like a mention's candidates: a figure's records may be long.
        candidates = unit.invitations_of(lone_party_key(finding), since, urls=urls,
                                         evidence=[finding.evidence])
        link = link_lone(finding, source, candidates, now, policy, seen_at=seen_at)
        return link.outcomes, link.trace
    since = _observation_since(finding, source.published, now, policy)
    candidates = unit.candidate_invitations(observation_pairs(finding), since, urls=urls,
                                            evidence=[finding.evidence])
    moved = track_observation(finding, source, candidates, now, policy, seen_at=seen_at)
    if moved:
        return moved, None
    return [], observation_ambiguity(finding, source, candidates, now, policy)


def attach_waiting(unit: Unit, figures: Sequence[str], article_id: int, *, now: datetime,
                   policy: TrackerPolicy,
                   save: Callable[[list[TrackOutcome], bool, Source], list[int]],
                   clock: datetime | None = None) -> int:
    """Try the findings waiting for a record of `figures` (an article has just opened,
    placed or widened one) through the linker they went through on arrival, by the date of
    what they observed; the ones that join (or now fit several records alike, and so
    never will join one) leave the waiting list. `save(outcomes, announce, source)` saves
    outcomes, announcing them only when `announce` (a finding that came on a feed's first
    poll is never announced). How many joined. A finding's wait is measured against
    `clock` (default `now`): the store's own time, see `retry_waiting`."""
    joined, done = 0, []
    since = waiting_since(clock or now, policy)
    for finding in in_attach_order(unit.waiting_for(figures, since)):
        if finding.source.article_id == article_id or finding.id is None:
            continue  # this article's own, linked (or not) a moment ago
        outcomes, trace = link_finding(unit, finding.finding, finding.source, now, policy,
                                       seen_at=finding.seen_at)
        if trace is not None:
            keep_trace(unit, trace, now, source=finding.source)
            done.append(finding.id)
            continue
        if not outcomes:
            continue
        ids = save(outcomes, finding.announce, finding.source)
        entry = outcomes[0].entry
        if entry is not None:
            keep_trace(unit, LinkTrace((ids[0],), waited_note(finding), entry), now,
                       action="waited")
        done.append(finding.id)
        joined += 1
    unit.drop_waiting(done)
    return joined


def retry_waiting(unit: Unit, figures: Sequence[str], *, now: datetime,
                  policy: TrackerPolicy) -> int:
    """Try the findings waiting for a record of `figures` after an editor's correction
    (`bot.corrections`): a status set by hand, a record split off or merged may leave a
    record a waiting refusal or meeting now fits, as a report that opens or places one
    does. Saved as `track_article` saves them (merged records absorbed, reports linked to
    none joined again); how many joined."""

    def save(found: list[TrackOutcome], announce: bool = True,
             origin: Source | None = None) -> list[int]:
        assert origin is not None  # a waiting finding's own source
        pending, ids = list(found), []
        while pending:
            outcome = pending.pop(0)
            if (not announce or outcome.invitation.hidden) and outcome.notifications:
                outcome = replace(outcome, notifications=())
            for merged_id in outcome.merged_ids:
                assert outcome.invitation.id is not None
                unit.absorb_invitation(outcome.invitation.id, merged_id)
            saved = unit.save_outcome(outcome, origin)
            ids.append(saved)
            if outcome.merged_ids:
                again = relinked(unit, saved, outcome.merged_ids, now, policy)
                if again is not None:
                    pending.insert(0, again)
        return ids

    # A finding waits one window after it ARRIVED, and arrival is the store's time: on a
    # replayed database that is the article's date, years before the editor's wall clock,
    # so measuring the wait against `now` would find every waiting report expired.
    last = unit.last_arrival()
    clock = min(now, last) if last is not None else now
    return attach_waiting(unit, figures, 0, now=now, policy=policy, save=save, clock=clock)


def _mention_since(report: Report, now: datetime, policy: TrackerPolicy) -> datetime:
    # Beyond the window too: an unanswered offer made again may renew an old record, and
    # a meeting held may be recalled a year or more later beside a new offer (`track`'s
    # `_recapped`).
    horizon = policy.renewal_horizon
    if report.mention.status == Status.TOOK_PLACE:
        horizon *= 2
    return min(now, report.event_time) - horizon


def _observation_since(observation: Observation, published: datetime, now: datetime,
                       policy: TrackerPolicy) -> datetime:
    # Beyond the window too: an accepted invitation awaits its outcome (track.awaited).
    return min(now, observation_time(observation, published)) - policy.renewal_horizon


def prefetch_candidates(unit: Unit, articles: Sequence[tuple[Article, MatchResult]], *,
                        now: datetime, policy: TrackerPolicy) -> None:
    """Read at once the candidates `track_article` will ask for, for the mentions and
    observations of a batch's articles (`Unit.prefetch_candidates`): one query for the
    batch instead of one per report. A lookup it does not cover (a reply's, a lone
    report's, an article without a URL) still queries; the answers are the same."""
    pairs: list[tuple[str, str]] = []
    sinces: list[datetime] = []
    for article, result in articles:
        published = article.published or now
        source = Source(url=article.url, outlet=article.source_label, lang=result.lang,
                        published=published)
        for mention in result.mentions:
            pairs += candidate_pairs(mention)
            sinces.append(_mention_since(Report(mention=mention, source=source), now, policy))
        for observation in result.observations:
            pairs += observation_pairs(observation)
            sinces.append(_observation_since(observation, published, now, policy))
    if pairs:
        unit.prefetch_candidates(pairs, min(sinces), [a.url for a, _ in articles])


def keep_trace(unit: Unit, trace: LinkTrace, now: datetime, *,
               action: str = "ambiguous_link", rivals: Sequence[int] | None = None,
               source: Source | None = None) -> None:
    """Note on each fitting record why a report was linked to none of them, or (action
    "regrouped") why it was taken off a record it had joined, or ("relinked") why it joined
    one after all (debug view). A report linked to none keeps its entry and the records it
    fitted alike (`rivals`, by default the trace's) in the note: when those records merge,
    `relinked` finds it there."""
    detail: dict[str, Any] = {
        "url": trace.entry.url, "status": trace.entry.status.value,
        "evidence": trace.entry.evidence, "candidates": list(trace.invitation_ids)}
    fitted = list(trace.invitation_ids) if rivals is None and action == "ambiguous_link" \
        else list(rivals or ())
    if len(set(fitted)) > 1:
        entry = trace.entry
        if source is not None and entry.url == source.url and entry.article_id is None:
            entry = replace(entry, article_id=source.article_id)  # the report's own
        detail["rivals"] = fitted
        detail["entry"] = entry_to_dict(entry)
    for invitation_id in trace.invitation_ids:
        unit.add_note(InvitationNote(invitation_id=invitation_id, kind=NOTE_TRACE,
                                     action=action, actor="tracker",
                                     text=trace.reason, at=now, detail=detail))


def relinked(unit: Unit, invitation_id: int, merged_ids: Sequence[int], now: datetime,
             policy: TrackerPolicy) -> TrackOutcome | None:
    """The outcome of the reports that were linked to none because they fitted records a
    bridge has just merged into `invitation_id` (the tracker's `relink`), or None. The notes
    of the merged records are the record's now (`absorb_invitation` moved them)."""
    group = {invitation_id, *merged_ids}
    unlinked = []
    for note in unit.notes(invitation_id, traces=True):
        rivals, entry = note.detail.get("rivals"), note.detail.get("entry")
        if note.kind != NOTE_TRACE or not rivals or entry is None or not set(rivals) <= group:
            continue
        unlinked.append(LinkTrace(tuple(int(i) for i in rivals), note.text,
                                  entry_from_dict(entry)))
    if not unlinked:
        return None
    # The whole timeline: a bounded one might not show that a report already joined.
    merged = unit.get_invitation(invitation_id)
    if merged is None:
        return None
    return relink(merged, merged_ids, unlinked, now, policy)


def count_outcomes(outcomes: Sequence[TrackOutcome]) -> IngestCounts:
    return IngestCounts(
        new_invitations=sum(1 for o in outcomes if o.is_new),
        status_changes=sum(1 for o in outcomes if o.status_changed and not o.is_new),
        notifications=sum(len(o.notifications) for o in outcomes))


def ingest_feed_entries(store: Store, matcher: MatchesArticles, feed: FeedRecord,
                        parsed: ParsedFeed, *, now: datetime, tracker: TrackerPolicy,
                        poll: PollPolicy, matches: Mapping[str, MatchResult] | None = None,
                        digests: Sequence[Digest] | None = None,
                        mark_backfilled: bool = True) -> IngestCounts:
    """Store and process a feed's entries, `poll.store_batch` entries per transaction.

    On the feed's first poll its existing entries are recorded without notifying: those
    inside the backfill window are matched and tracked silently, older ones are only
    remembered so they are never processed again; then the feed is marked backfilled
    (unless the cap stopped it, or `mark_backfilled` is False: the poller marks it in the
    transaction that records the fetch). `matches` holds the results a worker process
    computed (`bot.workers`); the other new articles are matched here. `digests`, when
    given, are the entries' duplicate keys in their order (computed there too).
    """
    first_poll = not feed.backfilled
    batch = _Batch(store, matcher, feed, now=now, tracker=tracker, poll=poll,
                   notify=not first_poll, matches=matches)
    counts = IngestCounts()
    entries = [_as_stored(article, parsed, feed, now) for article in parsed.entries]
    if digests is None or len(digests) != len(entries):
        digests = [digest_of(article) for article in entries]
    step = max(1, poll.store_batch)
    for start in range(0, len(entries), step):
        room = poll.max_new_entries - counts.new_articles
        if room <= 0:
            # The rest waits for the next poll (soon): one big feed cannot hold the cycle.
            counts = counts + IngestCounts(capped=True)
            break
        counts = counts + batch.ingest(entries[start:start + step],
                                       digests[start:start + step], room)
    if first_poll and not counts.capped and mark_backfilled:
        with store.unit() as unit:
            unit.mark_backfilled(feed.id)
    return counts


def _as_stored(article: Article, parsed: ParsedFeed, feed: FeedRecord, now: datetime
               ) -> Article:
    """The entry as it is stored, prepared exactly as a worker process prepares what it
    matches (`bot.workers.prepare_article`)."""
    return prepare_article(article, title=parsed.title or feed.title,
                           lang=parsed.lang or feed.lang, now=now)


@dataclass(frozen=True, slots=True)
class _Entry:
    article: Article
    content_hash: str
    canonical_url: str | None
    verdict: ArticleVerdict
    match: bool  # inside the backfill window, or not the first poll
    result: MatchResult | None = None


class _Batch:
    """One feed's entries, a batch at a time: the duplicate checks of a batch in one query,
    matching outside any transaction (no write lock held meanwhile), then the batch's
    articles, invitations and outbox rows in one transaction. A batch that fails is
    stored again entry by entry, so one bad entry loses only itself."""

    def __init__(self, store: Store, matcher: MatchesArticles, feed: FeedRecord, *,
                 now: datetime,
                 tracker: TrackerPolicy, poll: PollPolicy, notify: bool,
                 matches: Mapping[str, MatchResult] | None = None) -> None:
        self.store, self.matcher, self.feed = store, matcher, feed
        self.now, self.tracker, self.poll, self.notify = now, tracker, poll, notify
        # What a worker process already matched (bot.workers), by article key.
        self.matches: Mapping[str, MatchResult] = matches or {}

    def ingest(self, articles: Sequence[Article], digests: Sequence[Digest], room: int
               ) -> IngestCounts:
        """At most `room` new articles of `articles` stored (capped when more were new)."""
        entries = self._fresh(articles, digests)
        capped = len(entries) > room
        entries = [self._matched(e) for e in entries[:room]]
        try:
            counts = self._store_all(entries)
        except StoreError:
            raise
        except Exception:  # one entry broke the batch: each one in a transaction of its own
            log.exception("feed %s: a batch of %d entries failed; storing them one by one",
                          self.feed.url, len(entries))
            counts = IngestCounts()
            for entry in entries:
                counts = counts + self._store_one(entry)
        return counts + IngestCounts(capped=capped)

    def _fresh(self, articles: Sequence[Article], digests: Sequence[Digest]) -> list[_Entry]:
        """The entries not stored yet (or edited since), each once: one query."""
        keyed = [(a, d.content_hash, d.canonical_url)
                 for a, d in zip(articles, digests, strict=True)]
        # A snapshot read: no write lock (SQLite) while the matcher works on what is new.
        with self.store.unit(read_only=True) as unit:
            known = unit.known_articles(self.feed.id, [(a.key, h, u) for a, h, u in keyed])
        fresh: list[_Entry] = []
        for article, hashed, url in keyed:
            verdict = known.verdict(article.key, hashed, url)
            if verdict is ArticleVerdict.DUPLICATE:
                continue
            known.remember(article.key, hashed, url)
            published = article.published or self.now
            fresh.append(_Entry(article, hashed, url, verdict, match=self.notify or (
                published >= self.now - self.poll.backfill)))
        return fresh

    def _matched(self, entry: _Entry) -> _Entry:
        if not entry.match:
            return entry
        known = self.matches.get(entry.article.key)
        # Built directly: dataclasses.replace costs more than the rest of this, per entry.
        return _Entry(entry.article, entry.content_hash, entry.canonical_url, entry.verdict,
                      entry.match, known if known is not None
                      else self.matcher.match(entry.article))

    def _store_all(self, entries: Sequence[_Entry]) -> IngestCounts:
        counts = IngestCounts()
        with self.store.unit() as unit:
            # The new entries in one statement. The insert skips an entry whose key another
            # process stored since `_fresh`: that one, and a changed entry, then goes
            # through add_article's full checks (no second duplicate query up front).
            stored = unit.add_new_articles(
                self.feed.id, [(e.article, e.content_hash, e.canonical_url) for e in entries
                               if e.verdict is ArticleVerdict.NEW], now=self.now)
            prefetch_candidates(unit, [(e.article, e.result) for e in entries
                                       if e.match and e.result is not None],
                                now=self.now, policy=self.tracker)
            for entry in entries:
                article_id = (stored.get(entry.article.key.strip())
                              if entry.verdict is ArticleVerdict.NEW else None)
                if article_id is None:
                    counts = counts + self._process(unit, entry, False)
                elif entry.match:
                    outcomes = track_article(unit, self.matcher, entry.article, article_id,
                                             now=self.now, policy=self.tracker,
                                             notify=self.notify, matched=entry.result)
                    counts = counts + IngestCounts(new_articles=1) + count_outcomes(outcomes)
                else:
                    counts = counts + IngestCounts(new_articles=1)
        return counts

    def _store_one(self, entry: _Entry) -> IngestCounts:
        try:
            with self.store.unit() as unit:
                return self._process(unit, entry, False)
        except StoreError:
            raise
        except Exception:  # one bad entry must not stop the feed; the article is not stored
            log.exception("feed %s: entry %r could not be processed", self.feed.url,
                          entry.article.key)
            return IngestCounts()

    def _process(self, unit: Unit, entry: _Entry, checked: bool) -> IngestCounts:
        outcomes = process_article(unit, self.matcher, entry.article, now=self.now,
                                   policy=self.tracker, notify=self.notify,
                                   feed_id=self.feed.id, match=entry.match,
                                   matched=entry.result, checked=checked,
                                   hashed=entry.content_hash)
        if outcomes is None:
            return IngestCounts()
        return IngestCounts(new_articles=1) + count_outcomes(outcomes)


def next_poll_after_success(now: datetime, poll: PollPolicy, rng: random.Random) -> datetime:
    return now + poll.interval + timedelta(seconds=rng.uniform(0, poll.jitter.total_seconds()))


def next_poll_after_failure(now: datetime, failures: int, poll: PollPolicy,
                            rng: random.Random, retry_after: float | None = None) -> datetime:
    """Exponential backoff: base · 2^(failures-1), capped, with jitter; a server's
    Retry-After is honoured when it asks for longer."""
    delay = poll.backoff_base * (2 ** max(0, min(failures - 1, 20)))
    delay = min(delay, poll.backoff_max)
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=min(retry_after, poll.backoff_max.total_seconds())))
    return now + delay + timedelta(seconds=rng.uniform(0, poll.jitter.total_seconds()))


class Poller:
    """Polls due feeds. Holds no state between cycles except what the store keeps."""

    def __init__(self, store: Store, matcher: Callable[[], Matcher], *, limits: FetchLimits,
                 poll: PollPolicy, tracker: TrackerPolicy,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 rng: random.Random | None = None, endpoints: Endpoints | None = None,
                 worker: str | None = None,
                 recipe: Callable[[], MatcherRecipe] | None = None) -> None:
        self.store = store
        # Who claims the feeds this poller fetches: unique per process, so a restart never
        # mistakes another process's claims for its own.
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}"
        self.endpoints = endpoints or Endpoints()
        self.matcher = matcher
        self.limits = limits
        self.poll = poll
        self.tracker = tracker
        self.clock = clock
        self.rng = rng or random.Random()
        # How the configuration builds the matcher: worker processes build (or share) it
        # from this instead of a pickled copy (`bot.workers`).
        self.recipe = recipe
        self.analyser = Analyser(matcher, poll.workers, recipe)
        # Entry keys each feed had at its last complete ingest: a worker process does not
        # match them again (the store still decides what is new; see `bot.workers`).
        self._known: dict[int, frozenset[str]] = {}
        self._lane_lock = asyncio.Lock()
        self._lane_loop: asyncio.AbstractEventLoop | None = None

    def close(self) -> None:
        """Stop the worker processes, if any."""
        self.analyser.close()

    async def release_worker_memory(self) -> int:
        """After a cycle: what the worker processes' parsing and matching freed goes back
        to the system (`Analyser.release_memory`)."""
        return await self.analyser.release_memory()

    def matcher_changed(self) -> None:
        """The matcher was rebuilt: worker processes get the new one."""
        self.analyser.restart()

    def _current_analyser(self) -> Analyser:
        if self.analyser.requested != self.poll.workers:  # the setting was reloaded
            self.analyser.close()
            self.analyser = Analyser(self.matcher, self.poll.workers, self.recipe)
        return self.analyser

    async def poll_due(self, session: aiohttp.ClientSession, *, limit: int | None = None,
                       only: Sequence[str] | None = None) -> CycleResult:
        """Poll the due feeds (or `only` these), batch after batch, until none is due or the
        cycle's time budget is spent (then the backlog is logged; the next cycle goes on).
        `limit` caps the number of feeds of this cycle. The cyclic garbage collector runs
        less often meanwhile (`bot.memory.fewer_collections`)."""
        with fewer_collections():
            return await self._poll_due(session, limit=limit, only=only)

    async def _poll_due(self, session: aiohttp.ClientSession, *, limit: int | None,
                        only: Sequence[str] | None) -> CycleResult:
        started = time.monotonic()
        now = self.clock()
        budget = self.poll.cycle_budget.total_seconds()
        results: list[FeedResult] = []
        done: set[int] = set()

        def due(wanted: int) -> list[FeedRecord]:
            with self.store.unit() as unit:
                if only is not None:
                    return [f for f in unit.list_feeds() if f.url in only and f.id not in done]
                # Claimed, so other processes polling the same database skip them; a feed
                # polled this cycle is not due again in it (a capped one waits for the next
                # cycle), so every due feed gets its turn.
                claimed = unit.claim_due_feeds(now, wanted, worker=self.worker,
                                               until=self.clock() + self.poll.claim_lease)
                again = [f.id for f in claimed if f.id in done]
                if again:
                    unit.release_feed_claims(self.worker, again)
                return [f for f in claimed if f.id not in done]

        def release(feeds: list[FeedRecord]) -> None:
            with self.store.unit() as unit:
                unit.release_feed_claims(self.worker, [f.id for f in feeds])

        def backlog() -> int:
            with self.store.unit() as unit:
                return unit.count_due_feeds(now)

        semaphore = asyncio.Semaphore(self.poll.max_concurrency)

        async def one(feed: FeedRecord) -> FeedResult:
            async with semaphore:
                if time.monotonic() - started > budget:
                    return FeedResult(feed.url, "deferred")
                try:
                    return await self.poll_feed(session, feed)
                except Exception as exc:  # one feed's error never fails the cycle
                    log.exception("feed %s: poll failed", feed.url)
                    return FeedResult(feed.url, "failed", error=f"{type(exc).__name__}: {exc}")

        while limit is None or len(results) < limit:
            try:
                wanted = self.poll.batch if limit is None else min(self.poll.batch,
                                                                   limit - len(results))
                feeds = await asyncio.to_thread(due, wanted)
            except StoreError as exc:
                log.error("poll cycle skipped: %s", exc)
                return CycleResult(tuple(results), error=str(exc))
            if limit is not None:
                feeds = feeds[:limit - len(results)]
            if not feeds:
                break
            done.update(f.id for f in feeds)
            async with self._claims_kept(feeds if only is None else []):
                batch = await asyncio.gather(*(one(f) for f in feeds))
            if only is None:
                # Recording a poll ends its claim; the feeds left (deferred when the budget
                # ran out, or their poll could not be recorded) are free again at once.
                with contextlib.suppress(StoreError):
                    await asyncio.to_thread(release, feeds)
            for result in batch:
                if result.outcome == "deferred":
                    continue
                results.append(result)
                level = logging.WARNING if result.error else logging.INFO
                log.log(level, "%s", result.log_line())
            if only is not None or time.monotonic() - started > budget:
                break
        remaining = 0
        if only is None:
            with contextlib.suppress(StoreError):
                remaining = await asyncio.to_thread(backlog)
        if remaining:
            log.warning("poll cycle ended after %.0f s with %d feeds still due (budget %.0f s):"
                        " they come first next cycle", time.monotonic() - started, remaining,
                        budget)
        return CycleResult(tuple(results), backlog=remaining)

    @contextlib.asynccontextmanager
    async def _claims_kept(self, feeds: Sequence[FeedRecord]) -> AsyncIterator[None]:
        """While the block runs, renew this poller's claims on `feeds` every
        `claim_renew` (those recorded meanwhile are no longer its own and stay free)."""
        ids = [f.id for f in feeds]
        lease = self.poll.claim_lease
        every = (self.poll.claim_renew or lease / 3).total_seconds()

        def renew() -> None:
            with self.store.unit() as unit:
                unit.renew_feed_claims(self.worker, ids, self.clock() + lease)

        async def keep() -> None:
            while True:
                await asyncio.sleep(every)
                try:
                    await asyncio.to_thread(renew)
                except StoreError as exc:  # the next renewal tries again
                    log.warning("could not renew the claims on %d feeds: %s", len(ids), exc)

        keeper = asyncio.create_task(keep()) if ids else None
        try:
            yield
        finally:
            if keeper is not None:
                keeper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await keeper

    def release_claims(self) -> int:
        """A clean stop: the feeds this poller claimed and did not poll are free at once."""
        with self.store.unit() as unit:
            return unit.release_feed_claims(self.worker)

    async def poll_feed(self, session: aiohttp.ClientSession, feed: FeedRecord) -> FeedResult:
        started = time.monotonic()
        now = self.clock()
        source = parse_source_uri(feed.url)
        if source is not None:
            # An account on a social platform: its adapter reads the posts (no validators;
            # the store knows each post by its key, so nothing is taken twice).
            try:
                posts = await fetch_source(session, source, self.limits, self.endpoints)
            except FetchError as exc:
                return await self._failed(feed, now, str(exc), permanent=exc.permanent,
                                          retry_after=getattr(exc, "retry_after", None),
                                          started=started)
            except ParseError as exc:
                return await self._failed(feed, now, str(exc), permanent=True, started=started)
            return await self._ingest(feed, posts, now, started, None, None)
        try:
            fetched = await fetch_feed(session, feed.url, etag=feed.etag,
                                       last_modified=feed.last_modified, limits=self.limits)
        except FetchError as exc:
            return await self._failed(feed, now, str(exc), permanent=exc.permanent,
                                      retry_after=getattr(exc, "retry_after", None),
                                      started=started)
        if fetched.not_modified or fetched.body is None:
            await asyncio.to_thread(self._record_ok, feed, now, fetched.etag,
                                    fetched.last_modified, None, True)
            return FeedResult(feed.url, "not_modified", seconds=time.monotonic() - started)
        analyser = self._current_analyser()
        context = AnalyseContext(
            url=fetched.final_url, headers=fetched.headers, feed_title=feed.title,
            feed_lang=feed.lang, now=now, first_poll=not feed.backfilled,
            backfill=self.poll.backfill, match=not analyser.in_process,
            known=self._known.get(feed.id, frozenset()))
        try:
            analysed = await analyser.analyse(fetched.body, context)
        except ParseError as exc:
            return await self._failed(feed, now, str(exc), permanent=True, started=started)
        return await self._ingest(feed, analysed.parsed(), now, started, fetched.etag,
                                  fetched.last_modified, matches=analysed.matches(),
                                  digests=analysed.digests())

    async def _ingest(self, feed: FeedRecord, parsed: ParsedFeed, now: datetime, started: float,
                      etag: str | None, last_modified: str | None,
                      matches: Mapping[str, MatchResult] | None = None,
                      digests: Sequence[Digest] | None = None) -> FeedResult:
        try:
            # One feed stored at a time (the store lane): concurrent writers would only
            # queue on SQLite's write lock, each waking late from the busy handler's
            # sleeps, while the fetches and the worker pool go on meanwhile.
            async with self._store_lane():
                counts = await asyncio.to_thread(self._store_feed, feed, parsed, now, etag,
                                                 last_modified, matches, digests)
        except StoreError as exc:
            # The database is unavailable: leave the feed's validators alone so the same
            # entries are fetched again next time; nothing half-written stays behind.
            return FeedResult(feed.url, "failed", error=f"database: {exc}",
                              seconds=time.monotonic() - started)
        if counts.capped:
            log.info("feed %s: %d new entries taken (the cap per poll); the rest next cycle",
                     feed.url, counts.new_articles)
        elif matches is not None and not self.analyser.in_process:
            self._known[feed.id] = frozenset(a.key for a in parsed.entries)
        return FeedResult(feed.url, "updated", entries=len(parsed.entries),
                          new_articles=counts.new_articles,
                          new_invitations=counts.new_invitations,
                          status_changes=counts.status_changes,
                          notifications=counts.notifications,
                          error=None, seconds=time.monotonic() - started)

    def _store_feed(self, feed: FeedRecord, parsed: ParsedFeed, now: datetime,
                    etag: str | None, last_modified: str | None,
                    matches: Mapping[str, MatchResult] | None,
                    digests: Sequence[Digest] | None = None) -> IngestCounts:
        # In pool mode what is left to match (an edited entry, a social post) goes to a
        # worker too, so this process needs no matcher of its own.
        counts = ingest_feed_entries(self.store, self.analyser.store_matcher(), feed, parsed,
                                     now=now, tracker=self.tracker, poll=self.poll,
                                     matches=matches, digests=digests, mark_backfilled=False)
        if counts.capped:
            # More entries wait: no validators (a 304 would hide them) and due again
            # next cycle, after the other feeds have had their turn.
            self._record_ok(feed, now, None, None, parsed.title, False, True)
        else:
            self._record_ok(feed, now, etag, last_modified, parsed.title, False,
                            backfilled=not feed.backfilled)
        return counts

    def _store_lane(self) -> asyncio.Lock:
        """The lock of the store lane, one per event loop (a lock belongs to its loop)."""
        loop = asyncio.get_running_loop()
        if self._lane_loop is not loop:
            self._lane_lock, self._lane_loop = asyncio.Lock(), loop
        return self._lane_lock

    def _record_ok(self, feed: FeedRecord, now: datetime, etag: str | None,
                   last_modified: str | None, title: str | None, not_modified: bool,
                   again_now: bool = False, backfilled: bool = False) -> None:
        """Record a successful fetch; `backfilled`: its first poll's entries are all stored,
        so the feed is marked backfilled in the same transaction."""
        next_at = now if again_now else next_poll_after_success(now, self.poll, self.rng)
        with self.store.unit() as unit:
            unit.record_fetch_ok(feed.id, now=now, next_poll_at=next_at,
                                 etag=etag, last_modified=last_modified, title=title,
                                 not_modified=not_modified, backfilled=backfilled)

    async def _failed(self, feed: FeedRecord, now: datetime, error: str, *, permanent: bool,
                      started: float, retry_after: float | None = None) -> FeedResult:
        failures = feed.failure_count + 1
        disable = failures >= self.poll.disable_after_failures or (
            permanent and failures >= self.poll.disable_after_permanent)
        next_at = next_poll_after_failure(now, failures, self.poll, self.rng, retry_after)

        def record() -> None:
            with self.store.unit() as unit:
                unit.record_fetch_failure(feed.id, now=now, next_poll_at=next_at, error=error,
                                          disable=disable)

        try:
            await asyncio.to_thread(record)
        except InvitewatchError as exc:
            error = f"{error} (and could not record it: {exc})"
        outcome = "disabled" if disable else "failed"
        if disable:
            error = f"{error}; disabled after {failures} failures in a row"
        return FeedResult(feed.url, outcome, error=error, seconds=time.monotonic() - started)
