"""Reports whose reading a test writes by hand, put through the real pipeline and store:
the matcher is scripted (one `MatchResult` per article URL), everything after it is real."""

from __future__ import annotations

from datetime import datetime

from bot.domain import Article, MatchResult
from bot.pipeline import process_article
from bot.store.api import Store
from bot.tracker import TrackerPolicy


class ScriptedMatcher:
    """Answers each article with the result written for its URL."""

    def __init__(self) -> None:
        self.said: dict[str, MatchResult] = {}

    def match(self, article: Article) -> MatchResult:
        return self.said[article.url or ""]


def report(matcher: ScriptedMatcher, store: Store, slug: str, published: datetime,
           result: MatchResult, policy: TrackerPolicy | None = None) -> None:
    """One article read as `result`, published (and processed) at `published`, from an
    outlet of its own; its URL is new each time, so a repeat is a second source."""
    url = f"https://wire.example/{slug}-{published.day}-{len(matcher.said)}"
    matcher.said[url] = result
    with store.unit() as unit:
        process_article(unit, matcher, Article(key=url, text=f"Report {url}", url=url,
                                               published=published,
                                               outlet=f"Wire {len(matcher.said)}"),
                        now=published, policy=policy or TrackerPolicy())
