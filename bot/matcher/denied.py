"""A spokesperson's "no invitation has been issued" in a sentence of its own unmakes the
article's open invitation between the figures it concerns (issue 14, stop-27 falsealarms
round): "Trump said Putin would be welcome in Washington. No invitation has been issued,
the White House said." reports no invitation.

Stop 35, deny35 round: the denial's scope is the article's report of that invitation, not
only its own sentence. A sentence whose invitation a denial word unmade ("the office denied a
report that X had invited Y") denies the pair's other reports too (the headline's, a quote's,
a later "Y is considering the proposal"); and a reported answer given after the denial ("is
considering it", "would not go even if asked") answers no invitation."""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

from bot.domain import Status
from bot.matcher.aggregate import Candidate, SentenceView


class DenialWords:
    """The `no_invitation_words` of every lexicon in one automaton: a sentence is read once
    for all of them (most sentences hold none)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(sorted({p.casefold() for p in phrases if p}))
        self._automaton: ahocorasick.Automaton | None = None
        if self.phrases:
            self._automaton = ahocorasick.Automaton()
            for phrase in self.phrases:
                self._automaton.add_word(phrase, phrase)
            self._automaton.make_automaton()

    def held_in(self, text: str) -> bool:
        """Whether a phrase stands in the text as whole words (CJK phrases as substrings)."""
        if self._automaton is None:
            return False
        low = text.casefold()
        for end_index, phrase in self._automaton.iter(low):
            at = end_index + 1 - len(phrase)
            before = low[at - 1] if at else " "
            after = low[end_index + 1] if end_index + 1 < len(low) else " "
            # CJK writes no spaces: "中方没有发出此类邀请" holds its phrase after a letter
            if not (phrase[0].isalpha() and before.isalpha() and phrase[0] < "\u3000") and \
                    not (phrase[-1].isalpha() and after.isalpha() and phrase[-1].isascii()):
                return True
        return False


def _concerns(view: SentenceView, keys: tuple[str, str]) -> bool:
    """The denial names nobody but the pair, their spokespeople and the bodies that stand
    for them: a denial about a third figure ("no invitation was sent to Lukashenko") leaves
    the pair's invitation alone. A sentence whose own invitation was denied concerns the
    pair it names, whoever else it names ("denied that Starmer would invite Farage to the
    dinner for the emir")."""
    if view.facts.denied_invitation and _names_both(view, keys):
        return True
    for ref in view.facts.refs:
        key = ref.party.key
        if key in keys or (ref.spokesperson and ref.principal in keys):
            continue
        return False
    return True


def _names_both(view: SentenceView, keys: tuple[str, str]) -> bool:
    named = {ref.principal if ref.spokesperson else ref.party.key for ref in view.facts.refs}
    return all(key in named for key in keys)


def denial_views(views: list[SentenceView], words: DenialWords) -> list[SentenceView]:
    """The article's sentences that say no invitation was made and hold none of their own,
    by a `no_invitation_words` phrase or by a denial word that unmade the sentence's own
    invitation: computed once per article, then matched against each open invitation. A
    phrase held in a sentence is held in the sentences joined by line breaks (a break
    bounds a word as the sentence's end does), so one pass over the whole text rules out
    most articles."""
    if not any(view.facts.denied_invitation for view in views) and \
            not words.held_in("\n".join(view.text for view in views)):
        return []
    return [view for view in views
            if not view.facts.invitations
            and (view.facts.denied_invitation or words.held_in(view.text))]


# Statuses a denial before them leaves unanswered: a reported consideration or a refusal
# "even if asked" answers an invitation the article has said was never made.
_REPORTED_ANSWERS = (Status.RESPONDED, Status.DECLINED)


def denied_elsewhere(candidate: Candidate, denials: list[SentenceView]) -> bool:
    """An open (pending) invitation whose article says, in a sentence holding no invitation
    of its own, that no invitation was made (lexicon `no_invitation_words`, or a denial word
    that unmade that sentence's invitation of the pair: `denial_views`), naming no other
    figure, was never made: a welcome, a willingness or a reported claim is unmade by the
    denial. A responded or declined one is unmade only by a denial said before a report of
    the pair ("No such invitation exists. Y said he would not go even if asked"); accepted,
    took place or withdrawn stand, as does an answer reported before the denial
    ("Zelensky declined; no new invitation was sent")."""
    if not denials:
        return False
    own = set(candidate.sentences) | {candidate.first_sentence}
    if candidate.status is Status.PENDING:
        last = None
    elif candidate.status in _REPORTED_ANSWERS:
        last = max(own)
    else:
        return False
    keys = (candidate.inviter.key, candidate.invitee.key)
    return any(view.index not in own and (last is None or view.index < last)
               and _concerns(view, keys) for view in denials)
