"""Issue 14, press round (b11-press): official press releases of heads of state - call
summaries whose "The parties agreed to continue contacts" is no acceptance, a guest who
thanks for the invitation but cannot come, a procedural "also invited to the meeting" list
in the nominative, a speech's thanks to the host its salutation names, and a generic "I
invite you" that names neither an occasion nor a place."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article
from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


def _speech(matcher: Matcher, title: str, text: str, lang: str, day: str
            ) -> set[tuple[str, str, str]]:
    published = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
    return pairs(matcher.match(Article(key="t", text=text, title=title, published=published,
                                       lang=lang)))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a mutual agreement after the invitation answers nothing (en)
    ("en", "Vladimir Putin had a telephone conversation with Prime Minister of India Narendra "
     "Modi. Narendra Modi invited Vladimir Putin to visit New Delhi. The parties agreed to "
     "continue contacts.", {("narendra-modi", "vladimir-putin", "pending")}),
    ("en", "Volodymyr Zelenskyy had a phone conversation with Emmanuel Macron. Emmanuel Macron "
     "invited Volodymyr Zelenskyy to visit Paris. The two leaders also agreed to stay in "
     "touch.", {("emmanuel-macron", "volodymyr-zelensky", "pending")}),
    # the invitee's own yes still counts
    ("en", "Volodymyr Zelenskyy had a phone conversation with Emmanuel Macron. Emmanuel Macron "
     "invited Volodymyr Zelenskyy to visit Paris. Zelenskyy agreed to come.",
     {("emmanuel-macron", "volodymyr-zelensky", "accepted")}),
])
def test_a_mutual_agreement_is_no_acceptance(real: Matcher, lang: str, text: str,
                                             expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2025-06-01", lang)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Vladimir Putin had a telephone conversation with Prime Minister of Slovakia Robert Fico. "
     "Robert Fico thanked Vladimir Putin for the invitation to the Victory Day parade, but said "
     "that he would not be able to attend.", {("vladimir-putin", "robert-fico", "declined")}),
    ("Vladimir Putin had a telephone conversation with Emmanuel Macron. Emmanuel Macron "
     "confirmed his intention to visit Russia at Vladimir Putin's invitation.",
     {("vladimir-putin", "emmanuel-macron", "accepted")}),
])
def test_status_wording_of_call_summaries(real: Matcher, text: str,
                                          expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2025-06-01", "en")) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "На заседание также приглашены Министр финансов Антон Силуанов и Председатель "
     "Центрального банка Эльвира Набиуллина."),
    ("ru", "На совещание также приглашены Сергей Собянин и Эльвира Набиуллина."),
])
def test_a_procedural_list_after_a_passive_is_no_pair(real: Matcher, lang: str,
                                                     text: str) -> None:
    assert pairs(match_text(real, text, "2025-06-01", lang)) == set()


def test_an_instrumental_agent_still_invites(real: Matcher) -> None:
    text = "Касым-Жомарт Токаев был приглашён Владимиром Путиным на форум в Петербурге."
    assert pairs(match_text(real, text, "2025-06-01", "ru")) == {
        ("vladimir-putin", "kassym-jomart-tokayev", "pending")}


@pytest.mark.parametrize(("lang", "title", "text", "expected"), [
    ("en", "Speech by the President of Ukraine at the Bucharest Nine summit",
     "Dear President Nicușor Dan! Dear colleagues!\n\nThank you, Mr. President, for inviting "
     "me to this summit. Our region has learnt what appeasement costs.",
     {("nicusor-dan", "volodymyr-zelensky", "took_place")}),
    ("uk", "Виступ Президента України на саміті у Варшаві",
     "Шановний пане Президенте Навроцький! Шановні колеги!\n\nДякую вам, пане Президенте, "
     "за запрошення на цей саміт.", {("karol-nawrocki", "volodymyr-zelensky", "took_place")}),
    ("uk", "Виступ Президента України на конференції у Парижі",
     "Шановний пане Президенте Макроне! Шановні колеги!\n\nДякую тобі, Емманюелю, за "
     "запрошення.", {("emmanuel-macron", "volodymyr-zelensky", "took_place")}),
])
def test_a_speech_thanks_the_host_its_salutation_names(
        real: Matcher, lang: str, title: str, text: str,
        expected: set[tuple[str, str, str]]) -> None:
    assert _speech(real, title, text, lang, "2025-10-01") == expected


def test_a_salutation_naming_two_figures_names_no_host(real: Matcher) -> None:
    text = ("Dear President Nicușor Dan! Dear Prime Minister Donald Tusk!\n\nThank you for "
            "the invitation. Our region has learnt what appeasement costs.")
    found = _speech(real, "Speech by the President of Ukraine at the Bucharest Nine summit",
                    text, "en", "2025-10-01")
    assert not {p for p in found if p[0] in ("nicusor-dan", "donald-tusk")}


def test_i_invite_you_to_join_an_initiative_is_no_invitation(real: Matcher) -> None:
    text = ("Vladimir Putin: Mr Tokayev, thank you. I invite you to join the work on the "
            "common payment system. Kassym-Jomart Tokayev: Thank you, we will study it.")
    assert pairs(match_text(real, text, "2025-06-01", "en")) == set()


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    # a renewed invitation without its invitee: the subject owns it, the call's other side
    # is invited (en, ru)
    ("en", "Vladimir Putin had a telephone conversation with Kassym-Jomart Tokayev. The "
     "President of Russia reaffirmed his invitation to visit Russia.", "2025-06-01",
     {("vladimir-putin", "kassym-jomart-tokayev", "pending")}),
    ("ru", "Состоялся телефонный разговор Владимира Путина с Касым-Жомартом Токаевым. Президент "
     "России подтвердил своё приглашение посетить Россию.", "2025-06-01",
     {("vladimir-putin", "kassym-jomart-tokayev", "pending")}),
    # ... while the one who accepts "his invitation" is still the invitee
    ("en", "Vladimir Putin had a telephone conversation with Kassym-Jomart Tokayev. "
     "Kassym-Jomart Tokayev accepted his invitation.", "2025-06-01",
     {("vladimir-putin", "kassym-jomart-tokayev", "accepted")}),
    # a messenger speaking on behalf of the inviter, before a noun cue
    ("en", "On behalf of President Volodymyr Zelenskyy, Andrii Sybiha handed Pedro Sánchez an "
     "invitation to visit Kharkiv.", "2025-06-01",
     {("volodymyr-zelensky", "pedro-sanchez", "pending")}),
    # a passive agent after "by" and title words
    ("en", "The President of Ukraine has been invited to the summit by Secretary General Mark "
     "Rutte.", "2025-06-01", {("mark-rutte", "volodymyr-zelensky", "pending")}),
    # "the Russian side" stands for its leader on the article's date
    ("en", "Vladimir Putin held talks in the Kremlin with President of Finland Sauli Niinistö, "
     "who came to Russia at the invitation of the Russian side.", "2022-01-20",
     {("vladimir-putin", "sauli-niinisto", "took_place")}),
    ("en", "Vladimir Putin had a telephone conversation with Kassym-Jomart Tokayev. "
     "Kassym-Jomart Tokayev confirmed that he would attend the forum at the invitation of the "
     "Russian President.", "2025-06-01",
     {("vladimir-putin", "kassym-jomart-tokayev", "accepted")}),
])
def test_who_invited_whom_in_call_summaries(real: Matcher, lang: str, text: str, day: str,
                                            expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day, lang)) == expected


def test_an_address_thanks_the_figure_it_names(real: Matcher) -> None:
    text = ("Today I had a call with Prime Minister Keir Starmer. I am grateful to Keir Starmer "
            "for the invitation to London.")
    assert _speech(real, "Address by the President of Ukraine", text, "en", "2025-06-01") == {
        ("keir-starmer", "volodymyr-zelensky", "responded")}


def test_name_and_patronymic_in_an_english_transcript(real: Matcher) -> None:
    text = "Alexander Lukashenko: Vladimir Vladimirovich, thank you for inviting us."
    assert _speech(real, "Russian-Belarusian talks", text, "en", "2022-02-18") == {
        ("vladimir-putin", "alexander-lukashenko", "took_place")}


@pytest.mark.parametrize(("title", "text", "expected"), [
    # a chairman's procedure with an official is no invitation, in a verb or a thanks
    ("Meeting with Government members",
     "Vladimir Putin: Let us begin. I invite Anton Siluanov to report on the budget.", set()),
    ("Meeting with Government members",
     "Vladimir Putin: Mr Siluanov, please. Anton Siluanov: Mr President, colleagues, thank "
     "you for the invitation to speak.", set()),
    # ... while an occasion after the procedure word keeps the invitation
    ("Plenary session of the forum",
     "Vladimir Putin: Colleagues, good afternoon. Kassym-Jomart Tokayev: Thank you, Mr "
     "President, for the invitation to speak at this forum.",
     {("vladimir-putin", "kassym-jomart-tokayev", "took_place")}),
    # the one addressed set off by commas right after "invite you"
    ("Meeting with Alexander Lukashenko",
     "Alexander Lukashenko: I would like to invite you, Vladimir Vladimirovich, to the Forum of "
     "Regions in Grodno.", {("alexander-lukashenko", "vladimir-putin", "pending")}),
])
def test_procedure_and_address_in_transcripts(real: Matcher, title: str, text: str,
                                              expected: set[tuple[str, str, str]]) -> None:
    assert _speech(real, title, text, "en", "2022-02-15") == expected


def test_an_invitation_to_speak_at_an_occasion_stays_one(real: Matcher) -> None:
    text = "Olaf Scholz invited Volodymyr Zelenskyy to speak at the Munich Security Conference."
    assert pairs(match_text(real, text, "2022-02-15", "en")) == {
        ("olaf-scholz", "volodymyr-zelensky", "pending")}


def test_invited_to_open_a_bridge_is_an_invitation(real: Matcher) -> None:
    """"to open" is a chairman's word in a transcript only; an opening is an occasion."""
    text = "Mayor Sadiq Khan has invited Prime Minister Keir Starmer to open the rebuilt bridge."
    assert pairs(match_text(real, text, "2025-06-01", "en")) == {
        ("sadiq-khan", "keir-starmer", "pending")}


@pytest.mark.parametrize(("text", "expected"), [
    # a bare title the sentence resolves to the one thanked ("The President ... President of
    # Indonesia"): the previous subject was invited
    ("Volodymyr Zelenskyy addressed the G20 summit via video link. The President thanked "
     "President of Indonesia Joko Widodo for the invitation.",
     {("joko-widodo", "volodymyr-zelensky", "responded")}),
    ("Vladimir Putin met with Recep Tayyip Erdogan in Sochi. He thanked Recep Tayyip Erdogan "
     "for accepting the invitation.", {("vladimir-putin", "recep-tayyip-erdogan", "took_place")}),
])
def test_an_unresolved_subject_thanks_for_the_invitation(
        real: Matcher, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2022-11-15", "en")) == expected


def test_taking_part_in_a_hosted_meeting(real: Matcher) -> None:
    """The Kremlin's attendance line after a host marker names the guests."""
    text = ("Vladimir Putin hosted an informal meeting of CIS heads of state in St Petersburg. "
            "Taking part in the meeting were Ilham Aliyev, Nikol Pashinyan and Alexander "
            "Lukashenko.")
    assert pairs(match_text(real, text, "2022-12-26", "en")) == {
        ("vladimir-putin", "ilham-aliyev", "took_place"),
        ("vladimir-putin", "nikol-pashinyan", "took_place"),
        ("vladimir-putin", "alexander-lukashenko", "took_place")}
