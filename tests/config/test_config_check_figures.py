"""`invitewatch config check` on a copy of the shipped gazetteer with a mistake in it: the
report names the file, the figure and the key, and the command fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.matcher.figures_source import BUILTIN_FIGURES

# Appended to the copy: a figure of our own that repeats a shipped figure's name as an
# alias, and claims a title a shipped figure holds at the same time.
INTRUDER = '''

[[figures]]
id = "ann-example"
name = "Ann Example"
kind = "person"
category = "business"
aliases = [{alias}]

[[figures.roles]]
titles = [{title}]
from = 2020-01-01
'''


def check(tmp_path: Path, alias: str, title: str) -> tuple[int, str]:
    config = tmp_path / "config"
    config.mkdir()
    copy = config / "figures.toml"
    # The copy stands alone (`builtin = false`): it is the whole gazetteer, as a host may ship.
    copy.write_text("builtin = false\n" + BUILTIN_FIGURES.read_text(encoding="utf-8")
                    + INTRUDER.format(alias=alias, title=title), encoding="utf-8")
    result = CliRunner().invoke(main, ["--config-dir", str(config), "config", "check"])
    return result.exit_code, result.output


@pytest.fixture(autouse=True)
def no_user_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("INVITEWATCH_CONFIG_DIR", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("INVITEWATCH_DATA_DIR", str(tmp_path / "data"))


def test_a_duplicated_alias_is_reported_with_file_figure_and_key(tmp_path: Path) -> None:
    code, output = check(tmp_path, '"Vladimir Putin"', '"Mayor of Example"')
    assert code == 2
    [line] = [line for line in output.splitlines() if "'Vladimir Putin'" in line]
    assert str(tmp_path / "config" / "figures.toml") in line
    assert "figure 'ann-example'" in line and "key 'aliases'" in line


def test_an_overlapping_title_is_reported_with_file_figure_and_key(tmp_path: Path) -> None:
    code, output = check(tmp_path, "", '"Tesla CEO"')
    assert code == 2
    [line] = [line for line in output.splitlines() if "at the same time" in line]
    assert str(tmp_path / "config" / "figures.toml") in line
    assert "figure 'ann-example'" in line and "key 'roles.titles'" in line
    assert "elon-musk" in line


def test_the_unchanged_copy_is_fine(tmp_path: Path) -> None:
    code, output = check(tmp_path, "", '"Mayor of Example"')
    assert code == 0, output
    assert "configuration OK" in output
