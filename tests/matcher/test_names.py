"""Unknown names back in the nominative; declined names before a regnal number."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from bot.domain import MatchResult
from bot.matcher.gazetteer import gazetteer_from_data
from bot.matcher.names import nominative
from bot.matcher.spotting import FigureSpotter


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("Папу Лева XIV", "uk", "Папа Лев XIV"),
        ("Папою Левом XIV", "uk", "Папа Лев XIV"),
        ("Папа Лев XIV", "uk", "Папа Лев XIV"),
        ("Ивана Петрова", "ru", "Иван Петров"),
        ("Сергея Иванова", "ru", "Сергей Иванов"),
        ("Виктору Орбану", "ru", "Виктор Орбан"),
        ("Иваном Петровым", "ru", "Иван Петров"),
        # Ukrainian given names in -о ("Петро", "Михайло") decline like -а nouns.
        ("Петра Іваненка", "uk", "Петро Іваненко"),
        ("Михайла Федоренка", "uk", "Михайло Федоренко"),
        ("Олександра Вілкула", "uk", "Олександр Вілкул"),
        # Polish, Czech: adjectival and consonant-stem surnames, with the given name.
        ("Jana Kowalskiego", "pl", "Jan Kowalski"),
        ("Janowi Kowalskiemu", "pl", "Jan Kowalski"),
        ("Janem Kowalskim", "pl", "Jan Kowalski"),
        ("Donalda Tuska", "pl", "Donald Tusk"),
        ("Tomasza Siemoniaka", "pl", "Tomasz Siemoniak"),
        ("Jana Nováka", "cs", "Jan Novák"),
        ("Janu Novákovi", "cs", "Jan Novák"),
        ("Janem Novákem", "cs", "Jan Novák"),
        ("Petra Fialu", "cs", "Petr Fiala"),
        ("Jana Malého", "cs", "Jan Malý"),
        # Nominatives stay, feminine ones included.
        ("Jan Kowalski", "pl", "Jan Kowalski"),
        ("Anna Kowalska", "pl", "Anna Kowalska"),
        ("Jana Nováková", "cs", "Jana Nováková"),
        ("Ewa Kopacz", "pl", "Ewa Kopacz"),
        ("Petr Fiala", "cs", "Petr Fiala"),
    ],
)
def test_nominative(name: str, lang: str, expected: str) -> None:
    assert nominative(name, lang) == expected


@pytest.mark.parametrize(("name", "preceding", "expected"), [
    ("Γιάννη Παπαδόπουλο", "κάλεσε τον δήμαρχο ", "Γιάννης Παπαδόπουλος"),
    ("Κώστα Παπαδόπουλου", "την πρόσκληση του ", "Κώστας Παπαδόπουλος"),
    ("Γιάννης Παπαδόπουλος", "Ο δήμαρχος ", "Γιάννης Παπαδόπουλος"),
    ("Μαρία Παπαδοπούλου", "η δήμαρχος ", "Μαρία Παπαδοπούλου"),
])
def test_greek_names_after_a_masculine_article(name: str, preceding: str, expected: str) -> None:
    assert nominative(name, "el", None, preceding) == expected


@pytest.mark.parametrize(("following", "expected"), [
    (" sagte am Montag", "Jens Wolters"),  # before a verb: the name itself
    (" Einladung", "Jens Wolter"),  # before a noun: a genitive -s
])
def test_a_german_genitive_s_only_before_a_noun(following: str, expected: str) -> None:
    assert nominative("Jens Wolters", "de", following) == expected


@pytest.mark.parametrize("text", ["з Папою Левом XIV", "запросив Папу Лева XIV", "Льва XIV",
                                  "Леву XIV"])
def test_declined_name_before_a_regnal_number_is_found(text: str) -> None:
    gazetteer = gazetteer_from_data({"figures": [
        {"id": "leo", "name": "Pope Leo XIV", "aliases": ["Лев XIV", "Льва XIV"]}]})
    assert [h.figure_id for h in FigureSpotter(gazetteer).spot(text, None)] == ["leo"]


@pytest.mark.parametrize("text", ["приглашение председателю КНР", "встреча с председателем КНР",
                                  "запрошення президента України", "прес-секретаря Кремля"])
def test_a_cyrillic_title_declines_its_first_word(text: str) -> None:
    gazetteer = gazetteer_from_data({"figures": [
        {"id": "xi", "name": "Xi Jinping",
         "roles": [{"titles": ["председатель КНР"], "from": date(2013, 3, 14)}]},
        {"id": "zelensky", "name": "Volodymyr Zelensky",
         "roles": [{"titles": ["президент України"], "from": date(2019, 5, 20)}]},
        {"id": "peskov", "name": "Dmitry Peskov",
         "roles": [{"titles": ["прес-секретар Кремля"], "from": date(2012, 5, 22)}]},
    ]})
    hits = FigureSpotter(gazetteer).spot(text, date(2024, 1, 1))
    assert len(hits) == 1 and hits[0].figure_id in {"xi", "zelensky", "peskov"}


@pytest.mark.parametrize(
    ("name", "preceding", "expected"),
    [
        # a woman's undeclined surname after an accusative title: her given name declines
        ("Байбу Браже", "главу МИД Латвии ", "Байба Браже"),
        ("Байбу Браже", "иностранных дел Латвии ", "Байба Браже"),
        ("Байбу Браже", "закордонних справ Латвії ", "Байба Браже"),
        # without such a title "-у" may be a man's dative: left as written
        ("Маргусу Цахкне", "направил приглашение ", "Маргусу Цахкне"),
        # a man's accusative given name: the surname in -у is an -а noun's accusative
        ("Маргуса Цахкну", "главу МИД Эстонии ", "Маргус Цахкна"),
        ("Ивана Петрова", "пригласил ", "Иван Петров"),
    ],
)
def test_nominative_of_titled_names(name: str, preceding: str, expected: str) -> None:
    assert nominative(name, "ru", " в Москву", preceding) == expected


def test_an_abbreviated_body_after_a_title_is_part_of_the_title(
        match: Callable[..., MatchResult]) -> None:
    found = {(m.inviter.figure_id or m.inviter.name, m.invitee.figure_id or m.invitee.name)
             for m in match("Владимир Путин пригласил главу МИД Эстонии Маргуса Цахкну в Москву.")
             .mentions}
    assert found == {("vladimir-putin", "Маргус Цахкна")}
