"""Issue 14, args round (blind set tests/data/matcher-held/b13-args): arguments and names
the matcher got wrong. "the invitation of X" makes X the inviter; a messenger named after
the noun ("delivered by", "conveyed through") is no party, nor the guest a sentence before
names; every agent of a passive joined by "and" invites; an owner's phrase opening the
sentence without a comma ("Auf Putins Einladung hin reist Modi") has the guest after the
verb; a bare surname after a title stands for the one bearer holding that title on the
date; a head-final language's "from" postposition marks the figure before it. Self-written
sentences."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

Triples = set[tuple[str, str, str]]


# --- "accepted the invitation of X" (arguments._owner_marked) ---------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Mexico's President Claudia Sheinbaum has accepted the invitation of Canadian Prime "
     "Minister Mark Carney to attend the summit in Kananaskis.",
     {("mark-carney", "claudia-sheinbaum", "accepted")}),
    ("Claudia Sheinbaum accepted the invitation of Mark Carney to attend the G7 summit.",
     {("mark-carney", "claudia-sheinbaum", "accepted")}),
])
def test_the_invitation_of_names_its_inviter(real: Matcher, text: str, expected: Triples
                                             ) -> None:
    assert pairs(match_text(real, text, "2025-06-07", "en")) == expected


def test_a_possessive_owner_keeps_of_for_the_invitee(real: Matcher) -> None:
    """"Trump's invitation of Putin": the possessive invites, the figure after "of" is the
    one invited, never its inviter."""
    found = pairs(match_text(real, "Donald Trump's invitation of Vladimir Putin to Alaska was "
                             "criticised in Kyiv.", "2025-08-07", "en"))
    assert ("vladimir-putin", "donald-trump", "pending") not in found


# --- messengers (arguments._carrier, noun_arguments) --------------------------------------------


@pytest.mark.parametrize(("text", "absent"), [
    # the messenger's participle after the noun: Wong carries it, Albanese is the guest
    ("Xi Jinping's invitation, delivered by Foreign Minister Penny Wong, was welcomed by "
     "Anthony Albanese.", ("xi-jinping", "penny-wong")),
    ("Anthony Albanese accepted the invitation, handed over by Foreign Minister Penny Wong, to "
     "visit Beijing.", ("penny-wong", "anthony-albanese")),
])
def test_a_messenger_after_the_noun_is_no_party(real: Matcher, text: str,
                                                absent: tuple[str, str]) -> None:
    found = {(i, g) for i, g, _ in pairs(match_text(real, text, "2025-08-07", "en"))}
    assert absent not in found
    assert not any("penny-wong" in pair for pair in found)


def test_a_messenger_after_the_noun_leaves_the_guest(real: Matcher) -> None:
    text = ("Xi Jinping's invitation, delivered by Foreign Minister Penny Wong, was welcomed by "
            "Anthony Albanese.")
    assert {(i, g) for i, g, _ in pairs(match_text(real, text, "2025-08-07", "en"))} == {
        ("xi-jinping", "anthony-albanese")}


def test_a_from_word_far_after_the_messenger_names_the_sender(real: Matcher) -> None:
    """Only a marker right after the messenger word ("handed over by") names a carrier:
    in "the invitation Witkoff delivered to Putin came from Trump" Trump sent it."""
    found = pairs(match_text(real, "The invitation Witkoff delivered to Putin came from Trump.",
                             "2025-06-11", "en"))
    assert found == {("donald-trump", "vladimir-putin", "pending")}


def test_a_sender_after_from_is_no_messenger(real: Matcher) -> None:
    """"przywiózł zaproszenie od Tuska": the messenger word stands before the noun, so Tusk
    after "od" sent the invitation."""
    found = pairs(match_text(real, "Radosław Sikorski przywiózł zaproszenie od Tuska dla "
                             "Zełenskiego.", "2025-01-14", "pl"))
    assert found == {("donald-tusk", "volodymyr-zelensky", "pending")}


def test_the_messenger_left_out_is_not_the_guest_of_the_sentence_before(real: Matcher) -> None:
    text = ("Radosław Sikorski rozmawiał z Zełenskim. Sikorski zaprzeczył, jakoby przywiózł "
            "zaproszenie od Tuska.")
    found = pairs(match_text(real, text, "2025-01-14", "pl"))
    assert not any(g == "radoslaw-sikorski" for _, g, _ in found)


# --- joint agents of a passive (arguments._joint_agents) ----------------------------------------


@pytest.mark.parametrize(("text", "lang"), [
    ("Zelensky is door Macron en Scholz uitgenodigd voor een top in Berlijn.", "nl"),
    ("Zelensky werd door Macron en Scholz uitgenodigd voor een top in Berlijn.", "nl"),
    ("Zelensky was invited by Macron and Scholz to a summit in Berlin.", "en"),
    ("Selenskyj wurde von Macron und Scholz zu einem Gipfel nach Berlin eingeladen.", "de"),
])
def test_every_joined_agent_of_a_passive_invites(real: Matcher, text: str, lang: str) -> None:
    assert pairs(match_text(real, text, "2024-06-05", lang)) == {
        ("emmanuel-macron", "volodymyr-zelensky", "pending"),
        ("olaf-scholz", "volodymyr-zelensky", "pending")}


def test_a_lone_agent_is_still_one_inviter(real: Matcher) -> None:
    assert pairs(match_text(real, "Zelensky is door Macron uitgenodigd voor een top in Parijs.",
                            "2024-06-05", "nl")) == {
        ("emmanuel-macron", "volodymyr-zelensky", "pending")}


# --- an owner's phrase opening the sentence without a comma ------------------------------------


@pytest.mark.parametrize(("text", "lang", "pair"), [
    ("Auf Putins Einladung hin reist Modi nach Moskau.", "de",
     ("vladimir-putin", "narendra-modi")),
    ("Auf Putins Einladung reist Indiens Premier Modi kommende Woche nach Moskau.", "de",
     ("vladimir-putin", "narendra-modi")),
    ("Op Ruttes uitnodiging reist Zelensky naar Brussel.", "nl",
     ("mark-rutte", "volodymyr-zelensky")),
    ("Etter Støres invitasjon kommer Zelenskyj til Oslo.", "no",
     ("jonas-gahr-store", "volodymyr-zelensky")),
    ("At Starmer's invitation Zelensky will travel to London.", "en",
     ("keir-starmer", "volodymyr-zelensky")),
])
def test_the_guest_follows_an_opening_owner_phrase_without_comma(
        real: Matcher, text: str, lang: str, pair: tuple[str, str]) -> None:
    found = {(i, g) for i, g, _ in pairs(match_text(real, text, "2025-02-27", lang))}
    assert found == {pair}


def test_a_to_word_before_the_figure_keeps_it_out_of_the_guest_slot(real: Matcher) -> None:
    """"Auf Putins Einladung an Modi": the figure after "an" is the invitee by the noun's
    own rule, not by the opening phrase's."""
    found = {(i, g) for i, g, _ in pairs(match_text(
        real, "Auf Putins Einladung an Modi reagierte Neu-Delhi zurückhaltend.", "2024-07-04",
        "de"))}
    assert ("narendra-modi", "vladimir-putin") not in found


# --- a bare surname after a title (spotting._titled_surnames) ----------------------------------


def test_a_titled_surname_stands_for_the_one_holder(real: Matcher) -> None:
    text = "Prime Minister Albanese has accepted the invitation of President Xi to visit China."
    assert pairs(match_text(real, text, "2025-07-03", "en")) == {
        ("xi-jinping", "anthony-albanese", "accepted")}


def test_a_titled_surname_keeps_the_namesake_with_her_own_title(real: Matcher) -> None:
    text = "UN rapporteur Albanese was invited by Boric to Santiago."
    found = {(i, g) for i, g, _ in pairs(match_text(real, text, "2025-09-10", "en"))}
    assert found == {("gabriel-boric", "francesca-albanese")}


def test_a_titled_surname_out_of_office_stands_for_nobody(real: Matcher) -> None:
    text = "Prime Minister Albanese has accepted the invitation of President Xi to visit China."
    found = {(i, g) for i, g, _ in pairs(match_text(real, text, "2020-07-03", "en"))}
    assert not any("anthony-albanese" in pair for pair in found)


def test_a_surname_after_a_given_name_is_no_titled_surname(real: Matcher) -> None:
    text = "L'attore Antonio Albanese ha invitato Meloni a teatro."
    found = {(i, g) for i, g, _ in pairs(match_text(real, text, "2025-03-02", "it"))}
    assert not any("anthony-albanese" in pair or "francesca-albanese" in pair for pair in found)


# --- a head-final language's "from" postposition ------------------------------------------------


def test_a_postposed_from_word_marks_the_figure_before_it(real: Matcher) -> None:
    """"Büyükelçi tarafından Erdoğan'a teslim edildi": the letter is handed to Erdoğan by
    the ambassador; Erdoğan after "tarafından" invites nobody."""
    text = ("Putin'in Kazan'daki zirveye davet mektubu, Büyükelçi tarafından Erdoğan'a teslim "
            "edildi.")
    found = {(i, g) for i, g, _ in pairs(match_text(real, text, "2024-08-22", "tr"))}
    assert ("recep-tayyip-erdogan", "vladimir-putin") not in found
