"""What a member is told when something fails behind a command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest
from discord import app_commands

from bot.errors import StoreError
from bot.store.api import Store, Unit
from tests.support.discord_harness import Bot, make_deps, running_bot
from tests.support.fake_discord import ADMINISTRATOR, MANAGE_GUILD, MEMBER_PERMISSIONS, FakeDiscord

EPHEMERAL = 1 << 6


class LockedStore:
    """A store whose database is locked by another process: every unit fails as the real
    store reports it."""

    dialect = "sqlite"
    url = "sqlite:///locked.db"

    @contextmanager
    def unit(self, *, read_only: bool = False) -> Iterator[Unit]:
        raise StoreError("database is locked by another process (sqlite:///locked.db)")
        yield  # pragma: no cover

    def upgrade(self) -> None: ...

    def close(self) -> None: ...


async def test_a_database_failure_is_explained_and_nothing_crashes(fake: FakeDiscord, store: Store) -> None:
    deps = replace(make_deps(store, fake), store=LockedStore())
    async with running_bot(fake, store, deps) as bot:
        payload = fake.command_interaction(bot.guild, "stats")
        callback = await fake.interact(payload)
        assert callback["data"]["flags"] & EPHEMERAL
        assert "database is not available right now" in callback["data"]["content"]
        [error] = bot.errors
        assert isinstance(error, app_commands.CommandInvokeError)
        assert isinstance(error.original, StoreError)
        # The bot still answers afterwards.
        again = await fake.interact(fake.command_interaction(bot.guild, "stats"))
        assert "database is not available" in again["data"]["content"]


async def test_an_unexpected_error_is_logged_and_the_member_told(fake: FakeDiscord, store: Store,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    def broken_snapshot() -> dict[str, object]:
        raise RuntimeError("snapshot exploded")

    deps = replace(make_deps(store, fake), settings_snapshot=broken_snapshot)
    async with running_bot(fake, store, deps) as bot:
        member = fake.member_payload(permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
        callback = await fake.interact(fake.command_interaction(bot.guild, "config show", member=member))
        assert callback["data"]["flags"] & EPHEMERAL
        assert "Something went wrong on the bot's side" in callback["data"]["content"]
        assert "snapshot exploded" not in callback["data"]["content"]  # internals stay in the log
        assert "snapshot exploded" in caplog.text


async def test_an_administrator_without_the_explicit_bit_may_configure(fake: FakeDiscord,
                                                                       store: Store) -> None:
    async with running_bot(fake, store, make_deps(store, fake)) as bot:
        member = fake.member_payload(permissions=MEMBER_PERMISSIONS | ADMINISTRATOR)
        callback = await fake.interact(fake.command_interaction(bot.guild, "feeds list", member=member))
        assert "Feeds (0)" in callback["data"]["embeds"][0]["title"]


async def test_a_stale_command_gets_a_helpful_answer(bot: Bot) -> None:
    payload = bot.fake.command_interaction(bot.guild, "stats")
    payload["data"]["name"] = "invitations-old"  # removed in a newer version of the bot
    callback = await bot.fake.respond(payload)
    assert callback["data"]["flags"] & EPHEMERAL
    assert "command has changed" in callback["data"]["content"]


async def test_a_failing_group_command_is_answered_once(fake: FakeDiscord, store: Store) -> None:
    # The group's own error handler answers; the tree's handler also sees the error and
    # must not send a second message.
    async with running_bot(fake, store, make_deps(store, fake)) as bot:
        payload = fake.command_interaction(bot.guild, "feeds list")  # a member without Manage Server
        callback = await fake.interact(payload)
        assert "Manage Server" in callback["data"]["content"]
        await fake.interact(fake.command_interaction(bot.guild, "stats"))  # let any straggler land
        assert len(bot.errors) == 1  # the tree's handler saw it too
        assert fake.requests_to("POST", rf"^/webhooks/\d+/{payload['token']}$") == []
