"""/invitation links to the record's page on the public site when [web] public_base_url is
set (issue 12), and not otherwise, nor for a hidden record (the site does not show it)."""

from __future__ import annotations

from dataclasses import replace

from bot.store.api import Store
from tests.support.builders import store_invitation
from tests.support.discord_harness import make_deps, opt, run, running_bot
from tests.support.fake_discord import FakeDiscord


async def test_invitation_links_to_its_public_page(fake: FakeDiscord, store: Store) -> None:
    shown = store_invitation(store)
    hidden = store_invitation(store, url="https://daily.example/two")
    with store.unit() as unit:
        unit.set_hidden(hidden, True)
    deps = replace(make_deps(store, fake), public_base_url=lambda: "https://iw.example/site")
    async with running_bot(fake, store, deps) as bot:
        linked = await run(bot, "invitation", [opt("id", shown, kind=4)])
        unlinked = await run(bot, "invitation", [opt("id", hidden, kind=4)])
    assert linked["data"]["embeds"][0]["url"] == f"https://iw.example/site/invitations/{shown}"
    assert "url" not in unlinked["data"]["embeds"][0]


async def test_no_link_without_a_public_address(fake: FakeDiscord, store: Store) -> None:
    shown = store_invitation(store)
    async with running_bot(fake, store, make_deps(store, fake)) as bot:
        answer = await run(bot, "invitation", [opt("id", shown, kind=4)])
    assert "url" not in answer["data"]["embeds"][0]
