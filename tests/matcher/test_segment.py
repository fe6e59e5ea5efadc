"""Sentence and paragraph splitting, and page boilerplate removal."""

from __future__ import annotations

import pytest

from bot.matcher.segment import segment, split_sentences


def sentences(line: str) -> list[str]:
    return [line[s:e] for s, e in split_sentences(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]),
        ("The U.S. President spoke. Then he left.", ["The U.S. President spoke.", "Then he left."]),
        ("Das ist z. B. ein Test. Noch einer.", ["Das ist z. B. ein Test.", "Noch einer."]),
        ("Am 3. Oktober kam er. Dann ging er.", ["Am 3. Oktober kam er.", "Dann ging er."]),
        ("He said: “It is late.” She agreed.", ["He said: “It is late.”", "She agreed."]),
        ("J. R. Smith arrived. Fine!", ["J. R. Smith arrived.", "Fine!"]),
        ("习近平邀请普京。普京接受了。", ["习近平邀请普京。", "普京接受了。"]),
        ("Wait... what happened? Nothing.", ["Wait... what happened?", "Nothing."]),
    ],
)
def test_split(line: str, expected: list[str]) -> None:
    assert sentences(line) == expected


def test_lines_are_boundaries_and_title_comes_first() -> None:
    seg = segment("Headline without stop", "First line\nSecond line. Third.")
    texts = [s.text for s in seg.sentences]
    assert texts == ["Headline without stop", "First line", "Second line.", "Third."]
    for s in seg.sentences:
        assert seg.text[s.start : s.end] == s.text


def test_boilerplate_is_dropped_and_tail_cut() -> None:
    text = "Advert\nReal news here.\nby : A Writer on : 14 Feb 2021\nMore news.\nMost Read Stories\nOther story"
    seg = segment("", text, tail_markers=frozenset({"most read"}))
    assert [s.text for s in seg.sentences] == ["Real news here.", "More news."]
