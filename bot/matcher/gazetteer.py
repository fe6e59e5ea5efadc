"""The gazetteer: public figures, their aliases, handles and dated roles, from figures.toml.

Loading validates the whole file and reports every problem at once (file, figure index or
id, key), so a host editing the file sees all their typos in one go.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.domain import Party
from bot.errors import ConfigError
from bot.matcher.handles import parse_handles

FIGURE_KINDS = ("person", "organisation")
_KIND_SYNONYMS = {"organization": "organisation", "org": "organisation"}


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
    speaks_for: tuple[tuple[str, Role], ...] = ()  # dated principals, more precise
    # (platform, its handles) where the file says which platform a handle is on
    platform_handles: tuple[tuple[str, tuple[str, ...]], ...] = ()

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
    if not isinstance(entry, dict):
        problems.append(f"{source}: figures[{index}]: must be a table, got {type(entry).__name__}")
        return None
    figure_id = entry.get("id")
    where = f"{source}: figures[{index}]" + (
        f" (id {figure_id!r})" if isinstance(figure_id, str) else ""
    )
    before = len(problems)

    def bad(key: str, what: str) -> None:
        problems.append(f"{where}: key {key!r}: {what}")

    if not isinstance(figure_id, str) or not figure_id.strip():
        bad("id", "missing or not a non-empty string")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        bad("name", "missing or not a non-empty string")
    kind = entry.get("kind", "person")
    if not isinstance(kind, str) or _KIND_SYNONYMS.get(kind, kind) not in FIGURE_KINDS:
        bad("kind", f"must be one of {', '.join(FIGURE_KINDS)}, got {kind!r}")
    category = entry.get("category", "other")
    if not isinstance(category, str):
        bad("category", f"must be a string, got {category!r}")
    country = entry.get("country")
    if country is not None and not isinstance(country, str):
        bad("country", f"must be a string (ISO 3166 alpha-2), got {country!r}")
    aliases = _string_list(entry.get("aliases", []), "aliases", bad)
    handles, handles_by_platform = parse_handles(entry.get("handles", []), bad)
    roles: list[Role] = []
    raw_roles = entry.get("roles", [])
    if not isinstance(raw_roles, list):
        bad("roles", "must be an array of tables ([[figures.roles]])")
        raw_roles = []
    for r_index, raw_role in enumerate(raw_roles):
        role = _parse_role(raw_role, f"roles[{r_index}]", bad)
        if role is not None:
            roles.append(role)
    spokesperson_for = entry.get("spokesperson_for")
    if spokesperson_for is not None and (
        not isinstance(spokesperson_for, str) or not spokesperson_for.strip()
    ):
        bad("spokesperson_for", f"must be a figure id, got {spokesperson_for!r}")
        spokesperson_for = None
    speaks_for: list[tuple[str, Role]] = []
    raw_speaks = entry.get("speaks_for", [])
    if not isinstance(raw_speaks, list):
        bad("speaks_for", "must be an array of tables ([[figures.speaks_for]])")
        raw_speaks = []
    for s_index, raw in enumerate(raw_speaks):
        key = f"speaks_for[{s_index}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            bad(f"{key}.id", "missing or not a figure id")
            continue
        start = _parse_date(raw.get("from"), f"{key}.from", bad)
        until = _parse_date(raw.get("until"), f"{key}.until", bad)
        speaks_for.append((raw["id"].strip(), Role(titles=(), start=start, until=until)))
    if len(problems) > before:
        return None
    assert isinstance(figure_id, str) and isinstance(name, str) and isinstance(kind, str)
    return Figure(
        id=figure_id.strip(),
        name=name.strip(),
        kind=_KIND_SYNONYMS.get(kind, kind),
        category=category if isinstance(category, str) else "other",
        country=country.strip().upper() or None if isinstance(country, str) else None,
        aliases=tuple(a.strip() for a in aliases if a.strip()),
        handles=handles,
        platform_handles=tuple(sorted(handles_by_platform.items())),
        roles=tuple(roles),
        spokesperson_for=spokesperson_for.strip() if isinstance(spokesperson_for, str) else None,
        speaks_for=tuple(speaks_for),
    )


def _string_list(value: Any, key: str, bad: Any) -> list[str]:
    if not isinstance(value, list):
        bad(key, f"must be an array of strings, got {type(value).__name__}")
        return []
    out: list[str] = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            out.append(item)
        else:
            bad(f"{key}[{i}]", f"must be a string, got {item!r}")
    return out


def _parse_role(raw: Any, key: str, bad: Any) -> Role | None:
    if not isinstance(raw, dict):
        bad(key, "must be a table with 'titles' and optional 'from'/'until'")
        return None
    titles = _string_list(raw.get("titles", []), f"{key}.titles", bad)
    if not titles:
        bad(f"{key}.titles", "missing or empty")
    start = _parse_date(raw.get("from"), f"{key}.from", bad)
    until = _parse_date(raw.get("until"), f"{key}.until", bad)
    if start and until and until < start:
        bad(f"{key}.until", f"{until} is before 'from' {start}")
    return Role(titles=tuple(t.strip() for t in titles if t.strip()), start=start, until=until)


def _parse_date(value: Any, key: str, bad: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    bad(key, f"not a date (write YYYY-MM-DD): {value!r}")
    return None
