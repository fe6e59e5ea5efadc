"""Companies and bodies the gazetteer does not list (issue 14 part 3, names round,
bot/matcher/organisations.py and lexicons/_organisations.toml): a known organisation or a
company marker makes a name found only from the text no person; a title inside a body's
name, or a former holder's title, stands for nobody on the article's date."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain import Article
from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.lexicon import default_lexicon_dir
from bot.matcher.organisations import (
    OrganisationWords,
    company_named,
    load_organisation_words,
    title_not_the_holder,
)
from tests.support.matching import pairs

WHEN = datetime(2025, 6, 12, 12, tzinfo=UTC)
WORDS = load_organisation_words(default_lexicon_dir() / "_organisations.toml")


@pytest.mark.parametrize("name", ["Goldman Sachs", "Deutsche Bank", "Grupo Santander",
                                  "Acme Holdings", "Brightwater AG", "ПАО Лукойл"])
def test_a_company_is_no_person(name: str) -> None:
    assert company_named(name, f"{name} invited him.", WORDS)


@pytest.mark.parametrize("name", ["Jane Okafor", "Agnes Bankole", "Sara Agostini"])
def test_a_persons_name_is_no_company(name: str) -> None:
    assert not company_named(name, f"{name} invited him.", WORDS)


def test_a_quoted_cyrillic_name_is_a_company() -> None:
    assert company_named("Зоряна Сталь", "Компанія «Зоряна Сталь» запросила його.", WORDS)
    assert not company_named("Петро Іваненко", "Петро Іваненко запросив його.", WORDS)


def test_a_lower_case_marker_word_is_no_marker() -> None:
    # "Sa" written as a word of a name is not the company form "SA".
    assert not company_named("Ana Sa", "Ana Sa invited him.", WORDS)


def _title(text: str, title: str) -> bool:
    start = text.index(title)
    return title_not_the_holder(text, start, start + len(title), WORDS)


def test_titles_that_name_no_holder() -> None:
    assert _title("The Foundation of the President of Ukraine invited him.",
                  "President of Ukraine")
    assert _title("The President of Ukraine's Fund invited him.", "President of Ukraine")
    assert _title("The First President of Kazakhstan invited him.", "President of Kazakhstan")
    assert _title("Фонд президента України запросив його.", "президента України")
    assert _title("Первый президент Казахстана пригласил его.", "президент Казахстана")


def test_an_office_stands_for_its_holder() -> None:
    assert not _title("The Office of the President of Ukraine invited him.",
                      "President of Ukraine")
    assert not _title("The President of Ukraine invited him.", "President of Ukraine")


def test_a_bad_list_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "_organisations.toml"
    path.write_text('known = "Goldman Sachs"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="known"):
        load_organisation_words(path)
    assert load_organisation_words(tmp_path / "missing.toml") == OrganisationWords()


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.load()


def _pairs(matcher: Matcher, text: str, lang: str = "en") -> set[tuple[str, str, str]]:
    return pairs(matcher.match(Article(key="k", text=text, lang=lang, published=WHEN)))


def test_companies_invite_no_figure(matcher: Matcher) -> None:
    assert _pairs(matcher, "Goldman Sachs invited Emmanuel Macron to its annual conference "
                           "in New York.") == set()
    assert _pairs(matcher, "Grupo Santander invited Pedro Sánchez to open its new campus.") == set()


def test_a_body_named_after_a_title_invites_nobody(matcher: Matcher) -> None:
    assert _pairs(matcher, "The Foundation of the President of Ukraine invited Emmanuel "
                           "Macron to a charity gala in Kyiv.") == set()
    # "First" before a title makes it a first holder's, never the holder of the day: the
    # president of Kazakhstan is not meant (the honorific itself is Nazarbayev's, a role of
    # his own in figures.toml: tests/matcher/test_roles_round.py).
    assert all(p[0] != "kassym-jomart-tokayev" for p in _pairs(
        matcher, "The First President of Kazakhstan invited Vladimir Putin to visit Astana."))
    assert _pairs(matcher, "The Office of the President of Ukraine invited Emmanuel Macron "
                           "to visit Kyiv.") == {("volodymyr-zelensky", "emmanuel-macron",
                                                  "pending")}
