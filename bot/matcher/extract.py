"""Sentence level: which cues a sentence carries and who stands where around them.

Pure functions over one sentence, its figure references (offsets relative to the
sentence) and the lexicons that apply. The article level (aggregate.py) folds the
findings of all sentences together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.domain import Party, Status
from bot.matcher.lexicon import (
    ALL_CATEGORIES,
    INVITE_CATEGORIES,
    MODIFIER_CATEGORIES,
    STATUS_CATEGORIES,
    CueHit,
    Lexicon,
)
from bot.matcher.names import name_sequences, nominative

_NEGATION_BEFORE = 14  # chars between a negation and the cue it negates ("was not invited")
_NEGATION_AFTER = 28  # "Eine Zusage ... gibt es bislang noch nicht"
_HEDGE_BEFORE = 40
_COORDINATION_GAP = 45  # "Macron und Polens Regierungschef Donald Tusk"
UNKNOWN_CONFIDENCE = 0.55
# Languages whose (subordinate) clauses put the verb after both arguments.
VERB_FINAL_LANGUAGES = frozenset({"de", "nl", "ja", "ko", "tr", "hi", "fa", "ur", "bn", "az"})
# Languages whose modifiers precede their head: "X の招待で" = at X's invitation.
HEAD_FINAL_LANGUAGES = frozenset({"ja", "ko", "tr", "hi"})
# Languages that put the finite verb second, the subject after it when something else leads.
VERB_SECOND_LANGUAGES = frozenset({"de", "nl", "sv", "da", "no", "is"})
# Languages that mark the agent by case ("приглашён Маском"), without a preposition.
# Languages that routinely leave a known subject unsaid in the next sentence.
ZERO_PRONOUN_LANGUAGES = frozenset({"ja", "ko"})
CASE_MARKED_LANGUAGES = frozenset({"ru", "uk", "be", "pl", "cs", "sk", "sl", "hr", "sr", "bs",
                                   "lt", "lv", "fi", "et", "hu", "tr", "el", "ro", "bg", "mk"})


@dataclass(frozen=True, slots=True)
class Ref:
    """A party at a place in a sentence."""

    party: Party
    start: int
    end: int
    possessive: bool = False
    confidence: float = 1.0  # lower for names found only from the text
    country: str | None = None
    spokesperson: bool = False
    principal: str | None = None  # the figure a spokesperson answers for
    case: str | None = None  # "dat" / "gen" where a Slavic ending says so


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


@dataclass(frozen=True, slots=True)
class _Words:
    """The word lists of the lexicons in force, merged once per sentence."""

    negation: frozenset[str]
    exhortation: frozenset[str]
    from_markers: frozenset[str]
    to_markers: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    conjunctions: frozenset[str]
    name_stop: frozenset[str]
    titles: frozenset[str]
    title_suffixes: frozenset[str]
    noun_suffixes: frozenset[str]
    blockers: frozenset[str]  # words that end a coordination ("and will send Lavrov")
    both: frozenset[str]  # "both", "ambos", "оба": a subject standing for several figures
    with_markers: frozenset[str] = frozenset()  # "with", "con", "mit" (the [observe] list)


_WORDS_CACHE: dict[tuple[int, ...], _Words] = {}


def _words(lexicons: list[Lexicon]) -> _Words:
    key = tuple(id(lexicon) for lexicon in lexicons)
    cached = _WORDS_CACHE.get(key)
    if cached is None:
        cached = _WORDS_CACHE[key] = _merge_words(lexicons)
    return cached


def _merge_words(lexicons: list[Lexicon]) -> _Words:
    def merged(*keys: str) -> frozenset[str]:
        out: set[str] = set()
        for lexicon in lexicons:
            for key in keys:
                out |= lexicon.words(key)
        return frozenset(out)

    return _Words(
        negation=merged("negation_words"),
        exhortation=merged("exhortation_objects"),
        from_markers=merged("from_markers"),
        to_markers=merged("to_markers"),
        pronouns=merged("pronouns"),
        object_pronouns=merged("object_pronouns"),
        possessive_pronouns=merged("possessive_pronouns"),
        conjunctions=merged("conjunctions"),
        name_stop=merged("name_stopwords"),
        titles=merged("titles"),
        title_suffixes=merged("title_suffixes"),
        noun_suffixes=merged("noun_suffixes"),
        both=merged("both_words"),
        blockers=frozenset(
            phrase.casefold()
            for lexicon in lexicons
            for category in ("future", "hedge")
            for phrase in lexicon.phrases.get(category, [])
            if " " not in phrase and len(phrase) > 1
        ),
        with_markers=frozenset(
            word.casefold() for lexicon in lexicons
            for word in lexicon.observe_lists.get("with_markers", frozenset())
        ),
    )


# "..., according to Moon Jae-in": a source, not the addressee of the invitation.
_ATTRIBUTION = frozenset({"according", "selon", "según", "segundo", "secondo", "laut", "zufolge"})

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
) -> SentenceFacts:
    invite_cues, status_cues, cues = sentence_cues(sentence, lexicons)
    if not invite_cues and not status_cues:
        return SentenceFacts(refs=refs)
    words = _words(lexicons)
    refs = _with_unknown_names(sentence, refs, words, lang)
    facts = SentenceFacts(refs=refs)
    opening = [w.strip(",.\"'“”«»").casefold() for w in sentence.split(None, 3)[:3]]
    facts.both_subject = any(w in words.both for w in opening) or \
        " ".join(opening[:2]) in words.both or " ".join(opening[1:3]) in words.both
    negations = [c for c in cues if c.category == "negation"]
    hedges = [c for c in cues if c.category == "hedge"]
    futures = [c for c in cues if c.category == "future"]
    pendings = [c for c in status_cues if c.category == "pending"]
    # A denial unmakes what it denies. "X denied that he had invited Y" and "Reports that
    # X invited Y are false" report no invitation at all; "Peskov denied that Putin had
    # accepted Musk's invitation" denies the answer, and the invitation stands, unanswered.
    denials = [c for c in cues if c.category == "denial"]
    denied_answers = [s for s in status_cues if any(d.start < s.start for d in denials)]
    denied = bool(denials) and not denied_answers
    for cue in status_cues:
        if cue in denied_answers:
            continue
        status = _status_of(cue, negations, hedges, pendings, futures)
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
        if cue.category in ("active", "challenge") and _exhortation(sentence, cue, words, refs, lang):
            continue
        arguments = _arguments(sentence, cue, refs, words, lang, previous_subject)
        if cue.category in ("by", "noun") and all(a[0] is None for a in arguments):
            arguments = _described_inviter(sentence, cue, refs, words) or arguments
        for inviter, invitee, confidence in arguments:
            status_here = _strongest(_statuses_of(facts.statuses, refs, inviter, invitee))
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


def _negated(cue: CueHit, negations: list[CueHit], words: _Words) -> bool:
    if cue.category not in ("active", "passive", "by", "agreed"):
        return False
    if any(0 <= cue.start - n.end <= _NEGATION_BEFORE for n in negations):
        return True
    if " " in cue.text:
        # A split verb may hold its negation inside ("lud ihn nicht ein").
        inner = {w.strip(",").casefold() for w in cue.text.split()[1:-1]}
        return bool(inner & words.negation)
    return False


def _exhortation(sentence: str, cue: CueHit, words: _Words, refs: list[Ref], lang: str) -> bool:
    """'invites citizens to vote': the object is a crowd, not a figure."""
    if not words.exhortation:
        return False

    def crowd(text: list[str]) -> bool:
        return any(w.strip(",.;:!?\"'«»„“") in words.exhortation for w in text)

    if lang in VERB_FINAL_LANGUAGES and crowd(
        sentence[max(0, cue.start - 40) : cue.start].casefold().split()[-3:]
    ):
        return True
    if any(r.start >= cue.end and r.start - cue.end < 25 for r in refs):
        return False
    return crowd(sentence[cue.end : cue.end + 40].casefold().split()[:3])


# --- arguments ------------------------------------------------------------------------

Pair = tuple[Ref | None, Ref | None, float]


def _arguments(sentence: str, cue: CueHit, refs: list[Ref], words: _Words, lang: str,
               previous_subject: Ref | None) -> list[Pair]:
    before = [r for r in refs if r.end <= cue.start]
    # Split cues ("lädt Scholz ... ein") hold their object inside the matched span.
    tokens = cue.text.split()
    first_word_end = cue.start + len(tokens[0]) if tokens else cue.end
    if len(tokens) == 1 and cue.text[:1] >= "\u2e80":
        first_word_end = cue.start + 1  # "应普京邀请": no spaces in CJK, the agent is inside
    after = [r for r in refs if r.start >= first_word_end]
    possessed = bool(before) and before[-1].possessive and cue.start - before[-1].end <= 3
    # "la sfida con Zuckerberg": a cue word followed by "with" is the noun, not the verb.
    next_words = (tokens[1:2] if len(tokens) > 1 else sentence[cue.end :].split(None, 1)[:1])
    with_follows = bool(next_words) and next_words[0].casefold() in words.with_markers
    if cue.category == "noun" or (cue.category in ("active", "challenge")
                                  and (possessed or with_follows)):
        # "Musk's challenge to a cage fight": after a possessive the verb form is a noun.
        if with_follows and len(tokens) > 1:
            # Only the noun itself: a split cue ("sfida ... a") may run past the figures.
            cue = CueHit(cue.category, cue.start, first_word_end, tokens[0])
        return _noun_arguments(sentence, cue, before, after, words, previous_subject, lang)
    if cue.category in ("passive", "by") and lang in HEAD_FINAL_LANGUAGES and before:
        # "安倍首相の招待で", "バイデン大統領から招待されていた": the agent comes first,
        # marked by a genitive or "from" particle.
        marked = [r for r in before
                  if any(sentence.startswith(m, r.end)
                         for m in words.from_markers | {"の", "의", " का", " के", " की"})]
        agent_ref = marked[-1] if marked else before[-1]
        patients = [r for r in before if r.party.key != agent_ref.party.key][:1] or after[:1]
        if not patients and marked and lang in ZERO_PRONOUN_LANGUAGES and \
                previous_subject is not None \
                and previous_subject.party.key != agent_ref.party.key:
            # "ゼレンスキー大統領は…到着した。岸田首相の招きで…参加する": the guest is the
            # previous sentence's topic, left unsaid.
            return _pairs(agent_ref, [previous_subject], 0.6)
        return _pairs(agent_ref, patients, 0.75)
    if cue.category in ("passive", "by"):
        agent = after[0] if after else None
        case_marked = lang in CASE_MARKED_LANGUAGES and agent is not None and \
            agent.start - cue.end <= 2
        if agent is not None and cue.category == "passive" and tokens and not case_marked and \
                tokens[-1].casefold() not in words.from_markers:
            # "was invited to preside over the funeral of Martin Kenyon": no agent unless
            # a "by" / "von" / "par" introduces one.
            agent = next((r for r in after if r.start - cue.end < 80 and any(
                w in words.from_markers for w in _word_before(sentence, r.start, 2))), None)
        patients = _coordinated_back(sentence, before, words) if before else []
        if not patients and len(after) >= 2:
            patients = _coordinated(sentence, after[1:], words)
        if not patients and cue.category == "passive" and previous_subject is not None:
            return _pairs(agent, [previous_subject], 0.65)
        return _pairs(agent, patients, 0.9)
    if cue.category == "agreed":
        subject = before[-1] if before else (after[1] if len(after) >= 2 else None)
        partner = after[0] if after else None
        return _pairs(partner, [subject] if subject else [], 0.8)
    # active / challenge
    if lang != "en" and _clitic_before(sentence, cue, words, lang):
        conjoined = bool(before) and len(before) >= 2 and any(
            w.strip(",").casefold() in words.conjunctions
            for w in sentence[before[-1].end : cue.start].split())
        if before and (not after or conjoined or _right_before(sentence, before[-1], cue, words)):
            # "Francis Ngannou, qui l'invitait", "Macron l'avait invité", "telefonou a Lula
            # e o convidou": the subject stands before the clitic.
            subject, object_ref = _subject_and_object_before(sentence, cue, before, words,
                                                             previous_subject)
            return _pairs(subject, [object_ref] if object_ref else [], 0.7)
        if after:
            # "куда его приглашал Рамафоса", "lo ha invitato Macron": the object comes first.
            object_ref = before[-1] if before else previous_subject
            return _pairs(after[0], [object_ref] if object_ref else [], 0.75)
    if before and after:
        # The subject is the nearest figure before the verb that is not its object
        # ("стрім з Маском, на який волонтер запрошував засновника SpaceX").
        subjects = [r for r in before if r.party.key != after[0].party.key] or before
        subject = subjects[-1]
        objects = [r for r in after if r.party.key != subject.party.key]
        if objects:
            confidence = 0.9 if objects[0].start - cue.end <= 80 else 0.75
            return _pairs(subject, _coordinated(sentence, objects, words), confidence)
    if len(after) >= 2 and after[0].party.key != after[1].party.key and \
            lang in VERB_SECOND_LANGUAGES and "," not in sentence[cue.end : after[0].start]:
        # Verb-second order: "Am Samstag lud Musk Putin ein" (not "... eingeladen, darunter").
        return _pairs(after[0], _coordinated(sentence, after[1:], words), 0.8)
    if len(before) >= 2 and lang in _PARTICLES:
        # "트럼프 대통령은 김정은 위원장을 초청했다", "岸田首相はバイデン大統領を招いた": the
        # particles say who is the subject and who the object, whatever the order.
        roles = [(ref, _particle_role(sentence, ref, lang)) for ref in before]
        subjects = [r for r, role in roles if role == "subject"]
        objects = [r for r, role in roles if role == "object"]
        if subjects and objects and subjects[-1].party.key != objects[-1].party.key:
            return _pairs(subjects[-1], [objects[-1]], 0.85)
    if len(before) >= 2 and lang in VERB_FINAL_LANGUAGES:
        # Verb-final clause: "..., dass Musk Putin einlud"; "Scholz hat Macron und Tusk
        # eingeladen": the objects are the coordinated group nearest the verb.
        objects = _coordinated_back(sentence, before, words)
        rest = before[: len(before) - len(objects)]
        if rest:
            return _pairs(rest[-1], list(reversed(objects)), 0.75)
        return _pairs(before[-2], [before[-1]], 0.7)
    if len(before) >= 2 and _object_pronoun_follows(sentence, cue, words):
        # "after Macron invited her"; "telefonou a Zelensky e convidou-o"
        subject, object_ref = _subject_and_object_before(sentence, cue, before, words, None)
        return _pairs(subject, [object_ref] if object_ref else [], 0.75)
    if len(before) == 1 and not after and previous_subject is not None and \
            _starts_with_pronoun(sentence, words):
        return _pairs(previous_subject, before, 0.65)  # "Er habe Merz zwar eingeladen"
    if after and previous_subject is not None and _starts_with_pronoun(sentence, words):
        return _pairs(previous_subject, _coordinated(sentence, after, words), 0.65)
    if before:
        return [(before[-1], None, 0.6)]
    if after:
        if lang in VERB_FINAL_LANGUAGES and not sentence[: cue.start].strip():
            return [(after[0], None, 0.6)]  # "Eingeladen hatte die Bundespräsidentin X"
        return [(None, after[0], 0.6)]
    return []


def _described_inviter(sentence: str, cue: CueHit, refs: list[Ref], words: _Words
                       ) -> list[Pair]:
    """"Zelensky attended Milei's inauguration at the invitation of the new Argentine
    president": the inviter is described, not named. With exactly two figures before the
    cue, the description is the one that is not the sentence's subject."""
    following = sentence[cue.end : cue.end + 60]
    if any(cue.end <= r.start < cue.end + 60 for r in refs):
        return []
    tokens = [t.strip(",.;:«»\"").casefold() for t in following.split()[:4]]
    markers = words.from_markers | {"of"}
    cue_words = cue.text.casefold().split()
    if cue_words and cue_words[-1] in markers:
        tokens = ["of", *tokens]  # "at the invitation of the new president"
    if not tokens or tokens[0] not in markers:
        return []
    if not any(t in words.titles and t not in _ARTICLE_TITLES for t in tokens[1:4]):
        return []
    before: list[Ref] = []
    for ref in refs:
        if ref.end <= cue.start and all(ref.party.key != b.party.key for b in before):
            before.append(ref)
    if len(before) != 2:
        return []
    subject, other = before
    return _pairs(other, [subject], 0.6)


# Lexicons list articles among their titles ("el", "la") to cut names; not a description.
_ARTICLE_TITLES = frozenset({"el", "la", "le", "the", "il", "o", "a", "der", "die"})


# Case particles after a name or its title: (subject/topic, object).
_PARTICLES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "ja": (frozenset("はが"), frozenset("を")),
    "ko": (frozenset("은는이가"), frozenset("을를")),
}
_JA_OTHER_PARTICLES = frozenset("のにとへでもや、。")


def _particle_role(sentence: str, ref: Ref, lang: str) -> str | None:
    """'subject' or 'object' from the particle closing the name (a title may stand between:
    "大統領は", "대통령은"), None when another particle or nothing marks it."""
    subject_marks, object_marks = _PARTICLES[lang]
    if lang == "ja":
        for ch in sentence[ref.end : ref.end + 6]:
            if ch in subject_marks:
                return "subject"
            if ch in object_marks:
                return "object"
            if ch in _JA_OTHER_PARTICLES:
                return None
        return None
    rest = sentence[ref.end :]
    token = rest.split(None, 1)[0] if rest and not rest[0].isspace() else ""
    if not token:
        following = rest.split(None, 1)
        token = following[0] if following and len(following[0]) <= 5 else ""
    token = token.rstrip(",.;:!?'\"")
    if token and token[-1] in subject_marks:
        return "subject"
    if token and token[-1] in object_marks:
        return "object"
    return None


def _pairs(inviter: Ref | None, invitees: list[Ref], confidence: float) -> list[Pair]:
    if inviter is None and not invitees:
        return []
    if not invitees:
        return [(inviter, None, confidence * 0.7)]
    out: list[Pair] = []
    for invitee in invitees:
        if inviter is not None and inviter.party.key == invitee.party.key:
            continue
        scale = min(r.confidence for r in (inviter, invitee) if r is not None)
        out.append((inviter, invitee, round(confidence * scale, 3)))
    if not out and inviter is not None:
        out.append((inviter, None, confidence * 0.7))
    return out


def _is_coordination(gap: str, words: _Words) -> bool:
    if len(gap) > _COORDINATION_GAP or any(p in gap for p in ".;:!?()"):
        return False
    tokens = [t.strip(",").casefold() for t in gap.split()]
    if not tokens:
        return "," in gap
    if any(t in words.blockers for t in tokens):
        return False
    return any(t in words.conjunctions for t in tokens) or (gap.strip() == ",")


def _coordinated(sentence: str, refs: list[Ref], words: _Words) -> list[Ref]:
    """The first ref and those joined to it by 'and' / 'und' / commas."""
    if not refs:
        return []
    group = [refs[0]]
    for ref in refs[1:]:
        if any(ref.party.key == g.party.key for g in group):
            continue  # the same figure again ("премьер-министра Индии Нарендру Моди")
        if _is_coordination(sentence[group[-1].end : ref.start], words):
            if all(ref.party.key != g.party.key for g in group):
                group.append(ref)
            continue
        break
    return group


def _coordinated_back(sentence: str, refs: list[Ref], words: _Words) -> list[Ref]:
    group = [refs[-1]]
    for ref in reversed(refs[:-1]):
        if _is_coordination(sentence[ref.end : group[-1].start], words):
            if all(ref.party.key != g.party.key for g in group):
                group.append(ref)
            continue
        break
    return group


def _noun_arguments(sentence: str, cue: CueHit, before: list[Ref], after: list[Ref],
                    words: _Words, previous_subject: Ref | None, lang: str) -> list[Pair]:
    inviter: Ref | None = None
    invitees: list[Ref] = []
    # "Musk's invitation", "Musks Einladung": a possessive right before the noun.
    if before and before[-1].possessive and cue.start - before[-1].end <= 12:
        inviter = before[-1]
    for index, ref in enumerate(after):
        gap_text = sentence[cue.end : ref.start].casefold().replace("’", "'")
        gap = [w.strip(",.\"«»„“") for w in gap_text.split()]
        if len(gap) > 7:
            break
        if any(w in words.from_markers for w in gap) and inviter is None:
            inviter = ref
        elif ((any(w in words.to_markers for w in gap) and not set(gap) & _ATTRIBUTION)
              or ref.case == "dat") and not invitees:
            # "invitation to X"; "запрошення Орбана Зеленському": a dative is the invitee.
            invitees = _coordinated(sentence, after[index:], words)
        elif inviter is None and index == 0 and lang in CASE_MARKED_LANGUAGES and (
                not gap or (ref.case == "gen" and len(gap) <= 4)):
            # "приглашение Путина", "виклик блогера Джейка Пола": a genitive after the noun.
            inviter = ref
        elif inviter is None and index == 0 and len(gap) == 1 and gap[0] in words.with_markers \
                and before and not invitees:
            # "Musk: la sfida con Zuckerberg", "Musk's fight with Zuckerberg": the one who
            # announces the challenge faces the figure after "with".
            inviter, invitees = before[-1], [ref]
            break
        elif inviter is None and index == 0 and not gap and before and \
                len(sentence[before[-1].end : cue.start].split()) == 0:
            # "Renzi sfida Salvini", "Musk sfida Zuckerberg": the noun is the verb's twin.
            inviter, invitees = before[-1], [ref]
            break
    possessive_pronoun = _possessive_pronoun_before(sentence, cue, words)
    if inviter is None and possessive_pronoun and before:
        if invitees:
            inviter = before[0]  # "Farage withdrew his invitation to Musk": his = the subject
        elif len(before) >= 2:
            between = sentence[before[-1].end : cue.start]
            if "," not in between and len(between.split()) <= 5:
                # "Meloni ... il Pontefice ha accolto il suo invito": the subject answers.
                inviter, invitees = before[-2], [before[-1]]
            else:
                # "Trump said ... no debate with Harris, rejecting her challenge"
                inviter, invitees = before[-1], [before[0]]
    elif inviter is None and possessive_pronoun and invitees and previous_subject is not None:
        inviter = previous_subject  # "Seine Einladung an Paris Hilton ist geplatzt"
    if inviter is None and invitees and before:
        inviter = before[-1]  # "Renzi ha lanciato la sfida a Salvini"
    elif inviter is None and invitees and lang in CASE_MARKED_LANGUAGES:
        # "Приглашение ..., которое Синдзо Абэ передал Владимиру Путину": the figure
        # between the noun and the dative invitee is the one who extended it.
        extenders = [r for r in after if r.end <= invitees[0].start and r.case != "dat"]
        if extenders:
            inviter = extenders[-1]
    if not invitees:
        others = [r for r in before if inviter is None or r.party.key != inviter.party.key]
        if others:
            invitees = [others[-1]]  # "Y accepted X's invitation": the subject answers
        elif previous_subject is not None and _starts_with_pronoun(sentence, words) and (
            inviter is None or previous_subject.party.key != inviter.party.key
        ):
            invitees = [previous_subject]  # "Sie schlug die Einladung von Trump aus"
        elif inviter is not None:
            passive_agent = _agent_after_status(sentence, cue, after, inviter, words)
            if passive_agent is None:
                # "Приглашение Зеленского было отклонено ... Виктором Орбаном"
                passive_agent = next((r for r in after if r.case == "ins"
                                      and r.party.key != inviter.party.key), None)
            if passive_agent is not None:
                invitees = [passive_agent]  # "An invitation from X ... was turned down by Y"
    if inviter is None and not invitees:
        return [(None, before[-1], 0.5)] if before else []
    if inviter is None:
        return [(None, invitee, 0.6) for invitee in invitees]
    return _pairs(inviter, invitees, 0.85)


def _agent_after_status(sentence: str, cue: CueHit, after: list[Ref], inviter: Ref,
                        words: _Words) -> Ref | None:
    for ref in after:
        if ref.party.key == inviter.party.key or ref.start <= inviter.end:
            continue
        preceding = _word_before(sentence, ref.start, 3)
        if any(w in words.from_markers for w in preceding[-2:]) and ref.start - cue.end < 120:
            return ref
    return None


def _word_before(sentence: str, index: int, count: int = 1) -> list[str]:
    return [w.strip(",.;:!?\"'«»„“").casefold() for w in sentence[max(0, index - 40) : index].split()[-count:]]


def _right_before(sentence: str, ref: Ref, cue: CueHit, words: _Words) -> bool:
    """The ref is the verb's subject: at most two words (auxiliary, clitic) in between."""
    gap = [w.strip(",").casefold() for w in sentence[ref.end : cue.start].split()]
    return len(gap) <= 2 and not any(w in words.conjunctions for w in gap) and \
        "," not in sentence[ref.end : cue.start]


def _clitic_before(sentence: str, cue: CueHit, words: _Words, lang: str) -> bool:
    first = cue.text.split()[0].casefold() if cue.text.split() else ""
    if first.startswith(("l'", "l’")) or (len(cue.text.split()) > 1 and first in words.object_pronouns):
        return True  # "l'invitait", "lui proposait": the clitic is inside the cue
    # Only the word right before counts: "para o qual tinha convidado" has an article;
    # Slavic clitics may stand one adverb away ("куди його особисто запрошував").
    previous = _word_before(sentence, cue.start, 2 if lang in CASE_MARKED_LANGUAGES else 1)
    return any(w in words.object_pronouns or w.startswith(("l'", "l’")) for w in previous)


def _possessive_pronoun_before(sentence: str, cue: CueHit, words: _Words) -> bool:
    return any(w in words.possessive_pronouns for w in _word_before(sentence, cue.start, 2))


def _object_pronoun_follows(sentence: str, cue: CueHit, words: _Words) -> bool:
    following = sentence[cue.end : cue.end + 20].replace("-", " ").split()
    return bool(following) and following[0].strip(",.;:!?").casefold() in words.object_pronouns


def _subject_and_object_before(sentence: str, cue: CueHit, before: list[Ref], words: _Words,
                               previous_subject: Ref | None) -> tuple[Ref, Ref | None]:
    """Who is who when both stand before the verb and a pronoun stands for the object.

    Right before the verb is the subject ("after Macron invited her"); after a
    conjunction the sentence's first figure is ("Mattarella ha telefonato a Macron e l'ha
    invitato", "telefonou a Zelensky e convidou-o")."""
    last = before[-1]
    others = [r for r in before if r.party.key != last.party.key]
    gap = [w.strip(",").casefold() for w in sentence[last.end : cue.start].split()]
    if len(gap) <= 4 and any(w in words.conjunctions for w in gap) and others:
        return others[0], last
    if others:
        return last, others[-1]  # "Lula visited the White House and met Biden, who had invited him"
    return last, previous_subject


def _starts_with_pronoun(sentence: str, words: _Words) -> bool:
    first = sentence.split(None, 3)[:2]
    return any(w.strip(",.\"'“”«»").casefold() in words.pronouns for w in first)


# --- persons the gazetteer does not know ---------------------------------------------------


def conjunction_words(lexicons: list[Lexicon]) -> frozenset[str]:
    return _words(lexicons).conjunctions


def with_unknown_names(sentence: str, refs: list[Ref], lexicons: list[Lexicon], lang: str
                       ) -> list[Ref]:
    """The refs plus the persons the text names that the gazetteer does not know."""
    return _with_unknown_names(sentence, refs, _words(lexicons), lang)


def _with_unknown_names(sentence: str, refs: list[Ref], words: _Words, lang: str) -> list[Ref]:
    found: list[Ref] = []
    for start, end, name in name_sequences(sentence, words.name_stop, words.titles):
        start, name = _strip_role_words(sentence, start, name, words)
        if not name or any(r.start < end and start < r.end for r in refs):
            continue
        tokens = name.split()
        if len(tokens) < 2 or any(_looks_like_noun(t, words) for t in tokens):
            continue
        possessive = sentence.startswith(("'s", "'"), end)
        plain = nominative(name, lang)
        if lang == "de" and plain != name:
            possessive = True  # "Nowitzkis Benefizspiel"
        found.append(Ref(Party(name=plain), start, end, possessive, UNKNOWN_CONFIDENCE,
                         case=slavic_case(name)))
    if not found:
        return refs
    return sorted(refs + found, key=lambda r: r.start)


def _strip_role_words(sentence: str, start: int, name: str, words: _Words) -> tuple[int, str]:
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


_DATIVE_ENDINGS = ("ому", "ему", "ові", "еві", "єві", "у", "ю")
_GENITIVE_ENDINGS = ("ого", "его", "а", "я", "и")


_INSTRUMENTAL_ENDINGS = ("ом", "ым", "ем", "им", "ём")


def slavic_case(surface: str) -> str | None:
    """Dative, genitive or instrumental from a Cyrillic name's ending (Зеленському, Орбана,
    Орбаном), if clear; titles decline their first word ("председателю КНР")."""
    for word in (surface.split()[-1:] + surface.split()[:1]):
        last = word.lower()
        if not last or not ("\u0400" <= last[-1] <= "\u04ff"):
            continue
        if last.endswith(_DATIVE_ENDINGS):
            return "dat"
        if last.endswith(_INSTRUMENTAL_ENDINGS):
            return "ins"
        if last.endswith(_GENITIVE_ENDINGS):
            return "gen"
    return None


def _looks_like_noun(token: str, words: _Words) -> bool:
    folded = token.casefold()
    return any(folded.endswith(s) and len(folded) > len(s) + 2 for s in words.noun_suffixes)
