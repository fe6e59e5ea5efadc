"""Issue 14, parties round: a country's office by its genitive or compound name, the other
office of a country, dated holders, names beyond the gazetteer in oblique cases, a title's
"de" that is no "invitation from", and an announcer before a colon."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from bot.matcher.countries import countries_from_data
from bot.matcher.local_names import _without_title_complement
from bot.matcher.names import nominative
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("text", "day", "expected"), [
    # de: the -s genitive of a country's name
    ("Bundeskanzler Olaf Scholz hat den Präsidenten Chiles nach Berlin eingeladen.",
     "2025-03-12", ("olaf-scholz", "gabriel-boric", "pending")),
    # pl: the dative of the other office ("prezydentowi Czech" is Pavel, not the premier)
    ("Prezydent Karol Nawrocki zaproponował prezydentowi Czech spotkanie w Cieszynie.",
     "2025-09-03", ("karol-nawrocki", "petr-pavel", "pending")),
    # tr: a compound with the possessive, in the accusative
    ("Cumhurbaşkanı Recep Tayyip Erdoğan, Azerbaycan Cumhurbaşkanını Ankara'ya davet etti.",
     "2025-05-13", ("recep-tayyip-erdogan", "ilham-aliyev", "pending")),
    # ja: the country's name and の before the office
    ("首相官邸は、インドネシアの大統領を国賓として招待したと発表した。",
     "2025-08-20", ("shigeru-ishiba", "prabowo-subianto", "pending")),
    # no: the genitive of the country; "Kong Harald"
    ("Kong Harald har invitert Finlands president til statsbesøk i Norge.",
     "2025-10-28", ("king-harald-v", "alexander-stubb", "pending")),
])
def test_an_office_by_the_countrys_genitive_or_compound(real: Matcher, text: str, day: str,
                                                        expected: tuple[str, str, str]) -> None:
    assert pairs(match_text(real, text, day)) == {expected}


def test_dated_holders_of_the_new_countries(real: Matcher) -> None:
    text = "El presidente ecuatoriano invitó al presidente uruguayo a Quito."
    assert pairs(match_text(real, text, "2022-05-01")) == {
        ("guillermo-lasso", "luis-lacalle-pou", "pending")}
    assert pairs(match_text(real, text, "2025-05-01")) == {
        ("daniel-noboa", "yamandu-orsi", "pending")}
    assert pairs(match_text(real, text, None)) == set()  # undated: no holder


def test_the_premier_template_takes_the_other_office() -> None:
    data = {"templates": {"en": {"president": ["{adj} president"],
                                 "premier": ["{adj} prime minister"]}},
            "countries": [{"code": "XX", "leader": "Xish Prime Minister",
                           "other_office": "Xish President", "en": {"adj": ["Xish"]}},
                          {"code": "YY", "leader": "Yish Prime Minister",
                           "en": {"adj": ["Yish"]}}]}
    titles = {s.phrase: s.leader_title for s in countries_from_data(data).stand_ins}
    assert titles == {"Xish president": "Xish President",
                      "Xish prime minister": "Xish Prime Minister",
                      "Yish prime minister": "Yish Prime Minister"}


def test_a_title_de_is_no_invitation_from(real: Matcher) -> None:
    text = ("El presidente chileno ha extendido una invitación al presidente de Brasil, Luiz "
            "Inácio Lula da Silva, para una cumbre en Valparaíso.")
    assert pairs(match_text(real, text, "2025-05-06")) == {
        ("gabriel-boric", "lula-da-silva", "pending")}
    # the owner of the event still invites
    text = "Giorgia Meloni recebeu um convite para a posse de Donald Trump em Washington."
    assert pairs(match_text(real, text, "2025-01-10")) == {
        ("donald-trump", "giorgia-meloni", "pending")}


def test_an_announcer_before_a_colon_is_no_guest(real: Matcher) -> None:
    text = "外交部发言人毛宁宣布：应国务院总理邀请，新加坡总理将于9月10日至13日对中国进行正式访问。"
    assert pairs(match_text(real, text, "2025-09-05")) == {
        ("li-qiang", "lawrence-wong", "accepted")}


def test_an_unknown_inviter_before_a_verb_is_kept(real: Matcher) -> None:
    text = ("Auf Einladung der Oberbürgermeisterin Katrin Albrecht besucht Bundeskanzler "
            "Friedrich Merz im Oktober Leipzig.")
    found = pairs(match_text(real, text, "2025-09-10"))
    assert {(a, b) for a, b, _ in found} == {("Katrin Albrecht", "friedrich-merz")}


@pytest.mark.parametrize(("name", "lang", "following", "expected"), [
    ("Aleksandry Kłos", "pl", None, "Aleksandra Kłos"),
    ("Olgi Tokarczuk", "pl", None, "Olga Tokarczuk"),
    ("Marii Zając", "pl", None, "Maria Zając"),
    ("Jany Novákové", "cs", None, "Jana Nováková"),
    ("Jerzy Buzek", "pl", None, "Jerzy Buzek"),
    ("Jana Kowalskiego", "pl", None, "Jan Kowalski"),
    ("Анна Петрова", "ru", " пригласила", "Анна Петрова"),
    ("Віктора Самойлова", "uk", ", і", "Віктор Самойлов"),
])
def test_names_in_oblique_cases(name: str, lang: str, following: str | None,
                                expected: str) -> None:
    assert nominative(name, lang, following) == expected


def test_a_towns_genitive_after_a_title_is_no_part_of_the_name() -> None:
    text = "zaproszenie od prezydent Gdyni Aleksandry Kłos"
    start = text.index("Gdyni")
    assert _without_title_complement(text, start, "Gdyni Aleksandry Kłos", "pl")[1] == \
        "Aleksandry Kłos"
    text = "Мэр Самары Анна Петрова"
    assert _without_title_complement(text, 4, "Самары Анна Петрова", "ru",
                                     frozenset(["мэр"]))[1] == "Анна Петрова"
