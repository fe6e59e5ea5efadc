"""A cheap structural scan that decides whether the fast parse path may take a document.

The fast path (`bot.feeds.fast_parse`, fastfeedparser over lxml) gives feedparser's result
only for plain documents. This scan reads the document once with expat (C speed: Python
is called per element, never per character, except inside date elements) and declines
every class where the two parsers were seen to disagree or could: non-UTF-8 or mis-declared
encodings, documents that are not well-formed, DOCTYPEs and entity declarations, RSS 0.9x,
RDF and Atom 0.3, `xml:base` and `xml:lang`, markup nested inside text elements, XHTML
content, and entry elements feedparser maps onto the fields we read (media:title,
itunes:summary, atom links inside RSS, ...). It also keeps what fastfeedparser drops and
feedparser uses: each entry's raw date strings and which text elements it really had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

ATOM = "http://www.w3.org/2005/Atom"
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"
_MEDIA = "http://search.yahoo.com/mrss/"
_XML = "http://www.w3.org/XML/1998/namespace"
_SEP = " "

# Entry children whose meaning is the same in both parsers (or unused by `parse_feed`).
_ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# Media and podcast elements feedparser keeps under their own keys (itunes:title and
# itunes:summary are not here: feedparser reads them as the title and the summary).
_EXTRAS = frozenset({f"{_MEDIA}{_SEP}content", f"{_MEDIA}{_SEP}thumbnail"} | {
    f"{_ITUNES}{_SEP}{name}" for name in ("duration", "explicit", "image", "episode",
                                          "episodeType", "season", "author", "subtitle",
                                          "keywords", "block")})
_RSS_ENTRY = _EXTRAS | frozenset({
    "title", "link", "description", "guid", "pubDate", "category", "author", "comments",
    "enclosure", "source", f"{_CONTENT}{_SEP}encoded", f"{_DC}{_SEP}creator",
    f"{_DC}{_SEP}date",
    "http://wellformedweb.org/CommentAPI/ commentRss",
    "http://purl.org/rss/1.0/modules/slash/ comments",
})
_ATOM_ENTRY = _EXTRAS | frozenset(f"{ATOM}{_SEP}{name}" for name in (
    "title", "link", "id", "updated", "published", "summary", "content", "author",
    "contributor", "category", "rights"))
_ATOM_PERSON = frozenset(f"{ATOM}{_SEP}{name}" for name in ("name", "email", "uri"))
# Feed-level elements feedparser reads into the feed's title or language besides the
# plain ones (which fastfeedparser reads too).
_FEED_DECLINED = frozenset({
    f"{_DC}{_SEP}title", f"{_DC}{_SEP}language", f"{_MEDIA}{_SEP}title",
    "http://www.itunes.com/dtds/podcast-1.0.dtd title",
})
_DATES = {"pubDate": "published", f"{_DC}{_SEP}date": "updated",
          f"{ATOM}{_SEP}published": "published", f"{ATOM}{_SEP}updated": "updated"}
_TEXT_TYPES = {f"{ATOM}{_SEP}title": "title", f"{ATOM}{_SEP}summary": "summary",
               f"{ATOM}{_SEP}content": "content"}
_ATOM_TEXT_TYPES = {"text": "text/plain", "html": "text/html"}
_DECLARATION = re.compile(rb"^<\?xml[^>]*?encoding=[\"']([^\"']+)[\"']")
# C1 controls (feedparser maps them to cp1252) and a UTF-8 byte order mark.
_C1_OR_BOM = re.compile(b"\xc2[\x80-\x9f]|\xef\xbb\xbf")
_LATIN1_C1 = re.compile(b"[\x80-\x9f]")


class Declined(Exception):
    """The document is outside the fast path's classes; the reason names the class."""


@dataclass
class EntryShape:
    """What the scan saw of one entry: its child elements, raw dates, Atom text types."""

    children: list[str] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)


@dataclass
class DocumentShape:
    kind: str = ""  # "rss20" or "atom10"
    utf8: bool = True  # else ISO-8859-1
    entries: list[EntryShape] = field(default_factory=list)
    language: str | None = None  # RSS <language> (fastfeedparser does not read it)
    title_type: str | None = None  # the Atom feed title's type


def scan(body: bytes) -> DocumentShape:
    """The document's shape, or `Declined` with the reason."""
    utf8 = _check_bytes(body)
    scanner = _Scanner()
    scanner.shape.utf8 = utf8
    try:
        scanner.parser.Parse(body, True)
    except expat.ExpatError as exc:
        raise Declined(f"not well-formed: {exc}") from exc
    if not scanner.shape.kind:
        raise Declined("no root element")
    return scanner.shape


def _check_bytes(body: bytes) -> bool:
    """Whether the document is UTF-8 (else ISO-8859-1); `Declined` for anything else."""
    if not body.startswith((b"<?xml", b"<rss", b"<feed", b"<!--")):
        raise Declined("does not start with an XML declaration or root element")
    declared = _DECLARATION.match(body[:200])
    encoding = declared.group(1).lower() if declared else b"utf-8"
    if encoding in (b"iso-8859-1", b"latin-1", b"latin1"):
        # feedparser reads bytes 0x80-0x9f as windows-1252 in any encoding
        if _LATIN1_C1.search(body):
            raise Declined("ISO-8859-1 with bytes 0x80-0x9f")
        return False
    if encoding not in (b"utf-8", b"utf8"):
        raise Declined(f"declared encoding {encoding.decode('ascii', 'replace')}")
    if _C1_OR_BOM.search(body):
        raise Declined("C1 control characters or a byte order mark")
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Declined("not valid UTF-8") from exc
    return True


def _atom_text_type(attrs: dict[str, str]) -> str:
    kind = _ATOM_TEXT_TYPES.get(attrs.get("type", "text"))
    if kind is None or "src" in attrs:
        raise Declined(f"Atom text of type {attrs.get('type')!r}")
    return kind


class _Scanner:
    """expat handlers building a `DocumentShape`; any declined class raises `Declined`."""

    def __init__(self) -> None:
        self.shape = DocumentShape()
        self.depth = 0
        self.entry_depth = 0  # depth of the entry elements: 3 in RSS 2.0, 2 in Atom
        self.entry: EntryShape | None = None
        self.open_child = ""
        self.date_key = ""
        self.date_text: list[str] = []
        parser = expat.ParserCreate(None, namespace_separator=_SEP)
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.doctype
        self.parser = parser

    def doctype(self, *_args: object) -> None:
        raise Declined("a DOCTYPE or entity declaration")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        for attr in attrs:
            if attr.startswith(_XML):
                raise Declined(f"attribute {attr.split(_SEP)[-1]!r} (xml:base/xml:lang)")
        if self.depth == 1:
            self.root(name, attrs)
        elif self.depth == self.entry_depth:
            self.start_entry(name, attrs)
        elif self.entry is None:
            if name in _FEED_DECLINED or name in ("item", f"{ATOM}{_SEP}entry"):
                raise Declined(f"feed element {name!r}")
            if self.open_child in ("title", f"{ATOM}{_SEP}title"):
                raise Declined(f"element {name!r} in the feed's title")

        elif self.depth == self.entry_depth + 1:
            self.entry_child(self.entry, name, attrs)
        elif not (self.open_child == f"{ATOM}{_SEP}author" and name in _ATOM_PERSON):
            raise Declined(f"element {name!r} nested in an entry's {self.open_child!r}")

    def root(self, name: str, attrs: dict[str, str]) -> None:
        if name == "rss" and attrs.get("version", "").strip() == "2.0":
            self.shape.kind, self.entry_depth = "rss20", 3
        elif name == f"{ATOM}{_SEP}feed":
            self.shape.kind, self.entry_depth = "atom10", 2
        else:
            raise Declined(f"root {name!r} {attrs.get('version', '')}".strip())

    def start_entry(self, name: str, attrs: dict[str, str]) -> None:
        wanted = "item" if self.shape.kind == "rss20" else f"{ATOM}{_SEP}entry"
        if name == wanted:
            self.entry = EntryShape()
            self.shape.entries.append(self.entry)
        elif name in _FEED_DECLINED or name in ("item", f"{ATOM}{_SEP}entry"):
            raise Declined(f"feed element {name!r}")
        elif name == "language" and self.shape.kind == "rss20":
            self.collect("language")
        elif name == f"{ATOM}{_SEP}title":
            self.shape.title_type = _atom_text_type(attrs)
        if self.entry is None:
            self.open_child = name

    def entry_child(self, entry: EntryShape, name: str, attrs: dict[str, str]) -> None:
        allowed = _RSS_ENTRY if self.shape.kind == "rss20" else _ATOM_ENTRY
        if name not in allowed:
            raise Declined(f"entry element {name!r}")
        if name in entry.children and name in _DATES:
            raise Declined(f"repeated {name!r}")
        entry.children.append(name)
        self.open_child = name
        if name in _TEXT_TYPES:
            entry.types[_TEXT_TYPES[name]] = _atom_text_type(attrs)
        if name in _DATES:
            self.collect(_DATES[name])
        if name == "guid" and attrs.get("isPermaLink", "true").strip().lower() == "false":
            entry.types["guid"] = "not a link"

    def collect(self, key: str) -> None:
        """Keep the text of the element just opened (Python sees characters only here)."""
        self.date_key, self.date_text = key, []
        self.parser.CharacterDataHandler = self.date_text.append

    def end(self, name: str) -> None:
        if self.date_key:
            text = "".join(self.date_text)
            if self.entry is not None:
                self.entry.dates[self.date_key] = text
            elif self.shape.language is None:
                self.shape.language = text
            self.date_key = ""
            self.parser.CharacterDataHandler = None
        if self.depth == self.entry_depth:
            self.entry = None
        if self.depth == self.entry_depth + (0 if self.entry is None else 1):
            self.open_child = ""
        self.depth -= 1
