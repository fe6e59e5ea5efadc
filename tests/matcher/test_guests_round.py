"""Issue 14, guests round: several guests of a host's event in one sentence, the host as a
genitive after the event noun, and the coordination of names written without spaces or
with a particle (ja, zh, ko). Items `<lang>-guests-NN` in tests/data/matcher; blind set
tests/data/matcher-held/b7-guests."""

from __future__ import annotations

import pytest

from bot.domain import Party
from bot.matcher import Matcher
from bot.matcher.clause import Ref, Words, genitive_host_after, glued_coordination, words_of
from bot.matcher.grammar import CaseEndings
from tests.support.matching import match_text, pairs


def _words(real: Matcher, lang: str) -> Words:
    return words_of(real._lexicons_for(lang))


def test_names_glued_by_and_or_an_enumeration_comma_are_coordinated(real: Matcher) -> None:
    assert glued_coordination("とインドの", _words(real, "ja"))
    assert glued_coordination("、印度总理", _words(real, "zh"))
    assert glued_coordination(" 총리와 ", _words(real, "ko"))
    assert not glued_coordination("は会談後、", _words(real, "ja"))  # a comma: another clause
    # a Latin word ending like a Latin conjunction ("presidente" / "e") is no particle
    assert not glued_coordination(" presidente ", _words(real, "it"))


def test_a_genitive_after_the_event_noun_hosts_it() -> None:
    endings = CaseEndings(genitive=("а", "я", "и"))
    host = Party(name="Emmanuel Macron", figure_id="emmanuel-macron")
    sentence = "Моди будет присутствовать на саммите Макрона в Париже."
    start = sentence.index("Макрона")
    ref = Ref(host, start, start + len("Макрона"))
    assert genitive_host_after(sentence, sentence.index(" Макрона"), ref, endings)
    nominative = "На саммите Макрон заявил."
    at = nominative.index("Макрон")
    assert not genitive_host_after(nominative, nominative.index(" Макрон"),
                                   Ref(host, at, at + len("Макрон")), endings)


@pytest.mark.parametrize(("text", "expected"), [
    ("Giorgia Meloni will host a summit on migration in Rome next week. Pedro Sánchez and "
     "Donald Tusk will attend.",
     {("giorgia-meloni", "pedro-sanchez", "accepted"),
      ("giorgia-meloni", "donald-tusk", "accepted")}),
    ("Emmanuel Macron accueillera mardi à l'Élysée un sommet sur la défense. Keir Starmer, "
     "Friedrich Merz et Donald Tusk y participeront, a indiqué l'Élysée.",
     {("emmanuel-macron", "keir-starmer", "accepted"),
      ("emmanuel-macron", "friedrich-merz", "accepted"),
      ("emmanuel-macron", "donald-tusk", "accepted")}),
    # the guests after the verb, and a source after the answer's clause
    ("Pedro Sánchez presidirá el jueves en Madrid una cumbre. Asistirán Giorgia Meloni y "
     "Luís Montenegro, según fuentes de la Moncloa.",
     {("pedro-sanchez", "giorgia-meloni", "accepted"),
      ("pedro-sanchez", "luis-montenegro", "accepted")}),
    ("由习近平主持的峰会将于下周举行。普京、莫迪和埃尔多安将出席峰会。",
     {("xi-jinping", "vladimir-putin", "accepted"), ("xi-jinping", "narendra-modi", "accepted"),
      ("xi-jinping", "recep-tayyip-erdogan", "accepted")}),
])
def test_every_coordinated_guest_after_a_hosts_event(real: Matcher, text: str,
                                                     expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text)) == expected


def test_coordinated_figures_at_another_place_are_no_guests(real: Matcher) -> None:
    text = ("Giorgia Meloni is hosting a dinner for EU leaders in Rome on Thursday. Pedro "
            "Sánchez and Donald Tusk will attend a NATO meeting in Brussels that evening.")
    assert pairs(match_text(real, text)) == set()


def test_a_figure_besides_the_coordinated_guests_makes_no_guest_list(real: Matcher) -> None:
    text = ("Giorgia Meloni will host a summit in Rome. Pedro Sánchez and Donald Tusk will "
            "attend, Viktor Orbán's spokesman said, after Orbán met Sánchez in Madrid.")
    assert ("giorgia-meloni", "viktor-orban", "accepted") not in pairs(match_text(real, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Премьер-министр Индии Нарендра Моди будет присутствовать на саммите Макрона в Париже.",
     {("emmanuel-macron", "narendra-modi", "accepted")}),
    ("Дональд Туск і Фрідріх Мерц візьмуть участь у саміті Зеленського у Києві.",
     {("volodymyr-zelensky", "donald-tusk", "accepted"),
      ("volodymyr-zelensky", "friedrich-merz", "accepted")}),
    ("Premier Donald Tusk weźmie w poniedziałek udział w szczycie Macrona w Paryżu.",
     {("emmanuel-macron", "donald-tusk", "accepted")}),
    ("Bundeskanzler Olaf Scholz nimmt am Montag am Gipfel Macrons in Paris teil.",
     {("emmanuel-macron", "olaf-scholz", "accepted")}),
    # hard negatives: a nominative subject after the event noun, no attendance at all
    ("На саммите Макрон заявил, что Путин должен прекратить войну.", set()),
    ("Дональд Туск розкритикував саміт Макрона через відсутність рішень.", set()),
])
def test_a_genitive_host_after_the_event_noun(real: Matcher, text: str,
                                              expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text)) == expected


def test_guests_joined_by_a_particle_after_the_hosts_dinner(real: Matcher) -> None:
    text = "윤석열 대통령이 주최한 만찬에 기시다 후미오 총리와 리창 총리가 참석했다."
    assert pairs(match_text(real, text, "2024-05-27")) == {
        ("yoon-suk-yeol", "fumio-kishida", "took_place"),
        ("yoon-suk-yeol", "li-qiang", "took_place")}


@pytest.mark.parametrize(("text", "expected"), [
    ("俄罗斯总统普京已接受印度总理莫迪的邀请，将于12月访问新德里。",
     {("narendra-modi", "vladimir-putin", "accepted")}),
    ("马克龙婉拒了普京的邀请。", {("vladimir-putin", "emmanuel-macron", "declined")}),
    # giving an interview ("接受采访", a [negative] phrase) is no acceptance; "will
    # seriously consider" is a response (issue 14, tense round)
    ("普京接受采访时表示，他将认真考虑莫迪的邀请。", {("narendra-modi", "vladimir-putin", "responded")}),
])
def test_the_owner_glued_by_de_invites_and_the_figure_before_answers(
        real: Matcher, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2025-10-20")) == expected
