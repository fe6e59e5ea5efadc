"""Matching a text in a test, and reading the result: the (inviter, invitee, status)
triples."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from bot.domain import Article, MatchResult
from bot.evaluation.matcher_eval import LanguageScore, evaluate_corpus
from bot.matcher import Matcher

CORPUS = Path(__file__).resolve().parents[1] / "data" / "matcher"


def match_text(matcher: Matcher, text: str, day: str | None = "2025-06-01",
               lang: str | None = None) -> MatchResult:
    """The matcher's reading of one text published at noon UTC on `day` (None: undated), in
    `lang` where given (else the language identified)."""
    published = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC) if day else None
    return matcher.match(Article(key="t", text=text, published=published, lang=lang))


def pairs(result: MatchResult) -> set[tuple[str, str, str]]:
    """(inviter id or name, invitee id or name, status) of each mention."""
    return {
        (m.inviter.figure_id or m.inviter.name, m.invitee.figure_id or m.invitee.name,
         m.status.value)
        for m in result.mentions
    }


def score_rounds(matcher: Matcher, directory: Path, langs: Iterable[str],
                 prefixes: Callable[[str], tuple[str, ...]]) -> dict[str, LanguageScore]:
    """The per-language scores of the self-written items of one round (ids starting with
    `prefixes(lang)`, e.g. "sv-wider-"), copied into `directory` and evaluated there; a
    malformed item fails the test rather than being skipped."""
    for lang in langs:
        lines = [line for line in (CORPUS / f"{lang}.jsonl").read_text("utf-8").splitlines()
                 if line.strip() and json.loads(line)["id"].startswith(prefixes(lang))]
        (directory / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    found, problems = evaluate_corpus(matcher, directory)
    assert problems == []
    return found
