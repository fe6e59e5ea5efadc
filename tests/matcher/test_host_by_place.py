"""Issue 14, hostinf round (blind set matcher-held/b13-hostinf): the host of a visit inferred
from where it is (bot/matcher/host_by_place.py, lexicons/_host_by_place.toml): a leader who
travels to another country and a leader of that country meeting him there, in that sentence
or the next, with no hosting or invitation word."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.host_by_place import (
    PlaceHostWords,
    load_place_hosts,
    place_countries,
    place_hosts_from_data,
)
from bot.matcher.lexicon import default_lexicon_dir
from tests.support.matching import match_text, pairs

WORDS = load_place_hosts(default_lexicon_dir() / "_host_by_place.toml",
                         default_lexicon_dir() / "_countries.toml")




@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("en", "Narendra Modi arrived in Moscow on Tuesday night. He and Vladimir Putin talked "
           "about fertiliser deliveries over dinner.",
     "2025-12-03", {("vladimir-putin", "narendra-modi", "took_place")}),
    ("de", "Der brasilianische Präsident Lula ist am Montag in Berlin eingetroffen. Mit "
           "Bundeskanzler Friedrich Merz sprach er über das Mercosur-Abkommen.",
     "2025-11-17", {("friedrich-merz", "lula-da-silva", "took_place")}),
    ("ru", "Президент Бразилии Лула прибыл в Пекин. В Доме народных собраний он провёл "
           "переговоры с Си Цзиньпином.",
     "2025-05-13", {("xi-jinping", "lula-da-silva", "took_place")}),
    ("pl", "Premier Donald Tusk przyleciał w czwartek do francuskiej stolicy. Tam rozmawiał z "
           "prezydentem Emmanuelem Macronem o obronności.",
     "2025-05-08", {("emmanuel-macron", "donald-tusk", "took_place")}),
])
def test_a_leader_met_in_the_country_he_arrived_in_hosts_him(
        real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """"X arrived in Moscow. He and Putin talked": the place's leader hosts the traveller."""
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("en", "Keir Starmer will travel to Tokyo next week and is expected to hold talks with "
           "Prime Minister Sanae Takaichi on defence exports.",
     "2026-01-12", {("sanae-takaichi", "keir-starmer", "accepted")}),
    ("it", "Il cancelliere Friedrich Merz sarà a Roma giovedì. Nella capitale italiana avrà "
           "un colloquio con la premier Giorgia Meloni.",
     "2025-09-15", {("giorgia-meloni", "friedrich-merz", "accepted")}),
    ("ja", "高市早苗首相は来月、韓国を訪問する方向で調整している。李在明大統領と会談する。",
     "2026-01-10", {("lee-jae-myung", "sanae-takaichi", "pending")}),
])
def test_the_status_is_the_tense_of_the_trip(real: Matcher, lang: str, text: str, day: str,
                                             expected: set[tuple[str, str, str]]) -> None:
    """Announced = accepted ("will travel", "sarà a"), being arranged = pending ("調整")."""
    assert pairs(match_text(real, text, day, lang)) == expected


def test_a_residence_places_the_visit(real: Matcher) -> None:
    """"à l'Élysée": being at the French president's palace is being in France."""
    found = match_text(real, "Le chancelier Friedrich Merz sera à l'Élysée lundi pour un dîner "
                             "de travail avec Emmanuel Macron.", "2025-06-20", "fr")
    assert pairs(found) == {("emmanuel-macron", "friedrich-merz", "accepted")}


def test_the_inference_is_less_sure_than_an_explicit_hosting(real: Matcher) -> None:
    found = match_text(real, "Narendra Modi arrived in Moscow on Tuesday night. He and "
                             "Vladimir Putin talked about fertiliser deliveries over dinner.",
                       "2025-12-03", "en")
    assert [m.confidence for m in found.mentions] == [CONFIDENCE.host_by_place]
    assert CONFIDENCE.host_by_place < CONFIDENCE.hosted_guest


@pytest.mark.parametrize(("lang", "text", "day"), [
    # an international body's seat: the US president hosts no one at the UN
    ("en", "Emmanuel Macron arrived in New York for the UN General Assembly, where Donald "
           "Trump met him briefly.", "2025-09-22"),
    # the leader's own country: a domestic trip
    ("de", "Friedrich Merz ist am Dienstag in Dresden eingetroffen. Dort sprach er mit "
           "Emmanuel Macron am Telefon.", "2025-08-19"),
    # a third country whose leader is not named: nobody hosts
    ("en", "Donald Trump and Xi Jinping arrived in Busan for the APEC summit and held talks on "
           "tariffs.", "2025-10-30"),
    # a meeting alone in a city: an observation, no hosted visit
    ("en", "Emmanuel Macron met Lula in Paris on Monday.", "2025-06-02"),
    # the trip in a relative clause after its traveller (a chronicle's backdrop)
    ("en", "Vladimir Putin held talks with Narendra Modi, who arrived in Russia on an official "
           "visit.", "2025-12-03"),
    # the host's own readout: the host the subject, the guest after the meeting word
    ("en", "Narendra Modi arrived in Moscow on Tuesday. Vladimir Putin held talks with "
           "Narendra Modi in the Kremlin.", "2025-12-03"),
    # hedged: no pair
    ("en", "Narendra Modi could travel to Moscow next month and meet Vladimir Putin.",
     "2025-12-03"),
    # another year: another occasion
    ("en", "Narendra Modi arrived in Moscow in 2019 and held talks with Vladimir Putin.",
     "2025-12-03"),
    # a dateline is where the news comes from, not where the visit is
    ("nl", "DEN HAAG (ANP) - Premier Dick Schoof is in Brussel aangekomen voor overleg met "
           "president Emmanuel Macron.", "2025-06-24"),
])
def test_no_host_from_the_place(real: Matcher, lang: str, text: str, day: str) -> None:
    assert pairs(match_text(real, text, day, lang)) == set()


def test_a_guest_invited_in_the_article_keeps_his_inviter(real: Matcher) -> None:
    """The leaders a guest meets on a visit made at someone's invitation are its programme."""
    found = match_text(real, "At the invitation of King Charles III, Donald Trump arrived in "
                             "London on Tuesday. He held talks with Keir Starmer at Chequers.",
                       "2025-09-16", "en")
    assert ("keir-starmer", "donald-trump") not in {(i, g) for i, g, _ in pairs(found)}


@pytest.mark.parametrize(("lang", "text", "code"), [
    ("it", "Nella capitale giapponese avrà un colloquio", "JP"),
    ("ru", "В китайской столице запланированы переговоры", "CN"),
    ("pl", "W ukraińskiej stolicy spotka się z prezydentem", "UA"),
    ("tr", "Japon başkentinde bir araya gelecek", "JP"),
    ("en", "In the Austrian capital he met the chancellor", "AT"),
    ("en", "In the Australian capital he met the prime minister", "AU"),
    ("fr", "Un dîner à l'Élysée", "FR"),
    ("ja", "首相官邸で会談した", "JP"),
])
def test_capitals_by_adjective_and_residences_name_their_country(lang: str, text: str,
                                                                 code: str) -> None:
    assert place_countries(text, lang, WORDS) == {code}


def test_every_language_of_the_blind_set_has_its_lists() -> None:
    langs = {"en", "de", "fr", "es", "it", "pt", "ru", "uk", "ja", "zh", "tr", "no", "nl", "pl"}
    assert langs <= set(WORDS.languages)
    for lang in langs:
        assert WORDS.languages[lang].patterns["travel"] is not None, lang
        assert WORDS.languages[lang].patterns["encounter"] is not None, lang


def test_a_bad_table_names_its_key() -> None:
    with pytest.raises(ConfigError, match=r"languages\.en: unknown keys"):
        place_hosts_from_data({"languages": {"en": {"travels": ["arrived in"]}}}, {})
    with pytest.raises(ConfigError, match=r"residences\.RU"):
        place_hosts_from_data({"residences": {"RU": "Kremlin"}}, {})


def test_a_missing_file_infers_nothing(tmp_path: Path) -> None:
    assert load_place_hosts(tmp_path / "absent.toml") == PlaceHostWords()
