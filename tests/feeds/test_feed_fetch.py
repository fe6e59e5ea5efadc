"""fetch_feed against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import gzip
import socket
from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.errors import FetchError
from bot.feeds import urls
from bot.feeds.fetch import FetchLimits, RetryLaterError, fetch_feed, make_session
from bot.feeds.guard import PublicAddressResolver, RefusedAddressError
from bot.feeds.parse import parse_feed
from tests.support.feed_samples import HTML_PAGE, SIMPLE_FEED
from tests.support.http_server import LocalHTTPServer

# The test server lives on 127.0.0.1, which the default limits rightly refuse.
LOCAL = FetchLimits(allow_private=True, connect_timeout=5.0, read_timeout=5.0)


@pytest_asyncio.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with make_session(LOCAL) as client:
        yield client


async def test_200_then_304_with_etag(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add_feed("/feed.xml", SIMPLE_FEED, etag='"v1"')

    first = await fetch_feed(session, url, etag=None, last_modified=None, limits=LOCAL)
    assert first.status == 200 and not first.not_modified
    assert first.body is not None and b"lighthouse" in first.body
    assert first.etag == '"v1"'
    assert first.headers["content-type"].startswith("application/rss+xml")

    second = await fetch_feed(session, url, etag=first.etag, last_modified=None, limits=LOCAL)
    assert second.not_modified and second.status == 304 and second.body is None
    assert second.etag == '"v1"'
    sent = http_server.requests_to("/feed.xml")
    assert sent[0].header("If-None-Match") is None
    assert sent[1].header("If-None-Match") == '"v1"'


async def test_304_with_last_modified_keeps_validators(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    stamp = "Tue, 02 Mar 2021 10:00:00 GMT"
    url = http_server.add_feed("/lm.xml", SIMPLE_FEED, last_modified=stamp)

    first = await fetch_feed(session, url, etag=None, last_modified=None, limits=LOCAL)
    assert first.last_modified == stamp and first.etag is None
    second = await fetch_feed(session, url, etag=None, last_modified=stamp, limits=LOCAL)
    assert second.not_modified
    assert second.last_modified == stamp
    assert http_server.requests_to("/lm.xml")[1].header("If-Modified-Since") == stamp


async def test_request_headers(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add_feed("/h.xml", SIMPLE_FEED)
    await fetch_feed(session, url, limits=LOCAL)
    sent = http_server.requests[0]
    assert sent.header("User-Agent") == LOCAL.user_agent
    assert "application/rss+xml" in (sent.header("Accept") or "")
    assert sent.header("Accept-Encoding") == "gzip, deflate"


async def test_gzip_feed_is_decompressed(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add_feed("/gz.xml", SIMPLE_FEED, gzip_body=True)
    result = await fetch_feed(session, url, limits=LOCAL)
    assert result.body == SIMPLE_FEED.encode("utf-8")
    assert "content-encoding" not in result.headers  # the body is no longer compressed
    parsed = parse_feed(result.body, url=url, headers=result.headers)
    assert len(parsed.entries) == 2


async def test_read_timeout(http_server: LocalHTTPServer) -> None:
    limits = FetchLimits(allow_private=True, connect_timeout=5.0, read_timeout=0.2)
    url = http_server.slow("/slow.xml", delay=5.0, body=SIMPLE_FEED.encode())
    async with make_session(limits) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert str(caught.value).startswith(f"timed out after 0.2 s reading {url}")
    assert caught.value.permanent is False


async def test_timeout_while_reading_the_body(http_server: LocalHTTPServer) -> None:
    limits = FetchLimits(allow_private=True, connect_timeout=5.0, read_timeout=0.2)
    url = http_server.slow("/stall.xml", delay=5.0, body=SIMPLE_FEED.encode(), after_headers=True)
    async with make_session(limits) as client:
        with pytest.raises(FetchError, match=r"timed out after 0\.2 s reading"):
            await fetch_feed(client, url, limits=limits)


@pytest.mark.parametrize(
    ("status", "phrase", "permanent"),
    [
        (500, "HTTP 500 Internal Server Error", False),
        (502, "HTTP 502 Bad Gateway", False),
        (404, "HTTP 404 Not Found", True),
        (410, "HTTP 410 Gone", True),
        (401, "HTTP 401 Unauthorized", True),
        (403, "HTTP 403 Forbidden", True),
    ],
)
async def test_http_errors(
    http_server: LocalHTTPServer,
    session: aiohttp.ClientSession,
    status: int,
    phrase: str,
    permanent: bool,
) -> None:
    url = http_server.add("/broken.xml", status=status, body="nope")
    with pytest.raises(FetchError) as caught:
        await fetch_feed(session, url, limits=LOCAL)
    assert str(caught.value) == f"{phrase} from {url}"
    assert caught.value.permanent is permanent
    assert caught.value.status == status


async def test_429_keeps_retry_after(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add("/busy.xml", status=429, headers={"Retry-After": "120"})
    with pytest.raises(RetryLaterError) as caught:
        await fetch_feed(session, url, limits=LOCAL)
    assert caught.value.retry_after == 120.0
    assert caught.value.status == 429 and not caught.value.permanent
    assert "HTTP 429 Too Many Requests" in str(caught.value)
    assert "retry after 120 s" in str(caught.value)


async def test_503_with_a_retry_after_date(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add(
        "/maint.xml", status=503, headers={"Retry-After": "Fri, 31 Dec 2100 23:59:59 GMT"}
    )
    with pytest.raises(RetryLaterError) as caught:
        await fetch_feed(session, url, limits=LOCAL)
    assert caught.value.retry_after is not None and caught.value.retry_after > 86_400


async def test_oversized_body_with_content_length(http_server: LocalHTTPServer) -> None:
    limits = FetchLimits(allow_private=True, max_bytes=5_000_000)
    # 50 MB announced and streamed in 64 KB pieces; the client stops at the header.
    url = http_server.stream("/big.xml", chunk=b"x" * 65_536, count=800, content_length=True)
    async with make_session(limits) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert str(caught.value).startswith(f"response larger than 5.0 MB from {url}")
    assert "Content-Length: 52428800 bytes" in str(caught.value)
    assert caught.value.permanent is False


async def test_oversized_body_without_content_length(http_server: LocalHTTPServer) -> None:
    limits = FetchLimits(allow_private=True, max_bytes=200_000)
    url = http_server.stream("/endless.xml", chunk=b"y" * 65_536, count=800)
    async with make_session(limits) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert str(caught.value) == f"response larger than 0.2 MB from {url}"


async def test_body_at_the_limit_is_accepted(http_server: LocalHTTPServer) -> None:
    limits = FetchLimits(allow_private=True, max_bytes=65_536 * 3)
    url = http_server.stream("/exact.xml", chunk=b"z" * 65_536, count=3)
    async with make_session(limits) as client:
        result = await fetch_feed(client, url, limits=limits)
    assert result.body is not None and len(result.body) == 65_536 * 3


async def test_redirects_are_followed_and_reported(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    http_server.add_feed("/new.xml", SIMPLE_FEED)
    start = http_server.redirect_chain("/hop", 3, "/new.xml", status=301)
    result = await fetch_feed(session, start, limits=LOCAL)
    assert result.status == 200
    assert result.url == start
    assert result.final_url == http_server.url("/new.xml")
    assert http_server.paths() == ["/hop/0", "/hop/1", "/hop/2", "/new.xml"]


async def test_redirect_loop(http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    http_server.redirect("/a", "/b")
    http_server.redirect("/b", "/a")
    with pytest.raises(FetchError) as caught:
        await fetch_feed(session, http_server.url("/a"), limits=LOCAL)
    a, b = http_server.url("/a"), http_server.url("/b")
    assert str(caught.value) == f"redirect loop: {a} -> {b} -> {a}"
    assert http_server.paths() == ["/a", "/b"]


async def test_too_many_redirects(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    http_server.add_feed("/end.xml", SIMPLE_FEED)
    limits = FetchLimits(allow_private=True, max_redirects=2)
    start = http_server.redirect_chain("/r", 3, "/end.xml")
    with pytest.raises(FetchError, match=r"too many redirects \(more than 2\)"):
        await fetch_feed(session, start, limits=limits)
    assert "/end.xml" not in http_server.paths()
    # The same chain is fine when the limit allows it.
    result = await fetch_feed(session, start, limits=FetchLimits(allow_private=True))
    assert result.status == 200


async def test_redirect_without_location(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add("/nowhere", status=302)
    with pytest.raises(FetchError, match="redirect without a Location header"):
        await fetch_feed(session, url, limits=LOCAL)


@pytest.mark.parametrize(
    "target",
    ["http://10.0.0.1/feed", "http://169.254.169.254/latest/meta-data/", "http://[::1]/x"],
)
async def test_redirect_to_a_private_address_is_refused(
    http_server: LocalHTTPServer, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    # Let 127.0.0.1 stand in for a public server; every other address keeps the real rule.
    real_refusal = urls.address_refusal
    monkeypatch.setattr(
        urls,
        "address_refusal",
        lambda address: None if str(address) == "127.0.0.1" else real_refusal(address),
    )
    limits = FetchLimits(allow_private=False, connect_timeout=2.0, read_timeout=2.0)
    url = http_server.redirect("/jump", target)
    async with make_session(limits) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert caught.value.permanent is True
    assert str(caught.value).startswith(f"redirect from {url} to {target} refused")
    assert http_server.paths() == ["/jump"]


async def test_private_addresses_refused_by_default(http_server: LocalHTTPServer) -> None:
    url = http_server.add_feed("/feed.xml", SIMPLE_FEED)
    limits = FetchLimits()
    async with make_session(limits) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert caught.value.permanent is True
    assert "127.0.0.1 is a loopback address" in str(caught.value)
    assert http_server.requests == []


class StaticResolver(AbstractResolver):
    """Resolves every name to fixed addresses, without asking any DNS server."""

    def __init__(self, *addresses: str) -> None:
        self.addresses = addresses

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in self.addresses
        ]

    async def close(self) -> None:
        return None


async def test_a_name_resolving_to_a_private_address_is_refused_at_connect_time(
    http_server: LocalHTTPServer,
) -> None:
    http_server.add_feed("/feed.xml", SIMPLE_FEED)
    url = f"http://news.example:{http_server.port}/feed.xml"
    limits = FetchLimits(allow_private=False)
    async with make_session(limits, resolver=StaticResolver("127.0.0.1")) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert str(caught.value) == (
        f"refused to connect to {url}: news.example resolves to 127.0.0.1, a loopback "
        "address; feeds must be on the public internet"
    )
    assert caught.value.permanent is True
    assert http_server.requests == []

    # The same name through the same resolver connects when private addresses are allowed,
    # so the refusal above came from the address check and not from the resolver.
    allowing = FetchLimits(allow_private=True)
    async with make_session(allowing, resolver=StaticResolver("127.0.0.1")) as client:
        result = await fetch_feed(client, url, limits=allowing)
    assert result.status == 200
    assert http_server.requests[0].header("Host") == f"news.example:{http_server.port}"


async def test_bad_url_is_a_permanent_error(session: aiohttp.ClientSession) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_feed(session, "ftp://files.example/feed.xml", limits=LOCAL)
    assert caught.value.permanent is True
    assert "only http:// and https://" in str(caught.value)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_connection_refused(session: aiohttp.ClientSession) -> None:
    port = _closed_port()
    url = f"http://127.0.0.1:{port}/feed.xml"
    with pytest.raises(FetchError) as caught:
        await fetch_feed(session, url, limits=LOCAL)
    assert str(caught.value) == f"connection refused by 127.0.0.1:{port} ({url})"
    assert caught.value.permanent is False


class UnknownNameResolver(AbstractResolver):
    """Answers every lookup as the system resolver does for a name that does not exist."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    async def close(self) -> None:
        return None


@pytest.mark.parametrize("allow_private", [True, False])
async def test_dns_failure(allow_private: bool) -> None:
    # A resolver of our own: a real lookup would send a query off this machine.
    limits = FetchLimits(allow_private=allow_private)
    url = "http://feeds.nonexistent.example/rss"
    async with make_session(limits, resolver=UnknownNameResolver()) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert str(caught.value) == (
        "could not resolve host feeds.nonexistent.example "
        "(DNS lookup failed: Name or service not known)"
    )
    assert caught.value.permanent is False


async def test_tls_error(http_server: LocalHTTPServer, session: aiohttp.ClientSession) -> None:
    # An https request to a plain-HTTP port fails in the TLS handshake.
    http_server.add_feed("/feed.xml", SIMPLE_FEED)
    url = f"https://127.0.0.1:{http_server.port}/feed.xml"
    with pytest.raises(FetchError) as caught:
        await fetch_feed(session, url, limits=LOCAL)
    assert str(caught.value).startswith("TLS handshake with 127.0.0.1 failed")
    assert caught.value.permanent is False


async def test_html_page_fetches_but_does_not_parse(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    from bot.errors import ParseError

    url = http_server.add("/", body=HTML_PAGE, headers={"Content-Type": "text/html"})
    result = await fetch_feed(session, url, limits=LOCAL)
    assert result.body is not None
    with pytest.raises(ParseError, match=r"not an RSS/Atom feed: .* is an HTML page"):
        parse_feed(result.body, url=url, headers=result.headers)


async def test_gzip_bomb_is_cut_off_after_decompression(http_server: LocalHTTPServer) -> None:
    # About 3 KB on the wire, 3 MB once inflated: the limit counts the inflated bytes.
    bomb = gzip.compress(b"\0" * 3_000_000)
    url = http_server.add(
        "/bomb.xml", body=bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/xml"}
    )
    limits = FetchLimits(allow_private=True, max_bytes=1_000_000)
    async with make_session(limits) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert str(caught.value) == f"response larger than 1.0 MB from {url}"


async def test_corrupt_gzip_body(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add(
        "/corrupt.xml", body=b"this is not gzip data at all", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError) as caught:
        await fetch_feed(session, url, limits=LOCAL)
    assert str(caught.value).startswith(f"the response body from {url} was cut off or malformed")
    assert caught.value.permanent is False


async def test_connection_dropped_mid_body(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    async def truncated(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.content_length = 10_000
        await response.prepare(request)
        await response.write(b"<rss><channel><title>cut")
        assert request.transport is not None
        request.transport.close()
        return response

    url = http_server.handle("/cut.xml", truncated)
    with pytest.raises(FetchError) as caught:
        await fetch_feed(session, url, limits=LOCAL)
    assert f"the response body from {url} was cut off or malformed" in str(caught.value)


async def test_conditional_get_sends_both_validators(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add_feed("/both.xml", SIMPLE_FEED, etag='"e"', last_modified="x")
    result = await fetch_feed(session, url, etag='"e"', last_modified="x", limits=LOCAL)
    assert result.not_modified
    sent = http_server.requests[0]
    assert (sent.header("If-None-Match"), sent.header("If-Modified-Since")) == ('"e"', "x")


async def test_validators_with_line_breaks_are_not_sent(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add_feed("/inj.xml", SIMPLE_FEED)
    result = await fetch_feed(session, url, etag='"a"\r\nX-Evil: 1', limits=LOCAL)
    assert result.status == 200
    assert http_server.requests[0].header("If-None-Match") is None
    assert http_server.requests[0].header("X-Evil") is None


async def test_429_without_a_usable_retry_after(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    url = http_server.add("/busy2.xml", status=429, headers={"Retry-After": "whenever"})
    with pytest.raises(RetryLaterError) as caught:
        await fetch_feed(session, url, limits=LOCAL)
    assert caught.value.retry_after is None
    assert str(caught.value) == f"HTTP 429 Too Many Requests from {url}"


async def test_an_unguarded_session_is_not_used_for_public_only_fetches(
    http_server: LocalHTTPServer, session: aiohttp.ClientSession
) -> None:
    with pytest.raises(ValueError, match="needs a session from make_session"):
        await fetch_feed(session, "https://news.example/rss", limits=FetchLimits())
    assert http_server.requests == []


async def test_guard_keeps_public_answers_and_drops_private_ones() -> None:
    mixed = PublicAddressResolver(StaticResolver("10.9.8.7", "93.184.216.34", "::1"))
    answers = await mixed.resolve("mixed.example", 80)
    assert [a["host"] for a in answers] == ["93.184.216.34"]
    with pytest.raises(RefusedAddressError) as caught:
        await PublicAddressResolver(StaticResolver("169.254.169.254", "fc00::5")).resolve(
            "meta.example", 80
        )
    assert str(caught.value) == "meta.example resolves to 169.254.169.254, a link-local address"


class SlowResolver(AbstractResolver):
    """A lookup that takes far longer than any connect timeout in these tests."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        await asyncio.sleep(30)
        return []

    async def close(self) -> None:
        return None


async def test_connect_timeout() -> None:
    limits = FetchLimits(allow_private=True, connect_timeout=0.2, read_timeout=5.0)
    url = "http://slow-dns.example/feed"
    async with make_session(limits, resolver=SlowResolver()) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert str(caught.value) == f"timed out after 0.2 s connecting to {url}"
    assert caught.value.permanent is False


async def test_a_trickling_server_hits_the_whole_response_deadline(
    http_server: LocalHTTPServer,
) -> None:
    async def trickle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(2000):  # each byte well inside sock_read, the sum far beyond total
            await response.write(b" ")
            await asyncio.sleep(0.02)
        return response

    url = http_server.handle("/trickle.xml", trickle)
    limits = FetchLimits(allow_private=True, connect_timeout=0.1, read_timeout=0.3)
    async with make_session(limits) as client:
        with pytest.raises(FetchError) as caught:
            await fetch_feed(client, url, limits=limits)
    assert str(caught.value).startswith("timed out after 0.4 s")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"read_timeout": 0}, "read_timeout must be greater than 0, not 0"),
        ({"connect_timeout": -1.0}, "connect_timeout must be greater than 0, not -1.0"),
        ({"max_bytes": 0}, "max_bytes must be greater than 0"),
        ({"max_redirects": -1}, "max_redirects must be 0 or more"),
        ({"user_agent": "bot\r\nX-Evil: 1"}, "user_agent must be one non-empty line"),
    ],
)
def test_invalid_limits_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match="invalid fetch limits") as caught:
        FetchLimits(**changes)  # type: ignore[arg-type]
    assert message in str(caught.value)
