"""Issue 14, stop 31, fixc round: a yes conditional on another figure's coming ("If Putin
comes, I will come too"). The figure named in the condition only sets it: the answer is
the speaker's, and the conditional word hedges the condition, not the yes. Sentences in
our own words; every positive case failed on main f37d153, the negatives pass there and
must stay as they are."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DATE = "2026-03-10"
INVITER, ONE, OTHER = "recep-tayyip-erdogan", "volodymyr-zelensky", "vladimir-putin"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.load()


CONDITIONAL_YES = [
    ("Erdogan invited Zelensky and Putin to talks in Istanbul. Zelensky told reporters: "
     "\"If Putin comes, I will come.\"", "en"),
    ("Erdogan invited Zelensky and Putin to talks in Istanbul. Zelensky said that, if Putin "
     "comes, he will come.", "en"),
    ("Erdoğan hat Selenskyj und Putin zu Gesprächen nach Istanbul eingeladen. Selenskyj "
     "erklärte: „Wenn Putin kommt, werde ich auch kommen.“", "de"),
    ("Erdogan a invité Zelensky et Poutine à des pourparlers à Istanbul. Zelensky a répondu : "
     "« Si Poutine vient, je viendrai aussi. »", "fr"),
    ("Erdoğan, Zelenskiy ve Putin'i İstanbul'da görüşmeye davet etti. Zelenskiy, \"Putin "
     "katılırsa ben de gelirim\" dedi.", "tr"),
    ("Erdoğan, Zelenskiy ve Putin'i İstanbul'da görüşmeye davet etti. Zelenskiy, \"Putin "
     "isterse ben de gelirim\" diye konuştu.", "tr"),
]


@pytest.mark.parametrize(("text", "lang"), CONDITIONAL_YES)
def test_yes_on_the_other_figures_coming_is_the_speakers(matcher: Matcher, text: str,
                                                         lang: str) -> None:
    found = pairs(match_text(matcher, text, DATE, lang))
    assert (INVITER, ONE, "accepted") in found
    assert (INVITER, OTHER, "accepted") not in found


# Hard negatives: a condition on being invited or on oneself is no yes, and with no
# other figure in the condition the answer stays where it was.
STILL_OPEN = [
    ("Erdogan invited Zelensky and Putin to talks in Istanbul. Zelensky said: \"If invited, "
     "I will come.\"", "en"),
    ("Erdogan invited Zelensky and Putin to talks in Istanbul. Zelensky said: \"If the "
     "schedule allows, I will come.\"", "en"),
]


@pytest.mark.parametrize(("text", "lang"), STILL_OPEN)
def test_condition_without_another_figure_is_no_yes(matcher: Matcher, text: str,
                                                    lang: str) -> None:
    found = pairs(match_text(matcher, text, DATE, lang))
    assert (INVITER, ONE, "accepted") not in found
