"""The feeds layer: fetch a feed over HTTP, parse it into Articles, clean its text."""

from bot.feeds.fetch import FetchLimits, FetchResult, RetryLaterError, fetch_feed, make_session
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.feeds.text import content_hash, html_to_text
from bot.feeds.urls import canonical_url, validate_feed_url

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
