"""Why a report was linked to no invitation although several fitted it (pure data)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import TimelineEntry


@dataclass(frozen=True, slots=True)
class LinkTrace:
    """Why a report was linked to no invitation although some fitted it: kept with each of
    `invitation_ids` for the debug view of their timelines (`invitations show --debug`)."""

    invitation_ids: tuple[int, ...]
    reason: str
    entry: TimelineEntry
