"""Figure spotting: scripts without spaces, aliases that are also ordinary words."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.gazetteer import gazetteer_from_data
from bot.matcher.lexicon import default_lexicon_dir, load_common_words
from bot.matcher.spotting import CommonWords, FigureSpotter

FIGURES = {
    "figures": [
        {"id": "zelensky", "name": "Volodymyr Zelensky", "aliases": ["ゼレンスキー", "젤렌스키"]},
        {"id": "trump", "name": "Donald Trump", "aliases": ["トランプ", "Trump"]},
        {"id": "kanye", "name": "Kanye West", "aliases": ["Ye"]},
        {"id": "bono", "name": "Bono", "aliases": ["Paul Hewson"]},
        {"id": "maduro", "name": "Nicolás Maduro", "aliases": ["Maduro"]},
    ]
}
COMMON = CommonWords(frozenset({"ye", "bono", "maduro", "トランプ"}), ("氏", "大統領"))


@pytest.fixture(scope="module")
def spotter() -> FigureSpotter:
    return FigureSpotter(gazetteer_from_data(FIGURES), COMMON)


def found(spotter: FigureSpotter, text: str) -> list[tuple[str, str]]:
    return [(h.figure_id, h.surface) for h in spotter.spot(text, None)]


@pytest.mark.parametrize(
    "text",
    ["ゼレンスキー大統領が来日した。", "ゼレンスキーが来日した。", "ゼレンスキーは", "会談後ゼレンスキー氏"],
)
def test_katakana_name_ending_in_the_prolonged_sound_mark(spotter: FigureSpotter,
                                                           text: str) -> None:
    assert [f for f, _ in found(spotter, text)] == ["zelensky"]


@pytest.mark.parametrize(
    "text",
    [
        "YE OLDE SHOP sells maps.",  # capitals of a headline are no evidence of a name
        "Ye shall see, said the preacher.",  # opening a sentence
        "El Gobierno emitirá un bono. Bono del Estado a diez años.",
        "El plátano maduro cuesta poco.",
        "トランプで遊ぶ子供たち。",  # the card game
    ],
)
def test_common_word_aliases_are_not_names(spotter: FigureSpotter, text: str) -> None:
    assert found(spotter, text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The rapper known as Ye invited fans.", "kanye"),
        ("U2 singer Bono met the pope.", "bono"),
        ("El presidente Maduro habló.", "maduro"),
        ("トランプ大統領が来日した。", "trump"),
        ("トランプ氏は", "trump"),
    ],
)
def test_common_word_aliases_as_names(spotter: FigureSpotter, text: str, figure: str) -> None:
    assert [f for f, _ in found(spotter, text)] == [figure]


def test_a_sentence_opening_common_word_counts_when_the_article_names_the_figure(
        spotter: FigureSpotter) -> None:
    hits = found(spotter, "Maduro habló el lunes. Según Nicolás Maduro, no habrá cambios.")
    assert hits == [("maduro", "Maduro"), ("maduro", "Nicolás Maduro")]
    card_and_president = found(spotter, "トランプで遊ぶ。トランプ大統領が来日")
    assert [f for f, _ in card_and_president] == ["trump", "trump"]


def test_the_shipped_common_words_file_loads() -> None:
    common = load_common_words(default_lexicon_dir() / "_common_words.toml")
    assert common.is_common("Ye") and common.is_common("トランプ")
    assert not common.is_common("Putin")


def test_a_bad_common_words_file_names_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "_common_words.toml"
    path.write_text('words = "ye"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="'words'"):
        load_common_words(path)
    path.write_text("words = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read"):
        load_common_words(path)
    assert load_common_words(tmp_path / "missing.toml") == CommonWords()


def test_a_word_ending_after_a_combining_mark_is_not_a_separate_word() -> None:
    # "पुतिन" ends in "न" after a vowel sign; the negation "न" must not be read in it,
    # neither as a one-word phrase nor inside a longer one.
    from bot.matcher.lexicon import lexicon_from_data

    lexicon = lexicon_from_data({"lang": "hi", "modifiers": {"negation": ["न", "न के"]}},
                                source="hi.toml")
    assert lexicon.hits("व्लादिमीर पुतिन के निमंत्रण पर") == []
    assert [h.text for h in lexicon.hits("वे न आएंगे")] == ["न"]


def test_a_title_beside_another_persons_name_yields_to_the_name(real_matcher: Matcher) -> None:
    """'US President Joe Biden' in a 2026 article is Biden, not the title's holder then."""
    from datetime import UTC, datetime

    from bot.domain import Article

    result = real_matcher.match(Article(
        key="t", published=datetime(2026, 3, 16, tzinfo=UTC),
        text="French President Emmanuel Macron has invited US President Joe Biden to Paris."))
    assert [(m.inviter.name, m.invitee.name) for m in result.mentions] == [
        ("Emmanuel Macron", "Joe Biden")]


# --- Cyrillic full names in every case (issue 14 names round) ---

_CASES = {
    "figures": [
        {"id": "duda", "name": "Andrzej Duda", "aliases": ["Анджей Дуда"]},
        {"id": "merkel", "name": "Angela Merkel", "aliases": ["Ангела Меркель"]},
        {"id": "poroshenko", "name": "Petro Poroshenko", "aliases": ["Петро Порошенко"]},
        {"id": "lastname-ha", "name": "Serhii Nakoha", "aliases": ["Сергій Накоха"]},
        {"id": "lastname-ka", "name": "Yurii Dudka", "aliases": ["Юрій Дудка"]},
    ]
}


@pytest.mark.parametrize(("text", "figure"), [
    ("зустріч з Анджеєм Дудою", "duda"), ("встреча с Анджеем Дудой", "duda"),
    ("запросив Анджея Дуду", "duda"), ("Анджею Дуді подякував", "duda"),
    ("розмова з Ангелою Меркель", "merkel"), ("подякував Ангелі Меркель", "merkel"),
    ("зустрівся з Петром Порошенком", "poroshenko"),
    # A given name in -ій declines as a noun; г, к, х before the dative's і become с, ц, з.
    ("передав Сергію Накосі", "lastname-ha"), ("зустрівся із Сергієм Накохою", "lastname-ha"),
    ("запрошення Юрію Дудці", "lastname-ka"), ("при Юрієві Дудці", "lastname-ka"),
])
def test_a_cyrillic_full_name_declines_both_words(text: str, figure: str) -> None:
    spotter = FigureSpotter(gazetteer_from_data(_CASES))
    assert [h.figure_id for h in spotter.spot(text, None)] == [figure]


def test_a_womans_surname_in_a_consonant_does_not_decline() -> None:
    from bot.matcher.spotting import _declined_full_names
    forms = _declined_full_names("Ангела Меркель")
    assert "Ангелою Меркель" in forms
    assert not any(f.endswith(("Меркеля", "Меркелем")) for f in forms)
    assert _declined_full_names("Donald Trump") == []


def test_only_the_dative_and_locative_alternate() -> None:
    from bot.matcher.spotting import _case_forms
    assert "Сибізі" in _case_forms("Сибіга", 1) and "Сибізі" in _case_forms("Сибіга", 4)
    assert "Сибізі" not in _case_forms("Сибіга", 0)  # the genitive is Сибіги
    assert _case_forms("Зеленський", 1) == ("Зеленський",)  # an adjectival surname
    assert "Андрію" in _case_forms("Андрій", 1, given=True)


SHORT_SURNAMES = {"figures": [
    {"id": "to-lam", "name": "Tô Lâm", "aliases": ["То Лам"]},
    {"id": "kim", "name": "Kim Yo-jong", "aliases": ["Ким"]},
]}


@pytest.mark.parametrize(("text", "expected"), [
    # a full name of two words whose surname is short still takes a case ending
    ("Путин пригласил То Лама в Москву.", [("to-lam", "То Лама")]),
    ("встреча с То Ламом", [("to-lam", "То Ламом")]),
    # a one-word alias of three letters does not: "Кима" may be another word or person
    ("Путин пригласил Кима в Москву.", []),
])
def test_a_case_ending_after_a_name_of_several_words_with_a_short_surname(
        text: str, expected: list[tuple[str, str]]) -> None:
    spotter = FigureSpotter(gazetteer_from_data(SHORT_SURNAMES), CommonWords(frozenset(), ()))
    assert found(spotter, text) == expected
