"""A counted group arriving (stop 27, realstories round): "All four leaders - Draghi,
Iohannis, Macron and Scholz - support our bid. [...] When four leaders arrived in Kyiv
today, the sirens sounded."

The arrival names nobody before its verb; its counted subject ("four leaders", "четверо
європейських лідерів") stands for the figures the sentence itself lists after the verb
("... arrived in Kyiv: A, B, C and D"; stop 28, gaps round) or else for those of the
nearest earlier sentence that names exactly that many. Each of them arrived where the
sentence says; who received them is the matcher's to tell (the one leader of that place's
country the article names). The words come from the lexicons' [observe] lists
`count_words` ("four=4": a word and the number it says) and `group_nouns` ("leaders").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.matcher.clause import Ref
from bot.matcher.lexicon import CueHit, Lexicon

# How many sentences back the listing may stand.
_REACH = 15
_STRIP = ",.;:!?\"'«»„“”()-–—"
_LIST_MARKS = (":", " - ", " – ", " — ")


@dataclass(frozen=True, slots=True)
class GroupArrival:
    sentence: int  # index of the arrival's sentence
    cue: CueHit
    guests: tuple[Ref, ...]


def _counts(lexicons: Sequence[Lexicon]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for lexicon in lexicons:
        for entry in lexicon.observe_lists.get("count_words", ()):
            word, _, number = entry.rpartition("=")
            if word and number.isdigit():
                counts.setdefault(word, int(number))
    return counts


def group_nouns(lexicons: Sequence[Lexicon]) -> tuple[str, ...]:
    """The lexicons' group nouns ("leaders"), longest first."""
    return tuple(sorted({w.casefold() for lx in lexicons
                         for w in lx.observe_lists.get("group_nouns", ())}, key=len, reverse=True))


# Words an adjective may add between the count and the noun ("four European leaders"),
# or after the noun ("três líderes europeus"), and between the group and its verb.
_ADJECTIVES = 1
_AFTER_NOUN = 1


def counted_subject(before: str, counts: dict[str, int], nouns: Sequence[str]) -> int | None:
    """How many the words right before a cue count ("when four leaders" -> 4, "four
    European leaders", "três líderes europeus"), or None."""
    words = [w.strip(_STRIP) for w in before.casefold().split()]
    for tail in range(_AFTER_NOUN + 1):
        head = " " + " ".join(words[: len(words) - tail]) if tail <= len(words) else ""
        for noun in nouns:
            if not head.endswith(" " + noun):
                continue
            lead = head[: -len(noun) - 1].split()
            for gap in range(_ADJECTIVES + 1):
                if len(lead) > gap and lead[-1 - gap] in counts:
                    return counts[lead[-1 - gap]]
            return None
    return None


def group_arrivals(sentences: Sequence[tuple[str, Sequence[Ref], Sequence[CueHit]]],
                   lexicons: Sequence[Lexicon]) -> list[GroupArrival]:
    """`sentences`: each sentence's text, its figures and its "arrived" observation cues,
    in order. A sentence with a counted subject right before such a cue, naming no figure
    before it, gets the figures (the gazetteer's) of the nearest earlier sentence naming
    exactly that many; none when no sentence within reach does."""
    counts, nouns = _counts(lexicons), group_nouns(lexicons)
    if not counts or not nouns:
        return []
    found: list[GroupArrival] = []
    for index, (text, refs, cues) in enumerate(sentences):
        if text.rstrip().endswith("?"):
            continue
        for cue in cues:
            if any(r.start < cue.start for r in refs):
                continue  # a figure is the subject
            number = counted_subject(text[: cue.start], counts, nouns)
            if number is None:
                continue
            guests = _listed_after(text, refs, cue, number) or _listed(sentences, index, number)
            if guests:
                found.append(GroupArrival(index, cue, guests))
            break
    return found


def _listed_after(text: str, refs: Sequence[Ref], cue: CueHit, number: int) -> tuple[Ref, ...]:
    """"Three leaders arrived in Kyiv: A, B and C": the sentence lists them itself after
    the verb, after a colon or dash where it has one ("ankom Kyiv: ..." - the capital
    before it is the place, not a party; stop 28, gaps round)."""
    marks = [at for at in (text.find(m, cue.end) for m in _LIST_MARKS) if at != -1]
    since = min(marks) if marks else cue.end
    known = {r.party.key: r for r in refs if r.party.known and r.start >= since}
    return tuple(known.values()) if len(known) == number else ()


def _listed(sentences: Sequence[tuple[str, Sequence[Ref], Sequence[CueHit]]], index: int,
            number: int) -> tuple[Ref, ...]:
    for _, refs, _ in reversed(sentences[max(0, index - _REACH) : index]):
        known = {r.party.key: r for r in refs if r.party.known}
        if len(known) == number:
            return tuple(known.values())
        if len(known) > 1:
            return ()  # a nearer listing of another size: the count is not of these
    return ()
