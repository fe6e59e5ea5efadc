"""The text of one article for `explain`: the database keeps no article text (only what is
needed to recognise it again), so it is read again from the article's feed, else from the
article's own page."""

from __future__ import annotations

from dataclasses import replace

import aiohttp

from bot.domain import Article
from bot.errors import FetchError, ParseError
from bot.feeds.fetch import FetchLimits, fetch_feed
from bot.feeds.probe import probe_feed
from bot.feeds.text import html_to_text
from bot.store.explain_queries import StoredArticle


async def article_text(session: aiohttp.ClientSession, limits: FetchLimits, query: str,
                       stored: StoredArticle | None) -> tuple[Article | None, str]:
    """(the article, where its text came from) or (None, why it could not be had)."""
    problems: list[str] = []
    if stored is not None and stored.feed_url:
        try:
            probe = await probe_feed(session, stored.feed_url, limits)
            for entry in probe.entries:
                if entry.key == stored.guid or (stored.url and entry.url == stored.url):
                    return (replace(entry, lang=entry.lang or probe.lang),
                            f"text read again from its feed {stored.feed_url}")
            problems.append(f"it is no longer in its feed {stored.feed_url}")
        except (FetchError, ParseError) as exc:
            problems.append(f"its feed cannot be read now: {exc}")
    url = stored.url if stored is not None and stored.url else query
    if url.startswith(("http://", "https://")):
        try:
            fetched = await fetch_feed(session, url, limits=limits)
            text = html_to_text((fetched.body or b"").decode("utf-8", "replace"))
            if text.strip():
                return (Article(key=stored.guid if stored else url, text=text,
                                title=stored.title if stored else "", url=url,
                                published=stored.published if stored else None,
                                lang=stored.lang if stored else None),
                        f"text read from the article's page {url} (the page may hold more "
                        "than the feed entry did)")
            problems.append(f"its page {url} has no text")
        except FetchError as exc:
            problems.append(f"its page cannot be fetched: {exc}")
    return None, "; ".join(problems) or "nothing to read the text from (give --text FILE)"
