"""Fixtures shared by every test package."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.matcher import Matcher

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository; tests that need it skip in a fresh clone."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"{SHARED_DIR} is absent (it exists beside the repository in CI only)")
    return SHARED_DIR


def _file_key(path: Path | None) -> tuple[str, int, int] | None:
    if path is None:
        return None
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path.resolve()), stat.st_mtime_ns, stat.st_size)


@pytest.fixture(scope="session", autouse=True)
def matchers_loaded_once() -> Iterator[None]:
    """`Matcher.load` reads and compiles the gazetteer and lexicons (seconds); the command
    line and the app load one per command, so the same files were loaded hundreds of times
    in a run. Within the tests, a load with the same files (path, mtime and size) returns
    the matcher already built, which is read-only; a load of other lexicons, or one that
    fails, goes to the real loader every time."""
    real_load = Matcher.__dict__["load"]
    built: dict[object, Matcher] = {}

    def load(cls: type[Matcher], figures_path: Path | None = None,
             lexicon_dir: Path | None = None, *, overrides: Path | None = None) -> Matcher:
        if lexicon_dir is not None or cls is not Matcher:
            return real_load.__func__(cls, figures_path, lexicon_dir, overrides=overrides)
        key = (_file_key(figures_path), _file_key(overrides))
        if key not in built:
            built[key] = real_load.__func__(cls, figures_path, lexicon_dir, overrides=overrides)
        return built[key]

    Matcher.load = classmethod(load)  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        Matcher.load = real_load  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def real_matcher() -> Matcher:
    """The matcher with the shipped gazetteer and lexicons, loaded once for the whole session
    (loading takes seconds); a test that needs other figures loads its own."""
    return Matcher.load()


# What starts a separate invitewatch (or other) process: such a test costs seconds of
# start-up, so it is `slow` and left out of the quick daily run (`pytest -m "not slow"`).
_STARTS_A_PROCESS = re.compile(
    r"\b(run_process|invitewatch|create_subprocess_exec|subprocess\.(run|Popen|check_output))\(")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        function = getattr(item, "function", None)
        if function is None:
            continue
        try:
            source = inspect.getsource(function)
        except (OSError, TypeError):
            continue
        if _STARTS_A_PROCESS.search(source):
            item.add_marker(pytest.mark.slow)


# A feed server on 127.0.0.1 whose answers a test changes between polls (`server`).
from tests.support.feed_server import server  # noqa: E402, F401

# Real-database fixtures: `store`/`store_url` run a test on SQLite and on PostgreSQL.
from tests.support.store_fixtures import (  # noqa: E402, F401
    postgres_reachable,
    postgres_store_url,
    sqlite_store,
    sqlite_store_url,
    store,
    store_url,
)
