"""`invitewatch web`: the public, read-only site on its own (`run` serves it too when
[web] enabled is set)."""

from __future__ import annotations

import asyncio
import contextlib
import signal

import click

from bot.cli.common import Context, friendly_errors, setup_logging
from bot.errors import InvitewatchError


def register(main: click.Group) -> None:
    main.add_command(web)


@click.command()
@click.option("--host", help="Address to listen on (default: [web] host, 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535),
              help="Port (default: [web] port, 8080; 0 picks a free one).")
@click.pass_obj
@friendly_errors
def web(ctx: Context, host: str | None, port: int | None) -> None:
    """Serve the public site: invitations with filters and search, a page per invitation
    with its timeline, a page per figure, Atom feeds (/feeds/all.atom) and a JSON API
    (/api/invitations). Read-only; hidden records are not shown. Stops on Ctrl-C."""
    setup_logging(ctx)
    settings = ctx.config.settings.web
    asyncio.run(_serve(ctx, host or settings.host, settings.port if port is None else port))


async def _serve(ctx: Context, host: str, port: int) -> None:
    from bot.web import bound, serve
    app = ctx.app()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    try:
        runner = await serve(app.store, host, port, app.site_options())
    except OSError as exc:
        raise InvitewatchError(f"cannot listen on {host}:{port}: {exc}; choose another "
                               "--port (or [web] port)") from exc
    # The address on stdout, flushed: a script (or a test) starting the site reads it.
    click.echo(f"serving the public site at http://{bound(runner)}/ (Ctrl-C stops)")
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
