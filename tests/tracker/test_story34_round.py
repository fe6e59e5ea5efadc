"""The story34 round (stop 34, issue 15): one-party last words of the inviter that the
three blind story sets b18, b19 and b20 showed unread, written by three writers:

- the inviter takes a challenge back ("withdrew his challenge", "retira su desafío", "dio
  por retirado el reto", "wycofał swoje ... wyzwanie"): withdrawn, the inviter's side,
  as "withdrew his invitation" was (`[observe] offer_withdrawn`, fourteen languages);
- a calling-off decided, the verb's infinitive after the decision ("habe entschieden, das
  Treffen abzusagen", "decided to call off", "a décidé d'annuler"; `[observe] called_off`);
- a calling-off in reported speech takes the past perfect ("said he had called off the
  summit", "a déclaré qu'il avait annulé"): the auxiliary is the report's tense, not an
  old event (`observe._backshifted`, `[observe] backshift` in the languages that shift
  tenses: en de fr es it pt nl no);
- an exhibition match is a match (`[occasion] match`), so its calling-off names an occasion.

End to end, each makes the one record of its story withdrawn with one announcement per
change. Sentences written for these tests; the shipped gazetteer and places. Every case
fails on main 4094a06 (42 cases) except the six marked as precision bounds, which hold on
both."""

from __future__ import annotations

from typing import Any

import pytest

from bot.domain import NotificationKind, Status
from bot.matcher import Matcher
from bot.replay import replay
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy
from tests.support.matching import match_text


def _lone(matcher: Matcher, lang: str, text: str) -> set[tuple[str | None, str | None, str]]:
    result = match_text(matcher, text, lang=lang)
    return {(o.party.figure_id, o.side, o.status.value) for o in result.lone_observations}


# --- the inviter takes a challenge back ------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Marine Le Pen withdrew her challenge to a televised debate in Paris on "
               "Monday."),
        ("de", "Marine Le Pen zog am Montag ihre Herausforderung zu einem Fernsehduell in "
               "Paris zurück."),
        ("fr", "Marine Le Pen a retiré son défi pour un débat télévisé à Paris lundi."),
        ("es", "Marine Le Pen retira su desafío de debate televisado en París."),
        ("es", "Marine Le Pen dio este lunes por retirado el reto de debate que lanzó en "
               "París."),
        ("it", "Marine Le Pen ha ritirato la sua sfida per un dibattito televisivo a Parigi "
               "lunedì."),
        ("pt", "Marine Le Pen retirou o desafio para um debate televisivo em Paris na "
               "segunda-feira."),
        ("ru", "Марин Ле Пен в понедельник отозвала свой вызов на телевизионные дебаты в "
               "Париже."),
        ("uk", "Марін Ле Пен у понеділок відкликала свій виклик на телевізійні дебати в "
               "Парижі."),
        ("pl", "Marine Le Pen wycofała w poniedziałek swoje wyzwanie do debaty w Paryżu."),
        ("nl", "Marine Le Pen trok maandag haar uitdaging voor een debat in Parijs in."),
        ("no", "Marine Le Pen trakk mandag tilbake utfordringen til en debatt i Paris."),
        ("tr", "Marine Le Pen, Paris'teki televizyon tartışması için meydan okumasını geri "
               "çekti."),
        ("ja", "ルペン氏は、パリでのテレビ討論会への挑戦を撤回した。"),
        ("zh", "勒庞宣布撤回在巴黎举行电视辩论的挑战。"),
    ],
)
def test_the_inviter_takes_a_challenge_back(real_matcher: Matcher, lang: str,
                                            text: str) -> None:
    assert ("marine-le-pen", "inviter", "withdrawn") in _lone(real_matcher, lang, text)


# --- a calling-off decided ------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Friedrich Merz decided to call off the summit in Berlin, his spokesman "
               "said."),
        ("de", "Bundeskanzler Friedrich Merz habe entschieden, das Treffen in Berlin "
               "abzusagen, teilte sein Sprecher mit."),
        ("fr", "Friedrich Merz a décidé d'annuler le sommet de Berlin."),
        ("es", "Friedrich Merz decidió cancelar la cumbre de Berlín."),
        ("it", "Friedrich Merz ha deciso di annullare il vertice di Berlino."),
        ("pt", "Friedrich Merz decidiu cancelar a cimeira de Berlim."),
        ("ru", "Фридрих Мерц решил отменить саммит в Берлине."),
        ("uk", "Фрідріх Мерц вирішив скасувати саміт у Берліні."),
        ("pl", "Friedrich Merz postanowił odwołać szczyt w Berlinie."),
        ("nl", "Friedrich Merz besloot de top in Berlijn af te blazen."),
        ("no", "Friedrich Merz besluttet å avlyse toppmøtet i Berlin."),
        ("tr", "Friedrich Merz, Berlin'deki zirveyi iptal etmeye karar verdi."),
        ("ja", "メルツ首相は、ベルリンでの首脳会談を中止することを決めた。"),
        ("zh", "默茨决定取消在柏林举行的峰会。"),
    ],
)
def test_a_calling_off_decided_is_read(real_matcher: Matcher, lang: str, text: str) -> None:
    assert ("friedrich-merz", None, "withdrawn") in _lone(real_matcher, lang, text)


# --- a calling-off in reported speech -------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Donald Trump said on Monday he had called off the planned summit "
               "in Geneva."),
        ("fr", "Donald Trump a déclaré lundi qu'il avait annulé le sommet de Genève."),
        ("es", "Donald Trump dijo que había cancelado la cumbre de Ginebra."),
        ("it", "Donald Trump ha detto che aveva annullato il vertice di Ginevra."),
        ("pt", "Donald Trump disse que tinha cancelado a cimeira de Genebra."),
    ],
)
def test_a_reported_calling_off_is_no_old_event(real_matcher: Matcher, lang: str,
                                                text: str) -> None:
    assert ("donald-trump", None, "withdrawn") in _lone(real_matcher, lang, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # precision bounds (hold on main too): without a reporting verb "had" dates the
        # calling-off to the past; a year or "last year" still does; a meeting told in
        # the past perfect after "said" is an old meeting, not a last word
        ("en", "President Donald Trump had called off the planned summit in Geneva."),
        ("en", "Donald Trump said he had called off the summit in Geneva in 2019."),
        ("en", "Donald Trump said he had called off last year's summit in Geneva."),
        ("en", "Donald Trump said he had attended the summit in Geneva."),
        # a challenge taken back that names no occasion and no place is nothing
        ("en", "Marine Le Pen withdrew her challenge on Monday."),
        # an infinitive without the decision ("urged to cancel") is no calling-off
        ("fr", "Les syndicats ont demandé à Emmanuel Macron d'annuler le sommet de "
               "Paris."),
    ],
)
def test_no_last_word_where_none_was_said(real_matcher: Matcher, lang: str,
                                          text: str) -> None:
    statuses = {status for _, _, status in _lone(real_matcher, lang, text)}
    assert not statuses & {"withdrawn", "took_place"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("no", "Magnus Carlsen har avlyst oppvisningskampen i Oslo."),
        ("de", "Magnus Carlsen hat den Schaukampf in Oslo abgesagt."),
        ("nl", "Magnus Carlsen heeft de exhibitiewedstrijd in Oslo afgelast."),
        ("tr", "Magnus Carlsen, Oslo'daki gösteri maçını iptal etti."),
        ("ja", "カールセン氏は、オスロでのエキシビションマッチを中止した。"),
    ],
)
def test_an_exhibition_match_names_its_occasion(real_matcher: Matcher, lang: str,
                                                text: str) -> None:
    result = match_text(real_matcher, text, lang=lang)
    assert [(o.party.figure_id, o.status, o.occasion.kind.value)
            for o in result.lone_observations] == [("magnus-carlsen", Status.WITHDRAWN,
                                                    "match")]


# --- end to end: one record, withdrawn, one announcement per change -------------------

DEBATE: list[dict[str, Any]] = [
    {"id": "challenge", "date": "2025-05-06", "lang": "fr", "url": "https://a.example/1",
     "text": "PARIS - Marine Le Pen a défié Emmanuel Macron à un débat télévisé à Paris "
             "avant l'été, a-t-elle déclaré mardi."},
    {"id": "accepted", "date": "2025-05-20", "lang": "en", "url": "https://b.example/2",
     "text": "PARIS - Emmanuel Macron accepted the challenge from Marine Le Pen to a "
             "televised debate in Paris, the Elysee said on Tuesday."},
    {"id": "taken-back", "date": "2025-06-10", "lang": "es", "url": "https://c.example/3",
     "text": "PARÍS - Marine Le Pen dio este martes por retirado el reto de debate en París. "
             "\"Ya no hay oferta\", declaró en un mitin."},
]

SUMMIT: list[dict[str, Any]] = [
    {"id": "invited", "date": "2025-03-04", "lang": "en", "url": "https://d.example/1",
     "text": "BERLIN - Chancellor Friedrich Merz has invited Spanish Prime Minister Pedro "
             "Sánchez to a summit in Berlin in June."},
    {"id": "accepted", "date": "2025-03-20", "lang": "es", "url": "https://e.example/2",
     "text": "MADRID - Pedro Sánchez ha aceptado la invitación de Friedrich Merz para la "
             "cumbre de Berlín."},
    {"id": "off", "date": "2025-05-15", "lang": "de", "url": "https://f.example/3",
     "text": "BERLIN - Bundeskanzler Friedrich Merz habe entschieden, das Treffen in Berlin "
             "abzusagen, teilte ein Regierungssprecher am Donnerstag mit."},
]

REPORTED: list[dict[str, Any]] = [
    {"id": "invited", "date": "2025-09-02", "lang": "en", "url": "https://g.example/1",
     "text": "WASHINGTON - President Donald Trump has invited Hungarian Prime Minister "
             "Viktor Orbán to a summit in Washington in October."},
    {"id": "off", "date": "2025-09-25", "lang": "en", "url": "https://h.example/2",
     "text": "WASHINGTON - President Donald Trump said on Thursday he had called off the "
             "planned summit in Washington. \"It was not the right time,\" he told "
             "reporters."},
]


@pytest.mark.parametrize("story", [DEBATE, SUMMIT, REPORTED], ids=["debate", "summit",
                                                                   "reported"])
def test_the_inviters_last_word_withdraws_the_one_record(
        sqlite_store: Store, real_matcher: Matcher, story: list[dict[str, Any]]) -> None:
    sent = replay(story, store=sqlite_store, matcher=real_matcher, policy=TrackerPolicy())
    kinds = [(n.kind, n.status) for n in sent]
    assert kinds[0] == (NotificationKind.NEW, Status.PENDING)
    assert kinds[-1] == (NotificationKind.STATUS, Status.WITHDRAWN)
    assert len(kinds) == len(set(kinds)) == len(story)  # one announcement per change
    with sqlite_store.unit() as unit:
        [invitation] = unit.list_invitations(InvitationFilter(limit=10))
    assert invitation.status == Status.WITHDRAWN
    assert len(invitation.sources) == len(story)
