"""status_date: the day a status came about, from the sentence and the article's date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from bot.domain import MatchResult, Status
from bot.matcher.dates import status_date
from bot.matcher.lexicon import load_lexicons

WORDS = {code: lx.dates for code, lx in load_lexicons().items() if lx.dates}

WEDNESDAY = date(2024, 3, 6)
MONDAY = date(2024, 3, 4)
TUESDAY = date(2024, 3, 5)
T = Status.TOOK_PLACE


@pytest.mark.parametrize(
    ("lang", "sentence", "status", "expected"),
    [
        ("en", "Biden and Lula met on Monday.", T, MONDAY),
        ("de", "Scholz und Macron trafen sich am Montag.", T, MONDAY),
        ("fr", "Macron a reçu Scholz lundi à l'Élysée.", T, MONDAY),
        ("es", "Sánchez rechazó el lunes la invitación.", Status.DECLINED, MONDAY),
        ("it", "Meloni e Macron si sono incontrati lunedì.", T, MONDAY),
        ("pt", "Lula e Biden reuniram-se na segunda-feira.", T, MONDAY),
        ("ru", "Путин и Моди встретились в понедельник.", T, MONDAY),
        ("uk", "Зеленський і Макрон зустрілися в понеділок.", T, MONDAY),
        ("en", "They met yesterday in Paris.", T, TUESDAY),
        ("de", "Gestern trafen sie sich.", T, TUESDAY),
        ("ru", "Вчера Кремль ответил отказом.", Status.DECLINED, TUESDAY),
        ("uk", "Учора візит скасували.", Status.WITHDRAWN, TUESDAY),
        ("en", "They met on 2 March.", T, date(2024, 3, 2)),
        ("en", "They met on March 2nd.", T, date(2024, 3, 2)),
        ("de", "Sie trafen sich am 2. März in Berlin.", T, date(2024, 3, 2)),
        ("es", "Se reunieron el 2 de marzo.", T, date(2024, 3, 2)),
        ("ru", "Встреча состоялась 2 марта 2024 года.", T, date(2024, 3, 2)),
        ("en", "Lula accepted on 1 March.", Status.ACCEPTED, date(2024, 3, 1)),
        # not dated: the article's own day, a future date, two dates, a weekday beside an
        # acceptance (usually the visit's), pending, too long ago, an impossible date
        ("en", "They met on Wednesday.", T, None),
        ("en", "They met today.", T, None),
        ("en", "Lula accepted and will visit on 10 March.", Status.ACCEPTED, None),
        ("en", "They met on Monday and again on Tuesday.", T, None),
        ("en", "Lula accepted on Monday.", Status.ACCEPTED, None),
        ("en", "Biden invited Lula on Monday.", Status.PENDING, None),
        ("en", "They met on 2 March 2023.", T, None),
        ("en", "They met on 31 February.", T, None),
        ("de", "Hier trafen sie sich am Montag.", T, MONDAY),  # "hier" is French only
    ],
)
def test_status_date(lang: str, sentence: str, status: Status, expected: date | None) -> None:
    assert status_date(sentence, lang, WEDNESDAY, status, WORDS) == expected


def test_a_date_late_in_december_read_in_january_is_last_year() -> None:
    assert status_date("They met on 30 December.", "en", date(2024, 1, 5), T, WORDS) == date(2023, 12, 30)


def test_no_article_date_no_status_date() -> None:
    assert status_date("They met on Monday.", "en", None, T, WORDS) is None


def test_mentions_and_observations_carry_the_status_date(match: Callable[..., MatchResult]
                                                         ) -> None:
    result = match("Olaf Scholz declined Emmanuel Macron's invitation on Monday.", lang="en",
                   date="2024-03-06")
    assert [(m.status, m.status_date) for m in result.mentions] == [(Status.DECLINED, MONDAY)]
    result = match("Joe Biden and Lula met at the White House yesterday.", lang="en",
                   date="2024-03-06")
    assert [(o.status, o.status_date) for o in result.observations] == [(T, TUESDAY)]
