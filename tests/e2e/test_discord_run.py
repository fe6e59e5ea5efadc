"""`invitewatch run` as a user of a Discord-compatible server runs it, a real
process pointed at the fake Discord on 127.0.0.1 with DISCORD_TOKEN, DISCORD_API_BASE and
DISCORD_GATEWAY_URL; an admin picks a channel with /setup channel, a cron-style
`poll --once` brings in a hostile article, and the running bot posts it."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from tests.support.fake_discord import MANAGE_GUILD, MEMBER_PERMISSIONS, FakeDiscord
from tests.support.feed_server import QUIET, RECENT, FeedServer, item, rss
from tests.support.sandbox import USER_ENV, Sandbox

pytestmark = pytest.mark.slow  # each test starts the real bot as a process

HOSTILE_TITLE = "@everyone Macron invites Biden <@&1> <@!42> @here " + "ж" * 400
HOSTILE_TEXT = ("Emmanuel Macron has invited Joe Biden to a state visit in Paris next spring, "
                "@everyone @here <@42> <@&7> were told. " + "A long digression follows. " * 3000)


def bot_env(sandbox: Sandbox, fake: FakeDiscord) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in USER_ENV}
    env.update(INVITEWATCH_DATA_DIR=str(sandbox.data_dir), INVITEWATCH_LOG_LEVEL="INFO",
               INVITEWATCH_ALLOW_PRIVATE_ADDRESSES="true", DISCORD_TOKEN=fake.token,
               DISCORD_API_BASE=f"http://127.0.0.1:{fake.port}",  # the README: suffix added
               DISCORD_GATEWAY_URL=fake.gateway_url)
    return env


async def invitewatch(sandbox: Sandbox, env: dict[str, str], *args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config-dir", str(sandbox.config_dir), *args,
        cwd=sandbox.root, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)


@asynccontextmanager
async def running(sandbox: Sandbox, env: dict[str, str],
                  fake: FakeDiscord) -> AsyncIterator[asyncio.subprocess.Process]:
    process = await invitewatch(sandbox, env, "run")
    try:
        await fake.wait_for_request("PUT", r"^/applications/\d+/commands$", timeout=60)
        for _ in range(300):  # the commands are synced before the gateway session starts
            if fake.identify is not None:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)  # READY and GUILD_CREATE are processed
        yield process
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(process.communicate(), 30)
            except TimeoutError:
                process.kill()
                await process.communicate()


def posted(fake: FakeDiscord, channel_id: str) -> list[Any]:
    return [r.body for r in fake.requests_to("POST", rf"^/channels/{channel_id}/messages$")]


def embed_size(embed: dict[str, Any]) -> int:
    return (len(embed.get("title", "")) + len(embed.get("description", ""))
            + len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
            + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", [])))


@pytest.fixture
def feeds(sandbox: Sandbox) -> Any:
    server = FeedServer()
    server.thread.start()
    server.feed("/wire.xml", rss(QUIET))
    (sandbox.config_dir / "feeds.toml").write_text(
        f'[[feeds]]\nurl = "{server.url("/wire.xml")}"\nname = "QA wire"\n', encoding="utf-8")
    (sandbox.config_dir / "invitewatch.toml").write_text(
        '[logging]\nlevel = "INFO"\n[notify]\noutbox_interval_seconds = 1\n', encoding="utf-8")
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
    server.thread.join()


async def setup_channel(fake: FakeDiscord, guild: Any, channel: dict[str, Any]) -> None:
    admin = fake.member_payload(permissions=MEMBER_PERMISSIONS | MANAGE_GUILD, name="admin")
    resolved = {"channels": {channel["id"]: {**channel, "permissions": str(MEMBER_PERMISSIONS)}}}
    answer = await fake.respond(fake.command_interaction(
        guild, "setup channel", [{"name": "channel", "type": 7, "value": channel["id"]}],
        member=admin, resolved=resolved), timeout=30)
    assert f"<#{channel['id']}>" in answer["data"]["content"], answer


async def test_a_hostile_article_is_posted_once_pings_nobody_and_fits(
        sandbox: Sandbox, feeds: FeedServer) -> None:
    async with FakeDiscord() as fake:
        guild = fake.add_guild("Newsroom", channel_names=("general", "invitations"))
        channel = guild.channels[1]
        env = bot_env(sandbox, fake)
        async with running(sandbox, env, fake) as bot:
            await setup_channel(fake, guild, channel)
            feeds.feed("/wire.xml", rss(QUIET, item("visit", HOSTILE_TITLE, HOSTILE_TEXT, RECENT)))
            for _ in range(2):  # cron runs twice; the second run must add nothing
                cron = await invitewatch(sandbox, env, "poll", "--once", "--all")
                _, err = await asyncio.wait_for(cron.communicate(), 120)
                assert cron.returncode == 0, err.decode()[-1500:]
            await fake.wait_for_request("POST", rf"^/channels/{channel['id']}/messages$", timeout=30)
            await asyncio.sleep(3)  # a few more delivery passes: a second post would show now
            assert bot.returncode is None, "the bot stopped"
        messages = posted(fake, channel["id"])
        assert len(messages) == 1, messages
        message = messages[0]
        assert message.get("allowed_mentions", {}).get("parse") == [], message.get("allowed_mentions")
        assert not re.search(r"@everyone|@here|<@[!&]?\d+>", message.get("content") or ""), message
        for embed in message["embeds"]:
            assert len(embed.get("title", "")) <= 256 and len(embed.get("description", "")) <= 4096
            assert all(len(f["name"]) <= 256 and len(f["value"]) <= 1024 for f in embed.get("fields", []))
            assert embed_size(embed) <= 6000, embed


async def test_poll_once_from_cron_posts_to_discord_when_a_token_is_set(
        sandbox: Sandbox, feeds: FeedServer) -> None:
    async with FakeDiscord() as fake:
        guild = fake.add_guild("Newsroom", channel_names=("general", "invitations"))
        channel = guild.channels[1]
        env = bot_env(sandbox, fake)
        async with running(sandbox, env, fake):  # once, to choose the channel
            await setup_channel(fake, guild, channel)
        # The feed's first successful poll records what it holds without announcing it.
        feeds.feed("/wire.xml", rss(QUIET))
        first = await invitewatch(sandbox, env, "poll", "--once", "--all")
        await asyncio.wait_for(first.communicate(), 120)
        feeds.feed("/wire.xml", rss(QUIET, item("visit", "Macron invites Biden", HOSTILE_TEXT[:200],
                                                RECENT)))
        cron = await invitewatch(sandbox, env, "poll", "--once", "--all")
        _, err = await asyncio.wait_for(cron.communicate(), 120)
        assert cron.returncode == 0, err.decode()[-1500:]
        assert "1 new invitations" in err.decode(), err.decode()[-1500:]
        assert len(posted(fake, channel["id"])) == 1, err.decode()[-1500:]


async def test_a_403_channel_and_a_429_storm_lose_nothing_and_post_nothing_twice(
        sandbox: Sandbox, feeds: FeedServer) -> None:
    async with FakeDiscord() as fake:
        guild = fake.add_guild("Newsroom", channel_names=("general", "invitations", "news"))
        open_channel, closed_channel = guild.channels[1], guild.channels[2]
        env = bot_env(sandbox, fake)
        async with running(sandbox, env, fake) as bot:
            await setup_channel(fake, guild, open_channel)
            await setup_channel(fake, guild, closed_channel)
            fake.fail("POST", rf"^/channels/{closed_channel['id']}/messages$", 403, times=50,
                      code=50013, message="Missing Permissions")
            # A storm that discord.py waits out itself (it came through Discord's proxy).
            fake.fail("POST", rf"^/channels/{open_channel['id']}/messages$", 429, times=4,
                      retry_after=0.2)
            feeds.feed("/wire.xml", rss(QUIET, item("visit", "Macron invites Biden",
                                                    HOSTILE_TEXT[:200], RECENT)))
            cron = await invitewatch(sandbox, env, "poll", "--once", "--all")
            _, err = await asyncio.wait_for(cron.communicate(), 120)
            assert cron.returncode == 0, err.decode()[-1500:]
            for _ in range(200):
                if any(r.status == 200 for r in fake.requests_to(
                        "POST", rf"^/channels/{open_channel['id']}/messages$")):
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(3)  # more delivery passes: a second post or warning shows now
            assert bot.returncode is None, "the bot stopped"
        delivered = [r for r in fake.requests_to("POST", rf"^/channels/{open_channel['id']}/messages$")
                     if r.status == 200]
        assert len(delivered) == 1, [r.status for r in fake.requests_to("POST", r"/messages$")]
        warnings = [r for r in fake.requests_to("POST", r"^/channels/\d+/messages$")
                    if r.status == 200 and f"<#{closed_channel['id']}>" in str(r.body.get("content"))]
        assert len(warnings) == 1, warnings
        tries = fake.requests_to("POST", rf"^/channels/{closed_channel['id']}/messages$")
        assert len(tries) == 1, f"the forbidden channel was tried {len(tries)} times"
