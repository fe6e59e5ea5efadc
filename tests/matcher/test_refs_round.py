"""Issue 14/15, refs round: parties given by description or pronoun across sentences.

A description by occupation ("the billionaire", "der Milliardär", "el multimillonario") is
the one figure of that category named outside its sentence, and an unnamed stranger when
none is, so its sentence borrows nobody's subject; "el mandatario" / "o mandatário" is the
one head of state or government named; a verb-second language's sentence-initial "Sie"
is the subject, not a clitic object; Dutch, Norwegian and Polish pronouns carry a gender
that picks their antecedent (feminine past tense "zaprosiła" too)."""

from __future__ import annotations

import pytest

from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.bare_titles import BareTitleResolver, bare_titles_from_data
from bot.matcher.gazetteer import Figure, Gazetteer
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("text", "expected"), [
    # es, pt: "el mandatario" is the one leader named before; the clitic the other figure
    ("El presidente Javier Milei se reunió este lunes con Jeff Bezos en Buenos Aires. "
     "El mandatario lo invitó a la inauguración del nuevo puerto en Rosario.",
     ("javier-milei", "jeff-bezos", "pending")),
    ("O presidente Lula recebeu Jeff Bezos em Brasília. O mandatário convidou-o para a "
     "COP30 em Belém.", ("lula-da-silva", "jeff-bezos", "pending")),
    # es: the answer of "el multimillonario" is the business figure's
    ("Javier Milei invitó a Jeff Bezos a la inauguración del nuevo puerto. El "
     "multimillonario aceptó la invitación, según la Casa Rosada.",
     ("javier-milei", "jeff-bezos", "accepted")),
])
def test_a_description_stands_for_the_figure_it_fits(real: Matcher, text: str,
                                                     expected: tuple[str, str, str]) -> None:
    assert pairs(match_text(real, text, "2025-05-12")) == {expected}


@pytest.mark.parametrize("text", [
    "Keir Starmer opened a science park in Oxford on Monday. The billionaire behind the "
    "project invited Emmanuel Macron to see it in June.",
    "Bundeskanzler Friedrich Merz hat am Montag in Berlin Start-ups besucht. Der Milliardär, "
    "der die Messe finanziert, lud den Bundespräsidenten zu einem Besuch seiner Fabrik ein.",
])
def test_a_description_that_fits_nobody_named_borrows_no_subject(real: Matcher,
                                                                 text: str) -> None:
    assert pairs(match_text(real, text, "2025-05-12")) == set()


def test_a_category_kind_holds_for_figures_of_that_category() -> None:
    words = bare_titles_from_data({"kinds": {"president": ["President of *"]},
                                   "categories": {"business": ["business"]},
                                   "en": {"business": ["the billionaire"]}})
    assert words.kinds["business"] == ()
    gazetteer = Gazetteer([Figure("tycoon", "Ann Tycoon", category="business"),
                           Figure("leader", "Bob Leader", category="head_of_state")])
    resolver = BareTitleResolver(gazetteer, words)
    assert resolver.holds("tycoon", "business", None)
    assert not resolver.holds("leader", "business", None)


def test_a_kind_is_either_titles_or_a_category() -> None:
    with pytest.raises(ConfigError):
        bare_titles_from_data({"kinds": {"business": ["* CEO"]},
                               "categories": {"business": ["business"]}})


@pytest.mark.parametrize(("text", "day", "expected"), [
    # de: a sentence-initial "Sie" before the finite verb is the subject, not "her"
    ("Ursula von der Leyen hat am Montag in Brüssel mit Friedrich Merz gesprochen. Sie lud "
     "den Kanzler zu einem Gipfel im Dezember ein.", "2025-11-12",
     ("ursula-von-der-leyen", "friedrich-merz", "pending")),
    # nl, no, pl: the feminine pronoun picks the woman, whichever was named first
    ("Premier Dick Schoof sprak maandag in Rome met Giorgia Meloni. Zij nodigde hem uit voor "
     "een bezoek aan Napels in juni.", "2025-05-12",
     ("giorgia-meloni", "dick-schoof", "pending")),
    ("Statsminister Jonas Gahr Støre møtte mandag Giorgia Meloni i Roma. Hun inviterte ham "
     "til et besøk i Napoli i juni.", "2025-05-12",
     ("giorgia-meloni", "jonas-gahr-store", "pending")),
    ("Premier Donald Tusk rozmawiał w poniedziałek z Giorgią Meloni w Rzymie. Ona zaprosiła "
     "go na szczyt w Neapolu w czerwcu.", "2025-09-12",
     ("giorgia-meloni", "donald-tusk", "pending")),
    # pl: the subject left unsaid, a woman by the verb's ending
    ("Premier Donald Tusk rozmawiał w poniedziałek z Giorgią Meloni w Rzymie. Zaprosiła go "
     "na szczyt w Neapolu w czerwcu.", "2025-09-12",
     ("giorgia-meloni", "donald-tusk", "pending")),
])
def test_a_pronoun_subject_by_gender_and_word_order(real: Matcher, text: str, day: str,
                                                    expected: tuple[str, str, str]) -> None:
    assert pairs(match_text(real, text, day)) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    # en: "I" is the quote's speaker, "him" the other figure of the sentence before
    ('LONDON (PA) - Keir Starmer met Mark Carney in Downing Street on Monday. "I have '
     'invited him to Chequers in the summer," Starmer told reporters afterwards.',
     {("keir-starmer", "mark-carney", "pending")}),
    # en: the invitee's answer by pronoun inside the quote ("would think about it")
    ('LONDON (PA) - Keir Starmer met Mark Carney in Downing Street on Monday. "I have '
     'invited him to Chequers in the summer," Starmer told reporters afterwards. "He said '
     'he would think about it."', {("keir-starmer", "mark-carney", "responded")}),
    # fr: the clitic inside the first-person cue
    ("ROME (AFP) - Giorgia Meloni a rencontré Emmanuel Macron lundi à Rome. « Je lui ai "
     "proposé de venir à Naples en juin », a déclaré Meloni.",
     {("giorgia-meloni", "emmanuel-macron", "pending")}),
    # es: a capitalised verb opening a quote is speech, not the title of a work
    ("MADRID (EFE) - Pedro Sánchez almorzó el lunes con Emmanuel Macron en Madrid. «Lo invité "
     "a Sevilla para la cumbre de junio», contó Sánchez.",
     {("pedro-sanchez", "emmanuel-macron", "pending")}),
    # two men besides the speaker: "him" has no sure antecedent
    ('LONDON (PA) - Keir Starmer met Mark Carney and Anthony Albanese on Monday. "I have '
     'invited him to Chequers in the summer," Starmer told reporters afterwards.', set()),
])
def test_first_person_in_a_quote_is_its_speaker(real: Matcher, text: str,
                                                expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2025-06-12")) == expected


def test_a_feminine_subject_pronoun_is_the_woman_named_before(real: Matcher) -> None:
    """uk: «Вона запросила мене» after a man's sentence naming one woman: she invited the
    speaker, not the previous subject."""
    text = ("КИЇВ - Володимир Зеленський розповів про розмову з прем'єр-міністеркою Італії "
            "Джорджею Мелоні. «Вона запросила мене до Рима на конференцію у липні», — "
            "сказав Зеленський.")
    assert pairs(match_text(real, text, "2025-06-05")) == {
        ("giorgia-meloni", "volodymyr-zelensky", "pending")}


@pytest.mark.parametrize(("text", "expected"), [
    # women the gazetteer long left without `gender`, so "she" found no one after a man
    ("Emmanuel Macron spoke with Kemi Badenoch on Monday. She invited him to London.",
     {("kemi-badenoch", "emmanuel-macron", "pending")}),
    ("Joe Biden met Taylor Swift at the White House. She invited him to her concert in "
     "Philadelphia.", {("taylor-swift", "joe-biden", "pending")}),
])
def test_she_after_a_man_is_the_woman_the_gazetteer_knows(
        real: Matcher, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2025-06-10")) == expected
