"""Cue lexicons: per-language phrase lists (TOML data) compiled to one regex per language.

Phrase syntax, shared by every lexicon file:
  * words are matched case-insensitively, whole words (unless `word_boundaries = false`);
  * `word*` matches any continuation of a word (invit* = invite, invited, invitation);
  * `...` between words is a gap of up to 8 words, for separable or split verbs
    ("lädt ... ein$");
  * `word$` means the word closes a clause (followed by punctuation or the end), which
    keeps the German particle "ein" apart from the article "ein".
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick

from bot.errors import ConfigError

# Invitation cues, by how their arguments are laid out around them.
INVITE_CATEGORIES = ("by", "passive", "agreed", "challenge", "active", "noun")
# Status cues, in priority order for overlapping phrases.
STATUS_CATEGORIES = ("pending", "declined", "withdrawn", "took_place", "accepted", "responded")
MODIFIER_CATEGORIES = ("negation", "hedge", "future")
# Order matters: at one position the first category whose phrase matches wins, so the
# specific phrases (negatives, explicit declines) come before the generic words.
ALL_CATEGORIES = (
    "negative",
    "pending",
    "declined",
    "withdrawn",
    "by",
    "passive",
    "agreed",
    "took_place",
    "accepted",
    "responded",
    "challenge",
    "active",
    "noun",
    "negation",
    "hedge",
    "future",
)
_LIST_KEYS = (
    "from_markers",
    "to_markers",
    "pronouns",
    "name_stopwords",
    "titles",
    "tail_markers",
    "abbreviations",
    "exhortation_objects",
    "negation_words",
    "object_pronouns",
    "possessive_pronouns",
    "conjunctions",
    "title_suffixes",
    "noun_suffixes",
)
_GAP = r"(?:[\s,]+[^\s.!?;:]+){0,14}?"


@dataclass(frozen=True, slots=True)
class CueHit:
    category: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Lexicon:
    lang: str
    word_boundaries: bool = True
    phrases: dict[str, list[str]] = field(default_factory=dict)
    occasion: dict[str, list[str]] = field(default_factory=dict)  # English label -> terms
    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    _anchors: ahocorasick.Automaton | None = None
    _compiled: dict[str, re.Pattern[str]] = field(default_factory=dict)
    _occasion_terms: ahocorasick.Automaton | None = None
    _group_label: dict[str, str] = field(default_factory=dict)

    def words(self, key: str) -> frozenset[str]:
        return self.lists.get(key, frozenset())

    def compile(self) -> None:
        """Index every phrase under an anchor word it cannot match without.

        Matching runs one Aho-Corasick pass over a sentence and then only the phrases whose
        anchors occur: a big alternation would try hundreds of phrases at every position.
        """
        index: dict[str, list[tuple[str, str]]] = {}
        for category in ALL_CATEGORIES:
            for phrase in self.phrases.get(category, []):
                anchor = _anchor_of(phrase)
                if anchor:
                    index.setdefault(anchor, []).append(
                        (category, phrase_to_regex(phrase, self.word_boundaries)))
        automaton = ahocorasick.Automaton()
        for anchor, entries in index.items():
            automaton.add_word(anchor, tuple(entries))
        self._anchors = automaton if len(automaton) else None
        if self._anchors is not None:
            self._anchors.make_automaton()
        for category, regex in (e for entries in index.values() for e in entries):
            re.compile(regex)  # a phrase that does not compile fails at load, not at match
            del category
        occasions = ahocorasick.Automaton()
        for label, terms in self.occasion.items():
            for term in terms:
                key = term.lower().replace("’", "'")
                if key and key not in occasions:
                    occasions.add_word(key, (label, len(key)))
        if len(occasions):
            occasions.make_automaton()
            self._occasion_terms = occasions

    def anchor_ends(self, lowered: str) -> list[int]:
        """Where anchor words end in a lower-cased text: sentences without one are skipped."""
        if self._anchors is None:
            return []
        return [end for end, _ in self._anchors.iter(lowered)]

    def hits(self, sentence: str, lowered: str | None = None) -> list[CueHit]:
        """Every phrase match of every category, overlaps included (callers resolve them)."""
        if self._anchors is None:
            return []
        lowered = lowered if lowered is not None else sentence.lower()
        if len(lowered) != len(sentence):
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
        seen: set[str] = set()
        out: list[CueHit] = []
        for _end, entries in self._anchors.iter(lowered):
            for category, regex in entries:
                if regex in seen:
                    continue
                seen.add(regex)
                pattern = self._compiled.get(regex)
                if pattern is None:
                    pattern = self._compiled[regex] = re.compile(regex, re.IGNORECASE)
                out.extend(CueHit(category, m.start(), m.end(), m.group(0))
                           for m in pattern.finditer(sentence))
        return out

    def occasions(self, sentence: str) -> list[CueHit]:
        """Occasion terms (category = the English label), whole words where words exist."""
        if self._occasion_terms is None:
            return []
        lowered = sentence.lower()
        if len(lowered) != len(sentence):
            return []
        hits: list[CueHit] = []
        for end_index, (label, length) in self._occasion_terms.iter(lowered):
            end = end_index + 1
            start = end - length
            if self.word_boundaries and (
                (start > 0 and lowered[start - 1].isalnum())
                or (end < len(lowered) and lowered[end].isalnum())
            ):
                continue
            hits.append(CueHit(label, start, end, sentence[start:end]))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[CueHit] = []
        for hit in hits:
            if out and hit.start < out[-1].end:
                if hit.end - hit.start > out[-1].end - out[-1].start and hit.start == out[-1].start:
                    out[-1] = hit
                continue
            out.append(hit)
        return out


def _anchor_of(phrase: str) -> str:
    tokens = [t.rstrip("$").rstrip("*").lower().replace("’", "'") for t in phrase.split()
              if t not in ("...", "…")]
    tokens = [t for t in tokens if t]
    return max(tokens, key=len) if tokens else ""


def phrase_to_regex(phrase: str, word_boundaries: bool = True) -> str:
    tokens = phrase.split()
    pieces: list[str] = []
    joiners: list[str] = []
    for token in tokens:
        if token in ("...", "…"):
            if pieces:
                joiners[-1] = _GAP + r"[\s,]+" if word_boundaries else r"[^。！？；.!?;]{0,24}?"
            continue
        closes = token.endswith("$") and len(token) > 1
        if closes:
            token = token[:-1]
        wildcard = token.endswith("*") and len(token) > 1
        if wildcard:
            token = token[:-1]
        piece = re.escape(token).replace("'", "['’]")
        if wildcard:
            piece += r"\w*"
        if closes:
            piece += r"(?=\s*(?:[,.;:!?\"“”»)]|$))"
        pieces.append(piece)
        joiners.append(r"[\s\-]+" if word_boundaries else r"\s*")
    if not pieces:
        return r"(?!x)x"
    body = "".join(p + (joiners[i] if i < len(pieces) - 1 else "") for i, p in enumerate(pieces))
    if word_boundaries:
        return rf"(?<![\w@#]){body}(?!\w)"
    return body


def lexicon_from_data(data: Mapping[str, Any], *, source: str) -> Lexicon:
    problems: list[str] = []
    lang = data.get("lang")
    if not isinstance(lang, str) or not lang.strip():
        problems.append(f"{source}: key 'lang': missing or not a language code")
        lang = Path(source).stem
    boundaries = data.get("word_boundaries", True)
    if not isinstance(boundaries, bool):
        problems.append(f"{source}: key 'word_boundaries': must be true or false")
        boundaries = True
    phrases: dict[str, list[str]] = {}
    for section in ("invite", "status", "modifiers", "negative"):
        table = data.get(section, {})
        if section == "negative" and isinstance(table, list):
            table = {"negative": table}
        if not isinstance(table, dict):
            problems.append(f"{source}: [{section}] must be a table")
            continue
        for key, value in table.items():
            category = "negative" if section == "negative" else key
            if category not in ALL_CATEGORIES:
                problems.append(f"{source}: key '{section}.{key}': unknown cue category")
                continue
            phrases.setdefault(category, []).extend(
                _strings(value, f"{section}.{key}", source, problems)
            )
    occasion: dict[str, list[str]] = {}
    table = data.get("occasion", {})
    if not isinstance(table, dict):
        problems.append(f"{source}: [occasion] must be a table of label = [terms]")
        table = {}
    for label, value in table.items():
        if label in _LIST_KEYS:
            problems.append(
                f"{source}: key 'occasion.{label}': a word list inside [occasion]; "
                "move it above the first [table]"
            )
            continue
        occasion[label] = _strings(value, f"occasion.{label}", source, problems)
    lists: dict[str, frozenset[str]] = {}
    for key in _LIST_KEYS:
        if key in data:
            lists[key] = frozenset(
                s.casefold() for s in _strings(data[key], key, source, problems)
            )
    if problems:
        raise ConfigError(problems)
    lexicon = Lexicon(lang=lang.strip(), word_boundaries=boundaries, phrases=phrases,
                      occasion=occasion, lists=lists)
    try:
        lexicon.compile()
    except re.error as exc:
        raise ConfigError([f"{source}: a phrase does not compile: {exc}"]) from exc
    return lexicon


def _strings(value: Any, key: str, source: str, problems: list[str]) -> list[str]:
    if not isinstance(value, list):
        problems.append(f"{source}: key '{key}': must be an array of strings")
        return []
    out = []
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            out.append(item.strip())
        else:
            problems.append(f"{source}: key '{key}[{i}]': must be a non-empty string, got {item!r}")
    return out


def default_lexicon_dir() -> Path:
    return Path(__file__).resolve().parent / "lexicons"


def load_lexicons(directory: Path | None = None) -> dict[str, Lexicon]:
    """Every `<lang>.toml` in the directory (files starting with `_` are shared data)."""
    directory = directory or default_lexicon_dir()
    if not directory.is_dir():
        raise ConfigError([f"{directory}: lexicon directory not found"])
    lexicons: dict[str, Lexicon] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.toml")):
        if path.name.startswith("_"):
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            lexicon = lexicon_from_data(data, source=str(path))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"{path}: cannot read lexicon: {exc}")
            continue
        except ConfigError as exc:
            problems.extend(exc.problems)
            continue
        lexicons[lexicon.lang] = lexicon
    if problems:
        raise ConfigError(problems)
    return lexicons


def merged_words(lexicons: Iterable[Lexicon], key: str) -> frozenset[str]:
    out: set[str] = set()
    for lexicon in lexicons:
        out |= lexicon.words(key)
    return frozenset(out)
