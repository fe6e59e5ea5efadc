"""Observations: what a sentence reports between two figures without an invitation word.

"X and Y met", "X hosted Y", "Y arrived in Z for talks with X", "the debate between X and
Y took place", "X's visit to Y was called off", "X agreed / refused to meet Y". Each cue
category of the lexicons' [observe] table says where the two figures stand around it.

Precision comes first: an observation can only move an invitation the tracker already
holds, but a wrong one moves it wrongly. So a cue counts only with both figures close to
it, nothing hedged, negated or dated to the past, and nothing but names, titles and small
words between a figure and the cue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.domain import SIDE_INVITEE, SIDE_INVITER, Occasion, OccasionKind, Status
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.dates import names_another_year
from bot.matcher.extract import Ref, conjunction_words
from bot.matcher.function_words import function_words
from bot.matcher.grammar import Grammar
from bot.matcher.lexicon import CueHit, Lexicon
from bot.matcher.occasion import LABEL_KINDS, PlaceFinder, PlaceHit, describe

OBSERVATION_CONFIDENCE = CONFIDENCE.observation
_NEAR_WORDS = 4  # words allowed between a figure and the cue ("has already", "U.S. President")
_WINDOW_BEFORE = 3
_WINDOW_AFTER = 6
_STRIP = ",.;:!?\"'«»„“”()"

STATUS_OF = {
    "met": Status.TOOK_PLACE,
    "hosted": Status.TOOK_PLACE,
    "hosted_by": Status.TOOK_PLACE,
    "happened": Status.TOOK_PLACE,
    "arrived": Status.TOOK_PLACE,
    "called_off": Status.WITHDRAWN,
    "agreed_to_meet": Status.ACCEPTED,
    "refused_to_meet": Status.DECLINED,
    "on_visit": Status.TOOK_PLACE,
    "joint_attendance": Status.TOOK_PLACE,
}
# The occasion a cue implies when the sentence names none.
_DEFAULT_LABEL = {"met": "meeting", "hosted": "visit", "hosted_by": "visit", "arrived": "visit",
                  "agreed_to_meet": "meeting", "refused_to_meet": "meeting", "on_visit": "visit"}
# Categories that only speak of an occasion the sentence names ("the debate ... took place").
# "X pulled out of" alone may be a deal, a race or a market: only an occasion noun makes it
# a party calling off its own part (story17 round).
_NEEDS_OCCASION = frozenset({"happened", "called_off", "pulled_out", "not_held"})


@dataclass(frozen=True, slots=True)
class ObservationFinding:
    first: Ref
    second: Ref
    status: Status
    occasion: Occasion
    confidence: float
    cue: CueHit


@dataclass(frozen=True, slots=True)
class _ObserveWords:
    with_markers: frozenset[str]
    hedges: frozenset[str]
    negations: frozenset[str]
    retrospective: frozenset[str]
    long_ago: frozenset[str]
    fillers: frozenset[str]
    conjunctions: frozenset[str]
    object_pronouns: frozenset[str]
    after_meeting: frozenset[str]
    visiting: frozenset[str]
    # "said that", "заявив, що": a reporting verb and its complementiser between a lone
    # report's subject and its cue (story19 round)
    bridges: tuple[str, ...] = ()
    pronouns: frozenset[str] = frozenset()  # one-word subject pronouns ("he", "він")
    # "had", "avait", "hatte": the past perfect a reported last word takes after a reporting
    # verb (story34 round)
    backshift: frozenset[str] = frozenset()
    # "where", "onde", "gdzie": the relative that opens a place's clause, the article
    # language's own (its first lexicon's: "der" is Norwegian's, not German's; story36)
    place_relatives: tuple[str, ...] = ()


_WORDS_CACHE: dict[tuple[int, ...], _ObserveWords] = {}


def _observe_words(lexicons: list[Lexicon]) -> _ObserveWords:
    key = tuple(id(lexicon) for lexicon in lexicons)
    cached = _WORDS_CACHE.get(key)
    if cached is None:
        def merged(name: str) -> frozenset[str]:
            return frozenset(w for lx in lexicons for w in lx.observe_lists.get(name, ()))

        titles = frozenset(w for lx in lexicons for w in lx.words("titles"))
        cached = _WORDS_CACHE[key] = _ObserveWords(
            with_markers=merged("with_markers"),
            hedges=merged("hedges"),
            negations=merged("negations") - _own_small_words(lexicons),
            retrospective=merged("retrospective"),
            long_ago=merged("long_ago"),
            fillers=merged("fillers") | titles,
            conjunctions=conjunction_words(lexicons),
            object_pronouns=frozenset(w for lx in lexicons for w in lx.words("object_pronouns")),
            after_meeting=merged("after_meeting"),
            visiting=merged("visiting_words"),
            bridges=tuple(sorted(merged("speech_bridges"), key=len, reverse=True)),
            pronouns=frozenset(w.casefold() for lx in lexicons for w in lx.words("pronouns")
                               if " " not in w),
            backshift=merged("backshift"),
            place_relatives=_own_relatives(lexicons),
        )
    return cached


def _own_relatives(lexicons: list[Lexicon]) -> tuple[str, ...]:
    """The article language's place relatives, longest first ("en donde" before "donde")."""
    if not lexicons:
        return ()
    own = lexicons[0].observe_lists.get("place_relatives", frozenset())
    return tuple(sorted((w.casefold() for w in own), key=len, reverse=True))


def place_relatives(lexicons: list[Lexicon]) -> tuple[str, ...]:
    """The place relatives `without_place_clause` reads (`_observe_words`)."""
    return _observe_words(lexicons).place_relatives


def _own_small_words(lexicons: list[Lexicon]) -> frozenset[str]:
    """The article language's own small words (its first lexicon's fillers) that it does
    not count as negations: Portuguese "no" ("in the") is no English "no"."""
    if not lexicons:
        return frozenset()
    own = lexicons[0].observe_lists
    return own.get("fillers", frozenset()) - own.get("negations", frozenset())


def _since_words(lexicons: list[Lexicon]) -> tuple[frozenset[str], frozenset[str]]:
    """The [hosts] words that open a span at a year, before it and after it ("the first
    visit since 2018": the year dates no event of the sentence; story19 round)."""
    return (frozenset(w for lx in lexicons for w in lx.words_of_hosts("since_year")),
            frozenset(w for lx in lexicons for w in lx.words_of_hosts("since_year_after")))


def observation_cues(sentence: str, lexicons: list[Lexicon]) -> list[CueHit]:
    lowered = sentence.lower()
    own = function_words().get(lexicons[0].lang, frozenset()) if len(lexicons) > 1 \
        else frozenset()
    return _non_overlapping([
        c for i, lx in enumerate(lexicons) for c in lx.observation_cues(sentence, lowered)
        # A fallback lexicon's one-word cue that is a function word of the article's own
        # language is that word, not the cue: English "met" in Dutch is "with" (story35).
        if i == 0 or c.text.casefold() not in own])


def observe_sentence(sentence: str, refs: list[Ref], cues: list[CueHit],
                     lexicons: list[Lexicon], grammar: Grammar, places: PlaceFinder,
                     article_year: int | None) -> list[ObservationFinding]:
    """Observations in one sentence: `refs` are its figures (known and unknown) in order,
    `cues` its observation cues (`observation_cues`)."""
    # A spokesperson meeting someone is not their principal meeting them.
    refs = [r for r in refs if not r.spokesperson]
    if len({r.party.key for r in refs}) < 2 or sentence.rstrip().endswith("?"):
        return []
    words = _observe_words(lexicons)
    if names_another_year(sentence, article_year, _since_words(lexicons)):
        return []  # "they met in 2019": an old meeting is not this invitation's
    found: list[ObservationFinding] = []
    for cue in cues:
        if _hypothetical(sentence, cue, words):
            continue
        resolver = _RESOLVERS.get(cue.category)
        pair = resolver(sentence, cue, refs, words, grammar) if resolver is not None else None
        if pair is None:
            continue
        first, second = pair
        if first.party.key == second.party.key:
            continue
        occasion = _occasion(sentence, cue, lexicons, places)
        if occasion is None:
            continue
        confidence = round(OBSERVATION_CONFIDENCE * min(first.confidence, second.confidence), 3)
        found.append(ObservationFinding(first, second, STATUS_OF[cue.category], occasion,
                                        confidence, cue))
    return found


def _non_overlapping(cues: list[CueHit]) -> list[CueHit]:
    cues.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[CueHit] = []
    for cue in cues:
        if kept and cue.start < kept[-1].end:
            continue
        kept.append(cue)
    return kept


def _tokens(text: str) -> list[str]:
    return [t.strip(_STRIP).casefold() for t in text.split() if t.strip(_STRIP)]


def _is_in(token: str, vocabulary: frozenset[str]) -> bool:
    # Elided forms count as their word: "n'a" is a negation, "l'a" an article.
    return token in vocabulary or ("'" in token and token.split("'", 1)[0] + "'" in vocabulary)


def _hypothetical(sentence: str, cue: CueHit, words: _ObserveWords,
                  backshifted: bool = False) -> bool:
    """Hedged, negated or dated to the past: "could meet", "did not meet", "last met",
    "met two years ago", "trafen sich nicht". `backshifted`: a past-perfect auxiliary is
    the reported speech's tense, not an old event (`_backshifted`)."""
    before = _tokens(sentence[max(0, cue.start - 60) : cue.start])[-_WINDOW_BEFORE:]
    inside_and_after = _tokens(sentence[cue.start : cue.end + 60])
    after = inside_and_after[: len(_tokens(cue.text)) + _WINDOW_AFTER]
    blocked = words.hedges | words.negations | words.retrospective
    if backshifted:
        blocked = blocked - words.backshift
    if any(_is_in(t, blocked) for t in before):
        return True
    return any(_is_in(t, words.negations | words.long_ago) for t in after)


# --- where the two figures stand --------------------------------------------------------

Pair = tuple[Ref, Ref]


def _gap_ok(text: str, words: _ObserveWords, allow_with: bool = True) -> bool:
    """Only names, titles, articles (and 'with') between a figure and the cue."""
    if any(p in text for p in ".;:!?\"«»()"):
        return False
    tokens = text.split()
    if len(tokens) > _NEAR_WORDS:
        return False
    for raw in tokens:
        token = raw.strip(_STRIP).casefold()
        if not token:
            continue
        if raw[:1].isupper() or _is_in(token, words.fillers):
            continue
        if allow_with and token in words.with_markers:
            continue
        return False
    return True


def _distinct(refs: list[Ref], exclude: Ref | None = None) -> list[Ref]:
    out: list[Ref] = []
    for ref in refs:
        if exclude is not None and ref.party.key == exclude.party.key:
            continue
        if out and out[-1].party.key == ref.party.key:
            continue
        out.append(ref)
    return out


def _split(refs: list[Ref], cue: CueHit) -> tuple[list[Ref], list[Ref], list[Ref]]:
    before = [r for r in refs if r.end <= cue.start]
    inside = [r for r in refs if r.start >= cue.start and r.end <= cue.end]
    after = [r for r in refs if r.start >= cue.end]
    return before, inside, after


def _subject(sentence: str, cue: CueHit, before: list[Ref], words: _ObserveWords) -> Ref | None:
    """The figure right before the cue, if only auxiliaries or titles stand between."""
    if not before:
        return None
    last = before[-1]
    gap = sentence[last.end : cue.start]
    if _closes_apposition(sentence, last, gap):
        # "The president of Indonesia, Prabowo Subianto, arrived in Paris": the name
        # between two commas is the title's apposition, and the subject of the verb.
        return last
    if "," in gap or len(gap.split()) > 2 or last.possessive:
        return None
    if any(t in words.conjunctions for t in _tokens(gap)):
        return None
    return last


_AFTER_BRIDGE = 4  # words between a reporting verb's complementiser and the cue


def _reported_subject(sentence: str, cue: CueHit, before: list[Ref], words: _ObserveWords
                      ) -> Ref | None:
    """The one who says what they will do: "Vučić said that on 3 September he will be
    present at the parade", "заявив, що 3 вересня буде присутній": the figure right before
    a reporting verb and its complementiser (`speech_bridges`), with at most a few
    lower-case words (a pronoun, a date) between that and the cue, no other clause
    (story19 round, issue 15)."""
    if not before or before[-1].possessive or not words.bridges:
        return None
    last = before[-1]
    gap = " ".join(sentence[last.end : cue.start].split())
    folded = gap.casefold()
    for bridge in words.bridges:
        if not folded.startswith(bridge) or (len(folded) > len(bridge) and
                                             folded[len(bridge)].isalnum() and
                                             bridge[-1:].isalnum()):
            continue
        rest = gap[len(bridge):]
        tokens = rest.split()
        if len(tokens) > _AFTER_BRIDGE or any(p in rest for p in ",;:.!?\"«»()"):
            return None
        # only the subject's pronoun and a date ("3 вересня") may stand there: "said the
        # minister will attend" is the minister's attendance, not the speaker's
        dated = [any(c.isdigit() for c in t) for t in tokens]
        if all(t.casefold() in words.pronouns or dated[i] or (i > 0 and dated[i - 1])
               for i, t in enumerate(tokens)):
            return last
        return None
    return None


def _closes_apposition(sentence: str, ref: Ref, gap: str) -> bool:
    """Whether `ref` stands between two commas right before the cue, after a title that
    opens the sentence ("El presidente indonesio, Prabowo Subianto, llegó a París"): the
    sentence's first comma opens the apposition, so no other clause comes before it. On a
    dated article the title and the name may be one reference ("president of Indonesia,
    Prabowo Subianto"): then the comma inside it is the first (tracker16 round, issue 15)."""
    if gap.strip() != "," or ref.possessive:
        return False
    head = sentence[:ref.start].rstrip()
    if "," in sentence[ref.start:ref.end]:
        return "," not in head
    return head.endswith(",") and head.count(",") == 1


def _object(sentence: str, cue: CueHit, candidates: list[Ref], words: _ObserveWords,
            subject: Ref | None) -> Ref | None:
    """The first figure after the cue (or inside a split cue) with nothing but names,
    titles, articles and 'with' in between; a possessive is not the object ("welcomed
    Macron's proposal")."""
    for ref in _distinct(candidates, subject):
        if ref.possessive or sentence.startswith(("'s", "’s"), ref.end):
            return None
        start = cue.end if ref.start >= cue.end else cue.start + len(cue.text.split()[0])
        if ref.start < start or not _gap_ok(sentence[start : ref.start], words):
            return None
        return ref
    return None


def _coordinated_pair(sentence: str, refs: list[Ref], words: _ObserveWords) -> Pair | None:
    """Two figures joined by 'and' (or 'with'): "Putin und Xi", "Путин с Си"."""
    if len(refs) < 2:
        return None
    one, two = refs[0], refs[1]
    gap = _tokens(sentence[one.end : two.start])
    if len(gap) == 1 and (gap[0] in words.conjunctions or gap[0] in words.with_markers):
        return one, two
    return None


def _symmetric(sentence: str, cue: CueHit, refs: list[Ref], words: _ObserveWords,
               grammar: Grammar) -> Pair | None:
    before, inside, after = _split(refs, cue)
    subject = _subject(sentence, cue, before, words)
    if subject is not None:
        # "Trump and Putin met"
        group = _distinct(before[-3:])
        if len(group) >= 2 and group[-1] is subject:
            pair = _coordinated_pair(sentence, group[-2:], words)
            if pair is not None:
                # "Biden and Harris met reporters": they met someone else, not each other.
                return pair if _met_each_other(sentence, cue, refs, words) else None
        # "Trump met (with) Putin", "Путин встретился с Моди"
        other = _object(sentence, cue, inside + after, words, subject)
        return (subject, other) if other is not None else None
    # "встретились Путин и Трамп", "Am Montag trafen sich Scholz und Macron"
    following = _distinct(after)
    if following and _gap_ok(sentence[cue.end : following[0].start], words, allow_with=False):
        return _coordinated_pair(sentence, following[:2], words)
    return None


def _met_each_other(sentence: str, cue: CueHit, refs: list[Ref], words: _ObserveWords
                    ) -> bool:
    """After "X and Y met" only the end of the clause, a place or a time may follow."""
    rest = sentence[cue.end :]
    stripped = rest.lstrip()
    if not stripped or stripped[0] in ",.;:!?)\"»”—–":
        return True
    if any(r.start >= cue.end and not sentence[cue.end : r.start].strip() for r in refs):
        return False  # "... met Putin": a third figure
    following = _tokens(stripped[:40])[:1]
    return bool(following) and following[0] in words.after_meeting


def _host_then_guest(sentence: str, cue: CueHit, refs: list[Ref], words: _ObserveWords,
                     grammar: Grammar) -> Pair | None:
    before, inside, after = _split(refs, cue)
    subject = _subject(sentence, cue, before, words)
    if subject is not None:
        other = _object(sentence, cue, inside + after, words, subject)
        if other is not None:
            return subject, other
        earlier = _distinct(before[:-1], subject)
        if earlier and _pronoun_object(sentence, cue, subject, words):
            # "Putin ist in Pjöngjang eingetroffen, wo ihn Kim empfing"; "..., where Kim
            # welcomed him": the pronoun is the figure the sentence spoke of before.
            return subject, earlier[-1]
        if grammar.final_participle and earlier and not after and _clause_ends(sentence, cue) and \
                _gap_ok(sentence[earlier[-1].end : subject.start], words, False):
            return earlier[-1], subject  # "Scholz hat Macron im Kanzleramt empfangen"
        return None
    if grammar.verb_second:
        # "Am Montag empfing Scholz Macron": verb second, subject and object after it.
        following = _distinct(after)
        if len(following) >= 2 and _gap_ok(sentence[cue.end : following[0].start], words, False):
            gap = sentence[following[0].end : following[1].start]
            if not gap.strip() or (_gap_ok(gap, words, False) and "," not in gap):
                return following[0], following[1]
    return None


def _pronoun_object(sentence: str, cue: CueHit, subject: Ref, words: _ObserveWords) -> bool:
    following = _tokens(sentence[cue.end : cue.end + 20])[:1]
    preceding = _tokens(sentence[max(0, subject.start - 20) : subject.start])[-1:]
    return any(t in words.object_pronouns for t in following + preceding)


def _clause_ends(sentence: str, cue: CueHit) -> bool:
    rest = sentence[cue.end :].lstrip()
    return not rest or rest[0] in ",.;:!?"


def _guest_then_host(sentence: str, cue: CueHit, refs: list[Ref], words: _ObserveWords,
                     grammar: Grammar) -> Pair | None:
    before, inside, after = _split(refs, cue)
    guest = _subject(sentence, cue, before, words)
    if guest is None:
        return None
    host = _object(sentence, cue, inside + after, words, guest)
    return (guest, host) if host is not None else None


def _arrival(sentence: str, cue: CueHit, refs: list[Ref], words: _ObserveWords,
             grammar: Grammar) -> Pair | None:
    before, inside, after = _split(refs, cue)
    guest = _subject(sentence, cue, before, words)
    if guest is None:
        return None
    for ref in _distinct(inside + after, guest):
        if ref.start - cue.end > 90 or ref.possessive:
            return None
        preceding = _tokens(sentence[max(cue.start, ref.start - 30) : ref.start])[-3:]
        if any(t in words.with_markers for t in preceding):
            return guest, ref
    return None


def _with_named_occasion(sentence: str, cue: CueHit, refs: list[Ref], words: _ObserveWords,
                         grammar: Grammar) -> Pair | None:
    """Exactly two figures in the sentence ("the debate between X and Y took place",
    "X's visit to Y was called off"); a third makes the pairing a guess."""
    distinct: dict[str, Ref] = {}
    for ref in refs:
        distinct.setdefault(ref.party.key, ref)
    if len(distinct) != 2:
        return None
    first, second = sorted(distinct.values(), key=lambda r: r.start)
    return first, second


def _visitor(sentence: str, cue: CueHit, refs: list[Ref], words: _ObserveWords) -> Ref | None:
    """The guest of "on a visit to": the figure right before the cue, with only a comma,
    titles and present-tense words between ("Johnson, who is on a working visit to",
    "Джонсон, який перебуває з робочим візитом до"). "Will be on a visit" is no guest yet,
    "was on a visit" an old one: neither word may stand between."""
    before = [r for r in refs if r.end <= cue.start]
    if not before or before[-1].possessive:
        return None
    gap = sentence[before[-1].end : cue.start]
    if gap.count(",") > 1 or any(p in gap for p in ".;:!?\"«»()"):
        return None
    tokens = _tokens(gap)
    if len(tokens) > _NEAR_WORDS:
        return None
    if all(_is_in(t, words.visiting | words.fillers) for t in tokens):
        return before[-1]
    return None


def _guest_on_visit(sentence: str, cue: CueHit, refs: list[Ref], words: _ObserveWords,
                    grammar: Grammar) -> Pair | None:
    """"The talks of X and Y, who is on a visit to Kyiv, began": Y the guest, X the only
    other figure of the sentence (with a third, who hosts is a guess), and one the guest is
    with: joined to it by "and" or named after a with-marker ("held talks with X"). "Y, on a
    visit to Washington, criticised X" says nothing of X."""
    guest = _visitor(sentence, cue, refs, words)
    if guest is None:
        return None
    others = {r.party.key: r for r in refs if r.party.key != guest.party.key}
    if len(others) != 1:
        return None
    (other,) = others.values()
    if other.start < guest.start:
        joined = _coordinated_pair(sentence, [other, guest], words) is not None
        return (other, guest) if joined else None
    preceding = _tokens(sentence[max(cue.end, other.start - 40) : other.start])[-4:]
    return (guest, other) if any(t in words.with_markers for t in preceding) else None


_RESOLVERS: dict[str, Callable[[str, CueHit, list[Ref], _ObserveWords, Grammar], Pair | None]] = {
    "met": _symmetric,
    "agreed_to_meet": _symmetric,
    "refused_to_meet": _guest_then_host,
    "hosted": _host_then_guest,
    "hosted_by": _guest_then_host,
    "arrived": _arrival,
    "happened": _with_named_occasion,
    "called_off": _with_named_occasion,
    "on_visit": _guest_on_visit,
    "joint_attendance": _symmetric,
}


def _occasion(sentence: str, cue: CueHit, lexicons: list[Lexicon], places: PlaceFinder
              ) -> Occasion | None:
    # "Macron s'est entretenu avec Zelensky": a talk is a call unless a place is named.
    if cue.category in _CALLS and (_by_phone(sentence, lexicons) or (
            _by_phone(sentence, lexicons, "talk_words") and not places.occasion_places(sentence))):
        # "Macron s'est entretenu par téléphone avec Zelensky": a call, wherever the two
        # are; it is no visit or meeting that took place.
        return describe("conversation", None)
    labels = [h for lx in lexicons for h in lx.occasions(sentence)
              if LABEL_KINDS.get(h.category, OccasionKind.OTHER) is not OccasionKind.OTHER]
    label: str | None = None
    if labels:
        label = min(labels, key=lambda h: abs(h.start - cue.start)).category
    elif cue.category in _NEEDS_OCCASION:
        return None
    else:
        label = _DEFAULT_LABEL.get(cue.category)
    found = [p for p in places.occasion_places(sentence) if not p.is_platform or label != "visit"]
    place = min(found, key=lambda p: abs(p.start - cue.end)) if found else None
    return _described(label, place, cue)


def _described(label: str | None, place: PlaceHit | None, cue: CueHit) -> Occasion:
    """Attending something the sentence names by no occasion noun ("the plenary session of
    the Verkhovna Rada") says nothing of its kind: not a visit because a place is named."""
    if label is None and cue.category == "joint_attendance":
        return Occasion(kind=OccasionKind.OTHER, place=place.canonical if place else None,
                        text="")
    return describe(label, place)


_CALLS = frozenset({"met", "happened"})


def _by_phone(sentence: str, lexicons: list[Lexicon], key: str = "phone_words") -> bool:
    starts = tuple(w for lx in lexicons for w in lx.words(key))
    return bool(starts) and any(token.startswith(starts)
                                for token in sentence.casefold().replace("-", " ").split())


# --- reports naming one party --------------------------------------------------------------

# Status and side of the party for each cue a one-party report may carry. "Took place" and
# "called off" may name either side ("Putin's visit was called off", "Kim's summit took
# place"); arriving and staying away are the guest's; keeping the offer open the host's;
# a postponement may be either's ("Lula adiou a viagem", "la visita fue aplazada") and is
# pending: the invitation stands, only its date moves (tracker15 round).
# A guest received by a host the text gives by office only ("werd in Boekarest ontvangen
# door de president"), whom the gazetteer cannot name, is a guest's arrival.
LONE_STATUS = {"happened": Status.TOOK_PLACE, "called_off": Status.WITHDRAWN,
               "arrived": Status.TOOK_PLACE, "on_visit": Status.TOOK_PLACE,
               "joint_attendance": Status.TOOK_PLACE, "will_not_attend": Status.DECLINED,
               "offer_stands": Status.PENDING, "will_attend": Status.ACCEPTED,
               "hosted_by": Status.TOOK_PLACE, "postponed": Status.PENDING,
               "pulled_out": Status.WITHDRAWN, "offer_withdrawn": Status.WITHDRAWN,
               "will_be_at": Status.ACCEPTED, "not_held": Status.WITHDRAWN}
LONE_SIDE: dict[str, str | None] = {"happened": None, "called_off": None,
                                    "arrived": SIDE_INVITEE, "on_visit": SIDE_INVITEE,
                                    "joint_attendance": None,
                                    "will_not_attend": SIDE_INVITEE,
                                    "offer_stands": SIDE_INVITER,
                                    "offer_withdrawn": SIDE_INVITER,
                                    "will_be_at": SIDE_INVITEE,
                                    "will_attend": SIDE_INVITEE,
                                    "hosted_by": SIDE_INVITEE,
                                    "postponed": None,
                                    "not_held": None,
                                    # the fighter or the guest pulls out, or the host
                                    "pulled_out": None}
# The cue's figure must be its subject (right before it): "Modi arrived in Moscow".
_LONE_SUBJECT = frozenset({"arrived", "will_not_attend", "will_attend", "hosted_by",
                           "pulled_out", "will_be_at"})
# How far (characters) a place may stand before its occasion noun in a verb-final
# language, the case ending and an adjective between ("Paris'e devlet ziyareti").
_COMPLEMENT_REACH = 12
# How far (characters) after "will be in" its place may start ("will be at the Kremlin").
_AFTER_REACH = 5
# Cues that say "not" themselves ("will not attend", "the invitation no longer stands"): a
# negation in or around them is theirs, not a denial of the report.
_NEGATIVE_CUES = frozenset({"will_not_attend", "offer_withdrawn", "not_held"})
# How far (characters) the subject of a verb-final clause may stand from its verb, with the
# place and the occasion between ("Aliyev, Moskova'da düzenlenen törene katılmadı").
_FINAL_VERB_REACH = 80
# Cues whose occasion is their subject, told before them: its place stands between its
# noun and the verb ("the visit to Warsaw was postponed", "la visita a Roma non si terrà").
_SUBJECT_OCCASION = frozenset({"postponed", "not_held"})
# How far (characters) an office's holder may follow it in apposition (", ").
_APPOSITION_GAP = 3
# One-party reports carry less than two-party ones: the tracker must find the other party.
LONE_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class LoneFinding:
    party: Ref
    side: str | None
    status: Status
    occasion: Occasion
    confidence: float
    cue: CueHit


def observe_lone(sentence: str, refs: list[Ref], cues: list[CueHit], lexicons: list[Lexicon],
                 places: PlaceFinder, article_year: int | None,
                 grammar: Grammar | None = None) -> list[LoneFinding]:
    """Reports in one sentence that name exactly one figure (`refs` must include the
    persons the gazetteer does not know, so that a second one rules the sentence out) and
    an occasion: a place or an occasion noun ("the talks in Istanbul"), since the tracker
    has nothing else to find the invitation by. With a verb-final `grammar` the subject
    and the place may stand further before the verb ("Tokayev Astana'ya geldi")."""
    refs = [r for r in refs if not r.spokesperson]
    if len({r.party.key for r in refs}) != 1 or not refs[0].party.known:
        return []
    if sentence.rstrip().endswith("?"):
        return []
    if names_another_year(sentence, article_year, _since_words(lexicons)):
        return []
    if lexicons and lexicons[0].host_hits("past", sentence):
        # "im vergangenen Jahr", "last year": an old attendance answers no open invitation
        return []
    words = _observe_words(lexicons)
    found: list[LoneFinding] = []
    for cue in cues:
        status = LONE_STATUS.get(cue.category)
        if status is None or _lone_hedged(sentence, cue, words):
            continue
        party = refs[0]
        subject_end: int | None = None
        if cue.category in _LONE_SUBJECT:
            before = [r for r in refs if r.end <= cue.start]
            verb_final = grammar is not None and grammar.verb_final
            # Without spaces between words "right before the cue" means nothing: a
            # particle language's subject is the one its particle marks.
            subject = None if grammar is not None and grammar.subject_particles \
                else _subject(sentence, cue, before, words)
            subject = subject or _final_verb_subject(sentence, cue, before, grammar) or \
                _reported_subject(sentence, cue, before, words)
            if subject is None:
                continue
            subject_end = subject.end if verb_final else None
        if cue.category == "on_visit" and _visitor(sentence, cue, refs, words) is None:
            continue
        if cue.category == "joint_attendance":
            # the figure named after the cue (a title earlier may stand for the same one)
            party = next((r for r in refs if r.start >= cue.end), party)
            if not _companion(sentence, cue, party, words):
                continue
        if cue.category == "will_be_at" and not _placed_after(sentence, cue, lexicons,
                                                               places):
            continue
        occasion = _lone_occasion(sentence, cue, lexicons, places, subject_end,
                                  grammar is not None and grammar.verb_final)
        if occasion is None:
            continue
        confidence = round(LONE_CONFIDENCE * party.confidence, 3)
        found.append(LoneFinding(party, LONE_SIDE[cue.category], status, occasion,
                                 confidence, cue))
    return found


def without_stand_ins(sentence: str, refs: list[Ref], lexicon: Lexicon | None,
                      grammar: Grammar | None) -> list[Ref]:
    """`refs` without the figure sent in another's place ("will send Foreign Minister
    Penny Wong in his place", "schickt Wadephul statt seiner"): the one right before a
    stand-in phrase of the lexicon's [hosts] table, when another figure remains. In a
    verb-final language the figure before "yerine" / "の代わりに" is the one replaced, so
    nothing is dropped there."""
    if lexicon is None or len({r.party.key for r in refs}) < 2 or (
            grammar is not None and grammar.verb_final):
        return refs
    hits = lexicon.host_hits("stand_in", sentence)
    if not hits:
        return refs
    dropped = {r.party.key for r in refs
               if any(0 <= h.start - r.end <= 3 and not sentence[r.end : h.start].strip(" ,")
                      for h in hits)}
    kept = [r for r in refs if r.party.key not in dropped]
    return kept if kept else refs


def without_places(sentence: str, refs: list[Ref], places: PlaceFinder) -> list[Ref]:
    """`refs` without the unknown "names" that are places the places list knows: two
    capitalised words such as "Buenos Aires" or "Kuala Lumpur" look like a person's name
    to the name finder, and a second "person" would rule out a one-party report ("Trump
    will not travel to Buenos Aires"). Nor is a "name" opened by a place's adjective ("im
    Warschauer Präsidentenpalast"). A figure the gazetteer knows is always kept."""
    if all(r.party.known for r in refs):
        return refs
    hits = places.find(sentence)
    return [r for r in refs if r.party.known
            or (not any(h.start <= r.start and r.end <= h.end for h in hits)
                and not _place_word_first(sentence, r, hits))]


def without_office_holders(sentence: str, refs: list[Ref]) -> list[Ref]:
    """`refs` with the unknown name set in apposition right after a known figure's office
    ("el presidente argelino, Abdelmayid Tebún, no viajará") taken into the office's
    reference: it names the office's holder, spelled another way than the gazetteer's, not
    a second person who would rule out a one-party report (story35 round). Only a comma or
    spaces may stand between; the reference then spans both, as a named title does."""
    kept: list[Ref] = []
    for ref in refs:
        office = kept[-1] if kept else None
        if office is not None and office.by_office and office.party.known and \
                not ref.party.known and 0 <= ref.start - office.end <= _APPOSITION_GAP and \
                not sentence[office.end : ref.start].strip(" ,"):
            kept[-1] = replace(office, end=ref.end)
            continue
        kept.append(ref)
    return kept


def _place_word_first(sentence: str, ref: Ref, hits: list[PlaceHit]) -> bool:
    """An unknown "name" of two or more words whose first word is a place's form: the
    place's adjective before a building or an institution ("im Warschauer
    Präsidentenpalast", "the Warsaw Palace"), not a person (story18 round)."""
    text = sentence[ref.start : ref.end]
    first = text.split()[0] if text.split() else ""
    if len(text.split()) < 2:
        return False
    # the hit may be the stem of the adjective: "Warschau" in "Warschauer"
    return any(h.start == ref.start and h.end <= ref.start + len(first) for h in hits)


# How far (characters) a time phrase may stand between an arrival's place and the comma
# opening the place's relative clause ("arrived in Minsk on Thursday, where ...").
_RELATIVE_REACH = 40
# How far (characters) after a one-party cue its place may start, a time phrase between
# and no clause mark ("прибыл в четверг в Минск": the short cue "прибыл в" matched).
_CUE_PLACE_REACH = 24
# The clause marks a relative clause opens after, in every script.
_CLAUSE_MARKS = ",，、"
# Characters of the clause's opening compared with the relatives (the longest is shorter).
_LONGEST_RELATIVE = 16


def without_place_clause(sentence: str, refs: list[Ref], cues: list[CueHit],
                         places: PlaceFinder, relatives: tuple[str, ...]) -> list[Ref]:
    """`refs` without the figures named in the relative clause that the first one-party
    cue's place opens ("Putin arrived in Minsk, where he will hold talks with the Belarusian
    government", "desembarcou em Madri, onde participa de uma cúpula com o governo
    espanhol", "przyleciał do Mińska, gdzie weźmie udział w posiedzeniu Najwyższej Rady"):
    that clause says what the guest does at the place, so a government, a council or a host
    named there is no second party of the arrival, and the report still names one figure
    (story36 round). `relatives` are the article language's place relatives ("where",
    "onde", "gdzie": the [observe] table's `place_relatives`). A figure before the place
    ("Putin and Xi arrived in Minsk", "arrived in Minsk with Lukashenko") stays."""
    if len({r.party.key for r in refs}) < 2 or not relatives:
        return refs
    lone = [c for c in cues if c.category in LONE_STATUS]
    if not lone:
        return refs
    cue = min(lone, key=lambda c: c.start)
    # the place follows the cue ("arrived in Minsk") or, verb-final, precedes it ("Minsk'e
    # geldi", "ミンスクに到着し")
    placed = [p for p in places.occasion_places(sentence)
              if (cue.start < p.start <= cue.end + _CUE_PLACE_REACH
                  and not any(c in sentence[cue.end : p.start] for c in _CLAUSE_MARKS))
              or cue.start - _COMPLEMENT_REACH <= p.end <= cue.start]
    if not placed:
        return refs
    # a split cue may hold its place and run past it ("est arrivé ... à Pékin, où il
    # s'adressera au"): the clause opens after the place, not after the cue
    place = placed[0]
    opens = _relative_opening(sentence, place.end if place.start > cue.start else cue.end,
                              relatives)
    if opens is None:
        return refs
    kept = [r for r in refs if r.end <= opens]
    return kept if kept else refs


def _relative_opening(sentence: str, after: int, relatives: tuple[str, ...]) -> int | None:
    """Where a place relative opens its clause after `after`: a clause mark, at most a time
    phrase before it and nothing that ends the clause, then the relative word."""
    for at in range(after, min(len(sentence), after + _RELATIVE_REACH)):
        char = sentence[at]
        if char in ".;:!?。！？；()":
            return None
        if char not in _CLAUSE_MARKS:
            continue
        stripped = sentence[at + 1 :].lstrip()
        start = len(sentence) - len(stripped)  # before casefold, which may lengthen ("ß")
        rest = stripped[:_LONGEST_RELATIVE].casefold()
        for word in relatives:
            tail = rest[len(word) : len(word) + 1]
            if rest.startswith(word) and not (tail.isalpha() and _spaced(word)):
                return start
        return None
    return None


def _spaced(word: str) -> bool:
    """Whether a word is written with spaces around it (a script of capitals): then the
    relative must end a word ("where", not "whereas"); "在那里" needs no boundary."""
    return word[-1].isalpha() and ord(word[-1]) < 0x2E80


def without_later_offices(sentence: str, refs: list[Ref], cues: list[CueHit]) -> list[Ref]:
    """`refs` without the figures named by office only (`Ref.by_office`) in a later clause
    than the first one-party cue, after a comma: "Trump will not travel to Buenos Aires
    this year, his spokeswoman said, though she praised Argentina's government" reports
    Trump's decline alone; the government praised is no second party of it. A figure
    named by name, or an office inside the cue's own clause ("will not travel to Buenos
    Aires with Argentina's president"), still makes the sentence a two-party one."""
    lone = [c.end for c in cues if c.category in LONE_STATUS]
    if not lone or not any(r.by_office for r in refs):
        return refs
    first = min(lone)
    kept = [r for r in refs if not (r.by_office and r.start >= first
                                    and any(p in sentence[first:r.start] for p in ",;"))]
    return kept if kept else refs


def _final_verb_subject(sentence: str, cue: CueHit, before: list[Ref],
                        grammar: Grammar | None) -> Ref | None:
    """In a verb-final language the subject opens the clause its verb closes, the place
    and the occasion between: the figure before the cue, in the same clause (no stop
    between), not far, and in the subject's case: a subject particle after it and its
    titles ("プラボウォ大統領は"), or in a case-marked language no ending glued to it
    ("Aliyev," but not "Aliyev'in")."""
    if grammar is None or not grammar.verb_final or not before:
        return None
    last = before[-1]
    gap = sentence[last.end : cue.start]
    if len(gap) > _FINAL_VERB_REACH or any(p in gap for p in ".;:!?。！？；"):
        return None
    if last.possessive:
        return None
    if grammar.subject_particles:
        head = gap.lstrip()
        return last if any(particle_after_titles(head, p) for p in grammar.subject_particles) \
            else None
    if grammar.case_marked:
        return last if not gap or gap[0] in " ,\u00a0" else None
    return None


def particle_after_titles(text: str, particle: str) -> bool:
    """Whether `text` (what follows a name) opens with `particle`, maybe after a short
    title glued to the name ("大統領は", "首相が")."""
    at = text.find(particle)
    return 0 <= at <= 4 and not any(ch in text[:at] for ch in "、，,")


def _companion(sentence: str, cue: CueHit, party: Ref, words: _ObserveWords) -> bool:
    """In a one-party "joint participation with Y in ..." the figure is the one the unnamed
    subject was with: right after the cue, with only titles between."""
    return party.start >= cue.end and not party.possessive and \
        _gap_ok(sentence[cue.end : party.start], words, allow_with=False)


def _placed_after(sentence: str, cue: CueHit, lexicons: list[Lexicon], places: PlaceFinder
                  ) -> bool:
    """"X will be in ..." is a guest's acceptance only when a place comes right after it,
    or inside a split cue: "will be in Chisinau", "sarà a Chisinau", "wird am 27. August in
    Chisinau sein"; "will be in a position to" is nothing, and so is a trip announced
    ("sarà in visita a Kiev": a plan, not an answer)."""
    first_word_end = cue.start + len(cue.text.split()[0])
    reach = cue.end + _AFTER_REACH
    return any(first_word_end <= p.start <= reach for p in places.occasion_places(sentence))


def _lone_hedged(sentence: str, cue: CueHit, words: _ObserveWords) -> bool:
    """Hedged or dated to the past; a negation counts except in a cue that is itself
    negative ("will not attend"). Inside a split cue the gap counts too: "hat im
    vergangenen Jahr am Gipfel teilgenommen" is an old attendance."""
    inner = _tokens(cue.text)[1:-1]
    if cue.category == "postponed":
        return _postponement_hedged(sentence, cue, inner, words)
    dated = words.hedges | words.retrospective | words.long_ago
    negative = cue.category in _NEGATIVE_CUES
    if not negative:
        dated |= words.negations
    if any(_is_in(t, dated) for t in inner):
        return True
    if not negative:
        return _hypothetical(sentence, cue, words, _backshifted(sentence, cue, words))
    before = _tokens(sentence[max(0, cue.start - 60) : cue.start])[-_WINDOW_BEFORE:]
    after = _tokens(sentence[cue.end : cue.end + 60])[:_WINDOW_AFTER]
    if any(_is_in(t, words.hedges | words.negations | words.retrospective) for t in before):
        return True
    return any(_is_in(t, words.long_ago) for t in after)


# Last words a party reports of itself: told in reported speech they take the past perfect
# ("Trump said he had called off the summit"), which is then no old event.
_BACKSHIFT_CUES = frozenset({"called_off", "pulled_out", "offer_withdrawn"})
# A complementiser closing a speech bridge is short ("that", "dass", "qu'", "что"); a
# longer last word is the bridge's own ("told reporters").
_COMPLEMENTISER_CHARS = 4


def _backshifted(sentence: str, cue: CueHit, words: _ObserveWords) -> bool:
    """Whether a past-perfect auxiliary before a calling-off or a withdrawal is only the
    sequence of tenses after a reporting verb: "X said on Wednesday he had called off the
    summit", "a déclaré qu'il avait annulé". The reporting verb (`speech_bridges`) must
    stand before the auxiliary in the same sentence; the auxiliary is then the report's
    tense, as "has called off" would be. A year, "last year" or "years ago" still date it
    (`names_another_year`, `retrospective`, `long_ago` keep their other words)."""
    if cue.category not in _BACKSHIFT_CUES or not words.backshift or not words.bridges:
        return False
    tokens = _tokens(sentence[: cue.start])
    at = max((i for i, t in enumerate(tokens) if t in words.backshift), default=None)
    return at is not None and any(_has_run(tokens[:at], _reporting_verb(b))
                                  for b in words.bridges)


def _reporting_verb(bridge: str) -> list[str]:
    """A bridge's reporting verb without its complementiser ("said that" -> "said", "a
    déclaré qu'" -> "a déclaré"): the verb may stand without it ("said he had ...")."""
    tokens = _tokens(bridge)
    return tokens[:-1] if len(tokens) > 1 and len(tokens[-1]) <= _COMPLEMENTISER_CHARS \
        else tokens


def _has_run(tokens: list[str], run: list[str]) -> bool:
    width = len(run)
    return width > 0 and any(tokens[i : i + width] == run for i in range(len(tokens) - width + 1))


def _postponement_hedged(sentence: str, cue: CueHit, inner: list[str], words: _ObserveWords
                         ) -> bool:
    """A postponement is negated ("not postponed") or hedged right at its verb ("could be
    postponed"); a hedge further back belongs to the plan it moves ("the visit planned
    for September was postponed") and does not count."""
    near = _tokens(sentence[max(0, cue.start - 40) : cue.start])[-2:]
    if any(_is_in(t, words.negations) for t in inner + near):
        return True
    return any(_is_in(t, words.hedges) for t in near)


def _lone_occasion(sentence: str, cue: CueHit, lexicons: list[Lexicon], places: PlaceFinder,
                   subject_end: int | None = None, verb_final: bool = False
                   ) -> Occasion | None:
    """The occasion the sentence names; None when it names neither a kind nor a place.
    `subject_end`: in a verb-final clause, where its subject ends; the place stands between
    it and the verb ("Astana'ya geldi")."""
    labels = [h for lx in lexicons for h in lx.occasions(sentence)
              if LABEL_KINDS.get(h.category, OccasionKind.OTHER) is not OccasionKind.OTHER]
    chosen = min(labels, key=lambda h: abs(h.start - cue.start)) if labels else None
    label = chosen.category if chosen else None
    if label is None and cue.category in _NEEDS_OCCASION:
        return None
    # The place of the occasion follows the cue ("arrived in Pyongyang") or its noun ("the
    # summit in Budapest ... was called off"); one elsewhere is a title or a setting
    # ("President of Ukraine Volodymyr Zelensky took part in ...").
    # Inside a split cue ("ist in Oslo eingetroffen", "hat am Gipfel in Kananaskis
    # teilgenommen") the place is the verb's too.
    found = [p for p in places.occasion_places(sentence)
             if (not p.is_platform or label != "visit")
             and (p.start >= cue.start + len(cue.text.split()[0])
                  # inside a split cue of a language without spaces: "撤回前往巴黎...的邀请"
                  or cue.start < p.start < p.end <= cue.end
                  or (chosen is not None and 0 <= p.start - chosen.end <= 12)
                  # the place glued before its noun: "Pekin ziyareti", "ベルリン訪問",
                  # "the Madrid trip" (tracker15 round)
                  or (chosen is not None and 0 <= chosen.start - p.end <= 1)
                  # in a verb-final language the noun's complement stands before it, a
                  # word or two away: "Paris'e devlet ziyareti", "パリへの国賓訪問" (story18)
                  or (verb_final and chosen is not None
                      and 0 <= chosen.start - p.end <= _COMPLEMENT_REACH
                      and not any(c in sentence[p.end:chosen.start] for c in ",、，;；"))
                  # a passive postponement names its occasion first ("the visit of X to
                  # Warsaw was postponed"): the place between its noun and the verb
                  or (cue.category in _SUBJECT_OCCASION and chosen is not None
                      and chosen.end <= p.start < cue.start)
                  or (subject_end is not None and subject_end <= p.start < cue.start))]
    place = min(found, key=lambda p: abs(p.start - cue.end)) if found else None
    if label is None and place is None:
        return None
    if label is None and cue.category in ("arrived", "on_visit", "hosted_by"):
        label = "visit"
    return _described(label, place, cue)
