"""The gateway sharded over processes: each runs the shards it is given (AutoShardedClient)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import discord

from bot.discord.client import ShardedInvitewatchClient, build_client
from bot.store.api import Store
from tests.support.discord_harness import make_deps, start_client
from tests.support.fake_discord import FakeDiscord


def test_without_shard_settings_the_client_is_unsharded(store: Store) -> None:
    client = build_client(make_deps(store, None))
    assert not isinstance(client, discord.AutoShardedClient)


async def test_a_process_identifies_only_its_own_shards(store: Store, fake: FakeDiscord) -> None:
    deps = replace(make_deps(store, fake), shard_ids=(1, 3), shard_count=4)
    client = build_client(deps, guild_ready_timeout=0)
    assert isinstance(client, ShardedInvitewatchClient)
    task = await start_client(client, fake.token)
    try:
        assert sorted(client.shards) == [1, 3]
        assert client.shard_count == 4
        assert fake.identify_count == 2
        assert fake.identify["shard"] in ([1, 4], [3, 4])
        # A server's events come on its own shard: (id >> 22) % count.
        for guild_id in fake.guilds:
            ours = (int(guild_id) >> 22) % 4 in (1, 3)
            assert (client.get_guild(int(guild_id)) is not None) == ours
    finally:
        await client.close()
        await asyncio.wait_for(task, 10)
