"""Hard negatives the stop-27 lead found: not ruling out an invitation ("schließt nicht
aus, … einzuladen", "не исключает, что пригласит"), denials in the languages that had no
denial list (nl, pl, no, tr), and a demand right before an invitation noun ("fordert
Einladung Trumps"). Each with a positive twin that still counts. Sentences written for
these tests; the shipped gazetteer."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Friedrich Merz schließt nicht aus, Donald Trump nach Berlin einzuladen."),
        ("ru", "Владимир Путин не исключает, что пригласит Нарендру Моди в Москву."),
        ("nl", "NAVO-secretaris-generaal Mark Rutte heeft berichten ontkend dat de Russische "
               "president Vladimir Poetin zou worden uitgenodigd voor de top in Den Haag."),
        ("pl", "Rzecznik rządu zaprzeczył, że premier Donald Tusk zaprosił Władimira Putina "
               "do Warszawy."),
        ("no", "Statsministerens kontor avviste at Jonas Gahr Støre har invitert Vladimir "
               "Putin til Oslo."),
        ("de", "Alice Weidel fordert Einladung Trumps nach Berlin."),
        ("en", "Kemi Badenoch calls for an invitation to Donald Trump."),
    ],
)
def test_no_invitation_is_made(real_matcher: Matcher, lang: str, text: str) -> None:
    assert pairs(match_text(real_matcher, text, "2025-09-03", lang)) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("nl", "Premier Dick Schoof heeft president Volodymyr Zelensky uitgenodigd voor een "
               "bezoek aan Den Haag.", ("dick-schoof", "volodymyr-zelensky", "pending")),
        ("pl", "Premier Donald Tusk zaprosił prezydenta Wołodymyra Zełenskiego do Warszawy.",
         ("donald-tusk", "volodymyr-zelensky", "pending")),
        ("de", "Trump nahm die Einladung von Merz an.",
         ("friedrich-merz", "donald-trump", "accepted")),
        # a demand word before the noun across a comma and an owner is no demand of it
        ("en", "Zelensky said that, as demanded, Trump's invitation to the Oval Office was "
               "accepted.", ("donald-trump", "volodymyr-zelensky", "accepted")),
    ],
)
def test_the_twins_still_invite(real_matcher: Matcher, lang: str, text: str,
                                expected: tuple[str, str, str]) -> None:
    assert expected in pairs(match_text(real_matcher, text, "2025-09-03", lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Rutte: 'Geen sprake van uitnodiging aan Poetin'"),
        ("de", "Scholz: Von einer Einladung an Putin kann keine Rede sein."),
        ("pl", "Tusk: Nie ma mowy o zaproszeniu Putina do Warszawy."),
        ("it", "Matteo Salvini ha chiesto alla premier Giorgia Meloni di invitare Elon Musk."),
    ],
)
def test_an_invitation_ruled_out_or_asked_for_is_none(real_matcher: Matcher, lang: str,
                                                      text: str) -> None:
    assert pairs(match_text(real_matcher, text, "2025-04-09", lang)) == set()
