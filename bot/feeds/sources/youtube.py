"""A YouTube channel through its public Atom feed, `/feeds/videos.xml?channel_id=UC…`: the
latest videos (title and description), read by the ordinary feed parser."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import aiohttp

from bot.feeds.fetch import FetchLimits
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.feeds.sources.http import Endpoints, get
from bot.feeds.sources.ref import SourceRef


async def fetch_youtube(session: aiohttp.ClientSession, ref: SourceRef, limits: FetchLimits,
                        endpoints: Endpoints) -> ParsedFeed:
    url = f"{endpoints.youtube_base.rstrip('/')}/feeds/videos.xml?channel_id={ref.account}"
    result = await get(session, url, limits)
    parsed = await asyncio.to_thread(parse_feed, result.body or b"", url=result.final_url,
                                     headers=result.headers)
    channel = parsed.title or ref.account
    entries = [replace(a, author=a.author or channel, platform="youtube")
               for a in parsed.entries]
    return replace(parsed, title=f"{channel} (YouTube)", entries=entries)
