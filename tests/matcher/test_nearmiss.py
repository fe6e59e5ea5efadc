"""Near-miss spellings (issue 15): one edit off a known figure's name is that figure, with
guards against merging different people."""

from __future__ import annotations

from datetime import date

import pytest

from bot.matcher import Matcher
from bot.matcher.gazetteer import gazetteer_from_data
from bot.matcher.nearmiss import (
    FORM_NEAR_NAME,
    FORM_NEAR_SURNAME,
    NearMissIndex,
    within_one_edit,
)
from bot.matcher.spotting import CommonWords, FigureSpotter

DATA = {
    "figures": [
        {"id": "ilse-varga", "name": "Ilse Varga", "aliases": ["Илзе Варга"]},
        {"id": "tomas-brennholt", "name": "Tomas Brennholt", "aliases": ["Brennholt"]},
        {"id": "tomas-brennhold", "name": "Tomas Brennhold"},
        {"id": "oskar-lindqvist", "name": "Oskar Lindqvist",
         "aliases": ["Оскар Линдквист", "Lindqvist"]},
        {"id": "jon-li", "name": "Jon Li"},
        {"id": "anna-fogel", "name": "Anna Fogel"},
        {"id": "anna-fagel", "name": "Anna Fagel"},
        {"id": "greta-stone", "name": "Greta Stone"},
        {"id": "hanna-moller", "name": "Hanna Moller", "aliases": ["Moller"]},
    ]
}


@pytest.fixture(scope="module")
def spotter() -> FigureSpotter:
    return FigureSpotter(gazetteer_from_data(DATA), CommonWords(words=frozenset({"stoner"})))


def found(spotter: FigureSpotter, text: str) -> list[tuple[str, str, str]]:
    return [(h.surface, h.figure_id, h.form) for h in spotter.spot(text, date(2025, 1, 1))]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("lindqvist", "lindquist", True),  # substitution
        ("lindqvist", "lindqvists", True),  # insertion
        ("lindqvist", "lindqvst", True),  # deletion
        ("lindqvist", "lindqivst", True),  # neighbours swapped
        ("lindqvist", "lindqvist", False),  # the same is not a near miss
        ("lindqvist", "lindqwest", False),  # two edits
        ("lindqvist", "lnidqvits", False),  # two swaps
        ("", "a", True),
    ],
)
def test_within_one_edit(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected


def test_a_full_name_one_letter_off_is_the_figure(spotter: FigureSpotter) -> None:
    assert found(spotter, "Yesterday Oskar Lindquist spoke.") == [
        ("Oskar Lindquist", "oskar-lindqvist", FORM_NEAR_NAME)]
    assert found(spotter, "Вчера Оскар Линдквинст выступил.") == [
        ("Оскар Линдквинст", "oskar-lindqvist", FORM_NEAR_NAME)]


def test_a_different_first_name_is_another_person(spotter: FigureSpotter) -> None:
    # "Ilse Varga" is listed; "Elsa Varga" and "Ilka Varga" may be her sisters.
    assert found(spotter, "Yesterday Elsa Varga spoke.") == []
    assert found(spotter, "Yesterday Ilka Varga spoke.") == []


def test_the_first_letter_of_the_surname_must_be_right(spotter: FigureSpotter) -> None:
    assert found(spotter, "Yesterday Ilse Barga spoke.") == []


def test_short_surnames_are_not_guessed(spotter: FigureSpotter) -> None:
    assert found(spotter, "Yesterday Jon Lu spoke.") == []
    assert found(spotter, "Yesterday Ilse Varg spoke.") == []  # the listed surname has 5


def test_one_edit_from_two_figures_is_left_alone(spotter: FigureSpotter) -> None:
    # "Brennholz" is one edit from both Brennholt and Brennhold.
    assert found(spotter, "Yesterday Tomas Brennholz spoke.") == []


def test_another_figures_exact_name_is_never_a_near_miss(spotter: FigureSpotter) -> None:
    # "Anna Fagel" is one edit from "Anna Fogel" but is a figure of its own.
    assert found(spotter, "Yesterday Anna Fagel spoke.") == [
        ("Anna Fagel", "anna-fagel", "name")]


def test_a_common_word_is_not_a_near_miss(spotter: FigureSpotter) -> None:
    assert found(spotter, "Yesterday Greta Stoner spoke.") == []


def test_a_lone_surname_needs_the_figure_named_in_the_article(spotter: FigureSpotter) -> None:
    alone = "The talks went well, said Lindkvist on Monday."
    assert found(spotter, alone) == []
    named = "Oskar Lindqvist arrived. The talks went well, said Lindkvist on Monday."
    assert ("Lindkvist", "oskar-lindqvist", FORM_NEAR_SURNAME) in found(spotter, named)


def test_a_lone_surname_guards(spotter: FigureSpotter) -> None:
    # Opening a sentence, a capital can be any word's.
    assert ("Lindkvist", "oskar-lindqvist", FORM_NEAR_SURNAME) not in found(
        spotter, "Oskar Lindqvist arrived. Lindkvist said little.")
    # Written in lower case elsewhere, the word is ordinary ("Mollier" is a made-up one).
    text = "Hanna Moller came; the mollers said, and Mollers waved."
    assert all(form != FORM_NEAR_SURNAME for _, _, form in found(spotter, text))
    # Short surnames ("Moller" has 6 letters, "Mole" 4) are never guessed alone.
    assert all(form != FORM_NEAR_SURNAME
               for _, _, form in found(spotter, "Hanna Moller came, said Molle."))


def test_index_skips_uncased_scripts() -> None:
    data = {"figures": [{"id": "x", "name": "Ken Tanaka", "aliases": ["田中健"]}]}
    index = NearMissIndex(gazetteer_from_data(data))
    assert index.find("田中建が来た。", [], {"x"}) == []


def test_a_misspelled_inviter_is_the_known_figure_at_lower_confidence(real_matcher: Matcher) -> None:
    from datetime import UTC, datetime

    from bot.domain import Article

    matcher = real_matcher  # the shipped gazetteer
    day = datetime(2025, 3, 1, 12, tzinfo=UTC)
    right = matcher.match(Article(key="a", text="Keir Starmer invited Emmanuel Macron to "
                                  "Chequers for talks.", published=day))
    typo = matcher.match(Article(key="b", text="Keir Starmar invited Emmanuel Macron to "
                                 "Chequers for talks.", published=day))
    assert [(m.inviter.figure_id, m.invitee.figure_id) for m in typo.mentions] == [
        ("keir-starmer", "emmanuel-macron")]
    assert typo.mentions[0].confidence < right.mentions[0].confidence
