"""parse_feed on feeds written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.errors import ParseError
from bot.feeds.parse import parse_feed
from tests.support.feed_samples import HTML_PAGE, SIMPLE_FEED, Item, rss

FEED_URL = "https://gazette.example/rss"


def test_simple_feed() -> None:
    parsed = parse_feed(SIMPLE_FEED.encode(), url=FEED_URL)
    assert parsed.title == "Harbour Gazette"
    assert parsed.lang == "en"
    assert parsed.warning is None
    first, second = parsed.entries
    assert first.key == "gazette-7"
    assert first.title == "Mayor Lind invites Governor Okafor to the lighthouse reopening"
    assert first.url == "https://gazette.example/news/lighthouse?id=7"
    assert first.published == datetime(2021, 3, 2, 8, 30, tzinfo=UTC)
    assert first.lang == "en"
    assert first.outlet == "Harbour Gazette"
    assert first.feed_url == FEED_URL
    # content:encoded is richer than the description, and its script is gone.
    assert first.text == (
        "Mayor Anna Lind has invited Governor Tom Okafor to the reopening of the old "
        "lighthouse.\n\nThe governor’s office said it would reply next week."
    )
    assert second.key == "https://gazette.example/news/ferry"  # no guid: the link
    assert second.text == "Winter sailings start in November."


def test_key_falls_back_to_a_hash_of_title_and_summary() -> None:
    body = rss([Item(title="No link, no guid", description="Only words.")]).encode()
    (article,) = parse_feed(body, url=FEED_URL).entries
    assert article.key.startswith("sha256:")
    again = parse_feed(body, url=FEED_URL).entries[0]
    assert again.key == article.key
    other = parse_feed(
        rss([Item(title="No link, no guid", description="Other words.")]).encode(), url=FEED_URL
    ).entries[0]
    assert other.key != article.key


def test_repeated_entries_are_returned_once() -> None:
    item = Item(title="Same story", link="https://gazette.example/s", guid="s-1")
    parsed = parse_feed(rss([item, item]).encode(), url=FEED_URL)
    assert [a.key for a in parsed.entries] == ["s-1"]


def test_entries_without_title_or_text_are_skipped() -> None:
    parsed = parse_feed(
        rss([Item(title="", link="https://gazette.example/empty"), Item(title="Kept")]).encode(),
        url=FEED_URL,
    )
    assert [a.title for a in parsed.entries] == ["Kept"]


def test_html_in_titles_is_cleaned() -> None:
    body = rss([Item(title="&lt;b&gt;Lind&lt;/b&gt; invites &lt;i&gt;Okafor&lt;/i&gt;")]).encode()
    assert parse_feed(body, url=FEED_URL).entries[0].title == "Lind invites Okafor"


def test_relative_links_resolve_against_the_feed_url() -> None:
    body = rss([Item(title="Relative", link="/news/relative?utm_medium=x")]).encode()
    assert parse_feed(body, url=FEED_URL).entries[0].url == "https://gazette.example/news/relative"


@pytest.mark.parametrize(
    ("pub_date", "expected"),
    [
        ("Tue, 02 Mar 2021 09:30:00 +0100", datetime(2021, 3, 2, 8, 30, tzinfo=UTC)),
        ("2021-03-02T09:30:00+01:00", datetime(2021, 3, 2, 8, 30, tzinfo=UTC)),
        ("mar, 02 mar 2021 09:30:00 +0100", datetime(2021, 3, 2, 8, 30, tzinfo=UTC)),
        ("Di, 02 Mär 2021 09:30:00 +0100", datetime(2021, 3, 2, 8, 30, tzinfo=UTC)),
        ("Thu, 01 Jan 1970 00:00:00 +0000", None),
        ("Tue, 45 Foo 2021 99:99:99 +0100", None),
        ("soon", None),
    ],
)
def test_publication_dates(pub_date: str, expected: datetime | None) -> None:
    body = rss([Item(title="Dated", pub_date=pub_date)]).encode()
    published = parse_feed(body, url=FEED_URL).entries[0].published
    assert published == expected
    assert published is None or published.tzinfo is not None


def test_atom_feed_with_entry_language() -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="html">Hafen &lt;em&gt;Kurier&lt;/em&gt;</title>
  <id>urn:example:kurier</id>
  <updated>2021-02-15T10:00:00Z</updated>
  <entry xml:lang="de-AT">
    <title>Bürgermeisterin lädt Gouverneur ein</title>
    <id>urn:example:kurier:1</id>
    <link href="https://kurier.example/1"/>
    <updated>2021-02-15T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Die Einladung kam am Montag.&lt;/p&gt;&lt;p&gt;Eine Antwort steht aus.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Second entry</title>
    <id>urn:example:kurier:2</id>
    <updated>2021-02-16T10:00:00Z</updated>
    <summary>Short summary only.</summary>
  </entry>
</feed>"""
    parsed = parse_feed(atom.encode(), url="https://kurier.example/atom")
    assert parsed.title == "Hafen Kurier"
    assert parsed.lang == "en"
    german, english = parsed.entries
    assert german.lang == "de"
    assert german.key == "urn:example:kurier:1"
    assert german.text == "Die Einladung kam am Montag.\n\nEine Antwort steht aus."
    assert german.published == datetime(2021, 2, 15, 10, 0, tzinfo=UTC)
    assert english.lang == "en" and english.text == "Short summary only."
    assert english.url is None


@pytest.mark.parametrize(
    ("tag", "expected"), [("IT-it", "it"), ("en_US", "en"), ("x-klingon", None)]
)
def test_language_tags_are_normalised(tag: str, expected: str | None) -> None:
    parsed = parse_feed(rss([Item(title="t")], language=tag).encode(), url=FEED_URL)
    assert parsed.lang == expected
    assert parsed.entries[0].lang == expected


def test_language_from_http_headers_when_the_feed_has_none() -> None:
    body = rss([Item(title="t")], language=None).encode()
    assert parse_feed(body, url=FEED_URL).lang is None
    parsed = parse_feed(body, url=FEED_URL, headers={"Content-Language": "sv-SE"})
    assert parsed.lang == "sv" and parsed.entries[0].lang == "sv"


def test_iso_8859_1_feed_declared_in_the_document() -> None:
    feed = rss(
        [Item(title="Große Pläne für das Hafenfest", description="Die Bürgermeisterin lädt ein.")],
        encoding="iso-8859-1",
        language="de",
    )
    parsed = parse_feed(feed.encode("iso-8859-1"), url=FEED_URL)
    assert parsed.entries[0].title == "Große Pläne für das Hafenfest"
    assert parsed.entries[0].text == "Die Bürgermeisterin lädt ein."
    assert parsed.warning is None


def test_iso_8859_1_feed_declared_only_in_the_http_header() -> None:
    feed = rss([Item(title="Château en fête")], language="fr").replace(
        '<?xml version="1.0" encoding="utf-8"?>', ""
    )
    body = feed.encode("iso-8859-1")
    parsed = parse_feed(
        body, url=FEED_URL, headers={"Content-Type": "application/rss+xml; charset=ISO-8859-1"}
    )
    assert parsed.entries[0].title == "Château en fête"


def test_malformed_feed_keeps_its_entries_with_a_warning() -> None:
    broken = SIMPLE_FEED.replace(
        "<title>Ferry timetable changes</title>", "<title>Ferry & bus</title>"
    )
    broken = broken.replace("</channel></rss>", "")
    parsed = parse_feed(broken.encode(), url=FEED_URL)
    assert parsed.warning is not None
    assert parsed.warning.startswith("the feed is not well-formed, entries were recovered")
    assert [a.title for a in parsed.entries] == [
        "Mayor Lind invites Governor Okafor to the lighthouse reopening",
        "Ferry & bus",
    ]


def test_empty_but_valid_feed() -> None:
    parsed = parse_feed(rss([]).encode(), url=FEED_URL)
    assert parsed.entries == [] and parsed.title == "Harbour Gazette" and parsed.warning is None


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (HTML_PAGE.encode(), "is an HTML page"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": []}', "is JSON"),
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"\x00\x01\x02 definitely not xml \xff\xfe", "is not a feed"),
        (
            b"<?xml version='1.0'?><catalogue><book>Tides</book></catalogue>",
            "no RSS, RDF or Atom root",
        ),
    ],
)
def test_documents_that_are_not_feeds(body: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_feed(body, url=FEED_URL)
    assert str(caught.value).startswith(f"not an RSS/Atom feed: {FEED_URL} ")
    assert reason in str(caught.value)


def test_a_body_that_looks_like_a_file_name_is_not_opened(tmp_path: pytest.TempPathFactory) -> None:
    secret = tmp_path / "feed.xml"  # type: ignore[operator]
    secret.write_bytes(SIMPLE_FEED.encode())
    with pytest.raises(ParseError):
        parse_feed(str(secret).encode(), url=FEED_URL)


def test_body_must_be_bytes() -> None:
    with pytest.raises(ParseError, match="must be bytes, not str"):
        parse_feed(SIMPLE_FEED, url=FEED_URL)  # type: ignore[arg-type]


def test_feed_served_as_html_is_parsed_with_a_warning() -> None:
    parsed = parse_feed(
        SIMPLE_FEED.encode(), url=FEED_URL, headers={"Content-Type": "text/html; charset=utf-8"}
    )
    assert len(parsed.entries) == 2
    assert parsed.warning is not None
    assert parsed.warning.startswith("the feed is served with a non-XML content type")


def test_wrong_http_charset_is_overridden_by_the_document() -> None:
    feed = rss([Item(title="Große Pläne")], encoding="utf-8", language="de")
    parsed = parse_feed(
        feed.encode("utf-8"),
        url=FEED_URL,
        headers={"Content-Type": "application/xml; charset=us-ascii"},
    )
    # Either way the title must not come back as mojibake or replacement characters.
    assert parsed.entries[0].title == "Große Pläne"


def test_an_entry_that_cannot_be_read_does_not_cost_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.feeds import parse

    real_key = parse._entry_key

    def failing_key(entry: object, link: str | None, title: str, text: str) -> str:
        if title.startswith("Ferry"):
            raise ValueError("simulated defect")
        return real_key(entry, link, title, text)

    monkeypatch.setattr(parse, "_entry_key", failing_key)
    parsed = parse_feed(SIMPLE_FEED.encode(), url=FEED_URL)
    assert [a.key for a in parsed.entries] == ["gazette-7"]
    assert parsed.warning == "1 entries could not be read (entry 2: ValueError: simulated defect)"


def test_an_overlong_guid_becomes_a_stable_digest() -> None:
    body = rss([Item(title="Long id", guid="g" * 2000)]).encode()
    key = parse_feed(body, url=FEED_URL).entries[0].key
    assert key.startswith("sha256:") and len(key) == 47
    assert parse_feed(body, url=FEED_URL).entries[0].key == key
