"""Issue 14, stop 32, far32 round: reference across paragraphs in long articles.

A visit story's lead often names both leaders ("Macron and Lula held talks in Paris"):
the one away from home where the headline or the lead sets the story is the visitor,
the one at home the host (coref.story_roles). Paragraphs later the visitor is "the
guest" (`visitor_nouns`) and the host "his host" (`host_nouns`, new): both resolve to
them. A lead that sets the story in both countries, or in none, names no visitor and no
host. Texts written for this file."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


def _found(matcher: Matcher, text: str, lang: str, day: str = "2025-06-01"
           ) -> set[tuple[str, str]]:
    return {(inviter, invitee) for inviter, invitee, _ in
            pairs(match_text(matcher, text, day, lang))}


# Two leaders in the lead, the story set in the host's capital; a later paragraph
# names the visitor by a role noun only.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Emmanuel Macron and Luiz Inácio Lula da Silva held talks in Paris on Tuesday. "
     "Trade and the Amazon were on the table.\n\nOn Wednesday Friedrich Merz invited the "
     "guest to a climate meeting in Hamburg.", ("friedrich-merz", "lula-da-silva")),
    ("de", "Emmanuel Macron und Luiz Inácio Lula da Silva haben am Dienstag in Paris "
     "verhandelt. Es ging um Handel und den Regenwald.\n\nAm Mittwoch lud Friedrich Merz "
     "den Gast zu einem Klimatreffen nach Hamburg ein.", ("friedrich-merz", "lula-da-silva")),
    ("es", "Emmanuel Macron y Luiz Inácio Lula da Silva se reunieron el martes en París. "
     "Hablaron de comercio y de la Amazonia.\n\nEl miércoles Pedro Sánchez invitó al "
     "visitante a una cumbre en Sevilla.", ("pedro-sanchez", "lula-da-silva")),
    ("it", "Emmanuel Macron e Luiz Inácio Lula da Silva si sono incontrati martedì a Parigi. "
     "Si è parlato di commercio e di Amazzonia.\n\nMercoledì Giorgia Meloni ha invitato "
     "l'ospite a un vertice a Napoli.", ("giorgia-meloni", "lula-da-silva")),
    ("ru", "Эммануэль Макрон и Луис Инасиу Лула да Силва во вторник провели переговоры в "
     "Париже. Речь шла о торговле и Амазонии.\n\nВ среду Владимир Путин пригласил гостя "
     "на саммит в Казань.", ("vladimir-putin", "lula-da-silva")),
    ("pl", "Emmanuel Macron i Luiz Inácio Lula da Silva rozmawiali we wtorek w Paryżu. "
     "Chodziło o handel i Amazonię.\n\nW środę Donald Tusk zaprosił gościa na szczyt w "
     "Gdańsku.", ("donald-tusk", "lula-da-silva")),
    ("nl", "Emmanuel Macron en Luiz Inácio Lula da Silva spraken dinsdag in Parijs. Het ging "
     "over handel en het Amazonegebied.\n\nWoensdag nodigde Dick Schoof de gast uit voor "
     "een top in Rotterdam.", ("dick-schoof", "lula-da-silva")),
])
def test_two_leader_lead_names_the_visitor_by_place(real: Matcher, lang: str, text: str,
                                                    expected: tuple[str, str]) -> None:
    assert expected in _found(real, text, lang)


# The host named by a role noun: the leader at home where the lead sets the story. An
# opening paragraph names nobody, so the lead is no headline a one-sided invitation could
# take its other side from, and the invitation comes two paragraphs after the lead, beyond
# the lead's report of the talks (aggregate._context_party).
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "A long day of talks ended late.\n\n"
     "Emmanuel Macron and Luiz Inácio Lula da Silva held talks in Paris on Tuesday. "
     "Trade and the Amazon were on the table; Pedro Sánchez joined by video.\n\nThe weather stayed grey all week.\n\nAt the dinner Lula invited his host to "
     "Belém for the climate conference.", ("lula-da-silva", "emmanuel-macron")),
    ("de", "Ein langer Verhandlungstag ging spät zu Ende.\n\n"
     "Emmanuel Macron und Luiz Inácio Lula da Silva haben am Dienstag in Paris "
     "verhandelt. Pedro Sánchez war per Video zugeschaltet.\n\nDas Wetter blieb die ganze Woche grau.\n\nBeim Abendessen lud Lula seinen "
     "Gastgeber zur Klimakonferenz nach Belém ein.", ("lula-da-silva", "emmanuel-macron")),
    ("es", "Una larga jornada de conversaciones terminó tarde.\n\n"
     "Emmanuel Macron y Luiz Inácio Lula da Silva se reunieron el martes en París. "
     "Pedro Sánchez se unió por vídeo.\n\nEl tiempo siguió gris toda la semana.\n\nEn la cena Lula invitó a su anfitrión a "
     "la conferencia del clima de Belém.", ("lula-da-silva", "emmanuel-macron")),
    ("pt", "Um longo dia de conversas terminou tarde.\n\n"
     "Emmanuel Macron e Luiz Inácio Lula da Silva reuniram-se na terça-feira em Paris. "
     "Pedro Sánchez juntou-se por vídeo.\n\nO tempo continuou cinzento toda a semana.\n\nNo jantar, Lula convidou o anfitrião para a "
     "conferência do clima em Belém.", ("lula-da-silva", "emmanuel-macron")),
    ("it", "Una lunga giornata di colloqui si è chiusa tardi.\n\n"
     "Emmanuel Macron e Luiz Inácio Lula da Silva si sono incontrati martedì a Parigi. "
     "Pedro Sánchez si è collegato in video.\n\nIl tempo è rimasto grigio tutta la settimana.\n\nA cena Lula ha invitato il padrone di "
     "casa alla conferenza sul clima di Belém.", ("lula-da-silva", "emmanuel-macron")),
    ("nl", "Een lange dag van gesprekken eindigde laat.\n\n"
     "Emmanuel Macron en Luiz Inácio Lula da Silva spraken dinsdag in Parijs. Het ging "
     "over handel; Pedro Sánchez sloot aan via video.\n\nHet weer bleef de hele week grijs.\n\nBij het diner nodigde Lula zijn gastheer uit "
     "voor de klimaatconferentie in Belém.", ("lula-da-silva", "emmanuel-macron")),
    ("pl", "Długi dzień rozmów skończył się późno.\n\n"
     "Emmanuel Macron i Luiz Inácio Lula da Silva rozmawiali we wtorek w Paryżu. "
     "Pedro Sánchez dołączył przez wideo.\n\nPogoda przez cały tydzień była szara.\n\nPodczas kolacji Lula zaprosił gospodarza na "
     "konferencję klimatyczną w Belém.", ("lula-da-silva", "emmanuel-macron")),
])
def test_host_noun_names_the_leader_at_home(real: Matcher, lang: str, text: str,
                                            expected: tuple[str, str]) -> None:
    assert expected in _found(real, text, lang)


# Precision: a lead that sets the story in both leaders' countries, or names no place,
# tells neither the visitor nor the host; "the guest" and "his host" stay nobody.
@pytest.mark.parametrize("text", [
    "Emmanuel Macron and Luiz Inácio Lula da Silva spoke by phone between Paris and "
    "Brasília on Tuesday. Trade was on the table.\n\nOn Wednesday Friedrich Merz invited "
    "the guest to a climate meeting in Hamburg.",
    "Emmanuel Macron and Luiz Inácio Lula da Silva held talks on Tuesday. Trade was on the "
    "table.\n\nOn Wednesday Friedrich Merz invited the guest to a climate meeting in "
    "Hamburg.",
])
def test_lead_without_one_home_names_no_visitor(real: Matcher, text: str) -> None:
    found = _found(real, text, "en")
    assert ("friedrich-merz", "lula-da-silva") not in found
    assert ("friedrich-merz", "emmanuel-macron") not in found


def test_one_leader_at_home_is_no_visitor(real: Matcher) -> None:
    """The one leader of a lead set in his own country hosts: "the guest" later is
    someone else, not him (before this round he was taken for the visitor)."""
    text = ("Emmanuel Macron opened a summit on the oceans in Paris on Monday. Fifty "
            "delegations attended.\n\nOn Tuesday Friedrich Merz invited the guest to a "
            "climate meeting in Hamburg.")
    assert ("friedrich-merz", "emmanuel-macron") not in _found(real, text, "en")


# A subject pronoun whose gender fits no person of the sentence before stands for the
# story's figure of that gender (coref.story_subject): here the lead's one leader, away
# from home, is the visitor; the sentence before names only a woman.
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "King Charles III began a state visit to France on Wednesday. The trip had been "
     "delayed by strikes.\n\nAt the banquet his mother Elizabeth II was remembered with "
     "warmth. He then invited Emmanuel Macron to a state visit in London."),
    ("de", "König Charles III. hat am Mittwoch einen Staatsbesuch in Frankreich begonnen. Die "
     "Reise war wegen Streiks verschoben worden.\n\nBeim Bankett wurde an Elizabeth II. "
     "erinnert. Er lud dann Emmanuel Macron zu einem Staatsbesuch nach London ein."),
    ("es", "El rey Carlos III comenzó el miércoles una visita de Estado a Francia. El viaje "
     "se había aplazado por las huelgas.\n\nEn el banquete se recordó a Isabel II. Él "
     "invitó después a Emmanuel Macron a una visita de Estado en Londres."),
    ("ru", "Король Карл III в среду начал государственный визит во Францию. Поездку "
     "откладывали из-за забастовок.\n\nНа банкете вспоминали Елизавету II. Он пригласил "
     "Эммануэля Макрона с государственным визитом в Лондон."),
    ("nl", "Koning Charles III begon woensdag aan een staatsbezoek aan Frankrijk. De reis "
     "was uitgesteld door stakingen.\n\nBij het banket werd Elizabeth II herdacht. Hij "
     "nodigde daarna Emmanuel Macron uit voor een staatsbezoek aan Londen."),
])
def test_pronoun_of_no_fitting_person_is_the_story_figure(real: Matcher, lang: str,
                                                          text: str) -> None:
    assert ("charles-iii", "emmanuel-macron") in _found(real, text, lang, "2023-09-21")


def test_pronoun_with_a_fitting_person_before_keeps_it(real: Matcher) -> None:
    """The sentence before names a man: "He" is him, as before this round."""
    text = ("King Charles III began a state visit to France on Wednesday. The trip had been "
            "delayed by strikes.\n\nAt the banquet Olaf Scholz was seated next to the "
            "president. He then invited Emmanuel Macron to Berlin.")
    found = _found(real, text, "en", "2023-09-21")
    assert ("charles-iii", "emmanuel-macron") not in found
