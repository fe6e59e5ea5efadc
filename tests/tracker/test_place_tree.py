"""The tracker's place tree is data (bot/tracker/places.toml): read once, checked, and
extended by a host's places.toml (issue 15)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import load_config
from bot.tracker.occasion import canonical_place, place_affinity
from bot.tracker.places import (
    PlaceTreeError,
    builtin_place_tree,
    load_place_tree,
    parse_place_tree,
    place_key,
    use_place_overlay,
)

DATA = Path(__file__).resolve().parents[2] / "bot" / "tracker" / "places.toml"


@pytest.fixture
def restore_tree() -> Iterator[None]:
    yield
    use_place_overlay(None)


# What the hard-coded table of the earlier tracker held: all still there.
FORMER = [
    ("the White House", "Washington"), ("Washington", "the United States"),
    ("Mar-a-Lago", "the United States"), ("Camp David", "the United States"),
    ("the Kremlin", "Moscow"), ("Moscow", "Russia"), ("Sochi", "Russia"),
    ("St Petersburg", "Russia"), ("Kyiv", "Ukraine"), ("Donbas", "Ukraine"),
    ("Lviv", "Ukraine"), ("Odesa", "Ukraine"), ("the Élysée Palace", "Paris"),
    ("Paris", "France"), ("Normandy", "France"), ("Downing Street", "London"),
    ("London", "the United Kingdom"), ("Buckingham Palace", "London"),
    ("Chancellery", "Berlin"), ("Berlin", "Germany"), ("Istanbul", "Turkey"),
    ("Ankara", "Turkey"), ("Beijing", "China"), ("Pyongyang", "North Korea"),
    ("Seoul", "South Korea"), ("Tehran", "Iran"), ("Jerusalem", "Israel"), ("Rome", "Italy"),
    ("Madrid", "Spain"), ("Brussels", "Belgium"), ("Budapest", "Hungary"),
    ("Warsaw", "Poland"), ("Tokyo", "Japan"), ("New Delhi", "India"), ("Panmunjom", "DMZ"),
    ("Anchorage", "Alaska"), ("Alaska", "the United States"), ("Atlanta", "the United States"),
    ("Austin", "the United States"), ("New York", "the United States"),
    ("Bregancon", "France"), ("Fort de Bregancon", "France"), ("Rio de Janeiro", "Brazil"),
    ("Brasilia", "Brazil"), ("the Vatican", "Rome"), ("Geneva", "Switzerland"),
    ("Davos", "Switzerland"), ("Minsk", "Belarus"), ("Doha", "Qatar"),
    ("Riyadh", "Saudi Arabia"), ("Jeddah", "Saudi Arabia"),
]


@pytest.mark.parametrize(("child", "parent"), FORMER)
def test_the_former_containments_hold(child: str, parent: str) -> None:
    assert place_affinity(child, parent) == 2
    assert place_affinity(parent, child) == 2


@pytest.mark.parametrize(("city", "country"), [
    ("Belém", "Brazil"), ("Astana", "Kazakhstan"), ("Faro", "Portugal"),
    ("Tirana", "Albania"), ("Kananaskis", "Canada"), ("Gyeongju", "South Korea"),
    ("Sharm el-Sheikh", "Egypt"), ("Bucharest", "Romania"), ("Athens", "Greece"),
    ("Chisinau", "Moldova"), ("Bogotá", "Colombia"), ("Mexico City", "Mexico"),
])
def test_capitals_and_summit_cities_lie_in_their_country(city: str, country: str) -> None:
    assert place_affinity(city, country) == 2


def test_two_cities_of_one_country_are_two_places() -> None:
    assert place_affinity("Gyeongju", "Seoul") is None
    assert place_affinity("Astana", "Almaty") is None
    assert place_affinity("Kyiv", "Donbas") is None


def test_spellings_are_data_too() -> None:
    assert canonical_place("Kiev") == "Kyiv"
    assert canonical_place("Helsingfors") == "Helsinki"
    assert place_affinity("Türkiye", "Ankara") == 2


def test_every_country_of_the_figures_has_its_capital_in_the_tree() -> None:
    """The gazetteer's countries (by code) each have a place inside them, so a visit to the
    capital and one to the country can be one invitation."""
    figures = tomllib.loads((Path(__file__).resolve().parents[2] / "bot" / "data"
                             / "figures.toml").read_text(encoding="utf-8"))
    codes = {f.get("country") for f in figures["figures"]} - {None, "", "SG", "LU", "MC",
                                                               "VA", "HK", "PR"}
    roots = set(builtin_place_tree().parents.values())
    # one country root per code at least: not a per-code map, but enough to catch a
    # forgotten block (the tree has more roots than the gazetteer has countries)
    assert len(roots) >= len(codes), (len(roots), len(codes))


def test_the_file_is_well_formed() -> None:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    tree = parse_place_tree(data, str(DATA))
    assert tree.parents[place_key("Belém") or ""] == "brazil"


@pytest.mark.parametrize(("text", "message"), [
    ('[places]\n"A" = "B"\n', "unknown key"),
    ('[parents]\n"A" = 3\n', "non-empty place name"),
    ('[parents]\n"A" = "a"\n', "cannot lie in itself"),
    ('[parents]\n"A" = "B"\n"B" = "A"\n', "cycle"),
    ('parents = 1\n', "must be a table"),
    ('[aliases\n', "not valid TOML"),
])
def test_a_wrong_file_is_an_error_naming_it(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "places.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlaceTreeError, match=message) as caught:
        load_place_tree(path)
    assert str(path) in str(caught.value)


def test_a_host_file_extends_and_corrects_the_tree(tmp_path: Path,
                                                   restore_tree: None) -> None:
    path = tmp_path / "places.toml"
    path.write_text('[aliases]\n"Kyjiw" = "Kyiv"\n[parents]\n"Puerto Iguazú" = "Argentina"\n'
                    '"Faro" = "the Algarve"\n"the Algarve" = "Portugal"\n', encoding="utf-8")
    assert place_affinity("Puerto Iguazú", "Argentina") is None
    use_place_overlay(path)
    assert place_affinity("Puerto Iguazú", "Argentina") == 2
    assert place_affinity("Faro", "the Algarve") == 2
    assert place_affinity("Faro", "Portugal") == 2  # through the Algarve now
    assert canonical_place("Kyjiw") == "Kyiv"
    use_place_overlay(None)
    assert place_affinity("Puerto Iguazú", "Argentina") is None


def test_the_configuration_directory_names_the_host_file(tmp_path: Path) -> None:
    assert load_config(str(tmp_path), env={}).places_path is None
    (tmp_path / "places.toml").write_text("[parents]\n", encoding="utf-8")
    assert load_config(str(tmp_path), env={}).places_path == tmp_path / "places.toml"
