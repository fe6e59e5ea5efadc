"""Language identification: script heuristics first, then the statistical model
(`bot.langmodel`: fastText's lid.176.ftz, chosen over py3langid by `bench/bench_langid.py`),
with the caller's hint. Scripts that identify a language (or a small family) on their own
are settled without the statistical model.
"""

from __future__ import annotations

import unicodedata
from operator import itemgetter

from bot.langmodel import LanguageModel, language_identifier
from bot.matcher.function_words import hint_is_plain

UNDETERMINED = "und"
_PREFIX_CHARS = 800  # enough for a stable guess; the full text costs 4x more for nothing
_SCRIPT_CHARS = 300  # scripts show at once

_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_BELARUSIAN_LETTERS = frozenset("ўЎ")
_SERBIAN_LETTERS = frozenset("ђћџљњЂЋЏЉЊ")
_MACEDONIAN_LETTERS = frozenset("ѓќѕЃЌЅ")
_PERSIAN_LETTERS = frozenset("پچژگکی")
_URDU_LETTERS = frozenset("ٹڈڑںے")
_KAZAKH_LETTERS = frozenset("әғқңөұүһӘҒҚҢӨҰҮ")


class _Identifier:
    """The process-wide model (`bot.langmodel`, shared with the feed layer)."""

    def model(self) -> LanguageModel:
        return language_identifier()

    def rank(self, text: str) -> list[tuple[str, float]]:
        try:
            return self.model().rank(text)
        except Exception:  # the model must never take an article down with it
            return []


_IDENTIFIER = _Identifier()

# The model knows hundreds of languages and dialects; on a headline it happily answers
# Extremaduran for Spanish or Bulgarian for Russian. News feeds come overwhelmingly in a
# few dozen languages, so the model's ranking is weighed by how often a language reaches
# news feeds: widely published languages count fully, others less, the rest not at all.
_WIDELY_PUBLISHED = "en es fr de ru pt it zh ja ar"
_OFTEN_PUBLISHED = "uk pl nl tr ko fa hi id vi sv cs ro el he hu"
_ALSO_PUBLISHED = ("bg sr hr sk sl da no nb fi et lv lt ca gl eu ms th bn ur ta te ml mr ne si "
                   "ka hy az kk uz be mk sq bs tl sw am ps my km lo")
_NEWS_PRIOR: dict[str, float] = {
    **dict.fromkeys(_WIDELY_PUBLISHED.split(" "), 1.0),
    **dict.fromkeys(_OFTEN_PUBLISHED.split(" "), 0.7),
    **dict.fromkeys(_ALSO_PUBLISHED.split(" "), 0.45),
}


def script_counts(text: str) -> dict[str, int]:
    """Letters per script family, from the first word of each character's Unicode name."""
    if not text or max(text) < "\u0250":
        # Latin letters (or none) only, the usual case: counted in C, as the loop would.
        letters = sum(map(str.isalpha, text))
        return {"LATIN": letters} if letters else {}
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        if ch < "\u0250":
            counts["LATIN"] = counts.get("LATIN", 0) + 1
            continue
        try:
            script = unicodedata.name(ch).split(" ", 1)[0]
        except ValueError:
            continue
        if script == "CJK":
            script = "HAN"
        counts[script] = counts.get(script, 0) + 1
    return counts


def _by_script(sample: str, counts: dict[str, int]) -> str | None:
    total = sum(counts.values())
    if total == 0:
        return UNDETERMINED
    top, top_n = max(counts.items(), key=lambda kv: kv[1])
    if counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0) > 0.05 * total:
        return "ja"
    if counts.get("HANGUL", 0) > 0.3 * total:
        return "ko"
    if top == "HAN" or counts.get("HAN", 0) > 0.3 * total:
        return "zh"
    if top == "CYRILLIC":
        letters = set(sample)
        if letters & _UKRAINIAN_LETTERS:
            return "uk"
        if letters & _BELARUSIAN_LETTERS:
            return "be"
        if letters & _SERBIAN_LETTERS:
            return "sr"
        if letters & _MACEDONIAN_LETTERS:
            return "mk"
        if letters & _KAZAKH_LETTERS:
            return "kk"
        return None  # ru or bg: the model decides
    if top == "ARABIC":
        letters = set(sample)
        if letters & _URDU_LETTERS:
            return "ur"
        if letters & _PERSIAN_LETTERS:
            return "fa"
        return "ar"
    simple = {
        "HEBREW": "he",
        "GREEK": "el",
        "THAI": "th",
        "GEORGIAN": "ka",
        "ARMENIAN": "hy",
        "BENGALI": "bn",
        "TAMIL": "ta",
        "TELUGU": "te",
        "GUJARATI": "gu",
        "GURMUKHI": "pa",
        "KANNADA": "kn",
        "MALAYALAM": "ml",
        "SINHALA": "si",
        "KHMER": "km",
        "LAO": "lo",
        "MYANMAR": "my",
        "ETHIOPIC": "am",
    }
    if top in simple and top_n > 0.5 * total:
        return simple[top]
    if top == "DEVANAGARI":
        return None  # hi, mr or ne: the model decides
    return None


def weigh_by_news_prior(ranked: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The model's ranking restricted to news languages, weighed by their prior and
    renormalised; the order of the result is the new ranking."""
    prior = _NEWS_PRIOR
    weighed = [(lang, p * prior[lang]) for lang, p in ranked if lang in prior]
    total = sum([p for _, p in weighed])
    if total <= 0:
        return []
    # Descending and stable, like a key of minus the weight (reverse keeps ties in order).
    return sorted([(lang, p / total) for lang, p in weighed], key=itemgetter(1), reverse=True)


def detect_language(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code of the text's language, or "und". Never raises.

    The hint (a feed's or caller's language) wins when the model finds it plausible, since
    feed metadata is usually right and short texts fool statistical models.
    """
    try:
        return _detect(text, _normalise_hint(hint))
    except Exception:
        return _normalise_hint(hint) or UNDETERMINED


def _normalise_hint(hint: str | None) -> str | None:
    if not hint or not isinstance(hint, str):
        return None
    code = hint.strip().replace("_", "-").split("-", 1)[0].casefold()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def _detect(text: str, hint: str | None) -> str:
    sample = text[:_PREFIX_CHARS]
    counts = script_counts(sample[:_SCRIPT_CHARS])
    by_script = _by_script(sample, counts)
    if by_script is not None:
        if by_script == UNDETERMINED:
            return hint or UNDETERMINED
        # A hint in the same script family refines a family guess (e.g. zh vs yue).
        return by_script
    if hint and hint_is_plain(sample, hint):
        return hint  # what the model would say, without asking it (function_words.py)
    return model_decision(sample, hint, sum(counts.values()))


def model_decision(sample: str, hint: str | None, letters: int) -> str:
    """The statistical model's answer for a text no script settled, the hint weighed in;
    `letters` is the number of letters the script count saw."""
    ranked = weigh_by_news_prior(_IDENTIFIER.rank(sample))
    if not ranked:
        return hint or UNDETERMINED
    best, best_p = ranked[0]
    if hint:
        for lang, p in ranked[:5]:
            if lang == hint and (p > 0.01 or best_p < 0.9):
                return hint
    if best_p < 0.2 and letters < 20:
        return hint or UNDETERMINED
    return best
