"""Issue 14, stop 30, fixo round: outcome-only reports of a hosted occasion in every language
(a dinner, banquet, reception, parade or summit a named host holds; the host invites each
guest said to attend, sit at, arrive for or skip it). Every sentence is written for this
file (bot/matcher/hosts.py, the lexicons' [occasion] and [hosts] tables)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DAY = "2025-06-10"


def _found(real: Matcher, lang: str, text: str) -> set[tuple[str, str, str]]:
    return pairs(match_text(real, text, DAY, lang))


# Class 1: in a verb-second language a time or a place opens the clause and the host
# follows its verb, before the gathering it gives (hosts._inverted_occasion_hosts).
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Am Abend gab Bundeskanzler Friedrich Merz im Kanzleramt ein Abendessen zu Ehren "
     "des kanadischen Premierministers Mark Carney.",
     ("friedrich-merz", "mark-carney", "took_place")),
    ("no", "Etter møtet holdt statsminister Jonas Gahr Støre en middag til ære for Canadas "
     "statsminister Mark Carney.", ("jonas-gahr-store", "mark-carney", "took_place")),
    ("nl", "Na afloop gaf premier Dick Schoof in het Catshuis een diner ter ere van de "
     "Canadese premier Mark Carney.", ("dick-schoof", "mark-carney", "took_place")),
])
def test_a_host_after_its_verb_in_a_verb_second_clause(real: Matcher, lang: str, text: str,
                                                       expected: tuple[str, str, str]) -> None:
    assert expected in _found(real, lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    # the figure before the verb is its subject: the one after is the honoured guest only
    ("de", "Friedrich Merz gab am Abend im Kanzleramt ein Abendessen, Mark Carney hielt "
     "eine Rede."),
    # no gathering after the host: an interview is no occasion with guests
    ("de", "Am Abend gab Bundeskanzler Friedrich Merz dem Sender ein Interview, Mark Carney "
     "war in Ottawa."),
])
def test_no_inverted_host_without_its_gathering(real: Matcher, lang: str, text: str) -> None:
    found = {(a, b) for a, b, _ in _found(real, lang, text)}
    assert ("mark-carney", "friedrich-merz") not in found
    assert ("friedrich-merz", "mark-carney") not in found


# Class 2: the guests of a named host ("with Putin's other guests"), in every language.
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Viktor Orbán, together with Recep Tayyip Erdoğan's other guests, was present at "
     "the gala dinner in Ankara."),
    ("ru", "Виктор Орбан вместе с другими гостями Си Цзиньпина присутствовал на ужине в "
     "Пекине."),
    ("uk", "Віктор Орбан разом з іншими гостями Реджепа Таїпа Ердогана був присутній на "
     "вечері в Анкарі."),
    ("pl", "Viktor Orbán wraz z innymi gośćmi prezydenta Xi Jinpinga uczestniczył w kolacji "
     "w Pekinie."),
    ("fr", "Viktor Orbán a assisté au dîner à Ankara avec les autres invités de Recep Tayyip "
     "Erdoğan."),
    ("es", "Viktor Orbán asistió a la cena en Ankara junto a los demás invitados de Recep "
     "Tayyip Erdoğan."),
    ("it", "Viktor Orbán ha partecipato alla cena ad Ankara insieme agli altri ospiti di "
     "Recep Tayyip Erdoğan."),
    ("de", "Viktor Orbán nahm mit den anderen Gästen von Recep Tayyip Erdoğan am Abendessen "
     "in Ankara teil."),
    ("nl", "Viktor Orbán was met de andere gasten van Recep Tayyip Erdoğan aanwezig bij het "
     "diner in Ankara."),
    ("no", "Viktor Orbán deltok på middagen i Ankara sammen med de andre gjestene til Recep "
     "Tayyip Erdoğan."),
])
def test_the_other_guests_of_a_named_host(real: Matcher, lang: str, text: str) -> None:
    host = "xi-jinping" if "Pekin" in text or "Пекин" in text else "recep-tayyip-erdogan"
    assert (host, "viktor-orban", "took_place") in _found(real, lang, text)


# Class 3: "also at the table were A and B" after a banquet whose own sentence already
# names a guest: every figure of the list is the host's guest too.
@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "O presidente Emmanuel Macron participou do banquete oferecido pelo rei Felipe VI, "
     "de Espanha. Estiveram também à mesa o presidente argentino Javier Milei e o presidente "
     "chileno Gabriel Boric."),
    ("es", "Emmanuel Macron asistió al banquete ofrecido por el rey Felipe VI. En la mesa "
     "estuvieron también el presidente argentino Javier Milei y el presidente chileno "
     "Gabriel Boric."),
    ("ru", "Эммануэль Макрон присутствовал на банкете, данном королём Фелипе VI. За столом "
     "также были президент Аргентины Хавьер Милей и президент Чили Габриэль Борич."),
    ("no", "Emmanuel Macron deltok på banketten som kong Felipe VI holdt. Ved bordet satt også "
     "Argentinas president Javier Milei og Chiles president Gabriel Boric."),
])
def test_also_at_the_table_after_a_guest(real: Matcher, lang: str, text: str) -> None:
    found = _found(real, lang, text)
    assert ("felipe-vi", "javier-milei", "took_place") in found
    assert ("felipe-vi", "gabriel-boric", "took_place") in found


def test_a_table_list_at_an_occasion_nobody_hosts_names_no_guest(real: Matcher) -> None:
    text = ("The United Nations held a banquet for the General Assembly. Also at the table "
            "were Argentine President Javier Milei and Chilean President Gabriel Boric.")
    assert not _found(real, "en", text)


# Class 4: a relative clause after a guest saying why he is in town ("who are in Beijing
# for the forum") names no other occasion than the host's.
@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "O rei Felipe VI ofereceu um banquete no Palácio Real. Estavam à mesa o presidente "
     "argentino Javier Milei e o presidente chileno Gabriel Boric, que estão em Madri para o "
     "fórum ibero-americano."),
    ("en", "King Felipe VI gave a banquet at the Royal Palace. Among the guests were Argentine "
     "President Javier Milei and Chilean President Gabriel Boric, who are in Madrid for the "
     "Ibero-American forum."),
])
def test_a_relative_clause_about_the_guests_is_no_other_occasion(real: Matcher, lang: str,
                                                                 text: str) -> None:
    assert ("felipe-vi", "gabriel-boric", "took_place") in _found(real, lang, text)


# Class 5: the host named after a contracted preposition ("oferecido pelo presidente").
def test_a_dinner_offered_by_the_titled_host_in_portuguese(real: Matcher) -> None:
    text = ("O primeiro-ministro Keir Starmer participou do jantar oferecido pelo presidente "
            "francês, Emmanuel Macron, no Eliseu.")
    assert ("emmanuel-macron", "keir-starmer", "took_place") in _found(real, "pt", text)


# Class 6: hosted occasions named by nouns and forms the lexicons lacked (a working
# dinner, the celebrations, a parade, a conference), and arrivals split by the verb frame.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("nl", "Premier Dick Schoof gaf een werkdiner in het Catshuis. De Belgische premier Bart "
     "De Wever was aanwezig.", ("dick-schoof", "bart-de-wever", "took_place")),
    ("no", "Statsminister Jonas Gahr Støre var i går vert for et toppmøte i Oslo. Sveriges "
     "statsminister Ulf Kristersson deltok.", ("jonas-gahr-store", "ulf-kristersson",
                                                  "took_place")),
    ("de", "Der kanadische Premierminister Mark Carney traf am Dienstag in Berlin ein. Am "
     "Abend gab Bundeskanzler Friedrich Merz ein Essen.",
     ("friedrich-merz", "mark-carney", "took_place")),
])
def test_hosted_occasions_in_new_words(real: Matcher, lang: str, text: str,
                                       expected: tuple[str, str, str]) -> None:
    assert expected in _found(real, lang, text)


# Class 6: a pronoun (or "the guest") right after the host of a gathering is its guest:
# the one figure named before the host, in its sentence or the sentence before
# (hosts._pronoun_guests, the lexicons' `honoured_pronoun`).
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Canadian Prime Minister Mark Carney then drove on to Chequers, where Prime "
     "Minister Keir Starmer offered him a working lunch."),
    ("nl", "Daarna reed de Canadese premier Mark Carney door naar Chequers, waar premier Keir "
     "Starmer hem een werklunch aanbood."),
    ("de", "Der kanadische Premierminister Mark Carney besichtigte am Nachmittag den Hafen. Am "
     "Abend gab Premierminister Keir Starmer in Chequers ein Essen zu Ehren des Gastes."),
    ("es", "El primer ministro canadiense Mark Carney se trasladó después a Chequers, donde el "
     "primer ministro Keir Starmer le ofreció un almuerzo."),
    ("fr", "Le Premier ministre canadien Mark Carney s'est ensuite rendu à Chequers, où le "
     "Premier ministre Keir Starmer lui a offert un déjeuner."),
    ("ru", "Премьер-министр Канады Марк Карни осмотрел порт. Вечером премьер-министр Кир "
     "Стармер дал в его честь ужин в Чекерсе."),
])
def test_a_pronoun_guest_of_a_hosted_meal(real: Matcher, lang: str, text: str) -> None:
    assert ("keir-starmer", "mark-carney", "took_place") in _found(real, lang, text)


def test_a_pronoun_guest_needs_one_figure_before_the_host(real: Matcher) -> None:
    # two figures before: whose honour it is stays unsure
    text = ("Mark Carney and Emmanuel Macron toured the harbour. In the evening Keir Starmer "
            "gave a dinner in his honour.")
    found = {(a, b) for a, b, _ in _found(real, "en", text)}
    assert ("keir-starmer", "mark-carney") not in found
    assert ("keir-starmer", "emmanuel-macron") not in found


def test_an_office_seat_after_a_host_marker_is_where_not_who(real: Matcher) -> None:
    # the foreign ministry's seat names the place of the lunch, not its minister as host
    text = ("O primeiro-ministro Keir Starmer chegou a Brasília na segunda-feira. Na terça, "
            "participou de um almoço oferecido pelo governo no Itamaraty.")
    assert not any(inviter == "mauro-vieira" for inviter, _, _ in _found(real, "pt", text))
