"""The tracker's place tree as data: `bot/tracker/places.toml` (spelling variants and which
place lies inside which), read once and checked, and a host's `places.toml` applied over it.

`occasion.py` asks `place_tree()`; the composition root calls `use_place_overlay(path)`
when the configuration directory holds a `places.toml`. The file is package data read on
first use, like the matcher's lexicons: the tracker's functions stay pure.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from bot.errors import InvitewatchError

_TABLES = ("aliases", "parents")


class PlaceTreeError(InvitewatchError, ValueError):
    """A place tree file that does not follow its format; the message names file and key."""


def place_key(place: str | None) -> str | None:
    """The comparison key of a place: case, accents, punctuation and a leading "the" folded."""
    if place is None:
        return None
    decomposed = unicodedata.normalize("NFKD", place)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace(".", "").replace("’", "'").casefold()
    words = plain.split()
    if words and words[0] == "the":
        words = words[1:]
    key = " ".join(words)
    return key or None


@dataclass(frozen=True, slots=True)
class PlaceTree:
    # a spelling (casefolded, and its comparison key) -> the canonical English name
    aliases: dict[str, str]
    # comparison key of a place -> comparison key of the place it lies in
    parents: dict[str, str]

    def ancestors(self, key: str) -> list[str]:
        """The keys of the places `key` lies in, nearest first."""
        chain: list[str] = []
        current = self.parents.get(key)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parents.get(current)
        return chain


def parse_place_tree(data: Any, where: str, base: PlaceTree | None = None) -> PlaceTree:
    """Check one file's tables and apply them over `base` (an entry replaces base's)."""
    if not isinstance(data, dict):
        raise PlaceTreeError(f"{where}: the top level must be a table")
    unknown = sorted(set(data) - set(_TABLES))
    if unknown:
        raise PlaceTreeError(f"{where}: unknown key(s) {', '.join(unknown)}; "
                             f"expected the tables {', '.join(_TABLES)}")
    aliases = dict(base.aliases) if base else {}
    parents = dict(base.parents) if base else {}
    for spelling, name in _pairs(data, "aliases", where):
        aliases[spelling.strip().casefold()] = name
        key = place_key(spelling)
        if key is not None:
            aliases.setdefault(key, name)
    for child, parent in _pairs(data, "parents", where):
        child_key, parent_key = place_key(child), place_key(parent)
        if child_key is None or parent_key is None or child_key == parent_key:
            raise PlaceTreeError(f"{where}: parents.{child}: a place cannot lie in itself")
        parents[child_key] = parent_key
    tree = PlaceTree(aliases=aliases, parents=parents)
    for child in parents:
        if child in tree.ancestors(child):
            raise PlaceTreeError(f"{where}: parents.{child}: the places form a cycle")
    return tree


def _pairs(data: dict[str, Any], table: str, where: str) -> list[tuple[str, str]]:
    raw = data.get(table, {})
    if not isinstance(raw, dict):
        raise PlaceTreeError(f"{where}: \"{table}\" must be a table of names")
    pairs: list[tuple[str, str]] = []
    for name, value in raw.items():
        if not name.strip() or not isinstance(value, str) or not value.strip():
            raise PlaceTreeError(f"{where}: {table}.{name}: must map a name to a non-empty "
                                 "place name")
        pairs.append((name, " ".join(value.split())))
    return pairs


def _read(path: Path | Any, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PlaceTreeError(f"{where}: cannot be read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PlaceTreeError(f"{where}: not valid TOML: {exc}") from exc


@cache
def builtin_place_tree() -> PlaceTree:
    """The package's place tree (`bot/tracker/places.toml`), read once."""
    resource = files("bot.tracker") / "places.toml"
    return parse_place_tree(_read(resource, "bot/tracker/places.toml"),
                            "bot/tracker/places.toml")


def load_place_tree(overlay: Path | None = None) -> PlaceTree:
    """The built-in tree with a host's file applied over it (None: the built-in one)."""
    base = builtin_place_tree()
    if overlay is None:
        return base
    return parse_place_tree(_read(overlay, str(overlay)), str(overlay), base)


_current: list[PlaceTree] = []


def place_tree() -> PlaceTree:
    """The tree the tracker compares places with: the host's, once installed, else the
    built-in one."""
    return _current[0] if _current else builtin_place_tree()


def use_place_overlay(overlay: Path | None) -> PlaceTree:
    """Install the built-in tree with a host's `places.toml` over it (None: the built-in
    one) for every later comparison; PlaceTreeError when the file is wrong."""
    tree = load_place_tree(overlay)
    _current[:] = [tree]
    return tree
