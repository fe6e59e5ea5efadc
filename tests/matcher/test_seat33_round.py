"""Issue 14, stop 33, seat33 round: hosts named by an official residence, parties named by
title only.

1. `_countries.toml`'s [seats]: a residence or seat tied to its country's leader or other
   office ("Belweder", "KPRM", "首相公邸", "Palácio da Alvorada") is read as that office's
   title on the article's date, as a residence (it hosts, it is never the one invited);
   undated, it names nobody.
2. A bare title ("the prime minister", "le Premier ministre", "премьер-министра") with no
   holder named resolves to the holder of that office in the country the text names by
   its capital as well as by its name ("arrived in Ottawa"), not to the home title's
   holder; a capital after a destination preposition ("naar Jakarta") is no office
   speaking in its sentence.
3. Polish bare titles (every case, feminine forms, `pl.home`), an adjective before one
   qualifying it ("duńską premier"); and the other offices in Norwegian, cases in Spanish,
   Portuguese, Italian, German.
Texts written for this file."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from bot.matcher.countries import load_countries
from bot.matcher.gazetteer import fold
from bot.matcher.matcher import default_lexicon_dir
from tests.support.matching import match_text, pairs


def _found(matcher: Matcher, text: str, lang: str, day: str | None = "2025-09-10"
           ) -> set[tuple[str, str]]:
    return {(inviter, invitee) for inviter, invitee, _ in
            pairs(match_text(matcher, text, day, lang))}


# A residence names the office's holder on the date: the one who receives there.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("pl", "Mette Frederiksen została przyjęta w Belwederze.",
     ("karol-nawrocki", "mette-frederiksen")),
    ("pl", "Mette Frederiksen została przyjęta w KPRM.", ("donald-tusk", "mette-frederiksen")),
    ("pt", "O Presidente de Angola, João Lourenço, foi recebido no Palácio da Alvorada.",
     ("lula-da-silva", "joão lourenço")),
    ("ja", "モディ首相は首相公邸で夕食会に招かれた。", ("shigeru-ishiba", "narendra-modi")),
])
def test_a_seat_names_its_office_holder(real: Matcher, lang: str, text: str,
                                        expected: tuple[str, str]) -> None:
    found = _found(real, text, lang)
    assert any(inviter == expected[0] and expected[1] in invitee.casefold()
               for inviter, invitee in found), found


def test_an_undated_seat_names_nobody(real: Matcher) -> None:
    assert _found(real, "Mette Frederiksen została przyjęta w Belwederze.", "pl", None) == set()


# Precision bound: a seat in a sentence with no party of an invitation adds nothing.
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The Catshuis is a historic building in The Hague."),
    ("pl", "Belweder został odnowiony w zeszłym roku."),
    ("cs", "Turisté si v úterý prohlédli Pražský hrad."),
])
def test_a_seat_alone_adds_nothing(real: Matcher, lang: str, text: str) -> None:
    assert _found(real, text, lang) == set()


def test_seats_are_not_gazetteer_titles_again(real: Matcher) -> None:
    """A seat the gazetteer already lists as a figure's title stays there only (one entry
    per surface for the spotter)."""
    titles = {fold(t) for figure in real.gazetteer for role in figure.roles for t in role.titles}
    seats = load_countries(default_lexicon_dir() / "_countries.toml").seats
    assert seats and not seats & titles


# A bare title resolves to the office of the country the text names by its capital.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Lula arrived in Ottawa on Monday. He invited the prime minister to visit Brasília.",
     ("lula-da-silva", "mark-carney")),
    ("fr", "Lula est arrivé à Ottawa lundi. Lula a invité le Premier ministre à Brasilia.",
     ("lula-da-silva", "mark-carney")),
    ("ru", "Лула прибыл в Оттаву. Лула пригласил премьер-министра в Бразилиа.",
     ("lula-da-silva", "mark-carney")),
    ("uk", "Лула прибув до Оттави. Лула запросив прем'єр-міністра до Бразиліа.",
     ("lula-da-silva", "mark-carney")),
    ("it", "Lula è arrivato a Madrid. Lula ha invitato il capo del governo a Brasilia.",
     ("lula-da-silva", "pedro-sanchez")),
    ("nl", "Prabowo Subianto bracht een bezoek aan Den Haag. Prabowo nodigde de premier uit "
     "om naar Jakarta te komen.", ("prabowo-subianto", "dick-schoof")),
    ("nl", "Emmanuel Macron werd in Boekarest ontvangen door de president.",
     ("nicusor-dan", "emmanuel-macron")),
])
def test_a_bare_title_of_the_capitals_country(real: Matcher, lang: str, text: str,
                                              expected: tuple[str, str]) -> None:
    assert expected in _found(real, text, lang)


# The 14-language completion of the bare titles: Polish, Norwegian, Spanish, Portuguese,
# German forms that were missing.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("pl", "Lula przyleciał do Warszawy w poniedziałek. Lula zaprosił premiera do Brasílii.",
     ("lula-da-silva", "donald-tusk")),
    ("no", "Lula kom til Oslo mandag. Lula inviterte statsministeren til Brasília.",
     ("lula-da-silva", "jonas-gahr-store")),
    ("es", "Lula llegó a Madrid el lunes. Lula invitó al jefe del Gobierno a visitar Brasilia.",
     ("lula-da-silva", "pedro-sanchez")),
    ("pt", "Lula chegou a Lisboa. Lula convidou o primeiro-ministro a visitar Brasília.",
     ("lula-da-silva", "luis-montenegro")),
    ("de", "Lula traf am Montag in Wien ein. Lula lud das Staatsoberhaupt nach Brasília ein.",
     ("lula-da-silva", "alexander-van-der-bellen")),
])
def test_bare_titles_in_more_languages(real: Matcher, lang: str, text: str,
                                       expected: tuple[str, str]) -> None:
    assert expected in _found(real, text, lang)


# Precision bound: an adjective before a Polish title qualifies it; it is no bare title of
# the home office ("duńską premier" is Denmark's, never Poland's).
def test_a_polish_adjective_qualifies_the_title(real: Matcher) -> None:
    found = _found(real, "Mette Frederiksen przyjechała do Warszawy na rozmowy z Donaldem "
                   "Tuskiem. Tusk zaprosił duńską premier na szczyt w Gdańsku.", "pl")
    assert found == {("donald-tusk", "mette-frederiksen")}
