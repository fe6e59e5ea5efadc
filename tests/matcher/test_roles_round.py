"""Issue 14, roles round: parties named by role, counterpart, honorific, first name or an
inflected surname; hard negatives where a role must not resolve (a dateline, a former
holder, a first name inside another name)."""

from __future__ import annotations

import pytest

from bot.domain import MatchResult
from bot.matcher import Matcher
from bot.matcher.gazetteer import Figure
from bot.matcher.local_names import _without_title_complement
from bot.matcher.spotting import _dateline, _declined_surname, _first_names
from tests.support.matching import match_text

run = match_text


def pairs(result: MatchResult) -> set[tuple[str | None, str | None]]:
    return {(m.inviter.figure_id, m.invitee.figure_id) for m in result.mentions}


@pytest.mark.parametrize(("text", "expected"), [
    # a president's counterpart holds the other country's presidency, not its premiership
    ("French President Emmanuel Macron invited his Italian counterpart to Paris.",
     ("emmanuel-macron", "sergio-mattarella")),
    ("Italian Prime Minister Giorgia Meloni invited her French counterpart to Rome.",
     ("giorgia-meloni", "francois-bayrou")),
    ("O presidente Lula convidou o seu homólogo português para a cimeira em Brasília.",
     ("lula-da-silva", "marcelo-rebelo-de-sousa")),
    # the country's leader where the owner holds the leader's office
    ("Spanish Prime Minister Pedro Sánchez invited his Italian counterpart to Madrid.",
     ("pedro-sanchez", "giorgia-meloni")),
])
def test_a_counterpart_holds_the_owners_office(real: Matcher, text: str,
                                               expected: tuple[str, str]) -> None:
    assert expected in pairs(run(real, text))


def test_first_president_of_kazakhstan_is_an_honorific_of_one_man(real: Matcher) -> None:
    text = "Первый президент Казахстана пригласил Александра Лукашенко в Астану."
    assert pairs(run(real, text)) == {("nursultan-nazarbayev", "alexander-lukashenko")}
    assert pairs(run(real, text, None)) == {("nursultan-nazarbayev", "alexander-lukashenko")}


def test_a_first_name_alone_needs_the_full_name_in_the_article(real: Matcher) -> None:
    full = ("O Presidente Marcelo Rebelo de Sousa falou com Luiz Inácio Lula da Silva. "
            "\"Marcelo convidou Lula para vir a Lisboa\", disse um assessor.")
    assert ("marcelo-rebelo-de-sousa", "lula-da-silva") in pairs(run(real, full))
    alone = "Marcelo convidou Lula para vir a Lisboa, disse um assessor."
    assert all(p[0] != "marcelo-rebelo-de-sousa" for p in pairs(run(real, alone)))


def test_first_names_skip_titles_and_short_or_non_latin_words() -> None:
    assert _first_names(Figure("x", "Marcelo Rebelo de Sousa")) == ["Marcelo"]
    assert _first_names(Figure("x", "Pope Leo XIV")) == []
    assert _first_names(Figure("x", "King Charles III")) == []
    assert _first_names(Figure("x", "Xi Jinping")) == []  # too short to stand alone
    assert _first_names(Figure("x", "Tesla", kind="organisation")) == []


def test_a_cyrillic_surname_declines_alone(real: Matcher) -> None:
    assert {"Дуди", "Дуду", "Дудою", "Дудой"} <= set(_declined_surname("Дуда"))
    assert _declined_surname("Duda") == []
    text = ("Президент Казахстана Касым-Жомарт Токаев поговорил с президентом Польши Анджеем "
            "Дудой. Токаев пригласил Дуду посетить Астану.")
    assert ("kassym-jomart-tokayev", "andrzej-duda") in pairs(run(real, text, "2025-03-21"))


def test_a_genitive_place_after_a_slavic_title_completes_the_title() -> None:
    text = "Міський голова Ужгорода Тарас Мельничук запросив гостей."
    start = text.index("Ужгорода")
    assert _without_title_complement(text, start, "Ужгорода Тарас Мельничук")[1] == \
        "Тарас Мельничук"
    # a patronymic is part of the name
    text = "министр Мария Владимировна Захарова"
    start = text.index("Мария")
    assert _without_title_complement(text, start, "Мария Владимировна Захарова")[1] == \
        "Мария Владимировна Захарова"


def test_a_dateline_is_never_a_party(real: Matcher) -> None:
    text = "LONDON, June 3 - King Charles III hosted a dinner. A banker was also invited."
    assert _dateline(text, 0, len("LONDON"))
    assert not _dateline("London invited Paris.", 0, len("London"))
    assert pairs(run(real, text)) == set()


def test_a_former_holder_resolves_to_nobody(real: Matcher) -> None:
    text = "A former Brazilian president invited Keir Starmer to Rio."
    assert all(p[0] != "lula-da-silva" for p in pairs(run(real, text)))


def test_an_undated_counterpart_resolves_to_nobody(real: Matcher) -> None:
    text = "French President Emmanuel Macron invited his Italian counterpart to Paris."
    assert all(p[1] not in ("sergio-mattarella", "giorgia-meloni")
               for p in pairs(run(real, text, None)))


def test_a_vocative_title_opening_a_quote_is_no_subject(real: Matcher) -> None:
    text = ("Der ukrainische Präsident Wolodymyr Selenskyj hat Bundeskanzler Friedrich Merz in "
            "die Ukraine eingeladen. \"Herr Bundeskanzler, ich lade Sie ein, bald nach Kiew zu "
            "kommen\", sagte Selenskyj.")
    assert pairs(run(real, text, "2025-05-28")) == {("volodymyr-zelensky", "friedrich-merz")}


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("Bundespräsident Frank-Walter Steinmeier hat den Heiligen Vater nach Berlin eingeladen.",
     "2025-07-02", ("frank-walter-steinmeier", "pope-leo-xiv")),
    ("Le président Emmanuel Macron a invité le Saint-Père à Marseille.", "2023-06-01",
     ("emmanuel-macron", "pope-francis")),
])
def test_the_holy_father_is_the_pope_of_the_date(real: Matcher, text: str, day: str,
                                                 expected: tuple[str, str]) -> None:
    assert expected in pairs(run(real, text, day))
