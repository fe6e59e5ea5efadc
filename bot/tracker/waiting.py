"""Reports that arrive before the record they answer: pure, `now` is an argument.

News arrives out of date order (feeds are polled at different times, a late feed brings
older articles), so "Putin will not attend the talks in Istanbul" can come before the
article that says Zelensky invited him. A one-party report (`LoneObservation`) or an
observation of two figures never opens a record; when it finds none to join it waits
(`WaitingFinding`, kept by the store) instead of being lost. When a report later opens a
record of its figures, places one (gives it a place or a kind it lacked), widens its span
(and so its window) or changes its status (or an editor corrects it), the pipeline hands
each waiting finding of those figures, by the date of what it observed, to the very linker
it went through on arrival (`lone.link_lone`, `track.track_observation`) with the records
held then: same side, open to its status, inside the window of the record, the occasion
agreeing, ambiguity linking none. One that joins leaves the waiting list; one that still
fits nothing waits on, until `expired`.

A finding dated before the record's first report is still news of it when it falls in the
record's window: "Putin declined the talks in Istanbul" dated the day before the first
article we have of the invitation is the invitation's answer (the invitation was made
before any outlet we read reported it), and the status machine ranks a decision above "no
answer yet" whatever the dates, so the record ends declined as it would had the articles
come in date order.

A finding that fitted several records alike is linked to none and does not wait (it is
traced instead, as before): a record opening later cannot make the choice less of a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.domain import (
    InvitationState,
    LoneObservation,
    Observation,
    Source,
    Status,
    TrackOutcome,
    WaitingFinding,
)
from bot.tracker.lone import observation_time
from bot.tracker.policy import TrackerPolicy


def may_wait(finding: LoneObservation | Observation) -> bool:
    """Whether a finding that joined no record is kept for a later one: an observation
    that says only "pending", or names one figure twice, moves nothing ever."""
    if isinstance(finding, Observation):
        return finding.status != Status.PENDING and finding.first.key != finding.second.key
    return True


def waiting(finding: LoneObservation | Observation, source: Source, now: datetime, *,
            announce: bool = True) -> WaitingFinding:
    """The finding as it waits: dated by what it observed (the text's date, else the
    article's), arrived `now`; `announce` False when it came on a feed's first poll."""
    return WaitingFinding(finding=finding, source=source,
                          at=observation_time(finding, source.published), seen_at=now,
                          announce=announce)


def waiting_since(now: datetime, policy: TrackerPolicy) -> datetime:
    """The oldest arrival still waiting: a finding waits one tracker window after it
    arrived (a record opening later than that is another story, or the finding was wrong)."""
    return now - policy.window


def expired(finding: WaitingFinding, now: datetime, policy: TrackerPolicy) -> bool:
    return finding.seen_at < waiting_since(now, policy)


def opens_or_places(outcome: TrackOutcome, before: InvitationState | None) -> bool:
    """Whether a report's outcome gives a waiting finding something new to join: a record
    opened, one whose occasion the report refined (a place or a kind it lacked, which is
    what a one-party report or an observation is matched by), or one whose span the report
    widened: a finding dated beyond the record's window when it arrived ("Putin declined
    the Istanbul talks", months after the first report of the offer) is inside it once a
    report dated in between joins the record (the offer renewed meanwhile). And one whose
    status the report changed: a finding that waited because the record was settled (a
    decision told while the record stood declined) fits it once a refusal is reversed."""
    if outcome.is_new or before is None:
        return True
    if outcome.invitation.occasion != before.occasion:
        return True
    if outcome.invitation.status != before.status:
        return True
    return _span(outcome.invitation) != _span(before)


def _span(record: InvitationState) -> tuple[datetime, datetime] | None:
    """The first and last event time of a record's timeline (None when it has none); a
    summarised timeline keeps both (`tracker.summary`)."""
    moments = [e.at for e in record.timeline]
    return (min(moments), max(moments)) if moments else None


def figures_of(outcomes: Sequence[TrackOutcome], before: Sequence[InvitationState]
               ) -> list[str]:
    """The figures whose waiting findings a report's outcomes should try (see
    `opens_or_places`); `before` are the records as the tracker saw them."""
    held = {c.id: c for c in before if c.id is not None}
    keys: list[str] = []
    for outcome in outcomes:
        state = outcome.invitation
        if not opens_or_places(outcome, held.get(state.id) if state.id is not None else None):
            continue
        for key in (state.inviter.key, state.invitee.key):
            if key not in keys:
                keys.append(key)
    return keys


def in_attach_order(findings: Sequence[WaitingFinding]) -> list[WaitingFinding]:
    """By the date of what they observed, then by arrival: the status is a pure function
    of the timeline, but whether a finding can still move a record depends on what the
    record holds, and date order is the order a reader would have seen them in."""
    return sorted(findings, key=lambda w: (w.at, w.seen_at, w.id or 0))


def waited_note(finding: WaitingFinding) -> str:
    """The debug view's line on the record a waiting finding joined."""
    f = finding.finding
    return (f"waited from {finding.seen_at.date().isoformat()} for a record of "
            f"{finding.figure}: {f.status.value} ({f.occasion.describe()}), dated "
            f"{finding.at.date().isoformat()}, {finding.source.outlet or finding.source.url}")
