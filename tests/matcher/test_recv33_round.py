"""Issue 14, stop 33, recv33 round: who received whom, and guests who stay away.

A. A reception's roles by case, not by order: in a language that marks the object (ru, uk,
pl, cs endings; de accusative articles; tr "'i" and ja "を" before the verb) the figure
marked as the object is the guest wherever it stands ("Мишустина принял Лукашенко": Lukashenko
hosts). B. A guest's absence: more [hosts] absent phrases in the 14 languages, a relative
clause between the guest and the phrase ("X, who had been expected, pulled out"), and the
plain absence phrases as a refusal of an invitation ("had asked X to a reception ... X would
not be attending"). Sentences written for this file (bot/matcher/hosts.py, the lexicons'
[grammar], [hosts] and [status] tables)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DAY = "2026-05-20"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the object put first, the host after the verb
    ("ru", "Вечером Мишустина принял в своей резиденции президент Белоруссии Александр "
     "Лукашенко.",
     {("alexander-lukashenko", "mikhail-mishustin", "took_place")}),
    ("uk", "Після переговорів Дональда Туска прийняв у своєму офісі президент Володимир "
     "Зеленський.",
     {("volodymyr-zelensky", "donald-tusk", "took_place")}),
    ("pl", "Po południu Orbána przyjął w kancelarii premier Donald Tusk.",
     {("donald-tusk", "viktor-orban", "took_place")}),
    ("de", "Den französischen Präsidenten Emmanuel Macron empfing Bundeskanzler Friedrich "
     "Merz am Abend im Kanzleramt.",
     {("friedrich-merz", "emmanuel-macron", "took_place")}),
    # verb-final: the object first, its subject between it and the verb
    ("tr", "Fransa Cumhurbaşkanı Macron'u Beştepe'de Cumhurbaşkanı Erdoğan ağırladı.",
     {("recep-tayyip-erdogan", "emmanuel-macron", "took_place")}),
    ("ja", "李在明大統領を高市首相が首相官邸で迎えた。",
     {("sanae-takaichi", "lee-jae-myung", "took_place")}),
    # a verb-final reception whose object is a role word: the story's visitor
    ("tr", "ANKARA - Pakistan Başbakanı Şahbaz Şerif, resmi ziyaret için geldiği Ankara'da "
     "törenle karşılandı. Cumhurbaşkanı Recep Tayyip Erdoğan, konuğunu külliyenin önünde "
     "bizzat karşıladı; heyetler tanıştırıldı.",
     {("recep-tayyip-erdogan", "shehbaz-sharif", "took_place")}),
])
def test_a_reception_reads_its_roles_from_case(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # precision bounds: the plain order keeps its roles
    ("ru", "Вечером президент Белоруссии Александр Лукашенко принял Мишустина в своей "
     "резиденции.",
     {("alexander-lukashenko", "mikhail-mishustin", "took_place")}),
    ("pl", "Po południu premier Donald Tusk przyjął Orbána w kancelarii.",
     {("donald-tusk", "viktor-orban", "took_place")}),
    ("de", "Am Abend empfing Bundeskanzler Friedrich Merz den französischen Präsidenten "
     "Emmanuel Macron im Kanzleramt.",
     {("friedrich-merz", "emmanuel-macron", "took_place")}),
    # an indeclinable name ending like an object ("Санду") before an unmarked one: no swap
    ("ru", "Вечером президент Молдавии Майя Санду приняла в Кишинёве премьер-министра Италии "
     "Джорджу Мелони.",
     {("maia-sandu", "giorgia-meloni", "took_place")}),
    # an absence from what no figure hosts, and a third party's absence beside a guest
    ("en", "Chancellor Friedrich Merz, who had been expected in the Bundestag for the budget "
     "debate, did not attend the vote on Thursday.",
     set()),
    ("en", "Prime Minister Anthony Albanese hosted the leaders' meeting in Sydney. Prime "
     "Minister Christopher Luxon arrived on Thursday, while his finance minister, who had "
     "been expected to join him for the talks on trade, stayed away.",
     {("anthony-albanese", "christopher-luxon", "took_place")}),
])
def test_the_recv33_rules_stay_within_their_frame(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # an absence after a relative clause about the guest
    ("en", "Prime Minister Christopher Luxon arrived on Thursday for the annual leaders' "
     "meeting hosted by Anthony Albanese. Prime Minister Sanae Takaichi, who had been "
     "expected to join the leaders for a session on regional security, pulled out late on "
     "Wednesday.",
     {("anthony-albanese", "christopher-luxon", "took_place"),
      ("anthony-albanese", "sanae-takaichi", "declined")}),
    ("fr", "Le président Joseph Aoun a pris part mardi à la conférence organisée par Emmanuel "
     "Macron. Le prince héritier Mohammed ben Salmane, dont la venue avait été annoncée, ne "
     "s'est finalement pas déplacé.",
     {("emmanuel-macron", "joseph-aoun", "took_place"),
      ("emmanuel-macron", "mohammed-bin-salman", "declined")}),
    ("pl", "Prezydent Finlandii Alexander Stubb przyjechał do Warszawy na szczyt, którego "
     "gospodarzem jest premier Donald Tusk. Prezydent Łotwy Edgars Rinkēvičs, którego "
     "do ostatniej chwili oczekiwano w Warszawie na sesji o bezpieczeństwie regionu, nie "
     "przybył.",
     {("donald-tusk", "alexander-stubb", "took_place"),
      ("donald-tusk", "edgars-rinkevics", "declined")}),
    # an invitation, then the invitee's absence said by his office
    ("en", "Mayor Sadiq Khan had asked President William Ruto to a reception at City Hall on "
     "Thursday. On Wednesday the Kenyan High Commission said the president would not be "
     "attending.",
     {("sadiq-khan", "william-ruto", "declined")}),
    ("ja", "高市早苗首相はモディ首相を夕食会に招いていた。しかしインド側から今回は日程の都合で"
     "出席できないとの回答があった。",
     {("sanae-takaichi", "narendra-modi", "declined")}),
    ("de", "Bundeskanzler Friedrich Merz hatte Präsident Emmanuel Macron zu einem Abendessen "
     "eingeladen. Am Montag hieß es in Paris, Macron werde nicht anreisen, er wird nicht "
     "dabei sein.",
     {("friedrich-merz", "emmanuel-macron", "declined")}),
    ("es", "El presidente Pedro Sánchez invitó a Emmanuel Macron a una cena en Madrid. El "
     "Elíseo informó el lunes de que Macron no se desplazará.",
     {("pedro-sanchez", "emmanuel-macron", "declined")}),
    ("ru", "Президент Владимир Путин пригласил Си Цзиньпина на ужин в Кремль. Однако Си "
     "Цзиньпин не смог прибыть из-за непогоды.",
     {("vladimir-putin", "xi-jinping", "declined")}),
])
def test_a_guest_who_stays_away_declined(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the host after its verb in a relative clause about the occasion, then an absence
    ("uk", "Президент Фінляндії Александр Стубб прибув до Києва на саміт, який приймає "
     "президент Володимир Зеленський. Президент Латвії Едгарс Рінкевичс, якого теж "
     "очікували в Києві, не приїхав.",
     {("volodymyr-zelensky", "alexander-stubb", "took_place"),
      ("volodymyr-zelensky", "edgars-rinkevics", "declined")}),
    ("it", "Il presidente Emmanuel Macron è arrivato a Roma per il vertice che ospita "
     "Giorgia Meloni. Il cancelliere Friedrich Merz non si è recato a Roma.",
     {("giorgia-meloni", "emmanuel-macron", "took_place"),
      ("giorgia-meloni", "friedrich-merz", "declined")}),
    ("fr", "Le président libanais Joseph Aoun est arrivé à Paris pour la conférence "
     "qu'accueille Emmanuel Macron. Le prince héritier Mohammed ben Salmane ne s'est pas "
     "déplacé.",
     {("emmanuel-macron", "joseph-aoun", "took_place"),
      ("emmanuel-macron", "mohammed-bin-salman", "declined")}),
])
def test_a_host_after_its_verb_in_a_relative_clause(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == expected
