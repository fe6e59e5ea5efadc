"""Human corrections of the tracked records, shared by the command line and Discord.

Each function runs inside one store transaction (`unit`): it reads the records, lets the
pure tracker (`bot.tracker.corrections`) decide the new states, saves them with their
notifications through the outbox, notes the correction in the record's timeline (an
editorial entry or note) and writes the audit log. Bad requests raise `CorrectionError`
with a clear message and change nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.domain import InvitationState, Source, Status, TrackOutcome
from bot.store.api import NOTE_EDITORIAL, InvitationNote, Unit
from bot.tracker import corrections as rules
from bot.tracker.corrections import CorrectionError

__all__ = ["CorrectionError", "CorrectionResult", "RetryWaiting", "hide_record",
           "merge_records", "set_record_status", "split_entry"]

# Tries the reports waiting for a record of these figures (`pipeline.retry_waiting`, with
# the host's tracker policy): a corrected record may be one they now fit. How many joined.
RetryWaiting = Callable[[Unit, Sequence[str], datetime], int]


@dataclass(frozen=True, slots=True)
class CorrectionResult:
    invitation_id: int  # the record the correction leaves in place (the kept one for a merge)
    message: str  # one line for the editor
    notifications: int  # how many announcements were queued
    new_id: int | None = None  # the record a split created
    joined: int = 0  # waiting reports that joined a record after the correction


def merge_records(unit: Unit, keep_id: int, other_id: int, *, actor: str, note: str,
                  now: datetime, guild_id: str | None = None,
                  retry: RetryWaiting | None = None) -> CorrectionResult:
    """Fold record `other_id` into `keep_id`: every timeline entry, source, note and
    announcement moves; `other_id` is gone. The kept record's figures stay, so records
    with one figure in common may be merged (a misspelled name made a second inviter);
    records with none are refused."""
    if keep_id == other_id:
        raise CorrectionError(f"cannot merge record #{keep_id} with itself")
    keep, other = _get(unit, keep_id), _get(unit, other_id)
    if not {keep.inviter.key, keep.invitee.key} & {other.inviter.key, other.invitee.key}:
        raise CorrectionError(
            f"records #{keep_id} ({_pair(keep)}) and #{other_id} ({_pair(other)}) have no "
            "figure in common: they cannot be one invitation")
    outcome = rules.merge(keep, other, now)
    unit.absorb_invitation(keep_id, other_id)
    _save(unit, outcome, actor, now)
    detail = {"merged": other_id, "from_status": other.status.value}
    text = f"merged record #{other_id} into this one" + _because(note)
    _record(unit, keep_id, "merge", actor, text, detail, now, guild_id)
    return _retried(CorrectionResult(keep_id, f"#{other_id} merged into #{keep_id}: now "
                                     f"{outcome.invitation.status.value}, "
                                     f"{len(outcome.invitation.timeline)} timeline entries",
                                     len(outcome.notifications)),
                    unit, retry, [keep, other], now)


def split_entry(unit: Unit, invitation_id: int, position: int, *, actor: str, note: str,
                now: datetime, guild_id: str | None = None,
                retry: RetryWaiting | None = None) -> CorrectionResult:
    """Take timeline entry `position` (1-based, as `invitations show` numbers them) off
    into a new record of the same two figures."""
    invitation = _get(unit, invitation_id)
    remaining, opened = rules.split(invitation, position, now)
    assert opened.entry is not None
    taken = opened.entry
    # The new record is saved without its entry, then the stored entry row moves to it,
    # so it keeps its link to the article it came from.
    empty = replace(opened, invitation=replace(opened.invitation, timeline=[]), entry=None)
    if invitation.hidden:
        empty = replace(empty, notifications=())
    new_id = unit.save_outcome(empty, _editor_source(actor, now))
    unit.move_entry(invitation_id, taken, new_id)
    _save(unit, remaining, actor, now)
    text = f"timeline entry {position} split off into record #{new_id}" + _because(note)
    _record(unit, invitation_id, "split", actor, text,
            {"entry": position, "new": new_id, "url": taken.url}, now, guild_id)
    _record(unit, new_id, "split", actor, f"split off from record #{invitation_id}"
            + _because(note), {"from": invitation_id}, now, None, audit=False)
    return _retried(CorrectionResult(invitation_id, f"entry {position} of #{invitation_id} "
                                     f"is now record #{new_id} "
                                     f"({opened.invitation.status.value}); #{invitation_id} "
                                     f"is {remaining.invitation.status.value}",
                                     len(remaining.notifications) + len(empty.notifications),
                                     new_id),
                    unit, retry, [invitation], now)


def set_record_status(unit: Unit, invitation_id: int, status: Status, *, actor: str,
                      note: str, now: datetime, guild_id: str | None = None,
                      retry: RetryWaiting | None = None) -> CorrectionResult:
    """An editorial entry setting the status (with the note as its evidence): it holds
    against the evidence it corrects, and is announced when the status changes."""
    invitation = _get(unit, invitation_id)
    outcome = rules.set_status(invitation, status, note, actor, now)
    _save(unit, outcome, actor, now)
    unit.audit(actor=actor, guild_id=guild_id, action="correction.set_status",
               detail={"invitation": invitation_id, "status": status.value,
                       "from_status": invitation.status.value, "note": note}, now=now)
    return _retried(CorrectionResult(invitation_id, f"#{invitation_id} set to {status.value}"
                                     + ("" if outcome.status_changed else " (unchanged)"),
                                     len(outcome.notifications)),
                    unit, retry, [invitation] if outcome.status_changed else [], now)


def hide_record(unit: Unit, invitation_id: int, *, actor: str, note: str, now: datetime,
                guild_id: str | None = None, hidden: bool = True,
                retry: RetryWaiting | None = None) -> CorrectionResult:
    """Hide a false record from lists and announcements (or show it again). It stays in
    the store and keeps absorbing later reports of the same news, silently. The servers
    are told, like a status change: a retraction (HIDDEN, with the note), or, shown again,
    the record afresh."""
    invitation = _get(unit, invitation_id)
    if not note.strip():
        raise CorrectionError("hiding a record needs a note saying why")
    if invitation.hidden == hidden:
        state = "hidden" if hidden else "shown"
        return CorrectionResult(invitation_id, f"#{invitation_id} is already {state}", 0)
    action = "hide" if hidden else "unhide"
    text = ("hidden as a false record" if hidden else "shown again") + _because(note)
    # The announcement goes out even though the record is now hidden (_save would drop it).
    outcome = rules.hide(invitation, hidden, " ".join(note.split()), actor, now)
    unit.set_hidden(invitation_id, hidden)
    unit.save_outcome(outcome, _editor_source(actor, now))
    _record(unit, invitation_id, action, actor, text, {}, now, guild_id)
    # Hidden, a record is no rival to the others a waiting report fitted alike.
    return _retried(CorrectionResult(invitation_id, f"#{invitation_id} {text}",
                                     len(outcome.notifications)),
                    unit, retry, [invitation], now)


def _retried(result: CorrectionResult, unit: Unit, retry: RetryWaiting | None,
             touched: Sequence[InvitationState], now: datetime) -> CorrectionResult:
    """`result` after the reports waiting for a record of the corrected records' figures
    were tried again (`retry`; none when None or nothing changed)."""
    figures: list[str] = []
    for state in touched:
        figures += [k for k in (state.inviter.key, state.invitee.key) if k not in figures]
    if retry is None or not figures:
        return result
    joined = retry(unit, figures, now)
    if not joined:
        return result
    return replace(result, joined=joined,
                   message=f"{result.message}; {joined} waiting report(s) joined")


def _get(unit: Unit, invitation_id: int) -> InvitationState:
    found = unit.get_invitation(invitation_id)
    if found is None:
        raise CorrectionError(f"there is no record #{invitation_id}")
    return found


def _pair(invitation: InvitationState) -> str:
    return f"{invitation.inviter.name} → {invitation.invitee.name}"


def _because(note: str) -> str:
    note = " ".join(note.split())
    return f": {note}" if note else ""


def _editor_source(actor: str, now: datetime) -> Source:
    return Source(url=None, outlet=f"editor: {actor}", lang="", published=now)


def _save(unit: Unit, outcome: TrackOutcome, actor: str, now: datetime) -> None:
    if outcome.invitation.hidden:
        outcome = replace(outcome, notifications=())
    unit.save_outcome(outcome, _editor_source(actor, now))


def _record(unit: Unit, invitation_id: int, action: str, actor: str, text: str,
            detail: dict[str, Any], now: datetime, guild_id: str | None, *,
            audit: bool = True) -> None:
    unit.add_note(InvitationNote(invitation_id=invitation_id, kind=NOTE_EDITORIAL,
                                 action=action, actor=actor, text=text, at=now, detail=detail))
    if audit:
        unit.audit(actor=actor, guild_id=guild_id, action=f"correction.{action}",
                   detail={"invitation": invitation_id, "text": text, **detail}, now=now)
