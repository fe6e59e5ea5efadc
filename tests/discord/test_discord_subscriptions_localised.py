"""Subscriptions in a German server, through the outbox, the real discord.py client and the
fake Discord: each style (compact, thread, forum post) posts its announcement and the
status change in German, names and the thread's name stay as written; /subscribe,
/subscriptions and /unsubscribe answer (and refuse) in German."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest_asyncio

from bot.discord.notifier import DiscordNotifier
from bot.domain import NotificationKind, Status
from bot.notify.outbox import OutboxDelivery
from bot.store.api import ChannelKind, Store, Subscription, SubscriptionStyle
from tests.support.builders import DAY0, add_report, notification, store_invitation
from tests.support.discord_harness import (
    FIXED_NOW,
    Bot,
    admin,
    assert_ephemeral_error,
    make_deps,
    opt,
    run,
    running_bot,
)
from tests.support.fake_discord import FORUM, MEMBER_PERMISSIONS, FakeDiscord

CHANGE = "⏳ Ausstehend → ✅ Angenommen"


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        guild = server.add_guild("Redaktion", channel_names=("allgemein", "einladungen", "kurz"),
                                 preferred_locale="de")
        server.add_channel(guild, "debatten", kind=FORUM)
        yield server


@pytest_asyncio.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[Bot]:
    async with running_bot(fake, store, make_deps(store, fake)) as harness:
        yield harness


def channel(bot: Bot, name: str) -> dict[str, Any]:
    return next(c for c in bot.guild.channels if c["name"] == name)


def subscribe(bot: Bot, name: str, style: SubscriptionStyle,
              kind: ChannelKind = ChannelKind.TEXT) -> Subscription:
    with bot.store.unit() as unit:
        return unit.add_subscription(Subscription(
            guild_id=bot.guild.id, channel_id=channel(bot, name)["id"], channel_kind=kind,
            style=style), FIXED_NOW)


class Clock:
    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


async def announce_then_accept(bot: Bot) -> int:
    """One invitation announced, then accepted, each delivered by the outbox."""
    delivery = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=Clock())
    invitation_id = store_invitation(bot.store)
    with bot.store.unit() as unit:
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    assert (await delivery.deliver_once()).failed == 0
    add_report(bot.store, invitation_id, Status.ACCEPTED, when=DAY0 + timedelta(days=1),
               url="https://zeitung.example/ja")
    with bot.store.unit() as unit:
        unit.enqueue(notification(NotificationKind.STATUS, status=Status.ACCEPTED,
                                  previous=Status.PENDING, invitation_id=invitation_id,
                                  url="https://zeitung.example/ja", outlet="Zeitung"), FIXED_NOW)
    second = await delivery.deliver_once()
    assert second.failed == 0 and second.sent >= 1, second
    return invitation_id


def fields_of(message: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in message["embeds"][0]["fields"]}


async def test_each_style_posts_in_the_servers_language(bot: Bot) -> None:
    compact = subscribe(bot, "kurz", SubscriptionStyle.COMPACT)
    thread = subscribe(bot, "einladungen", SubscriptionStyle.THREAD)
    forum = subscribe(bot, "debatten", SubscriptionStyle.THREAD, ChannelKind.FORUM)
    invitation_id = await announce_then_accept(bot)

    [line, change] = bot.fake.messages_in(compact.channel_id)
    assert line["content"].startswith("🆕 **Elon Musk → Vladimir Putin**: Gespräch (Clubhouse) · "
                                      "⏳ Ausstehend · [Daily Example]")
    assert "14.02.2021" in line["content"] and "Pending" not in line["content"]
    assert change["content"].startswith(f"🔄 #{invitation_id} **Elon Musk → Vladimir Putin**: "
                                        f"{CHANGE} · [Zeitung]")

    [card] = bot.fake.messages_in(thread.channel_id)
    assert fields_of(card)["Status"] == "✅ Angenommen (vorher ⏳ Ausstehend)"
    assert fields_of(card)["Neueste Meldung"].startswith("[Zeitung](https://zeitung.example/ja)")
    [opened] = bot.fake.threads_in(thread.channel_id)
    assert opened["name"] == f"#{invitation_id} Elon Musk → Vladimir Putin"  # names as written
    [news] = bot.fake.messages_in(opened["id"])
    assert news["content"].startswith(f"**Statusänderung:** {CHANGE}\nQuelle: [Zeitung]")

    [post] = bot.fake.threads_in(forum.channel_id)
    [starter, forum_news] = bot.fake.messages_in(post["id"])
    assert fields_of(starter)["Status"].startswith("✅ Angenommen")
    assert forum_news["content"].startswith(f"**Statusänderung:** {CHANGE}")


async def test_subscription_commands_answer_in_the_servers_language(bot: Bot) -> None:
    target = channel(bot, "kurz")
    resolved = {"channels": {target["id"]: {**target, "permissions": str(MEMBER_PERMISSIONS)}}}
    made = await run(bot, "subscribe", [opt("channel", target["id"], kind=7),
                                        opt("style", "compact"), opt("countries", "RU")],
                     member=admin(bot), resolved=resolved)
    content = made["data"]["content"]
    assert content.startswith("Abonniert.\n**#") and "kompakte Zeile" in content
    assert "Länder: RU" in content

    listed = await run(bot, "subscriptions", [], member=admin(bot))
    [embed] = listed["data"]["embeds"]
    assert embed["title"] == "Abonnements dieses Servers"
    assert "kompakte Zeile" in embed["description"] and "Länder: RU" in embed["description"]
    assert embed["footer"]["text"] == ("Seite 1/1 · 1–1 von 1 · /abbestellen <nummer> "
                                       "entfernt eines")

    refused = await run(bot, "subscribe", [opt("channel", target["id"], kind=7),
                                           opt("countries", "Russland")],
                        member=admin(bot), resolved=resolved)
    assert_ephemeral_error(refused, "`Russland` ist kein Ländercode")
    missing = await run(bot, "unsubscribe", [opt("id", 999, 4)], member=admin(bot))
    assert_ephemeral_error(missing, "Dieser Server hat kein Abonnement #999.",
                           "`/abonnements`")

    with bot.store.unit() as unit:
        [sub] = unit.subscriptions(bot.guild.id)
    removed = await run(bot, "unsubscribe", [opt("id", sub.id, 4)], member=admin(bot))
    assert removed["data"]["content"].startswith(
        f"Abonnement #{sub.id} entfernt: Dafür wird in <#{target['id']}> nichts mehr gepostet.")
    empty = await run(bot, "subscriptions", [], member=admin(bot))
    assert empty["data"]["embeds"][0]["description"].startswith("Keine Abonnements:")
