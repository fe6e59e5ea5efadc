"""`run --role discord` and `run --role deliver` as processes against the fake Discord: the
gateway process connects with its shard only and polls nothing; the deliverer posts the
queued notification over REST without opening a gateway connection."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.store import open_store
from bot.store.api import GuildSettings
from tests.support.builders import notification, store_invitation
from tests.support.fake_discord import FakeDiscord
from tests.support.sandbox import USER_ENV, Sandbox

pytestmark = pytest.mark.slow  # the real bot as processes

REPO = Path(__file__).resolve().parents[2]


async def start(sandbox: Sandbox, fake: FakeDiscord, *args: str
                ) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if k not in USER_ENV}
    env.update(INVITEWATCH_DATA_DIR=str(sandbox.data_dir), INVITEWATCH_LOG_LEVEL="INFO",
               DISCORD_TOKEN=fake.token, DISCORD_API_BASE=fake.api_base,
               DISCORD_GATEWAY_URL=fake.gateway_url, INVITEWATCH_MONITORING_ADDRESS="",
               PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config-dir", str(sandbox.config_dir), "run", *args,
        cwd=sandbox.root, env=env, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)


async def stop(process: asyncio.subprocess.Process) -> str:
    process.send_signal(signal.SIGINT)
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), 60)
    except TimeoutError:
        process.kill()
        _, stderr = await process.communicate()
    return stderr.decode(errors="replace")


async def test_a_sharded_gateway_and_a_rest_deliverer(sandbox: Sandbox) -> None:
    database = f"sqlite:///{sandbox.data_dir / 'invitewatch.db'}"
    async with FakeDiscord() as fake:
        guild = fake.add_guild("Newsroom", channel_names=("news",))
        channel = guild.channels[0]["id"]
        with open_store(database) as store:
            invitation = store_invitation(store)
            with store.unit() as unit:
                unit.save_guild_settings(GuildSettings(guild.id, channel_ids=[channel]))
                unit.enqueue(notification(invitation_id=invitation), datetime.now(UTC))
        gateway = await start(sandbox, fake, "--role", "discord", "--shard-ids", "1",
                              "--shard-count", "2")
        deliverer = None
        try:
            for _ in range(600):
                if fake.identify is not None or gateway.returncode is not None:
                    break
                await asyncio.sleep(0.1)
            assert fake.identify is not None and fake.identify["shard"] == [1, 2]
            deliverer = await start(sandbox, fake, "--role", "deliver")
            await fake.wait_for_request("POST", rf"^/channels/{channel}/messages$",
                                        timeout=60)
            await asyncio.sleep(1)  # a second post, were there one, would come now
        finally:
            logs = [await stop(p) for p in (gateway, deliverer) if p is not None]
        assert gateway.returncode == 0 and deliverer is not None and deliverer.returncode == 0
        assert fake.identify_count == 1  # the deliverer opened no gateway connection
        assert len(fake.requests_to("POST", rf"^/channels/{channel}/messages$")) == 1
    for log in logs:
        assert "Traceback" not in log, log[-2000:]
    with open_store(database) as store, store.unit() as unit:
        # Neither role polls: the sandbox's feed was synced by nobody, or never fetched.
        assert all(f.last_polled_at is None for f in unit.list_feeds())
