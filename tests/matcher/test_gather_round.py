"""Issue 14, gather round (b12-gather): a gathering a figure convenes or gives and its guest
list - convening verbs, guest-list frames ("among the guests were", "Unter den Gästen
waren", "Среди участников были", "出席者には"), seats beside the host, the list's reach
across paragraphs to the occasion last given a host, stand-in and video-only absence
(bot/matcher/hosts.py, the lexicons' [hosts] tables)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a convening verb names the host; a guest-list frame names every figure of its clause
    ("de", "Bundeskanzler Friedrich Merz hatte die Regierungschefs zu einem Gipfel nach Berlin "
     "einberufen. Unter den Gästen waren der französische Präsident Emmanuel Macron und der "
     "polnische Ministerpräsident Donald Tusk.",
     {("friedrich-merz", "emmanuel-macron", "took_place"),
      ("friedrich-merz", "donald-tusk", "took_place")}),
    ("fr", "Emmanuel Macron a convoqué un sommet à Paris. Parmi les invités figuraient le "
     "chancelier allemand Friedrich Merz et le Premier ministre polonais Donald Tusk.",
     {("emmanuel-macron", "friedrich-merz", "took_place"),
      ("emmanuel-macron", "donald-tusk", "took_place")}),
    ("es", "Pedro Sánchez convocó una cumbre en Madrid. Entre los invitados estaban el "
     "primer ministro portugués Luís Montenegro y la primera ministra italiana Giorgia Meloni.",
     {("pedro-sanchez", "luis-montenegro", "took_place"),
      ("pedro-sanchez", "giorgia-meloni", "took_place")}),
    ("ru", "Владимир Путин созвал саммит в Москве. Среди участников были президент Казахстана "
     "Касым-Жомарт Токаев и президент Белоруссии Александр Лукашенко.",
     {("vladimir-putin", "kassym-jomart-tokayev", "took_place"),
      ("vladimir-putin", "alexander-lukashenko", "took_place")}),
    ("pl", "Premier Donald Tusk zwołał szczyt w Gdańsku. Wśród gości byli premier Szwecji Ulf "
     "Kristersson i premier Estonii Kristen Michal.",
     {("donald-tusk", "ulf-kristersson", "took_place"),
      ("donald-tusk", "kristen-michal", "took_place")}),
    ("zh", "国家主席习近平在北京召集峰会。与会的还有哈萨克斯坦总统托卡耶夫。",
     {("xi-jinping", "kassym-jomart-tokayev", "took_place")}),
    ("tr", "Cumhurbaşkanı Erdoğan'ın Ankara'da topladığı zirve sona erdi. Erdoğan'ın konukları "
     "arasında Azerbaycan Cumhurbaşkanı İlham Aliyev vardı.",
     {("recep-tayyip-erdogan", "ilham-aliyev", "took_place")}),
    # gathering leaders is an occasion even unnamed (`host_gathers`)
    ("pt", "O presidente Luiz Inácio Lula da Silva reuniu no Itamaraty os presidentes da "
     "região. Entre os convidados estavam o presidente colombiano Gustavo Petro e o uruguaio "
     "Yamandú Orsi.",
     {("lula-da-silva", "gustavo-petro", "took_place"),
      ("lula-da-silva", "yamandu-orsi", "took_place")}),
    # those who confirmed: accepted; the invited: pending
    ("no", "Statsminister Jonas Gahr Støre har kalt inn til et toppmøte i Bergen. Blant dem som "
     "har bekreftet deltakelse, er Sveriges statsminister Ulf Kristersson.",
     {("jonas-gahr-store", "ulf-kristersson", "accepted")}),
    ("ru", "Александр Лукашенко созвал форум в Минске. Среди приглашённых - президент "
     "Казахстана Касым-Жомарт Токаев.",
     {("alexander-lukashenko", "kassym-jomart-tokayev", "pending")}),
])
def test_a_convened_gathering_and_its_guest_list(real: Matcher, lang: str, text: str,
                                                 expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2026-10-20", lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a seat beside the host: the host named in the seat is neither host nor guest of it
    ("en", "French President Emmanuel Macron gave a dinner at the Elysee. British Prime "
     "Minister Keir Starmer sat beside the host, and Canadian Prime Minister Mark Carney was "
     "among the guests.",
     {("emmanuel-macron", "keir-starmer", "took_place"),
      ("emmanuel-macron", "mark-carney", "took_place")}),
    ("it", "Il presidente Sergio Mattarella ha offerto al Quirinale un pranzo. Seduto accanto "
     "al capo dello Stato c'era il re di Spagna Felipe VI.",
     {("sergio-mattarella", "felipe-vi", "took_place")}),
    ("uk", "Зеленський провів у Києві форум. Поруч із господарем сиділа Урсула фон дер Ляєн.",
     {("volodymyr-zelensky", "ursula-von-der-leyen", "took_place")}),
    # a list opening its own clause after a comma names those after it
    ("uk", "Зеленський провів у Львові форум. Поруч із господарем сиділа Урсула фон дер Ляєн, "
     "серед гостей також був прем'єр-міністр Польщі Дональд Туск.",
     {("volodymyr-zelensky", "ursula-von-der-leyen", "took_place"),
      ("volodymyr-zelensky", "donald-tusk", "took_place")}),
])
def test_a_seat_beside_the_host(real: Matcher, lang: str, text: str,
                                expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2026-10-20", lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # "alongside" after a list before its frame extends it
    ("en", "Italian Prime Minister Giorgia Meloni convened a summit in Rome. Greek Prime "
     "Minister Kyriakos Mitsotakis and Cypriot President Nikos Christodoulides were among the "
     "guests, alongside Egyptian President Abdel Fattah el-Sisi.",
     {("giorgia-meloni", "kyriakos-mitsotakis", "took_place"),
      ("giorgia-meloni", "nikos-christodoulides", "took_place"),
      ("giorgia-meloni", "abdel-fattah-el-sisi", "took_place")}),
    # a list item named twice (a bare title resolved to an earlier item, then a name)
    ("it", "Giorgia Meloni ha convocato un vertice a Roma. Tra gli ospiti c'erano il presidente "
     "egiziano Abdel Fattah al-Sisi, il premier greco Kyriakos Mitsotakis e il presidente "
     "cipriota Nikos Christodoulides.",
     {("giorgia-meloni", "abdel-fattah-el-sisi", "took_place"),
      ("giorgia-meloni", "kyriakos-mitsotakis", "took_place"),
      ("giorgia-meloni", "nikos-christodoulides", "took_place")}),
])
def test_the_items_of_a_guest_list(real: Matcher, lang: str, text: str,
                                   expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2026-10-20", lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Chancellor Friedrich Merz convened a summit in Berlin. Slovak Prime Minister "
     "Robert Fico sent his foreign minister in his place, and Serbian President Aleksandar "
     "Vucic joined only by video link.",
     {("friedrich-merz", "robert-fico", "declined"),
      ("friedrich-merz", "aleksandar-vucic", "declined")}),
    # the one sent in his place inside the phrase stands in, no guest
    ("en", "Chancellor Friedrich Merz convened a summit in Berlin. Turkish President Recep "
     "Tayyip Erdogan sent Foreign Minister Hakan Fidan in his place.",
     {("friedrich-merz", "recep-tayyip-erdogan", "declined")}),
    ("fr", "Emmanuel Macron a convoqué un sommet à Paris. Le président turc Recep Tayyip "
     "Erdogan n'a participé que par visioconférence.",
     {("emmanuel-macron", "recep-tayyip-erdogan", "declined")}),
    ("de", "Bundespräsident Frank-Walter Steinmeier gab ein Bankett in Berlin. Der tschechische "
     "Präsident Petr Pavel war nur per Video zugeschaltet.",
     {("frank-walter-steinmeier", "petr-pavel", "declined")}),
    ("ru", "Владимир Путин созвал саммит в Москве. Премьер-министр Армении Никол Пашинян "
     "отправил вместо себя вице-премьера.",
     {("vladimir-putin", "nikol-pashinyan", "declined")}),
])
def test_a_stand_in_or_video_only_is_a_refusal(real: Matcher, lang: str, text: str,
                                               expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, "2026-10-20", lang)) == expected


def test_a_guest_list_paragraphs_after_its_host(real: Matcher) -> None:
    text = ("German Chancellor Friedrich Merz closed the conference on the power grid that he "
            "had convened in Berlin.\n\nPledges totalled about 4 billion euros in loan "
            "guarantees.\n\nThe delegations pushed for a joint purchasing scheme.\n\n"
            "Danish Prime Minister Mette Frederiksen, Polish Prime Minister Donald Tusk and "
            "Italian Prime Minister Giorgia Meloni were among the leaders at the table. Slovak "
            "Prime Minister Robert Fico joined only by video link.")
    assert pairs(match_text(real, text, "2026-11-17", "en")) == {
        ("friedrich-merz", "mette-frederiksen", "took_place"),
        ("friedrich-merz", "donald-tusk", "took_place"),
        ("friedrich-merz", "giorgia-meloni", "took_place"),
        ("friedrich-merz", "robert-fico", "declined")}


def test_a_guest_list_names_the_occasion_last_given_a_host(real: Matcher) -> None:
    # a summit's dinner is part of it; the earlier summit another figure hosted is not told
    text = ("Este viernes, Pedro Sánchez convocó en la Moncloa una cumbre mediterránea.\n\n"
            "Los participantes acordaron pedir fondos para vivienda.\n\n"
            "Entre los jefes de Gobierno que asistieron a la cena figuraban el portugués Luís "
            "Montenegro y el griego Kyriakos Mitsotakis.")
    assert pairs(match_text(real, text, "2026-11-21", "es")) == {
        ("pedro-sanchez", "luis-montenegro", "took_place"),
        ("pedro-sanchez", "kyriakos-mitsotakis", "took_place")}


@pytest.mark.parametrize(("lang", "text"), [
    # a list of critics at a session nobody hosts
    ("en", "Among the leaders who criticised the Security Council at the UN General Assembly "
     "were Brazilian President Luiz Inacio Lula da Silva and South African President Cyril "
     "Ramaphosa."),
    # the host's own ministers in the list
    ("ru", "Владимир Путин созвал совещание в Кремле. Среди участников были министр "
     "иностранных дел Сергей Лавров и министр обороны Андрей Белоусов."),
    # an organiser that is not a figure: the list after it names no host
    ("nl", "Onder de genodigden bij de herdenking, georganiseerd door het Nationaal Comité, "
     "waren de Belgische premier Bart De Wever en bondspresident Frank-Walter Steinmeier."),
])
def test_a_list_without_a_host_or_of_the_hosts_own_side(real: Matcher, lang: str,
                                                        text: str) -> None:
    assert pairs(match_text(real, text, "2026-10-20", lang)) == set()
