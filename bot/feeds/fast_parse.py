"""The fast parse path: fastfeedparser (lxml) where it gives feedparser's result, else None.

`fast_result` returns a feedparser-shaped result (`feed`, `entries` with `title_detail`,
`content`, `summary_detail`, `link`, `id` and the raw date strings) that `bot.feeds.parse`
turns into Articles with the same code as feedparser's results, so the two paths differ
only in how the document is read. It declines (returns None) whenever `fast_shape.scan`
declines the document, fastfeedparser fails, or a field is in a class where the two were
seen to disagree (escaped markup in a link, a relative link, an entry count mismatch).
`tests/feeds/test_fast_parse.py` pins the equivalence on the shared corpora.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.feeds.fast_shape import Declined, DocumentShape, EntryShape, scan

log = logging.getLogger(__name__)

_XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml")
# feedparser rewrites "&amp;" and "&name;" inside links; such links are left to it.
_LINK_ENTITY = re.compile(r"&(?:amp;|[A-Za-z0-9_]+;)")
# feedparser's test for HTML in text declared plain (RSS titles): a close tag or an entity.
_LOOKS_HTML = re.compile(r"</\w+>|&#?\w+;")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_C1 = re.compile("[\x80-\x9f]")
_CONTENT_ENCODED = "http://purl.org/rss/1.0/modules/content/ encoded"


def fast_result(body: bytes, headers: dict[str, str]) -> dict[str, Any] | None:
    """A feedparser-shaped result for `body`, or None when the fast path declines."""
    try:
        served_charset = _check_headers(headers)
        shape = scan(body)
        if served_charset and not shape.utf8:
            # feedparser lets the served charset win over the document's declaration
            raise Declined("a served charset that differs from the document's encoding")
        return _result(body, shape)
    except Declined as exc:
        log.debug("fast parse path declined: %s", exc)
        return None


def _check_headers(headers: dict[str, str]) -> bool:
    """Whether the response names a charset (UTF-8: any other is declined)."""
    media, _, params = headers.get("content-type", "").partition(";")
    media = media.strip().lower()
    if media not in _XML_TYPES:
        raise Declined(f"content type {media!r}")
    charset = params.strip().lower().removeprefix("charset=").strip("\"' ")
    if charset not in ("", "utf-8", "utf8"):
        raise Declined(f"charset {charset!r} in Content-Type")
    if media == "text/xml" and not charset:
        raise Declined("text/xml without a charset (US-ASCII by RFC 3023)")
    return bool(charset)


def _result(body: bytes, shape: DocumentShape) -> dict[str, Any]:
    import fastfeedparser  # imported on first use: lxml is not needed by every command

    try:
        # Bytes, never a str: fastfeedparser would fetch a str that looks like a URL.
        parsed = fastfeedparser.parse(bytes(body), include_tags=False, include_media=False,
                                      include_enclosures=False)
    except Exception as exc:  # any failure of the fast parser is feedparser's job
        raise Declined(f"fastfeedparser: {type(exc).__name__}: {exc}") from exc
    raw_entries = list(parsed.get("entries") or [])
    if len(raw_entries) != len(shape.entries):
        raise Declined(f"{len(raw_entries)} entries read, {len(shape.entries)} in the document")
    feed = parsed.get("feed") or {}
    entries = [_entry(raw, entry_shape, shape.kind)
               for raw, entry_shape in zip(raw_entries, shape.entries, strict=True)]
    for entry in entries:
        _check_texts(entry, shape.utf8)
    return {
        "version": shape.kind,
        "bozo": 0,
        "feed": {"title_detail": _title_detail(feed.get("title"), shape),
                 "language": shape.language.strip() if shape.language else None},
        "entries": entries,
    }


def _check_texts(entry: dict[str, Any], utf8: bool) -> None:
    """Decline the texts feedparser rewrites after parsing: C1 controls (mapped to
    windows-1252) and, in UTF-8 documents, UTF-8 read as Latin-1 (decoded again)."""
    title = entry.get("title_detail")
    if title:
        _check_value(title["value"], utf8, title=True)
    details = [entry.get("summary_detail"), *entry.get("content", [])]
    values = [d["value"] for d in details if d and d.get("value")]
    values += [entry[key] for key in ("link", "id") if entry.get(key)]
    for value in values:
        _check_value(value, utf8)


def _check_value(value: str, utf8: bool, *, title: bool = False) -> None:
    if title and "<!" in value:
        # feedparser's handling of a title's markup declarations and comments differs
        raise Declined("a markup declaration or comment in a title")
    if _C1.search(value):
        raise Declined("C1 control characters in a text")
    if utf8 and not value.isascii():
        try:
            value.encode("iso-8859-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return
        raise Declined("UTF-8 read as Latin-1 in a text (feedparser decodes it again)")


def _entry(raw: dict[str, Any], shape: EntryShape, kind: str) -> dict[str, Any]:
    entry: dict[str, Any] = dict(shape.dates)
    title = raw.get("title")
    if title is not None:
        entry["title_detail"] = _text_detail(title, shape.types.get("title"), kind)
    link = _link(raw.get("link"), shape)
    if link:
        entry["link"] = link
    entry_id = raw.get("id")
    if entry_id and ("guid" in shape.children or f"{_ATOM_PREFIX}id" in shape.children):
        if not _SCHEME.match(entry_id) and shape.types.get("guid") != "not a link":
            raise Declined("a relative id (feedparser resolves it)")
        entry["id"] = entry_id
    content, summary = _bodies(raw, shape, kind)
    if content is not None:
        entry["content"] = [content]
    if summary is not None:
        entry["summary_detail"] = summary
    return entry


_ATOM_PREFIX = "http://www.w3.org/2005/Atom "


def _link(link: Any, shape: EntryShape) -> str | None:
    if "link" not in shape.children and f"{_ATOM_PREFIX}link" not in shape.children:
        # feedparser takes a permalink guid as the link; fastfeedparser does not.
        if "guid" in shape.children:
            raise Declined("an entry without a link but with a guid")
        return None
    if not link:
        return None
    text = str(link).strip()
    if _LINK_ENTITY.search(text):
        raise Declined("escaped markup in a link")
    if not text.startswith(("http://", "https://")):
        raise Declined("a relative link")
    return text


def _bodies(raw: dict[str, Any], shape: EntryShape, kind: str
            ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    contents = raw.get("content") or []
    if kind == "rss20":
        has_content = _CONTENT_ENCODED in shape.children
        has_summary = "description" in shape.children
        # fastfeedparser puts a lone description in `content`; feedparser in `summary`.
        value = contents[0].get("value") if has_content and contents else None
        content = {"type": "text/html", "value": value} if value is not None else None
        summary_value = raw.get("description") if has_content else (
            contents[0].get("value") if contents else None)
        summary = ({"type": "text/html", "value": summary_value}
                   if has_summary and summary_value is not None else None)
        return content, summary
    content = None
    if f"{_ATOM_PREFIX}content" in shape.children and contents:
        content = {"type": shape.types.get("content", "text/plain"),
                   "value": contents[0].get("value")}
    summary = None
    if f"{_ATOM_PREFIX}summary" in shape.children:
        summary_value = raw.get("summary") or raw.get("description")
        if summary_value is None:
            raise Declined("an Atom summary fastfeedparser did not keep")
        summary = {"type": shape.types.get("summary", "text/plain"), "value": summary_value}
    return content, summary


def _text_detail(value: str, atom_type: str | None, kind: str) -> dict[str, Any]:
    if kind == "atom10":
        return {"type": atom_type or "text/plain", "value": value}
    # feedparser guesses for RSS: plain text that looks like HTML is HTML.
    return {"type": "text/html" if _LOOKS_HTML.search(value) else "text/plain", "value": value}


def _title_detail(title: Any, shape: DocumentShape) -> dict[str, Any] | None:
    if title is None:
        return None
    detail = _text_detail(str(title), shape.title_type, shape.kind)
    _check_value(detail["value"], shape.utf8, title=True)
    return detail
