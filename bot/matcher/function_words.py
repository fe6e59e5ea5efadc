"""Accepting a language hint from the text's function words, without the statistical model.

A feed's declared language is usually right, and `langid` accepts it whenever the model
finds it plausible; asking the model costs about a tenth of matching an article. When far
more of a text's first words are the hint's function words ("the", "of", "and") than any
other listed language's, the model would accept the hint anyway, so it is not asked. The
rule is deliberately one-sided: it can only say "the hint stands", never pick a language,
and anything short, mixed or close between two relatives goes to the model as before.
`bench/bench_langid.py --hints` measures its agreement with the model on every text we
have, under every listed hint (0 disagreements is the bar for changing the thresholds).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from bot.matcher.data_files import read_data_file, string_list

WORDS_FILE = Path(__file__).resolve().parent / "lexicons" / "_function_words.toml"

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 12  # fewer words say too little: the model decides
MAX_WORDS = 80  # the share is steady long before the end of the sample
MIN_SHARE = 0.25  # of the words, the hint's function words
MIN_LEAD = 0.10  # over any other listed language's share


@cache
def function_words() -> dict[str, frozenset[str]]:
    """Function words by language code, from `lexicons/_function_words.toml` (empty when
    the file is missing, and then every hint goes to the model)."""
    data = read_data_file(WORDS_FILE)
    if data is None:
        return {}
    problems: list[str] = []
    table = data.get("words", {})
    words = {lang: frozenset(string_list(values, f"words.{lang}", str(WORDS_FILE), problems))
             for lang, values in (table.items() if isinstance(table, dict) else ())}
    return {lang: found for lang, found in words.items() if found and not problems}


def hint_is_plain(sample: str, hint: str) -> bool:
    """True when `sample` (lower-cased or not) is plainly written in `hint`'s language."""
    table = function_words()
    own = table.get(hint)
    if own is None:
        return False
    words = _WORD.findall(sample.casefold())[:MAX_WORDS]
    if len(words) < MIN_WORDS:
        return False
    share = sum([w in own for w in words]) / len(words)
    if share < MIN_SHARE:
        return False
    ceiling = share - MIN_LEAD
    return all(sum([w in other for w in words]) / len(words) <= ceiling
               for lang, other in table.items() if lang != hint)
