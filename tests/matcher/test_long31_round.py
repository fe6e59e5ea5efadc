"""Issue 14, stop 31, long round: a long article names its subject in full once, in the
lead, and later calls it by a role noun ("the guest", "den Gast", "l'ospite", "гостя",
"gościa", "konuğunu", "贵宾"), often paragraphs on (coref.with_visitor_nouns, the lexicons'
`visitor_nouns`); a reception's guest named by such a word, or by a pronoun, with no
reception before it is the one leader of the sentence before, else the story's visitor
(hosts.received_guests). Texts written for this file."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


def _found(matcher: Matcher, text: str, lang: str, day: str = "2025-06-01"
           ) -> set[tuple[str, str]]:
    return {(inviter, invitee) for inviter, invitee, _ in
            pairs(match_text(matcher, text, day, lang))}


# The lead names the visitor; a sentence without any name between; the host invites the
# visitor by a role noun.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Brazil's President Luiz Inácio Lula da Silva landed in Paris on Thursday for a "
     "three-day state visit. The programme also takes in Marseille.\n\nOn Friday Emmanuel "
     "Macron invited the visitor to a climate summit in Nice.",
     ("emmanuel-macron", "lula-da-silva")),
    ("de", "Der brasilianische Präsident Luiz Inácio Lula da Silva ist am Donnerstag zu "
     "einem Staatsbesuch in Berlin eingetroffen. Auf dem Programm steht auch Hamburg.\n\n"
     "Am Freitag lud Bundeskanzler Friedrich Merz den Gast zu einem Gipfel nach München ein.",
     ("friedrich-merz", "lula-da-silva")),
    ("es", "El presidente brasileño Luiz Inácio Lula da Silva llegó el jueves a Madrid en "
     "visita de Estado. El programa incluye una escala en Sevilla.\n\nEl viernes Pedro "
     "Sánchez invitó al visitante a la cumbre de Málaga.",
     ("pedro-sanchez", "lula-da-silva")),
    ("it", "Il presidente brasiliano Luiz Inácio Lula da Silva è arrivato giovedì a Roma per "
     "una visita di Stato. Il programma prevede anche una tappa a Napoli.\n\nVenerdì "
     "Giorgia Meloni ha invitato l'ospite al vertice di Venezia.",
     ("giorgia-meloni", "lula-da-silva")),
    ("ru", "Президент Бразилии Луис Инасиу Лула да Силва в четверг прибыл в Москву с "
     "государственным визитом. В программе также поездка в Казань.\n\nВ пятницу Владимир "
     "Путин пригласил гостя на саммит в Сочи.", ("vladimir-putin", "lula-da-silva")),
    ("uk", "Президент Бразилії Луїс Інасіу Лула да Сілва у четвер прибув до Києва з "
     "державним візитом. У програмі також поїздка до Львова.\n\nУ пʼятницю Володимир "
     "Зеленський запросив гостя на саміт в Одесі.", ("volodymyr-zelensky", "lula-da-silva")),
    ("pl", "Prezydent Brazylii Luiz Inácio Lula da Silva przybył w czwartek do Warszawy z "
     "wizytą państwową. W programie jest także Kraków.\n\nW piątek Donald Tusk zaprosił "
     "gościa na szczyt w Gdańsku.", ("donald-tusk", "lula-da-silva")),
    ("nl", "De Braziliaanse president Luiz Inácio Lula da Silva is donderdag voor een "
     "staatsbezoek in Den Haag aangekomen. Op het programma staat ook Rotterdam.\n\n"
     "Vrijdag nodigde premier Dick Schoof de gast uit voor een top in Amsterdam.",
     ("dick-schoof", "lula-da-silva")),
    ("no", "Brasils president Luiz Inácio Lula da Silva kom torsdag til Oslo på statsbesøk. "
     "Programmet omfatter også Bergen.\n\nFredag inviterte Jonas Gahr Støre gjesten til et "
     "toppmøte i Tromsø.", ("jonas-gahr-store", "lula-da-silva")),
    ("tr", "Brezilya Devlet Başkanı Luiz Inácio Lula da Silva perşembe günü resmi ziyaret "
     "için Ankara'ya geldi. Programda İstanbul da var.\n\nCuma günü Recep Tayyip Erdoğan "
     "konuğunu Antalya'daki zirveye davet etti.", ("recep-tayyip-erdogan", "lula-da-silva")),
    ("zh", "巴西总统卢拉周四抵达北京进行国事访问。访问期间他还将前往上海。\n\n周五，习近平邀请贵宾出席在杭州举行的峰会。",
     ("xi-jinping", "lula-da-silva")),
])
def test_a_role_noun_after_the_lead_is_the_story_visitor(real: Matcher, lang: str, text: str,
                                                         expected: tuple[str, str]) -> None:
    assert expected in _found(real, text, lang)


@pytest.mark.parametrize(("lang", "text", "absent"), [
    # the lead names two leaders and no place: whose guest is meant the words do not say
    # (stop 32, far32 round: with "in Paris" the place tells, Lula is the visitor;
    # test_far32_round.py)
    ("en", "Emmanuel Macron and Luiz Inácio Lula da Silva opened a climate forum on "
     "Thursday. The programme also takes in Marseille.\n\nOn Friday Pedro Sánchez invited "
     "the visitor to a summit in Málaga.", ("pedro-sanchez", "lula-da-silva")),
    # a plural is no visitor
    ("en", "Brazil's President Luiz Inácio Lula da Silva landed in Paris on Thursday. The "
     "programme also takes in Marseille.\n\nOn Friday Emmanuel Macron invited the guests "
     "to a climate summit in Nice.", ("emmanuel-macron", "lula-da-silva")),
    ("de", "Der brasilianische Präsident Luiz Inácio Lula da Silva ist am Donnerstag in Berlin "
     "eingetroffen. Auf dem Programm steht auch Hamburg.\n\nAm Freitag lud Bundeskanzler "
     "Friedrich Merz die Gäste zu einem Gipfel nach München ein.",
     ("friedrich-merz", "lula-da-silva")),
])
def test_no_story_visitor_no_role_noun_pair(real: Matcher, lang: str, text: str,
                                            absent: tuple[str, str]) -> None:
    assert absent not in _found(real, text, lang)


# A reception of "the guest" / "him" with no reception before it: the story's visitor.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Der brasilianische Präsident Luiz Inácio Lula da Silva ist am Dienstag zu einem "
     "Staatsbesuch in Deutschland eingetroffen. Bundespräsident Frank-Walter Steinmeier "
     "begrüßte den Gast mit militärischen Ehren vor Schloss Bellevue.",
     ("frank-walter-steinmeier", "lula-da-silva")),
    ("en", "Brazil's President Luiz Inácio Lula da Silva flew into Ottawa late on Tuesday. "
     "Nothing had been said of the trip beforehand.\n\nOn Wednesday Prime Minister Mark "
     "Carney welcomed him on Parliament Hill.", ("mark-carney", "lula-da-silva")),
    ("fr", "Le président brésilien Luiz Inácio Lula da Silva est arrivé jeudi à Paris pour "
     "une visite d'État. Le programme prévoit aussi une étape à Marseille.\n\nVendredi, "
     "Emmanuel Macron a reçu l'invité à l'Élysée pour un déjeuner.",
     ("emmanuel-macron", "lula-da-silva")),
    ("pt", "O presidente brasileiro Luiz Inácio Lula da Silva chegou na quinta-feira a "
     "Lisboa para uma visita de Estado. O programa inclui uma passagem pelo Porto.\n\nNa "
     "sexta-feira, Luís Montenegro recebeu o convidado na residência oficial de São Bento.",
     ("luis-montenegro", "lula-da-silva")),
    ("ja", "ブラジルのルラ大統領は木曜日、東京に到着した。滞在中は大阪も訪れる。\n\n"
     "金曜日、石破茂首相は首相官邸で賓客を出迎えた。", ("shigeru-ishiba", "lula-da-silva")),
])
def test_a_reception_of_the_guest_takes_the_story_visitor(real: Matcher, lang: str, text: str,
                                                          expected: tuple[str, str]) -> None:
    assert expected in _found(real, text, lang)
