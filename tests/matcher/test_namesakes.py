"""The namesake rule (bot/matcher/namesakes.py): a capitalised given name before a listed
surname makes another person; a lower-case word never is a given name."""

from bot.matcher.namesakes import namesake

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
