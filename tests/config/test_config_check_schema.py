"""`invitewatch config check` on a copy of the shipped gazetteer broken against the schema
(`bot/matcher/figures_schema.py`): an unknown key, a wrong type and a category outside the
vocabulary are each reported on their own line naming the file, the figure and the key, all
in one run, and the command fails with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.errors import ConfigError
from bot.matcher.figures_schema import FigureCategory, FigureKind, validate_figure
from bot.matcher.figures_source import BUILTIN_FIGURES

# The first shipped figure, as the file writes its first lines.
FIRST = '[[figures]]\nid = "elon-musk"\nname = "Elon Musk"\nkind = "person"\ncategory = "business"\n'


def broken_copy(tmp_path: Path, replacement: str) -> Path:
    text = BUILTIN_FIGURES.read_text(encoding="utf-8")
    assert FIRST in text, "the shipped file no longer starts with Elon Musk; update FIRST"
    config = tmp_path / "config"
    config.mkdir()
    # `builtin = false`: the copy is the whole gazetteer, figures[0] is the broken one.
    (config / "figures.toml").write_text(
        "builtin = false\n" + text.replace(FIRST, replacement, 1), encoding="utf-8")
    return config


@pytest.fixture(autouse=True)
def no_user_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("INVITEWATCH_CONFIG_DIR", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INVITEWATCH_DATA_DIR", str(tmp_path / "data"))


def test_unknown_key_wrong_type_and_bad_category_are_all_reported(tmp_path: Path) -> None:
    config = broken_copy(tmp_path, FIRST.replace('category = "business"',
                                                 'category = "tycoon"\nname_colour = "red"')
                         .replace('name = "Elon Musk"', "name = 42"))
    result = CliRunner().invoke(main, ["--config-dir", str(config), "config", "check"])
    assert result.exit_code == 2, result.output
    where = f"{config / 'figures.toml'}: figures[0] (id 'elon-musk')"
    lines = result.output.splitlines()
    for key, what in [("name_colour", "unknown key"), ("name", "must be a string, got 42"),
                      ("category", "'tycoon'")]:
        matching = [line for line in lines if f"key {key!r}" in line]
        assert len(matching) == 1, (key, result.output)
        assert where in matching[0] and what in matching[0], matching[0]


def test_a_per_platform_handle_and_a_role_key_name_their_place(tmp_path: Path) -> None:
    config = broken_copy(tmp_path, FIRST + '[figures.handles]\nx = ["@elon musk"]\n'
                                           'friendster = ["@elon"]\n'
                                           '[[figures.roles]]\ntitles = ["Tesla boss"]\n'
                                           'since = 2008-10-01\n')
    result = CliRunner().invoke(main, ["--config-dir", str(config), "config", "check"])
    assert result.exit_code == 2, result.output
    for fragment in ["key 'handles.x[0]': '@elon musk' is not a valid x handle",
                     "key 'handles.friendster': unknown platform",
                     "key 'roles[0].since': unknown key"]:
        assert fragment in result.output, result.output


def test_the_schema_takes_every_shipped_figure_and_its_vocabulary() -> None:
    from bot.matcher.figures_source import read_figures_file
    entries = read_figures_file(BUILTIN_FIGURES)["figures"]
    validated = [validate_figure(e, f"figures[{i}]") for i, e in enumerate(entries)]
    assert [p for _, ps in validated for p in ps] == []
    assert {v.category for v, _ in validated if v} == set(FigureCategory)
    assert {v.kind for v, _ in validated if v} == set(FigureKind)


@pytest.mark.parametrize(("kind", "expected"), [("org", FigureKind.ORGANISATION),
                                                ("organization", FigureKind.ORGANISATION),
                                                ("person", FigureKind.PERSON)])
def test_kind_synonyms_are_still_accepted(kind: str, expected: FigureKind) -> None:
    figure, problems = validate_figure({"id": "a", "name": "A", "kind": kind}, "f")
    assert problems == [] and figure is not None and figure.kind is expected


def test_models_are_frozen() -> None:
    figure, _ = validate_figure({"id": "a", "name": "A"}, "f")
    assert figure is not None
    with pytest.raises(ValueError, match="frozen"):
        figure.name = "B"  # type: ignore[misc]


def test_config_error_keeps_every_problem() -> None:
    from bot.matcher.gazetteer import gazetteer_from_data
    with pytest.raises(ConfigError) as info:
        gazetteer_from_data({"figures": [{"id": "a", "name": "A", "x": 1, "category": "z"},
                                         {"id": "b", "name": 3}]}, source="f.toml")
    assert len(info.value.problems) == 3
    assert all(p.startswith("f.toml: figures[") for p in info.value.problems)
