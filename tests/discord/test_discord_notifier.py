"""The Discord notifier against the fake Discord through the real discord.py client:
posting, editing and replying, Discord's failures mapped to SendResults, no pings."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from bot.discord.notifier import DiscordNotifier
from bot.domain import NotificationKind, Party, Status
from bot.notify.base import SendOutcome
from bot.notify.outbox import OutboxDelivery
from bot.store.api import GuildSettings, Subscription
from tests.support.builders import KANYE, MUSK, PUTIN, notification, store_invitation
from tests.support.discord_harness import FIXED_NOW, Bot

HOSTILE_TEXT = ("@everyone look: <@123456789012345678> and <@&234567890123456789> and @here "
                "invited everyone to [click](https://evil.example)")


def target(bot: Bot, index: int = 1) -> str:
    return f"discord:{bot.guild.id}:{bot.guild.channels[index]['id']}"


def posts(bot: Bot) -> list[Any]:
    return bot.fake.requests_to("POST", r"^/channels/\d+/messages$")


def assert_cannot_ping(body: dict[str, Any], role_id: str | None = None) -> None:
    mentions = body["allowed_mentions"]
    assert mentions["parse"] == [], mentions
    assert [str(r) for r in mentions.get("roles", [])] == ([role_id] if role_id else [])
    assert mentions.get("users", []) == []
    assert not mentions.get("replied_user")
    content = body.get("content") or ""
    for live in ("@everyone", "@here", "<@1", "<@&2"):
        assert live not in content, content
    for embed in body.get("embeds") or []:
        blob = json.dumps(embed, ensure_ascii=False)
        assert "@everyone" not in blob and "@here" not in blob and "<@1" not in blob


async def test_new_invitation_is_posted_as_one_embed(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    result = await notifier.send(target(bot), notification(), None)
    assert result.outcome is SendOutcome.SENT
    [post] = posts(bot)
    assert post.path == f"/channels/{bot.guild.channels[1]['id']}/messages"
    assert result.message_id in bot.fake.messages
    embed = post.body["embeds"][0]
    assert embed["title"] == "Elon Musk → Vladimir Putin"
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Status"] == "⏳ Pending"
    assert fields["First reported"] == "[Daily Example](https://daily.example/musk-putin) · 2021-02-14"
    assert fields["Languages"] == "en"
    assert embed["color"] == 0xF1C40F
    assert_cannot_ping(post.body)


async def test_status_change_edits_the_post_and_replies(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    first = await notifier.send(target(bot), notification(), None)
    change = notification(NotificationKind.STATUS, status=Status.RESPONDED, previous=Status.PENDING,
                          url="https://zeitung.example/kreml", outlet="Zeitung", languages=("de", "en"))
    result = await notifier.send(target(bot), change, first.message_id)
    assert result.outcome is SendOutcome.SENT
    assert result.message_id == first.message_id  # the announcement stays the one to edit
    [edit] = bot.fake.requests_to("PATCH", rf"/messages/{first.message_id}$")
    fields = {f["name"]: f["value"] for f in edit.body["embeds"][0]["fields"]}
    assert fields["Status"] == "💬 Responded (non-committal) (was ⏳ Pending)"
    assert fields["Latest report"].startswith("[Zeitung](https://zeitung.example/kreml)")
    assert edit.body["allowed_mentions"]["parse"] == []
    reply = posts(bot)[-1]
    assert str(reply.body["message_reference"]["message_id"]) == first.message_id
    assert "⏳ Pending → 💬 Responded (non-committal)" in reply.body["content"]
    assert_cannot_ping(reply.body)
    assert bot.fake.messages[first.message_id]["edited_timestamp"] is not None


async def test_deleted_announcement_is_posted_again(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    change = notification(NotificationKind.STATUS, status=Status.ACCEPTED, previous=Status.PENDING)
    result = await notifier.send(target(bot), change, "1300000000000000000")  # no such message
    assert result.outcome is SendOutcome.SENT
    assert result.message_id != "1300000000000000000"
    assert posts(bot)[-1].body["embeds"][0]["fields"][0]["value"].startswith("✅ Accepted")


async def test_role_is_the_only_possible_ping_and_article_text_is_defused(bot: Bot) -> None:
    role_id = "345678901234567890"
    notifier = DiscordNotifier(bot.client)
    sub = Subscription(guild_id=bot.guild.id, channel_id=bot.guild.channels[1]["id"], id=1,
                       mention_role_id=role_id)
    hostile = notification(inviter=Party("@everyone"), invitee=Party("<@123456789012345678>"),
                           evidence=HOSTILE_TEXT, outlet="@here News", occasion="@everyone party")
    assert notifier.targets(hostile, [sub]) == [sub.target]
    first = await notifier.send(sub.target, hostile, None)
    change = notification(NotificationKind.STATUS, status=Status.DECLINED, previous=Status.PENDING,
                          evidence=HOSTILE_TEXT, outlet="@everyone Times")
    await notifier.send(sub.target, change, first.message_id)
    bodies = [r.body for r in bot.fake.requests
              if r.method in ("POST", "PATCH") and "/channels/" in r.path]
    assert len(bodies) == 3
    for body in bodies:
        assert_cannot_ping(body, role_id if body.get("content") else None)
    assert bodies[0]["content"] == f"<@&{role_id}>"  # the role, in content only
    embed = bodies[0]["embeds"][0]
    assert embed["title"] == "@\u200beveryone → <@\u200b123456789012345678>"
    assert "@\u200bhere" in embed["description"] and "<@\u200b&234567890123456789>" in embed["description"]


async def test_role_is_found_in_the_store_after_a_restart(bot: Bot) -> None:
    # A delivery planned before a restart: this notifier never saw targets() for it.
    role_id = "345678901234567891"
    with bot.store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id=bot.guild.id, mention_role_id=role_id,
                                               channel_ids=[bot.guild.channels[1]["id"]]))
    result = await DiscordNotifier(bot.client).send(target(bot), notification(), None)
    assert result.outcome is SendOutcome.SENT
    body = posts(bot)[-1].body
    assert body["content"] == f"<@&{role_id}>"
    assert_cannot_ping(body, role_id)


async def test_429_is_waited_out(bot: Bot) -> None:
    bot.fake.fail("POST", r"^/channels/\d+/messages$", 429, retry_after=0.2)
    result = await DiscordNotifier(bot.client).send(target(bot), notification(), None)
    assert result.outcome is SendOutcome.SENT
    statuses = [r.status for r in posts(bot)]
    assert statuses == [429, 200]


async def test_429_that_surfaces_is_a_retry_with_retry_after(bot: Bot) -> None:
    # Without Discord's Via header discord.py does not wait: the notifier must say when to retry.
    bot.fake.fail("POST", r"^/channels/\d+/messages$", 429, retry_after=12.5, via=False)
    result = await DiscordNotifier(bot.client).send(target(bot), notification(), None)
    assert result.outcome is SendOutcome.RETRY
    assert result.retry_after == 12.5


async def test_403_404_5xx_and_400_are_mapped(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    cases = [(403, 50013, SendOutcome.FORBIDDEN), (404, 10003, SendOutcome.GONE),
             (503, 0, SendOutcome.RETRY), (400, 50035, SendOutcome.FAILED)]
    for status, code, expected in cases:
        bot.fake.fail("POST", r"^/channels/\d+/messages$", status, code=code,
                      message=f"scripted {status}")
        result = await notifier.send(target(bot), notification(), None)
        assert result.outcome is expected, (status, result)
        assert result.error is not None and str(status) in result.error
    assert not bot.fake.messages  # nothing was posted


async def test_channel_deleted_is_gone_and_bad_targets_fail(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    gone = await notifier.send(f"discord:{bot.guild.id}:1399999999999999999", notification(), None)
    assert gone.outcome is SendOutcome.GONE
    bad = await notifier.send("discord:not-a-channel", notification(), None)
    assert bad.outcome is SendOutcome.FAILED and "expected 'discord:<guild id>:<channel id>:<subscription id>'" in (
        bad.error or "")
    removed = await notifier.send(f"discord:{bot.guild.id}:{bot.guild.channels[1]['id']}:99",
                                  notification(), None)
    assert removed.outcome is SendOutcome.FAILED
    assert "subscription 99 no longer exists" in (removed.error or "")


async def test_admins_are_told_about_a_forbidden_channel(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    forbidden = bot.guild.channels[1]["id"]
    assert await notifier.notify_admins_forbidden(bot.guild.id, forbidden)
    [post] = posts(bot)
    assert post.path == f"/channels/{bot.guild.system_channel_id}/messages"
    assert f"<#{forbidden}>" in post.body["content"] and "/setup channel" in post.body["content"]
    assert post.body["allowed_mentions"]["parse"] == []


async def test_owner_gets_a_dm_when_no_channel_accepts_the_warning(bot: Bot) -> None:
    # The other two channels refuse too (the forbidden one is not even tried).
    bot.fake.fail("POST", r"^/channels/\d+/messages$", 403, times=2, code=50013)
    notifier = DiscordNotifier(bot.client)
    assert await notifier.notify_admins_forbidden(bot.guild.id, bot.guild.channels[1]["id"])
    tried = [p.path.split("/")[2] for p in posts(bot)[:2]]
    assert tried == [bot.guild.channels[0]["id"], bot.guild.channels[2]["id"]]
    [dm] = bot.fake.requests_to("POST", r"^/users/@me/channels$")
    assert str(dm.body["recipient_id"]) == bot.fake.owner_id
    assert posts(bot)[-1].status == 200
    assert posts(bot)[-1].path == f"/channels/{bot.fake.dm_channels[bot.fake.owner_id]}/messages"


async def test_watchers_get_direct_messages(bot: Bot) -> None:
    watcher_id = "456789012345678901"
    notifier = DiscordNotifier(bot.client, watchers=lambda keys: [(bot.guild.id, watcher_id)]
                               if "vladimir-putin" in keys else [])
    targets = notifier.targets(notification(), [])
    assert targets == [f"discord:dm:{watcher_id}"]
    assert notifier.targets(notification(invitee=KANYE), []) == []
    result = await notifier.send(targets[0], notification(), None)
    assert result.outcome is SendOutcome.SENT
    assert posts(bot)[-1].path == f"/channels/{bot.fake.dm_channels[watcher_id]}/messages"
    assert_cannot_ping(posts(bot)[-1].body)


async def test_outbox_delivery_posts_once_then_edits(bot: Bot) -> None:
    """The lead's outbox loop with this notifier: planned by targets(), message id remembered,
    the status change edits the same post; running the loop again posts nothing twice."""
    channel_id = bot.guild.channels[1]["id"]
    invitation_id = store_invitation(bot.store, inviter=MUSK, invitee=PUTIN)
    with bot.store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id=bot.guild.id, channel_ids=[channel_id]))
        unit.enqueue(notification(invitation_id=invitation_id), FIXED_NOW)
    clock = [FIXED_NOW]
    delivery = OutboxDelivery(bot.store, [DiscordNotifier(bot.client)], clock=lambda: clock[0])
    stats = await delivery.deliver_once()
    assert (stats.planned, stats.sent) == (1, 1)
    assert len(posts(bot)) == 1
    with bot.store.unit() as unit:
        [sub] = unit.subscriptions(bot.guild.id)
        remembered = unit.message_for(invitation_id, sub.target)
        assert remembered is not None and remembered in bot.fake.messages
        unit.enqueue(notification(NotificationKind.STATUS, status=Status.RESPONDED,
                                  previous=Status.PENDING, invitation_id=invitation_id), FIXED_NOW)
    clock[0] += timedelta(minutes=1)
    again = await delivery.deliver_once()
    assert again.sent == 1
    assert len(bot.fake.requests_to("PATCH", rf"/messages/{remembered}$")) == 1
    assert len(posts(bot)) == 2  # the first post and the reply, nothing more
    clock[0] += timedelta(minutes=1)
    idle = await delivery.deliver_once()
    assert (idle.planned, idle.sent) == (0, 0) and len(posts(bot)) == 2


async def test_a_hidden_record_edits_its_post_and_replies_with_the_note(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    first = await notifier.send(target(bot), notification(), None)
    hidden = notification(NotificationKind.HIDDEN, evidence="satire, not news",
                          outlet="editor: discord:1", url=None)
    result = await notifier.send(target(bot), hidden, first.message_id)
    assert result.outcome is SendOutcome.SENT and result.message_id == first.message_id
    [edit] = bot.fake.requests_to("PATCH", rf"/messages/{first.message_id}$")
    fields = {f["name"]: f["value"] for f in edit.body["embeds"][0]["fields"]}
    assert fields["Status"].startswith("🚫 hidden by an editor as a false record")
    reply = posts(bot)[-1]
    assert "**Hidden by an editor** as a false record: satire, not news" in reply.body["content"]
    assert_cannot_ping(reply.body)


async def test_a_hidden_record_never_announced_in_a_channel_posts_nothing_there(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    hidden = notification(NotificationKind.HIDDEN, evidence="satire", url=None)
    result = await notifier.send(target(bot), hidden, None)
    assert result.outcome is SendOutcome.SENT and posts(bot) == []
