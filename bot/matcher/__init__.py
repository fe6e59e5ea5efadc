"""The matcher: finds invitations between public figures in news articles, in many languages.

`Matcher` (the rules, the lexicons' code, ~10 MB of modules) is imported on first use, so
a process that only needs the gazetteer (the bot's main process when worker processes do
the matching) never loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.matcher.gazetteer import Figure, Gazetteer, Role, load_gazetteer

if TYPE_CHECKING:
    from bot.matcher.matcher import Matcher

__all__ = ["Figure", "Gazetteer", "Matcher", "Role", "load_gazetteer"]


def __getattr__(name: str) -> Any:
    if name == "Matcher":
        from bot.matcher.matcher import Matcher

        return Matcher
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
