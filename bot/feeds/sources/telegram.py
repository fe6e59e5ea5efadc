"""A public Telegram channel through its web preview, `https://t.me/s/<channel>` (HTML,
newest posts last; `?before=<id>` pages back). Only the preview's markup is read; when it
is not recognised, the source fails with a clear error instead of yielding nothing."""

from __future__ import annotations

import aiohttp
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from bot.domain import Article
from bot.errors import ParseError
from bot.feeds.fetch import FetchLimits
from bot.feeds.parse import ParsedFeed
from bot.feeds.sources.common import Notes, dedupe, iso_datetime
from bot.feeds.sources.http import Endpoints, exhausted, get
from bot.feeds.sources.ref import SourceRef
from bot.feeds.text import html_to_text


async def fetch_telegram(session: aiohttp.ClientSession, ref: SourceRef, limits: FetchLimits,
                         endpoints: Endpoints) -> ParsedFeed:
    base = endpoints.telegram_base.rstrip("/")
    first = f"{base}/s/{ref.account}"
    url: str | None = first
    notes = Notes()
    articles: list[Article] = []
    title: str | None = None
    pages = 0
    while url and pages < endpoints.max_pages:
        result = await get(session, url, limits)
        pages += 1
        page_title, posts, oldest = parse_preview(result.body or b"", ref=ref, url=url,
                                                  notes=notes)
        title = title or page_title
        articles.extend(posts)
        url = f"{first}?before={oldest}" if oldest is not None and oldest > 1 else None
        if url and exhausted(result.headers):
            break
    return ParsedFeed(title=f"{title or ref.display} (Telegram {ref.display})", lang=None,
                      entries=dedupe(articles), warning=notes.warning())


def parse_preview(body: bytes, *, ref: SourceRef, url: str,
                  notes: Notes) -> tuple[str | None, list[Article], int | None]:
    """The channel's title, its posts, and the smallest post number on the page."""
    tree = HTMLParser(body.decode("utf-8", "replace"))
    info = tree.css_first(".tgme_channel_info")
    messages = tree.css(".tgme_widget_message[data-post]")
    if info is None and not messages:
        if tree.css_first(".tgme_page") is not None:
            raise ParseError(f"Telegram has no public preview for {ref.display} ({url}): the "
                             "channel does not exist, is private, or is not a channel")
        raise ParseError(f"{url} is not a Telegram channel preview this version can read "
                         "(has the page layout changed?)")
    title_node = tree.css_first(".tgme_channel_info_header_title")
    title = title_node.text(strip=True) if title_node is not None else None
    posts: list[Article] = []
    oldest: int | None = None
    for node in messages:
        post = str(node.attributes.get("data-post") or "")
        number = post.rpartition("/")[2]
        if number.isdigit():
            oldest = int(number) if oldest is None else min(oldest, int(number))
        try:
            article = _message(node, post, ref=ref, title=title)
        except (ParseError, ValueError) as exc:
            notes.unreadable.append(f"{post}: {exc}")
            continue
        if article is None:
            notes.media_only += 1
        else:
            posts.append(article)
    return title, posts, oldest


def _message(node: Node, post: str, *, ref: SourceRef, title: str | None) -> Article | None:
    channel, _, number = post.partition("/")
    if not channel or not number.isdigit():
        raise ParseError(f"unexpected post id {post!r}")
    # The post's own text; a reply block repeats the answered post's text before it.
    texts = [n for n in node.css(".tgme_widget_message_text")
             if not _inside(n, "tgme_widget_message_reply")]
    body = texts[-1] if texts else None
    text = html_to_text(body.html or "") if body is not None else ""
    if not text.strip():
        return None
    stamp = node.css_first(".tgme_widget_message_date time")
    reply = node.css_first("a.tgme_widget_message_reply")
    reply_to = str(reply.attributes.get("href") or "") or None if reply is not None else None
    return Article(
        key=f"https://t.me/{post}",
        text=text,
        url=f"https://t.me/{post}",
        published=iso_datetime(stamp.attributes.get("datetime") if stamp is not None else None),
        outlet=title or ref.display,
        author=f"@{channel.lower()}",
        platform="telegram",
        in_reply_to=reply_to,
    )


def _inside(node: Node, css_class: str) -> bool:
    parent = node.parent
    while parent is not None:
        if css_class in str(parent.attributes.get("class") or "").split():
            return True
        parent = parent.parent
    return False
