"""The oneparty round (stop 27, issue 15): one-party reports that answer an open invitation
in the languages that had no observation table (nl, no, pl, tr, ja, zh), in verb-final
clauses, with a stand-in, an acceptance, a host given by office only, and a place inside a
split verb. Sentences written for these tests; the shipped gazetteer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import SIDE_INVITEE, Article, MatchResult
from bot.matcher import Matcher


def _match(matcher: Matcher, text: str, lang: str, date: str = "2025-06-10") -> MatchResult:
    published = datetime.fromisoformat(date).replace(hour=12, tzinfo=UTC)
    return matcher.match(Article(key="t", text=text, published=published, lang=lang))


def _lone(result: MatchResult) -> set[tuple[str, str | None, str, str | None]]:
    return {(o.party.name, o.side, o.status.value, o.occasion.place)
            for o in result.lone_observations}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a split verb holding the place (issue 15's b12 misses)
        ("de", "Giorgia Meloni hat am G7-Gipfel in Kananaskis teilgenommen.",
         ("Giorgia Meloni", "took_place", "Kananaskis")),
        ("de", "Die dänische Ministerpräsidentin Mette Frederiksen ist am Mittwochabend zu "
               "Gesprächen in Oslo eingetroffen.",
         ("Mette Frederiksen", "took_place", "Oslo")),
        # verb-final: the place stands between the subject and the verb
        ("tr", "Kasım Cömert Tokayev Astana'ya geldi.",
         ("Kassym-Jomart Tokayev", "took_place", "Astana")),
        ("tr", "Azerbaycan Cumhurbaşkanı İlham Aliyev, Moskova'da düzenlenen törenlere "
               "katılmadı.",
         ("Ilham Aliyev", "declined", "Moscow")),
        ("ja", "インドネシアのプラボウォ大統領は8日夜、北京に到着した。",
         ("Prabowo Subianto", "took_place", "Beijing")),
        # the host given by a role no office resolves: the guest's report alone ("de
        # president" there is Romania's president by the capital since seat33, a pair:
        # test_seat33_round.py)
        ("nl", "Emmanuel Macron werd in Boekarest ontvangen door de burgemeester.",
         ("Emmanuel Macron", "took_place", "Bucharest")),
        ("nl", "Narendra Modi heeft dinsdag deelgenomen aan de AI-top in Parijs.",
         ("Narendra Modi", "took_place", "Paris")),
        ("no", "Mette Frederiksen ankom Oslo onsdag kveld.",
         ("Mette Frederiksen", "took_place", "Oslo")),
        ("pl", "Wołodymyr Zełenski przybył do Hagi na szczyt NATO.",
         ("Volodymyr Zelensky", "took_place", "The Hague")),
        ("zh", "普拉博沃抵达北京。", ("Prabowo Subianto", "took_place", "Beijing")),
        # an acceptance by the guest alone
        ("en", "Narendra Modi will attend the summit in Berlin, his office said.",
         ("Narendra Modi", "accepted", "Berlin")),
        # a stand-in sent in the guest's place is not a second party
        ("en", "Anthony Albanese will not travel to Tokyo next month and will send Foreign "
               "Minister Penny Wong in his place.",
         ("Anthony Albanese", "declined", "Tokyo")),
    ],
)
def test_one_party_reports_in_more_languages(real_matcher: Matcher, lang: str, text: str,
                                             expected: tuple[str, str, str]) -> None:
    name, status, place = expected
    result = _match(real_matcher, text, lang)
    assert _lone(result) == {(name, SIDE_INVITEE, status, place)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an old attendance: a past marker in the sentence, or in the split verb's gap
        ("de", "Olaf Scholz hat im vergangenen Jahr am Gipfel in Rom teilgenommen."),
        # hedged
        ("en", "Narendra Modi could attend the summit in Berlin."),
        ("nl", "Narendra Modi zou eventueel deelnemen aan de top in Berlijn."),
        # the figure carries a case ending: not the subject ("Aliyev's coming to Moscow")
        ("tr", "Aliyev'in Moskova'ya geldiği hatırlatıldı."),
        # verb-final, the figure is no subject (no topic particle)
        ("ja", "プラボウォ大統領の側近が北京に到着した。"),
        # a stand-in before the absent one in a verb-final language keeps two parties
        ("tr", "Anthony Albanese yerine Penny Wong Tokyo'ya geldi."),
    ],
)
def test_no_one_party_report(real_matcher: Matcher, lang: str, text: str) -> None:
    assert _match(real_matcher, text, lang).lone_observations == ()


def test_a_title_followed_by_another_countrys_adjective_is_not_its_holder(
        real_matcher: Matcher) -> None:
    """"il capo dello Stato argentino" is Argentina's head of state, not Italy's: the
    report stays Lula's alone (b13 milei-lula read Mattarella as the host)."""
    text = ("Il presidente brasiliano Lula è arrivato giovedì a Buenos Aires per il vertice "
            "del Mercosur, dove è stato accolto dal capo dello Stato argentino.")
    result = _match(real_matcher, text, "it")
    names = {p.name for m in result.mentions for p in (m.inviter, m.invitee)}
    names |= {p.name for o in result.observations for p in (o.first, o.second)}
    assert "Sergio Mattarella" not in names
    assert _lone(result) == {("Luiz Inácio Lula da Silva", SIDE_INVITEE, "took_place",
                              "Buenos Aires")}
    own = _match(real_matcher, "Il capo dello Stato italiano ha invitato Lula a Roma.", "it")
    assert {(m.inviter.name, m.invitee.name) for m in own.mentions} == {
        ("Sergio Mattarella", "Luiz Inácio Lula da Silva")}
