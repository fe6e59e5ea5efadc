"""Issue 14: where the cues round's rules (willingness as an invitation) and the status
round's (willingness as an answer, recap times) meet. Sentences written for these tests;
the gazetteer is tests/matcher/figures_small.toml."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain import MatchResult

from .conftest import pairs

Match = Callable[..., MatchResult]
PUTIN, ZELENSKY, SANCHEZ, LULA = "vladimir-putin", "volodymyr-zelensky", "pedro-sanchez", "lula"


def test_a_willingness_towards_an_earlier_inviter_answers_that_invitation(match: Match) -> None:
    found = pairs(match("Vladimir Putin invited Volodymyr Zelensky to Moscow for talks. "
                        "Zelensky said he was ready to meet Putin, but only in Kyiv."))
    assert (ZELENSKY, PUTIN, "pending") not in found, found
    assert (PUTIN, ZELENSKY, "responded") in found, found


def test_a_willingness_with_no_earlier_invitation_stays_one(match: Match) -> None:
    found = pairs(match("Vladimir Putin visited Minsk on Monday. Putin said he was ready to "
                        "meet Volodymyr Zelensky in Istanbul."))
    assert (PUTIN, ZELENSKY, "pending") in found, found


def test_a_recap_closing_the_invitation_clause_dates_the_invitation(match: Match) -> None:
    found = pairs(match("Lula, a quien invitó Pedro Sánchez el mes pasado, llegó el lunes a "
                        "Madrid.", lang="es"))
    assert (SANCHEZ, LULA, "took_place") in found, found


def test_a_recap_in_its_own_clause_still_dates_the_outcome(match: Match) -> None:
    found = pairs(match("Vladimir Putin invited Volodymyr Zelensky to Moscow, and last "
                        "month, Zelensky visited Moscow."))
    assert (PUTIN, ZELENSKY, "took_place") not in found, found
