"""Cue lexicons: per-language phrase lists (TOML data) compiled to one regex per language.

Phrase syntax, shared by every lexicon file:
  * words are matched case-insensitively, whole words (unless `word_boundaries = false`);
  * `word*` matches any continuation of a word (invit* = invite, invited, invitation);
  * `...` between words is a gap of up to 8 words, for separable or split verbs
    ("lädt ... ein$"); a gap's words hold no sentence stop but a regnal ordinal's dot
    ("Leo XIV. gern");
  * a quotation mark between two words does not break a phrase ('was "always open" for');
  * `word$` means the word closes a clause (followed by punctuation or the end), which
    keeps the German particle "ein" apart from the article "ein";
  * a phrase starting with an apostrophe ("'s summit") is glued to the word before it.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick

from bot.errors import ConfigError
from bot.matcher.data_files import read_data_file
from bot.matcher.dates import DateWords, date_words_from
from bot.matcher.grammar import Grammar, grammar_from_data
from bot.matcher.lexicon_schema import top_level_problems
from bot.matcher.spotting import CommonWords, folded, lower_same_length

# Invitation cues, by how their arguments are laid out around them.
# "hosted": the event's host is named ("the dinner hosted by X", "the summit that X is
# hosting"); whoever is said to attend, skip or arrive for it was invited by the host.
# "welcome": an open invitation said of its invitee ("X is welcome to visit", "X est le
# bienvenu"): the invitee stands before the cue.
INVITE_CATEGORIES = ("by", "passive", "agreed", "challenge", "active", "noun", "hosted",
                     "hosting", "welcome")
# Status cues, in priority order for overlapping phrases.
STATUS_CATEGORIES = ("pending", "declined", "withdrawn", "took_place", "accepted", "responded")
# "denial": the sentence says the invitation never happened ("denied that he had invited",
# "reports that ... are false"); it scopes the whole sentence.
# "counter": a counter-venue ("but only in Budapest") - an acceptance with it is a response.
# "past": a recap of an earlier occasion ("has visited Moscow eight times before"): a
# took-place word beside it is another occasion than the invitation's.
# "provisional": the answer holds for now ("no plans yet", "пока нет планов"): a refusal
# in content with it is an evasive answer, a response (issue 14, status2 round).
# "present": a present-tense word of travel ("travels to", "arriva", "reist"): the trip
# is ahead when a date word beside it points after the article's date, else under way
# (tense.py; issue 14, tense round).
MODIFIER_CATEGORIES = ("negation", "hedge", "future", "present", "denial", "counter", "past",
                       "provisional")
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
    "hosted",
    "hosting",
    "welcome",
    # a denial before a negation: "不符合事实", "nicht der Wahrheit" open with a negation word
    # and are a denial (stop-28 negs round)
    "denial",
    "negation",
    "hedge",
    "future",
    "present",
    "counter",
    "past",
    "provisional",
)
_LIST_KEYS = (
    "surname_joiners",
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
    "both_words",
    "mutual_subjects",
    "renewal_words",
    "floor_words",
    "attribution_words",
    "door_words",
    "visit_back_words",
    "articles",
    "thanks_words",
    "residence_words",
    "phone_words",
    "talk_words",
    "messenger_words",
    "addressee_markers",
    "together_words",
    "relative_pronouns",
    "relative_objects",
    "inverted_relative_objects",
    "pluperfect_words",
    "reception_words",
    "last_year_words",
    "also_words",
    "substitute_words",
    "host_genitive_events",
    "venue_words",
    "possibility_words",
    "plural_pronouns",
    "masculine_pronouns",
    "feminine_pronouns",
    "feminine_subject_endings",
    "feminine_object_endings",
    "task_words",
    "preparation_words",
    "title_complements",
    "formal_complements",
    "complement_endings",
    "weak_anchors",
    "opponent_words",
    "conditional_words",
    "condition_endings",
    "irrealis_words",
    "office_condition_words",
    "organisation_markers",
    "sibling_languages",
    "club_words",
    "private_role_words",
    "subject_genitive_endings",
    "letter_words",
    "possessed_case_endings",
    "no_invitation_words",
    "reporting_words",
    "spokesperson_words",
    "side_speaker_words",
    "side_speech_words",
    "kin_words",
    "kin_links",
    "telling_words",
    "behalf_markers",
    "owner_markers",
    "carrier_links",
    "whether_words",
    "whether_after_words",
    "denial_contrast_words",
    "complementizers",
    "demand_words",
    "request_words",
    "acceptance_words",
    "formula_words",
    "place_heads",
    "reciprocal_words",
    "reciprocal_possessive",
    "conditional_answers",
    "counter_venue_words",
    "visitor_nouns",
    "host_nouns",
)
# How many sentences' cue hits each lexicon keeps (a few hundred KB at most).
_RECENT_SENTENCES = 4096
# A gap's words hold no sentence stop, except a regnal ordinal's dot with the sentence
# going on in lower case ("würde Papst Leo XIV. gern ... empfangen"; b9-cues round) and a
# day's ordinal dot before its month ("werde am 3. März nach Berlin reisen"; counter round).
_GAP = (r"(?:[\s,]+(?:[^\s.!?;:]+|(?-i:[IVXLC]{1,6}\.(?=\s+[a-zäöüß]))"
        r"|\d{1,2}\.(?=\s+\w))){0,18}?")
# The Indic scripts' signs join a word; their sentence stops (danda \u0964, \u0965) end it.
_MARKS = "\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0963\u0966-\u0dff\u0e00-\u0e7f"
# Observation cues ([observe] table): what happened between two figures without an
# invitation word, by how the two figures stand around the cue (see observe.py).
OBSERVE_CATEGORIES = (
    "met",  # symmetric: "X and Y met", "X met (with) Y", "встретились X и Y"
    "hosted",  # host before, guest after: "X hosted Y", "X empfing Y"
    "hosted_by",  # guest before, host after: "Y was received by X"
    "happened",  # "the meeting between X and Y took place": needs an occasion noun
    "arrived",  # "Y arrived in Z for talks with X", "Y attended ... alongside X": the second
    # figure follows a with-marker
    "called_off",  # "X's visit to Y was called off": needs an occasion noun
    "agreed_to_meet",  # "X agreed to meet Y"
    "refused_to_meet",  # "X refused to meet Y"
    "on_visit",  # "Y, who is on a working visit to Kyiv, met X": the figure before is the
    # guest (and, of two, the other one the host); one figure alone is a guest's report
    "joint_attendance",  # "X took part together with Y in the session", "joint participation
    # with Y in ...": both were there; with Y alone, Y's attendance (either side)
    # Cues of reports naming ONE party (observe.py, `observe_lone`):
    "will_not_attend",  # "X will not attend / won't go to <occasion>": a decline by the guest
    "offer_stands",  # "the invitation stands": the inviter keeps it open
    "offer_withdrawn",  # "X withdrew the invitation", "the invitation no longer stands": the
    # inviter takes it back (withdrawn, the inviter's side; story18 round)
    "will_attend",  # "X confirmed his attendance at <occasion>": an acceptance by the guest
    "will_be_at",  # "X will be in Chisinau for the celebrations", "sarà a": the guest's
    # acceptance too, but only with the place (or the occasion) right after the cue (story18)
    # A counted group's arrival verb ("four leaders arrived", "прибули", "chegaram"): read
    # only by groups.py (stop 28, gaps round), never as two figures' observation
    "group_arrived",
    "postponed",  # "X postponed the trip to Madrid", "the visit was put off": the invitation
    # stands (a pending report: it never undoes a decision), shown in the timeline
    "pulled_out",  # "X pulled out of the fight in Madrid", "trekker seg fra kampen": the
    # figure itself calls its part off (withdrawn, either side); needs an occasion noun
    "not_held",  # "the visit of X to Rome will not take place", "не состоится": the occasion
    # as the subject of a negated happening (withdrawn, either side; story35 round); needs
    # an occasion noun, and its own "not" is no denial of the report
)
# Word lists inside [observe]: prepositions for "with", hedges and negations that make a
# report hypothetical, words that date a meeting to the past ("last met", "years ago"), and
# small words that may stand between a figure and the cue (articles, "counterpart"), and
# the words that may follow "X and Y met" (a place or a time, not another object), and the
# present-tense words that may stand between a guest and "on a visit" ("who is", "der sich");
# a counted group arriving ("when four leaders arrived": `count_words` as "four=4",
# `group_nouns`), groups.py; the past-perfect auxiliaries a reported calling-off takes after
# a reporting verb ("said he had called off": `backshift`, observe.py, story34 round); the
# relatives that open a place's clause ("arrived in Minsk, where ...": `place_relatives`,
# observe.without_place_clause, story36 round).
OBSERVE_LISTS = ("with_markers", "hedges", "negations", "retrospective", "long_ago", "fillers",
                 "after_meeting", "visiting_words", "count_words", "group_nouns",
                 "speech_bridges", "backshift", "place_relatives")


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
    observe: dict[str, list[str]] = field(default_factory=dict)
    observe_lists: dict[str, frozenset[str]] = field(default_factory=dict)
    _observe_anchors: ahocorasick.Automaton | None = None
    _live_anchors: ahocorasick.Automaton | None = None
    grammar: Grammar = field(default_factory=Grammar)  # the [grammar] table
    # [transcript]: thanks for an invitation in a speech transcript (transcript.py)
    transcript: dict[str, list[str]] = field(default_factory=dict)
    dates: DateWords | None = None  # the [dates] table: weekdays, months, "yesterday"
    # [hosts]: host markers and guests' attendance words (hosts.py, issue 14 host round)
    hosts: dict[str, list[str]] = field(default_factory=dict)
    # the anchor word of every host marker (`may_name_host`); None: a marker without one
    _host_anchors: ahocorasick.Automaton | None = None
    # `hits` of recent sentences: a pure function of the sentence, and feeds repeat
    # sentences (a title again as the summary's first line, boilerplate, wire copy).
    _recent_hits: dict[str, tuple[CueHit, ...]] = field(default_factory=dict, repr=False,
                                                        compare=False)
    # Per cue regex (an alternation), the literal pieces each of its phrases needs, folded
    # (`_folded`): a regex none of whose phrases has all its pieces in the sentence is not run.
    _needs: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, repr=False)
    # Per [hosts] list, each phrase under its longest literal piece (`_literal_pieces`), with
    # the others it needs: a list none of whose phrases has all its pieces in a sentence is
    # not tried there (`_host_keys_in`). None: every list is tried (`_FOLD` unknown).
    _host_pieces: ahocorasick.Automaton | None = field(default=None, repr=False)
    # the [hosts] lists with a phrase that holds no literal piece: always tried
    _host_always: frozenset[str] = field(default_factory=frozenset, repr=False)
    # `_host_keys_in` of recent sentences (the host rules ask many lists of each sentence)
    _recent_host_keys: dict[str, frozenset[str]] = field(default_factory=dict, repr=False,
                                                         compare=False)

    def __getstate__(self) -> dict[str, Any]:
        # A pickled copy (the worker processes' matcher) starts without the caches.
        return {name: getattr(self, name) for name in self.__slots__
                if name not in ("_recent_hits", "_recent_host_keys")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self._recent_hits = {}
        self._recent_host_keys = {}

    def observation_cues(self, sentence: str, lowered: str | None = None) -> list[CueHit]:
        """Observation cue matches of the phrases whose anchor word occurs (overlaps
        included; observe.py keeps the longest at each place)."""
        if self._observe_anchors is None:
            return []
        lowered = sentence.lower() if lowered is None else lowered
        # (category, pattern) run: one phrase listed under two categories ("si recherà",
        # an acceptance and a future word) is one pattern string, and must hit in both.
        seen: set[tuple[str, str]] = set()
        out: list[CueHit] = []
        for _end, entries in self._observe_anchors.iter(lowered):
            for category, regex in entries:
                if (category, regex) in seen:
                    continue
                seen.add((category, regex))
                out.extend(self._regex_hits(category, regex, sentence, bounded=True))
        return out

    def has_observation_anchor(self, lowered: str) -> bool:
        """Whether an anchor word of an observation cue occurs in this lower-cased sentence:
        without one `observation_cues` finds nothing (the matcher's pre-filter)."""
        return self._observe_anchors is not None and \
            next(self._observe_anchors.iter(lowered), None) is not None

    def _regex_hits(self, category: str, regex: str, sentence: str, *,
                    bounded: bool) -> list[CueHit]:
        """Matches of one cue pattern (compiled once); with `bounded`, none that touches a
        letter or mark on either side."""
        pattern = self._compiled.get(regex)
        if pattern is None:
            pattern = self._compiled[regex] = re.compile(regex, re.IGNORECASE)
        return [CueHit(category, m.start(), m.end(), m.group(0))
                for m in pattern.finditer(sentence)
                if not (bounded and _touches_mark(sentence, m.start(), m.end()))]

    def words(self, key: str) -> frozenset[str]:
        return self.lists.get(key, frozenset())

    def words_of_hosts(self, key: str) -> frozenset[str]:
        """A [hosts] list as lower-cased words (`another`: indefinite articles)."""
        return frozenset(w.casefold() for w in self.hosts.get(key, ()))

    def host_hits(self, key: str, sentence: str) -> list[CueHit]:
        """Matches of one [hosts] list in a sentence (category = the key), longest
        phrase first where two start at one place; one alternation compiled once."""
        pattern = self._host_pattern(key) if self._may_hold(key, sentence) else None
        if pattern is None:
            return []
        return [CueHit(key, m.start(), m.end(), m.group(0)) for m in pattern.finditer(sentence)
                if m.end() > m.start()]

    def has_host_hit(self, key: str, sentence: str) -> bool:
        """Whether `host_hits` would find anything, without collecting the matches (asked
        of every sentence naming a figure: hosts.has_reception)."""
        pattern = self._host_pattern(key) if self._may_hold(key, sentence) else None
        return pattern is not None and any(m.end() > m.start()
                                           for m in pattern.finditer(sentence))

    def _may_hold(self, key: str, sentence: str) -> bool:
        """False only where no phrase of the [hosts] list `key` can match: each lacks one of
        its literal pieces (the alternation would try every phrase at every position)."""
        return self._host_pieces is None or key in self._host_always or \
            key in self._host_keys_in(sentence)

    def _host_keys_in(self, sentence: str) -> frozenset[str]:
        """The [hosts] lists one of whose phrases has all its literal pieces in the sentence
        (one automaton pass, kept for the other lists asked of the same sentence)."""
        known = self._recent_host_keys.get(sentence)
        if known is None:
            assert self._host_pieces is not None
            folded = _folded(lower_same_length(sentence))
            known = frozenset(key for _, entries in self._host_pieces.iter(folded)
                              for key, others in entries
                              if all(piece in folded for piece in others))
            if len(self._recent_host_keys) >= _RECENT_SENTENCES:
                self._recent_host_keys.pop(next(iter(self._recent_host_keys), ""), None)
            self._recent_host_keys[sentence] = known
        return known

    def _host_piece_index(self) -> None:
        """`_host_pieces` and `_host_always` from the [hosts] lists."""
        self._recent_host_keys.clear()
        self._host_pieces, self._host_always = None, frozenset()
        if _FOLD is None:
            return  # the pieces cannot be folded as IGNORECASE matches: try every list
        index: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
        always: set[str] = set()
        for key, phrases in self.hosts.items():
            for phrase in phrases:
                pieces = _literal_pieces(phrase, "")
                if not pieces:
                    always.add(key)
                    continue
                index.setdefault(pieces[0], set()).add((key, pieces[1:]))
        automaton = ahocorasick.Automaton()
        for piece, entries in index.items():
            automaton.add_word(piece, tuple(sorted(entries)))
        if len(automaton):
            automaton.make_automaton()
            self._host_pieces, self._host_always = automaton, frozenset(always)

    def _host_pattern(self, key: str) -> re.Pattern[str] | None:
        phrases = self.hosts.get(key)
        if not phrases:
            return None
        regex = f"hosts:{key}"
        pattern = self._compiled.get(regex)
        if pattern is None:
            body = "|".join(phrase_to_regex(p, self.word_boundaries)
                            for p in sorted(phrases, key=len, reverse=True))
            pattern = self._compiled[regex] = re.compile(body, re.IGNORECASE)
        return pattern

    def may_name_host(self, text: str) -> bool:
        """False only where no host marker (`HOST_MARKER_KEYS`) can match: the anchor word
        each marker cannot match without is absent (one Aho-Corasick pass, where the
        markers' alternations would try every phrase at every position)."""
        if self._host_anchors is None:
            return any(self.hosts.get(key) for key in HOST_MARKER_KEYS)
        return next(self._host_anchors.iter(_anchor_folded(text)), None) is not None

    def _host_marker_anchors(self) -> ahocorasick.Automaton | None:
        automaton = ahocorasick.Automaton()
        for phrase in (p for key in HOST_MARKER_KEYS for p in self.hosts.get(key, ())):
            anchor = _anchor_of(phrase)
            if not anchor:
                return None  # a marker with no word to look for: always try the markers
            automaton.add_word(_anchor_folded(anchor), anchor)
        if not len(automaton):
            return None
        automaton.make_automaton()
        return automaton

    def compile(self) -> None:
        """Index every phrase under an anchor word it cannot match without.

        Matching runs one Aho-Corasick pass over a sentence and then only the phrases whose
        anchors occur: a big alternation would try hundreds of phrases at every position.
        """
        self._recent_hits.clear()  # found with the phrases compiled before
        index: dict[str, list[tuple[str, str]]] = {}
        plain: dict[str, list[str]] = {}
        pieces: dict[str, tuple[str, ...]] = {}
        weak = self.words("weak_anchors")
        for category in ALL_CATEGORIES:
            for phrase in self.phrases.get(category, []):
                anchor = _anchor_of(phrase, weak)
                if not anchor:
                    continue
                if phrase.lower() == anchor and _is_plain_word(anchor):
                    # One literal word: the automaton's match is the hit, no regex needed.
                    if category not in plain.setdefault(anchor, []):
                        plain[anchor].append(category)
                    continue
                regex = phrase_to_regex(phrase, self.word_boundaries)
                index.setdefault(anchor, []).append((category, regex))
                pieces[regex] = _literal_pieces(phrase, anchor)
        automaton = ahocorasick.Automaton()
        self._needs = {}
        for anchor in index.keys() | plain.keys():
            automaton.add_word(anchor, (len(anchor), tuple(plain.get(anchor, ())),
                                        _merged_by_category(index.get(anchor, []))))
            if _FOLD is not None:
                self._needs.update((regex, needs) for regex, needs
                                   in _needs_by_regex(index.get(anchor, []), pieces).items()
                                   if () not in needs)  # one needs nothing: always run
        self._anchors = automaton if len(automaton) else None
        if self._anchors is not None:
            self._anchors.make_automaton()
        # A sentence is worth analysing only for an invitation or status cue: the modifiers
        # ("not", "if", "will") occur nearly everywhere and change nothing on their own, and
        # a negative phrase ("may invite") only ever unmakes an invitation cue, whose own
        # anchor makes the sentence live ("may" alone must not).
        live = ahocorasick.Automaton()
        for anchor in index.keys() | plain.keys():
            categories = [c for c, _ in index.get(anchor, ())] + plain.get(anchor, [])
            if any(category not in MODIFIER_CATEGORIES and category != "negative"
                   for category in categories):
                inviting = any(category in INVITE_CATEGORIES for category in categories)
                live.add_word(anchor, inviting)
        self._live_anchors = live if len(live) else None
        if self._live_anchors is not None:
            self._live_anchors.make_automaton()
        for category, regex in (e for entries in index.values() for e in entries):
            re.compile(regex)  # a phrase that does not compile fails at load, not at match
            del category
        observe_index: dict[str, list[tuple[str, str]]] = {}
        for category in OBSERVE_CATEGORIES:
            for phrase in self.observe.get(category, []):
                anchor = _anchor_of(phrase)
                if anchor:
                    regex = phrase_to_regex(phrase, self.word_boundaries)
                    re.compile(regex)  # fails at load, not at match
                    observe_index.setdefault(anchor, []).append((category, regex))
        anchors = ahocorasick.Automaton()
        for anchor, entries in observe_index.items():
            anchors.add_word(anchor, _merged_by_category(entries))
        self._observe_anchors = anchors if len(anchors) else None
        if self._observe_anchors is not None:
            self._observe_anchors.make_automaton()
        self._host_anchors = self._host_marker_anchors()
        self._host_piece_index()
        occasions = ahocorasick.Automaton()
        for label, terms in self.occasion.items():
            for term in terms:
                key = term.lower().replace("’", "'")
                if key and key not in occasions:
                    occasions.add_word(key, (label, len(key)))
        if len(occasions):
            occasions.make_automaton()
            self._occasion_terms = occasions

    def anchor_ends(self, lowered: str) -> list[tuple[int, bool]]:
        """Where the anchor words of invitation and status cues end in a lower-cased text,
        and whether the anchor can start an invitation: sentences without one are skipped."""
        if self._live_anchors is None:
            return []
        return list(self._live_anchors.iter(lowered))

    def hits(self, sentence: str, lowered: str | None = None) -> list[CueHit]:
        """Every phrase match of every category, overlaps included (callers resolve them).
        `lowered` is `sentence.lower()` when the caller has it."""
        if self._anchors is None:
            return []
        known = self._recent_hits.get(sentence)
        if known is None:
            known = tuple(self._find_hits(sentence, lowered))
            if len(self._recent_hits) >= _RECENT_SENTENCES:
                # First in, first out; `pop` with a default, as another thread may have
                # evicted the same sentence.
                self._recent_hits.pop(next(iter(self._recent_hits), ""), None)
            self._recent_hits[sentence] = known
        return list(known)

    def _find_hits(self, sentence: str, lowered: str | None) -> list[CueHit]:
        assert self._anchors is not None
        lowered = lowered if lowered is not None else sentence.lower()
        if len(lowered) != len(sentence):
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
        folded = _folded(lowered)
        # (category, pattern) run: one phrase listed under two categories ("si recherà",
        # an acceptance and a future word) is one pattern string, and must hit in both.
        seen: set[tuple[str, str]] = set()
        out: list[CueHit] = []
        bounded = self.word_boundaries
        size = len(lowered)
        for end, (length, plain, entries) in self._anchors.iter(lowered):
            start = end - length + 1
            if bounded and start > 0 and _inside_word(lowered[start - 1]):
                continue  # "no" inside "economy": every phrase starts its words at a boundary
            if plain and not (bounded and end + 1 < size and _continues_word(lowered[end + 1])):
                out.extend(CueHit(category, start, end + 1, sentence[start : end + 1])
                           for category in plain)
            for category, regex in entries:
                if (category, regex) in seen:
                    continue
                seen.add((category, regex))
                needs = self._needs.get(regex)
                if needs is not None and not any(all(piece in folded for piece in phrase)
                                                 for phrase in needs):
                    continue  # no phrase of it can match: each needs a piece not there
                out.extend(self._regex_hits(category, regex, sentence, bounded=bounded))
        return out

    def occasions(self, sentence: str) -> list[CueHit]:
        """Occasion terms (category = the English label), whole words where words exist."""
        if self._occasion_terms is None:
            return []
        # Turkish dotted capital I lower-cases to two characters ("İlham"): keep offsets.
        lowered = sentence.replace("İ", "i").lower()
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


def _merged_by_category(entries: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """One alternation per category (longest phrase first): an anchor such as "invitation"
    carries dozens of phrases, and one regex pass is far cheaper than dozens."""
    by_category: dict[str, list[str]] = {}
    for category, regex in entries:
        by_category.setdefault(category, []).append(regex)
    return tuple(
        (category, regexes[0] if len(regexes) == 1 else
         "|".join(f"(?:{r})" for r in sorted(regexes, key=len, reverse=True)))
        for category, regexes in by_category.items()
    )


def _needs_by_regex(entries: list[tuple[str, str]], pieces: dict[str, tuple[str, ...]]
                    ) -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each alternation `_merged_by_category` makes of `entries`, the literal pieces of
    its phrases (any phrase with all of its pieces in a sentence may match there)."""
    by_category: dict[str, list[tuple[str, ...]]] = {}
    for category, regex in entries:
        by_category.setdefault(category, []).append(pieces[regex])
    return {regex: _fewest(by_category[category])
            for category, regex in _merged_by_category(entries)}


def _fewest(phrases: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """The pieces of the phrases without those that hold another's: "has been invited by"
    can match only where "invited by" can, so checking the latter is enough."""
    sets = [frozenset(p) for p in phrases]
    return tuple(dict.fromkeys(
        p for p, own in zip(phrases, sets, strict=True)
        if not any(other < own for other in sets)))


def _literal_pieces(phrase: str, anchor: str) -> tuple[str, ...]:
    """The strings a match of the phrase's regex (`phrase_to_regex`) holds whatever the
    case, folded: each word without its `$` and `*` marks, cut at apostrophes (either
    apostrophe matches), without repeats, and without those inside its anchor (the regex
    is only tried where the anchor is found)."""
    out: list[str] = []
    for token in phrase.split():
        if token in ("...", "…"):
            continue
        if token.endswith("$") and len(token) > 1:
            token = token[:-1]
        if token.endswith("*") and len(token) > 1:
            token = token[:-1]
        out.extend(_folded(lower_same_length(part)) for part in token.split("'") if part)
    found = _folded(anchor)
    # The longest first: the likeliest to be missing, which ends the check.
    return tuple(sorted({piece for piece in out if piece not in found},
                        key=lambda piece: (-len(piece), piece)))


def _case_fold_table() -> dict[int, str] | None:
    """re.IGNORECASE matches a character with any of the same simple lower case and, beyond
    that, with the few of `re._casefix` (ı with i, ſ with s, ς with σ, ᲀ with в...). This
    maps each of those to one of its group, and "İ" (which `Lexicon.hits` may leave as it
    is) to "i", so that a literal the regex matches is a substring of the folded lower-cased
    text. None (no pre-check, every regex is run) if this Python keeps the table elsewhere."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:
        return None
    groups: dict[int, set[int]] = {}
    for code, others in _EXTRA_CASES.items():
        group = {code, *others}
        for member in list(group):
            group |= groups.get(member, set())
        for member in group:
            groups[member] = group
    table = {code: chr(min(group)) for code, group in groups.items() if code != min(group)}
    table[ord("İ")] = _fold_char("i", table)
    return table


def _fold_char(char: str, table: dict[int, str]) -> str:
    return table.get(ord(char), char)


_FOLD = _case_fold_table()
_FOLD_CHARS = frozenset(chr(code) for code in _FOLD or ())


def _folded(lowered: str) -> str:
    """A lower-cased text with the characters IGNORECASE also equates mapped to one of each
    group (`_case_fold_table`); most texts hold none of them."""
    if _FOLD is None or _FOLD_CHARS.isdisjoint(lowered):
        return lowered
    return lowered.translate(_FOLD)


def _touches_mark(text: str, start: int, end: int) -> bool:
    """Combining marks are not \\w to Python's re, yet they are inside words: the "न" that
    ends "पुतिन" follows a vowel sign and must not read as the negation "न". Checked after
    the match: a mark class inside every phrase regex made loading twice as slow."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return any(ch > "\u02ff" and unicodedata.category(ch)[0] == "M" for ch in (before, after) if ch)


def _is_plain_word(token: str) -> bool:
    return all(ch.isalnum() or ch == "-" or unicodedata.category(ch)[0] == "M" for ch in token)


def _continues_word(ch: str) -> bool:
    """What `(?![\\w<marks>])` refuses after a phrase."""
    return ch.isalnum() or ch == "_" or unicodedata.category(ch)[0] == "M"


def _inside_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_@#" or unicodedata.category(ch).startswith("M")


def _anchor_folded(text: str) -> str:
    """Lower case with the letters a case-blind regex takes for each other folded alike
    (Turkish dotted and dotless i, long s, either apostrophe), so that an anchor is found
    wherever the phrase's regex can match."""
    return text.replace("İ", "i").replace("ı", "i").replace("ſ", "s").replace("’", "'").lower()


def _anchor_of(phrase: str, weak: frozenset[str] = frozenset()) -> str:
    """The word a phrase is indexed under: its longest, unless that is a frequent word of
    the language (`weak_anchors`: "готов", "reunião") and another word will do, so that
    a common word does not make every article worth analysing."""
    tokens = [t.rstrip("$").rstrip("*").lower().replace("’", "'") for t in phrase.split()
              if t not in ("...", "…")]
    tokens = [t for t in tokens if t]
    strong = [t for t in tokens if t.strip(",") not in weak and len(t) > 3]
    return max(strong or tokens, key=len) if tokens else ""


_JOINER = r"(?:[\s\-\"“”«»„]|(?<=\s)['‘’]|['‘’](?=\s))+"


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
        # A quotation mark between two words does not break a phrase ('irá "com muito
        # prazer"', 'was "always open" for': reported speech quotes a few words; b9-cues),
        # nor does a single one beside a space ("dat hij 'altijd welkom' is": issue 14,
        # stop 30, fixw round); one inside a word ("Putin's") is an apostrophe, no joiner.
        joiners.append(_JOINER if word_boundaries else r"\s*")
    if not pieces:
        return r"(?!x)x"
    body = "".join(p + (joiners[i] if i < len(pieces) - 1 else "") for i, p in enumerate(pieces))
    if word_boundaries:
        if any("\u0600" <= ch <= "\u0e7f" for ch in phrase):
            # Scripts with combining marks inside words (Arabic, Indic, Thai): the marks
            # count as word characters for the boundaries.
            return rf"(?<![\w@#{_MARKS}]){body}(?![\w{_MARKS}])"
        if phrase[:1] in "'’":
            # "'s summit" (issue 14, outcome round): a possessive ending is glued to the
            # word before, so it has no boundary on its left.
            return rf"{body}(?!\w)"
        return rf"(?<![\w@#]){body}(?!\w)"
    return body


def lexicon_from_data(data: Mapping[str, Any], *, source: str) -> Lexicon:
    # The top level against its schema first; a key it refuses is not read again below.
    problems, refused = top_level_problems(dict(data), source)
    data = {k: v for k, v in data.items() if k not in refused}
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
    observe, observe_lists = _observe_table(data.get("observe", {}), source, problems)
    grammar = grammar_from_data(data.get("grammar", {}), source=source, problems=problems)
    transcript = _phrase_table(data.get("transcript", {}), "transcript", TRANSCRIPT_KEYS,
                               source, problems)
    dates = date_words_from(data.get("dates"), source=source, problems=problems)
    hosts = _phrase_table(data.get("hosts", {}), "hosts", HOST_KEYS, source, problems)
    lists: dict[str, frozenset[str]] = {}
    for key in _LIST_KEYS:
        if key in data:
            lists[key] = frozenset(
                s.casefold() for s in _strings(data[key], key, source, problems)
            )
    if problems:
        raise ConfigError(problems)
    lexicon = Lexicon(lang=lang.strip(), word_boundaries=boundaries, phrases=phrases,
                      occasion=occasion, lists=lists, observe=observe,
                      observe_lists=observe_lists, grammar=grammar, transcript=transcript, dates=dates,
                      hosts=hosts)
    try:
        lexicon.compile()
    except re.error as exc:
        raise ConfigError([f"{source}: a phrase does not compile: {exc}"]) from exc
    return lexicon


TRANSCRIPT_KEYS = ("thanks", "invited_speaker", "inviting_speaker", "first_person",
                   "second_person", "first_person_object", "attendance", "invite_you",
                   "at_your_invitation", "plans", "procedure", "quote_verbs",
                   "quote_addressing", "speech_by", "speech_at", "vocatives",
                   "speaker_articles", "single_quotes", "here", "written_verbs", "quote_with",
                   "quote_to")


def _phrase_table(table: Any, name: str, keys: tuple[str, ...], source: str,
                  problems: list[str]) -> dict[str, list[str]]:
    """A `[name]` table of key = [phrases] whose keys must be among `keys`."""
    if not isinstance(table, dict):
        problems.append(f"{source}: [{name}] must be a table of key = [phrases]")
        return {}
    out: dict[str, list[str]] = {}
    for key, value in table.items():
        if key not in keys:
            problems.append(f"{source}: key '{name}.{key}': unknown (expected one of "
                            f"{', '.join(keys)})")
            continue
        out[key] = _strings(value, f"{name}.{key}", source, problems)
    return out


HOST_KEYS = ("host_before", "host_after", "host_with_occasion", "attended", "will_attend",
             "absent", "stand_in", "past", "another", "thanked_for", "reception", "reception_by",
             "reception_source", "reception_thing", "host_country", "reception_final",
             "reception_object", "host_inside", "chair", "hosted_meetings",
             "host_inviting", "guest_list", "confirmed_list", "invited_list",
             "host_gathers", "reception_ahead", "reception_by_ahead", "reception_by_inside",
             "reception_by_final", "reception_guest", "reception_clitic", "reception_present",
             "reception_seat", "reception_perfect",
             "seat_prepositions", "occasion_relative", "honoured", "reception_wish",
             "honoured_pronoun", "leader_titles", "leader_not", "leader_of", "delegation_words",
             "since_year", "since_year_after", "partner_words", "destination_prepositions",
             "state_occasion", "partner_after", "guest_aside", "hosted_relatives",
             "reception_group", "group_member", "group_speaker", "honoured_for",
             "honoured_for_before")
# The [hosts] lists that name a host (the rest speak of guests): the pre-filter's anchors.
HOST_MARKER_KEYS = ("host_before", "host_after", "host_with_occasion", "host_inside",
                    "host_inviting", "host_gathers")


def _observe_table(table: Any, source: str, problems: list[str]
                   ) -> tuple[dict[str, list[str]], dict[str, frozenset[str]]]:
    phrases: dict[str, list[str]] = {}
    lists: dict[str, frozenset[str]] = {}
    if not isinstance(table, dict):
        problems.append(f"{source}: [observe] must be a table of category = [phrases]")
        return phrases, lists
    for key, value in table.items():
        if key in OBSERVE_CATEGORIES:
            phrases[key] = _strings(value, f"observe.{key}", source, problems)
        elif key in OBSERVE_LISTS:
            lists[key] = frozenset(
                s.casefold() for s in _strings(value, f"observe.{key}", source, problems))
        else:
            known = ", ".join(OBSERVE_CATEGORIES + OBSERVE_LISTS)
            problems.append(f"{source}: key 'observe.{key}': unknown (expected one of {known})")
    return phrases, lists


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


def load_common_words(path: Path) -> CommonWords:
    """The aliases that are also ordinary words (see _common_words.toml); ConfigError names
    the file and key. A missing file means none."""
    data = read_data_file(path)
    if data is None:
        return CommonWords()
    problems: list[str] = []
    words = _strings(data.get("words", []), "words", str(path), problems)
    suffixes = _strings(data.get("name_suffixes", []), "name_suffixes", str(path), problems)
    holders = _strings(data.get("holders", []), "holders", str(path), problems)
    variants = data.get("spelling_variants", [])
    if not isinstance(variants, list) or not all(
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, str) for v in pair)
            and pair[0] for pair in variants):
        problems.append(f"{path}: spelling_variants must be a list of [written, read] "
                        "pairs of strings, the written one not empty")
        variants = []
    if problems:
        raise ConfigError(problems)
    return CommonWords(frozenset(w.casefold() for w in words), tuple(suffixes),
                       tuple(sorted({folded(w) for w in holders})),
                       tuple((pair[0].casefold(), pair[1].casefold()) for pair in variants))


def merged_words(lexicons: Iterable[Lexicon], key: str) -> frozenset[str]:
    out: set[str] = set()
    for lexicon in lexicons:
        out |= lexicon.words(key)
    return frozenset(out)
