"""`run` serves /healthz and /metrics, writes its status and says so when every feed fails."""

from __future__ import annotations

import asyncio
import logging
import re
import socket
from pathlib import Path

import aiohttp
import pytest

from bot.app import App
from bot.config import load_config
from bot.health import RunState


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_run_serves_health_and_metrics_and_hints_when_every_feed_fails(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n'
        "[polling]\nallow_private_addresses = true\nconnect_timeout_seconds = 1\n"
        '[monitoring]\naddress = "127.0.0.1:0"\n', encoding="utf-8")
    (config_dir / "feeds.toml").write_text(
        f'[[feeds]]\nurl = "http://127.0.0.1:{closed_port()}/a.xml"\n', encoding="utf-8")
    app = App(load_config(config_dir, env={}))
    stop = asyncio.Event()
    try:
        with caplog.at_level(logging.INFO):
            task = asyncio.create_task(app.run(stop=stop))
            for _ in range(100):
                await asyncio.sleep(0.1)
                if "every due feed failed" in caplog.text:
                    break
            found = re.search(r"health and metrics at http://([\d.]+:\d+)/healthz", caplog.text)
            assert found, caplog.text[-2000:]
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://{found.group(1)}/healthz") as resp:
                    body = await resp.json()
                    # failing for less than the window: still healthy, but it says so
                    assert resp.status == 200, body
                async with http.get(f"http://{found.group(1)}/metrics") as resp:
                    metrics = await resp.text()
            stop.set()
            await asyncio.wait_for(task, timeout=10)
    finally:
        app.store.close()
    assert "every due feed failed (1 of 1)" in caplog.text and "next retry at" in caplog.text
    assert body["checks"]["feeds"]["ok"] and "1 of 1 due feeds failed" in \
        body["checks"]["feeds"]["detail"]
    assert body["due_feeds_failed"] == 1.0 and body["gateway"] == "not configured"
    assert 'invitewatch_feed_polls_total{outcome="failed"} 1.0' in metrics
    status = RunState.from_json((tmp_path / "data" / "status.json").read_text("utf-8"))
    assert status.last_cycle_failed == 1 and status.all_failing_since is not None
    assert status.consumers == ("console",)
