"""Organisations the gazetteer does not know, named with a marker: "den SC Freiburg",
"Liverpool FC", "ФК «Зенит»".

A club or company marker (the lexicons' `organisation_markers`: "SC", "FC", "AG", "ФК")
beside one to three capitalised words names an organisation; it may be invited ("hat den
SC Freiburg zum Empfang eingeladen") as a person may. The marker must be written with a
capital (so the German article "ag" or a lowercase word never counts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.errors import ConfigError
from bot.matcher.data_files import read_data_file

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


@dataclass(frozen=True, slots=True)
class OrganisationWords:
    """lexicons/_organisations.toml, folded where it says so."""

    known: frozenset[tuple[str, ...]] = frozenset()  # each known name's folded words
    company_markers: frozenset[str] = frozenset()  # as written ("AG", "Bank")
    holder_bodies: frozenset[str] = frozenset()  # "foundation", "фонд"
    former_words: frozenset[str] = frozenset()  # "first", "former", "бывший"
    elect_words: frozenset[str] = frozenset()  # "elect", "designate", "incoming", "designierte"


def load_organisation_words(path: Path) -> OrganisationWords:
    """The file's four lists; a missing file leaves all empty. ConfigError names a list
    that is not an array of strings."""
    data = read_data_file(path)
    if data is None:
        return OrganisationWords()
    lists: dict[str, list[str]] = {}
    problems: list[str] = []
    for key in ("known", "company_markers", "holder_bodies", "former_words", "elect_words"):
        listed = data.get(key, [])
        if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
            problems.append(f"{path}: {key}: must be an array of strings")
            continue
        lists[key] = [w.strip() for w in listed if w.strip()]
    if problems:
        raise ConfigError(problems)
    return OrganisationWords(
        known=frozenset(tuple(_word(w) for w in name.split()) for name in lists["known"]),
        company_markers=frozenset(lists["company_markers"]),
        holder_bodies=frozenset(w.casefold() for w in lists["holder_bodies"]),
        former_words=frozenset(w.casefold() for w in lists["former_words"]),
        elect_words=frozenset(w.casefold() for w in lists["elect_words"]))


def company_named(name: str, sentence: str, words: OrganisationWords) -> bool:
    """A name found only from the text that names a company, not a person: a known
    organisation among its words ("Goldman Sachs", "Rheinmetall chief ..."), a company
    marker as one of its words ("Deutsche Bank", "Grupo Santander", "ПАО Лукойл"), or a
    Cyrillic name the sentence writes in «…» ("пригласил «Нафтогаз»")."""
    tokens = [t for t in name.split() if t]
    folded = tuple(_word(t) for t in tokens)
    for known in words.known:
        size = len(known)
        if any(folded[i : i + size] == known for i in range(len(folded) - size + 1)):
            return True
    if any(_company_marker(_unelided(_bare(t).rstrip(",;:")), words.company_markers)
           for t in tokens):
        return True
    return _cyrillic(name) and f"«{name}" in sentence


def _unelided(token: str) -> str:
    """"L'Università", "dell'Università", "D'Université": the word after an elided article
    or preposition (stop-27 falsealarms round: "L'Università Bocconi ha invitato Draghi")."""
    for mark in ("'", "’"):
        head, sep, tail = token.partition(mark)
        if sep and tail and 0 < len(head) <= 5 and head.isalpha():
            return tail
    return token


def _company_marker(token: str, markers: frozenset[str]) -> bool:
    if token in markers:
        return True
    # "Bank", "Group": a capitalised word; an all-capital marker ("AG", "SA") only as written.
    return token[:1].isupper() and any(not m.isupper() and m.casefold() == token.casefold()
                                       for m in markers)


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


# Words between a body's name and the title it contains ("Foundation of the President").
_LINKS = frozenset(["of", "the", "des", "der", "dem", "de", "du", "la", "le", "l'", "del", "della",
                    "di", "do", "da", "von"])


def _elect(text: str, before: list[str], end: int, elect: frozenset[str]) -> bool:
    """"New York mayor-elect Zohran Mamdani", "the incoming chancellor", "le président
    élu": the holder to be, whom the dated roles do not name yet (roles32 round); the
    name in apposition, if any, is found on its own."""
    if before and before[-1].casefold() in elect:
        return True
    after = re.match(r"[-‐‑ ]([\w]+)", text[end : end + 20])
    return after is not None and after.group(1).casefold() in elect


def title_not_the_holder(text: str, start: int, end: int, words: OrganisationWords) -> bool:
    """The title at text[start:end] ("President of Ukraine") is not its holder on the
    article's date: a former or first holder's title ("the First President of
    Kazakhstan", "ex-President"), or part of a body's name ("the Foundation of the
    President of Ukraine", "the President of Ukraine's Fund", "Фонд президента")."""
    before = text[max(0, start - 60) : start].split()
    if before and before[-1].casefold() in words.former_words:
        return True
    if _elect(text, before, end, words.elect_words):
        return True
    while before and before[-1].casefold() in _LINKS:
        before.pop()
    if before and before[-1].casefold() in words.holder_bodies:
        return True
    if text.startswith(("'s ", "’s "), end):
        head = text[end + 3 : end + 40].split()[:1]
        return bool(head) and _word(head[0]) in words.holder_bodies
    return False
