"""The local test server itself (tests/support/http_server.py)."""

from __future__ import annotations

import asyncio

import aiohttp

from tests.support.http_server import LocalHTTPServer


async def test_routes_and_request_log() -> None:
    async with LocalHTTPServer() as server:
        assert server.port > 0 and server.base_url == f"http://127.0.0.1:{server.port}"
        url = server.add("/hello", status=201, body="hi", headers={"X-Test": "yes"})
        async with aiohttp.ClientSession() as client:
            async with client.get(url + "?a=1", headers={"X-From": "test"}) as response:
                assert (response.status, await response.text()) == (201, "hi")
                assert response.headers["X-Test"] == "yes"
            async with client.get(server.url("missing")) as response:
                assert response.status == 404
        assert server.paths() == ["/hello", "/missing"]
        (first,) = server.requests_to("/hello")
        assert (first.method, first.query, first.header("x-from")) == ("GET", "a=1", "test")


async def test_redirect_chain_helper() -> None:
    async with LocalHTTPServer() as server:
        server.add("/end", body="done")
        start = server.redirect_chain("/r", 2, "/end", status=307)
        async with aiohttp.ClientSession() as client, client.get(start) as response:
            assert await response.text() == "done"
        assert server.paths() == ["/r/0", "/r/1", "/end"]


async def test_stopping_does_not_wait_for_a_slow_handler() -> None:
    server = await LocalHTTPServer().start()
    url = server.slow("/slow", delay=600.0, body=b"late")
    async with aiohttp.ClientSession() as client:
        request = asyncio.create_task(client.get(url))
        while not server.requests:
            await asyncio.sleep(0.01)
        # The handler is now asleep for ten minutes; stop() must still return at once
        # (were it to hang, pytest-timeout would fail this test).
        await server.stop()
        (outcome,) = await asyncio.gather(request, return_exceptions=True)
        if isinstance(outcome, aiohttp.ClientResponse):
            outcome.release()
        else:
            assert isinstance(outcome, aiohttp.ClientError)


async def test_the_shared_fixture_serves(local_http_server: LocalHTTPServer) -> None:
    url = local_http_server.add("/fixture", body="from the fixture")
    async with aiohttp.ClientSession() as client, client.get(url) as response:
        assert await response.text() == "from the fixture"
