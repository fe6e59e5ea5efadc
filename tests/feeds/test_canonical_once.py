"""`canonical_url` runs once per entry (issue 13): `parse_feed` gives every entry its
canonical URL, and the worker's digest takes that URL as it stands instead of
canonicalising it again. That is the same only because `canonical_url` is idempotent,
which these tests check on every link of both shared corpora (raw, as feedparser reads
them) and on written URLs of each kind `canonical_url` rewrites.
"""

from __future__ import annotations

import contextlib
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest

from bot.errors import ParseError
from bot.feeds.parse import parse_feed
from bot.feeds.urls import canonical_url
from bot.workers import AnalyseContext, analyse_entries, digest_of

URL = "https://example.org/feed.xml"


def raw_links(body: bytes) -> list[str]:
    """Every link feedparser finds in a document: the feed's, each entry's and their
    <link> elements' (relative ones resolved against `URL`, as `parse_feed` does)."""
    parsed = feedparser.parse(io.BytesIO(body), response_headers={
        "content-location": URL, "content-type": "application/xml"})
    links: list[str] = []
    for item in [parsed.get("feed", {}), *parsed.get("entries", [])]:
        links += [str(item.get(k)) for k in ("link", "id") if item.get(k)]
        links += [str(link.get("href")) for link in item.get("links", []) if link.get("href")]
    return links


def not_idempotent(folder: Path) -> tuple[int, list[str]]:
    """(links checked, those whose canonical form canonicalises to something else)."""
    checked, wrong = 0, []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        body = path.read_bytes()
        links = raw_links(body)
        with contextlib.suppress(ParseError):  # not a feed: its raw links still count
            links += [a.url for a in parse_feed(body, url=URL).entries if a.url]
        for link in links:
            once = canonical_url(link)
            checked += 1
            if canonical_url(once) != once:
                wrong.append(f"{path.relative_to(folder)}: {link!r}")
    return checked, wrong


def test_canonical_url_is_idempotent_on_feeds_real_links(corpus_dir: Path) -> None:
    checked, wrong = not_idempotent(corpus_dir / "feeds-real")
    assert wrong == []
    assert checked > 1000


@pytest.mark.slow
def test_canonical_url_is_idempotent_on_feedparser_suite_links(corpus_dir: Path) -> None:
    checked, wrong = not_idempotent(corpus_dir / "feedparser-suite")
    assert wrong == []
    assert checked > 400  # 461 today: most files are small cases without links


@pytest.mark.parametrize("url", [
    "HTTPS://Example.COM:443/a/b?x=1&utm_source=feed#top",
    "http://example.com:8080?utm_medium=rss&b=&a=1",
    "https://example.com/?q=a+b%20c&fbclid=xyz&q2=%zz",
    "https://example.com/?a&utm_x=1&b=%C3%A9",
    "https://user:pw@Bücher.example./wiki?id=1&gclid=2",
    "http://[2001:DB8::1]:80/p?ocid=3",
    "https://example.com:99999/bad-port",
    "  https://example.com/path with space?utm_campaign=x  ",
    "https://ex%41mple.com/?x=1",
    "https://exa_mple.com/?x=1&_ga=2",
    "ftp://example.com/file?utm_source=x",
    "/relative/path?utm_source=x",
    "not a url",
    "https://example.com/a\tb\nc?utm_source=1",
])
def test_canonical_url_is_idempotent_on_each_rewrite(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once


def test_a_parsed_entry_url_is_its_own_canonical_form(corpus_dir: Path) -> None:
    """The digest a worker computes (URL taken as it stands) is the full one."""
    context = AnalyseContext(url=URL, headers={}, feed_title=None, feed_lang=None,
                             now=datetime(2026, 12, 1, tzinfo=UTC), first_poll=True,
                             backfill=timedelta(days=1), match=False)
    compared = 0
    for path in sorted(p for p in (corpus_dir / "feeds-real").rglob("*") if p.is_file()):
        for entry in analyse_entries(path.read_bytes(), context, None).entries:
            assert entry.digest == digest_of(entry.article), entry.article.url
            compared += 1
    assert compared > 300


def test_a_digest_canonicalises_a_url_not_known_canonical() -> None:
    from bot.domain import Article

    article = Article(key="k", text="t", url="HTTPS://Example.com/a?utm_source=x#f")
    assert digest_of(article).canonical_url == "https://example.com/a"
    # Only a URL known canonical (parse_feed's) is taken as it stands.
    assert digest_of(article, url_canonical=True).canonical_url == article.url
