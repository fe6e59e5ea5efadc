"""The root of the command line: the `invitewatch` group and its global options. The
subjects' commands live in the modules beside this one and are added in `bot/cli/__init__.py`."""

from __future__ import annotations

import click

from bot.cli.common import Context


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
