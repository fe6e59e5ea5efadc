"""The Atom feeds out: valid against a RELAX NG grammar of RFC 4287 (tests/web/atom.rng,
written from the RFC's rules, loaded by lxml) plus the rules a grammar cannot state, read
by feedparser, with ids that do not change, self links, and no hidden record."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from aiohttp.test_utils import TestClient, TestServer
from lxml import etree

from bot.domain import Status
from bot.store.api import Store
from bot.web import SiteOptions, build_app
from tests.support.builders import DAY0, add_report
from tests.web.conftest import Records

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).with_name("atom.rng"))))
FEEDS = ["/feeds/all.atom", "/feeds/status/pending.atom", "/feeds/status/took_place.atom",
         "/feeds/figures/vladimir-putin.atom", "/feeds/figures/kanye-west.atom"]


def problems(document: bytes) -> list[str]:
    """What makes `document` invalid Atom: the grammar's errors, then the RFC's rules
    outside any grammar (4.1.1: an author on the feed or on every entry; 4.1.1/4.1.2: at
    most one alternate link per type and hreflang)."""
    root = etree.fromstring(document)
    if not SCHEMA.validate(root):
        return [str(e) for e in SCHEMA.error_log]
    found = []
    entries = root.findall(f"{ATOM}entry")
    if root.find(f"{ATOM}author") is None and any(e.find(f"{ATOM}author") is None for e in entries):
        found.append("an entry without an author in a feed without one")
    for holder in [root, *entries]:
        alternates = [(link.get("type"), link.get("hreflang")) for link in holder.findall(f"{ATOM}link")
                      if link.get("rel", "alternate") == "alternate"]
        if len(alternates) != len(set(alternates)):
            found.append("two alternate links of one type and language")
    return found


async def get_feed(client: TestClient, path: str) -> bytes:
    response = await client.get(path)
    assert response.status == 200, await response.text()
    assert response.content_type == "application/atom+xml"
    return await response.read()


@pytest.mark.parametrize("path", FEEDS)
async def test_every_feed_is_valid_atom(client: TestClient, records: Records, path: str) -> None:
    document = await get_feed(client, path)
    assert problems(document) == []
    parsed = feedparser.parse(document)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.links[0].rel == "self"
    assert parsed.feed.links[0].href == str(client.make_url(path))


async def test_the_checker_rejects_invalid_atom(client: TestClient, records: Records) -> None:
    good = await get_feed(client, "/feeds/all.atom")
    assert problems(good) == []
    no_id = good.replace(b"<id>tag:invitewatch,2021:feed/all</id>", b"", 1)
    assert problems(no_id)
    local_time = good.replace(b"Z</updated>", b"</updated>", 1)
    assert problems(local_time)
    no_author = good.replace(b"<author><name>invitewatch</name></author>", b"", 1)
    assert problems(no_author) == ["an entry without an author in a feed without one"]


async def test_the_feed_of_everything(client: TestClient, store: Store,
                                      records: Records) -> None:
    parsed = feedparser.parse(await get_feed(client, "/feeds/all.atom"))
    titles = [e.title for e in parsed.entries]
    # Newest first: each record's first status, and the one status change; no hidden record.
    assert len(titles) == 4
    assert titles[-1] == ("New invitation: Elon Musk → Vladimir Putin (a conversation on "
                          "Clubhouse), pending")
    assert "Elon Musk → Vladimir Putin (a conversation on Clubhouse): responded, was pending" in titles
    assert not any("withdrawn" in t for t in titles)
    responded = next(e for e in parsed.entries if "responded" in e.title)
    assert responded.link == str(client.make_url(f"/invitations/{records.musk_putin}"))
    assert responded.tags[0].term == "responded"
    assert "https://zeitung.example/kreml" in [link.href for link in responded.links]
    assert parsed.feed.updated == parsed.entries[0].updated  # its newest entry
    hostile = next(e for e in parsed.entries if "Ned" in e.title)
    assert not [link for link in hostile.links if link.rel == "related"]  # javascript: dropped


async def test_feeds_per_status_and_per_figure(client: TestClient, records: Records) -> None:
    accepted = feedparser.parse(await get_feed(client, "/feeds/status/accepted.atom"))
    assert [e.tags[0].term for e in accepted.entries] == ["accepted"]
    kanye = feedparser.parse(await get_feed(client, "/feeds/figures/kanye-west.atom"))
    assert [e.title for e in kanye.entries] == [
        "New invitation: Elon Musk → Kanye West (a conversation on Clubhouse), accepted"]
    assert kanye.feed.id == "tag:invitewatch,2021:feed/figure/kanye-west"
    for missing in ("/feeds/status/maybe.atom", "/feeds/figures/nobody.atom"):
        assert (await client.get(missing)).status == 404


async def test_ids_are_stable_across_requests_changes_and_addresses(
        client: TestClient, store: Store, records: Records) -> None:
    before = feedparser.parse(await get_feed(client, "/feeds/all.atom"))
    add_report(store, records.musk_kanye, Status.TOOK_PLACE, when=DAY0.replace(day=20), url="https://journal.example/met")
    after = feedparser.parse(await get_feed(client, "/feeds/all.atom"))
    assert [e.id for e in after.entries][1:] == [e.id for e in before.entries]
    assert [e.updated for e in after.entries][1:] == [e.updated for e in before.entries]
    public = build_app(store, SiteOptions(public_base_url="https://iw.example/watch"))
    async with TestClient(TestServer(public, host="127.0.0.1")) as elsewhere:
        response = await elsewhere.get("/feeds/all.atom")
        moved = feedparser.parse(await response.read())
    assert [e.id for e in moved.entries] == [e.id for e in after.entries]
    assert moved.feed.links[0].href == "https://iw.example/watch/feeds/all.atom"
    assert moved.entries[0].link.startswith("https://iw.example/watch/invitations/")


async def test_an_empty_feed_is_valid_and_does_not_change(store: Store) -> None:
    async with TestClient(TestServer(build_app(store), host="127.0.0.1")) as empty:
        first = await get_feed(empty, "/feeds/all.atom")
        second = await get_feed(empty, "/feeds/all.atom")
    assert first == second and problems(first) == []
