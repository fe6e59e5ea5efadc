"""Linking a report that names only one party ("Putin will not attend the talks in
Istanbul", "Modi arrived in Moscow") to the open invitation it answers: pure, `now` is an
argument.

Without the second party the occasion and the time are all there is to go on, so the
rules are strict: the party must stand on the report's side of the invitation, the
invitation must still be open to the report's status (as for observations), within the
window, and its occasion must agree with what the report says (the same place or one inside
the other when the report names a place; the same kind of occasion when it names none).
When more than one invitation fits, it goes to the one a reader had on the report's date
(`track.known_then`: the only one placed by then, or, when none was, the first placed
after it), as a mention naming no place does; when the dates cannot tell, the report is
linked to none: guessing would move the wrong record, and a missed report costs less than
a wrong status. The reason is returned
as a `LinkTrace` so the timeline's debug view can show it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.domain import (
    SIDE_INVITEE,
    SIDE_INVITER,
    InvitationState,
    LoneObservation,
    Observation,
    OccasionKind,
    Source,
    Status,
    TimelineEntry,
    TrackOutcome,
)
from bot.tracker.homes import home_place
from bot.tracker.occasion import kind_affinity, normalise_occasion, place_affinity
from bot.tracker.policy import TrackerPolicy
from bot.tracker.trace import LinkTrace
from bot.tracker.track import (
    apply_entry,
    awaited,
    in_window,
    known_then,
    observation_entry,
    still_open_to,
)


@dataclass(frozen=True, slots=True)
class LoneLink:
    outcomes: list[TrackOutcome]
    trace: LinkTrace | None = None


def lone_party_key(observation: LoneObservation) -> str:
    """The figure whose invitations the store is asked for."""
    return observation.party.key


def link_lone(
    observation: LoneObservation,
    source: Source,
    candidates: Sequence[InvitationState],
    now: datetime,
    policy: TrackerPolicy,
    *,
    seen_at: datetime | None = None,
) -> LoneLink:
    """At most one outcome: the lone report added to the single open invitation it fits.

    `candidates` are the invitations the store holds for the party (on either side).
    No fit gives nothing; several give nothing and a trace naming them (only saved ones,
    with an id, can be named). `seen_at`, as for `track.track_observation`: when a report
    that waited arrived. Raises ValueError on a report that breaks the data contract.
    """
    _check(observation, source, now)
    entry = observation_entry(observation, source, now, seen_at)
    occasion = normalise_occasion(observation.occasion)
    fitting = [
        c for c in candidates
        if _on_side(c, observation)
        and (in_window(c, entry.at, policy)
             or awaited(c, occasion, entry.status, entry.at, policy))
        and _open_to(c, entry)
        and _occasion_fits(c, observation, occasion.place)
    ]
    if len(fitting) > 1:
        # A record an editor hid as false is no rival to a real one.
        fitting = [c for c in fitting if not c.hidden] or fitting
    if not fitting:
        return LoneLink([])
    if len(fitting) > 1 and (then := known_then(fitting, entry.at)) is not None:
        # The record a reader had on the report's date, as for a mention naming no place.
        fitting = [then]
    if len(fitting) > 1:
        ids = tuple(sorted(c.id for c in fitting if c.id is not None))
        listed = ", ".join(f"#{i}" for i in ids)
        reason = (f"a report naming only {observation.party.name} "
                  f"({observation.status.value}, {occasion.describe()}) fits {len(fitting)} "
                  f"open invitations ({listed}); linked to none rather than guess")
        return LoneLink([], LinkTrace(ids, reason, entry))
    return LoneLink([apply_entry(fitting[0], entry, occasion, now, policy)])


def observation_time(observation: Observation | LoneObservation, published: datetime
                     ) -> datetime:
    """When the observed thing happened: the stated date, else the article's."""
    if observation.status_date is None:
        return published
    d = observation.status_date
    return datetime(d.year, d.month, d.day, tzinfo=published.tzinfo or UTC)


def _check(observation: LoneObservation, source: Source, now: datetime) -> None:
    for moment, what in ((now, "now"), (source.published, "source.published")):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"{what} must be a timezone-aware datetime, got naive {moment!r}")
    confidence = observation.confidence
    if not isinstance(confidence, int | float) or math.isnan(confidence) or not (
        0.0 <= confidence <= 1.0
    ):
        raise ValueError(f"lone observation confidence must be within 0..1, got {confidence!r}")
    if not observation.party.name.strip():
        raise ValueError("lone observation party has an empty name")
    if not isinstance(observation.status, Status):
        raise ValueError(f"lone observation status must be a Status, got {observation.status!r}")
    if observation.side not in (None, SIDE_INVITER, SIDE_INVITEE):
        raise ValueError(f"lone observation side must be inviter, invitee or None, "
                         f"got {observation.side!r}")


def _on_side(candidate: InvitationState, observation: LoneObservation) -> bool:
    key = observation.party.key
    if observation.side == SIDE_INVITER:
        return candidate.inviter.key == key
    if observation.side == SIDE_INVITEE:
        return candidate.invitee.key == key
    return key in (candidate.inviter.key, candidate.invitee.key)


def _open_to(candidate: InvitationState, entry: TimelineEntry) -> bool:
    """"The offer stands", "Lula postponed the trip" (pending) speak only of an invitation
    not yet settled: pending, answered non-committally or accepted. A pending entry never
    undoes a reply or an acceptance (the status machine's rule 1): on an accepted record
    it only shows in the timeline that the date moved (tracker15 round, issue 15)."""
    if entry.status == Status.PENDING:
        return candidate.status in (Status.PENDING, Status.RESPONDED, Status.ACCEPTED)
    return still_open_to(candidate, entry)


def _occasion_fits(candidate: InvitationState, observation: LoneObservation,
                   place: str | None) -> bool:
    """A place the report names must be the invitation's (or inside it, or contain it),
    and kinds must not contradict; with no place, the kind must be the very same one (the
    kind is then all that ties the report to this invitation). "Took place" needs the
    place itself: figures take part in meetings every day, and a meeting without a place
    is no evidence that this invitation's was the one. Except on an accepted invitation
    that never had a place, of the very kind the report names (not OTHER, not a meeting
    nor a call: those happen daily): the guest said yes to "the commemorations in
    September", so "X attended the parade in Beijing" is its outcome (story17 round). And
    except on a visit that never had a place, told of the invitee in a place inside the
    inviter's country: the visit it was to (`_home_visit`, story20 round). Kinds that
    contradict each other still fit an answer naming the very place (`_same_place_answer`)."""
    kinds = kind_affinity(candidate.occasion.kind, observation.occasion.kind)
    if kinds is None:
        return _same_place_answer(candidate, observation, place)
    places = place_affinity(candidate.occasion.place, place) if place is not None else None
    if observation.status == Status.TOOK_PLACE:
        if place is not None and (_awaited_placeless(candidate, observation)
                                  or _home_visit(candidate, observation, place)):
            return True
        return places is not None and places >= 2
    if place is not None:
        if places is None:
            return False
        return places >= 2 or kinds == 3
    return kinds == 3


# Kinds a figure takes part in every day: a report that one took place somewhere says
# nothing of which invitation it answers unless the places agree.
_DAILY_KINDS = frozenset({OccasionKind.OTHER, OccasionKind.MEETING, OccasionKind.CONVERSATION})


def _awaited_placeless(candidate: InvitationState, observation: LoneObservation) -> bool:
    """An accepted invitation whose occasion was never placed ("the September
    commemorations"), of the very kind the report names and not an everyday one: its
    outcome may be told with the place it was held at."""
    return (candidate.status == Status.ACCEPTED and candidate.occasion.place is None
            and candidate.occasion.kind == observation.occasion.kind
            and candidate.occasion.kind not in _DAILY_KINDS)


def _home_visit(candidate: InvitationState, observation: LoneObservation, place: str) -> bool:
    """A visit that never named a place is to the inviter's country ("李强邀请阿尔巴尼斯
    再次访华": the matcher reads no place in "访华"; "invited him to visit"): the invitee's
    visit to a place inside that country (or to the country) is its outcome, whatever the
    record's open status. Only the very kind "visit", on both sides, and only the invitee
    (the inviter is at home there every day): a summit or a match held in the inviter's
    country is another occasion."""
    if candidate.occasion.place is not None or observation.party.key != candidate.invitee.key:
        return False
    if not candidate.occasion.kind == observation.occasion.kind == OccasionKind.VISIT:
        return False
    home = home_place(candidate.inviter)
    if home is None or home_place(candidate.invitee) == home:
        return False
    affinity = place_affinity(home, place)
    return affinity is not None and affinity >= 2


def _same_place_answer(candidate: InvitationState, observation: LoneObservation,
                       place: str | None) -> bool:
    """Outlets word one occasion differently: the invitation "to the Kyiv Day
    celebrations" (an event) is refused as "he will not go to Kyiv" (a visit). Two kinds
    that contradict each other are then the same occasion when the report names the very
    place of the invitation, as `occasion.occasion_affinity` has it for two-party reports
    (story20 round). Not for "took place": a figure is at a place for many things, and
    only the invitation's own kind says that this one was held."""
    if observation.status == Status.TOOK_PLACE or place is None:
        return False
    return place_affinity(candidate.occasion.place, place) == 3
