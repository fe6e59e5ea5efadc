"""`/feeds add` reads the feed once before adding it, as `invitewatch feeds add` does: a
web page gives the feed it announces, a typo is refused at once and nothing is stored."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest_asyncio

from bot.feeds.fetch import FetchLimits, make_session
from bot.feeds.probe import probe_feed
from bot.store.api import Store
from tests.support.discord_harness import (
    Bot,
    admin,
    assert_ephemeral_error,
    make_deps,
    opt,
    run,
    running_bot,
)
from tests.support.fake_discord import FakeDiscord
from tests.support.feed_server import QUIET, rss
from tests.support.http_server import LocalHTTPServer

LIMITS = FetchLimits(allow_private=True)  # the test's feeds are on 127.0.0.1


async def real_probe(address: str) -> tuple[str, str | None, int]:
    """What the app passes in (App.probe_feed), with limits that allow 127.0.0.1."""
    async with make_session(LIMITS) as session:
        probe = await probe_feed(session, address, LIMITS)
    return probe.url, probe.title, len(probe.entries)


@pytest_asyncio.fixture
async def site() -> AsyncIterator[LocalHTTPServer]:
    async with LocalHTTPServer() as server:
        feed = server.add("/wire.xml", body=rss(QUIET),
                          headers={"Content-Type": "application/rss+xml"})
        server.add("/", body=f'<html><head><link rel="alternate" type="application/rss+xml" '
                             f'href="{feed}"></head><body>News</body></html>',
                   headers={"Content-Type": "text/html"})
        server.add("/missing.xml", status=404, body="no such page")
        yield server


@pytest_asyncio.fixture
async def probing_bot(fake: FakeDiscord, store: Store) -> AsyncIterator[Bot]:
    deps = replace(make_deps(store, fake), probe_feed=real_probe)
    async with running_bot(fake, store, deps) as harness:
        yield harness


async def test_a_web_page_adds_the_feed_it_announces(probing_bot: Bot,
                                                     site: LocalHTTPServer) -> None:
    added = await run(probing_bot, "feeds add", [opt("url", site.url("/"))],
                      member=admin(probing_bot))
    content = added["data"]["content"]
    assert f"Added <{site.url('/wire.xml')}> (QA Wire, 1 entry now)" in content
    with probing_bot.store.unit() as unit:
        assert [f.url for f in unit.list_feeds()] == [site.url("/wire.xml")]


async def test_an_address_that_is_no_feed_is_refused_and_nothing_stored(
        probing_bot: Bot, site: LocalHTTPServer) -> None:
    refused = await run(probing_bot, "feeds add", [opt("url", site.url("/missing.xml"))],
                        member=admin(probing_bot))
    assert_ephemeral_error(refused, "I could not read a feed at", "404")
    with probing_bot.store.unit() as unit:
        assert unit.list_feeds() == []
