"""Issue 14, stop 28 cues round: invitations without an invitation word (an offer of a
meeting, a proposal that two meet, an open door to a named guest after a title and a comma,
"I am waiting for you in ..." quoted before its speaker and addressee) and status wording
(thanks for the kind words = responded, "would accept" = accepted, a refusal in content: a
full schedule = declined, no trip planned = responded, a counter-venue = responded); a rhetorical
challenge to prove something and a door open to talks are no invitation. Self-written."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DATE = "2026-03-03"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # an open door to a named guest, 'open to' in English
    ("Prime Minister Keir Starmer said his door was open to Canadian Prime Minister Mark "
     "Carney whenever he is in Europe.", "en", {("keir-starmer", "mark-carney", "pending")}),
    # an open door to a guest named after a title and a comma (arguments._door_reaches)
    ("O primeiro-ministro Luís Montenegro disse que as portas de São Bento estão abertas "
     "para o presidente do Brasil, Luiz Inácio Lula da Silva, em qualquer momento.", "pt",
     {("luis-montenegro", "lula-da-silva", "pending")}),
    # an offer of a meeting with a noun object
    ("Bundeskanzler Friedrich Merz hat dem französischen Präsidenten Emmanuel Macron ein "
     "Treffen in Aachen angeboten.", "de",
     {("friedrich-merz", "emmanuel-macron", "pending")}),
    # a proposal to meet, a contracted preposition before the invitee
    ("La presidente Giorgia Meloni ha proposto al cancelliere Friedrich Merz di incontrarsi "
     "a Trieste in primavera.", "it", {("giorgia-meloni", "friedrich-merz", "pending")}),
    # a proposal of a debate with a day word before its addressee
    ("Marine Le Pen a proposé jeudi à Gabriel Attal un débat sur les retraites.", "fr",
     {("marine-le-pen", "gabriel-attal", "pending")}),
    # a proposal that the speaker and the invitee meet
    ("Statsminister Ulf Kristersson har foreslått at han og statsminister Jonas Gahr Støre "
     "møtes i Oslo i mars.", "no", {("ulf-kristersson", "jonas-gahr-store", "pending")}),
    ("Prime Minister Mark Carney proposed that he and President Donald Trump meet in "
     "Ottawa next month.", "en", {("mark-carney", "donald-trump", "pending")}),
])
def test_invitation_without_an_invitation_word(
        real: Matcher, text: str, lang: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DATE, lang)) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # '"..." - powiedział X do Y': the quote's speaker invites the one spoken to (transcript)
    ("\"Czekamy na pana w Gdańsku\" - powiedział premier Donald Tusk do kanclerza Friedricha "
     "Merza podczas konferencji.", "pl", {("donald-tusk", "friedrich-merz", "pending")}),
    ("«Чекаю на вас у Києві», - звернувся президент Володимир Зеленський до канцлера "
     "Фрідріха Мерца.", "uk", {("volodymyr-zelensky", "friedrich-merz", "pending")}),
])
def test_waiting_for_you_quoted_before_speaker_and_addressee(
        real: Matcher, text: str, lang: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DATE, lang)) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # thanks for the kind words or the greeting only: responded
    ("Владимир Путин пригласил Александра Лукашенко в Москву. Лукашенко поблагодарил за "
     "тёплые слова.", "ru", "responded"),
    ("Володимир Зеленський запросив Кароля Навроцького до Києва. Навроцький подякував за "
     "теплі слова.", "uk", "responded"),
    ("Jonas Gahr Støre inviterte Alexander Stubb til Oslo. Stubb takket for hilsenen.", "no",
     "responded"),
    ("Donald Tusk zaprosił Friedricha Merza do Warszawy. Merz podziękował za ciepłe słowa.",
     "pl", "responded"),
    # a conditional yes: accepted
    ("Dick Schoof heeft Friedrich Merz uitgenodigd in Den Haag. Merz zei dat hij de "
     "uitnodiging zou aannemen.", "nl", "accepted"),
    ("Donald Tusk zaprosił Friedricha Merza do Warszawy. Merz przyjąłby zaproszenie.", "pl",
     "accepted"),
    ("Jonas Gahr Støre inviterte Alexander Stubb til Oslo. Stubb sa at han ville takke ja.",
     "no", "accepted"),
    # "no trip is planned" in answer commits to nothing: responded (stop 28, lead), as in the
    # self-written story zelensky-trump-ukraine-2023
    ("Владимир Путин пригласил Никола Пашиняна в Москву. В Ереване ответили, что поездка "
     "не планируется.", "ru", "responded"),
    ("Володимир Зеленський запросив Кароля Навроцького до Києва. У Варшаві відповіли, що "
     "візит не планується.", "uk", "responded"),
    ("Pedro Sánchez invitó a Mark Carney a Madrid. Su oficina dijo que lo tendrá en cuenta, "
     "pero que no hay ningún viaje previsto.", "es", "responded"),
    # a refusal in content: a full schedule: declined
    ("Jonas Gahr Støre inviterte Alexander Stubb til Oslo. Stubb vil ikke kunne reise.", "no",
     "declined"),
    ("Dick Schoof heeft Friedrich Merz uitgenodigd in Den Haag. De agenda van Merz zit vol.",
     "nl", "declined"),
    ("Keir Starmer invited Mark Carney to London. Carney's office said his schedule is full.",
     "en", "declined"),
])
def test_status_wording(real: Matcher, text: str, lang: str, expected: str) -> None:
    found = pairs(match_text(real, text, DATE, lang))
    assert len(found) == 1 and next(iter(found))[2] == expected, found


def test_counter_venue_is_a_response_and_a_time_ahead_no_outcome(real: Matcher) -> None:
    zh = "王毅邀请让-诺埃尔·巴罗访华。巴罗建议改在巴黎举行会谈。"
    assert {s for _, _, s in pairs(match_text(real, zh, DATE, "zh"))} == {"responded"}
    xi = "习近平表示，欢迎普京总统明年再次来华进行国事访问。"
    assert pairs(match_text(real, xi, DATE, "zh")) == {("xi-jinping", "vladimir-putin",
                                                          "pending")}


def test_names_as_written_in_turkish_and_chinese(real: Matcher) -> None:
    tr = "Dışişleri Bakanı Hakan Fidan, Abbas Arakçi'yi Ankara'ya davet etti."
    assert pairs(match_text(real, tr, DATE, "tr")) == {("hakan-fidan", "abbas-araghchi",
                                                         "pending")}


@pytest.mark.parametrize(("text", "lang"), [
    # a rhetorical challenge to prove or show something
    ("Jarosław Kaczyński rzucił wyzwanie Donaldowi Tuskowi, by ujawnił umowę.", "pl"),
    ("Дмитрий Медведев бросил вызов Эммануэлю Макрону, чтобы тот доказал свои слова.", "ru"),
    ("Петро Порошенко кинув виклик Володимиру Зеленському, щоб той оприлюднив угоду.", "uk"),
    ("Javier Milei retó a Pedro Sánchez a demostrar sus cifras.", "es"),
    ("Matteo Salvini ha sfidato Giorgia Meloni a dimostrare i numeri.", "it"),
    ("Recep Tayyip Erdoğan, Ekrem İmamoğlu'na meydan okuyarak iddialarını kanıtlamasını "
     "istedi.", "tr"),
    # a door open to talks with a figure's country is a policy position
    ("Donald Trump said the door was open to talks with Vladimir Putin's government.", "en"),
])
def test_rhetorical_challenge_and_open_door_to_talks_are_no_invitation(
        real: Matcher, text: str, lang: str) -> None:
    assert pairs(match_text(real, text, DATE, lang)) == set()
