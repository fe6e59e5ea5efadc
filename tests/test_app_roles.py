"""`run --role`: which jobs a process runs when several share one database."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bot.app import App
from bot.config import load_config
from bot.errors import InvitewatchError


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[monitoring]\naddress = ""\n',
        encoding="utf-8")
    (directory / "feeds.toml").write_text("", encoding="utf-8")
    return directory


async def jobs_of(app: App, role: str) -> set[str]:
    """The scheduler jobs `role` starts (read from the running scheduler, then stopped)."""
    seen: dict[str, Any] = {}
    original = app._scheduler

    def spy(*args: Any, **kwargs: Any) -> Any:
        scheduler = original(*args, **kwargs)
        seen["scheduler"] = scheduler
        return scheduler

    app._scheduler = spy  # type: ignore[method-assign]
    stop = asyncio.Event()
    task = asyncio.create_task(app.run(stop=stop, role=role))
    for _ in range(100):
        await asyncio.sleep(0.05)
        if "scheduler" in seen:
            break
    jobs = {job.id for job in seen["scheduler"].get_jobs()}
    stop.set()
    await asyncio.wait_for(task, 10)
    return jobs


@pytest.mark.parametrize(("role", "expected"), [
    ("all", {"poll", "deliver", "watch_config", "sweep", "leader"}),
    ("poll", {"poll", "watch_config", "sweep", "leader"}),
    ("deliver", {"deliver", "watch_config", "sweep", "leader"}),
])
async def test_each_role_runs_its_own_jobs(config_dir: Path, role: str,
                                           expected: set[str]) -> None:
    app = App(load_config(config_dir, env={}))
    try:
        assert await jobs_of(app, role) == expected
    finally:
        app.store.close()


async def test_an_unknown_role_or_a_gateway_without_token_is_refused(config_dir: Path) -> None:
    app = App(load_config(config_dir, env={}))
    try:
        with pytest.raises(InvitewatchError, match="unknown role 'everything'"):
            await app.run(role="everything")
        with pytest.raises(InvitewatchError, match="set DISCORD_TOKEN"):
            await app.run(role="discord")
    finally:
        app.store.close()


def test_shard_settings_from_the_environment_are_checked(config_dir: Path) -> None:
    config = load_config(config_dir, env={"DISCORD_SHARD_IDS": "1, 3",
                                          "DISCORD_SHARD_COUNT": "4"})
    assert (config.settings.discord.shard_ids, config.settings.discord.shard_count) == ([1, 3], 4)
    for env, message in [({"DISCORD_SHARD_IDS": "0,4", "DISCORD_SHARD_COUNT": "4"},
                          "shard ids must be 0 to shard_count-1"),
                         ({"DISCORD_SHARD_IDS": "0"}, "needs shard_count"),
                         ({"DISCORD_SHARD_IDS": "a"}, "whole numbers")]:
        with pytest.raises(InvitewatchError, match=message):
            load_config(config_dir, env=env)
