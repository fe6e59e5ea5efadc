"""The matcher's speed-ups (issue 13) find what the plain code finds: `Lexicon.hits` with
the literal pre-check of each cue regex (`_needs`, with re.IGNORECASE's odd case pairs:
ı/i, ſ/s, ς/σ, İ) and the cache of recent sentences; transcript.py's speaker labels looked
for only where one can start; the unknown names kept by sentence. The sentences were written for these tests."""

from __future__ import annotations

import pickle
import random

import pytest

from bot.domain import Party
from bot.matcher import Matcher
from bot.matcher.clause import Ref, words_of
from bot.matcher.extract import _with_unknown_names, grammar_of
from bot.matcher.langid import weigh_by_news_prior
from bot.matcher.lexicon import CueHit, Lexicon
from bot.matcher.spotting import _case_ok
from bot.matcher.transcript import _ANY_LABEL, _any_labels

SENTENCES = {
    "en": [
        "The president invited the chancellor to join the circle of friends next year.",
        "THE PRESIDENT HAS BEEN INVİTED BY THE KING TO A STATE VISIT.",
        "The president has been ınvıted by the kıng to a state vısıt.",  # dotless i
        "The minister ſaid no to the invitation from the mayor.",  # long s
        "The president haſ been invited by the king to a state visit.",
        "She turned down the invitation from the prime minister on Friday.",
        "Markets rose on Tuesday as investors weighed fresh data.",
    ],
    "tr": [
        "Cumhurbaşkanı, Başbakanı Ankara'ya davet etti.",
        "CUMHURBAŞKANI BAŞBAKANI ANKARA'YA DAVET ETTİ.",
        "Davetı kabul ettı ve zıyaret edeceğını söyledı.",  # "etti" matches "ettı"
    ],
    "el": [
        "Ο ΠΡΩΘΥΠΟΥΡΓΟΣ ΚΑΛΕΣΕ ΤΟΝ ΠΡΟΕΔΡΟ ΣΕ ΕΠΙΣΚΕΨΗ ΣΤΗΝ ΑΘΗΝΑ.",
        "Ο πρωθυπουργός κάλεσε τον πρόεδρο σε επίσκεψη στην Αθήνα.",
        "Η πρόσκλησɩ αποδέχτηκε την πρόσκλησἡ του προέδρου.",
    ],
}


def _lexicon(real_matcher: Matcher, lang: str) -> Lexicon:
    lexicons = real_matcher._resources.lexicons
    if lang not in lexicons:
        pytest.skip(f"no {lang} lexicon")
    return lexicons[lang]


def _unchecked(lexicon: Lexicon, sentence: str) -> list[CueHit]:
    """The hits with every cue regex run."""
    needs = lexicon._needs
    lexicon._needs = {}
    try:
        return lexicon._find_hits(sentence, None)
    finally:
        lexicon._needs = needs


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_the_literal_precheck_skips_only_regexes_that_cannot_match(real_matcher: Matcher,
                                                                   lang: str) -> None:
    lexicon = _lexicon(real_matcher, lang)
    assert lexicon._needs  # the pre-check is in force
    found = 0
    for sentence in SENTENCES[lang]:
        expected = _unchecked(lexicon, sentence)
        assert lexicon._find_hits(sentence, None) == expected, sentence
        assert lexicon._find_hits(sentence, sentence.lower()) == expected, sentence
        found += len(expected)
    assert found > 0


def test_the_cache_returns_the_same_hits_and_is_not_pickled(real_matcher: Matcher) -> None:
    lexicon = _lexicon(real_matcher, "en")
    sentence = "The mayor has been invited by the governor to a dinner in the harbour."
    first = lexicon.hits(sentence)
    assert first and lexicon.hits(sentence) == first == _unchecked(lexicon, sentence)
    first.clear()  # a caller's list is its own
    assert lexicon.hits(sentence)
    assert sentence in lexicon._recent_hits
    copy = pickle.loads(pickle.dumps(lexicon))
    assert copy._recent_hits == {}
    assert copy.hits(sentence) == lexicon.hits(sentence)


TRANSCRIPT = """Press conference.\nAnna Berg: Thank you. We invited the mayor!  Bob Li (host): "Yes."
Q: Really?\u00a0Chair of the Board: Indeed… Jo: No.\n\nPresident of Utopia Ola Nor: Welcome."""


def _spans(matches: object) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]  # type: ignore[attr-defined]


def test_speaker_labels_are_found_where_finditer_finds_them() -> None:
    assert len(_spans(_any_labels(TRANSCRIPT))) >= 5
    assert _spans(_any_labels(TRANSCRIPT)) == _spans(_ANY_LABEL.finditer(TRANSCRIPT))
    rng = random.Random(13)
    parts = ["Anna", " ", "  ", ".", "!", "?", "…", "\n", ":", "(x)", "of", "the", '"', "«", "1",
             "Bob Li", ": ", ". ", "\u00a0", ","]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 30)))
        assert _spans(_any_labels(text)) == _spans(_ANY_LABEL.finditer(text)), repr(text)


def _case_ok_as_written_before(alias: str, surface: str) -> bool:
    """spotting._case_ok before its rule was kept per alias (`_case_rule`)."""
    if alias.islower() or not any(c.isalpha() for c in alias):
        return True
    if len(alias) <= 3:
        if any(c.islower() for c in alias):
            return surface == alias  # stop 28, gaps round: "XI" is a numeral, not "Xi"
        return surface == alias or surface == alias.upper()
    first_alpha = next((c for c in surface if c.isalpha()), "")
    alias_first = next((c for c in alias if c.isalpha()), "")
    return not (alias_first.isupper() and first_alpha.islower())


def test_the_case_rule_kept_per_alias_decides_as_before() -> None:
    rng = random.Random(21)
    parts = ["May", "may", "MAY", "de", "Le", "ß", "İ", "1", "-", " ", "Ōno", "ōno", "Xi", "xi",
             "トランプ", "Σ", "σ", "'", "ǅ", "Ǆ", "ǆ"]
    aliases = ["May", "Xi", "XI", "de Gaulle", "van der Leyen", "G7", "トランプ", "ǅoković", "'t Hooft"]
    cases = 0
    for _ in range(4000):
        alias = rng.choice(aliases) if rng.random() < 0.5 else \
            "".join(rng.choice(parts) for _ in range(rng.randint(1, 4)))
        surface = rng.choice([alias, alias.lower(), alias.upper(), alias.title(),
                              "".join(rng.choice(parts) for _ in range(rng.randint(0, 4)))])
        assert _case_ok(alias, surface) == _case_ok_as_written_before(alias, surface), \
            (alias, surface)
        cases += not _case_ok(alias, surface)
    assert cases  # some surfaces are refused, so both branches are compared


def test_the_news_prior_keeps_the_models_order_between_equal_weights() -> None:
    ranked = [("xx", 0.5), ("de", 0.2), ("fr", 0.2), ("en", 0.05), ("es", 0.05), ("uk", 0.0)]
    weighed = weigh_by_news_prior(ranked)
    assert [lang for lang, _ in weighed] == ["de", "fr", "en", "es", "uk"]
    assert sum(p for _, p in weighed) == pytest.approx(1.0)



def test_names_kept_by_sentence_are_weighed_anew_against_each_call(real_matcher: Matcher) -> None:
    """extract._name_candidates keeps a sentence's unknown persons; the refs already found
    and the article's evidence (`is_person`) still decide on every call."""
    lexicons = [real_matcher._resources.lexicons["en"]]
    words, grammar = words_of(lexicons), grammar_of(lexicons, "en")
    sentence = "Marta Kowalczyk invited Jonas Tillmann to her farm on the coast."
    first = _with_unknown_names(sentence, [], words, "en", grammar)
    names = [r.party.name for r in first]
    assert len(names) == 2
    covered = Ref(Party(name="someone"), first[0].start, first[0].end)
    again = _with_unknown_names(sentence, [covered], words, "en", grammar)
    assert [r.party.name for r in again] == ["someone", names[1]]
    assert [r.party.name for r in _with_unknown_names(
        sentence, [], words, "en", grammar, lambda name: name == names[1])] == [names[1]]
    # New objects each call, as before the cache: callers compare refs by identity.
    assert _with_unknown_names(sentence, [], words, "en", grammar)[0] is not first[0]
