"""Replay: feed a file of past articles through the real pipeline, as if each arrived on its
own date, and collect the notifications the bot would have sent.

Articles use the `analyze` input format ({"id", "text", "title"?, "date"?, "lang"?, "url"?,
"outlet"?}). They are processed in date order (stable for equal dates) with the clock set to
each article's date at noon UTC, one store transaction per article, through
`bot.pipeline.process_article`. The notifications are read back from the outbox (as the
consumer "replay"), so they carry the invitation ids the store gave them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.analyze import InputError, article_from_json
from bot.domain import Article, Notification
from bot.errors import InvitewatchError
from bot.matcher import Matcher
from bot.pipeline import process_article
from bot.store.api import Store, Unit
from bot.tracker import TrackerPolicy

REPLAY_CONSUMER = "replay"
_OUTBOX_BATCH = 500


class ReplayInputError(InvitewatchError, ValueError):
    """An article that cannot be replayed; the message names it. Nothing has been stored."""


@dataclass(frozen=True, slots=True)
class ReplayedArticle:
    position: int  # 0-based position in the input
    article: Article
    clock: datetime


def prepare_articles(articles: Iterable[Mapping[str, Any]]) -> list[ReplayedArticle]:
    """Validate every article and sort them by date (stable), before anything is stored.

    Raises ReplayInputError naming the first bad article (by position and id): a line that
    breaks the analyze format, or one without a date (replay needs a clock for each).
    """
    prepared: list[ReplayedArticle] = []
    for position, raw in enumerate(articles):
        label = _label(position, raw)
        try:
            article = article_from_json(raw)
        except InputError as exc:
            raise ReplayInputError(f"{label}: {exc}") from exc
        if article.published is None:
            raise ReplayInputError(
                f'{label}: "date" is missing; replay sets the clock to each article\'s date'
            )
        prepared.append(ReplayedArticle(position, article, article.published))
    prepared.sort(key=lambda item: item.clock)
    return prepared


def replay(
    articles: Iterable[Mapping[str, Any]],
    *,
    store: Store,
    matcher: Matcher,
    policy: TrackerPolicy,
    on_article: Callable[[], object] | None = None,
) -> list[Notification]:
    """Process the articles in date order and return the notifications written, in order.

    A duplicate article (same id, URL or content as one already stored) is skipped by the
    store, as it would be when polling. Notifications already in the outbox before the
    replay are not returned. `on_article` is called after each article (a progress bar).
    """
    prepared = prepare_articles(articles)
    with store.unit() as unit:
        _drain_outbox(unit, now=prepared[0].clock if prepared else None)
    written: list[Notification] = []
    for item in prepared:
        with store.unit() as unit:
            process_article(unit, matcher, item.article, now=item.clock, policy=policy)
            written.extend(_drain_outbox(unit, now=item.clock))
        if on_article is not None:
            on_article()
    return written


def _drain_outbox(unit: Unit, *, now: datetime | None) -> list[Notification]:
    """The outbox items not yet seen by the replay consumer, marked as seen."""
    drained: list[Notification] = []
    if now is None:
        return drained
    while True:
        items = unit.undelivered(REPLAY_CONSUMER, _OUTBOX_BATCH)
        for item in items:
            unit.plan_deliveries(item.id, REPLAY_CONSUMER, [], now)
            drained.append(item.notification)
        if len(items) < _OUTBOX_BATCH:
            return drained


def _label(position: int, raw: Any) -> str:
    ident = raw.get("id") if isinstance(raw, Mapping) else None
    return f"article {position + 1}" + (f" ({ident!r})" if ident is not None else "")
