"""Score every held-out set under tests/data/matcher-held with one loaded matcher.

    .venv/bin/python bench/held_sets.py --skip '^b25' --save /tmp/before.txt
    ... change the matcher ...
    .venv/bin/python bench/held_sets.py --skip '^b25' --compare /tmp/before.txt

`invitewatch eval --data-dir` loads the matcher once per set (about 15 s each); this loads
it once for all of them, so the whole table takes about a minute. One line per set: name,
items, negatives, tp, fp, fn, precision, recall, pair-F1, status accuracy (the set's ALL
row). `--only`/`--skip` are regular expressions on the set name (the top folder's own
files are the set `held`); whoever may not score a blind set skips it here. `--pooled`
adds one line summing the selected sets, `--compare FILE` prints only the sets whose line
changed against a saved run, with the change in pair-F1 and status.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.evaluation.matcher_eval import (  # noqa: E402
    LanguageScore,
    evaluate_corpus,
    overall_score,
)

HELD = REPO / "tests" / "data" / "matcher-held"
TOP_SET = "held"


@dataclass(frozen=True)
class SetLine:
    name: str
    items: int
    negatives: int
    tp: int
    fp: int
    fn: int
    f1: float
    status: float

    def text(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return (f"{self.name:<14}{self.items:>5}{self.negatives:>5}{self.tp:>5}{self.fp:>5}"
                f"{self.fn:>5}{p:>8.3f}{r:>8.3f}{self.f1:>8.3f}{self.status:>8.3f}")


def from_score(name: str, score: LanguageScore) -> SetLine:
    return SetLine(name, score.items, score.negatives, score.true_pos, score.false_pos,
                   score.false_neg, round(score.f1, 3), round(score.status_accuracy, 3))


def parse_line(line: str) -> SetLine | None:
    """A line written by `text()`; None for headers and anything else."""
    fields = line.split()
    if len(fields) != 10 or not fields[1].isdigit():
        return None
    name, numbers, floats = fields[0], [int(f) for f in fields[1:6]], fields[6:]
    return SetLine(name, *numbers, f1=float(floats[2]), status=float(floats[3]))


def chosen(folders: Iterable[tuple[str, Path]], only: str | None,
           skip: str | None) -> Iterator[tuple[str, Path]]:
    """The named folders whose name matches `only` (when given) and not `skip`."""
    for name, folder in folders:
        if only and not re.search(only, name):
            continue
        if skip and re.search(skip, name):
            continue
        yield name, folder


def held_sets(root: Path, only: str | None, skip: str | None) -> Iterator[tuple[str, Path]]:
    subsets = sorted((p.name, p) for p in root.iterdir() if p.is_dir())
    return chosen([(TOP_SET, root), *subsets], only, skip)


def changes(before: dict[str, SetLine], after: list[SetLine]) -> list[str]:
    """The sets whose figures differ from `before`, each with its old line under it."""
    out: list[str] = []
    for line in after:
        old = before.get(line.name)
        if old is None:
            out.append(f"{line.text()}   (new)")
        elif old != line:
            out.append(f"{line.text()}   F1 {line.f1 - old.f1:+.3f} status "
                       f"{line.status - old.status:+.3f}")
            out.append(f"  was {old.text()}")
    return out


HEADER = f"{'set':<14}{'items':>5}{'neg':>5}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}{'status':>8}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HELD)
    parser.add_argument("--only", help="score only sets whose name matches this regex")
    parser.add_argument("--skip", help="skip sets whose name matches this regex")
    parser.add_argument("--pooled", action="store_true", help="add a line summing the sets")
    parser.add_argument("--save", type=Path, help="also write the lines to this file")
    parser.add_argument("--compare", type=Path, help="print only what changed against FILE")
    args = parser.parse_args(argv)

    from bot.matcher import Matcher

    matcher = Matcher.load()
    lines: list[SetLine] = []
    pool: dict[str, LanguageScore] = {}
    for name, folder in held_sets(args.root, args.only, args.skip):
        scores, problems = evaluate_corpus(matcher, folder)
        for problem in problems:
            print(f"{name}: {problem}", file=sys.stderr)
        total = overall_score(scores)
        pool[name] = total
        lines.append(from_score(name, total))
    if args.pooled and pool:
        lines.append(from_score("POOLED", overall_score(pool)))
    texts = [line.text() for line in lines]
    if args.save:
        args.save.write_text("\n".join([HEADER, *texts]) + "\n", encoding="utf-8")
    if args.compare:
        saved = (parse_line(t) for t in args.compare.read_text(encoding="utf-8").splitlines())
        before = {line.name: line for line in saved if line is not None}
        print("\n".join(changes(before, lines)) or "no set changed")
    else:
        print("\n".join([HEADER, *texts]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
