"""Small text helpers the pages and the feeds share."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote, urlsplit

from bot.domain import Status


def status_label(status: Status) -> str:
    return status.value.replace("_", " ")


def safe_href(url: str | None) -> str | None:
    """`url` when it is an http(s) link, else None: a stored source URL never becomes a
    `javascript:` or `data:` link, whatever a feed put in it."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def figure_path(key: str) -> str:
    """The path of a figure's page: its key, escaped whole (keys may hold spaces or ':')."""
    return "/figures/" + quote(key, safe="")


def day(when: datetime) -> str:
    return when.date().isoformat()
