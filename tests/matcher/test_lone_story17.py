"""One-party reports, story17 round (issue 15): the guest ending a visit ("wrapped up
his visit to Nairobi") is its outcome, took place; a party pulling out of a named
occasion ("pulled out of the bout in Lisbon") withdraws it; a two-word place ("Kuala
Lumpur") and an office named in a later clause ("..., though she praised Kenya's
government") are no second party; a guest's arrival beside an invitation the article
gives as accepted is still reported. Sentences written for these tests; the shipped
gazetteer and places."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text


def _lone(result):  # type: ignore[no-untyped-def]
    return {(o.party.figure_id, o.status.value, o.occasion.place)
            for o in result.lone_observations}


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "Chancellor Friedrich Merz wrapped up a three-day visit to Nairobi on "
               "Friday.", "Nairobi"),
        ("de", "Bundeskanzler Friedrich Merz beendete am Freitag seinen dreitägigen Besuch "
               "in Nairobi.", "Nairobi"),
        ("fr", "Le chancelier Friedrich Merz a achevé vendredi sa visite de trois jours à "
               "Nairobi.", "Nairobi"),
        ("es", "El canciller Friedrich Merz concluyó el viernes su visita de tres días a "
               "Nairobi.", "Nairobi"),
        ("it", "Il cancelliere Friedrich Merz ha concluso venerdì la sua visita di tre "
               "giorni a Nairobi.", "Nairobi"),
        ("pt", "O chanceler Friedrich Merz encerrou na sexta-feira a visita de três dias a "
               "Nairobi.", "Nairobi"),
        ("ru", "Канцлер Фридрих Мерц в пятницу завершил трёхдневный визит в Найроби.",
         "Nairobi"),
        ("uk", "Канцлер Фрідріх Мерц у п'ятницю завершив триденний візит до Найробі.",
         "Nairobi"),
        ("pl", "Kanclerz Friedrich Merz zakończył w piątek trzydniową wizytę w Nairobi.",
         "Nairobi"),
        ("nl", "Bondskanselier Friedrich Merz sloot vrijdag zijn driedaagse bezoek aan "
               "Nairobi af.", "Nairobi"),
        ("no", "Forbundskansler Friedrich Merz avsluttet fredag besøket i Nairobi.",
         "Nairobi"),
        ("zh", "德国总理默茨周五结束了对内罗毕的访问。", "Nairobi"),
    ],
)
def test_a_guest_ending_a_visit_reports_it_took_place(real_matcher: Matcher, lang: str,
                                                       text: str, place: str) -> None:
    result = match_text(real_matcher, text, "2025-11-14", lang)
    assert _lone(result) == {("friedrich-merz", "took_place", place)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Conor McGregor pulled out of the fight in Lisbon on Tuesday."),
        ("de", "Conor McGregor zieht sich aus dem Kampf in Lissabon zurück."),
        ("es", "Conor McGregor se retiró de la pelea en Lisboa el martes."),
        ("no", "Conor McGregor trekker seg fra kampen i Lisboa."),
        ("pl", "Conor McGregor wycofał się z walki w Lizbonie."),
        ("nl", "Conor McGregor trekt zich terug uit het gevecht in Lissabon."),
    ],
)
def test_a_party_pulling_out_withdraws(real_matcher: Matcher, lang: str, text: str) -> None:
    result = match_text(real_matcher, text, "2025-11-14", lang)
    assert {(s, p) for _, s, p in _lone(result)} == {("withdrawn", "Lisbon")}


def test_pulling_out_of_no_occasion_is_nothing(real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "Conor McGregor pulled out of the deal with his "
                                      "sponsor on Tuesday.", "2025-11-14", "en")
    assert not result.lone_observations


def test_a_two_word_place_is_no_second_person(real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "Chancellor Friedrich Merz will not travel to Kuala "
                                      "Lumpur next week, a spokesman said.", "2025-11-14", "en")
    assert _lone(result) == {("friedrich-merz", "declined", "Kuala Lumpur")}


def test_an_office_in_a_later_clause_is_no_second_party(real_matcher: Matcher) -> None:
    text = ("Chancellor Friedrich Merz will not travel to Nairobi this month, his spokesman "
            "said on Monday, though he praised the Kenyan president's reforms.")
    result = match_text(real_matcher, text, "2025-11-14", "en")
    assert _lone(result) == {("friedrich-merz", "declined", "Nairobi")}


def test_a_guest_arriving_beside_an_accepted_invitation(real_matcher: Matcher) -> None:
    """The talks "scheduled" at the host's residence read as an accepted visit; the
    guest's landing the same article tells is still reported, as its outcome."""
    text = ("Uzbek President Shavkat Mirziyoyev landed in Astana on Tuesday. Talks are "
            "scheduled for Wednesday at the Akorda palace.")
    result = match_text(real_matcher, text, "2024-08-14", "en")
    assert ("shavkat-mirziyoyev", "took_place", "Astana") in _lone(result)
