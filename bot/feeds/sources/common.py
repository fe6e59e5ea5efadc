"""What the adapters share: dates, the post-to-Article step, and the per-source note."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from bot.domain import Article

_LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?([^";]+)"?')


@dataclass
class Notes:
    """Posts skipped for a reason an admin may want to know; one line in `feeds list`."""

    media_only: int = 0
    unreadable: list[str] = field(default_factory=list)
    stopped: str | None = None

    def warning(self) -> str | None:
        parts: list[str] = []
        if self.media_only:
            parts.append(f"{self.media_only} posts with only media (no text) skipped")
        if self.unreadable:
            parts.append(f"{len(self.unreadable)} posts could not be read "
                         f"({self.unreadable[0][:150]})")
        if self.stopped:
            parts.append(self.stopped)
        return "; ".join(parts) or None


def iso_datetime(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def next_link(header: str | None, current: str) -> str | None:
    """The `rel="next"` URL of a Link header, only when it stays on the same host (a server
    must not steer the reader elsewhere)."""
    for target, rel in _LINK.findall(header or ""):
        if rel.strip() == "next":
            if urlsplit(target).netloc.lower() == urlsplit(current).netloc.lower():
                return target
            return None
    return None


def dedupe(articles: list[Article]) -> list[Article]:
    seen: set[str] = set()
    kept: list[Article] = []
    for article in articles:
        if article.key not in seen:
            seen.add(article.key)
            kept.append(article)
    return kept
