"""A consort named beside the host is no second inviter (issue 14, stop 36, falsepair36).

"op uitnodiging van koning Willem-Alexander en koningin Máxima", "at the invitation of
President Biden and the First Lady", "te gast bij de koning en koningin Máxima": the
couple hosts together, and the one named first, the head of state or government, is the
host who invited; the consort joined to him by "and" is no labelled party (the state33
round's reading of host couples in hosts.py, carried to every invitation reading).
A consort is a known figure of the royal or "other" category (queens consort, first
ladies); the leader a known royal, head of state or head of government of the same
country. Two leaders ("Macron and Merz invited Zelensky") are both inviters.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain import Mention, Party
from bot.matcher.clause import COORDINATION_GAP
from bot.matcher.gazetteer import Figure

CONSORTS = frozenset({"royal", "other"})
LEADERS = frozenset({"royal", "head_of_state", "head_of_government"})
_UNSPACED_GAP = 12  # characters between the two names in Chinese or Japanese


def without_consorts(mentions: list[Mention], figure: Callable[[str], Figure | None],
                     conjunctions: frozenset[str]) -> list[Mention]:
    """The mentions less each consort's that repeats its leader's invitation."""
    return [m for m in mentions
            if not any(_beside_leader(m, other, figure, conjunctions) for other in mentions)]


def _beside_leader(consort: Mention, leader: Mention, figure: Callable[[str], Figure | None],
                   conjunctions: frozenset[str]) -> bool:
    """`consort`'s inviter is joined by "and" right after `leader`'s, in the same sentence,
    inviting the same guest."""
    if consort is leader or consort.evidence != leader.evidence or \
            consort.invitee.key != leader.invitee.key:
        return False
    one, two = _known(leader.inviter, figure), _known(consort.inviter, figure)
    if one is None or two is None or one.id == two.id or one.country != two.country or \
            one.country is None or one.category not in LEADERS or two.category not in CONSORTS:
        return False
    first, second = _named_at(consort.evidence, one), _named_at(consort.evidence, two)
    if first is None or second is None or first[1] > second[0]:
        return False
    return _joined(consort.evidence[first[1] : second[0]], conjunctions)


def _known(party: Party, figure: Callable[[str], Figure | None]) -> Figure | None:
    return figure(party.figure_id) if party.figure_id else None


def _named_at(text: str, known: Figure) -> tuple[int, int] | None:
    """The first span where the text names the figure by its name or an alias."""
    folded = text.casefold()
    spans = [(at, at + len(form)) for form in (known.name, *known.aliases)
             if form and (at := folded.find(form.casefold())) >= 0]
    return min(spans) if spans else None


def _joined(gap: str, conjunctions: frozenset[str]) -> bool:
    """A short gap holding a conjunction ("en koningin", "and Queen", "和夫人")."""
    if len(gap) > COORDINATION_GAP:
        return False
    words = {w.strip(",.;:()\"'«»").casefold() for w in gap.split()}
    if words & conjunctions:
        return True
    # unspaced scripts: the conjunction stands inside a short gap ("和夫人", "と")
    return len(gap) <= _UNSPACED_GAP and " " not in gap.strip() and \
        any(c in gap for c in conjunctions if len(c) == 1)
