"""Organisations the gazetteer does not know, named with a marker: "den SC Freiburg",
"Liverpool FC", "ФК «Зенит»".

A club or company marker (the lexicons' `organisation_markers`: "SC", "FC", "AG", "ФК")
beside one to three capitalised words names an organisation; it may be invited ("hat den
SC Freiburg zum Empfang eingeladen") as a person may. The marker must be written with a
capital (so the German article "ag" or a lowercase word never counts).
"""

from __future__ import annotations

import re

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐΑ-Ω"
_WORD = rf"[«\"„“]?[{_UPPER}][\w'’.\-]*\w[»\"“”]?"
_RUN = re.compile(rf"{_WORD}(?:\s+{_WORD}){{1,3}}")
# "zur Weihnachtsfeier des FC Bayern", "the parade of Liverpool FC": after a genitive the
# club owns the thing named before it and is no party (the same words as
# local_names._COMPLEMENT_MARKERS, with the genitive articles).
_GENITIVE_BEFORE = frozenset(["of", "des", "der", "de", "du", "del", "della", "dello", "do", "da",
                              "von", "di"])


def organisation_names(sentence: str, markers: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, name) of each marked organisation in the sentence; the name keeps its
    marker ("SC Freiburg") and drops quotation marks."""
    if not markers:
        return []
    found: list[tuple[int, int, str]] = []
    for match in _RUN.finditer(sentence):
        spans = [(m.start() + match.start(), m.group(0)) for m in re.finditer(r"\S+", match.group(0))]
        index = next((k for k, (_, t) in enumerate(spans) if _is_marker(_bare(t), markers)), None)
        if index is None:
            continue
        if index + 1 < len(spans):
            kept = spans[index : index + 3]  # "SC Freiburg", "FC Bayern München"
        elif index >= 1:
            kept = spans[index - 1 : index + 1]  # "Liverpool FC"
        else:
            continue
        start, end = kept[0][0], kept[-1][0] + len(kept[-1][1])
        before = sentence[max(0, start - 8) : start].split()
        if before and before[-1].casefold() in _GENITIVE_BEFORE:
            continue
        found.append((start, end, " ".join(_bare(t) for _, t in kept)))
    return found


def _bare(token: str) -> str:
    return token.strip("«»\"„“”")


def _is_marker(token: str, markers: frozenset[str]) -> bool:
    return token.casefold() in markers and not token.islower()


def club_named(sentence: str, start: int, end: int, club_words: frozenset[str],
               role_words: frozenset[str] = frozenset()) -> bool:
    """The name at sentence[start:end] stands right after a club, team or company word, or
    right before one ("the hockey club Salavat Yulayev", "хоккейного клуба «Салават Юлаев»",
    "Salavat Yulayev coach Viktor Kozlov"): it names the organisation, not a person. A role
    word before a name is the person's ("coach Viktor Kozlov"); words are folded."""
    if not club_words:
        return False
    before = [_word(w) for w in sentence[max(0, start - 40) : start].split()][-1:]
    after = [_word(w) for w in sentence[end : end + 40].split()][:1]
    return any(w in club_words and w not in role_words for w in before) or \
        any(w in club_words for w in after)


def _word(token: str) -> str:
    return token.strip("«»\"„“”'’,.;:()").casefold()
