"""Every slash command, sent as INTERACTION_CREATE through the fake Discord to the real
discord.py client, answered through the interaction callback."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.domain import Status
from bot.store.api import GuildSettings, Store
from tests.support.builders import (
    DAY0,
    KANYE,
    MUSK,
    PUTIN,
    add_report,
    many_invitations,
    store_invitation,
)
from tests.support.discord_harness import (
    EPHEMERAL,
    FIXED_NOW,
    Bot,
    FeedsChanged,
    admin,
    assert_ephemeral_error,
    audit_log,
    make_deps,
    opt,
    run,
    running_bot,
    text_of,
)
from tests.support.fake_discord import ADMINISTRATOR, MANAGE_GUILD, MEMBER_PERMISSIONS, FakeDiscord


def channel_resolved(bot: Bot, channel: dict[str, Any]) -> dict[str, Any]:
    return {"channels": {channel["id"]: {**channel, "permissions": str(MEMBER_PERMISSIONS)}}}


# -- read-only commands ---------------------------------------------------------------

async def test_invitations_pages_with_buttons(bot: Bot) -> None:
    ids = many_invitations(bot.store, 7)
    callback = await run(bot, "invitations")
    assert callback["type"] == 4
    first = text_of(callback)
    assert "page 1/2" in first and "1–5 of 7" in first
    assert f"#{ids[-1]}" in first and f"#{ids[0]}" not in first  # newest first
    assert not callback["data"].get("flags", 0) & EPHEMERAL
    buttons = callback["data"]["components"][0]["components"]
    labels = {b["label"]: b for b in buttons}
    assert labels["Previous"]["disabled"] is True and labels["Next"].get("disabled") is False

    message_id = bot.fake.interactions[next(reversed(bot.fake.interactions))].payload["_original"]
    owner = bot.fake.interactions[next(reversed(bot.fake.interactions))].payload["member"]
    press = bot.fake.component_interaction(bot.guild, message_id, labels["Next"]["custom_id"],
                                           member=owner)
    turned = await bot.fake.interact(press)
    assert turned["type"] == 7  # the message is updated in place
    second = text_of(turned)
    assert "page 2/2" in second and f"#{ids[0]}" in second and f"#{ids[-1]}" not in second

    stranger = bot.fake.component_interaction(bot.guild, message_id, labels["Previous"]["custom_id"])
    refused = await bot.fake.interact(stranger)
    assert refused["type"] == 4 and refused["data"]["flags"] & EPHEMERAL
    assert "Only the member who ran this command" in refused["data"]["content"]
    assert bot.errors == []


async def test_pages_do_not_shift_when_invitations_arrive_between_them(bot: Bot) -> None:
    ids = many_invitations(bot.store, 7)
    callback = await run(bot, "invitations")
    labels = {b["label"]: b for b in callback["data"]["components"][0]["components"]}
    latest = bot.fake.interactions[next(reversed(bot.fake.interactions))].payload
    message_id, owner = latest["_original"], latest["member"]
    # Three newer records while the first page is on screen: with offsets, the next page
    # would repeat three rows of the first and the two oldest would not be reached.
    newer = [store_invitation(bot.store, invitee=KANYE, when=DAY0.replace(month=6, day=n),
                              url=f"https://daily.example/new{n}") for n in (1, 2, 3)]

    async def press(label: str) -> str:
        click = bot.fake.component_interaction(bot.guild, message_id,
                                               labels[label]["custom_id"], member=owner)
        return text_of(await bot.fake.interact(click))

    second = await press("Next")
    assert f"#{ids[0]}" in second and f"#{ids[1]}" in second
    assert not any(f"#{i}" in second for i in ids[2:] + newer)
    back = await press("Previous")
    assert all(f"#{i}" in back for i in ids[2:]) and not any(f"#{i}" in back for i in newer)
    top = await press("Previous")  # the newer records, then the page is the first again
    assert all(f"#{i}" in top for i in newer) and "page 1/" in top
    assert bot.errors == []


async def test_invitations_filters_by_status_figure_and_since(bot: Bot) -> None:
    putin = store_invitation(bot.store, inviter=MUSK, invitee=PUTIN)
    add_report(bot.store, putin, Status.RESPONDED, when=DAY0.replace(day=15),
               url="https://zeitung.example/kreml")
    kanye = store_invitation(bot.store, inviter=MUSK, invitee=KANYE, status=Status.ACCEPTED,
                             url="https://daily.example/kanye")
    callback = await run(bot, "invitations", [opt("status", "responded"), opt("figure", "Putin"),
                                              opt("since", "2021-02-01")])
    text = text_of(callback)
    assert f"#{putin}" in text and f"#{kanye}" not in text
    assert "Filters: status responded, figure Vladimir Putin, updated since 2021-02-01" in text
    assert "components" not in callback["data"] or not callback["data"]["components"]

    none = await run(bot, "invitations", [opt("since", "7d")])  # FIXED_NOW is 2021-03-01
    assert "No invitations match" in text_of(none)


async def test_invitations_refuses_a_bad_since(bot: Bot) -> None:
    callback = await run(bot, "invitations", [opt("since", "last tuesday")])
    assert_ephemeral_error(callback, "`since` must be a date like 2024-05-01")
    future = await run(bot, "invitations", [opt("since", "2030-01-01")])
    assert_ephemeral_error(future, "in the future")


async def test_invitation_shows_its_timeline(bot: Bot) -> None:
    invitation_id = store_invitation(bot.store)
    add_report(bot.store, invitation_id, Status.RESPONDED, when=DAY0.replace(day=15),
               url="https://zeitung.example/kreml")
    callback = await run(bot, "invitation", [opt("id", invitation_id, kind=4)])
    embed = callback["data"]["embeds"][0]
    assert embed["title"] == f"#{invitation_id} Elon Musk → Vladimir Putin"
    names = [f["name"] for f in embed["fields"]]
    assert names == ["1. 2021-02-14 · ⏳ Pending", "2. 2021-02-15 · 💬 Responded (non-committal)"]
    assert "(https://zeitung.example/kreml) (de)" in embed["fields"][1]["value"]
    assert "Languages: de, en" in embed["description"]

    missing = await run(bot, "invitation", [opt("id", 999, kind=4)])
    assert_ephemeral_error(missing, "There is no invitation #999")


async def test_figure_autocomplete_and_listing(bot: Bot) -> None:
    store_invitation(bot.store, inviter=MUSK, invitee=PUTIN)
    store_invitation(bot.store, inviter=MUSK, invitee=KANYE, url="https://daily.example/k")
    suggestions = await run(bot, "figure", [opt("name", "v", focused=True)], autocomplete=True)
    assert suggestions["type"] == 8
    choices = suggestions["data"]["choices"]
    assert {"name": "Vladimir Putin", "value": "Vladimir Putin"} in choices
    assert len(choices) <= 25

    listing = await run(bot, "figure", [opt("name", "Kanye West")])
    text = text_of(listing)
    assert "Invitations involving Kanye West" in text
    assert "Kanye West" in text and "Vladimir Putin" not in text.split("\n", 1)[1]


async def test_watch_and_unwatch(bot: Bot) -> None:
    member = bot.fake.member_payload(name="reader")
    user_id = member["user"]["id"]
    added = await run(bot, "watch", [opt("figure", "putin")], member=member)
    assert added["data"]["flags"] & EPHEMERAL
    assert "now watching **Vladimir Putin**" in added["data"]["content"]
    again = await run(bot, "watch", [opt("figure", "Vladimir Putin")], member=member)
    assert "already watching" in again["data"]["content"]
    with bot.store.unit() as unit:
        assert unit.watchers(["vladimir-putin"]) == [(bot.guild.id, user_id)]

    removed = await run(bot, "unwatch", [], member=member)
    assert "Stopped 1 watch on any figure" in removed["data"]["content"]
    with bot.store.unit() as unit:
        assert unit.watchers(["vladimir-putin"]) == []


async def test_stats(bot: Bot) -> None:
    store_invitation(bot.store)
    callback = await run(bot, "stats")
    text = text_of(callback)
    assert "Invitations: 1" in text
    assert "⏳ Pending: 1" in text


# -- admin commands -------------------------------------------------------------------

async def test_setup_channel_by_an_admin_is_saved_and_audited(bot: Bot) -> None:
    channel = bot.guild.channels[1]
    callback = await run(bot, "setup channel", [opt("channel", channel["id"], kind=7)],
                         member=admin(bot), resolved=channel_resolved(bot, channel))
    assert callback["data"]["flags"] & EPHEMERAL
    assert f"posted in <#{channel['id']}>" in callback["data"]["content"]
    with bot.store.unit() as unit:
        assert unit.guild_settings(bot.guild.id).channel_ids == [channel["id"]]
    assert [row[1:] for row in audit_log(bot.store)] == [(bot.guild.id, "setup.channel.add")]

    removed = await run(bot, "setup channel", [opt("channel", channel["id"], kind=7),
                                               opt("remove", True, kind=5)],
                        member=admin(bot), resolved=channel_resolved(bot, channel))
    assert "no longer be posted" in removed["data"]["content"]
    with bot.store.unit() as unit:
        assert unit.guild_settings(bot.guild.id).channel_ids == []


async def test_admin_command_from_a_member_without_manage_server_is_refused(bot: Bot) -> None:
    channel = bot.guild.channels[1]
    member = bot.fake.member_payload(permissions=MEMBER_PERMISSIONS, name="visitor")
    refusals = [
        await run(bot, "setup channel", [opt("channel", channel["id"], kind=7)], member=member,
                  resolved=channel_resolved(bot, channel)),
        await run(bot, "setup filters", [opt("statuses", "pending")], member=member),
        await run(bot, "feeds add", [opt("url", "https://feeds.example/rss")], member=member),
        await run(bot, "feeds list", member=member),
        await run(bot, "config show", member=member),
    ]
    for callback in refusals:
        assert_ephemeral_error(callback, "Manage Server")
    with bot.store.unit() as unit:
        assert unit.guild_settings(bot.guild.id).channel_ids == []
        assert unit.guild_settings(bot.guild.id).statuses == []
        assert unit.list_feeds() == []
    assert audit_log(bot.store) == []


async def test_setup_filters(bot: Bot) -> None:
    role = bot.fake.add_role(bot.guild, "invitation alerts")
    member = bot.fake.member_payload(permissions=ADMINISTRATOR | MANAGE_GUILD, name="admin")
    callback = await run(bot, "setup filters", [
        opt("figures", "Putin, Kanye West, Someone Unknown"), opt("statuses", "pending, responded"),
        opt("languages", "DE, en"), opt("min_confidence", 0.5, kind=10), opt("role", role["id"], kind=8),
    ], member=member, resolved={"roles": {role["id"]: role}})
    assert callback["data"]["flags"] & EPHEMERAL, text_of(callback)
    assert "Filters saved" in callback["data"]["content"]
    with bot.store.unit() as unit:
        settings = unit.guild_settings(bot.guild.id)
    assert settings.figure_keys == ["vladimir-putin", "kanye-west", "name:someone unknown"]
    assert settings.statuses == [Status.PENDING, Status.RESPONDED]
    assert settings.languages == ["de", "en"]
    assert settings.min_confidence == 0.5
    assert settings.mention_role_id == role["id"]
    assert [row[2] for row in audit_log(bot.store)] == ["setup.filters"]

    bad = await run(bot, "setup filters", [opt("statuses", "pending, maybe")], member=member)
    assert_ephemeral_error(bad, "Unknown status `maybe`")
    cleared = await run(bot, "setup filters", [opt("figures", "any"), opt("clear_role", True, kind=5)],
                        member=member)
    assert "Figures: any" in cleared["data"]["content"]
    with bot.store.unit() as unit:
        settings = unit.guild_settings(bot.guild.id)
    assert settings.figure_keys == [] and settings.mention_role_id is None
    assert settings.statuses == [Status.PENDING, Status.RESPONDED]  # untouched
    assert len(audit_log(bot.store)) == 2  # the refused change wrote nothing


async def test_feeds_add_list_remove(bot: Bot, feeds_changed: FeedsChanged) -> None:
    url = "https://feeds.example/world.xml"
    added = await run(bot, "feeds add", [opt("url", url)], member=admin(bot))
    assert added.get("deferred") is True  # validation may take a DNS lookup: answered later
    assert added["data"]["flags"] & EPHEMERAL
    assert "Added <https://feeds.example/world.xml>" in added["data"]["content"]
    assert feeds_changed.calls == 1
    duplicate = await run(bot, "feeds add", [opt("url", url)], member=admin(bot))
    assert_ephemeral_error(duplicate, "already read")
    refused = await run(bot, "feeds add", [opt("url", "ftp://feeds.example/x")], member=admin(bot))
    assert_ephemeral_error(refused, "That feed address was refused", "only http and https")

    listing = await run(bot, "feeds list", member=admin(bot))
    assert "Feeds (1)" in text_of(listing) and url in text_of(listing)

    suggestions = await run(bot, "feeds remove", [opt("url", "world", focused=True)],
                            member=admin(bot), autocomplete=True)
    assert suggestions["data"]["choices"] == [{"name": url, "value": url}]
    removed = await run(bot, "feeds remove", [opt("url", url)], member=admin(bot))
    assert "Removed <https://feeds.example/world.xml>" in removed["data"]["content"]
    with bot.store.unit() as unit:
        assert unit.list_feeds() == []
    assert [row[2] for row in audit_log(bot.store)] == ["feeds.add", "feeds.remove"]
    assert feeds_changed.calls == 2
    gone = await run(bot, "feeds remove", [opt("url", url)], member=admin(bot))
    assert_ephemeral_error(gone, "I do not read")


async def test_config_show(bot: Bot) -> None:
    channel = bot.guild.channels[1]
    await run(bot, "setup channel", [opt("channel", channel["id"], kind=7)], member=admin(bot),
              resolved=channel_resolved(bot, channel))
    callback = await run(bot, "config show", member=admin(bot))
    assert callback["data"]["flags"] & EPHEMERAL
    text = text_of(callback)
    assert '"token": "set (hidden)"' in text
    assert f"Channels: <#{channel['id']}>" in text
    assert "Subscriptions: 1 (`/subscriptions` lists them)" in text  # /setup's channel
    assert FIXED_NOW.year == 2021


async def test_no_answer_can_ping_whatever_the_stored_text(bot: Bot) -> None:
    """Names and evidence come from articles: every body the bot sends must be inert."""
    from bot.domain import Party

    hostile = store_invitation(bot.store, inviter=Party("@everyone"),
                               invitee=Party("<@123456789012345678>"),
                               url="https://daily.example/@here")
    member = admin(bot)
    await run(bot, "invitations", member=member)
    await run(bot, "invitation", [opt("id", hostile, kind=4)], member=member)
    await run(bot, "figure", [opt("name", "@everyone")], member=member)
    await run(bot, "watch", [opt("figure", "@here")], member=member)
    await run(bot, "setup filters", [opt("figures", "@everyone, <@&234567890123456789>")], member=member)
    await run(bot, "feeds add", [opt("url", "https://x.example/@everyone")], member=member)
    sent = [r for r in bot.fake.requests if r.method in ("POST", "PATCH") and r.body
            and ("/callback" in r.path or "/webhooks/" in r.path or "/messages" in r.path)]
    bodies = [(r.path, r.body.get("data", r.body)) for r in sent]
    bodies = [(path, data) for path, data in bodies if "content" in data or "embeds" in data]
    assert len(bodies) == 6  # one answer per command (the deferral carries no text)
    for path, data in bodies:
        assert data["allowed_mentions"] == {"parse": []}, path
        everything = json.dumps(data, ensure_ascii=False)
        for live in ("@everyone", "@here", "<@1", "<@&2"):
            assert live not in everything, (path, everything)


async def test_pager_buttons_are_removed_when_it_times_out(bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.discord.commands import browse

    monkeypatch.setattr(browse, "PAGER_TIMEOUT", 0.2)
    many_invitations(bot.store, 6)
    payload = bot.fake.command_interaction(bot.guild, "invitations")
    callback = await bot.fake.respond(payload)
    assert callback["data"]["components"]
    path = rf"^/webhooks/{bot.fake.application_id}/{payload['token']}/messages/@original$"
    [edit] = await bot.fake.wait_for_request("PATCH", path)
    assert edit.body["components"] == []


async def test_setup_channel_warns_about_missing_permissions_and_clears_the_forbidden_mark(
        fake: FakeDiscord, store: Store) -> None:
    guild = next(iter(fake.guilds.values()))
    channel = guild.channels[2]
    fake.deny_bot_in(guild, channel["id"])
    with store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id=guild.id, channel_ids=[channel["id"]],
                                               forbidden_channels={channel["id"]: FIXED_NOW}))
    async with running_bot(fake, store, make_deps(store, fake)) as bot:
        callback = await run(bot, "setup channel", [opt("channel", channel["id"], kind=7)],
                             member=admin(bot), resolved=channel_resolved(bot, channel))
    assert "I am missing Send Messages" in callback["data"]["content"]
    with store.unit() as unit:
        settings = unit.guild_settings(guild.id)
    assert settings.channel_ids == [channel["id"]]  # not duplicated
    assert settings.forbidden_channels == {}  # the admin says it is fixed: try again


