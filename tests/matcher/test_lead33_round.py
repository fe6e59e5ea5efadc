"""Issue 14, stop 33, the lead's mend after the story20 round: a guest's trip "to <place>
for the summit" is the host's occasion when the sentence right before the host's, in its
paragraph, introduces the occasion with that place. Place names now match without their
accents (story20's `fold_latin_marks`), so "Bakü", "Bogota" are found where they were not,
and the trip's place must not then read as another occasion. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Zirve yarın Bakü'de başlıyor. Zirveye bu yıl Azerbaycan Cumhurbaşkanı İlham Aliyev ev "
     "sahipliği yapıyor.\n\nCumhurbaşkanı Recep Tayyip Erdoğan zirve için Bakü'ye gitti.",
     "tr", "Recep Tayyip Erdoğan"),
    ("A cimeira começa amanhã em Brasilia. O presidente Lula é o anfitrião da cimeira este "
     "ano.\n\nO presidente argentino Javier Milei chegou para a cimeira em Brasilia no domingo.",
     "pt", "Javier Milei"),
    ("La cumbre empieza mañana en Bogota. El presidente Gustavo Petro es el anfitrión de la "
     "cumbre este año.\n\nEl presidente argentino Javier Milei llegó a la cumbre en Bogota el "
     "domingo.",
     "es", "Javier Milei"),
])
def test_a_trip_to_the_place_that_introduced_the_hosted_occasion_is_that_occasion(
        matcher: Matcher, text: str, lang: str, expected: str) -> None:
    result = match_text(matcher, text, "2025-11-10", lang)
    assert (expected, "took_place") in {(m.invitee.name, m.status.value) for m in result.mentions}


def test_a_trip_to_another_place_stays_another_occasion(matcher: Matcher) -> None:
    # precision bound: the place named right after the occasion noun is not the host's
    text = ("The climate summit opens on Monday in Baku. Azerbaijani President Ilham Aliyev is "
            "hosting the summit this year.\n\nTurkish President Recep Tayyip Erdogan flew instead to "
            "a meeting in Paris on Sunday.")
    found = pairs(match_text(matcher, text, "2024-11-10", "en"))
    assert not any(s == "took_place" for _, _, s in found)


def test_a_country_after_the_answer_words_is_a_trip_not_the_invitees_side(matcher: Matcher) -> None:
    # status33's side rule placed an unknown speaker in the country his trip goes to
    text = ("MADRID - Pedro Sánchez ha invitado al presidente de Brasil, Luiz Inácio Lula da Silva, "
            "a una visita oficial a España en otoño. La invitación se cursó por carta. El "
            "secretario de Estado de Comercio, Ramón Vidal, viajará a Brasil en mayo.")
    result = match_text(matcher, text, "2025-03-04", "es")
    assert {m.status.value for m in result.mentions
            if m.invitee.name == "Luiz Inácio Lula da Silva"} == {"pending"}
