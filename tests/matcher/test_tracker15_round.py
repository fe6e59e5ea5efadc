"""The tracker15 round (stop 28, issue 15): the tracker's open ends, on the matcher's side.
A postponement in the fourteen languages is a one-party pending report (the invitation
stands); attendance confirmed in more wordings is an acceptance; nl, pl and no report two
parties meeting without an invitation word; a headline naming the occasion without its
place takes the place the body's own invitation sentence gives; "the EU-India summit" is
not held in India. Sentences written for these tests; the shipped gazetteer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher


def _match(matcher: Matcher, text: str, lang: str, title: str = "") -> MatchResult:
    published = datetime(2025, 6, 10, 12, tzinfo=UTC)
    return matcher.match(Article(key="t", text=text, title=title, published=published,
                                 lang=lang))


def _lone(result: MatchResult) -> set[tuple[str, str, str | None]]:
    return {(o.party.name, o.status.value, o.occasion.place) for o in result.lone_observations}


@pytest.mark.parametrize(
    ("lang", "text", "party", "place"),
    [
        ("en", "Lula has postponed his trip to Madrid.", "Luiz Inácio Lula da Silva", "Madrid"),
        ("en", "The visit of Lula to Madrid planned for February was postponed.",
         "Luiz Inácio Lula da Silva", "Madrid"),
        ("de", "Der Besuch von Olaf Scholz in Warschau wurde verschoben.", "Olaf Scholz",
         "Warsaw"),
        ("fr", "La visite d'Emmanuel Macron à Rome a été reportée à l'automne.",
         "Emmanuel Macron", "Rome"),
        ("es", "La visita de Pedro Sánchez a Seúl ha sido aplazada hasta noviembre.",
         "Pedro Sánchez", "Seoul"),
        ("it", "Giorgia Meloni ha rinviato il viaggio a Tokyo.", "Giorgia Meloni", "Tokyo"),
        ("pt", "Lula adiou a viagem a Madri.", "Luiz Inácio Lula da Silva", "Madrid"),
        ("ru", "Токаев перенёс визит в Рим на следующий год.", "Kassym-Jomart Tokayev", "Rome"),
        ("uk", "Зеленський переніс візит до Берліна.", "Volodymyr Zelensky", "Berlin"),
        ("ja", "石破首相はベルリン訪問を延期した。", "Shigeru Ishiba", "Berlin"),
        ("zh", "莫迪推迟了对北京的访问。", "Narendra Modi", "Beijing"),
        ("tr", "Erdoğan Pekin ziyaretini erteledi.", "Recep Tayyip Erdoğan", "Beijing"),
        ("no", "Narendra Modi har utsatt besøket i Brussel.", "Narendra Modi", "Brussels"),
        ("nl", "Het bezoek van Olaf Scholz aan Warschau is uitgesteld.", "Olaf Scholz", "Warsaw"),
        ("pl", "Donald Tusk przełożył wizytę w Berlinie.", "Donald Tusk", "Berlin"),
    ],
)
def test_a_postponement_is_a_one_party_pending_report(
        real: Matcher, lang: str, text: str, party: str, place: str) -> None:
    assert (party, "pending", place) in _lone(_match(real, text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The visit of Lula to Madrid could be postponed."),
        ("en", "The visit of Lula to Madrid was not postponed."),
    ],
)
def test_a_hedged_or_negated_postponement_is_no_report(real: Matcher, lang: str, text: str
                                                        ) -> None:
    assert not _lone(_match(real, text, lang))


@pytest.mark.parametrize(
    ("lang", "text", "party", "place"),
    [
        ("de", "Narendra Modi hat seine Teilnahme am Gipfel in Brüssel bestätigt.",
         "Narendra Modi", "Brussels"),
        ("pl", "Donald Tusk potwierdził wizytę w Hadze.", "Donald Tusk", "The Hague"),
        ("nl", "Olaf Scholz bevestigde zijn deelname aan de top in Brussel.",
         "Olaf Scholz", "Brussels"),
        ("es", "Lula ha confirmado su asistencia a la cumbre de Asunción.",
         "Luiz Inácio Lula da Silva", "Asunción"),
        ("ru", "Токаев подтвердил визит в Рим.", "Kassym-Jomart Tokayev", "Rome"),
    ],
)
def test_attendance_confirmed_is_an_acceptance(real: Matcher, lang: str, text: str,
                                               party: str, place: str) -> None:
    assert (party, "accepted", place) in _lone(_match(real, text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Dick Schoof had een ontmoeting met Donald Tusk in Den Haag."),
        ("pl", "Donald Tusk spotkał się z Dickiem Schoofem w Hadze."),
        ("no", "Donald Tusk møtte Dick Schoof i Haag."),
    ],
)
def test_two_parties_meeting_without_an_invitation_word(real: Matcher, lang: str, text: str
                                                        ) -> None:
    found = {(frozenset({o.first.name, o.second.name}), o.status.value)
             for o in _match(real, text, lang).observations}
    assert (frozenset({"Dick Schoof", "Donald Tusk"}), "took_place") in found


def test_a_placeless_headline_takes_the_place_of_the_body_invitation(real: Matcher) -> None:
    result = _match(real, "El presidente paraguayo, Santiago Peña, invitó a Luiz Inácio Lula "
                          "da Silva a la cumbre del Mercosur que se celebrará en Asunción en "
                          "julio.", "es", title="Peña invita a Lula a la cumbre del Mercosur")
    assert [(m.occasion.kind.value, m.occasion.place) for m in result.mentions] == [
        ("meeting", "Asunción")]


def test_a_country_joined_to_a_bloc_is_not_the_summit_place(real: Matcher) -> None:
    result = _match(real, "Ursula von der Leyen a invité Narendra Modi au sommet UE-Inde à "
                          "Bruxelles.", "fr", title="Von der Leyen invite Modi au sommet UE-Inde")
    assert [m.occasion.place for m in result.mentions] == ["Brussels"]
