"""Issue 14, host-phrasings round (b10-hostw): a country standing for its leader as a host
("Italy hosts the summit"), reception words ("received", "принял", "a été reçu par",
"を迎え"), presided/chaired and host nouns (bot/matcher/hosts.py, the lexicons' [hosts])."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    # a country as the host, resolved by the article's date (en, it)
    ("en", "Spain hosts a migration summit in Málaga on Friday. Greek Prime Minister "
     "Kyriakos Mitsotakis arrived on Thursday.", "2025-10-02",
     {("pedro-sanchez", "kyriakos-mitsotakis", "took_place")}),
    ("it", "La Francia ospita da lunedì a Parigi il vertice sul clima. Il cancelliere "
     "Friedrich Merz è arrivato domenica sera.", "2025-10-02",
     {("emmanuel-macron", "friedrich-merz", "took_place")}),
    # the same words a year before name the holder of that date (ja: stem + が主催する)
    ("ja", "日本が主催する首脳会議が東京で開かれた。インドのモディ首相が出席した。", "2023-05-20",
     {("fumio-kishida", "narendra-modi", "took_place")}),
])
def test_a_country_hosts_through_its_leader(real: Matcher, lang: str, text: str, day: str,
                                            expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("en", "Prime Minister Keir Starmer received Canadian Prime Minister Mark Carney at "
     "Chequers on Sunday.", "2025-06-15", {("keir-starmer", "mark-carney", "took_place")}),
    ("fr", "Le président brésilien Lula a été reçu mardi par Emmanuel Macron à l'Élysée.",
     "2025-06-03", {("emmanuel-macron", "lula-da-silva", "took_place")}),
    ("es", "Pedro Sánchez recibió este lunes en la Moncloa al presidente ucraniano Volodímir "
     "Zelenski.", "2025-05-26", {("pedro-sanchez", "volodymyr-zelensky", "took_place")}),
    ("ru", "Владимир Путин в пятницу принял в Кремле президента Казахстана Касым-Жомарта "
     "Токаева.", "2025-05-30", {("vladimir-putin", "kassym-jomart-tokayev", "took_place")}),
    ("pl", "Premier Donald Tusk przyjął w piątek w Warszawie premiera Kanady Marka Carneya.",
     "2025-08-22", {("donald-tusk", "mark-carney", "took_place")}),
    ("tr", "Cumhurbaşkanı Recep Tayyip Erdoğan, Macaristan Başbakanı Viktor Orbán'ı "
     "Beştepe'de kabul etti.", "2025-05-12",
     {("recep-tayyip-erdogan", "viktor-orban", "took_place")}),
    ("ja", "石破茂首相は12日、インドのモディ首相を首相官邸に迎え、会談した。", "2025-08-29",
     {("shigeru-ishiba", "narendra-modi", "took_place")}),
    ("zh", "国家主席习近平在人民大会堂会见法国总统马克龙。", "2025-04-10",
     {("xi-jinping", "emmanuel-macron", "took_place")}),
])
def test_a_reception_is_a_hosted_visit_that_took_place(
        real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("en", "Emmanuel Macron presided over the summit in Paris on Monday. Olaf Scholz "
     "attended, officials said.", "2024-02-26",
     {("emmanuel-macron", "olaf-scholz", "took_place")}),
    ("es", "Pedro Sánchez ejerce este martes de anfitrión de la cumbre en Madrid. Emmanuel "
     "Macron asistió a la sesión de apertura.", "2025-07-08",
     {("pedro-sanchez", "emmanuel-macron", "took_place")}),
])
def test_presiding_and_host_nouns_make_a_host(real: Matcher, lang: str, text: str, day: str,
                                              expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day"), [
    # a country hosting, nobody standing for it attends
    ("en", "Brazil hosts the climate conference in November; 40,000 beds have been booked.",
     "2025-05-14"),
    # a rotating chair is no host (real text: "China will chair the summit")
    ("en", "China will chair the summit via videoconference. Vladimir Putin will take part.",
     "2022-06-22"),
    # an undated article names no holder of the country's office
    ("it", "L'Italia ospita il vertice. Il cancelliere Friedrich Merz è arrivato.", None),
    # received a thing, from a figure
    ("en", "Keir Starmer received a letter from Donald Trump on Tuesday.", "2025-06-15"),
    ("en", "Keir Starmer received Donald Trump's proposal on Tuesday.", "2025-06-15"),
    ("es", "Pedro Sánchez recibió una carta de Emmanuel Macron.", "2025-06-15"),
    ("ru", "Владимир Путин принял доклад от Сергея Лаврова.", "2025-06-15"),
    ("tr", "Recep Tayyip Erdoğan, Vladimir Putin'in davetini kabul etti.", "2025-06-15"),
    # a thing accepted, its giver in the genitive after it (`reception_thing`)
    ("ru", "Песков сказал, что Владимир Путин принял предложение Дональда Трампа "
           "встретиться в Будапеште.", "2025-10-17"),
    ("uk", "Володимир Зеленський прийняв запрошення Емманюеля Макрона.", "2025-06-15"),
    ("pl", "Donald Tusk przyjął zaproszenie Emmanuela Macrona.", "2025-06-15"),
    # one's own minister received at home is no guest
    ("en", "Keir Starmer received Foreign Secretary David Lammy at Downing Street.",
     "2025-06-15"),
])
def test_no_host_without_a_guest_or_a_leader(real: Matcher, lang: str, text: str,
                                             day: str | None) -> None:
    found = {(a, b, s) for a, b, s in pairs(match_text(real, text, day, lang))
             if s == "took_place"}
    assert found == set()
