"""Joint inviters named after the invitation noun: "the invitation of President Erdoğan and
Patriarch Bartholomew", "l'invito del presidente … e del patriarca …", "die Einladung von
Macron und Scholz": every figure joined to the first by a conjunction (with only articles,
"from"/owner words and titles between) invites, and a final verb's answer ("hat … angenommen")
answers them all. Sentences written for these tests; the shipped gazetteer."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

ERDOGAN, BARTHOLOMEW, LEO = "recep-tayyip-erdogan", "patriarch-bartholomew", "pope-leo-xiv"
MACRON, SCHOLZ, ZELENSKY = "emmanuel-macron", "olaf-scholz", "volodymyr-zelensky"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Pope Leo has accepted the invitation of President Erdogan and Patriarch "
               "Bartholomew to travel to Nicaea."),
        ("it", "Il pontefice Leone XIV ha accettato l'invito del presidente Recep Tayyip "
               "Erdoğan e del patriarca ecumenico Bartolomeo a recarsi a Nicea."),
        ("fr", "Le pape Léon a accepté l'invitation du président Erdogan et du patriarche "
               "Bartholomée à se rendre à Nicée."),
        ("es", "El papa León aceptó la invitación del presidente Erdogan y del patriarca "
               "Bartolomé para viajar a Nicea."),
        ("de", "Papst Leo hat die Einladung von Präsident Erdoğan und Patriarch Bartholomäus "
               "angenommen."),
    ],
)
def test_every_joined_owner_of_the_invitation_invites(real_matcher: Matcher, lang: str,
                                                      text: str) -> None:
    found = pairs(match_text(real_matcher, text, "2025-10-02", lang))
    assert found == {(ERDOGAN, LEO, "accepted"), (BARTHOLOMEW, LEO, "accepted")}


def test_a_final_verb_answers_every_joint_inviter(real_matcher: Matcher) -> None:
    found = pairs(match_text(real_matcher, "Selenskyj hat die Einladung von Macron und Scholz "
                             "angenommen.", "2025-05-02", "de"))
    assert found == {(MACRON, ZELENSKY, "accepted"), (SCHOLZ, ZELENSKY, "accepted")}


@pytest.mark.parametrize(
    "text",
    [
        # a verb between: Scholz is met, not an inviter
        "Zelensky accepted the invitation of Emmanuel Macron and met Olaf Scholz in Berlin.",
        # the second figure is the one invited
        "The invitation of Emmanuel Macron to Volodymyr Zelensky and Olaf Scholz stands.",
    ],
)
def test_a_figure_joined_by_more_than_titles_is_no_joint_inviter(real_matcher: Matcher,
                                                                 text: str) -> None:
    found = pairs(match_text(real_matcher, text, "2025-05-02", "en"))
    assert not any(inviter == SCHOLZ for inviter, _, _ in found)
