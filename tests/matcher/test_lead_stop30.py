"""The lead's stop-30 rule (bot/matcher/hosts.py, `_object_pronoun_before`): a reception verb
with an object pronoun before it and its subject after it ("..., where him received the
chancellor"), in the languages that order it so: the figure after the verb receives the one
the pronoun stands for. Every sentence is written for this file."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DAY = "2024-05-02"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Президент Франции Эмманюэль Макрон прибыл в Берлин, где его встретил канцлер "
     "Фридрих Мерц.", ("friedrich-merz", "emmanuel-macron", "took_place")),
    ("uk", "Президент України Володимир Зеленський прибув з візитом до Осло, де його зустрів "
     "прем'єр-міністр Норвегії Йонас Гар Стьоре.",
     ("jonas-gahr-store", "volodymyr-zelensky", "took_place")),
    ("pl", "Prezydent Francji Emmanuel Macron przyleciał do Warszawy, gdzie go przyjął premier "
     "Donald Tusk.", ("donald-tusk", "emmanuel-macron", "took_place")),
])
def test_the_figure_after_the_verb_receives_the_one_the_pronoun_stands_for(
        real: Matcher, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == {expected}


def test_a_subject_before_the_verb_still_receives(real: Matcher) -> None:
    # No pronoun between: the figure before the verb receives the one after it.
    found = pairs(match_text(real, "Канцлер Фридрих Мерц встретил в Берлине президента "
                             "Франции Эмманюэля Макрона.", DAY, "ru"))
    assert {(a, b) for a, b, _ in found} == {("friedrich-merz", "emmanuel-macron")}
