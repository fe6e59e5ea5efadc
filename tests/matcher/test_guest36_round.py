"""Issue 14, stop 36, guest36 round: a guest described by country in a reception clause.

"Carney received the Indonesian guest", "Merz empfing das indonesische Staatsoberhaupt",
"Tusk przyjął indonezyjskiego gościa", "Erdoğan Endonezyalı konuğunu karşıladı": a guest
or head of state described by the country's adjective refers back to the one person of
that country the article has named before (`spotting._named_compatriot`, the `guest`
templates of `_countries.toml`), even when two visitors are in town and "the guest" alone
would say nobody. A description before any compatriot is named, a plural ("the Indonesian
guests"), or another country's description stands for nobody. Sentences written for these
tests; every test fails on main 0f65e087 except those marked as precision bounds."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import found_pairs

DAY = "2026-05-12"
PRABOWO = "prabowo-subianto"

# One visitor, named in the lead, received two sentences later by description.
ONE_VISITOR = [
    ("en", "Indonesian President Prabowo Subianto landed in Ottawa on Tuesday for a two-day "
           "visit. Talks on nickel and trade were expected. On Wednesday Prime Minister Mark "
           "Carney received the Indonesian guest on Parliament Hill.", "mark-carney"),
    ("de", "Der indonesische Präsident Prabowo Subianto ist am Montag in Berlin gelandet. Es "
           "geht um Nickel und Handel. Am Dienstag empfing Bundeskanzler Friedrich Merz das "
           "indonesische Staatsoberhaupt im Kanzleramt.", "friedrich-merz"),
    ("fr", "Le président indonésien Prabowo Subianto est arrivé lundi à Paris. Les entretiens "
           "porteront sur le nickel. Mardi, Emmanuel Macron a reçu le chef d'État indonésien "
           "à l'Élysée.", "emmanuel-macron"),
    ("es", "El presidente de Indonesia, Prabowo Subianto, llegó el lunes a Madrid. Las "
           "conversaciones tratarán sobre el níquel. El martes, Pedro Sánchez recibió al jefe "
           "de Estado indonesio en la Moncloa.", "pedro-sanchez"),
    ("it", "Il presidente indonesiano Prabowo Subianto è arrivato lunedì a Roma. Si parlerà "
           "di nichel e di commercio. Martedì Giorgia Meloni ha ricevuto il capo di Stato "
           "indonesiano a Palazzo Chigi.", "giorgia-meloni"),
    ("pt", "O Presidente da Indonésia, Prabowo Subianto, chegou a Lisboa na segunda-feira. As "
           "conversas vão centrar-se no níquel. Na terça-feira, o primeiro-ministro Luís "
           "Montenegro recebeu o chefe de Estado indonésio em São Bento.", "luis-montenegro"),
    ("nl", "De Indonesische president Prabowo Subianto is maandag in Den Haag geland. Het gaat "
           "om nikkel en handel. Dinsdag ontving premier Dick Schoof de Indonesische gast op "
           "het Catshuis.", "dick-schoof"),
]

# Two visitors named in the lead: "the guest" alone says nobody, the country says which.
TWO_VISITORS = [
    ("ru", "Президент Индонезии Прабово Субианто и президент Бразилии Лула да Силва прибыли "
           "на саммит. Речь пойдёт о торговле. Во вторник Владимир Путин принял "
           "индонезийского гостя в Кремле.", "vladimir-putin"),
    ("uk", "Президент Індонезії Прабово Субіанто та президент Бразилії Лула да Сілва прибули "
           "на саміт. Ідеться про торгівлю. У вівторок Володимир Зеленський прийняв "
           "індонезійського гостя в Маріїнському палаці.", "volodymyr-zelensky"),
    ("pl", "Prezydent Indonezji Prabowo Subianto i prezydent Brazylii Lula da Silva "
           "przylecieli na szczyt. Rozmowy dotyczą handlu. We wtorek premier Donald Tusk "
           "przyjął indonezyjskiego gościa w kancelarii.", "donald-tusk"),
    ("tr", "Endonezya Cumhurbaşkanı Prabowo Subianto ve Brezilya Devlet Başkanı Lula da Silva "
           "zirveye geldi. Görüşmelerde ticaret ele alınacak. Cumhurbaşkanı Erdoğan salı günü "
           "Endonezyalı konuğunu Külliye'de karşıladı.", "recep-tayyip-erdogan"),
    ("en", "Indonesian President Prabowo Subianto and Brazilian President Lula da Silva "
           "arrived for the summit. Trade was on the agenda. On Wednesday Prime Minister Mark "
           "Carney received the Indonesian guest on Parliament Hill.", "mark-carney"),
    ("zh", "印度尼西亚总统普拉博沃和巴西总统卢拉抵达峰会。双方将讨论贸易。周二，习近平在人民大会堂"
           "会见了印度尼西亚贵宾。", "xi-jinping"),
]


@pytest.mark.parametrize(("lang", "text", "host"), ONE_VISITOR + TWO_VISITORS)
def test_a_guest_described_by_country_is_the_named_compatriot(real: Matcher, lang: str,
                                                              text: str, host: str) -> None:
    assert (host, PRABOWO) in found_pairs(real, text, lang, DAY)


@pytest.mark.parametrize(("lang", "text", "host"), TWO_VISITORS)
def test_the_other_visitor_is_not_received(real: Matcher, lang: str, text: str,
                                           host: str) -> None:
    # precision bound (passes on main): the Brazilian visitor is nobody's guest here
    assert (host, "lula-da-silva") not in found_pairs(real, text, lang, DAY)


@pytest.mark.parametrize(("lang", "text"), [
    # precision bounds (pass on main): nobody of that country named before
    ("en", "On Wednesday Prime Minister Mark Carney received the Indonesian guest on "
           "Parliament Hill."),
    ("de", "Am Dienstag empfing Bundeskanzler Friedrich Merz das indonesische Staatsoberhaupt "
           "im Kanzleramt. Später sprach Prabowo Subianto mit Journalisten."),
    # another country's description
    ("en", "Indonesian President Prabowo Subianto landed in Ottawa on Tuesday. On Wednesday "
           "Prime Minister Mark Carney received the Brazilian guest on Parliament Hill."),
    # a plural: a group, no one figure
    ("en", "Indonesian President Prabowo Subianto and Brazilian President Lula da Silva "
           "arrived for the summit. Trade was on the agenda. On Wednesday Prime Minister Mark "
           "Carney received the Indonesian guests on Parliament Hill."),
])
def test_a_description_of_nobody_named_stays_unpaired(real: Matcher, lang: str,
                                                      text: str) -> None:
    assert all(PRABOWO not in pair for pair in found_pairs(real, text, lang, DAY))


# --- the guest received is no host of the meal given after ---------------------------------

@pytest.mark.parametrize(("lang", "text", "host", "guest"), [
    ("ru", "Генсек Вьетнама То Лам прибыл в Москву. Председатель Совета Федерации Валентина "
           "Матвиенко приняла То Лама в своем кабинете, а затем устроила в его честь прием, "
           "на котором присутствовали сенаторы.", "valentina-matviyenko", "to-lam"),
    ("ru", "Президент Индонезии Прабово Субианто прибыл в Москву. Председатель Совета "
           "Федерации Валентина Матвиенко встретила Прабово Субианто у входа, а затем дала в "
           "его честь обед.", "valentina-matviyenko", PRABOWO),
    ("en", "Indonesian President Prabowo Subianto arrived in London on Monday. Mayor Sadiq "
           "Khan received Prabowo Subianto at City Hall and then gave a lunch in his honour.",
     "sadiq-khan", PRABOWO),
])
def test_the_guest_received_is_no_host_of_the_meal_after(real: Matcher, lang: str, text: str,
                                                         host: str, guest: str) -> None:
    found = found_pairs(real, text, lang, DAY)
    assert (guest, host) not in found
    assert (host, guest) in found
