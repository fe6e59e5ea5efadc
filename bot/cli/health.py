"""`invitewatch health`: is the running bot doing its job? For people and container
health checks (exit status 0 healthy, 1 not)."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click

from bot.errors import ConfigError, StoreError


@click.command()
@click.option("--max-age", type=click.IntRange(1), default=1800, show_default=True,
              help="Seconds since the running bot last reported before it counts as not "
                   "running (it reports every 15 s).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
def health(ctx: Any, max_age: int, as_json: bool) -> None:
    """Report whether the running bot can do its job: database reachable, the bot
    reporting, feeds fetched (last success, share of due feeds failing), the Discord
    gateway when a token is set, the oldest undelivered notification. Exit 0 when
    healthy, 1 when not (for container health checks)."""
    from bot.health import assess, read_run_state
    from bot.monitor import health_policy
    from bot.store import open_store
    from bot.store.health_queries import store_facts

    try:
        settings = ctx.config.settings
    except ConfigError as exc:
        click.echo("unhealthy: configuration error: " + "; ".join(exc.problems), err=True)
        sys.exit(1)
    run, run_problem = read_run_state(Path(settings.storage.data_dir).expanduser())
    facts = db_problem = None
    try:
        # upgrade=False: a health check must never migrate (or lock) the database
        store = open_store(settings.database_url(), upgrade=False)
        try:
            if store.dialect == "sqlite" and not Path(store.location).exists():
                # (connecting would create an empty file)
                db_problem = f"no database at {store.location}: has the bot run here yet?"
            else:
                facts = store_facts(store, run.consumers if run else ())
        finally:
            store.close()
    except StoreError as exc:
        db_problem = str(exc)
    report = assess(datetime.now(UTC), run, facts,
                    policy=health_policy(settings, timedelta(seconds=max_age)),
                    run_problem=run_problem, db_problem=db_problem)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        lines = report.lines()
        click.echo(lines[0], err=not report.healthy)
        for line in lines[1:]:
            click.echo(line, err=not report.healthy)
    sys.exit(0 if report.healthy else 1)


def register(main: click.Group) -> None:
    main.add_command(health)
