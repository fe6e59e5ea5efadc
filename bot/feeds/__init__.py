"""The feeds layer: fetch a feed over HTTP, parse it into Articles, clean its text.

The fetching names are imported on first use (PEP 562): the worker processes that only
parse (`bot.workers`) then never import aiohttp, ~17 MB a process.
"""

from typing import TYPE_CHECKING, Any

from bot.feeds.parse import ParsedFeed, parse_feed
from bot.feeds.text import content_hash, html_to_text
from bot.feeds.urls import canonical_url, validate_feed_url

if TYPE_CHECKING:
    from bot.feeds.fetch import (
        FetchLimits,
        FetchResult,
        RetryLaterError,
        fetch_feed,
        make_session,
    )

_FETCH_NAMES = ("FetchLimits", "FetchResult", "RetryLaterError", "fetch_feed", "make_session")

__all__ = [
    "FetchLimits",
    "FetchResult",
    "ParsedFeed",
    "RetryLaterError",
    "canonical_url",
    "content_hash",
    "fetch_feed",
    "html_to_text",
    "make_session",
    "parse_feed",
    "validate_feed_url",
]


def __getattr__(name: str) -> Any:
    if name in _FETCH_NAMES:
        from bot.feeds import fetch

        return getattr(fetch, name)
    raise AttributeError(f"module 'bot.feeds' has no attribute {name!r}")
