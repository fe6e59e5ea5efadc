"""Reading the matcher's shared data files (`lexicons/_*.toml`): one way to open them and
one way to check a word list, so every file reports problems alike."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.errors import ConfigError


def read_data_file(path: Path) -> dict[str, Any] | None:
    """The file's top-level table, or None when the file is missing (the matcher then runs
    without what it would add). ConfigError names the file when it cannot be read."""
    if not path.exists():
        return None
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read: {exc}"]) from exc


def string_list(value: Any, key: str, source: str, problems: list[str]) -> list[str]:
    """`value` as a list of stripped non-empty strings; anything else is a problem (named
    by file and key) and gives an empty list, so one run reports every bad key."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{source}: {key}: must be an array of non-empty strings")
        return []
    return [v.strip() for v in value]
