"""Issue 14, status2 round: the status of an invitation read the way it generalises.

Thanks for an invitation are a response in every language (the lexicons' thanks words);
a refusal in content said to hold for now ("no plans yet") is evasive, a response; a trip
put before the inviter in a fronted phrase is where the invitation was made; an answer
dated before the invitation belongs to another occasion; a refusal that does not speak of
the invitation does not name the inviter. The examples are written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher
from bot.matcher.extract import _fronted_for, _provisional
from bot.matcher.lexicon import CueHit


def run(matcher: Matcher, text: str, title: str = "", day: str = "2025-06-01",
        lang: str | None = None) -> MatchResult:
    published = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
    return matcher.match(Article(key="t", text=text, title=title, published=published,
                                 lang=lang))


def pairs(result: MatchResult) -> set[tuple[str | None, str | None, str]]:
    return {(m.inviter.figure_id, m.invitee.figure_id, m.status.value) for m in result.mentions}


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Bundeskanzler Friedrich Merz hat Präsident Emmanuel Macron nach Berlin eingeladen. "
           "Macron hat sich am Dienstag bei Merz für die Einladung bedankt."),
    ("it", "Giorgia Meloni ha invitato Javier Milei a Roma. "
           "Milei ringrazia Meloni per l'invito, senza fissare una data."),
])
def test_thanks_for_the_invitation_is_a_response_in_any_tense(real: Matcher, lang: str,
                                                              text: str) -> None:
    found = pairs(run(real, text, lang=lang))
    assert {status for _, _, status in found} == {"responded"}


def test_thanks_with_an_answer_keep_the_answer(real: Matcher) -> None:
    text = ("Prime Minister Keir Starmer invited Prime Minister Mark Carney to Chequers. "
            "Carney thanked Starmer for the invitation and accepted it.")
    assert pairs(run(real, text)) == {("keir-starmer", "mark-carney", "accepted")}


def test_no_plans_yet_is_evasive_but_no_plans_is_a_refusal(real: Matcher) -> None:
    invitation = "Ukrainian President Volodymyr Zelensky invited U.S. President Donald Trump to Kyiv. "
    evasive = pairs(run(real, invitation + "The White House said Trump has no plans to travel yet."))
    refusal = pairs(run(real, invitation + "The White House said Trump has no plans to travel."))
    assert evasive == {("volodymyr-zelensky", "donald-trump", "responded")}
    assert refusal == {("volodymyr-zelensky", "donald-trump", "declined")}


def test_provisional_softens_only_a_refusal_in_content() -> None:
    sentence = "Er hat die Einladung noch am selben Tag abgelehnt."
    verb = CueHit("declined", 36, 45, "abgelehnt")
    noch = CueHit("provisional", 25, 29, "noch")
    assert not _provisional(sentence, verb, [noch], [])
    content = "Es gebe noch keine Pläne."
    plans = CueHit("declined", 13, 24, "keine Pläne")
    kein = CueHit("negation", 13, 18, "keine")
    assert _provisional(content, plans, [CueHit("provisional", 8, 12, "noch")], [kein])


def test_a_fronted_trip_is_the_inviters_not_the_outcome(real: Matcher) -> None:
    text = ("On a visit to Beijing on Tuesday, Brazilian President Luiz Inácio Lula da Silva "
            "invited Chinese President Xi Jinping to visit Brasília next year.")
    assert pairs(run(real, text)) == {("lula-da-silva", "xi-jinping", "pending")}


def test_fronted_for_needs_a_comma_and_no_figure_of_its_own() -> None:
    from bot.domain import Party
    from bot.matcher.clause import Ref
    inviter = Ref(party=Party(name="Macron", figure_id="emmanuel-macron"), start=25, end=31)
    cue = CueHit("took_place", 0, 9, "En visite")
    assert _fronted_for("En visite à Kiev samedi, Macron a invité Zelensky", cue, inviter, None)
    assert not _fronted_for("En visite à Kiev samedi Macron a invité Zelensky", cue,
                            Ref(party=inviter.party, start=24, end=30), None)
    assert not _fronted_for("En visite à Kiev samedi, Macron a invité Zelensky", cue, inviter,
                            inviter)


def test_an_answer_dated_before_the_invitation_is_another_occasion(real: Matcher) -> None:
    text = ("Russian President Vladimir Putin invited Indian Prime Minister Narendra Modi to "
            "Moscow, the Kremlin said. In 2023, Modi called off a trip to Moscow at short notice.")
    assert pairs(run(real, text, day="2025-03-01")) == {
        ("vladimir-putin", "narendra-modi", "pending")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian President Vladimir Putin invited Ukrainian President Volodymyr Zelensky to "
           "Moscow for talks. Zelensky rejected Moscow as a venue and named Geneva."),
    ("de", "Bundeskanzler Friedrich Merz hat Präsident Wladimir Putin nach Berlin eingeladen. "
           "Putin lehnte Berlin als Treffpunkt ab."),
])
def test_refusing_only_the_place_is_a_counter_venue(real: Matcher, lang: str, text: str) -> None:
    assert {s for _, _, s in pairs(run(real, text, lang=lang))} == {"responded"}


def test_refusing_the_invitation_stays_a_refusal(real: Matcher) -> None:
    text = ("Russian President Vladimir Putin invited Ukrainian President Volodymyr Zelensky to "
            "Moscow for talks. Zelensky rejected the invitation outright.")
    assert pairs(run(real, text)) == {("vladimir-putin", "volodymyr-zelensky", "declined")}
