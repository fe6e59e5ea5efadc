"""A figure named only to say whose relative someone is: "the wife of the President of the
United States", "Putin's daughter", "la viuda de Navalni", "жена Путина".

The relative is the party ("the son of Vladimir Putin was invited by Macron" is not an
invitation to Putin), so such a mention is no party of an invitation or a meeting. Found
on real press text (issue 14, precision round): "the visit of the wife of the President
of the United States" made a meeting of the President's.

Language facts come from the lexicons: `kin_words` ("wife", "esposa", "жена") and
`kin_links` (what may stand between the kin word and the name: "of", "the", "late",
"de", "la"). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from bot.matcher.grammar import CaseEndings, slavic_case

_BEFORE_CHARS = 48  # "the late wife of the " and a little more
_AFTER_CHARS = 24  # "'s late wife"
_MAX_LINKS = 5  # "wife of the late President", "la esposa del presidente"
_TOKEN = re.compile(r"[\w'’\-]+")


@dataclass(frozen=True, slots=True)
class KinWords:
    kin: frozenset[str] = frozenset()  # folded kin nouns
    links: frozenset[str] = frozenset()  # folded words between the kin noun and the name
    # Role words may stand there too: "the wife of President Joe Biden".
    roles: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.kin)

    def any_kin_in(self, folded_text: str) -> bool:
        """Whether a kin noun occurs anywhere in the case-folded text: without one no
        mention of it is a relative's (a necessary condition, so an exact pre-check)."""
        return bool(self.kin) and next(_kin_automaton(self.kin).iter(folded_text), None) is not None


@lru_cache(maxsize=64)
def _kin_automaton(kin: frozenset[str]) -> ahocorasick.Automaton:
    # One pass over the text for every kin word at once (a regex alternation of them was
    # slower than the per-mention check it guards).
    automaton = ahocorasick.Automaton()
    for word in kin:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def named_as_kin(text: str, start: int, end: int, surface: str, possessive: bool,
                 words: KinWords, endings: CaseEndings | None = None) -> bool:
    """Whether the mention text[start:end] only says whose relative someone is."""
    if not words:
        return False
    return _kin_before(text, start, surface, words, endings) or (
        possessive and _kin_after(text, end, words))


def _kin_before(text: str, start: int, surface: str, words: KinWords,
                endings: CaseEndings | None) -> bool:
    tokens = _tokens(text[max(0, start - _BEFORE_CHARS) : start])
    links = 0
    while tokens and (tokens[-1] in words.links or tokens[-1] in words.roles) \
            and links < _MAX_LINKS:
        tokens.pop()
        links += 1
    if not tokens or tokens[-1] not in words.kin:
        return False
    if links:
        return True
    # "жена Путина": no linking word, the name's genitive links it; "wife Olena Zelenska"
    # (an apposition, the relative herself) must stay a party.
    return endings is not None and slavic_case(surface, endings) == "gen"


def _kin_after(text: str, end: int, words: KinWords) -> bool:
    """"Putin's daughter", "Putins Tochter": a possessive name followed by a kin noun."""
    tokens = _tokens(text[end : end + _AFTER_CHARS])
    if tokens and tokens[0] == "s":
        tokens = tokens[1:]
    while tokens and tokens[0] in words.links:
        tokens = tokens[1:]  # "Navalny's late wife"
    return bool(tokens) and tokens[0] in words.kin


def _tokens(chunk: str) -> list[str]:
    """Folded words, an elided article dropped ("l'épouse" → "épouse", "'s" → "s")."""
    found = (t.replace("’", "'") for t in _TOKEN.findall(chunk))
    # "d'" is the link "de" elided; "l'épouse" is the kin word "épouse".
    return [(t[:-1] if t.endswith("'") else t.rsplit("'", 1)[-1]).casefold() for t in found]
