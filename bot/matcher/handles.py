"""What a handle may look like on each platform the gazetteer knows: `[figures.handles]`
takes `x`, `bluesky`, `mastodon`, `telegram`, `instagram`, `youtube`, `threads`, each a list
checked against its pattern here (by `figures_schema`); a flat `handles = ["@x"]` list is
any platform and is not checked beyond being text."""

from __future__ import annotations

import re

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
