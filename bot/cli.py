"""The command line: `invitewatch <command>`; every command has --help."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.cli_common import Context, beside_code_or_cwd, friendly_errors, json_line
from bot.domain import InvitationState, Status, parse_since
from bot.errors import ConfigError, InvitewatchError
from bot.notify.console import format_table, printable

if TYPE_CHECKING:
    from bot.pipeline import CycleResult


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config-dir", type=click.Path(file_okay=False), envvar="INVITEWATCH_CONFIG_DIR",
              help="Directory with invitewatch.toml, feeds.toml and optionally figures.toml "
                   "(default: ./config when present, else built-in defaults; the figures "
                   "and lexicons ship with the code, figures.toml extends them).")
@click.option("--database", metavar="URL", default=None,
              help="Database URL (overrides DATABASE_URL and the config file).")
@click.version_option(package_name="invitewatch")
@click.pass_context
def main(ctx: click.Context, config_dir: str | None, database: str | None) -> None:
    """invitewatch: follows invitations between public figures in the news."""
    ctx.obj = Context(config_dir, database)


def _setup_logging(ctx: Context) -> None:
    from bot.app import configure_logging
    configure_logging(ctx.config.settings.logging.level)


@main.command()
@click.pass_obj
@friendly_errors
def run(ctx: Context) -> None:
    """Run the bot: poll feeds, track invitations, notify (Discord when DISCORD_TOKEN is
    set, the console otherwise). Stops on Ctrl-C."""
    _setup_logging(ctx)
    app = ctx.app()
    asyncio.run(app.run())


@main.command()
@click.option("--once", is_flag=True, required=True,
              help="Run one cycle and exit (for cron).")
@click.option("--all", "all_feeds", is_flag=True, help="Poll every feed, not only the due ones.")
@click.pass_obj
@friendly_errors
def poll(ctx: Context, once: bool, all_feeds: bool) -> None:
    """Poll the feeds that are due once, deliver notifications, and exit."""
    _setup_logging(ctx)
    app = ctx.app()
    app.sync_config_feeds()

    async def cycle() -> CycleResult:
        only = None
        if all_feeds:
            with app.store.unit() as unit:
                only = [f.url for f in unit.list_feeds() if f.state != "disabled"]
        # Each feed's result is in the log (a warning when it failed); the summary here.
        result = await app.poll_once(only=only)
        click.echo(result.summary(), err=True)
        stats = await app.deliver_once()
        click.echo(f"notifications: {stats}", err=True)
        return result

    result = asyncio.run(cycle())
    # For cron: a cycle in which nothing could be fetched is a failure worth a mail.
    if result.error or (result.feeds and len(result.failed) == len(result.feeds)):
        click.echo("every feed polled failed: no network? (see the warnings above)"
                   if not result.error else "the poll cycle could not run", err=True)
        sys.exit(1)


@main.command()
@click.option("--delay", type=click.FloatRange(0, 10), default=0.0,
              help="Seconds to pause between simulated days.")
@click.pass_obj
@friendly_errors
def demo(ctx: Context, delay: float) -> None:
    """Run the whole pipeline over bundled example feeds that change over simulated days,
    offline, and print the notifications and the final table."""
    from bot.demo import run_demo
    asyncio.run(run_demo(ctx.config, out=sys.stdout, delay=delay))


@main.command()
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


@main.command(name="eval")
@click.option("--stories", is_flag=True, help="Evaluate the tracker on the story corpus.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Corpus directory (default: tests/data/matcher or tests/data/stories).")
@click.option("--shared-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared corpus directory (default: ../shared beside the repository).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--annotation", is_flag=True,
              help="With --stories: use the stories' hand-annotated mentions instead of the "
                   "matcher, to measure the tracker alone.")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default=None,
              help="Half of the real-text gold to score (default: test; dev with --errors).")
@click.option("--errors", is_flag=True, help="List the real-text errors by cause tag.")
@click.option("--real-only", is_flag=True, help="Only the real text, not our own corpus.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal).")
@click.pass_obj
@friendly_errors
def evaluate(ctx: Context, stories: bool, data_dir: Path | None, shared_dir: Path | None,
             as_json: bool, annotation: bool, split: str | None, errors: bool,
             real_only: bool, progress: bool | None) -> None:
    """Measure the matcher (precision, recall, F1, status accuracy per language) or, with
    --stories, the tracker (records, final status, notifications)."""
    from bot.progress import ProgressMatcher, bar, count_feed_entries, count_lines
    show = sys.stderr.isatty() if progress is None else progress
    if stories:
        from bot.app import tracker_policy
        from bot.evaluation.stories_eval import run_stories_eval
        directory = data_dir or beside_code_or_cwd("tests/data/stories")
        # The real-text stories go with the default corpus only (an explicit --data-dir
        # is a corpus of its own); they read their records from the shared corpus.
        real_dir = None if data_dir else directory / "real"
        shared = shared_dir or beside_code_or_cwd("../shared")
        # each story's articles are matched twice: the run, and the transcript
        total = 2 * count_lines(directory.glob("*.jsonl")) if show else None
        with bar(total, "eval --stories", enabled=show and not annotation) as progress_bar:
            matcher = None if annotation else ProgressMatcher(ctx.matcher(), progress_bar)
            code = run_stories_eval(stories_dir=directory, real_dir=real_dir,
                                    corpus_root=shared / "corpus",
                                    out=sys.stdout, as_json=as_json,
                                    annotation=annotation, matcher=matcher,  # type: ignore[arg-type]
                                    policy=tracker_policy(ctx.config.settings))
    else:
        from bot.cli_real import evaluate_matcher
        shared = shared_dir or beside_code_or_cwd("../shared")
        directory = data_dir or beside_code_or_cwd("tests/data/matcher")
        total = None
        if show:
            total = count_lines(directory.glob("*.jsonl"))
            if shared.is_dir():  # the real-text gold's texts are there
                total += count_lines(beside_code_or_cwd("tests/data/real").glob("*.jsonl"))
                total += count_lines([shared / "corpus/events/derived/events_flat.jsonl"])
                total += count_feed_entries(p for p in (shared / "corpus/feeds-real").rglob("*")
                                            if p.is_file())
        with bar(total, "eval", enabled=show) as progress_bar:
            code = evaluate_matcher(ProgressMatcher(ctx.matcher(), progress_bar),  # type: ignore[arg-type]
                                    data_dir=directory, shared_dir=shared, as_json=as_json,
                                    split=split or ("dev" if errors else "test"),
                                    errors=errors, real_only=real_only)
    sys.exit(code)


@main.command()
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


# -- invitations -----------------------------------------------------------------
@main.group()
def invitations() -> None:
    """List and show tracked invitations."""


def invitation_to_json(inv: InvitationState) -> dict[str, Any]:
    """The stable `invitations list --json` contract."""
    return {
        "id": inv.id,
        "inviter": inv.inviter.name,
        "invitee": inv.invitee.name,
        "occasion": inv.occasion.describe(),
        "kind": inv.occasion.kind.value,
        "place": inv.occasion.place,
        "status": inv.status.value,
        "first_seen": inv.first_seen.isoformat(),
        "last_update": inv.last_update.isoformat(),
        "sources": inv.sources,
        "timeline": [
            {"date": e.at.date().isoformat(), "status": e.status.value, "url": e.url,
             "lang": e.lang, "evidence": e.evidence}
            for e in inv.timeline
        ],
    }


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
    store = ctx.store()
    with store.unit() as unit:
        items = unit.list_invitations(InvitationFilter(
            status=[Status(s) for s in status], figure_key=figure_key,
            since=_parse_since(since), limit=limit))
    if as_json:
        click.echo(json.dumps([invitation_to_json(i) for i in items], ensure_ascii=False,
                              indent=2))
        return
    if not items and (status or figure or since):
        click.echo("no invitations match these filters")
        return
    click.echo(format_table(items))


@invitations.command(name="show")
@click.argument("invitation_id", type=click.IntRange(1))
@click.option("--json", "as_json", is_flag=True)
@click.option("--debug", is_flag=True, help="Also show the tracker's traces (reports it "
              "linked to no record because several fitted).")
@click.pass_obj
@friendly_errors
def invitations_show(ctx: Context, invitation_id: int, as_json: bool, debug: bool) -> None:
    """Show one invitation with its timeline (entries numbered for `correct split`)."""
    from bot.cli_corrections import echo_notes
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


# -- feeds -----------------------------------------------------------------------
@main.group()
def feeds() -> None:
    """Manage the feeds polled (config/feeds.toml feeds are added automatically)."""


def _stored_url(ctx: Context, url: str) -> str:
    """The URL as `feeds add` stored it (normalised), or as given if it does not parse."""
    from bot.feeds.urls import validate_feed_url
    try:
        return validate_feed_url(url, allow_private=True)
    except InvitewatchError:
        return url.strip()


@feeds.command(name="remove")
@click.argument("url")
@click.pass_obj
@friendly_errors
def feeds_remove(ctx: Context, url: str) -> None:
    """Remove a feed added by command or from Discord (its articles and invitations stay).
    Feeds listed in config/feeds.toml are removed by editing that file."""
    wanted = _stored_url(ctx, url)
    store = ctx.synced_store()
    with store.unit() as unit:
        record = unit.get_feed(wanted) or unit.get_feed(url.strip())
        if record is not None and record.origin == "config":
            where = ctx.config.config_dir / "feeds.toml" if ctx.config.config_dir else "feeds.toml"
            raise click.ClickException(f"{record.url} is listed in {where}: remove it there "
                                       "(the running bot picks the change up)")
        if record is not None:
            unit.remove_feed(record.url)
            unit.audit(actor="cli", guild_id=None, action="feed_remove",
                       detail={"url": record.url}, now=datetime.now(UTC))
    if record is None:
        raise click.ClickException(f"no such feed: {url} (see `invitewatch feeds list`)")
    click.echo(f"removed: {record.url}")


# -- config and database ---------------------------------------------------------------
@main.group(name="config")
def config_group() -> None:
    """Check the configuration."""


@config_group.command(name="check")
@click.pass_obj
def config_check(ctx: Context) -> None:
    """Validate every configuration file and report all problems at once."""
    problems: list[str] = []
    config = None
    try:
        config = ctx.config
    except ConfigError as exc:
        problems.extend(exc.problems)
    figures_path = config.figures_path if config else None
    if config is None:
        from bot.config import FIGURES_FILE, find_config_dir
        directory = find_config_dir(ctx.config_dir)
        if directory and (directory / FIGURES_FILE).is_file():
            figures_path = directory / FIGURES_FILE
    figures = 0
    try:
        from bot.matcher import Matcher
        figures = len(Matcher.load(overrides=figures_path).gazetteer)
    except ConfigError as exc:
        problems.extend(exc.problems)
    if problems:
        click.echo(f"{len(problems)} problem(s):", err=True)
        for p in problems:
            click.echo(f"  - {p}", err=True)
        sys.exit(2)
    assert config is not None
    where = config.config_dir or "(built-in defaults)"
    click.echo(f"configuration OK: {where}: {len(config.feeds)} feeds, {figures} figures, "
               f"database {config.settings.snapshot()['storage']['database_url']}")


@main.group(name="db")
def db_group() -> None:
    """Database maintenance."""


@db_group.command(name="upgrade")
@click.pass_obj
@friendly_errors
def db_upgrade(ctx: Context) -> None:
    """Apply the database migrations (also done on every start)."""
    from bot.store import current_revision, head_revision, open_store
    store = open_store(ctx.config.settings.database_url(), upgrade=False)
    before = current_revision(store)
    store.upgrade()
    after = current_revision(store)
    click.echo(f"database {store.url}: {before or 'empty'} → {after} (head {head_revision()})")


from bot.cli_corrections import correct  # noqa: E402  (commands in modules of their own)
from bot.cli_explain import explain  # noqa: E402
from bot.cli_feeds import register as register_feed_commands  # noqa: E402
from bot.cli_health import health  # noqa: E402

main.add_command(correct)
main.add_command(health)
main.add_command(explain)
register_feed_commands(feeds)
