"""Named persons the gazetteer does not know, followed through one article.

"Senator Jane Okafor … Okafor said", "губернатор Сергей Кожемякин … Кожемякину ответили":
a capitalised name of two or three words with a title or role word beside it ("Senator",
"министр финансов", "голова", "le maire de Bordeaux, …") is a person, reported by the
name as written, put back in the nominative (names.nominative). Later in the same article
the surname alone, or an inflected form of it, is the same person, so a reply given under
the surname joins the invitation made under the full name.

The title is required here (unlike the finder of names around a cue in extract.py), since
these names are looked for in the whole article, not only next to an invitation word.
Pure: the lexicons' `titles` and `name_stopwords` come in as arguments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from bot.errors import ConfigError
from bot.matcher.cjk_names import CjkNameWords, cjk_names
from bot.matcher.data_files import read_data_file
from bot.matcher.names import (
    COMPLEMENT_MARKERS,
    NO_COMPLEMENTS,
    Complements,
    building_name,
    complement_of_title,
    name_sequences,
    nominative,
    quoted_phrase,
)
from bot.matcher.spotting import (
    FORM_LOCAL,
    FORM_LOCAL_SURNAME,
    FORM_TITLE,
    FigureHit,
    lower_same_length,
)

_TITLE_BEFORE_WORDS = 4  # "министр финансов Иван Петров", "le maire de Bordeaux, Pierre …"
_TITLE_AFTER_WORDS = 3  # "Pierre Hurmic, maire de Bordeaux"
_MIN_TITLE = 4  # letters: shorter "titles" are articles and particles
_CYRILLIC_ENDINGS = ("ий", "ый", "ой", "ій", "а", "я", "ь", "й", "о")
# Case endings a Cyrillic surname stem can take (Петров-у, Кожемякин-ым, Непомнящ-ему).
_CYRILLIC_SUFFIXES = frozenset(
    ["а", "у", "е", "ом", "ым", "им", "ем", "ой", "ою", "ей", "ы", "и", "ю", "я", "ого", "ему",
     "ому", "ові", "еві", "ім", "ій", "ої", "ую", "ая", "ої", "ого", "его"])
_WORD = re.compile(r"[\w'’\-]+")


@dataclass(frozen=True, slots=True)
class LocalName:
    name: str  # nominative, as the article writes it
    start: int
    end: int
    surface: str
    full: bool  # the full name (True) or a later surname-only mention


def load_role_words(path: Path) -> frozenset[str]:
    """lexicons/_role_words.toml: every language's role words, folded; missing = none."""
    data = read_data_file(path)
    if data is None:
        return frozenset()
    words = data.get("words", {})
    problems = [f"{path}: words.{lang}: must be an array of strings"
                for lang, listed in (words.items() if isinstance(words, dict) else [])
                if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed)]
    if not isinstance(words, dict):
        problems.append(f"{path}: 'words' must be a table of languages")
    if problems:
        raise ConfigError(problems)
    return frozenset(w.strip().casefold() for listed in words.values() for w in listed
                     if w.strip())


class LocalNameFinder:
    """The word lists of one language combination, prepared once (see `Matcher`)."""

    def __init__(self, titles: frozenset[str], stopwords: frozenset[str],
                 role_words: frozenset[str] = frozenset(),
                 complements: Complements = NO_COMPLEMENTS,
                 cjk: CjkNameWords | None = None,
                 role_suffixes: frozenset[str] = frozenset(),
                 joiners: frozenset[str] = frozenset(),
                 heads: frozenset[str] = frozenset(),
                 conjunctions: frozenset[str] = frozenset(),
                 residences: frozenset[str] = frozenset()) -> None:
        # "King Charles welcomed him at Windsor Castle": a titled phrase that names a
        # building (`names.building_name`, the lexicons' `residence_words`) is no person
        self._residences = residences
        # Japanese and Chinese names beside a title (cjk_names.py, issue 14 unknown round)
        self._cjk = cjk
        # "Correia e Silva": the conjunction inside a compound surname (`surname_joiners`)
        self._joiners = joiners
        # "la gare de Saint-Denis Pleyel": nouns of places and bodies (`place_heads`)
        self._heads = heads
        self._conjunctions = conjunctions
        # The lexicons' `titles` also hold words that merely end a name ("il", "la", "Mr"):
        # only a real role word ("senator", "министр", "maire") makes a name a person's.
        self.roles = frozenset(t for t in titles if len(t) >= _MIN_TITLE and t not in stopwords
                               ) | role_words
        self._cut = titles | role_words
        self._stopwords = stopwords
        self._complements = complements
        # Compound titles ("Frp-leder", "Partileder", "SPD-Chefin", "VVD-leider"): the
        # lexicons' `title_suffixes` and the role words after a hyphen (issue 14, fixu).
        self._suffixes = role_suffixes
        # One Aho-Corasick pass finds every role word (a regex alternation of hundreds of
        # words would try each at every position).
        self._role: ahocorasick.Automaton | None = None
        if self.roles:
            self._role = ahocorasick.Automaton()
            for role in self.roles | role_suffixes:
                self._role.add_word(role, (len(role), role in role_suffixes))
            self._role.make_automaton()

    def find(self, text: str, lang: str, taken: list[tuple[int, int]], headline_end: int = 0
             ) -> list[LocalName]:
        """Titled names not in `taken` (the gazetteer's matches), then their later mentions
        and their surnames in the headline (`text[:headline_end]`)."""
        mask = bytearray(len(text) + 1)
        for start, end in taken:
            mask[start:end] = b"\x01" * (end - start)
        if self._cjk is not None:
            return [LocalName(n.name, n.start, n.end, text[n.start : n.end], n.full)
                    for n in cjk_names(text, self._cjk, mask)]
        if self._role is None:
            return []
        full: list[LocalName] = []
        for start, end, name in self._sequences(text):
            start, name = _without_leading_codes(text, start, name)
            start, name, compound = _without_leading_compound(text, start, name, self.is_role)
            start, name = _without_title_complement(text, start, name, lang, self.roles)
            if len(name.split()) < 2 or mask.find(1, start, end) != -1 or \
                    quoted_phrase(text, start, end) or \
                    complement_of_title(text, start, end, self.is_role):
                continue
            end, name = _with_joined_surname(text, end, name, self._joiners, mask)
            end, name = _without_place_tail(text, start, end, name)
            if building_name(text, end, name.split(), self._residences):
                continue
            if not (compound or _title_before(text, start, self.roles, self.is_role) or
                    _title_after(text, end, self.roles, self.is_role)):
                continue
            full.append(LocalName(_as_written(nominative(name, lang, text[end : end + 20],
                                                         text[max(0, start - 30) : start]),
                                              text),
                                  start, end, text[start:end], True))
            mask[start:end] = b"\x01" * (end - start)
        if not full:
            return []
        return sorted(full + _later_mentions(text, full, mask, headline_end),
                      key=lambda n: n.start)

    def is_role(self, word: str) -> bool:
        """A role word, or a compound ending in one: "Frp-leder", "Partileder", "SPD-Chef"
        (the part after a hyphen a role word, or the word ending in a `title_suffixes`
        word longer than it)."""
        folded = word.casefold()
        if folded in self.roles:
            return True
        if "-" in folded and folded.rsplit("-", 1)[1] in self.roles:
            return True
        return any(folded.endswith(s) and len(folded) > len(s) for s in self._suffixes)

    def _sequences(self, text: str) -> list[tuple[int, int, str]]:
        """Name sequences near a role word only: the windows where a titled name can be
        (the whole article is most of the cost otherwise)."""
        windows: list[list[int]] = []
        lowered = lower_same_length(text)
        for last, (length, suffix) in self._role.iter(lowered) if self._role else ():
            start, end = last + 1 - length, last + 1
            if (start > 0 and lowered[start - 1].isalnum() and not suffix) or \
                    (end < len(text) and lowered[end].isalnum()):
                continue  # inside a longer word (but "Partileder" ends in a title)
            low, high = max(0, start - _WINDOW_BEFORE), end + _WINDOW_AFTER
            if windows and low <= windows[-1][1]:
                windows[-1][1] = high
            else:
                windows.append([low, high])
        found: list[tuple[int, int, str]] = []
        for low, high in windows:
            while low > 0 and not text[low - 1].isspace():
                low -= 1  # never cut a word in two
            while high < len(text) and not text[high].isspace():
                high += 1
            found += [(start + low, end + low, name) for start, end, name in
                      name_sequences(text[low:high], self._stopwords, self._cut,
                                     self._complements, heads=self._heads,
                                     conjunctions=self._conjunctions)]
        return found


_WINDOW_BEFORE = 90  # "Pierre Hurmic, maire": the name before the role word
_WINDOW_AFTER = 110  # "министр финансов и экономики Иван Петров": the name after it


def local_names(text: str, lang: str, titles: frozenset[str], stopwords: frozenset[str],
                taken: list[tuple[int, int]], role_words: frozenset[str] = frozenset()
                ) -> list[LocalName]:
    """Titled names not in `taken`, then their later mentions (a one-off finder)."""
    return LocalNameFinder(titles, stopwords, role_words).find(text, lang, taken)


def with_local_names(text: str, hits: list[FigureHit], lang: str, finder: LocalNameFinder,
                     headline_end: int = 0,
                     names_of: Callable[[str], tuple[str, ...]] | None = None
                     ) -> list[FigureHit]:
    """The spotter's hits plus the titled names it does not know (figure_id "", `name`
    set), in text order; `text[:headline_end]` is the headline. `names_of(figure_id)`: a
    figure's names, to tell a title's holder written in an unlisted form ("прем'єр-міністра
    Норвегії Юнаса Гара Стере") from another person after the title."""
    local = finder.find(text, lang, [(h.start, h.end) for h in hits], headline_end)
    if not local:
        return hits
    holders = [n for n in local if n.full and any(
        _after_title(text, h, n) and _same_surname(n, names_of(h.figure_id) if names_of else ())
        for h in hits)]
    if holders:
        local = [n for n in local if n not in holders]
    extra = [FigureHit("", n.start, n.end, FORM_LOCAL if n.full else FORM_LOCAL_SURNAME,
                       n.surface, possessive=text.startswith(("'s", "’s"), n.end), name=n.name)
             for n in local]
    named = [n for n in local if n.full]
    kept = _held_by_the_named(text, [h for h in hits if not _titles_a_name(text, h, named)],
                              _article_holders(text, hits, named))
    return sorted(kept + extra, key=lambda h: h.start)


def _article_holders(text: str, hits: list[FigureHit], named: list[LocalName]
                     ) -> dict[str, LocalName]:
    """The figures whose title the article gives to a person it names ("premier Rob Jetten":
    the gazetteer's holder of "premier" on the date, mapped to Rob Jetten), when it gives
    that title to one person only and never names the gazetteer's holder himself."""
    holders: dict[str, list[LocalName]] = {}
    for hit in hits:
        for name in named:
            if _after_title(text, hit, name):
                holders.setdefault(hit.figure_id, []).append(name)
    own = {h.figure_id for h in hits if h.form != FORM_TITLE}
    return {figure: names[0] for figure, names in holders.items()
            if figure not in own and len({n.name for n in names}) == 1}


def _held_by_the_named(text: str, hits: list[FigureHit], holders: dict[str, LocalName]
                       ) -> list[FigureHit]:
    """"premier Rob Jetten ... het Catshuis", "Premier Lin ... the Executive Yuan": an office,
    residence or title the gazetteer resolves by date stands for the holder the article
    itself names (outside36 round: a writer's holder of the day, not the gazetteer's)."""
    if not holders:
        return hits
    return [FigureHit("", h.start, h.end, FORM_LOCAL_SURNAME, h.surface,
                      possessive=h.possessive, name=holders[h.figure_id].name)
            if h.form == FORM_TITLE and h.figure_id in holders else h for h in hits]


_ADJECTIVAL_NOMINATIVES = ("ый", "ий", "ой")


def _as_written(name: str, text: str) -> str:
    """"Сергея Лугового ... Луговой заявил": a Russian adjectival surname put back in the
    nominative by rule ("Луговый") takes the nominative ending the article itself writes
    (outside36 round); a name the article never writes in another form stays as it is."""
    words = name.split()
    last = words[-1] if words else ""
    if not last.endswith(_ADJECTIVAL_NOMINATIVES) or f" {last}" in text or len(last) < 5:
        return name
    stem = last[:-2]
    for ending in _ADJECTIVAL_NOMINATIVES:
        if re.search(rf"(?<![\w-]){re.escape(stem + ending)}(?![\w-])", text):
            return " ".join([*words[:-1], stem + ending])
    return name


def _titles_a_name(text: str, hit: FigureHit, named: list[LocalName]) -> bool:
    """"премьер-министра Нидерландов Роба Йеттена", "Prime Minister of the Netherlands Rob
    Jetten": a title the gazetteer resolves by date, followed right away by a person's
    name, is that person's title; it does not stand for its holder on the article's
    date."""
    return any(_after_title(text, hit, n) for n in named)


def _after_title(text: str, hit: FigureHit, name: LocalName) -> bool:
    return hit.form == FORM_TITLE and name.start > hit.end and \
        not text[hit.end : name.start].strip()


_SURNAME_STEM = 4  # letters two forms of one surname share ("Стере", "Støre" in Cyrillic)


def _same_surname(name: LocalName, figure_names: tuple[str, ...]) -> bool:
    """A word of the local name is a word of one of the figure's names, in another case
    or spelling ("Юнаса Гара Стере" for "Йонас Гар Стёре", "Sheikh Mohammed" for
    "Mohamed bin Zayed"): the same person, not another one after the title."""
    def stems(text: str) -> set[str]:
        return {w.casefold().replace("ё", "е")[:_SURNAME_STEM] for w in text.split()
                if len(w) >= _SURNAME_STEM}

    own = stems(name.surface)
    return any(own & stems(known) for known in figure_names)


def _with_joined_surname(text: str, end: int, name: str, joiners: frozenset[str],
                         mask: bytearray) -> tuple[int, str]:
    """"Ulisses Correia e Silva,": a joiner word (`surname_joiners`: pt "e", es "y") and one
    capitalised word closing the clause continue a name of two words; the conjunction of
    two people ("Lula e Xi Jinping") has a whole name after it (roles32 round)."""
    match = re.match(r" (\w+) ([A-ZÀ-ÖØ-Þ][\w'-]+)(?=[,.;:)]|$)", text[end : end + 40])
    if match is None or match.group(1) not in joiners or len(name.split()) != 2 or \
            mask.find(1, end, end + match.end()) != -1:
        return end, name
    return end + match.end(), f"{name} {match.group(1)} {match.group(2)}"


# "Burgemeester Carola Schouten van Rotterdam": "of" words that join a titled person to the
# town or body the title belongs to, as they join a surname's particle group
_PLACE_JOINERS = frozenset(["van", "von", "de", "di", "da", "do", "du", "del", "della"])


def _without_place_tail(text: str, start: int, end: int, name: str) -> tuple[int, str]:
    """"Carola Schouten van Rotterdam" -> "Carola Schouten" (names33 round): a whole name
    of two words or more, an "of" word and one capitalised word, when the article names
    the person by the word before the "of" alone elsewhere ("Schouten wil ..."): that word
    is the surname, and the rest is the place the title is of. A particle of the surname
    ("Ursula von der Leyen", "Anouk van der Linden") is never so cut: the given name is
    not written alone, and a particle group has two words."""
    tokens = name.split()
    if len(tokens) < 4 or tokens[-2] not in _PLACE_JOINERS or not tokens[-1][:1].isupper():
        return end, name
    surname = tokens[-3]
    alone = re.compile(rf"(?<![\w'’\-]){re.escape(surname)}(?![\w'’\-])(?! {tokens[-2]} )")
    if not any(m.start() < start or m.start() >= end for m in alone.finditer(text)):
        return end, name
    cut = text.rindex(f" {tokens[-2]} ", start, end)
    return cut, " ".join(tokens[:-2])


def _without_leading_codes(text: str, start: int, name: str) -> tuple[int, str]:
    """"ОДА Петро Іваненко" -> "Петро Іваненко": an abbreviation before a name is the
    body the person heads."""
    tokens = name.split()
    while len(tokens) > 2 and tokens[0].isupper() and len(tokens[0]) > 1:
        start = text.index(tokens[1], start + len(tokens[0]))
        tokens = tokens[1:]
    if tokens and tokens[0].isupper() and len(tokens[0]) > 1:
        return start, ""
    return start, " ".join(tokens)


_COMPLEMENT_MARKERS = COMPLEMENT_MARKERS


def _without_title_complement(text: str, start: int, name: str, lang: str = "",
                              roles: frozenset[str] = frozenset()) -> tuple[int, str]:
    """"President of Turkmenistan Serdar Berdimuhamedov" -> "Serdar Berdimuhamedov": after
    "of" the first capitalised word completes the title (a country, a city, a body). Russian
    and Ukrainian say "of" with the genitive: "голова Ужгорода Тарас Мельничук"; Polish and
    Czech too: "prezydent Gdyni Aleksandra Kłos", "primátorka Prahy Jana Nová"."""
    tokens = name.split()
    before = text[max(0, start - 12) : start].split()
    if len(tokens) < 3 or not before:
        return start, name
    # A role word opening a sentence is capitalised ("Мэр Самары Анна Петрова"): lower it.
    title = before[-1].lower() if before[-1].casefold() in roles else before[-1]
    if title.casefold() not in _COMPLEMENT_MARKERS and \
            not _genitive_complement(tokens, title) and \
            not _west_slavic_place(tokens, title, lang) and \
            not _town_named_apart(text, start, tokens, title, lang):
        return start, name
    return text.index(tokens[1], start + len(tokens[0])), " ".join(tokens[1:])


_GENITIVE_ENDINGS = ("а", "я", "и", "ы", "і", "ї", "у")
_PATRONYMIC = re.compile(r"(ович|евич|євич|ич|овна|евна|ична|івна|ївна)$")


def _genitive_complement(tokens: list[str], before: str) -> bool:
    """After a lower-case title word ("голова", "госсовета"), the first of three Cyrillic
    capitalised words in a genitive ending is a place or body ("Татарстана Фарид
    Галимзянов"), unless the second is a patronymic ("Мария Владимировна Захарова")."""
    first, second = tokens[0].lower(), tokens[1].lower()
    # "Санкт-Петербурга", "Івано-Франківська": a hyphenated place, each part Cyrillic
    # (outside36 round)
    return before[:1].islower() and before.isalpha() and len(first) >= 5 and \
        all("\u0400" <= c <= "\u04ff" for c in first.replace("-", "")) and \
        first.endswith(_GENITIVE_ENDINGS) and \
        _PATRONYMIC.search(second) is None


# Genitive endings of Polish and Czech place names after a title ("Gdyni", "Warszawy",
# "Prahy", "Ostravy", "Łodzi"): never the ending of a given name in the nominative.
_WEST_SLAVIC_PLACE_GENITIVE = ("i", "y")
# "burmistrza Sandomierza Marcina Dziubę": a town in a genitive -a / -u ("Sandomierza",
# "Koszalina", "Lublina") when the name after it is a given name and surname (issue 14,
# unknown round)
_WEST_SLAVIC_TOWN_GENITIVE = ("a", "u")
_MIN_TOWN = 5


def _west_slavic_place(tokens: list[str], before: str, lang: str) -> bool:
    """"prezydent Gdyni Aleksandry Kłos": after a lower-case title word, the first of three
    capitalised words in a genitive -i / -y is the town the title belongs to."""
    if not (lang in ("pl", "cs", "sk") and before[:1].islower() and before.isalpha()):
        return False
    first = tokens[0].lower()
    return (len(first) >= 4 and first.endswith(_WEST_SLAVIC_PLACE_GENITIVE)) or (
        len(tokens) == 3 and len(first) >= _MIN_TOWN and first.endswith(_WEST_SLAVIC_TOWN_GENITIVE)
        and (nominative(" ".join(tokens[1:]), lang) != " ".join(tokens[1:])
             or _man_in_nominative(tokens[1:])))


def _town_named_apart(text: str, start: int, tokens: list[str], before: str, lang: str
                      ) -> bool:
    """"Prezydent Gdańska Aleksandra Dulkiewicz ... do Gdańska" (names34 round): a woman's
    given name ends in -a like a town's genitive, so the word order alone cannot tell the
    town from the name. The article can: the first of three words in a genitive -a / -u
    that it also writes elsewhere on its own (not before the same given name: "do
    Gdańska", "urzędu miasta Gdańska") is a place, the title's town."""
    if not (lang in ("pl", "cs", "sk") and before[:1].islower() and before.isalpha()) or \
            len(tokens) != 3:
        return False
    first = tokens[0]
    if len(first) < _MIN_TOWN or not first.lower().endswith(_WEST_SLAVIC_TOWN_GENITIVE):
        return False
    # after a lower-case word (a preposition, a noun it completes) and before no
    # capitalised word: a given name stands before its surname
    alone = re.compile(rf"(?<=[a-ząćęłńóśźżáčďéěíňřšťúůýž] ){re.escape(first)}"
                       r"(?![\w'’\-])(?! [A-ZĄĆĘŁŃÓŚŹŻÁČĎÉĚÍŇŘŠŤÚŮÝŽ])")
    return any(m.start() != start for m in alone.finditer(text))


def _man_in_nominative(tokens: list[str]) -> bool:
    """"Prezydent Krakowa Aleksander Miszalski" (names33 round): a given name ending in a
    consonant, then a surname, is a man named in the nominative; a word in -a before it
    cannot be his (a declined given name declines the next one too), so it is the town
    the title is of."""
    given = tokens[0].lower()
    return len(tokens) == 2 and len(given) >= 3 and given[-1].isalpha() and \
        given[-1] not in _WEST_VOWELS_ALL and tokens[1][-1:].isalpha()


_WEST_VOWELS_ALL = "aeiouyáéěíóúůýąę"


def _without_leading_compound(text: str, start: int, name: str, is_role: Callable[[str], bool]
                              ) -> tuple[int, str, bool]:
    """"Frp-leder Sylvi Listhaug" -> "Sylvi Listhaug", titled: a capitalised compound title
    opening the run (a sentence's first word, or a party's abbreviation before a hyphen) is
    the person's role, not a given name."""
    tokens = name.split()
    # A part after a hyphen in lower case is a common noun ("D66-lijsttrekker"), never a
    # part of a double given name ("Jean-Marie") or surname.
    if len(tokens) < 3 or not (is_role(tokens[0]) or tokens[0].rsplit("-", 1)[-1][:1].islower()):
        return start, name, False
    return text.index(tokens[1], start + len(tokens[0])), " ".join(tokens[1:]), True


def _title_before(text: str, start: int, titles: frozenset[str],
                  is_role: Callable[[str], bool] | None = None) -> bool:
    before = text[max(0, start - 80) : start]
    # Only within the clause, but across one appositive comma ("le maire de Bordeaux, P…").
    clause = re.split(r"[.;:!?\n()«»\"“”]", before)[-1]
    # "O presidente da Câmara dos Deputados, Hugo Motta": the "of" words inside the title's
    # complement do not count against the distance (names33 round)
    words = [w.casefold() for w in _WORD.findall(clause)
             if w.casefold() not in _COMPLEMENT_MARKERS][-_TITLE_BEFORE_WORDS:]
    return any(w in titles or (is_role is not None and is_role(w)) for w in words)


def _title_after(text: str, end: int, titles: frozenset[str],
                 is_role: Callable[[str], bool] | None = None) -> bool:
    after = text[end : end + 60]
    if not after.startswith(", "):
        return False
    words = [w.casefold() for w in _WORD.findall(re.split(r"[.;:!?\n,]", after[2:])[0])]
    return any(w in titles or (is_role is not None and is_role(w))
               for w in words[:_TITLE_AFTER_WORDS])


# Case endings of a Latin- or Greek-script surname: Polish, Czech and Slovak ("Kowalskiego",
# "Nováka", "Fialou"), German genitive ("Schmidtkes"), Greek ("Παπαδόπουλο"). By the
# nominative's ending.
_LATIN_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ski", ("skiego", "skiemu", "skim")), ("cki", ("ckiego", "ckiemu", "ckim")),
    ("ský", ("ského", "skému", "ským")), ("cký", ("ckého", "ckému", "ckým")),
    ("ý", ("ého", "ému", "ým")),
    ("y", ("ego", "emu", "ym")),  # Polish adjectival surnames: "Czarzastego" (fixu round)
    ("a", ("y", "i", "ę", "ą", "u", "ou", "ovi", "owi")),
    ("ος", ("ο", "ου", "ε")), ("ης", ("η",)), ("ας", ("α",)),  # Greek masculine names
)
_LATIN_CONSONANT_FORMS = ("a", "owi", "ovi", "em", "iem", "u", "s")


def _declined_owner(token: str, by_surname: dict[str, str]) -> str:
    """"Kowalskiego" -> "Jan Kowalski", "Nováka" -> "Jan Novák", "Παπαδόπουλο" -> ...: a
    declined surname (or a German genitive) whose nominative was named in full."""
    for surname, name in by_surname.items():
        if not token.startswith(surname[:-3]) or len(surname) < 4:
            continue
        lower, folded = surname.lower(), token.lower()
        for ending, forms in _LATIN_FORMS:
            if lower.endswith(ending) and folded in {lower[: -len(ending)] + f for f in forms}:
                return name
        if lower[-1:].isalpha() and lower[-1] not in "aeiouyáéíóúýς" and \
                folded in {lower + f for f in _LATIN_CONSONANT_FORMS}:
            return name
        if folded in (lower + "s", lower + "'", lower + "’"):
            return name  # "Schmidtkes Antwort"
    return ""


def _later_mentions(text: str, full: list[LocalName], mask: bytearray, headline_end: int = 0
                    ) -> list[LocalName]:
    """The surname alone (or declined) after the full name, outside the taken spans; in
    the headline also before it ("Ferraresi invita Colombo": the body names both in full)."""
    by_surname: dict[str, str] = {}
    for person in full:
        surname = person.name.split()[-1]
        if len(surname) >= 3:
            # Two people with one surname: a bare surname is no longer clear.
            by_surname[surname] = "" if by_surname.get(surname, person.name) != person.name \
                else person.name
    first_start = min(p.start for p in full)
    found: list[LocalName] = []
    headline = list(_WORD.finditer(text[:headline_end])) if headline_end < first_start else []
    for match in [*headline, *_WORD.finditer(text, first_start)]:
        token = match.group(0)
        if not token[:1].isupper() or mask.find(1, match.start(), match.end()) != -1:
            continue
        name = _owner(token, by_surname)
        if name:
            end = match.end() - (2 if token.endswith(("'s", "’s")) else 0)
            found.append(LocalName(name, match.start(), end, text[match.start() : end], False))
    return found


def _owner(token: str, by_surname: dict[str, str]) -> str:
    bare = token
    for mark in ("'s", "’s"):
        if token.endswith(mark):
            bare = token[: -len(mark)]
    if bare in by_surname:
        return by_surname[bare]
    if not ("\u0400" <= token[-1:] <= "\u04ff"):
        return _declined_owner(token, by_surname)
    for surname, name in by_surname.items():
        stem = surname
        for ending in _CYRILLIC_ENDINGS:
            if surname.endswith(ending) and len(surname) - len(ending) >= 3:
                stem = surname[: -len(ending)]
                break
        if token.startswith(stem) and token[len(stem):] in _CYRILLIC_SUFFIXES:
            return name
    return ""


def weakly_named(text: str, name: str, roles: frozenset[str], given: frozenset[str]) -> bool:
    """Whether a name found only from the text of a language that capitalises every noun
    has nothing to show it is a person's: "am Denkmal Blumen niederlegen" has two
    capitalised nouns, not "Denkmal Blumen". Evidence is a role word before or after it
    (`roles`, folded: "Bürgermeisterin Jana Berger"), a known given name as its first
    word (`given`, folded: "Jens Wolters"), or its last word again on its own later in
    the text ("... sagte Wolters"). A name the text does not hold as written (put back
    in the nominative) is left alone."""
    words = name.split()
    start = text.find(name)
    if len(words) < 2 or start == -1:
        return False
    if words[0].casefold() in given:
        return False
    if _title_before(text, start, roles) or _title_after(text, start + len(name), roles):
        return False
    surname = re.escape(words[-1])
    alone = len(re.findall(rf"(?<![\w'’\-]){surname}(?:s)?(?![\w'’\-])", text))
    return alone <= len(re.findall(re.escape(name), text))
