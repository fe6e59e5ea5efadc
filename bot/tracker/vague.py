"""Reports naming no place, decided again when the pair turns out to have two occasions: pure.

A report in words that name an occasion's kind but no place ("Macron invited Scholz for
talks", "Scholz accepted the invitation") fits every record of the pair alike. Of records
with conflicting places it fits alike, it belongs to the one a reader of the story had at
the report's date (`track._known_then`): the only one placed by then, or, when none was,
the first placed after it (the vague report announced it; the next is another invitation);
two placed by then leave it linked to none (`track._rivals`: a guess would move the wrong
one). That is decided on the reports' dates, but news does not arrive in date order: the
vague report may have joined the one record there was, and a later-arriving report then
opens a record placed earlier, or places one the vague report fits as well.

So each time a report leaves a record of a pair with a place (`regroup`), the vague entries
of the pair's other records whose place conflicts with it are decided again, as if they
arrived now, by the very rule a late arrival meets (`Home`, track.py's `_home`):
- it belongs with the report's record: it moves there;
- it fits both and the dates cannot tell: it is taken off (linked to none);
- it belongs where it is: it stays.
In date order nothing moves (the rule is what the reader saw unfold), so an announced
status is not taken back in the common case; when arrival order forces a move, the record's
debug view says why (the pipeline notes `note`), a status that changes is announced as a
change, and nothing is announced twice.

The entries of observations and one-party reports naming no place carry `vague_kind` too
(`track._apply_reply`): they were placed by the same date rule, so they are decided again
alike. An entry taken off (linked to none) is noted with both records it fits; if a bridge
later merges them, `track.relink` joins it to the merged record.

Left alone: records an editor corrected (their entries are where an editor put or left
them), hidden records, entries of editors and of reports placed by the reply rules (they
carry no `vague_kind`), and a vague entry whose record would be left without a report
naming its occasion.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.domain import (
    InvitationState,
    Notification,
    NotificationKind,
    Occasion,
    Status,
    TimelineEntry,
    TrackOutcome,
)
from bot.tracker.notifications import snapshot
from bot.tracker.occasion import places_conflict
from bot.tracker.status import entry_order, resolve_status

# Where a report naming no place goes among the candidates: (the record it joins or None,
# the records it fits alike and so joins none of).
Home = Callable[[Sequence[InvitationState], Occasion, TimelineEntry],
                tuple[InvitationState | None, list[InvitationState]]]


@dataclass(slots=True)
class _Decided:
    kept: list[TimelineEntry]
    taken: list[TimelineEntry] = field(default_factory=list)  # to no record
    moved: list[TimelineEntry] = field(default_factory=list)  # to the report's record


def regroup(own: TrackOutcome, before: Status | None, forward: Sequence[InvitationState],
            now: datetime, home: Home) -> tuple[TrackOutcome, list[TrackOutcome]]:
    """`own` (the report's outcome; `before` its record's status before the report, None for
    a new record) with the vague entries it takes over, and an outcome for each record of
    `forward` (the pair's records in the report's direction) that loses some."""
    target = own.invitation
    if own.entry is None or target.occasion.place is None or target.hidden:
        return own, []
    gone = {target.id, *own.merged_ids}
    others = [c for c in forward if c.id is not None and c.id not in gone]
    losers: list[TrackOutcome] = []
    for sibling in others:
        if not _may_regroup(sibling, target):
            continue
        decided = _decide(sibling, own.invitation, others, home)
        if not decided.taken and not decided.moved:
            continue
        if decided.moved:
            own = _with_moved(own, before, decided.moved, now)
        losers.append(_detached(sibling, decided, own.invitation, now))
    return own, losers


def _may_regroup(sibling: InvitationState, target: InvitationState) -> bool:
    return (
        not sibling.hidden
        and sibling.occasion.place is not None
        and places_conflict(sibling.occasion.place, target.occasion.place)
        and not any(e.editorial for e in sibling.timeline)
        and any(e.vague_kind is not None for e in sibling.timeline)
    )


def _decide(sibling: InvitationState, target: InvitationState,
            others: Sequence[InvitationState], home: Home) -> _Decided:
    """Each vague entry of `sibling`, in timeline order, against the sibling without it, the
    report's record and the pair's other records."""
    decided = _Decided(kept=sorted(sibling.timeline, key=entry_order))
    for entry in list(decided.kept):
        if entry.vague_kind is None or entry.editorial:
            continue
        rest = [e for e in decided.kept if e is not entry]
        if not any(e.vague_kind is None and not e.editorial for e in rest):
            continue  # nothing else says where the sibling is: it stays as it is
        without = _restated(sibling, rest)
        candidates = [without if c is sibling else c for c in others] + [target]
        chosen, rivals = home(candidates, Occasion(kind=entry.vague_kind), entry)
        if any(c is without for c in rivals) and any(c is target for c in rivals):
            decided.taken.append(entry)
        elif chosen is target:
            decided.moved.append(entry)
        else:
            continue
        decided.kept = rest
    return decided


def _restated(invitation: InvitationState, timeline: list[TimelineEntry]) -> InvitationState:
    ordered = sorted(timeline, key=entry_order)
    resolution = resolve_status(ordered)
    return replace(invitation, status=resolution.status, status_at=resolution.status_at,
                   confidence=resolution.confidence, timeline=ordered)


def _with_moved(own: TrackOutcome, before: Status | None, moved: Sequence[TimelineEntry],
                now: datetime) -> TrackOutcome:
    """The report's outcome with entries moved in: its notification built anew from the
    record as it now is (one NEW for a new record; one STATUS when the status differs from
    the record's before the report)."""
    assert own.entry is not None
    target = own.invitation
    updated = _restated(target, [*target.timeline, *moved])
    about = _carrying(updated, [own.entry, *moved])
    notifications: tuple[Notification, ...]
    if own.is_new:
        notifications = (snapshot(NotificationKind.NEW, updated, about=about,
                                  previous_status=None, now=now),)
        return replace(own, invitation=updated, notifications=notifications)
    changed = updated.status != before
    if changed:
        notifications = (snapshot(NotificationKind.STATUS, updated, about=about,
                                  previous_status=before, now=now),)
    else:
        notifications = tuple(n for n in own.notifications if n.kind != NotificationKind.STATUS)
    return replace(own, invitation=updated, status_changed=changed,
                   notifications=notifications)


def _carrying(invitation: InvitationState, added: Sequence[TimelineEntry]) -> TimelineEntry | None:
    carrying = [e for e in added if e.status == invitation.status]
    return carrying[0] if carrying else None


def _detached(sibling: InvitationState, decided: _Decided, target: InvitationState,
              now: datetime) -> TrackOutcome:
    """The sibling without the entries it lost: its status resolved anew and, when it
    changes, announced (the correction is news; the earlier status is not repeated)."""
    updated = replace(_restated(sibling, decided.kept),
                      last_update=max(sibling.last_update, now), quiet=False)
    changed = updated.status != sibling.status
    notifications: tuple[Notification, ...] = ()
    if changed:
        notifications = (snapshot(NotificationKind.STATUS, updated, about=None,
                                  previous_status=sibling.status, now=now),)
    return TrackOutcome(invitation=updated, is_new=False, entry=None, status_changed=changed,
                        notifications=notifications,
                        detached=(*decided.taken, *decided.moved),
                        note=_note(sibling, decided, target))


def _note(sibling: InvitationState, decided: _Decided, target: InvitationState) -> str:
    where = f"{target.occasion.describe()}" + (f" (#{target.id})" if target.id else "")
    parts = []
    if decided.taken:
        parts.append(f"{_listed(decided.taken)} naming no place fit this record "
                     f"({sibling.occasion.describe()}) and the pair's record of {where} "
                     "alike, as a later report showed: taken off this record, linked to "
                     "none rather than guess")
    if decided.moved:
        parts.append(f"{_listed(decided.moved)} naming no place fit the pair's record of "
                     f"{where} better than this one: moved there")
    return "; ".join(parts)


def _listed(entries: Sequence[TimelineEntry]) -> str:
    described = ", ".join(f"{e.at.date().isoformat()} {e.status.value} "
                          f"({e.outlet or e.url or 'unknown source'})" for e in entries)
    return f"the report{'s' if len(entries) > 1 else ''} of {described}"
