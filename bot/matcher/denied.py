"""A spokesperson's "no invitation has been issued" in a sentence of its own unmakes the
article's open invitation between the figures it concerns (issue 14, stop-27 falsealarms
round): "Trump said Putin would be welcome in Washington. No invitation has been issued,
the White House said." reports no invitation."""

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
            if not (phrase[0].isalpha() and before.isalpha()) and \
                    not (phrase[-1].isalpha() and after.isalpha() and phrase[-1].isascii()):
                return True
        return False


def _concerns(view: SentenceView, keys: tuple[str, str]) -> bool:
    """The denial names nobody but the pair, their spokespeople and the bodies that stand
    for them: a denial about a third figure ("no invitation was sent to Lukashenko") leaves
    the pair's invitation alone."""
    for ref in view.facts.refs:
        key = ref.party.key
        if key in keys or (ref.spokesperson and ref.principal in keys):
            continue
        return False
    return True


def denial_views(views: list[SentenceView], words: DenialWords) -> list[SentenceView]:
    """The article's sentences that say no invitation was made and hold none of their own:
    computed once per article, then matched against each open invitation. A phrase held
    in a sentence is held in the sentences joined by line breaks (a break bounds a word as
    the sentence's end does), so one pass over the whole text rules out most articles."""
    if not words.held_in("\n".join(view.text for view in views)):
        return []
    return [view for view in views
            if not view.facts.invitations and words.held_in(view.text)]


def denied_elsewhere(candidate: Candidate, denials: list[SentenceView]) -> bool:
    """An open (pending) invitation whose article says, in a sentence holding no invitation
    of its own, that no invitation was made (lexicon `no_invitation_words`, `denial_views`),
    naming no other figure, was never made: a welcome, a willingness or a reported claim is
    unmade by the denial. An answered invitation stands ("Zelensky accepted; no invitation
    to Lukashenko was sent")."""
    if not denials or candidate.status is not Status.PENDING:
        return False
    keys = (candidate.inviter.key, candidate.invitee.key)
    own = set(candidate.sentences) | {candidate.first_sentence}
    return any(view.index not in own and _concerns(view, keys) for view in denials)
