"""The two seed articles (../shared/seeds), judged as GOLD.md describes, with the real gazetteer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain import Article, MatchResult, OccasionKind, Status
from bot.matcher import Matcher

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT / ".." / "shared" / "seeds"
FIGURES = REPO_ROOT / "bot" / "data" / "figures.toml"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is absent (../shared beside the repo)"),
]


def run(matcher: Matcher, name: str, day: str) -> MatchResult:
    text = (SEEDS / name).read_text(encoding="utf-8")
    published = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
    return matcher.match(Article(key=name, text=text, published=published))


def by_pair(result: MatchResult) -> dict[frozenset[str | None], list]:
    out: dict[frozenset[str | None], list] = {}
    for m in result.mentions:
        out.setdefault(frozenset({m.inviter.figure_id, m.invitee.figure_id}), []).append(m)
    return out


MUSK_PUTIN = frozenset({"elon-musk", "vladimir-putin"})
MUSK_KANYE = frozenset({"elon-musk", "kanye-west"})


def test_english_seed_is_pending(real_matcher: Matcher) -> None:
    result = run(real_matcher, "004_73de5ce1ef32ca8d.txt", "2021-02-14")
    assert result.lang == "en"
    found = by_pair(result)
    [mention] = found[MUSK_PUTIN]
    assert mention.inviter.figure_id == "elon-musk"
    assert mention.invitee.figure_id == "vladimir-putin"
    assert mention.status is Status.PENDING
    assert mention.occasion.kind is OccasionKind.CONVERSATION
    assert mention.occasion.place == "Clubhouse"
    assert mention.confidence >= 0.7
    # Only Musk-Putin and (optionally) Musk-Kanye; nothing from the "Most Read" block.
    assert set(found) <= {MUSK_PUTIN, MUSK_KANYE}


def test_german_seed_is_responded_and_keeps_kanye_apart(real_matcher: Matcher) -> None:
    result = run(real_matcher, "000_085402abd20f6a34.txt", "2021-02-15")
    assert result.lang == "de"
    found = by_pair(result)
    [mention] = found[MUSK_PUTIN]
    assert (mention.inviter.figure_id, mention.invitee.figure_id) == ("elon-musk", "vladimir-putin")
    assert mention.status is Status.RESPONDED
    assert "Vorschlag" in mention.evidence
    assert mention.occasion.place == "Clubhouse"
    [kanye] = found[MUSK_KANYE]
    assert kanye.status is Status.ACCEPTED
    assert set(found) == {MUSK_PUTIN, MUSK_KANYE}


def test_the_invite_only_app_is_not_an_invitation(real_matcher: Matcher) -> None:
    text = (SEEDS / "000_085402abd20f6a34.txt").read_text(encoding="utf-8")
    tail = text[text.index("Clubhouse: Hype mit Kontroversen") :]
    result = real_matcher.match(Article(key="tail", text=tail))
    assert result.mentions == ()
