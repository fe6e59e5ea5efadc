"""parse_feed and html_to_text on the shared corpus (read in place, never copied)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bot.errors import ParseError
from bot.feeds.parse import parse_feed
from bot.feeds.text import html_to_text

pytestmark = pytest.mark.shared

# file -> (entries, language): counts from the corpus notes (SOURCES.md); languages as the
# feeds declare them, or as detected where they declare none (lemonde, ukrnet, geekpark...).
FEEDS_REAL: dict[str, tuple[int, str | None]] = {
    "feeder/rss_theguardian.xml": (54, "en"),
    "feeder/rss_londoner.xml": (40, "en"),
    "feeder/rdf_slashdot.xml": (15, "en"),
    "feeder/rss_lemonde.xml": (21, "fr"),
    "feeder/golem-de.xml": (40, "de"),
    "feeder/rss_golem_2.xml": (40, "de"),
    "feeder/rss_anime2you.xml": (25, "de"),
    # 20 items, two of them the same article (same link, no guid): stored once.
    "feeder/rss_ukrnet.xml": (19, "uk"),
    "feeder/rss_fz.xml": (20, "sv"),
    "feeder/rss_fz_2022.xml": (50, "sv"),
    "feeder/rss_geekpark.xml": (30, "zh"),
    "feeder/rss_diskuse.xml": (1, "cs"),
    "feed-rs/rss_2.0_bbc.xml": (1, "en"),
    "feed-rs/rss_2.0_spiegel.xml": (1, "de"),
    "feed-rs/rss_2.0_ilgiornale.xml": (1, "it"),
    "feed-rs/rss_2.0_ilmessaggero.xml": (1, "it"),
    "feed-rs/rss_2.0_nbcny.xml": (1, "en"),
    "feed-rs/rss_2.0_invalid_1.xml": (0, "en"),
    "feed-rs/rss_2.0_wirecutter.xml": (1, "en"),
    "feed-rs/rss_2.0_cloudflare.xml": (1, "en"),
    "feed-rs/rss_2.0_encoding_1.xml": (1, "pt"),
    "feed-rs/rss_0.91_encoding_1.xml": (1, "pt"),
    "feed-rs/rss_0.91_encoding_2.xml": (1, "pt"),
    "feed-rs/rss_1.0_iso8859.xml": (1, "de"),
    "feed-rs/atom_mediarss_reddit_1.xml": (25, "en"),
}

# What the script bodies in feedparser's sanitizer cases do; none may reach article text.
SCRIPT_MARKERS = ("location.href", "alert(", "executeMe", "am_i_javascript", "<script")


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.mark.slow  # a whole corpus
def test_every_corpus_file_parses_or_raises_parse_error(corpus_dir: Path) -> None:
    outcomes = {"parsed": 0, "not a feed": 0}
    unexpected: list[str] = []
    for path in _files(corpus_dir / "feedparser-suite") + _files(corpus_dir / "feeds-real"):
        try:
            parsed = parse_feed(path.read_bytes(), url="https://corpus.example/feed")
        except ParseError as exc:
            assert str(exc).startswith("not an RSS/Atom feed: https://corpus.example/feed ")
            outcomes["not a feed"] += 1
            continue
        except Exception as exc:
            unexpected.append(f"{path.relative_to(corpus_dir)}: {exc!r}")
            continue
        outcomes["parsed"] += 1
        for article in parsed.entries:
            assert article.key, path
            assert article.published is None or article.published.utcoffset() is not None
            assert "\n" not in article.title, path
    assert unexpected == []
    assert outcomes["parsed"] > 2000  # the suite is mostly feeds
    assert 0 < outcomes["not a feed"] < 20  # the JSON feed, the empty document, CDF maps


def test_feeds_real_entry_counts_and_languages(corpus_dir: Path) -> None:
    folder = corpus_dir / "feeds-real"
    found = {str(p.relative_to(folder)) for p in _files(folder)}
    assert found == set(FEEDS_REAL)
    for name, (entries, language) in FEEDS_REAL.items():
        parsed = parse_feed((folder / name).read_bytes(), url=f"https://corpus.example/{name}")
        assert (len(parsed.entries), parsed.lang) == (entries, language), name
        assert parsed.title, name
        for article in parsed.entries:
            assert article.text or article.title, name
            assert article.outlet == parsed.title


def test_feeds_real_dates_are_utc_and_in_range(corpus_dir: Path) -> None:
    parsed = parse_feed(
        (corpus_dir / "feeds-real/feeder/rss_theguardian.xml").read_bytes(),
        url="https://www.theguardian.com/world/rss",
    )
    dates = [a.published for a in parsed.entries]
    assert all(d is not None and d.utcoffset() is not None for d in dates)
    assert {d.date().isoformat()[:7] for d in dates if d} == {"2022-09"}
    # An Italian pubDate ("mer, 16 nov 2022 ...") is read too.
    italian = parse_feed(
        (corpus_dir / "feeds-real/feed-rs/rss_2.0_ilmessaggero.xml").read_bytes(),
        url="https://www.ilmessaggero.it/rss/mondo.xml",
    )
    published = italian.entries[0].published
    assert published is not None and (published.year, published.month) == (2022, 11)


def test_german_latin1_feed_text(corpus_dir: Path) -> None:
    parsed = parse_feed(
        (corpus_dir / "feeds-real/feeder/golem-de.xml").read_bytes(),
        url="https://rss.golem.de/rss.php",
    )
    text = " ".join(a.title + " " + a.text for a in parsed.entries)
    assert any(ch in text for ch in "äöüß")
    assert "\ufffd" not in text  # no mojibake replacement characters


def test_sanitizer_cases_never_leak_script_content_through_parse_feed(corpus_dir: Path) -> None:
    leaks: list[str] = []
    for path in _files(corpus_dir / "feedparser-suite/wellformed/sanitize"):
        try:
            parsed = parse_feed(path.read_bytes(), url="https://corpus.example/feed")
        except ParseError:
            continue
        for article in parsed.entries:
            for marker in SCRIPT_MARKERS:
                if marker in article.text or marker in article.title:
                    leaks.append(f"{path.name}: {marker}")
    assert leaks == []


def test_sanitizer_cases_never_leak_script_content_through_html_to_text(
    corpus_dir: Path,
) -> None:
    checked = 0
    leaks: list[str] = []
    for path in _files(corpus_dir / "feedparser-suite/wellformed/sanitize"):
        try:
            root = ET.fromstring(path.read_bytes())
        except ET.ParseError:
            continue
        # The raw HTML of every element (descriptions, content, titles), unsanitised.
        for element in root.iter():
            html = element.text or ""
            if "script" not in html.lower():
                continue
            checked += 1
            text = html_to_text(html)
            leaks.extend(f"{path.name}: {m}" for m in SCRIPT_MARKERS if m in text)
    assert leaks == []
    assert checked > 50
