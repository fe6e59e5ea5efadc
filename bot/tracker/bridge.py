"""Merging two records of one invitation that a later report shows to be one: pure.

Two records of the same pair open when their occasions conflict: most often one report
took the wrong place (where the news was announced, a venue since changed). A report that
joins one of them and names, in its own sentence, the place of the other too ("the talks
first floated for Brussels will be held in Geneva") bridges them: the records merge, every
timeline entry and source kept. A vague report (no place) bridges nothing, so it never
glues two specific invitations together. Place names are compared as the records hold them
(canonical English), so a bridge written in another language is found only when it spells
the place the same way.

News arrives out of date order, so the bridge may come before the second record exists:
it then joins (or opens) one record and merges nothing. Its evidence stays on that record's
timeline, and that is what `bridged_home` reads when a report would open the second
record: a report naming the other place joins the record holding the bridge instead (which
keeps the bridge's place), and a bridge that would open a record of its own place joins
the open record of the other place it names (which takes the bridge's place). Either way
one record holds both, with the place the bridge gave, as when the bridge came last.

A bridge names as the other place only one floated by its date (`_floated_by`): the
invitation was first floated there and is held here now. A place that a record opens only
after the sentence's date is news the sentence could not bridge ("the summit in
Gyeongju, Seoul said", weeks before an invitation to visit Seoul): two records stay.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.domain import (
    FINAL_STATUSES,
    InvitationState,
    Mention,
    Notification,
    NotificationKind,
    Occasion,
    Status,
    TimelineEntry,
    TrackOutcome,
)
from bot.tracker.notifications import snapshot
from bot.tracker.occasion import kind_affinity, normalise_occasion, places_conflict
from bot.tracker.policy import TrackerPolicy
from bot.tracker.status import entry_order, resolve_status


def bridge(own: TrackOutcome, known: InvitationState | None,
           candidates: Sequence[InvitationState], mention: Mention, now: datetime,
           policy: TrackerPolicy) -> TrackOutcome:
    """`own` (the report joined to `known`, the record as it was before the report) with
    the record it bridges merged in (`merged_ids`); `own` unchanged when it bridges none."""
    target = own.invitation
    if known is None or own.is_new or target.id is None or own.entry is None \
            or target.occasion.place is None:
        return own
    evidence = _fold(mention.evidence)
    if _fold(target.occasion.place) not in evidence:
        return own
    bridged = [
        other for other in candidates
        if other.id is not None and other.id != target.id
        and (other.inviter.key, other.invitee.key) == (target.inviter.key, target.invitee.key)
        and other.status not in FINAL_STATUSES and not other.hidden
        and other.occasion.place is not None
        and places_conflict(other.occasion.place, target.occasion.place)
        and kind_affinity(other.occasion.kind, target.occasion.kind) is not None
        and _fold(other.occasion.place) in evidence
        and _near(other, target, policy)
        and _floated_by(other, own.entry.at)
    ]
    if len(bridged) != 1:
        return own  # none, or several: a guess would merge real invitations
    return _merged(own, known.status, bridged[0], now)


def held_that_day(own: TrackOutcome, known: InvitationState | None,
                  candidates: Sequence[InvitationState], now: datetime) -> TrackOutcome:
    """`own` (the report joined to `known`, the record as it was before the report) with
    the pair's records merged in that a report of the same meeting opened because it came
    first: a record naming no place whose every report says it took place on the day
    `own`'s record now took place. A report naming no place, of another kind, that arrives
    after the record took place joins it (a pair meets once a day: `track._held_that_day`);
    arriving before, it found the record still to come and opened one of its own ("the
    guest, here at my invitation, talked with the staff" before "the visit to the
    cosmodrome took place"). Either direction, as for a report joining it. Records an
    editor touched or hid are left alone; a record telling of another day too is another
    story. `candidates` are the pair's records in both directions."""
    target = own.invitation
    entry = own.entry
    if (known is None or own.is_new or target.id is None or entry is None
            or not took_place_that_day(target, entry.status, entry.at)):
        return own
    pair = {target.inviter.key, target.invitee.key}
    for other in candidates:
        if (other.id is not None and other.id != target.id
                and other.id not in own.merged_ids
                and {other.inviter.key, other.invitee.key} == pair
                and not other.hidden and other.occasion.place is None
                and other.status == Status.TOOK_PLACE and other.timeline
                and all(took_place_that_day(target, e.status, e.at) and not e.editorial
                        for e in other.timeline)):
            own = _merged(own, known.status, other, now)
    return own


def took_place_that_day(known: InvitationState, status: Status, at: datetime) -> bool:
    """Whether a report of `status` at `at` says a meeting was held on the day `known` took
    place: a pair meets once a day, so it is that meeting (`track._held_that_day` joins
    such a report to `known`; `held_that_day` merges a record made only of such reports)."""
    return (status == Status.TOOK_PLACE and known.status == Status.TOOK_PLACE
            and known.status_at.date() == at.date())


def bridged_home(mention: Mention, occasion: Occasion, entry: TimelineEntry,
                 forward: Sequence[InvitationState], policy: TrackerPolicy
                 ) -> tuple[InvitationState, Occasion] | None:
    """For a report about to open a record (it joins none of its pair's, `forward`): the
    one open record of the pair a bridge shows it to be, and the occasion that record then
    has; None when there is none, or several (a guess would merge real invitations).

    A bridge names both places in one sentence. Either the report is the bridge (its own
    evidence names its place and the record's: the record takes the report's occasion, the
    place the bridge says the invitation has now), or the record holds one (an entry
    naming the record's place and the report's: the record keeps its occasion)."""
    if occasion.place is None or mention.inviter.key == mention.invitee.key:
        return None
    place, said = _fold(occasion.place), _fold(mention.evidence)
    found: list[tuple[InvitationState, Occasion]] = []
    for other in forward:
        if (other.id is None or other.hidden or other.status in FINAL_STATUSES
                or other.occasion.place is None
                or not places_conflict(other.occasion.place, occasion.place)
                or kind_affinity(other.occasion.kind, occasion.kind) is None
                or not _within(other, entry.at, policy)):
            continue
        theirs = _fold(other.occasion.place)
        if place in said and theirs in said and _floated_by(other, entry.at):
            found.append((other, occasion))
        elif any(not e.editorial and e.at.date() >= entry.at.date()
                 and theirs in (text := _fold(e.evidence)) and place in text
                 for e in other.timeline):
            found.append((other, other.occasion))
    return found[0] if len(found) == 1 else None


def bridge_search(outcomes: Sequence[TrackOutcome], mention: Mention,
                  candidates: Sequence[InvitationState]) -> str | None:
    """What to look for in the left-out sentences of the pair's records before a report
    opens a record (its first outcome new): its place, when a record of its pair and
    direction with a conflicting place came with a bounded timeline (`summary` set), where
    a bridge naming both places (`bridged_home`) may be among the entries left out; None
    otherwise (the common case costs nothing)."""
    if not outcomes or not outcomes[0].is_new:
        return None
    place = normalise_occasion(mention.occasion).place
    if place is None:
        return None
    direction = (mention.inviter.key, mention.invitee.key)
    for other in candidates:
        if ((other.inviter.key, other.invitee.key) == direction and other.summary is not None
                and not other.hidden and other.status not in FINAL_STATUSES
                and other.occasion.place is not None
                and places_conflict(other.occasion.place, place)):
            return place.removeprefix("the ").removeprefix("The ")
    return None


def _floated_by(record: InvitationState, at: datetime) -> bool:
    """Whether `record`'s place was reported by the day of `at`: a bridge tells what an
    invitation first floated for one place became, so it can only name as the other place
    one already floated on its date. A sentence naming a place that a record opens only
    later ("…the summit in Gyeongju, Seoul said", then an invitation to visit Seoul) is no
    bridge: the place was the speaker's, or news of another invitation to come."""
    return any(not e.editorial and e.vague_kind is None and e.at.date() <= at.date()
               for e in record.timeline)


def _within(record: InvitationState, at: datetime, policy: TrackerPolicy) -> bool:
    times = [e.at for e in record.timeline] or [record.status_at]
    return min(times) - policy.window <= at <= max(times) + policy.window


def _merged(own: TrackOutcome, before: Status, other: InvitationState, now: datetime
            ) -> TrackOutcome:
    target = own.invitation
    timeline = sorted([*target.timeline, *other.timeline], key=entry_order)
    resolution = resolve_status(timeline)
    merged = replace(target, status=resolution.status, status_at=resolution.status_at,
                     confidence=resolution.confidence,
                     first_seen=min(target.first_seen, other.first_seen), timeline=timeline)
    changed = merged.status != before
    notifications: tuple[Notification, ...] = ()
    # Announced only when neither record had the status: the merge itself is no news.
    if changed and merged.status != other.status:
        notifications = (snapshot(NotificationKind.STATUS, merged, about=own.entry,
                                  previous_status=before, now=now),)
    return TrackOutcome(invitation=merged, is_new=False, entry=own.entry,
                        status_changed=changed, notifications=notifications,
                        merged_ids=(*own.merged_ids, other.id) if other.id is not None
                        else own.merged_ids)


def _near(a: InvitationState, b: InvitationState, policy: TrackerPolicy) -> bool:
    a_times = [e.at for e in a.timeline] or [a.status_at]
    b_times = [e.at for e in b.timeline] or [b.status_at]
    return (min(a_times) - policy.window <= max(b_times)
            and min(b_times) - policy.window <= max(a_times))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = plain.removeprefix("the ")
    return " ".join(plain.split())
