"""A namesake: a listed surname with another given name before it ("Kyrylo Tymoshenko",
"Hunter Biden") is another person than the figure the surname alone stands for.

Found on invented probes of press-release text (issue 14, precision round): "Deputy Head
of the Office Kyrylo Tymoshenko invited ..." was read as Yulia Tymoshenko, whose
gazetteer entry lists the bare surname as an alias. A given name of the figure itself, or
a spelling of it ("Wladimir Putin" for "Vladimir"), keeps the figure. Pure.
"""

from __future__ import annotations

import re

from bot.matcher.nearmiss import same_given, within_one_edit

_GIVEN = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐ][a-zß-öø-ÿā-ſа-яёіїєґ'’\-]+) $")
_SENTENCE_END = ".!?\n:;\"«»“”"
_SAME_STEM = 3
# Slavic adjectives ("Московский", "Київська") are capitalised in names of titles and
# places, never given names.
_ADJECTIVE_ENDINGS = ("ский", "ская", "ского", "ской", "цкий", "цкая", "ський", "ська",
                      "ського", "цький")  # letters a spelling of the figure's given name shares at either end


def namesake(text: str, start: int, surface: str, given_names: frozenset[str],
             not_names: frozenset[str], sentence_starts: frozenset[int] = frozenset(),
             hit_ends: frozenset[int] = frozenset(),
             known_given: frozenset[str] = frozenset(), capitalised_nouns: bool = False) -> bool:
    """Whether the one-word mention text[start:...] = `surface` follows a capitalised given
    name that is not the figure's own: another person of that surname. A word opening a
    sentence (`sentence_starts`: offsets of sentences' first letters) is capitalised
    anyway, so it is no given name ("Yesterday Tymoshenko said") unless it is a known
    given name (`known_given`, folded: the gazetteer's given names; a word in `not_names`
    is ruled out first), as "Kyrylo" in "Kyrylo Tymoshenko said"; nor is a figure's name
    ending right before (`hit_ends`)."""
    if " " in surface.strip() or not given_names or start - 1 in hit_ends:
        # "dass Macron Scholz ... eingeladen habe": the word before is another figure.
        return False
    match = _GIVEN.search(text[max(0, start - 30) : start])
    if match is None:
        return False
    word = match.group(1)
    if not word[0].isupper():
        return False  # Latin Extended-A mixes cases: "że Putin" has no given name
    folded = word.casefold()
    if "'" in word or "’" in word or folded.endswith(_ADJECTIVE_ENDINGS):
        return False  # "Trump'ın Erdoğan'ı", "Патриарх Московский Кирилл": no given name
    if folded in not_names or folded.rstrip("'’s") in not_names:
        return False  # "President Tymoshenko", "Mrs Tymoshenko"
    word_start = start - len(word) - 1
    before = text[:word_start].rstrip()
    opens = not before or before[-1] in _SENTENCE_END or word_start in sentence_starts
    if (opens or capitalised_nouns) and folded not in known_given:
        # with `capitalised_nouns` (de) any capitalised word may be a noun: "am Gipfel
        # Macrons" (issue 14, guests)
        return False  # "Yesterday Tymoshenko said": a sentence's first word, no given name
    same_script = [g for g in given_names if _cyrillic(g) == _cyrillic(folded)]
    # No given name of the figure in the word's script: nothing to compare it with.
    return bool(same_script) and not any(_same_name(folded, g) for g in same_script)


def _cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def _same_name(word: str, given: str) -> bool:
    return word == given or (len(word) > _SAME_STEM and len(given) > _SAME_STEM and (
        word[:_SAME_STEM] == given[:_SAME_STEM] or word[-_SAME_STEM:] == given[-_SAME_STEM:]
        # a misspelling one edit off, first letter right: "Kier Starmer" (issue 15, stories
        # round: the misspelt given name made a second inviter)
        or (word[0] == given[0] and within_one_edit(word, given))
        # another language's spelling of it, the same consonants: "Şevket" for "Shavkat"
        # (issue 14, stop 35, names35 round)
        or same_given(word, given)))


def known_given_names(names: list[tuple[str, tuple[str, ...]]], not_names: frozenset[str]
                      ) -> frozenset[str]:
    """Every figure's given names (first words of its multi-word name and aliases, folded),
    without role words and stopwords ("President Putin" gives no given name)."""
    firsts = (form.split()[0] for name, aliases in names for form in (name, *aliases)
              if len(form.split()) > 1)
    # "von der Leyen": a word written in lower case is a particle, never a given name.
    return frozenset(g.casefold() for g in firsts if g[:1].isupper() and
                     g.casefold() not in not_names and len(g) > 2 and "." not in g)


def given_names(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """The first words of a figure's multi-word name and aliases, folded."""
    return frozenset(form.split()[0].casefold() for form in (name, *aliases)
                     if len(form.split()) > 1)
