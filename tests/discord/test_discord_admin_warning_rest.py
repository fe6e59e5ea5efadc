"""Telling admins about a forbidden channel from a REST-only client (`poll --once` with a
token: no gateway, so no cached guild): the warning goes to the server, as it does from the
running bot, not to the owner's direct messages."""

from __future__ import annotations

from dataclasses import replace

from bot.discord import DiscordNotifier, build_client
from bot.store.api import Store
from tests.support.discord_harness import make_deps
from tests.support.fake_discord import FakeDiscord


async def test_a_rest_only_client_tells_the_server_in_its_system_channel(
        fake: FakeDiscord, store: Store) -> None:
    guild = next(iter(fake.guilds.values()))
    forbidden = guild.channels[1]["id"]
    client = build_client(replace(make_deps(store, fake), sync_commands=False))
    try:
        await client.login(fake.token)
        assert client.get_guild(int(guild.id)) is None  # nothing cached: the REST path
        assert await DiscordNotifier(client).notify_admins_forbidden(guild.id, forbidden)
    finally:
        await client.close()
    [post] = fake.requests_to("POST", r"^/channels/\d+/messages$")
    assert post.path == f"/channels/{guild.system_channel_id}/messages"
    assert f"<#{forbidden}>" in post.body["content"]
    assert not fake.requests_to("POST", r"^/users/@me/channels$")  # no DM to the owner


async def test_a_rest_only_client_skips_a_channel_that_refuses_and_tries_the_next(
        fake: FakeDiscord, store: Store) -> None:
    guild = next(iter(fake.guilds.values()))
    forbidden = guild.channels[1]["id"]
    fake.fail("POST", rf"^/channels/{guild.channels[0]['id']}/messages$", 403, code=50013)
    client = build_client(replace(make_deps(store, fake), sync_commands=False))
    try:
        await client.login(fake.token)
        assert await DiscordNotifier(client).notify_admins_forbidden(guild.id, forbidden)
    finally:
        await client.close()
    tried = [p.path.split("/")[2] for p in fake.requests_to("POST", r"^/channels/\d+/messages$")]
    assert tried == [guild.channels[0]["id"], guild.channels[2]["id"]]
    assert not fake.requests_to("POST", r"^/users/@me/channels$")
