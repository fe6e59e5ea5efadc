"""Issue 14, outcome round: further guests of a hosted event, stand-ins, a split status cue
across a clause, hypothetical invitations and a country's premier or president standing for
its leader only where the leader holds that office."""

from __future__ import annotations

import pytest

from bot.domain import MatchResult
from bot.matcher import Matcher
from bot.matcher.extract import _across_clause
from bot.matcher.lexicon import CueHit
from tests.support.matching import match_text

run = match_text


def pairs(result: MatchResult) -> set[tuple[str | None, str | None, str]]:
    return {(m.inviter.figure_id, m.invitee.figure_id, m.status.value) for m in result.mentions}


def test_a_further_guest_of_a_hosted_event_is_invited_by_the_host(real: Matcher) -> None:
    text = ("Spanish Prime Minister Pedro Sánchez will not attend the summit that Italian Prime "
            "Minister Giorgia Meloni is convening in Rome. Markets were calm. "
            "Polish Prime Minister Donald Tusk has confirmed he will be there.")
    assert pairs(run(real, text)) == {("giorgia-meloni", "pedro-sanchez", "declined"),
                                      ("giorgia-meloni", "donald-tusk", "accepted")}


def test_a_stand_in_is_no_further_guest(real: Matcher) -> None:
    text = ("Russian President Vladimir Putin will not attend the summit hosted by Indian Prime "
            "Minister Narendra Modi. Sergey Lavrov will attend instead.")
    assert pairs(run(real, text)) == {("narendra-modi", "vladimir-putin", "declined")}


def test_a_further_guest_elsewhere_is_another_occasion(real: Matcher) -> None:
    text = ("Spanish Prime Minister Pedro Sánchez will not attend the summit that Giorgia Meloni "
            "is convening in Rome. Donald Tusk visited Berlin.")
    assert pairs(run(real, text)) == {("giorgia-meloni", "pedro-sanchez", "declined")}


def test_a_split_cue_across_a_comma_yields_to_the_inner_cue() -> None:
    sentence = "sagte am Mittwoch, der Terminkalender lasse eine Reise nicht zu"
    outer = CueHit("accepted", 0, len(sentence), sentence)
    inner_start = sentence.index("lasse")
    inner = CueHit("declined", inner_start, len(sentence), sentence[inner_start:])
    assert _across_clause(sentence, outer, [outer, inner])
    assert not _across_clause(sentence, inner, [outer, inner])
    # "has not accepted": an inner cue without a clause mark between keeps the outer one
    whole = CueHit("pending", 0, 16, "has not accepted")
    part = CueHit("accepted", 8, 16, "accepted")
    assert not _across_clause("has not accepted", whole, [whole, part])


@pytest.mark.parametrize("text", [
    "Non è escluso che Donald Trump possa essere invitato a Roma da Giorgia Meloni.",
    "Не исключено, что Владимир Путин может быть приглашен Си Цзиньпином в Пекин.",
    "Elon Musk might be invited by Keir Starmer to Downing Street.",
])
def test_a_possible_invitation_is_none(real: Matcher, text: str) -> None:
    assert pairs(run(real, text)) == set()


def test_the_premier_template_needs_a_premier_as_leader(real: Matcher) -> None:
    # Hungary's leader is its prime minister; France's is its president.
    assert pairs(run(real, "Белорусский лидер пригласил венгерского премьера в Минск.",
                     "2025-04-01")) == {("alexander-lukashenko", "viktor-orban", "pending")}
    # issue 14, parties round: France's premier is its other office, the prime minister
    # (never its leader, the president); the US has no premier at all.
    assert pairs(run(real, "Белорусский лидер пригласил французского премьера в Минск.",
                     "2025-04-01")) == {("alexander-lukashenko", "francois-bayrou", "pending")}
    assert pairs(run(real, "Белорусский лидер пригласил американского премьера в Минск.",
                     "2025-04-01")) == set()
    # An undated article resolves no title.
    assert pairs(run(real, "Белорусский лидер пригласил венгерского премьера в Минск.",
                     None)) == set()
