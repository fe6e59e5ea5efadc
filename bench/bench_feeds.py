"""Parse every feeds-real file N times and report throughput (run on demand, not in CI).

    .venv/bin/python bench/bench_feeds.py [--rounds 5] [--shared ../shared]

Prints one line per file (size, entries, ms per parse) and the totals for parse_feed
(feedparser, html_to_text, dates, language): entries per second and megabytes per second.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from bot.feeds.parse import parse_feed  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="parses per file (default 5)")
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO_ROOT / ".." / "shared",
        help="the shared directory (default: ../shared beside the repo)",
    )
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    folder = args.shared / "corpus" / "feeds-real"
    if not folder.is_dir():
        print(f"no corpus at {folder.resolve()}: pass --shared", file=sys.stderr)
        return 2
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    bodies = {p: p.read_bytes() for p in files}
    parse_feed(bodies[files[0]], url="https://bench.example/warm-up")  # load the language model

    total_entries = 0
    total_bytes = 0
    total_seconds = 0.0
    print(f"{'file':40} {'KB':>8} {'entries':>8} {'ms/parse':>9}")
    for path, body in bodies.items():
        started = time.perf_counter()
        for _ in range(args.rounds):
            parsed = parse_feed(body, url=f"https://bench.example/{path.name}")
        elapsed = time.perf_counter() - started
        entries = len(parsed.entries)
        total_entries += entries * args.rounds
        total_bytes += len(body) * args.rounds
        total_seconds += elapsed
        name = str(path.relative_to(folder))
        print(f"{name:40} {len(body) / 1024:8.1f} {entries:8d} {elapsed / args.rounds * 1000:9.1f}")
    print(
        f"\n{len(files)} files x {args.rounds} rounds: {total_entries} entries in "
        f"{total_seconds:.2f} s = {total_entries / total_seconds:,.0f} entries/s, "
        f"{total_bytes / 1_000_000 / total_seconds:.2f} MB/s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
