"""The dated roles of the built-in gazetteer cover the heads of state and government of the
G20 and of Europe for 2017-2026 (issue 14 part 3): a bare title, a country or an office
standing for its leader resolves on any date of those years."""

from __future__ import annotations

from datetime import date

import pytest

from bot.matcher import Matcher
from bot.matcher.countries import load_countries
from bot.matcher.lexicon import default_lexicon_dir

MONTHS = [date(year, month, 1) for year in range(2017, 2027) for month in range(1, 13)
          if date(year, month, 1) <= date(2026, 6, 1)]

# Offices of Europe and the G20 whose holder the gazetteer names on every first of the
# month of 2017-2026 (acting and caretaker holders aside: the offices below had none).
OFFICES = [
    "Prime Minister of Russia", "President of Ukraine", "Prime Minister of Ukraine",
    "Prime Minister of Italy", "Prime Minister of France", "Prime Minister of Poland",
    "Prime Minister of Denmark", "Prime Minister of Norway", "Prime Minister of Finland",
    "Prime Minister of Ireland", "Prime Minister of Belgium", "Prime Minister of Portugal",
    "Prime Minister of Estonia", "Prime Minister of Latvia", "President of Estonia",
    "President of Latvia", "President of Lithuania", "President of Moldova",
    "Prime Minister of the Czech Republic", "Prime Minister of Saudi Arabia",
    "Prime Minister of Luxembourg", "Chancellor of Germany", "President of France",
    "President of Russia", "President of China", "President of Brazil", "President of Mexico",
    "President of Argentina", "Prime Minister of India", "Prime Minister of Japan",
    "Prime Minister of Canada", "Prime Minister of Australia", "President of Turkey",
    "President of Indonesia", "Prime Minister of Spain", "Prime Minister of Greece",
    "Prime Minister of Hungary", "Prime Minister of Sweden", "President of Poland",
    "President of Belarus",
]


@pytest.mark.parametrize("title", OFFICES)
def test_an_office_has_a_holder_every_month(real_matcher: Matcher, title: str) -> None:
    missing = [d.isoformat() for d in MONTHS if real_matcher.gazetteer.holder_of(title, d) is None]
    assert not missing, f"{title}: no holder on {missing[:3]}..."


# Acting presidents (the prime minister standing in) are not the title's holder.
ACTING = {"South Korean President": [(date(2017, 3, 10), date(2017, 5, 10)),
                                     (date(2025, 4, 4), date(2025, 6, 4))],
          # the three presidents of the National Council acted from 8 July 2016 until Van der
          # Bellen's inauguration on 26 January 2017
          "Austrian President": [(date(2016, 7, 8), date(2017, 1, 26))],
          # Mokhber acted from Raisi's death (19 May 2024) until Pezeshkian's inauguration
          "Iranian President": [(date(2024, 5, 19), date(2024, 7, 28))],
          # Bolojan acted from Iohannis's resignation (12 February 2025) until Dan's
          # inauguration on 26 May 2025
          "Romanian President": [(date(2025, 2, 12), date(2025, 5, 26))],
          # no president between Assad's flight (8 December 2024) and al-Sharaa's
          # designation on 29 January 2025
          "Syrian President": [(date(2024, 12, 8), date(2025, 1, 29))],
          # Dačić acted from Vučić's move to the presidency until Brnabić's election
          "Serbian Prime Minister": [(date(2017, 5, 31), date(2017, 6, 29))],
          # Bensalah and Ennaceur acted after Bouteflika's resignation and Essebsi's death
          "Algerian President": [(date(2019, 4, 2), date(2019, 12, 19))],
          "Tunisian President": [(date(2019, 7, 25), date(2019, 10, 23))],
          # Karapetyan acted after Sargsyan's resignation until Pashinyan's election;
          # Simonyan after Sarkissian's resignation until Khachaturyan's inauguration
          "Armenian Prime Minister": [(date(2018, 4, 23), date(2018, 5, 8))],
          "Armenian President": [(date(2022, 2, 1), date(2022, 3, 13))],
          # Trọng's death (19 July 2024) until Tô Lâm's election as general secretary
          "Vietnamese Communist Party chief": [(date(2024, 7, 19), date(2024, 8, 3))],
          # Japarov, then Mamytov acted after Jeenbekov's resignation until Japarov's
          # inauguration
          "Kyrgyz President": [(date(2020, 10, 15), date(2021, 1, 28))],
          # Ciucă acted after Orban's resignation; Predoiu after Ciolacu's
          "Romanian Prime Minister": [(date(2020, 12, 7), date(2020, 12, 23)),
                                      (date(2025, 5, 6), date(2025, 6, 23))],
          # Suriya, then Phumtham acted from Paetongtarn's suspension until Anutin's
          # appointment
          "Thai Prime Minister": [(date(2025, 7, 1), date(2025, 9, 7))],
          # no president between Michel Aoun's term and Joseph Aoun's election
          "Lebanese President": [(date(2022, 10, 31), date(2025, 1, 9))],
          # no recognised president since Ghani's flight (stop-27 countries round)
          "Afghan President": [(date(2021, 8, 15), date.max)],
          # two rival governments claimed Libya except while Dbeibah's alone held office
          "Libyan Prime Minister": [(date.min, date(2021, 3, 15)),
                                    (date(2022, 3, 3), date.max)]}


def test_every_countrys_leader_title_has_a_holder_every_month(real_matcher: Matcher) -> None:
    countries = load_countries(default_lexicon_dir() / "_countries.toml")
    titles = {s.leader_title for s in countries.stand_ins}
    assert len(titles) >= 35
    missing = [(t, d.isoformat()) for t in sorted(titles) for d in MONTHS
               if real_matcher.gazetteer.holder_of(t, d) is None and
               not any(low <= d < high for low, high in ACTING.get(t, ()))]
    assert not missing, missing[:5]
