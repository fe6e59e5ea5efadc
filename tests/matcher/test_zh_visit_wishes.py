"""Chinese: the host's welcome or wish for a visit to a country named by its one-character
abbreviation is an invitation ("欢迎…访俄", "希望…访华"); a wish about something else, or a
visit named in another sentence, is not. Sentences written for these tests; the shipped
gazetteer."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

XI, PUTIN = "xi-jinping", "vladimir-putin"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("习近平表示，希望普京总统明年再次访华。", (XI, PUTIN)),
        ("普京表示欢迎习近平主席方便时再次访俄。", (PUTIN, XI)),
    ],
)
def test_a_wish_for_a_visit_is_an_invitation(real_matcher: Matcher, text: str,
                                             pair: tuple[str, str]) -> None:
    assert pairs(match_text(real_matcher, text, "2024-05-02", "zh")) == {(*pair, "pending")}


@pytest.mark.parametrize(
    "text",
    [
        "王毅表示，希望美方停止干涉。普京总统明年访华的日期尚未确定。",
        "普京表示，希望两国关系继续发展。习近平去年访俄。",
    ],
)
def test_a_wish_about_something_else_is_none(real_matcher: Matcher, text: str) -> None:
    assert not pairs(match_text(real_matcher, text, "2024-05-02", "zh"))
