"""Issue 15, stories round: a trip "at X's invitation" recalled in a relative clause with a
recap word ("who visited Ankara last May at Erdoğan's invitation") is the antecedent's
background, an occasion long settled: the sentence reports no invitation (b10 blind set,
erdogan-stubb-ankara-recap: the recap a year later opened a second record). Without the
recap word the clause may be the news, and outside a relative clause the trip is reported
as before."""

from __future__ import annotations

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


def test_a_recap_in_a_relative_clause_reports_no_invitation(real_matcher: Matcher) -> None:
    text = ("Giorgia Meloni, who visited Tokyo last February at Fumio Kishida's invitation, "
            "spoke with the Japanese prime minister by phone on Friday about the G7 agenda.")
    assert pairs(match_text(real_matcher, text, "2025-03-14", "en")) == set()


def test_without_the_recap_word_the_clause_is_news(real_matcher: Matcher) -> None:
    text = ("Giorgia Meloni, who arrived in Tokyo on Thursday at Fumio Kishida's invitation, "
            "will address the Diet on Friday.")
    found = pairs(match_text(real_matcher, text, "2025-03-14", "en"))
    assert {(a, b) for a, b, _ in found} == {("fumio-kishida", "giorgia-meloni")}


def test_a_main_clause_visit_last_month_is_reported_as_before(real_matcher: Matcher) -> None:
    text = "Giorgia Meloni visited Tokyo last February at the invitation of Fumio Kishida."
    found = pairs(match_text(real_matcher, text, "2025-03-14", "en"))
    assert {(a, b) for a, b, _ in found} == {("fumio-kishida", "giorgia-meloni")}
