"""Issue 14, stop 32, roles32 round: actors given by their seat, negated meetings, holders to
be, and unknown names cut or taken from places (hosts._seat_host, host_by_place `without`,
organisations `elect_words`, names.complement_of_title, local_names surname joiners,
newspaper nouns in `name_stopwords`). Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    # an agentless passive reception: the seat named hosts (its holder on the date)
    ("fr", "Le président brésilien Lula a été reçu jeudi à l'Élysée pour un dîner d'État.",
     "2025-06-05", {("emmanuel-macron", "lula-da-silva", "took_place")}),
    ("en", "Indian Prime Minister Narendra Modi was received at the Kremlin on Monday evening.",
     "2025-05-12", {("vladimir-putin", "narendra-modi", "took_place")}),
    ("it", "Il presidente argentino Javier Milei è stato ricevuto ieri a Palazzo Chigi per un colloquio.",
     "2025-06-06", {("giorgia-meloni", "javier-milei", "took_place")}),
    ("es", "El presidente francés Emmanuel Macron fue recibido el lunes en la Moncloa.",
     "2025-03-10", {("pedro-sanchez", "emmanuel-macron", "took_place")}),
    # the seat as the subject of an active reception; its guest the other leader of the
    # sentence before
    ("ru", "Премьер-министр Индии Нарендра Моди в среду провёл в Москве переговоры с Владимиром Путиным. Кремль принимал гостя с почестями.",
     "2025-05-14", {("vladimir-putin", "narendra-modi", "took_place")}),
])
def test_a_seat_hosts_a_reception_that_names_no_host(real: Matcher, lang: str, text: str,
                                                    day: str,
                                                    expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day, lang)) == expected


def test_a_perfect_reception_is_no_present_tense(real: Matcher) -> None:
    """"è stato accolto martedì" is past: the weekday does not make it announced."""
    text = ("Il cancelliere tedesco Friedrich Merz è stato accolto martedì a Palazzo Chigi "
            "dalla presidente del Consiglio Giorgia Meloni.")
    assert pairs(match_text(real, text, "2025-07-03", "it")) == {
        ("giorgia-meloni", "friedrich-merz", "took_place")}


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Milei aterrizó el jueves en Madrid, otra vez sin reunión con el Gobierno de España."),
    ("en", "Milei landed in Madrid on Thursday without talks with the Spanish prime minister."),
    ("de", "Milei landete am Donnerstag in Madrid, ohne Treffen mit dem spanischen Regierungschef."),
])
def test_a_meeting_denied_by_without_is_no_visit(real: Matcher, lang: str, text: str) -> None:
    assert pairs(match_text(real, text, "2025-06-06", lang)) == set()


def test_a_meeting_after_sin_embargo_still_counts(real: Matcher) -> None:
    """"sin embargo," closes its clause: the meeting after it is not denied."""
    text = "Sin embargo, Milei aterrizó el jueves en Madrid y se reunió con Pedro Sánchez."
    assert pairs(match_text(real, text, "2025-06-06", "es")) == {
        ("pedro-sanchez", "javier-milei", "took_place")}


@pytest.mark.parametrize(("lang", "text", "day", "invitee"), [
    ("en", "Joe Rogan has invited New York mayor-elect Zohran Mamdani to his studio in Austin.",
     "2025-11-20", "zohran-mamdani"),
    ("en", "Joe Rogan has invited the incoming New York mayor to his studio in Austin.",
     "2025-11-20", None),
])
def test_a_holder_to_be_is_not_the_sitting_holder(real: Matcher, lang: str, text: str,
                                                  day: str, invitee: str | None) -> None:
    found = pairs(match_text(real, text, day, lang))
    assert all(invitee_key != "eric-adams" for _, invitee_key, _ in found)
    if invitee is not None:
        assert ("joe-rogan", invitee, "pending") in found


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the country a title is of is no person; a compound surname is kept whole
    ("pt", "O presidente Lula convidou o primeiro-ministro de Cabo Verde, Rui Tavares e Costa, a visitar Brasília.",
     {("lula-da-silva", "Rui Tavares e Costa", "pending")}),
    ("en", "President Lula invited the prime minister of Cape Verde, Rui Tavares Costa, to Brasília.",
     {("lula-da-silva", "Rui Tavares Costa", "pending")}),
])
def test_the_complement_of_a_title_is_no_person(real: Matcher, lang: str, text: str,
                                                expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2025-09-10", lang)) == expected


def test_a_newspaper_is_no_party(real: Matcher) -> None:
    """"skriver Stavanger Aftenblad": the paper that reports is no one invited or inviting."""
    text = ("Statsminister Jonas Gahr Støre kan bli invitert til festivalen i Stavanger neste "
            "sommer, skriver Stavanger Aftenblad.")
    result = match_text(real, text, "2025-09-10", "no")
    assert all(m.inviter.figure_id and m.invitee.figure_id for m in result.mentions)


def test_the_place_of_an_elect_title_is_no_occasion_place(real: Matcher) -> None:
    """"New York mayor-elect": New York is the title's, not where the interview is."""
    text = "Joe Rogan has invited New York mayor-elect Zohran Mamdani onto his podcast."
    result = match_text(real, text, "2025-11-20", "en")
    assert result.mentions
    assert all(m.occasion.place != "New York" for m in result.mentions)
