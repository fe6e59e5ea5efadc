"""Dutch, Turkish and Japanese wire copy (issue 14, njt round): titles before names, Turkish
case endings after an apostrophe, Japanese particles, bare titles, roles by date, and
organisations that invite."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

ERDOGAN, TRUMP, PUTIN = "recep-tayyip-erdogan", "donald-trump", "vladimir-putin"
ZELENSKY, TAKAICHI, LEE = "volodymyr-zelensky", "sanae-takaichi", "lee-jae-myung"
NARUHITO, WILLEM = "naruhito", "willem-alexander"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a residence in the dative is where the guest goes, its holder the host
        ("tr", "ABD Başkanı Donald Trump, Cumhurbaşkanı Erdoğan'ı Beyaz Saray'a davet etti.",
         (TRUMP, ERDOGAN, "pending")),
        # a title and a comma before a name with a case ending: the subject, no apposition
        ("tr", "ABD Başkanı, Erdoğan'ı Washington'a davet etti.", (TRUMP, ERDOGAN, "pending")),
        ("tr", "Rusya Devlet Başkanı, Erdoğan'ı Moskova'ya davet etti.",
         (PUTIN, ERDOGAN, "pending")),
        # a Dutch role and a bare title settled by the article
        ("nl", "Koning Willem-Alexander brengt op uitnodiging van de Japanse keizer een "
               "staatsbezoek aan Japan.", (NARUHITO, WILLEM, "took_place")),
        ("nl", "Keizer Naruhito ontvangt Willem-Alexander. Het bezoek vindt plaats op "
               "uitnodiging van de keizer.", (NARUHITO, WILLEM, "took_place")),
        # "the visit" of the sentence before: its subject is the guest
        ("nl", "Koning Willem-Alexander is dinsdag in Tokio aangekomen voor een staatsbezoek "
               "aan Japan. Het bezoek vindt plaats op uitnodiging van keizer Naruhito.",
         (NARUHITO, WILLEM, "took_place")),
        ("nl", "Macron is deze week te gast bij koning Willem-Alexander.",
         (WILLEM, "emmanuel-macron", "took_place")),
        # が marks the clause's own subject; the topic before it is the one invited
        ("ja", "ゼレンスキー大統領は、プーチン大統領がモスクワに招いたことを明らかにした。",
         (PUTIN, ZELENSKY, "pending")),
        # the topic accepts the invitation the clause before reports
        ("ja", "韓国の李在明大統領が高市早苗首相を国賓として招待したことを受け、高市首相は21日、"
               "招待を受け入れ、来月訪韓する方針を固めた。", (LEE, TAKAICHI, "accepted")),
        ("ja", "李在明大統領は高市首相の招待に応じ、来月訪日する。", (TAKAICHI, LEE, "accepted")),
        ("ja", "天皇陛下は、オランダのウィレム・アレクサンダー国王の招待により、6月に同国を国賓として"
               "訪問される。", (WILLEM, NARUHITO, "accepted")),
        ("ja", "ゼレンスキー大統領は、プーチン大統領の招待について「受け入れられない」と述べた。",
         (PUTIN, ZELENSKY, "declined")),
        # a bare 首相 standing alone ("首相は") is Japan's prime minister on the date
        ("ja", "首相は、韓国の李在明大統領を日本に招待した。", (TAKAICHI, LEE, "pending")),
        # a genitive after a name's own ending ("Zelenski" + "y" + "'nin")
        ("tr", "Erdoğan, Zelenskiy'nin davetini değerlendirecek.",
         (ZELENSKY, ERDOGAN, "responded")),
        ("tr", "Rusya Devlet Başkanı Vladimir Putin'in, Cumhurbaşkanı Erdoğan'ın davetine icabet "
               "ederek yıl içinde Türkiye'yi ziyaret etmesi bekleniyor.",
         (ERDOGAN, PUTIN, "accepted")),
        ("tr", "Cumhurbaşkanı Erdoğan, Macaristan Başbakanı Viktor Orbán'ı Cumhurbaşkanlığı "
               "Külliyesi'nde resmi törenle karşıladı.", (ERDOGAN, "viktor-orban", "took_place")),
        ("tr", "Ukrayna Devlet Başkanı Zelenskiy, Erdoğan'ın ev sahipliğinde İstanbul'da "
               "yapılacak barış görüşmelerine katılacağını açıkladı.",
         (ERDOGAN, ZELENSKY, "accepted")),
        ("tr", "Erdoğan, İtalya Başbakanı Giorgia Meloni'yi Türkiye'ye davet ettiğini açıkladı.",
         (ERDOGAN, "giorgia-meloni", "pending")),
        ("nl", "Schoof, die door Meloni was uitgenodigd, vertrok woensdag naar Rome.",
         ("giorgia-meloni", "dick-schoof", "pending")),
        ("nl", "Premier Schoof is ingegaan op een uitnodiging van de Belgische premier De Wever.",
         ("bart-de-wever", "dick-schoof", "accepted")),
        ("nl", "Op uitnodiging van de Amerikaanse president reist premier Schoof morgen naar "
               "Washington.", (TRUMP, "dick-schoof", "accepted")),
    ],
)
def test_constructions(real_matcher: Matcher, lang: str, text: str,
                       expected: tuple[str, str, str]) -> None:
    found = pairs(match_text(real_matcher, text, "2026-03-10", lang))
    assert expected in found, found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ja", "ゼレンスキー大統領は、プーチン大統領がモスクワに招いたことを明らかにした。"),
        ("ja", "韓国の李在明大統領が高市早苗首相を国賓として招待したことを受け、高市首相は21日、"
               "招待を受け入れ、来月訪韓する方針を固めた。"),
        ("tr", "ABD Başkanı Donald Trump, Cumhurbaşkanı Erdoğan'ı Beyaz Saray'a davet etti."),
    ],
)
def test_no_reversed_pair(real_matcher: Matcher, lang: str, text: str) -> None:
    found = pairs(match_text(real_matcher, text, "2026-03-10", lang))
    assert len({(a, b) for a, b, _ in found}) == 1, found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tr", "İstanbul Sanayi Odası, Cumhurbaşkanı Erdoğan'ı genel kuruluna davet etti."),
        ("nl", "Koningin Máxima is door de Nederlandse Vereniging van Banken uitgenodigd om het "
               "congres te openen."),
        # "Gürcistan Cumhurbaşkanı" is no bare title: nobody the gazetteer knows invites
        ("tr", "Gürcistan Cumhurbaşkanı, Putin'i Tiflis'e davet etti."),
        # "同大統領" with two presidents named: the one invited is unknown
        ("ja", "高市首相は22日、フィリピンのマルコス大統領、インドネシアのプラボウォ大統領と会談した。"
               "首相は同大統領を大阪での国際会議に招待したという。"),
    ],
)
def test_no_pair(real_matcher: Matcher, lang: str, text: str) -> None:
    assert pairs(match_text(real_matcher, text, "2026-03-10", lang)) == set()


@pytest.mark.parametrize(
    ("lang", "title", "figure_id"),
    [
        ("nl", "de Duitse bondspresident", "frank-walter-steinmeier"),
        ("nl", "de Canadese premier", "mark-carney"),
        ("tr", "Özbekistan Cumhurbaşkanı", "shavkat-mirziyoyev"),
        ("tr", "Rusya Dışişleri Bakanı", "sergey-lavrov"),
        ("ja", "仏大統領", "emmanuel-macron"),
        ("ja", "豪首相", "anthony-albanese"),
    ],
)
def test_roles_by_date(real_matcher: Matcher, lang: str, title: str, figure_id: str) -> None:
    from datetime import date

    hits = real_matcher._spotter.spot(title + " ", date(2026, 3, 10))
    assert figure_id in {h.figure_id for h in hits}, hits
