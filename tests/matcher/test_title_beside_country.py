"""A country named as part of a party's title without an "of" ("South Korean President
Lee", "Canada's new prime minister", "prezydenta Finlandii", "президента Финляндии") is
the party's country, not the occasion's place; a country with a preposition between it and
the title still is the occasion's. Sentences written for these tests (tracker16 round,
issue 15: b15t read the invitee's country as the visit's); the shipped gazetteer."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "Prime Minister Keir Starmer has invited Canada's new prime minister, Mark "
               "Carney, to visit London for talks on trade.", "London"),
        ("en", "Anthony Albanese has invited South Korean President Lee Jae-myung to make a "
               "state visit to Canberra.", "Canberra"),
        ("en", "Ursula von der Leyen has invited Indian Prime Minister Narendra Modi to a "
               "summit in Brussels.", "Brussels"),
        ("pl", "Premier Donald Tusk zaprosił prezydenta Finlandii Alexandra Stubba na "
               "rozmowy w Warszawie.", "Warsaw"),
        ("ru", "Владимир Путин пригласил президента Финляндии Александра Стубба посетить "
               "Санкт-Петербург.", "St. Petersburg"),
        ("de", "Bundeskanzler Friedrich Merz hat Kanadas Premierminister Mark Carney zu einem "
               "Besuch in Berlin eingeladen.", "Berlin"),
        ("tr", "Cumhurbaşkanı Recep Tayyip Erdoğan, Macaristan Başbakanı Viktor Orbán'ı "
               "Ankara'ya resmi ziyarete davet etti.", "Ankara"),
        ("no", "Statsminister Jonas Gahr Støre har invitert Finlands president Alexander "
               "Stubb til samtaler i Oslo.", "Oslo"),
        # a preposition between: the place is the occasion's
        ("en", "Keir Starmer invited Mark Carney to Canada's capital for talks.", "Canada"),
        ("en", "Keir Starmer has invited Mark Carney to visit Canada next year.", "Canada"),
    ],
)
def test_a_country_beside_its_leaders_title_is_no_place(real_matcher: Matcher, lang: str,
                                                        text: str, place: str | None) -> None:
    result = match_text(real_matcher, text, "2025-04-09", lang)
    assert result.mentions
    assert {m.occasion.place for m in result.mentions} == {place}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a preposition before the place: the title after it is the next party's
        ("Mette Frederiksen przyjęła w piątek w Kopenhadze premiera Norwegii Jonasa Gahra "
         "Støre.", "Copenhagen"),
        ("Xi Jinping accepted an invitation to Moscow President Vladimir Putin extended in "
         "March.", "Moscow"),
    ],
)
def test_a_place_after_a_preposition_keeps_a_title_that_follows(real_matcher: Matcher,
                                                                 text: str, kept: str) -> None:
    places = real_matcher._resources.places.occasion_places(text)
    assert kept in {hit.canonical for hit in places}
