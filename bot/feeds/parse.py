"""Feed documents into Articles. The only module that imports feedparser.

feedparser is forgiving: it returns *something* for any input. The decisions made here
are which of those somethings are feeds (a document with a feed version or with entries)
and how each entry becomes an `Article` the matcher can read.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import feedparser
from feedparser.datetimes import _parse_date as feedparser_date

from bot.domain import Article
from bot.errors import ParseError
from bot.feeds.dates import parse_localized_date, struct_to_datetime
from bot.feeds.fast_parse import fast_result
from bot.feeds.language import detect_language, primary_language
from bot.feeds.text import html_to_line, html_to_text, plain_text
from bot.feeds.urls import canonical_url

_TAG = re.compile(r"</?[a-z][a-z0-9]*[^<>]*>", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_WARNING = 300
_MAX_KEY = 500


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    # Primary language subtag ("de"): declared by the feed or its HTTP headers, else
    # detected from the entries' text (articles keep only the declared language).
    lang: str | None
    entries: list[Article]
    warning: str | None  # set when the document was not well-formed but still yielded a feed


def parse_feed(body: bytes, *, url: str, headers: Mapping[str, str] | None = None,
               fast: bool = True) -> ParsedFeed:
    """Parse a fetched document; raise `ParseError` when it is not an RSS/Atom feed.

    `headers` are the HTTP response headers: feedparser takes the charset from
    Content-Type when the document does not declare one. CPU-bound: call it in a thread.
    With `fast` (the default) a plain document is read by the fast path
    (`bot.feeds.fast_parse`, same result, ~10-60x faster); feedparser reads the others.
    Every entry's `url` is `canonical_url`'s output (or None), so the store's canonical
    URL of an entry is its `url` as it stands (`bot.workers.digest_of`).
    """
    if not isinstance(body, bytes | bytearray | memoryview):
        raise ParseError(f"feed body of {url} must be bytes, not {type(body).__name__}")
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    # Relative links in entries resolve against the feed's own URL.
    response_headers.setdefault("content-location", url)
    # Without a Content-Type feedparser flags every document as bozo; XML is what a feed
    # URL serves, and the document's own encoding declaration still applies.
    response_headers.setdefault("content-type", "application/xml")
    result = fast_result(bytes(body), response_headers) if fast else None
    if result is not None:
        _parse_dates(result["entries"])
    else:
        result = _feedparser_result(body, url, response_headers)
    if not result.get("version") and not result.get("entries"):
        raise ParseError(f"not an RSS/Atom feed: {url} {_describe_non_feed(body, result)}")
    feed = result.get("feed", {})
    title = _clean_title(feed.get("title_detail") or feed.get("title")) or None
    feed_lang = primary_language(feed.get("language")) or primary_language(
        response_headers.get("content-language")
    )
    articles, unreadable = _articles(
        result.get("entries", []), url=url, outlet=title, feed_lang=feed_lang
    )
    if feed_lang is None:
        feed_lang = detect_language(f"{a.title}. {a.text[:300]}" for a in articles)
    return ParsedFeed(
        title=title, lang=feed_lang, entries=articles, warning=_warning(result, unreadable)
    )


def _feedparser_result(body: bytes, url: str, response_headers: dict[str, str]) -> Any:
    try:
        # A stream, never bytes: feedparser would try to open bytes as a local file name.
        return feedparser.parse(
            io.BytesIO(bytes(body)),
            response_headers=response_headers,
            resolve_relative_uris=False,
            sanitize_html=False,
        )
    except Exception as exc:  # feedparser promises not to raise; this is the boundary
        raise ParseError(f"could not parse {url}: {exc.__class__.__name__}: {exc}") from exc


def _parse_dates(entries: list[dict[str, Any]]) -> None:
    """The fast path's raw dates read by feedparser's own date parser (same results)."""
    for entry in entries:
        for key in ("published", "updated"):
            raw = entry.get(key)
            if raw is not None:
                # feedparser strips an element's text before reading the date in it
                entry[key] = raw = raw.strip()
                entry[f"{key}_parsed"] = feedparser_date(raw)


def _articles(
    entries: list[Any], *, url: str, outlet: str | None, feed_lang: str | None
) -> tuple[list[Article], list[str]]:
    articles: list[Article] = []
    seen_keys: set[str] = set()
    unreadable: list[str] = []
    for position, entry in enumerate(entries, start=1):
        try:
            article = _article(entry, url=url, outlet=outlet, feed_lang=feed_lang)
        except Exception as exc:  # one odd entry must not cost the feed its other entries
            unreadable.append(f"entry {position}: {exc.__class__.__name__}: {exc}")
            continue
        # A feed that repeats an entry must not make the store see it twice in one batch.
        if article is None or article.key in seen_keys:
            continue
        seen_keys.add(article.key)
        articles.append(article)
    return articles, unreadable


def _article(entry: Any, *, url: str, outlet: str | None, feed_lang: str | None) -> Article | None:
    title = _clean_title(entry.get("title_detail") or entry.get("title"))
    text, text_lang = _richest_text(entry)
    if not title and not text:
        return None
    link = _entry_link(entry)
    return Article(
        key=_entry_key(entry, link, title, text),
        text=text,
        title=title,
        url=link,
        published=_entry_published(entry),
        lang=text_lang or _detail_language(entry.get("title_detail")) or feed_lang,
        outlet=outlet,
        feed_url=url,
    )


def _entry_key(entry: Any, link: str | None, title: str, text: str) -> str:
    key = str(entry.get("id") or "").strip() or link
    if key:
        # A store index has limits; an absurdly long id is kept as its digest.
        return key if len(key) <= _MAX_KEY else "sha256:" + _digest(key)
    return "sha256:" + _digest(f"{title}\n{text}")


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _entry_link(entry: Any) -> str | None:
    link = str(entry.get("link") or "").strip()
    if not link:
        return None
    canonical = canonical_url(link)
    return canonical if canonical.startswith(("http://", "https://")) else None


def _entry_published(entry: Any) -> datetime | None:
    # dict.get skips feedparser's deprecated updated->published key aliasing.
    for key in ("published", "updated", "created"):
        parsed = struct_to_datetime(dict.get(entry, f"{key}_parsed"))
        if parsed is not None:
            return parsed
        raw = dict.get(entry, key)
        if isinstance(raw, str):
            localized = parse_localized_date(raw)
            if localized is not None:
                return localized
    return None


def _richest_text(entry: Any) -> tuple[str, str | None]:
    """Text of the longest body the entry offers (content:encoded, Atom content, summary),
    with that body's xml:lang if it has one."""
    candidates: list[Any] = list(entry.get("content") or [])
    summary = entry.get("summary_detail")
    if summary is not None:
        candidates.append(summary)
    best_text, best_lang = "", None
    for detail in candidates:
        text = _detail_text(detail)
        if len(text) > len(best_text):
            best_text, best_lang = text, _detail_language(detail)
    return best_text, best_lang


def _detail_text(detail: Any) -> str:
    value = str(detail.get("value") or "")
    if not value:
        return ""
    if str(detail.get("type") or "text/html").lower() in _HTML_TYPES:
        return html_to_text(value)
    return plain_text(value)


def _clean_title(detail: Any) -> str:
    if detail is None:
        return ""
    if isinstance(detail, str):
        return html_to_line(detail)
    value = str(detail.get("value") or "")
    # Many feeds escape markup twice, so a "plain" title can still carry tags.
    if str(detail.get("type") or "").lower() in _HTML_TYPES or _TAG.search(value):
        return html_to_line(value)
    return " ".join(value.split())


def _detail_language(detail: Any) -> str | None:
    if detail is None or isinstance(detail, str):
        return None
    return primary_language(detail.get("language"))


def _warning(result: Any, unreadable: list[str]) -> str | None:
    notes: list[str] = []
    if result.get("bozo"):
        notes.append(_bozo_note(result.get("bozo_exception")))
    if unreadable:
        notes.append(f"{len(unreadable)} entries could not be read ({unreadable[0]})")
    if not notes:
        return None
    message = "; ".join(notes)
    return message if len(message) <= _MAX_WARNING else message[: _MAX_WARNING - 1] + "…"


def _bozo_note(problem: BaseException | None) -> str:
    kind = problem.__class__.__name__ if problem else ""
    detail = str(problem) if problem else "unknown problem"
    if kind == "NonXMLContentType":
        return f"the feed is served with a non-XML content type, parsed anyway ({detail})"
    if kind.startswith("CharacterEncoding"):
        return f"the feed's character encoding is wrong or unknown, parsed anyway ({detail})"
    return f"the feed is not well-formed, entries were recovered ({kind}: {detail})"


def _describe_non_feed(body: bytes, result: Any) -> str:
    head = bytes(body[:2048]).lstrip().lower()
    if not head:
        return "is empty"
    if head.startswith(b"<!doctype html") or b"<html" in head:
        return "is an HTML page"
    if head[:1] in (b"{", b"["):
        return "is JSON, not RSS or Atom"
    problem = result.get("bozo_exception")
    if problem:
        return f"is not a feed ({problem})"
    return "has no RSS, RDF or Atom root element"
