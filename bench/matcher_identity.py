"""Prove that a change to the matcher's machinery changes no output (issue 13).

    PYTHONHASHSEED=0 .venv/bin/python bench/matcher_identity.py --save /tmp/before.json
    ... change the matcher ...
    PYTHONHASHSEED=0 .venv/bin/python bench/matcher_identity.py --check /tmp/before.json

Matches every item of tests/data/matcher (with the real gazetteer and with the small test
one), both halves of the real-text gold, the seeds and phenomena of ../shared, every entry
of ../shared/corpus/feeds-real, bench_matcher's articles and bench_feeds' generated entries,
and keeps one digest of each `MatchResult` (its repr), never the output itself. `--check`
prints, per group, how many items differ (and the ids of those that differ, except for the
real-text test half, which is compared by count only). Run both sides with the same
PYTHONHASHSEED: a digest is as deterministic as the matcher's output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_feeds import generated_feed  # noqa: E402
from bench_matcher import build_articles  # noqa: E402

from bot.domain import Article  # noqa: E402
from bot.feeds.parse import parse_feed  # noqa: E402
from bot.matcher import Matcher  # noqa: E402
from tests.matcher.test_prefilter import (  # noqa: E402
    SHARED,
    _gold_items,
    _matcher_items,
    _shared_items,
)

SMALL_FIGURES = REPO / "tests" / "matcher" / "figures_small.toml"


def feeds_real_items() -> Iterator[tuple[str, Article]]:
    folder = SHARED / "corpus" / "feeds-real"
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            entries = parse_feed(path.read_bytes(), url=path.resolve().as_uri()).entries
        except Exception:  # an unreadable fixture has nothing to compare
            continue
        for number, article in enumerate(entries):
            yield f"{path.relative_to(folder)}#{number}", article


def generated_entries(feeds: int = 100, entries: int = 20) -> Iterator[tuple[str, Article]]:
    """bench_feeds' generated feeds (the same seed), read by the project's feed parser."""
    rng = random.Random(7)
    for n in range(feeds):
        body = generated_feed(n, entries, rng).encode("utf-8")
        for number, article in enumerate(parse_feed(body, url=f"https://news{n}.example/").entries):
            yield f"gen{n}#{number}", article


def groups(real: Matcher, small: Matcher) -> Iterator[tuple[str, Matcher, Iterator[tuple[str, Article]]]]:
    yield "matcher-data (real figures)", real, _matcher_items()
    yield "matcher-data (small figures)", small, _matcher_items()
    yield "real gold dev", real, _gold_items("dev")
    yield "real gold test", real, _gold_items("test")
    yield "seeds + phenomena", real, _shared_items()
    yield "feeds-real", real, feeds_real_items()
    yield "bench_matcher", real, ((a.key, a) for a in build_articles(2000))
    yield "bench_matcher dense", real, ((a.key, a) for a in build_articles(300, dense=True))
    yield "bench_feeds generated", real, generated_entries()


def digests() -> dict[str, dict[str, str]]:
    real, small = Matcher.load(), Matcher.load(SMALL_FIGURES)
    out: dict[str, dict[str, str]] = {}
    for group, matcher, items in groups(real, small):
        seen = out.setdefault(group, {})
        for name, article in items:
            result = matcher.match(article)
            seen[name] = hashlib.sha256(repr(result).encode("utf-8")).hexdigest()
        print(f"{group}: {len(seen)} items", file=sys.stderr)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path)
    mode.add_argument("--check", type=Path)
    args = parser.parse_args()
    now = digests()
    if args.save:
        args.save.write_text(json.dumps(now), "utf-8")
        return 0
    before = json.loads(args.check.read_text("utf-8"))
    failed = False
    for group, items in before.items():
        current = now.get(group, {})
        differing = sorted(k for k in items if current.get(k) != items[k])
        extra = len(set(current) - set(items))
        failed = failed or bool(differing) or bool(extra)
        shown = "" if group == "real gold test" or not differing else f" {differing[:20]}"
        print(f"{group}: {len(items)} items, {len(differing)} differ, {extra} new{shown}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
