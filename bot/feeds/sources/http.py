"""Requests of the source adapters, all through the feed fetcher (its limits, redirect
checks and address guard), plus what the platforms' rate-limit headers say."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.errors import FetchError, ParseError
from bot.feeds.fetch import FetchLimits, FetchResult, fetch_feed


@dataclass(frozen=True)
class Endpoints:
    """Where each platform is reached; configurable so tests (or a host's own mirror)
    point elsewhere. Mastodon accounts name their instance; only the scheme is set here."""

    mastodon_scheme: str = "https"
    bluesky_appview: str = "https://public.api.bsky.app"
    telegram_base: str = "https://t.me"
    youtube_base: str = "https://www.youtube.com"
    # Pages read per poll (newest first); older posts were seen on earlier polls.
    max_pages: int = 3


def exhausted(headers: dict[str, str]) -> bool:
    """True when the platform says no request is left in this rate-limit window: stop
    paginating rather than be answered 429."""
    for name in ("x-ratelimit-remaining", "ratelimit-remaining"):
        value = headers.get(name, "").strip()
        if value.isdigit() and int(value) == 0:
            return True
    return False


async def get(session: aiohttp.ClientSession, url: str, limits: FetchLimits) -> FetchResult:
    result = await fetch_feed(session, url, limits=limits)
    if result.body is None:  # no validators were sent: a 304 is the server's error
        raise FetchError(f"unexpected HTTP {result.status} without a body from {url}")
    return result


async def get_json(session: aiohttp.ClientSession, url: str,
                   limits: FetchLimits) -> tuple[Any, FetchResult]:
    result = await get(session, url, limits)
    try:
        return json.loads(result.body or b""), result
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(f"{url} did not answer JSON ({exc}); has the API changed?") from exc


def need(value: Any, kind: type, what: str, url: str) -> Any:
    """`value` if it is of `kind`, else a ParseError naming what was expected."""
    if not isinstance(value, kind):
        raise ParseError(f"unexpected answer from {url}: {what} is missing or not a "
                         f"{kind.__name__}; has the API changed?")
    return value
