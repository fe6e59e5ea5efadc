"""Public site timings (not a test): python bench/bench_web.py [--n 100000] [--pg URL]
[--runs 200] [--sqlite-only]

Fills a fresh database with N invitations (two timeline entries in two languages, a
first status and for a third of them a later status change each, over 2,000 figures and
three years), serves the site with aiohttp on 127.0.0.1 and times whole HTTP requests
(client included) per page kind: median and p95 over `--runs` requests. The target
(issue 12) is p95 <= 50 ms for the list and an invitation's page at 100k invitations.
PostgreSQL runs in a throw-away schema.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: bot, tests

from bot.store import SqlStore, open_store
from bot.store.tables import InvitationRow, StatusChangeRow, TimelineEntryRow
from bot.web import SiteOptions, build_app

START = datetime(2023, 1, 1, tzinfo=UTC)
STATUSES = ["pending", "accepted", "declined", "responded", "took_place", "withdrawn"]
LANGS = ["en", "de", "fr", "es", "ru", "uk", "it", "pl"]
OCCASIONS = ["a state visit", "a summit in Geneva", "talks on trade", "a debate on TV",
             "a podcast interview", "a conversation on an audio app", "a football match"]
FIGURES = 2000


def fill(store: SqlStore, n: int, batch: int = 5000) -> float:
    """Rows straight into the tables (the tracker's path is bench_tracker's business)."""
    rng = random.Random(12)
    started = time.perf_counter()
    for first in range(1, n + 1, batch):
        ids = range(first, min(n, first + batch - 1) + 1)
        invitations, entries, changes = [], [], []
        for i in ids:
            seen = START + timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
            later = seen + timedelta(days=rng.randrange(1, 40))
            status = rng.choice(STATUSES)
            moved = i % 3 == 0 and status != "pending"
            a, b = rng.sample(range(FIGURES), 2)
            occasion = rng.choice(OCCASIONS)
            invitations.append(dict(
                id=i, inviter_key=f"figure-{a}", inviter_name=f"Figure Number {a}",
                invitee_key=f"figure-{b}", invitee_name=f"Figure Number {b}",
                occasion_kind="visit", occasion_place=None, occasion_text=occasion,
                status=status, status_at=later if moved else seen, first_seen=seen,
                last_update=later if moved else seen, confidence=0.9, quiet=False,
                hidden=i % 500 == 0))
            for k, (lang, when) in enumerate(((rng.choice(LANGS), seen),
                                              (rng.choice(LANGS), later if moved else seen))):
                entries.append(dict(
                    invitation_id=i, at=when, status="pending" if moved and k == 0 else status,
                    url=f"https://news{k}.example/{i}", outlet=f"Outlet {k}", lang=lang,
                    evidence=f"Figure Number {a} invited Figure Number {b} to {occasion}.",
                    confidence=0.9, seen_at=when, editorial=False))
            changes.append(dict(invitation_id=i, from_status=None,
                                to_status="pending" if moved else status, at=seen,
                                source_url=f"https://news0.example/{i}", created_at=seen))
            if moved:
                changes.append(dict(invitation_id=i, from_status="pending", to_status=status,
                                    at=later, source_url=f"https://news1.example/{i}",
                                    created_at=later))
        with store.engine.begin() as connection:
            connection.execute(insert(InvitationRow), invitations)
            connection.execute(insert(TimelineEntryRow), entries)
            connection.execute(insert(StatusChangeRow), changes)
    with store.engine.begin() as connection:
        # Only these tables: a bare ANALYZE on PostgreSQL would lock every table of the
        # database, other schemas' (other test runs') included.
        for table in ("invitations", "timeline_entries", "status_changes"):
            connection.execute(text(f"ANALYZE {table}"))
        if store.dialect == "postgresql":
            connection.execute(text("SELECT setval(pg_get_serial_sequence('invitations', 'id'),"
                                    " (SELECT max(id) FROM invitations))"))
    return time.perf_counter() - started


async def timed(client: TestClient, label: str, runs: int, path: Callable[[int], str]) -> float:
    samples = []
    for k in range(runs):
        target = path(k)
        started = time.perf_counter()
        response = await client.get(target)
        await response.read()
        samples.append((time.perf_counter() - started) * 1000)
        if response.status != 200:
            raise SystemExit(f"{target}: HTTP {response.status}")
    samples.sort()
    p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
    print(f"  {label:<44} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms"
          f"   ({runs} requests)")
    return p95


async def deep_cursors(client: TestClient, pages: int) -> list[str]:
    """The `next` links of the first `pages` pages of the list, as a reader follows them."""
    import re
    paths, path = [], "/"
    for _ in range(pages):
        body = await (await client.get(path)).text()
        found = re.search(r'rel="next" href="([^"]+)"', body)
        if not found:
            break
        path = found.group(1).replace("&amp;", "&")
        paths.append(path)
    return paths


async def bench_site(store: SqlStore, n: int, runs: int) -> dict[str, float]:
    rng = random.Random(99)
    with store.engine.connect() as connection:  # figures a visible invitation names
        figures = [k for (k,) in connection.execute(text(
            "SELECT DISTINCT inviter_key FROM invitations WHERE hidden = false"))]
    app = build_app(store, SiteOptions())
    async with TestClient(TestServer(app, host="127.0.0.1")) as client:
        await client.get("/")  # templates compiled, connections opened
        deep = await deep_cursors(client, 40)
        visible = [i for i in range(1, n + 1) if i % 500]
        p95 = {
            "list": await timed(client, "list, first page (/)", runs, lambda k: "/"),
            "list deep": await timed(client, "list, pages 2-40 by cursor", runs,
                                     lambda k: deep[k % len(deep)]),
            "list status": await timed(client, "list by status", runs,
                                       lambda k: f"/?status={STATUSES[k % 6]}"),
            "list figure": await timed(client, "list by figure", runs,
                                       lambda k: f"/?figure={rng.choice(figures)}"),
            "list lang": await timed(client, "list by language", runs,
                                     lambda k: f"/?lang={LANGS[k % 8]}"),
            "list search": await timed(client, "list by search (q=geneva)", runs,
                                       lambda k: "/?q=geneva"),
            # The worst case of a search: no record matches, every row is read.
            "list search none": await timed(client, "list by search, no match (all rows)",
                                            max(runs // 10, 5), lambda k: "/?q=zzzz"),
            "invitation": await timed(client, "invitation page (random id)", runs,
                                      lambda k: f"/invitations/{rng.choice(visible)}"),
            "figure": await timed(client, "figure page (random figure)", runs,
                                  lambda k: f"/figures/{rng.choice(figures)}"),
            "atom": await timed(client, "Atom, all (50 entries)", runs // 4,
                                lambda k: "/feeds/all.atom"),
            "atom figure": await timed(client, "Atom, per figure", runs // 4,
                                       lambda k: f"/feeds/figures/{rng.choice(figures)}.atom"),
            "api": await timed(client, "JSON API, 25 records", runs,
                               lambda k: "/api/invitations"),
        }
    return p95


def run(store: SqlStore, n: int, runs: int) -> None:
    seconds = fill(store, n)
    print(f"  filled {n} invitations in {seconds:.1f} s")
    p95 = asyncio.run(bench_site(store, n, runs))
    worst = max(p95["list"], p95["list deep"], p95["invitation"])
    print(f"  target p95 <= 50 ms for the list and an invitation page: "
          f"{'met' if worst <= 50 else 'NOT met'} (worst {worst:.1f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"SQLite ({args.n} invitations)")
        store = open_store(f"sqlite:///{tmp}/bench.db")
        try:
            run(store, args.n, args.runs)
        finally:
            store.close()
    if args.sqlite_only:
        return
    schema = "iw_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(args.pg)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
        print(f"PostgreSQL ({args.n} invitations)")
        store = open_store(url.render_as_string(hide_password=False))
        try:
            run(store, args.n, args.runs)
        finally:
            store.close()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
