"""Hosts invite their guests: outcome-only reports of a hosted occasion (issue 14, host round).

News often reports only the outcome of an invitation: "Gastgeber ist Donald Tusk. Macron ist
eingetroffen, Merz hat seine Teilnahme abgesagt." The host of an occasion is the inviter of
everyone said to attend, arrive for, confirm, skip or cancel it. This module reads that
across sentences, in every language with a `[hosts]` table:

- a host sentence names one known figure right beside a host marker (`host_before`: the
  host comes first, "X is hosting", "X ist Gastgeber", "X が主催する"; `host_after`: the
  host follows, "hosted by X", "Gastgeber ist X", "l'hôte de la rencontre, X"), or names a
  figure as the possessive owner of an occasion noun ("Lula's COP30"), and names an
  occasion (the lexicon's [occasion] terms);
- a guest sentence, the host's own or one of a few around it in the same paragraph (or the
  next one: the event named again, "the summit", "la cumbre"), names a figure as the one an
  attendance word speaks of (`attended` = took place, `will_attend` = accepted, `absent` =
  declined): the nearest figure before it, with any coordinated with that one, else the
  first after it ("Do stolicy przyjechał ... Rinkēvičs").

Precision first: the host must be a known figure; a guest is a known figure other than the
host, no spokesperson, no stand-in (`stand_in`: "instead", "in his place", "代为"), not of the
host's own country (his ministers greet the delegations); a guest sentence dated to another
year or holding a past marker (`past`: "last year", "previous edition") is another occasion;
a hedged word ("could attend") is no report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from bot.domain import Status
from bot.matcher.clause import Ref
from bot.matcher.dates import days_named, names_another_year
from bot.matcher.grammar import Grammar
from bot.matcher.lexicon import HOST_MARKER_KEYS, CueHit, Lexicon
from bot.matcher.occasion import PlaceHit

# How far a guest sentence may be from the host's (sentences), and what may sit between a
# host marker and the host's name (titles, "the Polish prime minister", a weekday).
WINDOW_BEFORE = 4
WINDOW_AFTER = 4
_HOST_GAP_CHARS = 48
_HOST_GAP_CHARS_CJK = 10
_OWNER_GAP_WORDS = 3  # "Lula's COP30 leaders' segment": owner, then the occasion noun
_GUEST_GAP_WORDS = 8  # between a guest's name and the attendance word that follows it
_THANKED_OCCASION_WORDS = 3  # "for organizing the AI Action Summit": words before the noun
_COORDINATION_GAP = 32  # "Steinmeier e Stubb", "De Wever en de Luxemburgse premier Frieden"
_COORDINATION_GAP_CJK = 14  # "李在明大統領とオーストラリアのアルバニージー首相", "普京、哈萨克斯坦总统托卡耶夫"
# How far a received guest may follow the reception word: a weekday, a residence and the
# guest's title ("recibió este miércoles en el Palacio de la Moncloa al presidente de
# Brasil, Luiz Inácio Lula da Silva").
_RECEIVED_GAP = 80
_RECEIVED_GAP_CJK = 24
# A receiving host's day and seat before the word ("国家主席习近平13日晚在人民大会堂设宴，款待"):
# more characters than a host marker's title gap.
_RECEIVING_HOST_CJK = 20
# A team or delegation received (recap34 round): how far after the reception its named
# members may be (sentences, paragraphs), and from a member's title to the name.
_MEMBER_SENTENCES = 5
_MEMBER_PARAGRAPHS = 2
_MEMBER_GAP = 48
# How far before a verb-final reception's guest its host may stand ("石破茂首相は23日、来日
# した韓国の李在明大統領を"), in its clause.
_HOST_REACH = 120
_HOST_REACH_CJK = 40
_OBJECT_REACH = 5  # the object mark after a received guest's name: "大統領を", "'i"
_QUOTES = re.compile("[\"«»“”„]")
_CLAUSE_BREAK = re.compile(r"[;:]")
_CLAUSE_MARK = re.compile(r"[,;:，、；：]")
STATUS_OF = {"attended": Status.TOOK_PLACE, "honoured": Status.TOOK_PLACE,
             "honoured_for": Status.TOOK_PLACE, "honoured_for_before": Status.TOOK_PLACE,
             "will_attend": Status.ACCEPTED,
             "absent": Status.DECLINED, "guest_list": Status.TOOK_PLACE,
             "confirmed_list": Status.ACCEPTED, "invited_list": Status.PENDING}
# Guest-list frames (gather round, issue 14): "among the guests were", "Unter den Gästen
# waren", "Среди участников были", "出席者には…が含まれる" name every figure of their clause
# on one side as a guest (a list, not one subject: `_LIST_GAP`), and name the occasion
# most recently given a host even paragraphs later (`_linked_by_occasion`).
LIST_KEYS = ("guest_list", "confirmed_list", "invited_list")
_LIST_GAP = 72  # ", le Premier ministre portugais Luís Montenegro": one list item to the next
_LIST_GAP_CJK = 24
_LIST_WORDS = 3  # words of a list item's title: "premier Estonii", "the Danish prime minister"
# A summit or a conference has its dinner: "the dinner" in a summit host's guest sentence
# is a part of the summit, not another occasion (the reverse is not: a dinner's host does
# not host the summit).
_PARTS = {"summit": frozenset({"dinner", "lunch"}), "conference": frozenset({"dinner", "lunch"}),
          "forum": frozenset({"dinner", "lunch"})}
# How far before a host marker its subject may stand when a pronoun takes its place right
# before the marker ("closed the conference on X that he had convened").
_PRONOUN_HOST_REACH = 160
_PRONOUN_WORDS = 3
_PRECEDENCE = {Status.DECLINED: 3, Status.TOOK_PLACE: 2, Status.ACCEPTED: 1, Status.PENDING: 0}
# Occasion labels that may name one occasion in two sentences ("the summit" ... "the
# meeting"); a label outside the host's group in the guest's sentence is another occasion.
_GROUPS = ({"summit", "meeting", "talks", "negotiations", "conference", "forum"},
           {"dinner", "lunch", "gala", "celebration", "ceremony"})
# The places a sentence names, with their offsets (the matcher's place finder).
Places = Callable[[str], list[PlaceHit]]
_PLACE_AFTER_NOUN = 14  # "une réunion à Bruxelles", "a meeting in Brussels"
_TITLE_WORDS = 2  # "Казахстана Касым-Жомарт Токаев", "of Kazakhstan Kassym-Jomart Tokayev"
_TITLE_CHARS_CJK = 4  # "俄罗斯总统普京"
_TRAVEL = frozenset({"visit", "state visit", "trip"})
# Occasions that have guests: a verb that names a host only with one of these as its object
# (`host_with_occasion`: "gave a dinner", "провёл саммит"; never "провёл переговоры с X",
# "held talks", "held a meeting": a meeting has parties, not guests).
_GATHERINGS = frozenset({"summit", "dinner", "gala", "celebration", "ceremony", "conference",
                         "forum"})
_OBJECT_WORDS = 10  # "ofreció el martes por la noche en el Palacio Real una cena de gala", "gaf dinsdagavond in het Paleis op de Dam een banket", "gave a state dinner", "wydał w środę w Pałacu Prezydenckim uroczystą kolację", "провёл неформальный саммит", "akşam yemeği verdi"
_OBJECT_CHARS_CJK = 4  # "夕食会を主催した", "举行宴会"
# Before its verb the occasion is the object of a verb-final clause ("yemek verdi") or the
# head of a relative clause: at most a relative word and a title between ("het diner dat
# koning X aanbood", "вечері, яку X дав"); never "toppmötet i Paris på måndag, där X håller
# ett tal" (a place and time between: the clause is about something else).
_RELATIVE_WORDS = 3
# The occasion's own complement before such a relative clause: "cimeira de líderes sobre o
# clima que ...", "заседание Совета министров Союзного государства, которое ..." (absent34).
_COMPLEMENT_WORDS = 6
# With its occasion beside the marker the sentence says plainly who hosts what, so the host
# may stand further from the marker: "Gastgeber der Gala im Schloss Bellevue war am
# Freitagabend Bundespräsident X", "X, Dolmabahçe Sarayı'nda liderler onuruna yemek verdi".
_HOST_GAP_WITH_OCCASION = 110
# A guest sentence beyond the window is the host's occasion's only where its paragraph names
# that occasion again ("the dinner", "die Gala", "宴会"): so far after the host at most.
LINK_SENTENCES = 10
# Gazetteer categories a figure of the host's own country may be a guest in (not "minister",
# "official", "spokesperson", "military", "media": the host's government, staff and press;
# not "head_of_government" either: a president's own prime minister at his ceremony is of
# the hosting side, and the real-text test half lost a pair's precision with it).
DOMESTIC_GUESTS = frozenset({"head_of_state", "business", "royal", "politician",
                             "entertainment", "sport", "religious", "activist"})
# Who a leader receives besides leaders, as an invited guest (recap34 round): the
# gazetteer's categories of a figure of any country a head of state or government hosts.
RECEIVED_GUESTS = frozenset({"sport", "politician", "entertainment", "business", "activist",
                             "religious", "royal"})
# A leader's own government and staff, and the leaders they serve (`_may_pair`).
_STAFF = frozenset({"minister", "official", "spokesperson", "military", "media"})
_LEADERS = frozenset({"head_of_state", "head_of_government"})
# Who hosts by chairing (a `chair` word in the host marker: "chaired by", "unter Vorsitz
# von", "議長を務める"): a leader only. A minister or an official who chairs a council, a
# contact group or the Security Council in the month his country holds the chair ("議長国
# ロシアのラブロフ外相が議長を務めた" in New York) runs a meeting of members, not an
# occasion he invited them to; a head of government who chairs a summit in her capital
# (the EU presidency in Copenhagen) hosts it.
CHAIRING_HOSTS = frozenset({"head_of_state", "head_of_government", "royal"})
LINK_PARAGRAPHS = 3
# A guest list names the occasion last given a host from further away: a long wire story
# tells the occasion, then its substance for a few paragraphs, then who was there.
LIST_LINK_PARAGRAPHS = 5
# The occasion of a host who gathers leaders without naming it (`host_gathers`: "reuniu
# ... os presidentes", "gathered ... the leaders"): a meeting.
_GATHERING_LABEL = "meeting"


@dataclass(frozen=True, slots=True)
class HostView:
    """One sentence as this module reads it: the matcher's figures of the sentence."""

    index: int
    paragraph: int
    text: str
    refs: tuple[Ref, ...]
    headline: bool = False


@dataclass(frozen=True, slots=True)
class HostedGuest:
    host: Ref
    guest: Ref
    status: Status
    occasion_label: str | None  # the English label of the host sentence's occasion noun
    evidence: str  # the guest's sentence
    host_sentence: int
    guest_sentence: int


@dataclass(frozen=True, slots=True)
class _Host:
    ref: Ref
    view: HostView
    label: str | None
    chair: bool = False  # named by a chair word only (`CHAIRING_HOSTS`)


@dataclass(frozen=True, slots=True)
class CountryHost:
    """A country named as the subject of a host marker ("Italy hosts the G7"): its
    leader's title (resolved by the article's date by the caller) and its code."""

    start: int
    end: int
    title: str
    country: str


# Elided articles a country name may carry ("L'Italia ospita"); a name's last words.
_ELIDED = re.compile(r"^(?:l|d)['’]", re.IGNORECASE)
_NAME_WORDS = 3
_NAME_CHARS_CJK = 8


def country_hosts(text: str, lexicon: Lexicon, names: dict[str, tuple[str, str]]
                  ) -> list[CountryHost]:
    """The countries standing right before a `host_country` marker ("Japan is hosting",
    "L'Italia ospita", "日本が主催する"; not "China will chair the summit": a rotating
    chair is no host): nothing but the name between the clause and the marker, so a
    country that is only a place ("talks in Italy hosted by ...") or the object of another
    verb is never read as the host."""
    out: list[CountryHost] = []
    for hit in lexicon.host_hits("host_country", text):
        found = _country_before(text, hit.start, lexicon, names)
        if found is not None:
            out.append(found)
    return out


def _country_before(text: str, at: int, lexicon: Lexicon, names: dict[str, tuple[str, str]]
                    ) -> CountryHost | None:
    before = text[:at].rstrip()
    if not lexicon.word_boundaries:
        for size in range(min(_NAME_CHARS_CJK, len(before)), 0, -1):
            held = names.get(before[-size:].casefold())
            if held is not None:
                return CountryHost(len(before) - size, len(before), *held)
        return None
    words = list(re.finditer(r"[\w'’.-]+", before))[-_NAME_WORDS:]
    for first in range(len(words)):
        start = words[first].start()
        if before[words[-1].end():].strip():
            return None  # punctuation between the name and the marker
        phrase = " ".join(w.group(0) for w in words[first:]).rstrip(".")
        bare = _ELIDED.sub("", phrase)
        held = names.get(phrase.casefold()) or names.get(bare.casefold())
        if held is not None:
            return CountryHost(start + len(phrase) - len(bare), words[-1].end(), *held)
    return None


# A leader's title before a name the gazetteer lacks (`with_titled_leaders`): how far back
# it may stand, and how many words (a country, "of Mozambique") may follow it.
_TITLE_REACH = 60
_TITLE_TAIL_WORDS = 3
_TITLE_REACH_CJK = 8  # "哈萨克斯坦总统托卡耶夫": the title right before the name (zh)
_TITLE_AFTER_CJK = 3  # "李在明大統領": the title right after it (ja)
_TITLE_WORD = re.compile(r"[\w'’-]+")


def with_titled_leaders(views: list[HostView], lexicon: Lexicon) -> list[HostView]:
    """The views with each person the gazetteer lacks marked `titled_leader` where the
    article titles them as a head of state or government or a monarch once (`leader_titles`
    right before the name, a country between at most: "il presidente croato X", "o
    Presidente de Moçambique, X", "Islands statsminister X", "президент Киргизии X"; right
    after it in Japanese, "X大統領"; not after a `leader_not` word, "vice", "former"): every
    mention of that name is then a leader hosts.py may pair, as it pairs a known one
    (issue 14, stop 31, fixh round). A minister, a mayor, a spokesperson or an organisation
    is never one."""
    titles = lexicon.words_of_hosts("leader_titles")
    if not titles:
        return views
    refused = lexicon.words_of_hosts("leader_not")
    keys = {r.party.key for v in views for r in v.refs
            if not r.party.known and not r.spokesperson and not r.residence
            and _leader_titled(v.text, r, lexicon, titles, refused, v.refs)}
    if not keys:
        return views
    return [replace(v, refs=tuple(replace(r, titled_leader=True)
                                  if not r.party.known and r.party.key in keys else r
                                  for r in v.refs))
            for v in views]


def _leader_titled(text: str, ref: Ref, lexicon: Lexicon, titles: frozenset[str],
                   refused: frozenset[str], refs: tuple[Ref, ...] = ()) -> bool:
    # a title before another figure is that figure's ("premier Dick Schoof in Den Haag")
    low = max((r.end for r in refs if r.party.known and r.end <= ref.start), default=0)
    if not lexicon.word_boundaries:
        before = text[max(low, ref.start - _TITLE_REACH_CJK) : ref.start]
        after = text[ref.end : ref.end + _TITLE_AFTER_CJK]
        return any(before.endswith(t) or after.startswith(t) for t in titles) and \
            not any(w in before for w in refused)
    window = text[max(low, ref.start - _TITLE_REACH) : ref.start]
    if _place_complement(text, ref, lexicon):
        return False
    # the clause the name stands in; a comma right before the name sets off an apposition
    # ("o Presidente de Moçambique, Daniel Chapo") and stays in it
    head = window.rstrip()
    head = head[:-1] if head.endswith(",") else head
    cut = max((head.rfind(c) for c in ",;:.!?()«»\"“”„"), default=-1)
    words = [w.casefold() for w in _TITLE_WORD.findall(head[cut + 1 :])]
    for size in (3, 2, 1):
        for at in range(len(words) - size, -1, -1):
            if len(words) - at - size > _TITLE_TAIL_WORDS:
                break
            if " ".join(words[at : at + size]) in titles:
                return at == 0 or words[at - 1] not in refused
    return False


def _place_complement(text: str, ref: Ref, lexicon: Lexicon) -> bool:
    """A name the gazetteer lacks right after a title's linking word ("Presidente de Cabo
    Verde", "President of Costa Rica", `leader_of`): the country of the title, no person."""
    if ref.party.known or not lexicon.word_boundaries:
        return False
    before = _TITLE_WORD.findall(text[max(0, ref.start - 12) : ref.start].casefold())
    return bool(before) and not text[: ref.start].rstrip().endswith(",") \
        and before[-1] in lexicon.words_of_hosts("leader_of")


def has_host_marker(lexicon: Lexicon, text: str) -> bool:
    """Whether the text holds a host marker of the lexicon (the matcher's pre-filter)."""
    return lexicon.may_name_host(text) and any(lexicon.host_hits(key, text)
                                               for key in HOST_MARKER_KEYS)


def has_reception(lexicon: Lexicon, text: str) -> bool:
    """Whether the text holds a reception word ("received", "empfing", "принял")."""
    return any(lexicon.has_host_hit(key, text) for key in RECEPTION_KEYS)


# Reception lists by where their host stands: before the word ("Putin received Modi"),
# after it (passive: "Modi was received by Putin"), inside it right after its first word
# (passive: "wurde ... von Merz empfangen", "werd ... door de koning ontvangen"); each with
# its announced (future) forms, whose reception is ahead: accepted (welcome round).
_RECEPTION_KEYS = (("reception", "before", Status.TOOK_PLACE),
                   ("reception_ahead", "before", Status.ACCEPTED),
                   ("reception_by", "after", Status.TOOK_PLACE),
                   ("reception_by_ahead", "after", Status.ACCEPTED),
                   ("reception_by_inside", "inside", Status.TOOK_PLACE),
                   ("reception_by_final", "final", Status.TOOK_PLACE),
                   # an agentless passive whose host is the seat it names ("a été reçu à
                   # Matignon", "was received at the White House"; roles32 round)
                   ("reception_seat", "seat", Status.TOOK_PLACE))
RECEPTION_KEYS = (*(key for key, _, _ in _RECEPTION_KEYS), "reception_final")
_ANAPHOR_WORDS = 3
_NAME_WORD_CHARS = 3
_RELATIVE_CHARS = 16  # "where", "em que", "in cui", "на якому" before the host  # "welcome the Emir", "empfing den Gast", "гостя прийняла": the slot
_FUTURE_REACH = 60  # "wird Modi im Kanzleramt von ... empfangen": a future word before


@dataclass(frozen=True, slots=True)
class _Reception:
    hit: CueHit
    side: str  # where the host stands: before, after, inside
    status: Status


def received_guests(views: list[HostView], lexicon: Lexicon, year: int | None,
                    leader: Callable[[str], bool], published: date | None = None,
                    counterpart: Callable[[str], bool] | None = None,
                    category_of: Callable[[str], str | None] | None = None
                    ) -> list[HostedGuest]:
    """"Putin received Modi in the Kremlin", "Modi a été reçu par Macron": a figure that
    receives another one hosts it, and the reception took place (accepted when announced:
    a `reception_ahead` word, a future word of the clause before it, "will receive",
    "wird ... empfangen", or a present tense, `reception_present`, beside a day after the
    article's, "Torsdag tar Støre imot Stubb" on a Wednesday). The guest is the first figure after the word (`reception`;
    before it for `reception_by`, the host then after), in its clause, with nothing but
    titles, a time or a place between; a figure right after a `reception_source` word
    ("received a letter from X", "recibió una carta de X") is where a thing came from, not
    a guest. A guest named only as "the guest", "the Emir", "him", "la", "гостя"
    (`reception_guest`) is the article's visitor: the guest of its last reception, or the
    one leader the lead names (`_story_visitor`). Both figures are leaders (`leader`: a head of
    state or government, a monarch, a pontiff): a minister or envoy received, or
    receiving a delegation at the airport, is diplomacy, not a host's invitation. A
    leader also hosts the figures `category_of` places among `RECEIVED_GUESTS` (a team's
    captain, a party leader, a foreign minister: recap34 round)."""
    out: list[HostedGuest] = []
    visitor: Ref | None = None
    wishes = tuple(lexicon.words_of_hosts("reception_wish"))
    lead = _story_visitor(views, leader)
    for view in views:
        # A headline's reception ("Schoof ontving Poolse ambtgenoot") is read in the body
        # or not at all: its counterparts and short forms resolve too loosely.
        if view.headline or not view.refs:
            continue
        if _other_occasion(view.text, lexicon, year):
            # a recap with a named host is its own pair, never the story's visitor
            out += _recap_receptions(views, view, lexicon, leader, counterpart, category_of,
                                          year)
            continue
        occasions = [h for h in lexicon.occasions(view.text) if h.category not in _TRAVEL]
        label = occasions[0].category if occasions else "visit"
        # "the guest", "him" with no reception before: the visitor the sentence before
        # names (fixh round), else the story's visitor, the one leader its lead names
        # (issue 14, stop 31, long round)
        here = visitor if visitor is not None else \
            _arrived_before(views, view, leader, lexicon, year) or lead
        for reception in _receptions(view, lexicon, published):
            host, guests = _reception_parties(view, reception, lexicon, here, leader)
            if reception.status is Status.ACCEPTED and host is not None and (
                    _qualifies_occasion(view.text, host, lexicon) or
                    _conditional(view.text, reception.hit, lexicon)):
                continue
            if host is not None and not guests and _group_received(view, reception, lexicon):
                # "reçus à l'Élysée par Macron ... Le capitaine Antoine Dupont": a team
                # received, its named members the guests (recap34 round)
                guests = _group_members(views, view, host, lexicon)
            if host is not None and host.residence and not guests and here is None:
                # "Кремль принимал гостя" after a sentence naming both leaders: the guest
                # is the one leader there who is not the seat's holder (roles32 round)
                guests = _visitor(_other_leader(views, view, host, leader), host)
            # a minister's counterpart only in the plain order, the host before the word
            # ("在会见菲丹时，王毅表示": a meeting on the sidelines, no host; host32 round),
            # or as a passive's agent ("è stato accolto ... da Antonio Tajani"; recap34)
            peer = counterpart if host is not None and (
                host.end <= reception.hit.start or reception.side == "after") else None
            out += _pairs(host, guests, view, label, leader, reception.status, peer,
                          category_of)
            # the visitor: a leader received, even with no host named ("ist ... mit
            # militärischen Ehren begrüßt worden")
            visitor = next((g for g in guests if _figure(g) and _leads(g, leader)),
                           visitor)
        for hit in lexicon.host_hits("reception_final", view.text):
            # "奈良でお迎えしたい": a wish to receive is an invitation still open, no
            # reception that happened (issue 14, stop 29, fixc round)
            if not view.text[hit.end :].startswith(wishes):
                host, guests = _received_before(view, hit, lexicon)
                if host is None and not guests:
                    # "Erdoğan, konuğunu ... karşıladı": the guest named by a role word
                    # as the object is the story's visitor (recv33 round)
                    host, named = _role_object_host(view, hit, lexicon)
                    guests = [] if host is None else \
                        ([named] if named is not None else _visitor(here, host))
                out += _pairs(host, guests, view, label, leader, category_of=category_of)
    return out


def _group_received(view: HostView, reception: _Reception, lexicon: Lexicon) -> bool:
    """Whether a reception's guest slot names a team or a delegation (`[hosts]
    reception_group`: "the national team", "les joueurs", "a seleção", "landslaget",
    "сборную"): the words of its clause after an active word, before a passive one, within
    a guest's reach. Terms match inside a word (compounds: "herrelandslaget"; stems:
    "делегаци")."""
    groups = lexicon.words_of_hosts("reception_group")
    if not groups:
        return False
    text, hit = view.text, reception.hit
    if reception.side == "before":
        stop = _CLAUSE_MARK.search(text, hit.end)
        slot = text[hit.start : min(stop.start() if stop else len(text),
                                    hit.end + _RECEIVED_GAP)]
    else:
        start = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, hit.start)), default=0)
        slot = text[max(start, hit.start - _RECEIVED_GAP) : hit.end]
    folded = slot.casefold()
    return any(g in folded for g in groups)


def _group_members(views: list[HostView], view: HostView, host: Ref, lexicon: Lexicon
                   ) -> list[Ref]:
    """The named members of a team or delegation a host received: in the reception's
    sentence or the few after it (the same paragraph or the next two), a figure right after
    a member's title (`[hosts] group_member`: "captain", "le capitaine", "kaptein", with
    those coordinated with it: "kaptein X og toppscorer Y") or right before a phrase of
    speaking for the group (`group_speaker`: "on behalf of the team", "em nome do
    grupo")."""
    members: dict[str, Ref] = {}
    for other in views:
        if not (view.index <= other.index <= view.index + _MEMBER_SENTENCES
                and other.paragraph - view.paragraph <= _MEMBER_PARAGRAPHS):
            continue
        for ref in _members_in(other, lexicon):
            if ref.party.key != host.party.key:
                members.setdefault(ref.party.key, ref)
    return list(members.values())


def _members_in(view: HostView, lexicon: Lexicon) -> list[Ref]:
    """The figures one sentence names as a group's members (see `_group_members`)."""
    text, found = view.text, []
    refs = [r for r in view.refs if not r.residence and not r.spokesperson]
    for hit in lexicon.host_hits("group_member", text):
        after = [r for r in refs if r.start >= hit.end and r.start - hit.end <= _MEMBER_GAP
                 and not _CLAUSE_BREAK.search(text[hit.end : r.start])]
        found += _group(text, after, lexicon) if after else []
    for hit in lexicon.host_hits("group_speaker", text):
        before = [r for r in refs if r.end <= hit.start
                  and not _CLAUSE_BREAK.search(text[r.end : hit.start])]
        found += before[-1:]
    return found


def _recap_receptions(views: list[HostView], view: HostView, lexicon: Lexicon,
                      leader: Callable[[str], bool], counterpart: Callable[[str], bool] | None,
                      category_of: Callable[[str], str | None] | None,
                      year: int | None = None) -> list[HostedGuest]:
    """A reception recalled in a sentence dated to another year or holding a past marker
    ("We wrześniu 2025 roku Trump gościł Nawrockiego", "Há dez anos, foi Marcelo quem
    recebeu Ronaldo", "Торік ... приймав"): the named host's own pair, took place (the
    label convention: a recap with a named host is its own occasion; recap34 round). Its
    pronoun guest ("cuando Sánchez lo recibió") is the one other figure the sentence
    names before the word (`_recalled_guest`), else the one other figure of the sentence
    before in its paragraph ("Zelensky and Usyk go back a long way. Last August the
    president received the champion"); the story's visitor is not read into a recap."""
    dated_elsewhere = _dated_another_year(view.text, lexicon, year)
    out: list[HostedGuest] = []
    for reception in _receptions(view, lexicon):
        host, guests = _reception_parties(view, reception, lexicon, None, leader)
        if host is not None and not guests and _anaphor(
                view.text, reception.hit, lexicon, frozenset(),
                after=reception.side in ("before", "seat")):
            guests = _visitor(_other_figure(views, view, host), host)
        if host is not None and (host.residence or host.by_office) and dated_elsewhere:
            # a seat or an office stands for its holder on the article's date, and a
            # recap dated to another year may be of another holder: "recibido por
            # Francisco en el Vaticano en febrero de 2024" is no reception by the pope of
            # 2025 (the lead's mend, stop 34; "last year the president" still resolves)
            continue
        peer = counterpart if host is not None and (
            host.end <= reception.hit.start or reception.side == "after") else None
        out += _pairs(host, guests, view, "visit", leader, Status.TOOK_PLACE, peer,
                      category_of)
    for hit in lexicon.host_hits("reception_final", view.text):
        host, guests = _received_before(view, hit, lexicon)
        out += _pairs(host, guests, view, "visit", leader, category_of=category_of)
    return out


def _other_figure(views: list[HostView], view: HostView, host: Ref) -> Ref | None:
    """The one figure other than `host` that the sentence before names in its paragraph."""
    before = _before_in_paragraph(views, view)
    if before is None:
        return None
    others = {r.party.key: r for r in before.refs if _figure(r) and not r.spokesperson
              and not r.residence and r.party.key != host.party.key}
    return next(iter(others.values())) if len(others) == 1 else None


def _recalled_guest(view: HostView, hit: CueHit, host: Ref, lexicon: Lexicon) -> Ref | None:
    """The guest a reception's pronoun stands for when its own sentence names him before
    ("Peña ya estuvo en Madrid, cuando Sánchez lo recibió", "where Macron hosted him"):
    the one figure other than the host named before the host and the word, in a clause
    before theirs, ahead of the story's visitor (recap34 round); the caller has found the
    pronoun (`_anaphor`)."""
    # named before the host, in a clause of its own (not a co-host: "Koning
    # Willem-Alexander en koningin Máxima heetten hem welkom")
    before = {r.party.key: r for r in view.refs if r.end <= min(hit.start, host.start)
              and _CLAUSE_MARK.search(view.text, r.end, host.start) and _figure(r)
              and not r.residence and not r.spokesperson and r.party.key != host.party.key}
    return next(iter(before.values())) if len(before) == 1 else None


def reception_hosts(views: list[HostView], lexicon: Lexicon, leader: Callable[[str], bool],
                    published: date | None = None) -> list[tuple[int, str]]:
    """(sentence, host) of each reception that took place, whoever its guest: "Seguro
    recebeu a seleção", "Macron reçoit le XV de France", "were received by Macron". The
    host received someone at home: that is never the host's visit to an inviter (issue
    14, stop 34, scope34 round; aggregate._reception_not_outcome). A team, a delegation
    or a figure the gazetteer lacks counts as a guest here, unlike `received_guests`."""
    out: list[tuple[int, str]] = []
    for view in views:
        if not view.refs:
            continue
        for reception in _receptions(view, lexicon, published):
            if reception.status is not Status.TOOK_PLACE:
                continue
            host, _ = _reception_parties(view, reception, lexicon, None, leader)
            if host is not None and host.party.known and not host.spokesperson:
                out.append((view.index, host.party.key))
    return out


def _one_leader(view: HostView, leader: Callable[[str], bool]) -> Ref | None:
    """The one leader a sentence names, if it names no other one (a titled leader the
    gazetteer lacks counts: "Mattarella received the Moldovan president Vrabie" names two)."""
    leaders = {r.party.key: r for r in view.refs
               if _leader_figure(r, leader)}
    return next(iter(leaders.values())) if len(leaders) == 1 else None


def _other_leader(views: list[HostView], view: HostView, host: Ref,
                  leader: Callable[[str], bool]) -> Ref | None:
    """The one leader other than the host that the sentence before names in the same
    paragraph: the visitor a seat's reception ("the Kremlin received the guest") speaks
    of, when that sentence named the host too."""
    before = _before_in_paragraph(views, view)
    if before is None:
        return None
    others = {r.party.key: r for r in before.refs if not r.spokesperson
              and r.party.key != host.party.key and _leader_figure(r, leader)}
    return next(iter(others.values())) if len(others) == 1 else None


def _before_in_paragraph(views: list[HostView], view: HostView) -> HostView | None:
    """The sentence right before `view`, when it is in the same paragraph."""
    before = next((v for v in views if v.index == view.index - 1), None)
    return before if before is not None and before.paragraph == view.paragraph else None


def _leader_figure(ref: Ref, leader: Callable[[str], bool]) -> bool:
    """A leader hosts.py may pair, named as a person (not as the residence standing for one)."""
    return _figure(ref) and not ref.residence and _leads(ref, leader)


def _story_visitor(views: list[HostView], leader: Callable[[str], bool]) -> Ref | None:
    """The story's subject, whom a long article later calls "the guest", "den Gast",
    "l'hôte", "him" (issue 14, stop 31, long round): the one leader the lead names, the
    first body sentence naming any leader; none when it names two or more."""
    for view in views:
        if view.headline:
            continue
        if any(_leader_figure(r, leader) for r in view.refs):
            return _one_leader(view, leader)
    return None


def _arrived_before(views: list[HostView], view: HostView, leader: Callable[[str], bool],
                    lexicon: Lexicon, year: int | None) -> Ref | None:
    """The visitor before any reception: the one leader the sentence before names in the
    same paragraph ("Lee ist zu einem Staatsbesuch eingetroffen. Steinmeier begrüßte den
    Gast"), for a guest slot that names the visitor only (fixh round)."""
    before = _before_in_paragraph(views, view)
    if before is None or _other_occasion(before.text, lexicon, year):
        return None  # "X besøkte Oslo i desember 2024. Året før ... tok imot ham": a recap
    leaders = {r.party.key: r for r in before.refs
               if not r.spokesperson and _leader_figure(r, leader)}
    return next(iter(leaders.values())) if len(leaders) == 1 else None


def _qualifies_occasion(text: str, host: Ref, lexicon: Lexicon) -> bool:
    """"le sommet où Emmanuel Macron recevra Olaf Scholz", "la cimeira em que Montenegro
    receberá Sánchez": an announced reception in a relative clause about an occasion or
    place (`occasion_relative` right before the host) describes what that occasion will
    be (in a tender, a plan), it reports no visit arranged."""
    before = " ".join(re.findall(r"[\w'’]+", text[max(0, host.start - _RELATIVE_CHARS) :
                                                    host.start].casefold()))
    return any(before == w or before.endswith(f" {w}")
               for w in lexicon.words_of_hosts("occasion_relative"))


def _conditional(text: str, hit: CueHit, lexicon: Lexicon) -> bool:
    """"Starmer will welcome Trump if he comes to Scotland", "Si viene, Sánchez lo
    recibirá": a reception on a condition (`conditional_words` opening the sentence or
    after the reception word) is a hypothetical, no visit announced."""
    conditions = lexicon.words("conditional_words")
    words = re.findall(r"[\w'’]+", text.casefold())
    return bool(words) and (words[0] in conditions or not conditions.isdisjoint(
        re.findall(r"[\w'’]+", text[hit.end :].casefold())))


def _receptions(view: HostView, lexicon: Lexicon, published: date | None = None
                ) -> list[_Reception]:
    """The sentence's reception words, each with its tense: of two overlapping ones a
    passive over an active reading ("wird Modi von Merz empfangen": the agent hosts),
    else the longer or announced one ("will be received by" over "received by")."""
    # A passive read inside a split word needs its agent there: "hat X König Felipe VI.
    # von Spanien vor Schloss Bellevue empfangen" holds "von ... empfangen" with a country,
    # no host, and the active reading stands (fixh round).
    found = [_Reception(hit, side, status) for key, side, status in _RECEPTION_KEYS
             for hit in lexicon.host_hits(key, view.text)
             if side != "inside" or _inside_figure(view, hit) is not None]
    kept = [r for r in found if not any(o is not r and _outranks(o, r) for o in found)]
    return [_Reception(r.hit, r.side, Status.ACCEPTED)
            if _announced(view.text, r.hit, lexicon, verb_final=r.side == "final") or
            _dated_ahead(view.text, r.hit, lexicon, published)
            else r for r in kept]


def _dated_ahead(text: str, hit: CueHit, lexicon: Lexicon, published: date | None) -> bool:
    """A present-tense reception (`reception_present`: "tar", "wordt", "empfängt") whose
    clause names only days after the article's ("Torsdag tar Støre imot Stubb" on a
    Wednesday, "Woensdag wordt Lee door Schoof ontvangen" on a Tuesday): announced."""
    if published is None or lexicon.dates is None:
        return False
    start = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, hit.start)), default=0)
    after = _CLAUSE_MARK.search(text, hit.end)
    clause = text[start : after.start() if after else len(text)]
    words = re.findall(r"\w+", text[start : hit.end].casefold())
    perfect = lexicon.words_of_hosts("reception_perfect")
    # "è stato accolto martedì": an auxiliary before a participle of "be" is a perfect,
    # no present tense (roles32 round)
    present = {w for w, after in zip(words, [*words[1:], ""], strict=True)
               if after not in perfect}
    if lexicon.words_of_hosts("reception_present").isdisjoint(present):
        return False
    days = days_named(clause, published, lexicon.dates, ahead=True)
    return bool(days) and all(day > published for day in days)


def _outranks(one: _Reception, other: _Reception) -> bool:
    if not (one.hit.start < other.hit.end and other.hit.start < one.hit.end):
        return False
    if (one.side == "seat") != (other.side == "seat") and "before" not in (one.side, other.side):
        return other.side == "seat"  # an agentless passive only where no agent is read
    if (one.side == "before") != (other.side == "before"):
        return one.side != "before"
    inside = one.hit.start <= other.hit.start and other.hit.end <= one.hit.end
    return inside and (one.hit.end - one.hit.start > other.hit.end - other.hit.start or
                       one.status is Status.ACCEPTED)


def _announced(text: str, hit: CueHit, lexicon: Lexicon, *, verb_final: bool = False) -> bool:
    """A future word of the reception's clause right before it or inside it ("is due to
    welcome", "wird Modi ... von Merz empfangen", "将会见"); after it where the verb ends
    the sentence ("歓迎式典に臨んだ後、首脳会談を行う予定", "karşılanacak")."""
    low = max(0, hit.start - _FUTURE_REACH)
    return any(h.category == "future" and (
        (low <= h.start < hit.end and not _CLAUSE_BREAK.search(text[h.end : hit.start]) and
        "," not in text[h.end : hit.start]) or (verb_final and h.start >= hit.start))
        for h in lexicon.hits(text))


def _reception_parties(view: HostView, reception: _Reception, lexicon: Lexicon,
                       visitor: Ref | None, leader: Callable[[str], bool]
                       ) -> tuple[Ref | None, list[Ref]]:
    """Host and guests of one reception word (see `received_guests`)."""
    hit = reception.hit
    named = _name_words(visitor, lexicon)
    if reception.side == "before":
        host = _next_figure(view, hit, lexicon, after=False)
        guests = _received(view, hit, lexicon, after=True)
        # the visitor before the word is its object only with a leader after it to host:
        # "Kong Harald tok imot Erling Haaland" keeps its order where the lead's one
        # leader is the king (recap34 round)
        if host is None or (visitor is not None and host.party.key == visitor.party.key
                            and guests and _leads(guests[0], leader)):
            # "W środę Nausėdę przyjmie Tusk": the visitor put first is the object
            inverted = _inverted(view, hit, lexicon, guests, visitor, named)
            if inverted[0] is None and host is None:
                return _seat_receives(view, hit, lexicon, guests, visitor, named)
            return inverted
        guests = [g for g in guests if g.party.key != host.party.key]
        if guests and object_first(view.text, view.refs, host, guests[0], lexicon.grammar):
            # "Мишустина принял Лукашенко", "Orbána przyjął Tusk", "Den Präsidenten
            # Macron empfing Merz": the case says the figure before the word is its object
            # and the one after it its subject, whatever the order (recv33 round)
            return guests[0], [host]
        if guests and _object_pronoun_before(view.text, host, hit, lexicon):
            # "Macron arrived in Berlin, where him received Merz" in the languages that
            # put the object pronoun first ("где его встретил канцлер Мерц", "gdzie go
            # przyjął premier Tusk", "donde lo recibió Sánchez"): the figure after the
            # verb is its subject, the host; the pronoun's figure, named before, the guest.
            return guests[0], [host]
        if not guests and _anaphor(view.text, hit, lexicon, named, after=True):
            guests = _visitor(_recalled_guest(view, hit, host, lexicon) or visitor, host)
        return host, guests
    if reception.side == "final":
        return _received_by_final(view, hit, lexicon)
    if reception.side == "seat":
        return _seat_host(view, hit), _received(view, hit, lexicon, after=False)
    host = _inside_figure(view, hit) if reception.side == "inside" else \
        _next_figure(view, hit, lexicon, after=True)
    guests = _received(view, hit, lexicon, after=False)
    if host is None and reception.side == "after":
        # "foi recebido ... no Palácio de Belém pelo Presidente da República": the seat in
        # the phrase's gap stands for the agent the spotter folded into it (fixh round)
        host = next((r for r in view.refs if _first_word_end(hit) <= r.start
                     and r.end <= hit.end and all(r.party.key != g.party.key for g in guests)),
                    None)
    if host is None:
        # "был принят в Кремле": no person after the passive, the seat hosts
        host = _seat_host(view, hit)
        guests = [g for g in guests if host is None or g.party.key != host.party.key]
    if host is not None and not guests and \
            _anaphor(view.text, hit, lexicon, named, after=False):
        guests = _visitor(_recalled_guest(view, hit, host, lexicon) or visitor, host)
    return host, guests


_OBJECT_ARTICLE_WORDS = 4  # an accusative article, then a title of up to three words


def _object_marked(text: str, refs: tuple[Ref, ...], ref: Ref, grammar: Grammar) -> bool:
    """The figure's form says it is a direct object: its last word ends in one of the
    language's `object_suffixes` ("Мишустина", "Orbána"), or an `object_articles` word
    opens the words before it, back to its clause's start or the figure before it ("Den
    Präsidenten Macron")."""
    words = re.findall(r"\w+", text[ref.start : ref.end].casefold())
    if words and grammar.object_suffixes and any(
            words[-1].endswith(s) and len(words[-1]) > len(s) + 2 for s in grammar.object_suffixes):
        return True
    if not grammar.object_articles:
        return False
    start = max([m.end() for m in _CLAUSE_MARK.finditer(text, 0, ref.start)] +
                [r.end for r in refs if r.end <= ref.start] + [0])
    before = re.findall(r"\w+", text[start : ref.start].casefold())
    return 0 < len(before) <= _OBJECT_ARTICLE_WORDS and before[0] in grammar.object_articles


def object_first(text: str, refs: tuple[Ref, ...], first: Ref, second: Ref,
                 grammar: Grammar) -> bool:
    """Of two figures, the first in the text is marked as a direct object and the second
    is not: in a language that marks case the second is the verb's subject even when it
    follows ("Дональда Туска прийняв Зеленський"). Both are tested because a nominative
    may end like an object ("Лула", "Набиуллина"): only a contrast decides (issue 14,
    stop 33, recv33 round)."""
    return _object_marked(text, refs, first, grammar) and \
        not _object_marked(text, refs, second, grammar)


def _seat_receives(view: HostView, hit: CueHit, lexicon: Lexicon, guests: list[Ref],
                   visitor: Ref | None, named: frozenset[str]) -> tuple[Ref | None, list[Ref]]:
    """An active reception with no person before it: a seat as its subject ("Кремль
    принимал гостя", "the Élysée welcomed the king") hosts the figures after it."""
    seat = _seat_host(view, hit)
    if seat is None:
        return None, []
    rest = [g for g in guests if g.party.key != seat.party.key]
    if not rest and _anaphor(view.text, hit, lexicon, named, after=True):
        rest = _visitor(visitor, seat)
    return seat, rest


def _seat_host(view: HostView, hit: CueHit) -> Ref | None:
    """The seat of a leader named in a reception's clause ("a été reçu à Matignon",
    "Кремль принимал гостя", "was received at the White House"), the nearest one: it stands
    for the one holding that seat on the article's date (the gazetteer's dated titles
    resolved it), who hosts when the clause names no person as host (roles32 round)."""
    text = view.text
    seats = [r for r in view.refs if r.residence and (
        (r.start >= hit.end and r.start - hit.end <= _RECEIVED_GAP
         and not _CLAUSE_BREAK.search(text[hit.end : r.start])) or
        (r.end <= hit.start and hit.start - r.end <= _RECEIVED_GAP
         and not _CLAUSE_BREAK.search(text[r.end : hit.start])))]
    return min(seats, key=lambda r: min(abs(r.start - hit.end), abs(hit.start - r.end)),
               default=None)


def _object_pronoun_before(text: str, figure: Ref, hit: CueHit, lexicon: Lexicon) -> bool:
    """An object pronoun is the last word before the reception verb, with another word
    between it and the figure before it ("Берлин, где его встретил")."""
    between = re.findall(r"\w+", text[figure.end : hit.start].casefold())
    return len(between) >= 2 and between[-1] in lexicon.words("object_pronouns")


def _name_words(visitor: Ref | None, lexicon: Lexicon) -> frozenset[str]:
    """The visitor's name words ("lee" of "Lee Jae-myung", "orsi"): a word the spotter
    leaves alone, a surname too common to list, names the visitor again."""
    if visitor is None:
        return frozenset()
    titles = lexicon.words("titles")
    return frozenset(w for w in re.findall(r"\w+", visitor.party.name.casefold())
                     if len(w) >= _NAME_WORD_CHARS and w not in titles)


def _received_by_final(view: HostView, hit: CueHit, lexicon: Lexicon
                       ) -> tuple[Ref | None, list[Ref]]:
    """A verb-final passive whose agent mark opens the phrase ("Orban, ... Cumhurbaşkanı
    tarafından resmi törenle karşılandı", "ルラ氏は…高市早苗首相による歓迎式典"): the host is
    the figure right before the mark, the guest the nearest other one before the host in
    the clause (the sentence's subject)."""
    host = _next_figure(view, hit, lexicon, after=False)
    if host is None:
        return None, []
    cjk = not lexicon.word_boundaries
    reach = _HOST_REACH_CJK if cjk else _HOST_REACH
    before = [r for r in view.refs if r.end <= host.start and host.start - r.end <= reach
              and not r.residence and r.party.key != host.party.key and _figure(r)
              and not _CLAUSE_BREAK.search(view.text[r.end : host.start])]
    return host, before[:1]


def _inverted(view: HostView, hit: CueHit, lexicon: Lexicon, guests: list[Ref],
              visitor: Ref | None, named: frozenset[str]) -> tuple[Ref | None, list[Ref]]:
    """A reception word with no figure before it in its clause: the subject follows it
    ("Torsdag tar Støre imot Stubb", "Am Mittwoch empfängt Merz den Gast"), the guest
    after the subject, or the visitor a `reception_guest` word before the word names
    ("гостя прийняла Свириденко", "узбекского лидера примет Мишустин")."""
    if not guests:
        return None, []
    host = guests[0]
    rest = [r for r in view.refs if r.start >= host.end and not r.residence
            and r.party.key != host.party.key
            and r.start - host.end <= _RECEIVED_GAP
            and not _CLAUSE_BREAK.search(view.text[host.end : r.start])
            and "," not in view.text[host.end : r.start]]
    if rest and not _coordinating(view.text[host.end : rest[0].start], lexicon):
        return host, _group(view.text, rest, lexicon)
    if _anaphor(view.text, hit, lexicon, named, after=False) or (
            visitor is not None and _next_figure(view, hit, lexicon, after=False) is not None)\
            or _guest_after_host(view.text, host, lexicon, named):
        return host, _visitor(visitor, host)
    return None, []


def _guest_after_host(text: str, host: Ref, lexicon: Lexicon, named: frozenset[str]) -> bool:
    """"Am Mittwoch empfing Bundeskanzler Merz den Präsidenten im Kanzleramt": after an
    inverted subject the first words of its clause name the visitor (`reception_guest`;
    fixh round)."""
    slot = re.findall(r"[\w'’]+", re.split(r"[,;:]", text[host.end :])[0].casefold()
                      )[:_ANAPHOR_WORDS]
    folded = f" {' '.join(slot)} "
    return any(f" {w} " in folded for w in lexicon.words_of_hosts("reception_guest")) or \
        not named.isdisjoint(slot)


def _inside_figure(view: HostView, hit: CueHit) -> Ref | None:
    """The figure inside a reception phrase after its first word ("von Friedrich Merz ...
    empfangen", "door de koning ontvangen")."""
    first = _first_word_end(hit)
    inside = [r for r in view.refs if r.start >= first and r.end <= hit.end and not r.residence]
    return inside[0] if inside else None


def _anaphor(text: str, hit: CueHit, lexicon: Lexicon, named: frozenset[str], *,
             after: bool) -> bool:
    """Whether the guest's slot holds a `reception_guest` word ("the guest", "den Gast",
    "il sovrano", "him", "гостя"), in the reception's clause: the few words after an
    active reception word or inside it, or those before it (a passive's subject, "Il sera
    reçu", "wurde der König ... von"; an object put first, "гостя прийняла"); or a
    `reception_clitic` right before the word ("la recibirá", "l'a reçu")."""
    words = lexicon.words_of_hosts("reception_guest")
    before = re.findall(r"[\w'’]+", re.split(r"[,;:]", text[: hit.start])[-1].casefold())
    # the clitic before the word or opening it ("lo recibió", a phrase of its own)
    opening = re.findall(r"[\w'’]+", hit.text.casefold())[:1]
    if not lexicon.words_of_hosts("reception_clitic").isdisjoint(
            w.replace("’", "'") for w in [*before[-1:], *opening]):
        return True
    if after:
        slot = re.findall(r"[\w'’]+", text[_first_word_end(hit) : hit.end].casefold()) + \
            re.findall(r"[\w'’]+", re.split(r"[,;:]", text[hit.end :])[0].casefold()
                       )[:_ANAPHOR_WORDS]
    else:
        slot = before[-2 * _ANAPHOR_WORDS :]
    folded = f" {' '.join(slot)} "
    return any(f" {w} " in folded for w in words) or not named.isdisjoint(slot)


def _figure(ref: Ref) -> bool:
    """A party hosts.py may pair: a known figure, or a titled leader the gazetteer lacks."""
    return ref.party.known or ref.titled_leader


def _leads(ref: Ref, leader: Callable[[str], bool]) -> bool:
    """A head of state or government or a monarch: by the gazetteer, or by the title the
    article gives a person it lacks (`with_titled_leaders`)."""
    return ref.titled_leader or leader(ref.party.key)


def _visitor(visitor: Ref | None, host: Ref) -> list[Ref]:
    if visitor is None or visitor.party.key == host.party.key:
        return []
    return [visitor]


def _received_before(view: HostView, hit: CueHit, lexicon: Lexicon
                     ) -> tuple[Ref | None, list[Ref]]:
    """A verb-final reception ("石破首相は李在明大統領を官邸に迎え", "Erdoğan, Aliyev'i
    ... kabul etti"): the guest is the nearest figure before the word marked as its object
    (`reception_object`: "を", "'i", right after the name and its title), the host a figure
    before the guest in the same clause."""
    cjk = not lexicon.word_boundaries
    gap = _RECEIVED_GAP_CJK if cjk else _RECEIVED_GAP
    text = view.text
    before = [r for r in view.refs if r.end <= hit.start and hit.start - r.end <= gap
              and not r.residence and not _CLAUSE_BREAK.search(text[r.end : hit.start])]
    if not before:
        return None, []
    marks = lexicon.words_of_hosts("reception_object")
    subjects = lexicon.grammar.subject_particles

    def marked(ref: Ref) -> bool:
        after_name = text[ref.end : ref.end + _OBJECT_REACH].casefold()
        if not cjk:
            return any(after_name.startswith(m) for m in marks)
        # the first particle after the name decides: "天皇陛下は大統領を迎え" marks the
        # Emperor as the subject, whatever object follows (recept35 round)
        found = [at for m in marks if (at := after_name.find(m)) >= 0]
        topic = [at for p in subjects if (at := after_name.find(p)) >= 0]
        return bool(found) and not (topic and min(topic) < min(found))

    # "Putin'in davetini kabul etti": no figure marked as the object, a thing accepted.
    place = next((i for i in range(len(before) - 1, -1, -1) if marked(before[i])), None)
    if place is None:
        return None, []
    guest = before[place]
    if not _figure(guest) or guest.spokesperson:
        return None, []
    # "Aliyev, Tokayev ile Mirziyoyev'i ağırladı": the object mark ends a list of guests;
    # the host stands before its first item.
    guests = _group(text, [r for r in before[: place + 1] if not r.residence][::-1],
                    lexicon)[::-1]
    first = guests[0]
    reach = _HOST_REACH_CJK if cjk else _HOST_REACH
    hosts = [r for r in view.refs if r.end <= first.start and first.start - r.end <= reach
             and not r.residence and all(r.party.key != g.party.key for g in guests)
             and not _CLAUSE_BREAK.search(text[r.end : first.start])]
    if not hosts:
        # "Macron'u Beştepe'de Erdoğan ağırladı", "李在明大統領を高市首相が迎えた": the
        # object put first, its subject between it and the verb (recv33 round)
        hosts = _subject_after_object(text, before[place + 1 :], lexicon)[:1]
    if not hosts and len(guests) > 1 and _subject_comma(text[first.end : guests[1].start],
                                                         lexicon):
        # "Aliyev, Kazakistan Cumhurbaşkanı Tokayev ile ...'i ağırladı": the subject set off
        # by a comma opens what looked like the list (its titles glued to each name).
        hosts, guests = [first], guests[1:]
    return (hosts[-1] if hosts else None), [g for g in guests if _figure(g)]


_APOSTROPHES = ("'", "’")


def _role_object_host(view: HostView, hit: CueHit, lexicon: Lexicon
                      ) -> tuple[Ref | None, Ref | None]:
    """The subject of a verb-final reception whose object is a `reception_guest` role word
    ("konuğunu", "賓客を"): the nearest figure before that word in the reception's
    sentence part (no ";" or ":" between), with no other figure between them; and the
    figure the role word was read as (coref.with_visitor_nouns), if any."""
    text = view.text
    cjk = not lexicon.word_boundaries
    start = max([m.end() for m in _CLAUSE_BREAK.finditer(text, 0, hit.start)] + [0])
    span = text[start : hit.start].casefold()
    words = lexicon.words_of_hosts("reception_guest")
    tokens = re.findall(r"[\w'’]+", span)
    spots = [span.find(w) for w in words if (w in span if cjk else w in tokens)]
    # a CJK role word glued to a word before it is no role word of its own ("同大統領を",
    # the said president: recept35 round)
    spots = [at for at in spots if not (cjk and at > 0 and _glued_ideograph(span[at - 1]))]
    if not spots:
        return None, None
    at = start + min(spots)
    before = [r for r in view.refs if start <= r.start and r.end <= at and not r.residence]
    between = [r for r in view.refs if before and r.start >= before[-1].end
               and r.end <= hit.start]
    # (the role word may itself be read as the visitor: coref.with_visitor_nouns)
    if not before or any(r.start > at + 1 for r in between):
        return None, None
    host = before[-1]
    if not _figure(host) or host.spokesperson or host.possessive:
        return None, None
    named = next((r for r in between if _figure(r) and r.party.key != host.party.key), None)
    return host, named


def _glued_ideograph(char: str) -> bool:
    """Whether a character before a CJK role word makes it part of a longer word: a
    kanji/hanzi or katakana, not a particle in hiragana nor punctuation."""
    return "\u4e00" <= char <= "\u9fff" or "\u30a0" <= char <= "\u30ff"


def _subject_after_object(text: str, between: list[Ref], lexicon: Lexicon) -> list[Ref]:
    """The figures between a verb-final reception's object and its verb that are marked
    as its subject: a subject particle right after them (`subject_particles`: "が", "は")
    or, in a language without particles, no case ending glued after an apostrophe
    ("Erdoğan", not "Erdoğan'ın")."""
    particles = lexicon.grammar.subject_particles
    found: list[Ref] = []
    for ref in between:
        if not _figure(ref) or ref.spokesperson or ref.possessive or ref.residence:
            continue
        after = text[ref.end : ref.end + _OBJECT_REACH]
        if (particles and any(after.find(p) >= 0 for p in particles)) or \
                (not particles and not after.startswith(_APOSTROPHES)):
            found.append(ref)
    return found


def _subject_comma(gap: str, lexicon: Lexicon) -> bool:
    """A bare comma between two names, no conjunction: a subject and its clause."""
    words = re.findall(r"\w+", gap.casefold())
    return "," in gap and lexicon.words("conjunctions").isdisjoint(words)


def _first_word_end(hit: CueHit) -> int:
    """Where a reception word's first word ends ("hat" of "hat ... empfangen")."""
    first = re.match(r"\S+", hit.text)
    return hit.start + (first.end() if first else len(hit.text))


def _pairs(host: Ref | None, guests: list[Ref], view: HostView, label: str,
           leader: Callable[[str], bool], status: Status = Status.TOOK_PLACE,
           counterpart: Callable[[str], bool] | None = None,
           category_of: Callable[[str], str | None] | None = None) -> list[HostedGuest]:
    """The pairs of a reception: leader and leader, or (`counterpart`: a minister) a
    minister receiving a foreign minister, his counterpart ("Wadephul hat seine
    Amtskollegen empfangen", "王毅设宴款待黄英贤"; host32 round); never a minister
    receiving a leader (a courtesy call, an airport welcome). A leader receives, besides
    leaders, the guests `_received_guest` admits (recap34 round)."""
    if host is None or not _figure(host) or host.spokesperson:
        return []
    if _leads(host, leader):
        peer: Callable[[Ref], bool] = lambda guest: _leads(guest, leader) or \
            _received_guest(guest, category_of)  # noqa: E731
        return [HostedGuest(host, guest, status, label, view.text, view.index, view.index)
                for guest in guests if _may_pair(host, guest, category_of) and peer(guest)]
    if counterpart is not None and counterpart(host.party.key):
        peer = lambda guest: counterpart(guest.party.key)  # noqa: E731
    else:
        return []
    return [HostedGuest(host, guest, status, label, view.text, view.index,
                        view.index) for guest in guests
            if _may_pair(host, guest, None) and peer(guest)]


def _received_guest(guest: Ref, category_of: Callable[[str], str | None] | None) -> bool:
    """A figure a leader receives who is no leader (recap34 round): a team's captain, a
    champion, a party leader, an artist ("Seguro recebeu ... Ronaldo", "Erdoğan
    Bahçeli'yi ağırladı"). Never a minister: a leader meeting a visiting foreign minister
    is a courtesy call, and his own ministers serve him."""
    if category_of is None or not guest.party.figure_id:
        return False
    return category_of(guest.party.figure_id) in RECEIVED_GUESTS


def _next_figure(view: HostView, hit: CueHit, lexicon: Lexicon, *, after: bool,
                 guest: bool = False) -> Ref | None:
    """The figure right beside a reception word on one side, within a host's reach (a
    guest's, for a passive's subject: "König Abdullah II. ist am Mittwoch in Berlin mit
    militärischen Ehren begrüßt worden")."""
    cjk = not lexicon.word_boundaries
    gap = (_RECEIVED_GAP_CJK if cjk else _RECEIVED_GAP) if guest else \
        (_RECEIVING_HOST_CJK if cjk else _HOST_GAP_CHARS)
    text = view.text
    # A seat ("в Кремле", "Beştepe'de", "首相官邸") is where the reception is, not a party.
    refs = [r for r in view.refs if not r.residence]
    if after:
        near = [r for r in refs if r.start >= hit.end and r.start - hit.end <= gap
                and not _CLAUSE_BREAK.search(text[hit.end : r.start])]
        return near[0] if near else None
    near = [r for r in refs if r.end <= hit.start and hit.start - r.end <= gap
            and not _CLAUSE_BREAK.search(text[r.end : hit.start])]
    if not near:
        return None
    if guest:
        return near[-1]
    # "Koning Willem-Alexander en koningin Máxima heetten hem welkom", "Steinmeier und
    # Elke Büdenbender begrüßten": a host couple receives; the one named first is the
    # host who invited (the head of state; the consort beside him is no labelled party:
    # state33 round).
    # Joined by a conjunction only: "Aliyev, Cumhurbaşkanı Erdoğan'ın konuğu olarak" is a
    # subject and the host after a comma, no couple.
    before = [r for r in refs if r.end <= near[-1].end][::-1]
    group = _group(text, before, lexicon)
    conjunctions = lexicon.words("conjunctions")
    while len(group) > 1 and not (conjunctions & set(re.findall(
            r"\w+", text[group[-1].end : group[-2].start].casefold()))):
        group.pop()
    return group[-1]


def _received(view: HostView, hit: CueHit, lexicon: Lexicon, *, after: bool) -> list[Ref]:
    """The guest a reception word speaks of, with those coordinated with it."""
    first = _next_figure(view, hit, lexicon, after=False, guest=True) if not after else None
    if after:
        gap = _RECEIVED_GAP_CJK if not lexicon.word_boundaries else _RECEIVED_GAP
        text = view.text
        # A split word holds its guest ("hat ... Starmer ... empfangen"), else it follows.
        inside = [r for r in view.refs if hit.start < r.start and r.end < hit.end
                  and not r.residence]
        near = inside or [r for r in view.refs if r.start >= hit.end and r.start - hit.end <= gap
                          and not r.residence and not _seat_named(r, lexicon)
                          and not _place_complement(text, r, lexicon)
                          and not _CLAUSE_BREAK.search(text[hit.end : r.start])]
        first = near[0] if near else None
    if first is None or not _figure(first) or first.spokesperson or first.possessive:
        return []
    between = view.text[min(hit.end, _first_word_end(hit)) : first.start] if after else \
        view.text[first.end : hit.start]
    if _QUOTES.search(between):
        return []  # '"Xi recebeu a ideia", disse Vieira': the quote's speaker, no guest
    words = re.findall(r"\w+", between.lower())
    if after and words and words[-1] in lexicon.words_of_hosts("reception_source"):
        return []  # "received a letter from X": X sent something ("X's letter": possessive)
    if after and not lexicon.words_of_hosts("reception_thing").isdisjoint(words):
        return []  # "принял предложение Трампа": a proposal accepted, its giver no guest
    refs = [r for r in view.refs if (r.start >= first.start if after else r.end <= first.end)]
    return _group(view.text, refs if after else refs[::-1], lexicon)


def _seat_named(ref: Ref, lexicon: Lexicon) -> bool:
    """A name the gazetteer lacks that opens with a residence word ("w Pałacu
    Prezydenckim"): the seat where the reception is, not a guest (issue 14, counter round)."""
    if ref.party.known:
        return False
    first = ref.party.name.casefold().split()[:1]
    return bool(first) and any(first[0].startswith(w) for w in lexicon.words("residence_words")
                               if len(w) > 3)


def hosted_guests(views: list[HostView], lexicon: Lexicon, year: int | None,
                  places: Places | None = None,
                  category_of: Callable[[str], str | None] | None = None) -> list[HostedGuest]:
    """Every (host, guest, status) the article reports, one per pair: the nearest host
    sentence wins, then the strongest status (a refusal over an arrival over a yes).
    `category_of`: a known figure's gazetteer category (who of the host's own country may
    be a guest); without it no figure of the host's country is one."""
    labels = [lexicon.occasions(view.text) for view in views]
    hosts = [h for h in _all_hosts(views, labels, lexicon, year)
             if not h.chair or category_of is None or not h.ref.party.figure_id
             or category_of(h.ref.party.figure_id) in CHAIRING_HOSTS]
    if not hosts:
        return _monarch_hosts(views, lexicon, category_of, set())
    chosen: dict[tuple[str, str], tuple[tuple[int, int, int], HostedGuest]] = {}
    listed: tuple[int, _Host] | None = None  # (paragraph, host) of a linked guest list
    for position, view in enumerate(views):
        if not view.refs or _other_occasion(view.text, lexicon, year):
            continue
        near = [h for h in hosts if _in_window(h.view, view)] or \
            _linked_by_occasion(hosts, views, labels, position, lexicon)
        if not near and listed is not None and 0 <= view.paragraph - listed[0] <= 1:
            # "X, Y and Z were among the leaders at the table. W sent his foreign minister
            # in his place": the sentences after a linked list (its paragraph and the next)
            # tell the same occasion.
            near = [listed[1]]
        if not near:
            continue
        host = min(_hosting_named(near, labels[position]),
                   key=lambda h: (abs(h.view.index - view.index), h.view.index > view.index))
        if not _in_window(host.view, view) and (_has_list(view.text, lexicon) or (
                listed is not None and listed[1] is host)):
            listed = (view.paragraph, host)
        # (the host is never its own guest: "sat beside the host", "accanto al capo dello
        # Stato" name him in his guest's sentence)
        here = {h.ref.party.key for h in near if h.view.index == view.index} | \
            {host.ref.party.key}
        if _elsewhere(host, view, labels[position], lexicon, places,
                      _before_in_paragraph(views, host.view)):
            continue
        for guest, status in _guests_in(view, lexicon, here):
            if not _may_pair(host.ref, guest, category_of):
                continue
            key = (host.ref.party.key, guest.party.key)
            rank = (-abs(host.view.index - view.index), _PRECEDENCE[status], -position)
            held = chosen.get(key)
            if held is None or rank > held[0]:
                chosen[key] = (rank, HostedGuest(host.ref, guest, status, host.label,
                                                 view.text, host.view.index, view.index))
    leader = None if category_of is None else \
        (lambda key: category_of(key) in _LEADERS)
    for host in hosts:
        for guest, status in _pronoun_guests(host, views, lexicon, leader):
            key = (host.ref.party.key, guest.party.key)
            if key not in chosen and _may_pair(host.ref, guest, category_of):
                chosen[key] = ((0, _PRECEDENCE[status], 0), HostedGuest(
                    host.ref, guest, status, host.label, host.view.text, host.view.index,
                    host.view.index))
    paired = {guest for _host, guest in chosen}
    return [found for _rank, found in chosen.values()] + \
        _monarch_hosts(views, lexicon, category_of, paired)


def _hosting_named(near: list[_Host], named: list[CueHit]) -> list[_Host]:
    """The hosts near a guest's sentence whose occasion it names, where one does: "X
    arrived for the summit that Y chairs. X dined with the king. Z took part in the
    meeting": Z is the summit's host's guest, not the dinner's, however near that host
    stands (issue 14, stop 35, recept35 round: the third figure taken as host)."""
    kinds = [h.category for h in named if h.category not in _TRAVEL]
    fitting = [h for h in near if h.label is not None
               and any(_same_occasion(h.label, kind) for kind in kinds)]
    return fitting or near


_MONARCH_REACH = 1  # sentences: the guest of honour's own, the one before or after it
_MONARCH_TITLE_WORDS = 3  # "King Charles", "the King", "kong Harald": the title's reach


def _monarch_hosts(views: list[HostView], lexicon: Lexicon,
                   category_of: Callable[[str], str | None] | None, paired: set[str]
                   ) -> list[HostedGuest]:
    """"Ruto was guest of honour at a state banquet at Windsor Castle ... King Charles
    raised a toast": a guest of honour (`honoured`) whom no host sentence pairs, his
    sentence or the monarch's naming a state occasion (`state_occasion`), is the guest of
    the one monarch (a `royal` figure named with a `leader_titles` word: king,
    queen, emperor) of another country named in his sentence or the one before or after
    it in the paragraph; a state banquet is the monarch's even when the sentence says
    only where it was (issue 14, stop 33, state33 round). No monarch, or two: no pair."""
    if category_of is None:
        return []
    out: list[HostedGuest] = []
    for position, view in enumerate(views):
        if not lexicon.host_hits("honoured", view.text):
            continue
        guests = [(g, status) for g, status in _guests_in(view, lexicon, set())
                  if g.party.key not in paired and g.party.figure_id]
        if len(guests) != 1:
            continue
        guest, status = guests[0]
        near = [v for v in views[max(0, position - _MONARCH_REACH) : position + _MONARCH_REACH + 1]
                if v.paragraph == view.paragraph or v is view]
        monarchs = {r.party.key: (r, v) for v in near for r in v.refs
                    if r.party.figure_id and category_of(r.party.figure_id) == "royal"
                    and r.party.key != guest.party.key and r.country != guest.country
                    and _monarch_titled(v.text, r, lexicon)}
        if len(monarchs) != 1:
            continue
        host, host_view = next(iter(monarchs.values()))
        if not lexicon.host_hits("state_occasion", view.text) and \
                not lexicon.host_hits("state_occasion", host_view.text):
            continue  # "gave his Christmas speech ... X was guest of honour at a dinner"
        occasions = lexicon.occasions(view.text)
        out.append(HostedGuest(host, guest, status, occasions[0].category if occasions else None,
                               view.text, host_view.index, view.index))
    return out


def _monarch_titled(text: str, ref: Ref, lexicon: Lexicon) -> bool:
    """Whether a royal figure is named as a monarch: a `leader_titles` word in the name
    as written ("King Charles III", "kong Harald", "天皇陛下") or right before it ("the
    King, Charles")."""
    titles = lexicon.words_of_hosts("leader_titles")
    surface = text[ref.start : ref.end].casefold()
    if not lexicon.word_boundaries:
        return any(t in surface for t in titles)
    before = _TITLE_WORD.findall(text[max(0, ref.start - _HOST_GAP_CHARS) : ref.start].casefold())
    words = _TITLE_WORD.findall(surface) + before[-_MONARCH_TITLE_WORDS:]
    return any(w in titles for w in words)


_PRONOUN_GUEST_CHARS = 60  # "offered him", "hem een werkdiner aanbood": right after the host


def _pronoun_guests(host: _Host, views: list[HostView], lexicon: Lexicon,
                    leader: Callable[[str], bool] | None = None) -> list[tuple[Ref, Status]]:
    """"... travelled on to the Catshuis, where Prime Minister Schoof offered him a working
    dinner", "waar premier Schoof hem een werkdiner aanbood", "Am Abend gab X ein Essen zu
    Ehren des Gastes": a pronoun (or "the guest") right after the host of a gathering
    (`honoured_pronoun`) is its guest, the figure the sentence names before the host, else
    the one the sentence before names; one such figure only (two make the pronoun
    unsure), the host's own seat and spokespeople aside (issue 14, stop 30, fixo round)."""
    view = host.view
    after = [h for h in lexicon.host_hits("honoured_pronoun", view.text)
             if h.start >= host.ref.end
             and not _CLAUSE_BREAK.search(view.text[host.ref.end : h.start])]
    hits = [h for h in after if h.start - host.ref.end <= _PRONOUN_GUEST_CHARS]
    # the partners of talks between host and pronoun are whom it names, near or far
    # ("习近平同李在明举行会谈，随后为他举行宴会"; state33 round)
    partners = _partners_before(view, host, after[0], lexicon) if after else []
    if partners:
        hits = after[:1]
    if not hits or host.label is None:
        return []
    def others(refs: tuple[Ref, ...], end: int) -> list[Ref]:
        return [r for r in refs if r.end <= end and _figure(r) and not r.spokesperson
                and not r.residence and r.party.key != host.ref.party.key]
    candidates = partners or others(view.refs, host.ref.start)
    if not candidates and view.index > 0:
        before = _before_in_paragraph(views, view)
        if before is not None and not _other_occasion(before.text, lexicon, None):
            candidates = others(before.refs, len(before.text))
    if not candidates and leader is not None and _guest_opens(view, host, lexicon):
        candidates = _foreign_visitor(views, host.ref, leader)
    if len({r.party.key for r in candidates}) != 1:
        return []
    return [(candidates[0], _guest_status(view.text, CueHit("honoured", hits[0].start,
                                                            hits[0].end, hits[0].text),
                                          lexicon))]


_OPENING_WORDS = 4  # "In mattinata l'ospite era salito al Colle": the subject's reach


def _foreign_visitor(views: list[HostView], host: Ref, leader: Callable[[str], bool]
                     ) -> list[Ref]:
    """The story's visitor as a host sees him: the one leader not of the host's country the
    lead (the first body sentence naming a leader) names ("Wong è stato accolto dalla
    presidente del Consiglio" names Meloni beside him; host32 round)."""
    lead = next((v for v in views if not v.headline
                 and any(_leader_figure(r, leader) for r in v.refs)), None)
    if lead is None or host.country is None:
        return []
    foreign = {r.party.key: r for r in lead.refs
               if _leader_figure(r, leader) and r.country not in (None, host.country)}
    return list(foreign.values()) if len(foreign) == 1 else []


def _guest_opens(view: HostView, host: _Host, lexicon: Lexicon) -> bool:
    """Whether the sentence opens with the visitor named by a `reception_guest` word before
    its host ("In mattinata l'ospite era salito al Colle, dove il capo dello Stato X gli ha
    offerto un pranzo"): the story's visitor is the pronoun's antecedent (issue 14, stop
    32, host32 round)."""
    opening = " ".join(view.text[: host.ref.start].split()[:_OPENING_WORDS])
    return bool(lexicon.host_hits("reception_guest", opening))


def _partners_before(view: HostView, host: _Host, hit: CueHit, lexicon: Lexicon) -> list[Ref]:
    """"X held talks with Y, after which he gave a dinner in his honour": the figures
    between the host and a pronoun far after him, when every one of them is the partner
    of his talks (`_partner`), are whom the pronoun names (issue 14, stop 32, host32
    round)."""
    between = [r for r in view.refs if host.ref.end <= r.start and r.end <= hit.start
               and not r.residence and r.party.key != host.ref.party.key]
    if not between or not all(_figure(r) and not r.spokesperson and _partner(view, r, lexicon)
                              for r in between):
        return []
    return between


def _all_hosts(views: list[HostView], labels: list[list[CueHit]], lexicon: Lexicon,
               year: int | None) -> list[_Host]:
    headline = [h for view, found in zip(views, labels, strict=True) if view.headline
                for h in found]
    hosts: list[_Host] = []
    by_paragraph: dict[int, list[CueHit]] = {}  # the labels of a paragraph and the next
    for position, view in enumerate(views):
        # The occasion the host holds: named in the host's sentence, else in its paragraph
        # or the next ("Die Konferenz beginnt in Rom. Gastgeberin ist ..."), else in the
        # headline.
        near = labels[position]
        if not near:
            if view.paragraph not in by_paragraph:
                by_paragraph[view.paragraph] = [
                    h for other, found in zip(views, labels, strict=True)
                    if other.paragraph - view.paragraph in (0, 1) for h in found]
            near = by_paragraph[view.paragraph]
        # A visit the host receives is reported as an observation, not an invitation by
        # its host: only an occasion that has guests (a summit, a dinner) counts.
        occasions = [h for h in near or headline if h.category not in _TRAVEL]
        hosts += _hosts_in(view, lexicon, year, occasions)
    return hosts


def _linked_by_occasion(hosts: list[_Host], views: list[HostView],
                        labels: list[list[CueHit]], position: int, lexicon: Lexicon
                        ) -> list[_Host]:
    """The host of an earlier sentence beyond the window whose occasion the guest's
    paragraph names again, definite, up to the guest's sentence ("Trump hosted a dinner
    ... [a paragraph on policy] ... Cook and Nadella were among the executives at the
    dinner. Huang did not attend."); the nearest such host only, and none where another
    host sentence stands between (that one's occasion is the one being told)."""
    view = views[position]
    listed = _has_list(view.text, lexicon)
    reach = LIST_LINK_PARAGRAPHS if listed else LINK_PARAGRAPHS
    # A headline's host has its own short reach (`_in_window`): a headline is a summary.
    before = [h for h in hosts if h.view.index < view.index and h.label is not None
              and not h.view.headline and view.index - h.view.index <= LINK_SENTENCES
              and 0 < view.paragraph - h.view.paragraph <= reach]
    if not before:
        return []
    host = max(before, key=lambda h: h.view.index)
    if any(host.view.index < h.view.index < view.index for h in hosts) or any(
            h.view.index == host.view.index and h.ref.party.key != host.ref.party.key
            for h in before):
        return []  # another host between, or two in one sentence: whose guest is unsure
    told = [(other, h) for other, found in zip(views[: position + 1], labels[: position + 1],
                                               strict=True)
            if other.index > host.view.index for h in found if h.category not in _TRAVEL]
    # Named again since the host ("Le dîner a suivi ... [next paragraph] Étaient présents"),
    # or a guest list in the guest's sentence ("Unter den Gästen waren ..."): a list names
    # the guests of the occasion last given a host. Another kind of occasion in the
    # guest's own paragraph is the one its guests are at.
    named = listed or any(
        _same_occasion(host.label, h.category) and not _indefinite(other.text, h, lexicon)
        for other, h in told)
    other_kind = any(not _same_occasion(host.label, h.category) for other, h in told
                     if other.paragraph == view.paragraph)
    return [host] if named and not other_kind else []


def _has_list(text: str, lexicon: Lexicon) -> bool:
    """Whether a sentence holds a guest-list frame (`LIST_KEYS`)."""
    return any(lexicon.host_hits(key, text) for key in LIST_KEYS)


def _same_occasion(host_label: str | None, label: str) -> bool:
    """Whether an occasion noun may name the host's occasion again: one of its group ("the
    summit" ... "the meeting"), or a part of it ("the dinner" of a summit)."""
    group = next((g for g in _GROUPS if host_label in g), {host_label})
    return label in group or label in _PARTS.get(host_label or "", frozenset())


def _in_window(host: HostView, guest: HostView) -> bool:
    """A few sentences around the host's, in its paragraph or a neighbouring one (a
    headline is a paragraph of its own: the two after it count as neighbours)."""
    distance = guest.index - host.index
    if distance < -WINDOW_BEFORE or distance > WINDOW_AFTER or (host.headline and guest.headline):
        return False
    return abs(guest.paragraph - host.paragraph) <= (2 if host.headline else 1)


def _elsewhere(host: _Host, guest: HostView, labels: list[CueHit], lexicon: Lexicon,
               places: Places | None, host_intro: HostView | None = None) -> bool:
    """Whether the guest's sentence names another occasion than the host's: an occasion
    noun of another kind ("is hosting a dinner ... will attend a NATO meeting"), one
    introduced as new (`another`: "et møte", "bir toplantıya"; the host's occasion named
    again is definite, "møtet"), or one placed right after its noun where the host's
    sentence does not name that place ("sommet à Paris ... réunion à Bruxelles"), nor the
    sentence right before it in its paragraph, which often introduces the occasion with its
    place ("COP29 yarın Bakü'de başlıyor. Konferansa ... Aliyev ev sahipliği yapıyor")."""
    # (not the trip to the occasion, nor the means inside an attendance phrase: "n'a
    # participé que par visioconférence")
    means = _attendance_hits(guest.text, lexicon)
    if _attends_named(host, guest, labels, means, lexicon):
        return False
    labels = [h for h in labels if h.category not in _TRAVEL
              and not any(m.start <= h.start and h.end <= m.end for m in means)
              and not _describes_guest(guest, h, lexicon)]
    if host.view.index == guest.index or not labels:
        return False
    # The host's sentence may name two occasions of his ("举行宴会，欢迎出席他主持的 ...
    # 峰会的外方领导人": the dinner and the summit he chairs): either is his (absent34 round).
    # Only a gathering: talks or a meeting named beside his ceremony have parties, not
    # guests ("举行欢迎仪式，随后同马克龙举行会谈").
    kinds = {host.label} | {h.category for h in lexicon.occasions(host.view.text)
                            if h.category in _GATHERINGS}
    same = [h for h in labels if any(_same_occasion(kind, h.category) for kind in kinds)]
    if not same:
        return True
    # the host's occasion named new ("et møte"); another kind named new beside it ("traf
    # ein und nutzte den Besuch für ein Gespräch mit Unternehmern, X nahm am Abendessen
    # teil") leaves the host's, named definite, the one told (host32 round)
    if any(_indefinite(guest.text, h, lexicon) for h in same):
        return True
    if places is None:
        return False
    here = {p.canonical for p in places(host.view.text)}
    if host_intro is not None:
        here |= {p.canonical for p in places(host_intro.text)}
    return any(0 <= p.start - h.end <= _PLACE_AFTER_NOUN and p.canonical not in here
               and not _titles_a_figure(guest, p, lexicon)
               for p in places(guest.text) if not p.is_platform for h in labels)


def _attends_named(host: _Host, guest: HostView, labels: list[CueHit], means: list[CueHit],
                   lexicon: Lexicon) -> bool:
    """Whether an attendance phrase of the guest's sentence names the host's occasion
    itself, definite ("nahm an der Eröffnungsrunde und am Abendessen teil"): whatever else
    the sentence names ("nutzte den Besuch für ein Gespräch mit Unternehmern"), that is
    the occasion attended (issue 14, stop 32, host32 round)."""
    return any(m.start <= h.start and h.end <= m.end and m.category != "absent"
               and _same_occasion(host.label, h.category)
               and not _indefinite(guest.text, h, lexicon)
               for h in labels for m in means)


def _describes_guest(guest: HostView, label: CueHit, lexicon: Lexicon) -> bool:
    """Whether an occasion noun sits in a relative clause about the figure before it: "o
    chileno Gabriel Boric, que estão em Pequim para o fórum", "Petro, who is in Beijing for
    the forum": why the guest is in town, not the occasion he is said to attend (issue 14,
    stop 30, fixo round)."""
    before = [r for r in guest.refs if r.end <= label.start]
    if not before:
        return False
    clause = guest.text[before[-1].end : label.start]
    opening = re.match(r"\s*,\s*(\w+)", clause)
    if opening is None or _CLAUSE_BREAK.search(clause):
        return False
    return opening.group(1).casefold() in lexicon.words("relative_pronouns")


def _titles_a_figure(view: HostView, place: PlaceHit, lexicon: Lexicon) -> bool:
    """Whether a place is part of the next figure's title, not where the occasion is: "Среди
    гостей саммита — президент Казахстана Токаев", "宴会嘉宾包括俄罗斯总统普京"."""
    ref = next((r for r in view.refs if r.end > place.start), None)
    if ref is None:
        return False
    if ref.start <= place.start:
        return True  # the figure's own span holds it ("俄罗斯总统普京" as one title form)
    gap = view.text[place.end : ref.start]
    if not lexicon.word_boundaries:
        return len(gap) <= _TITLE_CHARS_CJK and not _CLAUSE_BREAK.search(gap)
    return len(gap.split()) <= _TITLE_WORDS and not re.search(r"[,;:()]", gap)


def _indefinite(text: str, label: CueHit, lexicon: Lexicon) -> bool:
    before = re.findall(r"\w+", text[max(0, label.start - 40) : label.start].lower())[-3:]
    return any(w in lexicon.words_of_hosts("another") for w in before)


def _may_pair(host: Ref, guest: Ref, category_of: Callable[[str], str | None] | None) -> bool:
    if guest.party.key == host.party.key or not _figure(guest) or guest.spokesperson:
        return False
    if guest.principal and guest.principal == host.party.figure_id:
        return False
    if not (host.country and guest.country and host.country == guest.country):
        return True
    # The host's own ministers, officials and press greet, serve or report on the guests;
    # they are not invited. Its country's executives, politicians, royals and artists at a
    # president's dinner or gala are ("Cook and Nadella were among the executives at the
    # dinner" Trump hosted).
    category = category_of(guest.party.key) if category_of and guest.party.figure_id else None
    host_category = category_of(host.party.key) if category_of and host.party.figure_id else None
    if host_category in _STAFF and category in _LEADERS:
        # "una delegación encabezada por su asesor Medinski, sin el presidente": a
        # leader's own aide or minister heads a delegation for him, hosts him nowhere.
        return False
    return category in DOMESTIC_GUESTS


def _dated_another_year(text: str, lexicon: Lexicon, year: int | None) -> bool:
    # "sitt første VM siden 1998": a year opening a span dates no event (recap34 round)
    since = (lexicon.words_of_hosts("since_year"), lexicon.words_of_hosts("since_year_after"))
    return names_another_year(text, year, since)


def _other_occasion(text: str, lexicon: Lexicon, year: int | None) -> bool:
    return _dated_another_year(text, lexicon, year) or bool(lexicon.host_hits("past", text))


def _hosts_in(view: HostView, lexicon: Lexicon, year: int | None, labels: list[CueHit]
              ) -> list[_Host]:
    known = [r for r in view.refs if _figure(r) and not r.spokesperson]
    # "Lula reuniu no Itamaraty os presidentes": gathering leaders is an occasion itself
    gathers = lexicon.host_hits("host_gathers", view.text) if known else []
    labels = labels or [CueHit(_GATHERING_LABEL, h.start, h.end, h.text) for h in gathers]
    if not known or not labels or _other_occasion(view.text, lexicon, year):
        return []  # a host of nothing the lexicon calls an occasion ("hosts a fair")
    found: list[_Host] = []
    cjk = not lexicon.word_boundaries
    gap = _HOST_GAP_CHARS_CJK if cjk else _HOST_GAP_CHARS
    own = lexicon.occasions(view.text)
    for hit in [*lexicon.host_hits("host_before", view.text), *gathers]:
        reach = _HOST_GAP_WITH_OCCASION if _object_of(hit, own, view, cjk) else gap
        before = [r for r in known if r.end <= hit.start and hit.start - r.end <= reach
                  and (r.end == hit.start or not _glued(hit))]
        # "Macron no acudirá a la cumbre que preside Sánchez": a figure whose own
        # attendance word stands before the marker is a guest, not the host.
        if not before and not cjk:
            before = _pronoun_subject(view, hit, lexicon, known)
        if before and not _figure_between(view.refs, before[-1].end, hit.start) and \
                not _guest_word(view.text[before[-1].end : hit.start], lexicon):
            # a gathering of leaders is a meeting, whatever dinner the sentence names
            # beside it ("qui recevait ses homologues, les avait accueillis ... avant un
            # dîner": the summit; fixh round)
            label = _GATHERING_LABEL if hit.category == "host_gathers" else \
                _label_near(labels, hit)
            found.append(_Host(before[-1], view, label, _chairs(hit, lexicon)))
    seats = [h for h in _attendance_hits(view.text, lexicon) if h.category in LIST_KEYS]
    befores = lexicon.host_hits("host_before", view.text)
    for hit in lexicon.host_hits("host_after", view.text):
        if any(hit.start < h.end and h.start < hit.end for h in seats):
            continue  # "Поруч із господарем сиділа X": a guest's seat beside the host
        if found and any(b.start <= hit.start and hit.end <= b.end and b.end - b.start >
                         hit.end - hit.start for b in befores):
            # "托卡耶夫作为东道主主持会议，国家主席习近平…出席": the host-after word inside a
            # longer host-before one that found its host reads nothing more (fixh round)
            continue
        reach = _HOST_GAP_WITH_OCCASION if _object_of(hit, own, view, cjk) else gap
        after = [r for r in known if r.start >= hit.end and r.start - hit.end <= reach
                 and not _placed_seat(view.text, r, lexicon)]
        between = view.text[hit.end : after[0].start] if after else ""
        if after and not _figure_between(view.refs, hit.end, after[0].start) and \
                not _conjoined_after(between, lexicon) and \
                not _guest_word(between, lexicon):
            found.append(_Host(after[0], view, _label_near(labels, hit), _chairs(hit, lexicon)))
    found += _inside_hosts(view, lexicon, known, labels)
    found += _inviting_hosts(view, lexicon, known, labels)
    found += _occasion_hosts(view, lexicon, known, own, gap)
    found += _inverted_occasion_hosts(view, lexicon, known, own)
    owners = [ref for ref in known if ref.possessive] if not cjk else []
    for ref in owners:
        owned = [h for h in own if h.start >= ref.end
                 and len(view.text[ref.end : h.start].split()) <= _OWNER_GAP_WORDS
                 and not _figure_between(view.refs, ref.end, h.start)]
        if owned:
            found.append(_Host(ref, view, owned[0].category))
    return found


def _placed_seat(text: str, ref: Ref, lexicon: Lexicon) -> bool:
    """An office's seat after a seat preposition is where the occasion is held, never who
    holds it: "um jantar oferecido pelo anfitrião no Itamaraty" (the ministry's seat stands
    for its minister only when it speaks). A residence still names its host ("ужина,
    данного в Кремле"), and so does a name (issue 14, stop 30, fixo round)."""
    if ref.residence:
        return False
    named = set(re.findall(r"\w+", ref.party.name.casefold()))
    if named & set(re.findall(r"\w+", text[ref.start : ref.end].casefold())):
        return False
    words = re.findall(r"\w+", text[max(0, ref.start - 12) : ref.start].casefold())
    return bool(words) and words[-1] in lexicon.words_of_hosts("seat_prepositions")


def _glued(hit: CueHit) -> bool:
    """A marker opening with a possessive ending ("'s guests"): its host is the word it is
    glued to, never a figure further before ("Ramaphosa was among the mayor's guests")."""
    return hit.text[:1] in "'’"


def _occasion_hosts(view: HostView, lexicon: Lexicon, known: list[Ref], own: list[CueHit],
                    gap: int) -> list[_Host]:
    """"gave a dinner", "провёл саммит", "yemek verdi", "het diner dat X aanbood": a host
    only with a gathering as the verb's object, the host the figure before it; in a
    relative clause after its occasion the host follows the verb ("на саміт, який
    проводить Зеленський", "el foro que dio Sánchez"), and there a meeting has a host too
    ("на зустріч лідерів, яку проводить Зеленський": the meeting nouns of
    `hosted_meetings`, not talks, "переговоры, которые проводит X"; never "провів зустріч з
    X": the verb's own object is a meeting with parties, not guests)."""
    cjk = not lexicon.word_boundaries
    found: list[_Host] = []
    hits = lexicon.host_hits("host_with_occasion", view.text)
    honoured = tuple(_honoured_refs(view, lexicon)) if hits else ()
    for hit in hits:
        relatives = lexicon.words_of_hosts("hosted_relatives")
        occasion = _object_of(hit, own, view, cjk, relatives=relatives, honoured=honoured)
        relative = occasion is None
        if relative:
            occasion = _object_of(hit, own, view, cjk, _GATHERINGS | {"meeting"}, relatives,
                                  honoured)
        if occasion is not None and occasion.start >= hit.end and not lexicon.words_of_hosts(
                "delegation_words").isdisjoint(
                    re.findall(r"\w+", view.text[hit.end : occasion.start].casefold())):
            continue  # "encabezó la delegación argentina en la cumbre": a guest's delegation
        if occasion is None or (relative and (occasion.end > hit.start or (
                occasion.category == "meeting" and occasion.text.casefold()
                not in lexicon.words_of_hosts("hosted_meetings")))):
            continue
        # "провёл переговоры с премьером Моди, после чего дал в его честь обед": the
        # partner of the talks is no subject of the verb after them (host32 round)
        partners = [r for r in view.refs if _partner(view, r, lexicon)]
        if occasion.end <= hit.start and _figure_between(tuple(partners), occasion.end,
                                                         hit.start):
            # "莫迪将在峰会期间与习近平举行双边会见": a partner of talks between the occasion
            # and the verb; the occasion is when the talks are held, not the verb's object
            # (absent34 round)
            continue
        # the guest of honour before the verb is no host ("zu Ehren von Tusk ein Essen
        # gegeben", "为马克龙举行宴会": recept35 round), nor the guest of a reception before
        # it ("приняла гостя ..., а затем устроила в его честь прием": guest36 round)
        passed = [*partners, *honoured, *_received_objects(view, lexicon, hit)]
        before = [r for r in known if r.end <= hit.start and r not in passed
                  and hit.start - r.end <= _HOST_GAP_WITH_OCCASION]
        if not relative and before and not _figure_between(
                tuple(r for r in view.refs if r not in passed), before[-1].end, hit.start) and \
                not _guest_word(view.text[before[-1].end : hit.start], lexicon):
            # "het diner dat koning Willem-Alexander en koningin Máxima aanbieden": hosts
            # joined by "and" are one host, the first (as the invitation rules read them).
            host = _group(view.text, before[::-1], lexicon)[-1]
            found.append(_Host(host, view, occasion.category, _chairs(hit, lexicon)))
            continue
        after = [r for r in known if r.start >= hit.end and r.start - hit.end <= gap]
        if occasion.end <= hit.start and after and \
                not _figure_between(view.refs, hit.end, after[0].start):
            found.append(_Host(after[0], view, occasion.category, _chairs(hit, lexicon)))
    return found


def _received_objects(view: HostView, lexicon: Lexicon, verb: CueHit) -> list[Ref]:
    """The figures a `reception` word before `verb` takes as its object, right after it
    (nothing but a few words between, no other figure, no clause mark) with a figure
    before it, its subject: "Матвиенко приняла вьетнамского гостя в кабинете, а затем
    устроила в его честь прием", "Carney received the guest and then gave a dinner in his
    honour". The guest received is no subject of the giving verb after (guest36 round)."""
    out: list[Ref] = []
    for hit in lexicon.host_hits("reception", view.text[: verb.start]):
        if not any(r.end <= hit.start for r in view.refs):
            continue
        guest = next((r for r in view.refs if r.start >= hit.end), None)
        if guest is not None and guest.end <= verb.start and \
                guest.start - hit.end <= _HOST_GAP_CHARS and \
                not _CLAUSE_MARK.search(view.text[hit.end : guest.start]):
            out.append(guest)
    return out


def _right_before(text: str, ref: Ref, hit: CueHit, cjk: bool) -> bool:
    """Whether a figure stands right before a postposition: "Macron için", with a title
    after the name where the language writes one there ("李在明大統領のための")."""
    return len(text[ref.end : hit.start].strip()) <= (_TITLE_AFTER_CJK if cjk else 1)


def _honour_reaches(gap: str, lexicon: Lexicon) -> bool:
    """Whether an honour phrase reaches the figure after it: no relative word between
    ("the dinner for Nordic leaders that Prime Minister X gave": X gave it, no guest)."""
    relatives = lexicon.words_of_hosts("hosted_relatives") | \
        lexicon.words_of_hosts("occasion_relative")
    # (the first word is the complement's article, "für den Präsidenten", no relative)
    return relatives.isdisjoint(re.findall(r"\w+", gap.casefold())[1:])


def _honoured_refs(view: HostView, lexicon: Lexicon) -> list[Ref]:
    """The figures an honour phrase names as the guest (issue 14, stop 35, recept35
    round): inside it ("为马克龙举行宴会"), right after a prepositional one ("zu Ehren von
    Tusk", "in honour of X", "a dinner for X") with no figure between, or right before a
    postposition ("Macron için", "李大統領のための"). Such a figure is never the subject
    of the verb that gives the occasion."""
    refs = [r for r in view.refs if _figure(r)]
    cjk = not lexicon.word_boundaries
    out: list[Ref] = []
    for hit in _attendance_hits(view.text, lexicon):
        if hit.category not in _HONOUR_CATEGORIES:
            continue
        inside = [r for r in refs if hit.start <= r.start and r.end <= hit.end]
        after = [r for r in refs if r.start >= hit.end
                 and r.start - hit.end <= (_TITLE_CHARS_CJK if cjk else _HOST_GAP_CHARS)
                 and not _CLAUSE_MARK.search(view.text[hit.end : r.start])
                 and _honour_reaches(view.text[hit.end : r.start], lexicon)]
        if hit.category == "honoured_for_before":
            after = [r for r in refs if r.end <= hit.start
                     and _right_before(view.text, r, hit, cjk)][-1:]
        out += inside or after[:1]
    return out


_PARTNER_WORDS = 4  # "с премьер-министром Индии Нарендрой Моди": the title between


def _partner(view: HostView, ref: Ref, lexicon: Lexicon) -> bool:
    """Whether a figure is the complement of a `partner_words` preposition ("with", "с",
    "mit", "同"), up to a title's few words before it, in its clause and after the figure
    before, or of a `partner_after` postposition right after it and its title ("ile", "と"):
    the partner of talks, never the subject of a verb after them (issue 14, stop 32, host32
    round; the CJK and postpositional languages, stop 33, state33 round)."""
    partners = lexicon.words_of_hosts("partner_words")
    after = lexicon.words_of_hosts("partner_after")
    if not partners and not after:
        return False
    if not lexicon.word_boundaries:
        return _partner_cjk(view, ref, partners, after)
    if after:
        tail = _CLAUSE_MARK.split(view.text[ref.end : ref.end + _HOST_GAP_CHARS])[0]
        if any(w.casefold() in after
               for w in re.findall(r"[\w'’-]+", tail)[:1]):
            return True
    start = max([0, ref.start - _HOST_GAP_CHARS,
                 *(r.end for r in view.refs if r.end <= ref.start)])
    lead = _CLAUSE_MARK.split(view.text[start : ref.start])[-1]
    return any(w.casefold() in partners
               for w in re.findall(r"[\w'’-]+", lead)[-_PARTNER_WORDS:])


def _partner_cjk(view: HostView, ref: Ref, partners: frozenset[str], after: frozenset[str]
                 ) -> bool:
    """`_partner` without word boundaries: "同巴西总统卢拉" (the preposition, then a title of
    a few characters), "李在明大統領と" (the name, its title, then the postposition)."""
    text = view.text
    start = max([0, ref.start - _HOST_GAP_CHARS_CJK,
                 *(r.end for r in view.refs if r.end <= ref.start)])
    lead = _CLAUSE_MARK.split(text[start : ref.start])[-1]
    if any(p in lead and len(lead) - lead.rfind(p) - len(p) <= _TITLE_REACH_CJK
           for p in partners):
        return True
    tail = text[ref.end : ref.end + _TITLE_AFTER_CJK + 1]
    return any(p in tail for p in after)


def _inverted_occasion_hosts(view: HostView, lexicon: Lexicon, known: list[Ref],
                             own: list[CueHit]) -> list[_Host]:
    """"Am Abend gab Bundespräsident X im Schloss ein Essen", "Om kvelden holdt kong X en
    middag", "'s Avonds gaf premier X een diner": in a verb-second language a time or
    place may open the clause, and the subject (the host) then follows the verb, before
    its gathering. Read only when no figure stands before the verb in its clause (then
    that one is the subject) and nothing but a seat lies between the host and the
    gathering (issue 14, stop 30, fixo round)."""
    if not lexicon.grammar.verb_second or not lexicon.word_boundaries:
        return []
    found: list[_Host] = []
    for hit in lexicon.host_hits("host_with_occasion", view.text):
        opening = _CLAUSE_MARK.split(view.text[: hit.start])[-1]
        if any(r.end <= hit.start and r.start >= hit.start - len(opening) for r in known):
            continue
        after = [r for r in view.refs if r.start >= hit.end
                 and r.start - hit.end <= _HOST_GAP_CHARS and not r.residence]
        if not after or after[0] not in known or \
                _CLAUSE_MARK.search(view.text[hit.end : after[0].start]):
            continue
        host = after[0]
        objects = [o for o in own if o.start >= host.end and o.category in _GATHERINGS]
        if not objects:
            continue
        gap = view.text[host.end : objects[0].start]
        parties = tuple(r for r in view.refs if not r.residence)
        if len(re.findall(r"\w+", gap)) <= _OBJECT_WORDS and not _CLAUSE_MARK.search(gap) \
                and not _figure_between(parties, host.end, objects[0].start):
            found.append(_Host(host, view, objects[0].category, _chairs(hit, lexicon)))
    return found


def _pronoun_subject(view: HostView, hit: CueHit, lexicon: Lexicon, known: list[Ref]
                     ) -> list[Ref]:
    """"Merz closed the conference on Ukraine's grid that he had convened": a subject
    pronoun right before the marker ("that he had", "die er einberufen hatte") stands for
    the sentence's one figure before it, its subject; with a second figure before the
    marker whose pronoun it is stays unsure."""
    words = re.findall(r"\w+", view.text[max(0, hit.start - 40) : hit.start].casefold())
    if lexicon.words("pronouns").isdisjoint(words[-_PRONOUN_WORDS:]):
        return []
    before = [r for r in view.refs if r.end <= hit.start]
    if len({r.party.key for r in before}) != 1 or before[0] not in known or \
            hit.start - before[0].end > _PRONOUN_HOST_REACH:
        return []
    return before[:1]


def _conjoined_after(gap: str, lexicon: Lexicon) -> bool:
    """"sat beside the host, and Canadian Prime Minister Mark Carney": a conjunction right
    after a host word ("host,") starts the next item of a list, not the host's name."""
    words = re.findall(r"\w+", gap.casefold())
    return bool(words) and words[0] in lexicon.words("conjunctions")


def _inside_hosts(view: HostView, lexicon: Lexicon, known: list[Ref], labels: list[CueHit]
                  ) -> list[_Host]:
    """A relative clause whose gap holds its host (`host_inside`): "das Treffen, zu dem
    Bundeskanzler Merz geladen hatte", "het overleg dat premier Schoof voorzat", "由国家主席
    习近平主持的会议". The one known figure inside is the host, unless an attendance word
    stands before it (then the clause is a guest's), or a second figure follows it ("zu
    dem Scholz Macron eingeladen hatte" says whom he invited, not that he hosts)."""
    found: list[_Host] = []
    for hit in lexicon.host_hits("host_inside", view.text):
        # (a seat inside is where it is held: "dat premier Schoof in het Catshuis voorzat")
        inside = [r for r in known if hit.start < r.start and r.end < hit.end
                  and not r.residence]
        if len(inside) == 1 and \
                not _guest_word(view.text[hit.start : inside[0].start], lexicon):
            found.append(_Host(inside[0], view, _label_near(labels, hit), _chairs(hit, lexicon)))
    return found


def _inviting_hosts(view: HostView, lexicon: Lexicon, known: list[Ref], labels: list[CueHit]
                    ) -> list[_Host]:
    """"På invitasjon fra statsminister Støre var de nordiske lederne samlet til toppmøte",
    "At the invitation of Prime Minister Starmer, European leaders gathered": the one at
    whose invitation the gathering meets hosts it (`host_inviting`), its guests named in
    the next sentences. The host stands right after the phrase: nothing between but
    lower-case words, titles and articles ("fra Den norske Nobelkomiteen var kong Harald"
    names a committee, and the king is its guest). Its own sentence names a gathering
    (a summit, a dinner): at someone's invitation a visitor comes with his delegation,
    whose ministers are no guests ("Støre til Det hvite hus etter invitasjon fra Trump")."""
    found: list[_Host] = []
    small = lexicon.words("titles") | lexicon.words("articles")
    gatherings = [o for o in lexicon.occasions(view.text) if o.category in _GATHERINGS]
    if not gatherings:
        return []
    for hit in lexicon.host_hits("host_inviting", view.text):
        after = [r for r in view.refs if r.start >= hit.end
                 and r.start - hit.end <= _HOST_GAP_CHARS]
        if not after or after[0] not in known:
            continue
        gap = view.text[hit.end : after[0].start]
        words = re.findall(r"\w+", gap)
        if not re.search(r"[,;:()]", gap) and len(words) <= _TITLE_WORDS + 2 and all(
                w.casefold() in small or not w[:1].isupper() for w in words):
            found.append(_Host(after[0], view, _label_near(gatherings, hit)))
    return found


def _chairs(hit: CueHit, lexicon: Lexicon) -> bool:
    """Whether a host marker names its host as the one who chairs (`chair`: "chaired by",
    "unter Vorsitz", "議長を務める"): such a host must be a leader (`CHAIRING_HOSTS`)."""
    return bool(lexicon.host_hits("chair", hit.text))


def _object_of(hit: CueHit, occasions: list[CueHit], view: HostView, cjk: bool,
               kinds: frozenset[str] = _GATHERINGS, relatives: frozenset[str] = frozenset(),
               honoured: tuple[Ref, ...] = ()) -> CueHit | None:
    """The gathering right beside a marker, with no figure between: the first occasion
    after it ("gave a dinner", "Gastgeber der Gala", "举行宴会"), else the last before it
    ("akşam yemeği verdi", "夕食会を主催した"; "het diner dat koning Willem-Alexander
    aanbood": before its host; with `relatives`, the occasion's complement may stand
    before the relative word, `_past_complement`). The nearest occasion only: "held talks
    ... before the dinner" has talks as its object."""
    # a split verb holds its object: "heeft dinsdagavond een staatsbanket gegeven",
    # "hat am Abend ein Essen gegeben" (recept35 round)
    held = [o for o in occasions if hit.start < o.start and o.end <= hit.end
            and o.category in kinds]
    if held and not _figure_between(tuple(r for r in view.refs
                                          if not r.residence and r not in honoured),
                                    hit.start, held[0].start):
        return held[0]
    after = [o for o in occasions if o.start >= hit.end]
    before = [o for o in occasions if o.end <= hit.start]
    for occasion in (after[:1] + before[-1:]):
        if occasion.category not in kinds:
            continue
        if occasion.start >= hit.end:
            gap, limit = view.text[hit.end : occasion.start], _OBJECT_WORDS
        else:
            gap, limit = view.text[occasion.end : hit.start], _RELATIVE_WORDS
            inside = [r for r in view.refs if occasion.end <= r.start and r.end <= hit.start]
            if inside:  # the relative clause: the occasion, "dat"/"которую", the host
                gap = view.text[occasion.end : inside[0].start]
        span = len(gap)
        if occasion.end <= hit.start and not cjk:
            gap = _past_complement(gap, relatives)
        near = len(gap.strip()) <= _OBJECT_CHARS_CJK if cjk else \
            len(re.findall(r"\w+", gap)) <= limit and not _CLAUSE_BREAK.search(gap)
        between = (hit.end, occasion.start) if occasion.start >= hit.end else \
            (occasion.end, occasion.end + span)
        # (a seat between is where it is held: "ha offerto al Quirinale un pranzo")
        parties = tuple(r for r in view.refs if not r.residence)
        if near and not _figure_between(parties, *between):
            return occasion
    return None


def _past_complement(gap: str, relatives: frozenset[str]) -> str:
    """The gap between an occasion and its host's relative clause after the relative word
    (`[hosts] hosted_relatives`), past the occasion's own complement before it: "a
    cimeira de líderes sobre o clima que o presidente X acolhe", "заседание Совета
    министров Союзного государства, которое в этот раз проводит X" (issue 14, stop 34,
    absent34 round). The complement names which occasion: a few words
    (`_COMPLEMENT_WORDS`), no comma but the one setting off the clause, no clause break;
    otherwise the gap stays whole (and is too long for a relative reading)."""
    # the last relative word: in de and nl an article may look like one ("für die ...")
    words = [(count, word) for count, word in enumerate(re.finditer(r"\w+", gap))
             if count <= _COMPLEMENT_WORDS and word.group(0).casefold() in relatives]
    if not words:
        return gap
    count, word = words[-1]
    head = gap[: word.start()].rstrip()
    if count == 0 or "," in head.rstrip(",") or _CLAUSE_BREAK.search(head):
        return gap
    return gap[word.end() :]  # the words after it: a time, a title (`_RELATIVE_WORDS`)


def _label_near(labels: list[CueHit], hit: CueHit) -> str | None:
    """The occasion nearest the marker (labels of another sentence count as far)."""
    return min(labels, key=lambda h: abs(h.start - hit.start)).category if labels else None


def _figure_between(refs: tuple[Ref, ...], start: int, end: int) -> bool:
    return any(start <= r.start and r.end <= end for r in refs)


def _guests_in(view: HostView, lexicon: Lexicon, hosts_here: set[str]
               ) -> list[tuple[Ref, Status]]:
    """The figures an attendance word of the sentence speaks of, with its status (a
    host of this very sentence is passed over: "Til toppmøtet arrangert av X kom Y")."""
    hits = sorted([*_attendance_hits(view.text, lexicon), *_thanked_hosts(view, lexicon)],
                  key=lambda h: h.start)
    if not hits:
        return []
    stand_ins = lexicon.host_hits("stand_in", view.text)
    hedges = lexicon.observe_lists.get("hedges", frozenset())
    out: list[tuple[Ref, Status]] = []
    claimed: set[str] = set()
    for hit in hits:
        if _hedged(view.text, hit, hedges):
            continue
        if hit.category != "absent" and any(
                s.start >= hit.end and not _CLAUSE_BREAK.search(view.text[hit.end : s.start])
                for s in stand_ins):
            continue  # "will attend a meeting in Brussels instead": another occasion
        for guest in _speaks_of(view, hit, lexicon, hosts_here, stand_ins, claimed):
            claimed.add(guest.party.key)
            if any(_stands_in(view.text, guest, hit, s) for s in stand_ins):
                continue
            out.append((guest, _guest_status(view.text, hit, lexicon)))
    return out


def _guest_status(text: str, hit: CueHit, lexicon: Lexicon) -> Status:
    """An attendance word's status; an honour given ahead ("will give a dinner in honour
    of X", "wird ... zu Ehren von X ... geben") is an occasion accepted, not yet held
    (hostvocab round: `honoured` names no tense of its own)."""
    if hit.category in _HONOUR_CATEGORIES and _announced(text, hit, lexicon):
        return Status.ACCEPTED
    return STATUS_OF[hit.category]


def _guest_word(text: str, lexicon: Lexicon) -> bool:
    """Whether a stretch between a figure and a host marker says the figure attends (then
    it is a guest, not the host). An honour word does not: it names the one honoured after
    it, and sits between a host and its verb ("X, liderler onuruna yemek verdi", "Merz hat
    zu Ehren von Tusk ein Essen gegeben")."""
    return any(h.category not in _HONOUR_CATEGORIES for h in _attendance_hits(text, lexicon))


def _attendance_hits(text: str, lexicon: Lexicon) -> list[CueHit]:
    """Non-overlapping attendance words, the longest first, then a refusal first: "will not
    attend" holds "attend", and "也将出席" (will also attend) holds "出席" (attended)."""
    hits = [(-(hit.end - hit.start), rank, hit)
            for rank, key in enumerate(("absent", *LIST_KEYS, "attended", "honoured",
                                        "will_attend"))
            for hit in lexicon.host_hits(key, text)]
    hits += [(-(hit.end - hit.start), len(LIST_KEYS) + 5, hit)
             for hit in _honoured_for(text, lexicon)]
    taken: list[CueHit] = []
    for _, _, hit in sorted(hits, key=lambda h: (h[0], h[1], h[2].start)):
        if not any(hit.start < t.end and t.start < hit.end for t in taken):
            taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


# The honour categories: "in honour of X" (`honoured`), "a dinner for X" (`honoured_for`),
# "X için ... yemek", "X大統領のための夕食会" (`honoured_for_before`).
_HONOUR_CATEGORIES = frozenset({"honoured", "honoured_for", "honoured_for_before"})
# The occasions a host gives FOR a guest: a meal or a reception, never a ceremony ("a
# memorial ceremony for the late X") or a summit ("a summit for Africa").
_GIVEN_FOR = frozenset({"dinner", "gala"})
_FOR_GAP_WORDS = 1  # "a state banquet for", "un dîner officiel pour": at most a word between
_FOR_GAP_CHARS_CJK = 2  # "李大統領のための夕食会", "のための公式夕食会"
_FOR_BEFORE_WORDS = 4  # "için Beştepe'de resmi bir akşam yemeği": a place, an article


def _honoured_for(text: str, lexicon: Lexicon) -> list[CueHit]:
    """A meal or reception given FOR a guest (issue 14, stop 35, recept35 round): the
    preposition right after its noun (`[hosts] honoured_for`: "a state banquet for X",
    "een staatsbanket voor X", "ein Staatsbankett für X", "обед для X"), or the
    postposition right before it after the guest (`honoured_for_before`: tr "X için ...
    yemek", ja "X大統領のための夕食会"), names its guest of honour as "in honour of" does:
    the host who gives it invited him. Only next to the noun: "for" anywhere else in the
    sentence says nothing of a guest."""
    after = lexicon.host_hits("honoured_for", text)
    before = lexicon.host_hits("honoured_for_before", text)
    if not after and not before:
        return []
    occasions = [o for o in lexicon.occasions(text) if o.category in _GIVEN_FOR]
    cjk = not lexicon.word_boundaries
    out = [CueHit("honoured_for", h.start, h.end, h.text) for h in after
           if any(o.end <= h.start and _for_gap(text[o.end : h.start], cjk, _FOR_GAP_WORDS)
                  for o in occasions)]
    # a postposition's noun may carry a place and an article: "için Beştepe'de resmi bir
    # akşam yemeği"
    out += [CueHit("honoured_for_before", h.start, h.end, h.text) for h in before
            if any(h.end <= o.start and _for_gap(text[h.end : o.start], cjk, _FOR_BEFORE_WORDS)
                   for o in occasions)]
    return out


def _for_gap(gap: str, cjk: bool, words: int) -> bool:
    """Whether a gap between an honour preposition and its occasion noun is short: no
    clause mark, at most `words` words (a few characters in CJK)."""
    if _CLAUSE_MARK.search(gap):
        return False
    if cjk:
        return len(gap.strip()) <= _FOR_GAP_CHARS_CJK
    return len(re.findall(r"\w+", gap)) <= words


def _thanked_hosts(view: HostView, lexicon: Lexicon) -> list[CueHit]:
    """"A thanked X for organizing this summit": the thanks word (`thanks_words`) read as
    an attendance word of the one who thanks, when a figure (the host, X) stands between it
    and a `thanked_for` phrase in one clause: thanking the host for the occasion says one
    took part in it; the occasion noun follows the phrase closely. Only where the lexicon
    has such phrases (issue 15, stories round)."""
    text = view.text
    thanks = lexicon.words("thanks_words")
    out: list[CueHit] = []
    hits = lexicon.host_hits("thanked_for", text)
    occasions = lexicon.occasions(text) if hits else []
    for hit in hits:
        # The occasion is what was organised ("for organizing this summit"), not aid
        # organised before a summit.
        if not any(h.start >= hit.end
                   and len(text[hit.end : h.start].split()) <= _THANKED_OCCASION_WORDS
                   for h in occasions):
            continue
        words = [m for m in re.finditer(r"\w+", text[: hit.start])
                 if m.group(0).casefold() in thanks]
        if not words:
            continue
        word = words[-1]
        if _CLAUSE_BREAK.search(text[word.end() : hit.start]) or not any(
                word.end() <= r.start and r.end <= hit.start for r in view.refs):
            continue
        out.append(CueHit("attended", word.start(), word.end(), word.group(0)))
    return out


def _hedged(text: str, hit: CueHit, hedges: frozenset[str]) -> bool:
    before = re.findall(r"\w+", text[max(0, hit.start - 30) : hit.start].lower())[-2:]
    return any(word in hedges for word in before)


def _speaks_of(view: HostView, hit: CueHit, lexicon: Lexicon, hosts_here: set[str],
               stand_ins: list[CueHit], claimed: set[str] | frozenset[str] = frozenset()
               ) -> list[Ref]:
    """The nearest figure before the word in its clause (with those coordinated with it),
    else the first figure after it in its clause. A figure before the word that an earlier
    attendance word of the sentence already spoke of (`claimed`), set off from this word by
    a comma, belongs to that clause: the word's subject follows it ("прилетели X и Y,
    утром прибыл Z", "llegaron X e Y, y por la tarde aterrizó Z"; fixh round)."""
    text = view.text
    refs = [r for r in view.refs if not r.spokesperson and r.party.key not in hosts_here]
    cjk = not lexicon.word_boundaries
    # A phrase with a gap holds its subject: "waren Macron en Von der Leyen aanwezig",
    # "zaten De Wever en Frieden aan", "nahm Merz ... teil".
    # Not one who stands in: "Meloni ließ sich von Tajani vertreten" speaks of Meloni.
    inside = [r for r in refs if hit.start <= r.start and r.end <= hit.end
              and not any(_stands_in(text, r, hit, s) for s in stand_ins)]
    listed = hit.category in LIST_KEYS
    if inside:
        return _group(text, inside, lexicon, listed)
    # The nearest figure within reach, then those coordinated with it (however far the
    # list goes: "Frederiksen, Tusk and Meloni were among the leaders at the table").
    before = [r for r in refs if r.end <= hit.start
              and not _CLAUSE_BREAK.search(text[r.end : hit.start])]
    after = [r for r in refs if r.start >= hit.end
             and not _CLAUSE_BREAK.search(text[hit.end : r.start])]
    after_near = bool(after) and (
        cjk or len(text[hit.end : after[0].start].split()) <= _GUEST_GAP_WORDS)
    # A list opening its own clause after a comma names those after it: "Поруч із господарем
    # сиділа X, серед гостей також був Y" (Y, not X).
    if hit.category == "honoured_for":
        # "a state banquet for X": the guest after the preposition, whoever stands before
        # (not past a relative clause: "the dinner for the leaders that X gave")
        near_after = after_near and _honour_reaches(text[hit.end : after[0].start], lexicon)
        return _group(text, after, lexicon) if near_after else []
    if hit.category == "honoured_for_before":
        # "Aliyev için ... yemek", "李大統領のための": the guest right before the postposition
        near_before = bool(before) and _right_before(text, before[-1], hit, cjk)
        return _group(text, before[::-1], lexicon)[::-1] if near_before else []
    opens = listed and after_near and before and "," in text[before[-1].end : hit.start]
    if after_near and before and before[-1].party.key in claimed and \
            "," in text[before[-1].end : hit.start]:
        return _group(text, after, lexicon, listed)
    if before and not opens and (
            cjk or len(_past_aside(text[before[-1].end : hit.start], lexicon).split())
            <= _GUEST_GAP_WORDS):
        group = _group(text, before[::-1], lexicon, listed)[::-1]
        if listed and after_near and _together(text[hit.end : after[0].start], lexicon):
            # "X and Y were among the leaders at the table, alongside Z"
            group += _group(text, after, lexicon, listed)
        return group
    return _group(text, after, lexicon, listed) if after_near else []


def _past_aside(gap: str, lexicon: Lexicon) -> str:
    """The gap between a guest and his attendance word without a relative clause set off
    by commas right after the name (`guest_aside`: "who had been expected to join the
    leaders", "якого також очікували в Києві", "dont la venue avait été évoquée"): the
    clause tells about the guest, and the word after it is still his (recv33 round)."""
    head = re.match(r"\s*[,，]\s*([\w'’]+(?:\s+[\w'’]+)?)", gap)
    if head is None or "," not in gap[head.end() :]:
        return gap
    opener = head.group(1).casefold()
    asides = lexicon.words_of_hosts("guest_aside")
    if opener in asides or opener.split()[0] in asides:
        return gap[gap.rindex(",") + 1 :]
    return gap


def _together(gap: str, lexicon: Lexicon) -> bool:
    """Whether a gap holds a `together_words` phrase ("alongside", "zusammen mit") and no
    attendance word of its own."""
    words = " " + " ".join(re.findall(r"\w+", gap.casefold())) + " "
    return any(f" {w} " in words for w in lexicon.words("together_words")) and \
        not _attendance_hits(gap, lexicon)


def _group(text: str, refs: list[Ref], lexicon: Lexicon, listed: bool = False) -> list[Ref]:
    """The first of `refs` (ordered from the attendance word outwards) with those
    coordinated with it in turn: "Steinmeier e Stubb", "Boric y la peruana Boluarte"; the
    items of a guest list (`listed`) may each carry a longer title ("Parmi les convives
    figuraient le chef du gouvernement espagnol Pedro Sánchez et le Premier ministre
    portugais Luís Montenegro")."""
    cjk = not lexicon.word_boundaries
    width = (_LIST_GAP_CJK if cjk else _LIST_GAP) if listed else \
        (_COORDINATION_GAP_CJK if cjk else _COORDINATION_GAP)
    group = [refs[0]]
    for ref in refs[1:]:
        if listed and any(g.party.key == ref.party.key for g in group):
            continue  # one item named twice (a title resolved to it, then its name)
        last = group[-1]
        gap = text[min(last.end, ref.end) : max(last.start, ref.start)]
        if len(gap) > max(width, _COORDINATION_GAP) or \
                not _coordinating(gap, lexicon, width if listed else 0):
            break
        group.append(ref)
    return group


def _coordinating(gap: str, lexicon: Lexicon, width: int = 0) -> bool:
    """Whether two figures are joined as one group: a comma or conjunction between them
    and nothing else but titles and articles; after a conjunction one other word ("y la
    peruana"), never after a bare comma (", natomiast premier": a new clause). In a guest
    list (`width`: its longer reach) an item may carry a title of a few words after a
    comma too (", premier Estonii Kristen Michal")."""
    if not lexicon.word_boundaries:
        # No words to count: a short gap with a list mark or conjunction, no new clause;
        # a subject particle closes the first name's clause ("李在明大統領は23日夜、石破茂首相が
        # ...開いた": the topic, then the relative clause's own subject, no pair).
        if any(p in gap for p in lexicon.grammar.subject_particles):
            return False
        return len(gap) <= (width or _COORDINATION_GAP_CJK) and \
            not _CLAUSE_BREAK.search(gap) and \
            not re.search(r"[。！？，]", gap) and not _attendance_hits(gap, lexicon) and \
            any(c in gap for c in ("、", *lexicon.words("conjunctions")))
    words = re.findall(r"\w+", gap.lower())
    conjunctions = lexicon.words("conjunctions")
    small = conjunctions | lexicon.words("titles") | lexicon.words("articles")
    conjoined = any(w in conjunctions for w in words)
    if not (conjoined or "," in gap or "、" in gap) or _attendance_hits(gap, lexicon):
        return False
    if width:
        return sum(1 for w in words if w not in small) <= _LIST_WORDS
    return sum(1 for w in words if w not in small) <= (1 if conjoined else 0)


def _stands_in(text: str, guest: Ref, hit: CueHit, stand_in: CueHit) -> bool:
    """A stand-in word between the guest and the attendance word ("由X代为出席"), or before
    a guest named after it in the same clause ("w jego miejsce przyleci X", "represented by
    X"), or after a guest inside the phrase ("sent Foreign Minister Fidan in his place"):
    that figure only stands in for someone."""
    if guest.end <= hit.start:
        return guest.end <= stand_in.start and stand_in.end <= hit.start
    if hit.start <= guest.start and guest.end <= stand_in.start and stand_in.end <= hit.end:
        return True
    return stand_in.end <= guest.start and not _CLAUSE_BREAK.search(
        text[min(stand_in.end, hit.start) : guest.start])
