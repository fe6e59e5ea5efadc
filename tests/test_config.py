from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import changed_files, load_config, mask_url
from bot.errors import ConfigError


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_configuration_is_valid(repo_root: Path) -> None:
    config = load_config(repo_root / "config", env={})
    assert len(config.feeds) >= 20
    assert len({f.lang for f in config.feeds}) >= 5
    # The gazetteer ships inside the package; config/figures.toml is only a host's overlay.
    assert config.figures_path is None
    assert config.settings.database_url().startswith("sqlite:///")
    assert config.settings.console_enabled()


def test_environment_overrides_file_and_keeps_secrets_out_of_snapshot(tmp_path: Path) -> None:
    write(tmp_path, "invitewatch.toml", "[polling]\ninterval_minutes = 30\n")
    config = load_config(tmp_path, env={
        "DISCORD_TOKEN": "abc.def.ghi", "DATABASE_URL": "postgresql://bot:s3cret@db/iw",
        "INVITEWATCH_POLL_INTERVAL_MINUTES": "5"})
    s = config.settings
    assert s.polling.interval_minutes == 5
    assert s.discord.token.get_secret_value() == "abc.def.ghi"
    assert s.database_url() == "postgresql://bot:s3cret@db/iw"
    assert not s.console_enabled()
    shown = repr(s.snapshot())
    assert "abc.def.ghi" not in shown and "s3cret" not in shown
    assert "bot:***@db/iw" in shown


def test_every_problem_is_reported_at_once_with_file_and_key(tmp_path: Path) -> None:
    write(tmp_path, "invitewatch.toml",
          "[polling]\ninterval_minuts = 5\nmax_concurrency = 0\n[discord]\nsync = 'abc'\n")
    write(tmp_path, "feeds.toml", "[[feeds]]\nurl = 'ftp://example.org/feed'\n"
                                  "[[feeds]]\nurl = 'https://example.org/a.xml'\n"
                                  "[[feeds]]\nurl = 'https://example.org/a.xml'\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path, env={"INVITEWATCH_LOG_LEVEL": "LOUD"})
    problems = info.value.problems
    text = "\n".join(problems)
    assert "invitewatch.toml: polling.interval_minuts: unknown key (a typo?)" in text
    assert "invitewatch.toml: polling.max_concurrency" in text
    assert "invitewatch.toml: discord.sync" in text
    assert "feeds.toml: feeds.0.url: Value error, must start with http:// or https://" in text
    assert "feeds.toml: feeds.2.url: duplicate of feeds.1" in text
    assert "environment INVITEWATCH_LOG_LEVEL" in text
    assert len(problems) == 6


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    write(tmp_path, "invitewatch.toml", "[polling\ninterval_minutes = 5\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path, env={})
    assert str(tmp_path / "invitewatch.toml") in info.value.problems[0]
    assert "not valid TOML" in info.value.problems[0]


def test_token_in_config_file_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "invitewatch.toml", "[discord]\ntoken = 'oops'\n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path, env={})
    assert any("DISCORD_TOKEN environment variable" in p for p in info.value.problems)


def test_token_file(tmp_path: Path) -> None:
    secret = write(tmp_path, "token.txt", "from-a-file\n")
    config = load_config(tmp_path, env={"DISCORD_TOKEN_FILE": str(secret)})
    assert config.settings.discord.token.get_secret_value() == "from-a-file"
    with pytest.raises(ConfigError, match="DISCORD_TOKEN_FILE"):
        load_config(tmp_path, env={"DISCORD_TOKEN_FILE": str(tmp_path / "missing")})


def test_changed_files_sees_edits(tmp_path: Path) -> None:
    path = write(tmp_path, "invitewatch.toml", "[polling]\ninterval_minutes = 30\n")
    config = load_config(tmp_path, env={})
    assert changed_files(config) == []
    import os
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + 5))
    assert changed_files(config) == [str(path)]
    write(tmp_path, "feeds.toml", "")
    assert str(tmp_path / "feeds.toml") in changed_files(config)


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope", env={})


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://u:p@h/db", "postgresql://u:***@h/db"),
    ("postgresql://u@h/db", "postgresql://u@h/db"),
    ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
])
def test_mask_url(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_the_outbox_and_the_configuration_agree_on_when_to_reconcile(tmp_path: Path) -> None:
    """A host who leaves `[notify] reconcile_after_seconds` out gets the outbox's own default,
    and the shipped file states that same number."""
    from bot.notify.outbox import DeliveryPolicy

    bare = load_config(tmp_path, env={}).settings.notify.reconcile_after_seconds
    assert bare == DeliveryPolicy().reconcile_after.total_seconds()
    shipped = load_config(Path(__file__).parents[1] / "config", env={})
    assert shipped.settings.notify.reconcile_after_seconds == bare
