"""Recall fixes of round 2, with the real gazetteer (sentences written for these tests)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article
from bot.matcher import Matcher

PUTIN, MACRON, MODI, XI = "vladimir-putin", "emmanuel-macron", "narendra-modi", "xi-jinping"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the negation "न" is not read inside "पुतिन" (a vowel sign before it)
        ("hi", "प्रधानमंत्री नरेंद्र मोदी रूस के राष्ट्रपति व्लादिमीर पुतिन के निमंत्रण पर मॉस्को "
               "पहुंचे।", (PUTIN, MODI, "took_place")),
        # a declined Cyrillic title: "председателю КНР" is Xi
        ("ru", "Путин направил приглашение председателю КНР посетить Москву.",
         (PUTIN, XI, "pending")),
        ("es", "Emmanuel Macron participó el martes en un foro en Moscú, al que lo había invitado "
               "Vladimir Putin.", (PUTIN, MACRON, "took_place")),
        ("el", "Ο Μακρόν έφτασε στη Μόσχα ύστερα από πρόσκληση του Πούτιν.",
         (PUTIN, MACRON, "took_place")),
        ("el", "Ο Μακρόν ακύρωσε την επίσκεψη, παρά την πρόσκληση του Πούτιν.",
         (PUTIN, MACRON, "withdrawn")),
        ("ko", "마크롱이 푸틴의 방러 초청을 정중히 고사했다.", (PUTIN, MACRON, "declined")),
    ],
)
def test_found(real_matcher: Matcher, lang: str, text: str, expected: tuple[str, str, str]
               ) -> None:
    result = real_matcher.match(Article(key="t", text=text, lang=lang,
                                        published=datetime(2024, 6, 5, 12, tzinfo=UTC)))
    found = {(m.inviter.key, m.invitee.key, m.status.value) for m in result.mentions}
    assert expected in found
