"""Deciding what a report means for the known invitations: pure, `now` is an argument.

`track` folds one report into the invitation it is about (or opens a new one), and reads a
reverse-direction invitation made soon after another as the invitee's counter-offer, i.e.
also a reply (RESPONDED) to the first; a reply whose occasion was misread joins the only
open invitation it can concern. `track_observation` moves an invitation already held on
news reported without an invitation word ("they met"), and never opens one. `sweep_quiet`
flags invitations without news.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.domain import (
    FINAL_STATUSES,
    InvitationState,
    LoneObservation,
    Mention,
    Notification,
    NotificationKind,
    Observation,
    Occasion,
    OccasionKind,
    Party,
    Report,
    Source,
    Status,
    TimelineEntry,
    TrackOutcome,
)
from bot.tracker.bridge import bridge, bridged_home, held_that_day, took_place_that_day
from bot.tracker.notifications import snapshot
from bot.tracker.occasion import (
    is_platform,
    kind_affinity,
    merge_occasions,
    normalise_occasion,
    occasion_affinity,
    place_affinity,
    places_conflict,
    same_occasion,
)
from bot.tracker.policy import (
    COUNTER_WINDOW,
    PLACELESS_OBSERVATION_WINDOW,
    REOPEN_AFTER_FINAL,
    TrackerPolicy,
)
from bot.tracker.status import entry_order, resolve_status
from bot.tracker.trace import LinkTrace
from bot.tracker.vague import regroup

_OPEN_STATUSES = frozenset({Status.PENDING, Status.RESPONDED})

# occasion_affinity of two occasions of the same kind at the same place.
_SAME_OCCASION = 6
# place_affinity of one place named twice.
_SAME_PLACE = 3


def candidate_pairs(mention: Mention) -> list[tuple[str, str]]:
    """The (inviter key, invitee key) pairs whose invitations a mention may concern: its own
    direction, and the reverse one (the mention may be a counter-invitation)."""
    forward = (mention.inviter.key, mention.invitee.key)
    if forward[0] == forward[1]:
        return [forward]
    return [forward, (forward[1], forward[0])]


def track(
    report: Report,
    candidates: Sequence[InvitationState],
    now: datetime,
    policy: TrackerPolicy,
) -> list[TrackOutcome]:
    """The outcomes of one report, given the invitations the store found for its pairs.

    The first outcome is always about the report's own invitation (new, or an existing one
    the report belongs to); a second one appears when the report is a counter-invitation
    that answers an invitation in the other direction. A self-invitation (same figure on
    both sides, a matcher slip) yields no outcome. Inputs are never mutated.

    Raises ValueError when the report breaks the data contract (a naive datetime, a
    confidence outside 0..1, a party without a name).
    """
    _check_report(report, now)
    mention = report.mention
    if mention.inviter.key == mention.invitee.key:
        return []
    entry, forward, reverse, occasion = _read(report, candidates, now)
    recapped = _recapped(forward, reverse, occasion, entry)
    if recapped is not None:
        return [_apply(recapped, [entry], occasion, mention, now, policy)]
    target, rivals = _home(forward, occasion, entry, policy)
    if rivals:
        return []  # `ambiguity` says why, for the debug view
    if target is None and mention.status == Status.RESPONDED:
        countered = _countered(forward, reverse, entry)
        if countered is not None:
            return [_apply_reply(countered, entry, occasion, mention, now, policy)]
    if target is None and mention.status != Status.PENDING:
        # A reply rarely restates the occasion precisely (and the matcher may read it from
        # the reply's own setting: "from the Kremlin", "on Twitter"), nor always the roles.
        reversed_ok = [c for c in _recent(reverse, entry) if not _offered_in(c, entry)]
        target = _reply_target(
            forward + reversed_ok, occasion, entry, policy, misread_only=True
        )
        if target is not None:
            return [_apply_reply(target, entry, occasion, mention, now, policy)]
        refined = _visit_refined(forward, occasion, entry, policy)
        if refined is not None:
            # The answer's occasion is the visit's from now on, as a bridge's place is.
            refined = replace(refined, occasion=occasion, timeline=list(refined.timeline))
            return [_apply(refined, [entry], occasion, mention, now, policy)]
    if target is None and mention.status == Status.PENDING:
        swapped = _swapped_offer(reverse, occasion, entry)
        if swapped is not None:
            return [_apply_reply(swapped, entry, occasion, mention, now, policy)]
    # A bridge that arrived before this record's twin opened (or this report is one).
    bridged = bridged_home(mention, occasion, entry, forward, policy) if target is None \
        else None
    if bridged is not None:
        # Its occasion is the bridge's place from now on (see `bridged_home`).
        target = replace(bridged[0], occasion=bridged[1], timeline=list(bridged[0].timeline))
    entries = [entry]
    if mention.status == Status.PENDING:
        # Reverse invitations made shortly after this one are counter-offers: replies to it
        # that arrived before it did.
        first = min(entry.at, _span(target)[0]) if target is not None else entry.at
        entries.extend(_counter_replies(first, reverse, now))
    own = bridge(_apply(target, entries, occasion, mention, now, policy), target, forward,
                 mention, now, policy)
    own = held_that_day(own, target, [*forward, *reverse], now)
    own, regrouped = regroup(own, target.status if target is not None else None, forward, now,
                             lambda found, vague, at: _home(found, vague, at, policy))
    outcomes = [own, *regrouped]

    if mention.status == Status.PENDING:
        answered = _answered_by_counter(own.invitation, reverse)
        if answered is not None:
            # Linked by time, not by occasion: not a vague report for `vague.regroup` to move.
            counter_entry = replace(entry, status=Status.RESPONDED, vague_kind=None)
            reply = _apply(answered, [counter_entry], answered.occasion, None, now, policy)
            if reply.entry is not None:
                outcomes.append(reply)
    return outcomes


def _recapped(forward: Sequence[InvitationState], reverse: Sequence[InvitationState],
              occasion: Occasion, entry: TimelineEntry) -> InvitationState | None:
    """The record a report of a meeting held recaps: the pair's last record in its
    direction that took place at the very place the report names, before it, when the same
    article tells of a new invitation of the pair (an entry of its URL opening another
    record, pending). "Orbán, who came to Ankara last year at Erdoğan's invitation, is now
    invited to Istanbul": the news is the new offer, the visit is its background, so the
    report repeats the old record rather than open a record of a second visit (a report
    long after a meeting took place otherwise concerns the next one, `_reopened_by`).
    None otherwise."""
    if entry.status != Status.TOOK_PLACE or occasion.place is None or entry.url is None:
        return None
    if not any(e.url == entry.url and e.status == Status.PENDING and not e.editorial
               for c in (*forward, *reverse) for e in c.timeline):
        return None
    held = [c for c in forward
            if c.status == Status.TOOK_PLACE and not c.hidden and c.status_at < entry.at
            and place_affinity(c.occasion.place, occasion.place) == _SAME_PLACE
            and kind_affinity(c.occasion.kind, occasion.kind) is not None
            and not any(e.url == entry.url for e in c.timeline)]
    return max(held, key=lambda c: c.status_at) if held else None


def ambiguity(report: Report, candidates: Sequence[InvitationState], now: datetime,
              policy: TrackerPolicy) -> LinkTrace | None:
    """Why `track` linked a report to no invitation, when it did so because the report fits
    several (see `_rivals`): a trace the pipeline notes on each of them; None otherwise."""
    _check_report(report, now)
    mention = report.mention
    if mention.inviter.key == mention.invitee.key:
        return None
    entry, forward, _reverse, occasion = _read(report, candidates, now)
    _target, rivals = _home(forward, occasion, entry, policy)
    if not rivals:
        return None
    who = f"{mention.inviter.name} -> {mention.invitee.name}"
    return _trace(rivals, f"a report of {who}", occasion, entry)


def _read(report: Report, candidates: Sequence[InvitationState], now: datetime
          ) -> tuple[TimelineEntry, list[InvitationState], list[InvitationState], Occasion]:
    """The report's entry, its candidates in its own direction and the reverse one, and the
    occasion it names."""
    mention = report.mention
    entry = _entry_for(report, mention.status, now)
    forward_key = (mention.inviter.key, mention.invitee.key)
    forward = [c for c in candidates if (c.inviter.key, c.invitee.key) == forward_key]
    reverse = [c for c in candidates if (c.invitee.key, c.inviter.key) == forward_key]
    occasion = _without_setting(normalise_occasion(mention.occasion), mention.status,
                                reverse, entry.at)
    if occasion.place is None:
        entry = replace(entry, vague_kind=occasion.kind)
    return entry, forward, reverse, occasion


def _home(candidates: Sequence[InvitationState], occasion: Occasion, entry: TimelineEntry,
          policy: TrackerPolicy) -> tuple[InvitationState | None, list[InvitationState]]:
    """Where a report with `entry` goes among `candidates` (its pair's records in its
    direction): (the record it joins, or None to open one; the records it fits alike and
    so joins none of, see `_rivals`). Of records a vague report fits alike, it joins the
    one the story had then (`_known_then`), else the only one it can still move. Also how
    `vague.regroup` decides a vague report again when a later one shows another occasion."""
    tied = _tied(candidates, occasion, entry, entry.at, policy)
    rivals = _rivals(tied, occasion)
    if rivals:
        then = _known_then(rivals, entry.at)
        return (then, []) if then is not None else (None, rivals)
    target = _best_match(candidates, occasion, entry.status, entry.at, policy)
    if occasion.place is None and len(tied.receptive) == 1 and len(tied.best) > 1:
        target = tied.receptive[0]
    return target, []


def _known_then(rivals: Sequence[InvitationState], at: datetime) -> InvitationState | None:
    """Of records with conflicting places that a report naming no place fits alike, the one
    a reader of the story at the report's date would take it for: the only one already
    placed then (the Geneva summit floated three weeks later is not what "Putin accepted
    the meeting" meant), or, when none was, the first placed after it (the vague report
    announced what that one told in detail; the next is another invitation). None when two
    were placed by then, or first placed at the same moment: a guess. Decided on the dates
    of the reports, not on when they arrived, so arrival order does not change it."""
    placed = sorted(((_placed_at(c), i) for i, c in enumerate(rivals)), key=lambda p: p[0])
    before = [i for moment, i in placed if moment <= at]
    if before:
        return rivals[before[0]] if len(before) == 1 else None
    if placed[0][0] < placed[1][0]:
        return rivals[placed[0][1]]
    return None


def known_then(rivals: Sequence[InvitationState], at: datetime) -> InvitationState | None:
    """`_known_then` for the reports that name one party or no invitation word
    (`track_observation`, `lone.link_lone`): the same reader's rule."""
    return _known_then(rivals, at) if len(rivals) > 1 else None


def _placed_at(candidate: InvitationState) -> datetime:
    """When a record's place was first reported: its earliest entry from a report naming a
    place (entries of reports naming none carry `vague_kind`), else its earliest entry."""
    placed = [e.at for e in candidate.timeline if e.vague_kind is None and not e.editorial]
    return min(placed) if placed else _span(candidate)[0]


def _without_setting(occasion: Occasion, status: Status, reverse: Sequence[InvitationState],
                     at: datetime) -> Occasion:
    """The occasion of a counter-invitation made during a visit, without the visit's place:
    when the invitee hosted the inviter there that very day, "Y, in Moscow, invited X to
    visit" names where it was said, not where X is to go (one does not invite a host to
    his own country)."""
    if occasion.place is None or status == Status.TOOK_PLACE:
        return occasion
    for hosted in reverse:
        if hosted.occasion.place is None or (place_affinity(hosted.occasion.place,
                                                            occasion.place) or 0) < 2:
            continue
        if any(e.status == Status.TOOK_PLACE and e.at.date() == at.date()
               for e in hosted.timeline):
            return replace(occasion, place=None, text="")
    return occasion


def observation_pairs(observation: Observation) -> list[tuple[str, str]]:
    """The (inviter key, invitee key) pairs whose invitations an observation may move: both
    directions, since an observation ("X and Y met") says nothing about who invited whom."""
    forward = (observation.first.key, observation.second.key)
    if forward[0] == forward[1]:
        return [forward]
    return [forward, (forward[1], forward[0])]


def track_observation(
    observation: Observation,
    source: Source,
    candidates: Sequence[InvitationState],
    now: datetime,
    policy: TrackerPolicy,
    *,
    seen_at: datetime | None = None,
) -> list[TrackOutcome]:
    """At most one outcome: the observation added, as a timeline entry, to the open
    invitation between its two figures (either direction) that it concerns.

    The invitation is the best one with a compatible occasion within the window; failing
    that, the only open one whose place does not conflict. "Open" means not settled, or
    settled but moved by this observation (a meeting that took place after all, a visit
    called off after it was accepted) as the status machine decides. An observation never
    opens an invitation, and one that would only say "pending" is ignored: without an
    invitation word it is not news about one. Notifications are those of any report: a
    STATUS one on a real change, none on a repeat.

    `seen_at` is when the observation arrived, if before `now` (one that waited for its
    record, `pipeline.attach_waiting`): its entry keeps it, so a correction made since it
    arrived is not overruled by it (`status.since_correction`).

    Raises ValueError when the observation breaks the data contract (a naive datetime, a
    confidence outside 0..1, a party without a name, a status that is not a Status).
    """
    _check_observation(observation, source, now)
    if observation.status == Status.PENDING:
        return []
    if observation.first.key == observation.second.key:
        return []
    between, occasion, entry = _read_observation(observation, source, candidates, now,
                                                 seen_at)
    rivals = _observed_rivals(between, occasion, entry, policy)
    # Of records it fits alike, the one a reader had then (as for a mention, `_home`).
    target = (known_then(rivals, entry.at) if rivals
              else _reply_target(between, occasion, entry, policy))
    if target is None:
        return []
    # The meeting may have opened a record of its own from a report that came first.
    return [held_that_day(_apply_reply(target, entry, occasion, None, now, policy), target,
                          between, now)]


def observation_ambiguity(observation: Observation, source: Source,
                          candidates: Sequence[InvitationState], now: datetime,
                          policy: TrackerPolicy) -> LinkTrace | None:
    """Why `track_observation` moved no record, when it is because the observation fits
    several alike (`_observed_rivals`) and the dates cannot tell (`known_then`); None
    otherwise."""
    _check_observation(observation, source, now)
    if observation.status == Status.PENDING or observation.first.key == observation.second.key:
        return None
    between, occasion, entry = _read_observation(observation, source, candidates, now)
    rivals = _observed_rivals(between, occasion, entry, policy)
    if not rivals or known_then(rivals, entry.at) is not None:
        return None
    who = f"{observation.first.name} and {observation.second.name}"
    return _trace(rivals, f"an observation of {who}", occasion, entry)


def _read_observation(observation: Observation, source: Source,
                      candidates: Sequence[InvitationState], now: datetime,
                      seen_at: datetime | None = None
                      ) -> tuple[list[InvitationState], Occasion, TimelineEntry]:
    """The records between the observation's two figures (either direction) it may move,
    the occasion it names and its entry."""
    pair = {observation.first.key, observation.second.key}
    occasion = normalise_occasion(observation.occasion)
    entry = observation_entry(observation, source, now, seen_at)
    between = [c for c in candidates if {c.inviter.key, c.invitee.key} == pair
               and not _reported_by(c, source, observation.status)
               and _placeless_fits(c, occasion, entry)]
    return between, occasion, entry


def _placeless_fits(candidate: InvitationState, occasion: Occasion,
                    entry: TimelineEntry) -> bool:
    """Whether an observation that may name no place can concern `candidate`. Naming none,
    it is compatible with any place, so only its kind and its time tie it to a record that
    names one: the very kind of the record ("Johnson visited Zelensky", months after the
    invitation to visit Ukraine), or within PLACELESS_OBSERVATION_WINDOW of the record's
    last news, or the record accepted (the meeting is then expected) or held that day.
    Months after an unanswered invitation to visit Turkey, "they met on the sidelines of a
    summit" is another meeting; a record naming no place either is left to the window, as
    before."""
    if occasion.place is not None or candidate.occasion.place is None:
        return True
    if occasion.kind == candidate.occasion.kind and occasion.kind != OccasionKind.OTHER:
        return True
    if candidate.status == Status.ACCEPTED or _held_that_day(candidate, entry.status, entry.at):
        return True
    # The record's news up to the observation: a later report restating the invitation
    # ("the dates of the visit are not agreed", the day after the meeting) does not make
    # the meeting its.
    before = [e.at for e in candidate.timeline if e.at <= entry.at]
    last = max(before) if before else _span(candidate)[0]
    return entry.at <= last + PLACELESS_OBSERVATION_WINDOW


def _observed_rivals(between: Sequence[InvitationState], occasion: Occasion,
                     entry: TimelineEntry, policy: TrackerPolicy) -> list[InvitationState]:
    """The open records of the pair an observation naming no place fits equally well, when
    two of them are different occasions (conflicting places): "Trump and Putin met", with a
    summit in Brussels and one in Geneva open, may be either. As for a mention (`_rivals`),
    it moves none rather than the nearer in time."""
    if occasion.place is not None:
        return []
    scored = [
        (affinity, c) for c in between
        if not c.hidden and _in_window(c, entry.at, policy) and _still_open_to(c, entry)
        and not _refused_and_held(c, occasion, entry.status, entry.at)
        and (affinity := occasion_affinity(c.occasion, occasion)) is not None
    ]
    if len(scored) < 2:
        return []
    best = max(affinity for affinity, _ in scored)
    tied = [c for affinity, c in scored if affinity == best]
    if any(places_conflict(a.occasion.place, b.occasion.place)
           for i, a in enumerate(tied) for b in tied[i + 1:]):
        return tied
    return []


def _trace(rivals: Sequence[InvitationState], what: str, occasion: Occasion,
           entry: TimelineEntry) -> LinkTrace:
    ids = tuple(sorted(c.id for c in rivals if c.id is not None))
    listed = ", ".join(f"#{i}" for i in ids)
    places = ", ".join(sorted({c.occasion.place or "" for c in rivals}))
    reason = (f"{what} naming no place ({entry.status.value}, {occasion.describe()}) fits "
              f"{len(rivals)} open invitations of the pair ({listed}: {places}); linked to "
              "none rather than guess")
    return LinkTrace(ids, reason, entry)


def _reported_by(candidate: InvitationState, source: Source, status: Status) -> bool:
    """Whether the article already reported `candidate` with another status, in words
    naming an invitation. Its own words outrank what it reports of the pair without one: a
    leader thanked for the G7 invitation in the article that tells of the same leader's
    visit to Kyiv is two occasions, and when they are one the mention carries the status.
    (An entry of the observation's own status from the article is its repeat: dropped.)"""
    return source.url is not None and any(
        e.url == source.url and not e.editorial and e.status != status
        for e in candidate.timeline)


def sweep_quiet(
    invitations: Sequence[InvitationState], now: datetime, policy: TrackerPolicy
) -> list[TrackOutcome]:
    """Flag as quiet the open invitations with no news for `policy.quiet_after_days`.

    Settled invitations (took place, declined, withdrawn) are never quiet, and one already
    flagged is left alone, so a sweep repeated every hour notifies (if at all) once.
    """
    _require_aware(now, "now")
    outcomes: list[TrackOutcome] = []
    for invitation in invitations:
        if invitation.quiet or invitation.status in FINAL_STATUSES:
            continue
        if now - invitation.last_update < policy.quiet_after:
            continue
        quiet = replace(invitation, quiet=True, timeline=list(invitation.timeline))
        notifications: tuple[Notification, ...] = ()
        if policy.announce_quiet:
            notifications = (
                snapshot(NotificationKind.QUIET, quiet, about=None, previous_status=None, now=now),
            )
        outcomes.append(
            TrackOutcome(
                invitation=quiet,
                is_new=False,
                entry=None,
                status_changed=False,
                notifications=notifications,
            )
        )
    return outcomes


# -- validation ------------------------------------------------------------------------


def _require_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be a timezone-aware datetime, got naive {moment!r}")


def _check_report(report: Report, now: datetime) -> None:
    _require_aware(now, "now")
    _require_aware(report.source.published, "report.source.published")
    mention = report.mention
    if not isinstance(mention.confidence, int | float) or math.isnan(mention.confidence) or not (
        0.0 <= mention.confidence <= 1.0
    ):
        raise ValueError(f"mention confidence must be within 0..1, got {mention.confidence!r}")
    for role, party in (("inviter", mention.inviter), ("invitee", mention.invitee)):
        if not party.name.strip():
            raise ValueError(f"mention {role} has an empty name")
    if not isinstance(mention.status, Status):
        raise ValueError(f"mention status must be a Status, got {mention.status!r}")


def _check_observation(observation: Observation, source: Source, now: datetime) -> None:
    _require_aware(now, "now")
    _require_aware(source.published, "source.published")
    confidence = observation.confidence
    if not isinstance(confidence, int | float) or math.isnan(confidence) or not (
        0.0 <= confidence <= 1.0
    ):
        raise ValueError(f"observation confidence must be within 0..1, got {confidence!r}")
    for role, party in (("first", observation.first), ("second", observation.second)):
        if not party.name.strip():
            raise ValueError(f"observation {role} party has an empty name")
    if not isinstance(observation.status, Status):
        raise ValueError(f"observation status must be a Status, got {observation.status!r}")


# -- matching a report to an invitation --------------------------------------------------


def _span(invitation: InvitationState) -> tuple[datetime, datetime]:
    """First and last event time of an invitation's timeline."""
    if invitation.timeline:
        moments = [e.at for e in invitation.timeline]
        return min(moments), max(moments)
    return min(invitation.first_seen, invitation.status_at), invitation.status_at


def _best_match(
    candidates: Sequence[InvitationState],
    occasion: Occasion,
    status: Status,
    event_time: datetime,
    policy: TrackerPolicy,
) -> InvitationState | None:
    ranked = _ranked(candidates, occasion, status, event_time, policy)
    return ranked[0][1] if ranked else None


@dataclass(frozen=True, slots=True)
class _Tied:
    best: list[InvitationState]  # the candidates the report fits best, all alike
    receptive: list[InvitationState]  # of those, the visible ones it can move or repeats


def _tied(forward: Sequence[InvitationState], occasion: Occasion, entry: TimelineEntry,
          event_time: datetime, policy: TrackerPolicy) -> _Tied:
    """The records of the report's own direction its occasion fits best, all equally, and
    those of them the report may concern: still open to its status, or settled with that
    very status (a repeat, more outlets telling of the same refusal). A settled record it
    cannot move is no candidate for it: a meeting declined is not accepted by a report
    that names neither it nor its place. A record an editor hid is no rival either."""
    ranked = _ranked(forward, occasion, entry.status, event_time, policy)
    if not ranked:
        return _Tied([], [])
    best = [c for score, c in ranked if score[0] == ranked[0][0][0]]
    receptive = [c for c in best if not c.hidden
                 and (c.status == entry.status or _still_open_to(c, entry))]
    return _Tied(best, receptive)


def _rivals(tied: _Tied, occasion: Occasion) -> list[InvitationState]:
    """The records a report naming no place fits equally well and may concern, when two of
    them are different occasions (their places conflict); else none. Such a report ("the
    Kremlin called the meeting idea interesting", after a summit in Brussels and one in
    Geneva were floated) may concern either: joining the nearer in time would be a guess
    that moves the wrong record, and opening a record of its own would add a third for one
    invitation. So it joins none, as a one-party report fitting two open invitations does
    (`lone.link_lone`), and `ambiguity` says why. A report naming a place picks its record
    by it."""
    if occasion.place is not None:
        return []
    rivals = tied.receptive
    if any(places_conflict(a.occasion.place, b.occasion.place)
           for i, a in enumerate(rivals) for b in rivals[i + 1:]):
        return rivals
    return []


def _ranked(
    candidates: Sequence[InvitationState],
    occasion: Occasion,
    status: Status,
    event_time: datetime,
    policy: TrackerPolicy,
) -> list[tuple[tuple[int, float, float], InvitationState]]:
    """The candidates a report may join, best first: the closest occasion, then the nearest
    in time, then the older record."""
    ranked: list[tuple[tuple[int, float, float], InvitationState]] = []
    for candidate in candidates:
        affinity = _affinity(candidate, occasion, status, event_time)
        if affinity is None:
            continue
        first, last = _span(candidate)
        if event_time < first - policy.window:
            continue
        if event_time > last + policy.window and not _renews(
                candidate, occasion, event_time, policy) and not _awaited(
                candidate, occasion, status, event_time, policy):
            continue
        if _reopened_by(candidate, affinity, occasion, status, event_time):
            continue
        gap = max((first - event_time).total_seconds(), (event_time - last).total_seconds(), 0.0)
        # Ties between equally close candidates go to the older one, deterministically.
        ranked.append(((affinity, -gap, -first.timestamp()), candidate))
    # Stable: candidates scoring exactly alike keep their given order, as before.
    ranked.sort(key=lambda item: item[0], reverse=True)
    return ranked


def _affinity(candidate: InvitationState, occasion: Occasion, status: Status,
              at: datetime) -> int | None:
    """`occasion_affinity`, except that a meeting reported as taken place on the day the
    candidate took place is that meeting (the lowest score) whatever place each report
    names, or whatever kind each names when the places do not conflict: a pair meets once
    a day. A conflicting place is then where a statement was made or a country named in
    passing ("the President of Kazakhstan, in Moscow"); a different kind is the same day
    told from another angle ("a conversation with the cosmodrome's staff" on the day of
    the visit to the cosmodrome). A different kind at a conflicting place as well is
    another occasion. For reports in the candidate's own direction only: with the roles
    swapped, a meeting recalled on that day ("you came to Sochi at my invitation") is
    another occasion."""
    affinity = occasion_affinity(candidate.occasion, occasion)
    if affinity is not None:
        return affinity
    if _held_that_day(candidate, status, at) and (
            kind_affinity(candidate.occasion.kind, occasion.kind) is not None
            or not places_conflict(candidate.occasion.place, occasion.place)):
        return 0
    return None


def _reopened_by(candidate: InvitationState, affinity: int, occasion: Occasion,
                 status: Status, event_time: datetime) -> bool:
    """Whether a report at `event_time` is about a new invitation rather than `candidate`.

    A fresh "X invites Y" (pending) long after the candidate was settled, or long after it
    was accepted without naming the same occasion (an accepted visit still to come is often
    recalled by name, "the state visit to Paris"; a vaguer invitation weeks later is
    another one). And any report long after the candidate took place: a meeting happens
    once, so "it took place" or "thanks for the invitation" weeks after it concern the
    next meeting of a recurring kind (this year's second G7 summit), not this one. Other
    settled statuses stay open to later decisions (a refusal reversed months later).

    A refusal dated on or after the day the candidate took place, not naming its place, is
    about another invitation whatever the gap: a meeting that happened cannot be declined
    (one press conference tells of the visit to Sochi and of an invitation to an event
    declined); and, read in the other order, a meeting held on the day a record was
    declined is another occasion. One naming the very place says rather that the meeting
    was misread as held, and so does a calling-off: they join it, as before."""
    if _refused_and_held(candidate, occasion, status, event_time):
        return True
    if event_time <= candidate.status_at + REOPEN_AFTER_FINAL:
        return False
    if status != Status.PENDING:
        return candidate.status == Status.TOOK_PLACE
    if candidate.status in FINAL_STATUSES:
        return True
    return candidate.status == Status.ACCEPTED and affinity < _SAME_OCCASION


def _refused_and_held(candidate: InvitationState, occasion: Occasion, status: Status,
                      event_time: datetime) -> bool:
    """Whether a refusal and a meeting held, one the report and the other the candidate's
    status, are two invitations (see `_reopened_by`)."""
    if (place_affinity(candidate.occasion.place, occasion.place) or 0) >= _SAME_PLACE:
        return False
    day, settled = event_time.date(), candidate.status_at.date()
    if status == Status.DECLINED and candidate.status == Status.TOOK_PLACE:
        return day >= settled
    if status == Status.TOOK_PLACE and candidate.status == Status.DECLINED:
        return day == settled
    return False


def _renews(candidate: InvitationState, occasion: Occasion, event_time: datetime,
            policy: TrackerPolicy) -> bool:
    """Whether a report beyond the window is still news of `candidate`: the candidate was
    never answered (still pending) and the report names the very same occasion (kind, and
    the same place or none on either side), within `policy.renewal_horizon` of its last
    news. An inviter repeating an unanswered offer ("I invited him to visit Ukraine", half
    a year after the first call) is the offer still standing, and an answer to it ("Orbán
    accepted the invitation to visit Ukraine") is news of that offer, whatever it says; a
    different place, a reply in between, or years of silence make it another one."""
    if candidate.status != Status.PENDING:
        return False
    if not same_occasion(candidate.occasion, occasion):
        return False
    return event_time <= _span(candidate)[1] + policy.renewal_horizon


def _awaited(candidate: InvitationState, occasion: Occasion, status: Status,
             event_time: datetime, policy: TrackerPolicy) -> bool:
    """Whether a report beyond the window is still news of `candidate`: an invitation
    accepted and not yet held is awaited however long the trip takes to arrange (Kim
    invited Putin, who accepted; the visit came nine months later), so a report that it
    took place, naming its place (or one inside it) in a kind that fits, within
    `policy.renewal_horizon` of its last news, is its outcome. A meeting naming no place,
    or another one, is some other meeting, as it is inside the window.

    An invitation never answered in the news (pending, or a non-committal reply) is
    awaited too, but only by a report of its very place: state visits are often arranged
    without a public "yes", and the guest simply arrives in the capital it was invited to
    seven months later (Sánchez invited Sheinbaum to Madrid "in autumn"); a report of a
    place merely inside or around it is not enough without the acceptance (tracker16
    round, issue 15)."""
    if status != Status.TOOK_PLACE or occasion.place is None:
        return False
    needed = {Status.ACCEPTED: 2, Status.PENDING: _SAME_PLACE,
              Status.RESPONDED: _SAME_PLACE}.get(candidate.status)
    if needed is None \
            or (place_affinity(candidate.occasion.place, occasion.place) or 0) < needed:
        return False
    if kind_affinity(candidate.occasion.kind, occasion.kind) is None:
        return False
    last = _span(candidate)[1]
    return last < event_time <= last + policy.renewal_horizon


def awaited(candidate: InvitationState, occasion: Occasion, status: Status,
            event_time: datetime, policy: TrackerPolicy) -> bool:
    """`_awaited`, for a one-party report (`lone.link_lone`)."""
    return _awaited(candidate, occasion, status, event_time, policy)


def _still_open_to(candidate: InvitationState, entry: TimelineEntry) -> bool:
    """Whether a reply or an observation can still move `candidate`: it is not settled, or
    the entry is a later meeting or calling-off that the status machine lets win (a repeat
    of the settled status counts only shortly after it, as more outlets report it)."""
    if candidate.status not in FINAL_STATUSES:
        return True
    if entry.status not in (Status.TOOK_PLACE, Status.WITHDRAWN):
        return False
    if entry.at.date() < candidate.status_at.date():
        return False
    if entry.status == candidate.status:
        return entry.at <= candidate.status_at + REOPEN_AFTER_FINAL
    return resolve_status([*candidate.timeline, entry]).status == entry.status


def _recent(reverse: Sequence[InvitationState], entry: TimelineEntry) -> list[InvitationState]:
    """The reverse-direction invitations a reply with swapped roles may still be about: ones
    first reported shortly before it. Months later, "Y invited X" and an answer is more
    likely another invitation than a misread reply (direction matters between invitations).
    A meeting that took place is the exception: like an observation, it happened between
    the two whoever is said to have invited whom, so it may concern any of them."""
    if entry.status == Status.TOOK_PLACE:
        return list(reverse)
    return [c for c in reverse if _span(c)[0] <= entry.at <= _span(c)[0] + COUNTER_WINDOW]


def _in_window(candidate: InvitationState, event_time: datetime, policy: TrackerPolicy) -> bool:
    first, last = _span(candidate)
    return last + policy.window >= event_time >= first - policy.window


def _reply_target(
    candidates: Sequence[InvitationState],
    occasion: Occasion,
    entry: TimelineEntry,
    policy: TrackerPolicy,
    *,
    misread_only: bool = False,
) -> InvitationState | None:
    """The invitation a reply or an observation belongs to, among invitations between the
    same two figures in either direction: the closest open one with a compatible occasion,
    else the only open one whose place does not truly conflict (None when there are
    several: guessing would merge two real invitations).

    `misread_only` (for a mention, which opens a record when it joins none) narrows the
    fallback to occasions that look misread rather than different: a compatible kind, a
    platform against a place on the map (the setting of the reply, "from the Kremlin",
    "on Twitter"), or a meeting held on the day the record took place (`_held_that_day`).
    A refusal of "a ceremony" is then not folded into an accepted state
    visit, whichever of the two arrives first.
    """
    open_ones = [
        c for c in candidates if (_in_window(c, entry.at, policy)
                                  or _awaited(c, occasion, entry.status, entry.at, policy))
        and _still_open_to(c, entry)
        and not _refused_and_held(c, occasion, entry.status, entry.at)
    ]
    best: InvitationState | None = None
    best_score: tuple[int, float, float] | None = None
    for candidate in open_ones:
        affinity = occasion_affinity(candidate.occasion, occasion)
        if affinity is None:
            continue
        first, last = _span(candidate)
        gap = max((first - entry.at).total_seconds(), (entry.at - last).total_seconds(), 0.0)
        score = (affinity, -gap, -first.timestamp())
        if best_score is None or score > best_score:
            best, best_score = candidate, score
    if best is not None:
        return best
    if len(open_ones) != 1:
        return None
    sole = open_ones[0]
    if places_conflict(sole.occasion.place, occasion.place):
        return None
    if misread_only and not (_looks_misread(sole.occasion, occasion)
                             or _held_that_day(sole, entry.status, entry.at)):
        return None
    return sole


def _visit_refined(forward: Sequence[InvitationState], occasion: Occasion,
                   entry: TimelineEntry, policy: TrackerPolicy) -> InvitationState | None:
    """The unanswered invitation that an answer names more precisely: "Macron invited
    Prabowo to France" in January, "Prabowo accepted Macron's invitation to be guest of
    honour at the parade in Paris" in May. An invitation to visit a country or city is
    refined into the occasion held there; so an answer (accepted, declined, non-committal)
    of the same direction whose specific occasion lies inside the visit's place belongs to
    the pair's only open, still pending visit in the window (tracker16 round, issue 15). A
    record already answered is another matter (a refusal of "a ceremony" is not folded into
    an accepted state visit), and so is an occasion at the visit's place itself, or none."""
    if occasion.place is None or occasion.kind in (OccasionKind.OTHER, OccasionKind.VISIT):
        return None
    open_ones = [c for c in forward if _in_window(c, entry.at, policy)
                 and c.status not in FINAL_STATUSES]
    if len(open_ones) != 1:
        return None
    sole = open_ones[0]
    known = sole.occasion
    if sole.status != Status.PENDING or known.kind != OccasionKind.VISIT \
            or known.place is None or is_platform(occasion.place):
        return None
    inside = place_affinity(known.place, occasion.place) == 2 and \
        merge_occasions(known, occasion).place == occasion.place
    return sole if inside else None


def _held_that_day(known: InvitationState, status: Status, at: datetime) -> bool:
    """Whether a report of a meeting held (`status` at `at`) is dated the day `known` took
    place: a pair meets once a day, so another kind that day (its place not conflicting)
    is that meeting told from another angle, whoever is said to have invited whom ("the
    President of Belarus, who came at my invitation, and I talked with the cosmodrome's
    staff"). The same test `bridge.held_that_day` merges records by."""
    return took_place_that_day(known, status, at)


def _looks_misread(known: Occasion, reported: Occasion) -> bool:
    if kind_affinity(known.kind, reported.kind) is not None:
        return True
    return (
        known.place is not None
        and reported.place is not None
        and is_platform(known.place) != is_platform(reported.place)
    )


def _made_at(invitation: InvitationState) -> datetime | None:
    """When the invitation was made, as far as we know: the time of its earliest entry when
    that entry reports it as pending; None when the first news we have is already a later
    status (then we do not know when it was made)."""
    if not invitation.timeline:
        return None
    first = min(e.at for e in invitation.timeline)
    if any(e.at == first and e.status == Status.PENDING for e in invitation.timeline):
        return first
    return None


def _answered_by_counter(
    counter: InvitationState, reverse: Sequence[InvitationState]
) -> InvitationState | None:
    """The reverse-direction invitation that `counter` answers, if it is a counter-offer:
    still open (pending or a non-committal reply) and made shortly before it."""
    counter_made = _made_at(counter)
    if counter_made is None:
        return None
    best: InvitationState | None = None
    for original in reverse:
        if original.status not in _OPEN_STATUSES:
            continue
        original_first, _ = _span(original)
        if original_first < counter_made <= original_first + COUNTER_WINDOW and (
            best is None or original_first > _span(best)[0]
        ):
            best = original
    return best


def _swapped_offer(reverse: Sequence[InvitationState], occasion: Occasion,
                   entry: TimelineEntry) -> InvitationState | None:
    """The reverse-direction invitation a fresh offer repeats with its roles swapped: the one
    open invitation first reported within the counter window of it (before or after), to
    the very place it names (or a place inside or around it). Two invitations the other
    way round to one place cannot both be right (one does not invite the host to his own
    capital): "Putin invited Zelensky to Moscow after Zelensky had invited him to Donbas"
    read as Zelensky inviting Putin to Moscow. The record keeps the roles it was opened
    with; a counter-offer elsewhere is a record of its own, as before."""
    if occasion.place is None:
        return None
    fitting = [
        c for c in reverse
        if c.status not in FINAL_STATUSES and c.occasion.place is not None
        and (place_affinity(c.occasion.place, occasion.place) or 0) >= 2
        and kind_affinity(c.occasion.kind, occasion.kind) is not None
        and abs(entry.at - _span(c)[0]) <= COUNTER_WINDOW
    ]
    return fitting[0] if len(fitting) == 1 else None


def _offered_in(candidate: InvitationState, entry: TimelineEntry) -> bool:
    """Whether the article of `entry` reports `candidate` as an invitation in its own
    direction (a pending entry from the same URL): that article told the roles apart, so
    a reply it reports with the roles the other way round is not `candidate`'s, misread."""
    return entry.url is not None and any(
        e.url == entry.url and e.status == Status.PENDING and not e.editorial
        for e in candidate.timeline)


def _countered(forward: Sequence[InvitationState], reverse: Sequence[InvitationState],
               entry: TimelineEntry) -> InvitationState | None:
    """The invitation a RESPONDED report answers by a counter-offer that the same article
    reports: "Putin answered Zelensky's offer to meet in Donbas by inviting him to Moscow"
    reads as Putin -> Zelensky to Moscow (pending) and Zelensky -> Putin responded, often
    with the counter-offer's place. That reply is the counter-offer's, so it belongs to the
    invitation the counter-offer answers (`_answered_by_counter`), not to the counter-offer
    (whose roles the article gave) nor to a record of its own at the counter's place."""
    for counter in reverse:
        if not _offered_in(counter, entry):
            continue
        answered = _answered_by_counter(counter, forward)
        if answered is not None:
            return answered
    return None


def _counter_replies(
    invitation_first: datetime, reverse: Sequence[InvitationState], now: datetime
) -> list[TimelineEntry]:
    """Replies an invitation made at `invitation_first` has already received: the opening
    reports of reverse-direction invitations made shortly after it, read as RESPONDED."""
    replies: list[TimelineEntry] = []
    for other in reverse:
        other_made = _made_at(other)
        if other_made is None:
            continue
        if not invitation_first < other_made <= invitation_first + COUNTER_WINDOW:
            continue
        opening = min(
            (e for e in other.timeline if e.at == other_made and e.status == Status.PENDING),
            key=entry_order,
        )
        # The opening was vague about the other record's occasion, not about this one.
        replies.append(replace(opening, status=Status.RESPONDED, seen_at=now, vague_kind=None))
    return replies


# -- building outcomes ---------------------------------------------------------------------


def _entry_for(report: Report, status: Status, now: datetime) -> TimelineEntry:
    mention = report.mention
    return TimelineEntry(
        at=report.event_time,
        status=status,
        url=report.source.url,
        outlet=report.source.outlet,
        lang=report.source.lang or mention.lang,
        evidence=mention.evidence,
        confidence=float(mention.confidence),
        seen_at=now,
    )


def observation_entry(observation: Observation | LoneObservation, source: Source,
                      now: datetime, seen_at: datetime | None = None) -> TimelineEntry:
    """The timeline entry for what an article reports without an invitation word: dated
    by the text's own date when it gives one, else by the article's. `seen_at`: when a
    report that waited for its record arrived (else it arrives `now`)."""
    at = source.published
    if observation.status_date is not None:
        d = observation.status_date
        at = datetime(d.year, d.month, d.day, tzinfo=source.published.tzinfo)
    return TimelineEntry(
        at=at,
        status=observation.status,
        url=source.url,
        outlet=source.outlet,
        lang=source.lang or observation.lang,
        evidence=observation.evidence,
        confidence=float(observation.confidence),
        seen_at=now if seen_at is None else min(seen_at, now),
    )


def _apply_reply(
    known: InvitationState,
    entry: TimelineEntry,
    occasion: Occasion,
    mention: Mention | None,
    now: datetime,
    policy: TrackerPolicy,
) -> TrackOutcome:
    """Add a reply's (or an observation's) entry to the invitation it was matched to. Its
    occasion refines the record only when compatible with it, and its parties only when in
    the record's direction: a reply joined despite a misread occasion or swapped roles
    must not rewrite the record with them."""
    # Placed by the date rule, as a mention naming no place is: `vague.regroup` may decide
    # it again. A reply joined across directions was placed by the reply rule instead.
    vague = occasion.kind if mention is None and occasion.place is None else None
    if occasion_affinity(known.occasion, occasion) is None:
        occasion = known.occasion
    elif mention is None and known.occasion.place is None:
        # Without an invitation word the place is most often a party's country read from
        # a title ("met the President of the Republic of Kazakhstan"), not the venue: it
        # may narrow the record's place, never give one.
        occasion = replace(occasion, place=None, text="")
    same_direction = mention is not None and (mention.inviter.key, mention.invitee.key) == (
        known.inviter.key,
        known.invitee.key,
    )
    if not same_direction:
        entry = replace(entry, vague_kind=vague)
    return _apply(known, [entry], occasion, mention if same_direction else None, now, policy)


def _is_repeat(invitation: InvitationState, entry: TimelineEntry) -> bool:
    for known in invitation.timeline:
        if known.status != entry.status:
            continue
        if entry.url is not None and known.url == entry.url:
            return True
        if (
            entry.url is None
            and known.url is None
            and (known.outlet, known.evidence, known.at) == (entry.outlet, entry.evidence, entry.at)
        ):
            return True
    return False


def _prefer_known(current: Party, reported: Party) -> Party:
    """Keep the gazetteer's canonical party once one report has resolved it."""
    if not current.known and reported.known:
        return reported
    return current


def _apply(
    known: InvitationState | None,
    entries: Sequence[TimelineEntry],
    occasion: Occasion,
    mention: Mention | None,
    now: datetime,
    policy: TrackerPolicy,
) -> TrackOutcome:
    """Add entries to a known invitation, or open a new one from them, and recompute the
    status. `entries[0]` is the report's own entry (the outcome's `entry`); the others are
    replies derived from counter-invitations. Exact repeats are dropped."""
    entry = entries[0]
    if known is None:
        assert mention is not None, "a new invitation needs the mention that reports it"
        fresh = [e for i, e in enumerate(entries) if e not in entries[:i]]
        return _opened(mention, occasion, fresh, now)
    added = [e for e in entries if not _is_repeat(known, e)]
    if entry not in added:
        unchanged = replace(known, timeline=list(known.timeline))
        return TrackOutcome(invitation=unchanged, is_new=False, entry=None, status_changed=False)
    timeline = sorted([*known.timeline, *added], key=entry_order)
    resolution = resolve_status(timeline)
    updated = replace(
        known,
        inviter=_prefer_known(known.inviter, mention.inviter) if mention else known.inviter,
        invitee=_prefer_known(known.invitee, mention.invitee) if mention else known.invitee,
        occasion=_refined(known.occasion, occasion),
        status=resolution.status,
        status_at=resolution.status_at,
        confidence=resolution.confidence,
        last_update=max(known.last_update, now),
        quiet=False,
        timeline=timeline,
    )
    changed = updated.status != known.status
    notifications: tuple[Notification, ...] = ()
    if changed:
        about = _entry_about(updated, added)
        notifications = (
            snapshot(
                NotificationKind.STATUS,
                updated,
                about=about,
                previous_status=known.status,
                now=now,
            ),
        )
    elif policy.digest and entry.url is not None and entry.url not in known.sources:
        notifications = (
            snapshot(
                NotificationKind.DIGEST,
                updated,
                about=entry,
                previous_status=None,
                now=now,
            ),
        )
    return TrackOutcome(
        invitation=updated,
        is_new=False,
        entry=entry,
        status_changed=changed,
        notifications=notifications,
    )


def _refined(known: Occasion, reported: Occasion) -> Occasion:
    """The record's occasion refined by a report's (`merge_occasions`), except that the
    first report to place an occasion no report had placed words its kind: "talks" become
    "a visit to Paris" as the report naming Paris puts it. The report that knows where
    knows best what; and the record's kind then does not depend on whether the vague report
    or the specific one came first (which decides what a later vague report fits)."""
    if known.place is None and reported.place is not None and reported.kind != OccasionKind.OTHER:
        return merge_occasions(reported, known)
    return merge_occasions(known, reported)


def _entry_about(invitation: InvitationState, added: Sequence[TimelineEntry]) -> TimelineEntry | None:
    """The newly added entry that carries the invitation's status, if any."""
    carrying = [e for e in added if e.status == invitation.status]
    return carrying[0] if carrying else None


def _opened(
    mention: Mention,
    occasion: Occasion,
    entries: Sequence[TimelineEntry],
    now: datetime,
) -> TrackOutcome:
    timeline = sorted(entries, key=entry_order)
    resolution = resolve_status(timeline)
    invitation = InvitationState(
        id=None,
        inviter=mention.inviter,
        invitee=mention.invitee,
        occasion=occasion,
        status=resolution.status,
        status_at=resolution.status_at,
        first_seen=now,
        last_update=now,
        confidence=resolution.confidence,
        quiet=False,
        timeline=timeline,
    )
    notification = snapshot(
        NotificationKind.NEW,
        invitation,
        about=_entry_about(invitation, entries),
        previous_status=None,
        now=now,
    )
    return TrackOutcome(
        invitation=invitation,
        is_new=True,
        entry=entries[0],
        status_changed=False,
        notifications=(notification,),
    )


# -- for the lone-report linker (bot/tracker/lone.py) --------------------------------------


def in_window(candidate: InvitationState, event_time: datetime, policy: TrackerPolicy) -> bool:
    """Whether an event at `event_time` is within the window of the invitation's timeline."""
    return _in_window(candidate, event_time, policy)


def still_open_to(candidate: InvitationState, entry: TimelineEntry) -> bool:
    """Whether a report without an invitation word can still move `candidate`."""
    return _still_open_to(candidate, entry)


def apply_entry(known: InvitationState, entry: TimelineEntry, occasion: Occasion,
                now: datetime, policy: TrackerPolicy) -> TrackOutcome:
    """Add an entry that names no inviter/invitee pair to an invitation, as an observation's."""
    return _apply_reply(known, entry, occasion, None, now, policy)


# -- reports linked to none, when their rivals turn out to be one invitation ----------------


def relink(merged: InvitationState, merged_ids: Sequence[int],
           unlinked: Sequence[LinkTrace], now: datetime, policy: TrackerPolicy
           ) -> TrackOutcome | None:
    """`merged` (a record a bridging report has just merged `merged_ids` into) with the
    reports that were linked to none because they fitted its parts alike (`unlinked`: each
    trace names the records the report fitted). Once those records are one invitation the
    report's record is no longer a guess: it joins it, as it would have in an order where
    the bridge came first. A report that also fitted a record outside the merge stays
    linked to none; one the record already holds is not added twice. None when nothing
    joins. Its notifications are any report's: a STATUS one when the status changes (the
    report was announced on no record), none otherwise."""
    if merged.id is None or merged.hidden:
        return None
    group = {merged.id, *merged_ids}
    entries: list[TimelineEntry] = []
    for trace in sorted(unlinked, key=lambda t: entry_order(t.entry)):
        fitted = set(trace.invitation_ids)
        if len(fitted) < 2 or not fitted <= group or trace.entry in entries:
            continue
        if not _is_repeat(merged, trace.entry):
            entries.append(trace.entry)
    if not entries:
        return None
    outcome = _apply(merged, entries, merged.occasion, None, now, policy)
    if outcome.entry is None:
        return None
    listed = ", ".join(f"{e.at.date().isoformat()} {e.status.value} "
                       f"({e.outlet or e.url or 'unknown source'})" for e in entries)
    return replace(outcome, note=f"the report{'s' if len(entries) > 1 else ''} of {listed}, "
                                 "linked to none while it fitted records now merged into this "
                                 "one, joined it")
