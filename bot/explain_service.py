"""One `explain` request end to end, for the command line and for /explain: read the
article's text again (or take the one given), then re-run the pure steps against the store."""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.article_text import article_text
from bot.domain import Article
from bot.explain import Explanation, canonical_ident, explain
from bot.feeds.fetch import FetchLimits, make_session
from bot.matcher import Matcher
from bot.store.engine import SqlStore
from bot.store.explain_queries import find_article
from bot.tracker import TrackerPolicy


async def explain_query(query: str, *, store: SqlStore, matcher: Matcher, policy: TrackerPolicy,
                        limits: FetchLimits, now: datetime, server_id: str | None = None,
                        text: str | None = None) -> Explanation:
    """`server_id`: show only that server's filter decision. `text`: the article's text,
    instead of reading it again from its feed or page. Database work runs in a thread so
    the bot's event loop (and Discord's heartbeat) is never held up."""
    query = query.strip()
    stored = await asyncio.to_thread(find_article, store, query, canonical_ident(query))
    if text is not None:
        url = stored.url if stored and stored.url else (
            query if query.startswith(("http://", "https://")) else None)
        article: Article | None = Article(
            key=stored.guid if stored else query, text=text,
            title=stored.title if stored else "", url=url,
            published=stored.published if stored else None,
            lang=stored.lang if stored else None)
        note = "text as given"
    else:
        async with make_session(limits) as session:
            article, note = await article_text(session, limits, query, stored)

    def run() -> Explanation:
        with store.unit() as unit:
            guilds = [g for g in unit.all_guild_settings()
                      if server_id is None or g.guild_id == server_id]
            subscriptions = unit.subscriptions(server_id)
        return explain(query, store=store, matcher=matcher, policy=policy, now=now,
                       article=article, text_note=note, guilds=guilds,
                       subscriptions=subscriptions)

    return await asyncio.to_thread(run)
