"""What an invitation is to: kind, place or platform, and a short English description."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from bot.domain import Occasion, OccasionKind
from bot.errors import ConfigError
from bot.matcher.data_files import string_list
from bot.matcher.lexicon import CueHit

# English labels used in the lexicons' [occasion] tables, and the kind each one means.
LABEL_KINDS: dict[str, OccasionKind] = {
    "visit": OccasionKind.VISIT,
    "state visit": OccasionKind.VISIT,
    "trip": OccasionKind.VISIT,
    "meeting": OccasionKind.MEETING,
    "summit": OccasionKind.MEETING,
    "talks": OccasionKind.MEETING,
    "negotiations": OccasionKind.MEETING,
    "dinner": OccasionKind.MEETING,
    "lunch": OccasionKind.MEETING,
    "conference": OccasionKind.MEETING,
    "forum": OccasionKind.MEETING,
    "debate": OccasionKind.DEBATE,
    "interview": OccasionKind.INTERVIEW,
    "podcast": OccasionKind.INTERVIEW,
    "show": OccasionKind.INTERVIEW,
    "conversation": OccasionKind.CONVERSATION,
    "chat": OccasionKind.CONVERSATION,
    "ceremony": OccasionKind.EVENT,
    "inauguration": OccasionKind.EVENT,
    "coronation": OccasionKind.EVENT,
    "parade": OccasionKind.EVENT,
    "wedding": OccasionKind.EVENT,
    "funeral": OccasionKind.EVENT,
    "gala": OccasionKind.EVENT,
    "celebration": OccasionKind.EVENT,
    "concert": OccasionKind.EVENT,
    "festival": OccasionKind.EVENT,
    "event": OccasionKind.EVENT,
    "fight": OccasionKind.MATCH,
    "match": OccasionKind.MATCH,
    "duel": OccasionKind.MATCH,
    "game": OccasionKind.MATCH,
}

_VOWEL_SOUND = ("a", "e", "i", "o", "u")


@dataclass(frozen=True, slots=True)
class PlaceHit:
    canonical: str
    is_platform: bool
    start: int
    end: int


# At most this many characters of a name between a country's genitive particle and its
# leader's title ("インドネシアのプラボウォ大統領"); a particle or punctuation ends it.
_NAME_BEFORE_TITLE = 8
_CLAUSE_BREAKS = frozenset("はがをにでと、。，・ 「」")


class PlaceFinder:
    """Places and platforms from `_places.toml`, any language form -> canonical English."""

    def __init__(self, path: Path) -> None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError([f"{path}: cannot read places: {exc}"]) from exc
        self._channel = _channel_pattern(data.get("channel_words", []), path)
        self._title_after = _word_list(data, "title_after", path)
        self._title_particles = _word_list(data, "title_after_particles", path)
        self._automaton = ahocorasick.Automaton()
        count = 0
        entries: dict[str, tuple[str, bool, str]] = {}
        declined: dict[str, tuple[str, bool, str]] = {}
        for section, is_platform in (("places", False), ("platforms", True)):
            table = data.get(section, {})
            if not isinstance(table, dict):
                raise ConfigError([f"{path}: [{section}] must be a table of name = [forms]"])
            for canonical, forms in table.items():
                if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                    raise ConfigError([f"{path}: key '{section}.{canonical}': must be an array of strings"])
                for form in {canonical, *forms}:
                    key = fold_latin_marks(form.lower())
                    if len(key) == len(form) and len(key) >= 2:
                        entries[key] = (canonical, is_platform, form)
                        for case_form in cyrillic_case_forms(form):
                            declined.setdefault(case_form.lower(), (canonical, is_platform,
                                                                    case_form))
        # A listed form always wins over a derived case form of another place.
        for key, value in {**declined, **entries}.items():
            self._automaton.add_word(key, value)
            count += 1
        self._empty = count == 0
        if not self._empty:
            self._automaton.make_automaton()
        self._title_words: frozenset[str] = frozenset()
        self._formal_prefixes: tuple[str, ...] = ()
        self._beside_words: frozenset[str] = frozenset()

    def set_title_words(self, role_words: frozenset[str], formal_prefixes: tuple[str, ...],
                        beside: frozenset[str] = frozenset()) -> None:
        """The role words (folded) and formal state names ("the Republic of") by which
        `occasion_places` knows a country in a title; `beside`, the titles (folded) that
        make a country right next to them a party's (`role_beside`; the role words when
        empty)."""
        self._title_words = role_words
        self._formal_prefixes = formal_prefixes
        self._beside_words = beside or role_words

    def occasion_places(self, text: str) -> list[PlaceHit]:
        """The places of a text that can be an occasion's: not a party's country read from
        its title ("Kyriakos Mitsotakis, Prime Minister of Greece")."""
        hits = self.find(text)
        return [hit for hit in hits
                if hit.is_platform or not (
                    titles_country(text, hit, self._title_words, self._formal_prefixes)
                    or self._title_glued_after(text, hit) or _paired_with_bloc(text, hit)
                    or role_beside(text, hit, self._beside_words, hits))]

    def _title_glued_after(self, text: str, place: PlaceHit) -> bool:
        """"印度尼西亚总统普拉博沃", "インドネシアのプラボウォ大統領": a title word right
        after the country, or after its genitive particle and a name of up to eight
        characters with no other particle or punctuation, makes it the party's country."""
        after = text[place.end : place.end + 16]
        if any(after.startswith(title) for title in self._title_after):
            return True
        particle = next((p for p in self._title_particles if after.startswith(p)), None)
        if particle is None:
            return False
        after = after[len(particle):]
        for title in self._title_after:
            at = after.find(title)
            if 0 <= at <= _NAME_BEFORE_TITLE and not any(
                    ch in _CLAUSE_BREAKS for ch in after[:at]):
                return True
        return False

    def find(self, text: str) -> list[PlaceHit]:
        if self._empty or not text:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):
            # A letter whose lower case is two characters (Turkish "İ" -> "i̇") would shift
            # every offset: lower it to its first character alone, so the sentence keeps
            # its places ("İletişim Başkanlığı ... Türkiye'ye davet etti").
            lowered = "".join(c.lower()[:1] for c in text)
        # Forms and text compared without the marks on Latin letters, one letter for one
        # (offsets kept): "Pretória", "Brasilia" are the listed "Pretoria", "Brasília".
        lowered = fold_latin_marks(lowered)
        hits: list[PlaceHit] = []
        for end_index, (canonical, is_platform, form) in self._automaton.iter(lowered):
            end = end_index + 1
            start = end - len(form)
            surface = text[start:end]
            if form[0].isupper() and not surface[0].isupper():
                continue
            if is_platform and self._channel is not None and \
                    self._channel.search(text[max(0, start - 60):start]):
                continue  # "writing on Twitter": how the news was given, not the occasion
            if _bounded(text, start, end, form):
                hits.append(PlaceHit(canonical, is_platform, start, end))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[PlaceHit] = []
        for hit in hits:
            if out and hit.start < out[-1].end:
                continue
            out.append(hit)
        return out


def _latin_base(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    if len(decomposed) > 1 and decomposed[0].isascii() \
            and all(unicodedata.combining(c) for c in decomposed[1:]):
        return decomposed[0]
    return char


# one table for str.translate: the matcher folds every non-ASCII text it searches for places,
# so the folding runs in C rather than one Python call per character
_LATIN_BASES = {code: _latin_base(chr(code)) for code in range(0x00C0, 0x0250)
                if _latin_base(chr(code)) != chr(code)}


def fold_latin_marks(text: str) -> str:
    """`text` with each accented Latin letter (Latin-1 Supplement to Latin Extended-B) as its
    base letter, one character for one: a place written with or without its marks is one
    place whatever the language ("Pretória" pt, "Bogota" en, "Kraków"/"Krakow"; story20
    round). Letters without a decomposition ("ł", "ø", "ß", Turkish "ı") and every other
    script (Cyrillic "й" keeps its breve) are kept."""
    if text.isascii():
        return text
    return text.translate(_LATIN_BASES)


# three letters at least: "Рим" -> "в Риме", "у Римі" (issue 14, outcome round: a meeting
# elsewhere is another occasion than the visit)
_CYRILLIC_WORD = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ\-]{2,}$")
# Russian and Ukrainian case endings of a place name by its nominative ending: "Женева" ->
# "Женеве", "Женеву"; "Минск" -> "Минске", "Мінську". A bridging report in Russian names
# the same place as the English record ("в Рейкьявике" -> Reykjavik).
_CASE_ENDINGS_A = ("и", "ы", "е", "у", "ой", "і", "ою")
_CASE_ENDINGS_CONSONANT = ("а", "е", "у", "ом", "і", "і", "ові")


def cyrillic_case_forms(form: str) -> list[str]:
    """The oblique case forms of a one-word Cyrillic place name (none for other names,
    and none for names ending in a vowel that does not decline, "Осло", "Баку")."""
    if not _CYRILLIC_WORD.match(form):
        return []
    last = form[-1]
    # "-ия"/"-ія" decline softly: Индонезия -> Индонезии, Індонезія -> Індонезії.
    if form.endswith("ия"):
        return [form[:-1] + ending for ending in ("и", "ю", "ей")]
    if form.endswith("ія"):
        return [form[:-1] + ending for ending in ("ї", "ю", "єю")]
    if last in "ая":
        return [form[:-1] + ending for ending in _CASE_ENDINGS_A]
    if last in "аеёиоуыэюяіїє":
        return []
    if last == "ь":
        return [form[:-1] + ending for ending in ("и", "ю", "і")]
    if last == "й":
        return [form[:-1] + ending for ending in ("я", "е", "ю", "ї", "ї")]
    return [form + ending for ending in _CASE_ENDINGS_CONSONANT]


def _word_list(data: dict[str, object], key: str, path: Path) -> tuple[str, ...]:
    """An optional array of non-empty strings of `_places.toml` (`data_files.string_list`),
    longest first."""
    problems: list[str] = []
    words = string_list(data.get(key, []), key, str(path), problems)
    if problems:
        raise ConfigError(problems)
    return tuple(sorted(set(words), key=len, reverse=True))


def _channel_pattern(words: object, path: Path) -> re.Pattern[str] | None:
    """A pattern for a channel word followed by at most four words, at the end of a text."""
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise ConfigError([f"{path}: key 'channel_words': must be an array of non-empty strings"])
    if not words:
        return None
    alternatives = "|".join(sorted({re.escape(w.strip()) for w in words}, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*(?:[\s,]+[^\s.!?;:]+){{0,4}}?[\s,]+$",
                      re.IGNORECASE)


def _needs_boundary(ch: str) -> bool:
    if not ch.isalpha():
        return True
    try:
        script = unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return True
    return script not in {"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI"}


def _paired_with_bloc(text: str, place: PlaceHit) -> bool:
    """"the EU-India summit", "le sommet UE-Inde", "EU-Indien-Gipfel": a country joined by
    a hyphen to an abbreviation names a party of a bilateral format, not where it is held
    (tracker15 round)."""
    if place.start < 3 or text[place.start - 1] not in "-\u2010\u2011\u2013\u2014":
        return False
    head = place.start - 1
    start = head
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    abbreviation = text[start:head]
    return 2 <= len(abbreviation) <= 4 and abbreviation.isupper()


def _bounded(text: str, start: int, end: int, form: str) -> bool:
    if _needs_boundary(form[0]) and start > 0 and text[start - 1].isalnum():
        return False
    if _needs_boundary(form[-1]) and end < len(text) and text[end].isalnum():
        # Case endings (в Москве, Kyjiwer-) are listed as forms; a short suffix is allowed.
        run = end
        while run < len(text) and text[run].isalnum():
            run += 1
        return run - end <= 2 and len(form) >= 4
    return True


def describe(label: str | None, place: PlaceHit | None) -> Occasion:
    kind = LABEL_KINDS.get(label, OccasionKind.OTHER) if label else OccasionKind.OTHER
    if place is not None and place.is_platform and kind in (OccasionKind.OTHER, OccasionKind.MEETING,
                                                            OccasionKind.VISIT):
        kind, label = OccasionKind.CONVERSATION, "conversation"
    if place is not None and not place.is_platform and kind is OccasionKind.OTHER:
        kind, label = OccasionKind.VISIT, "visit"
    if kind is OccasionKind.OTHER or label is None:
        return Occasion(kind=OccasionKind.OTHER, place=place.canonical if place else None, text="")
    noun = ("an " if label.startswith(_VOWEL_SOUND) else "a ") + label
    if label == "talks":
        noun = "talks"
    if place is None:
        return Occasion(kind=kind, place=None, text=noun)
    if place.is_platform:
        return Occasion(kind=kind, place=place.canonical, text=f"{noun} on {place.canonical}")
    preposition = "to" if kind is OccasionKind.VISIT else "in"
    return Occasion(kind=kind, place=place.canonical, text=f"{noun} {preposition} {place.canonical}")


def choose_occasion(
    cue_end: int, labels: list[CueHit], places: list[PlaceHit], fallback_labels: list[CueHit],
    fallback_places: list[PlaceHit], *, cue_start: int | None = None,
    destinations: frozenset[int] = frozenset(), postposed: bool = False,
) -> Occasion:
    """The label and place inside a split cue ("hat ihn zu einem Treffen in Moskau
    eingeladen"), else nearest after the cue in its sentence, else from the context.
    `destinations`: the starts of the places a case suffix marks as a goal ("Türkiye'ye"),
    which name the occasion even before the cue. `postposed`: the cue is a phrase that
    follows the occasion it grants ("at the invitation of", "auf Einladung von")."""
    inside_labels = [h for h in labels if cue_start is not None and cue_start <= h.start
                     and h.end <= cue_end]
    inside_places = [p for p in places if cue_start is not None and cue_start <= p.start
                     and p.end <= cue_end]
    if inside_labels:
        label: str | None = inside_labels[0].category
    elif inside_places:
        # The verb closes the clause ("nach Moskau eingeladen, nachdem ... zu einem Treffen
        # ..."): a label after it belongs to the next clause, the place alone says visit.
        label = None
    else:
        label = _nearest(cue_end, [(h.start, h.category) for h in labels])
        if label is not None and LABEL_KINDS.get(label) is OccasionKind.CONVERSATION and \
                not _named_after(labels, label, cue_end) and any(
                    p.start >= cue_end and not p.is_platform for p in places):
            # "held a phone call with Lukashenko and invited him to Moscow": the call
            # before the cue is where the invitation was made; the place after it says visit.
            label = None
            fallback_labels = [h for h in fallback_labels
                               if LABEL_KINDS.get(h.category) is not OccasionKind.CONVERSATION]
        elif label is not None and LABEL_KINDS.get(label) is OccasionKind.CONVERSATION and \
                _call_after_place(cue_end, labels, label, places):
            # "a invité Prabowo à se rendre en France, ... à l'issue d'un entretien
            # téléphonique": the place right after the cue is the destination, the call
            # named after it the setting the invitation was made in (story18 round).
            label = None
            fallback_labels = [h for h in fallback_labels
                               if LABEL_KINDS.get(h.category) is not OccasionKind.CONVERSATION]
    place_hit = (_nearest_place(cue_start or 0, inside_places) if inside_places
                 else _nearest_place(cue_end, places))
    told_before = (_told_before_cue(cue_start, cue_end, labels, places)
                   if postposed and not inside_places else None)
    if told_before is not None:
        place_hit = told_before
    if place_hit is not None and not place_hit.is_platform and not inside_places and \
            place_hit.start < (cue_start if cue_start is not None else cue_end) and \
            (label is None or _named_after(labels, label, cue_end)) and \
            not _names_place(labels, label, place_hit) and place_hit.start not in destinations:
        # A place before the cue is where someone spoke ("Moscow said", "speaking at a press
        # conference in Brussels, Macron invited Xi to a state visit"), not the destination,
        # unless the occasion's own noun names it ("the talks in Istanbul, to which ...") or
        # the occasion itself comes before the cue ("took part in the festival in Rome, to
        # which she had invited him").
        place_hit = None
    if label is None and place_hit is not None and not place_hit.is_platform and \
            place_hit.start >= cue_end:
        # "Macron invite le président indonésien en France" over "... à l'issue d'un
        # entretien téléphonique": a call told elsewhere is where the invitation was made,
        # not the occasion of a trip to a place (story18 round).
        fallback_labels = [h for h in fallback_labels
                           if LABEL_KINDS.get(h.category) is not OccasionKind.CONVERSATION]
    if label is None and fallback_labels:
        label = fallback_labels[0].category
    if place_hit is None and fallback_places:
        platforms = [p for p in fallback_places if p.is_platform]
        if platforms:
            place_hit = platforms[0]
    return describe(label, place_hit)


# How far (characters) a place may stand from the occasion noun that names it: "talks in
# Istanbul", "モスクワでの会談".
_NAMED_BY_LABEL = 12


def destination_starts(text: str, places: list[PlaceHit], suffixes: frozenset[str]
                       ) -> frozenset[int]:
    """The starts of the places of `text` marked as a goal by a case suffix, ending the
    place's own form ("Türkiye'ye") or glued after it ("Ankara'ya"). None without suffixes
    (most languages): nothing to scan."""
    if not suffixes:
        return frozenset()
    found: set[int] = set()
    for hit in places:
        surface = text[hit.start : hit.end].casefold()
        after = text[hit.end : hit.end + 4].casefold()
        for suffix in suffixes:
            glued = after.startswith(suffix) and not after[len(suffix) : len(suffix) + 1].isalpha()
            if surface.endswith(suffix) or glued:
                found.add(hit.start)
                break
    return frozenset(found)


def _call_after_place(cue_end: int, labels: list[CueHit], label: str,
                      places: list[PlaceHit]) -> bool:
    """Whether the first `label` named after the cue comes after a place that follows
    the cue: "invited X to France ..., after a phone call"."""
    call = min((h.start for h in labels if h.category == label and h.start >= cue_end),
               default=None)
    return call is not None and any(cue_end <= p.start and p.end <= call and not p.is_platform
                                    for p in places)


def _told_before_cue(cue_start: int | None, cue_end: int, labels: list[CueHit],
                     places: list[PlaceHit]) -> PlaceHit | None:
    """The place the occasion's own word names before a postposed cue: "Lee will visit
    Tokyo ... at the invitation of Ishiba, before flying on to the United States" is a
    visit to Tokyo; the place after the cue is the next leg of the trip, another occasion.
    None when an occasion word follows the cue (the cue then opens its own occasion) or
    no occasion word before it stands beside a place (story19 round, issue 15)."""
    if cue_start is None or any(h.start >= cue_end for h in labels):
        return None
    before = [h for h in labels if h.end <= cue_start]
    named = [p for p in places if not p.is_platform and p.end <= cue_start and any(
        0 <= p.start - h.end <= _NAMED_BY_LABEL or 0 <= h.start - p.end <= _NAMED_BY_LABEL
        for h in before)]
    return named[-1] if named else None


def _named_after(labels: list[CueHit], label: str, cue_end: int) -> bool:
    return any(h.category == label and h.start >= cue_end for h in labels)


def _names_place(labels: list[CueHit], label: str | None, place: PlaceHit) -> bool:
    return label is not None and any(
        h.category == label and (0 <= place.start - h.end <= _NAMED_BY_LABEL
                                 or 0 <= h.start - place.end <= _NAMED_BY_LABEL)
        for h in labels)


def _nearest(anchor: int, items: list[tuple[int, str]]) -> str | None:
    if not items:
        return None
    after = [item for item in items if item[0] >= anchor]
    pool = after or items
    return min(pool, key=lambda item: abs(item[0] - anchor))[1]


def _nearest_place(anchor: int, places: list[PlaceHit]) -> PlaceHit | None:
    if not places:
        return None
    platforms = [p for p in places if p.is_platform]
    if platforms:
        return min(platforms, key=lambda p: abs(p.start - anchor))
    after = [p for p in places if p.start >= anchor]
    pool = after or places
    return min(pool, key=lambda p: abs(p.start - anchor))


# "Kyriakos Mitsotakis, Prime Minister of Greece": a country after a title and "of" is the
# party's country, never the occasion's place. The connectors of the first-class languages,
# with their articles ("Premier ministre de la Grèce", "President of the Republic of ...").
_TITLE_OF = re.compile(
    r"(\w+)\s+(?:of|de|du|des|di|del|della|dello|da|do|von|der)\s+"
    r"(?:the\s+|la\s+|l'|l’|el\s+|a\s+|o\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=16)
def _longest_first(prefixes: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The formal prefixes, longest first, each with its folded form (sorted and folded
    once, not for every place)."""
    return tuple((p, p.casefold()) for p in sorted(prefixes, key=len, reverse=True))


# A place, an ending glued to it ("Canada's", "Kanada'nın", "Finnlands") and the words
# up to the next punctuation mark.
_GLUED_THEN_WORDS = re.compile(r"^(['’]?[^\W\d_]{0,3})((?:[ \t\u00a0]+[^\W\d_][\w\-]*)*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w\-]*)[ \t\u00a0]+$")
# At most this many words between a country and its role word: one ("Indian Prime
# Minister"), two after a possessive ("Canada's new prime minister").
_WORDS_BEFORE_ROLE = 1
_WORDS_BEFORE_ROLE_POSSESSIVE = 2
# The longest word `_governed` reads as a preposition.
_PREPOSITION_MAX = 2


def role_beside(text: str, place: PlaceHit, role_words: frozenset[str],
                hits: list[PlaceHit] | None = None) -> bool:
    """The place is a party's country or city named as part of its title, without an "of":
    a role word right after it or after one word ("South Korean President Lee", "Indian
    Prime Minister", "Kanada Başbakanı"), or after its possessive and at most two words
    ("Canada's new prime minister", "Kanada'nın yeni başbakanı"), or right before it, as
    genitives and adjectives follow a title ("prezydenta Finlandii", "президента
    Финляндии", "le président indonésien"). A role word followed by a place of its own
    (`hits`) is that place's title: "przyjęła w Kopenhadze premiera Norwegii" keeps
    Copenhagen. A preposition or a punctuation mark between the two keeps the place the
    occasion's ("invited the president to Warsaw"); scripts written without spaces are
    left to `_title_glued_after`."""
    if not role_words:
        return False
    before = _WORD_BEFORE.search(text[max(0, place.start - 40):place.start])
    match = _GLUED_THEN_WORDS.match(text[place.end:place.end + 80])
    if match is not None and match.group(2) and not _governed(before):
        base = place.end + match.start(2)
        words = list(re.finditer(r"\S+", match.group(2)))
        glued = match.group(1)
        possessive = glued[:1] in "'’" or glued == "s"
        limit = 1 + (_WORDS_BEFORE_ROLE_POSSESSIVE if possessive else _WORDS_BEFORE_ROLE)
        first_lower = words[0].group().islower()
        for i, word in enumerate(words[:limit]):
            # "New York mayor-elect": a role word opening a hyphenated title (roles32)
            if word.group().casefold() in role_words or \
                    word.group().casefold().split("-")[0] in role_words:
                return not _place_follows(text, base + word.end(), hits or [])
            # "Canada's new prime minister", "Indian Prime Minister": the words before
            # the role word are written alike, all lower case or all capitalised.
            if i and word.group().islower() != first_lower:
                break
    return before is not None and before.group(1).casefold() in role_words


def _governed(before: re.Match[str] | None) -> bool:
    """Whether the word right before the place (`before`, `_WORD_BEFORE`'s match) has one
    or two lower-case letters: a preposition ("to Moscow", "w Kopenhadze", "в Москве"), so
    the place is where something happens, and a title after it is the next party's
    ("przyjęła w Kopenhadze premiera Norwegii")."""
    return before is not None and len(before.group(1)) <= _PREPOSITION_MAX \
        and before.group(1).islower()


def _place_follows(text: str, end: int, hits: list[PlaceHit]) -> bool:
    """Whether a place starts right after `end`, past blanks only."""
    rest = len(text[end:]) - len(text[end:].lstrip(" \t\u00a0"))
    return any(hit.start == end + rest for hit in hits)


def titles_country(text: str, place: PlaceHit, role_words: frozenset[str],
                   formal_prefixes: tuple[str, ...] = ()) -> bool:
    """The place stands in a title ("Prime Minister of Greece", "President of the Republic
    of Kazakhstan"): the word before its "of" is a role word (folded)."""
    before = text[max(0, place.start - 80):place.start]
    if formal_prefixes:
        stripped = before.rstrip()
        folded = stripped.casefold()
        for prefix, folded_prefix in _longest_first(formal_prefixes):
            if folded.endswith(folded_prefix):
                before = stripped[:len(stripped) - len(prefix)].rstrip() + " "
                break
    match = _TITLE_OF.search(before)
    return match is not None and match.group(1).casefold() in role_words
