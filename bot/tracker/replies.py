"""A reply that answers an invitation without naming anyone ("Sure, let's do it" under
the invitation): which invitation it answers, as a report the tracker folds in as usual.

Pure: the store passes the invitations it holds for the reply's author.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain import FINAL_STATUSES, InvitationState, Mention, ReplyAnswer


def reply_mention(reply: ReplyAnswer, candidates: Sequence[InvitationState],
                  lang: str) -> Mention | None:
    """The reply as a report on the author's one open invitation as invitee; None when
    there is none, or several (then the reply is not linked rather than guessed)."""
    open_ = [c for c in candidates
             if c.invitee.key == reply.author.key and c.status not in FINAL_STATUSES
             and not c.hidden]
    if len(open_) != 1:
        return None
    invitation = open_[0]
    return Mention(inviter=invitation.inviter, invitee=invitation.invitee,
                   occasion=invitation.occasion, status=reply.status,
                   confidence=round(min(reply.confidence, invitation.confidence), 3),
                   evidence=reply.evidence, lang=lang)
