"""A feed server on 127.0.0.1 whose answers a test changes between polls, and RSS written
for the tests (`item`, `rss`). The `server` fixture is registered in tests/conftest.py."""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

RSS = "application/rss+xml; charset=utf-8"


class FeedServer:
    """A threaded HTTP server on 127.0.0.1 whose answers a test changes between polls."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, dict[str, str]]] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, body, headers = routes.get(self.path, (404, b"not here", {}))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def feed(self, path: str, body: str) -> None:
        self.routes[path] = (200, body.encode("utf-8"), {"Content-Type": RSS})

    def status(self, path: str, status: int, location: str | None = None) -> None:
        self.routes[path] = (status, b"", {"Location": location} if location else {})


@pytest.fixture
def server() -> Iterator[FeedServer]:
    running = FeedServer()
    running.thread.start()
    yield running
    running.httpd.shutdown()
    running.httpd.server_close()
    running.thread.join()


def item(guid: str, title: str, text: str, when: datetime) -> str:
    return (f"<item><guid isPermaLink=\"false\">{guid}</guid><title>{html.escape(title)}</title>"
            f"<link>https://news.example.org/{guid}</link>"
            f"<description>{html.escape(text)}</description>"
            f"<pubDate>{format_datetime(when)}</pubDate></item>")


def rss(*items: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>QA Wire'
            '</title><link>https://news.example.org/</link><description>qa</description>'
            + "".join(items) + "</channel></rss>")


RECENT = datetime.now(UTC) - timedelta(hours=3)
QUIET = item("weather", "Rain expected", "Rain is expected across the north on Tuesday.", RECENT)
