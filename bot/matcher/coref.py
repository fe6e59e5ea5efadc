"""Pronouns standing for the figures of the sentence before (issue 14, coreference round).

"Macron received Lula on Monday. He invited him to the summit in Nice." / "Il l'a
invité" / "Er lud ihn ... ein" / "Lo invitó" / "Convidou-o" / "Он пригласил его": the
second sentence names nobody; its subject pronoun stands for the previous sentence's
subject and its object pronoun for the other figure there, unless the pronouns' genders
say otherwise. Only an unambiguous reading is returned: two figures of the previous
sentence exactly, and genders (where the language marks them and the gazetteer knows the
figure's) that agree with one assignment only. A feminine pronoun needs a figure the
gazetteer knows as a woman; a masculine one any figure not known as a woman (the
gazetteer marks women, most public figures it lists are men).

The word lists come from the lexicons (`masculine_pronouns`, `feminine_pronouns`,
`feminine_subject_endings`, `feminine_object_endings`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from bot.matcher.clause import Ref, Words, clitic_before, clitic_in_cue
from bot.matcher.grammar import Grammar
from bot.matcher.lexicon import CueHit

_STRIP = ",.;:!?\"'«»„“”()"
_INFINITIVE_ENDINGS = ("ть", "ти", "ться", "тись")  # "пригласил его посетить": an object
_LEAD_WORDS = 2  # words before the cue besides the subject pronoun: clitic, auxiliary


def _word(text: str) -> str:
    return text.strip(_STRIP).casefold()


def gender_of(word: str, words: Words) -> str | None:
    if word in words.feminine:
        return "f"
    if word in words.masculine:
        return "m"
    return None


def subject_pronoun(sentence: str, cue: CueHit, words: Words, grammar: Grammar
                    ) -> tuple[bool, str | None] | None:
    """(found, gender) of the subject: a pronoun opening the sentence ("He", "Il", "Он"),
    or, in a language that drops it, nothing but clitics before the verb ("Lo invitó",
    "L'ha invitato", "Convidou-o"). None when the subject is something else ("The company
    invited him") or when a reporting verb stands between ("He said she invited him")."""
    lead = [_word(w) for w in sentence[: cue.start].replace("’", "'").split()]
    lead = [w for w in lead if w]
    gender = _verb_gender(cue, words)
    if lead and lead[0] in words.pronouns:
        if lead[0] in words.plural_pronouns or len(lead) > 1 + _LEAD_WORDS:
            return None
        if any(not _clitic_or_auxiliary(w, words) for w in lead[1:]):
            return None
        return True, gender_of(lead[0], words) or gender
    if grammar.preverbal_clitics and len(lead) <= _LEAD_WORDS and all(
            _clitic_or_auxiliary(w, words) for w in lead):
        return True, gender  # the subject is unsaid: the one of the sentence before
    return None


def _clitic_or_auxiliary(word: str, words: Words) -> bool:
    """"l'a", "lo", "ha", "его": what may stand between a subject pronoun and its verb."""
    if word.startswith("l'"):
        # "l'a", "l'ha", "l'avait"; "l'entreprise", "l'azienda" are a subject of their own
        return len(word) <= 4 or word[2:] in words.pluperfect
    return word in words.object_pronouns or len(word) <= 3 or word in words.pluperfect


def _verb_gender(cue: CueHit, words: Words) -> str | None:
    """"пригласила", "запросила": a past verb ending marks its subject a woman."""
    first = cue.text.split()[0].casefold() if cue.text.split() else ""
    if words.feminine_subject_endings and first.endswith(words.feminine_subject_endings):
        return "f"
    return None


def object_pronoun(sentence: str, cue: CueHit, words: Words, grammar: Grammar,
                   first_word_end: int) -> tuple[bool, str | None] | None:
    """(found, gender) of a singular object pronoun: after the verb ("invited him",
    "convidou-o", "пригласил его"), inside a split verb ("lud ihn ... ein"), or a clitic
    before it ("l'a invitée", "lo invitó", "его пригласил")."""
    word = _object_after(sentence, cue, words) or _object_inside(sentence, cue, words,
                                                                 first_word_end)
    if word is None:
        word = _clitic(sentence, cue, words, grammar)
    if word is None and "-" in cue.text.split()[-1]:
        # "Convidou-o", "convidou-a": the enclitic is the cue's own last piece
        enclitic = cue.text.split()[-1].rsplit("-", 1)[1].casefold()
        word = enclitic if enclitic in words.object_pronouns else None
    if word is None or word in words.plural_pronouns:
        return None
    gender = gender_of(word, words)
    if gender is None and words.feminine_object_endings:
        # "l'a invitée", "l'ha invitata": the participle agrees with its clitic object
        last = cue.text.split()[-1].casefold() if cue.text.split() else ""
        gender = "f" if last.endswith(words.feminine_object_endings) else None
    return True, gender


def _object_inside(sentence: str, cue: CueHit, words: Words, first_word_end: int) -> str | None:
    """"lud ihn ... ein": the pronoun right after the first word of a split verb."""
    inside = sentence[first_word_end : cue.end].split()
    if len(cue.text.split()) > 1 and inside and _word(inside[0]) in words.object_pronouns:
        return _word(inside[0])
    return None


def object_follows(sentence: str, cue: CueHit, words: Words, first_word_end: int) -> bool:
    """An object pronoun after the verb or inside a split one ("lud sie nach Berlin ein")."""
    return (_object_after(sentence, cue, words) or _object_inside(sentence, cue, words,
                                                                  first_word_end)) is not None


def _object_after(sentence: str, cue: CueHit, words: Words) -> str | None:
    following = [w for w in sentence[cue.end : cue.end + 40].replace("-", " ").split()]
    if not following:
        return None
    word = _word(following[0])
    if word not in words.object_pronouns:
        return None
    if word in words.possessive_pronouns and len(following) > 1:
        # "invited her husband", "пригласил его супругу": a possessive, not the object
        nxt = following[1].strip(_STRIP)
        if nxt[:1].islower() and len(nxt) > 3 and not nxt.endswith(_INFINITIVE_ENDINGS) \
                and nxt.casefold() not in words.to_markers:
            return None
    return word


def _clitic(sentence: str, cue: CueHit, words: Words, grammar: Grammar) -> str | None:
    if not clitic_before(sentence, cue, words, grammar):
        return None
    if clitic_in_cue(cue, words):
        first = cue.text.split()[0].casefold()
        return "l'" if first.startswith(("l'", "l’")) else first
    previous = [_word(w) for w in sentence[max(0, cue.start - 40) : cue.start]
                .replace("’", "'").split()][-2:]
    for word in reversed(previous):
        if word in words.object_pronouns:
            return word
        if word.startswith("l'"):
            return "l'"
    return None


def persons(refs: tuple[Ref, ...]) -> list[Ref]:
    """The distinct people of a sentence, in text order (first mention each); a residence
    or an office is no one a personal pronoun stands for."""
    seen: dict[str, Ref] = {}
    for ref in refs:
        if not ref.residence and not ref.possessive:
            seen.setdefault(ref.party.key, ref)
    return list(seen.values())


def fits(gender: str | None, ref: Ref) -> bool:
    if gender == "f":
        # "?": a person the gazetteer lacks whose given name no figure bears (names34)
        return ref.gender in ("f", "?")
    if gender == "m":
        return ref.gender != "f"
    return True


def resolve_both(previous: tuple[Ref, ...], subject_gender: str | None,
                 object_gender: str | None) -> tuple[Ref, Ref] | None:
    """(subject, object) for "He invited him" from the sentence before: its subject and
    the other figure, or the reverse when the genders allow only that."""
    people = persons(previous)
    if len(people) != 2:
        return None  # nobody, one, or three candidates: no sure reading
    first, second = people
    readings = [(s, o) for s, o in ((first, second), (second, first))
                if fits(subject_gender, s) and fits(object_gender, o)]
    # both readings fit when the genders say nothing: the roles of the sentence before
    # decide (its subject stays the subject)
    return readings[0] if readings else None


def resolve_object(previous: tuple[Ref, ...], inviter: Ref | None,
                   object_gender: str | None) -> Ref | None:
    """"Scholz met Lula. Macron invited him": the one figure of the sentence before,
    besides the inviter, the pronoun may stand for; two → nobody."""
    people = [r for r in persons(previous)
              if (inviter is None or r.party.key != inviter.party.key)
              and fits(object_gender, r)]
    return people[0] if len(people) == 1 else None


def story_roles(refs: list[Ref], leader: Callable[[str], bool],
                places: Collection[str] = ()) -> tuple[Ref | None, Ref | None]:
    """(visitor, host) of the story (issue 14, stop 31, long round; stop 32, far32 round),
    from the lead (the first body sentence naming any leader) and `places`, the country
    codes of the places the headline and that sentence name (datelines included):
    - one leader: the visitor, unless the places name his country only ("SANTO DOMINGO -
      Abinader welcomed the heads of state"): then he is the host and there is no visitor;
    - two leaders ("Macron and Lula held talks in Paris"): the one whose country the
      places do not name is the visitor, the other the host; both or neither named, or
      three leaders and more: nobody (whose guest is meant the words do not say)."""
    leaders = {r.party.key: r for r in refs
               if r.party.known and not r.residence and leader(r.party.key)}
    if len(leaders) == 1:
        only = next(iter(leaders.values()))
        if only.country is not None and set(places) == {only.country}:
            # "SANTO DOMINGO - Abinader welcomed the heads of state": at home, the host
            return None, only
        return only, None
    if len(leaders) != 2 or not places:
        return None, None
    away = [r for r in leaders.values() if r.country is not None and r.country not in places]
    home = [r for r in leaders.values() if r.country is not None and r.country in places]
    return (away[0], home[0]) if len(away) == 1 and len(home) == 1 else (None, None)


@dataclass(slots=True)
class Story:
    """The story's visitor and host once the lead is read, and the role nouns that stand
    for them in the later sentences (`visitor_nouns`, `host_nouns`)."""

    visitor_nouns: frozenset[str]
    host_nouns: frozenset[str]
    boundaries: bool
    read: bool = False
    visitor: Ref | None = None
    host: Ref | None = None
    # whether the languages have role nouns at all: the lead is read then, even in an
    # article that uses none of them (the pronoun rule, `story_subject`, needs its roles)
    reads_lead: bool = True

    @property
    def nouns(self) -> bool:
        return bool(self.visitor_nouns or self.host_nouns)

    @classmethod
    def for_article(cls, text: str, visitor_nouns: frozenset[str],
                    host_nouns: frozenset[str], boundaries: bool) -> Story:
        """A story keeping only the role nouns the article's text holds: most articles hold
        none, and their sentences then skip the noun scan (`with_nouns`), which otherwise
        looks for every noun of the languages in every sentence after the lead."""
        lowered = text.casefold().replace("’", "'")
        return cls(frozenset(n for n in visitor_nouns if n in lowered),
                   frozenset(n for n in host_nouns if n in lowered), boundaries,
                   reads_lead=bool(visitor_nouns or host_nouns))

    def read_lead(self, refs: list[Ref], leader: Callable[[str], bool],
                  places: Collection[str]) -> None:
        self.read = True
        self.visitor, self.host = story_roles(refs, leader, places)

    def with_nouns(self, sentence: str, refs: list[Ref]) -> list[Ref]:
        """The sentence's figures with the visitor at its nouns and the host at theirs."""
        if self.visitor is not None:
            refs = with_visitor_nouns(sentence, refs, self.visitor, self.visitor_nouns,
                                      self.boundaries)
        if self.host is not None:
            # "Lula challenged his host to visit Brazil", "bedankte zijn gastheer" (far32)
            refs = with_visitor_nouns(sentence, refs, self.host, self.host_nouns,
                                      self.boundaries)
        return refs


def story_subject(sentence: str, previous: tuple[Ref, ...], story: Story, words: Words
                  ) -> Ref | None:
    """The story's figure a sentence-opening subject pronoun stands for when no person of
    the sentence before fits its gender (far32 round): "Charles III began a state visit to
    France. [...] In his toast the king recalled that his mother, Elizabeth II, had often
    been received in France. He then invited the president to London": "He" is no woman
    and so not Elizabeth II; the story's visitor (else its host) of that gender is meant.
    None when the pronoun says no gender, is plural, or a person before fits it."""
    lead = [_word(w) for w in sentence.replace("’", "'").split()[:1]]
    if not lead or lead[0] not in words.pronouns or lead[0] in words.plural_pronouns:
        return None
    gender = gender_of(lead[0], words)
    people = persons(previous)
    if gender is None or not people or any(fits(gender, r) for r in people):
        return None
    named = {r.party.key for r in previous}
    return next((r for r in (story.visitor, story.host)
                 if r is not None and fits(gender, r) and r.party.key not in named), None)


def with_visitor_nouns(sentence: str, refs: list[Ref], visitor: Ref,
                       nouns: frozenset[str], boundaries: bool) -> list[Ref]:
    """The sentence's figures with the story's visitor at each `visitor_nouns` word ("the
    guest", "den Gast", "l'invité", "гостя", "konuğu", "贵宾") that no figure covers, when
    the sentence does not name the visitor: a long article names its subject in full once
    and calls him the guest later, often paragraphs on ("Merz received the guest in the
    Chancellery", "Meloni invited the visitor to Rome")."""
    if not nouns or any(r.party.key == visitor.party.key for r in refs):
        return refs
    lowered = sentence.casefold().replace("’", "'")
    added: list[Ref] = []
    for noun in nouns:
        start = lowered.find(noun)
        while start != -1:
            end = start + len(noun)
            if (not boundaries or _word_edges(lowered, start, end)) and not any(
                    r.start < end and start < r.end for r in (*refs, *added)):
                added.append(replace(visitor, start=start, end=end, possessive=False,
                                     residence=False))
            start = lowered.find(noun, end)
    if not added:
        return refs
    return sorted((*refs, *added), key=lambda r: r.start)


def _word_edges(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-'") and not (after.isalnum() or after == "-")
