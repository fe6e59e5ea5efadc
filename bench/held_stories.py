"""Replay every story set under tests/data/stories-held with one loaded matcher.

    .venv/bin/python bench/held_stories.py --skip '^b26$' --save /tmp/before.txt
    ... change the matcher or the tracker ...
    .venv/bin/python bench/held_stories.py --skip '^b26$' --compare /tmp/before.txt

`invitewatch eval --stories --data-dir` loads the matcher for each set and matches every
article a second time for its transcript; this loads the matcher once and only replays,
so the whole table takes a minute or two. One line per set: name, stories, held as one
record, final status right, split, merged, missing, extra, notifications sent and ideal,
duplicates (the figures of `eval --stories`'s summary line). `--annotation` replays the
hand-annotated mentions instead (the tracker alone). `--only`/`--skip` are regular
expressions on the set name; whoever may not score a blind set skips it here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from held_sets import chosen  # noqa: E402

from bot.app import tracker_policy  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.evaluation.stories_eval import (  # noqa: E402
    AnnotationMatcher,
    evaluate_story,
    summarise,
)
from bot.evaluation.story_files import load_stories  # noqa: E402

HELD = REPO / "tests" / "data" / "stories-held"
FIELDS = ("stories", "held_exactly", "status_right", "split", "merged", "missing", "extra",
          "notifications_sent", "notifications_ideal", "duplicates")
HEADER = ("set      stories  held  status  split merged missing extra  sent ideal  dup")


def story_sets(root: Path, only: str | None, skip: str | None) -> Iterator[tuple[str, Path]]:
    return chosen(sorted((p.name, p) for p in root.iterdir() if p.is_dir()), only, skip)


def line(name: str, totals: dict[str, Any]) -> str:
    counts = [int(totals[f]) for f in FIELDS]
    return f"{name:<9}" + "".join(f"{c:>{w}}" for c, w in zip(
        counts, (7, 6, 8, 7, 7, 8, 6, 6, 6, 5), strict=True))


def changes(before: dict[str, str], after: list[str]) -> list[str]:
    """The sets whose line differs from `before`, each with its old line under it."""
    out: list[str] = []
    for text in after:
        name = text.split()[0]
        old = before.get(name)
        if old != text:
            out.append(text + ("   (new)" if old is None else ""))
            if old is not None:
                out.append(f"  was {old}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HELD)
    parser.add_argument("--only", help="replay only sets whose name matches this regex")
    parser.add_argument("--skip", help="skip sets whose name matches this regex")
    parser.add_argument("--annotation", action="store_true",
                        help="replay the annotated mentions (the tracker alone)")
    parser.add_argument("--save", type=Path, help="also write the lines to this file")
    parser.add_argument("--compare", type=Path, help="print only what changed against FILE")
    args = parser.parse_args(argv)

    from bot.matcher import Matcher

    policy = tracker_policy(Settings())
    matcher = None if args.annotation else Matcher.load()
    lines: list[str] = []
    for name, folder in story_sets(args.root, args.only, args.skip):
        stories = load_stories(folder)
        reader = cast(Matcher, AnnotationMatcher(stories)) if matcher is None else matcher
        results = [evaluate_story(story, reader, policy) for story in stories]
        lines.append(line(name, summarise(results)))
    if args.save:
        args.save.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    if args.compare:
        saved = args.compare.read_text(encoding="utf-8").splitlines()[1:]
        before = {text.split()[0]: text for text in saved if text.strip()}
        print("\n".join(changes(before, lines)) or "no set changed")
    else:
        print("\n".join([HEADER, *lines]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
