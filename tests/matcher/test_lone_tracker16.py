"""One-party reports the b15t blind set showed missing (tracker16 round, issue 15):
a name set off by commas after a title is the verb's subject ("The president of
Indonesia, Prabowo Subianto, arrived in Paris"); "has agreed to come / attend" is an
acceptance by the guest in en nl no de; a Chinese or Japanese report names a capital the
places list had only in Latin letters (堪培拉, オスロ). Sentences written for these tests;
the shipped gazetteer and places."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text


@pytest.mark.parametrize(
    ("lang", "text", "status", "place"),
    [
        ("en", "The president of Indonesia, Prabowo Subianto, arrived in Paris on Monday.",
         "took_place", "Paris"),
        ("es", "El presidente indonesio, Prabowo Subianto, llegó a París el lunes.",
         "took_place", "Paris"),
        ("de", "Der indonesische Präsident, Prabowo Subianto, ist am Montag in Paris "
               "eingetroffen.", "took_place", "Paris"),
        ("en", "Ukrainian President Volodymyr Zelensky has agreed to attend the energy "
               "conference in Oslo in November, his office said.", "accepted", "Oslo"),
        ("nl", "De Oekraïense president Volodymyr Zelensky heeft toegezegd in november naar "
               "de conferentie in Oslo te komen.", "accepted", "Oslo"),
        ("no", "Ukrainas president Volodymyr Zelenskyj har takket ja til konferansen i Oslo "
               "i november.", "accepted", "Oslo"),
        ("de", "Der ukrainische Präsident Wolodymyr Selenskyj hat sein Kommen zur Konferenz "
               "in Oslo im November zugesagt.", "accepted", "Oslo"),
        ("zh", "韩国总统李在明周二抵达堪培拉，开始对澳大利亚进行国事访问。", "took_place",
         "Canberra"),
    ],
)
def test_a_one_party_report_is_found(real_matcher: Matcher, lang: str, text: str,
                                     status: str, place: str) -> None:
    result = match_text(real_matcher, text, "2025-10-01", lang)
    assert {(o.status.value, o.occasion.place) for o in result.lone_observations} == {
        (status, place)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # two clauses before the name: the comma is not an apposition's
        ("en", "After the summit, in a statement, Prabowo Subianto, arrived in Paris."),
        ("nl", "Minister Dick Schoof heeft toegezegd de Kamer te informeren."),
    ],
)
def test_no_one_party_report(real_matcher: Matcher, lang: str, text: str) -> None:
    result = match_text(real_matcher, text, "2025-10-01", lang)
    assert not result.lone_observations
