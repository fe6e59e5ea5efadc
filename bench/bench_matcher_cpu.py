"""Articles per CPU-second of the matcher (issue 13), on real text and on the benches' own.

    .venv/bin/python bench/bench_matcher_cpu.py real|bench|generated [--passes 1]

`real`: every entry of ../shared/corpus/feeds-real and the dev half of the real-text gold;
`bench`: bench_matcher.py's 2,000 articles; `generated`: bench_feeds.py's generated entries
(100 feeds x 20, read by the project's feed parser). CPU time of this process
(`time.process_time`), so a shared machine disturbs it less than wall-clock time; run it
in fresh processes, alternating the versions compared, and keep the best of a few runs.
The benches' articles repeat sentences (the cue cache profits), real text seldom does.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_matcher import build_articles  # noqa: E402
from matcher_identity import feeds_real_items, generated_entries  # noqa: E402

from bot.domain import Article  # noqa: E402
from bot.matcher import Matcher  # noqa: E402
from tests.matcher.test_prefilter import _gold_items  # noqa: E402


def articles(which: str) -> list[Article]:
    if which == "real":
        return [a for _, a in feeds_real_items()] + [a for _, a in _gold_items("dev")]
    if which == "generated":
        return [a for _, a in generated_entries(100, 20)]
    return build_articles(2000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", choices=("real", "bench", "generated"))
    parser.add_argument("--passes", type=int, default=1)
    args = parser.parse_args()
    matcher = Matcher.load()
    matcher.match(Article(key="warm", text="warm up the language model", lang=None))
    chosen = articles(args.corpus)
    rates = []
    for _ in range(args.passes):
        started = time.process_time()
        for article in chosen:
            matcher.match(article)
        rates.append(len(chosen) / (time.process_time() - started))
    print(f"{args.corpus}: {len(chosen)} articles, {max(rates):.0f} articles per CPU-second "
          f"(best of {args.passes} passes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
