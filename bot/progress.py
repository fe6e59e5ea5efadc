"""Progress bars on stderr (total, rate, ETA) for the long batch commands: `analyze`,
`replay`, `eval`. The work itself knows nothing of them: the matcher is wrapped, and every
article matched moves the bar."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bot.domain import Article, MatchResult


def bar(total: int | None, what: str, *, enabled: bool) -> tqdm[Any]:
    """A bar on stderr; `total` None shows the count and the rate (no ETA)."""
    return tqdm(total=total, desc=what, unit=" articles", file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, mininterval=0.5, smoothing=0.1)


class ProgressMatcher:
    """Stands in for a Matcher: the same answers, and each match() advances `progress`."""

    def __init__(self, matcher: Any, progress: tqdm[Any]) -> None:
        self._matcher = matcher
        self._progress = progress

    def match(self, article: Article) -> MatchResult:
        try:
            result: MatchResult = self._matcher.match(article)
            return result
        finally:
            self._progress.update(1)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._matcher, name)


def count_lines(paths: Iterable[Path]) -> int:
    """Non-blank lines of JSON Lines files (an article each)."""
    total = 0
    for path in paths:
        try:
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            continue
    return total


def count_feed_entries(paths: Iterable[Path]) -> int:
    """About how many entries these RSS/Atom files hold (cheap: no parsing)."""
    total = 0
    for path in paths:
        try:
            body = path.read_bytes()
        except OSError:
            continue
        total += body.count(b"<item") + body.count(b"<entry")
    return total
