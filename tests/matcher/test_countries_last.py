"""Stop 27, countries round: the last fifteen countries of _countries.toml (BG CH BD TH CY CD
DO GT LB MN PA PE AF LY MK) stand for the leader in office on the article's date, through
the same templates as the others, and the predecessors figures.toml gained for them; the
documented rules of the round (the Swiss president by year, Lebanon's vacancy, Afghanistan
after August 2021, Libya's rival governments, the Turkish Cypriot leader) hold."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("text", "day", "expected"), [
    # it: the Bulgarian president on either side of Radev's inauguration (22 January 2017)
    ("Il presidente bulgaro ha invitato Sergio Mattarella a Sofia.", "2016-12-10",
     ("rosen-plevneliev", "sergio-mattarella", "pending")),
    ("Il presidente bulgaro ha invitato Sergio Mattarella a Sofia.", "2017-03-10",
     ("rumen-radev", "sergio-mattarella", "pending")),
    # en: a head of government's Bulgarian counterpart is the prime minister, caretakers too
    ("Pedro Sánchez invited his Bulgarian counterpart to Madrid.", "2017-03-10",
     ("pedro-sanchez", "ognyan-gerdzhikov", "pending")),
    ("Pedro Sánchez invited his Bulgarian counterpart to Madrid.", "2025-03-10",
     ("pedro-sanchez", "rosen-zhelyazkov", "pending")),
    # de: the Swiss president is the year's President of the Confederation
    ("Die Schweizer Bundespräsidentin hat Wolodymyr Selenskyj nach Bern eingeladen.",
     "2025-05-10", ("karin-keller-sutter", "volodymyr-zelensky", "pending")),
    ("Der Schweizer Bundespräsident hat Wolodymyr Selenskyj nach Bern eingeladen.",
     "2023-05-10", ("alain-berset", "volodymyr-zelensky", "pending")),
    ("The Swiss president invited Volodymyr Zelensky to Bern.", "2026-03-10",
     ("guy-parmelin", "volodymyr-zelensky", "pending")),
    # nl: the counterpart with the adjective
    ("Premier Dick Schoof heeft zijn Zwitserse ambtgenoot uitgenodigd voor een bezoek aan "
     "Den Haag.", "2025-03-10", ("dick-schoof", "karin-keller-sutter", "pending")),
    # en: the capital of the DR Congo as a party
    ("Kinshasa invited Emmanuel Macron to a summit on the Great Lakes.", "2018-03-10",
     ("joseph-kabila", "emmanuel-macron", "pending")),
    # zh, no: Mongolia's president by its stem; the Bulgarian counterpart of a head of
    # government in Norwegian
    ("习近平邀请蒙古国总统访华。", "2023-03-10",
     ("xi-jinping", "ukhnaagiin-khurelsukh", "pending")),
    ("Mette Frederiksen har invitert sin bulgarske kollega til København.", "2025-03-10",
     ("mette-frederiksen", "rosen-zhelyazkov", "pending")),
    # en: the Peruvian president either side of Boluarte's removal (10 October 2025)
    ("The Peruvian president invited Lula to Lima.", "2025-10-01",
     ("dina-boluarte", "lula-da-silva", "pending")),
    ("The Peruvian president invited Lula to Lima.", "2025-11-01",
     ("jose-jeri", "lula-da-silva", "pending")),
    ("Il presidente peruviano ha invitato Sergio Mattarella in Perù.", "2019-03-10",
     ("martin-vizcarra", "sergio-mattarella", "pending")),
    # ja: the country's name and の before the office
    ("習近平国家主席はペルーの大統領を北京に招待した。", "2021-03-10",
     ("xi-jinping", "francisco-sagasti", "pending")),
    # fr: Lebanon's president, and its prime minister (other_office) during the vacancy
    ("Emmanuel Macron a invité le président libanais à Paris.", "2021-03-10",
     ("emmanuel-macron", "michel-aoun", "pending")),
    ("Emmanuel Macron a invité le Premier ministre libanais à Paris.", "2023-03-10",
     ("emmanuel-macron", "najib-mikati", "pending")),
    # tr: the counterpart in the accusative
    ("Recep Tayyip Erdoğan, Lübnanlı mevkidaşını Ankara'ya davet etti.", "2025-03-10",
     ("recep-tayyip-erdogan", "joseph-aoun", "pending")),
    # en: a president's Mongolian counterpart is Mongolia's president
    ("Emmanuel Macron invited his Mongolian counterpart to Paris.", "2020-03-10",
     ("emmanuel-macron", "khaltmaagiin-battulga", "pending")),
    ("Emmanuel Macron invited his Mongolian counterpart to Paris.", "2022-03-10",
     ("emmanuel-macron", "ukhnaagiin-khurelsukh", "pending")),
    # ru: the Thai prime minister, before and after Prayut
    ("Владимир Путин пригласил тайского премьера в Москву.", "2020-03-10",
     ("vladimir-putin", "prayut-chan-o-cha", "pending")),
    ("Владимир Путин пригласил тайского премьера в Москву.", "2024-03-10",
     ("vladimir-putin", "srettha-thavisin", "pending")),
    # en: the Bangladeshi leader: Hasina, then the interim Chief Adviser
    ("Narendra Modi invited his Bangladeshi counterpart to Delhi.", "2023-03-10",
     ("narendra-modi", "sheikh-hasina", "pending")),
    ("Narendra Modi invited his Bangladeshi counterpart to Delhi.", "2025-03-10",
     ("narendra-modi", "muhammad-yunus", "pending")),
    # en: the Republic of Cyprus's president; the Turkish Cypriot leader is someone else
    ("Emmanuel Macron invited his Cypriot counterpart to Paris.", "2021-03-10",
     ("emmanuel-macron", "nicos-anastasiades", "pending")),
    ("Recep Tayyip Erdoğan invited the Turkish Cypriot leader to Ankara.", "2025-03-10",
     ("recep-tayyip-erdogan", "ersin-tatar", "pending")),
    ("Il leader turco-cipriota ha invitato Recep Tayyip Erdoğan a Nicosia.", "2019-03-10",
     ("mustafa-akinci", "recep-tayyip-erdogan", "pending")),
    # pl, de: North Macedonia's prime minister, by the genitive and by the adjective
    ("Mateusz Morawiecki zaprosił premiera Macedonii Północnej do Warszawy.", "2019-06-10",
     ("mateusz-morawiecki", "zoran-zaev", "pending")),
    ("Olaf Scholz hat den nordmazedonischen Ministerpräsidenten nach Berlin eingeladen.",
     "2023-03-10", ("olaf-scholz", "dimitar-kovachevski", "pending")),
    ("Olaf Scholz hat den nordmazedonischen Ministerpräsidenten nach Berlin eingeladen.",
     "2024-09-10", ("olaf-scholz", "hristijan-mickoski", "pending")),
    # fr, es: Guatemala's and the Dominican Republic's presidents
    ("Le président guatémaltèque a invité Pedro Sánchez au Guatemala.", "2022-03-10",
     ("alejandro-giammattei", "pedro-sanchez", "pending")),
    ("El presidente dominicano invitó a Mariano Rajoy a Santo Domingo.", "2018-03-10",
     ("danilo-medina", "mariano-rajoy", "pending")),
    # en: Panama's, before Mulino
    ("Joe Biden invited the Panamanian president to Washington.", "2022-03-10",
     ("joe-biden", "laurentino-cortizo", "pending")),
    # ru: the Afghan president before August 2021
    ("Владимир Путин пригласил афганского президента в Москву.", "2020-06-10",
     ("vladimir-putin", "ashraf-ghani", "pending")),
    # en: Libya's prime minister while one government held office
    ("Giorgia Meloni invited the Libyan prime minister to Rome.", "2021-06-10",
     ("giorgia-meloni", "abdul-hamid-dbeibah", "pending")),
])
def test_a_last_country_stands_for_its_leader_by_date(
        real_matcher: Matcher, text: str, day: str, expected: tuple[str, str, str]) -> None:
    assert pairs(match_text(real_matcher, text, day)) == {expected}


@pytest.mark.parametrize(("text", "day"), [
    # Lebanon had no president from 31 October 2022 until 9 January 2025
    ("Emmanuel Macron a invité le président libanais à Paris.", "2023-03-10"),
    # no recognised Afghan president since 15 August 2021
    ("Владимир Путин пригласил афганского президента в Москву.", "2023-06-10"),
    # two rival Libyan governments before March 2021 and since March 2022
    ("Giorgia Meloni invited the Libyan prime minister to Rome.", "2019-06-10"),
    ("Giorgia Meloni invited the Libyan prime minister to Rome.", "2023-06-10"),
])
def test_no_leader_where_the_office_is_vacant_or_contested(real_matcher: Matcher, text: str,
                                                           day: str) -> None:
    assert pairs(match_text(real_matcher, text, day)) == set()


def test_the_swiss_president_changes_on_new_years_day(real_matcher: Matcher) -> None:
    text = "The Swiss president invited Volodymyr Zelensky to Bern."
    assert pairs(match_text(real_matcher, text, "2024-12-31")) == {
        ("viola-amherd", "volodymyr-zelensky", "pending")}
    assert pairs(match_text(real_matcher, text, "2025-01-01")) == {
        ("karin-keller-sutter", "volodymyr-zelensky", "pending")}
