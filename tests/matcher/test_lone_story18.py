"""One-party last words, story18 round (issue 15): the inviter taking the invitation back
("withdrew his invitation", "the invitation no longer stands") is withdrawn on the
inviter's side; "X will be in <place>" is the guest's acceptance, only with the place right
after it; a refusal by a negative determiner ("will take part in no debate", "an keiner
... teilnehmen") or a fighter's refusal with its noun ("не выйдет на бой") is a decline; a
capitalised noun or a place's adjective ("im Warschauer Präsidentenpalast") is no second
person; national-day nouns name an event. Sentences written for these tests; the shipped
gazetteer and places."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article
from bot.matcher import Matcher
from tests.support.matching import match_text


def _lone(result):  # type: ignore[no-untyped-def]
    return {(o.party.figure_id, o.side, o.status.value, o.occasion.place)
            for o in result.lone_observations}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Emmanuel Macron withdrew his invitation for a state visit to Paris "
               "on Monday."),
        ("en", "The invitation for the state visit to Paris no longer stands, Emmanuel "
               "Macron said on Monday."),
        ("de", "Emmanuel Macron zog am Montag seine Einladung zum Staatsbesuch in Paris "
               "zurück."),
        ("de", "Die Einladung zum Staatsbesuch in Paris gilt nicht mehr, sagte Emmanuel "
               "Macron am Montag."),
        ("fr", "Emmanuel Macron a retiré son invitation pour une visite d'État à Paris "
               "lundi."),
        ("es", "Emmanuel Macron retiró su invitación para una visita de Estado a París el "
               "lunes."),
        ("it", "Emmanuel Macron ha ritirato il suo invito per una visita di Stato a Parigi "
               "lunedì."),
        ("pt", "Emmanuel Macron retirou o convite para uma visita de Estado a Paris na "
               "segunda-feira."),
        ("ru", "Эмманюэль Макрон в понедельник отозвал приглашение на государственный визит "
               "в Париж."),
        ("uk", "Еммануель Макрон у понеділок відкликав запрошення на державний візит до "
               "Парижа."),
        ("pl", "Emmanuel Macron wycofał w poniedziałek zaproszenie na wizytę państwową w "
               "Paryżu."),
        ("nl", "Emmanuel Macron trok maandag zijn uitnodiging voor een staatsbezoek aan "
               "Parijs in."),
        ("no", "Emmanuel Macron trakk mandag tilbake invitasjonen til et statsbesøk i "
               "Paris."),
        ("tr", "Emmanuel Macron, Paris'e devlet ziyareti için yaptığı daveti geri çekti."),
        ("tr", "Emmanuel Macron, Paris ziyaretine yönelik davetin artık geçerli olmadığını "
               "açıkladı."),
        ("ja", "マクロン大統領は、パリへの国賓訪問の招待を撤回した。"),
        ("zh", "法国总统马克龙宣布撤回前往巴黎进行国事访问的邀请。"),
        ("zh", "马克龙表示，巴黎国事访问的邀请已被撤回。"),
    ],
)
def test_the_inviter_taking_the_invitation_back_withdraws_it(real_matcher: Matcher,
                                                              lang: str, text: str) -> None:
    result = match_text(real_matcher, text, "2025-11-14", lang)
    assert _lone(result) == {("emmanuel-macron", "inviter", "withdrawn", "Paris")}


def test_an_invitation_still_standing_is_not_withdrawn(real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "The invitation for the state visit to Paris still "
                                      "stands, Emmanuel Macron said on Monday.",
                        "2025-11-14", "en")
    assert _lone(result) == {("emmanuel-macron", "inviter", "pending", "Paris")}


def test_withdrawing_an_invitation_to_a_named_guest_is_no_lone_report(
        real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "Emmanuel Macron withdrew his invitation to Xi Jinping "
                                      "for a state visit to Paris on Monday.",
                        "2025-11-14", "en")
    assert not result.lone_observations


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Bundeskanzler Friedrich Merz will an keiner Fernsehdebatte in Paris "
               "teilnehmen."),
        ("en", "Chancellor Friedrich Merz will take part in no debate in Paris, his office "
               "said."),
        ("fr", "Friedrich Merz ne participera à aucun débat à Paris."),
        ("nl", "Friedrich Merz zal aan geen debat in Parijs deelnemen."),
    ],
)
def test_a_negative_determiner_is_a_decline(real_matcher: Matcher, lang: str,
                                            text: str) -> None:
    result = match_text(real_matcher, text, "2025-11-14", lang)
    assert _lone(result) == {("friedrich-merz", "invitee", "declined", "Paris")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Дмитрий Бивол не выйдет на третий бой в Эр-Рияде этим летом."),
        ("uk", "Дмитро Бівол не вийде на третій бій в Ер-Ріяді цього літа."),
    ],
)
def test_a_fighter_not_stepping_into_the_bout_declines(real_matcher: Matcher, lang: str,
                                                       text: str) -> None:
    result = match_text(real_matcher, text, "2026-03-04", lang)
    assert {(f, side, s) for f, side, s, _ in _lone(result)} == {
        ("dmitry-bivol", "invitee", "declined")}
    assert {o.occasion.kind.value for o in result.lone_observations} == {"match"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Romanian President Nicusor Dan will be in Chisinau on August 27 for the "
               "Independence Day celebrations."),
        ("de", "Der rumänische Präsident Nicusor Dan wird am 27. August in Chisinau bei den "
               "Feierlichkeiten dabei sein."),
        ("fr", "Le président roumain Nicusor Dan sera à Chisinau le 27 août pour les "
               "célébrations de la fête nationale."),
        ("es", "El presidente rumano Nicusor Dan estará en Chisinau el 27 de agosto para las "
               "celebraciones."),
        ("it", "Il presidente romeno Nicusor Dan sarà a Chisinau il 27 agosto per le "
               "celebrazioni della festa nazionale."),
        ("pt", "O presidente romeno Nicusor Dan estará em Chisinau no dia 27 de agosto para "
               "as celebrações."),
        ("ru", "Президент Румынии Никушор Дан будет в Кишиневе 27 августа на праздновании "
               "Дня независимости."),
        ("uk", "Президент Румунії Нікушор Дан буде в Кишиневі 27 серпня на святкуванні Дня "
               "незалежності."),
        ("nl", "De Roemeense president Nicusor Dan zal op 27 augustus aanwezig zijn bij de "
               "vieringen in Chisinau."),
        ("no", "Den rumenske presidenten Nicusor Dan skal være i Chisinau 27. august under "
               "feiringen."),
        ("tr", "Romanya Cumhurbaşkanı Nicusor Dan, 27 Ağustos'ta Kişinev'deki Bağımsızlık "
               "Günü kutlamalarına katılacak."),
        ("zh", "罗马尼亚总统丹将出席8月27日在基希讷乌举行的独立日庆典。"),
    ],
)
def test_a_guest_who_will_be_at_the_place_accepts(real_matcher: Matcher, lang: str,
                                                  text: str) -> None:
    result = match_text(real_matcher, text, "2025-08-19", lang)
    assert _lone(result) == {("nicusor-dan", "invitee", "accepted", "Chisinau")}
    assert {o.occasion.kind.value for o in result.lone_observations} == {"event"}


@pytest.mark.parametrize(
    "text",
    [
        "Nicusor Dan will be in a position to decide on Chisinau next month.",
        "Nicusor Dan would be in Chisinau on August 27 if his schedule allowed.",
    ],
)
def test_being_somewhere_needs_the_place_right_after(real_matcher: Matcher,
                                                     text: str) -> None:
    result = match_text(real_matcher, text, "2025-08-19", "en")
    assert not result.lone_observations


def test_a_place_adjective_before_a_noun_is_no_second_person(real_matcher: Matcher) -> None:
    # The headline repeats the building's noun, which alone would pass for a surname.
    article = Article(
        key="t", lang="de", title="Tusk: Keine Debatte im Präsidentenpalast",
        published=datetime(2026, 1, 23, 12, tzinfo=UTC),
        text="BRÜSSEL - Polens Ministerpräsident Donald Tusk will an keiner Fernsehdebatte "
             "im Warschauer Präsidentenpalast teilnehmen. Das sagte er am Freitag.")
    result = real_matcher.match(article)
    assert _lone(result) == {("donald-tusk", "invitee", "declined", "Warsaw")}


def test_a_national_day_names_an_event_and_keeps_the_body_place(
        real_matcher: Matcher) -> None:
    article = Article(
        key="t", lang="ru", title="Санду пригласила Никушора Дана на День независимости",
        published=datetime(2025, 8, 6, 12, tzinfo=UTC),
        text="Майя Санду пригласила Никушора Дана принять участие в праздновании Дня "
             "независимости 27 августа в Кишиневе.")
    result = real_matcher.match(article)
    assert {(m.inviter.figure_id, m.invitee.figure_id, m.occasion.kind.value,
             m.occasion.place) for m in result.mentions} == {
        ("maia-sandu", "nicusor-dan", "event", "Chisinau")}


def _mentions(result):  # type: ignore[no-untyped-def]
    return {(m.inviter.figure_id, m.invitee.figure_id, m.occasion.kind.value,
             m.occasion.place) for m in result.mentions}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Emmanuel Macron a invité Prabowo Subianto à se rendre en France cette année, "
               "a fait savoir l'Élysée à l'issue d'un entretien téléphonique sur la défense."),
        ("it", "Emmanuel Macron ha invitato Prabowo Subianto in Francia quest'anno, ha "
               "riferito l'Eliseo dopo un colloquio telefonico sulla difesa."),
    ],
)
def test_a_call_after_the_destination_is_the_setting(real_matcher: Matcher, lang: str,
                                                     text: str) -> None:
    result = match_text(real_matcher, text, "2025-01-15", lang)
    assert _mentions(result) == {("emmanuel-macron", "prabowo-subianto", "visit", "France")}


def test_a_call_told_in_another_sentence_is_not_the_trip(real_matcher: Matcher) -> None:
    article = Article(
        key="t", lang="fr", title="Macron invite le président indonésien en France",
        published=datetime(2025, 1, 15, 12, tzinfo=UTC),
        text="Emmanuel Macron a invité le président indonésien Prabowo Subianto à venir en "
             "France au printemps, a précisé l'Élysée après un entretien téléphonique.")
    result = real_matcher.match(article)
    assert _mentions(result) == {("emmanuel-macron", "prabowo-subianto", "visit", "France")}


def test_an_invitation_to_a_call_stays_a_call(real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "Emmanuel Macron a invité Prabowo Subianto à un "
                                      "entretien téléphonique.", "2025-01-15", "fr")
    assert _mentions(result) == {("emmanuel-macron", "prabowo-subianto", "conversation",
                                  None)}


@pytest.mark.parametrize(
    "text",
    [
        "Germany's Chancellor Friedrich Merz has invited Volodymyr Zelensky to a conference "
        "in Berlin.",
        "Norway's Prime Minister Jonas Gahr Støre invited Volodymyr Zelensky to an energy "
        "forum in Oslo.",
    ],
)
def test_a_country_possessive_before_the_inviter_is_no_host_cue(real_matcher: Matcher,
                                                                text: str) -> None:
    result = match_text(real_matcher, text, "2025-09-18", "en")
    assert {(i, g) for i, g, _, _ in _mentions(result)} in (
        {("friedrich-merz", "volodymyr-zelensky")}, {("jonas-gahr-store", "volodymyr-zelensky")})


def test_a_hosts_possessive_event_still_names_the_host(real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "Prime Minister Keir Starmer will skip Emmanuel "
                                      "Macron's climate conference in Paris.",
                        "2025-09-18", "en")
    assert {(i, g) for i, g, _, _ in _mentions(result)} == {("emmanuel-macron", "keir-starmer")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Indonesian President Prabowo Subianto arrived in Kuala Lumpur on Friday for "
               "the yearly consultations."),
        ("ru", "Президент Индонезии Прабово Субианто прибыл в Куала-Лумпур на ежегодные "
               "консультации."),
    ],
)
def test_consultations_are_a_meeting(real_matcher: Matcher, lang: str, text: str) -> None:
    result = match_text(real_matcher, text, "2025-06-27", lang)
    assert {(o.party.figure_id, o.status.value, o.occasion.kind.value)
            for o in result.lone_observations} == {("prabowo-subianto", "took_place",
                                                    "meeting")}


def test_the_malaysian_chinese_form_of_anwar_is_known(real_matcher: Matcher) -> None:
    result = match_text(real_matcher, "首相安华周二表示，他已邀请印尼总统普拉博沃前来吉隆坡出席年度磋商。",
                        "2026-04-08", "zh")
    assert {(i, g) for i, g, _, _ in _mentions(result)} == {("anwar-ibrahim",
                                                              "prabowo-subianto")}
