"""A country glued to its leader's title ("印度尼西亚总统普拉博沃", "インドネシアのプラボウォ
大統領") is the party's country, not the occasion's place; a country with no title after it
still is. Sentences written for these tests; the shipped gazetteer and places."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("zh", "中国国家主席习近平邀请印度尼西亚总统普拉博沃访问北京。", "Beijing"),
        ("zh", "应俄罗斯总统普京邀请，国家主席习近平抵达莫斯科进行国事访问。", "Moscow"),
        ("ja", "石破首相は、インドネシアのプラボウォ大統領を東京での会談に招待した。", "Tokyo"),
        # no title after the country: it is where the visit goes
        ("zh", "印度总理莫迪邀请普京访问印度。", "India"),
    ],
)
def test_a_country_before_its_leaders_title_is_no_place(real_matcher: Matcher, lang: str,
                                                         text: str, place: str | None) -> None:
    result = match_text(real_matcher, text, "2025-04-09", lang)
    assert result.mentions
    assert {m.occasion.place for m in result.mentions} == {place}
