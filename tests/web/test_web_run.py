"""The site served by `invitewatch run` (with [web] enabled) in the bot's own loop, and by
`invitewatch web` as a process; its settings checked with messages naming the key."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.app import App
from bot.config import load_config
from bot.errors import ConfigError
from tests.support.builders import store_invitation


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_config(tmp_path: Path, web: str) -> Path:
    directory = tmp_path / "config"
    directory.mkdir(exist_ok=True)
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[monitoring]\naddress = ""\n'
        f"[web]\n{web}\n", encoding="utf-8")
    (directory / "feeds.toml").write_text("feeds = []\n", encoding="utf-8")
    return directory


async def fetch(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def test_run_serves_the_site_when_enabled(tmp_path: Path) -> None:
    port = free_port()
    config = write_config(tmp_path, f'enabled = true\nport = {port}\n'
                                    'public_base_url = "https://iw.example"')
    app = App(load_config(config, env={}))
    store_invitation(app.store)
    stop = asyncio.Event()
    task = asyncio.create_task(app.run(stop=stop))
    try:
        for _ in range(100):
            await asyncio.sleep(0.05)
            try:
                status, body = await fetch(f"http://127.0.0.1:{port}/?figure=Putin")
                break
            except aiohttp.ClientConnectionError:
                continue
        assert status == 200
        assert 'href="/invitations/1"' in body  # "Putin" resolved through the gazetteer
        status, feed = await fetch(f"http://127.0.0.1:{port}/feeds/all.atom")
        assert 'href="https://iw.example/feeds/all.atom"' in feed
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)
        app.store.close()
    with pytest.raises(aiohttp.ClientConnectionError):  # stopped with the bot
        await fetch(f"http://127.0.0.1:{port}/")


async def test_run_goes_on_without_the_site_when_its_port_is_taken(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        app = App(load_config(write_config(tmp_path, f"enabled = true\nport = {port}"), env={}))
        stop = asyncio.Event()
        with caplog.at_level(logging.ERROR):
            task = asyncio.create_task(app.run(stop=stop))
            await asyncio.sleep(1.0)
            assert not task.done()
            stop.set()
            await asyncio.wait_for(task, timeout=10)
        app.store.close()
    assert f"cannot serve the public site on 127.0.0.1:{port}" in caplog.text


@pytest.mark.parametrize(("web", "message"), [
    ('public_base_url = "ftp://x.example"', "web.public_base_url: Value error, must be an http(s)://"),
    ('public_base_url = "https://x.example/?a=1"', "web.public_base_url"),
    ("port = 70000", "web.port"),
    ("colour = 1", "web.colour: unknown key"),
])
def test_bad_web_settings_name_the_key(tmp_path: Path, web: str, message: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(write_config(tmp_path, web), env={})
    assert any(message in p for p in raised.value.problems), raised.value.problems


def test_the_environment_sets_the_site(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, ""), env={
        "INVITEWATCH_WEB_ENABLED": "1", "INVITEWATCH_WEB_PORT": "8181",
        "INVITEWATCH_PUBLIC_BASE_URL": "https://iw.example/sub/"})
    web = config.settings.web
    assert (web.enabled, web.port, web.public_base_url) == (True, 8181, "https://iw.example/sub")


def test_invitewatch_web_serves_until_interrupted(tmp_path: Path, repo_root: Path) -> None:
    config = write_config(tmp_path, "")
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--config-dir", str(config), "web", "--port", "0"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("serving the public site at http://127.0.0.1:"), (
            line, process.stderr.read() if process.poll() is not None else "")
        address = line.split()[5]
        status, body = asyncio.run(fetch(address))
        assert status == 200 and "No invitation matches these filters." in body
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
