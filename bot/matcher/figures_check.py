"""Checks across the figures of a gazetteer (the built-in `figures.toml`, or it with a
host's `config/figures.toml` applied): what no single figure's table can show wrong.

Ids are unique; a name, alias or handle names one figure only; a title is held by one
figure on any given day; `spokesperson_for` and `speaks_for` name listed figures. Each
problem names the file, the figure and the key, for `invitewatch config check`. Pure
functions over parsed TOML: the caller reads the files."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# Spellings that really do name more than one listed figure in the press. An alias or
# handle listed for two figures is a mistake unless it is here, with the reason.
DELIBERATELY_AMBIGUOUS: dict[str, str] = {}

# Titles that two figures hold at once on purpose (co-founders, joint bodies).
SHARED_TITLES: dict[str, str] = {}


@dataclass(frozen=True)
class FigureProblem:
    file: str
    figure: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: figure {self.figure!r}: key {self.key!r}: {self.message}"


def fold(text: str) -> str:
    """The comparison key of a spelling: NFC, case-folded, ’ as ', inner whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("’", "'").split())


def figures_of(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The [[figures]] tables of a parsed file (what is not a table is left to the schema)."""
    figures = data.get("figures", [])
    return [f for f in figures if isinstance(f, dict)] if isinstance(figures, list) else []


def _is_date(value: object) -> bool:
    # tomllib gives datetime for a date-time literal; only a plain date is meant here.
    return isinstance(value, date) and not isinstance(value, datetime)


def check_unique_ids(data: Mapping[str, Any], file: str) -> list[FigureProblem]:
    counts: dict[str, int] = defaultdict(int)
    for figure in figures_of(data):
        counts[str(figure.get("id"))] += 1
    return [FigureProblem(file, i, "id", f"id {i!r} is used by {n} figures")
            for i, n in sorted(counts.items()) if n > 1]


def check_shared_spellings(data: Mapping[str, Any], file: str,
                           allowed: Mapping[str, str] = DELIBERATELY_AMBIGUOUS,
                           ) -> list[FigureProblem]:
    """A name, alias or handle must point at one figure only, unless deliberately listed.
    Reported at each figure after the first that lists it, with the key it is under."""
    owners: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # → (id, key, as written)
    for figure in figures_of(data):
        fid = str(figure.get("id"))
        for key in ("name", "aliases", "handles"):
            value = figure.get(key, [])
            for spelling in [value] if isinstance(value, str) else value or []:
                if isinstance(spelling, str) and spelling.strip():
                    owners[fold(spelling)].append((fid, key, spelling))
    allowed_folded = {fold(a) for a in allowed}
    problems = []
    for spelling, listed in sorted(owners.items()):
        ids = sorted({fid for fid, _, _ in listed})
        if len(ids) < 2 or spelling in allowed_folded:
            continue
        first = listed[0][0]
        for fid, key, written in listed:
            if fid != first:
                problems.append(FigureProblem(
                    file, fid, key, f"{written!r} is listed for several figures: {ids}"))
    return problems


def check_references(data: Mapping[str, Any], file: str) -> list[FigureProblem]:
    ids = {f.get("id") for f in figures_of(data)}
    problems = []
    for figure in figures_of(data):
        fid = str(figure.get("id"))
        spoken = figure.get("spokesperson_for")
        if isinstance(spoken, str) and spoken not in ids:
            problems.append(FigureProblem(file, fid, "spokesperson_for",
                                          f"names unknown id {spoken!r}"))
        for entry in figure.get("speaks_for", []) or []:
            if isinstance(entry, dict) and entry.get("id") not in ids:
                problems.append(FigureProblem(file, fid, "speaks_for.id",
                                              f"names unknown id {entry.get('id')!r}"))
    return problems


def period_of(table: Mapping[str, Any]) -> tuple[date, date]:
    """A role's [from, until) as dates, open ends as date.min and date.max."""
    start = table.get("from") if _is_date(table.get("from")) else date.min
    end = table.get("until") if _is_date(table.get("until")) else date.max
    return start, end  # type: ignore[return-value]


def check_title_overlaps(data: Mapping[str, Any], file: str,
                         allowed: Mapping[str, str] = SHARED_TITLES) -> list[FigureProblem]:
    """One title must resolve to one figure on any given day ('until' is exclusive)."""
    holders: dict[str, list[tuple[date, date, str]]] = defaultdict(list)
    for figure in figures_of(data):
        for role in figure.get("roles", []) or []:
            if not isinstance(role, dict):
                continue
            start, end = period_of(role)
            for title in role.get("titles", []) or []:
                if isinstance(title, str):
                    holders[fold(title)].append((start, end, str(figure.get("id"))))
    allowed_folded = {fold(t) for t in allowed}
    problems = []
    for title, spans in sorted(holders.items()):
        if title in allowed_folded:
            continue
        spans.sort()
        for i, (s1, e1, f1) in enumerate(spans):
            for s2, e2, f2 in spans[i + 1:]:
                if f1 != f2 and s2 < e1:
                    problems.append(FigureProblem(
                        file, f2, "roles.titles",
                        f"title {title!r} is held by {f1} ({s1}..{e1}) and {f2} ({s2}..{e2}) "
                        "at the same time"))
    return problems


def cross_figure_problems(data: Mapping[str, Any], file: str) -> list[FigureProblem]:
    """Every problem across the figures of `data`, read from `file`."""
    return (check_unique_ids(data, file) + check_shared_spellings(data, file)
            + check_references(data, file) + check_title_overlaps(data, file))
