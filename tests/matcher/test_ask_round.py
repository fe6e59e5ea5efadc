"""Issue 14, ask round: requests to come, challenges and calls in direct speech, open
welcomes to a named figure, a spokesperson's refusal, and the status that follows (the
visit announced, made, thought about). Sentences written for these tests (not taken from
any corpus or from the blind set tests/data/matcher-held/b11-ask); the shipped gazetteer.

- requests to come without the particle the older phrases needed: "pidió ... que viajara
  a", "gevraagd naar ... te komen", "ba X komme til", "訪れるよう要請";
- challenges: "lanzó el reto a", "a mis au défi X de", a Turkish call in direct speech
  addressed to the dative ('Y'ye seslendi: "Gel, ..."');
- "X is welcome in Kyiv any time", and "you are welcome in ..." in a quote told to Y;
- statuses: "kein Gesprächspartner" / "не является собеседником" / "muhatabımız değil"
  (declined), "zapowiedział wizytę" / "визит ... запланирован" (accepted), "と応じた" and
  "karar alınmadığını" (responded), an arrival in the capital of the country invited to
  (took place, `aggregate._one_place`);
- near misses: "asked X to come back with a plan", a crowd urged to come (Norwegian), a
  leader's request to a minister of his own country (`Matcher._task_for_own_people`)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

TRUMP, MERZ, ZELENSKY = "donald-trump", "friedrich-merz", "volodymyr-zelensky"
PUTIN, ERDOGAN, OZEL, SCHOOF = "vladimir-putin", "recep-tayyip-erdogan", "ozgur-ozel", "dick-schoof"
SANCHEZ, FEIJOO, LULA, STORE = ("pedro-sanchez", "alberto-nunez-feijoo", "lula-da-silva",
                                "jonas-gahr-store")
TAKAICHI, LEE, STARMER, MACRON = "sanae-takaichi", "lee-jae-myung", "keir-starmer", "emmanuel-macron"
WEIDEL, TUSK, NAWROCKI, BARDELLA = "alice-weidel", "donald-tusk", "karol-nawrocki", "jordan-bardella"
ATTAL, DODON, SANDU, TOKAYEV = "gabriel-attal", "igor-dodon", "maia-sandu", "kassym-jomart-tokayev"


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        ("es", "Pedro Sánchez pidió el lunes al presidente de Brasil, Lula, que viajara a "
               "Sevilla para la conferencia.", (SANCHEZ, LULA)),
        ("nl", "Dick Schoof heeft Volodymyr Zelensky gevraagd naar Den Haag te komen voor de "
               "NAVO-top.", (SCHOOF, ZELENSKY)),
        ("no", "Jonas Gahr Støre ba onsdag Volodymyr Zelenskyj komme til Oslo i mai.",
         (STORE, ZELENSKY)),
        ("ja", "高市早苗首相は李在明大統領に秋に日本を訪れるよう要請した。", (TAKAICHI, LEE)),
        ("es", "Alberto Núñez Feijóo lanzó el reto a Pedro Sánchez: un debate en televisión.",
         (FEIJOO, SANCHEZ)),
        ("fr", "Jordan Bardella a mis au défi Gabriel Attal de débattre sur France 2.",
         (BARDELLA, ATTAL)),
        ("tr", "Özgür Özel, Cumhurbaşkanı Recep Tayyip Erdoğan'a seslendi: \"Gel, bütçeyi "
               "canlı yayında konuşalım.\"", (OZEL, ERDOGAN)),
        ("en", "Volodymyr Zelensky said Donald Trump is welcome in Kyiv any time.",
         (ZELENSKY, TRUMP)),
        ("en", "\"You are welcome in Kyiv any time,\" Zelensky told Trump.", (ZELENSKY, TRUMP)),
        # the same requests abroad, and in other wordings
        ("en", "Emmanuel Macron asked Friedrich Merz to attend the summit in Paris.",
         (MACRON, MERZ)),
        ("pl", "Donald Tusk poprosił Friedricha Merza, by przyjechał do Warszawy.", (TUSK, MERZ)),
        ("es", "Pedro Sánchez solicitó a Lula que viajara a Madrid.", (SANCHEZ, LULA)),
        # spoke with a partner and asked him (or, unsaid, asked) to come: the partner
        # (arguments.partner_then_request)
        ("ru", "Касым-Жомарт Токаев поговорил с Владимиром Путиным и попросил приехать в "
               "Алматы.", (TOKAYEV, PUTIN)),
        ("uk", "Володимир Зеленський поговорив з Реджепом Ердоганом і попросив його приїхати "
               "до Львова.", (ZELENSKY, ERDOGAN)),
    ],
)
def test_requests_challenges_and_welcomes_are_pending_invitations(
        real_matcher: Matcher, lang: str, text: str, pair: tuple[str, str]) -> None:
    found = pairs(match_text(real_matcher, text, "2026-04-01", lang))
    assert (*pair, "pending") in found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Alice Weidel forderte Friedrich Merz zu einem Duell im Fernsehen heraus. "
               "Der Regierungssprecher sagte, Weidel sei kein Gesprächspartner für den Kanzler.",
         (WEIDEL, MERZ, "declined")),
        ("ru", "Игорь Додон вызвал Майю Санду на дебаты. В администрации ответили, что Додон "
               "не является собеседником президента.", (DODON, SANDU, "declined")),
        ("pl", "Karol Nawrocki poprosił Donalda Trumpa o przyjazd do Gdańska. Biały Dom "
               "zapowiedział wizytę Trumpa na sierpień.", (NAWROCKI, TRUMP, "accepted")),
        ("ru", "Касым-Жомарт Токаев попросил Владимира Путина приехать в Алматы. Песков "
               "сообщил, что визит Путина запланирован на октябрь.",
         (TOKAYEV, PUTIN, "accepted")),
        ("ja", "高市早苗首相は李在明大統領に来年日本を訪れるよう要請した。李氏は「検討したい」と応じた。",
         (TAKAICHI, LEE, "responded")),
        ("tr", "Recep Tayyip Erdoğan, Vladimir Putin'in Türkiye'ye gelmesini istedi. Kremlin, "
               "ziyaret konusunda karar alınmadığını açıkladı.", (ERDOGAN, PUTIN, "responded")),
        ("en", "Volodymyr Zelensky asked Recep Tayyip Erdogan to come to Ukraine. Erdogan "
               "arrived in Kyiv on Thursday.", (ZELENSKY, ERDOGAN, "took_place")),
    ],
)
def test_the_answer_to_a_request_or_challenge(real_matcher: Matcher, lang: str, text: str,
                                              expected: tuple[str, str, str]) -> None:
    found = pairs(match_text(real_matcher, text, "2026-04-01", lang))
    assert expected in found, (text, found)


def test_an_arrival_in_another_country_is_not_the_outcome(real_matcher: Matcher) -> None:
    found = pairs(match_text(real_matcher, "Volodymyr Zelensky asked Recep Tayyip Erdogan to "
                             "come to Ukraine. Erdogan arrived in Moscow on Thursday.",
                             "2026-04-01", "en"))
    assert (ZELENSKY, ERDOGAN, "pending") in found, found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Keir Starmer asked Rachel Reeves to come back with a plan for the railways."),
        ("nl", "Dick Schoof vroeg Geert Wilders terug te komen met een voorstel."),
        ("no", "Jonas Gahr Støre ba Jens Stoltenberg komme tilbake med et forslag."),
        ("no", "Jonas Gahr Støre oppfordret investorer til å komme til Norge, sa han til "
               "Jens Stoltenberg."),
        ("tr", "Recep Tayyip Erdoğan, Özgür Özel'den yeni bir planla geri gelmesini istedi."),
        # a leader's request to his own minister or head of government sets a task
        ("en", "Keir Starmer asked Rachel Reeves to attend the cabinet meeting on Tuesday."),
        ("ru", "Владимир Путин попросил Сергея Лаврова прибыть в Кремль с докладом."),
        ("pl", "Donald Tusk poprosił Radosława Sikorskiego, by przyjechał do Brukseli."),
        ("fr", "Emmanuel Macron a demandé à Sébastien Lecornu de se rendre à l'Assemblée."),
        ("de", "Friedrich Merz bat Alice Weidel, den Saal zu verlassen."),
    ],
)
def test_come_back_with_a_plan_and_crowds_are_no_invitation(real_matcher: Matcher, lang: str,
                                                            text: str) -> None:
    assert not pairs(match_text(real_matcher, text, "2026-04-01", lang)), text
