"""Handles per platform in the gazetteer: `handles = ["@x"]` (any platform, as before) or
`[figures.handles]` with `x`, `bluesky`, `mastodon`, `telegram`, `instagram`, `youtube`,
`threads`, each a list checked against what that platform allows."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

HANDLE_PATTERNS: dict[str, re.Pattern[str]] = {
    "x": re.compile(r"@[A-Za-z0-9_]{1,15}"),
    "bluesky": re.compile(r"@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}"),
    "mastodon": re.compile(r"@[A-Za-z0-9_]{1,64}@[A-Za-z0-9.-]+(:\d{1,5})?"),
    "telegram": re.compile(r"@[A-Za-z][A-Za-z0-9_]{3,31}"),
    "instagram": re.compile(r"@[A-Za-z0-9_.]{1,30}"),
    "youtube": re.compile(r"@[A-Za-z0-9_.-]{3,30}|UC[A-Za-z0-9_-]{22}"),
    "threads": re.compile(r"@[A-Za-z0-9_.]{1,30}"),
}
PLATFORMS = tuple(HANDLE_PATTERNS)

Bad = Callable[[str, str], None]


def parse_handles(value: Any, bad: Bad) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """(every handle, handles by platform); each problem reported through `bad`."""
    if isinstance(value, list):
        # The flat list is as before: any platform, not checked beyond being text.
        if not all(isinstance(item, str) for item in value):
            _strings(value, "handles", bad)  # reports the items that are not text
        return tuple(h.strip() for h in value if isinstance(h, str) and h.strip()), {}
    if not isinstance(value, dict):
        bad("handles", "must be an array of handles or a table of them per platform "
                       f"({', '.join(PLATFORMS)})")
        return (), {}
    by_platform: dict[str, tuple[str, ...]] = {}
    for platform, listed in value.items():
        pattern = HANDLE_PATTERNS.get(platform)
        if pattern is None:
            bad(f"handles.{platform}", f"unknown platform; use one of {', '.join(PLATFORMS)}")
            continue
        handles = _strings(listed, f"handles.{platform}", bad)
        for i, handle in enumerate(handles):
            if not pattern.fullmatch(handle):
                bad(f"handles.{platform}[{i}]", f"{handle!r} is not a valid {platform} handle")
        by_platform[platform] = tuple(handles)
    every = tuple(dict.fromkeys(h for hs in by_platform.values() for h in hs))
    return every, by_platform


def _strings(value: Any, key: str, bad: Bad) -> list[str]:
    if not isinstance(value, list):
        bad(key, f"must be an array of strings, got {type(value).__name__}")
        return []
    out: list[str] = []
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            out.append(item.strip())
        else:
            bad(f"{key}[{i}]", f"must be a non-empty string, got {item!r}")
    return out
