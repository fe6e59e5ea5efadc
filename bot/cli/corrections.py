"""`invitewatch correct ...`: an editor's corrections of the tracked records, and the
editorial part of `invitations show` (notes, and with --debug the tracker's traces)."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from typing import Any

import click

from bot.cli.common import Context, friendly_errors
from bot.domain import Status
from bot.notify.console import printable

_NOTE = click.option("--note", required=True,
                     help="Why (kept in the record's timeline and the audit log).")
_BY = click.option("--by", "editor", default=None,
                   help="Who makes the correction (default: the login name).")


def _actor(editor: str | None) -> str:
    try:
        name = editor or getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        name = "unknown"
    return "cli:" + " ".join(name.split())


def _run(ctx: Context, change: Any) -> None:
    """Run one correction in one transaction and print its summary. `change(unit, now,
    retry)`: `retry` tries the reports waiting for a record of the corrected records'
    figures, with the host's tracker policy (`pipeline.retry_waiting`)."""
    from bot.app import tracker_policy
    from bot.pipeline import retry_waiting
    policy = tracker_policy(ctx.config.settings)
    store = ctx.store()
    with store.unit() as unit:
        result = change(unit, datetime.now(UTC), lambda u, figures, now: retry_waiting(
            u, figures, now=now, policy=policy))
    click.echo(printable(result.message, one_line=True))
    if result.notifications:
        click.echo(f"{result.notifications} announcement(s) queued")


@click.group(name="correct")
def correct() -> None:
    """Correct tracked records by hand: merge, split, set a status, hide. Every correction
    is audited, shown in the record's timeline, and announced like any status change."""


@correct.command(name="merge")
@click.argument("keep_id", type=click.IntRange(1))
@click.argument("other_id", type=click.IntRange(1))
@_NOTE
@_BY
@click.pass_obj
@friendly_errors
def merge_command(ctx: Context, keep_id: int, other_id: int, note: str,
                  editor: str | None) -> None:
    """Fold record OTHER_ID into KEEP_ID (every entry and source kept; OTHER_ID is gone)."""
    from bot.corrections import merge_records
    _run(ctx, lambda unit, now, retry: merge_records(
        unit, keep_id, other_id, actor=_actor(editor), note=note, now=now, retry=retry))


@correct.command(name="split")
@click.argument("invitation_id", type=click.IntRange(1))
@click.argument("entry", type=click.IntRange(1))
@_NOTE
@_BY
@click.pass_obj
@friendly_errors
def split_command(ctx: Context, invitation_id: int, entry: int, note: str,
                  editor: str | None) -> None:
    """Take timeline entry ENTRY (numbered as `invitations show` numbers them) off into a
    record of its own."""
    from bot.corrections import split_entry
    _run(ctx, lambda unit, now, retry: split_entry(
        unit, invitation_id, entry, actor=_actor(editor), note=note, now=now, retry=retry))


@correct.command(name="status")
@click.argument("invitation_id", type=click.IntRange(1))
@click.argument("status", type=click.Choice([s.value for s in Status]))
@_NOTE
@_BY
@click.pass_obj
@friendly_errors
def status_command(ctx: Context, invitation_id: int, status: str, note: str,
                   editor: str | None) -> None:
    """Set the record's status (an editorial entry that later reports of the same evidence
    do not overturn)."""
    from bot.corrections import set_record_status
    _run(ctx, lambda unit, now, retry: set_record_status(
        unit, invitation_id, Status(status), actor=_actor(editor), note=note, now=now,
        retry=retry))


@correct.command(name="hide")
@click.argument("invitation_id", type=click.IntRange(1))
@_NOTE
@_BY
@click.option("--undo", is_flag=True, help="Show a hidden record again.")
@click.pass_obj
@friendly_errors
def hide_command(ctx: Context, invitation_id: int, note: str, editor: str | None,
                 undo: bool) -> None:
    """Hide a false record from lists and announcements (it keeps absorbing its echoes)."""
    from bot.corrections import hide_record
    _run(ctx, lambda unit, now, retry: hide_record(
        unit, invitation_id, actor=_actor(editor), note=note, now=now, hidden=not undo,
        retry=retry))


def echo_notes(unit: Any, invitation_id: int, *, debug: bool) -> None:
    """The record's editorial notes (and with `debug` the tracker's traces), for `show`."""
    for note in unit.notes(invitation_id, traces=debug):
        label = "editorial" if note.kind == "editorial" else "debug"
        click.echo(printable(f"  {note.at.date()}  [{label}] {note.action} by {note.actor}: "
                             f"{note.text}", one_line=True))


def register(main: click.Group) -> None:
    main.add_command(correct)
