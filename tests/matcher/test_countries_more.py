"""Issue 14, parties by role: the countries added to _countries.toml (Kenya, Qatar, Estonia,
Latvia, Uzbekistan, Tajikistan, Turkmenistan, Moldova, Iran, Senegal, ...) stand for their
dated leader through the same templates as the first 49: "Kenya's president", "his Qatari
counterpart", "den estnischen Ministerpräsidenten", "le président turkmène"."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("text", "expected"), [
    # en: the possessive country before the office; the counterpart of a head of state
    ("Kenya's president invited Emmanuel Macron to a state visit in Nairobi.",
     ("william-ruto", "emmanuel-macron", "pending")),
    ("Emmanuel Macron invited Rwanda's president to Paris.",
     ("emmanuel-macron", "paul-kagame", "pending")),
    # the counterpart of a head of government is Qatar's prime minister (other_office),
    # of a president the Emir (the leader)
    ("Pedro Sánchez invited his Qatari counterpart to Madrid.",
     ("pedro-sanchez", "mohammed-bin-abdulrahman-al-thani", "pending")),
    ("Emmanuel Macron invited his Qatari counterpart to Paris.",
     ("emmanuel-macron", "tamim-bin-hamad", "pending")),
    # en: a capital standing for its leader as a party
    ("Tehran invited Vladimir Putin to visit.",
     ("masoud-pezeshkian", "vladimir-putin", "pending")),
    # de: the adjective before the head of government
    ("Friedrich Merz hat den estnischen Ministerpräsidenten nach Berlin eingeladen.",
     ("friedrich-merz", "kristen-michal", "pending")),
    # ru: the adjective in the genitive-accusative
    ("Владимир Путин пригласил узбекского президента в Москву.",
     ("vladimir-putin", "shavkat-mirziyoyev", "pending")),
    # pl: the office with the country's genitive
    ("Donald Tusk zaprosił premiera Łotwy do Warszawy.",
     ("donald-tusk", "evika-silina", "pending")),
    # sv: the counterpart with the adjective
    ("Ulf Kristersson har bjudit in sin lettiska kollega till Stockholm.",
     ("ulf-kristersson", "evika-silina", "pending")),
    # tr: the counterpart in the accusative
    ("Recep Tayyip Erdoğan, Özbek mevkidaşını Ankara'ya davet etti.",
     ("recep-tayyip-erdogan", "shavkat-mirziyoyev", "pending")),
    # ja: the country's name and の before the office
    ("習近平国家主席はケニアの大統領を北京に招待した。",
     ("xi-jinping", "william-ruto", "pending")),
])
def test_a_new_country_stands_for_its_leader(real_matcher: Matcher, text: str,
                                             expected: tuple[str, str, str]) -> None:
    assert pairs(match_text(real_matcher, text, "2025-03-10")) == {expected}


@pytest.mark.parametrize(("text", "expected"), [
    # a bare title before a country adjective is no bare title: the office of that country,
    # not the other president the article named
    ("Il presidente Sergio Mattarella ha incontrato Pedro Sánchez. Il presidente tagiko ha "
     "invitato Pedro Sánchez a Dushanbe.", ("emomali-rahmon", "pedro-sanchez", "pending")),
    ("Emmanuel Macron a rencontré Giorgia Meloni. Le président turkmène a invité Giorgia "
     "Meloni à Achgabat.", ("serdar-berdimuhamedov", "giorgia-meloni", "pending")),
    ("O presidente Lula encontrou Giorgia Meloni. O presidente tajique convidou Giorgia "
     "Meloni a Duchambé.", ("emomali-rahmon", "giorgia-meloni", "pending")),
    ("Il presidente Sergio Mattarella ha incontrato Pedro Sánchez. Il presidente moldavo ha "
     "invitato Pedro Sánchez a Chisinau.", ("maia-sandu", "pedro-sanchez", "pending")),
    # Estonia's leader is its prime minister: "le président estonien" is its other office
    ("Emmanuel Macron a rencontré Giorgia Meloni. Le président estonien a invité Giorgia "
     "Meloni à Tallinn.", ("alar-karis", "giorgia-meloni", "pending")),
])
def test_a_bare_title_before_a_new_adjective(real_matcher: Matcher, text: str,
                                             expected: tuple[str, str, str]) -> None:
    assert pairs(match_text(real_matcher, text, "2025-03-10")) == {expected}


def test_the_new_countries_resolve_by_date(real_matcher: Matcher) -> None:
    text = "Kenya's president invited Emmanuel Macron to Nairobi."
    assert pairs(match_text(real_matcher, text, "2020-03-10")) == {
        ("uhuru-kenyatta", "emmanuel-macron", "pending")}
    # Croatia's leader is its prime minister; its president is not in figures.toml: nobody
    text = "Il presidente croato ha invitato Giorgia Meloni a Zagabria."
    assert pairs(match_text(real_matcher, text, "2025-03-10")) == set()
