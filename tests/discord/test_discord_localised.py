"""The bot in the server's language, through the real discord.py client against the fake
Discord: the synced command tree carries Discord's localisations, and a German and a
Ukrainian server get notifications and command replies in their language, dates written
as they write them; names and quotes stay as written. `/setup language` overrides the
server's locale, and "auto" returns to it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest_asyncio

from bot.discord.notifier import DiscordNotifier
from bot.domain import NotificationKind, Status
from bot.errors import StoreError
from bot.notify.base import SendOutcome
from bot.store.api import Store, Unit
from tests.support.builders import notification, store_invitation
from tests.support.discord_harness import (
    Bot,
    admin,
    assert_ephemeral_error,
    audit_log,
    make_deps,
    opt,
    run,
    running_bot,
    text_of,
)
from tests.support.fake_discord import FakeDiscord, FakeGuild

# Discord's rule for command and option names in every locale.
NAME = re.compile(r"^[-_\w]{1,32}$")


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as server:
        server.add_guild("Redaktion", channel_names=("allgemein", "einladungen"),
                         preferred_locale="de")
        server.add_guild("Редакція", channel_names=("загальний", "запрошення"),
                         preferred_locale="uk")
        yield server


@pytest_asyncio.fixture
async def bot(fake: FakeDiscord, store: Store) -> AsyncIterator[Bot]:
    async with running_bot(fake, store, make_deps(store, fake)) as harness:
        yield harness


def ukrainian(bot: Bot) -> FakeGuild:
    return next(g for g in bot.fake.guilds.values() if g.preferred_locale == "uk")


def target(guild: FakeGuild) -> str:
    return f"discord:{guild.id}:{guild.channels[1]['id']}"


def last_post(bot: Bot) -> dict[str, Any]:
    return bot.fake.requests_to("POST", r"^/channels/\d+/messages$")[-1].body


def fields_of(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed["fields"]}


async def run_in(bot: Bot, guild: FakeGuild, name: str, options: list[dict[str, Any]],
                 member: dict[str, Any] | None = None) -> dict[str, Any]:
    payload = bot.fake.command_interaction(guild, name, options, member=member)
    return await bot.fake.respond(payload)


def synced(bot: Bot, name: str) -> dict[str, Any]:
    [(scope, body)] = bot.fake.synced
    assert scope == "global"
    return next(command for command in body if command["name"] == name)


async def test_the_synced_commands_carry_their_localisations(bot: Bot) -> None:
    invitations = synced(bot, "invitations")
    assert invitations["name_localizations"]["de"] == "einladungen"
    assert invitations["name_localizations"]["uk"] == "запрошення"
    assert invitations["description_localizations"]["fr"] == (
        "Invitations entre personnalités publiques, les plus récentes d’abord")
    status = next(o for o in invitations["options"] if o["name"] == "status")
    assert status["description_localizations"]["ru"] == "Только этот статус"
    pending = next(c for c in status["choices"] if c["value"] == "pending")
    assert pending["name_localizations"]["es-ES"] == "Pendiente"
    assert pending["name_localizations"]["uk"] == "Очікує відповіді"
    setup = synced(bot, "setup")
    language = next(o for o in setup["options"] if o["name"] == "language")
    assert language["name_localizations"]["de"] == "sprache"
    assert language["description_localizations"]["uk"] == (
        "Мова повідомлень invitewatch на цьому сервері")


async def test_every_localised_name_is_one_discord_accepts(bot: Bot) -> None:
    [(_scope, body)] = bot.fake.synced
    seen: dict[str, set[str]] = {}

    def check(item: dict[str, Any], top: bool) -> None:
        for locale, name in (item.get("name_localizations") or {}).items():
            assert NAME.match(name) and name == name.lower(), (locale, name)
            if top:  # top-level names must be unique in each locale
                assert name not in seen.setdefault(locale, set()), (locale, name)
                seen[locale].add(name)
        for locale, text in (item.get("description_localizations") or {}).items():
            assert 1 <= len(text) <= 100, (locale, text)
        for option in item.get("options") or []:
            check(option, False)
        for choice in item.get("choices") or []:
            for locale, text in (choice.get("name_localizations") or {}).items():
                assert 1 <= len(text) <= 100, (locale, text)

    for command in body:
        check(command, True)
    assert {"de", "fr", "es-ES", "ru", "uk"} <= set(seen)


async def test_a_german_and_a_ukrainian_server_get_the_notification_in_their_language(
        bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    new = notification()
    german = await notifier.send(target(bot.guild), new, None)
    embed = last_post(bot)["embeds"][0]
    assert embed["title"] == "Elon Musk → Vladimir Putin"  # names stay as written
    assert embed["description"].startswith(
        "**Elon Musk** hat **Vladimir Putin** eingeladen. Anlass: Gespräch (Clubhouse).")
    assert "> The entrepreneur asked the president" in embed["description"]  # the quote too
    fields = fields_of(embed)
    assert fields["Status"] == "⏳ Ausstehend"
    assert fields["Sicherheit"] == "90\xa0%"  # Babel's (CLDR's) non-breaking spaces
    assert fields["Zuerst gemeldet"] == (
        "[Daily Example](https://daily.example/musk-putin) · 14.02.2021")
    assert embed["footer"]["text"] == "Einladung #7 · /einladung 7 zeigt ihren Verlauf"

    uk = ukrainian(bot)
    first = await notifier.send(target(uk), new, None)
    fields = fields_of(last_post(bot)["embeds"][0])
    assert fields["Статус"] == "⏳ Очікує відповіді"
    assert fields["Перше повідомлення"].endswith(" · 14 лют. 2021\u202fр.")
    change = notification(NotificationKind.STATUS, status=Status.RESPONDED,
                          previous=Status.PENDING, url="https://zeitung.example/kreml",
                          outlet="Zeitung", languages=("de", "en"))
    result = await notifier.send(target(uk), change, first.message_id)
    assert result.outcome is SendOutcome.SENT and german.outcome is SendOutcome.SENT
    reply = last_post(bot)["content"]
    assert reply.startswith("**Статус змінився:** ⏳ Очікує відповіді → 💬 Відповідь "
                            "(без зобов’язань)\nДжерело: [Zeitung](https://zeitung.example/kreml)")


async def test_the_servers_setting_outranks_its_locale_for_notifications(bot: Bot) -> None:
    notifier = DiscordNotifier(bot.client)
    with bot.store.unit() as unit:
        unit.save_guild_settings(replace(unit.guild_settings(bot.guild.id), language="fr"))
    await notifier.send(target(bot.guild), notification(), None)
    fields = fields_of(last_post(bot)["embeds"][0])
    assert fields["Statut"] == "⏳ En attente"
    assert fields["Premier signalement"].endswith(" · 14 févr. 2021")
    # The setting is read at each send: a change applies to the next post, no restart.
    with bot.store.unit() as unit:
        unit.save_guild_settings(replace(unit.guild_settings(bot.guild.id), language="auto"))
    await notifier.send(target(bot.guild), notification(), None)
    assert fields_of(last_post(bot)["embeds"][0])["Status"] == "⏳ Ausstehend"


async def test_command_replies_are_in_the_servers_language(bot: Bot) -> None:
    number = store_invitation(bot.store)
    german = text_of(await run(bot, "invitation", [opt("id", number, 4)]))
    assert "Anlass: Gespräch (Clubhouse)" in german
    assert "Status: ⏳ Ausstehend seit 14.02.2021" in german
    assert "Zuerst gesehen 14.02.2021" in german
    ukrainian_text = text_of(await run_in(bot, ukrainian(bot), "invitation",
                                          [opt("id", number, 4)]))
    assert "Статус: ⏳ Очікує відповіді з 14 лют. 2021\u202fр." in ukrainian_text
    assert "1. 14 лют. 2021\u202fр. · ⏳ Очікує відповіді" in ukrainian_text
    listing = text_of(await run_in(bot, ukrainian(bot), "invitations", []))
    assert "1 джерело" in listing and "сторінка 1/1" in listing


async def test_errors_are_in_the_servers_language(bot: Bot) -> None:
    missing = await run_in(bot, ukrainian(bot), "invitation", [opt("id", 999, 4)])
    assert_ephemeral_error(missing, "Запрошення № 999 немає. `/запрошення` покаже відомі.")
    refused = await run(bot, "setup language", [opt("language", "fr")])
    assert_ephemeral_error(refused, "**Server verwalten**")
    future = await run(bot, "invitations", [opt("since", "2099-01-01")])
    assert_ephemeral_error(future, "`since` liegt in der Zukunft (2099-01-01)")


async def test_setup_language_overrides_the_locale_and_auto_returns_to_it(bot: Bot) -> None:
    chosen = await run(bot, "setup language", [opt("language", "fr")], member=admin(bot))
    assert chosen["data"]["content"] == "invitewatch écrit désormais ici en Français."
    with bot.store.unit() as unit:
        assert unit.guild_settings(bot.guild.id).language == "fr"
    number = store_invitation(bot.store)
    assert "Occasion : Conversation (Clubhouse)" in text_of(
        await run(bot, "invitation", [opt("id", number, 4)]))
    shown = text_of(await run(bot, "config show", [], member=admin(bot)))
    assert "Langue du bot : fr" in shown

    back = await run(bot, "setup language", [opt("language", "auto")], member=admin(bot))
    assert back["data"]["content"] == ("invitewatch folgt hier jetzt der Sprache des Servers "
                                       "(Deutsch).")
    with bot.store.unit() as unit:
        assert unit.guild_settings(bot.guild.id).language == "auto"
    assert [a for _, _, a in audit_log(bot.store)] == ["setup.language", "setup.language"]


async def test_a_forged_language_is_refused_and_nothing_changes(bot: Bot) -> None:
    refused = await run(bot, "setup language", [opt("language", "xx")], member=admin(bot))
    assert_ephemeral_error(refused)
    with bot.store.unit() as unit:
        assert unit.guild_settings(bot.guild.id).language == "auto"
    assert audit_log(bot.store) == []


class CountingLockedStore:
    """A locked database that counts how often it was asked."""

    dialect = "sqlite"
    url = "sqlite:///locked.db"

    def __init__(self) -> None:
        self.attempts = 0

    @contextmanager
    def unit(self, *, read_only: bool = False) -> Iterator[Unit]:
        self.attempts += 1
        raise StoreError("database is locked by another process (sqlite:///locked.db)")
        yield  # pragma: no cover

    def upgrade(self) -> None: ...

    def close(self) -> None: ...


async def test_a_database_failure_is_told_in_the_servers_locale_without_asking_again(
        fake: FakeDiscord, store: Store) -> None:
    locked = CountingLockedStore()
    deps = replace(make_deps(store, fake), store=locked)  # type: ignore[arg-type]
    async with running_bot(fake, store, deps) as harness:
        callback = await fake.interact(fake.command_interaction(ukrainian(harness), "stats"))
    assert callback["data"]["content"].startswith("⚠️ База даних зараз недоступна")
    assert locked.attempts == 1  # the command's own read; the language came from the locale


async def test_a_watchers_direct_message_is_in_the_language_of_their_server(bot: Bot) -> None:
    watcher = "456789012345678901"
    uk = ukrainian(bot)
    notifier = DiscordNotifier(bot.client, watchers=lambda keys: [(uk.id, watcher)])
    [dm] = notifier.targets(notification(), [])
    assert dm == f"discord:dm:{watcher}"
    result = await notifier.send(dm, notification(), None)
    assert result.outcome is SendOutcome.SENT
    fields = fields_of(last_post(bot)["embeds"][0])
    assert fields["Статус"] == "⏳ Очікує відповіді"
    # Without the lookup (or once the watch is gone) the message is in English.
    await DiscordNotifier(bot.client).send(dm, notification(), None)
    assert fields_of(last_post(bot)["embeds"][0])["Status"] == "⏳ Pending"
