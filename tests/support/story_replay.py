"""Replaying a story's articles through the real one-article pipeline in a chosen order,
each in its own unit of work at its own date (store tests of arrival order)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.analyze import article_from_json
from bot.matcher import Matcher
from bot.pipeline import process_article
from bot.store import SqlStore
from bot.tracker import TrackerPolicy


def replay_in_order(store: SqlStore, matcher: Matcher, articles: Mapping[str, dict[str, Any]],
                    order: Sequence[str]) -> None:
    for article_id in order:
        with store.unit() as unit:
            article = article_from_json(articles[article_id])
            assert article.published is not None
            process_article(unit, matcher, article, now=article.published,
                            policy=TrackerPolicy())
