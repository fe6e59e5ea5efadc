"""Article level: fold sentence findings into one Mention per invitation.

Invitations come from sentences with an invitation cue and both parties; status notes
("Eine Zusage gibt es bislang noch nicht", "the Kremlin called it an interesting
proposal") from any sentence, attached to the invitation whose party they name (a
spokesperson or a body standing for that party counts), or to the one just reported.
The most advanced status wins and its sentence is the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from bot.domain import Mention, Occasion, OccasionKind, Party, Status
from bot.matcher.clause import blank_refs, figure_before
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.dates import years_in
from bot.matcher.extract import InviteFinding, Ref, SentenceFacts, status_rank
from bot.matcher.lexicon import CueHit

MIN_CONFIDENCE = CONFIDENCE.minimum


@dataclass(slots=True)
class Candidate:
    inviter: Party
    invitee: Party
    status: Status
    evidence: str
    confidence: float
    first_sentence: int
    cue_end: int  # offset of the first cue in its sentence, for the occasion
    sentences: list[int] = field(default_factory=list)
    countries: dict[str, str | None] = field(default_factory=dict)
    occasion: Occasion | None = None
    # Where the first cue starts: a split cue ("hat X nach Moskau eingeladen") holds its
    # occasion inside, before cue_end.
    cue_start: int | None = None
    # Every report of the pair is a guest's at an occasion its host holds ("attended a
    # dinner hosted by X"), none an invitation said as such: the matcher leaves out the
    # host's own ministers and staff (host3 round).
    hosted: bool = False
    # Its status so far comes only from recaps of earlier years (tense.recapped): a report
    # of the article's own occasion replaces it, a further recap does not outrank that.
    recap: bool = False
    # Its took-place is only a `by` cue's default (tense.untimed): an invitation sentence of
    # the pair that times the trip ahead replaces it.
    untimed: bool = False
    # The first cue follows the occasion it grants ("will visit Tokyo at the invitation
    # of X"): the occasion's place is the one its own word names before the cue.
    postposed: bool = False

    @property
    def keys(self) -> tuple[str, str]:
        return (self.inviter.key, self.invitee.key)

    def offer(self, status: Status, evidence: str, sentence: int, confidence: float) -> None:
        if status_rank(status) > status_rank(self.status):
            self.status = status
            self.evidence = evidence
            self.confidence = max(min(self.confidence, confidence),
                                  self.confidence - CONFIDENCE.later_status_penalty)
        if sentence not in self.sentences:
            self.sentences.append(sentence)

    def offer_finding(self, finding: InviteFinding, evidence: str, sentence: int) -> None:
        """A further report of the pair: "Petro invited Sánchez to Bogotá ... Sánchez
        travelled to Colombia in 2022 at Petro's invitation" keeps the new invitation's
        status; the 2022 visit is another occasion."""
        if (finding.recap and not self.recap) or (
                finding.untimed and self.status is Status.ACCEPTED):
            if sentence not in self.sentences:
                self.sentences.append(sentence)
            return
        if self.untimed and self.status is Status.TOOK_PLACE and \
                finding.status is Status.ACCEPTED and not finding.recap:
            # "Merz auf Einladung Trumps in Washington" (headline), "Merz reist am Montag
            # auf Einladung Trumps nach Washington": the trip is ahead.
            self.untimed = False
            self.status = finding.status
            self.evidence = evidence
        elif finding.status is Status.TOOK_PLACE and not finding.untimed:
            self.untimed = False
        if self.recap and not finding.recap:
            self.recap = False
            self.status = finding.status
            self.evidence = evidence
        self.offer(finding.status, evidence, sentence, finding.confidence)


@dataclass(frozen=True, slots=True)
class SentenceView:
    index: int
    paragraph: int
    text: str
    facts: SentenceFacts


# The canonical places a text names (the matcher passes its place finder).
PlaceNames = Callable[[str], set[str]]


# (sentence, host, guest) of each reception a sentence reports ("Modi welcomed Albanese").
Receptions = frozenset[tuple[int, str, str]]
# The guest of a reception whose host alone is known ("Seguro recebeu a seleção"): its
# host received someone at home, whoever came (issue 14, stop 34, scope34 round).
ANY_GUEST = ""


def fold_article(views: list[SentenceView], place_names: PlaceNames | None = None,
                 year: int | None = None, home_countries: PlaceNames | None = None,
                 receptions: Receptions = frozenset()) -> list[Candidate]:
    """The article's invitations; `year` is the article's (an outcome dated before the
    invitation is another occasion's); `receptions` are the article's receptions (none is
    the outcome of the guest's invitation to the host)."""
    candidates: dict[tuple[str, str], Candidate] = {}
    partials: list[tuple[SentenceView, InviteFinding]] = []
    answers: list[InviteFinding] = []
    for view in views:
        for finding in view.facts.invitations:
            if _answers_earlier(view, finding, candidates):
                answers.append(finding)
                continue
            finding = _counter_invitation(view, finding, candidates)
            finding = _reception_not_outcome(view, finding, receptions)
            if finding.inviter is None or finding.invitee is None:
                partials.append((view, finding))
                continue
            key = (finding.inviter.party.key, finding.invitee.party.key)
            existing = candidates.get(key)
            if existing is None:
                candidates[key] = Candidate(
                    inviter=finding.inviter.party,
                    invitee=finding.invitee.party,
                    status=finding.status,
                    evidence=view.text,
                    confidence=finding.confidence,
                    first_sentence=view.index,
                    cue_end=finding.cue.end,
                    cue_start=finding.cue.start,
                    sentences=[view.index],
                    countries={finding.inviter.party.key: finding.inviter.country,
                               finding.invitee.party.key: finding.invitee.country},
                    recap=finding.recap,
                    untimed=finding.untimed,
                    hosted=finding.cue.category in _HOST_CUES,
                    postposed=finding.cue.category == "by",
                )
            else:
                existing.hosted = existing.hosted and finding.cue.category in _HOST_CUES
                existing.confidence = max(existing.confidence, finding.confidence)
                existing.offer_finding(finding, view.text, view.index)
    for view, following in pairwise(views):
        for made in _guest_of_waiting_host(view, following, place_names):
            candidates.setdefault(made.keys, made)
    for made in _further_guests(views, place_names):
        candidates.setdefault(made.keys, made)
    _merge_reverse(candidates)
    ordered = sorted(candidates.values(), key=lambda c: c.first_sentence)
    leftovers = [(v, f) for v, f in partials if not _attach_partial(v, f, ordered, views)]
    for candidate in _complete_partials(leftovers, views):
        existing = candidates.get(candidate.keys)
        if existing is None:
            candidates[candidate.keys] = candidate
            ordered.append(candidate)
        elif not candidate.recap or existing.recap:
            existing.offer(candidate.status, candidate.evidence, candidate.first_sentence,
                           candidate.confidence)
    _merge_reverse(candidates)
    _counter_venues(views, candidates)
    ordered = sorted(candidates.values(), key=lambda c: c.first_sentence)
    for view in views:
        if not view.facts.statuses and not view.facts.call_statuses:
            continue
        if any(f.inviter is not None and f.invitee is not None and all(f is not a for a in answers)
               for f in view.facts.invitations):
            continue
        _attach_status(view, _not_received_by_invitee(view, ordered, receptions), views,
                       place_names, year, home_countries)
    return [c for c in ordered if c.confidence >= MIN_CONFIDENCE]


def _counter_venues(views: list[SentenceView],
                    candidates: dict[tuple[str, str], Candidate]) -> None:
    """issue 14, counter round: "Macron l'a convié à Paris [...] Erdoğan a répondu : « Qu'il
    vienne plutôt à Ankara »", "Putin Moskova yerine Ankara'ya gelsin": a counter-venue
    answers the one invitation between the figures it names (a response, extract.py) and
    is the answerer's own invitation the other way, still open."""
    for view in views:
        if not view.facts.counter_venue:
            continue
        named = {r.party.key for r in view.facts.refs} | {
            r.principal for r in view.facts.refs if r.principal}
        earlier = [c for c in candidates.values() if c.first_sentence <= view.index
                   and (set(c.keys) <= named or c.invitee.key in named)]
        pairs = {frozenset(c.keys) for c in earlier}
        if len(pairs) != 1 or len(earlier) != 1:
            continue  # none, or both ways already
        first = earlier[0]
        candidates[(first.invitee.key, first.inviter.key)] = Candidate(
            inviter=first.invitee, invitee=first.inviter, status=Status.PENDING,
            evidence=view.text, confidence=first.confidence, first_sentence=view.index,
            cue_end=0, sentences=[view.index],
            countries={k: first.countries.get(k) for k in first.keys})


def _reception_not_outcome(view: SentenceView, finding: InviteFinding,
                           receptions: Receptions) -> InviteFinding:
    """"Зеленський прийняв Стубба в Києві, фінський президент запросив його до Гельсінкі",
    "Macron reçoit Lula, invitation retournée vers Brasilia": the reception in the
    sentence of an invitation made by the guest, or to the host, is not its outcome; the
    invitation stays open (issue 14, counter round)."""
    if finding.status is not Status.TOOK_PLACE or not receptions:
        return finding
    headline = view.paragraph == 0
    for index, host, guest in receptions:
        if index != view.index and not headline:
            continue
        if (finding.invitee is not None and finding.invitee.party.key == host) or (
                finding.inviter is not None and finding.inviter.party.key == guest):
            return replace(finding, status=Status.PENDING)
    return finding


def _not_received_by_invitee(view: SentenceView, candidates: list[Candidate],
                             receptions: Receptions) -> list[Candidate]:
    """issue 14, counter round: "Merz empfing Meloni [...] Meloni lud Merz im Gegenzug
    nach Rom ein": Merz's reception of Meloni (in its sentence, or in the headline that
    announces it) is his hosting her, never the outcome of her invitation to him."""
    if not receptions:
        return candidates
    headline = view.paragraph == 0
    received = {(host, guest) for index, host, guest in receptions
                if index == view.index or headline}
    # a reception that took place, whoever its guest, is its host's: never the host's
    # visit to an inviter ("Seguro recebeu a seleção" after its captain invited him)
    # (in its own sentence only: a headline's "visited China" is no body reception's)
    hosting = {host for index, host, guest in receptions
               if guest == ANY_GUEST and index == view.index} if any(
        status is Status.TOOK_PLACE for status, _ in view.facts.statuses) else set()
    return [c for c in candidates if (c.invitee.key, c.inviter.key) not in received
            and c.invitee.key not in hosting]


def _answers_earlier(view: SentenceView, finding: InviteFinding,
                     candidates: dict[tuple[str, str], Candidate]) -> bool:
    """"Orbán invited Zelensky to Budapest. Zelensky said he was ready to meet the Hungarian
    leader, but only in Kyiv": a willingness cue that is also a status word ("ready to
    meet"), towards the figure who invited its subject earlier in the article, is the answer
    to that invitation (the sentence's statuses go to it), not a new invitation. Alone
    ("Putin said he was ready to meet Zelensky in Istanbul") it stays an invitation."""
    if finding.cue.category != "active" or finding.inviter is None or finding.invitee is None:
        return False
    if (finding.invitee.party.key, finding.inviter.party.key) not in candidates:
        return False
    cue = finding.cue
    return any(hit.start < cue.end and cue.start < hit.end for _, hit in view.facts.statuses)


def _counter_invitation(view: SentenceView, finding: InviteFinding,
                        candidates: dict[tuple[str, str], Candidate]) -> InviteFinding:
    """issue 14, status round: "Lukashenko invited Tokayev to Minsk. Tokayev said it would
    not work out this year and in turn invited Lukashenko to Astana": an answer said by the
    inviter of a counter-invitation, before its cue, answers the invitation he received
    earlier (the reverse pair), not his own, which stays unanswered unless a status follows
    its cue."""
    if finding.cue.category != "active" or finding.inviter is None or finding.invitee is None:
        return finding
    earlier = candidates.get((finding.invitee.party.key, finding.inviter.party.key))
    if earlier is None or earlier.first_sentence >= view.index:
        return finding
    cue, inviter = finding.cue, finding.inviter.party.key
    answers = [(status, hit) for status, hit in view.facts.statuses
               if hit.end <= cue.start and status in _ANSWERS
               and _said_by(view.facts.refs, hit) == inviter]
    if not answers:
        return finding
    answer = max((status for status, _ in answers), key=status_rank)
    earlier.offer(answer, view.text, view.index, earlier.confidence)
    if finding.status is answer and not any(
            status is answer and hit.start >= cue.end for status, hit in view.facts.statuses):
        return replace(finding, status=Status.PENDING)
    return finding


def _said_by(refs: list[Ref], hit: CueHit) -> str | None:
    """The figure right before a status word: its subject."""
    owner = figure_before(refs, hit.start)
    return None if owner is None else owner.party.key


def _merge_reverse(candidates: dict[tuple[str, str], Candidate]) -> None:
    """A weakly ordered pair that also appears the other way round is the same invitation."""
    for key in list(candidates):
        reverse = (key[1], key[0])
        if key not in candidates or reverse not in candidates:
            continue
        one, other = candidates[key], candidates[reverse]
        keep, drop = (one, other) if one.confidence >= other.confidence else (other, one)
        if drop.confidence > CONFIDENCE.firm_direction:
            continue  # both directions stated firmly: an invitation and a counter-invitation
        if one.recap != other.recap:
            # "Macron invited the king. The king had received Macron in 2024, at his
            # invitation": a recap of an earlier year is its own occasion, never the
            # current invitation's outcome (ARCHITECTURE.md's label convention; cue32)
            continue
        keep.offer(drop.status, drop.evidence, drop.first_sentence, drop.confidence)
        del candidates[drop.keys]


# How many words may stand before the guest opening the sentence after a hosted event
# ("Spanish Prime Minister Pedro Sánchez will attend").
_GUEST_OPENS = 4


def _guest_of_waiting_host(view: SentenceView, following: SentenceView,
                           place_names: PlaceNames | None) -> list[Candidate]:
    """"Meloni is hosting a summit on Friday. Sánchez will attend.": a host without a guest,
    then a sentence that opens with other known figures (one, or several joined by 'and')
    and reports an answer or the attendance (and no invitation of its own, no place other
    than the event's): the host invited each of them."""
    waiting = view.facts.waiting_host
    if waiting is None or following.index != view.index + 1:
        return []
    return _guest_in(waiting, view, following, place_names, _GUEST_OPENS)


# issue 14, outcome round: how many sentences after a hosted event a further guest's
# answer may stand ("Meloni will not attend the summit Starmer convenes. [...] Tusk has
# confirmed he will be there."), and how many words may open its sentence before the
# guest (a role in apposition: "La présidente de la Commission, Ursula von der Leyen,").
_FURTHER_GUEST_WINDOW = 4
_FURTHER_GUEST_OPENS = 6
_HOST_CUES = ("hosted", "hosting")
# issue 14, leftovers: how many sentences after a host's event named without a guest a
# guest's answer may stand (a long article's later paragraph)
_WAITING_HOST_WINDOW = 8


def _further_guests(views: list[SentenceView], place_names: PlaceNames | None
                    ) -> list[Candidate]:
    """"Milei will not attend the summit Lacalle Pou hosts. [...] Lula has confirmed his
    attendance.": once a sentence has tied a guest to a named host's event, a later
    sentence close by that reports one other figure's attendance or answer (and nothing
    of its own) names a further guest of the same host."""
    events = [(view, finding.inviter, finding.cue, _FURTHER_GUEST_WINDOW) for view in views
              for finding in view.facts.invitations
              if finding.cue.category in _HOST_CUES and finding.inviter is not None
              and finding.invitee is not None]
    # issue 14, leftovers: a host's event named without any guest ("para la toma de
    # posesión de Orsi") may get its guests' answers paragraphs later, in a long article
    events += [(view, view.facts.waiting_host[0], view.facts.waiting_host[1],
                _WAITING_HOST_WINDOW) for view in views if view.facts.waiting_host is not None]
    events.sort(key=lambda e: e[0].index)
    made: list[Candidate] = []
    for view in views:
        event = next((e for e in reversed(events) if 0 < view.index - e[0].index <= e[3]), None)
        if event is None:
            continue
        source, host, cue, _ = event
        made.extend(_guest_in((host, cue), source, view, place_names, _FURTHER_GUEST_OPENS))
    return made


def _guest_in(hosting: tuple[Ref, CueHit], view: SentenceView, following: SentenceView,
              place_names: PlaceNames | None, opens: int) -> list[Candidate]:
    """The guests a sentence after a host's event names: the other known figures (with
    any spokesperson of theirs) opening it, one or several joined by 'and' or commas
    ("Sánchez and Tusk will attend", "X, Y e Z hanno confermato la loro presenza"), an
    answer or attendance word, no invitation or other matter of its own, and no place
    other than the event's. Any other figure in the sentence makes it no guest list."""
    facts = following.facts
    if facts.invitations or not facts.statuses or facts.other_matter or facts.substitute \
            or facts.receives_guests:
        return []
    host, cue = hosting
    group = [r for r in facts.opening_group or facts.refs[:1]
             if r.party.key != host.party.key and r.principal != host.party.key]
    # a figure after the clause of the answer names its source (", segundo o Itamaraty");
    # the guests may stand after the verb ("A la cita asistirán A, B y C, según ...")
    end = max(len(_guest_clause(following)), group[-1].end if group else 0)
    others = [r for r in facts.refs if r.party.key != host.party.key
              and r.principal != host.party.key and r.start < end]
    if not others or not group or group[0] is not facts.refs[0] or \
            {r.principal or r.party.key for r in others} != \
            {r.principal or r.party.key for r in group} or \
            not all(r.party.known for r in group):
        return []
    if len(following.text[:group[0].start].split()) > opens:
        return []
    if place_names is not None:
        # after the guests: "Polens Regierungschef Donald Tusk", "Spain's Pedro Sánchez and
        # Poland's Donald Tusk" name the guests' countries
        # a blanked figure: "Downing Street said" names the host's seat, not the place of
        # another occasion
        clause = blank_refs(_guest_clause(following), facts.refs)[group[-1].end:]
        here, there = place_names(clause), place_names(view.text[cue.start:])
        if here and not here & there:
            return []  # "Sánchez visited Paris": another occasion
    status = max((s for s, _ in facts.statuses), key=status_rank)
    if status is Status.PENDING:
        return []
    return [Candidate(
        inviter=host.party, invitee=guest.party, status=status, evidence=following.text,
        confidence=min(CONFIDENCE.hosted_event, host.confidence, guest.confidence),
        first_sentence=view.index, cue_end=cue.end, cue_start=cue.start,
        sentences=[view.index, following.index],
        countries={host.party.key: host.country, guest.party.key: guest.country},
        hosted=True,
    ) for guest in [g for g in group if g.principal is None] or group[:1]]


def _guest_clause(view: SentenceView) -> str:
    """The sentence up to the end of the clause of its last status word: a closing
    attribution (", according to Canberra", ", selon Berlin") names a source, not the
    place of another occasion."""
    end = max(hit.end for _, hit in view.facts.statuses)
    cut = min((i for i in (view.text.find(",", end), view.text.find(";", end)) if i >= 0),
              default=len(view.text))
    return view.text[:cut]


def _attach_partial(view: SentenceView, finding: InviteFinding, candidates: list[Candidate],
                    views: list[SentenceView]) -> bool:
    for candidate in candidates:
        if _later_paragraph(view, candidate, views):
            continue
        if (finding.inviter is not None and candidate.inviter.key == finding.inviter.party.key) or (
            finding.invitee is not None and candidate.invitee.key == finding.invitee.party.key
        ):
            candidate.offer_finding(finding, view.text, view.index)
            return True
    return False


def _later_paragraph(view: SentenceView, candidate: Candidate, views: list[SentenceView]
                     ) -> bool:
    """issue 14, longart round: "Costa and Kallas came to Kyiv. Both arrived at Zelensky's
    invitation. [...two paragraphs on] Zelensky also said he had invited Trump": a report
    naming one side in the body goes to an invitation reported before it or in its own
    paragraph, never to one a later paragraph first reports (another occasion of a long
    article). The headline announces the body's invitations and goes to any."""
    if view.paragraph == 0 or not 0 <= candidate.first_sentence < len(views):
        return False
    return views[candidate.first_sentence].paragraph > view.paragraph


def _outcome_before_made(view: SentenceView, candidate: Candidate,
                         views: list[SentenceView]) -> bool:
    """issue 14, longart round: "Biden hosted Albanese at a state dinner. [...a later
    paragraph] Albanese invited Biden to make the trip to Australia next year": an
    invitation a later paragraph reports being made (an active cue, not the pluperfect
    "had invited") was made after the occasion the body reported earlier, which is
    therefore not its outcome. The headline may announce the outcome of any."""
    if not _later_paragraph(view, candidate, views):
        return False
    first = views[candidate.first_sentence].facts
    if first.made_earlier:
        return False
    cues = [f.cue for f in first.invitations if f.inviter is not None
            and f.invitee is not None
            and (f.inviter.party.key, f.invitee.party.key) == candidate.keys]
    return bool(cues) and all(c.category in _MADE_CUES for c in cues)


def _complete_partials(leftovers: list[tuple[SentenceView, InviteFinding]],
                       views: list[SentenceView]) -> list[Candidate]:
    """An invitation sentence that names one side only ("Rogan had extended the
    invitation weeks earlier") takes the other side from the article: a complementary
    partial, the figures of status sentences that name this side, the headline, or the
    sentences around it."""
    made: list[Candidate] = []
    used: set[int] = set()
    # "TF1 invite Bardella et Attal à débattre", "ITV invites Badenoch to a debate with
    # Farage": a figure the same cue invites with this one (no inviter named), or a
    # debate opponent, is never the inviter it lacks (issue 14, pairs).
    opponents = {key for view in views for key in view.facts.opponents}
    for i, (view, finding) in enumerate(leftovers):
        no_inviter = opponents | {
            key for other_view, other_finding in leftovers
            if other_view.index == view.index and other_finding.cue == finding.cue
            for key in _invited_by_nobody(other_finding)}
        if i in used or view.facts.unknown_party:
            continue
        known = finding.inviter or finding.invitee
        if known is None or not known.party.known:
            continue  # a name found only from the text is too weak to pair from afar
        both = _both_before(view, finding, views)
        if both:
            made.extend(_candidate(known, guest, finding, view, CONFIDENCE.both_before)
                        for guest in both)
            continue
        other: Ref | None = None
        for j, (other_view, other_finding) in enumerate(leftovers):
            if j == i or j in used or not _one_stretch(view, other_view):
                continue
            if finding.inviter is not None and other_finding.invitee is not None and \
                    other_finding.invitee.party.key != known.party.key:
                other = other_finding.invitee
            elif finding.invitee is not None and other_finding.inviter is not None and \
                    other_finding.inviter.party.key != known.party.key:
                other = other_finding.inviter
            if other is not None:
                used.add(j)
                break
        if other is None and finding.inviter is None and view.facts.also_invited:
            other = _inviter_before(known, view, views)
        if other is None:
            other = _context_party(known, view, views, host_missing=(
                finding.cue.category == "transcript" and finding.inviter is None))
        if other is None or (finding.inviter is None and other.party.key in no_inviter):
            continue
        inviter, invitee = (known, other) if finding.inviter is not None else (other, known)
        made.append(Candidate(
            inviter=inviter.party, invitee=invitee.party, status=finding.status,
            evidence=view.text, confidence=min(finding.confidence, CONFIDENCE.context_party, other.confidence),
            first_sentence=view.index, cue_end=finding.cue.end, cue_start=finding.cue.start,
            sentences=[view.index],
            countries={inviter.party.key: inviter.country, invitee.party.key: invitee.country},
            recap=finding.recap,
        ))
    return made


def _both_before(view: SentenceView, finding: InviteFinding, views: list[SentenceView]
                 ) -> list[Ref]:
    """issue 14, longart round: "Costa and Kallas arrived in Kyiv. Both came at Zelensky's
    invitation", "Оба прибыли по приглашению ...", "両氏は…の招きで来日した": an invitation
    naming its inviter whose subject is a both-word is the invitation of the two figures the
    sentence before names (in its paragraph, two known figures and no one else)."""
    if finding.inviter is None or finding.invitee is not None or not view.facts.both_subject:
        return []
    before = views[view.index - 1] if 0 < view.index <= len(views) else None
    if before is None or before.index != view.index - 1 or before.paragraph != view.paragraph:
        return []
    guests = {r.party.key: r for r in before.facts.refs
              if r.principal is None and r.party.key != finding.inviter.party.key}
    if len(guests) != 2 or not all(r.party.known for r in guests.values()):
        return []
    return list(guests.values())


def _candidate(inviter: Ref, invitee: Ref, finding: InviteFinding, view: SentenceView,
               confidence: float) -> Candidate:
    """The invitation of a finding whose missing invitee the article gives (its confidence
    lowered for the missing side is replaced by `confidence`)."""
    return Candidate(
        inviter=inviter.party, invitee=invitee.party, status=finding.status,
        evidence=view.text, confidence=min(confidence, inviter.confidence, invitee.confidence),
        first_sentence=view.index, cue_end=finding.cue.end, cue_start=finding.cue.start,
        sentences=[view.index],
        countries={inviter.party.key: inviter.country, invitee.party.key: invitee.country},
        recap=finding.recap,
    )


def _one_stretch(view: SentenceView, other: SentenceView) -> bool:
    """issue 14, longart round: two half-told invitations ("Both came at Zelensky's
    invitation" / "[two paragraphs on] the president said he had invited Trump") make one
    only within a paragraph, or with the headline: a long article's paragraphs report
    different occasions."""
    return view.paragraph == other.paragraph or 0 in (view.paragraph, other.paragraph)


def _invited_by_nobody(finding: InviteFinding) -> list[str]:
    return [finding.invitee.party.key] if finding.inviter is None and \
        finding.invitee is not None else []


def _inviter_before(known: Ref, view: SentenceView, views: list[SentenceView]) -> Ref | None:
    """"Erdogan invited Zelensky to Istanbul. Putin was also invited but refused": the
    inviter of the sentence right before, if it invited someone else."""
    before = next((v for v in views if v.index == view.index - 1), None)
    if before is None:
        return None
    inviters = {f.inviter.party.key: f.inviter for f in before.facts.invitations
                if f.inviter is not None and f.invitee is not None
                and f.invitee.party.key != known.party.key}
    return next(iter(inviters.values())) if len(inviters) == 1 else None


def _context_party(known: Ref, view: SentenceView, views: list[SentenceView],
                   host_missing: bool = False) -> Ref | None:
    """The other side of a one-sided invitation: for a speaker's thanks naming no host
    (`host_missing`), the one other known figure of the sentence right after it or right
    before it; else a status sentence naming this side, else the headline. Other partials
    ("I invited him to report", a chairman's procedure) do not look at the neighbours:
    whoever they name is mostly not the one invited."""
    def others(candidate_view: SentenceView) -> list[Ref]:
        return [r for r in candidate_view.facts.refs
                if r.party.key != known.party.key and r.principal != known.party.key]

    neighbour = _neighbour_party(view, views, others) if host_missing else None
    if neighbour is not None:
        return neighbour
    # The headline naming this side and one other known figure ("The first phone
    # conversation between the President of Ukraine and the Prime Minister of Hungary")
    # comes first: a later answer may name a stand-in ("la délégation serait conduite par
    # Medinski, et Poutine ne ferait pas le voyage"; issue 14, status2 round).
    if views and views[0] is not view and any(r.party.key == known.party.key
                                              for r in views[0].facts.refs):
        headline = {r.party.key: r for r in others(views[0]) if r.party.known}
        if len(headline) > 1:
            headline = _headline_host(headline, views)
        if len(headline) == 1:
            return next(iter(headline.values()))
    # Only sentences that report an answer or the meeting itself, and name this side.
    # A refusal that does not speak of the invitation names who stays away and who goes
    # instead ("la délégation serait conduite par Medinski, et Poutine ne ferait pas le
    # voyage"), not who invited (issue 14, status2 round).
    # issue 14, longart round: in the paragraph or the next one (or the one before): a long
    # article's far paragraph answers another occasion ("Orbán said he would invite
    # Zelensky if he agreed to a ceasefire" is no side of "Both came at Zelensky's invitation").
    status_views = [v for v in views if v.facts.statuses and v is not view
                    and abs(v.paragraph - view.paragraph) <= _STATUS_PARAGRAPHS
                    and any(r.party.key == known.party.key for r in v.facts.refs)
                    and (v.facts.has_invite_noun
                         or any(s is not Status.DECLINED for s, _ in v.facts.statuses))]
    for candidate_view in status_views:
        found = others(candidate_view)
        known_figures = [r for r in found if r.party.known]
        if known_figures or found:
            return (known_figures or found)[0]
    return None


# How many paragraphs away a status sentence may give a one-sided invitation its other side.
_STATUS_PARAGRAPHS = 1


def _headline_host(headline: dict[str, Ref], views: list[SentenceView]) -> dict[str, Ref]:
    """issue 14, long round: "Boric y Lula viajan a Montevideo para la asunción de Orsi;
    Milei no asistirá" (a headline naming the host among the guests): the figures that
    open a sentence of the body reporting their own answer or attendance ("Lula confirmó
    su asistencia", "Milei no asistirá") are guests; the one headline figure left is the
    host a one-sided "aceptó la invitación del mandatario electo" means."""
    answering = {v.facts.refs[0].party.key for v in views[1:]
                 if v.facts.statuses and v.facts.refs and not v.facts.invitations
                 and v.facts.refs[0].end <= min(hit.start for _, hit in v.facts.statuses)}
    return {key: ref for key, ref in headline.items() if key not in answering}


def _neighbour_party(view: SentenceView, views: list[SentenceView],
                     others: Callable[[SentenceView], list[Ref]]) -> Ref | None:
    """"Thank you for the invitation. Mr. Chancellor, thank you.": the host of a thanks
    naming nobody is named in the sentence right after it (an address, a vocative), else
    right before it, in the same paragraph; only when that sentence names one other known
    figure, and no invitation of its own (whose parties are another matter)."""
    for index in (view.index + 1, view.index - 1):
        if not 0 < index < len(views) or views[index].paragraph != view.paragraph:
            continue
        neighbour = views[index]
        if neighbour.index != index or neighbour.facts.invitations:
            continue
        found = {r.party.key: r for r in others(neighbour) if r.party.known}
        if any(neighbour.text[r.end :].lstrip().startswith(":") for r in found.values()):
            continue  # "Xi Jinping: Next question.": another speaker's turn, not an address
        if len(found) == 1:
            return next(iter(found.values()))
    return None


def _party_keys(refs: list[Ref], candidates: list[Candidate]) -> set[str]:
    keys = {r.party.key for r in refs}
    for ref in refs:
        if ref.principal:
            keys.add(ref.principal)
        elif ref.spokesperson and ref.country:
            for candidate in candidates:
                for party_key, country in candidate.countries.items():
                    if country == ref.country:
                        keys.add(party_key)
    return keys


def _elsewhere(view: SentenceView, candidate: Candidate, views: list[SentenceView],
               place_names: PlaceNames | None, home_countries: PlaceNames | None = None
               ) -> bool:
    """The sentence and the invitation name places and none in common: "the summit in
    Anchorage took place" is not the invitation to Moscow. A country and its capital are
    one place ("asked Erdoğan to come to Ukraine ... arrived in Kyiv"; issue 14, ask
    round), through `home_countries`."""
    if place_names is None or not 0 <= candidate.first_sentence < len(views):
        return False
    here = place_names(view.text)
    # From the cue on: what precedes it is where someone spoke or a headline's dateline.
    invited = views[candidate.first_sentence].text[candidate.cue_start or 0:]
    there = place_names(invited)
    # A headline naming no place ("Zelensky invites Trump"): the invitation's later
    # sentences name it ("... to visit Ukraine"; issue 14, outcome round).
    for index in candidate.sentences:
        if not there and index != candidate.first_sentence and 0 <= index < len(views) \
                and views[index].facts.invitations:
            invited = views[index].text
            there = place_names(invited)
    return bool(here) and bool(there) and not _one_place(here, there, view.text, invited,
                                                         home_countries)


def _one_place(here: set[str], there: set[str], here_text: str, there_text: str,
               home_countries: PlaceNames | None) -> bool:
    """Two texts' places meet: a place in common, or a country and its capital ("come to
    Ukraine" ... "arrived in Kyiv"; issue 14, ask round)."""
    if here & there:
        return True
    return home_countries is not None and bool(home_countries(here_text)
                                               & home_countries(there_text))


def _meeting_before(view: SentenceView, candidate: Candidate,
                    views: list[SentenceView]) -> bool:
    """"Macron received Lula on Monday. He invited him to Nice": the meeting of the
    sentence whose figures the invitation's pronouns stand for is where the invitation was
    made, not its outcome ("Lula arrived. He had invited him" is: the pluperfect)."""
    if candidate.first_sentence != view.index + 1 or candidate.first_sentence >= len(views):
        return False
    facts = views[candidate.first_sentence].facts
    return facts.borrowed_parties and not facts.pluperfect


# Invitation cues that report the invitation being made ("X invited Y"); a noun ("at the
# invitation of", "followed an invitation", "accepted the invitation"), a passive or a
# hosted event may report the visit itself, which a meeting before them can be.
_MADE_CUES = frozenset({"active", "challenge"})


def _made_at_meeting(view: SentenceView, candidate: Candidate, views: list[SentenceView],
                     place_names: PlaceNames | None, home_countries: PlaceNames | None = None
                     ) -> bool:
    """"Kishida met Zelensky in Kyiv. Kishida invited him to the G7 summit", "Путин
    встретился с Си. Путин пригласил Си посетить Москву": a meeting reported before the
    invitation is where it was made, not the invited occasion. Unless the invitation is
    told in the pluperfect ("Lula met Biden. Biden had invited him in May") or as the
    reason of the visit ("at the invitation of", "was invited by")."""
    # the sentence right before: further back a meeting is the article's event, which a
    # later sentence explains ("... Biden invited them to Camp David, a first")
    if candidate.first_sentence != view.index + 1 or candidate.first_sentence >= len(views):
        return False
    facts = views[candidate.first_sentence].facts
    if facts.pluperfect:
        return False
    # a side may be missing there and completed from the article (_complete_partials)
    cues = [f.cue for f in facts.invitations
            if any(r is not None and r.party.key in candidate.keys
                   for r in (f.inviter, f.invitee))]
    if not cues or any(c.category not in _MADE_CUES for c in cues):
        return False
    # "The summit was held at Camp David. Biden invited them to Camp David": the meeting
    # is at the invited place, so it is the invitation's outcome.
    if place_names is not None:
        here = place_names(view.text)
        invited = views[candidate.first_sentence].text[candidate.cue_start or 0:]
        if _one_place(here, place_names(invited), view.text, invited, home_countries):
            return False
    return True


def _delivery_meeting(view: SentenceView, candidate: Candidate, views: list[SentenceView]
                      ) -> bool:
    """issue 14, stop 32, cue32 round: "Tajani handed Li Qiang a letter in which Meloni
    invites him to Rome. The meeting took place in the Great Hall of the People": right
    after an invitation a messenger delivered in person, a meeting naming neither party
    is the messenger's, where the invitation was handed over, not the invited occasion.
    So is one in the sentence of the delivery itself ("List przekazał w Waszyngtonie
    Cenckiewicz, który spotkał się z doradcami prezydenta"; stop 34, scope34 round), even
    naming the invitee it met, unless the inviter carried it himself."""
    named = _party_keys(view.facts.refs, [candidate]) & set(candidate.keys)
    if view.facts.carried and candidate.inviter.key not in named:
        return True
    if named:
        return False
    before = view.index - 1
    return before in candidate.sentences and \
        any(v.index == before and v.facts.delivered for v in views)


def _owner(view: SentenceView, cue: CueHit) -> Ref | None:
    """The figure a relative clause holding the status word hangs on ("Putin spoke with
    Biden, who accepted": Biden), or the invitee of the sentence's own invitation ("Putin
    was also invited but refused": Putin)."""
    relative = next((ref for hit, ref in view.facts.relative_subjects if hit is cue), None)
    if relative is not None:
        return relative
    own = [f.invitee for f in view.facts.invitations
           if f.inviter is None and f.invitee is not None and f.cue.category == "passive"]
    return own[0] if len(own) == 1 else None


def _someone_else(owner: Ref | None, keys: tuple[str, str]) -> bool:
    """The status's subject is a figure who is neither party (nor speaks for one): the
    answer or the meeting is theirs."""
    if owner is None or (owner.spokesperson and owner.principal is None):
        return False
    if owner.principal is not None:
        return owner.principal not in keys  # "Peskov" stands for Putin
    return owner.party.key not in keys


def _earlier(view: SentenceView, candidate: Candidate, views: list[SentenceView],
             year: int | None) -> bool:
    """An outcome dated before its invitation is another occasion's: "Modi invited Putin
    to New Delhi. Putin last visited India in 2021" (a 2024 article), "In 2024 Lula
    cancelled his trip to Kazan" (a 2025 one). The invitation's
    year is the one its sentence names, else the article's."""
    here = years_in(view.text)
    if not here or not 0 <= candidate.first_sentence < len(views):
        return False
    invited = years_in(views[candidate.first_sentence].text) or ([year] if year else [])
    return bool(invited) and max(here) < min(invited)


# Answers an invitee gives: "accepted", "declined", "thanked" are said by the one invited.
_ANSWERS = frozenset({Status.ACCEPTED, Status.DECLINED, Status.RESPONDED})


def _answerer(view: SentenceView, cue: CueHit, status: Status) -> str | None:
    """Who gives an answer: the figure a relative clause holding it hangs on, else the
    last figure named before the answer word ("Helsinki confirmed that Stubb would gladly
    follow the invitation")."""
    if status not in _ANSWERS:
        return None
    owner = _owner(view, cue)
    subject = owner or figure_before(view.facts.refs, cue.start)
    if subject is None:
        return None
    return subject.principal or subject.party.key


_ANSWERER_GAP = 3  # words between a figure and its own answer ("Milei no asistirá")
# words before a possessor ("der Zeitplan des Kanzlers", "the schedule of the president")
_POSSESSOR_MARKS = frozenset({"des", "of", "de", "del", "della", "dello", "di", "do", "da", "du",
                              "von", "d'"})


def _adjacent_answerer(view: SentenceView, cue: CueHit, status: Status
                       ) -> tuple[str, list[Ref]] | None:
    """issue 14, long round: "Boric y Lula viajan a Montevideo para la asunción de Orsi;
    Milei no asistirá": in a headline joining items of news, an answer right after a known
    figure (a few words, no comma) is that figure's own; an invitation of which they are
    no party, and which the answer's clause does not name, does not take it. Only the
    headline: in the body a minister answers for their leader ("Sergei Lavrov rejected
    the proposal" answers Putin's invitation), as in "Лавров отверг идею переговоров в
    Ватикане", which names the Vatican's invitation. Returns the answerer and the figures
    of the answer's clause."""
    if status not in _ANSWERS or view.index != 0 or view.paragraph != 0:
        return None
    subject = figure_before(view.facts.refs, cue.start)
    if subject is None or not subject.party.known or subject.spokesperson:
        return None
    gap = view.text[subject.end : cue.start]
    if any(mark in gap for mark in ",;:«»\"") or len(gap.split()) > _ANSWERER_GAP:
        return None
    # the subject opens its clause: "der Zeitplan des Kanzlers lasse ... nicht zu" is
    # the schedule's, a possessor's answer to nobody
    opening = max(view.text.rfind(mark, 0, subject.start) for mark in ",;:")
    before = view.text[opening + 1 : subject.start].casefold().split()
    if len(before) > _ANSWERER_GAP or (before and before[-1] in _POSSESSOR_MARKS):
        return None
    closing = min((i for i in (view.text.find(mark, cue.end) for mark in ",;:") if i >= 0),
                  default=len(view.text))
    clause = [r for r in view.facts.refs if opening < r.start and r.end <= closing]
    return subject.principal or subject.party.key, clause


def _headline_object(view: SentenceView, cue: CueHit, status: Status) -> set[str]:
    """issue 14, stop 34, answer34 round: "Mamdani says yes to Fridman, will skip Hochul's
    Albany breakfast": a headline joining two answers of one figure; the answer whose
    clause opens right after a comma or semicolon (its subject left out, shared with the
    first clause) and names a known figure after its word is about that figure's occasion.
    Returns those figures (empty when the answer is not such a clause): only their
    invitation takes it, not the one the first clause answers."""
    if status not in _ANSWERS or view.index != 0 or view.paragraph != 0:
        return set()
    opening = max(view.text.rfind(mark, 0, cue.start) for mark in ",;")
    if opening < 0 or view.text[opening + 1 : cue.start].strip():
        return set()
    closing = min((i for i in (view.text.find(mark, cue.end) for mark in ",;:") if i >= 0),
                  default=len(view.text))
    return {r.principal or r.party.key for r in view.facts.refs
            if cue.end <= r.start and r.end <= closing and r.party.known}


# A trip or attendance the inviter plans; "Trump replied that ..." is his turn in the
# exchange about the invitation and stays a response, and a refusal said of the inviter
# ("Tusk is not a partner for talks") is the invitee's side answering.
_PLANS = frozenset({Status.ACCEPTED})
_OBJECT_GAP = 2  # words between a meeting verb and its object ("empfängt am Mittag Stubb")
_CLAUSE_BREAKS = (" – ", " — ", " - ", ";")


def _met_someone_else(view: SentenceView, cue: CueHit, candidate: Candidate) -> bool:
    """issue 14, stop 30, fixw round: "Merz empfängt Stubb – und setzt auf ein Treffen mit
    Trump in Deutschland": a meeting or reception whose object, right after the verb, is a
    third known figure is that figure's; the invitee named after a dash or semicolon, in a
    clause of its own, has not been met."""
    refs = view.facts.refs
    met = next((r for r in refs if r.start >= cue.end), None)
    if met is None or not met.party.known or met.party.key in candidate.keys or \
            len(view.text[cue.end : met.start].split()) > _OBJECT_GAP:
        return False
    invitee = next((r for r in refs if r.start >= met.end
                    and r.party.key == candidate.invitee.key), None)
    if invitee is None or any(r.party.key == candidate.invitee.key and r.end <= cue.start
                              for r in refs):
        return False
    gap = view.text[met.end : invitee.start]
    return any(mark in gap for mark in _CLAUSE_BREAKS)


# A whole quotation, closed ("„...“", "«...»", "「...」"), and the marks that open one.
_CLOSED_QUOTE = re.compile(r'«[^»]*»|„[^“”]*[“”]|“[^”]*”|「[^」]*」|『[^』]*』|"[^"]*"')
_OPENING_QUOTES = re.compile('[«„“「『"]')


def _quoted_only(view: SentenceView, cue: CueHit, key: str) -> bool:
    """issue 14, stop 34, scope34 round: "井上選手は公開練習後の記者会見で「首相にぜひ
    リングサイドで見ていただきたい", "Après la séance tenue au club, il a lancé : « Monsieur
    le Président, venez »": a figure named only in a quotation opened after the
    took-place word is spoken to or of, not the guest of that occasion."""
    refs = [r for r in view.facts.refs if key in (r.party.key, r.principal)]
    return bool(refs) and all(r.start >= cue.end and _opened(view.text[cue.end : r.start])
                              for r in refs)


def _opened(between: str) -> bool:
    """Whether a quotation opens in `between` and stays open to its end."""
    return bool(_OPENING_QUOTES.search(_CLOSED_QUOTE.sub("", between)))


def _at_invitees_invitation(view: SentenceView, candidate: Candidate) -> bool:
    """issue 14, stop 34, scope34 round: "应国家主席习近平邀请，梁强对中国进行国事访问",
    "Nawrocki był w Białym Domu na zaproszenie Trumpa": an occasion its sentence says took
    place at the invitee's invitation is the outcome of that invitation, never of one the
    other way (the guest's counter-invitation reported later)."""
    return any(f.inviter is not None and f.inviter.party.key == candidate.invitee.key
               for f in view.facts.invitations)


def _at_invitees_seat(view: SentenceView, candidate: Candidate) -> bool:
    """issue 14, stop 34, scope34 round: "李在明大統領は首相官邸で高市首相と会談した",
    "Seguro recebeu no Palácio de Belém a seleção": a meeting at the invitee's own seat
    (a residence naming the invitee, not the sentence's opening speaker: "Biały Dom
    potwierdził") is the invitee hosting, never the invitee's visit to the inviter."""
    return any(r.residence and r.party.key == candidate.invitee.key
               for r in view.facts.refs[1:])


def _inviters_own_plan(view: SentenceView, cue: CueHit, status: Status,
                       candidate: Candidate) -> bool:
    """issue 14, stop 30, fixw round: "Orsi invited Felipe VI to Montevideo. [...] Orsi
    will travel to Madrid in November for a forum": a yes word said of the inviter
    himself, in a later sentence that holds no invitation and does not name the invitee,
    is the inviter's own plan, another occasion: an invitation is answered by its
    invitee. A spokesperson speaks for someone ("Peskov said ...") and keeps the answer."""
    if status not in _PLANS or view.facts.invitations or view.facts.has_invite_noun:
        return False
    subject = _owner(view, cue) or figure_before(view.facts.refs, cue.start)
    if subject is None or subject.spokesperson or subject.principal is not None:
        return False
    gap = view.text[subject.end : cue.start].split()
    if gap and len(gap[0]) > 1 and gap[0].endswith(","):
        # "X сообщил, что министр подтвердил участие": X only reports it (a comma on its
        # own opens a relative clause about X: "Orsi, que asumió el cargo, viajará")
        return False
    named = {ref.party.key for ref in view.facts.refs}
    return subject.party.key == candidate.inviter.key and candidate.invitee.key not in named


def _not_its_answer(candidate: Candidate, answerer: str | None, index: int) -> tuple[bool, bool]:
    """issue 14, long round: a long article reports an invitation, its answer and a
    counter-invitation or a second invitee close by ("Steinmeier invited Stubb. [...]
    Helsinki confirmed that Stubb would follow the invitation. Stubb in turn invited
    Steinmeier to Turku"): an answer goes to the invitation its answerer received, and to
    one reported before it, ahead of the nearest one. (False, False) sorts first."""
    its_own = answerer is None or candidate.invitee.key == answerer
    return (not its_own, candidate.first_sentence > index)


def _from_invitees_country(view: SentenceView, candidates: list[Candidate],
                            home_countries: PlaceNames | None) -> list[Candidate]:
    """issue 14, long round: "Meloni invited Milei and Modi to Rome. [...] From New Delhi,
    the foreign ministry said the invitation was under review": an answer naming no party
    but a country or capital goes to the one invitee from that country."""
    if home_countries is None or len({c.invitee.key for c in candidates}) < 2:
        return candidates
    codes = home_countries(view.text)
    matching = [c for c in candidates if c.countries.get(c.invitee.key) in codes]
    return matching if len({c.invitee.key for c in matching}) == 1 else candidates


def _attach_status(view: SentenceView, candidates: list[Candidate], views: list[SentenceView],
                   place_names: PlaceNames | None = None, year: int | None = None,
                   home_countries: PlaceNames | None = None) -> None:
    statuses = view.facts.statuses
    if view.facts.call_statuses:
        # "Trump and Putin spoke by phone": a call takes place only for an invitation to a
        # call; for a visit it is talk about it, and the sentence's other answers stand.
        calls = [c for c in candidates if 0 <= c.first_sentence < len(views)
                 and views[c.first_sentence].facts.call_invitation]
        if view.facts.talk_only and place_names is not None and place_names(view.text):
            # "se sont entretenus en marge du sommet du G20 à Rio": talks held somewhere
            statuses = [*statuses, *view.facts.call_statuses]
        elif calls:
            statuses, candidates = [*statuses, *view.facts.call_statuses], calls
        elif not statuses:
            return
    if view.facts.other_matter:
        statuses = [(s, c) for s, c in statuses if s is not Status.ACCEPTED]
        if not statuses:
            return  # "We agreed to develop cooperation ...": another matter
    best_status, cue = max(statuses, key=lambda sc: status_rank(sc[0]))
    # "Em 2024, Lula cancelou a viagem a Kazan" in a 2025 article about a new invitation:
    # any answer dated before the invitation is another occasion's, not only a meeting
    # (issue 14, status2 round).
    candidates = [c for c in candidates if not _earlier(view, c, views, year)]
    if best_status is Status.TOOK_PLACE:
        candidates = [c for c in candidates
                      if not _outcome_before_made(view, c, views)
                      and not _elsewhere(view, c, views, place_names, home_countries)
                      and not _meeting_before(view, c, views)
                      and not _made_at_meeting(view, c, views, place_names, home_countries)
                      and not _delivery_meeting(view, c, views)
                      and not _met_someone_else(view, cue, c)
                      and not _at_invitees_seat(view, c)
                      and not _at_invitees_invitation(view, c)]
    owner = _owner(view, cue)
    candidates = [c for c in candidates if not _someone_else(owner, c.keys)
                  and not _inviters_own_plan(view, cue, best_status, c)]
    speaker = _adjacent_answerer(view, cue, best_status)
    if speaker is not None:
        candidates = [c for c in candidates if speaker[0] in c.keys
                      or any(r.party.key in c.keys for r in speaker[1])]
    objects = _headline_object(view, cue, best_status)
    if objects:
        candidates = [c for c in candidates if objects & set(c.keys)]
    if not candidates:
        return
    keys = _party_keys(view.facts.refs, candidates)
    scored = [(len(keys & set(c.keys)), c) for c in candidates]
    # "It took place" needs both sides named: a figure's unrelated trip is no meeting.
    def needed(candidate: Candidate) -> int:
        if best_status is not Status.TOOK_PLACE:
            return 1
        # One side is enough right next to the invitation if it is the guest who came
        # ("Selenskyj ist in Berlin eingetroffen. Er folgte einer Einladung von Scholz").
        near = min(abs(s - view.index) for s in candidate.sentences)
        # ... and no third figure is named: "Mitsotakis met Biden. He will address
        # Congress at Pelosi's invitation" is a meeting with Biden.
        alone = not keys - set(candidate.keys)
        return 1 if near <= 1 and candidate.invitee.key in keys and alone and \
            not _quoted_only(view, cue, candidate.invitee.key) else 2

    scored = [(n, c) for n, c in scored if n >= needed(c)]
    if scored:
        top = max(n for n, _ in scored)
        pool = [c for n, c in scored if n == top]
        answerer = _answerer(view, cue, best_status)
        target = min(pool, key=lambda c: (_not_its_answer(c, answerer, view.index),
                                          abs(c.first_sentence - view.index)))
        target.offer(best_status, view.text, view.index, target.confidence)
        return
    # No party named: an anaphoric reply ("He called it an interesting proposal") right
    # after an invitation, or one that speaks of "the invitation".
    if keys and best_status is Status.TOOK_PLACE:
        return  # names other people: their meeting, not this invitation's
    named = _at_named_place(view, cue, best_status, candidates, views, place_names)
    if named is not None:
        named.offer(best_status, view.text, view.index,
                    named.confidence - CONFIDENCE.later_status_penalty)
        return
    side = _invitees_side(view, cue, best_status, candidates, views, home_countries) or \
        _spoken_for(view, cue, best_status, candidates, views, place_names, home_countries)
    if side is not None:
        side.offer(best_status, view.text, view.index,
                   side.confidence - CONFIDENCE.later_status_penalty)
        return
    # "Erdogan invited Zelensky. Putin refused": a known figure of no invitation answers
    # for himself (one who speaks of "the invitation" answers the article's: below)
    subject = figure_before(view.facts.refs, cue.start)
    if subject is not None and subject.party.known and not view.facts.has_invite_noun \
            and all(_someone_else(subject, c.keys) for c in candidates):
        return
    preceding = [c for c in candidates if c.first_sentence <= view.index]
    if not preceding:
        return
    preceding = _from_invitees_country(view, preceding, home_countries)
    target = max(preceding, key=lambda c: max(s for s in c.sentences if s <= view.index))
    last_seen = max(s for s in target.sentences if s <= view.index)
    if view.facts.both_subject and not keys and view.index - last_seen <= 1:
        # "Boric invited Lula and Sánchez ... Both confirmed": every invitee of that sentence;
        # "Both invitations were accepted": every invitation of that sentence.
        for candidate in preceding:
            if last_seen in candidate.sentences and (
                    candidate.inviter.key == target.inviter.key or view.facts.has_invite_noun):
                candidate.offer(best_status, view.text, view.index, candidate.confidence - CONFIDENCE.later_status_penalty)
        return
    if view.facts.has_invite_noun or view.index - last_seen <= 1 or \
            _only_its_parties_between(views, target, last_seen, view.index):
        target.offer(best_status, view.text, view.index, target.confidence - CONFIDENCE.later_status_penalty)


def _at_named_place(view: SentenceView, cue: CueHit, status: Status,
                    candidates: list[Candidate],
                    views: list[SentenceView], place_names: PlaceNames | None
                    ) -> Candidate | None:
    """issue 14, stop 35, answer35 round: "Starmer invited Erdoğan to London. [...] Özel
    had invited Starmer to the party's headquarters in Ankara; no answer came. Duran said
    the London invitation was welcomed": an answer naming no party but speaking of the
    invitation and naming the place of one ("Londra davetinin", "l'invitation à Belém")
    goes to the invitation whose own sentence names that place, not to a neighbouring one
    reported in between (nor is that place where its speaker stands: `_invitees_side`).
    Only an invitation made before the answer, and only when exactly one pair's invitation
    names it (a place all share says nothing). Only a place named before the answer's
    words: one after them is where a trip goes ("не зможе скористатися запрошенням ... має
    повернутися до Варшави": the refusal is not about an invitation to Warsaw)."""
    if status not in _ANSWERS or place_names is None or not view.facts.has_invite_noun:
        return None
    here = place_names(view.text[: cue.start])
    made = [c for c in candidates if 0 <= c.first_sentence <= view.index]
    if not here or len(made) < 2:
        return None
    matching = [c for c in made if here & place_names(views[c.first_sentence].text)]
    return matching[0] if len(matching) == 1 else None


_ITS_OWN_GAP = 2  # sentences from the invitation to an answer naming nobody
_SIDE_GAP = 3  # sentences from the invitation to its invitee's side answering


def _invitees_side(view: SentenceView, cue: CueHit, status: Status,
                   candidates: list[Candidate], views: list[SentenceView],
                   home_countries: PlaceNames | None) -> Candidate | None:
    """issue 14, stop 33, status33 round: an answer naming no party, a few sentences after
    the invitation, said by the invitee's side: a spokesperson of the invitee's country
    ("外交部发言人 ... 将认真研究" for Xi's invitation) or a speaker placed in it ("Пресс-
    секретарь президента Узбекистана ... «будет внимательно изучено»", "Em Bogotá, a Casa
    de Nariño ... vai analisá-la"). An answer is the invitee's, so the speaker's country
    ties it to the invitation received there; a third figure named in between, or a
    sentence holding an invitation of its own, keeps it apart."""
    if status not in _ANSWERS or any(f.inviter is not None and f.invitee is not None
                                     for f in view.facts.invitations):
        return None  # "the kind invitation" names no pair; a full one is its own
    subject = figure_before(view.facts.refs, cue.start)
    known = subject is not None and subject.party.known
    if known and not (subject is not None and subject.spokesperson):
        return None  # a known figure who is no spokesperson answers for themself
    # only a country named before the answer's words places its speaker: one after them is
    # where a trip goes ("El ministro ... viajará a Brasil": no Brazilian side answering)
    codes = set() if known or home_countries is None else home_countries(view.text[:cue.start])

    def speaks_for(candidate: Candidate) -> bool:
        country = candidate.countries.get(candidate.invitee.key)
        if country is None or candidate.first_sentence > view.index:
            return False
        return subject.country == country if known and subject is not None else country in codes

    side = [c for c in candidates if speaks_for(c)]
    if not side:
        return None
    target = max(side, key=lambda c: max(s for s in c.sentences if s <= view.index))
    last_seen = max(s for s in target.sentences if s <= view.index)
    if view.index - last_seen > _SIDE_GAP:
        return None
    return None if _third_between(views, target, last_seen, view.index) else target


def _third_between(views: list[SentenceView], target: Candidate, last_seen: int,
                   index: int) -> bool:
    """A known figure of neither party named between the invitation and its answer."""
    return any(r.party.known and (r.principal or r.party.key) not in target.keys
               for v in views if last_seen < v.index < index for r in v.facts.refs)


def _spoken_for(view: SentenceView, cue: CueHit, status: Status, candidates: list[Candidate],
                views: list[SentenceView], place_names: PlaceNames | None,
                home_countries: PlaceNames | None) -> Candidate | None:
    """issue 14, stop 36, voice36 round: an answer naming no figure, given by someone who
    speaks for a party (a spokesperson, an office, a palace, a ministry: `extract.
    _side_speaker`) a few sentences after an invitation, is that invitation's answer,
    whoever the role noun in it stands for ("Het Koninklijk Paleis bevestigde dat de vorst
    graag aanwezig zal zijn", "AK Parti Sözcüsü ... yanıt verdi"), with sentences naming
    nobody in between ("Dat meldde de Rijksvoorlichtingsdienst"). Not when the sentence
    names a known figure (their answer, or another party's), a third figure is named in
    between, or the answer names a place the invitation does not (another event:
    "Moncloa said the prime minister will attend the summit in Vilnius")."""
    at = view.facts.side_speaker
    if status not in _ANSWERS or at < 0 or view.facts.invitations or \
            any(r.party.known for r in view.facts.refs):
        return None
    made = [c for c in candidates if c.first_sentence <= view.index]
    if not made:
        return None
    target = max(made, key=lambda c: max(s for s in c.sentences if s <= view.index))
    last_seen = max(s for s in target.sentences if s <= view.index)
    if view.index - last_seen > _SIDE_GAP or _third_between(views, target, last_seen,
                                                             view.index):
        return None
    if _another_place(view, cue, at, target, views, place_names, home_countries):
        return None
    # "Pakistan Büyükelçiliği ... katılamayacağını bildirdi": a speaker placed in the
    # inviter's country, not the invitee's, speaks for the inviter (a place after the
    # speaker word is where the trip goes: "Sözcü, ... Ankara'ya gelemeyeceğini söyledi")
    codes = home_countries(view.text[:at]) if home_countries is not None else set()
    invitee_country = target.countries.get(target.invitee.key)
    if codes and invitee_country is not None and invitee_country not in codes:
        return None
    return target


_TRIP_WORDS = 6  # words after a yes or no that may name where its trip goes
_TRIP_CHARS = 12  # ... characters in a text written without spaces


def _another_place(view: SentenceView, cue: CueHit, at: int, candidate: Candidate,
                   views: list[SentenceView], place_names: PlaceNames | None,
                   home_countries: PlaceNames | None) -> bool:
    """issue 14, stop 36, voice36 round: a yes or no naming, in its own clause right after
    the answer word, a place the invitation's sentences do not name is about another trip
    ("... will attend the NATO summit in Vilnius" after an invitation to London). A
    sentence speaking of the invitation itself is its answer wherever it names. Read only
    for an answer `_spoken_for` gives (a city of the invited country is not its capital:
    "Belém" is no "Brasilien" to the place finder, so a named party keeps its answer)."""
    if place_names is None or view.facts.has_invite_noun:
        return False
    ends = [i for i in (view.text.find(mark, cue.end) for mark in ",;，；") if i >= 0]
    rest = view.text[cue.end : min(ends, default=len(view.text))]
    # from the speaker word or the clause's opening (a verb-final clause names the trip's
    # place before its verb: "ワシントンでの首脳会議に出席する", "Ankara'ya gelemeyeceğini")
    opening = max([at, *(view.text.rfind(mark, 0, cue.start) + 1 for mark in ",;、，")])
    clause = view.text[opening : cue.end] + " " + (
        " ".join(rest.split()[:_TRIP_WORDS]) if " " in rest else rest[:_TRIP_CHARS])
    here = place_names(clause)
    if not here:
        return False
    # from the cue on, as `_elsewhere` reads it ("Belém convida ...": the seat before the
    # cue is who invites, not where)
    invited = " ".join(views[s].text[candidate.cue_start or 0 :]
                       if s == candidate.first_sentence else views[s].text
                       for s in candidate.sentences
                       if 0 <= s < len(views) and views[s].facts.invitations)
    there = place_names(invited)
    if not there and 0 <= candidate.first_sentence < len(views):
        # a verb-final invitation names its place before the cue ("東京に招待した")
        invited = views[candidate.first_sentence].text
        there = place_names(invited)
    return bool(there) and not _one_place(here, there, clause, invited, home_countries)


def _only_its_parties_between(views: list[SentenceView], target: Candidate, last_seen: int,
                              index: int) -> bool:
    """issue 14, stop 32, cue32 round: "Özel challenged Erdoğan. Özel said: 'let him come'.
    The party spokesman rejected the call": a sentence in between that names only the
    invitation's own parties (the inviter repeating it) keeps the answer naming nobody
    next to its invitation; a third figure named in between takes it away."""
    if index - last_seen > _ITS_OWN_GAP:
        return False
    between = [v for v in views if last_seen < v.index < index]
    return bool(between) and all(
        v.facts.refs and all(r.party.key in target.keys for r in v.facts.refs) for v in between)


def to_mention(candidate: Candidate, lang: str) -> Mention:
    occasion = candidate.occasion or Occasion(kind=OccasionKind.OTHER)
    return Mention(
        inviter=candidate.inviter,
        invitee=candidate.invitee,
        occasion=occasion,
        status=candidate.status,
        confidence=round(max(0.0, min(1.0, candidate.confidence)), 3),
        evidence=candidate.evidence,
        lang=lang,
    )
