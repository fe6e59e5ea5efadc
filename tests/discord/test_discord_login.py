"""The real discord.py client logs in to the fake Discord, receives READY and GUILD_CREATE,
and syncs its slash commands."""

from __future__ import annotations

import discord
import pytest

from bot.discord.client import build_client
from bot.errors import ConfigError
from bot.store.api import Store
from tests.support.discord_harness import Bot, make_deps, start_client
from tests.support.fake_discord import FakeDiscord

EXPECTED_COMMANDS = {"invitations", "invitation", "figure", "watch", "unwatch", "stats",
                     "setup", "feeds", "config", "correct", "subscribe", "subscriptions",
                     "unsubscribe"}


async def test_login_ready_and_guild_create(bot: Bot) -> None:
    fake = bot.fake
    assert [r.path for r in fake.requests[:2]] == ["/users/@me", "/oauth2/applications/@me"]
    assert fake.identify is not None
    assert fake.identify["token"] == fake.token
    intents = fake.identify["intents"]
    assert not intents & (1 << 15), "message content is a privileged intent and must not be asked for"
    assert not intents & (1 << 1) and not intents & (1 << 8), "no members or presences intent"
    guild = bot.client.get_guild(int(bot.guild.id))
    assert guild is not None and guild.name == "Newsroom"
    assert {c.name for c in guild.text_channels} == {"general", "invitations", "offtopic"}
    assert bot.client.user is not None and str(bot.client.user.id) == fake.bot_user["id"]


async def test_commands_synced_globally_with_admin_permissions(bot: Bot) -> None:
    synced = bot.fake.requests_to("PUT", r"^/applications/\d+/commands$")
    assert len(synced) == 1
    by_name = {c["name"]: c for c in synced[0].body}
    assert set(by_name) == EXPECTED_COMMANDS
    for admin in ("setup", "feeds", "config", "correct", "subscribe", "subscriptions",
                  "unsubscribe"):
        assert int(by_name[admin]["default_member_permissions"]) == 1 << 5  # Manage Server
        assert by_name[admin]["dm_permission"] is False  # servers only
    assert by_name["invitations"]["default_member_permissions"] is None
    subcommands = {o["name"] for o in by_name["feeds"]["options"]}
    assert subcommands == {"list", "add", "remove", "enable", "disable"}
    channel = by_name["subscribe"]["options"][0]
    # Text, announcement, forum (and Discord's other channel kinds, refused with a reason
    # when chosen) and the three kinds of thread.
    assert channel["name"] == "channel" and channel["type"] == 7
    assert {0, 5, 15, 10, 11, 12} <= set(channel["channel_types"])


async def test_commands_synced_to_one_guild_when_configured(fake: FakeDiscord, store: Store) -> None:
    guild_id = next(iter(fake.guilds))
    client = build_client(make_deps(store, fake, sync_guild_id=guild_id), guild_ready_timeout=0)
    task = await start_client(client, fake.token)
    try:
        assert fake.requests_to("PUT", rf"^/applications/\d+/guilds/{guild_id}/commands$")
        assert not fake.requests_to("PUT", r"^/applications/\d+/commands$")
        assert {c["name"] for c in fake.commands[guild_id]} == EXPECTED_COMMANDS
    finally:
        await client.close()
        await task


async def test_heartbeat_is_acknowledged(bot: Bot) -> None:
    # discord.py sends one heartbeat right after HELLO; the fake answers it with an ACK.
    assert bot.fake.heartbeats >= 1
    assert bot.client.ws is not None and bot.client.latency >= 0


async def test_a_refused_sync_does_not_stop_the_bot(fake: FakeDiscord, store: Store,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    fake.fail("PUT", r"^/applications/\d+/commands$", 403, code=50001, message="Missing Access")
    client = build_client(make_deps(store, fake), guild_ready_timeout=0)
    task = await start_client(client, fake.token)
    try:
        assert client.is_ready()
        assert "applications.commands scope" in caplog.text
    finally:
        await client.close()
        await task


async def test_a_wrong_token_fails_start_with_a_clear_error(fake: FakeDiscord, store: Store) -> None:
    client = build_client(make_deps(store, fake), guild_ready_timeout=0)
    with pytest.raises(discord.LoginFailure, match="Improper token"):
        await start_client(client, "not-the-token")
    await client.close()
    assert fake.identify is None  # never reached the gateway


def test_a_bad_sync_guild_id_is_a_config_error(store: Store) -> None:
    with pytest.raises(ConfigError, match="DISCORD_SYNC_GUILD_ID"):
        build_client(make_deps(store, None, sync_guild_id="my server"))


async def test_a_dropped_gateway_is_resumed_and_commands_still_work(bot: Bot) -> None:
    await bot.fake.drop_gateway()
    await bot.fake.wait_for_resume()  # discord.py reconnects in its own task
    assert bot.fake.resumes == 1
    assert bot.fake.identify_count == 1  # the session was resumed, not identified again
    callback = await bot.fake.respond(bot.fake.command_interaction(bot.guild, "stats"))
    assert callback["data"]["embeds"][0]["title"] == "invitewatch statistics"
