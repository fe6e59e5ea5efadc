"""A local HTTP server for tests: real sockets on 127.0.0.1, routes set up per test.

Usage::

    async with LocalHTTPServer() as server:
        server.add("/feed.xml", body=b"<rss ...>", headers={"Content-Type": "application/rss+xml"})
        server.redirect("/old", "/feed.xml", status=301)
        url = server.url("/old")
        ...
        assert server.paths() == ["/old", "/feed.xml"]

Routes can be added or replaced while the server runs; an unknown path answers 404.
As a pytest fixture: ``from tests.support.http_server import local_http_server`` in a
conftest.py (or ``pytest_plugins = ["tests.support.http_server"]``), then ask for
``local_http_server`` in a test.
Slow handlers wait on the server's own shutdown signal, so stopping never waits for a
sleeping handler to finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from types import TracebackType

import pytest_asyncio
from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: str
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class LocalHTTPServer:
    """An aiohttp server on 127.0.0.1 and a free port, with routes registered by path."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.port = 0
        self.requests: list[RecordedRequest] = []
        self._routes: dict[str, Handler] = {}
        self._runner: web.AppRunner | None = None
        self._stopping = asyncio.Event()

    # -- lifecycle -------------------------------------------------------------------

    async def start(self) -> LocalHTTPServer:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        # handler_cancellation: a client that hangs up ends its handler at once.
        self._runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        self._stopping.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> LocalHTTPServer:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # -- addresses -------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # -- routes ----------------------------------------------------------------------

    def handle(self, path: str, handler: Handler) -> str:
        """Serve `path` with an aiohttp handler; returns the full URL."""
        self._routes[path] = handler
        return self.url(path)

    def add(
        self,
        path: str,
        *,
        status: int = 200,
        body: bytes | str = b"",
        headers: Mapping[str, str] | None = None,
    ) -> str:
        """Serve a fixed answer at `path`."""
        payload = body.encode("utf-8") if isinstance(body, str) else body
        fixed_headers = dict(headers or {})

        async def fixed(_: web.Request) -> web.StreamResponse:
            return web.Response(status=status, body=payload, headers=fixed_headers)

        return self.handle(path, fixed)

    def add_feed(
        self,
        path: str,
        body: bytes | str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        content_type: str = "application/rss+xml; charset=utf-8",
        gzip_body: bool = False,
    ) -> str:
        """Serve a feed that honours If-None-Match / If-Modified-Since with 304."""
        payload = body.encode("utf-8") if isinstance(body, str) else body

        async def feed(request: web.Request) -> web.StreamResponse:
            validators: dict[str, str] = {}
            if etag is not None:
                validators["ETag"] = etag
            if last_modified is not None:
                validators["Last-Modified"] = last_modified
            if (etag is not None and request.headers.get("If-None-Match") == etag) or (
                last_modified is not None
                and request.headers.get("If-Modified-Since") == last_modified
            ):
                return web.Response(status=304, headers=validators)
            headers = {"Content-Type": content_type, **validators}
            data = payload
            if gzip_body:
                data = gzip.compress(payload)
                headers["Content-Encoding"] = "gzip"
            return web.Response(body=data, headers=headers)

        return self.handle(path, feed)

    def redirect(self, path: str, to: str, *, status: int = 302) -> str:
        """Redirect `path` to `to` (a path on this server or any absolute URL)."""

        async def moved(_: web.Request) -> web.StreamResponse:
            return web.Response(status=status, headers={"Location": to})

        return self.handle(path, moved)

    def redirect_chain(self, prefix: str, hops: int, final: str, *, status: int = 302) -> str:
        """`hops` redirects prefix/0 -> prefix/1 -> ... -> final; returns the first URL."""
        for hop in range(hops):
            target = f"{prefix}/{hop + 1}" if hop + 1 < hops else final
            self.redirect(f"{prefix}/{hop}", target, status=status)
        return self.url(f"{prefix}/0")

    def slow(
        self,
        path: str,
        *,
        delay: float,
        body: bytes = b"",
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        after_headers: bool = False,
    ) -> str:
        """Answer after `delay` seconds; with `after_headers`, send the headers at once and
        stall before the body. Stops waiting as soon as the server stops."""

        async def slow_answer(_: web.Request) -> web.StreamResponse:
            if not after_headers:
                await self._pause(delay)
                return web.Response(status=status, body=body, headers=dict(headers or {}))
            response = web.StreamResponse(status=status, headers=dict(headers or {}))
            response.content_length = len(body) + 1
            await response.prepare(_)
            await response.write(body[:1])
            await self._pause(delay)
            await response.write(body[1:] + b"\n")
            return response

        return self.handle(path, slow_answer)

    def stream(
        self,
        path: str,
        *,
        chunk: bytes,
        count: int,
        content_length: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> str:
        """Send `chunk` `count` times, without holding the whole body in memory; with
        `content_length` the total size is announced up front, else chunked encoding."""

        async def streamed(request: web.Request) -> web.StreamResponse:
            response = web.StreamResponse(headers=dict(headers or {}))
            if content_length:
                response.content_length = len(chunk) * count
            else:
                response.enable_chunked_encoding()
            await response.prepare(request)
            for _ in range(count):
                await response.write(chunk)  # raises once the client hangs up
            return response

        return self.handle(path, streamed)

    # -- the request log -------------------------------------------------------------

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def requests_to(self, path: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path == path]

    # -- internals -------------------------------------------------------------------

    async def _pause(self, delay: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), timeout=delay)

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(
            RecordedRequest(
                method=request.method,
                path=request.path,
                query=request.query_string,
                headers={k.lower(): v for k, v in request.headers.items()},
            )
        )
        handler = self._routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text=f"no route for {request.path}")
        return await handler(request)


@pytest_asyncio.fixture
async def local_http_server() -> AsyncIterator[LocalHTTPServer]:
    """A running server for one test; import it into a conftest.py or test module."""
    async with LocalHTTPServer() as server:
        yield server
