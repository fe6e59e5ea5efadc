"""The gazetteer: public figures, their aliases, handles and dated roles, from figures.toml.

Loading validates the whole file and reports every problem at once (file, figure index or
id, key), so a host editing the file sees all their typos in one go.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.domain import Party
from bot.errors import ConfigError
from bot.matcher.figures_schema import FigureKind, PlatformHandles, validate_figure

FIGURE_KINDS = tuple(k.value for k in FigureKind)


@dataclass(frozen=True, slots=True)
class Role:
    """Titles or bodies that stand for a figure between two dates (inclusive, open ends)."""

    titles: tuple[str, ...]
    start: date | None = None
    until: date | None = None

    def covers(self, when: date | None) -> bool:
        if when is None:
            # Undated text: every role qualifies; holder_of prefers the latest one.
            return True
        if self.start is not None and when < self.start:
            return False
        # `until` is the first day the role no longer applies: on a handover day the
        # successor holds it.
        return not (self.until is not None and when >= self.until)


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    name: str
    kind: str = "person"
    category: str = "other"
    country: str | None = None
    aliases: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()  # every handle, whatever the platform
    roles: tuple[Role, ...] = ()
    spokesperson_for: str | None = None  # the principal whose replies this person gives
    gender: str | None = None  # "f" / "m": which pronouns may stand for the figure
    speaks_for: tuple[tuple[str, Role], ...] = ()  # dated principals, more precise
    # (platform, its handles) where the file says which platform a handle is on
    platform_handles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    name_order: str | None = None  # "family_first" / "given_first"; None: the country's

    def handles_on(self, platform: str) -> tuple[str, ...]:
        return dict(self.platform_handles).get(platform, ())

    @property
    def is_spokesperson(self) -> bool:
        return self.spokesperson_for is not None or bool(self.speaks_for) or (
            "spokes" in self.category.casefold()
        )

    def principal(self, when: date | None) -> str | None:
        """Whom this spokesperson speaks for on a date (None if not a spokesperson)."""
        best: tuple[date, str] | None = None
        for principal_id, period in self.speaks_for:
            if period.covers(when):
                start = period.start or date.min
                if best is None or start > best[0]:
                    best = (start, principal_id)
        if best is not None:
            return best[1]
        if any(period.start is not None or period.until is not None
               for _, period in self.speaks_for):
            # Dated entries that all miss the date: a former spokesperson (Psaki in 2025)
            # speaks for nobody, whatever the undated fallback says.
            return None
        return self.spokesperson_for


def fold(text: str) -> str:
    """Case- and space-insensitive key for names."""
    return " ".join(text.casefold().replace("’", "'").split())


class Gazetteer:
    """Figures by id, with lookups by any written form."""

    def __init__(self, figures: Iterable[Figure]) -> None:
        self._figures: dict[str, Figure] = {}
        self._by_form: dict[str, list[str]] = {}
        self._by_title: dict[str, list[tuple[str, Role]]] = {}
        for figure in figures:
            self._figures[figure.id] = figure
        for figure in self._figures.values():
            for form in (figure.name, figure.id, *figure.aliases, *figure.handles):
                ids = self._by_form.setdefault(fold(form), [])
                if figure.id not in ids:
                    ids.append(figure.id)
            for role in figure.roles:
                for title in role.titles:
                    for key in {fold(title), _without_article(fold(title))}:
                        self._by_title.setdefault(key, []).append((figure.id, role))

    def __len__(self) -> int:
        return len(self._figures)

    def __iter__(self) -> Any:
        return iter(self._figures.values())

    def get(self, figure_id: str) -> Figure | None:
        return self._figures.get(figure_id)

    def party(self, figure_id: str) -> Party:
        return Party(name=self._figures[figure_id].name, figure_id=figure_id)

    def ids_for_form(self, form: str) -> list[str]:
        return list(self._by_form.get(fold(form), ()))

    def holder_of(self, title: str, when: date | None) -> str | None:
        """The figure a title stands for on a date (the latest-starting role that covers it).

        Without a date only a role that never changes hands (no `from`, no `until`: "the
        Amazon founder") resolves: an undated text may be years old, and naming today's
        holder of "the Kremlin" would put words in the wrong person's mouth."""
        best: tuple[date, str] | None = None
        for figure_id, role in self._by_title.get(fold(title), ()):
            if when is None and (role.start is not None or role.until is not None):
                continue
            if role.covers(when):
                start = role.start or date.min
                if best is None or start > best[0]:
                    best = (start, figure_id)
        return best[1] if best else None

    def resolve(self, name: str, when: date | None = None) -> Party | None:
        """A figure from any written form: name, alias, handle, id, or a title held on `when`."""
        if not name or not name.strip():
            return None
        ids = self.ids_for_form(name)
        if not ids and name.strip().startswith("@"):
            ids = self.ids_for_form(name.strip())
        if ids:
            return self.party(ids[0])
        holder = self.holder_of(name, when) or self.holder_of(_without_article(fold(name)), when)
        return self.party(holder) if holder else None

    def search(self, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
        """Figures whose name, a word of it, or an alias starts with `prefix` (autocomplete)."""
        key = fold(prefix)
        if limit <= 0:
            return []
        starts: list[tuple[str, str]] = []
        inner: list[tuple[str, str]] = []
        for figure in self._figures.values():
            forms = [figure.name, *figure.aliases, figure.id]
            folded = [fold(f) for f in forms]
            if not key or any(f.startswith(key) for f in folded):
                starts.append((figure.id, figure.name))
            elif any(w.startswith(key) for f in folded for w in f.replace("-", " ").split()):
                inner.append((figure.id, figure.name))
        starts.sort(key=lambda pair: pair[1].casefold())
        inner.sort(key=lambda pair: pair[1].casefold())
        return (starts + inner)[:limit]


_ARTICLES = ("the ", "der ", "die ", "das ", "le ", "la ", "l'", "el ", "il ", "o ", "a ")


def _without_article(folded: str) -> str:
    for article in _ARTICLES:
        if folded.startswith(article) and len(folded) > len(article) + 2:
            return folded[len(article) :]
    return folded


def load_gazetteer(path: Path) -> Gazetteer:
    """Read and validate figures.toml; raise ConfigError listing every problem."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read the figures file: {exc.strerror or exc}"]) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([f"{path}: not valid TOML: {exc}"]) from exc
    return gazetteer_from_data(data, source=str(path))


def gazetteer_from_data(data: Mapping[str, Any], *, source: str = "figures.toml") -> Gazetteer:
    problems: list[str] = []
    entries = data.get("figures", [])
    if not isinstance(entries, list):
        raise ConfigError([f"{source}: 'figures' must be an array of tables ([[figures]])"])
    figures: list[Figure] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        figure = _parse_figure(entry, index, source, problems)
        if figure is None:
            continue
        if figure.id in seen:
            problems.append(
                f"{source}: figures[{index}] (id {figure.id!r}): key 'id': duplicate id, "
                f"already used by figures[{seen[figure.id]}]"
            )
            continue
        seen[figure.id] = index
        figures.append(figure)
    known = {f.id for f in figures}
    for figure in figures:
        principals = [figure.spokesperson_for] if figure.spokesperson_for else []
        principals += [pid for pid, _ in figure.speaks_for]
        for principal in principals:
            if principal not in known:
                problems.append(
                    f"{source}: figure {figure.id!r}: key 'spokesperson_for'/'speaks_for': "
                    f"unknown figure id {principal!r}"
                )
    problems.extend(_shared_form_problems(figures, source))
    if problems:
        raise ConfigError(problems)
    return Gazetteer(figures)


def _shared_form_problems(figures: Iterable[Figure], source: str) -> list[str]:
    """An alias or handle given to two figures (or equal to another's name).

    Resolution would silently pick whichever figure came first, attributing one person's
    invitations to another, so the host must disambiguate in the file.
    """
    owners: dict[str, tuple[str, str, str]] = {}  # folded form -> (figure id, key, as written)
    problems: list[str] = []
    for figure in figures:
        forms = [("name", figure.name)]
        forms += [("aliases", a) for a in figure.aliases]
        forms += [("handles", h) for h in figure.handles]
        for key, written in forms:
            folded = fold(written)
            owner = owners.get(folded)
            if owner is None:
                owners[folded] = (figure.id, key, written)
                continue
            owner_id, owner_key, _ = owner
            if owner_id == figure.id or (key == "name" and owner_key == "name"):
                # Two namesakes are allowed; only an alias or handle must be unambiguous.
                continue
            problems.append(
                f"{source}: figure {figure.id!r}: key {key!r}: {written!r} is also listed "
                f"for figure {owner_id!r} (key {owner_key!r}); an alias or handle must "
                f"belong to one figure only"
            )
    return problems


def _parse_figure(entry: Any, index: int, source: str, problems: list[str]) -> Figure | None:
    """The figure of one `[[figures]]` table, checked against `figures_schema`; every
    problem goes to `problems` naming file, figure and key."""
    figure_id = entry.get("id") if isinstance(entry, dict) else None
    where = f"{source}: figures[{index}]" + (
        f" (id {figure_id!r})" if isinstance(figure_id, str) else ""
    )
    valid, found = validate_figure(entry, where)
    problems.extend(found)
    if valid is None:
        return None
    if isinstance(valid.handles, PlatformHandles):
        by_platform = valid.handles.by_platform()
        handles = tuple(dict.fromkeys(h for hs in by_platform.values() for h in hs))
    else:
        by_platform, handles = {}, tuple(h.strip() for h in valid.handles if h.strip())
    country = (valid.country or "").strip().upper()
    return Figure(
        id=valid.id,
        name=valid.name,
        kind=valid.kind.value,
        category=valid.category.value,
        country=country or None,
        aliases=tuple(a.strip() for a in valid.aliases if a.strip()),
        handles=handles,
        platform_handles=tuple(sorted(by_platform.items())),
        roles=tuple(Role(titles=tuple(t.strip() for t in r.titles if t.strip()),
                         start=r.start, until=r.until) for r in valid.roles),
        spokesperson_for=valid.spokesperson_for,
        gender=valid.gender,
        name_order=valid.name_order,
        speaks_for=tuple((s.id, Role(titles=(), start=s.start, until=s.until))
                         for s in valid.speaks_for),
    )
