"""Issue 14, pairs round: no pair between co-guests, messengers or debate opponents; a
host or inviter reaches every guest joined by 'and', a together-with phrase or a plural
clitic; messengers in head-final and CJK sentences; a plural town's genitive after a
title. Texts are new, none from the b10-pairs blind set."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize("text", [
    # a broadcaster invites; the figure after "debate with" is the opponent
    "Channel 4 invites Starmer to debate with Farage. Channel 4 has invited Prime Minister "
    "Keir Starmer to a live debate with Reform UK leader Nigel Farage in March.",
    # two invitees of one cue with no figure inviting are never each other's inviter
    "France 2 invite Le Pen et Mélenchon à débattre. France 2 a invité Marine Le Pen et "
    "Jean-Luc Mélenchon à un débat télévisé le 3 mars, a annoncé la chaîne.",
    # nl: a non-figure subject, two objects joined by 'en' inside the split cue
    "De NOS heeft premier Dick Schoof en Geert Wilders uitgenodigd voor een debat op "
    "zondag.",
])
def test_co_invitees_and_opponents_are_no_pair(real: Matcher, text: str) -> None:
    assert pairs(match_text(real, text, "2025-02-10")) == set()


@pytest.mark.parametrize(("text", "day", "expected"), [
    # tr: the subject only delivers ("iletti"); the dative is invited
    ("Bakan Hakan Fidan, Cumhurbaşkanı Recep Tayyip Erdoğan'ın davetini Sırbistan "
     "Cumhurbaşkanı Aleksandar Vučić'e iletti.", "2025-04-02",
     {("recep-tayyip-erdogan", "aleksandar-vucic", "pending")}),
    # zh: 转达 carries it; "对X的邀请" addresses X
    ("王毅转达了习近平主席对卢拉总统的邀请。", "2025-04-02",
     {("xi-jinping", "lula-da-silva", "pending")}),
])
def test_messengers_in_head_final_and_cjk_sentences(real: Matcher, text: str, day: str,
                                                    expected: set[tuple[str, str, str]]
                                                    ) -> None:
    assert pairs(match_text(real, text, day)) == expected


def test_zh_guests_joined_by_tong_each_take_the_inviter(real: Matcher) -> None:
    text = "应国家主席习近平邀请，俄罗斯总统普京同哈萨克斯坦总统托卡耶夫将出席纪念活动。"
    assert pairs(match_text(real, text, "2025-08-20")) == {
        ("xi-jinping", "vladimir-putin", "accepted"),
        ("xi-jinping", "kassym-jomart-tokayev", "accepted")}


@pytest.mark.parametrize(("text", "expected_invitees"), [
    # uk: "разом із" joins a second invitee (and a plural town's genitive ends the title)
    ("Міський голова Черкас Олег Мельник запросив Президента Володимира Зеленського разом "
     "із Прем'єр-міністеркою Юлією Свириденко на відкриття мосту.",
     {"volodymyr-zelensky", "yulia-svyrydenko"}),
    # es: ", junto con" after the host clause adds a guest of the host
    ("Los presidentes Gustavo Petro y Gabriel Boric asistirán al foro que Lula organiza "
     "en Brasilia, junto con el presidente Yamandú Orsi.",
     {"gustavo-petro", "gabriel-boric", "yamandu-orsi"}),
    # ru: a plural clitic stands for both guests joined by 'и'
    ("Александр Лукашенко и Касым-Жомарт Токаев прибудут на форум, на который их "
     "пригласил Владимир Путин.", {"alexander-lukashenko", "kassym-jomart-tokayev"}),
])
def test_every_joined_guest_is_invited(real: Matcher, text: str,
                                       expected_invitees: set[str]) -> None:
    found = pairs(match_text(real, text, "2025-09-10"))
    assert {invitee for _, invitee, _ in found} == expected_invitees
    assert len({inviter for inviter, _, _ in found}) == 1


def test_a_plural_towns_genitive_is_no_part_of_the_name(real: Matcher) -> None:
    text = ("Міський голова Черкас Олег Мельник запросив Президента Володимира Зеленського "
            "на відкриття мосту.")
    assert pairs(match_text(real, text, "2025-09-10")) == {
        ("Олег Мельник", "volodymyr-zelensky", "pending")}
