"""`invitewatch invitations list|show`: the tracked invitations."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

import click

from bot.cli.common import Context, friendly_errors
from bot.domain import InvitationState, Status, parse_since
from bot.notify.console import format_table, printable
from bot.records import invitation_to_json


def register(main: click.Group) -> None:
    main.add_command(invitations)


@click.group()
def invitations() -> None:
    """List and show tracked invitations."""


def _parse_since(value: str | None) -> datetime | None:
    try:
        return parse_since(value, datetime.now(UTC))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from exc


@invitations.command(name="list")
@click.option("--status", type=click.Choice([s.value for s in Status]), multiple=True,
              help="Only these statuses (repeatable).")
@click.option("--figure", help="Only invitations involving this figure (name or alias).")
@click.option("--since", help='Updated since YYYY-MM-DD or e.g. "30d".')
@click.option("--limit", type=click.IntRange(1, 100_000), default=1000, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (stable format).")
@click.pass_obj
@friendly_errors
def invitations_list(ctx: Context, status: tuple[str, ...], figure: str | None,
                     since: str | None, limit: int, as_json: bool) -> None:
    """List invitations, most recently updated first."""
    from bot.store.api import InvitationFilter
    figure_key = None
    if figure:
        party = ctx.matcher().gazetteer.resolve(figure)
        figure_key = party.key if party else "name:" + " ".join(figure.casefold().split())
    flt = InvitationFilter(status=[Status(s) for s in status], figure_key=figure_key,
                           since=_parse_since(since), limit=limit)
    store = ctx.store()
    # One snapshot for the whole stream, and no write lock held while the reader of the
    # output (a pipe, a terminal) takes its time.
    with store.unit(read_only=True) as unit:
        if as_json:
            write_json_array((invitation_to_json(i) for i in unit.iter_invitations(flt)),
                             lambda text: click.echo(text, nl=False))
            return
        items = unit.list_invitations(flt)
    if not items and (status or figure or since):
        click.echo("no invitations match these filters")
        return
    click.echo(format_table(items))


def write_json_array(items: Iterable[dict[str, Any]], write: Callable[[str], object]) -> None:
    """What `json.dumps(list(items), indent=2, ensure_ascii=False)` and a newline would
    print, character for character, written as the items come (click.echo flushes): the
    first row is out before the last is read."""
    write("[")
    count = 0
    for item in items:
        # An item dumped inside a one-item list is indented exactly as in the whole list.
        body = json.dumps([item], ensure_ascii=False, indent=2)[1:-2]
        write(("," if count else "") + body)
        count += 1
    write("\n]\n" if count else "]\n")


@invitations.command(name="show")
@click.argument("invitation_id", type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True)
@click.option("--debug", is_flag=True, help="Also show the tracker's traces (reports it "
              "linked to no record because several fitted).")
@click.pass_obj
@friendly_errors
def invitations_show(ctx: Context, invitation_id: int, as_json: bool, debug: bool) -> None:
    """Show one invitation with its timeline (entries numbered for `correct split`)."""
    from bot.cli.corrections import echo_notes
    inv = None
    if invitation_id < 2**63:  # larger ids cannot exist in either database
        store = ctx.store()
        with store.unit() as unit:
            inv = unit.get_invitation(invitation_id)
            if inv is not None and not as_json:
                echo_timeline(inv)
                echo_notes(unit, invitation_id, debug=debug)
                return
    if inv is None:
        raise click.ClickException(f"no invitation #{invitation_id}; see `invitewatch "
                                   "invitations list`")
    click.echo(json.dumps(invitation_to_json(inv), ensure_ascii=False, indent=2))


def echo_timeline(inv: InvitationState) -> None:
    click.echo(printable(f"#{inv.id} {inv.inviter.name} → {inv.invitee.name}: "
                         f"{inv.occasion.describe()}", one_line=True))
    click.echo(f"status: {inv.status.value}{' (quiet)' if inv.quiet else ''}"
               f"{' (hidden as false)' if inv.hidden else ''}; first seen "
               f"{inv.first_seen.date()}, last update {inv.last_update.date()}")
    for n, e in enumerate(inv.timeline, start=1):
        mark = " [editorial]" if e.editorial else ""
        click.echo(printable(f"  {n}. {e.at.date()}  {e.status.value:<10} [{e.lang}]{mark} "
                             f"{e.outlet or ''} {e.url or ''}", one_line=True))
        if e.evidence:
            click.echo("      “" + printable(e.evidence[:200], one_line=True) + "”")
