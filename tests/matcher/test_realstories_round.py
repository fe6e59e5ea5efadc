"""Stop 27, realstories round: readings of real press releases that broke real-text stories
(issues 15 and 14), each rule on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher
from tests.support.matching import pairs

Match = Callable[..., MatchResult]
PUTIN, MACRON, SCHOLZ, XI = "vladimir-putin", "emmanuel-macron", "olaf-scholz", "xi-jinping"


@pytest.fixture(scope="module")
def real_matcher() -> Matcher:
    return Matcher.load()


def _real(matcher: Matcher, text: str, title: str = "") -> MatchResult:
    return matcher.match(Article(key="t", text=text, title=title,
                                 published=datetime(2023, 5, 1, 12, tzinfo=UTC)))


# -- an interviewer's "your" -----------------------------------------------------------------

_INTERVIEW = (
    "Ahead of his trip to Germany, the French leader answered questions from a newspaper."
    "\n\nEditor of Rheinische Post Martin Keller: Mr President, thank you for your time. In June "
    "2019, Olaf Scholz attended the national day parade in Paris at your invitation. What do "
    "you expect from this visit?\n\nEmmanuel Macron: Germany is our closest partner, and I look "
    "forward to the talks.")


def test_an_interviewers_your_is_the_one_figure_answering(match: Match) -> None:
    found = match(_INTERVIEW, title="Interview with Rheinische Post")
    assert pairs(found) == {(MACRON, SCHOLZ, "took_place")}
    assert found.mentions[0].occasion.place == "Paris"


def test_with_two_figures_answering_your_stays_unresolved(match: Match) -> None:
    text = ("Editor Martin Keller: Mr President, thank you. In June 2019, Olaf Scholz attended "
            "the national day parade in Paris at your invitation.\n\nEmmanuel Macron: Yes, "
            "indeed.\n\nVladimir Putin: I remember it.")
    assert pairs(match(text, title="Press conference")) == set()


# -- a state title opening the name of a body ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The President of China Media Group invited Olaf Scholz to Beijing for the autumn "
         "festival.", set()),
        ("President of Russia Media Group Ivan Sergeev invited Olaf Scholz to Moscow.", set()),
        # twins: the title alone, or followed by its holder's name, is the state's
        ("The President of China invited Olaf Scholz to Beijing for the autumn festival.",
         {(XI, SCHOLZ, "pending")}),
        ("President of Russia Vladimir Putin invited Olaf Scholz to Moscow.",
         {(PUTIN, SCHOLZ, "pending")}),
    ],
)
def test_a_title_opening_a_bodys_name_is_its_head(real_matcher: Matcher, text: str,
                                                   expected: set[tuple[str, str, str]]) -> None:
    assert pairs(_real(real_matcher, text)) == expected


def test_an_interviewer_titled_by_a_body_is_no_head_of_state(real_matcher: Matcher) -> None:
    text = _INTERVIEW.replace("Editor of Rheinische Post", "President of China Media Group")
    assert pairs(_real(real_matcher, text, "Interview with China Media Group")) == {
        (MACRON, SCHOLZ, "took_place")}


# -- a counted group arriving ----------------------------------------------------------------

ZELENSKY, ERDOGAN = "volodymyr-zelensky", "recep-tayyip-erdogan"
_GROUP = ("Volodymyr Zelensky spoke of a day of solidarity in his evening video.\n\n"
          "All three leaders - Mr. Macron, Mr. Scholz and Mr. Erdogan - backed the reopening of "
          "the grain corridor. The sanctions package was discussed at length. When the three "
          "leaders arrived in Kyiv this morning, the air raid sirens were sounding.")


def _observed(found: MatchResult) -> set[tuple[str, str, str, str | None]]:
    return {(o.first.key, o.second.key, o.status.value, o.occasion.place)
            for o in found.observations}


def test_a_counted_group_arriving_is_the_figures_listed_before(match: Match) -> None:
    found = match(_GROUP, title="Address by the President of Ukraine")
    assert _observed(found) == {(ZELENSKY, MACRON, "took_place", "Kyiv"),
                                (ZELENSKY, SCHOLZ, "took_place", "Kyiv"),
                                (ZELENSKY, ERDOGAN, "took_place", "Kyiv")}


def test_a_group_of_another_count_is_not_the_listing(match: Match) -> None:
    text = _GROUP.replace("When the three leaders", "When the two leaders")
    assert _observed(match(text, title="Address by the President of Ukraine")) == set()


def test_a_group_arriving_with_no_host_named_has_no_observation(match: Match) -> None:
    text = _GROUP.replace("Volodymyr Zelensky spoke", "The minister spoke")
    assert _observed(match(text, title="Evening report")) == set()
