"""Issue 14, stop 30, fixu round: figures beyond the gazetteer and actors by role (issue 14
item 3), each construction in the languages where it exists. The sentences are written
here, about invented people or other figures than b15-check's; each case failed on main
23e4361."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DATE = "2025-10-14"


def _pair(result_pairs: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(inviter, invitee) for inviter, invitee, _ in result_pairs}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # a compound title opening the name's run: a party's abbreviation and a hyphen, or a
    # closed compound, is the person's role, never a given name
    ("Fractievoorzitter Sanne Kuipers nodigde premier Dick Schoof uit voor een debat in "
     "Zwolle.", "nl", ("Sanne Kuipers", "dick-schoof")),
    ("Partileder Ola Brekke inviterte statsminister Jonas Gahr Støre til et møte i Tromsø.",
     "no", ("Ola Brekke", "jonas-gahr-store")),
    ("Premier Dick Schoof heeft VVD-leider Anouk Verbeek uitgenodigd voor een gesprek op het "
     "Catshuis.", "nl", ("dick-schoof", "Anouk Verbeek")),
    ("Premier Dick Schoof heeft CDA-kandidaat Anouk Verbeek uitgenodigd voor een gesprek.",
     "nl", ("dick-schoof", "Anouk Verbeek")),
    ("Bundeskanzler Friedrich Merz hat SPD-Chefin Anna Lemberg zu einem Treffen ins "
     "Kanzleramt eingeladen. Lemberg sagte zu.", "de", ("friedrich-merz", "Anna Lemberg")),
    # a common word of the lexicon as a given name right after a role word
    ("Kenyan President William Ruto has invited President Duma Mokoena of Lesotho to a "
     "trade conference in Mombasa.", "en", ("william-ruto", "Duma Mokoena")),
    # the body completing a title in the genitive is no part of the name (pl, cs)
    ("Marszałek Senatu Tomasz Wesoły zaprosił premiera Donalda Tuska na uroczystość w "
     "Toruniu.", "pl", ("Tomasz Wesoły", "donald-tusk")),
    ("Przewodniczący Rady Najwyższej Litwy Jonas Petraitis zaprosił premiera Donalda Tuska "
     "do Wilna.", "pl", ("Jonas Petraitis", "donald-tusk")),
    # a soft "-nia" surname in the accusative goes back to the nominative
    ("Premier Donald Tusk zaprosił posła Piotra Kanię do Krakowa.", "pl",
     ("donald-tusk", "Piotr Kania")),
    ("Předseda Senátu Tomáš Novotný pozval premiéra Petra Fialu do Brna.", "cs",
     ("Tomáš Novotný", "petr-fiala")),
    # a foreign name in Chinese transliteration after a title, in katakana before one
    ("国家主席习近平邀请马尔代夫总统帕兰多出席峰会。帕兰多表示感谢。", "zh",
     ("xi-jinping", "帕兰多")),
    ("石破首相はモルディブのパランド大統領を東京に招待した。", "ja",
     ("shigeru-ishiba", "パランド")),
])
def test_unknown_person_with_a_role(real_matcher: Matcher, text: str, lang: str,
                                    expected: tuple[str, str]) -> None:
    assert expected in _pair(pairs(match_text(real_matcher, text, DATE, lang)))


def test_polish_adjectival_surname_later_in_the_genitive(real_matcher: Matcher) -> None:
    """"Wesołego" is the genitive of the surname named in full before: the same person."""
    text = ("Premier Donald Tusk zaprosił posła Tomasza Wesołego do Gdańska. Zaproszenie "
            "posła Wesołego przyjął z radością.")
    found = match_text(real_matcher, text, DATE, "pl")
    names = {m.invitee.name for m in found.mentions}
    assert "Tomasz Wesoły" in names
    assert "Tomasza Wesołego" not in names


def test_a_listed_title_stack_is_one_party(real_matcher: Matcher) -> None:
    """Two titles of one holder joined by the enumeration comma are one inviter."""
    text = "应中共中央总书记、国家主席邀请，俄罗斯总统普京将于5月7日至10日对中国进行国事访问。"
    found = _pair(pairs(match_text(real_matcher, text, DATE, "zh")))
    assert ("xi-jinping", "vladimir-putin") in found


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # the king by role, of the one country the article names with a king on its date; an
    # office of another kind reporting it in the same sentence does not block it
    ("Emmanuel Macron se rendra en Espagne en mai à l'invitation du roi, a annoncé l'Élysée.",
     "fr", ("felipe-vi", "emmanuel-macron")),
    ("Keir Starmer will travel to Morocco next month at the invitation of the king, his "
     "office said.", "en", ("mohammed-vi", "keir-starmer")),
    ("Giorgia Meloni si recherà in Marocco su invito del re, ha fatto sapere Palazzo Chigi.",
     "it", ("mohammed-vi", "giorgia-meloni")),
    ("Никол Пашинян посетит Марокко по приглашению короля.", "ru",
     ("mohammed-vi", "nikol-pashinyan")),
])
def test_king_by_role_through_the_country_and_date(real_matcher: Matcher, text: str,
                                                   lang: str, expected: tuple[str, str]) -> None:
    assert expected in _pair(pairs(match_text(real_matcher, text, DATE, lang)))


def test_the_king_resolves_only_in_a_dated_article(real_matcher: Matcher) -> None:
    """Dated, "the king" is the king of the country named on that date; undated, the
    article may be years old, so it is nobody."""
    text = ("Keir Starmer will travel to Morocco next month at the invitation of the king, his "
            "office said.")
    assert ("mohammed-vi", "keir-starmer") in _pair(pairs(match_text(real_matcher, text, DATE,
                                                                     "en")))
    assert not any(inviter == "mohammed-vi" for inviter, _, _ in
                   pairs(match_text(real_matcher, text, None, "en")))


def test_a_spokesperson_with_a_compound_title_is_no_party(real_matcher: Matcher) -> None:
    """A compound title makes a name a person's, not a party: the speaker of a reporting
    clause stays a source."""
    text = ("Partileder Kari Nordmann har invitert statsminister Jonas Gahr Støre til et møte i "
            "Bodø, sa pressesjef Lars Holm.")
    found = _pair(pairs(match_text(real_matcher, text, DATE, "no")))
    assert ("Kari Nordmann", "jonas-gahr-store") in found
    assert not any("Lars Holm" in pair for pair in found)
