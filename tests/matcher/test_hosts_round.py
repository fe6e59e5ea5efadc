"""Issue 14, host round: the host of an occasion invited the guests said to attend, arrive
for, confirm or skip it, across sentences (bot/matcher/hosts.py, the lexicons' [hosts])."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from bot.matcher.lexicon import HOST_KEYS, load_lexicons
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("text", "day", "expected"), [
    # host first, guests in the next sentences (en)
    ("Irish Prime Minister Micheál Martin is hosting an EU leaders' dinner in Dublin on Friday. "
     "Dutch Prime Minister Dick Schoof arrived on Thursday evening. "
     "Austrian Chancellor Christian Stocker will skip the dinner.",
     "2025-09-12",
     {("micheal-martin", "dick-schoof", "took_place"),
      ("micheal-martin", "christian-stocker", "declined")}),
    # the host after its marker, two coordinated guests confirming (de)
    ("Der Gipfel in Athen beginnt am Montag. Gastgeber ist der griechische Ministerpräsident "
     "Kyriakos Mitsotakis. Emmanuel Macron und Giorgia Meloni haben ihr Kommen zugesagt.",
     "2025-05-10",
     {("kyriakos-mitsotakis", "emmanuel-macron", "accepted"),
      ("kyriakos-mitsotakis", "giorgia-meloni", "accepted")}),
    # the guest's verb before the guest, a refusal in the same sentence (pl)
    ("Gospodarzem szczytu w Krakowie jest premier Donald Tusk. Do Krakowa przybył we wtorek "
     "kanclerz Friedrich Merz, natomiast premier Robert Fico nie przyjedzie.",
     "2025-10-07",
     {("donald-tusk", "friedrich-merz", "took_place"),
      ("donald-tusk", "robert-fico", "declined")}),
])
def test_a_host_invites_the_guests_around_it(real: Matcher, text: str, day: str,
                                             expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day)) == expected


@pytest.mark.parametrize(("text", "day"), [
    # the host's own minister greets the guests: no guest
    ("Italian Prime Minister Giorgia Meloni is hosting a summit in Rome. Foreign Minister "
     "Antonio Tajani was present at the airport.", "2025-09-12"),
    # a stand-in attends in the principal's place
    ("Polish Prime Minister Donald Tusk is hosting a summit in Warsaw on Friday. Foreign "
     "Minister Antonio Tajani will attend in place of Giorgia Meloni.", "2025-09-12"),
    # the guests go to another occasion, introduced as new
    ("Prime Minister Jonas Gahr Støre is hosting a summit in Oslo. Ulf Kristersson and "
     "Alexander Stubb will attend a meeting in Brussels that day.", "2025-09-12"),
    # a past edition's attendance
    ("Prime Minister Jonas Gahr Støre is hosting the Nordic summit in Oslo. Last year "
     "Alexander Stubb attended the summit in Helsinki.", "2025-09-12"),
    # a host of no occasion the lexicon knows: a company's fair
    ("Siemens is hosting a trade fair in Munich. Friedrich Merz arrived on Monday.",
     "2025-09-12"),
])
def test_no_guest_without_a_host_and_its_own_occasion(real: Matcher, text: str, day: str) -> None:
    assert not pairs(match_text(real, text, day))


def test_every_first_class_lexicon_has_host_markers_and_attendance_words() -> None:
    lexicons = load_lexicons()
    for lang in ("en", "de", "fr", "es", "it", "pt", "ru", "uk", "ja", "zh", "tr", "no", "nl",
                 "pl", "ko", "sv"):
        hosts = lexicons[lang].hosts
        assert set(hosts) <= set(HOST_KEYS)
        for key in ("host_before", "host_after", "attended", "will_attend", "absent"):
            assert hosts.get(key), (lang, key)
