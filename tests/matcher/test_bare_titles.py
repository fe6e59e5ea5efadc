"""Bare titles ("the Chancellor", "le chef de l'État", "глава МИД", "прем'єр-міністр")
settled by the article and its date (issue 14 part 3, bot/matcher/bare_titles.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain import Article
from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.bare_titles import (
    BareTitleResolver,
    Named,
    bare_titles_from_data,
    load_bare_titles,
)
from bot.matcher.gazetteer import Figure, Gazetteer, Role
from bot.matcher.lexicon import default_lexicon_dir

WORDS = bare_titles_from_data({
    "kinds": {"president": ["President of *", "* President"], "chancellor": ["Chancellor of *"]},
    "en": {"president": ["the president"], "chancellor": ["the chancellor"]},
    "de": {"chancellor": ["der Kanzler"], "home": {"chancellor": "Chancellor of Germany"}},
    "fr": {"president": ["le président"]},
    "ru": {"president": ["президент"]},
})


def figure(figure_id: str, title: str, start: str, until: str | None = None) -> Figure:
    return Figure(id=figure_id, name=figure_id.title(), roles=(Role(
        (title,), date.fromisoformat(start), date.fromisoformat(until) if until else None),))


GAZETTEER = Gazetteer([
    figure("anna", "President of Ruritania", "2020-01-01"),
    figure("boris", "President of Freedonia", "2019-01-01", "2024-01-01"),
    figure("carl", "President of Freedonia", "2024-01-01"),
    figure("dora", "Chancellor of Germany", "2021-12-08"),
    figure("emil", "Chancellor of Germany", "2005-11-22", "2021-12-08"),
])
RESOLVER = BareTitleResolver(GAZETTEER, WORDS, frozenset(["américain"]))


def resolve(text: str, lang: str, when: date | None, named: list[Named]) -> list[str]:
    sentences, start = [], 0
    for part in text.split(". "):
        sentences.append((start, start + len(part) + 1))
        start += len(part) + 2
    return [b.figure_id for b in RESOLVER.find(text, lang, when, named, sentences)]


def named_at(text: str, figure_id: str, surface: str, office: bool = False) -> Named:
    start = text.index(surface)
    return Named(figure_id, start, start + len(surface), office)


def test_the_one_holder_named_in_another_sentence_on_the_date() -> None:
    text = "Anna spoke on Monday. Later the president invited Carl."
    named = [named_at(text, "anna", "Anna"), named_at(text, "carl", "Carl")]
    # Carl is in the phrase's own sentence: someone else than "the president".
    assert resolve(text, "en", date(2025, 1, 1), named) == ["anna"]


def test_two_holders_named_resolve_to_nobody() -> None:
    text = "Anna met Carl. The president invited Dora."
    named = [named_at(text, "anna", "Anna"), named_at(text, "carl", "Carl"),
             named_at(text, "dora", "Dora")]
    assert resolve(text, "en", date(2025, 1, 1), named) == [""]


def test_a_former_holder_does_not_count() -> None:
    text = "Anna met Boris. The president invited Dora."
    named = [named_at(text, "anna", "Anna"), named_at(text, "boris", "Boris"),
             named_at(text, "dora", "Dora")]
    # Boris left office in 2024: on 2025-01-01 Anna is the only president named.
    assert resolve(text, "en", date(2025, 1, 1), named) == ["anna"]
    assert resolve(text, "en", date(2022, 1, 1), named) == [""]


def test_an_undated_article_resolves_only_to_a_named_figure() -> None:
    # Never to the home title's holder of today ...
    assert resolve("Der Kanzler lud Anna ein.", "de", None, []) == [""]
    # ... but to the one figure the article names who held such a role.
    text = "Anna spoke. The president invited Dora."
    assert resolve(text, "en", None, [named_at(text, "anna", "Anna")]) == ["anna"]
    text = "Anna met Boris. The president invited Dora."
    named = [named_at(text, "anna", "Anna"), named_at(text, "boris", "Boris")]
    assert resolve(text, "en", None, named) == [""]


def test_the_home_title_when_no_holder_is_named() -> None:
    assert resolve("Der Kanzler lud Anna ein.", "de", date(2020, 5, 1), []) == ["emil"]
    assert resolve("Der Kanzler lud Anna ein.", "de", date(2025, 5, 1), []) == ["dora"]
    # English has no home title for "the chancellor" (the Exchequer's, Germany's, ...).
    assert resolve("The chancellor invited Anna.", "en", date(2025, 5, 1), []) == [""]


def test_an_office_in_the_same_sentence_speaks_for_its_holder() -> None:
    text = "Anna spoke. The White House said the president was open to it."
    named = [named_at(text, "anna", "Anna"), named_at(text, "carl", "White House", office=True)]
    assert resolve(text, "en", date(2025, 1, 1), named) == ["carl"]
    # An office that does not hold the role ("la Moncloa ... el presidente") settles nothing.
    named = [named_at(text, "anna", "Anna"), named_at(text, "dora", "White House", office=True)]
    assert resolve(text, "en", date(2025, 1, 1), named) == [""]


@pytest.mark.parametrize(("text", "lang"), [
    ("The president of Finland invited Anna.", "en"),
    ("The president Macron invited Anna.", "en"),
    ("The Head of the President's Office invited Anna.", "en"),
    ("The Office of the president invited Anna.", "en"),
    ("Le président sénégalais a invité Anna.", "fr"),
    ("Le président américain a invité Anna.", "fr"),
    ("Французский президент пригласил Анну.", "ru"),
    ("Вице-президент пригласил Анну.", "ru"),
    ("Президент Франции пригласил Анну.", "ru"),
])
def test_a_phrase_inside_a_longer_title_is_no_bare_title(text: str, lang: str) -> None:
    assert resolve(text, lang, date(2025, 1, 1), []) == []


def test_a_phrase_overlapping_a_spotted_figure_is_skipped() -> None:
    text = "The president Anna invited Dora."
    assert resolve(text, "en", date(2025, 1, 1), [named_at(text, "anna", "president Anna")]) == []


def test_the_file_is_checked() -> None:
    with pytest.raises(ConfigError, match="unknown kind"):
        bare_titles_from_data({"kinds": {"president": ["President of *"]},
                               "en": {"pope": ["the pope"]}})
    with pytest.raises(ConfigError, match="home"):
        bare_titles_from_data({"kinds": {"president": ["President of *"]},
                               "en": {"home": {"king": "King of Spain"}}})


def test_every_home_title_of_the_shipped_file_has_a_holder(real_matcher: Matcher) -> None:
    words = load_bare_titles(default_lexicon_dir() / "_bare_titles.toml")
    assert words.home
    for lang, homes in words.home.items():
        for kind, title in homes.items():
            assert real_matcher.gazetteer.holder_of(title, date(2025, 6, 1)), (lang, kind, title)


def pairs(matcher: Matcher, text: str, day: str | None, lang: str) -> set[tuple[str, str]]:
    when = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC) if day else None
    result = matcher.match(Article(key="t", text=text, published=when, lang=lang))
    return {(m.inviter.key, m.invitee.key) for m in result.mentions}


@pytest.mark.parametrize(("text", "day", "lang", "expected"), [
    ("Der Kanzler hat Emmanuel Macron nach Berlin eingeladen.", "2025-06-10", "de",
     {("friedrich-merz", "emmanuel-macron")}),
    ("Die Kanzlerin hat Emmanuel Macron nach Berlin eingeladen.", "2019-06-10", "de",
     {("angela-merkel", "emmanuel-macron")}),
    ("Le chef de l'État a invité Friedrich Merz à Paris.", "2025-06-10", "fr",
     {("emmanuel-macron", "friedrich-merz")}),
    ("Il capo dello Stato ha invitato Emmanuel Macron al Quirinale.", "2024-06-10", "it",
     {("sergio-mattarella", "emmanuel-macron")}),
    ("Глава МИД пригласил Марко Рубио в Москву.", "2025-06-10", "ru",
     {("sergey-lavrov", "marco-rubio")}),
    ("Прем'єр-міністр запросив Дональда Туска до Києва.", "2025-06-10", "uk",
     {("denys-shmyhal", "donald-tusk")}),
    ("Прем'єр-міністр запросив Дональда Туска до Києва.", "2025-09-10", "uk",
     {("yulia-svyrydenko", "donald-tusk")}),
    # Undated: no title resolves to today's holder.
    ("Der Kanzler hat Emmanuel Macron nach Berlin eingeladen.", None, "de", set()),
    # Two presidents named: "the president" is nobody, and the sentence does not borrow
    # the previous sentence's subject either.
    ("Joe Biden and Emmanuel Macron met in Rome. The president invited Olaf Scholz to "
     "Washington.", "2022-06-10", "en", set()),
])
def test_bare_titles_in_the_matcher(real_matcher: Matcher, text: str, day: str | None,
                                    lang: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(real_matcher, text, day, lang) == expected


def test_two_holders_mark_the_phrase_ambiguous_a_missing_one_does_not() -> None:
    text = "Anna met Carl. The president invited Dora."
    named = [named_at(text, "anna", "Anna"), named_at(text, "carl", "Carl")]
    found = RESOLVER.find(text, "en", date(2025, 1, 1), named, [(0, 14), (15, len(text))])
    assert [(b.figure_id, b.ambiguous) for b in found] == [("", True)]
    # Nobody holding the role named and no home title: unknown, not ambiguous (the
    # argument rules may still take the previous sentence's subject).
    found = RESOLVER.find("The chancellor invited Dora.", "en", date(2025, 1, 1), [], [(0, 28)])
    assert [(b.figure_id, b.ambiguous) for b in found] == [("", False)]


@pytest.mark.parametrize(("title", "kind"), [
    ("President of France", True), ("French President", True), ("US Vice President", False),
    ("Vice President of Colombia", False), ("président français", False),
    ("Deputy Prime Minister", False),
])
def test_which_titles_make_a_president(title: str, kind: bool) -> None:
    resolver = BareTitleResolver(Gazetteer([figure("x", title, "2020-01-01")]), WORDS)
    assert resolver.holds("x", "president", date(2025, 1, 1)) is kind


def test_the_speaker_of_a_transcript_is_not_the_title() -> None:
    text = "Anna met Carl. Carl: We will. This is why the president invited me here."
    named = [named_at(text, "anna", "Anna"), Named("carl", 9, 13),
             Named("carl", text.index("Carl:"), text.index("Carl:") + 4)]
    sentences = [(0, 14), (15, 29), (30, len(text))]
    found = RESOLVER.find(text, "en", date(2025, 1, 1), named, sentences)
    # Anna and Carl are both presidents; Carl speaks, so "the president" is Anna.
    assert [b.figure_id for b in found] == ["anna"]


@pytest.mark.parametrize(("text", "lang"), [
    ('The Kremlin said it had invited the American president to Moscow for talks on a ceasefire.',
     'en'),
    ('Der Kremlchef hat den amerikanischen Präsidenten zu Gesprächen nach Moskau eingeladen.',
     'de'),
    ("L'Élysée a invité Donald Trump à Paris pour les commémorations.",
     'fr'),
    ('La Moncloa invitó a Emmanuel Macron a Madrid para hablar de energía.',
     'es'),
    ('Il capo dello Stato ha invitato Emmanuel Macron al Quirinale per una cena.',
     'it'),
    ('O Planalto convidou Emmanuel Macron para visitar Brasília.',
     'pt'),
    ('Кремль пригласил Дональда Трампа в Москву.',
     'ru'),
    ('Офіс Президента запросив Дональда Трампа до Києва.',
     'uk'),
])
def test_an_undated_article_names_no_office_holder(real_matcher: Matcher, text: str,
                                                   lang: str) -> None:
    # The corpus of tests/data/matcher is dated throughout: the undated cases live here.
    assert pairs(real_matcher, text, None, lang) == set()


def test_a_title_before_an_unlisted_countrys_adjective_and_a_name_is_an_apposition(
        real_matcher: Matcher) -> None:
    # "cipriota": Cyprus is not in _countries.toml; before the Romance ending was known the
    # title stood alone and, beside Christodoulides, resolved to the other president named.
    from tests.support.matching import match_text, pairs

    text = ("Giorgia Meloni ha convocato giovedì a Palazzo Chigi un vertice sui migranti. Tra "
            "gli ospiti c'erano il presidente egiziano Abdel Fattah al-Sisi e il presidente "
            "cipriota Nikos Christodoulides. Erdogan non è venuto.")
    found = pairs(match_text(real_matcher, text, "2025-05-02", "it"))
    assert ("giorgia-meloni", "nikos-christodoulides", "took_place") in found
    assert ("giorgia-meloni", "recep-tayyip-erdogan", "took_place") not in found
