"""Issue 14, stop 28, gaps round (b14-gaps): stop 27's known misses. Bare "Xi"; a figure
given a task after an acceptance ("instructed the minister to prepare the visit") or said to
prepare it is no party (arguments._tasked); counted groups listed in the arrival's own
sentence (groups.py); ..."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


def _with_title(matcher: Matcher, title: str, text: str, day: str, lang: str) -> MatchResult:
    published = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
    return matcher.match(Article(key="t", title=title, text=text, published=published, lang=lang))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Australian Prime Minister Anthony Albanese has accepted an invitation from Xi to attend a trade fair in Shanghai.",
     {("xi-jinping", "anthony-albanese", "accepted")}),
    ("nl", "Premier Dick Schoof heeft een uitnodiging van Xi voor een bezoek aan Beijing aanvaard.",
     {("xi-jinping", "dick-schoof", "accepted")}),
    ("tr", "Başbakan Keir Starmer, Xi'nin Pekin'e resmi ziyaret davetini kabul etti.",
     {("xi-jinping", "keir-starmer", "accepted")}),
    ("no", "Statsminister Jonas Gahr Støre har takket ja til Xis invitasjon til Beijing.",
     {("xi-jinping", "jonas-gahr-store", "accepted")}),
])
def test_bare_xi_is_xi_jinping(real: Matcher, lang: str, text: str,
                               expected: set[tuple[str, str, str]]) -> None:
    """"Xi" alone (no given name, no title) names Xi Jinping, in every Latin-script language."""
    assert pairs(match_text(real, text, "2025-10-01", lang)) == expected


@pytest.mark.parametrize("text", [
    "Emmanuel Macron invited Anthony Albanese to the XI Francophonie summit.",
    "Emmanuel Macron invited Anthony Albanese to visit Xi'an with him next spring.",
])
def test_xi_is_not_a_numeral_nor_the_city(real: Matcher, text: str) -> None:
    """"XI" in capitals is a numeral, "Xi'an" a city: neither names Xi Jinping."""
    found = pairs(match_text(real, text, "2025-10-01", "en"))
    assert found == {("emmanuel-macron", "anthony-albanese", "pending")}


@pytest.mark.parametrize(("lang", "title", "expected"), [
    ("en", "Mark Carney accepted Xi's invitation and instructed Foreign Minister Anita Anand to prepare the visit",
     ("xi-jinping", "mark-carney")),
    ("de", "Merz nimmt Einladung Modis an - Wadephul soll die Reise vorbereiten",
     ("narendra-modi", "friedrich-merz")),
    ("it", "Meloni accetta l'invito di Modi, Tajani preparerà la visita",
     ("narendra-modi", "giorgia-meloni")),
    ("ru", "Путин принял приглашение Моди и поручил Лаврову подготовить визит",
     ("narendra-modi", "vladimir-putin")),
    ("uk", "Зеленський прийняв запрошення Мерца і доручив Сибізі підготувати візит",
     ("friedrich-merz", "volodymyr-zelensky")),
    ("pl", "Tusk przyjął zaproszenie Macrona i polecił Sikorskiemu przygotować wizytę",
     ("emmanuel-macron", "donald-tusk")),
    ("zh", "习近平接受普京邀请 指示王毅做好访问准备",
     ("vladimir-putin", "xi-jinping")),
])
def test_a_figure_given_the_groundwork_is_no_invitee(real: Matcher, lang: str, title: str,
                                                      expected: tuple[str, str]) -> None:
    """A headline: the minister instructed to prepare the visit, or said to prepare it, is
    no party; the body's invitation is the only pair."""
    inviter, invitee = expected
    result = _with_title(real, title, f"(Wire) - {title}.", "2025-11-03", lang)
    assert {(i, e) for i, e, _ in pairs(result)} == {(inviter, invitee)}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Emmanuel Macron instructed Foreign Minister Jean-Noël Barrot to invite Marco Rubio to Paris.",
     {("emmanuel-macron", "marco-rubio")}),
])
def test_a_task_before_the_invitation_keeps_its_object(real: Matcher, lang: str, text: str,
                                                       expected: set[tuple[str, str]]) -> None:
    """The task verb before the invitation verb leaves the invitation's own object alone."""
    assert {(i, e) for i, e, _ in pairs(match_text(real, text, "2025-11-03", lang))} == expected


def _observed(result: MatchResult) -> set[frozenset[str]]:
    return {frozenset((o.first.figure_id, o.second.figure_id)) for o in result.observations}


@pytest.mark.parametrize(("lang", "text", "guests"), [
    ("en", "Four European leaders arrived in Kyiv on Saturday: Emmanuel Macron, Friedrich Merz, Keir Starmer and Donald Tusk. Volodymyr Zelensky thanked them.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer", "donald-tusk")),
    ("de", "Drei Regierungschefs sind am Morgen in Kiew eingetroffen: Emmanuel Macron, Keir Starmer und Donald Tusk. Wolodymyr Selenskyj dankte ihnen.",
     ("emmanuel-macron", "keir-starmer", "donald-tusk")),
    ("es", "Tres líderes europeos llegaron a Kiev el sábado: Emmanuel Macron, Friedrich Merz y Keir Starmer. Volodímir Zelenski les dio las gracias.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer")),
    ("it", "Tre leader europei sono arrivati a Kiev sabato: Emmanuel Macron, Friedrich Merz e Keir Starmer. Volodymyr Zelensky li ha ringraziati.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer")),
    ("pt", "Três líderes chegaram a Kiev no sábado: Emmanuel Macron, Friedrich Merz e Keir Starmer. Volodymyr Zelensky agradeceu-lhes.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer")),
    ("ru", "Трое европейских лидеров прибыли в Киев в субботу: Эмманюэль Макрон, Фридрих Мерц и Кир Стармер. Владимир Зеленский поблагодарил их.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer")),
    ("uk", "Троє лідерів прибули до Києва в суботу: Емманюель Макрон, Фрідріх Мерц і Кір Стармер. Володимир Зеленський подякував їм.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer")),
    ("pl", "Trzech przywódców przybyło do Kijowa w sobotę: Emmanuel Macron, Friedrich Merz i Keir Starmer. Wołodymyr Zełenski podziękował im.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer")),
    ("nl", "Drie Europese leiders zijn zaterdag in Kyiv aangekomen: Emmanuel Macron, Friedrich Merz en Keir Starmer. Volodymyr Zelensky bedankte hen.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer")),
    ("no", "Tre ledere ankom Kyiv lørdag: Emmanuel Macron, Friedrich Merz og Keir Starmer. Volodymyr Zelenskyj takket dem.",
     ("emmanuel-macron", "friedrich-merz", "keir-starmer")),
])
def test_a_counted_group_listed_after_its_arrival(real: Matcher, lang: str, text: str,
                                                  guests: tuple[str, ...]) -> None:
    """"Three leaders arrived in Kyiv: A, B and C": each visited the place's leader the
    article names (groups.py, in every language with the counted nouns)."""
    found = _observed(match_text(real, text, "2026-03-07", lang))
    assert {frozenset(("volodymyr-zelensky", g)) for g in guests} <= found


def test_a_counted_group_of_another_size_is_not_the_list(real: Matcher) -> None:
    """The count must match the list: four leaders and three names are no listing."""
    text = ("Four leaders arrived in Kyiv on Saturday: Emmanuel Macron, Friedrich Merz and "
            "Keir Starmer among them. Volodymyr Zelensky thanked them.")
    assert not _observed(match_text(real, text, "2026-03-07", "en"))
