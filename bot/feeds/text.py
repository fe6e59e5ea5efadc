"""Plain text from feed HTML, and a hash that recognises the same story re-published.

The matcher splits paragraphs on blank lines and sentences within them, so the shape of
the text matters: block elements become paragraph breaks ("\\n\\n"), ``<br>`` and list
items become line breaks, and everything that is not article prose (scripts, styles,
navigation, forms, embedded frames) is dropped before any text is taken.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from selectolax.lexbor import LexborHTMLParser

# Elements whose content is never article text. Removing them from the tree (rather than
# filtering the text afterwards) is what keeps script bodies out of the output even when
# the markup is hostile: lexbor parses it as a browser would.
_DROPPED_ELEMENTS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "head",
)

_PARAGRAPH_ELEMENTS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "hgroup",
)

_LINE_ELEMENTS = ("li", "dt", "dd", "tr", "caption", "option")
_CELL_ELEMENTS = ("td", "th")

# Private-use characters mark breaks while the text is still one string; any that arrive
# in the input are removed first so a document cannot forge a break.
_PARAGRAPH_MARK = "\ue000"
_LINE_MARK = "\ue001"
_MARKS = re.compile(f"[{_PARAGRAPH_MARK}{_LINE_MARK}]")
_WHITESPACE = re.compile(r"\s+")
# What only the HTML parser reads right: markup, entities, and the characters it drops
# (NUL; a lone surrogate, which cannot be encoded for it).
_NEEDS_PARSER = re.compile("[<&\x00\ud800-\udfff]")
# Invisible characters that split words for a matcher without showing to a reader.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def html_to_text(html: str) -> str:
    """Return the readable text of an HTML fragment or document.

    Paragraphs are separated by a blank line ("\\n\\n"), lines within a paragraph by
    "\\n"; runs of other whitespace become one space; entities are decoded. Plain text
    without markup comes back with its whitespace collapsed into one paragraph.
    """
    if not html or html.isspace():
        return ""
    if _NEEDS_PARSER.search(html) is None:
        # No tag, no entity, no NUL, no lone surrogate: the parser would hand back the
        # very characters (tests/feeds/test_feed_text.py pins it), so skip building a tree
        # for the many feeds whose summaries are plain text.
        return _shape(_MARKS.sub("", html))
    return _parsed_text(html)


def _parsed_text(html: str) -> str:
    """`html_to_text` through the HTML parser."""
    tree = LexborHTMLParser(_MARKS.sub("", html))
    tree.strip_tags(list(_DROPPED_ELEMENTS))
    for node in tree.css(",".join(_PARAGRAPH_ELEMENTS)):
        node.insert_before(_PARAGRAPH_MARK)
        node.insert_after(_PARAGRAPH_MARK)
    for node in tree.css(",".join(_LINE_ELEMENTS)):
        node.insert_before(_LINE_MARK)
        node.insert_after(_LINE_MARK)
    for node in tree.css("br"):
        node.insert_before(_LINE_MARK)
    for node in tree.css(",".join(_CELL_ELEMENTS)):
        node.insert_after(" ")
    # Images carry no text but their alt text often names who is pictured.
    for node in tree.css("img[alt]"):
        alt = (node.attributes.get("alt") or "").strip()
        if alt:
            node.insert_before(f" {alt} ")
    container = tree.body if tree.body is not None else tree.root
    if container is None:
        return ""
    return _shape(container.text(deep=True))


def plain_text(text: str) -> str:
    """Normalise text that is already plain: blank lines stay paragraph breaks."""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = (" ".join(_INVISIBLE.sub("", p).split()) for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)


def html_to_line(html: str) -> str:
    """Text of a short HTML string (a title) on one line."""
    return " ".join(html_to_text(html).split())


def _shape(raw: str) -> str:
    raw = _INVISIBLE.sub("", raw)
    paragraphs: list[str] = []
    for block in raw.split(_PARAGRAPH_MARK):
        lines = (" ".join(_WHITESPACE.split(line)).strip() for line in block.split(_LINE_MARK))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def content_hash(title: str, text: str) -> str:
    """A sha256 hex digest of title and text, stable over case, whitespace and Unicode
    normalisation, so the same story re-sent with re-flowed markup hashes the same."""
    normalised = "\x1f".join(_fold(part) for part in (title, text))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _fold(value: str) -> str:
    value = unicodedata.normalize("NFC", _INVISIBLE.sub("", value))
    return " ".join(value.casefold().split())
