"""/subscribe, /subscriptions and /unsubscribe through the real discord.py client against
the fake Discord: what is stored, what admins read back, and every refusal."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from bot.domain import Status
from bot.store.api import ChannelKind, Store, SubscriptionStyle
from tests.support.discord_harness import (
    EPHEMERAL,
    Bot,
    FeedsChanged,
    admin,
    assert_ephemeral_error,
    audit_log,
    make_deps,
    opt,
    run,
    running_bot,
)
from tests.support.fake_discord import (
    ANNOUNCEMENT,
    CATEGORY,
    FORUM,
    MEMBER_PERMISSIONS,
    VOICE,
    FakeDiscord,
)

CAP = 12


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    """A server with every kind of channel the commands meet, and an existing thread."""
    async with FakeDiscord() as server:
        guild = server.add_guild("Newsroom", channel_names=("general", "invitations", "offtopic"))
        for name, kind in (("announcements", ANNOUNCEMENT), ("debates", FORUM),
                           ("lounge", VOICE), ("archive", CATEGORY)):
            server.add_channel(guild, name, kind=kind)
        server.add_thread(guild, guild.channels[1]["id"], "putin watch")
        yield server


@pytest_asyncio.fixture
async def bot(fake: FakeDiscord, store: Store, feeds_changed: FeedsChanged) -> AsyncIterator[Bot]:
    deps = dataclasses.replace(make_deps(store, fake, feeds_changed),
                               max_subscriptions=lambda: CAP)
    async with running_bot(fake, store, deps) as harness:
        yield harness


def channel(bot: Bot, name: str) -> dict[str, Any]:
    for found in [*bot.guild.channels, *bot.guild.threads]:
        if found["name"] == name:
            return found
    raise KeyError(name)


def resolved(found: dict[str, Any]) -> dict[str, Any]:
    return {"channels": {found["id"]: {**found, "permissions": str(MEMBER_PERMISSIONS)}}}


async def subscribe(bot: Bot, name: str, *options: dict[str, Any],
                    member: dict[str, Any] | None = None,
                    role: dict[str, Any] | None = None) -> dict[str, Any]:
    target = channel(bot, name)
    data = resolved(target)
    if role is not None:
        data["roles"] = {role["id"]: role}
        options = (*options, opt("role", role["id"], kind=8))
    return await run(bot, "subscribe", [opt("channel", target["id"], kind=7), *options],
                     member=member or admin(bot), resolved=data)


async def test_subscribe_stores_the_channel_its_filters_role_and_style(bot: Bot) -> None:
    role = bot.fake.add_role(bot.guild, "alerts")
    callback = await subscribe(
        bot, "invitations", opt("style", "compact"), opt("figures", "Putin, Musk"),
        opt("countries", "ru, US"), opt("categories", "head of state"),
        opt("statuses", "pending, accepted"), opt("languages", "de"),
        opt("sources", "news, bluesky"), opt("min_confidence", 0.5, kind=10), role=role)
    assert callback["data"]["flags"] & EPHEMERAL
    text = callback["data"]["content"]
    with bot.store.unit() as unit:
        [sub] = unit.subscriptions(bot.guild.id)
    assert text.startswith("Subscribed.") and f"**#{sub.id}**" in text
    assert "figures: Vladimir Putin, Elon Musk" in text and f"pings <@&{role['id']}>" in text
    assert sub.channel_id == channel(bot, "invitations")["id"]
    assert (sub.channel_kind, sub.style) == (ChannelKind.TEXT, SubscriptionStyle.COMPACT)
    assert sub.figure_keys == ["vladimir-putin", "elon-musk"]
    assert sub.countries == ["RU", "US"] and sub.categories == ["head_of_state"]
    assert sub.statuses == [Status.PENDING, Status.ACCEPTED] and sub.languages == ["de"]
    assert sub.source_kinds == ["news", "bluesky"] and sub.min_confidence == 0.5
    assert sub.mention_role_id == role["id"] and sub.origin == "subscribe"
    assert [row[1:] for row in audit_log(bot.store)] == [(bot.guild.id, "subscribe")]
    assert bot.errors == []


async def test_each_kind_of_channel_and_its_style(bot: Bot) -> None:
    await subscribe(bot, "announcements", opt("style", "thread"))
    await subscribe(bot, "debates")
    await subscribe(bot, "putin watch", opt("style", "compact"))
    with bot.store.unit() as unit:
        kinds = [(s.channel_kind, s.style) for s in unit.subscriptions(bot.guild.id)]
    assert kinds == [(ChannelKind.ANNOUNCEMENT, SubscriptionStyle.THREAD),
                     (ChannelKind.FORUM, SubscriptionStyle.THREAD),
                     (ChannelKind.THREAD, SubscriptionStyle.COMPACT)]


@pytest.mark.parametrize(("name", "options", "needles"), [
    ("lounge", [], ["is a voice channel"]),
    ("archive", [], ["is a category; choose one of its channels"]),
    ("invitations", [opt("figures", "Putin, Vladimir Poutinne")],
     ["Unknown figure `Vladimir Poutinne`", "name:Vladimir Poutinne"]),
    ("invitations", [opt("countries", "Russia")], ["`Russia` is not a country code"]),
    ("invitations", [opt("categories", "villain")], ["Unknown category `villain`",
                                                    "head_of_state"]),
    ("invitations", [opt("sources", "fax")], ["Unknown source `fax`", "bluesky"]),
    ("invitations", [opt("statuses", "maybe")], ["Unknown status `maybe`"]),
    ("debates", [opt("style", "compact")], ["In a forum channel each invitation gets its own post"]),
    ("putin watch", [opt("style", "thread")], ["A thread cannot hold a thread per invitation"]),
])
async def test_odd_arguments_are_refused_clearly(bot: Bot, name: str, options: list[Any],
                                                 needles: list[str]) -> None:
    callback = await subscribe(bot, name, *options)
    assert_ephemeral_error(callback, *needles)
    with bot.store.unit() as unit:
        assert unit.subscriptions(bot.guild.id) == []
    assert audit_log(bot.store) == []


async def test_a_channel_the_bot_cannot_post_in_is_refused(fake: FakeDiscord, store: Store) -> None:
    guild = next(iter(fake.guilds.values()))
    closed = guild.channels[2]
    fake.deny_bot_in(guild, closed["id"])
    async with running_bot(fake, store, make_deps(store, fake)) as harness:
        callback = await run(harness, "subscribe", [opt("channel", closed["id"], kind=7)],
                             member=admin(harness), resolved=resolved(closed))
        assert_ephemeral_error(callback, f"I cannot post in <#{closed['id']}>",
                               "Send Messages")
        with store.unit() as unit:
            assert unit.subscriptions(guild.id) == []


async def test_a_name_seen_in_invitations_or_forced_is_accepted(bot: Bot) -> None:
    callback = await subscribe(bot, "invitations", opt("figures", "name:Jane Okafor"))
    assert callback["data"]["content"].startswith("Subscribed.")
    with bot.store.unit() as unit:
        [sub] = unit.subscriptions(bot.guild.id)
    assert sub.figure_keys == ["name:jane okafor"]


async def test_the_same_subscription_twice_is_one_and_the_cap_holds(bot: Bot) -> None:
    first = await subscribe(bot, "invitations", opt("statuses", "accepted"))
    again = await subscribe(bot, "invitations", opt("statuses", "accepted"))
    assert "already has that subscription" in again["data"]["content"]
    for n in range(CAP - 1):
        answer = await subscribe(bot, "general", opt("min_confidence", n / 100, kind=10))
        assert answer["data"]["content"].startswith("Subscribed."), answer
    over = await subscribe(bot, "offtopic")
    assert_ephemeral_error(over, f"already has {CAP} subscriptions", "`/unsubscribe` one")
    with bot.store.unit() as unit:
        assert unit.count_subscriptions(bot.guild.id) == CAP
    assert first["data"]["content"].startswith("Subscribed.")


async def test_members_without_manage_server_are_refused(bot: Bot) -> None:
    member = bot.fake.member_payload(permissions=MEMBER_PERMISSIONS)
    for callback in (await subscribe(bot, "invitations", member=member),
                     await run(bot, "subscriptions", member=member),
                     await run(bot, "unsubscribe", [opt("id", 1, kind=4)], member=member)):
        assert_ephemeral_error(callback, "Manage Server")
    with bot.store.unit() as unit:
        assert unit.subscriptions(bot.guild.id) == []


async def test_subscriptions_are_listed_with_their_numbers_page_by_page(bot: Bot) -> None:
    for n in range(10):
        await subscribe(bot, "general", opt("min_confidence", n / 10, kind=10))
    await run(bot, "setup channel", [opt("channel", channel(bot, "offtopic")["id"], kind=7)],
              member=admin(bot), resolved=resolved(channel(bot, "offtopic")))
    with bot.store.unit() as unit:
        ids = [s.id for s in unit.subscriptions(bot.guild.id)]
    first = await run(bot, "subscriptions", member=admin(bot))
    embed = first["data"]["embeds"][0]
    assert first["data"]["flags"] & EPHEMERAL
    assert embed["footer"]["text"].startswith("page 1/2 · 1–8 of 11")
    assert all(f"**#{i}**" in embed["description"] for i in ids[:8])
    assert f"**#{ids[8]}**" not in embed["description"]
    second = (await run(bot, "subscriptions", [opt("page", 2, kind=4)],
                        member=admin(bot)))["data"]["embeds"][0]
    assert f"**#{ids[-1]}**" in second["description"] and "from /setup" in second["description"]
    assert "min confidence: 0.90" in second["description"]


async def test_unsubscribe_removes_one_and_refuses_unknown_numbers(bot: Bot) -> None:
    await subscribe(bot, "general")
    await run(bot, "setup channel", [opt("channel", channel(bot, "offtopic")["id"], kind=7)],
              member=admin(bot), resolved=resolved(channel(bot, "offtopic")))
    with bot.store.unit() as unit:
        mine, setup = unit.subscriptions(bot.guild.id)
        unit.add_subscription(dataclasses.replace(mine, guild_id="999", id=None), mine.created_at)
        [elsewhere] = unit.subscriptions("999")
    gone = await run(bot, "unsubscribe", [opt("id", mine.id, kind=4)], member=admin(bot))
    assert gone["data"]["content"].startswith(f"Subscription #{mine.id} removed")
    for unknown in (mine.id, elsewhere.id, 10**9):
        refused = await run(bot, "unsubscribe", [opt("id", unknown, kind=4)], member=admin(bot))
        assert_ephemeral_error(refused, f"This server has no subscription #{unknown}")
    # /setup's own subscription goes too, and with it the channel from /setup's settings.
    await run(bot, "unsubscribe", [opt("id", setup.id, kind=4)], member=admin(bot))
    with bot.store.unit() as unit:
        assert unit.subscriptions(bot.guild.id) == []
        assert unit.guild_settings(bot.guild.id).channel_ids == []
        assert unit.get_subscription(elsewhere.id) is not None
    assert [a for _, _, a in audit_log(bot.store)].count("unsubscribe") == 2


async def test_setup_edits_the_default_subscription(bot: Bot) -> None:
    target = channel(bot, "invitations")
    await run(bot, "setup channel", [opt("channel", target["id"], kind=7)], member=admin(bot),
              resolved=resolved(target))
    await run(bot, "setup filters", [opt("statuses", "declined")], member=admin(bot))
    with bot.store.unit() as unit:
        [sub] = unit.subscriptions(bot.guild.id)
    assert (sub.origin, sub.channel_id, sub.statuses) == ("setup", target["id"],
                                                          [Status.DECLINED])
    await run(bot, "setup channel", [opt("channel", target["id"], kind=7),
                                     opt("remove", True, kind=5)], member=admin(bot),
              resolved=resolved(target))
    with bot.store.unit() as unit:
        assert unit.subscriptions(bot.guild.id) == []
