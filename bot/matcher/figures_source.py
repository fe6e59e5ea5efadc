"""Where the gazetteer comes from: the figures shipped inside the package, extended or
overridden by a host's own `config/figures.toml`.

The built-in file (`bot/data/figures.toml`) is package data, so an installed wheel finds
it wherever it runs. A host's file is an overlay, applied by figure id:

- a `[[figures]]` table whose id is already built in replaces that whole figure (aliases,
  roles and all: nothing is merged field by field, so what the host wrote is what is used);
- a `[[figures]]` table with a new id adds a figure;
- `remove = ["id", ...]` at the top of the file drops built-in figures (an id that is not
  built in is reported, as a typo would otherwise silently do nothing);
- `builtin = false` at the top of the file ignores the built-in figures altogether: the
  file is then the whole gazetteer, as before figures shipped with the code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bot.errors import ConfigError
from bot.matcher.figures_check import check_title_overlaps
from bot.matcher.gazetteer import Gazetteer, gazetteer_from_data

BUILTIN_FIGURES = Path(__file__).resolve().parent.parent / "data" / "figures.toml"

_OVERLAY_KEYS = frozenset({"figures", "remove", "builtin"})


def read_figures_file(path: Path) -> dict[str, Any]:
    """The TOML of a figures file; ConfigError names the file on any problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read the figures file: {exc.strerror or exc}"]) from exc
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML: {exc}"]) from exc


@dataclass(frozen=True)
class Merged:
    """The merged figures, and for each one that came from the overlay its index there (so
    a problem can point at the table the host wrote, not at a position in the merge)."""

    data: dict[str, Any]
    from_overlay: dict[int, int] = field(default_factory=dict)
    # problems of the overlay's own structure, reported with the gazetteer's (all at once)
    problems: list[str] = field(default_factory=list)


def merge_figures(base: Mapping[str, Any], overlay: Mapping[str, Any], *,
                  source: str) -> Merged:
    """`base` with `overlay` applied by id (see the module docstring), and the problems of
    the overlay's own structure; the merged figures are then validated by the gazetteer
    like any figures file. Raises ConfigError only when nothing can be merged."""
    problems: list[str] = []
    for key in sorted(set(overlay) - _OVERLAY_KEYS):
        problems.append(f"{source}: unknown top-level key {key!r} (expected [[figures]], "
                        "remove = [ids] or builtin = false)")
    use_builtin = overlay.get("builtin", True)
    if not isinstance(use_builtin, bool):
        problems.append(f"{source}: key 'builtin': must be true or false")
        use_builtin = True
    entries = overlay.get("figures", [])
    if not isinstance(entries, list):
        raise ConfigError([*problems, f"{source}: 'figures' must be an array of tables "
                                      "([[figures]])"])
    removals = overlay.get("remove", [])
    if not isinstance(removals, list) or not all(isinstance(r, str) for r in removals):
        problems.append(f"{source}: key 'remove': must be a list of figure ids")
        removals = []
    if not use_builtin:
        if removals:
            problems.append(f"{source}: key 'remove': has no effect with builtin = false")
        return Merged({"figures": list(entries)}, {i: i for i in range(len(entries))},
                      problems)

    # (entry, its index in the overlay or None for a built-in one)
    merged: list[tuple[Any, int | None]] = [(e, None) for e in base.get("figures", [])]
    builtin_ids = {e.get("id") for e in base.get("figures", []) if isinstance(e, dict)}
    position = {str(e.get("id")): i for i, (e, _) in enumerate(merged) if isinstance(e, dict)}
    first_in_overlay: dict[str, int] = {}
    for index, entry in enumerate(entries):
        ident = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(ident, str) and ident in first_in_overlay:
            problems.append(f"{source}: figures[{index}] (id {ident!r}): key 'id': duplicate "
                            f"id, already used by figures[{first_in_overlay[ident]}]")
            continue
        if isinstance(ident, str):
            first_in_overlay[ident] = index
        if isinstance(ident, str) and ident in position:
            merged[position[ident]] = (entry, index)  # the whole figure, as the host wrote it
        else:
            if isinstance(ident, str):
                position[ident] = len(merged)
            merged.append((entry, index))  # malformed entries are reported by the gazetteer
    for ident in removals:
        if ident not in builtin_ids:
            problems.append(f"{source}: key 'remove': {ident!r} is not a built-in figure id")
    dropped = set(removals)
    kept = [(e, i) for e, i in merged if not (isinstance(e, dict) and e.get("id") in dropped)]
    return Merged({"figures": [e for e, _ in kept]},
                  {k: i for k, (_, i) in enumerate(kept) if i is not None}, problems)


_POSITION = re.compile(r"figures\[(\d+)\]")


def _point_at_overlay(problem: str, merged: Merged) -> str:
    """"figures[1108]" of the merge becomes "figures[2]" of the host's file, or "built-in
    figures[n]" for a figure the host did not write."""
    def repl(m: re.Match[str]) -> str:
        index = int(m.group(1))
        if index in merged.from_overlay:
            return f"figures[{merged.from_overlay[index]}]"
        return f"built-in figures[{index}]"
    return _POSITION.sub(repl, problem)


def load_figures(overrides: Path | None = None, *,
                 builtin: Path = BUILTIN_FIGURES) -> Gazetteer:
    """The built-in gazetteer with the host's overlay file (when given) applied."""
    base = read_figures_file(builtin)
    if overrides is None:
        return gazetteer_from_data(base, source=str(builtin))
    overlay = read_figures_file(overrides)
    merged = merge_figures(base, overlay, source=str(overrides))
    source = (str(overrides) if overlay.get("builtin", True) is False
              else f"{overrides} (over the built-in figures)")
    try:
        gazetteer = gazetteer_from_data(merged.data, source=source)
    except ConfigError as exc:
        raise ConfigError(merged.problems + [_point_at_overlay(p, merged)
                                             for p in exc.problems]) from exc
    if merged.problems:
        raise ConfigError(merged.problems)
    return gazetteer


def check_figures(overrides: Path | None = None, *,
                  builtin: Path = BUILTIN_FIGURES) -> list[str]:
    """What loading the gazetteer cannot refuse, for `config check`: titles that two figures
    hold on the same day (`figures_check`), each naming the file the figure was written in,
    the figure and the key. (Loading itself refuses duplicated ids, a spelling listed for
    two figures and unknown references, naming file, figure and key.)"""
    base = read_figures_file(builtin)
    if overrides is None:
        return [str(p) for p in check_title_overlaps(base, str(builtin))]
    overlay = read_figures_file(overrides)
    merged = merge_figures(base, overlay, source=str(overrides))
    written_by_host = {str(f.get("id")) for f in overlay.get("figures", []) or []
                       if isinstance(f, dict)}
    return [str(replace(p, file=str(overrides)) if p.figure in written_by_host else p)
            for p in check_title_overlaps(merged.data, str(builtin))]
