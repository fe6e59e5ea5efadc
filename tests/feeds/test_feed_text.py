"""html_to_text and content_hash."""

from __future__ import annotations

import pytest

from bot.feeds.text import content_hash, html_to_line, html_to_text, plain_text


def test_paragraphs_become_blank_lines() -> None:
    html = "<p>The mayor wrote to the governor.</p><p>No answer has come yet.</p>"
    assert html_to_text(html) == "The mayor wrote to the governor.\n\nNo answer has come yet."


def test_br_and_list_items_become_line_breaks() -> None:
    html = "<p>First line<br>second line<br/>third</p><ul><li>one</li><li>two</li></ul>"
    assert html_to_text(html) == "First line\nsecond line\nthird\n\none\ntwo"


def test_headings_divs_and_tail_text_are_separate_paragraphs() -> None:
    html = "<h2>Harbour news</h2>Loose text<div>In a div</div>after the div"
    assert html_to_text(html) == "Harbour news\n\nLoose text\n\nIn a div\n\nafter the div"


def test_boilerplate_and_scripts_are_dropped() -> None:
    html = (
        "<nav>Home | World | Sport</nav>"
        "<script>var secretTracker = 1;</script><style>p { color: red }</style>"
        "<article><p>The summit will take place in May.</p>"
        "<aside>Read more: other stories</aside>"
        "<form><input name=q><button>Search</button></form></article>"
        "<noscript>enable javascript</noscript><footer>Copyright the Gazette</footer>"
        "<iframe src='https://ads.example/'>ad text</iframe>"
    )
    assert html_to_text(html) == "The summit will take place in May."


def test_hostile_script_markup_does_not_leak() -> None:
    html = (
        "safe<script\n\n>alert('one')</script\n\n> text"
        "<!-- <script> --> visible<SCRIPT type='text/javascript'>alert('two')</SCRIPT>"
    )
    text = html_to_text(html)
    assert "alert" not in text
    assert text == "safe text visible"


def test_entities_are_decoded_and_whitespace_collapsed() -> None:
    html = "<p>Caf&eacute;   &amp;\n\t talk&nbsp;show &#8220;Live&#8221; &lt;tonight&gt;</p>"
    assert html_to_text(html) == "Café & talk show “Live” <tonight>"


def test_plain_text_input() -> None:
    assert html_to_text("just   words\nacross lines") == "just words across lines"
    assert html_to_text("") == ""
    assert html_to_text("   \n ") == ""


def test_marker_characters_in_the_input_cannot_forge_breaks() -> None:
    assert html_to_text("one\ue000two\ue001three") == "onetwothree"


def test_invisible_characters_are_removed() -> None:
    assert html_to_text("<p>Okafor\u00ad\u200bsays\ufeff yes</p>") == "Okaforsays yes"


def test_image_alt_text_is_kept() -> None:
    assert html_to_text('<p>Pictured: <img src="a.jpg" alt="Mayor Lind"> at the pier</p>') == (
        "Pictured: Mayor Lind at the pier"
    )


def test_table_cells_are_separated() -> None:
    html = "<table><tr><td>Lind</td><td>invited</td></tr><tr><td>Okafor</td></tr></table>"
    assert html_to_text(html) == "Lind invited\nOkafor"


def test_broken_markup_is_tolerated() -> None:
    assert html_to_text("<p>unclosed <b>bold <i>both</p><div>next") == "unclosed bold both\n\nnext"


def test_a_whole_document_gives_only_its_body() -> None:
    html = "<html><head><title>Page title</title></head><body><p>Body text</p></body></html>"
    assert html_to_text(html) == "Body text"


def test_html_to_line() -> None:
    assert html_to_line("<b>Lind</b> invites <i>Okafor</i>\n to <p>lunch</p>") == (
        "Lind invites Okafor to lunch"
    )


def test_plain_text_keeps_paragraphs() -> None:
    assert plain_text("First  para\nstill first.\r\n\r\nSecond para.\n\n\n") == (
        "First para still first.\n\nSecond para."
    )


def test_content_hash_ignores_case_whitespace_and_normalisation() -> None:
    base = content_hash("Mayor invites Governor", "The letter was sent.\n\nNo reply yet.")
    assert base == content_hash("  MAYOR invites   governor ", "the letter was sent. no reply yet.")
    assert len(base) == 64 and int(base, 16) >= 0
    composed = content_hash("Café", "")
    decomposed = content_hash("Cafe\u0301", "")
    assert composed == decomposed


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Mayor invites Governor", "text"), ("Mayor invites Minister", "text")),
        (("title", "the letter was sent"), ("title", "the letter was not sent")),
        (("ab", "c"), ("a", "bc")),
    ],
)
def test_content_hash_tells_different_stories_apart(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert content_hash(*a) != content_hash(*b)


# -- plain text skips the HTML parser (issue 13): the same result, pinned ---------------

_PLAIN_ALPHABET = [*"ab Zé>\"';:/.-\t\n\r\x0b\x0c\x01\x1f\x7f\x85\xa0\u2028\u2029\u3000",
                   *"\ufeff\u00ad\u200b\ue000\ue001\ud7ff\U0001f600\ufffd\ufffe\uffff\x80\x9f",
                   "\U0010ffff", "\r\n", "  ", "\n\n"]


def test_plain_text_gives_what_the_parser_gives() -> None:
    import random

    from bot.feeds.text import _NEEDS_PARSER, _parsed_text

    rng = random.Random(13)
    compared = 0
    for _ in range(20_000):
        text = "".join(rng.choice(_PLAIN_ALPHABET) for _ in range(rng.randint(1, 16)))
        if text.isspace():
            continue
        assert _NEEDS_PARSER.search(text) is None
        assert html_to_text(text) == _parsed_text(text), repr(text)
        compared += 1
    assert compared > 15_000


@pytest.mark.parametrize("text", ["a &amp; b", "a <b>bold</b>", "a\x00b", "a\ud800b",
                                  "&#65;", "x < y"])
def test_markup_entities_nul_and_lone_surrogates_go_through_the_parser(text: str) -> None:
    from bot.feeds.text import _NEEDS_PARSER, _parsed_text

    assert _NEEDS_PARSER.search(text) is not None
    assert html_to_text(text) == _parsed_text(text)


def test_every_text_of_feeds_real_reads_the_same_without_the_parser_when_plain() -> None:
    """Every title and body of the shared feeds-real corpus: html_to_text equals the
    parser's reading (plain ones take the short way)."""
    import io
    from pathlib import Path

    import feedparser

    from bot.feeds.text import _parsed_text

    folder = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "feeds-real"
    if not folder.is_dir():
        pytest.skip("the shared corpus is absent")
    compared = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        for entry in feedparser.parse(io.BytesIO(path.read_bytes())).entries:
            details = [*entry.get("content", []), entry.get("summary_detail"),
                       entry.get("title_detail")]
            for value in (str(d.get("value") or "") for d in details if d):
                if value.strip():
                    assert html_to_text(value) == _parsed_text(value)
                    compared += 1
    assert compared > 700
