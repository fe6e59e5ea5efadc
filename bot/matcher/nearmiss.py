"""Near-miss spellings: a name one edit away from a known figure's name is that figure.

Outlets misspell names ("Volodymyr Zelenksy", "Emanuel Macron"), and one misspelling was
enough to split a story into two records with two inviters. A near miss is accepted only
where a false merge is unlikely:

- a full name: the given name is written exactly as listed and the rest (the surname, of
  at least five letters) is one edit away (insertion, deletion, substitution or two
  neighbours swapped), with its first letter right ("Ronald Trump" and "Donald Grump"
  are other people, or jokes);
- a surname alone: at least six letters, one edit away from a surname of a figure the
  article already names unambiguously, not opening a sentence and not also written in
  lower case in the article (then it is an ordinary word);
- never when the written form is another figure's name or alias, an ordinary word listed
  in `_common_words.toml`, or one edit away from two different figures.

A full name may also be another transcription of a listed one ("Massud Peseschkian",
"Alexander Stub", "Масуд Пезешкьян"; issue 14, stop 31, fixr round): the two read alike
when their spelling skeletons are equal, every word of them, given name included. The
skeleton folds the name, drops accents, applies the transcription variants of
`_common_words.toml` (`spelling_variants`: "sch" as "sh", "ou" as "u", "ья" as "ия" ...)
in order and writes each doubled letter once. Its surname needs four letters, and the
skeleton must belong to one figure only.

Pure: an index built once per gazetteer, then a scan per article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.matcher.gazetteer import Gazetteer, fold

FORM_NEAR_NAME = "near-name"  # a full name one edit off: resolves on its own
FORM_NEAR_SURNAME = "near-surname"  # a surname one edit off: only beside the figure's name

MIN_SURNAME = 5  # letters of the edited part of a full name
MIN_LONE_SURNAME = 6  # letters of a surname written alone
MIN_SKELETON_SURNAME = 4  # letters of a surname's spelling skeleton (a transcription)

# A capitalised word in a script with capitals (Latin, Cyrillic, Greek), hyphens inside.
_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐΑ-Ω][\w'\-]*\w", re.UNICODE)
_NEXT_WORD = re.compile(r" ([A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐΑ-Ω][\w'\-]*\w)", re.UNICODE)
# One or two lower-case name particles, then a capitalised word: " de Souza", " von der
# Leyen".
_NEXT_PARTICLE = re.compile(
    r" ((?:[a-zà-öø-ÿ]{1,4} ){1,2})([A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҐΑ-Ω][\w'\-]*\w)", re.UNICODE)
_CASED = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ſА-яЁёІіЇїЄєҐґΑ-ω'\- ]+$")
_DOUBLED = re.compile(r"(\w)\1+", re.UNICODE)
_RECENT_SKELETONS = 4096  # capitalised words whose skeleton an index keeps (_skeleton)


def skeleton(word: str, variants: Sequence[tuple[str, str]] = ()) -> str:
    """A word's spelling skeleton: folded, accents dropped from Latin letters ("й" keeps
    its breve), each transcription variant replaced in order, doubled letters once."""
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFD", fold(word)):
        if unicodedata.combining(char):
            if not ("a" <= base <= "z"):
                kept.append(char)
            continue
        base = char
        kept.append(char)
    plain = unicodedata.normalize("NFC", "".join(kept))
    for written, read in variants:
        plain = plain.replace(written, read)
    return _DOUBLED.sub(r"\1", plain)


# Vowels, "h", glides and the soft sign: the letters transcriptions of one given name
# disagree on most ("Şevket" / "Shavkat", "Schawkat"; "Петера" / "Петер").
_NOT_CONSONANT = re.compile(r"[aeiouyhjаеёиіїоуыэюяєйьъ'\-]")


_MIN_CONSONANTS = 3


def consonants(word: str, variants: Sequence[tuple[str, str]] = ()) -> str:
    """A given name's consonant skeleton (issue 14, stop 35, names35 round): its spelling
    skeleton without vowels, "h" and glides, each doubled letter once. Two spellings of
    one given name in two languages share it ("Şevket" and "Shavkat": "svkt")."""
    bare = _NOT_CONSONANT.sub("", skeleton(word, variants)).replace("w", "v")
    return _DOUBLED.sub(r"\1", bare)


_VOWELS = re.compile(r"[aeiouаеёиіїоуыэюяє]+")


def syllables(word: str) -> int:
    """Vowel groups of a word's skeleton ("y" not counted): "Antonio" has three, "Anthony"
    two, so the Italian namesake is not read as the listed Australian."""
    return len(_VOWELS.findall(skeleton(word)))


def same_given(written: str, listed: str, variants: Sequence[tuple[str, str]] = ()) -> bool:
    """A written given name is a listed one's spelling: the same consonants
    (`same_consonants`) and as many syllables, one more in Cyrillic ("Петера")."""
    extra = syllables(written) - syllables(listed)
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in written)
    return (extra == 0 or (cyrillic and extra == 1)) and \
        same_consonants(consonants(written, variants), consonants(listed, variants))


def same_consonants(written: str, listed: str) -> bool:
    """Whether a written given name reads as a listed one: equal consonant skeletons of
    three letters or more, or the written one a listed one's plus one case ending's
    consonant ("Петером" for "Петер"; Cyrillic only, where given names decline). Two
    letters are too few: "Elsa" and "Ilse" are two women."""
    if len(listed) < _MIN_CONSONANTS:
        return False
    return written == listed or (
        len(written) == len(listed) + 1 and written.startswith(listed)
        and "\u0400" <= written[-1] <= "\u04ff")


@dataclass(frozen=True, slots=True)
class NearMiss:
    figure_id: str
    start: int
    end: int
    form: str  # FORM_NEAR_NAME or FORM_NEAR_SURNAME
    surface: str


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one insertion, deletion, substitution or swap
    of two neighbouring letters (False when equal)."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True  # one substitution
        # neighbours swapped: "Zelenksy" / "Zelensky"
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i:] == b[i + 1 :]  # one letter inserted in b


class NearMissIndex:
    """Every multi-word name and alias by its first word; every surname by figure."""

    def __init__(self, gazetteer: Gazetteer, common_words: Iterable[str] = (),
                 variants: Sequence[tuple[str, str]] = ()) -> None:
        self._gazetteer = gazetteer
        self._common = frozenset(w.casefold() for w in common_words)
        self._variants = tuple(variants)
        # The spelling skeleton of a full name (two or three words) -> figure ids.
        skeletons: dict[str, set[str]] = {}
        # A two-word name's surname skeleton -> (folded given name, figure id): another
        # language's spelling of the given name, or its declined form (names35 round).
        self._by_surname: dict[str, set[tuple[str, str]]] = {}
        # folded given name -> [(folded rest, figure id)]
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        # figure id -> folded surnames (last words of its names) long enough to match alone
        self._surnames: dict[str, frozenset[str]] = {}
        # Lower-case words inside listed names ("de", "da", "van"): a misspelt surname
        # after one is still part of the name ("Marcelo Rebelo de Souza"; story19 round).
        particles: set[str] = set()
        for figure in gazetteer:
            if figure.kind != "person":
                continue
            surnames: set[str] = set()
            for form in (figure.name, *figure.aliases):
                if not _CASED.match(form):
                    continue  # unspaced and uncased scripts: no capital to anchor on
                words = fold(form).split()
                particles.update(w for w in form.split()[1:-1] if w.islower())
                if len(words) >= 2 and len(words[-1]) >= MIN_SURNAME:
                    rest = " ".join(words[1:])
                    bucket = self._by_first.setdefault(words[0], [])
                    if (rest, figure.id) not in bucket:
                        bucket.append((rest, figure.id))
                if 2 <= len(words) <= 3:
                    shape = [skeleton(w, self._variants) for w in words]
                    if len(shape[-1]) >= MIN_SKELETON_SURNAME:
                        skeletons.setdefault(" ".join(shape), set()).add(figure.id)
                    if len(words) == 2 and len(shape[-1]) >= MIN_SURNAME:
                        self._by_surname.setdefault(shape[-1], set()).add(
                            (words[0], figure.id))
                last = words[-1] if words else ""
                if len(last) >= MIN_LONE_SURNAME and (len(words) >= 2 or form[:1].isupper()):
                    surnames.add(last)
            if surnames:
                self._surnames[figure.id] = frozenset(surnames)
        self._particles = frozenset(particles)
        self._skeletons = {key: next(iter(ids)) for key, ids in skeletons.items()
                           if len(ids) == 1}
        self._skeleton_firsts = frozenset(key.split()[0] for key in self._skeletons)
        # The skeletons of capitalised words read lately: `skeleton` of a word is a pure
        # function of the word and of `_variants`, fixed for the index's life, and every
        # capitalised word of every article asks for its own (names recur from article to
        # article). Bounded, the oldest dropped first.
        self._recent_skeletons: dict[str, str] = {}

    def _skeleton(self, word: str) -> str:
        known = self._recent_skeletons.get(word)
        if known is None:
            if len(self._recent_skeletons) >= _RECENT_SKELETONS:
                del self._recent_skeletons[next(iter(self._recent_skeletons))]
            known = self._recent_skeletons[word] = skeleton(word, self._variants)
        return known

    def _known_form(self, written: str) -> bool:
        return bool(self._gazetteer.ids_for_form(written))

    def find(self, text: str, taken: list[tuple[int, int]], firm: set[str]) -> list[NearMiss]:
        """Near misses in `text` outside the spans already `taken` by exact matches;
        lone surnames only for the figures in `firm` (named unambiguously in the text)."""
        mask = bytearray(len(text) + 1)
        for start, end in taken:
            mask[start:end] = b"\x01" * (end - start)
        # Lone surnames: only words starting like a surname of a firm figure (cheap filter).
        initials: dict[str, list[tuple[str, str]]] = {}
        for figure_id in firm:
            for surname in self._surnames.get(figure_id, ()):
                initials.setdefault(surname[0], []).append((surname, figure_id))
        found: list[NearMiss] = []
        resume = 0
        for match in _WORD.finditer(text):
            start = match.start()
            if start < resume or mask[start] or mask[match.end() - 1]:
                continue
            token = match.group(0)
            candidates = self._by_first.get(token.casefold())
            if candidates:
                hit = self._full_name(text, match, candidates, mask)
                if hit is not None:
                    found.append(hit)
                    resume = hit.end
                    continue
            transcribed = self._transcribed(text, match, mask) or \
                self._respelled(text, match, mask)
            if transcribed is not None:
                found.append(transcribed)
                resume = transcribed.end
                # "Петера Сіярто ... Сіярто": the surname alone later is his too
                for surname in self._surnames.get(transcribed.figure_id, ()):
                    initials.setdefault(surname[0], []).append((surname, transcribed.figure_id))
                continue
            if len(token) >= MIN_LONE_SURNAME and token[0].casefold() in initials:
                lone = self._lone_surname(text, match, initials[token[0].casefold()])
                if lone is not None:
                    found.append(lone)
        return found

    def _full_name(self, text: str, first: re.Match[str], candidates: list[tuple[str, str]],
                   mask: bytearray) -> NearMiss | None:
        """The given name `first`, then one or two more words separated by single spaces."""
        rest_words: list[str] = []
        end = first.end()
        for _ in range(3):
            following = self._next_word(text, end)
            if following is None or mask.find(1, following.start(1), following.end()) != -1:
                break
            rest_words.append(fold(following.group(0)[1:]))
            end = following.end()
            written = text[first.start() : end]
            if self._known_form(written):
                return None
            rest = " ".join(rest_words)
            if rest in self._common or len(rest) < MIN_SURNAME:
                continue
            figures = {fid for listed, fid in candidates
                       if listed[:1] == rest[:1] and within_one_edit(rest, listed)}
            if len(figures) == 1:
                return NearMiss(figures.pop(), first.start(), end, FORM_NEAR_NAME, written)
            if figures:
                return None  # one edit from two people: not a spelling we can settle
        return None

    def _next_word(self, text: str, end: int) -> re.Match[str] | None:
        """The capitalised word after `end`, or a listed name particle and the word after
        it ("de Souza"), as one step of a full name."""
        following = _NEXT_WORD.match(text, end)
        if following is not None:
            return following
        particle = _NEXT_PARTICLE.match(text, end)
        if particle is not None and all(w in self._particles for w in particle.group(1).split()):
            return particle
        return None

    def _transcribed(self, text: str, first: re.Match[str], mask: bytearray
                     ) -> NearMiss | None:
        """A full name of two or three words whose spelling skeleton is one figure's
        ("Massud Peseschkian" for Masoud Pezeshkian), the longest such run."""
        shape = [self._skeleton(first.group(0))]
        if shape[0] not in self._skeleton_firsts:
            return None
        end = first.end()
        best: NearMiss | None = None
        for _ in range(2):
            following = _NEXT_WORD.match(text, end)
            if following is None or mask.find(1, following.start(1), following.end()) != -1:
                break
            shape.append(self._skeleton(following.group(1)))
            end = following.end()
            figure_id = self._skeletons.get(" ".join(shape))
            written = text[first.start() : end]
            if figure_id is None or self._known_form(written) or \
                    fold(following.group(1)) in self._common:
                continue
            best = NearMiss(figure_id, first.start(), end, FORM_NEAR_NAME, written)
        return best

    def _respelled(self, text: str, first: re.Match[str], mask: bytearray) -> NearMiss | None:
        """A given name and a surname where the surname's skeleton is a listed two-word
        name's and the given name has its consonants (`same_consonants`): "Şevket
        Mirziyoyev" for Shavkat Mirziyoyev, "Петера Сіярто" for "Петер Сійярто" (issue 14,
        stop 35, names35 round). One figure only; a written form the gazetteer lists, or
        an ordinary word as the surname, is not a respelling."""
        following = _NEXT_WORD.match(text, first.end())
        if following is None or mask.find(1, following.start(1), following.end()) != -1:
            return None
        entries = self._by_surname.get(self._skeleton(following.group(1)))
        if not entries:
            return None
        given = fold(first.group(0))
        figures = {fid for listed, fid in entries if same_given(given, listed, self._variants)}
        written = text[first.start() : following.end()]
        if len(figures) != 1 or self._known_form(written) or \
                fold(following.group(1)) in self._common:
            return None
        return NearMiss(figures.pop(), first.start(), following.end(), FORM_NEAR_NAME, written)

    def _lone_surname(self, text: str, match: re.Match[str], surnames: list[tuple[str, str]]
                      ) -> NearMiss | None:
        written = match.group(0)
        folded = fold(written)
        figures = {fid for surname, fid in surnames if within_one_edit(folded, surname)}
        if len(figures) != 1 or folded in self._common or self._known_form(written):
            return None
        if _opens_sentence(text, match.start()):
            return None
        if re.search(rf"(?<!\w){re.escape(written.lower())}(?!\w)", text):
            return None  # also written in lower case: an ordinary word of the language
        return NearMiss(figures.pop(), match.start(), match.end(), FORM_NEAR_SURNAME, written)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'«„“‘(-–—")
    return not before or before[-1] in ".!?:;\n…"
