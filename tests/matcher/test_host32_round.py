"""Issue 14, stop 32, host32 round: hosted occasions told only by their outcome. The partner
of talks is no host of the meal after them ("talks with X, after which he gave a dinner in
his honour"); "was his host" names host and guest; "the guest" opening a host's sentence
is the lead's one foreign leader; a cancelled trip or visit is a refusal;
an attendance phrase naming the host's occasion outweighs another occasion named new beside
it; a verb-final German invitation to a meal hosts it; a split Polish "took ... part"; a minister receiving a foreign minister hosts him
(bot/matcher/hosts.py, the lexicons' [hosts]). Sentences written for this file."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DAY = "2026-03-10"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the partner of the talks is no subject of the meal verb after them
    ("ru", "Президент России Владимир Путин провёл в Кремле переговоры с президентом "
     "Казахстана Касым-Жомартом Токаевым, после чего дал в его честь ужин.",
     {("vladimir-putin", "kassym-jomart-tokayev", "took_place")}),
    ("en", "President Emmanuel Macron held talks at the Elysée with Chancellor Friedrich "
     "Merz, after which he gave a dinner in his honour.",
     {("emmanuel-macron", "friedrich-merz", "took_place")}),
    # "was his host": the host, and the guest named before him
    ("en", "Chancellor Friedrich Merz spent Monday in Rome, where Prime Minister Giorgia "
     "Meloni was his host for talks on migration.",
     {("giorgia-meloni", "friedrich-merz", "took_place")}),
    ("no", "Statsminister Ulf Kristersson tilbrakte tirsdag i Oslo, der statsminister Jonas "
     "Gahr Støre var hans vert for en middag på Akershus festning.",
     {("jonas-gahr-store", "ulf-kristersson", "took_place")}),
    ("pl", "Kanclerz Friedrich Merz spędził wtorek w Warszawie, gdzie premier Donald Tusk był "
     "jego gospodarzem podczas kolacji na Zamku Królewskim.",
     {("donald-tusk", "friedrich-merz", "took_place")}),
    # a cancelled trip is a refusal of the hosted occasion
    ("en", "President Emmanuel Macron hosts a summit of Nordic leaders in Paris on Thursday. "
     "Prime Minister Ulf Kristersson arrived on Wednesday evening, while Prime Minister "
     "Petteri Orpo called off his trip because of a strike at home.",
     {("emmanuel-macron", "ulf-kristersson", "took_place"),
      ("emmanuel-macron", "petteri-orpo", "declined")}),
    ("es", "El presidente Pedro Sánchez organiza una cumbre en Madrid. El presidente francés "
     "Emmanuel Macron suspendió su viaje por una huelga.",
     {("pedro-sanchez", "emmanuel-macron", "declined")}),
    ("no", "Statsminister Jonas Gahr Støre er vert for et toppmøte i Bergen. Sveriges "
     "statsminister Ulf Kristersson avlyste reisen på grunn av en streik.",
     {("jonas-gahr-store", "ulf-kristersson", "declined")}),
    # the host's occasion inside the attendance phrase, another occasion named new beside it
    ("de", "Bundeskanzler Friedrich Merz gab am Abend im Kanzleramt ein Essen für die Gäste "
     "des Gipfels. Ministerpräsident Petteri Orpo nutzte den Tag für ein Gespräch mit "
     "Studenten, Präsident Emmanuel Macron nahm am Abendessen teil.",
     {("friedrich-merz", "emmanuel-macron", "took_place")}),
    # a verb-final invitation to a meal: the host of that meal
    ("de", "Die Regierungschefs des Nordens sind nach Berlin gekommen, wo Bundeskanzler "
     "Friedrich Merz sie am Abend zu einem Essen bat. Ministerpräsident Petteri Orpo traf "
     "am Mittag ein.",
     {("friedrich-merz", "petteri-orpo", "took_place")}),
    # "the guest" opening the host's sentence: the lead's one foreign leader
    ("en", "Prime Minister Keir Starmer welcomed Canadian Prime Minister Mark Carney to "
     "Downing Street on Monday for talks on trade.\n\nThe guest later drove to Windsor "
     "Castle, where King Charles III offered him a lunch.",
     {("keir-starmer", "mark-carney", "took_place"),
      ("charles-iii", "mark-carney", "took_place")}),
    # a minister receiving a foreign minister, his counterpart
    ("en", "Russian Foreign Minister Sergey Lavrov received his Iranian counterpart Abbas "
     "Araghchi in Moscow on Monday for talks on the nuclear file.",
     {("sergey-lavrov", "abbas-araghchi", "took_place")}),
    # "wziął ... udział" with a day between
    ("pl", "Prezydent Czech Petr Pavel wziął we wtorek udział w szczycie, którego gospodarzem "
     "był premier Donald Tusk.",
     {("donald-tusk", "petr-pavel", "took_place")}),
])
def test_an_outcome_only_occasion_pairs_its_host_and_guest(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # the subject after talks named with a partner before a comma still hosts
    ("en", "After talks with Chancellor Friedrich Merz on Tuesday, President Emmanuel Macron "
     "gave a dinner in his honour.",
     {("emmanuel-macron", "friedrich-merz", "took_place")}),
    # a cancelled trip with no host of an occasion around it pairs no one
    ("en", "Prime Minister Petteri Orpo called off his trip to Japan because of a strike at "
     "home, his office said.", set()),
    # a minister and a leader are no counterparts: no reception pair either way
    ("en", "Foreign Minister Johann Wadephul welcomed President Emmanuel Macron at the "
     "airport on Monday.", set()),
    ("en", "President Emmanuel Macron received Russian Foreign Minister Sergey Lavrov at the "
     "Elysée on Monday.", set()),
    # a minister who only accompanies is no guest
    ("en", "Chancellor Friedrich Merz spent Monday in Rome, where Prime Minister Giorgia "
     "Meloni was his host for talks on migration. Foreign Minister Johann Wadephul "
     "accompanied him.",
     {("giorgia-meloni", "friedrich-merz", "took_place")}),
])
def test_the_host32_rules_stay_within_their_frame(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == expected
