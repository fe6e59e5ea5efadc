"""The built-in gazetteer ships in the package; a host's config/figures.toml extends it by id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.figures_source import BUILTIN_FIGURES, load_figures, read_figures_file

NEW_FIGURE = """
[[figures]]
id = "ada-quillfeather"
name = "Ada Quillfeather"
kind = "person"
category = "politician"
country = "GB"
aliases = ["Quillfeather"]
"""


def overlay(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "figures.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_figures_are_package_data() -> None:
    assert BUILTIN_FIGURES.is_file()
    assert BUILTIN_FIGURES.parent.name == "data" and BUILTIN_FIGURES.parent.parent.name == "bot"
    builtin = load_figures()
    assert len(builtin) >= 500
    assert builtin.get("vladimir-putin") is not None


def test_overlay_adds_a_figure_and_keeps_the_builtin_ones(tmp_path: Path) -> None:
    builtin = load_figures()
    merged = load_figures(overlay(tmp_path, NEW_FIGURE))
    assert len(merged) == len(builtin) + 1
    ada = merged.get("ada-quillfeather")
    assert ada is not None and ada.name == "Ada Quillfeather"
    assert merged.get("elon-musk") is not None


def test_same_id_replaces_the_whole_figure(tmp_path: Path) -> None:
    original = load_figures().get("elon-musk")
    assert original is not None and len(original.aliases) > 1
    path = overlay(tmp_path, '[[figures]]\nid = "elon-musk"\nname = "E. R. Musk"\n'
                             'kind = "person"\ncategory = "business"\naliases = ["ERM"]\n')
    merged = load_figures(path)
    figure = merged.get("elon-musk")
    assert figure is not None and figure.name == "E. R. Musk"
    assert list(figure.aliases) == ["ERM"]  # not merged with the built-in aliases
    assert len(merged) == len(load_figures())


def test_remove_drops_builtin_figures_and_rejects_unknown_ids(tmp_path: Path) -> None:
    merged = load_figures(overlay(tmp_path, 'remove = ["elon-musk"]\n'))
    assert merged.get("elon-musk") is None
    assert len(merged) == len(load_figures()) - 1
    with pytest.raises(ConfigError) as err:
        load_figures(overlay(tmp_path, 'remove = ["elon-muks"]\n'))
    assert "'elon-muks' is not a built-in figure id" in str(err.value.problems)


def test_builtin_false_makes_the_file_the_whole_gazetteer(tmp_path: Path) -> None:
    merged = load_figures(overlay(tmp_path, "builtin = false\n" + NEW_FIGURE))
    assert len(merged) == 1 and merged.get("ada-quillfeather") is not None


def test_overlay_problems_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_figures(overlay(tmp_path, 'colour = "blue"\nbuiltin = "no"\n'))
    problems = " ".join(err.value.problems)
    assert str(tmp_path / "figures.toml") in problems
    assert "unknown top-level key 'colour'" in problems and "'builtin'" in problems
    with pytest.raises(ConfigError) as err:  # a bad figure is reported by the gazetteer
        load_figures(overlay(tmp_path, '[[figures]]\nid = "x"\n'))
    assert "over the built-in figures" in " ".join(err.value.problems)


def test_matcher_load_keeps_an_explicit_complete_gazetteer(tmp_path: Path) -> None:
    # An explicit figures_path is the whole gazetteer (tests and benchmarks rely on it).
    small = overlay(tmp_path, NEW_FIGURE)
    assert len(Matcher.load(small).gazetteer) == 1
    assert len(Matcher.load(overrides=small).gazetteer) == len(read_figures_file(
        BUILTIN_FIGURES)["figures"]) + 1


def test_cli_uses_the_overlay_in_the_config_directory(tmp_path: Path) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    article = {"id": "a1", "date": "2024-03-01", "lang": "en",
               "text": "Ada Quillfeather has invited Elon Musk to a debate in London next "
                       "month. Musk has not responded."}
    runner = CliRunner()
    without = runner.invoke(main, ["--config-dir", str(config_dir), "analyze", "--no-progress"],
                            input=json.dumps(article) + "\n")
    (config_dir / "figures.toml").write_text(NEW_FIGURE, encoding="utf-8")
    with_overlay = runner.invoke(main, ["--config-dir", str(config_dir), "analyze",
                                        "--no-progress"], input=json.dumps(article) + "\n")
    assert without.exit_code == 0 and with_overlay.exit_code == 0, with_overlay.output
    found = json.loads(with_overlay.output)["invitations"]
    assert [(i["inviter"], i["invitee"]) for i in found] == [("Ada Quillfeather", "Elon Musk")]
    checked = runner.invoke(main, ["--config-dir", str(config_dir), "config", "check"])
    assert checked.exit_code == 0, checked.output
    assert f"{len(load_figures()) + 1} figures" in checked.output


def test_problems_point_at_the_hosts_tables(tmp_path: Path) -> None:
    path = overlay(tmp_path, NEW_FIGURE + NEW_FIGURE + '[[figures]]\nid = "nameless"\n')
    with pytest.raises(ConfigError) as err:
        load_figures(path)
    problems = err.value.problems
    assert any("figures[1] (id 'ada-quillfeather'): key 'id': duplicate id, already used by "
               "figures[0]" in p for p in problems), problems
    with pytest.raises(ConfigError) as err:
        load_figures(overlay(tmp_path, NEW_FIGURE + '[[figures]]\nid = "nameless"\n'))
    assert any("figures[1] (id 'nameless')" in p for p in err.value.problems), err.value.problems
