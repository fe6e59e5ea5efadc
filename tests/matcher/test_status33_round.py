"""Status wording, status33 round (issue 14, stop 33): the answer to an invitation, said by
the invitee or their spokesperson, office, ministry or embassy in a later sentence, in all
fourteen first-class and wider languages:
- the invitation to be studied or weighed (carefully, with attention, later) is a response;
- coming gladly, with pleasure, is an acceptance;
- being unable to take the invitation up, seeing no need for the occasion, is a refusal;
- an invitation taken back ("trekker tilbake invitasjonen") or an idea dropped by its own
  side is withdrawn;
- "no information to provide" says nothing of the invitation: silence, still pending (the
  lead's stop-30 convention, ARCHITECTURE.md).
An answer naming no party, said by the invitee's side (a spokesperson of the invitee's
country, a speaker placed in its capital) up to three sentences later, is the invitee's.
Each list holds only the forms main missed (the table of the round's report counts them).
Sentences written for these tests; the shipped gazetteer."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import ANSWERED_INVITATIONS, answer_status, match_text, pairs

DATE = "2026-03-10"


STUDIED = [
    ("en", "A spokeswoman for Sánchez said he would look carefully at the invitation."),
    ("en", "Madrid said the invitation would be studied carefully."),
    ("de", "Ein Sprecher Macrons sagte, die Einladung werde sorgfältig geprüft."),
    ("fr", "L'entourage de Pedro Sánchez a indiqué que l'invitation serait étudiée attentivement."),
    ("pt", "A Moncloa informou que a equipa de Sánchez vai analisá-lo."),
    ("ru", "Песков сказал, что приглашение будет внимательно изучено."),
    ("uk", "У канцелярії Туска заявили, що запрошення буде уважно вивчене."),
    ("pl", "Rzecznik Macrona powiedział, że zaproszenie zostanie starannie przeanalizowane."),
    ("nl", "Het Élysée liet weten dat Macron de uitnodiging zal bekijken."),
    ("no", "Macrons talsperson sa at invitasjonen vil bli nøye vurdert."),
    ("no", "Elysée-palasset opplyser at Macron vil se nærmere på invitasjonen."),
    ("tr", "Elysee Sarayı, davetin incelenmekte olduğunu açıkladı."),
    ("ja", "李在明氏側は、出席するかどうかは今後判断すると述べた。"),
    ("zh", "巴方表示将对邀请进行研究。"),
]


@pytest.mark.parametrize(("lang", "answer"), STUDIED)
def test_an_invitation_to_be_studied_is_a_response(real_matcher: Matcher, lang: str,
                                                   answer: str) -> None:
    assert answer_status(real_matcher, lang, answer) == {"responded"}


GLADLY = [
    ("en", "Sánchez's office said he would gladly attend."),
    ("de", "Macron komme mit großer Freude nach Berlin, sagte ein Sprecher."),
    ("it", "Il portavoce ha fatto sapere che Macron verrà con grande piacere."),
    ("pt", "A Moncloa disse que Sánchez virá com muito prazer."),
    ("nl", "Het Élysée bevestigde dat Macron graag aanwezig zal zijn."),
    ("no", "Elysée-palasset opplyser at Macron gjerne kommer."),
    ("no", "Macron deltar med glede, sier talspersonen."),
    ("zh", "巴西总统府表示，卢拉将愉快地出席。"),
]


@pytest.mark.parametrize(("lang", "answer"), GLADLY)
def test_coming_gladly_is_an_acceptance(real_matcher: Matcher, lang: str, answer: str) -> None:
    assert answer_status(real_matcher, lang, answer) == {"accepted"}


UNABLE = [
    ("en", "Madrid said Sánchez would not be able to take up the invitation."),
    ("en", "Sánchez's office said he saw no need for such a meeting."),
    ("de", "Der Élysée sieht keinen Bedarf für ein solches Treffen."),
    ("fr", "Madrid a indiqué que Sánchez ne pourra pas donner suite à l'invitation."),
    ("fr", "L'entourage de Sánchez ne voit pas la nécessité d'une telle rencontre."),
    ("es", "Brasilia dijo que Lula no podrá aceptar la invitación."),
    ("es", "El portavoz de Lula dijo que no ve necesidad de esa reunión."),
    ("it", "L'Eliseo ha detto che Macron non potrà accogliere l'invito."),
    ("it", "Il portavoce di Macron non vede la necessità di un tale incontro."),
    ("pt", "O gabinete de Sánchez disse que ele não poderá aceitar o convite."),
    ("ru", "Песков сказал, что Путин не сможет воспользоваться приглашением."),
    ("ru", "В Кремле не видят необходимости в такой встрече."),
    ("uk", "Речник Туска заявив, що прем'єр не зможе скористатися запрошенням."),
    ("uk", "У Варшаві не бачать потреби в такій зустрічі."),
    ("pl", "Rzecznik Macrona powiedział, że nie będzie mógł skorzystać z zaproszenia."),
    ("pl", "Pałac Elizejski nie widzi potrzeby takiego spotkania."),
    ("nl", "Het Élysée liet weten dat Macron niet op de uitnodiging kan ingaan."),
    ("nl", "Een woordvoerder van Macron zei dat hij geen noodzaak ziet voor zo'n ontmoeting."),
    ("no", "Elysée-palasset opplyser at Macron ikke har anledning til å ta imot invitasjonen."),
    ("no", "Macrons kontor svarte at han ikke ser behov for et slikt møte."),
    ("tr", "Elysee Sarayı, Macron'un programının yoğunluğu nedeniyle katılamayacağını bildirdi."),
    ("tr", "Macron'un sözcüsü böyle bir görüşmeye gerek görmediklerini söyledi."),
    ("ja", "韓国大統領府は、李在明氏が日程の都合で出席できないと伝えた。"),
    ("ja", "李在明氏側は会談の必要性を感じないと述べた。"),
    ("zh", "巴西总统府表示，卢拉因日程安排无法应邀出席。"),
]


@pytest.mark.parametrize(("lang", "answer"), UNABLE)
def test_being_unable_to_take_it_up_is_a_refusal(real_matcher: Matcher, lang: str,
                                                  answer: str) -> None:
    assert answer_status(real_matcher, lang, answer) == {"declined"}


NO_INFORMATION = [
    ("ja", "韓国大統領府は「現時点で提供できる情報はない」と述べた。"),
    ("zh", "巴西总统府发言人说：“目前没有可以提供的信息。”"),
]


@pytest.mark.parametrize(("lang", "answer"), NO_INFORMATION)
def test_no_information_to_provide_is_silence(real_matcher: Matcher, lang: str,
                                              answer: str) -> None:
    assert answer_status(real_matcher, lang, answer) == {"pending"}


WITHDRAWN = [
    ("en", "Two days later Starmer's office dropped the idea."),
    ("ru", "Через два дня от этой идеи отказались."),
    ("no", "To dager senere trekker Støre tilbake invitasjonen."),
    ("zh", "两天后，中方撤回了邀请。"),
]


@pytest.mark.parametrize(("lang", "answer"), WITHDRAWN)
def test_an_invitation_taken_back_is_withdrawn(real_matcher: Matcher, lang: str,
                                               answer: str) -> None:
    assert answer_status(real_matcher, lang, answer) == {"withdrawn"}


@pytest.mark.parametrize("lang", sorted(ANSWERED_INVITATIONS))
def test_the_invitation_alone_stays_pending(real_matcher: Matcher, lang: str) -> None:
    # precision bound: the invitations the answers follow are found, pending, on their own
    assert answer_status(real_matcher, lang, "") == {"pending"}


SIDE = [
    # the invitee's country's foreign-ministry spokesman answers for the invitee
    ("zh", "拉马福萨邀请习近平明年访问约翰内斯堡。外交部发言人郭嘉昆表示，中方将认真研究。",
     ("cyril-ramaphosa", "xi-jinping"), "responded"),
    # a speaker placed in the invitee's capital, three sentences later
    ("ru", "Александр Лукашенко пригласил Шавката Мирзиёева в Минск. Разговор шёл о поставках "
           "техники. Стороны обсудили и строительство завода. Пресс-секретарь Эльдор Турсунов "
           "сказал журналистам в Ташкенте, что предложение будет внимательно изучено.",
     ("alexander-lukashenko", "shavkat-mirziyoyev"), "responded"),
    ("pt", "Lula convidou Gustavo Petro para um encontro em Tabatinga. O tema é o garimpo ilegal. "
           "Em Bogotá, a Casa de Nariño informou que o presidente recebeu com interesse a proposta.",
     ("lula-da-silva", "gustavo-petro"), "responded"),
]


@pytest.mark.parametrize(("lang", "text", "pair", "status"), SIDE)
def test_the_invitees_side_answers_a_few_sentences_later(real_matcher: Matcher, lang: str,
                                                         text: str, pair: tuple[str, str],
                                                         status: str) -> None:
    assert (*pair, status) in pairs(match_text(real_matcher, text, DATE, lang))


OTHER_SIDE = [
    # precision bound: another country's spokesman answers for his own principal
    ("en", "Cyril Ramaphosa invited Xi Jinping to Johannesburg. Dmitry Peskov said Moscow would "
           "study the plans carefully.", ("cyril-ramaphosa", "xi-jinping")),
    # precision bound: a third figure named in between takes the answer away
    ("ru", "Александр Лукашенко пригласил Шавката Мирзиёева в Минск. Владимир Путин встретился с "
           "Си Цзиньпином. В Ташкенте заявили, что предложение будет внимательно изучено.",
     ("alexander-lukashenko", "shavkat-mirziyoyev")),
]


@pytest.mark.parametrize(("lang", "text", "pair"), OTHER_SIDE)
def test_another_side_does_not_answer(real_matcher: Matcher, lang: str, text: str,
                                      pair: tuple[str, str]) -> None:
    assert (*pair, "pending") in pairs(match_text(real_matcher, text, DATE, lang))


def test_a_quoted_no_information_only_said_is_an_evasive_answer(real_matcher: Matcher) -> None:
    # precision bound (passes on main, where the phrase was a response): the pending words
    # the quote closes do not scope "only said" after it
    assert answer_status(real_matcher, "ja", "韓国大統領府の報道官は「現時点で提供できる情報はない」と"
                                       "述べるにとどめた。") == {"responded"}
