"""Store timings (not a test): python bench/bench_store.py [--n 20000] [--pg URL]

Fills a fresh database with N invitations (two timeline entries and one outbox row each)
and N articles, then times the pipeline's hot calls. PostgreSQL runs in a throw-away schema.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: bot, tests

from bot.domain import Party
from bot.store import InvitationFilter, SqlStore, open_store
from tests.support.builders import T0, at, entry, new_outcome, source, state


def _party(n: int) -> Party:
    return Party(f"Figure {n}", f"figure-{n}")


def fill(store: SqlStore, n: int, batch: int = 200) -> float:
    started = time.perf_counter()
    for start in range(0, n, batch):
        with store.unit() as unit:
            for i in range(start, min(n, start + batch)):
                when = at(hours=i)
                inv = state(inviter=_party(i % 997), invitee=_party(i % 991 + 1000), when=when,
                            timeline=[entry(when, url=f"https://news.example/{i}"),
                                      entry(when, url=f"https://other.example/{i}", lang="de")])
                unit.save_outcome(new_outcome(inv), source(f"https://news.example/{i}"))
                unit.add_article(replace(_article(i)), feed_id=None, content_hash=f"h{i}",
                                 canonical_url=f"https://news.example/{i}", now=when)
    return time.perf_counter() - started


def _article(i: int):  # type: ignore[no-untyped-def]
    from tests.support.builders import article

    return article(f"g{i}", url=f"https://news.example/{i}")


def timed(label: str, repeat: int, call: Callable[[int], object]) -> None:
    samples = []
    for k in range(repeat):
        started = time.perf_counter()
        call(k)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    print(f"  {label:<38} median {statistics.median(samples):7.2f} ms   "
          f"p95 {samples[int(len(samples) * 0.95) - 1]:7.2f} ms   ({repeat} runs)")


def bench(store: SqlStore, n: int) -> None:
    seconds = fill(store, n)
    print(f"  save_outcome+add_article, batches of 200: {n / seconds:8.0f} invitations/s "
          f"({seconds:.1f} s for {n})")
    rng = random.Random(7)

    def candidates(_: int) -> object:
        a, b = rng.randrange(997), rng.randrange(991) + 1000
        with store.unit() as unit:
            return unit.candidate_invitations(
                [(f"figure-{a}", f"figure-{b}"), (f"figure-{b}", f"figure-{a}")],
                since=at(days=-180))

    def dedup(_: int) -> object:
        i = rng.randrange(n)
        with store.unit() as unit:
            return unit.add_article(_article(i), feed_id=None, content_hash=f"h{i}",
                                    canonical_url=f"https://news.example/{i}", now=T0)

    def listing(_: int) -> object:
        with store.unit() as unit:
            return unit.list_invitations(InvitationFilter(figure_key=f"figure-{rng.randrange(997)}"))

    def autocomplete(_: int) -> object:
        with store.unit() as unit:
            return unit.figures_seen("figure 12", 25)

    timed("candidate_invitations (1 unit)", 300, candidates)
    timed("add_article duplicate (1 unit)", 300, dedup)
    timed("list_invitations by figure, 25 rows", 100, listing)
    timed("figures_seen autocomplete", 50, autocomplete)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"SQLite ({args.n} invitations)")
        store = open_store(f"sqlite:///{tmp}/bench.db")
        try:
            bench(store, args.n)
        finally:
            store.close()
    schema = "iw_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(args.pg)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
        print(f"PostgreSQL ({args.n} invitations)")
        store = open_store(url.render_as_string(hide_password=False))
        try:
            bench(store, args.n)
        finally:
            store.close()
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
