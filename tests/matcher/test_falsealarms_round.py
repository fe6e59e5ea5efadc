"""Stop 27, falsealarms round: false alarms on invitations never made. Sentences written
for these tests (not taken from any corpus nor from the blind set
tests/data/matcher-held/b13-neg); the shipped gazetteer.

- a sentence saying no invitation was made unmakes the article's open invitation between
  the pair (`no_invitation_words`, `denied.denied_elsewhere`);
- a condition on gaining an office ("if elected", "als hij premier wordt") is unreal
  (`office_condition_words`, `extract._unreal_clause`);
- invitations to an abstract goal, possible invitations, considering or proposing an
  invitation (`[negative]`); a denial with words before its "that" (`denial`);
- asked to invite someone ("ha chiesto a X di invitare", "vraagt X om ... uit te
  nodigen"), Turkish "davet edilmeyeceğini" (`[negative]`);
- a university after an elided article and a holiday named in full are no person
  (`organisations._unelided`, `company_markers`); a city's residents are a crowd;
- a closing reporting clause followed by a relative clause names the source
  (`arguments._before_closing_relative`);
- each with its twin: the same frame around an invitation actually made."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

STARMER, CARNEY, TRUMP, PUTIN = "keir-starmer", "mark-carney", "donald-trump", "vladimir-putin"
SANCHEZ, LULA, MELONI, DRAGHI = "pedro-sanchez", "lula-da-silva", "giorgia-meloni", "mario-draghi"
MERZ, MACRON = "friedrich-merz", "emmanuel-macron"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a denial in a sentence of its own unmakes a welcome or a reported claim
        ("en", "Keir Starmer said Mark Carney would always be welcome in London. No invitation "
               "has been issued, Downing Street said on Friday."),
        ("de", "Friedrich Merz sagte, Emmanuel Macron sei in Berlin jederzeit willkommen. Eine "
               "Einladung gebe es nicht, sagte ein Regierungssprecher."),
        ("ru", "Владимир Путин заявил, что Дональд Трамп всегда желанный гость в Москве. "
               "Никакого приглашения не направлялось, уточнили в Кремле."),
        # conditions on gaining an office
        ("en", "If Donald Trump wins, he would invite Vladimir Putin to the White House, his "
               "adviser said."),
        ("nl", "Geert Wilders zegt dat hij de Hongaarse premier Viktor Orbán naar het Catshuis "
               "zou uitnodigen als hij na de verkiezingen premier wordt."),
        # an abstract goal, a possible invitation, a proposal, a consideration
        ("tr", "Recep Tayyip Erdoğan, Vladimir Putin ile telefonda görüştü ve onu ateşkese "
               "davet etti."),
        ("ru", "Владимир Путин провёл телефонный разговор с Эрдоганом и пригласил его к "
               "диалогу по Сирии."),
        ("fr", "Interrogé sur une éventuelle invitation de Vladimir Poutine par Emmanuel "
               "Macron, l'Élysée n'a pas répondu."),
        ("ru", "Депутаты предложили Владимиру Путину пригласить Дональда Трампа на парад."),
        # asked to invite someone; "will not be invited" in Turkish
        ("it", "Carlo Calenda ha chiesto a Giorgia Meloni di invitare Volodymyr Zelensky a "
               "Palazzo Chigi."),
        ("nl", "De oppositie vraagt Dick Schoof om Volodymyr Zelensky uit te nodigen."),
        ("tr", "Recep Tayyip Erdoğan, Vladimir Putin'in zirveye davet edilmeyeceğini söyledi."),
        ("es", "La Moncloa negó el martes que Pedro Sánchez haya cursado una invitación a Lula "
               "para la cumbre de Sevilla."),
        # no person: a university, a holiday, a city's residents
        ("it", "L'Università Bocconi ha invitato Mario Draghi all'inaugurazione dell'anno "
               "accademico."),
        ("tr", "Ekrem İmamoğlu, tüm İstanbulluları 19 Mayıs Gençlik Bayramı konserine davet "
               "etti."),
        ("en", "Mayor Sadiq Khan invited Londoners to celebrate New Year on the Thames, as "
               "Keir Starmer prepared for a trip to Washington."),
    ],
)
def test_invitations_never_made_give_no_pair(real_matcher: Matcher, lang: str,
                                             text: str) -> None:
    found = pairs(match_text(real_matcher, text, "2025-11-20", lang))
    assert not found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        # a denial about a third figure leaves the pair's invitation open
        ("en", "Keir Starmer said Mark Carney would always be welcome in London. No invitation "
               "has been sent to Vladimir Putin, Downing Street said.", (STARMER, CARNEY)),
        ("de", "Friedrich Merz sagte, Emmanuel Macron sei in Berlin jederzeit willkommen.",
         (MERZ, MACRON)),
        ("it", "Giorgia Meloni ha invitato Mario Draghi a Palazzo Chigi.", (MELONI, DRAGHI)),
        # asked to come is an invitation, asked to invite is none
        ("it", "Mario Draghi ha chiesto a Giorgia Meloni di venire a Bruxelles.",
         (DRAGHI, MELONI)),
    ],
)
def test_the_twins_still_invite(real_matcher: Matcher, lang: str, text: str,
                                pair: tuple[str, str]) -> None:
    found = pairs(match_text(real_matcher, text, "2025-11-20", lang))
    assert (*pair, "pending") in found, (text, found)


def test_a_real_condition_keeps_the_offer(real_matcher: Matcher) -> None:
    """CONTRACTS (mixed round): a real condition, not one on gaining an office, leaves the
    offer an invitation."""
    matcher = real_matcher
    text = "If the ceasefire holds, Donald Trump would invite Vladimir Putin to Washington."
    assert (TRUMP, PUTIN, "pending") in pairs(match_text(matcher, text, "2025-11-20", "en"))


def test_the_source_before_a_relative_clause_is_no_party(real_matcher: Matcher) -> None:
    text = ("Pedro Sánchez invitó a Lula a Madrid. Lula ha declinado la invitación por motivos "
            "de agenda, indicó Itamaraty, que no descartó un encuentro más adelante.")
    found = pairs(match_text(real_matcher, text, "2025-11-20", "es"))
    assert found == {(SANCHEZ, LULA, "declined")}, found
