"""Each subscription style delivered by the outbox through the real discord.py client to
the fake Discord: the announcement, then a status change landing where the style says
(an edit and a reply, a line, the invitation's thread, its forum post), and each
subscription's own filters."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import pytest_asyncio

from bot.discord.notifier import DiscordNotifier
from bot.domain import NotificationKind, Status
from bot.notify.base import SendOutcome
from bot.notify.outbox import OutboxDelivery
from bot.store.api import ChannelKind, Store, Subscription, SubscriptionStyle
from tests.support.builders import (
    DAY0,
    KANYE,
    MUSK,
    PUTIN,
    add_report,
    notification,
    store_invitation,
)
from tests.support.discord_harness import FIXED_NOW, Bot, FeedsChanged, make_deps, running_bot
from tests.support.fake_discord import FORUM, FakeDiscord

FACTS = {"elon-musk": ("US", "business"), "vladimir-putin": ("RU", "head_of_state"),
         "kanye-west": ("US", "entertainment")}


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        guild = server.add_guild("Newsroom", channel_names=("general", "invitations", "offtopic"))
        server.add_channel(guild, "debates", kind=FORUM)
        server.add_thread(guild, guild.channels[0]["id"], "putin watch")
        yield server


@pytest_asyncio.fixture
async def bot(fake: FakeDiscord, store: Store, feeds_changed: FeedsChanged) -> AsyncIterator[Bot]:
    deps = dataclasses.replace(make_deps(store, fake, feeds_changed),
                               figure_facts=lambda fid: FACTS.get(fid, (None, None)))
    async with running_bot(fake, store, deps) as harness:
        yield harness


def channel_id(bot: Bot, name: str) -> str:
    return next(c["id"] for c in [*bot.guild.channels, *bot.guild.threads] if c["name"] == name)


def subscribe(bot: Bot, name: str, style: SubscriptionStyle = SubscriptionStyle.EMBED,
              kind: ChannelKind = ChannelKind.TEXT, **filters: Any) -> Subscription:
    with bot.store.unit() as unit:
        return unit.add_subscription(Subscription(
            guild_id=bot.guild.id, channel_id=channel_id(bot, name), channel_kind=kind,
            style=style, **filters), FIXED_NOW)


class Clock:
    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


async def announce_then_accept(bot: Bot, **who: Any) -> int:
    """An invitation delivered, then its acceptance delivered in a later pass."""
    delivery = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=Clock())
    invitation_id = store_invitation(bot.store, **who)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id, **_parties(who)), FIXED_NOW)
    first = await delivery.deliver_once()
    assert first.failed == 0, first
    await accept(bot, invitation_id, delivery, **who)
    return invitation_id


def _parties(who: dict[str, Any]) -> dict[str, Any]:
    return {k: who[k] for k in ("inviter", "invitee") if k in who}


async def accept(bot: Bot, invitation_id: int, delivery: OutboxDelivery | None = None,
                 **who: Any) -> None:
    delivery = delivery or OutboxDelivery(bot.store, [DiscordNotifier(bot.client)],
                                          clock=Clock())
    add_report(bot.store, invitation_id, Status.ACCEPTED, when=DAY0 + timedelta(days=1),
               url="https://zeitung.example/ja")
    with bot.store.unit() as unit:
        unit.enqueue(notification(NotificationKind.STATUS, status=Status.ACCEPTED,
                                  previous=Status.PENDING, invitation_id=invitation_id,
                                  url="https://zeitung.example/ja", **_parties(who)), FIXED_NOW)
    second = await delivery.deliver_once()
    assert second.failed == 0 and second.sent >= 1, second


def status_field(message: dict[str, Any]) -> str:
    return str({f["name"]: f["value"] for f in message["embeds"][0]["fields"]}["Status"])


def posts_to(bot: Bot, channel: str) -> list[Any]:
    return bot.fake.requests_to("POST", rf"^/channels/{channel}/messages$")


async def test_embed_style_edits_the_card_and_replies_under_it(bot: Bot) -> None:
    sub = subscribe(bot, "invitations")
    invitation_id = await announce_then_accept(bot)
    [card, reply] = bot.fake.messages_in(sub.channel_id)
    assert status_field(card).startswith("✅ Accepted")  # edited to the current status
    assert str(reply["message_reference"]["message_id"]) == card["id"]
    with bot.store.unit() as unit:
        assert unit.message_for(invitation_id, sub.target) == card["id"]


async def test_compact_style_is_one_line_per_notification(bot: Bot) -> None:
    sub = subscribe(bot, "invitations", SubscriptionStyle.COMPACT)
    invitation_id = await announce_then_accept(bot)
    [line, change] = bot.fake.messages_in(sub.channel_id)
    assert line["embeds"] == [] and "\n" not in line["content"]
    assert line["content"].startswith("🆕 **Elon Musk → Vladimir Putin**")
    assert f"#{invitation_id}" in line["content"]
    assert change["embeds"] == [] and "⏳ Pending → ✅ Accepted" in change["content"]
    assert str(change["message_reference"]["message_id"]) == line["id"]


async def test_thread_style_opens_a_thread_per_invitation_for_its_news(bot: Bot) -> None:
    sub = subscribe(bot, "invitations", SubscriptionStyle.THREAD)
    invitation_id = await announce_then_accept(bot)
    [card] = bot.fake.messages_in(sub.channel_id)  # nothing else in the channel itself
    [opened] = bot.fake.requests_to("POST", rf"^/channels/{sub.channel_id}/messages/"
                                            rf"{card['id']}/threads$")
    assert opened.body["name"] == f"#{invitation_id} Elon Musk → Vladimir Putin"
    [thread] = bot.fake.threads_in(sub.channel_id)
    assert thread["id"] == card["id"]  # as on Discord, the thread takes the message's id
    assert status_field(card).startswith("✅ Accepted")
    [news] = bot.fake.messages_in(thread["id"])
    assert "**Status update:** ⏳ Pending → ✅ Accepted" in news["content"]
    with bot.store.unit() as unit:
        assert unit.message_for(invitation_id, sub.target) == f"{card['id']}/{thread['id']}"


async def test_an_archived_invitation_thread_is_reopened_for_news(bot: Bot) -> None:
    sub = subscribe(bot, "invitations", SubscriptionStyle.THREAD)
    delivery = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=Clock())
    invitation_id = store_invitation(bot.store)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    await delivery.deliver_once()
    [thread] = bot.fake.threads_in(sub.channel_id)
    bot.fake.archive(thread["id"])
    await accept(bot, invitation_id, delivery)
    [refused, posted] = posts_to(bot, thread["id"])
    assert (refused.status, posted.status) == (400, 200)  # 50083, then unarchived
    [unarchive] = bot.fake.requests_to("PATCH", rf"^/channels/{thread['id']}$")
    assert unarchive.body["archived"] is False
    assert not thread["thread_metadata"]["archived"]


async def test_a_locked_invitation_thread_gets_the_news_as_a_reply(bot: Bot) -> None:
    sub = subscribe(bot, "invitations", SubscriptionStyle.THREAD)
    delivery = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=Clock())
    invitation_id = store_invitation(bot.store)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    await delivery.deliver_once()
    [thread] = bot.fake.threads_in(sub.channel_id)
    bot.fake.archive(thread["id"], locked=True)
    await accept(bot, invitation_id, delivery)
    assert bot.fake.messages_in(thread["id"]) == []
    [card, reply] = bot.fake.messages_in(sub.channel_id)
    assert str(reply["message_reference"]["message_id"]) == card["id"]


async def test_forum_channel_gets_a_post_per_invitation_and_its_news_in_it(bot: Bot) -> None:
    sub = subscribe(bot, "debates", SubscriptionStyle.THREAD, ChannelKind.FORUM)
    invitation_id = await announce_then_accept(bot)
    await announce_then_accept(bot, invitee=KANYE, url="https://daily.example/kanye")
    [created, _other] = bot.fake.requests_to("POST", rf"^/channels/{sub.channel_id}/threads$")
    assert created.body["name"] == f"#{invitation_id} Elon Musk → Vladimir Putin"
    assert created.body["message"]["embeds"][0]["title"] == "Elon Musk → Vladimir Putin"
    assert posts_to(bot, sub.channel_id) == []  # never a plain message in the forum
    post = bot.fake.threads_in(sub.channel_id)[0]
    [starter, news] = bot.fake.messages_in(post["id"])
    assert starter["id"] == post["id"] and status_field(starter).startswith("✅ Accepted")
    assert "⏳ Pending → ✅ Accepted" in news["content"]
    assert len(bot.fake.threads_in(sub.channel_id)) == 2  # one post per invitation


async def test_a_forum_refuses_plain_messages_as_discord_does(bot: Bot) -> None:
    forum = channel_id(bot, "debates")
    result = await DiscordNotifier(bot.client).send(f"discord:{bot.guild.id}:{forum}",
                                                    notification(), None)
    assert result.outcome is SendOutcome.FAILED
    assert "Cannot send messages in a forum channel" in (result.error or "")
    [refused] = posts_to(bot, forum)
    assert refused.status == 400
    assert bot.fake.messages_in(forum) == []


async def test_a_locked_forum_post_is_started_again(bot: Bot) -> None:
    sub = subscribe(bot, "debates", SubscriptionStyle.THREAD, ChannelKind.FORUM)
    delivery = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=Clock())
    invitation_id = store_invitation(bot.store)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    await delivery.deliver_once()
    [old] = bot.fake.threads_in(sub.channel_id)
    bot.fake.archive(old["id"], locked=True)
    await accept(bot, invitation_id, delivery)
    old_post, new_post = bot.fake.threads_in(sub.channel_id)
    assert old_post["id"] == old["id"] and bot.fake.messages_in(old["id"])[-1]["embeds"]
    [starter] = bot.fake.messages_in(new_post["id"])
    assert status_field(starter).startswith("✅ Accepted")
    with bot.store.unit() as unit:
        assert unit.message_for(invitation_id, sub.target) == f"{new_post['id']}/{new_post['id']}"


async def test_a_thread_channel_subscription_posts_in_the_thread(bot: Bot) -> None:
    sub = subscribe(bot, "putin watch", SubscriptionStyle.EMBED, ChannelKind.THREAD)
    thread = bot.fake.find_channel(sub.channel_id)
    assert thread is not None
    bot.fake.archive(sub.channel_id)  # archived since: the bot reopens it to post
    await announce_then_accept(bot)
    [card, reply] = bot.fake.messages_in(sub.channel_id)
    assert status_field(card).startswith("✅ Accepted")
    assert str(reply["message_reference"]["message_id"]) == card["id"]


async def test_each_subscription_has_its_own_filters(bot: Bot) -> None:
    russia = subscribe(bot, "invitations", countries=["RU"])
    stars = subscribe(bot, "offtopic", SubscriptionStyle.COMPACT, categories=["entertainment"])
    declined = subscribe(bot, "general", statuses=[Status.DECLINED])
    posts_only = subscribe(bot, "general", source_kinds=["bluesky"])
    await announce_then_accept(bot, inviter=MUSK, invitee=PUTIN)
    await announce_then_accept(bot, inviter=MUSK, invitee=KANYE,
                               url="https://daily.example/kanye")
    assert [m["embeds"][0]["title"] for m in bot.fake.messages_in(russia.channel_id)
            if m["embeds"]] == ["Elon Musk → Vladimir Putin"]
    first_star = bot.fake.messages_in(stars.channel_id)[0]
    assert first_star["content"].startswith("🆕 **Elon Musk → Kanye West**")
    assert len(bot.fake.messages_in(stars.channel_id)) == 2
    assert bot.fake.messages_in(declined.channel_id) == []
    assert posts_only.channel_id == declined.channel_id


async def test_the_fake_threads_behave_as_discord_for_discord_py(bot: Bot) -> None:
    """The routes discord.py calls for threads, answered as Discord answers them."""
    import discord

    http = bot.client.http
    text_channel = int(channel_id(bot, "general"))
    started = await http.start_thread_without_message(text_channel, name="talk",
                                                      auto_archive_duration=1440, type=11)
    thread = bot.client.get_partial_messageable(int(started["id"]), guild_id=int(bot.guild.id))
    posted = await thread.send(content="in the thread")
    assert posted.channel.id == int(started["id"])
    card = await bot.client.get_partial_messageable(text_channel).send(content="card")
    opened = await http.start_thread_with_message(text_channel, card.id, name="x",
                                                  auto_archive_duration=60)
    assert opened["id"] == str(card.id)  # a message's thread takes the message's id
    with pytest.raises(discord.HTTPException) as twice:  # and a message holds one thread
        await http.start_thread_with_message(text_channel, card.id, name="x",
                                             auto_archive_duration=60)
    assert twice.value.code == 160004
    bot.fake.archive(started["id"])
    with pytest.raises(discord.HTTPException) as archived:
        await thread.send(content="too late")
    assert (archived.value.status, archived.value.code) == (400, 50083)
    forum = int(channel_id(bot, "debates"))
    with pytest.raises(discord.HTTPException) as plain:
        await bot.client.get_partial_messageable(forum).send(content="hello")
    assert (plain.value.status, plain.value.code) == (400, 220001)
