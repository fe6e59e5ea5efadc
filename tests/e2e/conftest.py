"""Fixtures for the end-to-end tests: drive the real command line as a new user would, in a
temporary config and data directory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from tests.support.sandbox import E2E_DATA, USER_ENV, Sandbox


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """A config directory with one example feed and a small gazetteer of our own, and an empty
    data directory; the working directory is the sandbox so nothing lands in the repo."""
    for name in USER_ENV:
        monkeypatch.delenv(name, raising=False)
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    data_dir = tmp_path / "data"
    monkeypatch.setenv("INVITEWATCH_DATA_DIR", str(data_dir))
    monkeypatch.chdir(tmp_path)
    shutil.copy(E2E_DATA / "figures.toml", config_dir / "figures.toml")
    (config_dir / "invitewatch.toml").write_text("[logging]\nlevel = \"WARNING\"\n",
                                                 encoding="utf-8")
    (config_dir / "feeds.toml").write_text(
        '[[feeds]]\nurl = "https://news.example.org/world.xml"\nname = "Example"\n',
        encoding="utf-8")
    return Sandbox(root=tmp_path, config_dir=config_dir, data_dir=data_dir)


@pytest.fixture
def cli(sandbox: Sandbox) -> Callable[..., Result]:
    """Run `invitewatch --config-dir <sandbox> ARGS` in-process; crashes are caught so a
    test can assert that none happened."""
    def run(*args: str, input: str | bytes | None = None,
            env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(main, ["--config-dir", str(sandbox.config_dir), *args],
                                  input=input, env=env, catch_exceptions=True)
    return run
