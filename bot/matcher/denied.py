"""A spokesperson's "no invitation has been issued" in a sentence of its own unmakes the
article's open invitation between the figures it concerns (issue 14, stop-27 falsealarms
round): "Trump said Putin would be welcome in Washington. No invitation has been issued,
the White House said." reports no invitation."""

from __future__ import annotations

from collections.abc import Iterable

from bot.domain import Status
from bot.matcher.aggregate import Candidate, SentenceView


def _holds(text: str, phrases: Iterable[str]) -> bool:
    """Whether a phrase stands in the text as whole words (CJK phrases as substrings)."""
    low = text.casefold()
    for phrase in phrases:
        at = low.find(phrase)
        while at >= 0:
            before = low[at - 1] if at else " "
            end = at + len(phrase)
            after = low[end] if end < len(low) else " "
            if not (phrase[0].isalpha() and before.isalpha()) and \
                    not (phrase[-1].isalpha() and after.isalpha() and phrase[-1].isascii()):
                return True
            at = low.find(phrase, at + 1)
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


def denied_elsewhere(candidate: Candidate, views: list[SentenceView],
                     phrases: frozenset[str]) -> bool:
    """An open (pending) invitation whose article says, in a sentence holding no invitation
    of its own, that no invitation was made (lexicon `no_invitation_words`), naming no
    other figure, was never made: a welcome, a willingness or a reported claim is unmade
    by the denial. An answered invitation stands ("Zelensky accepted; no invitation to
    Lukashenko was sent")."""
    if not phrases or candidate.status is not Status.PENDING:
        return False
    keys = (candidate.inviter.key, candidate.invitee.key)
    own = set(candidate.sentences) | {candidate.first_sentence}
    return any(view.index not in own and not view.facts.invitations
               and _holds(view.text, phrases) and _concerns(view, keys)
               for view in views)
