"""A quote after 'X told Y:' is X's, and its "you" is Y (bot/matcher/transcript.py,
`_speaker_before_colon`), even when a figure opens the sentence after the quote."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize("text", [
    'Vladimir Putin told Donald Trump during the call: "We will be waiting for you in '
    'Moscow." The White House did not comment.',
    "Владимир Путин сказал Дональду Трампу: «Будем ждать вас в Москве».",
])
def test_the_one_told_before_the_colon_is_the_quotes_you(real_matcher: Matcher,
                                                          text: str) -> None:
    assert pairs(match_text(real_matcher, text)) == {
        ("vladimir-putin", "donald-trump", "pending")}


def test_waiting_for_an_answer_is_no_invitation(real_matcher: Matcher) -> None:
    text = 'Vladimir Putin told Donald Trump: "We are waiting for your proposals."'
    assert not match_text(real_matcher, text).mentions
