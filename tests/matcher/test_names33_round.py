"""Issue 14, stop 33, names33 round: figures beyond the gazetteer — where a name's span ends,
what is no person, and the nominative of more declined names.

A titled name's "van <town>" is cut when the article names the person by the surname
alone; a Polish town's genitive before a man's nominative name is the title's town; a run
beside a common noun of a place or a body (`place_heads`) is that place; Georgian surnames
and -a given names come back to the nominative in Polish; an acronym title is written in
capitals; more role words (Polish "mer", Dutch, Norwegian, Turkish) and a title whose
complement holds "of" words. Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from bot.matcher.names import name_sequences, nominative
from tests.support.matching import match_text


def parties(matcher: Matcher, text: str, lang: str, day: str = "2026-03-02") -> set[str]:
    result = match_text(matcher, text, day, lang)
    return {p.figure_id or p.name for m in result.mentions for p in (m.inviter, m.invitee)}


def titled(matcher: Matcher, text: str, lang: str) -> list[str]:
    finder = matcher._local_finder(lang, matcher._lexicons_for(lang))
    return [n.name for n in finder.find(text, lang, []) if n.full]


# --- the nominative ----------------------------------------------------------------------------

@pytest.mark.parametrize(("written", "plain"), [
    ("Dawita Kezeraszwilego", "Dawit Kezeraszwili"),
    ("Zuraba Gogiczadzego", "Zurab Gogiczadze"),
    ("Kuby Wojtaszewskiego", "Kuba Wojtaszewski"),
])
def test_georgian_surnames_and_a_given_names_come_back_in_polish(written: str, plain: str) -> None:
    assert nominative(written, "pl") == plain


def test_jerzy_is_a_nominative_and_stays() -> None:
    # precision bound: a man's given name in -zy is no -a noun's genitive
    assert nominative("Jerzy Wojtaszewski", "pl") == "Jerzy Wojtaszewski"


# --- where a name ends --------------------------------------------------------------------------

def test_a_titled_name_of_a_town_loses_the_town_when_the_surname_stands_alone(
        matcher: Matcher) -> None:
    text = ("Burgemeester Anouk Jansen van Zwolle heeft de minister uitgenodigd. "
            "Jansen wil de nieuwe brug laten zien.")
    assert titled(matcher, text, "nl") == ["Anouk Jansen"]


def test_a_surname_particle_group_is_never_cut(matcher: Matcher) -> None:
    # precision bound: "van Dam" is the surname, and "Pieter" never stands alone
    text = "Burgemeester Jan Pieter van Dam opende de markt. Van Dam sprak kort."
    assert titled(matcher, text, "nl") == ["Jan Pieter van Dam"]


def test_a_polish_town_before_a_mans_nominative_name_is_the_titles(matcher: Matcher) -> None:
    text = "Prezydent Gdańska Tomasz Wiśniewski zaprosił gości na otwarcie mostu."
    assert titled(matcher, text, "pl") == ["Tomasz Wiśniewski"]


def test_the_mayor_of_a_foreign_town_in_polish(matcher: Matcher) -> None:
    text = "Na sesję przyjechał mer Wilna Jonas Petraitis z delegacją."
    assert titled(matcher, text, "pl") == ["Jonas Petraitis"]


@pytest.mark.parametrize(("text", "lang", "name"), [
    ("İzmir Büyükşehir Belediye Başkanı Cemil Tugay, konukları kente davet etti.", "tr",
     "Cemil Tugay"),
    ("Wethouder Marieke Jansen zei dat de stad klaar is.", "nl", "Marieke Jansen"),
    ("Statsråd Kari Nordheim sa at byen er klar.", "no", "Kari Nordheim"),
    ("O presidente da Câmara dos Deputados, Rui Almeida Costa, recebeu a delegação.", "pt",
     "Rui Almeida Costa"),
])
def test_more_role_words_make_a_titled_name(matcher: Matcher, text: str, lang: str,
                                            name: str) -> None:
    assert titled(matcher, text, lang) == [name]


# --- places and bodies are no persons ------------------------------------------------------------

@pytest.mark.parametrize(("text", "heads", "conjunctions"), [
    ("Les travaux de la gare de Villiers Champigny reprennent.", {"gare"}, set()),
    ("Путин принял гостей в Малом Георгиевском зале Кремля.", {"зале"}, set()),
    ("Bursa Ticaret ve Sanayi Odası açıklama yaptı.", {"odası"}, {"ve"}),
    ("Spotkanie odbędzie się w Pałacu Prezydenckim jutro.", {"pałacu"}, set()),
])
def test_a_run_beside_a_place_noun_names_the_place(text: str, heads: set[str],
                                                   conjunctions: set[str]) -> None:
    assert name_sequences(text, frozenset(), frozenset(), heads=frozenset(heads),
                          conjunctions=frozenset(conjunctions)) == []


def test_a_preposition_before_a_place_keeps_the_name() -> None:
    # precision bound: "na Dni Krakowa" after a name is no conjunction of one place's name
    text = "zaprosił Jana Kowalskiego na Dni Krakowa"
    assert [n for _, _, n in name_sequences(text, frozenset(), frozenset(),
                                            heads=frozenset({"dni"}),
                                            conjunctions=frozenset({"i"}))] == ["Jana Kowalskiego"]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Une journée portes ouvertes sur le chantier de la gare de Villiers Champigny."),
    ("pl", "Spotkanie odbędzie się na dworcu Gdańsk Wrzeszcz w sobotę."),
    ("tr", "Trabzon Ticaret ve Sanayi Odası başkanı konuştu."),
    ("ru", "Переговоры прошли в Большом Кремлёвском дворце."),
])
def test_the_lexicons_place_nouns_end_a_name(matcher: Matcher, lang: str, text: str) -> None:
    lexicon = matcher._lexicons_for(lang)[0]
    assert name_sequences(text, lexicon.words("name_stopwords"), lexicon.words("titles"),
                          heads=lexicon.words("place_heads"),
                          conjunctions=lexicon.words("conjunctions")) == []


def test_a_town_festival_is_no_acronym_title(matcher: Matcher) -> None:
    text = ("Prezydent Gdańska Tomasz Wiśniewski zaprosił premiera Donalda Tuska na czerwcowe "
            "Dni Gdańska.")
    found = parties(matcher, text, "pl")
    assert "tulsi-gabbard" not in found and "Dni Gdańska" not in found
    assert "Tomasz Wiśniewski" in found


@pytest.mark.parametrize(("written", "lang", "plain"), [
    ("Анной Петровой", "ru", "Анна Петрова"),
    ("Ольге Ивановой", "ru", "Ольга Иванова"),
    ("Марией Соколовой", "ru", "Мария Соколова"),
    ("Оленою Гайовою", "uk", "Олена Гайова"),
    ("Ганні Ковальській", "uk", "Ганна Ковальська"),
    ("Марією Ковальською", "uk", "Марія Ковальська"),
])
def test_a_womans_dative_and_instrumental_come_back_in_the_nominative(
        written: str, lang: str, plain: str) -> None:
    assert nominative(written, lang) == plain


@pytest.mark.parametrize("name", ["Андрей Луговой", "Сергей Шаховской", "Андрей Трубецкой"])
def test_a_mans_adjectival_surname_in_the_nominative_stays(name: str) -> None:
    # precision bound: "-ой" is also a man's nominative
    assert nominative(name, "ru") == name
