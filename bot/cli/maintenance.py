"""`invitewatch config check` and `invitewatch db upgrade`: the configuration and the
database schema."""

from __future__ import annotations

import sys

import click

from bot.cli.common import Context, friendly_errors
from bot.errors import ConfigError


def register(main: click.Group) -> None:
    main.add_command(config_group)
    main.add_command(db_group)


@click.group(name="config")
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
    try:
        # What loading cannot refuse: a title two figures hold on the same day.
        from bot.matcher.figures_source import check_figures
        problems.extend(check_figures(figures_path))
    except ConfigError:
        pass  # an unreadable file: loading above already reported it
    if problems:
        click.echo(f"{len(problems)} problem(s):", err=True)
        for p in problems:
            click.echo(f"  - {p}", err=True)
        sys.exit(2)
    assert config is not None
    where = config.config_dir or "(built-in defaults)"
    click.echo(f"configuration OK: {where}: {len(config.feeds)} feeds, {figures} figures, "
               f"database {config.settings.snapshot()['storage']['database_url']}")


@click.group(name="db")
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
