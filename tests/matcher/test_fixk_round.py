"""Issue 14, stop 31, fixk round: names that put the family name first. A later mention of
"Lee Jae-myung", "Hun Manet" or "Lai Ching-te" by one word uses the FIRST word ("Lee",
"Hun", "Lai"), never the last; the order is a data fact (`_countries.toml`
`family_name_first`, a figure's own `name_order`). Sentences written here; each case
failed on main f37d153."""

from __future__ import annotations

import pytest

from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.countries import CountryWords, countries_from_data
from bot.matcher.gazetteer import gazetteer_from_data
from bot.matcher.spotting import CommonWords, FigureSpotter
from tests.support.matching import match_text, pairs

DATE = "2026-02-10"


def _pair(found: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(inviter, invitee) for inviter, invitee, _ in found}


# The paragraph before the short mention has another subject, so only the family name
# can say who invites.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("South Korean President Lee Jae-myung arrived in Berlin on Tuesday. Chancellor Friedrich "
     "Merz received him at the Chancellery.\n\nForeign Minister Johann Wadephul spoke of a new "
     "partnership with Seoul.\n\nOn Wednesday Lee asked Merz to come to Seoul in the autumn.",
     "en", ("lee-jae-myung", "friedrich-merz")),
    ("Der südkoreanische Präsident Lee Jae-myung ist am Dienstag in Berlin eingetroffen. "
     "Bundeskanzler Friedrich Merz empfing ihn im Kanzleramt.\n\nAußenminister Johann "
     "Wadephul sprach von einer neuen Partnerschaft.\n\nAm Mittwoch lud Lee den Kanzler nach "
     "Seoul ein.", "de", ("lee-jae-myung", "friedrich-merz")),
    ("Le président sud-coréen Lee Jae-myung est arrivé mardi à Paris. Emmanuel Macron l'a reçu "
     "à l'Élysée.\n\nLe ministre Jean-Noël Barrot a parlé d'un nouveau partenariat.\n\n"
     "Mercredi, Lee a invité Macron à venir à Séoul.", "fr",
     ("lee-jae-myung", "emmanuel-macron")),
    ("El primer ministro camboyano Hun Manet llegó el lunes a Madrid. Pedro Sánchez lo recibió "
     "en la Moncloa.\n\nEl ministro José Manuel Albares habló de una nueva etapa.\n\nEl "
     "martes, Hun invitó a Sánchez a visitar Phnom Penh.", "es", ("hun-manet", "pedro-sanchez")),
    ("De Zuid-Koreaanse president Lee Jae-myung kwam dinsdag aan in Den Haag. Premier Dick "
     "Schoof ontving hem in het Catshuis.\n\nMinister David van Weel sprak van een nieuwe "
     "samenwerking.\n\nWoensdag nodigde Lee Schoof uit voor een bezoek aan Seoul.", "nl",
     ("lee-jae-myung", "dick-schoof")),
    ("O presidente sul-coreano Lee Jae-myung chegou na terça-feira a Brasília. Lula o recebeu "
     "no Planalto.\n\nO ministro Mauro Vieira falou de uma nova parceria.\n\nNa quarta-feira, "
     "Lee convidou Lula a visitar Seul.", "pt", ("lee-jae-myung", "lula-da-silva")),
])
def test_the_family_name_alone_stands_for_a_family_name_first_figure(
        real: Matcher, text: str, lang: str, expected: tuple[str, str]) -> None:
    assert expected in _pair(pairs(match_text(real, text, DATE, lang)))


FIGURES = {"figures": [
    {"id": "kr-person", "name": "Pak Min-su", "country": "KR"},
    {"id": "cn-given-first", "name": "Tony Zhou", "country": "CN", "name_order": "given_first"},
    {"id": "sg-family-first", "name": "Tan Wei Ming", "country": "SG",
     "name_order": "family_first"},
    {"id": "vn-person", "name": "Tran Van Hai", "country": "VN"},
]}
COUNTRIES = CountryWords(family_name_first=frozenset({"KR", "CN"}))


def _found(text: str) -> list[tuple[str, str, int]]:
    spotter = FigureSpotter(gazetteer_from_data(FIGURES), CommonWords(frozenset(), ()),
                            COUNTRIES)
    return [(h.figure_id, h.surface, h.start) for h in spotter.spot(text, None)]


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the country's order: the first word, never the given name
    ("Pak Min-su spoke first. Later Pak left.", ("kr-person", "Pak"), "Min-su"),
    # a figure's own order beats the country's (given name first: the last word; the
    # given name alone stays the "disse Marcelo" first name, looked for apart)
    ("Tony Zhou spoke first. Later Zhou left.", ("cn-given-first", "Zhou"), None),
    # and applies where the country has none
    ("Tan Wei Ming spoke first. Later Tan left.", ("sg-family-first", "Tan"), "Ming"),
    # a country outside the list keeps the last word (Vietnamese: the given name)
    ("Tran Van Hai spoke first. Later Hai left.", ("vn-person", "Hai"), None),
])
def test_name_order_picks_the_word_a_later_mention_uses(
        text: str, expected: tuple[str, str], absent: str | None) -> None:
    later = text.index("Later")
    hits = [(figure_id, surface) for figure_id, surface, start in _found(f"{text} {absent or ''}?")
            if start > later]
    assert expected in hits
    assert all(surface != absent for _, surface in hits)


def test_name_order_is_checked_in_figures_and_countries_data() -> None:
    with pytest.raises(ConfigError, match="name_order"):
        gazetteer_from_data({"figures": [{"id": "x", "name": "Ab Cd",
                                          "name_order": "surname_first"}]})
    words = countries_from_data({"family_name_first": ["kr", "KH"]})
    assert words.family_name_first == frozenset({"KR", "KH"})
