"""Hosts inferred from where an occasion is (issue 14, hostinf round).

Most outcome-only reports of a visit never say who hosts it: "Modi landed in Moscow on
Monday. He and Vladimir Putin discussed oil payments." The place says it. A leader F of
country A who travels to, arrives in or holds talks in country B (named as the country, its
capital, a capital by adjective - "the Japanese capital" - or a residence of B's leader:
"the Kremlin", "the Élysée"), and a leader H of B in office on the article's date meeting or
talking with someone in that sentence or the next, make H the host who invited F.

Precision first, since no word says "host": both must be leaders the gazetteer knows, the
place must be one country other than F's own, a sentence holding an international body's
seat ("the UN General Assembly in New York"), troops or a private trip gives nothing, nor
one that is hedged, negated, invites or names another year. The status is the tense:
announced = accepted, being arranged = pending, else took_place. The words are in
`lexicons/_host_by_place.toml`; the adjectives of capitals are `_countries.toml`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.domain import Status
from bot.errors import ConfigError
from bot.matcher.clause import Ref
from bot.matcher.data_files import read_data_file, string_list
from bot.matcher.dates import names_another_year

# Languages written without spaces: a phrase is a plain substring there.
_UNSPACED = frozenset({"ja", "zh", "ko"})
_LIST_KEYS = ("travel", "encounter", "ahead", "plan", "doubt", "relative", "capital", "without")
# What ends the reach of a `without` word: the end of its clause.
_CLAUSE_END = re.compile(r"[,;:.!?()«»\"]")
# How far (characters) a party may stand from the word that places or pairs it: a clause,
# roughly ("Indian Prime Minister Narendra Modi landed in Moscow").
_NEAR = 90
_NEAR_UNSPACED = 40
# Languages whose verb (and its tense) comes after the host: "Takaichi ile bir araya gelecek".
_VERB_FINAL = frozenset({"ja", "zh", "ko", "tr"})
# How far after the host a tense word still belongs to its clause (elsewhere).
_AFTER_HOST = 25
# Letters an adjective may change at its end and still be the country's ("китайской" for
# "китайский", "ukraińskiej" for "ukraiński"), and the least it must keep.
_ENDING = 3
_STEM_MIN = 5


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """One language's lists, compiled."""

    patterns: dict[str, re.Pattern[str] | None]
    # Each list's phrases as plain text: a substring test first, far cheaper than the
    # pattern's word-boundary alternation on the many texts holding none of them.
    literals: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def _present(self, key: str, folded: str) -> re.Pattern[str] | None:
        pattern = self.patterns.get(key)
        if pattern is None or not any(w in folded for w in self.literals.get(key, ())):
            return None
        return pattern

    def hits(self, key: str, folded: str) -> list[tuple[int, int]]:
        pattern = self._present(key, folded)
        return [] if pattern is None else [m.span() for m in pattern.finditer(folded)]

    def has(self, key: str, folded: str) -> bool:
        pattern = self._present(key, folded)
        return pattern is not None and pattern.search(folded) is not None


@dataclass(frozen=True, slots=True)
class PlaceHostWords:
    """Everything `_host_by_place.toml` (and `_countries.toml`'s adjectives) give."""

    languages: dict[str, PlaceWords] = field(default_factory=dict)
    excluded: tuple[str, ...] = ()
    residences: tuple[tuple[str, str], ...] = ()  # (folded name, country code)
    # One pass over a sentence for every residence: the name at a word start -> its code.
    residence_pattern: re.Pattern[str] | None = None
    residence_codes: dict[str, str] = field(default_factory=dict)
    adjectives: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    def may_travel(self, folded: str, lang: str) -> bool:
        words = self.languages.get(lang)
        return words is not None and words.has("travel", folded)

    def may_fire(self, folded: str, lang: str) -> bool:
        """Whether a text can hold a visit at all (the matcher's prefilter asks): a trip and
        a meeting word; the matcher then asks for a place."""
        words = self.languages.get(lang)
        return words is not None and words.has("travel", folded) and \
            words.has("encounter", folded)


@dataclass(frozen=True, slots=True)
class PlacedSentence:
    """A sentence as this rule reads it: its figures and the countries its places name
    (a country's name or capital, through `_places.toml`)."""

    index: int
    text: str
    refs: tuple[Ref, ...]
    countries: frozenset[str]
    title: bool = False


@dataclass(frozen=True, slots=True)
class PlaceHosted:
    host: Ref
    guest: Ref
    status: Status
    evidence: str
    country: str  # where the visit is
    sentence_index: int  # the host's sentence


def _compile(phrases: list[str], unspaced: bool) -> re.Pattern[str] | None:
    if not phrases:
        return None
    parts = []
    for phrase in sorted({p.casefold().strip() for p in phrases}, key=len, reverse=True):
        stem = phrase.endswith("*")
        body = re.escape(phrase.rstrip("*").strip())
        if unspaced:
            parts.append(body)
        else:
            parts.append(r"(?<!\w)" + body + (r"\w*" if stem else r"(?!\w)"))
    return re.compile("|".join(parts))


def load_place_hosts(path: Path, countries_path: Path | None = None) -> PlaceHostWords:
    """Read `_host_by_place.toml`; a missing file means no inference. ConfigError names
    the key."""
    data = read_data_file(path)
    if data is None:
        return PlaceHostWords()
    countries = read_data_file(countries_path) if countries_path is not None else None
    return place_hosts_from_data(data, countries or {}, source=str(path))


def place_hosts_from_data(data: dict[str, Any], countries: dict[str, Any], *,
                          source: str = "_host_by_place.toml") -> PlaceHostWords:
    problems: list[str] = []
    excluded = tuple(w.casefold() for w in string_list(data.get("excluded", []), "excluded",
                                                       source, problems))
    residences: list[tuple[str, str]] = []
    for code, names in (data.get("residences") or {}).items():
        residences += [(n.casefold(), code) for n in string_list(names, f"residences.{code}",
                                                                  source, problems)]
    # `_countries.toml`'s [seats] (seat33 round): a leader's seat places the visit in the
    # country as this file's own residences do ("lunch at the Catshuis").
    seats = countries.get("seats")
    for code, lists in (seats.items() if isinstance(seats, dict) else ()):
        for names in (lists.values() if isinstance(lists, dict) else ()):
            residences += [(" ".join(n.casefold().split()), code) for n in names
                           if isinstance(n, str)]
    languages: dict[str, PlaceWords] = {}
    for lang, table in (data.get("languages") or {}).items():
        if not isinstance(table, dict):
            problems.append(f"{source}: languages.{lang}: must be a table")
            continue
        unknown = set(table) - set(_LIST_KEYS)
        if unknown:
            problems.append(f"{source}: languages.{lang}: unknown keys {sorted(unknown)}")
        lists = {key: string_list(table.get(key, []), f"languages.{lang}.{key}", source,
                                  problems) for key in _LIST_KEYS}
        languages[lang] = PlaceWords(
            {key: _compile(phrases, lang in _UNSPACED) for key, phrases in lists.items()},
            {key: tuple(p.casefold().rstrip("*").strip() for p in phrases)
             for key, phrases in lists.items()})
    if problems:
        raise ConfigError(problems)
    pattern = re.compile("|".join(
        (r"(?<!\w)" if name[:1].isalnum() and name.isascii() else "") + re.escape(name)
        for name, _ in sorted(residences, key=lambda r: -len(r[0])))) if residences else None
    return PlaceHostWords(languages=languages, excluded=excluded, residences=tuple(residences),
                          residence_pattern=pattern, residence_codes=dict(residences),
                          adjectives=_adjectives(countries))


def _adjectives(countries: dict[str, Any]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each language's country adjectives (folded) with their country code."""
    out: dict[str, list[tuple[str, str]]] = {}
    for entry in countries.get("countries", []):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            continue
        for lang, words in entry.items():
            if isinstance(words, dict):
                out.setdefault(lang, []).extend(
                    (a.casefold(), entry["code"]) for a in words.get("adj", [])
                    if isinstance(a, str))
    return {lang: tuple(pairs) for lang, pairs in out.items()}


def place_countries(text: str, lang: str, words: PlaceHostWords) -> set[str]:
    """The countries a sentence names by a residence of their leader or by a capital with
    the country's adjective ("the Japanese capital", "Japon başkentinde"); the names and
    capitals themselves come from the place finder."""
    folded = text.casefold()
    codes = words.residence_codes
    found = {codes[m.group(0)] for m in words.residence_pattern.finditer(folded)
             if m.group(0) in codes} if words.residence_pattern is not None else set()
    own = words.languages.get(lang)
    if own is None:
        return found
    for start, end in own.hits("capital", folded):
        before = folded[:start].split()[-1:] if lang not in _UNSPACED else []
        after = folded[end:].split()[:1]
        for token in (*before, *after):
            code = _adjective_country(token.strip(".,;:«»\"'()"), words.adjectives.get(lang, ()))
            if code is not None:
                found.add(code)
    return found


def _adjective_country(token: str, adjectives: tuple[tuple[str, str], ...]) -> str | None:
    """The country whose adjective the token is, allowing another ending; the longest
    shared stem wins ("Austrian" is no "Australian")."""
    best: tuple[int, str] | None = None
    for adjective, code in adjectives:
        keep = max(len(adjective) - _ENDING, min(_STEM_MIN, len(adjective)))
        if token[:keep] == adjective[:keep] and len(token) >= keep:
            shared = len(_common_prefix(token, adjective))
            if best is None or shared > best[0]:
                best = (shared, code)
    return best[1] if best else None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def hosts_by_place(sentences: Sequence[PlacedSentence], lang: str, words: PlaceHostWords,
                   is_leader: Callable[[Ref], bool], in_office: Callable[[Ref], bool],
                   year: int | None) -> list[PlaceHosted]:
    """host -> guest of every visit a sentence places in a country whose leader meets the
    guest there or in the next sentence (see the module's docstring)."""
    own = words.languages.get(lang)
    if own is None or year is None:
        return []
    reading = _Reading(own, words, is_leader, in_office, year,
                       _NEAR_UNSPACED if lang in _UNSPACED else _NEAR,
                       lang in _VERB_FINAL)
    out: list[PlaceHosted] = []
    seen: set[tuple[str, str]] = set()
    for position in range(len(sentences)):
        for found in reading.visit(sentences, position):
            key = (found.host.party.key, found.guest.party.key)
            if key not in seen:
                seen.add(key)
                out.append(found)
    return out


@dataclass(frozen=True, slots=True)
class _Reading:
    own: PlaceWords
    words: PlaceHostWords
    is_leader: Callable[[Ref], bool]
    in_office: Callable[[Ref], bool]
    year: int
    near: int
    verb_final: bool

    def visit(self, sentences: Sequence[PlacedSentence], position: int) -> list[PlaceHosted]:
        sentence = sentences[position]
        if sentence.title or not sentence.refs or self.barred(sentence):
            return []
        # The guest is the one who travels ("Modi landed in Moscow"); a meeting alone in a
        # city ("Macron met Lula in Paris") is an observation, no hosted visit.
        folded = sentence.text.casefold()
        triggers = self.unnegated(folded, self.own.hits("travel", folded))
        travellers = [r for r in sentence.refs if self.is_leader(r) and r.country
                      and _close(r, [t for t in triggers if not self.relative(folded, r, t)],
                                 self.near)]
        if not travellers:
            return []
        following = self.following(sentences, position)
        # The place is the visit sentence's; only when it names none abroad, the next
        # sentence's ("... landed on Monday. He and Putin talked at Novo-Ogaryovo").
        places = self.abroad(sentence, travellers)
        if not places and following:
            places = self.abroad(following[0], travellers)
        by_country: dict[str, list[PlaceHosted]] = {}
        for country in sorted(places):
            guests = [r for r in travellers if r.country != country]
            found = self.hosted(sentence, [sentence, *following], country, guests)
            if found:
                by_country[country] = found
        # Two countries each with a leader meeting the traveller: no telling which hosts.
        return next(iter(by_country.values())) if len(by_country) == 1 else []

    def relative(self, folded: str, ref: Ref, trigger: tuple[int, int]) -> bool:
        """The trip is told in a relative clause after the traveller ("X, who arrived in
        Russia on a working visit"): a comma and a relative pronoun between them."""
        between = folded[ref.end:trigger[0]]
        comma = between.find(",")
        return comma >= 0 and self.own.has("relative", between[comma:])

    def barred(self, sentence: PlacedSentence) -> bool:
        """A sentence that can report no visit of this kind: hedged, negated or inviting,
        at an international body's seat or with troops, or about another year."""
        folded = sentence.text.casefold()
        return self.own.has("doubt", folded) or any(w in folded for w in self.words.excluded) \
            or names_another_year(sentence.text, self.year)

    def following(self, sentences: Sequence[PlacedSentence], position: int
                  ) -> list[PlacedSentence]:
        """The next two sentences while they go on with the visit (not barred, no title);
        the second only follows a first that names the host (`hosted`)."""
        out = []
        for sentence in sentences[position + 1:position + 3]:
            if sentence.title or self.barred(sentence):
                break
            out.append(sentence)
        return out

    @staticmethod
    def abroad(sentence: PlacedSentence, travellers: list[Ref]) -> set[str]:
        """The countries the sentence names that are some traveller's abroad."""
        return {c for c in sentence.countries if any(r.country != c for r in travellers)}

    def hosted(self, visit: PlacedSentence, window: list[PlacedSentence], country: str,
               guests: list[Ref]) -> list[PlaceHosted]:
        out: list[PlaceHosted] = []
        for offset, sentence in enumerate(window):
            if offset and (self.moves_on(sentence, country, guests) or
                           (offset == 2 and not any(f.sentence_index == window[1].index
                                                    for f in out))):
                break
            for host in self.hosts_in(sentence, country):
                if _host_speaks_first(sentence, host, guests,
                                      self.own.hits("encounter", sentence.text.casefold())):
                    continue
                status = self.status(visit, sentence, host)
                evidence = visit.text if sentence is visit else f"{visit.text} {sentence.text}"
                out += [PlaceHosted(host, guest, status, evidence, country, sentence.index)
                        for guest in _distinct(guests) if guest.party.key != host.party.key]
        return out

    def moves_on(self, sentence: PlacedSentence, country: str, guests: list[Ref]) -> bool:
        """The sentence takes the traveller to another country ("then flew on to Paris")."""
        homes = {g.country for g in guests}
        return bool(self.own.has("travel", sentence.text.casefold()) and
                    sentence.countries - {country} - homes -
                    {r.country for r in sentence.refs})

    def unnegated(self, folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The spans no `without` word of their clause comes before: "de nuevo sin
        reunión con el Gobierno", "without meeting the president" deny the meeting they
        name (roles32 round), where the sentence-wide `doubt` words would bar "sin
        embargo" too."""
        negations = self.own.hits("without", folded)
        return [span for span in spans if not any(
            end <= span[0] and not _CLAUSE_END.search(folded, end, span[0])
            for _, end in negations)]

    def hosts_in(self, sentence: PlacedSentence, country: str) -> list[Ref]:
        folded = sentence.text.casefold()
        meets = self.unnegated(folded, self.own.hits("encounter", folded))
        return _distinct([r for r in sentence.refs if r.country == country and not r.residence
                          and self.is_leader(r) and self.in_office(r)
                          and _close(r, meets, self.near)])

    def status(self, visit: PlacedSentence, sentence: PlacedSentence, host: Ref) -> Status:
        """The visit sentence's tense; when it has none, the host's clause's ("Lula will
        travel to Tokyo" / "... arrived. He is due to meet Takaichi tomorrow")."""
        for text in (visit.text, None if sentence is visit else
                     sentence.text[max(0, host.start - self.near):
                                   host.end + (self.near if self.verb_final else _AFTER_HOST)]):
            if text is None:
                continue
            folded = text.casefold()
            if self.own.has("plan", folded):
                return Status.PENDING
            if self.own.has("ahead", folded):
                return Status.ACCEPTED
        return Status.TOOK_PLACE


def _host_speaks_first(sentence: PlacedSentence, host: Ref, guests: list[Ref],
                       meets: list[tuple[int, int]]) -> bool:
    """The host's own readout: "Vladimir Putin held talks with X" (the host the subject,
    the guest only after the meeting word). The real gold reads a chronicle's meeting of
    its own leader as an observation however the guest came, so the place hosts no one
    there; "X and Putin talked", "X held talks with Putin" still do."""
    keys = {g.party.key for g in guests}
    after = [start for start, _ in meets if start >= host.end]
    if not after:
        return False
    meet = after[0]
    named = [r for r in sentence.refs if r.party.key in keys]
    return any(r.start >= meet for r in named) and not any(r.end <= meet for r in named)


def _close(ref: Ref, spans: list[tuple[int, int]], near: int) -> bool:
    return any(start - near <= ref.end and ref.start <= end + near for start, end in spans)


def _distinct(refs: list[Ref]) -> list[Ref]:
    seen: dict[str, Ref] = {}
    for ref in refs:
        seen.setdefault(ref.party.key, ref)
    return list(seen.values())
