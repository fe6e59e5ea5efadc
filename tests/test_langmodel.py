"""One language-identification model per process, shared by the feed layer and the matcher."""

from __future__ import annotations

from bot import langmodel
from bot.feeds.language import detect_language as feed_language
from bot.matcher.langid import detect_language as article_language


def test_feeds_and_matcher_share_one_model() -> None:
    english = "The prime minister invited the president to a state visit next month. " * 3
    german = "Der Bundeskanzler hat den Präsidenten zu einem Staatsbesuch eingeladen. " * 3
    assert feed_language([english]) == "en"
    assert article_language(german, None) == "de"
    assert feed_language([german]) == "de"
    assert langmodel.loads == 1
    assert langmodel.language_identifier() is langmodel.language_identifier()
