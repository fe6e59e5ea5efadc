"""The fast parse path gives feedparser's result, or declines (issue 13, part 1).

For every file of both shared corpora, `parse_feed` with the fast path equals
`parse_feed` with feedparser alone (same title, language, warning and Articles), and the
fast path takes enough files to matter. Each class the fast path declines has a small
written example below: the fast path declines it and the result is still feedparser's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ParseError
from bot.feeds.fast_parse import fast_result
from bot.feeds.parse import ParsedFeed, parse_feed

URL = "https://example.org/feed.xml"
XML = {"content-type": "application/xml"}


def both(body: bytes, headers: dict[str, str] | None = None
         ) -> tuple[ParsedFeed | str, ParsedFeed | str]:
    results: list[ParsedFeed | str] = []
    for fast in (True, False):
        try:
            results.append(parse_feed(body, url=URL, headers=headers, fast=fast))
        except ParseError as exc:
            results.append(f"ParseError: {exc}")
    return results[0], results[1]


def corpus_equivalence(folder: Path) -> tuple[int, int, list[str]]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    taken = 0
    differ: list[str] = []
    for path in files:
        body = path.read_bytes()
        if fast_result(body, dict(XML)) is not None:
            taken += 1
        fast, reference = both(body)
        if fast != reference:
            differ.append(str(path.relative_to(folder)))
    return len(files), taken, differ


def test_fast_path_equals_feedparser_on_feeds_real(corpus_dir: Path) -> None:
    files, taken, differ = corpus_equivalence(corpus_dir / "feeds-real")
    assert differ == []
    # 12 of the 25 today (the others: ISO-8859-1 with cp1252 bytes, RSS 0.91, RDF, ...)
    assert files == 25 and taken >= 12


@pytest.mark.slow
def test_fast_path_equals_feedparser_on_feedparser_suite(corpus_dir: Path) -> None:
    files, taken, differ = corpus_equivalence(corpus_dir / "feedparser-suite")
    assert differ == []
    assert files > 2000 and taken >= 650  # 686 of 2,107 today


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>World &amp; more</title><language>fr-FR</language>
<item><title>Le président invite son homologue</title>
<link>https://example.org/a?id=1</link><guid isPermaLink="false">a-1</guid>
<pubDate>Sun, 11 Feb 2018 11:00:26 +0100</pubDate>
<description>Court résumé.</description>
<content:encoded><![CDATA[<p>Le président a invité son homologue à Paris.</p>]]></content:encoded>
{extra}</item></channel></rss>"""


def test_a_plain_rss_feed_takes_the_fast_path_with_feedparsers_result() -> None:
    body = RSS.format(extra="").encode()
    assert fast_result(body, dict(XML)) is not None
    fast, reference = both(body)
    assert fast == reference
    assert isinstance(fast, ParsedFeed) and fast.lang == "fr" and fast.title == "World & more"
    article = fast.entries[0]
    assert article.key == "a-1" and article.url == "https://example.org/a?id=1"
    assert article.text == "Le président a invité son homologue à Paris."
    assert article.published is not None and article.published.hour == 10


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &amp;lt;b&amp;gt;feed</title>
<entry><id>urn:x:1</id><title>One</title><link href="https://example.org/1"/>
<updated>2024-03-01T10:00:00Z</updated><summary>Short</summary>
<content type="html">&lt;p&gt;Longer text&lt;/p&gt;</content></entry></feed>"""


def test_a_plain_atom_feed_takes_the_fast_path_with_feedparsers_result() -> None:
    body = ATOM.encode()
    assert fast_result(body, dict(XML)) is not None
    fast, reference = both(body)
    assert fast == reference


DECLINED = {
    "another encoding": RSS.replace("utf-8", "windows-1252").format(extra="").encode("cp1252"),
    "ISO-8859-1 with windows-1252 bytes": RSS.replace("utf-8", "iso-8859-1").format(
        extra="<author>\x93quoted\x94</author>").encode("latin-1"),
    "not well-formed": RSS.format(extra="<title>unclosed").encode(),
    "RSS 0.91": RSS.replace('version="2.0"', 'version="0.91"').format(extra="").encode(),
    "RDF": b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-'
           b'ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel><item>'
           b"<title>One</title><link>https://example.org/1</link></item></rdf:RDF>",
    "an entity declaration": RSS.replace(
        '<rss version', '<!DOCTYPE rss [<!ENTITY who "the president">]><rss version').replace(
        "Le président", "&who;").format(extra="").encode(),
    "xml:base": RSS.replace("<item>", '<item xml:base="https://example.org/news/">').format(
        extra="").encode(),
    "a relative link": RSS.replace("https://example.org/a?id=1", "/a?id=1").format(
        extra="").encode(),
    "a relative permalink guid": RSS.replace('<guid isPermaLink="false">', "<guid>").format(
        extra="").encode(),
    "itunes:summary (feedparser's second summary)": RSS.format(
        extra="<itunes:summary>Another, much longer body than the others here</itunes:summary>"
    ).encode(),
    "markup nested in a description": RSS.format(
        extra="<description>a <b>bold</b> move</description>").encode(),
    "UTF-8 read as Latin-1": RSS.replace("Court résumé", "Court rÃ©sumÃ©").format(
        extra="").encode(),
    "a served charset": RSS.format(extra="").encode(),
    "a served UTF-8 over a Latin-1 declaration": RSS.replace("utf-8", "iso-8859-1").format(
        extra="").encode("latin-1"),
    "text/xml without a charset": RSS.format(extra="").encode(),
    "Atom XHTML content": ATOM.replace(
        '<content type="html">&lt;p&gt;Longer text&lt;/p&gt;</content>',
        '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Longer</div></content>'
    ).encode(),
    "an entry link with escaped markup": RSS.replace("?id=1", "?id=1&amp;amp;b=2").format(
        extra="").encode(),
}


SERVED = {
    "a served charset": {"content-type": "application/rss+xml; charset=iso-8859-1"},
    "a served UTF-8 over a Latin-1 declaration": {"content-type": "text/xml; charset=utf-8"},
    "text/xml without a charset": {"content-type": "text/xml"},
}


@pytest.mark.parametrize("case", sorted(DECLINED))
def test_the_fast_path_declines_each_class_and_feedparser_answers(case: str) -> None:
    body = DECLINED[case]
    headers = SERVED.get(case, XML)
    assert fast_result(body, dict(headers)) is None
    fast, reference = both(body, headers)
    assert fast == reference


def test_the_fast_path_never_fetches_a_url() -> None:
    # fastfeedparser fetches a str that looks like a URL; parse_feed only ever gives bytes.
    with pytest.raises(ParseError):
        parse_feed(b"https://example.invalid/feed.xml", url=URL)
