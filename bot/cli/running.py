"""`invitewatch run|poll|demo`: the bot itself, one cycle of it, and the offline demo."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

import click

from bot.cli.common import Context, friendly_errors, setup_logging

if TYPE_CHECKING:
    from bot.pipeline import CycleResult


def register(main: click.Group) -> None:
    for command in (run, poll, demo):
        main.add_command(command)


@click.command()
@click.option("--role", type=click.Choice(["all", "poll", "deliver", "discord"]),
              default="all", show_default=True, envvar="INVITEWATCH_ROLE",
              help="What this process does when several share one PostgreSQL: poll feeds, "
                   "deliver notifications, run the Discord gateway (commands), or all.")
@click.option("--shard-ids", metavar="0,1",
              help="The Discord gateway shards this process runs (with --shard-count); "
                   "also DISCORD_SHARD_IDS.")
@click.option("--shard-count", type=click.IntRange(1), metavar="N",
              help="The number of gateway shards in all; also DISCORD_SHARD_COUNT.")
@click.pass_obj
@friendly_errors
def run(ctx: Context, role: str, shard_ids: str | None, shard_count: int | None) -> None:
    """Run the bot: poll feeds, track invitations, notify (Discord when DISCORD_TOKEN is
    set, the console otherwise). Stops on Ctrl-C. See the README's "Scale-out" for
    running it as several processes (roles) on one PostgreSQL."""
    if shard_ids is not None:
        ctx.env_overrides["DISCORD_SHARD_IDS"] = shard_ids
    if shard_count is not None:
        ctx.env_overrides["DISCORD_SHARD_COUNT"] = str(shard_count)
    setup_logging(ctx)
    # Migrated by a child, so that this long-running process never imports Alembic.
    from bot.store.upgrade_process import upgrade_out_of_process
    upgrade_out_of_process(ctx.config.settings.database_url())
    app = ctx.app()
    asyncio.run(app.run(role=role))


@click.command()
@click.option("--once", is_flag=True, required=True,
              help="Run one cycle and exit (for cron).")
@click.option("--all", "all_feeds", is_flag=True, help="Poll every feed, not only the due ones.")
@click.pass_obj
@friendly_errors
def poll(ctx: Context, once: bool, all_feeds: bool) -> None:
    """Poll the feeds that are due once, deliver notifications, and exit."""
    setup_logging(ctx)
    app = ctx.app()
    app.sync_config_feeds()

    async def cycle() -> CycleResult:
        only = None
        if all_feeds:
            with app.store.unit() as unit:
                only = [f.url for f in unit.list_feeds() if f.state != "disabled"]
        # Each feed's result is in the log (a warning when it failed); the summary here.
        try:
            result = await app.poll_once(only=only)
        finally:
            app.poller.close()  # the worker processes, if any
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


@click.command()
@click.option("--delay", type=click.FloatRange(0, 10), default=0.0,
              help="Seconds to pause between simulated days.")
@click.pass_obj
@friendly_errors
def demo(ctx: Context, delay: float) -> None:
    """Run the whole pipeline over bundled example feeds that change over simulated days,
    offline, and print the notifications and the final table."""
    from bot.demo import run_demo
    asyncio.run(run_demo(ctx.config, out=sys.stdout, delay=delay))
