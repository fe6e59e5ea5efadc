"""A Bluesky account through the public AppView's `app.bsky.feed.getAuthorFeed`, no login:
posts and replies newest first, `cursor` pagination. Reposts are left out (other people's
posts); a quote-post counts as answering the post it quotes."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import aiohttp

from bot.domain import Article
from bot.errors import FetchError, ParseError
from bot.feeds.fetch import FetchLimits
from bot.feeds.parse import ParsedFeed
from bot.feeds.sources.common import Notes, dedupe, iso_datetime
from bot.feeds.sources.http import Endpoints, exhausted, get_json, need
from bot.feeds.sources.ref import SourceRef

PAGE_SIZE = 50
_METHOD = "/xrpc/app.bsky.feed.getAuthorFeed"


async def fetch_bluesky(session: aiohttp.ClientSession, ref: SourceRef, limits: FetchLimits,
                        endpoints: Endpoints) -> ParsedFeed:
    base = endpoints.bluesky_appview.rstrip("/")
    first = (f"{base}{_METHOD}?actor={quote(ref.account, safe=':')}&limit={PAGE_SIZE}"
             "&filter=posts_with_replies")
    url: str | None = first
    notes = Notes()
    articles: list[Article] = []
    owner: str | None = None
    pages = 0
    while url and pages < endpoints.max_pages:
        try:
            answer, result = await get_json(session, url, limits)
        except FetchError as exc:
            if exc.status == 400 and pages == 0:
                # The AppView answers 400 (InvalidRequest, "Profile not found") for an
                # unknown, deleted or deactivated actor.
                raise FetchError(f"no such Bluesky account {ref.display} (or it was deleted,"
                                 f" deactivated or blocks logged-out viewers): {exc}",
                                 permanent=True, status=400) from exc
            raise
        pages += 1
        answer = need(answer, dict, "the answer", url)
        for position, item in enumerate(need(answer.get("feed"), list, "feed", url)):
            try:
                article = item_article(item)
            except (ParseError, KeyError, TypeError, ValueError) as exc:
                notes.unreadable.append(f"item {position + 1}: {exc}")
                continue
            if article is None:
                notes.media_only += 1
            elif article.platform is not None:
                articles.append(article)
                owner = owner or article.outlet
        cursor = answer.get("cursor")
        url = f"{first}&cursor={quote(cursor)}" if isinstance(cursor, str) and cursor else None
        if url and exhausted(result.headers):
            notes.stopped = "rate limit reached: older pages wait for the next poll"
            break
    return ParsedFeed(title=f"{owner or ref.display} (Bluesky {ref.display})", lang=None,
                      entries=dedupe(articles), warning=notes.warning())


_REPOST = Article(key="", text="")  # marks an item that is not the account's own post


def item_article(item: Any) -> Article | None:
    """One feed item as an Article; None for a post without text; `_REPOST` (platform None)
    for a repost."""
    if not isinstance(item, dict):
        raise ParseError("a feed item is not an object")
    reason = item.get("reason")
    if isinstance(reason, dict) and "reasonRepost" in str(reason.get("$type", "")):
        return _REPOST
    post = item.get("post")
    if not isinstance(post, dict) or not isinstance(post.get("uri"), str):
        raise ParseError("a feed item has no post uri")
    record: dict[str, Any] = _object(post.get("record"))
    text = str(record.get("text") or "").strip()
    if not text:
        return None
    author = _object(post.get("author"))
    handle = str(author.get("handle") or "").strip()
    uri = post["uri"]
    langs = record.get("langs")
    lang = langs[0] if isinstance(langs, list) and langs and isinstance(langs[0], str) else None
    return Article(
        key=uri,
        text=text,
        url=_web_url(uri, handle),
        published=iso_datetime(record.get("createdAt")) or iso_datetime(post.get("indexedAt")),
        lang=lang.split("-")[0].lower() if lang else None,
        outlet=str(author.get("displayName") or "").strip() or (f"@{handle}" if handle else None),
        author=f"@{handle}" if handle else str(author.get("did") or "") or None,
        platform="bluesky",
        in_reply_to=_answered(record),
    )


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _answered(record: dict[str, Any]) -> str | None:
    reply = record.get("reply")
    if isinstance(reply, dict) and isinstance(reply.get("parent"), dict):
        parent = reply["parent"].get("uri")
        if isinstance(parent, str) and parent:
            return parent
    embed = record.get("embed")
    if isinstance(embed, dict):
        kind = str(embed.get("$type", ""))
        target = embed.get("record")
        if kind == "app.bsky.embed.recordWithMedia" and isinstance(target, dict):
            target = target.get("record")
        if kind.startswith("app.bsky.embed.record") and isinstance(target, dict):
            uri = target.get("uri")
            if isinstance(uri, str) and uri:
                return uri
    return None


def _web_url(uri: str, handle: str) -> str | None:
    # at://did:plc:…/app.bsky.feed.post/<rkey> → https://bsky.app/profile/<handle>/post/<rkey>
    parts = uri.removeprefix("at://").split("/")
    if len(parts) != 3 or parts[1] != "app.bsky.feed.post":
        return None
    return f"https://bsky.app/profile/{handle or parts[0]}/post/{parts[2]}"
