"""`invitewatch explain URL|ARTICLE_ID`: why an article was (or was not) posted."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from typing import Any

import click

from bot.cli.common import Context, friendly_errors
from bot.notify.console import printable


@click.command()
@click.argument("query", metavar="URL|ARTICLE_ID")
@click.option("--text", "text_file", type=click.File("r", encoding="utf-8"), default=None,
              help="The article's text from a file ('-' for stdin), instead of reading it "
                   "again from its feed or page.")
@click.option("--server", "server_id", default=None, metavar="ID",
              help="Show only this Discord server's filter decision.")
@click.option("--json", "as_json", is_flag=True, help="The steps as JSON.")
@click.pass_obj
@friendly_errors
def explain(ctx: Context, query: str, text_file: Any, server_id: str | None,
            as_json: bool) -> None:
    """Why was this article posted, or not? Every step with its decision: stored (or the
    duplicate it was), language, figures, cue words, invitations and their confidence
    against the bar, the tracker's decision (new, merged into #n, repeat), each server's
    filter, and the delivery. Reads only; the text is read again from the article's feed
    (or page) because the database does not keep it."""
    from bot.app import fetch_limits, tracker_policy
    from bot.explain_service import explain_query

    query = query.strip()
    if not query:
        raise click.BadParameter("give an article's URL or its number",
                                 param_hint="URL|ARTICLE_ID")
    result = asyncio.run(explain_query(
        query, store=ctx.store(), matcher=ctx.matcher(),
        policy=tracker_policy(ctx.config.settings), limits=fetch_limits(ctx.config.settings),
        now=datetime.now(UTC), server_id=server_id,
        text=text_file.read() if text_file is not None else None))
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    for line in result.lines():
        body = line.lstrip(" ")
        click.echo(line[: len(line) - len(body)] + printable(body, one_line=True))


def register(main: click.Group) -> None:
    main.add_command(explain)
