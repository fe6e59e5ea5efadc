"""Issue 14, stop 35, the lead's mend after propose35: a figure inside a relative clause set
off by commas before the verb is that clause's matter, not the inviter; the antecedent
before the opening comma is (`arguments._outside_relative_asides`). Found on b19-long, where
"Nigel Farage, who leads Reform UK, had written ... to suggest that Albanese join him" made
the party the inviter. Sentences written for these tests; each fails on main 89aafeec
except the precision bound."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import found_pairs

DAY = "2026-05-12"


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("en", "Emmanuel Macron, who met Olaf Scholz in Berlin last week, invited Giorgia Meloni "
           "to Paris for talks.", ("emmanuel-macron", "giorgia-meloni")),
    ("fr", "Emmanuel Macron, qui a rencontré Olaf Scholz à Berlin la semaine dernière, a "
           "invité Giorgia Meloni à Paris.", ("emmanuel-macron", "giorgia-meloni")),
    ("es", "Emmanuel Macron, que se reunió con Olaf Scholz en Berlín la semana pasada, invitó "
           "a Giorgia Meloni a París.", ("emmanuel-macron", "giorgia-meloni")),
])
def test_the_antecedent_of_a_relative_aside_invites(real: Matcher, lang: str, text: str,
                                                     pair: tuple[str, str]) -> None:
    got = found_pairs(real, text, lang, DAY)
    assert pair in got
    assert ("olaf-scholz", "giorgia-meloni") not in got


def test_a_party_led_in_the_aside_is_not_the_inviter(real: Matcher) -> None:
    text = ("Nigel Farage, who leads Reform UK, invited Anthony Albanese to London for talks.")
    got = found_pairs(real, text, "en", DAY)
    assert ("nigel-farage", "anthony-albanese") in got
    assert len(got) == 1


def test_precision_bound_the_invitation_inside_the_relative_clause_stays(real: Matcher) -> None:
    text = "Olaf Scholz met Emmanuel Macron, who invited him to Paris for talks."
    assert ("emmanuel-macron", "olaf-scholz") in found_pairs(real, text, "en", DAY)
