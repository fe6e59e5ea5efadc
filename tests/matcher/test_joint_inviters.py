"""Two figures joined by 'and' before the invitation verb both invite ("Macron and Scholz
invited Zelensky"), the Dutch plural auxiliary included ("hebben ... uitgenodigd"); a figure
of another phrase before a comma, or joined by no conjunction, does not. Sentences written
for these tests; the shipped gazetteer."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

MACRON, SCHOLZ, ZELENSKY = "emmanuel-macron", "olaf-scholz", "volodymyr-zelensky"
PUTIN, LUKASHENKO, XI = "vladimir-putin", "alexander-lukashenko", "xi-jinping"
SCHOOF, FREDERIKSEN, MELONI = "dick-schoof", "mette-frederiksen", "giorgia-meloni"


@pytest.mark.parametrize(
    ("lang", "text", "inviters", "invitee"),
    [
        ("en", "Emmanuel Macron and Olaf Scholz invited Volodymyr Zelensky to Paris.",
         {MACRON, SCHOLZ}, ZELENSKY),
        ("fr", "Emmanuel Macron et Olaf Scholz ont invité Volodymyr Zelensky à Paris.",
         {MACRON, SCHOLZ}, ZELENSKY),
        ("ru", "Путин и Лукашенко пригласили Си Цзиньпина посетить Минск.",
         {PUTIN, LUKASHENKO}, XI),
        ("nl", "Premier Dick Schoof en premier Mette Frederiksen hebben president Zelensky "
               "uitgenodigd voor een bezoek aan Kopenhagen.", {SCHOOF, FREDERIKSEN}, ZELENSKY),
    ],
)
def test_every_joined_subject_invites(real_matcher: Matcher, lang: str, text: str,
                                      inviters: set[str], invitee: str) -> None:
    found = pairs(match_text(real_matcher, text, "2025-05-02", lang))
    assert {(inviter, invitee, "pending") for inviter in inviters} == found


@pytest.mark.parametrize(
    "text",
    [
        "At a meeting of Emmanuel Macron and Olaf Scholz, Giorgia Meloni invited Volodymyr "
        "Zelensky to Rome.",
        "Emmanuel Macron met Olaf Scholz; Giorgia Meloni invited Volodymyr Zelensky to Rome.",
    ],
)
def test_a_figure_of_another_phrase_does_not_invite(real_matcher: Matcher, text: str) -> None:
    found = pairs(match_text(real_matcher, text, "2025-05-02", "en"))
    assert found == {(MELONI, ZELENSKY, "pending")}


def test_a_capitalised_word_before_the_verb_stops_the_joined_subjects(
        real_matcher: Matcher) -> None:
    # "Pettigrew" is no listed figure: it may be the subject, so Macron does not invite too.
    found = pairs(match_text(real_matcher, "After talks between Emmanuel Macron and Olaf Scholz "
                             "the mayor Pettigrew invited Volodymyr Zelensky to Rome.",
                             "2025-05-02", "en"))
    assert (MACRON, ZELENSKY, "pending") not in found
