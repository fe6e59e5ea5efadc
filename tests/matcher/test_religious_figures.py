"""The Pope and the Ecumenical Patriarch as the press of each language names them: "Papa
Leo'yu" (Turkish case ending after a two-word name), "Fener Rum Patriği Bartholomeos",
"patriarcha ekumeniczny Bartłomiej". Sentences written for these tests; the shipped
gazetteer."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

BARTHOLOMEW, LEO = "patriarch-bartholomew", "pope-leo-xiv"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "Fener Rum Patriği Bartholomeos, Papa Leo'yu İznik'teki anma törenine davet etti."),
        ("tr", "Bartholomeos, Papa Leo'yu törene davet etti."),
        ("pl", "Patriarcha ekumeniczny Bartłomiej zaprosił papieża Leona XIV do Nicei."),
        ("en", "Patriarch Bartholomew has invited Pope Leo to Nicaea for the anniversary."),
    ],
)
def test_the_patriarch_invites_the_pope(real_matcher: Matcher, lang: str, text: str) -> None:
    found = pairs(match_text(real_matcher, text, "2025-09-02", lang))
    assert found == {(BARTHOLOMEW, LEO, "pending")}
