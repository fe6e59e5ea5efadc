"""Finding figures in text: one Aho-Corasick automaton over every alias, title and handle.

Matches are word-boundary aware for scripts that separate words (Latin, Cyrillic, Greek,
Arabic, ...), not for CJK or Thai; an inflection suffix may follow a name (Путин-а,
Putin-a, Merkel-s) so declined names are found without listing every form; the longest
match wins; roles ("the Kremlin") are resolved to their holder on the article's date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import ahocorasick

from bot.matcher.confidence import CONFIDENCE
from bot.matcher.countries import (
    KIND_COUNTERPART,
    KIND_DEMONYM,
    KIND_PLACE,
    CountryWords,
    formal_variants,
)
from bot.matcher.gazetteer import Figure, Gazetteer
from bot.matcher.names import INSTITUTION_WORDS
from bot.matcher.nearmiss import FORM_NEAR_NAME, FORM_NEAR_SURNAME, NearMissIndex

# Endings an inflected name may carry after the listed form (Slavic cases, German/Nordic
# genitive -s, Baltic/Finnish/Hungarian cases kept short on purpose).
INFLECTION_SUFFIXES = frozenset(
    ["s", "a", "u", "e", "y", "i", "ą", "ę", "ie", "em", "om", "ym", "im", "ov", "ovi", "owi", "iem", "em", "ego", "emu", "ą", "ou", "а", "у", "ом", "ым", "им", "е", "ой", "ою", "ей", "ы", "и", "ю", "я", "ым", "ого", "ому", "ем", "ові", "ові", "ом", "і", "ем", "у", "ю", "ого", "ому", "ім", "ий", "ій", "ої", "ою", "ая", "ую", "ой", "ей", "ею", "ы", "ın", "in", "un", "ün", "nin", "nın", "nun", "nün", "ı", "ya", "ye", "yı", "yi", "ye", "na", "ne", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lle", "lta", "ltä", "t", "nak", "nek", "val", "vel", "ról", "ről"]
)

FORM_NAME = "name"  # a listed name or alias: resolves on its own
FORM_HANDLE = "handle"
FORM_TITLE = "title"  # a role: resolves by date
FORM_SURNAME = "surname"  # derived from a full name: needs the full name in the article
FORM_STANDIN = "stand-in"  # a country or capital for its leader: only as a party
FORM_COUNTERPART = "counterpart"  # "his Mexican counterpart": only a leader's counterpart
FORM_DEMONYM = "demonym"  # "al argentino", "the Vietnamese guest": only a figure already named
FORM_LOCAL = "local"  # a titled name the gazetteer does not know (local_names.py)
FORM_LOCAL_SURNAME = "local-surname"  # its surname alone later in the article
FORM_BARE_TITLE = "bare-title"  # "the Chancellor": settled by the article (bare_titles.py)
# "Prime Minister Albanese": a surname after a title only one of its bearers holds on the
# date (issue 14, args round; `_titled_surnames`)
FORM_TITLED_SURNAME = "titled-surname"
_BY_DATE = (FORM_TITLE, FORM_STANDIN, FORM_COUNTERPART, FORM_DEMONYM)  # resolved through dated roles
_LEADER_CATEGORIES = frozenset({"head_of_state", "head_of_government"})
# Whose counterpart is a named peer, not a country's leader (`_named_peer`): a minister's
# is a minister of the same office abroad.
_PEER_CATEGORIES = frozenset({"minister"})
# The forms that name a peer in the article (a name, not a title resolved by date).
_PEER_FORMS = frozenset({FORM_NAME, FORM_SURNAME, FORM_TITLED_SURNAME, FORM_NEAR_NAME,
                        FORM_NEAR_SURNAME})

# How far a reference is trusted, by the form it was found in (scales the pair's confidence).
FORM_CONFIDENCE: dict[str, float] = {
    FORM_SURNAME: CONFIDENCE.surname_only,
    FORM_TITLED_SURNAME: CONFIDENCE.surname_only,
    FORM_NEAR_NAME: CONFIDENCE.near_name,
    FORM_NEAR_SURNAME: CONFIDENCE.near_surname,
    FORM_STANDIN: CONFIDENCE.stand_in,
    FORM_COUNTERPART: CONFIDENCE.counterpart,
    FORM_DEMONYM: CONFIDENCE.demonym,
    FORM_LOCAL: CONFIDENCE.unknown_name,  # as trusted as the names found around a cue
    FORM_LOCAL_SURNAME: CONFIDENCE.local_surname,
    FORM_BARE_TITLE: CONFIDENCE.bare_title,
}


@dataclass(frozen=True, slots=True)
class FigureHit:
    figure_id: str
    start: int
    end: int
    form: str  # FORM_*
    surface: str
    possessive: bool = False
    suffix: str = ""
    name: str = ""  # for a person the gazetteer does not know (figure_id ""): the name


@dataclass(frozen=True, slots=True)
class _Entry:
    form: str
    target: str  # figure id, or the title text for FORM_TITLE
    alias: str
    needs_suffix: bool = False  # a stem ("Зеленськ") that only matches with a case ending
    common_word: bool = False  # the alias is also an ordinary word ("Bono", トランプ)
    first_name: bool = False  # "disse Marcelo": only where no other name word is beside it


# Cyrillic nominative endings that change in the oblique cases: the stem is indexed too.
_CYRILLIC_NOMINATIVE_ENDINGS = ("ий", "ый", "ой", "ій", "а", "я", "ь", "й", "о")


@lru_cache(maxsize=4096)
def _char_needs_boundary(ch: str) -> bool:
    if not ch.isalpha():
        return True
    try:
        # "KATAKANA-HIRAGANA PROLONGED SOUND MARK" (ー), "HALFWIDTH KATAKANA LETTER A":
        # the script can be any word of the name, not only the first.
        words = set(unicodedata.name(ch).replace("-", " ").split())
    except ValueError:
        return True
    return not words & _UNSPACED_SCRIPTS


_UNSPACED_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER",
                               "MYANMAR", "IDEOGRAPHIC"})


def _cyrillic_stem(alias: str) -> str | None:
    words = alias.split()
    last = words[-1] if words else ""
    if not last or not ("\u0400" <= last[-1] <= "\u04ff"):
        return None
    for ending in _CYRILLIC_NOMINATIVE_ENDINGS:
        if last.lower().endswith(ending) and len(last) - len(ending) >= 4:
            return " ".join([*words[:-1], last[: -len(ending)]])
    return None


_ROMAN_NUMERAL = re.compile(r"^[IVXLC]+\.?$")
_CYRILLIC_VOWELS = "аеёиоуыэюяіїє"


def _declined_regnal_names(alias: str) -> list[str]:
    """"Лев XIV" -> "Лева XIV", "Левом XIV", ...: the case ending goes on the name before
    the regnal number, where the suffix rule (which looks at the alias's end) cannot see it."""
    words = alias.split()
    if len(words) < 2 or not _ROMAN_NUMERAL.match(words[-1]):
        return []
    name = words[-2]
    if len(name) < 3 or not all("\u0400" <= c <= "\u04ff" for c in name):
        return []
    lower = name.lower()
    if lower.endswith("а"):
        stems = [name[:-1] + e for e in ("у", "ою", "ой", "е", "і", "и", "ы")]
    elif lower[-1] not in _CYRILLIC_VOWELS:
        stems = [name + e for e in ("а", "у", "ом", "ові", "е", "і", "ем")]
    else:
        return []
    return [" ".join([*words[:-2], stem, words[-1]]) for stem in stems]


# The case forms of a Cyrillic given name or surname, Russian and Ukrainian together, by
# the word's ending, one tuple per case: genitive, dative, accusative, instrumental,
# locative ("Анджей Дуда" -> "Анджея Дуду", "Анджеєм Дудою", "Анджеем Дудой").
_CASE_FORMS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("й", (("я",), ("ю", "єві"), ("я",), ("ем", "єм"), ("е", "ї", "і"))),
    ("ь", (("я",), ("ю", "еві"), ("я",), ("ем",), ("е", "і"))),
    ("а", (("ы", "и", "і", "ої"), ("е", "і", "ій"), ("у",), ("ой", "ою"), ("е", "і"))),
    ("я", (("и", "ї"), ("е", "ї"), ("ю",), ("ей", "єю"), ("е", "ї"))),
    ("о", (("а",), ("у", "ові"), ("а",), ("ом",), ("і", "е"))),
    ("", (("а",), ("у", "ові"), ("а",), ("ом",), ("е", "і"))),  # a consonant
)
_CYRILLIC_NAME = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,}")
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_NOT_DECLINED_HERE = ("ий", "ій", "ый", "ой", "ая", "ська", "цька", "ская", "цкая")


def _case_forms(word: str, case: int, *, given: bool = False) -> tuple[str, ...]:
    """`word` in the case numbered `case` (see `_CASE_FORMS`); the word itself when it
    does not decline ("Мелоні", "Моді"). A `given` name in -ий/-ій declines as a noun
    ("Андрій" -> "Андрію"), not as the adjectival surnames of that ending."""
    lower = word.lower()
    adjectival = lower.endswith(_NOT_DECLINED_HERE) and not (
        given and lower.endswith(("ий", "ій")))
    if lower[-1] in "еиіїуюэы" or adjectival:
        return (word,)
    for ending, cases in _CASE_FORMS:
        if ending and lower.endswith(ending):
            stem = word[: -len(ending)]
            forms = [stem + e for e in cases[case]]
            if ending == "а" and case in (1, 4) and stem[-1:].lower() in _ALTERNATING:
                # Ukrainian dative and locative: г, к, х become з, ц, с before і
                # ("Сибіга" -> "Сибізі", "Дудка" -> "Дудці").
                forms.append(stem[:-1] + _alternated(stem[-1]) + "і")
            return tuple(forms)
        if not ending and lower[-1] not in _CYRILLIC_VOWELS:
            return tuple(word + e for e in cases[case])
    return (word,)


_ALTERNATING = {"г": "з", "к": "ц", "х": "с"}


def _alternated(letter: str) -> str:
    soft = _ALTERNATING[letter.lower()]
    return soft.upper() if letter.isupper() else soft


def _declined_full_names(alias: str) -> list[str]:
    """"Анджей Дуда" -> "Анджея Дуди", "Анджеєм Дудою", ...: a two-word Cyrillic name with
    both words in each case (the suffix rule only declines the last word, and not a
    short one). A woman's surname ending in a consonant does not decline ("Ангелою
    Меркель"). Adjectival surnames are left to the suffix rule."""
    words = alias.split()
    if len(words) != 2 or not all(_CYRILLIC_NAME.fullmatch(w) for w in words):
        return []
    given, surname = words
    feminine = given.lower().endswith(("а", "я"))
    forms: list[str] = []
    for case in range(5):
        surnames = (surname,) if feminine and surname.lower()[-1] not in "ая" else \
            _case_forms(surname, case)
        forms += [f"{g} {s}" for g in _case_forms(given, case, given=True) for s in surnames]
    return [f for f in dict.fromkeys(forms) if f != alias]


def _nominative_aliases(aliases: tuple[str, ...]) -> list[str]:
    """The first two-word Cyrillic alias, and the first one in Ukrainian letters: the
    gazetteer lists a name's nominative before its case forms."""
    cyrillic = [a for a in aliases if len(a.split()) == 2 and
                all(_CYRILLIC_NAME.fullmatch(w) for w in a.split())]
    ukrainian = [a for a in cyrillic if _UKRAINIAN_LETTERS & set(a.lower())]
    return list(dict.fromkeys(cyrillic[:1] + ukrainian[:1]))


_HEAD_ENDINGS = {
    "consonant": ("а", "у", "ом", "е", "ові", "ем", "і", "я", "ю", "еві"),  # hard and soft
    "ь": ("я", "ю", "ем", "і", "е", "ю"),
    "а": ("у", "ы", "и", "е", "і", "ой", "ою"),
}


def _declined_head_word(title: str) -> list[str]:
    """"председатель КНР" -> "председателю КНР", "президент України" -> "президента
    України": a Cyrillic title declines its first word, which the suffix rule (looking at
    the end of the title) cannot see. Only nouns: adjectives decline with their noun."""
    words = title.split()
    if len(words) < 2:
        return []
    head = words[0]
    lower = head.lower()
    if len(lower) < 4 or not all("\u0400" <= c <= "\u04ff" or c == "-" for c in lower):
        return []
    if lower.endswith("ь"):
        forms = [head[:-1] + e for e in _HEAD_ENDINGS["ь"]]
    elif lower.endswith("а") and lower[-2] not in _CYRILLIC_VOWELS:
        forms = [head[:-1] + e for e in _HEAD_ENDINGS["а"]]
    elif lower[-1] not in _CYRILLIC_VOWELS and lower[-1] not in "йъ":
        forms = [head + e for e in _HEAD_ENDINGS["consonant"]]
    else:
        return []
    return [" ".join([form, *words[1:]]) for form in dict.fromkeys(forms)]


def _is_word_char(ch: str) -> bool:
    # Combining marks (Indic vowel signs, harakat) continue a word though not alphanumeric.
    return ch.isalnum() or ch == "_" or (ch >= "\u0300" and unicodedata.category(ch)[0] == "M")


_ARABIC_PROCLITICS = frozenset("وبلفك")


class FigureSpotter:
    """Built once per gazetteer; `spot` is pure and thread-safe."""

    def __init__(self, gazetteer: Gazetteer, common_words: CommonWords | None = None,
                 countries: CountryWords | None = None,
                 title_words: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        # Every language's titles, folded: a person's alias opening with one may have it
        # in lower case ("kong Harald" for "Kong Harald"; issue 14, stop 31, fixr round).
        self._title_words = title_words
        self._common = common_words or CommonWords()
        self._countries = countries or CountryWords()
        self._adjective_codes = dict(self._countries.adjective_codes)
        self._partials: dict[str, tuple[tuple[str, _Entry], ...]] = {}  # by figure, lazily
        entries: dict[str, list[_Entry]] = {}

        def add(alias: str, entry: _Entry) -> None:
            key = _normalise(lower_same_length(alias))
            if len(key) != len(alias) or len(key.strip()) < 2:
                return
            bucket = entries.setdefault(key, [])
            if all((e.form, e.target) != (entry.form, entry.target) for e in bucket):
                bucket.append(entry)

        listed: set[str] = set()
        for figure in gazetteer:
            for alias in (figure.name, *figure.aliases):
                add(alias, _Entry(FORM_NAME, figure.id, alias,
                                  common_word=self._common.is_common(alias)))
                listed.add(alias.lower())
            for handle in figure.handles:
                add(handle, _Entry(FORM_HANDLE, figure.id, handle))
                if handle.startswith("@"):
                    listed.add(handle.lower())
            for role in figure.roles:
                for title in role.titles:
                    add(title, _Entry(FORM_TITLE, title, title))
                    for formal in formal_variants(title, self._countries.formal_prefixes):
                        add(formal, _Entry(FORM_TITLE, title, formal))
                    for declined in _declined_head_word(title):
                        add(declined, _Entry(FORM_TITLE, title, declined))
        for figure in gazetteer:
            if figure.kind != "person":
                continue
            for alias in (figure.name, *figure.aliases):
                stem = _cyrillic_stem(alias)
                if stem and stem.lower() not in listed:
                    add(stem, _Entry(FORM_NAME, figure.id, stem, needs_suffix=True))
                for declined in _declined_regnal_names(alias):
                    if declined.lower() not in listed:
                        add(declined, _Entry(FORM_NAME, figure.id, declined))
                plain = _without_regnal_number(alias, title_words)
                if plain and plain.lower() not in listed:
                    add(plain, _Entry(FORM_NAME, figure.id, plain))
            for alias in _nominative_aliases((figure.name, *figure.aliases)):
                for declined in _declined_full_names(alias):
                    if declined.lower() not in listed:
                        add(declined, _Entry(FORM_NAME, figure.id, declined))
            # Surnames count only where the article names the figure in full (`_resolve`);
            # their Cyrillic cases and the first name are looked for then (`_partial_hits`).
            first = family_name_first(figure, self._countries.family_name_first)
            for entry in _surname_entries(figure, first):
                if entry.alias.lower() not in listed:
                    add(entry.alias, entry)
        for phrase in self._countries.bare_counterparts:
            add(phrase, _Entry(FORM_COUNTERPART, "", phrase))
        for stand_in in self._countries.stand_ins:
            form = {KIND_PLACE: FORM_STANDIN, KIND_COUNTERPART: FORM_COUNTERPART,
                    KIND_DEMONYM: FORM_DEMONYM}.get(
                stand_in.kind, FORM_TITLE)
            add(stand_in.phrase, _Entry(form, stand_in.leader_title, stand_in.phrase))
        self._near = NearMissIndex(gazetteer, self._common.words,
                                   self._common.spelling_variants)
        # One automaton per script of the keys' first letters, each tried only on a text
        # holding one of its first letters: an automaton looks a letter up among its root's
        # children one by one, and one root with every script's (700) made a pass over an
        # article three times slower than a root with one script's (50).
        by_script: dict[str, list[str]] = {}
        for key in entries:
            by_script.setdefault(unicodedata.name(key[0], "").split(" ")[0], []).append(key)
        self._automata: list[tuple[frozenset[str], ahocorasick.Automaton]] = []
        for keys in by_script.values():
            automaton = ahocorasick.Automaton()
            for key in keys:
                automaton.add_word(key, tuple(entries[key]))
            automaton.make_automaton()
            self._automata.append((frozenset(key[0] for key in keys), automaton))
        self._empty = not entries

    def spot(self, text: str, when: date | None) -> list[FigureHit]:
        if self._empty or not text:
            return []
        lowered = _normalise(lower_same_length(text))
        held = _held_spans(lowered, self._common.holders)
        candidates: list[FigureHit] = []
        for end_index, bucket in self._alias_matches(lowered):
            end = end_index + 1
            alias_len = len(bucket[0].alias)
            start = end - alias_len
            if held and any(a <= start < b for a, b in held):
                continue
            hit = self._accept(text, start, end, bucket, when)
            if hit is not None:
                candidates.extend(hit)
        candidates += self._partial_hits(text, lowered, candidates, when)
        longest = _titled_surnames(self.gazetteer, text, self._longest(candidates), when)
        hits = self._with_near_misses(text, self._resolve(longest))
        hits = _drop_organisation_titles(text, _drop_titles_beside_names(text, hits))
        return self._leaders_only(text, hits, when)

    def _alias_matches(self, lowered: str) -> list[tuple[int, tuple[_Entry, ...]]]:
        """The keys found in the text, as one automaton of all of them gives them: by end,
        the longest first at one end."""
        present = set(lowered)
        found: list[tuple[int, tuple[_Entry, ...]]] = []
        tried = 0
        for first_letters, automaton in self._automata:
            if not first_letters.isdisjoint(present):
                found.extend(automaton.iter(lowered))
                tried += 1
        if tried > 1:
            found.sort(key=lambda match: (match[0], -len(match[1][0].alias)))
        return found

    def _partial_hits(self, text: str, lowered: str, candidates: list[FigureHit],
                      when: date | None) -> list[FigureHit]:
        """A surname's Cyrillic cases and a first name ("з Дудою", "disse Marcelo") of the
        figures this article names: searched for here, not indexed, since they count only
        where the figure is named in full (`_resolve`) and indexing them for every figure
        cost ~7 MB in each process holding a matcher."""
        named = sorted({h.figure_id for h in candidates
                        if h.form in (FORM_NAME, FORM_HANDLE, FORM_TITLE) and h.figure_id})
        found: list[FigureHit] = []
        for figure_id in named:
            for key, entry in self._partials_of(figure_id):
                start = lowered.find(key)
                while start != -1:
                    found += self._accept(text, start, start + len(key), (entry,), when) or ()
                    start = lowered.find(key, start + 1)
        return found

    def _partials_of(self, figure_id: str) -> tuple[tuple[str, _Entry], ...]:
        partials = self._partials.get(figure_id)
        if partials is None:
            figure = self.gazetteer.get(figure_id)
            entries = _partial_entries(
                figure, family_name_first(figure, self._countries.family_name_first)
            ) if figure and figure.kind == "person" else []
            partials = self._partials[figure_id] = tuple(
                (key, entry) for entry in entries
                if not self.gazetteer.ids_for_form(entry.alias)  # a listed name: indexed
                and len(key := _normalise(lower_same_length(entry.alias))) == len(entry.alias)
                and len(key.strip()) >= 2)
        return partials

    def _party_position(self, text: str, start: int, end: int) -> bool:
        """Whether a country or capital name stands where a party can ("Kyiv invited",
        "Russia has turned down"), not where a place does ("to Moscow", "de la Russie",
        "visit Beijing") nor inside a longer name ("New Mexico", "Washington Post",
        "Russia-Ukraine talks")."""
        before = text[max(0, start - 40) : start]
        after = text[end : end + 2]
        if before.endswith(("-", "'", "’")) or after.startswith("-"):
            return False
        if _dateline(text, start, end):
            return False
        if before.endswith(" ") and not before.endswith("  "):
            last = before.split()[-1:] or [""]
            if last[0][:1].isupper() and last[0][-1:].isalpha():
                return False  # "New Mexico", "George Washington"
        if after.startswith(" ") and (after[1:2].isupper() or after[1:2].isdigit()):
            return False  # "Washington Post", "Paris Saint-Germain", "France 2", "Россия 1"
        if text.startswith(("'s ", "’s "), end):
            # "Russia's invasion" is the country; "Russia's invitation" its leader's.
            head = text[end + 3 : end + 40].split(None, 1)[:1]
            return bool(head) and head[0].casefold().strip(",.;:") in \
                self._countries.possessive_heads
        words = [w.casefold().strip("\"'«»“”(") for w in before.split()[-2:]]
        while words and words[-1] in _ARTICLES:
            words.pop()
        return not (words and words[-1] in self._countries.place_markers)

    def _leaders_only(self, text: str, hits: list[FigureHit], when: date | None = None
                      ) -> list[FigureHit]:
        """A counterpart is a leader's only when the person before it is a leader ("the
        Canadian prime minister invited his Mexican counterpart"; a foreign minister's
        counterpart is a foreign minister); a country right before a name is an
        adjective of it ("Russia's Putin", "China's Xi Jinping")."""
        kept: list[FigureHit] = []
        for i, hit in enumerate(hits):
            if hit.form == FORM_COUNTERPART and not hit.figure_id:
                counterpart = self._bare_counterpart(text, hits, hit)
                if counterpart is not None:
                    kept.append(counterpart)
                continue
            if hit.form == FORM_COUNTERPART:
                owner = next((h for h in reversed(kept) if h.form != FORM_COUNTERPART), None)
                figure = self.gazetteer.get(owner.figure_id) if owner else None
                if owner is None or figure is None or owner.figure_id == hit.figure_id or \
                        hit.start - owner.end > 300 or "\n" in text[owner.end : hit.start]:
                    continue
                if figure.category not in _LEADER_CATEGORIES:
                    peer = self._named_peer(hits, owner.figure_id, hit)
                    if peer is not None:
                        kept.append(peer)
                    continue
                hit = self._same_office(hit, figure.category, when)
            elif hit.form == FORM_DEMONYM:
                # A demonym refers back; it never introduces anyone ("al argentino"
                # before any Argentine is named is anyone from Argentina).
                compatriot = self._named_compatriot(kept, hit)
                if compatriot is None:
                    continue
                hit = compatriot
            elif hit.form == FORM_STANDIN and i + 1 < len(hits) and \
                    hits[i + 1].start - hit.end <= 4:
                continue
            kept.append(hit)
        return kept

    def _named_compatriot(self, kept: list[FigureHit], hit: FigureHit) -> FigureHit | None:
        """What a description by country refers back to (guest36 round): "al argentino",
        "the Vietnamese guest", "o chefe de Estado brasileiro", "il capo della diplomazia
        cinese". `hit.figure_id` is the country's leader on the date; the phrase stands for
        him when the article has named him before (as it always did), else for the one
        person of that country it has named before by name (the visiting speaker, foreign
        minister or party chief the country's leader title does not cover). Two such
        persons and no leader among them, or none: nobody."""
        if any(h.figure_id == hit.figure_id and h.form != FORM_DEMONYM for h in kept):
            return hit
        leader = self.gazetteer.get(hit.figure_id)
        if leader is None or leader.country is None:
            return None
        named = {h.figure_id for h in kept
                 if h.figure_id and h.form in _PEER_FORMS | {FORM_TITLE}
                 and (figure := self.gazetteer.get(h.figure_id)) is not None
                 and figure.kind == "person" and figure.country == leader.country}
        if len(named) != 1:
            return None
        return FigureHit(named.pop(), hit.start, hit.end, hit.form, hit.surface,
                         hit.possessive, hit.suffix)

    def _same_office(self, hit: FigureHit, category: str, when: date | None) -> FigureHit:
        """"Macron invited his Italian counterpart": a president's counterpart is Italy's
        president, not its prime minister, who leads the country and so stands for it
        elsewhere. The other office is taken only where its holder on the date has the
        owner's category (never across a gap in the gazetteer's dates)."""
        leader = self.gazetteer.get(hit.figure_id)
        if leader is None or leader.category == category or when is None:
            return hit
        title = dict(self._countries.other_offices).get(leader.country or "")
        holder = self.gazetteer.holder_of(title, when) if title else None
        other = self.gazetteer.get(holder) if holder else None
        if other is None or other.category != category:
            return hit
        return FigureHit(other.id, hit.start, hit.end, hit.form, hit.surface, hit.possessive,
                         hit.suffix)

    def _bare_counterpart(self, text: str, hits: list[FigureHit], hit: FigureHit
                          ) -> FigureHit | None:
        """"Macron called Lula and invited his counterpart to Paris": the counterpart is
        the one other leader the article names, the sentence's first party being the one
        whose counterpart it is. Anything less clear (two other leaders, no leader before
        it in the sentence) stands for nobody."""
        sentence_start = max(text.rfind(mark, 0, hit.start) for mark in (". ", "! ", "? ", "\n"))
        owner = next((h for h in hits if sentence_start < h.start < hit.start and h.figure_id
                      and h.form != FORM_COUNTERPART), None)
        if owner is None:
            return None
        if not self._is_leader(owner.figure_id):
            return self._named_peer(hits, owner.figure_id, hit)
        others = {h.figure_id for h in hits if h.figure_id and h.figure_id != owner.figure_id
                  and h.form != FORM_COUNTERPART and self._is_leader(h.figure_id)}
        if len(others) != 1:
            return None
        return FigureHit(others.pop(), hit.start, hit.end, FORM_COUNTERPART, hit.surface)

    def _named_peer(self, hits: list[FigureHit], owner_id: str, hit: FigureHit
                    ) -> FigureHit | None:
        """"Wang handed his Italian counterpart an invitation", "al collega italiano",
        "son homologue" (names34 round): a minister's counterpart holds the same office in
        another country, which no country entry names; it is the one other figure of the
        owner's category (`_PEER_CATEGORIES`) that the article names by name, of the
        phrase's country when it gives one (`hit.figure_id`: that country's leader).
        Two such figures, or none: nobody."""
        owner = self.gazetteer.get(owner_id)
        if owner is None or owner.category not in _PEER_CATEGORIES:
            return None
        country = None
        if hit.figure_id:
            leader = self.gazetteer.get(hit.figure_id)
            country = leader.country if leader is not None else None
            if country is None:
                return None
        peers = {h.figure_id for h in hits
                 if h.figure_id and h.figure_id != owner_id and h.form in _PEER_FORMS
                 and (peer := self.gazetteer.get(h.figure_id)) is not None
                 and peer.category == owner.category and peer.country != owner.country
                 and (country is None or peer.country == country)}
        if len(peers) != 1:
            return None
        return FigureHit(peers.pop(), hit.start, hit.end, FORM_COUNTERPART, hit.surface)

    def _is_leader(self, figure_id: str) -> bool:
        figure = self.gazetteer.get(figure_id)
        return figure is not None and figure.category in _LEADER_CATEGORIES

    def _with_near_misses(self, text: str, hits: list[FigureHit]) -> list[FigureHit]:
        """Names one edit off a known figure's (nearmiss.py), outside the exact matches."""
        firm = {h.figure_id for h in hits if h.form in (FORM_NAME, FORM_HANDLE, FORM_TITLE)}
        near = self._near.find(text, [(h.start, h.end) for h in hits], firm)
        if not near:
            return hits
        extra = [FigureHit(n.figure_id, n.start, n.end, n.form, n.surface) for n in near]
        return sorted(hits + extra, key=lambda h: h.start)

    def _accept(self, text: str, start: int, end: int, bucket: tuple[_Entry, ...],
                when: date | None) -> list[FigureHit] | None:
        alias = bucket[0].alias
        surface = text[start:end]
        first, last = alias[0], alias[-1]
        if _char_needs_boundary(first) and start > 0 and _is_word_char(text[start - 1]):
            left = text[start - 1]
            if not (left in _ARABIC_PROCLITICS and (start < 2 or not _is_word_char(text[start - 2]))):
                return None
        suffix = ""
        if _char_needs_boundary(last) and end < len(text) and _is_word_char(text[end]):
            run_end = end
            while run_end < len(text) and _is_word_char(text[run_end]) and run_end - end < 4:
                run_end += 1
            if run_end < len(text) and _is_word_char(text[run_end]):
                return None
            suffix = text[end:run_end].lower()
            # A short one-word alias plus a case ending is too often another word ("Ким" +
            # "а"); a full name of several words is not ("То Лам" + "а").
            words = alias.split()
            if not last.isalpha() or (len(words) < 2 and len(words[-1]) < 4) or \
                    suffix not in INFLECTION_SUFFIXES:
                return None
        hits: list[FigureHit] = []
        for entry in bucket:
            if entry.needs_suffix and not suffix:
                continue
            if entry.first_name and (suffix or _beside_name_word(text, start, end)):
                continue
            if entry.form not in (FORM_TITLE, FORM_COUNTERPART) and \
                    not _case_ok(entry.alias, surface) and \
                    not self._lower_title(entry, surface):
                continue
            if entry.form == FORM_TITLE and _acronym(entry.alias) and not surface.isupper():
                # "Dni Krakowa" (Polish "days") is no "DNI": an acronym title is written in
                # capitals (names33 round)
                continue
            if entry.form == FORM_STANDIN and (suffix or not self._party_position(
                    text, start, end)):
                continue
            if entry.form == FORM_DEMONYM and suffix:
                # "Vietnamese guests", "вьетнамским гостям": a group, no one figure (the
                # templates list the singular's cases)
                continue
            form: str | None = entry.form
            if entry.common_word:
                form = self._common_word_form(text, start, end, entry.alias, surface)
            if form is None:
                continue
            figure_id = entry.target
            if entry.form == FORM_COUNTERPART and not entry.target:
                if when is None:
                    continue  # "his counterpart" is settled by the leaders of the date
                figure_id = ""  # "his counterpart": settled by the article (_leaders_only)
            elif entry.form in _BY_DATE:
                holder = self.gazetteer.holder_of(entry.target, when)
                if holder is None or (entry.form == FORM_TITLE
                                      and self._foreign_adjective_after(text, end, holder)):
                    continue
                figure_id = holder
            possessive = suffix == "s" or text.startswith(("'s", "’s"), end) or (
                text.startswith(("'", "’"), end) and surface.endswith("s")
            ) or _TURKISH_GENITIVE.match(text, end + len(suffix)) is not None or text.startswith(
                _POSTPOSED_GENITIVES, end)
            hits.append(FigureHit(figure_id, start, end + len(suffix), form,
                                  text[start:end + len(suffix)], possessive, suffix))
        return hits

    def _lower_title(self, entry: _Entry, surface: str) -> bool:
        """"kong Harald" for the alias "Kong Harald": a person's alias opening with a title
        word, written with that word in lower case and the name after it as listed."""
        title, _, rest = entry.alias.partition(" ")
        if entry.form != FORM_NAME or not rest or title.casefold() not in self._title_words:
            return False
        figure = self.gazetteer.get(entry.target)
        return figure is not None and figure.kind == "person" and \
            surface[:1].islower() and _case_ok(rest, surface[len(title) + 1:])

    def _foreign_adjective_after(self, text: str, end: int, holder: str) -> bool:
        """"accolto dal capo dello Stato argentino": a title followed by another country's
        adjective is that country's office, not the holder's ("il capo dello Stato
        italiano" stays Mattarella)."""
        following = text[end : end + 30].split(None, 1)
        if not following or not text[end : end + 1].isspace():
            return False
        codes = self._adjective_codes.get(following[0].strip(",.;:!?\"'»”)").casefold())
        figure = self.gazetteer.get(holder)
        return codes is not None and figure is not None and figure.country is not None \
            and figure.country not in codes

    def _common_word_form(self, text: str, start: int, end: int, alias: str, surface: str
                          ) -> str | None:
        """How far an alias that is also an ordinary word can be trusted here.

        Written with its own capitals in the middle of a sentence it is a name ("said
        Maduro"); anywhere else ("YE OLDE", "Bono del Estado" opening a sentence, トランプ
        the card game) it only counts like a bare surname: when the article names the
        figure unambiguously elsewhere. A name suffix makes an unspaced script certain
        (トランプ大統領, トランプ氏).
        """
        if any(c.isalpha() and (c.isupper() or c.islower()) for c in alias):
            if surface != alias:
                return None
            return FORM_SURNAME if _opens_sentence(text, start) else FORM_NAME
        if text.startswith(self._common.name_suffixes, end):
            return FORM_NAME
        return FORM_SURNAME

    @staticmethod
    def _longest(candidates: list[FigureHit]) -> list[FigureHit]:
        """Keep the longest match where matches overlap (all readings of one span kept)."""
        candidates.sort(key=lambda h: (-(h.end - h.start), h.start))
        taken: set[tuple[int, int]] = set()
        occupied = bytearray(max((h.end for h in candidates), default=0))
        kept: list[FigureHit] = []
        for hit in candidates:
            span = (hit.start, hit.end)
            if span in taken:
                kept.append(hit)
                continue
            if occupied.find(1, hit.start, hit.end) != -1:
                continue
            taken.add(span)
            occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
            kept.append(hit)
        kept.sort(key=lambda h: h.start)
        return kept

    def _resolve(self, hits: list[FigureHit]) -> list[FigureHit]:
        """One reading per span: prefer figures the article names unambiguously."""
        firm: set[str] = set()
        by_span: dict[tuple[int, int], list[FigureHit]] = {}
        for hit in hits:
            by_span.setdefault((hit.start, hit.end), []).append(hit)
        for readings in by_span.values():
            names = {h.figure_id for h in readings if h.form in (FORM_NAME, FORM_HANDLE, FORM_TITLE)}
            if len(names) == 1:
                firm |= names
        out: list[FigureHit] = []
        for readings in by_span.values():
            strong = [h for h in readings if h.form != FORM_SURNAME]
            weak = [h for h in readings if h.form == FORM_SURNAME and h.figure_id in firm]
            if len({h.figure_id for h in weak}) > 1:
                weak = []  # a surname two figures the article names in full share: nobody
            pool = strong or weak
            if not pool:
                continue
            chosen = next((h for h in pool if h.figure_id in firm), pool[0])
            out.append(chosen)
        out.sort(key=lambda h: h.start)
        return out


_TITLE_BEFORE_WORDS = 3  # words of a title before a surname ("Australian Prime Minister")
_TITLE_HEAD_LETTERS = 4  # the title word beside the name is no function word ("of", "la")
_TITLE_EDGE = ",.;:!?\"«»„“”()"


def _titled_surnames(gazetteer: Gazetteer, text: str, hits: list[FigureHit],
                     when: date | None) -> list[FigureHit]:
    """"Prime Minister Albanese", "President Lula", "Foreign Minister Wong" with no full
    name in the article: a bare surname right after title words stands for the one of its
    bearers who holds, on the article's date, a role whose title holds those words
    ("Australian Prime Minister"); none or several such, and it stays a bare surname
    (Francesca Albanese, the UN rapporteur, is no prime minister; issue 14, args round)."""
    if when is None:
        return hits
    by_span: dict[tuple[int, int], list[FigureHit]] = {}
    for hit in hits:
        by_span.setdefault((hit.start, hit.end), []).append(hit)
    out: list[FigureHit] = []
    for (start, end), readings in by_span.items():
        if any(h.form != FORM_SURNAME for h in readings):
            out.extend(readings)
            continue
        holder = _title_holder(gazetteer, text[:start], {h.figure_id for h in readings}, when)
        if holder is None:
            out.extend(readings)
            continue
        first = readings[0]
        out.append(FigureHit(holder, start, end, FORM_TITLED_SURNAME, first.surface,
                             first.possessive, first.suffix))
    out.sort(key=lambda h: h.start)
    return out


def _title_holder(gazetteer: Gazetteer, before: str, bearers: set[str], when: date
                  ) -> str | None:
    """The one bearer whose role on `when` has a title holding the words just before."""
    words: list[str] = []
    for raw in reversed(before.split()[-_TITLE_BEFORE_WORDS:]):
        word = raw.strip(_TITLE_EDGE).casefold()
        if not word or raw[-1:] in _TITLE_EDGE:
            break
        words.insert(0, word)
        if raw[:1] in _TITLE_EDGE:
            break
    if not words or len(words[-1]) < _TITLE_HEAD_LETTERS or before[-1:].strip():
        return None
    for size in range(len(words), 0, -1):
        phrase = f" {' '.join(words[-size:])} "
        holders = {figure_id for figure_id in bearers
                   if (figure := gazetteer.get(figure_id)) is not None
                   and any(role.covers(when) and phrase in f" {title.casefold()} "
                           for role in figure.roles for title in role.titles)}
        if holders:
            return holders.pop() if len(holders) == 1 else None
    return None


def _surnames(figure: Figure, family_first: bool = False) -> list[str]:
    """The surname of the name and of every alias ("Erdogan", "Зеленський"); where the
    name puts the family name first (`family_first`), the first word of the name and of
    each alias outside the Latin script ("Lee" of "Lee Jae-myung", "Ким" of "Ким Чен Ын"),
    never a given name ("Jae-myung", the "William" of "William Lai")."""
    if family_first:
        family = figure.name.split()[0]
        return sorted({words[0] for words in (a.split() for a in (figure.name, *figure.aliases))
                       if len(words) >= 2 and _surname_like(words[0])
                       and (words[0] == family or not _latin(words[0]))})
    return sorted({words[-1] for words in (a.split() for a in (figure.name, *figure.aliases))
                   if len(words) >= 2 and _surname_like(words[-1])})


def _latin(word: str) -> bool:
    return all(ord(c) < 0x250 for c in word if c.isalpha())


def family_name_first(figure: Figure, countries: frozenset[str]) -> bool:
    """Whether the figure's name starts with its family name: its own `name_order`, else
    its country's (`_countries.toml` `family_name_first`)."""
    if figure.name_order is not None:
        return figure.name_order == "family_first"
    return (figure.country or "") in countries


def _surname_entries(figure: Figure, family_first: bool = False) -> list[_Entry]:
    """The surnames, indexed: they stand for the figure once the article names it in full
    (`_resolve`)."""
    return [_Entry(FORM_SURNAME, figure.id, surname)
            for surname in _surnames(figure, family_first)]


def _partial_entries(figure: Figure, family_first: bool = False) -> list[_Entry]:
    """The other parts of a person's name that stand for it once the article names it in
    full, looked for in that article only (`FigureSpotter._partial_hits`): a Cyrillic
    surname in its cases ("пригласил Дуду", "з Дудою"), the first name ("disse Marcelo"),
    which a family-name-first name does not use alone."""
    out = [_Entry(FORM_SURNAME, figure.id, d)
           for surname in _surnames(figure, family_first) for d in _declined_surname(surname)]
    if not family_first:
        out += [_Entry(FORM_SURNAME, figure.id, g, first_name=True) for g in _first_names(figure)]
    return out


def _dateline(text: str, start: int, end: int) -> bool:
    """"LONDON, June 3 - …", "NEW DELHI, Feb 14 -", "КИЇВ, 21 лютого -": a wire dateline,
    in capitals at the start of the text or of a line, names where the story was filed,
    never a party."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:end]
    return len(text[start:end]) > 2 and lead.isupper() and \
        text.startswith((",", " (", " -", " –", " —"), end)


def _declined_surname(surname: str) -> list[str]:
    """"Дуда" -> "Дуди", "Дуду", "Дудою", ...: a Cyrillic surname of four letters or more
    in each case (the suffix rule only adds endings, it cannot replace the "-а")."""
    if len(surname) < 4 or not _CYRILLIC_NAME.fullmatch(surname):
        return []
    forms = [f for case in range(5) for f in _case_forms(surname, case)]
    return [f for f in dict.fromkeys(forms) if f != surname]


# A name's first word that is a title or honorific, never a given name ("Pope Leo XIV",
# "King Charles III", "Sheikh Hasina", "Prince Harry"): folded.
_NOT_GIVEN_NAMES = frozenset({"pope", "king", "queen", "prince", "princess", "emperor",
                              "empress", "patriarch", "sheikh", "sir", "dame", "lord", "lady",
                              "president", "crown", "grand", "saint", "san", "santa"})


def _first_names(figure: Figure) -> list[str]:
    """"Marcelo" of "Marcelo Rebelo de Sousa": the given name of a person's canonical
    (Latin-script) name, which news uses alone for a few leaders once the full name has
    been given. Like a surname it counts only where the article names the figure in full,
    and not for two figures the article names that share it (`_resolve`)."""
    words = figure.name.split()
    if figure.kind != "person" or len(words) < 2 or _ROMAN_NUMERAL.match(words[-1]):
        return []
    given = words[0]
    latin = all(c.isalpha() and ord(c) < 0x250 for c in given)
    if len(given) < 4 or not latin or not given[0].isupper() or given.isupper() or \
            given.casefold() in _NOT_GIVEN_NAMES:
        return []
    return [given]


def _beside_name_word(text: str, start: int, end: int) -> bool:
    """A capitalised word right before or after: part of a longer name ("Marcelo Rebelo",
    "Emmanuel Moulin", "Président Emmanuel"), where the first name alone is not meant."""
    after = text[end : end + 2]
    if after[:1] in ("-", "'", "’") or (after[:1] == " " and after[1:2].isupper()):
        return True
    before = text[max(0, start - 30) : start]
    if before.endswith(("-", "'", "’")):
        return True
    if before.endswith(" "):
        last = before.split()[-1:] or [""]
        return last[0][:1].isupper() and last[0][-1:].isalpha()
    return False


def _surname_like(word: str) -> bool:
    """A name's last word that can stand alone for it: capitalised, three letters or more,
    no regnal number ("III"), no abbreviation ("Jr.")."""
    return len(word) >= 3 and word[:1].isupper() and not word.isupper() and \
        word.replace("-", "").replace("'", "").isalpha()


def stand_ins_as_subjects(hits: list[FigureHit], capitals: frozenset[str] = frozenset()
                          ) -> list[FigureHit]:
    """The hits of one sentence, with a country or capital kept only as its first party
    and beside a named one ("Kyiv invited Donald Trump"). Real press releases invite
    countries to join projects ("invited Japan to join the reconstruction", "Ukraine
    invited Poland to take part"): states, not their leaders, so a country after another
    party, or among countries only, stands for nobody. One exception: a capital right
    after a seat of government or another capital opening the sentence ("Kremlin invites
    Ankara to talks", "Moscow invited Ankara"; `capitals`: their folded forms) is one
    government addressing another, so it stands for its leader too."""
    if not any(h.form == FORM_STANDIN for h in hits):
        return hits
    named_after_first = any(h.form != FORM_STANDIN for h in hits[1:])
    seat_first = bool(hits) and hits[0].form in (FORM_TITLE, FORM_STANDIN) and (
        hits[0].form == FORM_TITLE or hits[0].surface.casefold() in capitals)
    return [h for i, h in enumerate(hits)
            if h.form != FORM_STANDIN or (i == 0 and (named_after_first or _capital_after(
                hits, capitals))) or (i == 1 and seat_first and h.surface.casefold() in capitals
                                      and h.figure_id != hits[0].figure_id)]


def _capital_after(hits: list[FigureHit], capitals: frozenset[str]) -> bool:
    """"Moscow invited Ankara": the capital opening the sentence keeps standing for its
    leader when the next party is another capital."""
    return len(hits) > 1 and hits[0].surface.casefold() in capitals and \
        hits[1].form == FORM_STANDIN and hits[1].surface.casefold() in capitals and \
        hits[1].figure_id != hits[0].figure_id


_NAME_FORMS = (FORM_NAME, FORM_SURNAME, FORM_HANDLE, FORM_NEAR_NAME, FORM_NEAR_SURNAME)
_ARTICLES = frozenset(["the", "le", "la", "les", "l'", "el", "los", "las", "il", "lo", "gli", "o",
                       "os", "as", "die", "der", "das", "den", "dem", "des"])


# The enumeration comma of Chinese and Japanese between two titles of one holder.
_TITLE_STACK_MARKS = frozenset(["、"])


def _drop_titles_beside_names(text: str, hits: list[FigureHit]) -> list[FigureHit]:
    """A title written right next to a name describes that name: "US President Joe
    Biden", "former German Chancellor Angela Merkel", 普京总统. The name is who is meant,
    whoever holds the title on the article's date, so the title reading is dropped."""
    dropped: set[int] = set()
    for i in range(len(hits) - 1):
        first, second = hits[i], hits[i + 1]
        gap = text[first.end:second.start]
        if first.figure_id == second.figure_id:
            if first.form == FORM_TITLE == second.form and gap in _TITLE_STACK_MARKS:
                # "中共中央总书记、国家主席": one person's titles listed, one party, not two
                dropped.add(i)
            continue  # the title and the name agree: both readings are the same person
        if first.form in (FORM_TITLE, FORM_COUNTERPART) and second.form in _NAME_FORMS \
                and len(gap) <= 3 and not gap.strip(" ,\u00a0-–") \
                and not (gap.strip() == "," and _case_ending_after(text, second.end)):
            dropped.add(i)
        elif second.form == FORM_TITLE and first.form in _NAME_FORMS and gap == "":
            # Unspaced scripts put the title after the name (普京总统); with a space, a
            # title after a name usually starts the next phrase ("Зеленского председателю КНР").
            dropped.add(i + 1)
    return [h for i, h in enumerate(hits) if i not in dropped]


# "President of China Media Group Shen Haixiong": capitalised words right after a title,
# one of the first two an institution word, make the title the head of that body.
_CAPITALISED_RUN = re.compile(r"[ \u00a0]+([^\W\d_][\w'’\-]*)(?:[ \u00a0]+([^\W\d_][\w'’\-]*))?")


def _drop_organisation_titles(text: str, hits: list[FigureHit]) -> list[FigureHit]:
    """A role title that opens the name of a body ("President of China Media Group",
    "Chairman of Russia Development Bank") is that body's head, not the state's: the title
    reading is dropped. A name after the title ("President of Russia Vladimir Putin") keeps
    it."""
    kept = []
    for hit in hits:
        run = _CAPITALISED_RUN.match(text, hit.end) if hit.form == FORM_TITLE else None
        words = [w for w in run.groups() if w] if run else []
        capitalised = []
        for word in words:
            if not word[:1].isupper():
                break
            capitalised.append(word.casefold())
        if any(w in INSTITUTION_WORDS for w in capitalised):
            continue
        kept.append(hit)
    return kept


def _case_ending_after(text: str, end: int) -> bool:
    """A case ending after an apostrophe ("Erdoğan'ı", "Putin'in"; not the English "'s"):
    the name is an argument of its own, so a title and a comma before it are the subject
    ("ABD Başkanı, Erdoğan'ı davet etti"), not an apposition ("the US president, Trump")."""
    if not text.startswith(("'", "’"), end):
        return False
    ending = text[end + 1 : end + 6].split()[0] if text[end + 1 : end + 6].split() else ""
    ending = ending.rstrip(".,;:!?\"”»)")
    return ending.isalpha() and ending != "s"


@dataclass(frozen=True, slots=True)
class CommonWords:
    """Aliases that are also ordinary words, and the suffixes that mark a name in scripts
    without capitals (lexicons/_common_words.toml)."""

    words: frozenset[str] = frozenset()
    name_suffixes: tuple[str, ...] = ()
    # Words that hold an alias without naming anyone ("Xi'an" holds "Xi"), lower case.
    holders: tuple[str, ...] = ()
    # Transcription variants read as one spelling by the near-miss rule ("sch" as "sh"),
    # in the order they are applied (nearmiss.skeleton).
    spelling_variants: tuple[tuple[str, str], ...] = ()

    def is_common(self, alias: str) -> bool:
        return alias.casefold() in self.words


def _held_spans(lowered: str, holders: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the text writes a word that holds an alias without naming anyone ("Xi'an")."""
    spans: list[tuple[int, int]] = []
    for word in holders:
        at = lowered.find(word)
        while at != -1:
            if at == 0 or not _is_word_char(lowered[at - 1]):
                spans.append((at, at + len(word)))
            at = lowered.find(word, at + 1)
    return spans


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \t\"'«„“‘(-–—")
    return not before or before[-1] in ".!?:;\n…"


# "Erdoğan'ın daveti": a Turkish genitive after the apostrophe makes the name a possessor.
# Genitive particles that follow the possessor: "मोदी का न्योता", "安倍首相の招待".
_POSTPOSED_GENITIVES = (" का ", " के ", " की ", "の", "의 ")
_TURKISH_GENITIVE = re.compile(r"['’](?:n?[ıiuü]n)(?!\w)")


def lower_same_length(text: str) -> str:
    """Lower case with one character for one ("İ" would become two)."""
    lowered = text.replace("İ", "i").lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text.replace("İ", "i"))


def folded(text: str) -> str:
    """The text as the automaton reads it: lower case, hyphens as spaces, one char for one."""
    return _normalise(lower_same_length(text))


def _normalise(lowered: str) -> str:
    """Hyphens match spaces ("Maison-Blanche" = "Maison Blanche"); one char for one."""
    # Chained replace: str.translate with a table is slow on non-ASCII text.
    return lowered.replace("-", " ").replace("‐", " ").replace("‑", " ").replace("’", "'")


_REGNAL_NUMBER = re.compile(r"^[IVXL]+\.?$")


def _without_regnal_number(alias: str, title_words: frozenset[str]) -> str | None:
    """"re Carlo III" -> "re Carlo", "rey Felipe VI" -> "rey Felipe": a monarch's titled
    alias is written without the number too (issue 14, stop 31, fixr round); None for
    any other alias."""
    words = alias.split()
    if len(words) < 3 or not _REGNAL_NUMBER.match(words[-1]) or \
            words[0].casefold() not in title_words:
        return None
    return " ".join(words[:-1])


def _case_ok(alias: str, surface: str) -> bool:
    """A capitalised alias must not match a lowercase word ("May" is not "may")."""
    rule = _case_rule(alias)
    if rule == _ANY_CASE:
        return True
    if rule == _SHORT:
        return surface == alias or surface == alias.upper()
    if rule == _EXACT:
        return surface == alias
    first_alpha = next((c for c in surface if c.isalpha()), "")
    return not first_alpha.islower()


_ANY_CASE, _SHORT, _CAPITALISED, _EXACT = 0, 1, 2, 3


@lru_cache(maxsize=8192)
def _acronym(alias: str) -> bool:
    """A title written as capitals only ("DNI", "ЦРУ"), two letters or more."""
    return len(alias) >= 2 and alias.isupper() and alias.isalpha()


@lru_cache(maxsize=8192)
def _case_rule(alias: str) -> int:
    """What `_case_ok` checks for an alias, worked out once per alias: nothing (lowercase,
    no letters, or a first letter that is no capital), the whole short word, or that the
    surface's first letter is no lowercase one."""
    if alias.islower() or not any(c.isalpha() for c in alias):
        return _ANY_CASE
    if len(alias) <= 3:
        # "Xi" written "XI" is a numeral ("Louis XI", "the starting XI"), "AMLO" any case.
        return _EXACT if any(c.islower() for c in alias) else _SHORT
    alias_first = next((c for c in alias if c.isalpha()), "")
    return _CAPITALISED if alias_first.isupper() else _ANY_CASE
