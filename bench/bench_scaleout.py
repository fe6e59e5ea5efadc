"""Scale-out: 1, 2 and 4 `invitewatch run --role poll` processes against one PostgreSQL
on N tiny local feeds (run on demand, not in CI).

    .venv/bin/python bench/bench_scaleout.py [--feeds 10000] [--workers 1,2,4]
        [--entries 1] [--poll-workers 0] [--pg postgresql+psycopg://postgres@127.0.0.1:5432/test]

`--entries 20` serves feeds of 20 recent entries each in the sentences of
`bench/bench_feeds.py` (news of countries, some of them invitations), so every poller
parses, matches, tracks and stores them (issue 13: 10,000 feeds x 20 entries, first
poll, in <= 10 minutes); `--poll-workers` is each poller's `polling.workers` (worker
processes parsing and matching; "auto" is one per core).

For each worker count: a fresh schema with N feeds (never polled), the workers started
as real processes, and a feed server in a process of its own that counts the requests per
feed. Once every worker has started, all the feeds are made due at once. Prints the feeds
polled per second (from then to the last feed recorded in the database, so start-up is
left out; the whole run with start-up beside it) and the proof that no feed was fetched
twice in the cycle: the server's request count, the feeds it was asked for, and the most
requests of one feed.

The feeds are spread over 16 loopback addresses (127.0.0.1-16) because a poller opens at
most two connections per host, as it would to real outlets.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "bench"))  # bench_feeds' sentences

from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.store import open_store  # noqa: E402
from bot.store.tables import FeedRow  # noqa: E402

HOSTS = 16
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
FEED = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench {n}'
        '</title><link>https://bench.example/</link><description>bench</description><item>'
        '<guid isPermaLink="false">bench-{n}</guid><title>Weather {n}</title>'
        '<link>https://bench.example/{n}</link><description>Rain is expected in the north on '
        'day {n}.</description><pubDate>{date}</pubDate></item></channel></rss>')
SETTINGS = """
[polling]
allow_private_addresses = true
check_seconds = 1
interval_minutes = 600
cycle_budget_seconds = 3600
claim_lease_seconds = 600

[monitoring]
address = ""

[logging]
level = "INFO"
"""


# -- the feed server (its own process) -------------------------------------------------
def serve(port: int, ready: multiprocessing.synchronize.Event,  # type: ignore[name-defined]
          entries: int = 1) -> None:
    from aiohttp import web

    hits: dict[str, int] = {}
    now = datetime.now(UTC)
    date = now.strftime("%a, %d %b %Y %H:%M:%S +0000")

    def body(n: int) -> bytes:
        if entries == 1:
            return FEED.format(n=n, date=date).encode()
        # The same feed for the same n, dated within the last day (inside the backfill).
        return generated_feed(n, entries, random.Random(n), now).encode()

    async def feed(request: web.Request) -> web.Response:
        path = request.path
        hits[path] = hits.get(path, 0) + 1
        return web.Response(body=body(int(request.match_info["n"])),
                            content_type="application/rss+xml")

    async def stats(_request: web.Request) -> web.Response:
        return web.json_response({"requests": sum(hits.values()), "feeds": len(hits),
                                  "most": max(hits.values(), default=0)})

    async def reset(_request: web.Request) -> web.Response:
        hits.clear()
        return web.json_response({})

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/f{n}.xml", feed)
        app.router.add_get("/_stats", stats)
        app.router.add_get("/_reset", reset)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        for host in range(1, HOSTS + 1):
            await web.TCPSite(runner, f"127.0.0.{host}", port).start()
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


def server_call(port: int, what: str) -> dict[str, object]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_{what}", timeout=30) as answer:
        return dict(json.loads(answer.read()))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- one measured run ------------------------------------------------------------------
def fresh_schema(pg: str, feeds: int, port: int) -> tuple[str, str]:
    schema = "iw_bench_" + uuid.uuid4().hex[:10]
    admin = create_engine(pg)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    url = make_url(pg).update_query_dict({"options": f"-csearch_path={schema}"})
    database = url.render_as_string(hide_password=False)
    now = datetime.now(UTC)
    # Due only once every worker has started (see `make_due`): start-up is not measured.
    later = now + timedelta(days=1)
    rows = [{"url": f"http://127.0.0.{1 + i % HOSTS}:{port}/f{i}.xml", "state": "active",
             "next_poll_at": later, "failure_count": 0, "origin": "user", "backfilled": False,
             "created_at": now} for i in range(feeds)]
    with open_store(database) as store, store.engine.begin() as connection:
        connection.execute(insert(FeedRow.__table__), rows)  # type: ignore[attr-defined]
    return schema, database


def drop_schema(pg: str, schema: str) -> None:
    admin = create_engine(pg)
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def make_due(database: str) -> float:
    engine = create_engine(database)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE feeds SET next_poll_at = now()"))
        return time.time()
    finally:
        engine.dispose()


def polled(database: str) -> int:
    engine = create_engine(database)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(
                "SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL")).scalar() or 0)
    finally:
        engine.dispose()


def generated_feed(n: int, entries: int, rng: random.Random, now: datetime) -> str:
    """bench_feeds' generated feed, dated before `now` (its own is dated before a fixed day)."""
    from bench_feeds import generated_feed as bench_feeds_generated

    return bench_feeds_generated(n, entries, rng, now)


def run_workers(count: int, database: str, config_dir: Path, feeds: int, timeout: float,
                keep_logs: Path | None = None) -> tuple[float, float, float, list[int]]:
    """When the workers were started, when the feeds were made due, when the last was
    polled (wall-clock times), and the workers' exit codes."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DISCORD_TOKEN")}
    env.update(DATABASE_URL=database, PYTHONPATH=str(REPO_ROOT),
               INVITEWATCH_CONSOLE="never")
    workers = []
    cpu_before = _children_cpu()
    with tempfile.TemporaryDirectory() as data:
        started = time.time()
        logs = [Path(data) / f"w{i}.log" for i in range(count)]
        for i, log in enumerate(logs):
            env["INVITEWATCH_DATA_DIR"] = str(Path(data) / f"w{i}")
            with log.open("wb") as out:
                workers.append(subprocess.Popen(
                    [sys.executable, "-m", "bot", "--config-dir", str(config_dir), "run",
                     "--role", "poll"], env=env, cwd=data, stdout=out,
                    stderr=subprocess.STDOUT))
        try:
            while not all("invitewatch starting" in log.read_text() for log in logs):
                check_running(workers, logs)
                time.sleep(0.2)
            time.sleep(2)  # the first (empty) poll check of each is over
            due = make_due(database)
            deadline = due + timeout
            while polled(database) < feeds:
                if time.time() > deadline:
                    raise SystemExit(f"timed out: {polled(database)} of {feeds} feeds polled")
                check_running(workers, logs)
                time.sleep(0.5)
            finished = time.time()
        finally:
            for worker in workers:
                worker.send_signal(signal.SIGINT)
            codes = [worker.wait(60) for worker in workers]
            if keep_logs is not None:
                keep_logs.mkdir(parents=True, exist_ok=True)
                for log in logs:
                    shutil.copy(log, keep_logs / f"{count}-workers-{log.name}")
    return started, due, finished, codes, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def check_running(workers: list[subprocess.Popen[bytes]], logs: list[Path]) -> None:
    for worker, log in zip(workers, logs, strict=True):
        if worker.poll() is not None:
            raise SystemExit(f"a worker exited early:\n{log.read_text()[-3000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2,4", help="worker counts (default 1,2,4)")
    parser.add_argument("--pg", default=os.environ.get("INVITEWATCH_TEST_PG_URL", DEFAULT_PG))
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    parser.add_argument("--logs", type=Path, help="keep the workers' logs in this directory")
    parser.add_argument("--entries", type=int, default=1, help="entries per feed (default 1)")
    parser.add_argument("--poll-workers", default="0",
                        help='each poller\'s polling.workers: a number or "auto" (default 0)')
    args = parser.parse_args(argv)
    counts = [int(c) for c in args.workers.split(",")]
    port = free_port()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(port, ready, args.entries),
                                     daemon=True)
    server.start()
    if not ready.wait(30):
        raise SystemExit("the feed server did not start")
    workers = args.poll_workers if args.poll_workers == "auto" else int(args.poll_workers)
    print(f"{args.feeds} feeds, {args.entries} entries each, on {HOSTS} loopback hosts; "
          f"polling.workers = {workers!r}; PostgreSQL "
          f"{make_url(args.pg).render_as_string()}; {os.cpu_count()} cores")
    print(f"{'workers':>7} {'feeds/s':>8} {'polling s':>9} {'whole run s':>11} "
          f"{'CPU ms/feed':>11} {'requests':>8} {'feeds asked':>11} {'most per feed':>13}")
    with tempfile.TemporaryDirectory() as config:
        settings = SETTINGS.replace("[polling]\n", f"[polling]\nworkers = {workers!r}\n"
                                    .replace("'", '"'))
        (Path(config) / "invitewatch.toml").write_text(settings, encoding="utf-8")
        (Path(config) / "feeds.toml").write_text("", encoding="utf-8")
        for count in counts:
            server_call(port, "reset")
            schema, database = fresh_schema(args.pg, args.feeds, port)
            try:
                started, due, finished, codes, cpu = run_workers(count, database, Path(config),
                                                            args.feeds, args.timeout,
                                                            args.logs)
                stats = server_call(port, "stats")
            finally:
                drop_schema(args.pg, schema)
            # From the moment the feeds became due, every worker running and idle.
            polling, wall = finished - due, finished - started
            print(f"{count:7d} {args.feeds / polling:8.0f} {polling:9.1f} {wall:11.1f} "
                  f"{cpu * 1000 / args.feeds:11.1f} "
                  f"{stats['requests']!s:>8} {stats['feeds']!s:>11} {stats['most']!s:>13}"
                  + ("" if set(codes) == {0} else f"  (exit codes {codes})"))
    server.terminate()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
