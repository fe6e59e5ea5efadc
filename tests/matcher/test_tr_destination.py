"""Issue 15, stories round: Turkish puts the goal before the verb, marked by the dative
after the place's apostrophe ("Türkiye'ye davet etti" = invited to Turkey): that place is
the occasion's, not where a statement was made (b10 blind set: the invitation to Turkey
was placeless, so a meeting elsewhere months later moved it). And a sentence holding a
capital "İ", whose lower case is two characters, keeps its places."""

from __future__ import annotations

from bot.matcher import Matcher
from bot.matcher.occasion import PlaceHit, destination_starts
from tests.support.matching import match_text


def _occasions(matcher: Matcher, text: str) -> set[str]:
    return {m.occasion.describe() for m in match_text(matcher, text, "2025-04-02", "tr").mentions}


def test_a_dative_place_before_the_verb_is_the_destination(real_matcher: Matcher) -> None:
    assert _occasions(real_matcher, "Erdoğan, Scholz'u Almanya'dan dönüşünde "
                      "Türkiye'ye davet etti.") == {"a visit to Turkey"}


def test_a_sentence_with_a_dotted_capital_i_keeps_its_places(real_matcher: Matcher) -> None:
    text = ("Recep Tayyip Erdoğan, Olaf Scholz'u Ankara'ya resmi ziyarete davet etti, "
            "İletişim Başkanlığı açıkladı.")
    assert _occasions(real_matcher, text) == {"a visit to Ankara"}


def test_destination_starts_reads_the_suffix_glued_or_in_the_form() -> None:
    text = "Türkiye'ye ve Ankara'ya, Ankara'da"
    hits = [PlaceHit("Turkey", False, 0, 10), PlaceHit("Ankara", False, 14, 20),
            PlaceHit("Ankara", False, 25, 31)]
    suffixes = frozenset({"'ye", "'ya", "'e", "'a"})
    assert destination_starts(text, hits, suffixes) == {0, 14}
    assert destination_starts(text, hits, frozenset()) == frozenset()
