"""A phrase opening the sentence with the owner's invitation ("At Putin's invitation,
Modi will visit Moscow"): the owner invites the subject after the comma. Sentences written
for these tests; the shipped gazetteer."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

PUTIN, MODI = "vladimir-putin", "narendra-modi"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("At Putin's invitation, Modi will visit Moscow in July.", "accepted"),
        ("At President Putin's invitation, Indian Prime Minister Narendra Modi visited Moscow "
         "on Monday.", "took_place"),
    ],
)
def test_the_owner_of_an_opening_invitation_invites_the_subject(
        real_matcher: Matcher, text: str, status: str) -> None:
    assert pairs(match_text(real_matcher, text, "2025-05-02", "en")) == {(PUTIN, MODI, status)}

