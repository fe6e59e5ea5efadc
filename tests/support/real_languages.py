"""Real text of known language from ../shared, read in place (never copied).

Used by `tests/test_langmodel.py` and `bench/bench_langid.py` to choose the language model:
news-cc press releases (en, fr, uk), the entries of every feeds-real snapshot (labelled
with the feed's language as SOURCES.md records it), the two seed articles (de, en) and
Spanish news sentences of the events corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

# feeds-real file -> the language SOURCES.md gives for the feed (declared or noted by hand)
FEED_LANGUAGES = {
    "feeder/rss_theguardian.xml": "en", "feeder/rss_londoner.xml": "en",
    "feeder/rdf_slashdot.xml": "en", "feeder/rss_lemonde.xml": "fr",
    "feeder/golem-de.xml": "de", "feeder/rss_golem_2.xml": "de",
    "feeder/rss_anime2you.xml": "de", "feeder/rss_ukrnet.xml": "uk",
    "feeder/rss_fz.xml": "sv", "feeder/rss_fz_2022.xml": "sv",
    "feeder/rss_geekpark.xml": "zh", "feeder/rss_diskuse.xml": "cs",
    "feed-rs/rss_2.0_bbc.xml": "en", "feed-rs/rss_2.0_spiegel.xml": "de",
    "feed-rs/rss_2.0_ilgiornale.xml": "it", "feed-rs/rss_2.0_ilmessaggero.xml": "it",
    "feed-rs/rss_2.0_nbcny.xml": "en", "feed-rs/rss_2.0_wirecutter.xml": "en",
    "feed-rs/rss_2.0_cloudflare.xml": "en", "feed-rs/rss_2.0_encoding_1.xml": "pt",
    "feed-rs/rss_0.91_encoding_1.xml": "pt", "feed-rs/rss_0.91_encoding_2.xml": "pt",
    "feed-rs/rss_1.0_iso8859.xml": "de", "feed-rs/atom_mediarss_reddit_1.xml": "en",
}
SEED_LANGUAGES = {"000_085402abd20f6a34.txt": "de", "004_73de5ce1ef32ca8d.txt": "en"}
_SPANISH_EVENTS = ("universalpetrarch/spanish_protest_plover_validation.xml",
                   "universalpetrarch/spanish_fight_reduced_181227v2_validation.xml")
_EXCERPT = 300


def labelled_texts(shared: Path, *, per_source: int = 60) -> Iterator[tuple[str, str, str]]:
    """(source, language, text) for news-length excerpts: title and the start of the body."""
    from bot.feeds.parse import parse_feed

    corpus = shared / "corpus"
    for lang in ("en", "fr", "uk"):
        rows = (corpus / "news-cc" / f"{lang}.jsonl").read_text("utf-8").splitlines()
        for line in rows[:per_source]:
            record = json.loads(line)
            yield "news-cc", lang, f"{record['title']}. {record['text'][:_EXCERPT]}"
    for name, lang in FEED_LANGUAGES.items():
        parsed = parse_feed((corpus / "feeds-real" / name).read_bytes(), url="https://x.example/")
        for article in parsed.entries[:per_source]:
            text = f"{article.title}. {article.text[:_EXCERPT]}".strip(". ")
            if len(text) >= 20:
                yield "feeds-real", lang, text
    for name, lang in SEED_LANGUAGES.items():
        yield "seeds", lang, (shared / "seeds" / name).read_text("utf-8")[:_EXCERPT * 2]
    taken: dict[str, int] = {}
    for line in (corpus / "events" / "derived" / "events_flat.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        source = record.get("source")
        if source in _SPANISH_EVENTS and taken.get(source, 0) < per_source:
            taken[source] = taken.get(source, 0) + 1
            yield "events", "es", record["text"]
