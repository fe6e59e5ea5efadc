"""Transcripts addressing one person (issue 14, transcripts round): "I invite you" in the
first-class languages, vocatives naming the "you", the formal "La invito" that is not
"her", and greeting formulas that name nobody. Texts written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher
from bot.matcher.lexicon import load_lexicons
from bot.matcher.names import name_sequences
from bot.matcher.transcript import _procedure, find_phrase, phrase_possible
from tests.support.matching import pairs

PUTIN, TOKAYEV = "vladimir-putin", "kassym-jomart-tokayev"
MELONI, SANCHEZ, MACRON = "giorgia-meloni", "pedro-sanchez", "emmanuel-macron"
ZELENSKY, BETTEL = "volodymyr-zelensky", "xavier-bettel"
FIRST_CLASS = ("en", "de", "fr", "es", "it", "pt", "ru", "uk")


def _match(matcher: Matcher, text: str, title: str, date: str | None = "2025-03-12"
           ) -> MatchResult:
    published = datetime.fromisoformat(date).replace(hour=12, tzinfo=UTC) if date else None
    return matcher.match(Article(key="t", text=text, title=title, published=published))


def test_a_vocative_makes_the_headlines_other_figure_the_you(real_matcher: Matcher) -> None:
    text = ("Vladimir Putin: Mr President, it is a pleasure to have you here. "
            "I invite you to come to Kazan next summer.")
    found = pairs(_match(real_matcher, text, "Talks with President of Kazakhstan "
                                             "Kassym-Jomart Tokayev"))
    assert found == {(PUTIN, TOKAYEV, "pending")}


def test_without_a_vocative_a_single_speakers_you_is_the_audience(real_matcher: Matcher) -> None:
    text = ("Vladimir Putin: It is a pleasure to have you here. "
            "I invite you to come to Kazan next summer.")
    found = pairs(_match(real_matcher, text, "Talks with President of Kazakhstan "
                                             "Kassym-Jomart Tokayev"))
    assert found == set()


def test_a_vocative_three_sentences_back_addresses_nobody(real_matcher: Matcher) -> None:
    text = ("Vladimir Putin: Mr President! We have built a new bridge. It carries trains. "
            "It carries cars. I invite you to come to Kazan next summer.")
    found = pairs(_match(real_matcher, text, "Talks with President of Kazakhstan "
                                             "Kassym-Jomart Tokayev"))
    assert found == set()


@pytest.mark.parametrize(("text", "title", "expected"), [
    # "La invito": the formal you, not "her" (Meloni, named before it)
    ("Giorgia Meloni: Signor Presidente, La invito a Napoli per il vertice.",
     "Colloquio tra Giorgia Meloni e Pedro Sánchez", (MELONI, SANCHEZ, "pending")),
    ("Pedro Sánchez: Presidenta Meloni, quiero invitarla a Granada.",
     "Conversación entre Pedro Sánchez y Giorgia Meloni", (SANCHEZ, MELONI, "pending")),
    ("Emmanuel Macron : Cher Pedro Sánchez, je vous invite à Lyon en septembre.",
     "Entretien entre Emmanuel Macron et Pedro Sánchez", (MACRON, SANCHEZ, "pending")),
])
def test_the_one_addressed_is_invited_never_the_inviter(
        real_matcher: Matcher, text: str, title: str, expected: tuple[str, str, str]) -> None:
    assert pairs(_match(real_matcher, text, title, "2025-06-10")) == {expected}


def test_a_name_after_a_preposition_is_a_co_host_not_the_one_addressed(
        real_matcher: Matcher) -> None:
    text = "Vladimir Putin: Together with President Tokayev, I invite you to the forum in Kazan."
    assert pairs(_match(real_matcher, text, "Forum in Kazan")) == set()


def test_a_role_vocative_resolves_to_the_headline_countrys_leader_on_the_date(
        real_matcher: Matcher) -> None:
    title = "Speech by President Volodymyr Zelensky to the Parliament of Luxembourg"
    text = "We are grateful for your help. Mr Prime Minister! I invite you to come to Odesa."
    assert pairs(_match(real_matcher, text, title, "2021-11-20")) == {
        (ZELENSKY, BETTEL, "pending")}
    # Undated: no title is resolved to a holder, so nobody is addressed.
    assert pairs(_match(real_matcher, text, title, None)) == set()


def test_the_speakers_own_countrys_leaders_are_not_addressed(real_matcher: Matcher) -> None:
    title = "Speech by President Volodymyr Zelensky in the Parliament of Ukraine"
    text = "We are grateful for your work. Mr Prime Minister! I invite you to come to Odesa."
    assert pairs(_match(real_matcher, text, title, "2023-11-20")) == set()


@pytest.mark.parametrize("text", [
    "Friedrich Merz: Herr Präsident, ich lade Sie ein, diesen Käse zu probieren.",
    "Emmanuel Macron : Monsieur le Président, je vous invite à le déguster.",
    "Vladimir Putin: Mr President, I invite you to taste this honey.",
])
def test_tasting_is_no_invitation(real_matcher: Matcher, text: str) -> None:
    assert pairs(_match(real_matcher, text, "Friedrich Merz, Emmanuel Macron and "
                                            "Vladimir Putin", "2025-06-10")) == set()


def test_a_greeting_formula_hosts_nothing(real_matcher: Matcher) -> None:
    text = "Friedrich Merz: Vielen Dank für die Einladung, ich bin gern nach Paris gekommen."
    found = pairs(_match(real_matcher, text, "Pressekonferenz", "2025-06-10"))
    assert not any("vielen" in party for pair in found for party in pair[:2]), found
    assert found == set()


def test_formula_words_cut_a_name_run_without_ending_the_name() -> None:
    text = "Vielen Dank, Herr Präsident. Danke Jana Kowalski."
    titles = frozenset({"herr", "präsident"})
    assert [n for _, _, n in name_sequences(text, frozenset(), titles)] == [
        "Vielen Dank", "Danke Jana Kowalski"]
    formulas = frozenset({"vielen", "dank", "danke"})
    assert [n for _, _, n in name_sequences(text, frozenset(), titles, formulas=formulas)] == [
        "Jana Kowalski"]


def test_a_gapped_phrase_holds_a_few_words_within_its_clause() -> None:
    phrase = "ich möchte sie ... einladen"
    sentence = "ich möchte sie im mai nach berlin einladen"
    assert find_phrase(sentence + ".", phrase) == (0, len(sentence))
    assert find_phrase("ich möchte sie fragen. wir werden ihn einladen.", phrase) is None
    assert find_phrase("ich möchte sie " + "sehr " * 12 + "einladen", phrase) is None
    assert phrase_possible("einladen? ich möchte sie fragen", phrase)  # necessary only
    assert not phrase_possible("ich möchte sie fragen", phrase)


def test_a_procedure_phrase_is_looked_for_in_the_first_words() -> None:
    phrases = ("zu probieren", "to take the floor")
    assert _procedure(" ein, diesen käse zu probieren.", phrases) is False  # fifth word
    assert _procedure(" ein, ihn zu probieren.", phrases)
    assert _procedure(" to take the floor.", phrases)
    assert not _procedure(" to visit berlin to take the floor", phrases)


def test_every_first_class_language_has_vocatives_and_formula_words() -> None:
    lexicons = load_lexicons()
    for lang in FIRST_CLASS:
        assert lexicons[lang].transcript.get("vocatives"), lang
        assert lexicons[lang].words("formula_words"), lang
        assert lexicons[lang].transcript.get("invite_you"), lang


# Issue 14 item 3: a capital standing for its leader after a seat of government.
ERDOGAN, LUKASHENKO = "recep-tayyip-erdogan", "alexander-lukashenko"


def test_a_capital_after_the_kremlin_is_its_leader_on_the_date(real_matcher: Matcher) -> None:
    text = "The Kremlin has invited Ankara to talks on grain corridors."
    assert pairs(_match(real_matcher, text, "Grain talks")) == {(PUTIN, ERDOGAN, "pending")}
    assert pairs(_match(real_matcher, text, "Grain talks", None)) == set()


def test_a_capital_invited_to_take_part_is_the_state(real_matcher: Matcher) -> None:
    text = "The Kremlin has invited Minsk to take part in the grain corridor scheme."
    assert pairs(_match(real_matcher, text, "Grain scheme")) == set()


def test_a_country_name_after_the_kremlin_still_stands_for_nobody(real_matcher: Matcher) -> None:
    text = "The Kremlin has invited Belarus to talks on grain corridors."
    assert (PUTIN, LUKASHENKO, "pending") not in pairs(_match(real_matcher, text, "Grain talks"))
