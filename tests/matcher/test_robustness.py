"""The matcher never raises, whatever the text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher

JUNK = [
    "",
    " \n\n\t ",
    "😀🎉🔥" * 50,
    "\x00\x01\x02 binary \ufffd\ufffd",
    "İSTANBUL ŞİMDİ ıIiİ ß ẞ ﬁ",  # case mappings that change length
    "مرحبا بكم في الأخبار. دعا بوتين ماسك إلى محادثة.",  # right-to-left
    "שלום, הזמנה לפגישה עם פוטין",
    "Путин invited 马斯克 to 会谈 on Clubhouse, Зеленський запросив Макрона.",  # mixed scripts
    "<html><body><p>Putin invited Musk</p></body></html>",
    "invite " * 5000,
    ". . . ! ? … 。。。",
    "@elonmusk @KremlinRussia_E #clubhouse https://t.co/xyz",
    "\u202eesrever Putin invited Musk\u202c",
]


@pytest.mark.parametrize("text", JUNK)
def test_never_raises(match: Callable[..., MatchResult], text: str) -> None:
    result = match(text, title=text[:50])
    assert isinstance(result, MatchResult)
    assert isinstance(result.lang, str) and result.lang


def test_one_megabyte_of_text(match: Callable[..., MatchResult]) -> None:
    paragraph = ("Elon Musk invited Vladimir Putin to a conversation on Clubhouse. "
                 "The weather was fine and markets were calm. ") * 10
    text = (paragraph + "\n") * (1_000_000 // len(paragraph))
    result = match(text)
    assert any(m.invitee.figure_id == "vladimir-putin" for m in result.mentions)


def test_no_date_and_no_hint(matcher: Matcher) -> None:
    result = matcher.match(Article(key="x", text="Olaf Scholz invited Emmanuel Macron to Berlin."))
    assert result.lang == "en"
    assert result.mentions and result.mentions[0].invitee.figure_id == "emmanuel-macron"
    # Undated, "the Kremlin" stands for nobody: the text may be from any year (issue 14).
    result = matcher.match(Article(key="x", text="The Kremlin invited Emmanuel Macron to Moscow."))
    assert result.lang == "en"
    assert not any(m.inviter.known and m.inviter.figure_id != "emmanuel-macron"
                   for m in result.mentions)


def test_odd_hints_and_dates(matcher: Matcher) -> None:
    for hint in ("", "xx-YY", "not a language", "EN_us"):
        article = Article(key="x", text="Macron invited Scholz to Paris.", lang=hint,
                          published=datetime(1900, 1, 1, tzinfo=UTC))
        assert matcher.match(article).mentions


def test_confidence_is_in_range(match: Callable[..., MatchResult]) -> None:
    texts = ["Emmanuel Macron invited Olaf Scholz to Paris.",
             "Anna Lindqvist invited Marco Bellini to a debate.",
             "He invited Putin. Putin declined the invitation."]
    for text in texts:
        for mention in match(text).mentions:
            assert 0.0 <= mention.confidence <= 1.0
            assert mention.evidence and mention.lang
