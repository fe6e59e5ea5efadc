"""`invitewatch config check` and configuration reloads against broken files: every
problem is a message naming the file, never a traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result

from tests.support.sandbox import Sandbox, assert_user_error

# Bytes that are not UTF-8, as a file saved in the wrong encoding or a binary dropped in
# by mistake would be.
NOT_UTF8 = b"\x7fELF\x02\x01\x01\x00" + bytes(range(128, 256)) + b"\n[polling]\n"


def test_config_check_passes_on_the_sandbox(cli: Callable[..., Result]) -> None:
    result = cli("config", "check")
    assert result.exit_code == 0, result.output
    assert "configuration OK" in result.output


def test_config_check_reports_a_binary_settings_file(sandbox: Sandbox,
                                                     cli: Callable[..., Result]) -> None:
    (sandbox.config_dir / "invitewatch.toml").write_bytes(NOT_UTF8)
    assert_user_error(cli("config", "check"), "invitewatch.toml")


def test_config_check_reports_a_binary_feeds_file(sandbox: Sandbox,
                                                  cli: Callable[..., Result]) -> None:
    (sandbox.config_dir / "feeds.toml").write_bytes(NOT_UTF8)
    assert_user_error(cli("config", "check"), "feeds.toml")


def test_config_check_reports_a_section_that_is_not_a_table(sandbox: Sandbox,
                                                            cli: Callable[..., Result]) -> None:
    (sandbox.config_dir / "invitewatch.toml").write_text("discord = 5\n", encoding="utf-8")
    assert_user_error(cli("config", "check"), "invitewatch.toml", "discord")


def test_config_check_reports_a_polling_section_that_is_a_list(
        sandbox: Sandbox, cli: Callable[..., Result]) -> None:
    (sandbox.config_dir / "invitewatch.toml").write_text("polling = [1, 2]\n", encoding="utf-8")
    assert_user_error(cli("config", "check"), "invitewatch.toml", "polling")


def test_config_check_reports_an_alias_shared_by_two_figures(
        sandbox: Sandbox, cli: Callable[..., Result]) -> None:
    (sandbox.config_dir / "figures.toml").write_text(
        '[[figures]]\nid = "ada-quill"\nname = "Ada Quill"\naliases = ["Quill"]\n\n'
        '[[figures]]\nid = "bo-quill"\nname = "Bo Quill"\naliases = ["Quill"]\n',
        encoding="utf-8")
    assert_user_error(cli("config", "check"), "figures.toml", "Quill")


def test_config_check_reports_figures_missing_name_duplicate_id_reversed_dates(
        sandbox: Sandbox, cli: Callable[..., Result]) -> None:
    (sandbox.config_dir / "figures.toml").write_text(
        '[[figures]]\nid = "nameless"\n\n'
        '[[figures]]\nid = "twice"\nname = "Twice One"\n\n'
        '[[figures]]\nid = "twice"\nname = "Twice Two"\n\n'
        '[[figures]]\nid = "boss"\nname = "Bea Boss"\n'
        '[[figures.roles]]\ntitles = ["the Board"]\nfrom = 2022-03-01\nuntil = 2021-01-01\n',
        encoding="utf-8")
    result = cli("config", "check")
    assert_user_error(result, "nameless", "duplicate id", "before")


def test_config_check_rejects_a_database_url_that_is_not_a_url(
        sandbox: Sandbox, cli: Callable[..., Result]) -> None:
    result = cli("config", "check", env={"DATABASE_URL": "garbage"})
    assert_user_error(result, "DATABASE_URL")


def test_commands_refuse_a_database_url_that_is_not_a_url(
        sandbox: Sandbox, cli: Callable[..., Result]) -> None:
    result = cli("invitations", "list", env={"DATABASE_URL": "garbage"})
    assert not (sandbox.root / "garbage").exists(), "a stray database file was created"
    assert_user_error(result, "garbage")


def test_reload_keeps_the_last_good_configuration_after_a_binary_edit(
        sandbox: Sandbox) -> None:
    import os

    from bot.app import App
    from bot.config import load_config
    from bot.matcher import Matcher
    from bot.store import open_store

    figures = sandbox.config_dir / "figures.toml"
    figures.write_text('[[figures]]\nid = "ada-quill"\nname = "Ada Quill"\n', encoding="utf-8")
    config = load_config(sandbox.config_dir)
    app = App(config, store=open_store(f"sqlite:///{sandbox.data_dir / 'iw.db'}"),
              matcher=Matcher.load(figures))
    settings_file = sandbox.config_dir / "invitewatch.toml"
    settings_file.write_bytes(NOT_UTF8)
    stamp = settings_file.stat().st_mtime + 5
    os.utime(settings_file, (stamp, stamp))
    assert app.reload_if_changed() is False
    assert app.config.settings == config.settings


def test_config_check_reports_a_token_file_that_is_not_text(sandbox: Sandbox,
                                                            cli: Callable[..., Result]) -> None:
    token_file = sandbox.root / "token.bin"
    token_file.write_bytes(NOT_UTF8)
    result = cli("config", "check", env={"DISCORD_TOKEN_FILE": str(token_file)})
    assert_user_error(result, "DISCORD_TOKEN_FILE")
    assert "ELF" not in result.output  # never echo what may be a secret


def test_a_blank_token_is_refused_or_means_no_token(sandbox: Sandbox) -> None:
    from bot.config import ConfigError, load_config

    try:
        config = load_config(sandbox.config_dir, env={"DISCORD_TOKEN": "   "})
    except ConfigError as exc:
        assert any("DISCORD_TOKEN" in problem for problem in exc.problems), exc.problems
        return
    token = config.settings.discord.token.get_secret_value()
    assert token == "", "a blank token must be refused or mean no token (the console notifier)"


@pytest.mark.parametrize("entries, expected", [
    ('url = "http://localhost/feed.xml"', "localhost"),
    ('url = "https://user:secret@news.example.com/feed.xml"', "credentials"),
    ('url = "https://news.example.com/a b.xml"', "spaces"),
    ('url = "https://bücher.example/feed.xml"\n\n[[feeds]]\n'
     'url = "https://xn--bcher-kva.example/feed.xml"', "duplicate"),
])
def test_config_check_validates_feed_urls_like_feeds_add(
        sandbox: Sandbox, cli: Callable[..., Result], entries: str, expected: str) -> None:
    (sandbox.config_dir / "feeds.toml").write_text(f"[[feeds]]\n{entries}\n", encoding="utf-8")
    assert_user_error(cli("config", "check"), "feeds.toml", expected)


@pytest.mark.parametrize("command", [("config", "check"), ("invitations", "list")])
def test_a_password_in_the_database_url_query_is_never_printed(
        cli: Callable[..., Result], command: tuple[str, ...]) -> None:
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    url = "postgresql://bob@127.0.0.1:1/invitewatch?password=hunter2-qa"
    result = cli(*command, env={"DATABASE_URL": url})
    assert "hunter2-qa" not in result.output, result.output
