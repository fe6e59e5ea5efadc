"""Fetch a feed once to check it, before it is added or to try it out: follows an HTML
page's <link rel="alternate"> to the feed it announces."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urljoin

import aiohttp
from selectolax.lexbor import LexborHTMLParser

from bot.domain import Article
from bot.errors import FetchError, ParseError
from bot.feeds.fetch import FetchLimits, fetch_feed
from bot.feeds.parse import parse_feed
from bot.feeds.sources import Endpoints, fetch_source, parse_source_uri
from bot.feeds.urls import validate_feed_url

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/feed+xml", "application/xml", "text/xml")


@dataclass(frozen=True, slots=True)
class Probe:
    url: str  # the feed's own URL (the announced one when found from a page)
    title: str | None
    lang: str | None
    entries: tuple[Article, ...]
    discovered_from: str | None = None  # the HTML page that announced the feed
    warning: str | None = None


def feed_links(html: bytes | str, base: str) -> list[str]:
    """The feeds an HTML page announces with <link rel="alternate" type="...rss+xml" ...>,
    absolute, in page order, without repeats."""
    tree = LexborHTMLParser(html if isinstance(html, str) else html.decode("utf-8", "replace"))
    found: list[str] = []
    for node in tree.css("link[href]"):
        rel = (node.attributes.get("rel") or "").lower().split()
        kind = (node.attributes.get("type") or "").lower().split(";")[0].strip()
        href = (node.attributes.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            url = urljoin(base, href)
            if url not in found:
                found.append(url)
    return found


def _looks_like_html(body: bytes) -> bool:
    head = body[:4096].lstrip().lower()
    return head.startswith(b"<!doctype html") or b"<html" in head


async def probe_feed(session: aiohttp.ClientSession, url: str, limits: FetchLimits,
                     endpoints: Endpoints | None = None) -> Probe:
    """Fetch and parse `url`; when it is an HTML page announcing a feed, the first announced
    feed that parses; when it is a `<kind>:<account>` source, the account's recent posts.
    Raises FetchError or ParseError saying what is wrong."""
    source = parse_source_uri(url)
    if source is not None:
        posts = await fetch_source(session, source, limits, endpoints)
        return Probe(url=source.uri, title=posts.title, lang=posts.lang,
                     entries=tuple(posts.entries), warning=posts.warning)
    fetched = await fetch_feed(session, url, limits=limits)
    body = fetched.body or b""
    try:
        parsed = await asyncio.to_thread(parse_feed, body, url=fetched.final_url,
                                         headers=fetched.headers)
        return Probe(url=validate_feed_url(url, allow_private=limits.allow_private),
                     title=parsed.title, lang=parsed.lang, entries=tuple(parsed.entries),
                     warning=parsed.warning)
    except ParseError as not_a_feed:
        if not _looks_like_html(body):
            raise
        candidates = feed_links(body, fetched.final_url)
        if not candidates:
            raise ParseError(f"{url} is an HTML page that announces no feed (no <link "
                             "rel=\"alternate\" type=\"application/rss+xml\">); look for "
                             "an RSS or Atom link on the page") from not_a_feed
    problems: list[str] = []
    for candidate in candidates[:5]:
        try:
            feed_url = validate_feed_url(candidate, allow_private=limits.allow_private)
            announced = await fetch_feed(session, feed_url, limits=limits)
            parsed = await asyncio.to_thread(parse_feed, announced.body or b"",
                                             url=announced.final_url, headers=announced.headers)
        except (FetchError, ParseError) as exc:
            problems.append(str(exc))
            continue
        return Probe(url=feed_url, title=parsed.title, lang=parsed.lang,
                     entries=tuple(parsed.entries), discovered_from=url,
                     warning=parsed.warning)
    raise ParseError(f"{url} announces {len(candidates)} feed(s), none readable: "
                     + "; ".join(problems))
