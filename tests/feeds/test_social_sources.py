"""Each social adapter against a local server serving the platform's public format."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web

from bot.errors import FetchError, ParseError
from bot.feeds.fetch import FetchLimits, RetryLaterError, make_session
from bot.feeds.sources import Endpoints, check_feed_or_source, fetch_source, source_ref
from tests.support.fake_social import FakeBluesky, FakeMastodon, json_error, telegram_page
from tests.support.http_server import LocalHTTPServer

LOCAL = FetchLimits(allow_private=True, connect_timeout=5.0, read_timeout=5.0)


@pytest_asyncio.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with make_session(LOCAL) as client:
        yield client


def endpoints(server: LocalHTTPServer, pages: int = 3) -> Endpoints:
    return Endpoints(mastodon_scheme="http", bluesky_appview=server.base_url,
                     telegram_base=server.base_url, youtube_base=server.base_url,
                     max_pages=pages)


# -- accounts as people write them --------------------------------------------------------

@pytest.mark.parametrize(("kind", "typed", "uri"), [
    ("mastodon", "@Alice@Mastodon.Social", "mastodon:Alice@mastodon.social"),
    ("mastodon", "https://mastodon.social/@alice", "mastodon:alice@mastodon.social"),
    ("bluesky", "@Alice.bsky.social", "bluesky:alice.bsky.social"),
    ("bluesky", "https://bsky.app/profile/alice.bsky.social", "bluesky:alice.bsky.social"),
    ("bluesky", "did:plc:abcdefghijklmnopqrstuvwx", "bluesky:did:plc:abcdefghijklmnopqrstuvwx"),
    ("telegram", "https://t.me/s/SomeChannel", "telegram:somechannel"),
    ("telegram", "@some_channel", "telegram:some_channel"),
    ("youtube", "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv",
     "youtube:UCabcdefghijklmnopqrstuv"),
])
def test_accounts_are_normalised(kind: str, typed: str, uri: str) -> None:
    assert source_ref(kind, typed).uri == uri
    assert check_feed_or_source(uri, False) == uri


@pytest.mark.parametrize(("kind", "typed"), [
    ("mastodon", "alice"), ("mastodon", "@alice@"), ("bluesky", "not a handle"),
    ("bluesky", "nodot"), ("telegram", "ab"), ("youtube", "@somechannel"), ("myspace", "x"),
])
def test_bad_accounts_are_refused_with_a_reason(kind: str, typed: str) -> None:
    with pytest.raises(FetchError) as caught:
        source_ref(kind, typed)
    assert caught.value.permanent and str(caught.value)


# -- Mastodon --------------------------------------------------------------------------------

async def test_mastodon_statuses_over_pages(http_server: LocalHTTPServer,
                                            session: aiohttp.ClientSession) -> None:
    fake = FakeMastodon(http_server, accounts={"alice": "7"})
    fake.install()
    for n in range(1, 46):
        fake.post("alice", str(n), f"<p>post number {n}</p>", minutes=n)
    fake.post("alice", "46", "", minutes=46, media_only=True)
    fake.post("alice", "47", "<p>replying</p>", minutes=47, reply_to="3")
    fake.post("alice", "48", "<p>quoting</p>", minutes=48, quote_of="5")
    ref = source_ref("mastodon", f"@alice@{fake.instance}")

    parsed = await fetch_source(session, ref, LOCAL, endpoints(http_server))

    assert len(parsed.entries) == 47  # 45 + reply + quote; the media-only post is skipped
    assert parsed.warning is not None and "1 posts with only media" in parsed.warning
    quoting = parsed.entries[0]
    assert quoting.in_reply_to == parsed.entries[-5].key  # the key of status 5
    newest = parsed.entries[1]
    assert newest.text == "replying" and newest.author == f"@alice@{fake.instance}"
    assert newest.platform == "mastodon"
    assert newest.in_reply_to == parsed.entries[-3].key  # the key of status 3
    assert newest.published is not None and newest.published.tzinfo is not None
    pages = http_server.requests_to("/api/v1/accounts/7/statuses")
    assert len(pages) == 2 and "max_id=9" in pages[1].query


async def test_mastodon_pages_stop_when_rate_limit_is_spent(
        http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    fake = FakeMastodon(http_server, accounts={"alice": "7"}, remaining=0)
    fake.install()
    for n in range(1, 90):
        fake.post("alice", str(n), f"<p>post {n}</p>")
    parsed = await fetch_source(session, source_ref("mastodon", f"alice@{fake.instance}"),
                                LOCAL, endpoints(http_server))
    assert len(parsed.entries) == 40
    assert parsed.warning is not None and "rate limit" in parsed.warning
    assert len(http_server.requests_to("/api/v1/accounts/7/statuses")) == 1


async def test_mastodon_unknown_account_is_a_permanent_clear_error(
        http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    fake = FakeMastodon(http_server, accounts={"alice": "7"})
    fake.install()
    with pytest.raises(FetchError) as caught:
        await fetch_source(session, source_ref("mastodon", f"@nobody@{fake.instance}"), LOCAL,
                           endpoints(http_server))
    assert caught.value.permanent and "no such Mastodon account @nobody@" in str(caught.value)


async def test_mastodon_429_with_reset_time_backs_off(
        http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    fake = FakeMastodon(http_server, accounts={"alice": "7"})
    fake.install()
    fake.interruptions.append(json_error(429, {"X-RateLimit-Reset": "2999-01-01T00:00:00Z"}))
    with pytest.raises(RetryLaterError) as caught:
        await fetch_source(session, source_ref("mastodon", f"alice@{fake.instance}"), LOCAL,
                           endpoints(http_server))
    assert caught.value.retry_after is not None and caught.value.retry_after > 3600


async def test_mastodon_5xx_and_garbage_are_errors_not_crashes(
        http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    fake = FakeMastodon(http_server, accounts={"alice": "7"})
    fake.install()
    ref = source_ref("mastodon", f"alice@{fake.instance}")
    fake.interruptions.append(json_error(502))
    with pytest.raises(FetchError) as failed:
        await fetch_source(session, ref, LOCAL, endpoints(http_server))
    assert not failed.value.permanent and "HTTP 502" in str(failed.value)
    fake.interruptions.append(web.Response(text="<html>maintenance</html>"))
    with pytest.raises(ParseError, match="did not answer JSON"):
        await fetch_source(session, ref, LOCAL, endpoints(http_server))
    fake.interruptions.append(web.json_response({"statuses": []}))
    with pytest.raises(ParseError, match="list of statuses"):
        await fetch_source(session, ref, LOCAL, endpoints(http_server))


# -- Bluesky ---------------------------------------------------------------------------------

async def test_bluesky_author_feed_with_cursor_replies_quotes_and_reposts(
        http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    fake = FakeBluesky(http_server, page_size=2)
    fake.install()
    fake.account("alice.test")
    fake.account("bob.test")
    fake.post("bob.test", "b1", "An invitation", minutes=1)
    fake.post("alice.test", "a1", "First", minutes=2)
    fake.post("alice.test", "a2", "Sure, let's do it", minutes=3,
              reply_to=fake.uri("bob.test", "b1"))
    fake.post("alice.test", "a3", "Look at this", minutes=4, quote=fake.uri("bob.test", "b1"))
    fake.post("alice.test", "a4", "someone else's", minutes=5, repost=True)
    fake.post("alice.test", "a5", "", minutes=6)

    parsed = await fetch_source(session, source_ref("bluesky", "@alice.test"), LOCAL,
                                endpoints(http_server))

    by_text = {a.text: a for a in parsed.entries}
    assert set(by_text) == {"First", "Sure, let's do it", "Look at this"}
    reply = by_text["Sure, let's do it"]
    assert reply.in_reply_to == fake.uri("bob.test", "b1")
    assert reply.author == "@alice.test" and reply.platform == "bluesky"
    assert reply.url == "https://bsky.app/profile/alice.test/post/a2"
    assert by_text["Look at this"].in_reply_to == fake.uri("bob.test", "b1")
    assert by_text["First"].in_reply_to is None
    assert len(http_server.requests_to("/xrpc/app.bsky.feed.getAuthorFeed")) == 3
    assert parsed.warning is not None and "only media" in parsed.warning


async def test_bluesky_unknown_actor_and_429(http_server: LocalHTTPServer,
                                             session: aiohttp.ClientSession) -> None:
    fake = FakeBluesky(http_server)
    fake.install()
    fake.account("alice.test")
    with pytest.raises(FetchError) as unknown:
        await fetch_source(session, source_ref("bluesky", "ghost.test"), LOCAL,
                           endpoints(http_server))
    assert unknown.value.permanent and "no such Bluesky account @ghost.test" in str(unknown.value)
    fake.interruptions.append(json_error(429, {"RateLimit-Reset": "120"}))
    with pytest.raises(RetryLaterError) as limited:
        await fetch_source(session, source_ref("bluesky", "alice.test"), LOCAL,
                           endpoints(http_server))
    assert limited.value.retry_after == pytest.approx(120)


# -- Telegram --------------------------------------------------------------------------------

async def test_telegram_preview_pages_back_with_before(
        http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    newer = telegram_page("newsroom", "The Newsroom", [
        (11, "I invite <b>everyone</b>", None), (12, "", None), (13, "Agreed.", 11)])
    older = telegram_page("newsroom", "The Newsroom", [(9, "Older post", None)])

    async def preview(request: web.Request) -> web.StreamResponse:
        body = older if request.query.get("before") == "11" else newer
        return web.Response(text=body, content_type="text/html")

    http_server.handle("/s/newsroom", preview)
    parsed = await fetch_source(session, source_ref("telegram", "@newsroom"), LOCAL,
                                endpoints(http_server, pages=2))
    by_key = {a.key: a for a in parsed.entries}
    assert set(by_key) == {"https://t.me/newsroom/11", "https://t.me/newsroom/13",
                           "https://t.me/newsroom/9"}
    assert by_key["https://t.me/newsroom/11"].text == "I invite everyone"
    answer = by_key["https://t.me/newsroom/13"]
    assert answer.text == "Agreed." and answer.in_reply_to == "https://t.me/newsroom/11"
    assert answer.author == "@newsroom" and answer.platform == "telegram"
    assert answer.outlet == "The Newsroom"
    assert parsed.warning is not None and "1 posts with only media" in parsed.warning


async def test_telegram_missing_channel_and_changed_layout(
        http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    http_server.add("/s/ghostchannel", body='<html><div class="tgme_page">Contact</div></html>')
    http_server.add("/s/redesigned", body="<html><main><article>new look</article></main></html>")
    with pytest.raises(ParseError, match="no public preview for @ghostchannel"):
        await fetch_source(session, source_ref("telegram", "ghostchannel"), LOCAL,
                           endpoints(http_server))
    with pytest.raises(ParseError, match="layout changed"):
        await fetch_source(session, source_ref("telegram", "redesigned"), LOCAL,
                           endpoints(http_server))


# -- YouTube ---------------------------------------------------------------------------------

YOUTUBE_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/"
 xmlns="http://www.w3.org/2005/Atom">
 <id>yt:channel:abcdefghijklmnopqrstuv</id><title>Some Show</title>
 <author><name>Some Show</name></author>
 <entry><id>yt:video:vid00000001</id><yt:videoId>vid00000001</yt:videoId>
  <title>Episode 12: my guest</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=vid00000001"/>
  <published>2026-11-30T09:00:00+00:00</published>
  <media:group><media:description>I invited a guest to the show.</media:description></media:group>
 </entry>
</feed>"""


async def test_youtube_channel_feed(http_server: LocalHTTPServer,
                                    session: aiohttp.ClientSession) -> None:
    http_server.add("/feeds/videos.xml", body=YOUTUBE_FEED,
                    headers={"Content-Type": "application/atom+xml"})
    parsed = await fetch_source(session, source_ref("youtube", "UCabcdefghijklmnopqrstuv"),
                                LOCAL, endpoints(http_server))
    assert [a.title for a in parsed.entries] == ["Episode 12: my guest"]
    video = parsed.entries[0]
    assert video.platform == "youtube" and video.author == "Some Show"
    assert http_server.requests_to("/feeds/videos.xml")[0].query == (
        "channel_id=UCabcdefghijklmnopqrstuv")
