"""Issue 14, third host round (b11-host): hosted occasions phrased beyond "X hosts" - the
host in a relative clause after the occasion, chair phrases, absence without a refusal
verb, a chair who is no leader, the host's own ministers (bot/matcher/hosts.py, the
lexicons' [hosts] tables, matcher._hosts_own_side)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    # the host inside a relative clause (`host_inside`): de, nl, zh
    ("de", "Zu dem Abendessen, zu dem Bundespräsident Frank-Walter Steinmeier ins Schloss "
     "Bellevue geladen hatte, nahm auch der finnische Präsident Alexander Stubb teil.",
     "2025-11-20",
     {("frank-walter-steinmeier", "alexander-stubb", "took_place")}),
    ("nl", "Bij de top die premier Dick Schoof in Den Haag voorzat, was de Belgische premier "
     "Bart De Wever aanwezig.", "2025-11-20",
     {("dick-schoof", "bart-de-wever", "took_place")}),
    ("zh", "由国家主席习近平主持的峰会在北京举行。俄罗斯总统普京出席。", "2025-11-20",
     {("xi-jinping", "vladimir-putin", "took_place")}),
    # the longer attendance word wins: "也将出席" (will also attend) holds "出席" (attended)
    ("zh", "由国家主席习近平主办的峰会在北京开幕。印度总理莫迪已抵达北京出席峰会，俄罗斯总统普京"
     "也将出席。", "2025-11-20",
     {("xi-jinping", "narendra-modi", "took_place"), ("xi-jinping", "vladimir-putin", "accepted")}),
    # the host after a chair or relative phrase (`host_after`): fr, it, es, de
    ("fr", "Le chancelier Friedrich Merz était présent au dîner que présidait Emmanuel "
     "Macron à l'Élysée.", "2025-11-20",
     {("emmanuel-macron", "friedrich-merz", "took_place")}),
    ("it", "Il premier spagnolo Pedro Sánchez era assente al vertice sotto la presidenza di "
     "Giorgia Meloni a Roma.", "2025-11-20",
     {("giorgia-meloni", "pedro-sanchez", "declined")}),
    ("de", "Am Gipfel unter Vorsitz der dänischen Ministerpräsidentin Mette Frederiksen in "
     "Kopenhagen nahm der polnische Regierungschef Donald Tusk teil.", "2025-10-01",
     {("mette-frederiksen", "donald-tusk", "took_place")}),
    # a meeting in a relative clause has a host too (uk)
    ("uk", "Прем'єр-міністр Польщі Дональд Туск прибув до Києва на зустріч лідерів, яку "
     "проводить президент України Володимир Зеленський.", "2025-11-20",
     {("volodymyr-zelensky", "donald-tusk", "took_place")}),
])
def test_a_host_named_after_its_occasion(real: Matcher, lang: str, text: str, day: str,
                                         expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Irish Prime Minister Micheál Martin is hosting a summit in Dublin on Friday. "
     "Dutch Prime Minister Dick Schoof sent his apologies.",
     {("micheal-martin", "dick-schoof", "declined")}),
    ("no", "Statsminister Jonas Gahr Støre var vertskap for toppmøtet i Oslo. Finlands "
     "statsminister Petteri Orpo meldte forfall.",
     {("jonas-gahr-store", "petteri-orpo", "declined")}),
    ("pl", "Gospodarzem szczytu w Krakowie jest premier Donald Tusk. Premier Robert Fico był "
     "nieobecny.", {("donald-tusk", "robert-fico", "declined")}),
    ("nl", "Premier Dick Schoof is gastheer van de top in Den Haag. De Duitse bondskanselier "
     "Friedrich Merz liet verstek gaan.", {("dick-schoof", "friedrich-merz", "declined")}),
    ("pl", "Premier Węgier Viktor Orbán nie wziął udziału w szczycie, którego gospodarzem "
     "był prezydent Karol Nawrocki.", {("karol-nawrocki", "viktor-orban", "declined")}),
    ("uk", "Прем'єр-міністр Угорщини Віктор Орбан не взяв участі у саміті, який проводив "
     "президент України Володимир Зеленський.",
     {("volodymyr-zelensky", "viktor-orban", "declined")}),
    ("pt", "O presidente argentino Javier Milei faltou à cúpula que Lula organizou em "
     "Brasília.", {("lula-da-silva", "javier-milei", "declined")}),
    # the stand-in inside the absence phrase is no guest; the one who sent him is
    ("de", "Gastgeber des Gipfels ist Bundeskanzler Friedrich Merz. Italiens "
     "Ministerpräsidentin Giorgia Meloni ließ sich von Außenminister Antonio Tajani "
     "vertreten.", {("friedrich-merz", "giorgia-meloni", "declined")}),
])
def test_absence_without_a_refusal_verb_declines(real: Matcher, lang: str, text: str,
                                                 expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2025-11-20", lang)) == expected


@pytest.mark.parametrize(("lang", "text"), [
    # a minister or official who chairs a council or the Security Council is no host
    ("ja", "国連安全保障理事会の会合が開かれ、議長国ロシアのラブロフ外相が議長を務めた。"
     "米国のルビオ国務長官は欠席した。"),
    ("en", "The meeting of EU foreign ministers in Brussels was chaired by Kaja Kallas. "
     "Foreign Minister Antonio Tajani was absent."),
    # a guest somewhere else, not at the host's dinner
    ("en", "Prime Minister Keir Starmer hosted a dinner for business leaders on Monday. "
     "Earlier in the day, French President Emmanuel Macron was at the European Parliament "
     "in Strasbourg."),
    # the host's own minister at the dinner the host gives (the invitation rules' reading)
    ("en", "Foreign Secretary Yvette Cooper attended a dinner hosted by Prime Minister Keir "
     "Starmer at Downing Street."),
])
def test_no_host_in_a_chair_or_an_own_minister(real: Matcher, lang: str, text: str) -> None:
    assert not pairs(match_text(real, text, "2025-11-20", lang))


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # at whose invitation a gathering meets hosts it; the guests follow (no, en)
    ("no", "På invitasjon fra statsminister Jonas Gahr Støre var de nordiske statsministrene "
     "samlet til toppmøte i Oslo mandag. Ulf Kristersson og Mette Frederiksen deltok.",
     {("jonas-gahr-store", "ulf-kristersson", "took_place"),
      ("jonas-gahr-store", "mette-frederiksen", "took_place")}),
    ("en", "At the invitation of Prime Minister Keir Starmer, European leaders gathered for a "
     "summit in London on Sunday. Polish Prime Minister Donald Tusk was absent.",
     {("keir-starmer", "donald-tusk", "declined")}),
    # a committee invites; the king after it is its guest, not the host
    ("no", "På invitasjon fra Den norske Nobelkomiteen var kong Harald og statsminister Jonas "
     "Gahr Støre samlet til seremonien i Oslo rådhus. María Corina Machado meldte forfall.",
     set()),
    # a visit at someone's invitation: the visitor's own minister is no guest
    ("no", "Statsminister Jonas Gahr Støre ble tatt imot av president Donald Trump i Det hvite "
     "hus etter invitasjon fra presidenten. Finansminister Jens Stoltenberg deltok også i "
     "møtet.", {("donald-trump", "jonas-gahr-store", "took_place")}),
])
def test_at_whose_invitation_a_gathering_meets(real: Matcher, lang: str, text: str,
                                               expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2025-11-20", lang)) == expected
