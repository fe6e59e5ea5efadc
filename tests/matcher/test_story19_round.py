"""Follow-up reports, story19 round (issue 15): the place of the occasion a postposed
invitation phrase follows ("will visit Berlin ... at the invitation of X, before flying on
to Warsaw"); a phrase listed under two cue categories hits in both ("si recherà", a future
word and an acceptance); an arrival with a day word before its place; a year opening a span
("the first since 2017") dates no event; a misspelt surname after a name particle ("de",
"von der"); the calling-off said actively; the challenge noun in de, pl, nl, no.
Sentences written for these tests; the shipped gazetteer and places."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


def _lone(result):  # type: ignore[no-untyped-def]
    return {(o.party.figure_id, o.status.value, o.occasion.place)
            for o in result.lone_observations}


def _occasions(result):  # type: ignore[no-untyped-def]
    return {(m.inviter.figure_id, m.invitee.figure_id, m.status.value, m.occasion.place)
            for m in result.mentions}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Brazil's President Lula will visit Berlin on May 3 and 4 at the invitation of "
               "Chancellor Friedrich Merz, before flying on to Warsaw, his office said."),
        ("fr", "Le président Lula effectuera une visite à Berlin les 3 et 4 mai à l'invitation "
               "du chancelier Friedrich Merz, avant de s'envoler pour Varsovie."),
    ],
)
def test_a_postposed_invitation_keeps_the_place_its_occasion_names(
        real_matcher: Matcher, lang: str, text: str) -> None:
    result = match_text(real_matcher, text, "2025-04-20", lang)
    assert _occasions(result) == {
        ("friedrich-merz", "lula-da-silva", "accepted", "Berlin")}


def test_an_invitation_verb_opening_its_occasion_still_takes_the_place_after_it(
        real_matcher: Matcher) -> None:
    # precision guard: an occasion word after the cue leaves the place after it
    result = match_text(real_matcher, "After his visit to Rome, Friedrich Merz invited Lula "
                                      "to Berlin for talks.", "2025-04-20", "en")
    assert {place for *_, place in _occasions(result)} == {"Berlin"}


def test_a_future_trip_beside_an_acceptance_is_not_a_visit_held(real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "Il presidente Sergio Mattarella ha accettato l'invito di "
                                      "Emmanuel Macron e si recherà in visita a Parigi a "
                                      "novembre.", "2025-09-10", "it")
    assert pairs(result) == {("emmanuel-macron", "sergio-mattarella", "accepted")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Emmanuel Macron arrived on Tuesday evening in Lisbon for a state visit."),
        ("fr", "Emmanuel Macron est arrivé mardi soir à Lisbonne pour une visite d'État."),
        ("es", "Emmanuel Macron llegó el martes por la noche a Lisboa para una visita de "
               "Estado."),
        ("pt", "Emmanuel Macron chegou na terça-feira à noite a Lisboa para uma visita de "
               "Estado."),
        ("ru", "Эмманюэль Макрон прибыл во вторник вечером в Лиссабон с государственным "
               "визитом."),
        ("uk", "Еммануель Макрон прибув пізно ввечері до Лісабона з державним візитом."),
        ("pl", "Emmanuel Macron przybył we wtorek wieczorem do Lizbony z wizytą państwową."),
        ("nl", "Emmanuel Macron kwam dinsdagavond aan in Lissabon voor een staatsbezoek."),
    ],
)
def test_an_arrival_with_a_day_word_before_the_place(real_matcher: Matcher, lang: str,
                                                     text: str) -> None:
    result = match_text(real_matcher, text, "2025-09-10", lang)
    assert _lone(result) == {("emmanuel-macron", "took_place", "Lisbon")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Emmanuel Macron arrived in Lisbon for a state visit, the first by a French "
               "president since 2017."),
        ("fr", "Emmanuel Macron est arrivé à Lisbonne pour une visite d'État, la première "
               "d'un président français depuis 2017."),
        ("de", "Emmanuel Macron ist in Lissabon zu einem Staatsbesuch eingetroffen, dem "
               "ersten eines französischen Präsidenten seit 2017."),
    ],
)
def test_a_year_opening_a_span_dates_no_event(real_matcher: Matcher, lang: str,
                                              text: str) -> None:
    result = match_text(real_matcher, text, "2025-09-10", lang)
    assert _lone(result) == {("emmanuel-macron", "took_place", "Lisbon")}


def test_a_year_of_its_own_still_dates_the_arrival(real_matcher: Matcher) -> None:
    # precision guard: an arrival dated to another year answers no open invitation
    result = match_text(real_matcher, "Emmanuel Macron arrived in Lisbon for a state visit in "
                                      "2017.", "2025-09-10", "en")
    assert not result.lone_observations


@pytest.mark.parametrize(
    ("text", "inviter"),
    [
        ("Ursula von der Leyden invited Emmanuel Macron to Brussels for talks.",
         "ursula-von-der-leyen"),
        ("Cristina Fernández de Kirchnner invited Emmanuel Macron to Buenos Aires.",
         "cristina-fernandez-de-kirchner"),
    ],
)
def test_a_misspelt_surname_after_a_name_particle(real_matcher: Matcher, text: str,
                                                  inviter: str) -> None:
    result = match_text(real_matcher, text, "2025-09-10", "en")
    assert {m.inviter.figure_id for m in result.mentions} == {inviter}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Mark Rutte heeft de top van donderdag in Den Haag afgeblazen."),
        ("pl", "Mark Rutte odwołał zaplanowany szczyt w Hadze."),
        ("no", "Mark Rutte avlyste toppmøtet i Haag."),
        ("tr", "Mark Rutte, Lahey'deki zirveyi iptal etti."),
    ],
)
def test_a_calling_off_said_actively(real_matcher: Matcher, lang: str, text: str) -> None:
    result = match_text(real_matcher, text, "2025-09-10", lang)
    assert {(f, s) for f, s, _ in _lone(result)} == {("mark-rutte", "withdrawn")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Olaf Scholz hat die Herausforderung von Friedrich Merz zu einem Fernsehduell "
               "angenommen."),
        ("nl", "Olaf Scholz heeft de uitdaging van Friedrich Merz voor een debat aanvaard."),
    ],
)
def test_accepting_a_challenge(real_matcher: Matcher, lang: str, text: str) -> None:
    result = match_text(real_matcher, text, "2025-09-10", lang)
    assert pairs(result) == {("friedrich-merz", "olaf-scholz", "accepted")}
    assert {m.occasion.kind.value for m in result.mentions} == {"debate"}


def test_a_name_inside_its_title_in_another_script_is_the_holder(real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "韓国のユン・ソクヨル大統領は10日午前、羽田空港に到着し、"
                                      "日本を訪問した。", "2024-03-10", "ja")
    assert _lone(result) == {("yoon-suk-yeol", "took_place", "Japan")}


@pytest.mark.parametrize("title", ["大統領代行", "前大統領"])
def test_an_acting_or_former_title_names_no_holder(real_matcher: Matcher, title: str) -> None:
    # precision guard: another office (acting) or none (former) is not the holder's
    result = match_text(real_matcher, f"韓国のユン・ソクヨル{title}は10日午前、羽田空港に到着し、"
                                      "日本を訪問した。", "2024-03-10", "ja")
    assert not result.lone_observations


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Olaf Scholz has not answered a challenge from Friedrich Merz to a televised debate.",
         "pending"),
        ("Olaf Scholz accepted the challenge from Friedrich Merz to a televised debate.",
         "accepted"),
    ],
)
def test_a_challenge_from_its_owner_is_the_owners(real_matcher: Matcher, text: str,
                                                  status: str) -> None:
    result = match_text(real_matcher, text, "2025-09-10", "en")
    assert pairs(result) == {("friedrich-merz", "olaf-scholz", status)}


def test_the_challenge_verb_still_makes_its_subject_the_inviter(real_matcher: Matcher) -> None:
    # precision guard: "challenged X to a debate" keeps its direction
    result = match_text(real_matcher, "Friedrich Merz challenged Olaf Scholz to a televised "
                                      "debate.", "2025-09-10", "en")
    assert pairs(result) == {("friedrich-merz", "olaf-scholz", "pending")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Президент Франції Еммануель Макрон заявив, що 5 травня буде присутній на "
               "саміті в Лісабоні."),
        ("ru", "Президент Франции Эмманюэль Макрон заявил, что 5 мая будет присутствовать на "
               "саммите в Лиссабоне."),
        ("pl", "Prezydent Francji Emmanuel Macron oświadczył, że będzie obecny na szczycie w "
               "Lizbonie."),
    ],
)
def test_the_speaker_of_a_reported_attendance_is_its_subject(real_matcher: Matcher, lang: str,
                                                             text: str) -> None:
    result = match_text(real_matcher, text, "2025-04-20", lang)
    assert _lone(result) == {("emmanuel-macron", "accepted", "Lisbon")}


def test_a_reported_attendance_of_someone_else_is_not_the_speakers(
        real_matcher: Matcher) -> None:
    # precision guard: another subject after the complementiser
    result = match_text(real_matcher, "Emmanuel Macron said the minister will attend the summit "
                                      "in Lisbon.", "2025-04-20", "en")
    assert not result.lone_observations


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Emmanuel Macron visitará Lisboa en octubre, aceptando la invitación del "
               "presidente Marcelo Rebelo de Sousa."),
        ("fr", "Emmanuel Macron a écrit à son homologue, acceptant l'invitation du président "
               "Marcelo Rebelo de Sousa."),
        ("it", "Emmanuel Macron ha scritto al collega, accettando l'invito del presidente "
               "Marcelo Rebelo de Sousa."),
        ("pt", "Emmanuel Macron irá a Lisboa em outubro, aceitando o convite do presidente "
               "Marcelo Rebelo de Sousa."),
    ],
)
def test_an_acceptance_as_a_gerund(real_matcher: Matcher, lang: str, text: str) -> None:
    result = match_text(real_matcher, text, "2025-06-20", lang)
    assert pairs(result) == {("marcelo-rebelo-de-sousa", "emmanuel-macron", "accepted")}
