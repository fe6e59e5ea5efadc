"""Issue 14, stop 34, deny34 round: when is a sentence an invitation? A spokesperson's
"no such invitation was sent" after the report of one in the same sentence, and a report
rejected with "zurück, wonach", deny it (lexicon [modifiers] denial, all 14 languages); a
wish that the invitee come ("would be glad if X came", "würde mich freuen, wenn X ...
käme") is an invitation without an invitation word ([invite] active / welcome); a call to
a debate made as a noun with "yaptı" is a challenge; a Polish town in -a after a title is
no part of the name when the article names the town apart ("do Gdańska"); "davet
edilebileceği" (could be invited) is none, nor an invitation after a German verb-first
unreal condition ("Wäre sie Kanzlerin, würde sie Trump morgen einladen").

Every test fails on main 4094a06 except the precision bounds marked below (they pass
before and guard the new phrases)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("lang", "day", "text"), [
    ("en", "2026-06-10", "Asked about a report that Xi Jinping will invite Donald Trump next year, Mao Ning said China had sent no such invitation."),
    ("de", "2026-05-27", "Regierungssprecher Stefan Kornelius wies am Mittwoch einen Medienbericht zurück, wonach Friedrich Merz den französischen Präsidenten Emmanuel Macron nach Hamburg einladen wolle."),
    ("fr", "2026-06-10", "Interrogée sur des informations selon lesquelles Emmanuel Macron inviterait Donald Trump à Paris, la porte-parole a répondu que l'Élysée n'avait pas envoyé une telle invitation."),
    ("es", "2026-06-10", "Preguntado por informaciones según las cuales Pedro Sánchez invitará a Donald Trump a Madrid, el portavoz dijo que el Gobierno no ha enviado tal invitación."),
    ("it", "2026-06-10", "Interpellato sulle voci secondo cui Giorgia Meloni inviterà Donald Trump a Roma, il portavoce ha detto che non esiste alcun invito."),
    ("pt", "2026-06-10", "Questionado sobre notícias de que Lula convidaria Donald Trump a Brasília, o porta-voz disse que não existe tal convite."),
    ("ru", "2026-06-10", "Отвечая на вопрос о сообщениях, что Владимир Путин пригласит Дональда Трампа в Москву, Песков сказал, что такого приглашения не направлялось."),
    ("uk", "2026-06-10", "Відповідаючи на питання про повідомлення, що Володимир Зеленський запросить Дональда Трампа до Києва, речник сказав, що такого запрошення не надсилали."),
    ("pl", "2026-06-10", "Pytany o doniesienia, że Karol Nawrocki zaprosi Donalda Trumpa do Warszawy, rzecznik powiedział, że takiego zaproszenia nie wysłano."),
    ("nl", "2026-06-10", "Gevraagd naar berichten dat Dick Schoof Donald Trump naar Den Haag zou uitnodigen, zei de woordvoerder dat er geen dergelijke uitnodiging is."),
    ("no", "2026-06-10", "Jonas Gahr Støre har invitert Donald Trump til Oslo, meldte avisen, men talspersonen sa at ingen slik invitasjon finnes."),
    ("tr", "2026-06-10", "Erdoğan, Donald Trump'ı Ankara'ya davet etti, diye yazan gazeteye sözcü böyle bir davette bulunulmadığını söyledi."),
    ("ja", "2026-06-10", "高市早苗首相がトランプ大統領を東京に招待するとの報道について、官房長官はそのような招待はしていないと述べた。"),
    ("zh", "2026-06-10", "外交部发言人毛宁被问及有关中方将邀请美国总统特朗普出席明年活动的报道时表示，中方没有发出这样的邀请。"),
])
def test_no_such_invitation_in_the_same_sentence_denies_the_report(
        real: Matcher, lang: str, day: str, text: str) -> None:
    assert pairs(match_text(real, text, day, lang)) == set()


@pytest.mark.parametrize(("lang", "day", "text", "inviter", "invitee"), [
    ("en", "2026-03-10", "\"I would be very glad if Mette Frederiksen came to Kiel in the spring,\" Friedrich Merz said on Tuesday.", "friedrich-merz", "mette-frederiksen"),
    ("de", "2026-03-10", "\"Ich würde mich freuen, wenn Mette Frederiksen nach Kiel käme\", sagte Friedrich Merz bei einem Besuch der Werft Nordic Marine Yards.", "friedrich-merz", "mette-frederiksen"),
    ("fr", "2026-03-10", "« Je serais heureux que Pedro Sánchez vienne à Marseille au printemps », a déclaré Emmanuel Macron mardi.", "emmanuel-macron", "pedro-sanchez"),
    ("es", "2026-03-10", "Pedro Sánchez dijo que estaría encantado de que Emmanuel Macron viniera a Sevilla.", "pedro-sanchez", "emmanuel-macron"),
    ("it", "2026-03-10", "\"Se il presidente Javier Milei vorrà venire in Italia, sarò felice di accoglierlo a Roma\", ha detto Giorgia Meloni martedì.", "giorgia-meloni", "javier-milei"),
    ("pt", "2026-03-10", "Luís Montenegro ficaria muito feliz se Pedro Sánchez viesse ao Porto na primavera.", "luis-montenegro", "pedro-sanchez"),
    ("ru", "2026-03-10", "\"Я был бы рад, если бы Александр Лукашенко приехал в Казань весной\", сказал Владимир Путин во вторник.", "vladimir-putin", "alexander-lukashenko"),
    ("uk", "2026-03-10", "\"Я був би радий, якби Александр Стубб приїхав до Львова навесні\", сказав Володимир Зеленський у вівторок.", "volodymyr-zelensky", "alexander-stubb"),
    ("pl", "2026-03-10", "Karol Nawrocki byłby rad, gdyby Friedrich Merz przyjechał do Krakowa wiosną.", "karol-nawrocki", "friedrich-merz"),
    ("nl", "2026-03-10", "Dick Schoof zou blij zijn als Bart De Wever naar Maastricht zou komen.", "dick-schoof", "bart-de-wever"),
    ("no", "2026-03-10", "Jonas Gahr Støre ville vært glad om Ulf Kristersson kom til Bergen i vår.", "jonas-gahr-store", "ulf-kristersson"),
    ("tr", "2026-03-10", "Recep Tayyip Erdoğan, \"Ahmed Şara'nın Ankara'ya gelmesinden memnuniyet duyarız\" dedi.", "recep-tayyip-erdogan", "ahmed-al-sharaa"),
    ("ja", "2026-03-10", "高市早苗首相は、マルコス大統領にお越しいただければ幸いだと述べた。", "sanae-takaichi", "ferdinand-marcos-jr"),
    ("zh", "2026-03-10", "习近平表示，乐见卢拉总统明年来访。", "xi-jinping", "lula-da-silva"),
])
def test_a_wish_that_the_invitee_come_is_an_invitation(
        real: Matcher, lang: str, day: str, text: str, inviter: str, invitee: str) -> None:
    assert pairs(match_text(real, text, day, lang)) == {(inviter, invitee, "pending")}


@pytest.mark.parametrize(("lang", "day", "text"), [
    # precision bounds (pass on main too): glad about an agreement, not a coming
    ("en", "2026-03-10", "Friedrich Merz said he would be glad if Donald Trump came to his senses."),
    ("de", "2026-03-10", "Friedrich Merz sagte, er würde sich freuen, wenn es mit Wladimir Putin zu einer Einigung käme."),
])
def test_a_wish_about_anything_but_coming_is_none(real: Matcher, lang: str, day: str,
                                                  text: str) -> None:
    assert pairs(match_text(real, text, day, lang)) == set()


def test_a_call_to_a_debate_made_with_yapti_is_a_challenge(real: Matcher) -> None:
    result = match_text(real, "CHP Genel Başkanı Özgür Özel, Cumhurbaşkanı Recep Tayyip Erdoğan'a canlı yayında tartışma çağrısı yaptı.", "2026-03-10", "tr")
    assert pairs(result) == {("ozgur-ozel", "recep-tayyip-erdogan", "pending")}


def test_a_town_named_apart_is_no_part_of_a_womans_name(real: Matcher) -> None:
    result = match_text(real, "GDAŃSK, 25 czerwca - Prezydent Gdańska Aleksandra Dulkiewicz zaprosiła burmistrza Rygi Vilnisa Kirsisa na otwarcie jarmarku. Kirsis potwierdził, że przyjedzie do Gdańska z przyjemnością.", "2026-06-25", "pl")
    assert pairs(result) == {("Aleksandra Dulkiewicz", "Vilnis Kirsis", "accepted")}


@pytest.mark.parametrize(("lang", "day", "text"), [
    ("tr", "2026-07-08", "Dışişleri Bakanı Hakan Fidan, Marco Rubio ile telefonda görüştü. Bazı gazetelerde yer alan, Rubio'nun sonbaharda Ankara'ya davet edilebileceği yönündeki haberler için kaynaklar yorum yapmadı."),
    ("de", "2026-03-10", "Alice Weidel kritisierte Merz scharf. Wäre sie Kanzlerin, würde sie Donald Trump „morgen einladen und nicht warten“, sagte sie im Bundestag."),
    ("de", "2026-03-10", "Alice Weidel kritisierte Merz scharf. Wäre sie Kanzlerin, würde sie Donald Trump morgen einladen, sagte sie im Bundestag."),
    ("de", "2026-03-10", "Alice Weidel kritisierte Merz scharf. Wenn sie Kanzlerin wäre, würde sie Donald Trump morgen einladen, sagte sie im Bundestag."),
])
def test_could_be_invited_and_a_verb_first_unreal_condition_are_none(
        real: Matcher, lang: str, day: str, text: str) -> None:
    assert pairs(match_text(real, text, day, lang)) == set()


def test_a_real_condition_keeps_the_welcome(real: Matcher) -> None:
    # precision bound (passes on main too): "wäre" inside the welcome cue opens no condition
    text = ("Wenn Wolodymyr Selenskyj nach Berlin kommen will, wäre er jederzeit willkommen, "
            "sagte Friedrich Merz.")
    assert pairs(match_text(real, text, "2026-03-10", "de")) == {
        ("friedrich-merz", "volodymyr-zelensky", "pending")}
