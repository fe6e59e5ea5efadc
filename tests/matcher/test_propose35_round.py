"""Issue 14, stop 35, propose35 round: an invitation phrased without an invitation word.

A proposal or request that the addressee join the speaker, hold talks or a joint meeting at
a place, come, or address a body, and a conditional welcome ("if X wants to come, he will
receive him"), are invitations by the speaker; the lexicons' `[invite] active` lists of all
fourteen first-class languages carry them. Every sentence of the first test failed on main
(56db4ef5) before this round: no pair, or the conditional's pair reversed. The precision
bounds (a mediator's proposal that two others hold talks, a ceasefire proposed, a door open
to talks, a proposal put to a body, a call that someone else invite) stay without a pair.
"""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Prime Minister Keir Starmer proposed that President Emmanuel Macron join him in Manchester for talks on energy.",
     {("keir-starmer", "emmanuel-macron", "pending")}),
    ("en", "Chancellor Friedrich Merz said that if Prime Minister Keir Starmer wants to come to Berlin, he will receive him.",
     {("friedrich-merz", "keir-starmer", "pending")}),
    ("de", "Bundeskanzler Friedrich Merz hat dem französischen Präsidenten Emmanuel Macron eine gemeinsame Sitzung beider Regierungen in Aachen vorgeschlagen.",
     {("friedrich-merz", "emmanuel-macron", "pending")}),
    ("de", "Bundeskanzler Friedrich Merz bittet Emmanuel Macron, im Herbst nach Berlin zu kommen.",
     {("friedrich-merz", "emmanuel-macron", "pending")}),
    ("es", "El presidente Pedro Sánchez dijo que, si el presidente Emmanuel Macron quiere venir a Madrid, lo recibirá con gusto.",
     {("pedro-sanchez", "emmanuel-macron", "pending")}),
    ("fr", "Le président Emmanuel Macron a proposé à Friedrich Merz de le rejoindre à Marseille en juin.",
     {("emmanuel-macron", "friedrich-merz", "pending")}),
    ("it", "La presidente del Consiglio Giorgia Meloni ha proposto a Emmanuel Macron di raggiungerla a Napoli.",
     {("giorgia-meloni", "emmanuel-macron", "pending")}),
    ("pt", "O presidente Lula disse que, se Emmanuel Macron quiser vir a Brasília, o receberá com alegria.",
     {("lula-da-silva", "emmanuel-macron", "pending")}),
    ("ru", "Председатель Госдумы Вячеслав Володин направил Эммануэлю Макрону письмо с предложением выступить перед депутатами.",
     {("vyacheslav-volodin", "emmanuel-macron", "pending")}),
    ("uk", "Президент Володимир Зеленський сказав, що якщо Емманюель Макрон захоче приїхати до Києва, він прийме.",
     {("volodymyr-zelensky", "emmanuel-macron", "pending")}),
    ("pl", "Prezydent Karol Nawrocki zaproponował Donaldowi Trumpowi, by dołączył do niego w Krakowie.",
     {("karol-nawrocki", "donald-trump", "pending")}),
    ("nl", "Premier Dick Schoof stelde Emmanuel Macron voor zich bij hem aan te sluiten in Rotterdam.",
     {("dick-schoof", "emmanuel-macron", "pending")}),
    ("no", "Statsminister Jonas Gahr Støre sa at hvis Ulf Kristersson vil komme til Oslo, skal han ta imot ham.",
     {("jonas-gahr-store", "ulf-kristersson", "pending")}),
    ("tr", "Cumhurbaşkanı Recep Tayyip Erdoğan, Emmanuel Macron gelmek isterse onu Ankara'da ağırlarız dedi.",
     {("recep-tayyip-erdogan", "emmanuel-macron", "pending")}),
])
def test_a_proposal_without_an_invitation_word_is_an_invitation(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    """"proposed that X join him", "eine gemeinsame Sitzung ... vorgeschlagen", "bittet X, nach
    ... zu kommen", "si X quiere venir, lo recibirá", "с предложением выступить": the
    proposer (the one who would receive) invites the addressee."""
    assert pairs(match_text(real, text, "2026-03-10", lang)) == expected


def test_an_answer_follows_the_proposal(real: Matcher) -> None:
    """The addressee's yes in the next sentence answers the proposal."""
    text = ("Prime Minister Keir Starmer proposed that President Emmanuel Macron join him in"
            " Manchester. Macron accepted the proposal.")
    assert pairs(match_text(real, text, "2026-03-10", "en")) == {
        ("keir-starmer", "emmanuel-macron", "accepted")}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "President Donald Trump proposed that Vladimir Putin and Volodymyr Zelensky hold talks in Istanbul."),
    ("en", "Chancellor Friedrich Merz proposed a ceasefire to President Vladimir Putin."),
    ("en", "The door is open to talks with Vladimir Putin, said Chancellor Friedrich Merz."),
    ("en", "Chancellor Friedrich Merz wrote to the Bundestag with a proposal to address the pension gap."),
    ("en", "Chancellor Friedrich Merz said Emmanuel Macron should invite Keir Starmer."),
    ("es", "El presidente Pedro Sánchez propuso un alto el fuego a Vladimir Putin."),
    ("de", "Bundeskanzler Friedrich Merz hat dem Bundestag eine gemeinsame Erklärung zur Ukraine vorgeschlagen."),
])
def test_look_alike_proposals_stay_without_a_pair(real: Matcher, lang: str, text: str) -> None:
    """A mediator's proposal for two others, a ceasefire, a door open to talks, a proposal
    put to a body, a call on someone else to invite: no invitation by the speaker."""
    assert pairs(match_text(real, text, "2026-03-10", lang)) == set()
