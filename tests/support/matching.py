"""Matching a text in a test, and reading the result: the (inviter, invitee, status)
triples."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain import Article, MatchResult
from bot.matcher import Matcher


def match_text(matcher: Matcher, text: str, day: str | None = "2025-06-01") -> MatchResult:
    """The matcher's reading of one text published at noon UTC on `day` (None: undated)."""
    published = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC) if day else None
    return matcher.match(Article(key="t", text=text, published=published))


def pairs(result: MatchResult) -> set[tuple[str, str, str]]:
    """(inviter id or name, invitee id or name, status) of each mention."""
    return {
        (m.inviter.figure_id or m.inviter.name, m.invitee.figure_id or m.invitee.name,
         m.status.value)
        for m in result.mentions
    }
