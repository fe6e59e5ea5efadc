"""The matcher: finds invitations between public figures in news articles, in many languages."""

from bot.matcher.gazetteer import Figure, Gazetteer, Role, load_gazetteer
from bot.matcher.matcher import Matcher

__all__ = ["Figure", "Gazetteer", "Matcher", "Role", "load_gazetteer"]
