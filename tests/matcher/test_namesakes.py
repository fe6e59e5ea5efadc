"""The namesake rule (bot/matcher/namesakes.py): a capitalised given name before a listed
surname makes another person; a lower-case word never is a given name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.matcher.namesakes import namesake

if TYPE_CHECKING:
    from bot.matcher import Matcher

_PUTIN_GIVEN = frozenset({"vladimir", "wladimir", "władimir"})


def _is_namesake(text: str, surname: str) -> bool:
    start = text.index(surname)
    return namesake(text, start, surname, _PUTIN_GIVEN, frozenset({"president", "prezydent"}))


def test_another_given_name_makes_a_namesake() -> None:
    assert _is_namesake("Wczoraj w Moskwie Igor Putin powiedział", "Putin")


def test_a_lower_case_word_in_latin_extended_a_is_no_given_name() -> None:
    # "ż" lies in the Latin Extended-A block, which mixes both cases.
    assert not _is_namesake("Pieskow powiedział, że Putin zaprosił Trumpa", "Putin")
    assert not _is_namesake("Řekl, že Putin pozval Trumpa", "Putin")


def test_the_figures_own_given_name_keeps_the_figure() -> None:
    assert not _is_namesake("Wczoraj prezydent Władimir Putin powiedział", "Putin")


def test_a_given_name_misspelt_by_one_edit_keeps_the_figure() -> None:
    # "Vladmir", "Vladimri": one letter dropped or two swapped, the first letter right
    # (issue 15, stories round: "Prime Minister Kier Starmer" made a second inviter).
    assert not _is_namesake("Wczoraj prezydent Vladmir Putin powiedział", "Putin")
    assert not _is_namesake("Wczoraj prezydent Vladimri Putin powiedział", "Putin")
    # two edits: another person
    assert _is_namesake("Wczoraj w Moskwie Vadim Putin powiedział", "Putin")


def test_a_known_given_name_opening_a_sentence_makes_a_namesake() -> None:
    # "Kyrylo" opens the sentence, but it is a given name the gazetteer knows (issue 14).
    text = "Kyrylo Putin powiedział"
    start = text.index("Putin")
    starts = frozenset({0})
    assert namesake(text, start, "Putin", _PUTIN_GIVEN, frozenset(), starts,
                    known_given=frozenset({"kyrylo"}))
    assert not namesake(text, start, "Putin", _PUTIN_GIVEN, frozenset(), starts)


def test_an_ordinary_word_opening_a_sentence_is_still_no_given_name() -> None:
    text = "Yesterday Putin said"
    assert not namesake(text, text.index("Putin"), "Putin", _PUTIN_GIVEN, frozenset(),
                        frozenset({0}), known_given=frozenset({"kyrylo"}))


def test_a_word_before_the_surname_that_is_no_given_name_is_ruled_out_first() -> None:
    # The matcher passes one set of the gazetteer's given names for every language: a word
    # in the language's titles ("President") must lose even when it is also in that set.
    text = "President Tymoshenko said"
    start = text.index("Tymoshenko")
    assert not namesake(text, start, "Tymoshenko", frozenset({"yulia"}),
                        frozenset({"president"}), frozenset({0}), frozenset(),
                        known_given=frozenset({"president", "kyrylo"}))


def test_the_fork_server_builds_every_languages_tables_before_matching(
        real_matcher: Matcher) -> None:
    import copy
    from datetime import UTC, datetime

    from bot.domain import Article

    fresh = copy.deepcopy(real_matcher)
    fresh.prepare_tables()
    languages = set(fresh._resources.lexicons)
    assert set(fresh._local_finders) == languages
    assert len(fresh._not_given_names) == len(languages)
    article = Article(key="k", title="", lang="uk", published=datetime(2025, 3, 1, tzinfo=UTC),
                      text="Кирило Тимошенко заявив, що Володимир Зеленський запросив "
                           "Дональда Трампа до Києва.")
    assert fresh.match(article) == real_matcher.match(article)


def test_a_weekday_or_a_month_before_a_surname_is_no_given_name(real_matcher: Matcher) -> None:
    from tests.support.matching import match_text, pairs

    for lead in ("On Friday", "In March", "Last Tuesday"):
        text = f"{lead} Meloni invited Zelensky to Rome for talks."
        assert pairs(match_text(real_matcher, text, "2025-05-02", "en")) == {
            ("giorgia-meloni", "volodymyr-zelensky", "pending")}, text


def test_another_given_name_before_the_surname_is_still_a_namesake(real_matcher: Matcher) -> None:
    from tests.support.matching import match_text, pairs

    found = pairs(match_text(real_matcher, "Hunter Biden invited Zelensky to Rome for talks.",
                             "2025-05-02", "en"))
    assert ("joe-biden", "volodymyr-zelensky", "pending") not in found
