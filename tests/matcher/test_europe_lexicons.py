"""The second-class European lexicons (nl, sv, no, da, pl, cs, ro, el) read the newspaper
constructions of their self-written items (`<lang>-eu-*` in tests/data/matcher): proposals
and conditional willingness, hosted events with attendance or absence, refusals in content,
thanks as a response, recaps of past visits, a spokesperson as messenger, tenders. The
held-out items of tests/data/matcher-held are scored by `invitewatch eval --data-dir
tests/data/matcher-held`, never here: nothing is tuned on them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article
from bot.evaluation.matcher_eval import LanguageScore
from bot.matcher import Matcher
from bot.matcher.transcript import may_quote
from tests.support.matching import score_rounds

LANGS = ("nl", "sv", "no", "da", "pl", "cs", "ro", "el")


@pytest.fixture(scope="module")
def real_matcher() -> Matcher:
    return Matcher.load()


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory, real_matcher: Matcher
           ) -> dict[str, LanguageScore]:
    return score_rounds(real_matcher, tmp_path_factory.mktemp("europe"), LANGS,
                        lambda lang: (f"{lang}-eu-", f"{lang}-e2-"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_reads_its_newspaper_constructions(scores: dict[str, LanguageScore],
                                                         lang: str) -> None:
    score = scores[lang]
    assert score.items >= 12, lang
    assert score.false_pos == 0, score.errors
    assert score.false_neg == 0, score.errors
    assert score.status_accuracy == 1.0, score.errors


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "– Jag väntar på dig i Kiev, sade Zelenskyj till Trump på torsdagen."),
    ("no", "– Jeg venter på deg i Kyiv, sa Zelenskyj til Trump torsdag."),
    ("da", "»Jeg venter på dig i Kyiv,« sagde Zelenskyj til Trump torsdag."),
    ("pl", "– Czekam na pana w Kijowie – powiedział Zełenski do Trumpa w czwartek."),
    ("cs", "„Čekám na vás v Kyjevě,“ řekl Zelenskyj Trumpovi ve čtvrtek."),
    ("ro", "„Vă aștept la Kiev”, i-a spus Zelenski lui Trump joi."),
    ("nl", "'Ik wacht op u in Kyiv,' zei Zelensky donderdag tegen Trump."),
    ("el", "«Σας περιμένω στο Κίεβο», είπε ο Ζελένσκι στον Τραμπ την Πέμπτη."),
])
def test_a_quoted_wait_for_you_invites_the_one_told(real_matcher: Matcher, lang: str,
                                                    text: str) -> None:
    """Dash-led speech, »...«, „...“, Dutch single quotes, a Greek speaker with his article:
    the speaker invites the one the quote is said to."""
    result = real_matcher.match(Article(key="q", text=text, lang=lang,
                                          published=datetime(2025, 2, 20, 12, tzinfo=UTC)))
    assert [(m.inviter.key, m.invitee.key, m.status.value) for m in result.mentions] == [
        ("volodymyr-zelensky", "donald-trump", "pending")]


def test_a_dash_inside_a_sentence_is_no_speech() -> None:
    assert may_quote("– Jeg venter på deg, sa han.")
    assert may_quote("Han kom. – Jeg venter, sa han.")
    assert not may_quote("Toppmøtet 2024–2025 i Oslo – uten Trump.")


def _pairs(matcher: Matcher, lang: str, text: str, when: datetime) -> list[tuple[str, str, str]]:
    result = matcher.match(Article(key="t", text=text, lang=lang, published=when))
    return [(m.inviter.key, m.invitee.key, m.status.value) for m in result.mentions]


def test_single_quotes_are_read_only_where_a_lexicon_says_so() -> None:
    """Dutch speech in single quotes opens a quotation; an apostrophe ("'s ochtends",
    "auto's") does not, and other languages keep reading single quotes as apostrophes."""
    assert may_quote("'Ik wacht op u in Kyiv,' zei Zelensky.", single_quotes=True)
    assert not may_quote("'Ik wacht op u in Kyiv,' zei Zelensky.")
    assert not may_quote("Schoof zei 's ochtends dat Zelensky's bezoek niet doorgaat.",
                         single_quotes=True)


def test_english_single_quotes_stay_unread(real_matcher: Matcher) -> None:
    when = datetime(2025, 2, 20, 12, tzinfo=UTC)
    assert _pairs(real_matcher, "en", "'I am waiting for you in Kyiv,' Zelensky told Trump.",
                  when) == _pairs(real_matcher, "en", "I am waiting for you in Kyiv, Zelensky "
                                  "told Trump.", when)


@pytest.mark.parametrize(("lang", "text"), [
    ("cs", "Zelenskyj ve čtvrtek přiletěl do Prahy. Přijel na pozvání prezidenta Petra Pavla."),
    ("pl", "Zełenski przyleciał w czwartek do Warszawy. Przyjechał na zaproszenie prezydenta "
           "Karola Nawrockiego."),
])
def test_a_pro_drop_sentence_borrows_its_guest_from_the_one_before(real_matcher: Matcher,
                                                                   lang: str, text: str) -> None:
    """"Přijel na pozvání X": the unsaid subject is the previous sentence's (zero_pronoun)."""
    found = _pairs(real_matcher, lang, text, datetime(2025, 10, 2, 12, tzinfo=UTC))
    assert [(inviter, invitee) for inviter, invitee, _ in found] == [
        ("petr-pavel" if lang == "cs" else "karol-nawrocki", "volodymyr-zelensky")]


def test_without_zero_pronoun_no_guest_is_borrowed(real_matcher: Matcher) -> None:
    """Dutch names its subject: "Kwam op uitnodiging van X" with no subject invites nobody
    named before (the rule is the pro-drop languages' only)."""
    found = _pairs(real_matcher, "nl", "Zelensky landde donderdag in Den Haag. Kwam op "
                   "uitnodiging van Schoof.", datetime(2025, 10, 2, 12, tzinfo=UTC))
    assert ("dick-schoof", "volodymyr-zelensky") not in [(a, b) for a, b, _ in found]


def test_norwegian_and_danish_read_each_others_cues(real_matcher: Matcher) -> None:
    when = datetime(2025, 6, 10, 12, tzinfo=UTC)
    danish = "Merz inviterede Frederiksen til en konference i Berlin."
    norwegian = "Merz inviterte Støre til en konferanse i Berlin."
    assert _pairs(real_matcher, "no", danish, when) == _pairs(real_matcher, "da", danish, when)
    assert _pairs(real_matcher, "da", norwegian, when) == [
        ("friedrich-merz", "jonas-gahr-store", "pending")]
