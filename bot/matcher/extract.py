"""Sentence level: which cues a sentence carries and who stands where around them.

Pure functions over one sentence, its figure references (offsets relative to the
sentence) and the lexicons that apply. The article level (aggregate.py) folds the
findings of all sentences together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain import Party, Status
from bot.matcher.arguments import arguments, described_inviter, make_clause
from bot.matcher.clause import Pair, Ref, Words, words_of
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.grammar import Grammar, merged_endings, slavic_case, with_endings
from bot.matcher.lexicon import (
    ALL_CATEGORIES,
    INVITE_CATEGORIES,
    MODIFIER_CATEGORIES,
    STATUS_CATEGORIES,
    CueHit,
    Lexicon,
)
from bot.matcher.names import name_sequences, nominative, quoted_phrase
from bot.matcher.organisations import organisation_names

_NEGATION_BEFORE = 14  # chars between a negation and the cue it negates ("was not invited")
_NEGATION_AFTER = 28  # "Eine Zusage ... gibt es bislang noch nicht"
_HEDGE_BEFORE = 40
_RECAP_AFTER = 40  # "visited Moscow eight times before"
UNKNOWN_CONFIDENCE = CONFIDENCE.unknown_name


@dataclass(slots=True)
class InviteFinding:
    inviter: Ref | None
    invitee: Ref | None
    status: Status
    cue: CueHit
    confidence: float


@dataclass(slots=True)
class SentenceFacts:
    invitations: list[InviteFinding] = field(default_factory=list)
    statuses: list[tuple[Status, CueHit]] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    has_invite_noun: bool = False
    negated_invitation: bool = False
    both_subject: bool = False  # "Both confirmed": the answer of every invitee just named


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
    raw = [h for lexicon in lexicons for h in lexicon.hits(sentence, lowered)]
    if not raw:
        return [], [], []
    negatives = [h for h in raw if h.category == "negative"]
    invites = [
        h for h in _leftmost([h for h in raw if h.category in INVITE_CATEGORIES])
        if not any(n.start < h.end and h.start < n.end for n in negatives)
    ]
    statuses = _longest([h for h in raw if h.category in STATUS_CATEGORIES])
    modifiers = _leftmost([h for h in raw if h.category in MODIFIER_CATEGORIES])
    return invites, statuses, modifiers


def analyse(
    sentence: str,
    refs: list[Ref],
    lexicons: list[Lexicon],
    lang: str,
    previous_subject: Ref | None,
    grammar: Grammar | None = None,
) -> SentenceFacts:
    """The invitations and statuses of one sentence. `grammar` is the language's word-order
    facts (the Matcher resolves it once per article); by default the lexicon of `lang`'s."""
    invite_cues, status_cues, cues = sentence_cues(sentence, lexicons)
    if not invite_cues and not status_cues:
        return SentenceFacts(refs=refs)
    words = words_of(lexicons)
    grammar = grammar if grammar is not None else grammar_of(lexicons, lang)
    refs = _with_unknown_names(sentence, refs, words, lang, grammar)
    facts = SentenceFacts(refs=refs)
    opening = [w.strip(",.\"'“”«»").casefold() for w in sentence.split(None, 3)[:3]]
    facts.both_subject = any(w in words.both for w in opening) or \
        " ".join(opening[:2]) in words.both or " ".join(opening[1:3]) in words.both
    negations = [c for c in cues if c.category == "negation"]
    hedges = [c for c in cues if c.category == "hedge"]
    futures = [c for c in cues if c.category == "future"]
    pasts = [c for c in cues if c.category == "past"]
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
        status = _status_of(cue, negations, hedges, pendings, futures)
        if status is Status.TOOK_PLACE and _recap(cue, pasts):
            continue  # "has visited Moscow eight times before": an earlier occasion
        if status is Status.ACCEPTED and any(c.category == "counter" for c in cues):
            status = Status.RESPONDED  # "ready to meet him - but only in Budapest"
        if status is Status.TOOK_PLACE and not invite_cues and _by_phone(sentence, words):
            # "The phone conversation between the two presidents took place": a call is
            # another occasion than the visit one of them was invited to.
            continue
        if status is not None:
            facts.statuses.append((status, cue))
    for cue in invite_cues:
        if cue.start > 0 and sentence[cue.start - 1] in "«\"„“'" and cue.text[:1].isupper():
            continue  # «Приглашение на казнь»: the title of a work
        if cue.category == "noun":
            facts.has_invite_noun = True
        if denied or _negated(cue, negations, words):
            facts.negated_invitation = True
            continue
        if cue.category in ("active", "challenge") and \
                _exhortation(sentence, cue, words, refs, grammar):
            continue
        clause = make_clause(sentence, cue, refs, words, grammar, previous_subject)
        found: list[Pair] = arguments(clause)
        if cue.category in ("by", "noun") and all(a[0] is None for a in found):
            found = described_inviter(clause) or found
        statuses = _statuses_for(cue, facts.statuses, invite_cues)
        if cue.category == "active":
            statuses = [(s, hit) for s, hit in statuses
                        if not _in_relative_clause(sentence, hit, cue, words)]
        for inviter, invitee, confidence in found:
            status_here = _strongest(_statuses_of(statuses, refs, inviter, invitee))
            if cue.category in ("hosted", "hosting") and status_here is None:
                continue  # a host named, but nobody said to attend, skip or arrive
            status = _invite_status(cue, status_here, futures, hedges)
            facts.invitations.append(InviteFinding(inviter, invitee, status, cue, confidence))
    return facts


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


def _by_phone(sentence: str, words: Words) -> bool:
    return bool(words.phone) and any(
        token.startswith(tuple(words.phone))
        for token in sentence.casefold().replace("-", " ").split())


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
    if cue.category not in ("hosted", "hosting", "active", "challenge"):
        return statuses
    return [(status, hit) for status, hit in statuses
            if not (cue.start <= hit.start and hit.end <= cue.end and (
                cue.category in ("hosted", "hosting") or status is Status.RESPONDED
                or hit.start == cue.start))]  # "welcomed X to visit": the cue's own verb


def _statuses_of(statuses: list[tuple[Status, CueHit]], refs: list[Ref], inviter: Ref | None,
                 invitee: Ref | None) -> list[Status]:
    """The statuses of a sentence that belong to this invitation: a status whose subject
    (the figure right before it) is someone else is theirs ("Musk invited Putin, days after
    Kanye West agreed to a talk")."""
    parties = {r.party.key for r in (inviter, invitee) if r is not None}
    kept = []
    for status, cue in statuses:
        owner = next((r for r in reversed(refs) if r.end <= cue.start), None)
        if owner is None or owner.party.key in parties or owner.principal in parties or (
            inviter is not None and owner.end <= inviter.start
        ) or (invitee is not None and owner.end <= invitee.start):
            kept.append(status)
    return kept


def _strongest(statuses: list[Status]) -> Status | None:
    return max(statuses, key=status_rank) if statuses else None


def _status_of(cue: CueHit, negations: list[CueHit], hedges: list[CueHit],
               pendings: list[CueHit], futures: list[CueHit]) -> Status | None:
    status = Status(cue.category)
    if status is Status.PENDING:
        return status
    negated = any(
        (0 <= cue.start - n.end <= _NEGATION_BEFORE) or (0 <= n.start - cue.end <= _NEGATION_AFTER)
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


def _in_relative_clause(sentence: str, hit: CueHit, cue: CueHit, words: Words) -> bool:
    """"Macron, who visited Berlin last week, invited Scholz to Paris": a status in a
    relative clause closed before the invitation is its antecedent's background, another
    occasion than the invitation's."""
    if not words.relative or hit.end > cue.start:
        return False
    opening = sentence.rfind(",", 0, hit.start)
    if opening < 0:
        return False
    first = sentence[opening + 1 : hit.start].casefold().split()[:1]
    return bool(first) and first[0] in words.relative and "," in sentence[hit.end : cue.start]


def verb_of_invitation(cue: CueHit, invite_cues: list[CueHit]) -> bool:
    """"welcomed X to visit": the status word is the verb of a longer invitation cue."""
    return any(i.category == "active" and i.start == cue.start and cue.end < i.end
               for i in invite_cues)


def _recap(cue: CueHit, pasts: list[CueHit]) -> bool:
    """A recap word ("before", "previously", "in the past") right before or after a
    took-place word dates it to an earlier occasion."""
    return any(0 <= cue.start - p.end <= _HEDGE_BEFORE or 0 <= p.start - cue.end <= _RECAP_AFTER
               for p in pasts)


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


def _negated(cue: CueHit, negations: list[CueHit], words: Words) -> bool:
    if cue.category not in ("active", "passive", "by", "agreed"):
        return False
    if any(0 <= cue.start - n.end <= _NEGATION_BEFORE for n in negations):
        return True
    if " " in cue.text:
        # A split verb may hold its negation inside ("lud ihn nicht ein").
        inner = {w.strip(",").casefold() for w in cue.text.split()[1:-1]}
        return bool(inner & words.negation)
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
    near = [r.start for r in refs if r.start >= cue.end and r.start - cue.end < 25]
    if near:
        # a figure right after the cue is its object, unless a crowd closes the clause
        # first: 'has invited Ukrainian business," Zelensky added'
        between = sentence[cue.end : near[0]].rstrip()
        return between[-1:] in ",;:\"”»" and crowd(between.casefold().split()[-1:])
    return crowd(sentence[cue.end : cue.end + 40].casefold().split()[:3])


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
                        grammar: Grammar) -> list[Ref]:
    found: list[Ref] = []
    for start, end, name in name_sequences(sentence, words.name_stop, words.titles):
        start, name = _strip_role_words(sentence, start, name, words)
        if not name or any(r.start < end and start < r.end for r in refs) or \
                quoted_phrase(sentence, start, end):
            continue
        tokens = name.split()
        if len(tokens) < 2 or any(_looks_like_noun(t, words) for t in tokens):
            continue
        possessive = sentence.startswith(("'s", "'"), end)
        plain = nominative(name, lang, sentence[end : end + 20],
                           sentence[max(0, start - 30) : start])
        if grammar.genitive_s and plain != name:
            possessive = True  # "Nowitzkis Benefizspiel"
        found.append(Ref(Party(name=plain), start, end, possessive, UNKNOWN_CONFIDENCE,
                         case=slavic_case(name, grammar.case_endings)))
    for start, end, name in organisation_names(sentence, words.organisations):
        if not any(r.start < end and start < r.end for r in (*refs, *found)):
            found.append(Ref(Party(name=name), start, end, False, UNKNOWN_CONFIDENCE))
    if not found:
        return refs
    return sorted(refs + found, key=lambda r: r.start)


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


def _looks_like_noun(token: str, words: Words) -> bool:
    folded = token.casefold()
    return any(folded.endswith(s) and len(folded) > len(s) + 2 for s in words.noun_suffixes)
