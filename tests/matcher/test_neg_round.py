"""Issue 14, neg round: false alarms on invitations never made. Sentences written for these
tests (not taken from any corpus or from the blind set tests/data/matcher-held/b12-neg);
the shipped gazetteer.

- demands and calls before an invitation verb (`demand_words`, `extract._demanded`);
- a conditional opening a quotation (`extract._quoted_condition`);
- a possibility in the first person ("potrei invitare"), a Japanese possibility after the
  verb;
- a question about an invitation, a denial of an invitation in a headline;
- an 'invitation to aggression', a ministry named in full, a coach's or player's name
  (`private_role_words`, `Matcher._private_role`);
- each with its twin: the same frame around an invitation actually made."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

MERZ, ZELENSKY, TRUMP, PUTIN = ("friedrich-merz", "volodymyr-zelensky", "donald-trump",
                                "vladimir-putin")
STARMER, SANCHEZ, LULA, MACRON = "keir-starmer", "pedro-sanchez", "lula-da-silva", "emmanuel-macron"
MELONI, ERDOGAN, TUSK, SCHOOF = ("giorgia-meloni", "recep-tayyip-erdogan", "donald-tusk",
                                 "dick-schoof")
NAWROCKI, TAKAICHI, MODI = "karol-nawrocki", "sanae-takaichi", "narendra-modi"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # demands, calls, petitions, motions
        ("en", "Labour MPs urged Keir Starmer to invite Volodymyr Zelensky to Chequers."),
        ("en", "Calls grew louder for Keir Starmer to invite Donald Trump to Balmoral."),
        ("de", "Die FDP hat Friedrich Merz aufgefordert, Volodymyr Zelensky nach Berlin "
               "einzuladen."),
        ("es", "Vox exigió que Pedro Sánchez invite a Lula a Madrid."),
        ("nl", "De Kamer nam een motie aan die Dick Schoof oproept Donald Trump uit te nodigen."),
        ("uk", "Депутати закликали Володимира Зеленського запросити Дональда Трампа до Львова."),
        ("pl", "Posłowie wezwali Donalda Tuska, by zaprosił Karola Nawrockiego na debatę."),
        # conditions and possibilities
        ("fr", "Donald Trump a dit qu'il irait à Marseille « si Emmanuel Macron l'invitait »."),
        ("it", "Meloni: «Potrei invitare Donald Trump a Venezia»"),
        ("ja", "高市早苗首相はモディ首相を「状況次第で招待することもあり得る」と述べた。"),
        # a question about an invitation, a denial in a headline
        ("ru", "Владимир Путин ответил на вопрос о приглашении Дональда Трампа на парад."),
        ("pt", "Planalto nega convite de Pedro Sánchez a Lula"),
        # rhetoric
        ("pl", "Karol Nawrocki: słabość Zachodu to zaproszenie do agresji dla Donalda Trumpa"),
    ],
)
def test_invitations_never_made_give_no_pair(real_matcher: Matcher, lang: str,
                                             text: str) -> None:
    found = pairs(match_text(real_matcher, text, "2026-04-01", lang))
    assert not found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        ("en", "Keir Starmer urged calm and invited Volodymyr Zelensky to Chequers.",
         (STARMER, ZELENSKY)),
        ("de", "Friedrich Merz hat Volodymyr Zelensky nach Berlin eingeladen.", (MERZ, ZELENSKY)),
        ("es", "Pedro Sánchez invitó a Lula a Madrid.", (SANCHEZ, LULA)),
        ("fr", "Emmanuel Macron a invité Donald Trump à Marseille.", (MACRON, TRUMP)),
        ("it", "Giorgia Meloni ha invitato Donald Trump a Venezia.", (MELONI, TRUMP)),
        ("tr", "Recep Tayyip Erdoğan, Vladimir Putin'i Ankara'ya davet etti.", (ERDOGAN, PUTIN)),
        ("pl", "Donald Tusk zaprosił Karola Nawrockiego na debatę.", (TUSK, NAWROCKI)),
    ],
)
def test_the_twins_still_invite(real_matcher: Matcher, lang: str, text: str,
                                pair: tuple[str, str]) -> None:
    found = pairs(match_text(real_matcher, text, "2026-04-01", lang))
    assert (*pair, "pending") in found, (text, found)


def test_a_coach_and_a_player_are_no_figures(real_matcher: Matcher) -> None:
    text = ("Beim SC Paderborn hat Trainer Lukas Hoffmeister den Spieler Tim Brauer zum "
            "Training der Profis eingeladen.")
    assert not pairs(match_text(real_matcher, text, "2026-04-01", "de"))


def test_a_mayor_beyond_the_gazetteer_still_invites(real_matcher: Matcher) -> None:
    text = "Bürgermeisterin Sabine Lorenz hat Friedrich Merz zum Stadtjubiläum eingeladen."
    found = pairs(match_text(real_matcher, text, "2026-04-01", "de"))
    assert ("Sabine Lorenz", MERZ, "pending") in found, found


def test_a_ministry_named_in_full_is_no_party(real_matcher: Matcher) -> None:
    text = "Ministerstwo Obrony Narodowej zaprosiło Karola Nawrockiego na ćwiczenia."
    assert not pairs(match_text(real_matcher, text, "2026-04-01", "pl"))
