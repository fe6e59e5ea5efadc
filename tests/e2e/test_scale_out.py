"""Scale-out on one PostgreSQL (issue 13 item 5): two `invitewatch run --role poll` processes
and one `--role deliver` against the test database and a local feed server that counts
requests. Each due feed is fetched once per cycle, every notification is delivered once,
and the feeds a poller had claimed when it was killed (kill -9) are polled by the other
once its lease has run out."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO

import pytest
from sqlalchemy import text

from bot.store import SqlStore, open_store
from tests.support.feed_server import RECENT, item, rss
from tests.support.sandbox import E2E_DATA, USER_ENV

REPO = Path(__file__).resolve().parents[2]
FAST = 240  # more than one claim batch (100), so the pollers race for batches
# Feeds whose first request hangs until the test lets it go, on a host of their own: a
# poller opens at most two connections per host, and they must not block the others.
SLOW = 2
LEASE_SECONDS = 30
PAIRS = [("Emmanuel Macron", "Joe Biden"), ("Olaf Scholz", "Xi Jinping"),
         ("Elon Musk", "Vladimir Putin"), ("Joe Biden", "Olaf Scholz")]
CITIES = ["Vienna", "Geneva", "Paris", "Berlin", "Rome", "Madrid"]

SETTINGS = f"""
[polling]
allow_private_addresses = true
check_seconds = 1
claim_lease_seconds = {LEASE_SECONDS}
interval_minutes = 60
read_timeout_seconds = 120
max_concurrency = 8

[notify]
outbox_interval_seconds = 1

[monitoring]
address = ""

[logging]
level = "INFO"
"""


class CountingFeeds:
    """Feeds on `host` that record when each path was asked for; with `hang`, the first
    request for a path hangs until `release` is set."""

    def __init__(self, host: str, *, hang: bool = False) -> None:
        self.hits: dict[str, list[datetime]] = {}
        self.release = threading.Event()
        lock = threading.Lock()
        hits, release = self.hits, self.release

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with lock:
                    seen = hits.setdefault(self.path, [])
                    seen.append(datetime.now(UTC))
                    first = len(seen) == 1
                if hang and first:
                    release.wait(90)
                number = int("".join(c for c in self.path if c.isdigit()) or 0)
                body = feed_body(self.path, number).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the poller that asked was killed meanwhile

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}{path}"


def feed_body(path: str, number: int) -> str:
    inviter, invitee = PAIRS[number % len(PAIRS)]
    city = CITIES[number % len(CITIES)]
    guid = f"{path.strip('/').replace('.', '-')}"
    text_ = f"{inviter} invited {invitee} to a summit in {city}. Report {guid} of the wire."
    return rss(item(guid, f"Summit invitation {guid}", text_, RECENT))


@pytest.fixture
def servers() -> Iterator[tuple[CountingFeeds, CountingFeeds]]:
    """Quick feeds on 127.0.0.1, hanging ones on 127.0.0.2 (loopback too)."""
    both = (CountingFeeds("127.0.0.1"), CountingFeeds("127.0.0.2", hang=True))
    for server in both:
        threading.Thread(target=server.httpd.serve_forever, daemon=True).start()
    yield both
    for server in both:
        server.release.set()
        server.httpd.shutdown()
        server.httpd.server_close()


def wait_for(what: str, done: Callable[[], bool], timeout: float,
             running: dict[str, tuple[subprocess.Popen[bytes], Path]]) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        for name, (process, out) in running.items():
            if process.poll() is not None and process.returncode != -signal.SIGKILL:
                raise AssertionError(f"{name} exited while waiting for {what}:\n"
                                     f"{out.read_text(errors='replace')[-2000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def scalar_rows(store: SqlStore, sql: str) -> list[tuple[object, ...]]:
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql)).all()]


def add_backfilled_feeds(store: SqlStore, urls: list[str]) -> None:
    # Marked as already backfilled so their entries are announced (a first poll is silent).
    now = datetime.now(UTC)
    with store.unit() as unit:
        for url in urls:
            unit.mark_backfilled(unit.add_feed(url, now=now).id)


def start(role: str, name: str, root: Path, config_dir: Path, database: str
          ) -> tuple[subprocess.Popen[bytes], Path]:
    env = {k: v for k, v in os.environ.items() if k not in USER_ENV}
    # This checkout's bot, whatever is installed in the environment.
    env.update(INVITEWATCH_DATA_DIR=str(root / name), DATABASE_URL=database,
               PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]))
    out = root / f"{name}.log"
    handle: IO[bytes] = out.open("wb")
    process = subprocess.Popen([sys.executable, "-m", "bot", "--config-dir", str(config_dir),
                                "run", "--role", role], cwd=root, env=env, stdout=handle,
                               stderr=subprocess.STDOUT)
    handle.close()
    return process, out


@pytest.mark.timeout(420)
def test_two_pollers_and_a_deliverer_share_one_postgresql(
        tmp_path: Path, postgres_store_url: str,
        servers: tuple[CountingFeeds, CountingFeeds]) -> None:
    feeds, hanging = servers
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    shutil.copy(E2E_DATA / "figures.toml", config_dir / "figures.toml")
    (config_dir / "invitewatch.toml").write_text(SETTINGS, encoding="utf-8")
    slow = [hanging.url(f"/slow{i}.xml") for i in range(SLOW)]
    fast = [feeds.url(f"/feed{i}.xml") for i in range(FAST)]
    store = open_store(postgres_store_url)
    processes: dict[str, tuple[subprocess.Popen[bytes], Path]] = {}
    try:
        add_backfilled_feeds(store, slow + fast)  # the slow ones first: the first batch
        for name, role in (("poll-a", "poll"), ("poll-b", "poll"), ("deliver", "deliver")):
            processes[name] = start(role, name, tmp_path, config_dir, postgres_store_url)

        wait_for("every feed asked for once", lambda: len(feeds.hits) + len(hanging.hits) == FAST + SLOW, 120,
                 processes)
        # The poller holding the slow feeds is stuck on them: kill it as a crash would.
        claims = scalar_rows(store, "SELECT url, claimed_by, claimed_until FROM feeds "
                                    "WHERE url LIKE '%/slow%'")
        holders = {str(worker) for _, worker, _ in claims}
        assert len(holders) == 1 and None not in {w for _, w, _ in claims}, claims
        victim_pid = int(holders.pop().rsplit(":", 1)[1])
        victim = next(n for n, (p, _) in processes.items() if p.pid == victim_pid)
        lease_ends = {str(url): until for url, _, until in claims}
        os.kill(victim_pid, signal.SIGKILL)
        processes[victim][0].wait(30)
        hanging.release.set()

        wait_for("every feed polled", lambda: scalar_rows(
            store, "SELECT count(*) FROM feeds WHERE last_success_at IS NULL") == [(0,)],
            LEASE_SECONDS + 120, processes)
        wait_for("every notification delivered", lambda: scalar_rows(
            store, "SELECT count(*) FROM deliveries WHERE state <> 'sent'") == [(0,)]
            and scalar_rows(store, "SELECT count(*) FROM outbox")
            == scalar_rows(store, "SELECT count(*) FROM deliveries"), 120, processes)
        for name, (process, _) in processes.items():
            if name != victim:
                process.send_signal(signal.SIGINT)
                assert process.wait(60) == 0, processes[name][1].read_text()[-2000:]
    finally:
        for process, _ in processes.values():
            if process.poll() is None:
                process.kill()
                process.wait()
        outbox = scalar_rows(store, "SELECT count(*) FROM outbox")[0][0]
        store.close()

    logs = {name: out.read_text(encoding="utf-8", errors="replace")
            for name, (_, out) in processes.items()}
    # Each due feed fetched once in the cycle, whichever poller took it.
    assert {path: len(times) for path, times in feeds.hits.items()} == {f"/feed{i}.xml": 1 for i in range(FAST)}
    # The killed poller's feeds: its hung request, then the survivor's after the lease.
    for url in slow:
        times = hanging.hits[url.split(str(hanging.httpd.server_address[1]), 1)[1]]
        assert len(times) == 2, (url, times)
        assert times[1] >= lease_ends[url], (url, times, lease_ends[url])
    # Every notification delivered once, by the deliverer only.
    assert isinstance(outbox, int) and outbox > 0
    assert logs["deliver"].count("━━ ") == outbox, logs["deliver"][-2000:]
    for name, log in logs.items():
        if name.startswith("poll"):
            assert "━━ " not in log
        if name != victim:
            assert "Traceback" not in log, log[-2000:]
