"""Who invites whom around one invitation cue: an ordered list of small rules.

Each rule handles one construction and says so in its docstring with an example. The
first rule that answers (returns a list, possibly empty) wins; a rule that does not apply
returns None and the next one is tried. Word-order facts come from the language's
[grammar] table (grammar.py), confidences from confidence.py.

To add a construction: write a rule, put it in RULES before the more general rules it
must pre-empt, and add its example to tests/matcher/test_argument_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from bot.matcher import coref
from bot.matcher.clause import (
    COORDINATION_GAP,
    Pair,
    Ref,
    Words,
    clitic_before,
    clitic_in_cue,
    coordinated,
    coordinated_back,
    genitive_host_after,
    glued_genitive,
    in_closed_relative,
    object_pronoun_follows,
    pairs,
    possessive_pronoun_before,
    right_before,
    starts_with_pronoun,
    subject_and_object_before,
    word_before,
)
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.grammar import Grammar
from bot.matcher.lexicon import CueHit

_NEAR_OBJECT = 80  # characters: beyond this the object of a verb is a less sure reading
_NEAR_POSSESSOR = 30  # characters: a possessive this close after a verb owns its object
_EVENT_OWNER = 40  # characters from "received an invitation" to the event's owner


@dataclass(frozen=True, slots=True)
class Clause:
    """One cue in its sentence, with the figures before and after it."""

    sentence: str
    cue: CueHit
    refs: list[Ref]
    words: Words
    grammar: Grammar
    previous_subject: Ref | None
    before: list[Ref]
    after: list[Ref]
    tokens: list[str]  # the cue's words
    first_word_end: int  # split cues ("lädt Scholz ... ein") hold their object inside
    # the figures of the last sentence before this one that named any, in text order:
    # the antecedents of this sentence's pronouns (pronouns_previous_sentence)
    previous_refs: tuple[Ref, ...] = ()


Rule = Callable[[Clause], list[Pair] | None]


def make_clause(sentence: str, cue: CueHit, refs: list[Ref], words: Words, grammar: Grammar,
                previous_subject: Ref | None, previous_refs: tuple[Ref, ...] = ()) -> Clause:
    tokens = cue.text.split()
    first_word_end = cue.start + len(tokens[0]) if tokens else cue.end
    if len(tokens) == 1 and _cjk(cue.text):
        first_word_end = cue.start + 1  # "应普京邀请": no spaces in CJK, the agent is inside
    return Clause(
        sentence=sentence, cue=cue, refs=refs, words=words, grammar=grammar,
        previous_subject=previous_subject,
        before=[r for r in refs if r.end <= cue.start and not _carrier(sentence, r, words)
                and not _tasked(sentence, r, words)
                and not _told(sentence, r, cue, words)
                and not _speaker_of_other_subject(sentence, r, cue, words)],
        after=[r for r in refs if r.start >= first_word_end and not _reporter(sentence, r, words)
               and not _speaking_person(sentence, r, cue, words)
               and not _spokesperson_source(sentence, r, words)
               and not _glued_messenger(sentence, r, words)
               and not _tasked(sentence, r, words, since=cue.end)
               and not _carrier(sentence, r, words, since=cue.end)],
        tokens=tokens, first_word_end=first_word_end, previous_refs=previous_refs,
    )


_CJK_START = "\u2e80"  # CJK radicals onwards: kana, ideographs, Hangul, fullwidth forms


def _cjk(text: str) -> bool:
    """Whether the text starts with a character of a script written without spaces."""
    return text[:1] >= _CJK_START


_REPORT_WORDS = 4  # words of a closing reporting clause besides its subject


def _glued_messenger(sentence: str, ref: Ref, words: Words) -> bool:
    """"卢拉对邀请表示感谢，并请王毅转达对习近平主席的问候": in a script without spaces a
    figure right before a messenger verb carries something, and is no invitee (issue 14,
    pairs). Spaced scripts keep it: "Putin handed Trump an invitation" invites."""
    text = sentence[ref.end : ref.end + 4]
    return bool(text) and _cjk(text) and any(text.startswith(m) for m in words.messenger)


_EDGE_PUNCTUATION = ",.;:!?\"«»„“”()"
_TASK_GAP = 4  # words from a task verb to the figure ("instructed Foreign Minister Sergey Lavrov")
_PREPARATION_GAP = 4  # words from the figure to the preparing verb ("Wadephul soll die Reise vorbereiten")
_CJK_TASK_GAP = 6  # characters, in scripts without spaces ("指示外交部长王毅")


def _tasked(sentence: str, ref: Ref, words: Words, since: int = 0) -> bool:
    """"accepted Xi's invitation and instructed Foreign Minister Lavrov to prepare the
    visit", "Tajani preparerà la visita", "指示外交部长王毅做好访问准备": a figure given a
    task, or said to prepare the occasion, does the groundwork and is no party to the
    invitation (issue 14, stop 28, gaps round). After the cue (`since`: its end) the task
    verb must follow the cue too: "instructed aides to invite Putin" invites Putin."""
    if not words.task and not words.preparation:
        return False
    before = sentence[max(since, ref.start - 60) : ref.start]
    after = sentence[ref.end : ref.end + 40]
    if _cjk(before[-1:] or after[:1]):
        near = before[-_CJK_TASK_GAP - 2 :]
        return any(w in near for w in words.task if _cjk(w)) or \
            any(w in after[:_CJK_TASK_GAP + 2] for w in words.preparation if _cjk(w))
    lead = [w.strip(_EDGE_PUNCTUATION).casefold() for w in before.split()][-_TASK_GAP:]
    if any(w in words.task for w in lead):
        return True
    trail = [w.strip(_EDGE_PUNCTUATION).casefold() for w in after.split()][:_PREPARATION_GAP]
    return any(w in words.preparation for w in trail)


def _fold(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION).casefold()


def _folded_words(text: str) -> list[str]:
    """The words of a reporting clause, folded, "l'ha" split after its apostrophe;
    punctuation standing alone is no word."""
    return [w for w in (_fold(t) for t in text.replace("'", "' ").split()) if w]


def _reporter(sentence: str, ref: Ref, words: Words) -> bool:
    """"Zelensky, che l'ha invitata a Kiev, ha riferito Palazzo Chigi", "..., the Kremlin
    said": an office or residence as the subject of the reporting clause that closes the
    sentence (after its last comma, a reporting word and a few words at most) is the
    source, never a party. A person there may be the one saying it ("Macron est le
    bienvenu à Rome, a déclaré Meloni" invites)."""
    if not words.reporting or not ref.residence:
        return False
    comma = sentence.rfind(",")
    if comma < 0 or ref.start < comma:
        comma, end = _before_closing_relative(sentence, comma, words)
        if comma < 0 or ref.start < comma or ref.end > end:
            return False
    else:
        end = len(sentence)
    rest = (sentence[comma + 1 : ref.start] + " " + sentence[ref.end : end]).replace("'", "' ")
    tokens = [_fold(w) for w in rest.split()]
    tokens = [w for w in tokens if w]
    return len(tokens) <= _REPORT_WORDS and any(w in words.reporting for w in tokens)


def _before_closing_relative(sentence: str, comma: int, words: Words) -> tuple[int, int]:
    """"..., indicó Itamaraty, que no descartó un encuentro": a relative clause after the
    closing reporting clause hangs on its source; the reporting clause is then the one
    between the two last commas (its start and end; -1 when there is none)."""
    if comma < 0 or not words.relative:
        return -1, -1
    after = sentence[comma + 1 :].split()[:1]
    if not after or _fold(after[0]) not in words.relative:
        return -1, -1
    return sentence.rfind(",", 0, comma), comma


# Cues whose closing reporting clause may name a party: a welcome ("Macron est le bienvenu
# à Rome, a déclaré Meloni") or a passive ("Zelensky was invited to Berlin, Scholz said")
# leaves the inviter to the speaker.
_SPEAKER_MAY_INVITE = frozenset({"welcome", "passive"})


def _speaking_person(sentence: str, ref: Ref, cue: CueHit, words: Words) -> bool:
    """issue 14, long round: "Auch sie sei auf Söders Einladung hin nach Seeon gekommen,
    sagte Landesgruppenchef Alexander Hoffmann": the person of a closing reporting clause
    (as `_reporter` reads it) is who tells of the invitation, never its invitee; a long
    article quotes many such officials."""
    if not words.reporting or cue.category in _SPEAKER_MAY_INVITE or ref.residence:
        return False
    comma, end = sentence.rfind(","), len(sentence)
    if 0 <= comma < cue.end or ref.start < comma:
        comma, end = _before_closing_relative(sentence, comma, words)
    if comma < 0 or ref.start < comma or cue.end > comma or ref.end > end:
        return False
    before = _folded_words(sentence[comma + 1 : ref.start])
    after = _folded_words(sentence[ref.end : end])
    # "..., sagte Landesgruppenchef Alexander Hoffmann zum Auftakt", "..., Hoffmann said"
    return (len(before) <= _REPORT_WORDS and any(w in words.reporting for w in before)) or (
        not before and any(w in words.reporting for w in after[:2]))


_SPOKESPERSON_GAP = 3  # words from the spokesperson word to the name ("press secretary Vincent")


def _spokesperson_source(sentence: str, ref: Ref, words: Words) -> bool:
    """"Ramaphosa thanked him for the invitation, his spokesman Vincent Magwenya said,
    without saying ...", ", сообщил его пресс-секретарь Винсент Магвенья, не уточнив":
    a person introduced as a spokesperson in a reporting clause between commas (or closing
    the sentence) speaks for a party and is never one (issue 14, wire round: messengers)."""
    if not words.spokesperson or not words.reporting:
        return False
    opening = sentence.rfind(",", 0, ref.start)
    if opening < 0:
        return False
    closing = sentence.find(",", ref.end)
    tokens = _folded_words(sentence[opening + 1 : ref.start])
    after = sentence[ref.end : closing if closing >= 0 else len(sentence)]
    said = any(w in words.reporting for w in tokens) or any(
        _fold(w) in words.reporting for w in after.split()[:2])
    return said and any(w in words.spokesperson for w in tokens[-_SPOKESPERSON_GAP:])


_CARRIER_GAP = 4  # words from "handed over by" to the messenger ("by envoy Steve Witkoff")


def _carrier(sentence: str, ref: Ref, words: Words, since: int | None = None) -> bool:
    """"The letter, handed over by envoy Steve Witkoff, invites Putin": the agent of a
    messenger participle ("handed over by", "überbracht von", "remise par", "переданное
    спецпосланником", "conveyed through envoy X") carries the invitation; it is never its
    inviter, and after the noun never its invitee ("The invitation, delivered by Foreign
    Minister Wong, was accepted by Albanese"; issue 14, args round). For a figure after
    the noun (`since` = the noun's end) the messenger word must stand after the noun too:
    in "brought an invitation from Tusk" Tusk sent it."""
    if not words.messenger:
        return False
    # "dall'inviato": an elided article is a word of its own
    start = max(0, ref.start - 60) if since is None else max(since, ref.start - 60)
    text = sentence[start : ref.start].replace("’", "'").replace("'", "' ")
    # after the noun a title may stand between the marker and the name ("handed over by
    # Foreign Minister Penny Wong")
    window = [w.strip(",.;:\"«»„“()").casefold()
              for w in text.split()][-(_CARRIER_GAP + 2 * (since is not None)):]
    carried = next((k for k, w in enumerate(window) if w in words.messenger), None)
    if carried is None:
        return False
    rest = window[carried + 1 :]
    if since is not None:
        # "handed over by", "conveyed through": the marker follows the messenger word at
        # once; "the invitation Witkoff delivered to Putin came from Trump" names a sender
        rest = rest[:2]
    return any(w in words.from_markers or w in words.carrier_links for w in rest) or (
        ref.case == "ins" and not rest[1:])


_TOLD_GAP = 2  # words from the telling verb to the addressee ("told", "dijo a", "a dit à")


def _told(sentence: str, ref: Ref, cue: CueHit, words: Words) -> bool:
    """"Macron told Biden that he had invited Xi": the addressee of a telling verb is not
    the subject of the invitation a pronoun subject, or no subject at all, opens after it
    (issue 14, precision: reported speech)."""
    if not words.telling or not words.pronouns:
        return False
    window = [w.strip(",.;:\"«»„“()").casefold()
              for w in sentence[max(0, ref.start - 30) : ref.start].split()][-_TOLD_GAP:]
    if not any(w in words.telling for w in window):
        return False
    between = [w.strip(",.;:\"«»„“()").casefold() for w in sentence[ref.end : cue.start].split()]
    # issue 14, stop 32, cue32 round: "сказал X, что будет ждать его", "powiedział X, że
    # czeka na niego": a reported clause with its subject left unsaid is the teller's when
    # its verb invites, waits or receives (a welcome's "che dovrebbe venire" is the
    # addressee's own coming)
    return any(w in words.pronouns for w in between) or (
        cue.category == "active" and bool(between)
        and all(w in words.complementizers for w in between if w))


def _speaker_of_other_subject(sentence: str, ref: Ref, cue: CueHit, words: Words) -> bool:
    """"Michel said the EU had invited Ukraine": the figure before a reporting verb speaks;
    the verb's subject is the noun phrase after it (an article or a capitalised word),
    unless a pronoun stands there for the speaker ("Michel said he had invited ..."). A
    subject left unsaid ("Путин заявил, что всегда рады видеть ...") is the speaker's.
    Active verbs only: "Putin said the invitation to Biden stands" still names the
    inviter (issue 14, precision: reported speech of a third party)."""
    if cue.category != "active" or not words.reporting:
        return False
    between = [w.strip(",.;:\"«»„“()") for w in sentence[ref.end : cue.start].split()]
    said = next((k for k, w in enumerate(between) if w.casefold() in words.reporting), None)
    if said is None:
        return False
    rest = [w for w in between[said + 1 :] if w]
    # "he", "I", "his government": the speaker again.
    back = words.pronouns | words.first_person | words.possessive_pronouns
    if any(w.casefold() in back for w in rest):
        return False
    return any(w.casefold() in words.articles or w[:1].isupper() for w in rest)


def arguments(clause: Clause) -> list[Pair]:
    """(inviter, invitee, confidence) readings of the cue: the first rule that applies."""
    for rule in RULES:
        found = rule(clause)
        if found is not None:
            return found
    return []


# --- events with a named host ---------------------------------------------------------------

_HOST_AFTER = 40  # characters between the host marker and the host ("принимает в Минске X")


def hosted_event(c: Clause) -> list[Pair] | None:
    """"Modi will not attend the summit that Albanese is hosting", "Frederiksen chegou a
    Santiago para o jantar oferecido por Boric", "Орбан не поедет на форум, который
    принимает Лукашенко": the host invited whoever the sentence says attends, skips or
    arrives for it (the status comes from that verb; analyse() drops the reading when the
    sentence reports no attendance)."""
    if c.cue.category != "hosted":
        return None
    if c.cue.text[:1] in "'’":
        return _possessive_host(c)  # "Meloni will skip Starmer's summit"
    if (c.grammar.genitive_s or c.grammar.genitive_host) and " " not in c.cue.text.strip():
        # "Kristersson deltar inte i Macrons toppmöte", "Erdoğan, Macron'un zirvesine
        # katılmayacak": a one-word event noun names its host only by the genitive glued
        # before it (issue 14, wider)
        glued = bool(c.before) and glued_genitive(c.sentence, c.before[-1], c.cue.start)
        return _possessive_host(c, glued=True) if glued else []
    if c.cue.text.casefold() in c.words.host_genitive_events:
        return _genitive_host(c)
    inside = [r for r in c.after if r.end <= c.cue.end]  # "that X is hosting"
    following = [r for r in c.after if r.start >= c.cue.end and
                 r.start - c.cue.end <= _HOST_AFTER]
    host = _first_of_hosts(c, inside) if inside else (following[0] if following else None)
    if host is None or (not inside and not _host_follows(c, host)):
        return []
    guests = [r for r in c.before if r.party.key != host.party.key]
    if guests:
        # "Duda i Tusk przybyli na spotkanie, którego gospodarzem był Biden": guests joined
        # by 'and' are each the host's guest (issue 14, wider); "..., junto con el
        # presidente uruguayo Yamandú Orsi" after the host clause is one more (pairs).
        joined = coordinated(c.sentence, guests, c.words)
        joined += [r for r in c.after if r.start >= host.end and r.party.key != host.party.key
                   and _together_after_comma(c.sentence, r, c.words)]
        return pairs(host, joined, CONFIDENCE.hosted_event)
    # "Assistera au sommet organisé par Macron le Premier ministre indien Narendra Modi",
    # "Asistirá a la cumbre convocada por Petro el presidente Lula", "Attending the summit
    # hosted by Albanese will be Luxon and Prabowo": with nobody before, the guests are
    # the inverted subject after the host.
    later = [r for r in c.after if r.start >= host.end and r.party.key != host.party.key]
    if not later or any(p in c.sentence[host.end : later[0].start] for p in ",;:"):
        return []
    return pairs(host, coordinated(c.sentence, later, c.words), CONFIDENCE.hosted_event)


def _together_after_comma(sentence: str, ref: Ref, words: Words) -> bool:
    """A comma and a together-with phrase open the stretch before the figure, its title
    aside: ", junto con el presidente uruguayo Yamandú Orsi"."""
    before = sentence[max(0, ref.start - COORDINATION_GAP) : ref.start]
    if "," not in before:
        return False
    text = " ".join(before.rsplit(",", 1)[1].casefold().split())
    return any(text.startswith(phrase + " ") for phrase in words.together)


def _genitive_host(c: Clause) -> list[Pair]:
    """"Tusk weźmie udział w szczycie Macrona", "Моди будет присутствовать на саммите
    Макрона": the genitive name right after the event noun hosts it, and the figures
    before it (joined by 'and') are its guests. With nobody before, nothing: "На саммите
    Макрон заявил" names a speaker, not a host (issue 14, guests)."""
    host = next((r for r in c.after if genitive_host_after(
        c.sentence, c.cue.end, r, c.grammar.case_endings)), None)
    guests = [r for r in c.before if host is not None and r.party.key != host.party.key]
    if host is None or not guests:
        return []
    return pairs(host, coordinated_back(c.sentence, guests, c.words), CONFIDENCE.hosted_event)


def _first_of_hosts(c: Clause, inside: list[Ref]) -> Ref:
    """"het diner dat koning Willem-Alexander en koningin Máxima aanbieden": hosts joined
    by 'and' inside the host clause are one host, the first named (issue 14, wider);
    otherwise the figure nearest the verb hosts ("the summit that Putin's ally X hosts")."""
    group = coordinated(c.sentence, inside, c.words)
    return group[0] if len(group) == len(inside) > 1 else inside[-1]


# issue 14, outcome round: cues that name an event after its host are an event noun with
# its article and a genitive preposition ("la cumbre de", "al vertice di", "dem Gipfel
# von": three words or more, where "offerto da", "oferită de" are two); the host must
# follow at once and be a known figure ("la cumbre de Santa Marta" is a place).
_OF_HOST = frozenset({"de", "di", "von", "do", "da", "of", "van"})
_OF_HOST_WORDS = 3


def _host_follows(c: Clause, host: Ref) -> bool:
    words = c.cue.text.split()
    if len(words) < _OF_HOST_WORDS or words[-1].casefold() not in _OF_HOST:
        return True
    # "il vertice di Roma, Tusk ci sarà": nobody right after, another clause's figure
    return host.party.known and not c.sentence[c.cue.end : host.start].strip()


_POSSESSIVE_EVENT_WORDS = 4  # "'s state dinner", "'s Ukraine peace summit"


def _possessive_host(c: Clause, glued: bool = False) -> list[Pair]:
    """"Tusk will attend Starmer's summit": the figure the possessive ending is glued to
    hosts; the figure before it is the guest (issue 14, outcome round). `glued`: the
    caller has seen the genitive glued to the event noun (clause.glued_genitive)."""
    if len(c.before) < 2 or (not glued and c.sentence[c.before[-1].end : c.cue.start].strip()) \
            or len(c.cue.text.split()) > _POSSESSIVE_EVENT_WORDS:
        return []  # "Trump's decision to skip the summit": no event of Trump's
    host = c.before[-1]
    guests = [r for r in c.before[:-1] if r.party.key != host.party.key]
    return pairs(host, guests[-1:], CONFIDENCE.hosted_event) if guests else []


_HOST_GLUE = 12  # characters between the host and a prenominal host marker ("当晚在人民大会堂")


def hosting_event(c: Clause) -> list[Pair] | None:
    """"Macron is hosting a summit in Paris; Scholz will attend", "Meloni ospita il
    vertice, Lula ci sarà": the host is the figure before the cue, the guest the first
    other figure after it (analyse() drops the reading when nobody attends, skips or
    arrives)."""
    if c.cue.category != "hosting":
        return None
    if not c.before:
        return []
    host = c.before[-1]
    if c.grammar.prenominal_relative and len(c.sentence[host.end : c.cue.start]) > _HOST_GLUE:
        # "普拉博沃同安瓦尔将出席…在天津举行的峰会": a guest's clause, with its verb and
        # place, stands between; the event is held, by no host named (issue 14, pairs).
        return []
    if c.grammar.prenominal_relative:
        # "普京出席了习近平举行的宴会", "Erdoğan, Macron'un düzenlediği zirveye katılmadı":
        # the host closes a relative clause before the event; the guest is the subject
        # before the host (else the figure after the event, as in "X 주최 만찬에 Y가 참석").
        earlier = [r for r in c.before[:-1] if r.party.key != host.party.key]
        if earlier:
            return pairs(host, earlier[-1:], CONFIDENCE.hosted_event)
    guests = [r for r in c.after if r.party.key != host.party.key]
    # "...が主催する首脳会議が開かれ、プーチン大統領とモディ首相が出席した": every guest
    # joined by 'and' (issue 14, guests)
    return pairs(host, coordinated(c.sentence, guests, c.words, glued=True),
                 CONFIDENCE.hosted_event) if guests else []


def welcome_to_visit(c: Clause) -> list[Pair] | None:
    """"Putin said Biden would always be welcome in Moscow", "Macron est le bienvenu à
    Moscou, a dit Peskov": the invitee stands before the cue; the one who says so (the
    figure before it, else the one after, else the previous subject) invites."""
    if c.cue.category != "welcome":
        return None
    if c.tokens and c.tokens[0].casefold() in c.words.door:
        return _open_door(c)
    if not c.before:
        return []
    invitee = c.before[-1]
    if _says_it(c, invitee):
        # "El portavoz Manuel Adorni dijo que «siempre es bienvenido»": the figure before
        # says the welcome; the guest is not named in the clause.
        return []
    speakers = [r for r in (*c.before[-2::-1], *c.after) if r.party.key != invitee.party.key]
    inviter = _clause_subject_says(c, invitee) or (speakers[0] if speakers else
                                                   c.previous_subject)
    return pairs(inviter, [invitee], CONFIDENCE.welcome)


_SAYS_OPENERS = frozenset({",", "-", "–", "—"})  # marks that open a clause of a shared subject


def _clause_subject_says(c: Clause, invitee: Ref) -> Ref | None:
    """issue 14, stop 30, fixw round: "Albanese hosts Prabowo, says Modi would be welcome in
    Canberra": a reporting verb opening a clause of its own (after a comma, a dash or
    'and') has the sentence's subject, the first figure, as its speaker; the figure just
    before it is the object of the other clause."""
    if len(c.before) < 3 or c.before[0].party.key == invitee.party.key:
        return None
    previous = c.before[-2]
    words = c.sentence[previous.end : invitee.start].replace("\"", " ").split()
    for i, word in enumerate(words):
        if word.strip(",.;:«»“”").casefold() not in c.words.reporting:
            continue
        opener = words[i - 1].casefold() if i else ""
        opened = opener in _SAYS_OPENERS or opener in c.words.conjunctions or \
            (i == 0 and c.sentence[previous.end : previous.end + 1] == ",")
        return c.before[0] if opened or word.startswith(",") else None
    return None


def _says_it(c: Clause, figure: Ref) -> bool:
    """A reporting verb ("said", "dijo", "sagte") between the figure and the cue: the
    figure is the one speaking, the subject of another clause."""
    between = c.sentence[figure.end : c.cue.start].replace("\"", " ").split()
    return any(w.strip(",.;:«»“”\"").casefold() in c.words.reporting for w in between)


_DOOR_TO_GUEST = 40  # characters from "the door is open for" to the guest ("for President X")


def _open_door(c: Clause) -> list[Pair]:
    """"The door is always open for Zelensky, Starmer said", "двері Києва відкриті для
    Папи", "las puertas de España están abiertas para Lula, dijo Sánchez": the welcome
    ends with 'for', so the guest follows it; the one who says so (the figure before the
    cue, else the speaker after the guest, else the previous subject) invites."""
    guest = next((r for r in c.after if 0 <= r.start - c.cue.end <= _DOOR_TO_GUEST
                  and _door_reaches(c.sentence[c.cue.end : r.start], c.words)), None)
    if guest is None:
        return []
    hosts = [r for r in (*reversed(c.before), *c.after)
             if r.party.key != guest.party.key and not r.residence]
    residences = [r for r in (*c.before, *c.after) if r.residence and
                  r.party.key != guest.party.key]
    inviter = hosts[0] if hosts else (residences[0] if residences else c.previous_subject)
    return pairs(inviter, [guest], CONFIDENCE.welcome)


def _door_reaches(between: str, words: Words) -> bool:
    """The text from "the door is open for" to the guest holds no clause mark, save the
    comma closing a title before the name ("para a presidente do México, Claudia
    Sheinbaum"; issue 14, stop 28 cues round)."""
    if any(p in between for p in ";:."):
        return False
    if "," not in between:
        return True
    head, _, tail = between.partition(",")
    return not tail.strip() and "," not in tail and any(
        w.strip("\"'«»“”").casefold() in words.titles for w in head.split())


_SPEAKER_OBJECT_REACH = 3  # words before an invitation verb that may hold "me" ("m'a", "hat mich")


def speaker_invited(c: Clause) -> list[Pair] | None:
    """"Xi Jinping hat mich nach Peking eingeladen", "Lula m'a invité", "Milei me invitó",
    "Trump mi ha invitato", "O Presidente Lula convidou-me", "Эрдоган пригласил меня",
    "Modi invited me": a first-person object at the verb (before it in de fr es it pt, an
    enclitic or the word after it) makes the speaker the one invited; the figure before is
    the inviter, and the figures after the verb (the quote's attribution, "sagte Merz")
    are not its object. The transcript layer fills in the speaker (transcript.py)."""
    if c.cue.category != "active" or not c.words.first_person_object or not c.before:
        return None
    if not _first_person_object_at(c):
        return None
    return [(c.before[-1], None, CONFIDENCE.speaker_invited)]


def _first_person_object_at(c: Clause) -> bool:
    def clean(w: str) -> str:
        # "invited US President Biden": a capitalised word is no pronoun here
        bare = w.strip(",.;:!?\"«»“”()")
        return bare if bare.islower() else ""

    lead = c.sentence[c.before[-1].end : c.cue.start].replace("’", "'").replace("'", "' ").split()
    inside = c.sentence[c.first_word_end : c.cue.end].split()[:1]
    following = c.sentence[c.cue.end : c.cue.end + 12].split()[:1]
    near = [clean(w) for w in (*lead[-_SPEAKER_OBJECT_REACH:], *inside, *following)]
    if len(lead) > _SPEAKER_OBJECT_REACH + 2:
        near = [clean(w) for w in (*inside, *following)]
    return any(w in c.words.first_person_object for w in near) or any(
        w.startswith("-") and w in c.words.first_person_object
        for w in (clean(t) for t in following))


# --- nouns ("Musk's invitation to Putin") -----------------------------------------------


def _with_follows(c: Clause) -> bool:
    if c.cue.category == "active" and len(c.tokens) > 1:
        # "готов встретиться с", "would meet ... if": the with-word is the phrase's own
        # verb or preposition, not a noun's "with".
        return False
    next_words = c.tokens[1:2] if len(c.tokens) > 1 else c.sentence[c.cue.end :].split(None, 1)[:1]
    return bool(next_words) and next_words[0].casefold() in c.words.with_markers


def noun_or_nominalised_verb(c: Clause) -> list[Pair] | None:
    """"Musk's invitation to Putin"; "Musk's challenge to a cage fight" (after a possessive
    the verb form is a noun); "la sfida con Zuckerberg" (a cue followed by "with")."""
    possessed = bool(c.before) and c.before[-1].possessive and \
        c.cue.start - c.before[-1].end <= 3
    with_follows = _with_follows(c)
    if not (c.cue.category == "noun" or (c.cue.category in ("active", "challenge")
                                         and (possessed or with_follows))):
        return None
    cue = c.cue
    if with_follows and len(c.tokens) > 1:
        # Only the noun itself: a split cue ("sfida ... a") may run past the figures.
        cue = CueHit(cue.category, cue.start, c.first_word_end, c.tokens[0])
    return noun_arguments(Clause(c.sentence, cue, c.refs, c.words, c.grammar, c.previous_subject,
                                 c.before, c.after, c.tokens, c.first_word_end))


@dataclass(slots=True)
class _NounParties:
    inviter: Ref | None = None
    invitees: list[Ref] | None = None
    done: bool = False  # a construction settled both sides


def _scan_after_noun(c: Clause, found: _NounParties) -> None:
    """The figures after the noun: "invitation from X", "invitation to Y", "приглашение
    Путина" (a genitive), "Musk: la sfida con Zuckerberg", "Renzi sfida Salvini"."""
    words = c.words
    for index, ref in enumerate(c.after):
        gap_text = c.sentence[c.cue.end : ref.start].casefold().replace("’", "'")
        gap = [w.strip(",.\"«»„“") for w in gap_text.split()]
        if len(gap) > 7:
            break
        if _opponent(gap, words):
            continue
        if ((not c.grammar.head_final and _from_marked(
                gap, c.sentence, c.after[index - 1].end if index else c.cue.end, ref.start,
                words)) or (index == 0 and _owner_marked(c, gap))) and found.inviter is None:
            # a head-final language's "from" word is a postposition: it marks the figure
            # before it ("Yerhov tarafından Erdoğan'a teslim edildi": Erdoğan is handed the
            # letter, he sent nothing; issue 14, args round)
            found.inviter = ref
        elif index == 0 and len(gap) <= 3 and any(w in words.to_markers for w in gap) and \
                (ref.possessive or ref.residence) and found.inviter is None:
            # "an invitation to Nadal's farewell", "an invitation to Buckingham Palace": the
            # owner of the event, or the residence, invites.
            found.inviter = ref
        elif ((any(w in words.to_markers for w in gap) and not set(gap) & words.attribution)
              or ref.case == "dat") and not found.invitees and not ref.residence:
            # "invitation to X"; "запрошення Орбана Зеленському": a dative is the invitee.
            found.invitees = coordinated(c.sentence, c.after[index:], words)
        elif found.inviter is None and index == 0 and (
                (c.grammar.case_marked and (not gap or (ref.case == "gen" and len(gap) <= 4)))
                or (not gap and (ref.possessive or c.grammar.genitive_after_noun))):
            # "приглашение Путина", "виклик блогера Джейка Пола": a genitive after the noun;
            # "die Einladung Lukaschenkos": a genitive -s.
            found.inviter = ref
        elif found.inviter is None and index == 0 and len(gap) == 1 and \
                gap[0] in words.with_markers and c.before and not found.invitees:
            # "Musk: la sfida con Zuckerberg": the one who announces the challenge faces
            # the figure after "with".
            found.inviter, found.invitees, found.done = c.before[-1], [ref], True
            return
        elif found.inviter is None and index == 0 and not gap and c.before and \
                len(c.sentence[c.before[-1].end : c.cue.start].split()) == 0:
            # "Renzi sfida Salvini": the noun is the verb's twin.
            found.inviter, found.invitees, found.done = c.before[-1], [ref], True
            return


def _from_marked(gap: list[str], sentence: str, since: int, until: int, words: Words) -> bool:
    """"invitation from X": a "from" word before the figure. Since the previous figure,
    the first marker decides where a title follows a "to" word: in "una invitación al
    presidente de Brasil, Lula" the "de" belongs to the invitee's title (issue 14, parties
    round); "an invitation to Macron from Biden" still has Biden's "from" first after
    Macron, and a "from" word right before the figure always counts ("um convite para a
    posse de Donald Trump")."""
    if not any(w in words.from_markers for w in gap):
        return False
    local = [w.strip(",.\"«»„“")
             for w in sentence[since:until].casefold().replace("’", "'").split()]
    if local and local[-1] in words.from_markers:
        return True  # "um convite para a posse de Donald Trump": the event's owner
    for index, word in enumerate(local):
        if word in words.from_markers:
            return True
        if word in words.to_markers:
            # "al presidente de Brasil": the "de" completes the invitee's title; "para a
            # cúpula do Mercosul que Lula vai sediar" keeps the owner's "do"
            return not any(len(w) >= 4 and w in words.titles
                           for w in local[index + 1 : index + 3])
    return True


def _another_name_first(gap: str, words: Words) -> bool:
    """"På invitasjon fra Den norske Nobelkomiteen var kong Harald ...": right after an
    agent phrase a capitalised name that is no title (a committee, a body) and then a
    lower-case word that is neither title nor article (the clause's verb): the invitation
    is that body's, and the figure further on is none of its parties (issue 14, stop 31,
    fixr round; before, the lower-case "kong Harald" was no figure at all)."""
    if "," in gap:
        return False  # an apposition names the agent ("do chefe de Estado português, X")
    tokens = [t.strip(",.\"«»„“()") for t in gap.replace("’", "'").split()]
    plain = words.titles | words.articles | words.from_markers
    named = verb = False
    for token in tokens:
        if not token or token.casefold() in plain:
            continue
        if token[:1].isupper():
            # a capital after the lower-case word continues the body's name ("της Βουλής
            # των Αντιπροσώπων Νάνσι Πελόζι": "των" is an article the lexicon lacks)
            named, verb = True, False
        elif named and len(token) >= 3 and \
                token.casefold() not in words.name_stop | words.conjunctions:
            verb = True
    return verb


def _owner_marked(c: Clause, gap: list[str]) -> bool:
    """"accepted the invitation of Canadian Prime Minister Mark Carney", "arrived at the
    invitation of Meloni": an owner marker right after the noun, then only title words,
    makes the figure the noun's owner, its inviter (issue 14, args round). Not after a
    possessive owner ("Trump's invitation of Putin": Putin is its object) nor with a "to"
    word in the gap."""
    if not gap or gap[0] not in c.words.owner or \
            any(w in c.words.to_markers or w in c.words.from_markers for w in gap[1:]):
        return False
    if c.before and c.before[-1].possessive and c.cue.start - c.before[-1].end <= 12:
        return False
    return all(w in c.words.titles or w in c.words.articles or w.endswith("'s")
               for w in gap[1:])


def _opponent(gap: list[str], words: Words) -> bool:
    """"accepted an invitation from CNN to debate Trump": after an inviter named with
    "from", the figure right after a debating word is the opponent, no party."""
    return len(gap) >= 3 and gap[-1] in words.opponent and \
        any(w in words.from_markers for w in gap[:-2])


def _debated(c: Clause, ref: Ref) -> bool:
    """The figure right after a debating word, some words after the cue: an opponent."""
    gap = [w.strip(",.\"«»„“").casefold() for w in c.sentence[c.cue.end : ref.start].split()]
    return len(gap) >= 2 and gap[-1] in c.words.opponent


def _inviter_from_pronoun(c: Clause, found: _NounParties) -> None:
    """"Farage withdrew his invitation to Musk" (his = the subject); "Meloni ... il
    Pontefice ha accolto il suo invito" (the subject answers); "Seine Einladung an Paris
    Hilton ist geplatzt" (his = the previous sentence's subject)."""
    if found.inviter is not None or not possessive_pronoun_before(c.sentence, c.cue, c.words):
        return
    before = c.before
    if before and found.invitees:
        found.inviter = before[0]
    elif len(before) >= 2 and not found.invitees:
        between = c.sentence[before[-1].end : c.cue.start]
        if "," not in between and len(between.split()) <= 5:
            found.inviter, found.invitees = before[-2], [before[-1]]
        else:
            # "Trump said ... no debate with Harris, rejecting her challenge"
            found.inviter, found.invitees = before[-1], [before[0]]
    elif not before and found.invitees and c.previous_subject is not None:
        found.inviter = c.previous_subject
    elif len(before) == 1 and not found.invitees and _renewed(c):
        # "The President of Russia reaffirmed his invitation to visit Russia": the subject
        # renews its own invitation; the one invited is the call's other side, from the
        # sentences around (issue 14, press releases: who invited whom)
        found.inviter = before[0]


_EXTENDED_INVITEE_WORDS = 4  # "extended a reciprocal invitation, asking Modi to visit"


def _extended_by_subject(c: Clause, found: _NounParties) -> None:
    """issue 14, counter round: "Albanese thanked his host and extended a reciprocal
    invitation, asking Modi to visit Canberra": the subject of an extending verb right
    before the noun is its inviter; a figure a few words after the noun, its invitee."""
    if found.inviter is not None or not c.before or \
            not any(w in c.words.renewal for w in word_before(c.sentence, c.cue.start, 3)):
        return
    found.inviter = c.before[-1]
    if found.invitees:
        return
    after = next((r for r in c.after if r.party.key != found.inviter.party.key), None)
    if after is not None and len(c.sentence[c.cue.end : after.start].split()) <= \
            _EXTENDED_INVITEE_WORDS and not any(m in c.sentence[c.cue.end : after.start]
                                                for m in ".;:"):
        found.invitees = [after]


def _renewed(c: Clause) -> bool:
    """A renewal verb right before the possessive pronoun of the noun ("reaffirmed his
    invitation", "подтвердил своё приглашение")."""
    return any(w in c.words.renewal for w in word_before(c.sentence, c.cue.start, 3))


def _inviter_before_noun(c: Clause, found: _NounParties) -> None:
    """"Renzi ha lanciato la sfida a Salvini": the figure before; "Приглашение ...,
    которое Синдзо Абэ передал Владимиру Путину": the figure between the noun and the
    dative invitee extended it."""
    if found.inviter is not None or not found.invitees:
        return
    if c.before:
        found.inviter = c.before[-1]
    elif c.grammar.case_marked:
        extenders = [r for r in c.after if r.end <= found.invitees[0].start and r.case != "dat"]
        if extenders:
            found.inviter = extenders[-1]


def _invitee_answering(c: Clause, found: _NounParties) -> None:
    """"Y accepted X's invitation" (the subject answers); "Sie schlug die Einladung von
    Trump aus" (she = the previous subject); "An invitation from X ... was turned down by
    Y"; "Приглашение Зеленского было отклонено ... Виктором Орбаном" (an instrumental)."""
    if found.invitees:
        return
    inviter = found.inviter
    others = [r for r in c.before if inviter is None or r.party.key != inviter.party.key]
    if others:
        found.invitees = [others[-1]]
    elif c.previous_subject is not None and starts_with_pronoun(c.sentence, c.words) and (
            inviter is None or c.previous_subject.party.key != inviter.party.key):
        found.invitees = [c.previous_subject]
    elif (guest := _guest_after_opening_phrase(c, inviter)) is not None:
        found.invitees = [guest]
    elif (guest := _zero_subject_guest(c, inviter)) is not None:
        # "Trump odwołał przyjazd. Zaproszenie wystosował prezydent Duda": the guest is
        # the subject of the sentence before, left unsaid.
        found.invitees = [guest]
    elif inviter is not None:
        agent = _agent_after_status(c, inviter)
        if agent is None:
            agent = next((r for r in c.after if r.case == "ins"
                          and r.party.key != inviter.party.key), None)
        if agent is not None:
            found.invitees = [agent]


_OPENING_PHRASE_WORDS = 3  # "At President Putin's invitation": the words before the owner
_OPENING_PHRASE_TAIL = 2  # "At Putin's personal invitation last year,": words before the comma
_OPENING_PHRASE_GUEST = 40  # characters from the comma to the guest, the clause's subject


def _guest_after_opening_phrase(c: Clause, inviter: Ref | None) -> Ref | None:
    """"At Putin's invitation, Modi will visit Moscow": a phrase opening the sentence
    with the owner's invitation; the figure soon after its comma, the subject, is the
    guest."""
    if inviter is None or c.before != [inviter] or \
            len(c.sentence[: inviter.start].split()) > _OPENING_PHRASE_WORDS:
        return None
    comma = c.sentence.find(",", c.cue.end)
    if comma < 0 or len(c.sentence[c.cue.end : comma].split()) > _OPENING_PHRASE_TAIL:
        return _guest_after_unmarked_phrase(c, inviter)
    return next((r for r in c.after if r.start > comma and r.party.key != inviter.party.key
                 and r.start - comma <= _OPENING_PHRASE_GUEST), None)


_UNMARKED_PHRASE_WORDS = 4  # "hin reist Indiens Premier": a postposition, the verb, a title


def _guest_after_unmarked_phrase(c: Clause, inviter: Ref) -> Ref | None:
    """"Auf Putins Einladung hin reist Modi nach Moskau", "Op Ruttes uitnodiging reist
    Zelensky", "At Starmer's invitation Zelensky will travel": the owner's phrase opens the
    sentence with no comma after it; the first figure a few words on, with no stop or "to"
    word between, is the guest (issue 14, args round)."""
    guest = next((r for r in c.after if r.party.key != inviter.party.key), None)
    if guest is None or guest.start - c.cue.end > _OPENING_PHRASE_GUEST:
        return None
    gap = c.sentence[c.cue.end : guest.start]
    words = [w.casefold() for w in gap.split()]
    if len(words) > _UNMARKED_PHRASE_WORDS or any(m in gap for m in ",;:.!?()") or \
            any(w in c.words.to_markers or w in c.words.from_markers for w in words):
        return None
    return guest


def _thanked_for_invitation(c: Clause) -> list[Pair] | None:
    """"Trudeau a remercié le roi Felipe VI pour son invitation": the one thanked invited,
    the one who thanks was invited."""
    if not c.words.thanks or not c.before:
        return None
    lead = [w.strip(",").casefold() for w in c.sentence[: c.cue.start].split()[-_EXTENDED_WORDS:]]
    if any(w in c.words.renewal for w in lead):
        # "Albanese thanked his host and extended a reciprocal invitation": the thanks are
        # for something else, the noun is the thanker's own (issue 14, counter round)
        return None
    if len(c.before) == 1 or c.before[-2].party.key == c.before[-1].party.key:
        # one figure, or a bare title the sentence resolves to the same one ("The
        # President thanked President of Indonesia Joko Widodo")
        return _thanked_by_previous_subject(c, c.before[-1])
    thanker, thanked = c.before[-2], c.before[-1]
    between = [w.strip(",").casefold() for w in c.sentence[thanker.end : thanked.start].split()]
    after_thanked = c.sentence[thanked.end : c.cue.start].split()
    # Verb-final: "Scholz hat Macron für seine Einladung gedankt".
    closing = [w.strip(",.;:!?").casefold() for w in c.sentence[c.cue.end :].split()[:4]]
    # The verb before both (verb-initial or verb-second): "شكر بوتين أردوغان على الدعوة"
    # (thanked Putin Erdoğan for the invitation).
    opening = [w.strip(",.;:!?").casefold() for w in c.sentence[: thanker.start].split()[-1:]
               ] if c.grammar.verb_second else []
    if not any(w in c.words.thanks for w in between + closing + opening) or len(between) > 4 or \
            len(after_thanked) > 4 or thanker.party.key == thanked.party.key:
        return None
    if any(w.strip(",").casefold() in c.words.acceptance for w in after_thanked):
        # "Zelensky thanked Morawiecki for accepting the invitation": the one who thanks
        # invited (issue 14, precision: direction reversed).
        return pairs(thanker, [thanked], CONFIDENCE.noun_with_parties)
    return pairs(thanked, [thanker], CONFIDENCE.noun_with_parties)


_THANKER_WORDS = 4  # words of the unresolved subject, of a title, of "for his"
_EXTENDED_WORDS = 3  # words between "extended" and its noun ("extended a reciprocal invitation")


def _thanked_by_previous_subject(c: Clause, thanked: Ref) -> list[Pair] | None:
    """"Zelenskyy addressed the G20 summit. The President thanked President of Indonesia
    Joko Widodo for the invitation": a subject the gazetteer does not resolve (a bare title,
    a pronoun) thanks the one figure before the noun; the previous sentence's subject is
    the one invited (issue 14, press releases)."""
    previous = c.previous_subject
    if previous is None or previous.party.key == thanked.party.key:
        return None
    lead = [w.strip(",").casefold() for w in c.sentence[: thanked.start].split()]
    at = next((k for k, w in enumerate(lead) if w in c.words.thanks), None)
    if any(r.start < thanked.start and r.party.key != thanked.party.key for r in c.before):
        return None
    # "The President thanked [President of Indonesia] Joko Widodo for the invitation"
    if at is None or at > _THANKER_WORDS or len(lead) - at - 1 > _THANKER_WORDS or \
            len(c.sentence[thanked.end : c.cue.start].split()) > _THANKER_WORDS:
        return None
    if any(w.strip(",").casefold() in c.words.acceptance
           for w in c.sentence[thanked.end : c.cue.start].split()):
        return pairs(previous, [thanked], CONFIDENCE.noun_with_parties)
    return pairs(thanked, [previous], CONFIDENCE.noun_with_parties)


def _without_messenger(c: Clause) -> Clause:
    """"Paschinjan überbrachte Alijew die Einladung Lukaschenkos", "Pashinyan delivered
    Lukashenko's invitation to Aliyev": the subject of a messenger verb carries the
    invitation and is no party to it; the figures around the noun decide."""
    if not c.words.messenger or not c.before:
        return c
    for index, ref in enumerate(c.before):
        between = [w.strip(",.;:").casefold() for w in c.sentence[ref.end : c.cue.start].split()]
        verb = next((k for k, w in enumerate(between) if w in c.words.messenger), None)
        if verb is not None and verb <= 2 and len(between) <= 8:
            kept = [r for r in c.before if r is not ref]
            return Clause(c.sentence, c.cue, [r for r in c.refs if r is not ref], c.words,
                          c.grammar, c.previous_subject, kept, c.after, c.tokens,
                          c.first_word_end)
        if index >= 1:
            break
    return c


_BEHALF_GAP = 3  # words between "on behalf of" and the figure ("on behalf of President X")


def _behalf_of(c: Clause) -> Ref | None:
    """The figure an "on behalf of" before the noun names, when it opens the sentence."""
    lowered = c.sentence.casefold()
    for marker in c.words.behalf:
        at = lowered.find(marker)
        if at < 0 or at >= c.cue.start or lowered[:at].strip(" \"'«„“("):
            continue
        end = at + len(marker)
        return next((r for r in c.refs if r.start >= end and r.end <= c.cue.start
                     and len(c.sentence[end : r.start].split()) <= _BEHALF_GAP), None)
    return None


def _crowd_invited(c: Clause) -> bool:
    """"the invitation of Ukrainian soldiers to training programmes", "the invitation to
    investors": the noun's own object is a crowd, so its figures are no parties."""
    following = [w.strip(",.;:\"«»„“").casefold() for w in c.sentence[c.cue.end :].split()[:4]]
    markers = c.words.to_markers | c.words.from_markers | {"of"}
    return bool(following) and following[0] in markers and \
        any(w in c.words.exhortation for w in following[1:])


def noun_arguments(c: Clause) -> list[Pair]:
    if _crowd_invited(c):
        return []
    carrying = _without_messenger(c)
    messenger = {r.party.key for r in c.before} - {r.party.key for r in carrying.before}
    c = carrying
    thanks = _thanked_for_invitation(c)
    if thanks is not None:
        return thanks
    found = _NounParties()
    # "Musk's invitation", "Musks Einladung": a possessive right before the noun.
    if c.before and c.before[-1].possessive and c.cue.start - c.before[-1].end <= 12:
        found.inviter = c.before[-1]
    writer = _letter_writer(c)
    if writer is not None:
        found.inviter = writer
    _scan_after_noun(c, found)
    if writer is not None and not found.invitees:
        # "передасть Моді лист Зеленського із запрошенням": the figure before the
        # writer's, not the messenger left out, receives it
        found.invitees = [r for r in c.before if r.end <= writer.start][-1:] or None
    if not found.done:
        _extended_by_subject(c, found)
        _inviter_from_pronoun(c, found)
        _inviter_before_noun(c, found)
        _invitee_answering(c, found)
    if found.invitees and messenger:
        # "Sikorski rozmawiał z Zełenskim. Sikorski zaprzeczył, jakoby przywiózł
        # zaproszenie od Tuska": the messenger, left out, is not the guest the sentence
        # before names either (issue 14, args round)
        found.invitees = [r for r in found.invitees if r.party.key not in messenger] or None
    principal = _behalf_of(c)
    if principal is not None and found.invitees and found.inviter is None:
        # "On behalf of President Zelenskyy, Sybiha handed Mitsotakis an invitation": the
        # one the messenger speaks for invites (issue 14, press releases)
        found.inviter = principal
    if found.inviter is None and not found.invitees:
        return [(None, c.before[-1], CONFIDENCE.noun_lone_figure)] if c.before else []
    if found.invitees:
        # "l'invito di Meloni a Vučić ..., insieme a quello per il premier albanese Edi
        # Rama": a figure after a comma and a together-with phrase is invited too (pairs).
        found.invitees = found.invitees + [
            r for r in c.after if r.start > found.invitees[-1].end and r is not found.inviter
            and _together_after_comma(c.sentence, r, c.words)]
    if found.inviter is None:
        return [(None, invitee, CONFIDENCE.noun_invitee_only) for invitee in found.invitees or []]
    return [pair for inviter in _joint_owners(c, found)
            for pair in pairs(inviter, found.invitees or [], CONFIDENCE.noun_with_parties)]


_LETTER_GAP = 3  # words from the letter's writer to the invitation noun ("із", "with an")


def _letter_writer(c: Clause) -> Ref | None:
    """"лист Зеленського із запрошенням", "письмо Путина с приглашением", "einen Brief von
    Merz mit einer Einladung", "Zelensky's letter with an invitation": the figure writing
    the letter (lexicon `letter_words`) that carries the invitation is its inviter, the
    letter word right before the figure (a genitive, or a from-marker between) or right
    after its possessive, a few words before the noun (issue 14, stop 31, fixr round)."""
    if not c.words.letter or not c.before:
        return None
    ref = c.before[-1]
    gap = re.sub(r"^['’]\w*", "", c.sentence[ref.end : c.cue.start])  # "'s", "'nin"
    after = [w.strip(",.;:\"'«»„“").casefold() for w in gap.split()]
    before = [w.strip(",.;:\"«»„“").casefold() for w in c.sentence[: ref.start].split()[-2:]]
    if len(after) > _LETTER_GAP:
        return None
    if ref.possessive and after and after[0] in c.words.letter:
        return ref
    if before and (before[-1] in c.words.letter or (
            len(before) == 2 and before[0] in c.words.letter
            and _from_marker(before[1], c.words.from_markers))):
        return ref if not any(w in c.words.letter for w in after) else None
    return None


def _from_marker(word: str, markers: frozenset[str]) -> bool:
    """"from", "von", or an elided one ("d'" for "de", "dell'" for "della")."""
    if word in markers:
        return True
    stem = word.rstrip("'’")
    return stem != word and any(m.startswith(stem) and len(m) == len(stem) + 1 for m in markers)


def _joint_owners(c: Clause, found: _NounParties) -> list[Ref]:
    """"the invitation of President Erdoğan and Patriarch Bartholomew", "l'invito del
    presidente Erdoğan e del patriarca Bartolomeo", "die Einladung von Erdoğan und
    Bartholomäus": an inviter named after the noun shares it with the figures joined to
    it by a conjunction and nothing but articles, "from" or owner words and titles."""
    inviter = found.inviter
    if inviter is None or inviter not in c.after:
        return [inviter] if inviter is not None else []
    owners = [inviter]
    invited = {r.party.key for r in found.invitees or []}
    w = c.words
    plain = w.articles | w.from_markers | w.owner | w.titles
    for ref in c.after[c.after.index(inviter) + 1:]:
        gap = [t.strip(",").casefold() for t in c.sentence[owners[-1].end : ref.start].split()]
        if ref.party.key in invited or not gap or gap[0] not in w.conjunctions or \
                not all(t in plain for t in gap[1:]):
            break
        if all(ref.party.key != o.party.key for o in owners):
            owners.append(ref)
    return owners


def _agent_after_status(c: Clause, inviter: Ref) -> Ref | None:
    for ref in c.after:
        if ref.party.key == inviter.party.key or ref.start <= inviter.end:
            continue
        preceding = word_before(c.sentence, ref.start, 3)
        if any(w in c.words.from_markers for w in preceding[-2:]) and \
                ref.start - c.cue.end < 120:
            return ref
    return None


# --- passives and "at the invitation of" ---------------------------------------------------

_NEAR_OWNER = 16  # characters from a marked owner to its invitation noun ("からのモスクワ訪問の")


def _marked_owner(c: Clause, ref: Ref) -> bool:
    """A genitive or "from" marker closes the name or its title ("プーチン大統領からの",
    "윤석열 대통령의", "पुतिन का"), with no other particle before it ("との" is "with")."""
    window = c.sentence[ref.end : min(ref.end + 8, c.cue.start)]
    g = c.grammar
    particles = g.subject_particles | g.object_particles | g.other_particles
    for marker in c.words.from_markers | g.agent_markers:
        at = window.find(marker)
        if at >= 0 and not any(ch in particles for ch in window[:at]):
            return True
    return False


_CONTENT_WORDS = 4  # words of an invitation's content between its owner and the noun


def _near_owner(c: Clause, owner: Ref) -> bool:
    """The owner stands right before its invitation noun, or, with a genitive ending in a
    spaced script, before a few words of what it invites to with no comma between
    (issue 14, stop 30, fixw round: "Aliyev, Erdoğan'ın Türkiye'ye resmi ziyaret davetini
    kabul etti": Erdoğan invites Aliyev to an official visit to Turkey)."""
    if c.cue.start - owner.end <= _NEAR_OWNER:
        return True
    gap = c.sentence[owner.end : c.cue.start]
    # a genitive particle in the gap ("मोदी की ढाका यात्रा का न्योता") makes the figure the
    # owner of the trip, not of the invitation: there the figure is the guest
    marked = any(m.strip() and m.strip() in gap.split() for m in c.grammar.agent_markers)
    return owner.possessive and not marked and not _cjk(gap) and \
        not any(m in gap for m in ",;:") and len(gap.split()) <= _CONTENT_WORDS


def head_final_noun_owner(c: Clause) -> list[Pair] | None:
    """"ゼレンスキー大統領はプーチン大統領からの招待を拒否した", "मोदी ने पुतिन का निमंत्रण
    स्वीकार किया": in a head-final language the noun's owner stands right before it,
    marked by a genitive or "from" particle; it invites, and the figure before it answers."""
    if c.cue.category != "noun" or not c.grammar.head_final or not c.before:
        return None
    owner = c.before[-1]
    with_word = any(w.casefold() in c.words.with_markers
                    for w in c.sentence[owner.end : c.cue.start].split()[:2])
    if not _near_owner(c, owner) or with_word or \
            not (owner.possessive or _marked_owner(c, owner)):
        return None  # a genitive ending ("Musk'ın Clubhouse davetine") marks it too
    answering = [r for r in c.before if r.party.key != owner.party.key]
    # The topic answers, not a figure between ("교황은 문재인 대통령을 만나 김정은
    # 위원장의 방북 초청 의사를 전달받았다": Moon only carried it).
    topics = [r for r in answering if _particle_role(c.sentence, r, c.grammar) == "subject"]
    if _messenger_verb_after(c):
        # "Fidan, Erdoğan'ın davetini Orbán'a iletti", "岩屋外相は李大統領に石破首相の
        # 招待状を手渡した": the subject only carries the invitation; the figure the verb
        # hands it to (after the noun, else the one before that is no topic) is invited.
        handed = c.after[:1] or [r for r in answering if r not in topics and r is not answering[0]]
        return pairs(owner, handed[-1:], CONFIDENCE.head_final_agent)
    if answering:
        return pairs(owner, (topics or answering)[-1:], CONFIDENCE.head_final_agent)
    return None


_MESSENGER_AFTER = 60  # characters from the invitation noun to a closing messenger verb


def _messenger_verb_after(c: Clause) -> bool:
    """A messenger verb closes the clause after the noun ("davetini Orbán'a iletti",
    "招待状を手渡した"): in a head-final language its subject carries the invitation."""
    if not c.words.messenger:
        return False
    rest = c.sentence[c.cue.end : c.cue.end + _MESSENGER_AFTER]
    rest = rest.split(",")[0].split("、")[0]
    if _cjk(c.sentence) or not any(ch.isspace() for ch in rest):
        return any(m in rest for m in c.words.messenger)
    return any(w.strip(".;:!?\"'").casefold() in c.words.messenger for w in rest.split())


def _carried_by(c: Clause, ref: Ref) -> bool:
    """The figure is right before a messenger verb ("王毅转达了习近平主席的邀请")."""
    text = c.sentence[ref.end : ref.end + 8].lstrip()
    return any(text.startswith(m) for m in c.words.messenger)


def addressed_noun(c: Clause) -> list[Pair] | None:
    """"卢拉对邀请表示感谢": right after an addressee marker the invitation word is the
    noun the sentence speaks about, not a verb with objects; the figure before answers."""
    if c.cue.category != "active" or not c.words.addressee or not c.before:
        return None
    if not any(c.sentence[c.before[-1].end : c.cue.start].endswith(m) for m in c.words.addressee):
        return None
    return [(None, c.before[-1], CONFIDENCE.noun_lone_figure)]


_TITLE_AFTER_NAME = 3  # characters: "总统的", "主席的"


def owner_marked_before_verb(c: Clause) -> list[Pair] | None:
    """"普京已接受印度总理莫迪的邀请": where the invitation word is also the noun, a figure
    glued to it by the genitive marker ("莫迪的") owns it and invites; the figure before
    answers (issue 14, guests). Head-final languages have their own rules."""
    if c.cue.category != "active" or c.grammar.head_final or not c.grammar.agent_markers \
            or len(c.before) < 2:
        return None
    owner = c.before[-1]
    gap = c.sentence[owner.end : c.cue.start]
    if gap not in c.grammar.agent_markers and not (
            c.words.addressee and len(gap) <= _TITLE_AFTER_NAME
            and any(gap.endswith(m) for m in c.grammar.agent_markers)):
        # "对卢拉总统的邀请": a title after the name, before the marker (issue 14, pairs)
        return None
    answering = [r for r in c.before if r.party.key != owner.party.key
                 and not _carried_by(c, r)]
    if answering and any(c.sentence[answering[-1].end : owner.start].endswith(m)
                         for m in c.words.addressee):
        # "习近平对卢拉的邀请": Xi's invitation to Lula; the figure glued to 的 is addressed.
        return pairs(answering[-1], [owner], CONFIDENCE.head_final_agent)
    return pairs(owner, answering[-1:], CONFIDENCE.head_final_agent) if answering else None


def head_final_agent(c: Clause) -> list[Pair] | None:
    """"安倍首相の招待で", "バイデン大統領から招待されていた": in a head-final language the
    agent comes first, marked by a genitive or "from" particle."""
    if c.cue.category not in ("passive", "by") or not c.grammar.head_final or not c.before:
        return None
    markers = c.words.from_markers | c.grammar.agent_markers
    marked = [r for r in c.before if any(c.sentence.startswith(m, r.end) for m in markers)]
    if not marked and c.cue.category == "passive" and c.grammar.has_particles and \
            _particle_role(c.sentence, c.before[-1], c.grammar) is not None:
        # "李在明大統領が高市首相を招待したことを受け、高市首相は…招待を受け入れ", "習主席が
        # 李大統領を北京に招待し、…招待に応じた": the figure last named as a subject or an
        # object receives or accepts the invitation; the inviter is a figure before it, if
        # any (issue 14, njt round).
        guest = c.before[-1]
        earlier = [r for r in c.before[:-1] if r.party.key != guest.party.key]
        return pairs(earlier[-1], [guest], CONFIDENCE.head_final_agent) if earlier else None
    agent = marked[-1] if marked else c.before[-1]
    others = [r for r in c.before if r.party.key != agent.party.key]
    # "Lavrov ile Kuleba, Çavuşoğlu'nun daveti üzerine": every guest joined by 'and'.
    joined = len(others) >= 2 and all(_joined(c, a, b) for a, b in pairwise(others))
    patients = (others if joined else others[:1]) or c.after[:1]
    previous = c.previous_subject
    if not patients and marked and c.grammar.zero_pronoun and previous is not None \
            and previous.party.key != agent.party.key:
        # "ゼレンスキー大統領は…到着した。岸田首相の招きで…参加する": the guest is the
        # previous sentence's topic, left unsaid.
        return pairs(agent, [previous], CONFIDENCE.head_final_zero_pronoun)
    return pairs(agent, patients, CONFIDENCE.head_final_agent)


def _announcer_before(c: Clause) -> bool:
    """The figures before an "at the invitation of" phrase only announce it: a reporting
    word and a comma (or a colon: "外交部发言人毛宁宣布：应…邀请") stand between them and the
    phrase."""
    between = c.sentence[c.before[-1].end : c.cue.start] if c.before else ""
    return any(p in between for p in ",，:：") and any(w in between for w in c.words.reporting)


def passive_with_agent(c: Clause) -> list[Pair] | None:
    """"Scholz was invited by Macron", "приглашён Маском" (an agent marked by case), "at
    the invitation of Macron, Scholz ..."; "was invited to preside over the funeral of
    Martin Kenyon" has no agent unless "by" / "von" / "par" introduces one."""
    if c.cue.category not in ("passive", "by"):
        return None
    agent = c.after[0] if c.after else None
    if agent is not None and c.cue.category == "by" and not _cjk(c.cue.text) and \
            _another_name_first(c.sentence[c.cue.end : agent.start], c.words):
        return []  # "På invitasjon fra Den norske Nobelkomiteen var kong Harald ..."
    if c.cue.category == "by" and _cjk(c.cue.text) and \
            c.first_word_end == c.cue.start + 1 and (agent is None or agent.start >= c.cue.end):
        return []  # "应美方邀请，韩正将出席": the CJK phrase encloses its agent; none is named
    if agent is not None and _debated(c, agent):
        agent = None  # "accepted an invitation from CNN to debate Trump"
    if agent is not None and len(c.after) >= 2 and _nominative_after_passive(c, agent):
        # "На совещание также приглашены Председатель Центрального банка Эльвира
        # Набиуллина и ...": the figures after a passive participle, in the nominative,
        # are its subjects, the invited; an agent would be instrumental (issue 14, press)
        return pairs(None, list(c.after), CONFIDENCE.passive_with_agent)
    case_marked = c.grammar.case_marked and agent is not None and (
        agent.start - c.cue.end <= 2 or _titled_agent(c, agent))
    if agent is not None and c.cue.category == "passive" and c.tokens and not case_marked and \
            c.tokens[-1].casefold() not in c.words.from_markers:
        agent = next((r for r in c.after if r.start - c.cue.end < 80 and (any(
            w in c.words.from_markers for w in word_before(c.sentence, r.start, 2))
            or _by_titled(c, r))), None)
    if agent is not None and not agent.party.known:
        # "at the invitation of President of People's Republic of China Xi Jinping": a
        # capitalised stretch the gazetteer lacks is the title of the figure that follows.
        # A lower-case word between them (of four letters or more, no function word: "of
        # China" completes the title) is a verb or a clause: "Auf Einladung der
        # Oberbürgermeisterin Katrin Albrecht besucht Bundeskanzler Merz" names the inviter
        # beyond the gazetteer, and Merz is the guest (issue 14, parties round).
        agent = next((r for r in c.after if r.party.known and r.start >= agent.end and
                      r.start - agent.end <= 40 and
                      not any(p in c.sentence[agent.end : r.start] for p in ",;.") and
                      not _another_name_first(c.sentence[c.cue.end : r.start], c.words) and
                      not any(w[:1].islower() and len(w) >= 4 and
                              w.casefold() not in c.words.name_stop
                              for w in c.sentence[agent.end : r.start].split())),
                     agent)
    if agent is None:
        # "was invited to the White House": the residence is the host.
        agent = next((r for r in c.after if r.residence and r.start - c.cue.end < 40), None)
    if agent is None and c.cue.category == "passive":
        # "получил приглашение на инаугурацию Дональда Трампа", "received an invitation to
        # Trump's inauguration": the owner of the event (a genitive, a possessive) invites.
        agent = next((r for r in c.after if r.start - c.cue.end < _EVENT_OWNER and (
            r.possessive or (c.grammar.case_marked and r.case == "gen"))), None)
    # "Starmer will travel to the White House at the invitation of Trump": a residence
    # after the guest is where the guest goes; as the subject ("the Kremlin, at the
    # invitation of ...") it stands for its holder.
    guests = [r for i, r in enumerate(c.before) if not (r.residence and i > 0)]
    if c.cue.category == "by" and len(c.after) >= 2 and _announcer_before(c):
        guests = []  # "外交部发言人汪文斌宣布，应马克龙邀请，习近平将…": the guest follows
    patients = coordinated_back(c.sentence, guests, c.words) if guests else []
    if not patients and len(c.after) >= 2:
        # "应习近平邀请，普拉博沃同安瓦尔将出席": CJK guests joined without spaces
        patients = coordinated(c.sentence, c.after[1:], c.words,
                               glued=_cjk(c.cue.text))
    if not patients and c.cue.category == "passive" and c.previous_subject is not None:
        return pairs(agent, [c.previous_subject], CONFIDENCE.passive_previous_subject)
    guest = None if patients else (_zero_subject_guest(c, agent) or _visit_back_guest(c, agent))
    if guest is not None:
        # "Zeman navštívil Moskvu. Do Ruska přijel na pozvání Putina": a language that
        # leaves a known subject unsaid names the guest in the sentence before.
        return pairs(agent, [guest], CONFIDENCE.zero_subject_guest)
    return [pair for inviter in _joint_agents(c, agent, patients)
            for pair in pairs(inviter, patients, CONFIDENCE.passive_with_agent)]


def _joint_agents(c: Clause, agent: Ref | None, patients: list[Ref]) -> list[Ref | None]:
    """"Zelensky is door Macron en Scholz uitgenodigd", "was invited by Macron and Scholz":
    every agent coordinated with the first invites (issue 14, args round); a figure among
    the invited is none of them."""
    if agent is None or not patients or agent not in c.after:
        return [agent]
    joined = coordinated(c.sentence, c.after[c.after.index(agent):], c.words)
    invited = {p.party.key for p in patients}
    return [agent, *(r for r in joined[1:] if r.party.key not in invited)]


_NOMINATIVE_GAP = 4  # words of a title between a passive cue and a figure in the nominative


def _nominative_after_passive(c: Clause, agent: Ref) -> bool:
    """A Cyrillic figure right after a passive cue, with no instrumental ending on any of
    its words nor a from-marker before it, in a case-marked language: no agent."""
    if c.cue.category != "passive" or not c.grammar.case_marked or \
            agent.case in ("ins", "dat"):
        return False
    surface = c.sentence[agent.start : agent.end]
    if not any("\u0400" <= ch <= "\u04ff" for ch in surface):
        return False
    gap = c.sentence[c.cue.end : agent.start].split()
    if len(gap) > _NOMINATIVE_GAP or any(w.casefold() in c.words.from_markers for w in gap) \
            or any(mark in " ".join(gap) for mark in ",;.:()"):
        return False  # "приглашены Министр финансов Антон Силуанов": a title between
    endings = c.grammar.case_endings.instrumental
    return not any(w.casefold().endswith(endings) for w in surface.split())


_TITLE_WORDS = 3  # capitalised title words between "by" and the agent's name


def _by_titled(c: Clause, ref: Ref) -> bool:
    """"invited to the summit by Secretary General Jens Stoltenberg": a from-marker, then
    only capitalised title words, then the figure (issue 14, press releases)."""
    before = word_before(c.sentence, ref.start, _TITLE_WORDS + 1)
    for k, word in enumerate(before):
        if word in c.words.from_markers:
            between = c.sentence[: ref.start].split()[-(len(before) - k - 1):] \
                if k < len(before) - 1 else []
            return all(w[:1].isupper() and w.isalpha() for w in between)
    return False


def _titled_agent(c: Clause, agent: Ref) -> bool:
    """"byl pozván předsedou Evropské komise Jeanem-Claudem Junckerem": in a case-marked
    language a title in the agent's case (listed among the lexicon's titles) and its
    complement may stand between the passive verb and the agent."""
    gap = c.sentence[c.cue.end : agent.start]
    words = gap.split()
    return (0 < len(words) <= 4 and words[0].casefold() in c.words.titles
            and not any(mark in gap for mark in ",;.:()"))


def _zero_subject_guest(c: Clause, inviter: Ref | None) -> Ref | None:
    """The previous sentence's subject, when the clause names its inviter only, in a
    language that drops a known subject (`zero_pronoun`), and that subject is another."""
    previous = c.previous_subject
    if (c.grammar.zero_pronoun and not c.before and inviter is not None
            and previous is not None and previous.party.key != inviter.party.key):
        return previous
    return None


def _visit_back_guest(c: Clause, inviter: Ref | None) -> Ref | None:
    """"Koning Willem-Alexander is in Tokio aangekomen. Het bezoek vindt plaats op
    uitnodiging van de keizer", "The visit is at the invitation of ...": an "at the
    invitation of" clause whose subject is the visit of the sentence before (a
    `visit_back_words` phrase opening it, no figure before the cue) has that sentence's
    subject as its guest."""
    previous = c.previous_subject
    if c.cue.category != "by" or c.before or inviter is None or previous is None or \
            previous.party.key == inviter.party.key or not c.words.visit_back:
        return None
    opening = " ".join(c.sentence[: c.cue.start].casefold().split()) + " "
    return previous if any(opening.startswith(w + " ") for w in c.words.visit_back) else None


def agreed_with_partner(c: Clause) -> list[Pair] | None:
    """"Harris agreed to a debate with Trump": the partner proposed it, the subject
    accepts."""
    if c.cue.category != "agreed":
        return None
    subject = c.before[-1] if c.before else (c.after[1] if len(c.after) >= 2 else None)
    partner = c.after[0] if c.after else None
    return pairs(partner, [subject] if subject else [], CONFIDENCE.agreed)


# --- active verbs ---------------------------------------------------------------------

_RELATIVE_VERB_GAP = 6  # words between the relative clause's subject and its verb


def relative_object(c: Clause) -> list[Pair] | None:
    """"Donald Tusk, whom Olaf Scholz had invited to Berlin, arrived on Monday", "Tusk,
    den Scholz nach Berlin eingeladen hatte", "Tusk, qu'Olaf Scholz avait invité",
    "Туск, которого Шольц пригласил": an object relative pronoun right after "<figure>,"
    and a figure right after the pronoun: that figure invites the antecedent."""
    if c.cue.category != "active" or len(c.before) < 2 or not c.words.relative_objects:
        return None
    antecedent, subject = c.before[-2], c.before[-1]
    gap = c.sentence[antecedent.end : subject.start]
    if antecedent.party.key == subject.party.key or not gap.lstrip().startswith(","):
        return None
    tokens = [t for t in (w.strip(",").casefold() for w in gap.split()) if t]
    if not any(t in c.words.relative_objects for t in tokens) or not all(
            t in c.words.relative_objects or t in c.words.titles or t in c.words.articles
            or t in c.words.to_markers
            for t in tokens):
        return None
    between = c.sentence[subject.end : c.cue.start]
    if any(p in between for p in ",;:") or len(between.split()) > _RELATIVE_VERB_GAP:
        return None
    return pairs(subject, [antecedent], CONFIDENCE.relative_object)


def relative_object_subject_after(c: Clause) -> list[Pair] | None:
    """"Lula, a quien invitó Pedro Sánchez", "Си Цзиньпин, которого пригласил Путин":
    a pronoun that marks the object whatever the order (lexicon list
    `inverted_relative_objects`) right before the verb, and its subject right after it."""
    if c.cue.category != "active" or not c.before or not c.after or \
            not c.words.inverted_relative_objects:
        return None
    antecedent, subject = c.before[-1], c.after[0]
    gap = c.sentence[antecedent.end : c.cue.start].strip()
    if not gap.startswith(",") or antecedent.party.key == subject.party.key:
        return None
    if " ".join(gap[1:].casefold().split()) not in c.words.inverted_relative_objects:
        return None
    after_verb = c.sentence[c.cue.end : subject.start]
    if any(p in after_verb for p in ",;:") or len(after_verb.split()) > 2:
        return None
    return pairs(subject, [antecedent], CONFIDENCE.relative_object)



_RELATIVE_PRONOUN_GAP = 8  # words of a relative clause before its verb ("der ihn nach Kiew")


def _relative_clause_tokens(c: Clause, antecedent: Ref) -> list[str] | None:
    """The words between "<antecedent>," and the cue, when that comma opens the cue's
    relative clause (no other punctuation, a few words at most); elided clitics ("l'a",
    "qu'il") split off as words of their own."""
    gap = c.sentence[antecedent.end : c.cue.start]
    if not gap.lstrip().startswith(",") or any(p in gap.lstrip()[1:] for p in ",;:()"):
        return None
    text = gap.lstrip()[1:].replace("’", "'").replace("'", "' ")
    tokens = [t for t in (w.strip("\"«»„“").casefold() for w in text.split()) if t]
    return tokens if 0 < len(tokens) <= _RELATIVE_PRONOUN_GAP else None


def _antecedent(c: Clause) -> tuple[Ref, list[str]] | None:
    """The figure a relative clause opening right before the cue is about, and the words
    of that clause before the cue. A residence closing the main clause is a place ("a reçu
    Merz à l'Élysée, qu'il a invité"): the antecedent is the figure before it."""
    last = c.before[-1]
    tokens = _relative_clause_tokens(c, last)
    if tokens is None:
        return None
    if last.residence:
        people = [r for r in c.before[:-1] if not r.residence]
        if not people:
            return None
        return people[-1], tokens
    return last, tokens


def _main_subject(c: Clause, antecedent: Ref) -> Ref | None:
    """The main clause's subject a pronoun in a relative clause stands for: the first
    figure of the sentence other than the antecedent and those coordinated with it."""
    group = {r.party.key for r in coordinated_back(c.sentence, c.before[: c.before.index(
        antecedent) + 1], c.words)}
    return next((r for r in c.before if r.party.key not in group and not r.residence), None)


def relative_subject_pronoun_object(c: Clause) -> list[Pair] | None:
    """"Merz traf Selenskyj, der ihn nach Kiew einlud", "Macron a rencontré Zelensky, qui
    l'a invité à Kyiv", "Sánchez se reunió con Zelenski, que lo invitó a Kiev", "Starmer
    met Zelensky, who invited him to Kyiv", "Макрон встретился с Зеленским, который
    пригласил его в Киев": a subject relative pronoun after "<figure>," and an object
    pronoun (before the verb, or right after it): the antecedent invites the main
    clause's subject the pronoun stands for."""
    if c.cue.category not in ("active", "challenge") or len(c.before) < 2 or not c.words.relative:
        return None
    found = _antecedent(c)
    if found is None or found[1][0] not in c.words.relative:
        return None
    antecedent, tokens = found
    pronoun_before = len(tokens) >= 2 and (tokens[1] in c.words.object_pronouns
                                           or tokens[1] == "l'") and \
        tokens[1] not in c.words.plural_pronouns and (len(tokens) <= 3 or c.grammar.verb_final)
    following = c.sentence[c.cue.end : c.cue.end + 20].replace("-", " ").split()[:1]
    pronoun_after = len(tokens) <= 2 and object_pronoun_follows(c.sentence, c.cue, c.words) \
        and following[0].strip(",.;:!?").casefold() not in c.words.plural_pronouns
    if not (pronoun_before or pronoun_after):
        return None
    invitee = _main_subject(c, antecedent)
    if invitee is None:
        return None
    return pairs(antecedent, [invitee], CONFIDENCE.relative_pronoun_object)


def relative_object_pronoun_subject(c: Clause) -> list[Pair] | None:
    """"Starmer met Zelensky, whom he invited to London", "Merz traf Selenskyj, den er
    nach Berlin eingeladen hatte", "Macron a reçu Zelensky, qu'il a invité à Paris",
    "Путин встретился с Лукашенко, которого он пригласил в Москву": an object relative
    pronoun after "<figure>," and a subject pronoun: the main clause's subject the pronoun
    stands for invites the antecedent."""
    if c.cue.category not in ("active", "challenge") or len(c.before) < 2 or \
            not c.words.relative_objects:
        return None
    found = _antecedent(c)
    if found is None or len(found[1]) < 2:
        return None
    antecedent, tokens = found
    if tokens[0] in c.words.relative_objects:
        rest = tokens[1:]
    elif " ".join(tokens[:2]) in c.words.inverted_relative_objects:
        rest = tokens[2:]  # "a quien él había invitado"
    else:
        return None
    if not rest or rest[0] not in c.words.pronouns or rest[0] in c.words.plural_pronouns or (
            len(rest) > 3 and not c.grammar.verb_final):
        return None
    inviter = _main_subject(c, antecedent)
    if inviter is None:
        return None
    return pairs(inviter, [antecedent], CONFIDENCE.relative_pronoun_subject)


_INVERTED_TITLE_WORDS = 3  # title words between a pronoun and its inverted subject
_INVERTED_OPENER_WORDS = 3  # words of a clause opener before the pronoun ("zu dem", "dokąd")


def _only_titles(text: str, words: Words) -> bool:
    """True when the text holds nothing but title words and articles ("Bundespräsident",
    "prezydent", "der damalige"), a few at most, and no punctuation."""
    tokens = [w.casefold() for w in text.split()]
    # a capitalised word is a German title noun ("Bundespräsident") or a first name
    return not any(p in text for p in ",;:()") and len(tokens) <= _INVERTED_TITLE_WORDS and \
        all(t in words.titles or t in words.articles or w[:1].isupper()
            for t, w in zip(tokens, text.split(), strict=True))


def _single_object_pronoun(word: str, words: Words) -> bool:
    """An object pronoun that stands for one person and is never a subject ("ihn", "его",
    "go"; not German "sie", which may be the subject)."""
    word = word.strip(",.;:!?\"'«»„“").casefold()
    return word in words.object_pronouns and word not in words.plural_pronouns and \
        word not in words.pronouns and word not in words.articles  # "le", "o": articles too


def _opened_clause_antecedent(c: Clause, opener: str, inviter: Ref) -> Ref | None:
    """The figure an object pronoun of a subordinate clause stands for: the clause must
    open with a comma a few words before the pronoun; the antecedent is the main clause's
    first figure that is not the inviter (the inviter's own seat named as the place, "в
    Белом доме, куда его пригласил Трамп", is no antecedent)."""
    if "," not in opener:
        return None
    tail = opener[opener.rindex(",") + 1 :]
    if any(p in tail for p in ";:()") or len(tail.split()) > _INVERTED_OPENER_WORDS:
        return None
    return next((r for r in c.before if r.party.key != inviter.party.key and r.end <=
                 c.sentence.rindex(",", 0, c.cue.start) and not r.residence), None)


def pronoun_before_inverted_subject(c: Clause) -> list[Pair] | None:
    """"..., zu dem ihn Bundespräsident Steinmeier eingeladen hatte", "..., waarvoor hem
    Steinmeier had uitgenodigd", "..., куди його Трамп запросив": in a subordinate clause
    an object pronoun comes before the figure that is the clause's subject, and the verb
    follows it; the figure invites the main clause's figure the pronoun stands for
    (fixl round, issue 14)."""
    if len(c.before) < 2:
        return None
    subject = c.before[-1]
    between = c.sentence[subject.end : c.cue.start]
    if any(p in between for p in ",;:") or len(between.split()) > _INVERTED_TITLE_WORDS:
        return None
    head = c.sentence[c.before[-2].end : subject.start]
    words = head.split()
    for cut in range(len(words) - 1, -1, -1):
        if _single_object_pronoun(words[cut], c.words):
            if not _only_titles(" ".join(words[cut + 1 :]), c.words):
                return None
            antecedent = _opened_clause_antecedent(c, " ".join(words[:cut]), subject)
            return None if antecedent is None else pairs(
                subject, [antecedent], CONFIDENCE.inverted_subject)
    return None


def verb_pronoun_inverted_subject(c: Clause) -> list[Pair] | None:
    """"..., dokąd zaprosił go prezydent Trump", "..., куда пригласил его Трамп": the verb,
    an object pronoun right after it and the clause's subject after that, in a clause
    opened by a comma; the subject invites the main clause's figure (fixl round)."""
    if not c.before or not c.after:
        return None
    subject = c.after[0]
    following = c.sentence[c.cue.end : subject.start].split()
    if not following or not _single_object_pronoun(following[0], c.words) or \
            not _only_titles(" ".join(following[1:]), c.words):
        return None
    last = c.before[-1]
    opener = c.sentence[last.end : c.cue.start]
    if last.party.key == subject.party.key or last.residence:
        earlier = [r for r in c.before if r.party.key != subject.party.key and
                   not r.residence]
        if not earlier:
            return None
        opener = c.sentence[earlier[-1].end : c.cue.start]
    antecedent = _opened_clause_antecedent(c, opener, subject)
    return None if antecedent is None else pairs(subject, [antecedent],
                                                 CONFIDENCE.inverted_subject)


_PRONOUN_TO_VERB_WORDS = 6  # "ihn im März", "hem in maart had": adverbials and an auxiliary


def subject_pronoun_verb_final(c: Clause) -> list[Pair] | None:
    """"..., seit Merz ihn im März eingeladen hatte", "..., sinds Schoof hem had
    uitgenodigd", "..., dass Merz ihn eingeladen habe": in a verb-final clause opened by a
    comma the figure is the subject and the object pronoun right after it stands for the
    main clause's figure; the subject invites that figure. Read the other way round, the
    main clause's figure became the inviter."""
    if len(c.before) < 2:
        return None
    subject = c.before[-1]
    between = c.sentence[subject.end : c.cue.start].split()
    if not between or len(between) > _PRONOUN_TO_VERB_WORDS or \
            any(p in " ".join(between) for p in ",;:()") or \
            not _single_object_pronoun(between[0], c.words):
        return None
    antecedent = _opened_clause_antecedent(
        c, c.sentence[c.before[-2].end : subject.start], subject)
    return None if antecedent is None else pairs(subject, [antecedent],
                                                 CONFIDENCE.inverted_subject)


def clitic_object(c: Clause) -> list[Pair] | None:
    """"Macron l'avait invité", "Francis Ngannou, qui l'invitait", "telefonou a Lula e o
    convidou" (the subject before the clitic); "lo ha invitato Macron", "куда его
    приглашал Рамафоса" (the object first, the subject after the verb)."""
    if not c.grammar.preverbal_clitics or not clitic_before(c.sentence, c.cue, c.words,
                                                             c.grammar):
        return None
    if c.grammar.verb_second and _subject_pronoun_leads(c):
        return None  # "Sie lud den Tesla-Chef ... ein": she invited, not "invited her"
    before, after = c.before, c.after
    if before and not c.sentence[before[-1].end : c.cue.start].strip() and \
            not clitic_in_cue(c.cue, c.words):
        return None  # "Le chef de l'État a invité Merz": the l' is the figure's own word
    conjoined = len(before) >= 2 and any(
        w.strip(",").casefold() in c.words.conjunctions
        for w in c.sentence[before[-1].end : c.cue.start].split())
    if before and (not after or conjoined or right_before(c.sentence, before[-1], c.cue,
                                                          c.words)):
        subject, object_ref = subject_and_object_before(c.sentence, c.cue, before, c.words,
                                                        c.previous_subject)
        if object_ref is not None and object_ref is c.previous_subject:
            object_ref = _clitic_antecedent(c, subject)
        return pairs(subject, [object_ref] if object_ref else [],
                     CONFIDENCE.clitic_subject_before)
    if after:
        # the subject's own seat named as the place ("в Белом доме, куда его пригласил
        # Трамп") is no antecedent: the figure before it is (fixl round)
        own = [r for r in before if r.party.key != after[0].party.key and not r.residence]
        object_ref = own[-1] if own else None if before else _clitic_antecedent(c, after[0])
        objects = [object_ref] if object_ref else []
        if before and word_before(c.sentence, c.cue.start)[-1:] and \
                word_before(c.sentence, c.cue.start)[-1] in c.words.plural_pronouns:
            # "Лукашенко и Токаев примут участие в параде, на который их пригласил Путин":
            # a plural clitic stands for every figure joined by 'and' (issue 14, pairs).
            objects = coordinated_back(c.sentence, before, c.words)
        return pairs(after[0], objects, CONFIDENCE.clitic_subject_after)
    return None


def _subject_pronoun_leads(c: Clause) -> bool:
    """In a verb-second language the one word before the finite verb is its subject: a
    pronoun there that is also an object form ("Sie", "ze") is the subject (refs round)."""
    lead = c.sentence[: c.cue.start].split()
    return len(lead) == 1 and lead[0].strip(",.;:!?\"'«»„“").casefold() in c.words.pronouns


def _clitic_antecedent(c: Clause, inviter: Ref) -> Ref | None:
    """The sentence before's figure a clitic stands for: its subject, unless it names
    more people the clitic's gender allows ("Sánchez almorzó con Sheinbaum. Macron la
    invitó": the one woman; "... con Macron y Lula. Merz lo invitó": nobody)."""
    if not c.previous_refs:
        return c.previous_subject
    found = coref.object_pronoun(c.sentence, c.cue, c.words, c.grammar, c.first_word_end)
    return coref.resolve_object(c.previous_refs, inviter, found[1] if found else None)


def subject_verb_object(c: Clause) -> list[Pair] | None:
    """"Macron invited Scholz and Tusk": the nearest figure before the verb that is not
    its object ("стрім з Маском, на який волонтер запрошував засновника SpaceX")."""
    if not (c.before and c.after):
        return None
    subjects = [r for r in c.before if r.party.key != c.after[0].party.key] or c.before
    subjects = _outside_relative_asides(c, subjects)
    subject = subjects[-1]
    objects = [r for r in c.after if r.party.key != subject.party.key]
    if not objects:
        return None
    if _owner_of_invitees(c, objects[0]):
        # "ready to meet some of Zelensky's demands": a thing of his, not him.
        return []
    confidence = CONFIDENCE.subject_verb_object if objects[0].start - c.cue.end <= _NEAR_OBJECT \
        else CONFIDENCE.subject_verb_far_object
    invitees = coordinated(c.sentence, objects, c.words)
    return [pair for inviter in _joint_subjects(c, subjects) for pair in
            pairs(inviter, invitees, confidence)]


def _outside_relative_asides(c: Clause, subjects: list[Ref]) -> list[Ref]:
    """"Nigel Farage, who leads Reform UK, invited Albanese": a figure inside a relative
    clause set off by commas before the verb is that clause's matter; the subject is its
    antecedent, named before the opening comma (issue 14, stop 35: the party a leader leads
    was taken as the inviter)."""
    kept = [r for r in subjects
            if not in_closed_relative(c.sentence, r.start, r.end, c.cue.start, c.words)]
    return kept or subjects


def _joint_subjects(c: Clause, subjects: list[Ref]) -> list[Ref]:
    """"Macron and Scholz invited Zelensky": every figure joined to the subject by 'and'
    invites, when nothing but words stands between the subject and the verb. The last link
    must hold a conjunction: after a bare comma ("At Macron's summit, Meloni invited") the
    figure before belongs to another phrase."""
    subject = subjects[-1]
    between = c.sentence[subject.end : c.cue.start]
    if len(subjects) < 2 or any(p in between for p in ",;:.()\"«»“”") or \
            any(token[:1].isupper() for token in between.split()):
        # a capitalised word between may be a name the gazetteer does not hold, the subject
        return [subject]
    last_link = c.sentence[subjects[-2].end : subject.start].replace(",", " ").casefold().split()
    if not any(token in c.words.conjunctions for token in last_link):
        return [subject]
    return list(reversed(coordinated_back(c.sentence, subjects, c.words)))


def verb_second(c: Clause) -> list[Pair] | None:
    """"Am Samstag lud Musk Putin ein": subject and object after the verb (not "...
    eingeladen, darunter"). A title and the name after it are one figure ("وجه ولي العهد
    السعودي الأمير محمد بن سلمان دعوة إلى ... ترامب": the crown prince, Prince Mohammed)."""
    after = [r for i, r in enumerate(c.after) if i == 0 or r.party.key != c.after[i - 1].party.key]
    if len(after) >= 2 and after[0].party.key != after[1].party.key and \
            c.grammar.verb_second and "," not in c.sentence[c.cue.end : after[0].start]:
        group = coordinated(c.sentence, after, c.words)
        inside = [r for r in after if r.start < c.cue.end]
        if len(group) >= 2 and not c.before and len(inside) == len(group) and \
                all(r in group for r in inside):
            # "RTL heeft Jetten en Yeşilgöz uitgenodigd": the figures joined by 'and' are
            # all a split cue holds, the verb's objects together, and the subject is no
            # figure ("luden Macron und Scholz Putin ein" holds a third: its object;
            # issue 14, pairs).
            return [(None, r, CONFIDENCE.lone_figure) for r in group]
        return pairs(after[0], coordinated(c.sentence, after[1:], c.words),
                     CONFIDENCE.verb_second)
    return None


def case_particles(c: Clause) -> list[Pair] | None:
    """"트럼프 대통령은 김정은 위원장을 초청했다", "岸田首相はバイデン大統領を招いた": the
    particles say who is the subject and who the object, whatever the order."""
    if len(c.before) < 2 or not c.grammar.has_particles:
        return None
    roles = [(ref, _particle_role(c.sentence, ref, c.grammar)) for ref in c.before]
    subjects = [r for r, role in roles if role == "subject"]
    objects = [r for r, role in roles if role == "object"]
    if subjects and objects and subjects[-1].party.key != objects[-1].party.key:
        return pairs(subjects[-1], _joined_before(c, objects[-1], subjects[-1]),
                     CONFIDENCE.particles)
    return None


def nominative_before_topic(c: Clause) -> list[Pair] | None:
    """"ゼレンスキー大統領は4日、プーチン大統領がモスクワでの会談に招いたことについて…":
    the figure right before the verb marked by a nominative particle (が, the clause's own
    subject) invites; no object named in the clause, the one invited is the sentence's
    topic before it (は), left unsaid as the object (issue 14, njt round)."""
    if c.cue.category != "active" or len(c.before) < 2 or not c.grammar.nominative_particles:
        return None
    subject = c.before[-1]
    if _particle_of(c.sentence, subject, c.grammar) not in c.grammar.nominative_particles or \
            any(p in c.sentence[subject.end : c.cue.start] for p in c.grammar.object_particles):
        return None
    earlier = [(r, _particle_of(c.sentence, r, c.grammar)) for r in c.before[:-1]]
    if any(p in c.grammar.object_particles for _, p in earlier):
        return None
    topics = [r for r, p in earlier if p in c.grammar.subject_particles
              and p not in c.grammar.nominative_particles and r.party.key != subject.party.key]
    return pairs(subject, topics[-1:], CONFIDENCE.particles) if topics else None


def _particle_of(sentence: str, ref: Ref, grammar: Grammar) -> str | None:
    """The case particle closing a name written without spaces ("大統領が", "氏は"); None
    when another particle comes first or none follows."""
    if grammar.particle_style != "scan":
        return None
    for ch in sentence[ref.end : ref.end + 6]:
        if ch in grammar.subject_particles or ch in grammar.object_particles:
            return ch
        if ch in grammar.other_particles:
            return None
    return None


def _joined_before(c: Clause, last: Ref, subject: Ref) -> list[Ref]:
    """"기시다 총리와 바이든 대통령에게 … 제의했다": the object and the figures joined to it
    by 'and' before it (only the last carries the particle; issue 14, wider)."""
    group = [last]
    for ref in reversed(c.before[: c.before.index(last)]):
        if ref is subject or not _joined(c, ref, group[0]):
            break
        group.insert(0, ref)
    return group


def pronoun_object_before_final_verb(c: Clause) -> list[Pair] | None:
    """"..., wohin Fico ihn eingeladen hatte", "... weil Scholz ihn eingeladen hat": in a
    verb-final clause a pronoun object between the last figure and the verb stands for an
    earlier figure of the sentence; the last figure invites it."""
    if len(c.before) < 2 or not c.grammar.verb_final:
        return None
    subject = c.before[-1]
    gap = [w.strip(",.;:").casefold() for w in c.sentence[subject.end : c.cue.start].split()]
    if not gap or len(gap) > 2 or gap[0] not in c.words.object_pronouns:
        return _pronoun_and_figure_before_final_verb(c)
    others = [r for r in c.before if r.party.key != subject.party.key]
    if not others:
        return None
    return pairs(subject, [others[0]], CONFIDENCE.verb_final_pronoun_object)


def _pronoun_and_figure_before_final_verb(c: Clause) -> list[Pair] | None:
    """"..., zu dem Tusk ihn und Frankreichs Präsidenten Macron eingeladen hatte": the
    pronoun object joined by 'and' to a figure right before the verb; the figure before
    the pronoun invites both (issue 14, b11-status round)."""
    if len(c.before) < 3:
        return None
    subject, joined = c.before[-2], c.before[-1]
    gap = [w.strip(",.;:").casefold() for w in c.sentence[subject.end : joined.start].split()]
    if c.sentence[joined.end : c.cue.start].strip() or not 2 <= len(gap) <= 5 or \
            gap[0] not in c.words.object_pronouns or gap[1] not in c.words.conjunctions:
        return None
    keys = {subject.party.key, joined.party.key}
    antecedent = next((r for r in c.before if r.party.key not in keys), None)
    if antecedent is None:
        return None
    return pairs(subject, [antecedent, joined], CONFIDENCE.verb_final_pronoun_object)


_TOPIC_COORDINATION = 16  # characters between two coordinated names without spaces


def _joined(c: Clause, left: Ref, right: Ref) -> bool:
    """'and' between two names, also where it is written onto the name or its title
    ("プーチン大統領とウクライナのゼレンスキー大統領", "Putin ile Zelenskiy")."""
    gap = c.sentence[left.end : right.start]
    limit = _TOPIC_COORDINATION if c.grammar.has_particles else COORDINATION_GAP
    if len(gap) > limit or any(p in gap for p in ",、;:.!?"):
        return False
    if gap in ("-", "–", "/"):
        return True  # "Trump-Putin görüşmesi": a meeting of the two
    tokens = {t.casefold() for t in gap.split()}
    return bool(tokens & c.words.conjunctions) or (
        c.grammar.has_particles and any(conj in gap for conj in c.words.conjunctions))


def topic_then_objects(c: Clause) -> list[Pair] | None:
    """"エルドアン大統領は…プーチン大統領とゼレンスキー大統領に対し…申し出た", "Erdoğan, Putin
    ile Zelenskiy'in ... görüşmesini önerdi": in a verb-final clause the first figure,
    marked as the topic (a subject particle, or a comma after it), proposes to the figures
    joined by 'and' before the verb."""
    if len(c.before) < 3 or not c.grammar.verb_final:
        return None
    subject = c.before[0]
    topic = _particle_role(c.sentence, subject, c.grammar) == "subject" or \
        c.sentence[subject.end : subject.end + 1] == ","
    if not topic:
        return None
    objects = [r for r in c.before[1:] if r.party.key != subject.party.key]
    if len(objects) < 2 or not all(_joined(c, a, b) for a, b in pairwise(objects)):
        return None
    return pairs(subject, objects, CONFIDENCE.verb_final)


def verb_final(c: Clause) -> list[Pair] | None:
    """"..., dass Musk Putin einlud"; "Scholz hat Macron und Tusk eingeladen": the objects
    are the coordinated group nearest the final verb."""
    if len(c.before) < 2 or not c.grammar.verb_final:
        return None
    # "Steinmeier empfing Stubb im Schloss Bellevue und lud ihn ... ein": a residence
    # after the first figure is a place, never the object.
    before = [r for i, r in enumerate(c.before) if not (i > 0 and r.residence)]
    if len(before) < 2:
        return None
    objects = coordinated_back(c.sentence, before, c.words)
    rest = before[: len(before) - len(objects)]
    if rest:
        # "Erdoğan'ın ... Papa'yı davet etmesini": a genitive is a nominalised verb's subject.
        genitives = [r for r in rest if r.possessive] if c.grammar.case_marked else []
        subject = genitives[-1] if genitives else rest[-1]
        return pairs(subject, list(reversed(objects)), CONFIDENCE.verb_final)
    if c.grammar.head_final and len(objects) >= 2 and any(
            {w.casefold() for w in c.sentence[a.end : b.start].split()} & c.words.conjunctions
            for a, b in pairwise(reversed(objects))):
        # "दो न्यायाधीशों ने ... मोदी और ... राहुल गांधी को ... आमंत्रित किया": every figure is
        # an object; the inviter is no figure.
        return [(None, r, CONFIDENCE.lone_figure) for r in reversed(objects)]
    return pairs(before[-2], [before[-1]], CONFIDENCE.verb_final_pair)


def object_pronoun_after(c: Clause) -> list[Pair] | None:
    """"after Macron invited her"; "telefonou a Zelensky e convidou-o": both figures
    before, a pronoun object after the verb."""
    if len(c.before) < 2 or not object_pronoun_follows(c.sentence, c.cue, c.words):
        return None
    subject, object_ref = subject_and_object_before(c.sentence, c.cue, c.before, c.words, None)
    return pairs(subject, [object_ref] if object_ref else [], CONFIDENCE.object_pronoun_after)


def pronouns_previous_sentence(c: Clause) -> list[Pair] | None:
    """"Macron received Lula on Monday. He invited him to the summit in Nice", "Il l'a
    invité", "Er lud ihn ... ein", "Lo invitó", "Convidou-o", "Она пригласила его": a
    sentence naming nobody, with a subject pronoun (or, where the language drops it,
    none) and an object pronoun, is the previous sentence's subject inviting its other
    figure, or the reverse when the genders allow only that (coref.py); nothing when the
    previous sentence names other than two people."""
    if c.cue.category != "active" or c.refs or len(c.previous_refs) < 2:
        return None
    subject = coref.subject_pronoun(c.sentence, c.cue, c.words, c.grammar)
    if subject is None:
        return None
    found = coref.object_pronoun(c.sentence, c.cue, c.words, c.grammar, c.first_word_end)
    if found is None:
        return None
    resolved = coref.resolve_both(c.previous_refs, subject[1], found[1])
    if resolved is None:
        return []  # two pronouns, no sure antecedents: no one else is meant either
    inviter, invitee = resolved
    return pairs(inviter, [invitee], CONFIDENCE.pronouns_previous_sentence)


_PARTNER_TO_CUE = 6  # words from the partner to the request ("and asked him to come")


def partner_then_request(c: Clause) -> list[Pair] | None:
    """"Støre snakket med Zelenskyj og ba ham komme til Oslo", "Токаев поговорил с Путиным и
    попросил приехать в Астану": the subject spoke with a partner and, in a clause joined
    by 'and', asked him (a pronoun or nothing) to come; the partner is the invitee (issue
    14, ask round). Only two figures before the cue, none after, the second right after a
    with-word and the cue right after a conjunction."""
    if c.cue.category != "active" or c.after or len(c.before) != 2 or \
            c.before[0].party.key == c.before[1].party.key:
        return None
    subject, partner = c.before
    lead = c.sentence[subject.end : partner.start].casefold().split()[-3:]
    if not any(w.strip(",.;:") in c.words.with_markers for w in lead):
        return None
    between = [w.strip(",.;:") for w in c.sentence[partner.end : c.cue.start].casefold().split()]
    if not between or len(between) > _PARTNER_TO_CUE or \
            not any(w in c.words.conjunctions for w in between):
        return None
    return pairs(subject, [partner], CONFIDENCE.object_pronoun_previous)


def object_pronoun_previous(c: Clause) -> list[Pair] | None:
    """"There was a talk with Viktor Orbán. I invited him to visit Ukraine", "Scholz spoke
    with Meloni. Macron invited her too": an object pronoun right after an active verb, no
    figure after it and at most its subject before, stands for the one figure of the
    previous sentence, besides the inviter, its gender allows (coref.resolve_object; two
    → nobody); the speaker of a transcript supplies a first-person inviter later."""
    if c.cue.category != "active" or c.after or c.previous_subject is None or len(c.before) > 1:
        return None
    if not (object_pronoun_follows(c.sentence, c.cue, c.words) or _pronoun_in_frame(c)
            or coref.object_follows(c.sentence, c.cue, c.words, c.first_word_end)
            or (not c.before and clitic_in_cue(c.cue, c.words))):  # "« Je lui ai proposé »"
        return None
    inviter = c.before[-1] if c.before else None
    if inviter is None:
        # only "I invited him": a transcript's speaker is the inviter; "The club invited
        # him" or "He invited him" name no figure to invite
        lead = [w for w in (w.strip(",.;:!?\"'«»“”").casefold()
                            for w in c.sentence[: c.cue.start].split()) if w]
        if not lead or lead[0] not in c.words.first_person or len(lead) > 3:
            return None
    elif inviter.party.key == c.previous_subject.party.key:
        return None
    invitee = c.previous_subject
    if c.previous_refs:
        # "Macron met Scholz and Lula. Merz invited him": two men the pronoun may stand
        # for, no sure reading; "Macron met Meloni. Merz invited her": the one woman
        found = coref.object_pronoun(c.sentence, c.cue, c.words, c.grammar, c.first_word_end)
        resolved = coref.resolve_object(c.previous_refs, inviter or _quoted_speaker(c),
                                        found[1] if found else None)
        if resolved is None:
            return []
        invitee = resolved
    return pairs(inviter, [invitee], CONFIDENCE.object_pronoun_previous)


def _quoted_speaker(c: Clause) -> Ref | None:
    """'"I have invited him to Kyiv," Zelensky told reporters': the one figure a first-
    person sentence names after its verb is the quote's speaker ("I"), whom "him" is not
    (refs round); None when it names none or several."""
    named = {r.party.key: r for r in c.refs if r.start >= c.cue.end}
    return next(iter(named.values())) if len(named) == 1 and len(c.refs) == len(
        [r for r in c.refs if r.start >= c.cue.end]) else None


def _pronoun_in_frame(c: Clause) -> bool:
    """"Schoof heeft haar uitgenodigd", "Schoof nodigde haar ... uit": in a language whose
    verb frame encloses its object (`pronoun_in_frame`), the pronoun stands inside a split
    cue, right after its first word."""
    if not c.grammar.pronoun_in_frame or len(c.tokens) < 2:
        return False
    inside = c.sentence[c.first_word_end : c.cue.end].split()
    return bool(inside) and inside[0].strip(",.;:!?").casefold() in c.words.object_pronouns


def pronoun_subject(c: Clause) -> list[Pair] | None:
    """"Er habe Merz zwar eingeladen", "He invited Merz": a pronoun subject stands for the
    previous sentence's subject."""
    if c.previous_subject is None or not starts_with_pronoun(c.sentence, c.words):
        return None
    subject = _gendered_subject(c)
    if subject is None:
        return []  # "Вона ..." after a man and no one woman: no sure antecedent
    if len(c.before) == 1 and not c.after:
        return pairs(subject, c.before, CONFIDENCE.pronoun_subject)
    if c.after:
        if _owner_of_invitees(c, c.after[0]):
            return []  # "He also invited Xi Jinping's envoy": the envoy is invited
        return pairs(subject, coordinated(c.sentence, c.after, c.words),
                     CONFIDENCE.pronoun_subject)
    return None


def _gendered_subject(c: Clause) -> Ref | None:
    """The previous sentence's subject, unless the pronoun's gender says it is not: then
    the one figure there the gender fits ("Zelensky spoke with Frederiksen. «She invited
    me»": Frederiksen), else nobody (refs round)."""
    assert c.previous_subject is not None
    first = c.sentence.split(None, 1)[:1]
    gender = coref.gender_of(first[0].strip(",.\"'“”«»„").casefold(), c.words) if first else None
    if coref.fits(gender, c.previous_subject):
        return c.previous_subject
    fitting = [r for r in coref.persons(c.previous_refs) if coref.fits(gender, r)]
    return fitting[0] if len(fitting) == 1 else None


def _owner_of_invitees(c: Clause, first: Ref) -> bool:
    """"invited Kadyrov's representatives", "invited the Pope's envoy": a possessive right
    after the verb owns the invitees; it is not one of them."""
    return first.possessive and not c.grammar.head_final and (
        len(c.sentence[c.cue.end : first.start].split()) <= 1
        or (c.cue.category == "active" and first.start - c.cue.end <= _NEAR_POSSESSOR))


def told_addressee(c: Clause) -> list[Pair] | None:
    """"Путин сказал Пашиняну, что будет ждать его в Москве": the teller is the unsaid
    subject of the reported clause (`_told`), and the object pronoun after its verb stands
    for the one he told (issue 14, stop 32, cue32 round)."""
    if not c.before or c.after or not object_pronoun_follows(c.sentence, c.cue, c.words):
        return None
    told = [r for r in c.refs if r.end <= c.cue.start and r not in c.before
            and _told(c.sentence, r, c.cue, c.words)]
    if not told or told[-1].party.key == c.before[-1].party.key:
        return None
    return pairs(c.before[-1], [told[-1]], CONFIDENCE.object_pronoun_after)


def lone_figure(c: Clause) -> list[Pair] | None:
    """"Macron invited ..." (an inviter alone); "Eingeladen hatte die Bundespräsidentin
    X" (verb-final, nothing before: the figure after invites); "... invited Scholz" (an
    invitee alone)."""
    if c.before:
        return [(c.before[-1], None, CONFIDENCE.lone_figure)]
    if c.after:
        if c.grammar.verb_final and not c.sentence[: c.cue.start].strip():
            return [(c.after[0], None, CONFIDENCE.lone_figure)]
        # "Я запрошую пані Меркель і пана Саркозі": every coordinated invitee.
        return [(None, r, CONFIDENCE.lone_figure)
                for r in coordinated(c.sentence, c.after, c.words)]
    return None


# characters of a title written after the name with its particle: "대통령은", and with a
# dative "국가주석에게" (issue 14, wider)
_TITLE_AND_PARTICLE = 6


def _particle_role(sentence: str, ref: Ref, grammar: Grammar) -> str | None:
    """'subject' or 'object' from the particle closing the name (a title may stand between:
    "大統領は", "대통령은"), None when another particle or nothing marks it."""
    if grammar.particle_style == "scan":
        for ch in sentence[ref.end : ref.end + 6]:
            if ch in grammar.subject_particles:
                return "subject"
            if ch in grammar.object_particles:
                return "object"
            if ch in grammar.other_particles:
                return None
        return None
    rest = sentence[ref.end :]
    token = rest.split(None, 1)[0] if rest and not rest[0].isspace() else ""
    if not token:
        following = rest.split(None, 1)
        token = following[0] if following and len(following[0]) <= _TITLE_AND_PARTICLE else ""
    token = token.rstrip(",.;:!?'\"")
    if token and token[-1] in grammar.subject_particles:
        return "subject"
    if token and token[-1] in grammar.object_particles:
        return "object"
    return None


# --- "at the invitation of the new president" -----------------------------------------------


def described_inviter(c: Clause) -> list[Pair]:
    """"Zelensky attended Milei's inauguration at the invitation of the new Argentine
    president": the inviter is described, not named. With exactly two figures before the
    cue, the description is the one that is not the sentence's subject."""
    sentence, cue, words = c.sentence, c.cue, c.words
    following = sentence[cue.end : cue.end + 60]
    if any(cue.end <= r.start < cue.end + 60 for r in c.refs):
        return []
    tokens = [t.strip(",.;:«»\"").casefold() for t in following.split()[:4]]
    markers = words.from_markers | {"of"}
    cue_words = cue.text.casefold().split()
    if cue_words and cue_words[-1] in markers:
        tokens = ["of", *tokens]  # "at the invitation of the new president"
    if not tokens or tokens[0] not in markers:
        return []
    if not any(t in words.titles and t not in words.articles for t in tokens[1:4]):
        return []
    before: list[Ref] = []
    for ref in c.refs:
        if ref.end <= cue.start and all(ref.party.key != b.party.key for b in before):
            before.append(ref)
    if len(before) != 2:
        return []
    subject, other = before
    return pairs(other, [subject], CONFIDENCE.described_inviter)


# The order matters: the specific constructions first, the fallbacks last.
RULES: tuple[Rule, ...] = (
    hosted_event,
    hosting_event,
    welcome_to_visit,
    speaker_invited,
    head_final_noun_owner,
    addressed_noun,
    owner_marked_before_verb,
    noun_or_nominalised_verb,
    head_final_agent,
    passive_with_agent,
    agreed_with_partner,
    relative_object,
    relative_object_subject_after,
    relative_subject_pronoun_object,
    relative_object_pronoun_subject,
    pronoun_before_inverted_subject,
    verb_pronoun_inverted_subject,
    subject_pronoun_verb_final,
    clitic_object,
    partner_then_request,
    subject_verb_object,
    verb_second,
    case_particles,
    nominative_before_topic,
    pronoun_object_before_final_verb,
    topic_then_objects,
    verb_final,
    object_pronoun_after,
    pronouns_previous_sentence,
    object_pronoun_previous,
    pronoun_subject,
    told_addressee,
    lone_figure,
)
