"""figures.toml: parsing, every kind of malformed entry, lookups, roles by date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.matcher.gazetteer import gazetteer_from_data, load_gazetteer


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "figures.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """
[[figures]]
id = "anna-berg"
name = "Anna Berg"
category = "head_of_state"
country = "se"
aliases = ["Berg", "Анна Берг"]
handles = ["@annaberg"]
[[figures.roles]]
titles = ["the Palace", "Swedish President"]
from = 2019-01-01
until = 2023-01-01
[[figures.roles]]
titles = ["Nobel laureate"]

[[figures]]
id = "carl-dahl"
name = "Carl Dahl"
[[figures.roles]]
titles = ["the Palace", "Swedish President"]
from = 2023-01-01

[[figures]]
id = "ola-svensson"
name = "Ola Svensson"
category = "spokesperson"
spokesperson_for = "carl-dahl"
"""


def test_loads_a_valid_file(tmp_path: Path) -> None:
    gazetteer = load_gazetteer(write(tmp_path, GOOD))
    assert len(gazetteer) == 3
    figure = gazetteer.get("anna-berg")
    assert figure is not None and figure.country == "SE" and figure.kind == "person"
    assert gazetteer.get("nobody") is None


@pytest.mark.parametrize(
    ("name", "when", "expected"),
    [
        ("Anna Berg", None, "anna-berg"),
        ("анна берг", None, "anna-berg"),
        ("@AnnaBerg", None, "anna-berg"),
        ("the Palace", date(2020, 6, 1), "anna-berg"),
        ("the Palace", date(2023, 1, 1), "carl-dahl"),  # handover day: the successor
        ("Palace", date(2024, 6, 1), "carl-dahl"),
        # Undated: a title held in turn by dated holders resolves to nobody (not to the
        # latest holder, who may not have held it when the text was written).
        ("Swedish President", None, None),
        ("the Palace", None, None),
        ("Nobel laureate", None, "anna-berg"),  # a role without dates holds for any text
        ("Someone Else", None, None),
        ("", None, None),
    ],
)
def test_resolve(tmp_path: Path, name: str, when: date | None, expected: str | None) -> None:
    gazetteer = load_gazetteer(write(tmp_path, GOOD))
    party = gazetteer.resolve(name, when)
    assert (party.figure_id if party else None) == expected
    if party:
        assert party.name == gazetteer.get(expected or "").name  # type: ignore[union-attr]


def test_spokesperson_principal(tmp_path: Path) -> None:
    gazetteer = load_gazetteer(write(tmp_path, GOOD))
    spokesperson = gazetteer.get("ola-svensson")
    assert spokesperson is not None and spokesperson.is_spokesperson
    assert spokesperson.principal(date(2024, 1, 1)) == "carl-dahl"


FORMER_SPOKESPERSON = GOOD + """
[[figures]]
id = "eva-lind"
name = "Eva Lind"
category = "spokesperson"
spokesperson_for = "anna-berg"
[[figures.speaks_for]]
id = "anna-berg"
from = 2019-01-01
until = 2022-05-01
"""


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (date(2020, 6, 1), "anna-berg"),
        (date(2022, 5, 1), None),  # left office: the undated fallback does not apply
        (date(2025, 1, 1), None),
        (date(2018, 1, 1), None),
        (None, "anna-berg"),
    ],
)
def test_dated_spokesperson_speaks_for_nobody_outside_the_dates(
        tmp_path: Path, when: date | None, expected: str | None) -> None:
    figure = load_gazetteer(write(tmp_path, FORMER_SPOKESPERSON)).get("eva-lind")
    assert figure is not None and figure.principal(when) == expected


def test_search(tmp_path: Path) -> None:
    gazetteer = load_gazetteer(write(tmp_path, GOOD))
    assert gazetteer.search("an") == [("anna-berg", "Anna Berg")]
    assert gazetteer.search("dahl") == [("carl-dahl", "Carl Dahl")]
    assert len(gazetteer.search("", limit=2)) == 2
    assert gazetteer.search("zzz") == []


@pytest.mark.parametrize(
    ("body", "fragments"),
    [
        ('[[figures]]\nid = "x"\n', ["figures[0] (id 'x')", "'name'"]),
        ('[[figures]]\nname = "X Y"\n', ["figures[0]", "'id'"]),
        ('[[figures]]\nid = "x"\nname = "X"\n[[figures.roles]]\ntitles = ["T"]\nfrom = "May 2020"\n',
         ["(id 'x')", "roles[0].from", "not a date"]),
        ('[[figures]]\nid = "x"\nname = "X"\n[[figures]]\nid = "x"\nname = "Y"\n',
         ["figures[1] (id 'x')", "duplicate id", "figures[0]"]),
        ('[[figures]]\nid = "x"\nname = "X"\naliases = ["ok", 3]\n', ["(id 'x')", "aliases[1]"]),
        ('[[figures]]\nid = "x"\nname = "X"\naliases = "X Y"\n', ["'aliases'", "array"]),
        ('[[figures]]\nid = "x"\nname = "X"\nkind = "robot"\n', ["'kind'", "robot"]),
        ('[[figures]]\nid = "x"\nname = "X"\n[[figures.roles]]\ntitles = ["T"]\n'
         'from = 2020-01-01\nuntil = 2019-01-01\n', ["roles[0].until", "before"]),
        ('[[figures]]\nid = "x"\nname = "X"\nspokesperson_for = "ghost"\n', ["'x'", "ghost"]),
        ("[[figures]\nid = 1", ["not valid TOML"]),
    ],
)
def test_malformed_files_name_file_figure_and_key(tmp_path: Path, body: str,
                                                   fragments: list[str]) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        load_gazetteer(path)
    message = str(info.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_every_problem_is_reported_at_once() -> None:
    data = {"figures": [{"id": "a"}, {"name": "B"}, {"id": "c", "name": "C", "aliases": [1]}]}
    with pytest.raises(ConfigError) as info:
        gazetteer_from_data(data, source="f.toml")
    assert len(info.value.problems) == 3


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_gazetteer(tmp_path / "absent.toml")


def test_the_real_figures_file_loads(repo_root: Path) -> None:
    path = repo_root / "bot" / "data" / "figures.toml"
    gazetteer = load_gazetteer(path)
    assert gazetteer.resolve("the Kremlin", date(2021, 2, 15)) is not None
