"""Ingest against feedparser alone, in one run (issue 13): run on demand, not in CI.

    .venv/bin/python bench/bench_feeds.py [--feeds 1000] [--entries 20] [--rounds 3]
                                          [--workers 2] [--shared ../shared]

Prints, on this machine and in this one run:

1. `feeds-real` (the shared corpus): feedparser alone parsing every file (best of
   `--rounds`, entries/s), `parse_feed` alone (fast path on, then off), and the whole
   in-process ingest (fetch from a local server, parse, match, track, store in a fresh
   SQLite database; start-up excluded; every entry inside the backfill so every entry is
   matched and tracked), as entries/s and as a ratio to feedparser alone (goal >= 0.5).
2. `--feeds` generated feeds x `--entries` entries served from 127.0.0.1: fetching them
   all (aiohttp, 8 at a time) and parsing each with feedparser in one process, against
   the first poll of all of them on a fresh database, in-process and with `--workers`
   worker processes (goal <= 3x).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import aiohttp
import feedparser
import psutil

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bot.feeds.fetch import FetchLimits, make_session  # noqa: E402
from bot.feeds.parse import parse_feed  # noqa: E402
from bot.matcher import Matcher  # noqa: E402
from bot.pipeline import Poller, PollPolicy  # noqa: E402
from bot.store import open_store  # noqa: E402
from bot.tracker import TrackerPolicy  # noqa: E402
from bot.workers import MatcherRecipe, prepare_fork_server  # noqa: E402
from tests.support.http_server import LocalHTTPServer  # noqa: E402

LIMITS = FetchLimits(connect_timeout=10, read_timeout=60, max_bytes=20_000_000,
                     max_redirects=3, allow_private=True)
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
CONCURRENCY = 8


def best_of(rounds: int, work: Callable[[], int]) -> tuple[float, int, float]:
    """Best wall time, the count, and the CPU time of that run (on a shared, loaded
    machine the CPU time is the steadier figure)."""
    best, count, cpu = float("inf"), 0, 0.0
    for _ in range(rounds):
        started, cpu_started = time.perf_counter(), time.process_time()
        count = work()
        elapsed = time.perf_counter() - started
        if elapsed < best:
            best, cpu = elapsed, time.process_time() - cpu_started
    return best, count, cpu


def feedparser_alone(bodies: Sequence[bytes]) -> int:
    return sum(len(feedparser.parse(io.BytesIO(b)).entries) for b in bodies)


def parse_feed_alone(bodies: Sequence[bytes], fast: bool) -> int:
    return sum(len(parse_feed(b, url="https://bench.example/f", fast=fast).entries)
               for b in bodies)


def descendants_cpu() -> float:
    """CPU seconds of every process this one started (the pool's workers, children of
    its fork server), so far."""
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


async def ingest(server: LocalHTTPServer, urls: list[str], matcher: Matcher, workers: int,
                 backfill: timedelta, now: datetime) -> tuple[float, int, float, float]:
    """First poll of `urls` on a fresh SQLite database: (seconds, new articles, CPU
    seconds of this process, which includes the local server's, CPU seconds of the
    worker processes)."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/bench.db")
        with store.unit() as unit:
            for url in urls:
                unit.add_feed(url, now=now - timedelta(days=1))
        poller = Poller(store, lambda: matcher, limits=LIMITS, tracker=TrackerPolicy(),
                        poll=PollPolicy(backfill=backfill, max_concurrency=CONCURRENCY,
                                        max_new_entries=100_000,
                                        cycle_budget=timedelta(hours=1), workers=workers),
                        clock=lambda: now, rng=random.Random(1),
                        # The built-in figures, as `matcher`: the workers share the fork
                        # server's matcher, as the bot's do.
                        recipe=lambda: MatcherRecipe.of(None))
        try:
            async with make_session(LIMITS) as session:
                if workers:  # pool start-up (the workers take their matcher) is start-up
                    await poller.analyser._running_pool()
                started, cpu_started = time.perf_counter(), time.process_time()
                workers_started = descendants_cpu()
                result = await poller.poll_due(session, only=urls)
                elapsed = time.perf_counter() - started
                cpu = time.process_time() - cpu_started
                workers_cpu = descendants_cpu() - workers_started
        finally:
            poller.close()
    failed = [r for r in result.feeds if r.error]
    if failed:
        print(f"  ({len(failed)} feeds failed, e.g. {failed[0].error})")
    return elapsed, sum(r.new_articles for r in result.feeds), cpu, workers_cpu


async def fetch_and_feedparse(urls: list[str]) -> tuple[float, int, float]:
    semaphore = asyncio.Semaphore(CONCURRENCY)
    started, cpu_started = time.perf_counter(), time.process_time()
    async with aiohttp.ClientSession() as session:

        async def one(url: str) -> int:
            async with semaphore, session.get(url) as response:
                body = await response.read()
            return len(feedparser.parse(io.BytesIO(body)).entries)

        counts = await asyncio.gather(*(one(u) for u in urls))
    return time.perf_counter() - started, sum(counts), time.process_time() - cpu_started


SENTENCES = [
    "The prime minister of {a} invited the president of {b} to a state visit next spring.",
    "Officials in {a} said talks with {b} on trade would resume after the summer.",
    "The foreign minister of {a} met her counterpart from {b} in Geneva on Tuesday.",
    "A spokesman for {b} said the invitation from {a} was being considered.",
    "Farmers in {a} protested against new import rules agreed with {b}.",
    "The central bank of {a} kept interest rates unchanged, citing weak demand in {b}.",
]
COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Norway"]


def generated_feed(n: int, entries: int, rng: random.Random, now: datetime = NOW) -> str:
    """An RSS feed of `entries` made-up news items, dated in the day before `now`."""
    items = []
    for i in range(entries):
        a, b = rng.sample(COUNTRIES, 2)
        text = " ".join(rng.choice(SENTENCES).format(a=a, b=b) for _ in range(4))
        when = now - timedelta(minutes=rng.randint(1, 24 * 60))
        link = f"https://news{n}.example/{n}/{i}"
        items.append(f"<item><title>{escape(text[:70])}</title><link>{link}</link>"
                     f"<guid>{link}</guid><pubDate>{format_datetime(when)}</pubDate>"
                     f"<description>{escape(text)}</description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Feed {n}</title><link>https://news{n}.example/</link>"
            f"<description>d</description><language>en</language>{''.join(items)}"
            f"</channel></rss>")


async def corpus_part(args: argparse.Namespace, matcher: Matcher) -> None:
    folder = args.shared / "corpus" / "feeds-real"
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    bodies = [p.read_bytes() for p in files]
    parse_feed(bodies[0], url="https://bench.example/warm-up")  # the language model
    fp_s, fp_n, fp_cpu = best_of(args.rounds, lambda: feedparser_alone(bodies))
    fp_rate = fp_n / fp_s
    print(f"feeds-real: {len(files)} files, {sum(map(len, bodies)) / 1e6:.1f} MB "
          f"(wall-clock rates; in brackets the ratio of CPU rates)")
    print(f"  feedparser alone (parse only)      {fp_n:5d} entries  {fp_rate:8,.0f} entries/s")
    for label, fast in (("fast path", True), ("feedparser only", False)):
        s, n, cpu = best_of(args.rounds, lambda fast=fast: parse_feed_alone(bodies, fast))
        print(f"  parse_feed, {label:22} {n:5d} entries  {n / s:8,.0f} entries/s"
              f"  = {n / s / fp_rate:.2f}x  [{n / cpu / (fp_n / fp_cpu):.2f}x]")
    async with LocalHTTPServer() as server:
        urls = [server.add_feed(f"/real/{i}.xml", body, content_type="application/xml")
                for i, body in enumerate(bodies)]
        for workers in sorted({0, args.workers}):
            # Every entry (2017-2024) inside the backfill: all are matched and tracked.
            best, best_cpu = float("inf"), 0.0
            for _ in range(args.rounds):
                seconds, stored, cpu, _ = await ingest(server, urls, matcher, workers,
                                                       timedelta(days=365 * 30), NOW)
                if seconds < best:
                    best, best_cpu = seconds, cpu
            mode = "in-process" if workers == 0 else f"{workers} workers"
            cpu_note = (f"  [{stored / best_cpu / (fp_n / fp_cpu):.2f}x]" if workers == 0
                        else "")
            print(f"  ingest {mode:12}  (fetch..store)  {stored:5d} entries  "
                  f"{stored / best:8,.0f} entries/s  = {stored / best / fp_rate:.2f}x "
                  f"feedparser alone (goal >= 0.5x){cpu_note}")


async def generated_part(args: argparse.Namespace, matcher: Matcher) -> None:
    rng = random.Random(7)
    async with LocalHTTPServer() as server:
        urls = [server.add_feed(f"/gen/{n}.xml", generated_feed(n, args.entries, rng))
                for n in range(args.feeds)]
        base_s, base_n, base_cpu = await fetch_and_feedparse(urls)
        print(f"{args.feeds} local feeds x {args.entries} entries (wall-clock; in brackets "
              f"CPU seconds of the main process, with the local server's, and of the "
              f"worker processes):")
        print(f"  fetch all + feedparser alone       {base_n:6d} entries  {base_s:7.1f} s"
              f"  [{base_cpu:.1f} s]")
        for workers in sorted({0, args.workers}):
            seconds, stored, cpu, workers_cpu = await ingest(server, urls, matcher, workers,
                                                             timedelta(hours=48), NOW)
            mode = "in-process" if workers == 0 else f"{workers} workers"
            pool = f" + workers {workers_cpu:.1f} s" if workers else ""
            print(f"  first poll, {mode:12}           {stored:6d} entries  {seconds:7.1f} s"
                  f"  = {seconds / base_s:.1f}x (goal <= 3x)  [{cpu:.1f} s{pool}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shared", type=Path, default=REPO_ROOT / ".." / "shared")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.feeds < 1 or args.entries < 1 or args.workers < 0:
        parser.error("--rounds, --feeds and --entries must be at least 1, --workers 0 or more")
    if not (args.shared / "corpus" / "feeds-real").is_dir():
        print(f"no corpus at {args.shared.resolve()}: pass --shared", file=sys.stderr)
        return 2
    if args.workers:  # before any thread, as the bot does at start-up
        prepare_fork_server(MatcherRecipe.of(None))
    matcher = Matcher.load()  # start-up, not measured
    asyncio.run(corpus_part(args, matcher))
    asyncio.run(generated_part(args, matcher))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
