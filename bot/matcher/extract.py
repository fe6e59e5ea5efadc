"""Sentence level: which cues a sentence carries and who stands where around them.

Pure functions over one sentence, its figure references (offsets relative to the
sentence) and the lexicons that apply. The article level (aggregate.py) folds the
findings of all sentences together.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from bot.domain import OccasionKind, Party, Status
from bot.matcher.arguments import Clause, arguments, described_inviter, make_clause
from bot.matcher.clause import (
    Pair,
    Ref,
    Words,
    blank_refs,
    clitic_in_cue,
    condition_subject,
    coordinated,
    figure_before,
    genitive_host_after,
    glued_coordination,
    glued_genitive,
    in_closed_relative,
    is_coordination,
    relative_opening,
    words_of,
)
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.grammar import Grammar, merged_endings, slavic_case, with_endings
from bot.matcher.kin import KinWords, named_as_kin
from bot.matcher.lexicon import (
    ALL_CATEGORIES,
    INVITE_CATEGORIES,
    MODIFIER_CATEGORIES,
    STATUS_CATEGORIES,
    CueHit,
    Lexicon,
)
from bot.matcher.names import (
    building_name,
    complement_of_title,
    name_sequences,
    nominative,
    quoted_phrase,
)
from bot.matcher.occasion import LABEL_KINDS
from bot.matcher.organisations import organisation_names
from bot.matcher.tense import recapped, timed_status, untimed

_NEGATION_BEFORE = 14  # chars between a negation and the cue it negates ("was not invited")
_NEGATION_AFTER = 28  # "Eine Zusage ... gibt es bislang noch nicht"
_NEGATED_NOUN = 1  # a negation right before an invitation noun ("no invitation")
_HEDGE_BEFORE = 40
_RECAP_AFTER = 40  # "visited Moscow eight times before"
_MIN_ROLE_WORD = 4  # letters: a shorter "title" ("il", "Mr") is no role word
UNKNOWN_CONFIDENCE = CONFIDENCE.unknown_name


@dataclass(slots=True)
class InviteFinding:
    inviter: Ref | None
    invitee: Ref | None
    status: Status
    cue: CueHit
    confidence: float
    # A took-place dated to an earlier year: another occasion than the article's (tense.py).
    recap: bool = False
    # A took-place that is only the default of a `by` cue, no tense or status word beside
    # it ("Merz auf Einladung Trumps in Washington"): a timed report outranks it (tense.py).
    untimed: bool = False


@dataclass(slots=True)
class SentenceFacts:
    invitations: list[InviteFinding] = field(default_factory=list)
    statuses: list[tuple[Status, CueHit]] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    has_invite_noun: bool = False
    negated_invitation: bool = False
    # A denial word ("denied a report that X invited Y") unmade the sentence's invitation:
    # the article's other reports of that pair are denied with it (denied.py, deny35).
    denied_invitation: bool = False
    both_subject: bool = False  # "Both confirmed": the answer of every invitee just named
    # "We agreed to develop cooperation in the energy sector": an agreement about another
    # matter (no occasion named, a long complement), not the answer to an invitation.
    other_matter: bool = False
    # "Meloni is hosting a summit on Friday." with no guest in the sentence: the host, for
    # a guest the next sentence names ("Sánchez will attend": aggregate.fold_article).
    waiting_host: tuple[Ref, CueHit] | None = None
    # "Macron spoke by phone with Zelensky": the sentence's took-place is a call, which
    # answers only an invitation to a call, never one to a visit or a summit.
    phone_call: bool = False
    # A call's took-place in a sentence without an invitation cue: kept apart from
    # `statuses` (nothing else reads it) for an invitation to a call (aggregate.py).
    call_statuses: list[tuple[Status, CueHit]] = field(default_factory=list)
    # Only a talk word made it a call ("s'est entretenu avec"): a place named in the
    # sentence makes it a meeting there after all (aggregate.py).
    talk_only: bool = False
    # "Trump invited Putin to a phone call": an invitation of this sentence is to a call.
    call_invitation: bool = False
    # "Macron received Lula. He invited him to Nice": the sentence names nobody and its
    # invitation's parties are the sentence before's; that sentence's meeting is where
    # the invitation was made, not its outcome (aggregate._meeting_before).
    borrowed_parties: bool = False
    # "首相は同大統領を…招待した" with two presidents named: a party the sentence names by a
    # title that fits two figures; its missing side is unknown, not one from around it
    # (aggregate._complete_partials; issue 14, njt round).
    unknown_party: bool = False
    # "Er hatte ihn eingeladen": an invitation made before; a meeting reported earlier in
    # the article may be its outcome (aggregate._meeting_before, _made_at_meeting).
    pluperfect: bool = False
    # An active invitation cue whose own clause is in the pluperfect ("Albanese invited Biden
    # next year, after he had cut short a trip" is not; "Erdoğan had invited both" is):
    # the invitation came before the occasions reported earlier (aggregate, longart round).
    made_earlier: bool = False
    # "Putin spoke with Biden, who accepted": a status word opening a relative clause is
    # the answer of the figure the clause hangs on (aggregate._attach_status).
    relative_subjects: list[tuple[CueHit, Ref]] = field(default_factory=list)
    # "Putin was also invited": a passive without its inviter, by the one just named
    also_invited: bool = False
    # "Sánchez and Tusk will attend", "Keir Starmer, Friedrich Merz et Donald Tusk y
    # participeront": the figures opening the sentence joined by 'and' or commas, each a
    # guest of a host's event named just before (aggregate._guest_in; issue 14, guests)
    opening_group: list[Ref] = field(default_factory=list)
    # "Lavrov attended instead": a stand-in, no further guest of a hosted event
    substitute: bool = False
    # Where a word of someone speaking for a party ("the spokeswoman", "Moncloa", "报道官")
    # starts, before the sentence's first answer; -1 when none (issue 14, stop 36, voice36
    # round: aggregate._spoken_for gives that answer to the invitation just reported)
    side_speaker: int = -1
    # "Premier Schoof ontving de leiders": the figure opening the sentence received
    # guests, so it is a host, never a further guest of another's event (issue 14, wider)
    receives_guests: bool = False
    # "ITV invites Badenoch to a debate with Farage": the keys of figures right after a
    # debating word, opponents and never the other side of an invitation (issue 14, pairs)
    opponents: frozenset[str] = frozenset()
    # "« Qu'il vienne plutôt à Ankara »": a counter-venue, the answerer's invitation to the
    # inviter (aggregate._counter_venues; issue 14, counter round)
    counter_venue: bool = False
    # "Tajani handed Li a letter in which Meloni invites him": the invitation was delivered
    # in person by a messenger, whose meeting with the invitee a next sentence naming
    # nobody reports ("The meeting took place in the Great Hall"): not its outcome
    # (aggregate._delivery_meeting; issue 14, stop 32, cue32 round)
    delivered: bool = False
    # "List przekazał Cenckiewicz, który spotkał się z doradcami": a meeting in a sentence
    # whose messenger carries a letter (no invitation of its own) is the messenger's
    # (aggregate._delivery_meeting; issue 14, stop 34, scope34 round)
    carried: bool = False


_CATEGORY_RANK = {category: rank for rank, category in enumerate(ALL_CATEGORIES)}


def _leftmost(hits: list[CueHit]) -> list[CueHit]:
    """Non-overlapping hits as one alternation would find them: leftmost first, then the
    category listed first, then the longest phrase."""
    hits = sorted(hits, key=lambda h: (h.start, _CATEGORY_RANK.get(h.category, 99),
                                       -(h.end - h.start)))
    out: list[CueHit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out


def _longest(hits: list[CueHit]) -> list[CueHit]:
    """Non-overlapping hits, the longest phrase winning ("ha accolto l'invito" over
    "ha accolto")."""
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    kept: list[CueHit] = []
    for hit in hits:
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept


def sentence_cues(sentence: str, lexicons: list[Lexicon]
                  ) -> tuple[list[CueHit], list[CueHit], list[CueHit]]:
    """(invitation cues, status cues, modifiers) of one sentence."""
    lowered = sentence.lower()
    raw = [h for index, lexicon in enumerate(lexicons)
           for h in _own_modifiers_only(lexicon.hits(sentence, lowered), index)]
    if not raw:
        return [], [], []
    negatives = [h for h in raw if h.category == "negative"]
    nouns = [h for h in raw if h.category == "noun"]
    froms = frozenset(w for lexicon in lexicons for w in lexicon.words("from_markers"))
    invite_hits = [h for h in raw if h.category in INVITE_CATEGORIES and not _holds_noun(h, nouns)
                   and not _noun_with_owner(sentence, h, nouns, froms)]
    invites = [
        h for h in _leftmost([h for h in invite_hits if not _possessive_over_cue(h, invite_hits)])
        if not any(n.start < h.end and h.start < n.end for n in negatives)
    ]
    # a status word inside a [negative] phrase is none either: "接受采访" gives an interview
    status_hits = [h for h in raw if h.category in STATUS_CATEGORIES and not _holds_noun(h, nouns)
                   and not any(n.start <= h.start and h.end <= n.end for n in negatives)]
    statuses = _longest([h for h in status_hits if not _across_clause(sentence, h, status_hits)])
    modifiers = _leftmost([h for h in raw if h.category in MODIFIER_CATEGORIES])
    return _without_answering_willingness(invites, statuses), statuses, modifiers


def _possessive_over_cue(hit: CueHit, hits: list[CueHit]) -> bool:
    """A host's possessive with a gap ("'s ... conference") that holds another invitation
    cue is no noun phrase: "Germany's Chancellor Friedrich Merz has invited Zelensky to a
    conference" has the verb, not a conference of Germany's (story18 round)."""
    return hit.text[:1] in "'’" and any(
        o is not hit and hit.start < o.start and o.end <= hit.end and o.text[:1] not in "'’"
        for o in hits)


def _own_modifiers_only(hits: list[CueHit], index: int) -> list[CueHit]:
    """A further lexicon (English, read in every language for quotes) brings its negations,
    hedges and tense words only to a sentence where it found a cue of its own: English "no"
    is the Portuguese "no" (em + o) of "participou no jantar" (issue 14, outcome round)."""
    if index == 0 or any(h.category not in MODIFIER_CATEGORIES for h in hits):
        return hits
    return []


def _across_clause(sentence: str, hit: CueHit, hits: list[CueHit]) -> bool:
    """"sagte am Mittwoch, der Terminkalender lasse eine Reise nicht zu": a split cue
    ("sagte ... zu") whose gap runs across a clause mark into another status cue of its
    own is two clauses; the inner cue ("lasse ... nicht zu") is the status (issue 14,
    outcome round)."""
    return any(
        other.category != hit.category and hit.start < other.start and other.end <= hit.end
        and any(mark in sentence[hit.start:other.start] for mark in (",", ";", ":"))
        for other in hits
    )


def _without_answering_willingness(invites: list[CueHit], statuses: list[CueHit]
                                   ) -> list[CueHit]:
    """"He was ready to receive Zelensky in Moscow, responding to Zelensky's invitation":
    a willingness cue that is also a status word answers the sentence's explicit invitation
    (a noun, a passive, "at the invitation of") rather than making one."""
    answering = [h for h in invites if any(_shares_an_end(s, h) for s in statuses)]
    if not answering or not any(h.category in ("noun", "passive", "by")
                                for h in invites if h not in answering):
        return invites
    return [h for h in invites if h not in answering]


def _holds_noun(hit: CueHit, nouns: list[CueHit]) -> bool:
    """"welcomed the invitation from Xi to visit Beijing": a split verb cue ("welcomed ...
    to visit") or took-place cue ("welcomed ... to") around an invitation noun is the
    noun's sentence, its verb an answer; likewise a host's possessive around one
    ("declined Macron's invitation to the summit")."""
    return hit.category in ("active", "took_place", "hosted") and any(hit.start < n.start and n.end < hit.end
                                            for n in nouns)


def _noun_with_owner(sentence: str, hit: CueHit, nouns: list[CueHit], froms: frozenset[str]
                     ) -> bool:
    """"has not answered a challenge from Ozel to a televised debate": a split cue opened
    by an invitation noun that a from-marker follows is the noun with its owner (the one
    after "from" invites), not the verb ("challenged X to a debate") whose subject would
    invite (story19 round, issue 15)."""
    if hit.category in ("noun", "by", "passive"):
        return False
    opening = next((n for n in nouns if n.start == hit.start and n.end < hit.end), None)
    if opening is None:
        return False
    following = sentence[opening.end : hit.end].split()
    return bool(following) and following[0].casefold() in froms


_PROCEDURE_WINDOW = 6  # words after the cue (a figure counts as one) holding the procedure


def _procedural(sentence: str, cue: CueHit, words: Words, refs: list[Ref],
                lexicons: list[Lexicon]) -> bool:
    """"I invite Anton Siluanov to report on the budget", "invited the minister to take
    the floor": a chairman's procedure right after the invitee, with no occasion named
    after it ("invited Zelensky to speak at the conference" stays an invitation; issue
    14, press releases: meetings with officials)."""
    if not words.floor:
        return False
    rest = " " + blank_refs(sentence, refs, mark="N")[cue.end :].casefold()
    limit = sum(len(w) + 1 for w in rest.split()[:_PROCEDURE_WINDOW]) + 1
    for phrase in words.floor:
        at = rest.find(" " + phrase, 0, limit + len(phrase))
        if 0 <= at < limit:
            return not _names_occasion(rest, lexicons)
    return False


def _no_invitation_made(sentence: str, cue: CueHit, words: Words, refs: list[Ref],
                        grammar: Grammar, lexicons: list[Lexicon], pasts: list[CueHit]) -> bool:
    """An invitation cue that reports no invitation made: a crowd invited, an exhortation,
    a condition or a mere possibility; or one made long ago, recalled in passing."""
    if cue.category == "noun" and _crowd_invited(sentence, cue, words, refs):
        return True
    if cue.category in ("by", "noun") and _recap_clause(sentence, cue, pasts, words):
        return True
    if cue.category in ("active", "challenge") and (
            _exhortation(sentence, cue, words, refs, grammar)
            or _conditional(sentence, cue, words)):
        return True
    if cue.category == "active" and _procedural(sentence, cue, words, refs, lexicons):
        return True
    if cue.category == "passive" and _conditional(sentence, cue, words):
        return True  # "If Biden were invited by Putin, he would refuse": hypothetical
    if cue.category in ("hosted", "hosting") and _open_question(sentence, cue, words):
        return True
    if cue.category in ("active", "passive") and _demanded(sentence, cue, words):
        return True
    if cue.category == "noun" and _demanded_noun(sentence, cue, words):
        return True
    # "Non è escluso che altri capi di Stato possano essere invitati"
    return cue.category in ("active", "passive") and _possible(sentence, cue, words)


def analyse(
    sentence: str,
    refs: list[Ref],
    lexicons: list[Lexicon],
    lang: str,
    previous_subject: Ref | None,
    grammar: Grammar | None = None,
    previous_refs: tuple[Ref, ...] = (),
    is_person: Callable[[str], bool] | None = None,
    published: date | None = None,
) -> SentenceFacts:
    """The invitations and statuses of one sentence. `grammar` is the language's word-order
    facts (the Matcher resolves it once per article); by default the lexicon of `lang`'s.
    `is_person(name)`: whether the article gives a name found only from the text enough
    evidence of being a person's (all names when None). `published`: the article's date,
    against which a trip's tense and date words are read (tense.py)."""
    invite_cues, status_cues, cues = sentence_cues(sentence, lexicons)
    if not invite_cues and not status_cues:
        return SentenceFacts(refs=refs)
    words = words_of(lexicons)
    grammar = grammar if grammar is not None else grammar_of(lexicons, lang)
    refs = _with_unknown_names(sentence, refs, words, lang, grammar, is_person)
    status_cues = _outside_names(status_cues, refs)
    # "Sunday's summit": a possessive host cue needs a figure glued to it
    invite_cues = [c for c in invite_cues if _host_cue_stands(c, sentence, refs, grammar, words)]
    facts = SentenceFacts(refs=refs)
    facts.opponents = _opponents(sentence, refs, words, invite_cues)
    opening = [w.strip(",.\"'“”«»").casefold() for w in sentence.split(None, 3)[:3]]
    facts.both_subject = any(w in words.both for w in opening) or \
        " ".join(opening[:2]) in words.both or " ".join(opening[1:3]) in words.both
    negations = [c for c in cues if c.category == "negation"]
    hedges = [c for c in cues if c.category == "hedge"]
    futures = [c for c in cues if c.category == "future"]
    pasts = [c for c in cues if c.category == "past"]
    provisionals = [c for c in cues if c.category == "provisional"]
    pendings = [c for c in status_cues if c.category == "pending"]
    # A denial unmakes what it denies. "X denied that he had invited Y" and "Reports that
    # X invited Y are false" report no invitation at all; "Peskov denied that Putin had
    # accepted Musk's invitation" denies the answer, and the invitation stands, unanswered.
    denials = [c for c in cues if c.category == "denial"]
    denied_answers = [s for s in status_cues if any(d.start < s.start for d in denials)]
    denied = bool(denials) and not denied_answers
    for cue in status_cues:
        if cue in denied_answers or verb_of_invitation(cue, invite_cues):
            continue
        status = _status_of(cue, _unquoted(sentence, cue,
                                           _same_clause(sentence, cue, negations, words)),
                            _hedges_of(sentence, cue, hedges, refs, words),
                            _unquoted(sentence, cue, pendings), futures)
        status = _split_negated(status, cue, provisionals + negations, words)
        if _earlier_occasion(status, sentence, cue, pasts, invite_cues, status_cues, words) \
                or _asked_answer(status, sentence, cue, words):
            continue
        if status is Status.ACCEPTED and _reception(sentence, cue, refs, words):
            status = Status.TOOK_PLACE  # "Путин принял Си в Кремле": a guest received
        if status is Status.ACCEPTED and _counter_or_condition(sentence, cues, words):
            status = Status.RESPONDED  # "ready to meet him - but only in Budapest"
        if status is Status.TOOK_PLACE and (_by_phone(sentence, words)
                                            or _by_phone(sentence, words, words.talk)):
            # "The phone conversation between the two presidents took place": a call is
            # another occasion than the visit one of them was invited to (aggregate.py
            # gives it only to an invitation to a call).
            facts.phone_call = True
            facts.talk_only = not _by_phone(sentence, words)
            if not invite_cues:
                facts.call_statuses.append((status, cue))
                continue
        if status is Status.DECLINED and _open_refusal(sentence, cue, provisionals, negations,
                                                       words):
            status = Status.RESPONDED
        if status is not None:
            _add_status(facts, status, cue, sentence, words)
    facts.receives_guests = _receives_guests(facts.statuses, refs, words)
    thanked = _thanks_only(sentence, facts, invite_cues, words)
    if thanked is not None:
        _add_status(facts, Status.RESPONDED, thanked, sentence, words)
    facts.substitute = bool(facts.statuses) and _substitute(sentence, words)
    facts.side_speaker = _side_speaker(sentence, facts.statuses, words)
    facts.opening_group = coordinated(sentence, refs, words, glued=True)
    if not invite_cues and any(s is Status.ACCEPTED for s, _ in facts.statuses):
        facts.other_matter = _other_matter(sentence, facts.statuses, lexicons, words, refs)
    invited_to, superseded = _invited_to_hosted(sentence, invite_cues, refs)
    for cue in invite_cues:
        if cue.start > 0 and sentence[cue.start - 1] in "«\"„“'" and cue.text[:1].isupper() \
                and not (cue.category == "active" and clitic_in_cue(cue, words)):
            # «Приглашение на казнь»: the title of a work. «Le invité a Madrid», contó
            # Sánchez: a clitic and its verb opening a quote are speech (refs round); a
            # quote's «Будем ждать вас» is the transcript layer's
            continue
        if cue in superseded:
            continue  # "received an invitation to the summit that X hosts": X's, below
        if cue.category == "noun":
            facts.has_invite_noun = True
        within = denied and _within_denial(sentence, cue, denials, words, refs)
        if within or _negated(cue, negations, words, sentence, tuple(provisionals)):
            facts.negated_invitation = True
            facts.denied_invitation = facts.denied_invitation or within
            continue
        if _no_invitation_made(sentence, cue, words, refs, grammar, lexicons, pasts):
            continue
        # "Witkoff invited Putin on behalf of Trump": the principal is the inviter, and is
        # neither subject nor object of the verb the envoy speaks.
        principal = _behalf_principal(sentence, cue, refs, words) \
            if cue.category == "active" else None
        clause = make_clause(sentence, cue, [r for r in refs if r is not principal], words,
                             grammar, previous_subject, previous_refs)
        found: list[Pair] = arguments(clause)
        facts.waiting_host = _waiting_host(cue, clause, found) or facts.waiting_host
        if cue.category in ("by", "noun") and all(a[0] is None for a in found):
            found = described_inviter(clause) or found
        if principal is not None:
            found = [(principal, invitee, confidence) for _, invitee, confidence in found]
        statuses = _statuses_for(cue, facts.statuses,
                                 [c for c in invite_cues if c not in superseded])
        to_a_call = _to_a_call(sentence, cue, lexicons, words)
        facts.call_invitation = facts.call_invitation or to_a_call
        if facts.phone_call and not to_a_call:
            # "Putin held a phone call with Lukashenko and invited him to Moscow": the call
            # is where the invitation was made; the visit is still ahead.
            statuses = [(s, hit) for s, hit in statuses if s is not Status.TOOK_PLACE]
        if cue.category == "active":
            statuses = [(s, hit) for s, hit in statuses
                        if not _in_relative_clause(sentence, hit, cue, words)]
        statuses = _without_others_took_place(sentence, cue, statuses, refs, words)
        if found and not refs and clause.previous_refs:
            facts.borrowed_parties = True
        facts.pluperfect = facts.pluperfect or (bool(found) and _pluperfect(sentence, words))
        facts.made_earlier = facts.made_earlier or (
            bool(found) and cue.category == "active" and _clause_pluperfect(sentence, cue, words))
        for inviter, invitee, confidence in found:
            status_here = _strongest(_statuses_of(statuses, refs, inviter, invitee, cue,
                                                  sentence, words, grammar))
            if cue.category in ("hosted", "hosting") and status_here is None and \
                    cue not in invited_to:
                continue  # a host named, but nobody said to attend, skip or arrive
            if cue.category == "hosted" and invitee is not None and invitee.start >= cue.end \
                    and not any(hit.start < cue.start for _, hit in statuses):
                continue  # a guest after the host only as the subject of a verb before it
            status = _invite_status(cue, status_here, futures, hedges)
            if cue.category == "by":
                status = timed_status(status, sentence, cue, cues, facts.statuses, published,
                                      lexicons[0].dates if lexicons else None)
            if cue.category == "passive" and inviter is None:
                facts.also_invited = facts.also_invited or _also(sentence, words)
            facts.invitations.append(InviteFinding(
                inviter, invitee, status, cue, confidence, recapped(status, sentence, published, words.last_year),
                untimed(cue, status_here, status, facts.statuses, cues)))
    _two_way(sentence, facts, refs, words)
    facts.delivered = bool(facts.invitations) and _delivered(sentence, words)
    facts.carried = not facts.invitations and \
        any(status is Status.TOOK_PLACE for status, _ in facts.statuses) and \
        _carries_letter(sentence, words)
    return facts


def _delivered(sentence: str, words: Words) -> bool:
    """A messenger's verb ("handed", "consegnato") carries the sentence's invitation."""
    return any(m.group().casefold() in words.messenger for m in _WORD.finditer(sentence))


def _carries_letter(sentence: str, words: Words) -> bool:
    """A messenger's verb and a letter in one sentence ("List przekazał Cenckiewicz",
    "外相が親書を手渡した"): someone carries a letter there. Words in a script without
    spaces are found inside the text, others as whole words."""
    tokens = {m.group().casefold() for m in _WORD.finditer(sentence)}

    def has(found: frozenset[str]) -> bool:
        return any(w in tokens if w.isascii() or not _unspaced(w) else w in sentence
                   for w in found)
    return has(words.messenger) and has(words.letter)


def _unspaced(word: str) -> bool:
    """A word of a script written without spaces (kana, CJK ideographs)."""
    return any("\u3040" <= ch <= "\u9fff" for ch in word)


def _two_way(sentence: str, facts: SentenceFacts, refs: list[Ref], words: Words) -> None:
    """Invitations both ways (issue 14, counter round): "invited each other" becomes one
    each way; a counter-venue is marked for the article (aggregate._counter_venues)."""
    if words.reciprocal or words.reciprocal_possessive:
        facts.invitations = _reciprocal(sentence, facts.invitations, refs, words)
    facts.counter_venue = bool(words.counter_venue) and \
        _gapped_phrases(words.counter_venue).search(sentence.casefold()) is not None


@functools.lru_cache(maxsize=64)
def _gapped_phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list's phrases, "..." a gap of a few words ("come to ... instead")."""
    parts = [r"\W+(?:\S+\W+){0,4}?".join(map(re.escape, p.split(" ... "))) for p in phrases]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")


def _counter_or_condition(sentence: str, cues: list[CueHit], words: Words) -> bool:
    """A counter-venue or a condition ("but only in Budapest", "if the schedule allows")
    in the sentence turns its acceptance into a response."""
    return any(c.category == "counter" for c in cues) or _conditional_answer(sentence, words)


def _conditional_answer(sentence: str, words: Words) -> bool:
    """issue 14, counter round: "said he would be glad to come 'if the schedule allows'",
    "сказав, що приїде, щойно дозволить ситуація": a yes on the schedule or on conditions
    is a response, like a counter-venue."""
    if not words.conditional_answers:
        return False
    low = sentence.casefold()
    return any(phrase in low for phrase in words.conditional_answers)


_RECIPROCAL_BEFORE = 60  # characters before a cue that may hold its reciprocal word
# ... before a verb-final cue, its object ("die Wirtschaftsminister des jeweils anderen
# Landes zu Konsultationen über Wasserstoffleitungen einzuladen")
_RECIPROCAL_OBJECT_BEFORE = 100
_RECIPROCAL_AFTER = 40  # ... and after it ("invited each other", "міністрів енергетики одне одного")


def _reciprocal_hit(sentence: str, cue: CueHit, phrases: tuple[str, ...],
                    reach: int = _RECIPROCAL_BEFORE) -> tuple[int, int] | None:
    """Where a reciprocal phrase stands around (or inside) the cue, as a whole word."""
    low = sentence.casefold()
    start = max(0, cue.start - reach)
    end = min(len(low), cue.end + _RECIPROCAL_AFTER)
    for phrase in phrases:
        at = low.find(phrase, start, end)
        while at >= 0:
            before = low[at - 1] if at else " "
            after = low[at + len(phrase)] if at + len(phrase) < len(low) else " "
            if not (before.isalnum() and phrase[0].isalnum()) and \
                    not (after.isalnum() and phrase[-1].isalnum()):
                return at, at + len(phrase)
            at = low.find(phrase, at + 1, end)
    return None


def _joined(sentence: str, one: Ref, other: Ref, words: Words) -> bool:
    """The two figures are one subject, joined by 'and' ("Carney and Sheinbaum", "Los
    presidentes de Chile, Gabriel Boric, y de Colombia, Gustavo Petro", "李在明和习近平")."""
    first, second = sorted((one, other), key=lambda r: r.start)
    gap = sentence[first.end : second.start]
    if is_coordination(gap, words) or glued_coordination(gap, words):
        return True
    tokens = [t.strip(",").casefold() for t in gap.split()]
    return len(tokens) <= _JOINED_WORDS and any(t in words.conjunctions for t in tokens) and \
        not any(p in gap for p in ".;:!?")


_JOINED_WORDS = 4  # words between two figures joined by 'and' with their countries between


def _reciprocal(sentence: str, findings: list[InviteFinding], refs: list[Ref], words: Words
                ) -> list[InviteFinding]:
    """issue 14, counter round: "Carney and Sheinbaum invited each other", "Tusk und Merz
    haben sich gegenseitig eingeladen", "se invitaron mutuamente", "nodigden elkaar uit":
    two invitations, one each way, between the two figures named before the cue. "invited
    each other's ministers", "die Wirtschaftsminister des jeweils anderen Landes
    einzuladen", "запросити міністрів енергетики одне одного" (a noun between the verb and
    the reciprocal word) invite their people: the figures are no parties."""
    out: list[InviteFinding] = []
    done: set[CueHit] = set()
    for finding in findings:
        cue = finding.cue
        if cue in done:
            continue
        owner = _reciprocal_hit(sentence, cue, words.reciprocal_possessive,
                                _RECIPROCAL_OBJECT_BEFORE)
        if owner is not None and not any(owner[1] <= r.start < cue.start for r in refs) and \
                not any(m in sentence[owner[1] : cue.start] for m in ".;:"):
            done.add(cue)
            continue
        hit = _reciprocal_hit(sentence, cue, words.reciprocal) if cue.category == "active" \
            else None
        if hit is None:
            out.append(finding)
            continue
        between = sentence[cue.end : hit[0]] if hit[0] >= cue.end else ""
        if any(mark in between for mark in ",;:.") or any(
                cue.end <= r.start < hit[0] for r in refs):
            out.append(finding)  # another clause's, or another figure's
            continue
        if re.search(r"\w", between) or sentence[hit[1] : hit[1] + 2] in ("'s", "’s"):
            done.add(cue)  # "міністрів енергетики одне одного", "each other's envoys"
            continue
        parties = {r.party.key: r for r in refs if r.end <= cue.start or cue.start < r.start < cue.end}
        one, other = list(parties.values())[:2] if len(parties) == 2 else (None, None)
        if one is None or other is None or not _joined(sentence, one, other, words):
            out.append(finding)  # "Schoof heeft De Wever voorgesteld om elkaar te treffen"
            continue
        done.add(cue)
        confidence = max(finding.confidence, CONFIDENCE.reciprocal)
        out += [replace(finding, inviter=one, invitee=other, confidence=confidence),
                replace(finding, inviter=other, invitee=one, confidence=confidence)]
    return out


def _outside_names(status_cues: list[CueHit], refs: list[Ref]) -> list[CueHit]:
    """A status phrase that starts inside a figure's name is the name: "Uitnodiging van
    Schoof aan Lula" holds no "schoof ... aan" (issue 14, tense round)."""
    return [c for c in status_cues if not any(r.start <= c.start < r.end for r in refs)]


def _opponents(sentence: str, refs: list[Ref], words: Words, invite_cues: list[CueHit]
               ) -> frozenset[str]:
    """The figures right after a debating word, or after one and a "with" word ("a
    head-to-head with Farage", "débattre avec Attal"): opponents, no party. Only a
    sentence with an invitation cue has any (the opponents bar an invitation's parties)."""
    found: set[str] = set()
    if not invite_cues:
        return frozenset()
    for ref in refs:
        before = [w.strip(",.;:\"«»„“").casefold()
                  for w in sentence[max(0, ref.start - 60) : ref.start].split()][-6:]
        at = next((i for i in range(len(before) - 1, -1, -1) if before[i] in words.opponent),
                  None)
        if at is None:
            continue
        # the figure's own title may stand between ("with Reform UK leader Nigel Farage")
        if len(before) - at <= 3 or (at + 1 < len(before) and before[at + 1] in words.with_markers):
            found.add(ref.party.key)
    return frozenset(found)


_INVITATION_TO_EVENT = 80  # characters from an invitation noun to its event's host clause
_HOST_NAMED = 40  # characters after a host clause's marker that may hold the host


def _invited_to_hosted(sentence: str, invite_cues: list[CueHit], refs: list[Ref]
                       ) -> tuple[set[CueHit], set[CueHit]]:
    """"Faye a reçu une invitation au sommet que Macron organise", "Моди получил
    приглашение на саммит, который проводит Путин", "Milei received an invitation to the
    summit that Lula is hosting": an invitation noun (or a received-invitation phrase)
    followed, in its clause, by the event's host clause. The host invites the receiver,
    so the host clause stands without an attendance word (the invitation is the report),
    and the noun's own reading (receiver first, host after) gives way to it when the host
    is a figure. Returns (those host clauses, the nouns they supersede)."""
    invited_to: set[CueHit] = set()
    superseded: set[CueHit] = set()
    for host in invite_cues:
        if host.category != "hosted":
            continue
        nouns = [c for c in invite_cues if c.category in ("noun", "passive")
                 and 0 <= host.start - c.end <= _INVITATION_TO_EVENT
                 and not any(p in sentence[c.end : host.start] for p in ".;:")]
        if not nouns:
            continue
        invited_to.add(host)
        if any(host.start <= r.start <= host.end + _HOST_NAMED for r in refs):
            superseded.update(nouns)
    return invited_to, superseded


# --- statuses -------------------------------------------------------------------------

_RANK = {
    Status.PENDING: 0,
    Status.RESPONDED: 1,
    Status.ACCEPTED: 2,
    Status.DECLINED: 3,
    Status.WITHDRAWN: 4,
    Status.TOOK_PLACE: 5,
}


def status_rank(status: Status) -> int:
    return _RANK[status]


def _by_phone(sentence: str, words: Words, starts: frozenset[str] | None = None) -> bool:
    """A phone word (or, given `starts`, another list's word) begins a word of the text."""
    prefixes = tuple(words.phone if starts is None else starts)
    return bool(prefixes) and any(
        token.startswith(prefixes) for token in sentence.casefold().replace("-", " ").split())


_CALL_AFTER = 60  # characters after an invitation cue that may name its occasion


def _to_a_call(sentence: str, cue: CueHit, lexicons: list[Lexicon], words: Words) -> bool:
    """"invited Putin to a phone call", "lud ihn zu einem Telefonat ein", "пригласил к
    телефонному разговору": the occasion right after the cue (or inside a split cue) is
    a call or a conversation."""
    text = sentence[cue.start : cue.end + _CALL_AFTER]
    if _by_phone(text, words):
        return True
    return any(LABEL_KINDS.get(h.category) is OccasionKind.CONVERSATION
               for lexicon in lexicons for h in lexicon.occasions(text))


def _without_others_took_place(sentence: str, cue: CueHit,
                               statuses: list[tuple[Status, CueHit]], refs: list[Ref],
                               words: Words) -> list[tuple[Status, CueHit]]:
    """The statuses minus a took-place that is not the invitation's: one before a
    relative clause holding the cue, and one whose subject is the invitation noun itself
    (`_invitation_came`)."""
    if cue.category in ("active", "challenge", "noun"):
        statuses = [(s, hit) for s, hit in statuses if not (
            s is Status.TOOK_PLACE and before_relative_clause(sentence, hit, cue, words))]
    if cue.category == "noun":
        statuses = [(s, hit) for s, hit in statuses if not (
            s is Status.TOOK_PLACE and _invitation_came(sentence, cue, hit, refs))]
    return statuses


_SUBJECT_OPENING = 2  # words before an invitation noun that opens its sentence ("The")
# characters between an invitation noun and its owner right after it (" de ", " of the "):
# an unspaced script's run ("之邀同期访华的欧盟委员会主席冯德莱恩") is one word, but long
_OWNER_GAP = 8


def _invitation_came(sentence: str, cue: CueHit, hit: CueHit, refs: list[Ref]) -> bool:
    """issue 14, stop 34, scope34 round: "Bahçeli'nin daveti, aylardır süren polemiğin
    ardından geldi", "L'invitation de Bahçeli est arrivée après des mois de polémique":
    an invitation noun opening the sentence (its owner and an article at most before it,
    or its owner right after it) is the subject of the took-place word after it, with no
    other figure between: the invitation came, no guest did."""
    # its owner may follow it ("L'invitation de Bahçeli est arrivée"); another figure
    # there is the subject of the took-place word
    between = [r for r in refs if cue.end <= r.start and r.end <= hit.start]
    if hit.start < cue.end or any(
            r is not between[0] or len(_WORD.findall(sentence[cue.end : r.start])) > 1
            or r.start - cue.end > _OWNER_GAP for r in between):
        return False
    before = sentence[: cue.start]
    for ref in sorted(refs, key=lambda r: r.start, reverse=True):
        if ref.end <= cue.start:
            before = before[: ref.start] + before[ref.end :]
    return len(_WORD.findall(before)) <= _SUBJECT_OPENING


def _statuses_for(cue: CueHit, statuses: list[tuple[Status, CueHit]],
                  invite_cues: list[CueHit]) -> list[tuple[Status, CueHit]]:
    """The sentence's statuses minus those that are words of the cue itself: "hosted" in
    "the dinner hosted by Boric" is the event, not its taking place; "propuso" in "propuso
    a Boric celebrar una cumbre" is the invitation, not a counter-proposal. A status
    sharing words with ANOTHER invitation cue is that one's: "Boric rechazó la invitación
    de Milei y, a su vez, invitó al argentino" declines Milei's, not his own; so is a
    status standing before another cue that comes first ("Scholz declined Macron's
    invitation and invited him to Berlin")."""
    statuses = [(status, hit) for status, hit in statuses
                if not any(other is not cue and (
                    (other.start < hit.end and hit.start < other.end)  # inside the other cue
                    or (hit.end <= other.start and other.end <= cue.start))  # its verb
                    for other in invite_cues)]
    if cue.category == "passive":
        # "a reçu une invitation de", "ha ricevuto un invito da": the receiving verb is the
        # invitation's, no guest received (issue 14, wire round: direction reversed);
        # "declined an invitation from" keeps its answer
        return [(status, hit) for status, hit in statuses
                if not (status is Status.TOOK_PLACE and cue.start <= hit.start
                        and hit.end <= cue.end)]
    if cue.category not in ("hosted", "hosting", "active", "challenge"):
        return statuses
    return [(status, hit) for status, hit in statuses
            if not (cue.start <= hit.start and hit.end <= cue.end and (
                cue.category in ("hosted", "hosting") or status is Status.RESPONDED
                or hit.start == cue.start)) and not _shares_an_end(hit, cue)]


def _shares_an_end(hit: CueHit, cue: CueHit) -> bool:
    """"welcomed X to visit", "is ready to meet X", "ist bereit, X zu empfangen", "готовий
    прийняти X": a status word that begins or ends an active cue (or overlaps it from
    outside up to its last word) is the cue's own verb, not the invitation's answer."""
    return cue.category in ("active", "challenge") and hit.start < cue.end and \
        cue.start < hit.end and (hit.start == cue.start or hit.end == cue.end)


def _statuses_of(statuses: list[tuple[Status, CueHit]], refs: list[Ref], inviter: Ref | None,
                 invitee: Ref | None, invitation: CueHit, sentence: str, words: Words,
                 grammar: Grammar | None = None) -> list[Status]:
    """The statuses of a sentence that belong to this invitation: a status whose subject
    (the figure right before it) is someone else is theirs ("Musk invited Putin, days after
    Kanye West agreed to a talk"); the inviter's own trip or reception before the
    invitation is another occasion ("Orbán s'est rendu à Kiev et a invité Zelensky à
    Budapest")."""
    parties = {r.party.key for r in (inviter, invitee) if r is not None}
    kept = []
    for status, cue in statuses:
        owner = figure_before(refs, cue.start)
        if status is Status.TOOK_PLACE and _fronted_for(sentence, cue, inviter, owner, grammar):
            continue
        if status is Status.TOOK_PLACE and inviter is not None and owner is not None and \
                owner.party.key == inviter.party.key and cue.end <= invitation.start and \
                invitee is not None and (invitee.start > cue.end
                                         or _received_then_invited(sentence, cue, invitee,
                                                                   invitation, words)):
            continue
        if _third_party_clause(sentence, cue, owner, inviter, invitation, parties):
            continue
        if _inviters_own_answer(status, cue, owner, inviter, invitee, invitation):
            continue
        if owner is None or owner.party.key in parties or owner.principal in parties or (
            inviter is not None and owner.end <= inviter.start
        ) or (invitee is not None and owner.end <= invitee.start) or any(
            party is not None and owner.start >= party.end and
            owner in coordinated(sentence, [r for r in refs if r.start >= party.start],
                                 words, glued=True)
            for party in (invitee, inviter)
        ):
            # the last of coordinated guests stands right before the verb they share:
            # "プーチン大統領とモディ首相が出席した", "Sánchez and Tusk will attend"; the
            # last of joint inviters before a final verb: "hat die Einladung von Macron
            # und Scholz angenommen" answers both
            kept.append(status)
    return kept


_ANSWER_STATUSES = frozenset({Status.ACCEPTED, Status.DECLINED, Status.RESPONDED})


def _inviters_own_answer(status: Status, cue: CueHit, owner: Ref | None, inviter: Ref | None,
                         invitee: Ref | None, invitation: CueHit) -> bool:
    """issue 14, counter round: "Milei no irá a la Cumbre de Madrid e invita a Sánchez a
    Buenos Aires", "Fico nie przyjedzie na szczyt, zaprasza Tuska": an answer the inviter
    gives before his own invitation is his answer to another one (the invitation he
    received); an invitation is answered by its invitee."""
    if status not in _ANSWER_STATUSES or owner is None or inviter is None:
        return False
    if owner.party.key != inviter.party.key or cue.end > invitation.start:
        return False
    return invitee is None or invitee.start >= cue.end


def _third_party_clause(sentence: str, cue: CueHit, owner: Ref | None, inviter: Ref | None,
                        invitation: CueHit, parties: set[str]) -> bool:
    """issue 14, long round: "Fiala arrived in Kyiv for the forum, Svyrydenko invited
    Tusk" (a headline joining two items of news): a status word in a clause of its own
    before the inviter's, said of a third known figure, is that figure's, not the
    invitation's. Not for a host's event: "Macron and Scholz arrived for the meeting,
    which Tusk hosted" reports the attendance of each guest."""
    if invitation.category in ("hosted", "hosting"):
        return False
    if owner is None or inviter is None or not owner.party.known or cue.end > inviter.start:
        return False
    if owner.party.key in parties or owner.principal in parties or owner.spokesperson:
        return False
    return any(mark in sentence[cue.end : inviter.start] for mark in (",", ";"))


def _fronted_for(sentence: str, cue: CueHit, inviter: Ref | None, owner: Ref | None,
                 grammar: Grammar | None = None) -> bool:
    """"En visite à Kiev samedi, Emmanuel Macron a invité Zelensky à venir à Paris",
    "During his visit to Beijing, Lula invited Xi": a trip or meeting in a phrase put
    before the inviter, cut off by a comma and with no figure of its own, is the inviter's
    (the subject of the main clause), where the invitation was made: not its outcome. So
    is one that modifies the inviter's name in a head-final language ("フィリピンを訪問中の
    高市首相は…": the visiting prime minister; stop 32, cue32 round)."""
    if inviter is None or owner is not None or cue.end > inviter.start:
        return False
    gap = sentence[cue.end : inviter.start]
    if grammar is not None and grammar.prenominal_relative and (
            not gap.strip() or gap.strip() in grammar.agent_markers):
        return True
    return "," in gap


def _received_then_invited(sentence: str, took_place: CueHit, invitee: Ref,
                           invitation: CueHit, words: Words) -> bool:
    """"Putin received Modi in the Kremlin and invited him to Kazan", "Macron a reçu Lula
    et l'a invité à Nice": the inviter's reception of the guest, joined by 'and' to the
    invitation, is where it was made; the occasion invited to is still ahead."""
    if not (took_place.end <= invitee.start and invitee.end <= invitation.start):
        return False
    gap = sentence[invitee.end : invitation.start].replace(",", " ").casefold().split()
    return any(w in words.conjunctions for w in gap)


def _strongest(statuses: list[Status]) -> Status | None:
    return max(statuses, key=status_rank) if statuses else None


def _same_clause(sentence: str, cue: CueHit, negations: list[CueHit], words: Words
                 ) -> list[CueHit]:
    """The negations that can scope a status word: those before it, and those after it in
    its own clause ("Eine Zusage gibt es noch nicht"), not those of the next clause ("thanked
    him for the invitation, without giving a date"; "поблагодарил ..., но не сказал";
    "thanked him for the invitation and said he had not been to Kamchatka for long")."""
    def other_clause(between: str) -> bool:
        return any(mark in between for mark in _CLAUSE_MARKS) or any(
            w.casefold() in words.conjunctions for w in between.split())

    return [n for n in negations
            if n.end <= cue.start or not other_clause(sentence[cue.end : n.start])]


_COMPLEMENT = 4  # words after an acceptance word: "agreed to develop cooperation ..."
# issue 14, stop 35, answer35 round: an acceptance said inside a quotation ends with it:
# "'See you in London,' Sánchez told reporters", "„Do zobaczenia w Gdańsku” – odpowiedział
# Macron": the reporting clause after the closing mark is no complement of the yes.
_QUOTE_OPENERS = re.compile('[«„“"]')


def _closes_quote(word: str) -> bool:
    return word.rstrip(".,;:!?").endswith(('"', "”", "»", "“"))
_MUTUAL_BEFORE = 3  # words before it that may hold a mutual subject ("the sides also")


def _other_matter(sentence: str, statuses: list[tuple[Status, CueHit]],
                  lexicons: list[Lexicon], words: Words, refs: list[Ref]) -> bool:
    """An acceptance whose long complement names no occasion ("We agreed to develop
    cooperation in the energy sector") agrees to something else; "He accepted.", "Both
    have accepted, according to ..." and "agreed to visit Kyiv in June" answer an
    invitation. A figure's name counts as one word: "Asistirán Luiz Inácio Lula da Silva
    y Claudia Sheinbaum" names the guests after the verb (issue 14, guests)."""
    text = blank_refs(sentence, refs, mark="N")

    def complement(cue: CueHit) -> int:
        following = text[cue.end :].split()[:2]
        if len(following) == 2 and following[0].casefold() in words.to_markers and \
                following[1][:1].isupper():
            return 0  # "Petro viajará a Santiago el 20 de octubre": a trip (counter round)
        if following and cue.text.split()[-1].casefold() in words.to_markers and \
                following[0][:1].isupper():
            return 0  # "irá ao Brasil ainda em 2026": the cue holds the "to" (cue32 round)
        count = 0
        quoted = _QUOTE_OPENERS.search(text[: cue.start]) is not None
        for word in text[cue.end :].split():
            if word.casefold() in words.conjunctions:
                break
            count += 1
            if word.endswith((",", ";", ":")) or (quoted and _closes_quote(word)):
                break
        return count

    def mutual(cue: CueHit) -> bool:
        # "The parties agreed to continue contacts", "The two leaders also agreed to stay
        # in touch": an agreement between the two sides of a call, not an answer, however
        # short its complement (issue 14, press releases)
        before = [w.strip(",;:").casefold() for w in text[: cue.start].split()[-_MUTUAL_BEFORE:]]
        return any(w in words.mutual for w in before)

    return all(complement(cue) >= _COMPLEMENT or mutual(cue)
               for status, cue in statuses if status is Status.ACCEPTED) and \
        not _names_occasion(sentence, lexicons)


# CJK marks too (issue 14, b11-status round): the negation of the next clause undoes
# neither "习近平感谢卢拉的邀请，但未确认是否出席" nor "「考えておく」と述べるにとどめ、時期には触れなかった".
_CLAUSE_MARKS = (",", ";", " - ", " – ", " — ", ":", "，", "；", "：", "、")


def _hedges_of(sentence: str, cue: CueHit, hedges: list[CueHit], refs: list[Ref],
               words: Words) -> list[CueHit]:
    """issue 14, stop 31, fixc round: "Zelensky: 'If Putin comes, I will come too'": the
    conditional word of a condition on another figure (clause.condition_subject) hedges
    that condition, not the yes after it: a yes on the other party's coming is a yes."""
    last = figure_before(refs, cue.start)
    if last is None or condition_subject(sentence, refs, cue.start, words) is None:
        return hedges
    return [h for h in hedges if not (h.end <= last.start
                                      and h.text.casefold() in words.conditional)]


_CLOSING_QUOTES = ("」", "』", "”", "»", '"')


def _unquoted(sentence: str, cue: CueHit, modifiers: list[CueHit]) -> list[CueHit]:
    """issue 14, stop 33, status33 round: the pending or negation words a quotation closes
    before the status cue are the quote's, and do not scope the reporting verb after it:
    "「現時点で提供できる情報はない」と述べるにとどめた" only said there was no information,
    an evasive answer, while "no word on whether he accepted" keeps its open question."""
    return [m for m in modifiers if not (m.end <= cue.start and any(
        mark in sentence[m.end : cue.start] for mark in _CLOSING_QUOTES))]


def _status_of(cue: CueHit, negations: list[CueHit], hedges: list[CueHit],
               pendings: list[CueHit], futures: list[CueHit]) -> Status | None:
    status = Status(cue.category)
    if status is Status.PENDING:
        return status
    # A refusal in content holds its own negation ("aucune rencontre n'aurait lieu"): a
    # negation after it belongs to its condition ("tant que Paris n'aurait pas réglé"), not
    # to it (stop 32, cue32 round).
    inner = any(cue.start <= n.start and n.end <= cue.end for n in negations)
    negated = any(
        (0 <= cue.start - n.end <= _NEGATION_BEFORE)
        or (not inner and 0 <= n.start - cue.end <= _NEGATION_AFTER)
        for n in negations
    )
    if negated:
        return Status.PENDING
    # "There's no word on whether he has accepted": the open question scopes the verb.
    if any(0 <= cue.start - p.end <= _HEDGE_BEFORE for p in pendings):
        return Status.PENDING
    hedged = any(0 <= cue.start - h.end <= _HEDGE_BEFORE for h in hedges)
    if hedged and status in (Status.ACCEPTED, Status.DECLINED, Status.TOOK_PLACE):
        return Status.PENDING
    if status is Status.TOOK_PLACE and any(f.end <= cue.start for f in futures):
        return None  # "the visit will include a dinner hosted by ..." has not happened yet
    return status


def _waiting_host(cue: CueHit, clause: Clause, found: list[Pair]) -> tuple[Ref, CueHit] | None:
    """A host's event named without any guest, whose guests a later sentence may name.
    "Macron accueillera mardi à l'Élysée un sommet": the host's own seat after the verb is
    no guest (issue 14, guests); "Decenas de delegaciones llegarán para la toma de posesión
    de Orsi": the one figure after the event noun, nobody before it (issue 14, leftovers)."""
    if cue.category == "hosting" and not found and clause.before and all(
            r.party.key == clause.before[-1].party.key for r in clause.after):
        return clause.before[-1], cue
    if cue.category == "hosted" and not clause.before and clause.after and all(
            r.party.key == clause.after[0].party.key for r in clause.after) and \
            all(invitee is None for _, invitee, _ in found):
        return clause.after[0], cue
    return None


def _split_negated(status: Status | None, cue: CueHit, modifiers: list[CueHit], words: Words
                   ) -> Status | None:
    """A split status verb holding a negation in its gap ("Merz nimmt am Montag nicht am
    Gipfel teil", "nimmt die Einladung nicht an", "Schoof neemt maandag niet deel aan") is a
    refusal, not the acceptance its two ends spell; "nimmt die Einladung noch nicht an" (a
    "yet" inside) leaves it open. Only the words between the phrase's ends count, as in
    `_negated` for split invitation verbs (issue 14, leftovers). A "yet" is a provisional
    word, or a negation phrase of several words ("noch nicht", "not yet", "pas encore"),
    which the overlap of modifier hits keeps in place of the provisional one."""
    if status not in (Status.ACCEPTED, Status.TOOK_PLACE):
        return status
    inner = [w.strip(",").casefold() for w in cue.text.split()[1:-1]]
    if not set(inner) & words.negation:
        return status
    if any(cue.start < m.start and m.end < cue.end and
           (m.category == "provisional" or len(m.text.split()) > 1) for m in modifiers):
        return Status.PENDING
    return Status.DECLINED


def _open_refusal(sentence: str, cue: CueHit, provisionals: list[CueHit],
                  negations: list[CueHit], words: Words) -> bool:
    """A refusal that leaves the invitation open is a response: of the place only
    ("отверг Москву как место встречи": a counter-venue), or for now ("no plans yet",
    "пока нет планов": evasive)."""
    return _venue_only(sentence, cue, words) or \
        _provisional(sentence, cue, provisionals, negations)


_PROVISIONAL_NEAR = 40  # chars between a refusal in content and its "yet" / "for now"


def _provisional(sentence: str, cue: CueHit, provisionals: list[CueHit],
                 negations: list[CueHit]) -> bool:
    """A refusal in content said to hold for now ("has no such plans yet", "пока нет
    конкретных планов", "наразі не має планів") leaves the door open: an evasive answer,
    a response, where "has no plans to travel" is a refusal. Only a refusal in content
    (a negated statement: a negation inside the phrase) is softened so, not a refusal verb
    ("hat die Einladung noch am selben Tag abgelehnt"); the word counts in the refusal's
    own clause only."""
    if not any(cue.start <= n.start and n.end <= cue.end for n in negations):
        return False
    def near(hit: CueHit) -> bool:
        if hit.end <= cue.start:
            between = sentence[hit.end : cue.start]
        elif hit.start >= cue.end:
            between = sentence[cue.end : hit.start]
        else:
            return True  # inside the phrase ("no plans yet")
        return len(between) <= _PROVISIONAL_NEAR and not any(m in between for m in _CLAUSE_MARKS)

    return any(near(hit) for hit in provisionals)


_VENUE_AFTER = 4  # words between a refusal verb and "as a venue": "rejected Moscow as a venue"


def _venue_only(sentence: str, cue: CueHit, words: Words) -> bool:
    """"Zelensky rejected Moscow as a venue", "отверг Москву как место встречи", "lehnte
    Moskau als Treffpunkt ab": what is refused is the place, not the meeting; like a
    counter-venue ("but only in Budapest") that is a response, not a refusal (issue 14:
    a counter-venue is not acceptance, and not a refusal either)."""
    if not words.venue:
        return False
    # from the cue's start: a split verb holds its object ("lehnte Berlin als Ort ab")
    span = len(cue.text.split())
    following = " " + " ".join(w.strip(",.;:\"'«»“”") for w in sentence[cue.start :].casefold(
        ).split()[: span + _VENUE_AFTER + 4]) + " "
    for phrase in words.venue:
        at = following.find(f" {phrase} ")
        if at >= 0 and len(following[:at].split()) <= span + _VENUE_AFTER:
            return True
    return False


def _thanks_only(sentence: str, facts: SentenceFacts, invite_cues: list[CueHit],
                 words: Words) -> CueHit | None:
    """"Macron dankt Merz für Einladung", "Sheinbaum agradeció la invitación de Sánchez":
    thanks for an invitation, with no other answer in the sentence, is a response, not a
    yes (issue 14: thanks only = responded). The lexicons' thanks words (which also give
    the direction, arguments.py) make the cue in every language, whatever the tense or
    word order ("hat sich ... für die Einladung bedankt"). Returns the thanks word."""
    if not words.thanks or not any(c.category in ("noun", "by") for c in invite_cues) or any(
            status is not Status.PENDING for status, _ in facts.statuses):
        return None
    for match in _WORD.finditer(sentence):
        if match.group().casefold() in words.thanks:
            return CueHit("responded", match.start(), match.end(), match.group())
    return None


_WORD = re.compile(r"\w+(?:['’]\w+)?")


def _add_status(facts: SentenceFacts, status: Status, cue: CueHit, sentence: str,
                words: Words) -> None:
    facts.statuses.append((status, cue))
    subject = _relative_subject(sentence, cue, facts.refs, words) or \
        condition_subject(sentence, facts.refs, cue.start, words)
    if subject is not None:
        facts.relative_subjects.append((cue, subject))


def _pluperfect(sentence: str, words: Words) -> bool:
    return any(w.strip(",.").casefold() in words.pluperfect for w in sentence.split())


def _clause_pluperfect(sentence: str, cue: CueHit, words: Words) -> bool:
    """A pluperfect auxiliary in the clause of the invitation verb: from the last comma or
    semicolon before it to a couple of words after it ("den er eingeladen hatte")."""
    opening = max(sentence.rfind(",", 0, cue.start), sentence.rfind(";", 0, cue.start))
    tokens = (sentence[opening + 1 : cue.end].split()
              + sentence[cue.end :].split()[:_PLUPERFECT_AFTER])
    return any(t.strip(",.;:").casefold() in words.pluperfect for t in tokens)


_ANSWER_STATUSES = frozenset({Status.ACCEPTED, Status.DECLINED, Status.RESPONDED})
_TOKEN = re.compile(r"[^\s,.;:!?\"«»“”„()]+")


def _side_speaker(sentence: str, statuses: list[tuple[Status, CueHit]], words: Words) -> int:
    """issue 14, stop 36, voice36 round: where a word of someone who speaks for a party
    starts in a sentence holding an answer, with a word of saying after it ("A spokeswoman
    for the government said", "Het Koninklijk Paleis bevestigde", "AK Parti Sözcüsü ...
    söyledi", "报道官は…と述べた", "..., his office said"); -1 when none. Without a word of
    saying the role word is the answer's own subject ("High Commissioner X did not attend
    the breakfast"), no one speaking for another. A lexicon word matches a whole word,
    "x*" a word's start, "*x" its end (compounds: "Regierungssprecher"); a CJK word
    anywhere."""
    if not words.side_speakers or not any(s in _ANSWER_STATUSES for s, _ in statuses):
        return -1
    for at in _speaker_starts(sentence, words.side_speakers):
        if _speaker_starts(sentence[at + 1 :], words.side_speech):
            return at
    return -1


@dataclass(frozen=True)
class _WordForms:
    """A lexicon list split by how its words match a token (see `_side_speaker`)."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    infixes: tuple[str, ...]
    cjk: tuple[str, ...]
    phrases: tuple[str, ...]


@functools.cache
def _word_forms(words: frozenset[str]) -> _WordForms:
    plain = [w for w in sorted(words) if not _cjk(w[0]) and " " not in w]
    return _WordForms(
        exact=frozenset(w for w in plain if not w.startswith("*") and not w.endswith("*")),
        prefixes=tuple(w[:-1] for w in plain if w.endswith("*") and not w.startswith("*")),
        suffixes=tuple(w[1:] for w in plain if w.startswith("*") and not w.endswith("*")),
        infixes=tuple(w.strip("*") for w in plain if w.startswith("*") and w.endswith("*")),
        cjk=tuple(w for w in sorted(words) if _cjk(w[0])),
        phrases=tuple(w for w in sorted(words) if not _cjk(w[0]) and " " in w))


def _speaker_starts(text: str, words: frozenset[str]) -> list[int]:
    """Where words of the list start in `text`, in order: every token one of them fits, and
    each CJK word's and phrase's first place. One pass over the tokens for the whole list;
    the first place of each word is among them, so the first that a word of saying
    follows is the first place of a word that a word of saying follows."""
    forms = _word_forms(words)
    starts = {text.find(w) for w in forms.cjk}
    starts.update(_phrase_at(text, w) for w in forms.phrases)
    for start, parts in _folded_tokens(text):
        if any(part in forms.exact or part.startswith(forms.prefixes)
               or part.endswith(forms.suffixes) or any(i in part for i in forms.infixes)
               for part in parts):
            starts.add(start)
    starts.discard(-1)
    return sorted(starts)


def _phrase_at(text: str, phrase: str) -> int:
    """Where a several-word lexicon phrase first starts in `text` (casefolded), else -1."""
    found = _phrase(phrase).search(_casefolded(text))
    return found.start() if found else -1


# Every lexicon word is looked for in the same sentence (and its tails): its tokens are
# folded once, not once per word.
@functools.cache
def _phrase(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


@functools.lru_cache(maxsize=64)
def _casefolded(text: str) -> str:
    return text.casefold()


@functools.lru_cache(maxsize=64)
def _folded_tokens(text: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Each token's start and its folded parts: "Sánchez's office", "l'entourage",
    "Saray'dan" are read on either side of an apostrophe; Turkish "İ" folds to "i"."""
    return tuple((match.start(), tuple(match.group(0).casefold().replace("i\u0307", "i")
                                       .split("'")))
                 for match in _TOKEN.finditer(text))


def _substitute(sentence: str, words: Words) -> bool:
    """"Lavrov attended instead", "En su lugar viajará la canciller": a stand-in."""
    if not words.substitute:
        return False
    folded = " " + " ".join(w.strip(",.;:!?\"'«»“”()") for w in sentence.casefold().split()) + " "
    return any(f" {phrase.casefold()} " in folded for phrase in words.substitute)


def _also(sentence: str, words: Words) -> bool:
    """"Putin was also invited", "Putin wurde auch eingeladen"."""
    return any(w.strip(",.;:").casefold() in words.also for w in sentence.split())


def _host_cue_stands(cue: CueHit, sentence: str, refs: list[Ref], grammar: Grammar,
                     words: Words) -> bool:
    """"Sunday's summit": a possessive host cue needs a figure glued to it; so does a
    one-word event noun in a language whose names take a bare genitive -s ("Macrons
    toppmöte"; issue 14, wider), and an event noun whose host is the genitive after it
    ("на саммите Макрона"; issue 14, guests), else it is no cue at all (and claims no
    status word)."""
    if cue.text[:1] in "'’":
        return any(r.end == cue.start for r in refs)
    if cue.category == "hosted" and cue.text.casefold() in words.host_genitive_events:
        return any(genitive_host_after(sentence, cue.end, r, grammar.case_endings)
                   for r in refs)
    if cue.category != "hosted" or not (grammar.genitive_s or grammar.genitive_host) or \
            " " in cue.text.strip():
        return True
    return any(glued_genitive(sentence, r, cue.start) for r in refs)


def _receives_guests(statuses: list[tuple[Status, CueHit]], refs: list[Ref], words: Words
                     ) -> bool:
    """"Premier Schoof ontving de leiders": a took-place reception word after a figure,
    who received guests (a host; issue 14, wider)."""
    return any(status is Status.TOOK_PLACE and hit.text.casefold() in words.reception and
               any(r.end <= hit.start for r in refs) for status, hit in statuses)


def _reception(sentence: str, cue: CueHit, refs: list[Ref], words: Words) -> bool:
    """"Путин принял Си Цзиньпина", "Зеленський прийняв Макрона": a reception word with a
    figure (not a possessor, "принял приглашение Си") right after it received a guest."""
    if cue.text.casefold() not in words.reception:
        return False

    def right_after(ref: Ref) -> bool:
        # an inflected first name the gazetteer lacks may stand between: "Еммануеля Макрона"
        gap = sentence[cue.end : ref.start].split()
        return not gap or (len(gap) == 1 and gap[0][:1].isupper())

    return any(r.start >= cue.end and right_after(r) and not r.possessive for r in refs)


_RELATIVE_TO_STATUS = 3  # words from the comma to the status: ", who then accepted"


def _relative_subject(sentence: str, cue: CueHit, refs: list[Ref], words: Words
                      ) -> Ref | None:
    """The figure a relative clause holding the status word hangs on: "Biden" in "Putin
    spoke with Biden, who accepted", "Си" in "Путин говорил с Си, который согласился"."""
    owner = figure_before(refs, cue.start)
    if owner is None or not words.relative:
        return None
    between = sentence[owner.end : cue.start]
    if not between.lstrip().startswith(","):
        return None
    tokens = between.lstrip()[1:].casefold().split()
    if not tokens or len(tokens) > _RELATIVE_TO_STATUS or tokens[0] not in words.relative:
        return None
    return owner


def _earlier_occasion(status: Status | None, sentence: str, cue: CueHit, pasts: list[CueHit],
                      invite_cues: list[CueHit], status_cues: list[CueHit], words: Words) -> bool:
    """A status word that tells of another, earlier occasion than the invitation's."""
    if status is Status.TOOK_PLACE:
        # "has visited Moscow eight times before"; "Carney, who visited Mexico City in
        # September, said he would accept"
        return _recap(sentence, cue, pasts, invite_cues) or \
            _aside_beside_answer(sentence, cue, status_cues, words)
    # "В прошлом году Пашинян отказался ехать на саммит": a refusal dated to the past in a
    # sentence without an invitation is an earlier occasion's (issue 14, wire round)
    return status is Status.DECLINED and not invite_cues and \
        _recap(sentence, cue, pasts, invite_cues)


def _aside_beside_answer(sentence: str, hit: CueHit, status_cues: list[CueHit],
                        words: Words) -> bool:
    """"Carney, who visited Mexico City in September for trade talks, said he would
    accept": a took-place word inside a relative clause set off by commas is its
    antecedent's background, another occasion, when the main clause gives an answer of
    its own (issue 14, wire round: status from another event). Without one ("Lula, who
    arrived on Monday, ...") the aside may be the only outcome and stays."""
    opening = relative_opening(sentence, hit.start, words)
    closing = sentence.find(",", hit.end)
    if opening < 0 or closing < 0:
        return False
    return any(other.end <= opening or other.start > closing for other in status_cues
               if other is not hit and other.category != "took_place")


def _in_relative_clause(sentence: str, hit: CueHit, cue: CueHit, words: Words) -> bool:
    """"Macron, who visited Berlin last week, invited Scholz to Paris": a status in a
    relative clause closed before the invitation is its antecedent's background, another
    occasion than the invitation's."""
    if hit.end > cue.start:
        return False
    return in_closed_relative(sentence, hit.start, hit.end, cue.start, words)


def _recap_clause(sentence: str, cue: CueHit, pasts: list[CueHit], words: Words) -> bool:
    """"Stubb, who visited Ankara last May at Erdoğan's invitation, spoke with him by phone
    about the NATO summit": a trip "at X's invitation" told in a relative clause set off by
    commas, with a recap word in it, is its antecedent's background, an occasion long
    settled; the sentence reports no invitation of its own (issue 15, stories round: the
    recap a year later opened a second record). Without the recap word ("Lula, who arrived
    on Monday at Xi's invitation, ...") the clause may be the news and stays."""
    if not pasts:
        return False
    opening = relative_opening(sentence, cue.start, words)
    closing = sentence.find(",", cue.end)
    if opening < 0 or closing < 0:
        return False
    return any(opening < p.start and p.end <= closing for p in pasts)


_RELATIVE_OPENING = 8  # words from the comma opening a relative clause to its cue
_PLUPERFECT_AFTER = 2  # "den er nach Berlin eingeladen hatte": the auxiliary after the verb


def before_relative_clause(sentence: str, hit: CueHit, cue: CueHit, words: Words) -> bool:
    """"Starmer met Zelensky, who invited him to Kyiv", "Macron a rencontré Zelensky, qui
    l'a invité à Kyiv", "Путин встретился с Лукашенко, который пригласил его в Минск": a
    took-place word of the main clause before a relative clause holding the invitation is
    the meeting where the invitation was made, not the invited occasion. In the pluperfect
    ("Lula met Biden, who had invited him") the invitation came first: the meeting may
    answer it."""
    if hit.end > cue.start or not (words.relative or words.relative_objects):
        return False
    opening = sentence.rfind(",", hit.end, cue.start)
    if opening < 0:
        return False
    text = sentence[opening + 1 : cue.start].replace("’", "'").replace("'", "' ")
    tokens = [w.strip("\"«»„“").casefold() for w in text.split()]
    if not tokens or len(tokens) > _RELATIVE_OPENING or not (
            tokens[0] in words.relative or tokens[0] in words.relative_objects
            or " ".join(tokens[:2]) in words.inverted_relative_objects):
        return False
    # the auxiliary may be the cue's own word ("l'avait invité", "había invitado")
    verb = sentence[cue.start : cue.end].replace("’", "'").replace("'", "' ").split()
    following = sentence[cue.end :].split()[:_PLUPERFECT_AFTER]
    return not any(t.strip(",.;:").casefold() in words.pluperfect
                   for t in (*tokens, *verb, *following))


_ANSWERS = frozenset(s.value for s in (Status.ACCEPTED, Status.DECLINED, Status.RESPONDED,
                                        Status.WITHDRAWN, Status.PENDING))
_VERB_TO_NOUN = 6  # characters: "a reçu une invitation", "получил приглашение"


def verb_of_invitation(cue: CueHit, invite_cues: list[CueHit]) -> bool:
    """"welcomed X to visit": the status word is the verb of a longer invitation cue;
    "a reçu une invitation", "ha ricevuto un invito": a reception word right before an
    invitation noun is the receiving of the invitation, not of a guest (an answer word,
    "accepted an invitation", stays the answer)."""
    return any((i.category == "active" and i.start == cue.start and cue.end < i.end) or
               (i.category == "noun" and cue.category not in _ANSWERS
                and 0 <= i.start - cue.end <= _VERB_TO_NOUN)
               for i in invite_cues)


_AND_THEN = 3  # words between the last 'and' and the invitation verb ("and then invited him")


def invited_after_meeting(sentence: str, met: CueHit, invite_cues: list[CueHit],
                          words: Words) -> bool:
    """"Putin received Modi and invited him to Kazan", "Sánchez recibió a Lula y lo invitó a
    Sevilla", "Merz empfing Macron und lud ihn ein": a meeting and, joined by 'and' with no
    new subject, an invitation verb after it: the meeting is where the invitation was
    made, not the occasion invited to."""
    for cue in invite_cues:
        if cue.category != "active" or cue.start < met.end:
            continue
        gap = sentence[met.end : cue.start].replace(",", " ").split()
        joins = [k for k, w in enumerate(gap) if w.casefold() in words.conjunctions]
        if joins and len(gap) - joins[-1] - 1 <= _AND_THEN and not any(
                w[:1].isupper() for w in gap[joins[-1] + 1 :]):
            return True
    return False


def _recap(sentence: str, cue: CueHit, pasts: list[CueHit], invite_cues: list[CueHit]) -> bool:
    """A recap word ("before", "previously", "in the past") right before or after a
    took-place word dates it to an earlier occasion. One before it that closes the clause
    of an invitation cue ("Lula, a quien invitó Sánchez el mes pasado, llegó el lunes")
    dates the invitation, not the arrival."""
    def dates_invitation(p: CueHit) -> bool:
        return "," in sentence[p.end : cue.start] and any(
            i.end <= p.start and "," not in sentence[i.end : p.start] for i in invite_cues)

    return any((0 <= cue.start - p.end <= _HEDGE_BEFORE and not dates_invitation(p))
               or 0 <= p.start - cue.end <= _RECAP_AFTER for p in pasts)


def _invite_status(cue: CueHit, status_here: Status | None, futures: list[CueHit],
                   hedges: list[CueHit]) -> Status:
    if cue.category == "by":
        if status_here is not None and status_here is not Status.TOOK_PLACE:
            return status_here
        if any(abs(f.start - cue.start) < 120 for f in futures):
            return Status.ACCEPTED
        if any(abs(h.start - cue.start) < 60 for h in hedges):
            return Status.PENDING
        return Status.TOOK_PLACE
    if cue.category == "agreed":
        if status_here is not None and status_rank(status_here) > status_rank(Status.ACCEPTED):
            return status_here
        return Status.ACCEPTED
    return status_here if status_here is not None else Status.PENDING


_OCCASION_STARTS: dict[int, re.Pattern[str]] = {}


def _names_occasion(sentence: str, lexicons: list[Lexicon]) -> bool:
    """An occasion term at the start of a word, inflected or not ("mötet", "Treffens")."""
    lowered = sentence.casefold()
    for lexicon in lexicons:
        pattern = _OCCASION_STARTS.get(id(lexicon))
        if pattern is None:
            terms = sorted({t.casefold() for ts in lexicon.occasion.values() for t in ts if t},
                           key=len, reverse=True)
            pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + ")"
                                 if terms else r"(?!x)x")
            _OCCASION_STARTS[id(lexicon)] = pattern
        if pattern.search(lowered):
            return True
    return False


_WHETHER_BEFORE = 8  # words: "whether to invite", "ob er Macron nach Berlin einlädt" (verb-final)
_BEHALF_GAP = 3  # words from "on behalf of" to the name ("on behalf of President X")


def _behalf_principal(sentence: str, cue: CueHit, refs: list[Ref], words: Words
                      ) -> Ref | None:
    """"Witkoff invited Putin to Washington on behalf of Trump": the figure named after
    "on behalf of" is the inviter; the subject only carries the invitation (issue 14,
    precision: a messenger or envoy taken as the inviter)."""
    if not words.behalf:
        return None
    lowered = sentence.casefold()
    for marker in words.behalf:
        at = lowered.find(marker)
        if at == -1 or (at > 0 and lowered[at - 1].isalnum()) or not _behalf_of_cue(
                sentence, cue, at, words):
            continue
        end = at + len(marker)
        principal = next((r for r in refs if r.start >= end
                          and len(sentence[end : r.start].split()) <= _BEHALF_GAP), None)
        if principal is not None:
            return principal
    return None


def _behalf_of_cue(sentence: str, cue: CueHit, at: int, words: Words) -> bool:
    """The marker belongs to the cue's clause: it opens the sentence ("On behalf of X, Y
    invited Z"), or follows the cue with no clause break or relative pronoun between."""
    if at < cue.start:
        return not sentence[:at].strip(" \"'«„“(")
    between = sentence[cue.end : at]
    return not any(mark in between for mark in ";:()") and not any(
        w.strip(",").casefold() in words.relative for w in between.split())


# How many words before an invitation verb a possibility phrase makes it hypothetical
# ("Не исключено, что в будущем на встречи будут приглашены": seven).
_POSSIBLE_BEFORE = 8


def _possible(sentence: str, cue: CueHit, words: Words) -> bool:
    """"Non è escluso che altri capi di Stato possano essere invitati", "might be invited":
    a possibility just before the invitation verb, not an invitation (issue 14,
    outcome round: hypothetical invitations)."""
    if not words.possibility:
        return False
    before = sentence[: cue.start].casefold().split()[-_POSSIBLE_BEFORE:]
    folded = " " + " ".join(w.strip(",.;:!?\"'«»“”()") for w in before) + " "
    return any(f" {phrase} " in folded for phrase in words.possibility)


# How many words before an invitation verb a demand word makes it demanded ("Die Grünen
# haben Merz aufgefordert, den ukrainischen Präsidenten ... in den Bundestag einzuladen": 11).
_DEMAND_BEFORE = 14
# An invitation noun is demanded only by a demand word right before it, its article between.
_DEMAND_BEFORE_NOUN = 3


def _demanded(sentence: str, cue: CueHit, words: Words, reach: int = _DEMAND_BEFORE) -> bool:
    """"Badenoch demands Starmer invite Zelensky", "calls have grown to invite him", "exigió
    que Sánchez invite a Zelenski", "закликали Зеленського запросити Трампа": a demand or
    call a few words before the invitation verb puts it to its subject; nobody has invited
    anyone (issue 14, neg round). A verb joined on by a conjunction ("urged calm and invited
    Xi") is a deed of its own."""
    if not words.demand:
        return False
    before = [w.strip(",.;:!?\"'«»“”„()").casefold()
              for w in sentence[: cue.start].split()[-reach:]]
    if not before or before[-1] in words.conjunctions:
        return False
    folded = " " + " ".join(before) + " "
    return any(f" {phrase} " in folded for phrase in words.demand)


def _demanded_noun(sentence: str, cue: CueHit, words: Words) -> bool:
    """"Weidel fordert Einladung Trumps", "Badenoch calls for an invitation to Trump": a
    demand word right before an invitation noun, nothing but its article between, asks for
    an invitation nobody has made. Not across a comma or a possessive owner ("as
    demanded, Trump's invitation was accepted")."""
    tail = sentence[: cue.start].split()[-_DEMAND_BEFORE_NOUN:]
    if any(p in " ".join(tail) for p in (",", ";", ":", "'s", "’s")):
        return False
    return _demanded(sentence, cue, words, _DEMAND_BEFORE_NOUN)


def _conditional(sentence: str, cue: CueHit, words: Words) -> bool:
    """"If Trump invites him, Putin would consider the trip", "Si Macron invite Scholz":
    a conditional word opening the clause of the invitation verb makes it hypothetical."""
    if not words.conditional:
        return False
    opening = max(sentence.rfind(",", 0, cue.start), sentence.rfind(";", 0, cue.start),
                  sentence.rfind(":", 0, cue.start))
    first = sentence[opening + 1 : cue.start].split()[:1]
    if bool(first) and first[0].strip("\"«„“(").casefold() in words.conditional:
        return True
    if _quoted_condition(sentence, cue, opening, words):
        return True
    if _counterfactual(sentence, cue, opening, words):
        return True
    # "has not decided whether to invite Zelensky", "offen, ob er Macron einlädt": an open
    # question (issue 14, precision: hypothetical).
    return _asks_whether(sentence, cue, opening, words)


def _asked_answer(status: Status | None, sentence: str, cue: CueHit, words: Words) -> bool:
    """"Поеду ли я - посмотрим", "whether she will attend, we will see": a yes or no inside
    an open question is what is asked, not the answer; the evasive rest of the sentence
    answers (issue 14, stop 32, cue32 round)."""
    return status in (Status.ACCEPTED, Status.DECLINED) and _open_question(sentence, cue, words)


def _open_question(sentence: str, cue: CueHit, words: Words) -> bool:
    """"No está claro si Macron será invitado a la cumbre de Sánchez": whether a figure
    will be invited to a host's event is open, so the host's event reports no guest
    invited, as the invitation verb before it reports none (issue 14, stop 29, fixc
    round)."""
    opening = max(sentence.rfind(",", 0, cue.start), sentence.rfind(";", 0, cue.start),
                  sentence.rfind(":", 0, cue.start))
    return _asks_whether(sentence, cue, opening, words)


_WHETHER_BEFORE_CJK = 10  # characters: "普京总统是否会受邀", "習氏を招待するかどうか"
_WHETHER_AFTER = 2  # words: "пригласит ли", "davet edip etmeyeceği"
_WHETHER_AFTER_CJK = 6  # characters: "招待するかどうか"


def _asks_whether(sentence: str, cue: CueHit, opening: int, words: Words) -> bool:
    """An open question scoping the invitation verb: a whether-word or phrase in its
    clause before it ("whether to invite", "Questionado se convidaria Milei", "Preguntado
    por si invitaría", "czy zaprosi", "是否会受邀"), or right after it ("пригласит ли",
    "招待するかどうか"): a reporter's question or an undecided plan, no invitation made
    (issue 14, longart round: long articles ask about other guests)."""
    before = sentence[opening + 1 : cue.start]
    tokens = [w.strip(",\"«„“(").casefold() for w in before.split()[-_WHETHER_BEFORE:]]
    spaced = " " + " ".join(tokens) + " "
    tail = before[-_WHETHER_BEFORE_CJK:]
    for phrase in words.whether:
        if _cjk(phrase[0]) and phrase in tail:
            return True
        if not _cjk(phrase[0]) and f" {phrase} " in spaced:
            return True
    if not words.whether_after:
        return False
    after = sentence[cue.end:]
    near = " " + " ".join(w.strip(",.;:\"»”)").casefold()
                          for w in after.split()[:_WHETHER_AFTER]) + " "
    return any((phrase in after[:_WHETHER_AFTER_CJK + len(phrase)]) if _cjk(phrase[0])
               else f" {phrase} " in near for phrase in words.whether_after)


def _cjk(char: str) -> bool:
    return char >= "\u3000"


def _within_denial(sentence: str, cue: CueHit, denials: list[CueHit], words: Words,
                   refs: list[Ref]) -> bool:
    """Whether a denial of the sentence reaches the invitation cue: one after the cue
    always does ("reports that X invited Y are false"); one before it unless a contrast
    word (`denial_contrast_words`) follows it and a figure is named between that word and
    the cue, the new clause's own inviter ("X denied inviting Y, but X invited Z to
    Paris": Z's invitation stands; "..., but he invited Z" names none and stays denied,
    its pronoun unresolved; issue 14, stop 35, deny35 round)."""
    for denial in denials:
        if denial.start >= cue.start:
            return True
        between = sentence[denial.end:cue.start].casefold()
        marks = [between.find(word) if _cjk(word[0]) else _word_at(between, word)
                 for word in words.denial_contrast]
        opened = [denial.end + at for at in marks if at >= 0]
        if not opened or not any(min(opened) < ref.start < cue.start for ref in refs):
            return True
    return False


def _word_at(text: str, word: str) -> int:
    """Where a word stands whole in the text (-1: nowhere)."""
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    return found.start() if found else -1


def _quoted_condition(sentence: str, cue: CueHit, opening: int, words: Words) -> bool:
    """"qu'il viendrait à Paris « si le président Macron l'invitait »": a quotation opening
    with a conditional word inside the clause of the invitation verb quotes a condition
    (issue 14, neg round)."""
    quote = max(sentence.rfind(mark, opening + 1, cue.start) for mark in "«„“")
    if quote < 0:
        return False
    first = sentence[quote + 1 : cue.start].split()[:1]
    return bool(first) and first[0].casefold() in words.conditional


_UNREAL_AFTER = 6  # words from the invitation verb to the conditional word after it
_UNREAL_SPAN = 6  # words of a conditional clause searched for an unreal verb form
_UNREAL_GAP = 3  # words between the condition's comma and the verb ('he would invite')


def _unreal_clause(tokens: list[str], words: Words) -> bool:
    """A clause opening with a conditional word and holding an unreal (irrealis) form, or
    a condition on gaining an office ("if elected", "als hij premier wordt"). A fused
    unreal conditional ("якби", "gdyby": both lists) is unreal by itself (stop-28 negs
    round: "запросив би Путіна, якби той хотів миру")."""
    folded = [t.strip(",.;:\"'«»„“”()").casefold() for t in tokens]
    return bool(folded) and folded[0] in words.conditional and (
        folded[0] in words.irrealis
        or any(t in words.irrealis or t in words.office_conditions
               for t in folded[1 : 1 + _UNREAL_SPAN]))


def _main_clause_gap(gap: list[str], words: Words) -> bool:
    """The words between the condition's comma and the invitation verb: a subject and an
    auxiliary, or, when the clause opens with the unreal auxiliary, a whole verb-final
    clause ("Wäre sie Kanzlerin, würde sie Trump morgen einladen": deny34 round)."""
    if len(gap) <= _UNREAL_GAP:
        return True
    return len(gap) <= _UNREAL_SPAN and gap[0].strip("\"'«»„“”").casefold() in words.irrealis


def _counterfactual(sentence: str, cue: CueHit, opening: int, words: Words) -> bool:
    """"que, se ainda estivesse no Planalto, convidaria Trump", "convidaria Trump se ainda
    fosse presidente", "if he were still president he would invite": an unreal condition
    right before the clause of the invitation verb (a subject and an auxiliary may come
    first), or a few words after the verb,
    makes the invitation a counterfactual, none made (issue 14, mixed round: a former
    office holder's "would invite"). A real condition ("If Kim sees this, I would meet
    him") keeps the offer an invitation."""
    if not words.irrealis and not words.office_conditions:
        return False
    if opening >= 0 and _main_clause_gap(sentence[opening + 1 : cue.start].split(), words):
        previous = max(sentence.rfind(",", 0, opening), sentence.rfind(";", 0, opening),
                       sentence.rfind(":", 0, opening))
        if _unreal_clause(sentence[previous + 1 : opening].split(), words):
            return True
    after = sentence[cue.end :].split()
    for index, token in enumerate(after[:_UNREAL_AFTER]):
        if token.endswith((".", ";", ":")):
            break
        if token.casefold() in words.conditional:
            return _unreal_clause(after[index:], words)
    return False


def _negated(cue: CueHit, negations: list[CueHit], words: Words, sentence: str = "",
             provisionals: tuple[CueHit, ...] = ()) -> bool:
    if cue.category == "noun":
        # "no invitation had been extended to Blinken", "keine Einladung", "aucune invitation"
        return any(0 <= cue.start - n.end <= _NEGATED_NOUN for n in negations)
    if cue.category == "passive" and sentence:
        # "has not answered a challenge from X": a word between the negation and the
        # passive cue is the verb it negates, the answer, not the invitation (stop 32,
        # cue32 round); "was not invited by", "had not yet received an invitation from"
        # (a "yet" between) keep it glued
        negations = [n for n in negations if n.end > cue.start
                     or _glued(sentence[n.end : cue.start], provisionals)]
    if cue.category not in ("active", "passive", "by", "agreed"):
        return False
    if any(0 <= cue.start - n.end <= _NEGATION_BEFORE for n in negations):
        return True
    if " " in cue.text:
        # A split verb may hold its negation inside ("lud ihn nicht ein").
        inner = {w.strip(",").casefold() for w in cue.text.split()[1:-1]}
        return bool(inner & words.negation)
    return False


def _glued(gap: str, provisionals: tuple[CueHit, ...]) -> bool:
    """Nothing but a "yet" ("noch", "ещё") between a negation and a cue."""
    words = {w.casefold() for w in gap.split()} - {p.text.casefold() for p in provisionals}
    return not {w.strip("'") for w in words} - {""}


# "the invitation of Ukrainian soldiers", "l'invito dei soldati", "приглашение украинских
# военных": an invitation OF a crowd (the connector, or a bare genitive) names its guests.
_OF_WORDS = frozenset({"of", "de", "des", "du", "di", "dei", "degli", "delle", "della", "do",
                       "dos", "das", "da", "der", "von"})


def _crowd_invited(sentence: str, cue: CueHit, words: Words, refs: list[Ref]) -> bool:
    """An invitation noun whose guests are a crowd, not a figure: no invitation between
    figures (the crowd word within three words, before any figure and any comma)."""
    if not words.exhortation:
        return False
    first_ref = min((r.start for r in refs if r.start >= cue.end), default=len(sentence))
    tokens = sentence[cue.end:first_ref].casefold().split()[:4]
    if not tokens:
        return False
    if tokens[0] in _OF_WORDS:
        tokens = tokens[1:]
    elif tokens[0] in words.to_markers or tokens[0] in words.from_markers:
        return False
    for token in tokens[:3]:
        if token.strip("\"'«»„“") in words.exhortation:
            return True
        if token[-1:] in ",;:.!?)":
            return False
    return False


def _exhortation(sentence: str, cue: CueHit, words: Words, refs: list[Ref],
                 grammar: Grammar) -> bool:
    """'invites citizens to vote': the object is a crowd, not a figure."""
    if not words.exhortation:
        return False

    def crowd(text: list[str]) -> bool:
        return any(w.strip(",.;:!?\"'«»„“") in words.exhortation for w in text)

    if grammar.verb_final and crowd(
        sentence[max(0, cue.start - 40) : cue.start].casefold().split()[-3:]
    ):
        return True
    if _crowd_in_gap(sentence, cue, refs, crowd):
        return True
    near = [r.start for r in refs if r.start >= cue.end and r.start - cue.end < 25]
    if near:
        # a figure right after the cue is its object, unless a crowd closes the clause
        # first: 'has invited Ukrainian business," Zelensky added'
        between = sentence[cue.end : near[0]].rstrip()
        return between[-1:] in ",;:\"”»" and crowd(between.casefold().split()[-1:])
    return crowd(sentence[cue.end : cue.end + 40].casefold().split()[:3])


def _crowd_in_gap(sentence: str, cue: CueHit, refs: list[Ref],
                  crowd: Callable[[list[str]], bool]) -> bool:
    """'animó a los jóvenes a visitar', 'закликав депутатів прибути': a gapped cue whose
    object slot holds a crowd and no figure (b9-cues round)."""
    inside = sentence[cue.start : cue.end]
    if " " not in inside or any(cue.start <= r.start < cue.end for r in refs):
        return False
    return crowd(inside.casefold().split()[1:-1])


# --- persons the gazetteer does not know ---------------------------------------------------


def conjunction_words(lexicons: list[Lexicon]) -> frozenset[str]:
    return words_of(lexicons).conjunctions


def with_unknown_names(sentence: str, refs: list[Ref], lexicons: list[Lexicon], lang: str,
                       grammar: Grammar | None = None) -> list[Ref]:
    """The refs plus the persons the text names that the gazetteer does not know."""
    grammar = grammar if grammar is not None else grammar_of(lexicons, lang)
    return _with_unknown_names(sentence, refs, words_of(lexicons), lang, grammar)


def grammar_of(lexicons: list[Lexicon], lang: str) -> Grammar:
    """The grammar of `lang`'s lexicon (with every given lexicon's case endings), else the
    defaults: callers that know more (the Matcher) pass their own."""
    own = next((lx.grammar for lx in lexicons if lx.lang == lang), Grammar())
    return with_endings(own, merged_endings(lx.grammar for lx in lexicons))


def _with_unknown_names(sentence: str, refs: list[Ref], words: Words, lang: str,
                        grammar: Grammar, is_person: Callable[[str], bool] | None = None
                        ) -> list[Ref]:
    found: list[Ref] = []
    for start, end, plain, possessive, case in _name_candidates(sentence, words, lang, grammar):
        if any(r.start < end and start < r.end for r in refs):
            continue
        if is_person is not None and not is_person(plain):
            continue  # "am Denkmal Blumen niederlegen": two nouns (local_names.weakly_named)
        found.append(Ref(Party(name=plain), start, end, possessive, UNKNOWN_CONFIDENCE,
                         case=case))
    for start, end, name in _organisations(sentence, words.organisations):
        if not any(r.start < end and start < r.end for r in (*refs, *found)):
            found.append(Ref(Party(name=name), start, end, False, UNKNOWN_CONFIDENCE))
    if not found:
        return refs
    return sorted(refs + found, key=lambda r: r.start)


# (start, end, nominative, possessive, Slavic case) of the persons a sentence may name, by
# sentence: the same sentence is read by `analyse` and again for observations, and feeds
# repeat sentences across articles. The entry keeps the `Words` and `Grammar` it was found
# with (compared by identity), so a key's ids can never belong to other objects.
_NameCandidate = tuple[int, int, str, bool, str | None]
_RECENT_NAMES: dict[tuple[str, str, int, int],
                    tuple[Words, Grammar, tuple[_NameCandidate, ...]]] = {}
_RECENT_ORGANISATIONS: dict[tuple[str, int],
                            tuple[frozenset[str], tuple[tuple[int, int, str], ...]]] = {}
_RECENT_LIMIT = 4096
_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(cache: dict[_K, _V], key: _K, value: _V) -> None:
    if len(cache) >= _RECENT_LIMIT:
        # First in, first out; `pop` with a default, as another thread may have evicted it.
        oldest = next(iter(cache), None)
        if oldest is not None:
            cache.pop(oldest, None)
    cache[key] = value


def _name_candidates(sentence: str, words: Words, lang: str, grammar: Grammar
                     ) -> tuple[_NameCandidate, ...]:
    """The persons the sentence names outside the gazetteer, before the refs already found
    and the article's evidence (`is_person`) are weighed: these depend on the sentence alone."""
    key = (sentence, lang, id(words), id(grammar))
    known = _RECENT_NAMES.get(key)
    if known is not None and known[0] is words and known[1] is grammar:
        return known[2]
    found: list[_NameCandidate] = []
    for start, end, name in name_sequences(sentence, words.name_stop, words.titles,
                                               words.complements, words.formulas,
                                               words.place_heads, words.conjunctions):
        start, name = _strip_role_words(sentence, start, name, words)
        if not name or quoted_phrase(sentence, start, end) or \
                complement_of_title(sentence, start, end, lambda w: _role_word(w, words)):
            continue  # "the prime minister of Cabo Verde, ...": the country, no person
        tokens = name.split()
        if len(tokens) < 2 or any(_looks_like_noun(t, words) for t in tokens):
            continue
        if _role_compound(tokens[-1], words):
            continue  # "Görlitzer Oberbürgermeisterin": a title, not a surname
        if building_name(sentence, end, tokens, words.residences):
            continue  # "Windsor Castle", "Большом Кремлёвском дворце": a palace, no person
        if any(t.casefold() in words.exhortation or t.casefold() in words.both for t in tokens):
            continue  # "Hunderte Bürger", "Beide Einladungen": a crowd or a pair, not a person
        possessive = sentence.startswith(("'s", "'"), end)
        if named_as_kin(sentence, start, end, name, possessive,
                        KinWords(words.kin, words.kin_links, words.titles),
                        grammar.case_endings):
            continue  # "the son of Vladimir Putin": the son is meant, not a person named here
        plain = nominative(name, lang, sentence[end : end + 20],
                           sentence[max(0, start - 30) : start])
        if grammar.genitive_s and plain != name:
            possessive = True  # "Nowitzkis Benefizspiel"
        found.append((start, end, plain, possessive, slavic_case(name, grammar.case_endings)))
    result = tuple(found)
    _remember(_RECENT_NAMES, key, (words, grammar, result))
    return result


def _organisations(sentence: str, markers: frozenset[str]) -> tuple[tuple[int, int, str], ...]:
    """`organisation_names`, remembered by sentence like `_name_candidates`."""
    key = (sentence, id(markers))
    known = _RECENT_ORGANISATIONS.get(key)
    if known is not None and known[0] is markers:
        return known[1]
    result = tuple(organisation_names(sentence, markers))
    _remember(_RECENT_ORGANISATIONS, key, (markers, result))
    return result


def _strip_role_words(sentence: str, start: int, name: str, words: Words) -> tuple[int, str]:
    tokens = name.split()
    while len(tokens) > 2 and (
        "-" in tokens[0]
        or (tokens[0].isupper() and len(tokens[0]) > 1)
        or any(tokens[0].casefold().endswith(s) for s in words.title_suffixes)
    ):
        position = sentence.index(tokens[1], start + len(tokens[0]))
        start, tokens = position, tokens[1:]
    if tokens and (tokens[0].isupper() and len(tokens[0]) > 1):
        return start, ""
    return start, " ".join(tokens)


def _role_word(word: str, words: Words) -> bool:
    """A title word long enough to be a role ("minister", "primeiro-ministro"), not an
    article or a particle that the lexicons' `titles` also hold."""
    return len(word) >= _MIN_ROLE_WORD and word in words.titles


def _role_compound(token: str, words: Words) -> bool:
    """A compound ending in a title word ("Oberbürgermeisterin", "Tesla-Chef") ends a
    phrase that names a role, never a person (issue 14, unknown round); the title word
    alone ("Baumeister") may be a surname."""
    folded = token.casefold()
    return any(folded.endswith(s) and len(folded) > len(s) for s in words.title_suffixes)


def _looks_like_noun(token: str, words: Words) -> bool:
    folded = token.casefold()
    return any(folded.endswith(s) and len(folded) > len(s) + 2 for s in words.noun_suffixes)
