"""`poll --once` is for cron: a cycle in which every feed failed exits non-zero."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from aiohttp import web
from click.testing import CliRunner

from bot.cli import main

RSS = ("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><guid>1</guid>"
       "<title>Quiet day</title><description>Nothing happened.</description></item>"
       "</channel></rss>")


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def configure(tmp_path: Path, *urls: str) -> Path:
    config_dir = tmp_path / "config"
    config_dir.mkdir(exist_ok=True)
    (config_dir / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[polling]\nallow_private_addresses = '
        'true\nconnect_timeout_seconds = 1\n[logging]\nlevel = "WARNING"\n', encoding="utf-8")
    (config_dir / "feeds.toml").write_text(
        "".join(f'[[feeds]]\nurl = "{u}"\n' for u in urls), encoding="utf-8")
    return config_dir


def test_poll_once_fails_when_every_feed_failed(tmp_path: Path) -> None:
    config_dir = configure(tmp_path, f"http://127.0.0.1:{closed_port()}/a.xml",
                           f"http://127.0.0.1:{closed_port()}/b.xml")
    result = CliRunner().invoke(main, ["--config-dir", str(config_dir), "poll", "--once",
                                       "--all"])
    assert result.exit_code == 1, result.output
    assert "2 feeds polled, 2 failed" in result.output
    assert "no network?" in result.output


async def test_poll_once_succeeds_when_one_feed_answers(tmp_path: Path) -> None:
    app = web.Application()

    async def feed(_request: web.Request) -> web.Response:
        return web.Response(text=RSS, content_type="application/rss+xml")

    app.router.add_get("/ok.xml", feed)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        config_dir = configure(tmp_path, f"http://127.0.0.1:{port}/ok.xml",
                               f"http://127.0.0.1:{closed_port()}/b.xml")
        result = await asyncio.to_thread(CliRunner().invoke, main, [
            "--config-dir", str(config_dir), "poll", "--once", "--all"])
    finally:
        await runner.cleanup()
    assert result.exit_code == 0, result.output
    assert "2 feeds polled, 1 failed" in result.output
