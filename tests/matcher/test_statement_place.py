"""Where a statement was made is not where the meeting will be: a place before the
invitation verb is the occasion's only when the occasion's own noun names it, or when the
occasion is told before the verb (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import MatchResult, OccasionKind

Match = Callable[..., MatchResult]


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        # the setting of the statement, then the occasion named after the verb: no place
        ("Speaking at a press conference in Brussels, Emmanuel Macron invited Xi Jinping to "
         "a state visit.", OccasionKind.VISIT, None),
        ("Volodymyr Zelensky told reporters in Kyiv that he had invited Vladimir Putin to a "
         "meeting.", OccasionKind.MEETING, None),
        ("In Washington, Joe Biden invited Lula to talks.", OccasionKind.MEETING, None),
        # the place the occasion's noun names, before or after the verb
        ("The talks in Istanbul, to which Volodymyr Zelensky invited Vladimir Putin, begin on "
         "Monday.", OccasionKind.MEETING, "Istanbul"),
        ("Volodymyr Zelensky invited Vladimir Putin to a meeting in Kyiv.", OccasionKind.MEETING,
         "Kyiv"),
        # the destination itself after a setting
        ("Speaking in Kyiv, Volodymyr Zelensky invited Donald Trump to visit Ukraine.",
         OccasionKind.VISIT, "Ukraine"),
    ],
)
def test_the_place_of_the_occasion(match: Match, text: str, kind: OccasionKind,
                                   place: str | None) -> None:
    (mention,) = match(text, date="2025-05-14").mentions
    assert (mention.occasion.kind, mention.occasion.place) == (kind, place)


def test_an_occasion_told_before_the_verb_keeps_its_place(match: Match) -> None:
    text = ("Elon Musk participó este sábado en Atreju, el festival del partido de Giorgia "
            "Meloni en Roma, al que ella lo había invitado.")
    (mention,) = match(text, date="2023-12-16").mentions
    assert mention.occasion.place == "Rome"
