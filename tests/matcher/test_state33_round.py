"""Issue 14, stop 33, state33 round: a state visit reported by its ceremonies. A host couple
receives as its first-named figure; the receptions' plural and split forms ("heetten ...
welkom", "begrüßten", "ble ... tatt imot av", "为 ... 举行欢迎仪式"); a royal couple or the
Emperor named by role (bare titles); a guest of honour at a state banquet whom no host
sentence pairs is the one monarch's guest; a palace's name is never a party; the partner
of talks in zh ("同"), ja ("と") and tr ("ile") is no host of the meal after them
(bot/matcher/hosts.py, names.building_name, the lexicons' [hosts] and _bare_titles.toml).
Sentences written for this file."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DAY = "2026-06-10"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a host couple receives: the one named first hosts
    ("nl", "Koning Willem-Alexander en koningin Máxima heetten de Zuid-Afrikaanse president "
     "Cyril Ramaphosa woensdag op de Dam welkom.",
     {("willem-alexander", "cyril-ramaphosa", "took_place")}),
    ("de", "Bundespräsident Frank-Walter Steinmeier und Elke Büdenbender begrüßten den "
     "spanischen König Felipe VI. am Mittwoch vor dem Schloss Bellevue.",
     {("frank-walter-steinmeier", "felipe-vi", "took_place")}),
    # a split Norwegian passive
    ("no", "Sør-Afrikas president Cyril Ramaphosa ble onsdag høytidelig tatt imot av kong "
     "Harald på Slottsplassen.",
     {("king-harald-v", "cyril-ramaphosa", "took_place")}),
    ("nl", "De Zuid-Afrikaanse president Cyril Ramaphosa is woensdag in Amsterdam welkom "
     "geheten door koning Willem-Alexander.",
     {("willem-alexander", "cyril-ramaphosa", "took_place")}),
    # a royal couple by role: the king of the country (the language's home title)
    ("nl", "De Zuid-Afrikaanse president Cyril Ramaphosa is woensdag aan een staatsbezoek "
     "begonnen. 's Avonds gaf het koningspaar een staatsbanket ter ere van de gast.",
     {("willem-alexander", "cyril-ramaphosa", "took_place")}),
    ("no", "Kongeparet tok onsdag imot Sør-Afrikas president Cyril Ramaphosa på Slottsplassen.",
     {("king-harald-v", "cyril-ramaphosa", "took_place")}),
    # a guest of honour at a state banquet, the monarch in the sentence after
    ("en", "South African President Cyril Ramaphosa was guest of honour at a state banquet "
     "in St George's Hall on Wednesday. King Charles III toasted the friendship of the "
     "two nations.",
     {("charles-iii", "cyril-ramaphosa", "took_place")}),
    # a welcome ceremony held for the guest, his name inside the phrase
    ("zh", "国家主席习近平在人民大会堂东门外广场为韩国总统李在明举行欢迎仪式。",
     {("xi-jinping", "lee-jae-myung", "took_place")}),
    ("ja", "天皇陛下は皇居で韓国の李在明大統領を歓迎した。",
     {("naruhito", "lee-jae-myung", "took_place")}),
    # the partner of talks (a zh preposition) is no host of the meal after them
    ("zh", "国家主席习近平同韩国总统李在明举行会谈，随后为他举行宴会。",
     {("xi-jinping", "lee-jae-myung", "took_place")}),
])
def test_a_state_visit_pairs_its_royal_or_presidential_host(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # a palace is never a party (main read "Windsor Castle" as the King's name)
    ("en", "South African President Cyril Ramaphosa was welcomed by the King at Windsor "
     "Castle on Wednesday.", set()),
    # precision bounds: no state occasion, no monarch, no guest named
    ("en", "King Charles III gave his Christmas speech on Wednesday. President Cyril "
     "Ramaphosa was guest of honour at a dinner in Pretoria.", set()),
    ("en", "A state banquet was held at Buckingham Palace on Wednesday evening; King Charles "
     "III spoke of the Commonwealth.", set()),
    ("en", "South African President Cyril Ramaphosa was guest of honour at a state banquet on "
     "Wednesday. Prince William sat beside him.", set()),
    ("nl", "Het koningspaar opende woensdag een tentoonstelling in het Rijksmuseum.", set()),
    # a bound: the tr postposition ("ile") keeps the reading main already had
    ("tr", "Cumhurbaşkanı Recep Tayyip Erdoğan, Lee Jae-myung ile görüştükten sonra onun "
     "onuruna akşam yemeği verdi.",
     {("recep-tayyip-erdogan", "lee-jae-myung", "took_place")}),
])
def test_the_state33_rules_stay_within_their_frame(
        real: Matcher, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == expected
