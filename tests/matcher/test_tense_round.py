"""Issue 14, tense round (blind set tests/data/matcher-held/b10-tense): the status of a trip
"at the invitation of" follows the tense and date words of its clause, read against the
article's date (bot/matcher/tense.py). Sentences written for these tests (not taken from
any corpus); the gazetteer is tests/matcher/figures_small.toml. 2023-05-04 is a Thursday.

- a present tense of travel (lexicon `[modifiers] present`) with a weekday or date after
  the article's date announces the trip: accepted; on the article's own weekday, or with
  no date, it is under way: took place;
- future forms of travel and announcement words (`[modifiers] future`) announce it;
- a past verb of arrival keeps it took place whatever later dates or future words stand in
  other clauses;
- a `by` cue with no tense, date or status word (a headline) took place only by default:
  a timed invitation sentence of the pair outranks it (`InviteFinding.untimed`);
- a took-place report dated to an earlier year is a recap: the article's new invitation of
  the same pair keeps its own status (`InviteFinding.recap`, `Candidate.offer_finding`);
- "will consider" in zh, ja, ko is a response;
- a status phrase that starts inside a figure's name is the name ("Schoof aan")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher
from bot.matcher.dates import DateWords, days_named

from .conftest import pairs

Match = Callable[..., MatchResult]
PUTIN, XI, MUSK = "vladimir-putin", "xi-jinping", "elon-musk"
ERDOGAN, LULA, MELONI, SANCHEZ = "recep-tayyip-erdogan", "lula", "giorgia-meloni", "pedro-sanchez"
SCHOLZ = "olaf-scholz"
THURSDAY = "2023-05-04"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Lula travels to Beijing on Saturday at the invitation of Xi Jinping.",
         (XI, LULA, "accepted")),
        ("it", "Lula arriva sabato a Roma su invito di Giorgia Meloni.",
         (MELONI, LULA, "accepted")),
        ("de", "Lula reist am Samstag auf Einladung von Olaf Scholz nach Berlin.",
         (SCHOLZ, LULA, "accepted")),
        ("es", "Lula llega a Madrid el 20 de mayo por invitación de Pedro Sánchez.",
         (SANCHEZ, LULA, "accepted")),
        ("nl", "Lula brengt zaterdag op uitnodiging van Giorgia Meloni een bezoek aan Rome.",
         (MELONI, LULA, "accepted")),
        ("no", "Lula reiser til Roma på lørdag etter invitasjon fra Giorgia Meloni.",
         (MELONI, LULA, "accepted")),
        ("pl", "Xi przyjeżdża w sobotę do Moskwy na zaproszenie Putina.",
         (PUTIN, XI, "accepted")),
    ],
)
def test_a_present_tense_with_a_later_day_announces_the_trip(
        match: Match, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang, date=THURSDAY))
    assert expected in found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the article's own weekday: the trip is under way
        ("en", "Lula travels to Beijing on Thursday at the invitation of Xi Jinping.",
         (XI, LULA, "took_place")),
        ("it", "Lula arriva giovedì a Roma su invito di Giorgia Meloni.",
         (MELONI, LULA, "took_place")),
        # no date: a present tense reports it ("arrives in", a headline's tense)
        ("en", "Lula arrives in Beijing at the invitation of Xi Jinping.",
         (XI, LULA, "took_place")),
        # a past arrival: the later date is the visit's end
        ("en", "Lula arrived in Beijing on Thursday at the invitation of Xi Jinping for a "
               "visit lasting until 7 May.", (XI, LULA, "took_place")),
        # a future word in another clause is the programme's
        ("en", "Lula arrived in Beijing on Thursday at the invitation of Xi Jinping, "
               "beginning a visit that is due to end on Sunday.", (XI, LULA, "took_place")),
        # a past verb with a weekday: the last one
        ("fr", "Lula a achevé lundi une visite à Rome, effectuée à l'invitation de Giorgia "
               "Meloni.", (MELONI, LULA, "took_place")),
    ],
)
def test_a_trip_under_way_or_over_took_place(match: Match, lang: str, text: str,
                                             expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang, date=THURSDAY))
    assert expected in found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Lula se rendra à Rome samedi à l'invitation de Giorgia Meloni.",
         (MELONI, LULA, "accepted")),
        ("es", "Lula viajará a Roma el sábado por invitación de Giorgia Meloni.",
         (MELONI, LULA, "accepted")),
        ("ru", "Эрдоган посетит Москву в субботу по приглашению Путина.",
         (PUTIN, ERDOGAN, "accepted")),
        ("pl", "Xi uda się w sobotę do Moskwy na zaproszenie Putina.",
         (PUTIN, XI, "accepted")),
        ("tr", "Lula, Erdoğan'ın daveti üzerine cumartesi günü Türkiye'yi ziyaret edecek.",
         (ERDOGAN, LULA, "accepted")),
        ("ja", "イーロン・マスク氏はプーチン大統領の招待により、来月モスクワを訪問すると発表した。",
         (PUTIN, MUSK, "accepted")),
        ("zh", "应普京邀请，习近平将于5月10日对俄罗斯进行国事访问。", (PUTIN, XI, "accepted")),
    ],
)
def test_a_future_form_announces_the_trip(match: Match, lang: str, text: str,
                                          expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang, date=THURSDAY))
    assert expected in found, (text, found)


@pytest.mark.parametrize(
    ("lang", "title", "text", "expected"),
    [
        ("de", "Lula auf Einladung von Scholz in Berlin",
         "Lula reist am Samstag auf Einladung von Olaf Scholz nach Berlin.",
         (SCHOLZ, LULA, "accepted")),
        ("en", "Lula in Beijing at the invitation of Xi Jinping",
         "Lula will travel to Beijing next week at the invitation of Xi Jinping.",
         (XI, LULA, "accepted")),
        # the body reports the arrival: took place
        ("en", "Lula in Beijing at the invitation of Xi Jinping",
         "Lula arrived in Beijing on Thursday at the invitation of Xi Jinping.",
         (XI, LULA, "took_place")),
    ],
)
def test_an_untimed_headline_gives_way_to_a_timed_report(
        match: Match, lang: str, title: str, text: str, expected: tuple[str, str, str]) -> None:
    """A `by` cue with no tense, date or status word (a headline) took place only by
    default: the body's invitation sentence that times the trip ahead outranks it."""
    found = pairs(match(text, title=title, lang=lang, date=THURSDAY))
    assert expected in found, (title, text, found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "Giorgia Meloni invitó a Pedro Sánchez a visitar Roma. Sánchez ya viajó a Roma "
               "en 2021 por invitación de Meloni.", (MELONI, SANCHEZ, "pending")),
        ("en", "In 2019 Lula attended a summit in Beijing at the invitation of Xi Jinping. "
               "Xi Jinping has now invited Lula to visit Beijing again.", (XI, LULA, "pending")),
        ("fr", "Lula se rendra à Rome la semaine prochaine à l'invitation de Giorgia Meloni. "
               "En 2021, Lula avait assisté à un sommet à l'invitation de Meloni.",
         (MELONI, LULA, "accepted")),
        # the recap alone is the pair's only report: it took place
        ("es", "En 2021 Pedro Sánchez viajó a Roma por invitación de Giorgia Meloni.",
         (MELONI, SANCHEZ, "took_place")),
    ],
)
def test_a_recap_of_an_earlier_year_is_another_occasion(
        match: Match, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang, date=THURSDAY))
    assert expected in found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("zh", "普京邀请习近平访问莫斯科。习近平表示将认真考虑这一邀请。", (PUTIN, XI, "responded")),
        ("ja", "プーチン大統領がイーロン・マスク氏を招待した。イーロン・マスク氏は「前向きに検討したい」と述べた。",
         (PUTIN, MUSK, "responded")),
        ("ko", "푸틴 대통령이 일론 머스크를 초청했다. 일론 머스크는 긍정적으로 검토하겠다고 말했다.",
         (PUTIN, MUSK, "responded")),
    ],
)
def test_will_consider_is_a_response(match: Match, lang: str, text: str,
                                     expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang, date=THURSDAY))
    assert expected in found, (text, found)


WORDS = DateWords(
    weekdays=(("monday",), ("tuesday",), ("wednesday",), ("thursday",), ("friday",),
              ("saturday",), ("sunday",)),
    months=(("january",), ("february",), ("march",), ("april",), ("may",), ("june",),
            ("july",), ("august",), ("september",), ("october",), ("november",),
            ("december",)),
    yesterday=("yesterday",),
)


def test_days_named_reads_weekdays_ahead_or_behind() -> None:
    thursday = date(2023, 5, 4)
    assert days_named("on Monday", thursday, WORDS, ahead=True) == {date(2023, 5, 8)}
    assert days_named("on Monday", thursday, WORDS, ahead=False) == {date(2023, 5, 1)}
    assert days_named("on Thursday", thursday, WORDS, ahead=True) == {thursday}
    assert days_named("on 20 May", thursday, WORDS, ahead=False) == {date(2023, 5, 20)}
    assert days_named("yesterday", thursday, WORDS, ahead=True) == {date(2023, 5, 3)}


def test_a_status_phrase_inside_a_name_is_the_name(real_matcher: Matcher) -> None:
    """"Uitnodiging van Schoof aan Lula": "schoof ... aan" (joined the table) is a took-place
    phrase, but here it is Dick Schoof's name: the headline reports the invitation only."""
    published = datetime.fromisoformat(THURSDAY).replace(hour=12, tzinfo=UTC)
    result = real_matcher.match(Article(key="t", title="Uitnodiging van Schoof aan Lula",
                                        text="Een bezoek staat nog niet in de agenda.",
                                        published=published, lang="nl"))
    assert ("dick-schoof", "lula-da-silva", "pending") in pairs(result), pairs(result)
