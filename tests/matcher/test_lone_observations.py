"""Reports naming one figure and an occasion ("Putin will not attend the talks in
Istanbul"): the matcher hands them to the tracker as lone observations (sentences written
for these tests; the gazetteer is tests/matcher/figures_small.toml)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import SIDE_INVITEE, SIDE_INVITER, MatchResult, OccasionKind, Status

Match = Callable[..., MatchResult]
PUTIN, MODI, TRUMP = "vladimir-putin", "narendra-modi", "donald-trump"


def lone(result: MatchResult) -> set[tuple[str, str | None, str]]:
    return {(o.party.figure_id or o.party.name, o.side, o.status.value)
            for o in result.lone_observations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Putin will not attend the talks in Istanbul, the Kremlin said on Tuesday.",
         (PUTIN, SIDE_INVITEE, "declined")),
        ("Vladimir Putin arrived in Pyongyang on Wednesday.", (PUTIN, SIDE_INVITEE, "took_place")),
        ("Donald Trump said the invitation to debate still stands.",
         (TRUMP, SIDE_INVITER, "pending")),
        ("The summit in Budapest with Donald Trump was called off.", (TRUMP, None, "withdrawn")),
    ],
)
def test_one_party_reports_are_found(match: Match, text: str,
                                     expected: tuple[str, str | None, str]) -> None:
    result = match(text, date="2025-05-14")
    assert lone(result) == {expected}
    assert result.mentions == ()


def test_the_occasion_comes_with_the_report(match: Match) -> None:
    result = match("Vladimir Putin will not attend the talks in Istanbul.", date="2025-05-14")
    (seen,) = result.lone_observations
    assert seen.occasion.place == "Istanbul" and seen.occasion.kind == OccasionKind.MEETING
    assert seen.status == Status.DECLINED and 0 < seen.confidence < 1


@pytest.mark.parametrize(
    "text",
    [
        # nothing to find the invitation by: no occasion, no place
        "Vladimir Putin will not attend, the Kremlin said.",
        # hedged, or in the past
        "Vladimir Putin may not attend the talks in Istanbul.",
        "Vladimir Putin arrived in Pyongyang in 2019.",
        # a question
        "Will Vladimir Putin attend the talks in Istanbul?",
        # two figures: that is a pair, not a lone report
        "Vladimir Putin will not attend the talks in Istanbul with Donald Trump.",
        # someone else is the subject
        "The delegation arrived in Istanbul, Vladimir Putin said.",
    ],
)
def test_no_lone_report(match: Match, text: str) -> None:
    assert match(text, date="2025-05-14").lone_observations == ()


def test_a_figure_the_article_pairs_gives_no_lone_report(match: Match) -> None:
    text = ("Donald Trump invited Vladimir Putin to talks in Istanbul. "
            "Vladimir Putin will not attend the talks in Istanbul.")
    result = match(text, date="2025-05-14")
    assert result.lone_observations == ()


def test_a_place_in_a_title_is_not_the_occasions(match: Match) -> None:
    text = "President of Russia Vladimir Putin took part in the meeting of the council."
    for seen in match(text, date="2025-05-14").lone_observations:
        assert seen.occasion.place is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Wladimir Putin wird nicht an den Gesprächen in Istanbul teilnehmen."),
        ("fr", "Vladimir Poutine n'assistera pas aux pourparlers d'Istanbul."),
        ("it", "Vladimir Putin non parteciperà ai colloqui di Istanbul."),
        ("ru", "Владимир Путин не приедет на переговоры в Стамбул."),
        ("uk", "Володимир Путін не приїде на переговори до Стамбула."),
    ],
)
def test_declines_in_other_languages(match: Match, lang: str, text: str) -> None:
    result = match(text, date="2025-05-14", lang=lang)
    assert lone(result) == {(PUTIN, SIDE_INVITEE, "declined")}
    assert result.lone_observations[0].occasion.place == "Istanbul"
