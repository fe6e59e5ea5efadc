"""Reading a matcher's result in a test: the (inviter, invitee, status) triples."""

from __future__ import annotations

from bot.domain import MatchResult


def pairs(result: MatchResult) -> set[tuple[str, str, str]]:
    """(inviter id or name, invitee id or name, status) of each mention."""
    return {
        (m.inviter.figure_id or m.inviter.name, m.invitee.figure_id or m.invitee.name,
         m.status.value)
        for m in result.mentions
    }
