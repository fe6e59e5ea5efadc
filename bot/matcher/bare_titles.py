"""Bare titles: a role written without its country or holder ("the Chancellor", "le chef de
l'État", "глава МИД", "прем'єр-міністр") resolved through the article (issue 14 part 3).

Such a phrase names one person only in context, so it resolves in this order:
1. the one figure the article names OUTSIDE the phrase's sentence (in it, "Biden invited
   the president" means someone else) who holds a role of that kind on the article's date,
   by the gazetteer's dated roles ("Prime Minister of Italy" from 2022-10-22);
2. when the article names no such holder, the language's `home` title on that date ("der
   Kanzler" in German press is the German chancellor);
3. else nobody. Two holders named ("Biden and Macron met. The president invited ...")
   resolve to nobody. An undated article may be years old: there the phrase resolves only
   to the one figure it names who ever held such a role, never to the home title's holder.

A phrase that resolves to nobody still tells the argument rules that the sentence has a
subject of its own, so it does not borrow the previous sentence's (`Found.unresolved`).

Not a bare title: a phrase followed by a name or a complement ("the president of Finland",
"le président Macron", "президент Франции"), a phrase inside a longer gazetteer match ("the
Turkish president" is a title of its own), a Romance phrase followed by an adjective ("le
président sénégalais") or a Slavic one after one ("французский президент", "вице-президент").

Pure: the word lists come from lexicons/_bare_titles.toml, the roles from the gazetteer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import ahocorasick

from bot.errors import ConfigError
from bot.matcher.data_files import read_data_file, string_list
from bot.matcher.gazetteer import Gazetteer, Role
from bot.matcher.spotting import lower_same_length

# A word after the phrase that makes it part of a longer title ("of Finland", "de la
# République", "del Consiglio" when not listed, "von Österreich").
_COMPLEMENTS = frozenset(["of", "de", "du", "des", "del", "della", "dello", "dei", "degli", "do",
                          "da", "dos", "das", "von", "der", "d'", "elect", "designate", "van",
                          # pl "prezydent miasta": a city's mayor (seat33 round)
                          "miasta", "elekt"])
# Complement words that are a plain preposition in a language: Polish "do" is "to"
# ("zaprosił premiera do Brasílii"), no "of" (seat33 round).
_NOT_COMPLEMENTS = {"pl": frozenset({"do"})}
# Endings of Romance adjectives of nationality or office after the noun ("sénégalais",
# "americano", "ucraniano", "brasileiro", "tedesco", "uscente"): the phrase is no bare title.
_ROMANCE_ADJECTIVE = re.compile(
    r"(?:ais|aise|ain|aine|ien|ienne|ois|oise|ese|esa|ano|ana|ino|ina|eño|eña|ês|ense|ico|ica|"
    r"ique|co|ca|so|sa|án|ão|és|and|ande|eiro|eira|ente|ante|ier|ière|"
    # "il presidente cipriota", "le président chypriote", "el presidente iraquí", "il
    # presidente cileno": countries _countries.toml does not list (lead, stop 26)
    r"ota|ote|í|eno|ena)$")
_ROMANCE = frozenset(["fr", "es", "it", "pt", "ca", "ro"])
# Slavic adjective endings before a one-word title ("французский президент", "бывшего
# президента", "колишній прем'єр").
_SLAVIC_ADJECTIVE = re.compile(
    r"(?:ий|ый|ой|ій|ая|яя|ое|ее|ого|его|ому|ему|им|ым|ую|юю|ої|ній)$")
# Polish adjective endings before an office ("duńską premier", "byłego prezydenta", "nowy
# premier"): Polish writes no article, so such a word qualifies the title (seat33 round).
_POLISH_ADJECTIVE = re.compile(
    r"(?:ski|ska|skie|skiego|skiemu|skim|ską|skiej|cki|cka|ckie|ckiego|ckiemu|ckim|cką|ckiej|"
    r"ego|emu|ym|ą|ej|ły|ny|wy)$")
_OFFICE_AFTER = re.compile(r"['’]s\s+(?:office|administration|staff|press|spokes|aide|adviser)",
                           re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s*([\w'’]+)")
_ELECT_KEYS = ("elect_after", "elect_before")
_COUNTRY_BEFORE = "country_before"
_BEYOND_OFFICES = "beyond_offices"
_TABLES = ("kinds", "categories")
_GENITIVE_SUFFIXES = frozenset({"nin", "nın", "nun", "nün", "in", "ın", "un", "ün"})
_WORD_BEFORE = re.compile(r"([\w'’\-]+)[ \t\u00a0]+$")  # in the same line


@dataclass(frozen=True, slots=True)
class BareTitleWords:
    """Everything loaded from _bare_titles.toml."""

    kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> title prefixes
    phrases: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # lang -> (phrase, kind)
    home: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> kind -> title
    # a title-elect is not the holder: words right after / before a bare title, folded
    elect_after: frozenset[str] = frozenset()
    elect_before: frozenset[str] = frozenset()
    # kind -> figures.toml categories: a description by occupation ("the billionaire", "der
    # Milliardär") is a figure of that category, whatever its roles; one that fits nobody
    # named is someone else, so its sentence has a subject of its own (issue 14, refs round)
    categories: dict[str, frozenset[str]] = field(default_factory=dict)
    # languages where a capitalised word right before a bare title qualifies it
    # ("Gürcistan Cumhurbaşkanı" is Georgia's president, no bare title)
    country_before: frozenset[str] = frozenset()
    # kinds no government office speaks for (a monarch): an office in the phrase's sentence
    # leaves them to the other steps
    beyond_offices: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Named:
    """A figure the spotter found: by name, or by an office or title ("the White House")."""

    figure_id: str
    start: int
    end: int
    office: bool = False


@dataclass(frozen=True, slots=True)
class BareTitle:
    figure_id: str  # "" when it resolves to nobody
    start: int
    end: int
    surface: str
    ambiguous: bool = False  # two holders named: the sentence's subject is unknown


def load_bare_titles(path: Path) -> BareTitleWords:
    """Read _bare_titles.toml; a missing file means no bare titles."""
    data = read_data_file(path)
    if data is None:
        return BareTitleWords()
    return bare_titles_from_data(data, source=str(path))


def bare_titles_from_data(data: dict[str, Any], *, source: str = "_bare_titles.toml"
                          ) -> BareTitleWords:
    problems: list[str] = []
    kinds_raw = data.get("kinds", {})
    if not isinstance(kinds_raw, dict):
        raise ConfigError([f"{source}: 'kinds' must be a table"])
    kinds = {kind: tuple(string_list(v, f"kinds.{kind}", source, problems))
             for kind, v in kinds_raw.items()}
    categories_raw = data.get("categories", {})
    if not isinstance(categories_raw, dict):
        raise ConfigError([f"{source}: 'categories' must be a table"])
    categories = {kind: frozenset(string_list(v, f"categories.{kind}", source, problems))
                  for kind, v in categories_raw.items()}
    problems += [f"{source}: categories.{kind}: also a kind of titles" for kind in categories
                 if kind in kinds]
    # a category kind has no title patterns: no role of a figure makes it one
    kinds.update({kind: () for kind in categories})
    phrases: dict[str, tuple[tuple[str, str], ...]] = {}
    home: dict[str, dict[str, str]] = {}
    elect = {key: frozenset(w.casefold() for w in string_list(data.get(key, []), key, source,
                                                               problems))
             for key in _ELECT_KEYS}
    country_before = frozenset(string_list(data.get(_COUNTRY_BEFORE, []), _COUNTRY_BEFORE,
                                           source, problems))
    beyond_offices = frozenset(string_list(data.get(_BEYOND_OFFICES, []), _BEYOND_OFFICES,
                                           source, problems))
    problems += [f"{source}: {_BEYOND_OFFICES}: {kind}: not in [kinds]"
                 for kind in sorted(beyond_offices) if kind not in kinds]
    for lang, table in data.items():
        if lang in _TABLES or lang in _ELECT_KEYS or lang in (_COUNTRY_BEFORE, _BEYOND_OFFICES):
            continue
        if not isinstance(table, dict):
            problems.append(f"{source}: {lang}: must be a table")
            continue
        listed: list[tuple[str, str]] = []
        for kind, words in table.items():
            if kind == "home":
                home[lang] = _home(words, kinds, f"{lang}.home", source, problems)
                continue
            if kind not in kinds:
                problems.append(f"{source}: {lang}.{kind}: unknown kind (not in [kinds])")
                continue
            listed += [(w, kind) for w in string_list(words, f"{lang}.{kind}", source, problems)]
        phrases[lang] = tuple(listed)
    if problems:
        raise ConfigError(problems)
    return BareTitleWords(kinds, phrases, home, elect["elect_after"], elect["elect_before"],
                          categories, country_before, beyond_offices)


def _home(value: Any, kinds: dict[str, tuple[str, ...]], key: str, source: str,
          problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(f"{source}: {key}: must be a table of kind = title")
        return {}
    out: dict[str, str] = {}
    for kind, title in value.items():
        if kind not in kinds or not isinstance(title, str) or not title.strip():
            problems.append(f"{source}: {key}.{kind}: must be a known kind with a title")
            continue
        out[kind] = title.strip()
    return out



_NOT_THE_HEAD = ("vice", "deputy", "former", "acting", "ex-", "first lady")


def _title_of_kind(title: str, patterns: tuple[str, ...]) -> bool:
    """"President of France" matches "President of *", "French President" matches
    "* President"; a vice or deputy title matches neither."""
    folded = title.casefold()
    if any(word in folded for word in _NOT_THE_HEAD):
        return False
    for pattern in patterns:
        head, star, tail = pattern.casefold().partition("*")
        if not star:
            continue
        if head and folded.startswith(head) and len(folded) > len(head) and not tail:
            return True
        if tail and folded.endswith(tail) and len(folded) > len(tail) and not head and \
                title[:1].isupper():
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Holding:
    kind: str
    role: Role


class BareTitleResolver:
    """Built once per gazetteer; `find` is pure and thread-safe."""

    def __init__(self, gazetteer: Gazetteer, words: BareTitleWords,
                 adjectives: frozenset[str] = frozenset()) -> None:
        self._gazetteer = gazetteer
        self._words = words
        self._adjectives = adjectives  # "le président ivoirien": country adjectives, folded
        self._holdings: dict[str, tuple[_Holding, ...]] = {}
        for figure in gazetteer:
            held = [_Holding(kind, role) for role in figure.roles
                    for kind, patterns in words.kinds.items()
                    if any(_title_of_kind(t, patterns) for t in role.titles)]
            if held:
                self._holdings[figure.id] = tuple(held)
        self._automata: dict[str, ahocorasick.Automaton | None] = {}  # per language, lazily
        self._of_category: dict[str, frozenset[str]] = {
            kind: frozenset(f.id for f in gazetteer if f.category in wanted)
            for kind, wanted in words.categories.items()}

    def holds(self, figure_id: str, kind: str, when: date | None) -> bool:
        """Whether the figure holds a role of this kind on the date (dated roles only);
        undated, whether it ever held one. A category kind: whether the figure is of it."""
        if kind in self._of_category:
            return figure_id in self._of_category[kind]
        return any(h.kind == kind and (h.role.start or h.role.until) and h.role.covers(when)
                   for h in self._holdings.get(figure_id, ()))

    def _automaton(self, lang: str) -> ahocorasick.Automaton | None:
        if lang not in self._automata:
            listed = self._words.phrases.get(lang, ())
            automaton: ahocorasick.Automaton | None = None
            if listed:
                automaton = ahocorasick.Automaton()
                for phrase, kind in listed:
                    key = phrase.lower()
                    if len(key) == len(phrase):
                        automaton.add_word(key, (len(key), kind))
                automaton.make_automaton()
            self._automata[lang] = automaton
        return self._automata[lang]

    def spans(self, text: str, lang: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every listed phrase standing alone as words, longest
        first where two overlap; one Aho-Corasick pass (most articles have none)."""
        automaton = self._automaton(lang)
        if automaton is None:
            return []
        lowered = lower_same_length(text)
        found: list[tuple[int, int, str]] = []
        for last, (length, kind) in automaton.iter(lowered):
            start, end = last + 1 - length, last + 1
            if (start > 0 and _joins(lowered[start - 1])) or \
                    (end < len(text) and _joins(lowered[end])):
                continue  # inside a longer word ("президентский", "vice-president", "首相官邸")
            found.append((start, end, kind))
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        kept: list[tuple[int, int, str]] = []
        for span in found:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept

    def find(self, text: str, lang: str, when: date | None, named: list[Named],
             sentences: list[tuple[int, int]],
             spans: list[tuple[int, int, str]] | None = None,
             leaders: Callable[[], set[str]] | None = None) -> list[BareTitle]:
        """Every bare title of the article, resolved or not (figure_id ""). `named`: the
        figures already found; `sentences`: (start, end) in text order; `spans`: this
        text's `spans`, when the caller has them; `leaders`: the figures leading, on the
        article's date, the countries the text names (looked up once, when needed)."""
        found: list[BareTitle] = []
        known: list[set[str]] = []
        named = _without_apposed_offices(named)

        def country_leaders() -> set[str]:
            if not known:
                known.append(leaders() if leaders is not None else set())
            return known[0]
        starts = [s for s, _ in sentences]
        for start, end, kind in self.spans(text, lang) if spans is None else spans:
            if any(n.start < end and start < n.end for n in named) or \
                    not self._stands_alone(text, start, end, lang, self._adjectives) or \
                    self._elect(text, start, end):
                continue
            if self._country_before(text, start, lang):
                # "Gürcistan Cumhurbaşkanı": someone the gazetteer lacks, the subject of
                # the sentence all the same, who borrows nobody's
                found.append(BareTitle("", start, end, text[start:end], True))
                continue
            index = bisect_right(starts, start) - 1
            low, high = sentences[index] if index >= 0 else (start, end)
            speaker = _speaker(text, named, start)
            figure_id, ambiguous = self._holder(kind, lang, when, named, low, high, speaker,
                                                _label_speakers(text, named) if speaker else (),
                                                country_leaders)
            if not figure_id and kind in self._of_category:
                # "Der Milliardär lud den Bundeskanzler ein" with no billionaire named: an
                # unnamed stranger, not the figure of the sentence before
                ambiguous = True
            found.append(BareTitle(figure_id, start, end, text[start:end], ambiguous))
        return found

    def _holder(self, kind: str, lang: str, when: date | None, named: list[Named], low: int,
                high: int, speaker: str = "", speakers: Collection[str] = (),
                leaders: Callable[[], set[str]] | None = None) -> tuple[str, bool]:
        """The holder the phrase stands for ("" for nobody), and whether two were named.
        `speaker`: who speaks the phrase in a transcript ("Lukashenko: ... the President
        invited me"), someone else than the title; `speakers`: every figure of the
        transcript's labels, of whom the one other holding the role is the one meant (the
        other side of the conversation), however many others the article names;
        `leaders`: the leaders of the countries the text names, of whom the one holding a
        role of this kind is meant when the article names no holder ("Germany's presidency
        of the G7 ... Mr. Chancellor, thank you")."""
        others = {fid for fid in speakers if fid != speaker and self.holds(fid, kind, when)}
        if len(others) == 1:
            return others.pop(), False
        offices = {n.figure_id for n in named if low <= n.start < high and n.office}
        if offices:
            # "В Белом доме ответили, что президент ...", "Fuentes de la Moncloa indicaron
            # que el presidente ...": the office of the sentence, if it holds the role.
            holding = {fid for fid in offices if self.holds(fid, kind, when)}
            if holding or kind not in self._words.beyond_offices:
                return (holding.pop(), False) if len(holding) == 1 else ("", len(holding) > 1)
            # A monarch is never the voice of a government's office ("à l'invitation du roi,
            # a annoncé l'Élysée"): the office only reports (issue 14, fixu round).
        # Whoever the phrase's sentence names is someone else ("Biden invited the president"),
        # even where another sentence names them too.
        beside = {n.figure_id for n in named if low <= n.start < high} | {speaker}
        holders = {n.figure_id for n in named
                   if n.figure_id and n.figure_id not in beside and
                   self.holds(n.figure_id, kind, when)}
        if len(holders) == 1:
            return holders.pop(), False
        if holders or when is None:
            # Two holders named: a guess either way. Undated, the article may be years
            # old: a title names only the person it names, never today's holder.
            return "", bool(holders)
        # The leader of a country the sentence names beside the title is someone else too
        # ("Le chef de l'État a accueilli le président brésilien Lula": not Lula).
        by_country = {fid for fid in (leaders() if leaders is not None else set())
                      if fid not in beside and self.holds(fid, kind, when)}
        if len(by_country) == 1:
            return by_country.pop(), False
        title = self._words.home.get(lang, {}).get(kind)
        return ((self._gazetteer.holder_of(title, when) or "") if title else ""), False

    def _country_before(self, text: str, start: int, lang: str) -> bool:
        """"Gürcistan Cumhurbaşkanı": in a language that writes the country before the
        title with no article, a capitalised word right before it qualifies the title."""
        if lang not in self._words.country_before:
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None or not before.group(1)[:1].isupper():
            return False
        # "Çalışma Ofisi'nde Cumhurbaşkanı": a place in another case than the genitive
        # is where, not whose (welcome round); "Türkiye'nin Cumhurbaşkanı" qualifies.
        _, mark, suffix = before.group(1).replace("’", "'").partition("'")
        return not mark or suffix.casefold() in _GENITIVE_SUFFIXES

    def _elect(self, text: str, start: int, end: int) -> bool:
        """"el presidente electo", "the president-elect", "der gewählte Präsident": the
        holder to be, whom the dated roles do not name yet (issue 14, leftovers)."""
        hyphen = end < len(text) and text[end] in "-‐‑"
        after = _WORD_AFTER.match(text, end + 1 if hyphen else end)
        if after and after.group(1).casefold() in self._words.elect_after:
            return True
        head = text[max(0, start - 40) : start].casefold().split()
        # "der gewählte Präsident": the phrase itself may open with the article
        inside = text[start:end].casefold().split()[:-1]
        words = head[-2:] + inside
        return any(w in self._words.elect_before for w in words) or \
            " ".join(words[-3:-1]) in self._words.elect_before

    @staticmethod
    def _stands_alone(text: str, start: int, end: int, lang: str, adjectives: frozenset[str]
                      ) -> bool:
        after = _WORD_AFTER.match(text, end)
        following = after.group(1) if after and text[end:after.start(1)].strip() == "" else ""
        complements = _COMPLEMENTS - _NOT_COMPLEMENTS.get(lang, frozenset())
        if following:
            if following[:1].isupper() or following.casefold() in complements or \
                    following.casefold().startswith(("d'", "d’")):
                return False  # "the president of Finland", "президент Франции", "le président Macron"
            if following.casefold() in adjectives or (
                    lang in _ROMANCE and _ROMANCE_ADJECTIVE.search(following.casefold())):
                return False  # "le président sénégalais", "il premier britannico"
        if _OFFICE_AFTER.match(text, end):
            return False  # "the President's Office" is a body, not its head
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before and before.group(1).casefold() in complements and \
                not _after_common_noun(text, before.start(1)):
            return False  # "the Head of the President's Office", "the Office of the President"
        if before and lang in ("ru", "uk", "be", "bg") and _SLAVIC_ADJECTIVE.search(
                before.group(1).casefold()):
            return False  # "французский президент", "бывшего президента"
        if before and lang == "pl" and (
                _POLISH_ADJECTIVE.search(before.group(1).casefold()) or
                (before.group(1)[:1].isupper() and
                 text[: before.start(1)].rstrip()[-1:] not in ("", ".", "!", "?", "\n"))):
            # "duńską premier", "byłego prezydenta"; a name's word before it makes the
            # title part of a body's name ("Kancelaria Prezydenta", no article in Polish)
            return False
        return not (start > 0 and text[start - 1] in "-‐‑")


def _after_common_noun(text: str, start: int) -> bool:
    """"at the invitation of the king": the word before "of" is a lower-case noun, not the
    capitalised head of a body ("the Office of the President"; issue 14, fixu round)."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group(1)
    return word[:1].islower() and word.isalpha() and text[start:start + 3].casefold() == "of "


def _without_apposed_offices(named: list[Named]) -> list[Named]:
    """A title right before its holder's name ("le président brésilien Luiz Inácio Lula da
    Silva") is that person's apposition, not an office speaking in the sentence ("the
    Kremlin said the president ..."): it counts as the name (welcome round)."""
    names = {(n.figure_id, n.start) for n in named if not n.office}
    return [replace(n, office=False)
            if n.office and any((n.figure_id, n.end + gap) in names for gap in (0, 1, 2))
            else n for n in named]


def _joins(ch: str) -> bool:
    """Whether a character beside a phrase continues its word: a letter or digit, but not
    hiragana, which writes Japanese particles ("首相は", "首相の": the phrase stands alone)."""
    return (ch.isalnum() and not "\u3040" <= ch <= "\u309f") or ch in "-_"


def _opens_label(text: str, n: Named) -> bool:
    before = text[max(0, n.start - 2) : n.start]
    return bool(n.figure_id) and text.startswith(":", n.end) and (
        n.start == 0 or before.endswith((". ", "\n", "? ", "! ", '" ')))


def _label_speakers(text: str, named: list[Named]) -> set[str]:
    """The figures that open a speaker label anywhere in the text."""
    return {n.figure_id for n in named if _opens_label(text, n)}


def _speaker(text: str, named: list[Named], start: int) -> str:
    """The figure of the last speaker label before `start` ("Alexander Lukashenko: ..."), if
    no paragraph break lies between."""
    for n in reversed(named):
        if n.end > start:
            continue
        if "\n\n" in text[n.end : start]:
            return ""
        if _opens_label(text, n):
            return n.figure_id
    return ""
