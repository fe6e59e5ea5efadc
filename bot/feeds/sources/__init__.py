"""Social sources: one adapter per platform turns an account's public, login-free posts
into the Articles the pipeline already handles (with author, platform and reply-to)."""

from __future__ import annotations

import aiohttp

from bot.feeds.fetch import FetchLimits
from bot.feeds.parse import ParsedFeed
from bot.feeds.sources.bluesky import fetch_bluesky
from bot.feeds.sources.http import Endpoints
from bot.feeds.sources.mastodon import fetch_mastodon
from bot.feeds.sources.ref import (
    ALL_KINDS,
    SOCIAL_KINDS,
    SourceRef,
    parse_source_uri,
    source_ref,
)
from bot.feeds.sources.telegram import fetch_telegram
from bot.feeds.sources.youtube import fetch_youtube
from bot.feeds.urls import validate_feed_url

__all__ = ["ALL_KINDS", "SOCIAL_KINDS", "Endpoints", "SourceRef", "check_feed_or_source",
           "fetch_source", "parse_source_uri", "source_ref"]

_ADAPTERS = {"mastodon": fetch_mastodon, "bluesky": fetch_bluesky, "telegram": fetch_telegram,
             "youtube": fetch_youtube}


async def fetch_source(session: aiohttp.ClientSession, ref: SourceRef, limits: FetchLimits,
                       endpoints: Endpoints | None = None) -> ParsedFeed:
    """The account's recent posts; raises FetchError (network, HTTP, unknown account) or
    ParseError (an answer this version cannot read)."""
    return await _ADAPTERS[ref.kind](session, ref, limits, endpoints or Endpoints())


def check_feed_or_source(url: str, allow_private: bool) -> str:
    """A feed URL normalised, or a `<kind>:<account>` source normalised; raise FetchError."""
    ref = parse_source_uri(url.strip())
    if ref is not None:
        return ref.uri
    return validate_feed_url(url, allow_private=allow_private)
