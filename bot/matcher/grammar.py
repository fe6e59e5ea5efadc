"""Word-order and morphology facts of a language, read from its lexicon's [grammar] table.

The argument rules (arguments.py) and the observation resolvers (observe.py) ask these
questions instead of testing language codes: whether a clause may put the verb last, whether
case endings mark the agent, which particles mark subject and object. Languages without a
lexicon of their own keep their facts in `lexicons/_grammar.toml` (one table per code).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.errors import ConfigError
from bot.matcher.data_files import read_data_file

_FLAGS = ("verb_final", "verb_second", "head_final", "case_marked", "zero_pronoun",
          "preverbal_clitics", "final_participle", "genitive_s", "genitive_host", "prenominal_relative",
          "genitive_after_noun", "pronoun_in_frame", "capitalised_nouns")
_LISTS = ("subject_particles", "object_particles", "other_particles", "nominative_particles",
          "dative_endings", "genitive_endings", "instrumental_endings", "agent_markers",
          "destination_suffixes", "object_suffixes", "object_articles")
_STYLES = ("scan", "word_end")


@dataclass(frozen=True, slots=True)
class CaseEndings:
    """Name endings that say a Cyrillic name's case (the union of every lexicon's)."""

    dative: tuple[str, ...] = ()
    genitive: tuple[str, ...] = ()
    instrumental: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Grammar:
    # Clauses (subordinate ones at least) put the verb after both arguments:
    # "..., dass Musk Putin einlud".
    verb_final: bool = False
    # The finite verb comes second, the subject after it when something else leads:
    # "Am Samstag lud Musk Putin ein".
    verb_second: bool = False
    # Modifiers precede their head: "X の招待で" = at X's invitation.
    head_final: bool = False
    # Case endings mark the roles ("приглашён Маском"): an agent needs no preposition.
    case_marked: bool = False
    # A known subject is routinely left unsaid in the next sentence.
    zero_pronoun: bool = False
    # Object pronouns stand before the verb as clitics ("l'a invité", "lo ha invitato").
    preverbal_clitics: bool = True
    # A perfect puts its participle last: "Scholz hat Macron im Kanzleramt empfangen".
    final_participle: bool = False
    # A name takes a bare genitive -s: "Nowitzkis Benefizspiel".
    genitive_s: bool = False
    # A one-word event noun names its host by the genitive glued before it, also through a
    # case ending after an apostrophe: "Macron'un zirvesine" (issue 14, wider). Set with
    # genitive_s, or alone where the genitive is an ending (tr).
    genitive_host: bool = False
    # A relative clause stands before its noun, the host inside it and the guest the
    # sentence's subject before it: "普京出席了习近平举行的宴会", "기시다 총리는 윤석열
    # 대통령이 주최한 만찬에 참석했다".
    prenominal_relative: bool = False
    # A noun's owner follows it bare (the Arabic construct state): "رفض زيلينسكي دعوة بوتين"
    # = Zelensky refused Putin's invitation.
    genitive_after_noun: bool = False
    # An object pronoun stands inside the verb frame, between the auxiliary or verb and its
    # participle or particle: "Schoof heeft haar uitgenodigd" (her = the one named before).
    pronoun_in_frame: bool = False
    # Every noun is capitalised ("am Denkmal Blumen niederlegen"): two capitalised words
    # found only from the text are a person's name only with more evidence
    # (local_names.weakly_named).
    capitalised_nouns: bool = False
    # Case particles after a name or its title: (subject/topic, object, any other).
    subject_particles: frozenset[str] = frozenset()
    object_particles: frozenset[str] = frozenset()
    other_particles: frozenset[str] = frozenset()
    # Of the subject particles, those marking a clause's own subject rather than the
    # sentence's topic (ja "が" against "は"): arguments.nominative_before_topic
    nominative_particles: frozenset[str] = frozenset()
    # "scan": particles attach to the name with no space (ja); "word_end": they end the
    # word the name is in (ko).
    particle_style: str = "scan"
    # Markers right after an agent in head-final languages ("の", "의", " का").
    agent_markers: frozenset[str] = frozenset()
    # Case suffixes that make a place the goal of a movement, glued to it or ending its
    # form: "Erdoğan, Putin'i Türkiye'ye davet etti" (to Turkey). In a verb-final clause
    # the destination stands before the invitation verb (occasion.choose_occasion).
    destination_suffixes: frozenset[str] = frozenset()
    # A name's last word ending so is a direct object, never a subject, in this language
    # (ru/uk the genitive-accusative "Мишустина", "Туска"; pl "Orbána", "Nausėdę"): a
    # reception's roles by case rather than order (hosts.object_first; issue 14, stop 33).
    object_suffixes: frozenset[str] = frozenset()
    # Articles that open an accusative noun phrase ("den", "einen"): a figure after one
    # at the head of its clause is the object put first ("Den Präsidenten Macron empfing
    # Merz").
    object_articles: frozenset[str] = frozenset()
    case_endings: CaseEndings = field(default_factory=CaseEndings)

    @property
    def has_particles(self) -> bool:
        return bool(self.subject_particles or self.object_particles)


def grammar_from_data(table: Any, *, source: str, problems: list[str]) -> Grammar:
    """A [grammar] table; problems are appended with file and key."""
    if not isinstance(table, Mapping):
        problems.append(f"{source}: [grammar] must be a table")
        return Grammar()
    values: dict[str, Any] = {}
    endings: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        where = f"{source}: key 'grammar.{key}'"
        if key in _FLAGS:
            if not isinstance(value, bool):
                problems.append(f"{where}: must be true or false")
                continue
            values[key] = value
        elif key in _LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                problems.append(f"{where}: must be an array of non-empty strings")
                continue
            if key.endswith("_endings"):
                endings[key.removesuffix("_endings")] = tuple(value)
            else:
                values[key] = frozenset(value)
        elif key == "particle_style":
            if value not in _STYLES:
                problems.append(f"{where}: must be one of {', '.join(_STYLES)}")
                continue
            values[key] = value
        else:
            problems.append(f"{where}: unknown (expected one of "
                            f"{', '.join((*_FLAGS, *_LISTS, 'particle_style'))})")
    return Grammar(**values, case_endings=CaseEndings(**endings))


def load_extra_grammars(path: Path) -> dict[str, Grammar]:
    """`_grammar.toml`: `[<code>]` tables for languages that have no lexicon file."""
    data = read_data_file(path)
    if data is None:
        return {}
    problems: list[str] = []
    grammars = {code: grammar_from_data(table, source=str(path), problems=problems)
                for code, table in data.items()}
    if problems:
        raise ConfigError(problems)
    return grammars


def merged_endings(grammars: Iterable[Grammar]) -> CaseEndings:
    """Every language's endings together: a Cyrillic name may turn up in any article."""
    dative: list[str] = []
    genitive: list[str] = []
    instrumental: list[str] = []
    for grammar in grammars:
        ends = grammar.case_endings
        dative += [e for e in ends.dative if e not in dative]
        genitive += [e for e in ends.genitive if e not in genitive]
        instrumental += [e for e in ends.instrumental if e not in instrumental]
    return CaseEndings(tuple(dative), tuple(genitive), tuple(instrumental))


def with_endings(grammar: Grammar, endings: CaseEndings) -> Grammar:
    return replace(grammar, case_endings=endings)


def slavic_case(surface: str, endings: CaseEndings) -> str | None:
    """Dative, genitive or instrumental from a Cyrillic name's ending (Зеленському, Орбана,
    Орбаном), if clear; titles decline their first word ("председателю КНР")."""
    for word in (surface.split()[-1:] + surface.split()[:1]):
        last = word.lower()
        if not last or not ("\u0400" <= last[-1] <= "\u04ff"):
            continue
        if last.endswith(endings.dative):
            return "dat"
        if last.endswith(endings.instrumental):
            return "ins"
        if last.endswith(endings.genitive):
            return "gen"
    return None
