"""`invitewatch analyze|replay`: articles from a file through the matcher (and with
replay the tracker), JSON Lines in."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from bot.cli.common import Context, friendly_errors, json_line


def register(main: click.Group) -> None:
    main.add_command(analyze)
    main.add_command(replay)


@click.command()
@click.argument("file", type=click.File("rb"), default="-")
@click.option("--progress/--no-progress", default=None,
              help="Show progress on stderr (default: when stderr is a terminal).")
@click.pass_obj
@friendly_errors
def analyze(ctx: Context, file: Any, progress: bool | None) -> None:
    """Find invitations in articles: JSON Lines in (FILE or stdin), JSON Lines out.

    Input lines: {"id", "text", "title"?, "date"?, "lang"?, "url"?}. Output lines:
    {"id", "lang", "invitations": [{"inviter", "invitee", "occasion", "status",
    "confidence", "evidence"}]}, or {"id", "error"} for a malformed line.
    """
    from bot.analyze import analyze_lines
    from bot.progress import bar
    matcher = ctx.matcher()
    show = sys.stderr.isatty() if progress is None else progress
    out = sys.stdout
    with bar(_lines_ahead(file) if show else None, "analyze", enabled=show) as progress_bar:
        for obj in analyze_lines(file, matcher):
            out.write(json_line(obj) + "\n")
            progress_bar.update(1)
    out.flush()


def _lines_ahead(file: Any) -> int | None:
    """Lines left in a regular file (the bar's total), read then rewound; None for a pipe."""
    try:
        if not file.seekable() or file.name in ("-", "<stdin>"):
            return None
        start = file.tell()
        total = sum(1 for line in file if line.strip())
        file.seek(start)
        return total
    except (OSError, AttributeError, ValueError):
        return None


@click.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--database", "database", metavar="URL", default=None,
              help="Keep the result in this database (default: a temporary SQLite file).")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal).")
@click.pass_obj
@friendly_errors
def replay(ctx: Context, file: Any, database: str | None, progress: bool | None) -> None:
    """Process articles (analyze input format) in date order, the clock set to each
    article's date, and print the notifications they would send."""
    import tempfile

    from bot.app import tracker_policy
    from bot.notify.console import format_notification
    from bot.progress import bar
    from bot.replay import replay as run_replay
    from bot.store import open_store

    articles = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(file, start=1):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
        except ValueError as exc:
            click.echo(f"line {number}: not JSON ({exc}); skipped", err=True)
            continue
        ident = str(article.get("id")) if isinstance(article, dict) else None
        if ident is not None and ident in first_line:
            click.echo(f"line {number}: id {ident!r} was already used on line "
                       f"{first_line[ident]}; skipped as a duplicate", err=True)
            continue
        if ident is not None:
            first_line[ident] = number
        articles.append(article)
    with tempfile.TemporaryDirectory() as tmp:
        url = database or f"sqlite:///{Path(tmp) / 'replay.db'}"
        store = open_store(url)
        show = sys.stderr.isatty() if progress is None else progress
        try:
            with bar(len(articles), "replay", enabled=show) as progress_bar:
                notes = run_replay(articles, store=store, matcher=ctx.matcher(),
                                   policy=tracker_policy(ctx.config.settings),
                                   on_article=lambda: progress_bar.update(1))
        finally:
            store.close()
    for note in notes:
        click.echo(format_notification(note) + "\n")
    click.echo(f"{len(articles)} articles, {len(notes)} notifications", err=True)
