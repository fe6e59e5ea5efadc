"""Issue 14, welcome round (b12-welcome): visits reported by their reception: announced
receptions, passives, welcome verbs, the visitor named again by a guest word, a subject after
the reception word, hosts by role (bot/matcher/hosts.received_guests, bare_titles.py, the
lexicons' [hosts] reception lists)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("en", "Prime Minister Keir Starmer will receive Indian Prime Minister Narendra Modi at Chequers on Friday.",
     "2025-07-21", {("keir-starmer", "narendra-modi", "accepted")}),
    ("de", "Am Donnerstag wird Emmanuel Macron im Kanzleramt von Friedrich Merz empfangen.",
     "2025-09-01", {("friedrich-merz", "emmanuel-macron", "accepted")}),
    ("it", "Il presidente argentino Javier Milei sarà ricevuto domani a Palazzo Chigi dalla presidente del Consiglio Giorgia Meloni.",
     "2025-06-05", {("giorgia-meloni", "javier-milei", "accepted")}),
    ("es", "El presidente francés Emmanuel Macron será recibido el jueves por Pedro Sánchez en La Moncloa.",
     "2025-03-03", {("pedro-sanchez", "emmanuel-macron", "accepted")}),
    ("ru", "Владимир Путин примет в Кремле президента Узбекистана Шавката Мирзиёева.",
     "2025-06-02", {("vladimir-putin", "shavkat-mirziyoyev", "accepted")}),
    ("zh", "国家主席习近平将会见法国总统马克龙。",
     "2025-04-10", {("xi-jinping", "emmanuel-macron", "accepted")}),
])
def test_an_announced_reception_is_accepted(real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """"will receive", "wird ... von X empfangen", "sarà ricevuto dalla", "será recibido por", "примет", "将会见": a reception ahead is an accepted visit."""
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("en", "Canadian Prime Minister Mark Carney was greeted on arrival in Tokyo by Japanese Prime Minister Sanae Takaichi.",
     "2025-11-10", {("sanae-takaichi", "mark-carney", "took_place")}),
    ("nl", "De Franse president Emmanuel Macron is dinsdag door premier Dick Schoof ontvangen in het Catshuis.",
     "2025-06-10", {("dick-schoof", "emmanuel-macron", "took_place")}),
    ('tr', "Macaristan Başbakanı Viktor Orbán, Ankara'da Cumhurbaşkanı Recep Tayyip Erdoğan tarafından resmi törenle karşılandı.",
     '2025-05-12', {('recep-tayyip-erdogan', 'viktor-orban', 'took_place')}),
    ("ru", "Президент Узбекистана Шавкат Мирзиёев был принят в Кремле главой российского государства.",
     "2025-06-02", {("vladimir-putin", "shavkat-mirziyoyev", "took_place")}),
])
def test_a_passive_reception_names_its_host(real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """"was greeted on arrival ... by", "door ... ontvangen", "tarafından ... karşılandı", "был принят ... главой российского государства"."""
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("pl", "Prezydent Karol Nawrocki powitał w Pałacu Prezydenckim kanclerza Friedricha Merza.",
     "2025-09-10", {("karol-nawrocki", "friedrich-merz", "took_place")}),
    ("no", "Statsminister Jonas Gahr Støre ønsket Sveriges statsminister Ulf Kristersson velkommen til Oslo.",
     "2025-09-10", {("jonas-gahr-store", "ulf-kristersson", "took_place")}),
    ('uk', "Володимир Зеленський зустрів у Києві прем'єр-міністра Канади Марка Карні.",
     '2025-08-24', {('volodymyr-zelensky', 'mark-carney', 'took_place')}),
    ("es", "El presidente argentino, Javier Milei, dio la bienvenida en la Casa Rosada al presidente de Brasil, Luiz Inácio Lula da Silva.",
     "2025-07-02", {("javier-milei", "lula-da-silva", "took_place")}),
])
def test_welcome_verbs_are_receptions(real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """"powitał", "ønsket ... velkommen", "зустрів", "dio la bienvenida a"."""
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("en", "King Charles III received President Emmanuel Macron at Windsor Castle on Tuesday. Prime Minister Keir Starmer will welcome the guest to Downing Street on Wednesday.",
     "2025-07-08", {("charles-iii", "emmanuel-macron", "took_place"), ("keir-starmer", "emmanuel-macron", "accepted")}),
    ("es", "El rey Felipe VI recibió al presidente chileno Gabriel Boric en el Palacio Real. El jueves, Pedro Sánchez lo recibirá en La Moncloa.",
     "2025-05-06", {("felipe-vi", "gabriel-boric", "took_place"), ("pedro-sanchez", "gabriel-boric", "accepted")}),
    ("de", "Der französische Präsident Emmanuel Macron ist am Montag in Berlin mit militärischen Ehren begrüßt worden. Am Nachmittag wurde der Gast im Kanzleramt von Friedrich Merz empfangen.",
     "2025-09-01", {("friedrich-merz", "emmanuel-macron", "took_place")}),
])
def test_the_visitor_named_again_by_a_guest_word(real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """"the guest", a clitic ("lo recibirá"), "der Gast": the leader received before, even with no host named ("ist ... begrüßt worden")."""
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("no", "Torsdag tok statsminister Jonas Gahr Støre imot Frankrikes president Emmanuel Macron i Oslo.",
     "2025-06-13", {("jonas-gahr-store", "emmanuel-macron", "took_place")}),
    ("de", "Am Montag empfing Olaf Scholz Emmanuel Macron im Kanzleramt.",
     "2023-05-01", {("olaf-scholz", "emmanuel-macron", "took_place")}),
    ("pl", "Prezydent Karol Nawrocki powitał w Pałacu Prezydenckim kanclerza Friedricha Merza. W czwartek Merza przyjmie premier Donald Tusk.",
     "2025-09-10", {("donald-tusk", "friedrich-merz", "accepted"), ("karol-nawrocki", "friedrich-merz", "took_place")}),
])
def test_a_subject_after_the_reception_word_hosts(real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """V2 ("Torsdag tok Støre imot Macron", "Am Montag empfing Scholz Macron": a hosted visit, no longer only an observation) and the visitor put first ("Merza przyjmie premier Donald Tusk")."""
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ('fr', "Le chef de l'État a reçu mardi le président brésilien Luiz Inácio Lula da Silva à l'Élysée.",
     '2025-06-03', {('emmanuel-macron', 'lula-da-silva', 'took_place')}),
    ("es", "El presidente de Colombia, Gustavo Petro, fue recibido el lunes por el Rey en el Palacio Real.",
     "2025-04-07", {("felipe-vi", "gustavo-petro", "took_place")}),
    ("no", "OSLO (NTB) - Kongen tok imot Tysklands president Frank-Walter Steinmeier på Slottet i Oslo.",
     "2025-06-13", {("king-harald-v", "frank-walter-steinmeier", "took_place")}),
    ("pt", "O Presidente da República recebeu esta terça-feira em Belém o presidente francês, Emmanuel Macron.",
     "2026-05-05", {("antonio-jose-seguro", "emmanuel-macron", "took_place")}),
    ("zh", "应国务院总理邀请，新西兰总理拉克森抵达北京，开始正式访问。",
     "2025-12-10", {("li-qiang", "christopher-luxon", "took_place")}),
    ('tr', "Fransa Cumhurbaşkanı Emmanuel Macron, Dolmabahçe Çalışma Ofisi'nde Cumhurbaşkanı tarafından karşılandı.",
     '2025-05-12', {('recep-tayyip-erdogan', 'emmanuel-macron', 'took_place')}),
])
def test_a_host_by_role_resolves_by_date(real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """"Le chef de l'État" is not the Brazilian president beside it; "el Rey", "Kongen" (a capital after "i" or in a dateline is no office), "O Presidente da República" (2026: Seguro), "国务院总理", "Ofisi'nde Cumhurbaşkanı"."""
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("pt", "O primeiro-ministro Luís Montenegro recebeu uma carta do Presidente do Brasil, Luiz Inácio Lula da Silva.",
     "2026-01-28", set()),
    ("en", "Prime Minister Keir Starmer will welcome the guest to Downing Street on Wednesday.",
     "2025-07-08", set()),
    ("fr", "Les entreprises sont invitées à soumissionner pour le sommet où Emmanuel Macron recevra Olaf Scholz.",
     "2025-01-28", set()),
    ("en", "Prime Minister Keir Starmer will welcome US President Donald Trump to Downing "
     "Street if he comes to Scotland.", "2025-07-21", set()),
    ("es", "Si viaja a Madrid, el presidente argentino Javier Milei será recibido por Pedro "
     "Sánchez en La Moncloa.", "2025-07-21", set()),
])
def test_no_reception(real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """A letter received, a visitor word with no visitor, an announced reception describing a summit put to tender, a reception on a condition ("if he comes", "Si viaja")."""
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    ("no", "Torsdag tar statsminister Jonas Gahr Støre imot Frankrikes president Emmanuel "
     "Macron i Oslo.", "2025-06-11", {("jonas-gahr-store", "emmanuel-macron", "accepted")}),
    ("nl", "Woensdag wordt de Franse president Emmanuel Macron door premier Dick Schoof "
     "ontvangen in het Catshuis.", "2025-06-10",
     {("dick-schoof", "emmanuel-macron", "accepted")}),
    # the article's own day: under way
    ("no", "Onsdag tar statsminister Jonas Gahr Støre imot Frankrikes president Emmanuel "
     "Macron i Oslo.", "2025-06-11", {("jonas-gahr-store", "emmanuel-macron", "took_place")}),
])
def test_a_present_reception_on_a_later_day_is_announced(
        real: Matcher, lang: str, text: str, day: str,
        expected: set[tuple[str, str, str]]) -> None:
    """"Torsdag tar Støre imot Macron" in a Wednesday article: accepted."""
    assert pairs(match_text(real, text, day, lang)) == expected


def test_a_received_visit_takes_the_one_place_its_sentence_names(real_matcher: Matcher) -> None:
    # The tracker joins it to the record of the invitation to that place (stories-held b11
    # kim-putin) instead of opening a placeless second record.
    found = match_text(real_matcher, "Kim Jong Un empfing Wladimir Putin am Mittwoch in "
                       "Pjöngjang mit militärischen Ehren.", "2024-06-19", "de").mentions
    assert [(m.status.value, m.occasion.kind.value, m.occasion.place) for m in found] == [
        ("took_place", "visit", "Pyongyang")]
    # Two places named: none is taken.
    found = match_text(real_matcher, "Kim Jong Un welcomed Vladimir Putin in Pyongyang on "
                       "Wednesday, the Kremlin said from Moscow.", "2024-06-19", "en").mentions
    assert [m.occasion.place for m in found] == [None]
