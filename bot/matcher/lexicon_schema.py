"""The schema of a language lexicon file's top level (`bot/matcher/lexicons/<lang>.toml`):
which keys exist and whether each is a table or a word list. A key the matcher does not
read (a typo such as `to_marker`) is refused instead of silently ignored. What goes inside
each table (cue categories, grammar, dates...) is checked by `lexicon.py`, which knows
what every entry means; the shared `_*.toml` data files have shapes of their own.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class LexiconTop(BaseModel):
    """The top-level keys of one language's lexicon file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: Any = None  # lexicon.py checks it, saying what to write
    word_boundaries: bool = True
    # tables of cues and rules
    invite: dict[str, Any] = Field(default_factory=dict)
    status: dict[str, Any] = Field(default_factory=dict)
    modifiers: dict[str, Any] = Field(default_factory=dict)
    negative: dict[str, Any] | list[Any] = Field(default_factory=dict)
    occasion: dict[str, Any] = Field(default_factory=dict)
    observe: dict[str, Any] = Field(default_factory=dict)
    grammar: dict[str, Any] = Field(default_factory=dict)
    transcript: dict[str, Any] = Field(default_factory=dict)
    hosts: dict[str, Any] = Field(default_factory=dict)
    dates: dict[str, Any] | None = None
    # word lists (lexicon._LIST_KEYS; a test keeps the two equal)
    surname_joiners: list[Any] | None = None
    from_markers: list[Any] | None = None
    to_markers: list[Any] | None = None
    pronouns: list[Any] | None = None
    name_stopwords: list[Any] | None = None
    titles: list[Any] | None = None
    tail_markers: list[Any] | None = None
    abbreviations: list[Any] | None = None
    exhortation_objects: list[Any] | None = None
    negation_words: list[Any] | None = None
    object_pronouns: list[Any] | None = None
    possessive_pronouns: list[Any] | None = None
    conjunctions: list[Any] | None = None
    title_suffixes: list[Any] | None = None
    noun_suffixes: list[Any] | None = None
    both_words: list[Any] | None = None
    mutual_subjects: list[Any] | None = None
    renewal_words: list[Any] | None = None
    floor_words: list[Any] | None = None
    attribution_words: list[Any] | None = None
    door_words: list[Any] | None = None
    visit_back_words: list[Any] | None = None
    articles: list[Any] | None = None
    thanks_words: list[Any] | None = None
    residence_words: list[Any] | None = None
    phone_words: list[Any] | None = None
    talk_words: list[Any] | None = None
    messenger_words: list[Any] | None = None
    addressee_markers: list[Any] | None = None
    together_words: list[Any] | None = None
    relative_pronouns: list[Any] | None = None
    relative_objects: list[Any] | None = None
    inverted_relative_objects: list[Any] | None = None
    pluperfect_words: list[Any] | None = None
    reception_words: list[Any] | None = None
    last_year_words: list[Any] | None = None
    also_words: list[Any] | None = None
    substitute_words: list[Any] | None = None
    host_genitive_events: list[Any] | None = None
    venue_words: list[Any] | None = None
    possibility_words: list[Any] | None = None
    plural_pronouns: list[Any] | None = None
    masculine_pronouns: list[Any] | None = None
    feminine_pronouns: list[Any] | None = None
    feminine_subject_endings: list[Any] | None = None
    feminine_object_endings: list[Any] | None = None
    task_words: list[Any] | None = None
    preparation_words: list[Any] | None = None
    title_complements: list[Any] | None = None
    formal_complements: list[Any] | None = None
    complement_endings: list[Any] | None = None
    weak_anchors: list[Any] | None = None
    opponent_words: list[Any] | None = None
    conditional_words: list[Any] | None = None
    condition_endings: list[Any] | None = None
    irrealis_words: list[Any] | None = None
    office_condition_words: list[Any] | None = None
    organisation_markers: list[Any] | None = None
    sibling_languages: list[Any] | None = None
    club_words: list[Any] | None = None
    private_role_words: list[Any] | None = None
    subject_genitive_endings: list[Any] | None = None
    letter_words: list[Any] | None = None
    possessed_case_endings: list[Any] | None = None
    no_invitation_words: list[Any] | None = None
    reporting_words: list[Any] | None = None
    spokesperson_words: list[Any] | None = None
    side_speaker_words: list[Any] | None = None
    side_speech_words: list[Any] | None = None
    kin_words: list[Any] | None = None
    kin_links: list[Any] | None = None
    telling_words: list[Any] | None = None
    behalf_markers: list[Any] | None = None
    owner_markers: list[Any] | None = None
    carrier_links: list[Any] | None = None
    whether_words: list[Any] | None = None
    whether_after_words: list[Any] | None = None
    denial_contrast_words: list[Any] | None = None
    complementizers: list[Any] | None = None
    demand_words: list[Any] | None = None
    request_words: list[Any] | None = None
    acceptance_words: list[Any] | None = None
    formula_words: list[Any] | None = None
    place_heads: list[Any] | None = None
    reciprocal_words: list[Any] | None = None
    reciprocal_possessive: list[Any] | None = None
    conditional_answers: list[Any] | None = None
    counter_venue_words: list[Any] | None = None
    visitor_nouns: list[Any] | None = None
    host_nouns: list[Any] | None = None


TABLE_KEYS = ("invite", "status", "modifiers", "negative", "occasion", "observe", "grammar",
              "transcript", "hosts", "dates")

_WORDS = {"list_type": "must be an array of words", "dict_type": "must be a table",
          "bool_type": "must be true or false", "string_type": "must be a string"}


def top_level_problems(data: dict[str, Any], source: str) -> tuple[list[str], set[str]]:
    """Every top-level problem as "source: key 'k': what", and the keys they concern (so
    the loader does not report the same key twice)."""
    try:
        LexiconTop.model_validate(data)
    except ValidationError as exc:
        problems: list[str] = []
        keys: set[str] = set()
        for error in exc.errors(include_url=False):
            key = str(error["loc"][0])
            if key in keys:
                continue  # a union reports each of its members; one line per key
            keys.add(key)
            if error["type"] == "extra_forbidden":
                what = "unknown key (not read by the matcher: a typo?)"
            else:
                what = _WORDS.get(error["type"], str(error["msg"]))
                if key in TABLE_KEYS:
                    what = f"must be a table ([{key}])"
            problems.append(f"{source}: key {key!r}: {what}, got {type(error['input']).__name__}"
                            if error["type"] != "extra_forbidden" else
                            f"{source}: key {key!r}: {what}")
        return problems, keys
    return [], set()
