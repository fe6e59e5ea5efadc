"""Fixtures for the matcher tests: a small gazetteer written for the tests, the real lexicons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher
from tests.support.matching import pairs  # noqa: F401  (older imports of it from here)

HERE = Path(__file__).resolve().parent
SMALL_FIGURES = HERE / "figures_small.toml"


@pytest.fixture(scope="session")
def matcher() -> Matcher:
    return Matcher.load(SMALL_FIGURES)


@pytest.fixture(scope="session")
def real(real_matcher: Matcher) -> Matcher:
    """The shipped matcher (tests/conftest.py's `real_matcher`, loaded once per session)
    under the short name the round tests use."""
    return real_matcher


@pytest.fixture(scope="session")
def match(matcher: Matcher) -> Callable[..., MatchResult]:
    def run(text: str, *, title: str = "", date: str = "2023-05-01", lang: str | None = None
            ) -> MatchResult:
        published = datetime.fromisoformat(date).replace(hour=12, tzinfo=UTC)
        return matcher.match(Article(key="t", text=text, title=title, published=published,
                                     lang=lang))

    return run
