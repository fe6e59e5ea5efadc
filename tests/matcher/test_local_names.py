"""Persons the gazetteer does not know, named with a title, followed through the article
(issue 14 item 3): found in Latin and Cyrillic script, reported in the nominative at a
lower confidence, and a later surname-only or declined mention is the same person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain import Article, MatchResult
from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.local_names import load_role_words, local_names
from bot.matcher.names import nominative
from tests.support.matching import pairs

ROLES = frozenset({"senator", "mayor", "министр", "губернатор", "губернатора", "голова", "мера",
                   "maire"})
STOP = frozenset({"the", "on", "in", "de", "и", "в"})
WHEN = datetime(2025, 6, 12, 12, tzinfo=UTC)


def names(text: str, lang: str) -> list[tuple[str, str, bool]]:
    return [(n.surface, n.name, n.full)
            for n in local_names(text, lang, frozenset(), STOP, [], ROLES)]


def test_a_titled_name_and_its_later_surname() -> None:
    text = "Senator Jane Okafor spoke. On Monday Okafor's aide called Mayor Tom Bexley."
    assert names(text, "en") == [("Jane Okafor", "Jane Okafor", True),
                                 ("Okafor", "Jane Okafor", False),
                                 ("Tom Bexley", "Tom Bexley", True)]


def test_an_untitled_name_is_left_to_the_cue_finder() -> None:
    assert names("Jane Okafor spoke. Okafor left.", "en") == []


def test_the_complement_of_a_title_is_not_a_given_name() -> None:
    assert names("Mayor of Springfield Tom Bexley spoke.", "en") == [
        ("Tom Bexley", "Tom Bexley", True)]


def test_the_title_may_follow_after_a_comma() -> None:
    assert names("Pierre Hurmic, maire de Bordeaux, a parlé.", "fr") == [
        ("Pierre Hurmic", "Pierre Hurmic", True)]


def test_cyrillic_names_come_back_in_the_nominative_and_link_when_declined() -> None:
    text = "Министр Иван Петров позвал губернатора Сергея Кожемякина. Кожемякину отказали."
    assert names(text, "ru") == [("Иван Петров", "Иван Петров", True),
                                 ("Сергея Кожемякина", "Сергей Кожемякин", True),
                                 ("Кожемякину", "Сергей Кожемякин", False)]
    text = "Голова ОДА Петро Іваненко запросив мера Ігоря Терехова. Іваненку відповіли."
    assert names(text, "uk") == [("Петро Іваненко", "Петро Іваненко", True),
                                 ("Ігоря Терехова", "Ігор Терехов", True),
                                 ("Іваненку", "Петро Іваненко", False)]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Mayor Jan Kowalski spoke. The premier answered Kowalskiego.", "pl",
     [("Jan Kowalski", "Jan Kowalski", True), ("Kowalskiego", "Jan Kowalski", False)]),
    ("Mayor Jan Novák spoke. The premier called Novákovi.", "cs",
     [("Jan Novák", "Jan Novák", True), ("Novákovi", "Jan Novák", False)]),
    ("Mayor Petr Fiala spoke. The premier met Fialou.", "cs",
     [("Petr Fiala", "Petr Fiala", True), ("Fialou", "Petr Fiala", False)]),
    ("Mayor Anna Schmidtke spoke. Schmidtkes Antwort kam.", "de",
     [("Anna Schmidtke", "Anna Schmidtke", True), ("Schmidtkes", "Anna Schmidtke", False)]),    ("Mayor Γιάννης Παπαδόπουλος spoke. They met Παπαδόπουλο.", "el",
     [("Γιάννης Παπαδόπουλος", "Γιάννης Παπαδόπουλος", True),
      ("Παπαδόπουλο", "Γιάννης Παπαδόπουλος", False)]),
])
def test_latin_surnames_link_when_declined(text: str, lang: str,
                                           expected: list[tuple[str, str, bool]]) -> None:
    assert names(text, lang) == expected


def test_a_shared_surname_links_to_nobody() -> None:
    text = "Senator Jane Okafor met Mayor Paul Okafor. Okafor said nothing."
    assert [n for n in names(text, "en") if not n[2]] == []


def test_names_the_gazetteer_knows_are_not_repeated() -> None:
    text = "Senator Jane Okafor spoke."
    assert local_names(text, "en", frozenset(), STOP, [(8, 19)], ROLES) == []


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [("Игоря Иванова", "ru", "Игорь Иванов"), ("Ігоря Терехова", "uk", "Ігор Терехов"),
     ("Василя Петренка", "uk", "Василь Петренко")],
)
def test_soft_given_names_come_back(name: str, lang: str, expected: str) -> None:
    assert nominative(name, lang) == expected


def test_the_surname_later_carries_the_invitation(match: Callable[..., MatchResult]) -> None:
    # The inviter is named in full in a sentence without an invitation word, then only by
    # surname where the invitation is made.
    result = match("Senator Jane Okafor chairs the water committee. On Monday Okafor invited "
                   "Mayor Tom Bexley to testify.")
    assert pairs(result) == {("Jane Okafor", "Tom Bexley", "pending")}
    assert all(m.confidence < 0.6 for m in result.mentions)  # names not in the gazetteer
    result = match("Министр финансов Иван Петров выступил на форуме. Вечером Петров пригласил "
                   "губернатора Сергея Кожемякина на ужин.", lang="ru")
    assert pairs(result) == {("Иван Петров", "Сергей Кожемякин", "pending")}


def test_role_words_file(tmp_path: Path) -> None:
    path = tmp_path / "_role_words.toml"
    assert load_role_words(path) == frozenset()
    path.write_text('[words]\nen = ["Mayor"]\nru = ["мэр"]\n', encoding="utf-8")
    assert load_role_words(path) == {"mayor", "мэр"}
    path.write_text('[words]\nen = "mayor"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"words\.en"):
        load_role_words(path)


# --- a country completing a title before the name (ru, uk) ---------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Владимир Путин пригласил президента Республики Корея Пак Сон Мина в Москву.", "ru",
         "Пак Сон Мин"),
        ("Владимир Путин пригласил министра иностранных дел Латвии Андриса Озолса в Москву.",
         "ru", "Андрис Озолс"),
        ("Володимир Зеленський запросив президента Республіки Гана Кваме Асанте до Києва.",
         "uk", "Кваме Асанте"),
    ],
)
def test_a_country_after_the_title_is_no_part_of_the_name(real_matcher: Matcher, text: str,
                                                          lang: str, name: str) -> None:
    found = {invitee for _inviter, invitee, _status in pairs(real_matcher.match(
        Article(key="t", text=text, lang=lang, published=WHEN)))}
    assert name in found, found


def test_a_dated_title_before_another_persons_name_is_that_persons(real_matcher: Matcher
                                                                   ) -> None:
    """An invented prime minister after the title: the name, not the holder on the date;
    the holder named in a form the gazetteer does not list stays the holder."""
    other = real_matcher.match(Article(
        key="t", lang="uk", published=WHEN,
        text="Володимир Зеленський запросив прем'єр-міністра Нідерландів Марка Янсена до Києва."))
    assert {m.invitee.name for m in other.mentions} == {"Марк Янсен"}
    holder = real_matcher.match(Article(
        key="t", lang="uk", published=WHEN,
        text="Володимир Зеленський запросив прем'єр-міністра Норвегії Юнаса Гара Стере до Києва."))
    assert {m.invitee.figure_id for m in holder.mentions} == {"jonas-gahr-store"}


def test_undeclined_syllables_before_a_declined_last_word() -> None:
    assert nominative("Ли Чжэ Мёна", "ru") == "Ли Чжэ Мён"
    assert nominative("Анна Ли", "ru") == "Анна Ли"



# --- German capitalised nouns (issue 14 names round: local_names.weakly_named) ---

_DE_ROLES = frozenset({"bürgermeisterin", "bundeskanzler", "sprecher"})
_GIVEN = frozenset({"jens", "jana"})


def test_two_german_nouns_are_no_name() -> None:
    from bot.matcher.local_names import weakly_named
    text = "Die Stadt will am Denkmal Blumen niederlegen und hat Gäste eingeladen."
    assert weakly_named(text, "Denkmal Blumen", _DE_ROLES, _GIVEN)


def test_a_german_name_with_evidence_is_a_name() -> None:
    from bot.matcher.local_names import weakly_named
    # a role word before it, a known given name, or the surname again on its own
    assert not weakly_named("Bürgermeisterin Maren Kolb hat Gäste eingeladen.", "Maren Kolb",
                            _DE_ROLES, _GIVEN)
    assert not weakly_named("Jens Wolters hat Gäste eingeladen.", "Jens Wolters", _DE_ROLES,
                            _GIVEN)
    assert not weakly_named("Maren Kolb hat Gäste eingeladen. Kolb sagte, alle seien "
                            "willkommen.", "Maren Kolb", _DE_ROLES, _GIVEN)
    assert weakly_named("Maren Kolb hat Gäste eingeladen.", "Maren Kolb", _DE_ROLES, _GIVEN)


def test_german_nouns_before_a_cue_invite_nobody() -> None:
    matcher = Matcher.load()
    text = ("Die Delegation will am Denkmal Blumen niederlegen und hat Emmanuel Macron "
            "eingeladen, sie zu begleiten.")
    result = matcher.match(Article(key="k", text=text, lang="de", published=WHEN))
    assert all("Denkmal" not in (m.inviter.name + m.invitee.name) for m in result.mentions)
    # The nouns are no subject either: the Chancellor before them invites.
    text = ("Bundeskanzler Friedrich Merz will am Denkmal Blumen niederlegen und hat "
            "Emmanuel Macron eingeladen.")
    assert pairs(matcher.match(Article(key="k", text=text, lang="de", published=WHEN))) == {
        ("friedrich-merz", "emmanuel-macron", "pending")}
    text = "Bürgermeisterin Maren Kolb hat Emmanuel Macron nach Köln eingeladen."
    assert pairs(matcher.match(Article(key="k", text=text, lang="de", published=WHEN))) == {
        ("Maren Kolb", "emmanuel-macron", "pending")}
