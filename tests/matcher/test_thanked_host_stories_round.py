"""Issue 15, stories round: "A thanked X for organizing this summit" says that X hosted the
summit and A took part in it (`hosts._thanked_hosts`, the lexicons' [hosts] `thanked_for`):
X invited A, took place. Self-written sentences."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("text", "expected"), [
    ("Alexander Stubb thanked Ulf Kristersson for organizing the Nordic summit in Stockholm.",
     {("ulf-kristersson", "alexander-stubb", "took_place")}),
    ("Keir Starmer thanked Mette Frederiksen, who chairs the forum this year, for hosting "
     "the summit in Copenhagen.", {("mette-frederiksen", "keir-starmer", "took_place")}),
    ("Володимир Зеленський подякував Олафу Шольцу за організацію саміту.",
     {("olaf-scholz", "volodymyr-zelensky", "took_place")}),
    ("Владимир Путин поблагодарил Касым-Жомарта Токаева за организацию саммита.",
     {("kassym-jomart-tokayev", "vladimir-putin", "took_place")}),
])
def test_thanking_the_host_for_the_occasion_is_attending_it(
        real: Matcher, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= pairs(match_text(real, text, "2025-06-12"))


@pytest.mark.parametrize("text", [
    # what was organised is no occasion, a summit only mentioned later
    "Volodymyr Zelensky thanked Olaf Scholz for organizing aid deliveries before the summit.",
    # thanks without the host's phrase: no attendance
    "Keir Starmer thanked Mette Frederiksen for her support at the summit.",
])
def test_no_attendance_without_the_occasion_organised(real: Matcher, text: str) -> None:
    assert not any(status == "took_place" for *_, status in pairs(match_text(real, text,
                                                                              "2025-06-12")))
