"""Odd arguments to `invitations` and `feeds`: clear errors, the same spelling accepted by
every subcommand, and nothing stored lost or resurrected."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result

from tests.support.sandbox import Sandbox, assert_user_error


def test_invitations_show_an_id_too_large_for_the_database(cli: Callable[..., Result]) -> None:
    assert_user_error(cli("invitations", "show", "99999999999999999999999"), "no invitation")


def test_invitations_show_an_unknown_id(cli: Callable[..., Result]) -> None:
    assert_user_error(cli("invitations", "show", "424242"), "no invitation #424242")


def test_invitations_list_since_a_span_beyond_the_calendar(cli: Callable[..., Result]) -> None:
    assert_user_error(cli("invitations", "list", "--since", "99999999d"), "since")


def test_invitations_list_since_weeks_like_the_discord_command(
        cli: Callable[..., Result]) -> None:
    result = cli("invitations", "list", "--since", "2w")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("spelling", ["HTTPS://NEWS.EXAMPLE.COM/feed.xml",
                                      "https://news.example.com/feed.xml  ",
                                      "https://news.example.com/feed.xml#top"])
def test_feeds_add_folds_spellings_of_one_feed(cli: Callable[..., Result],
                                               spelling: str) -> None:
    assert cli("feeds", "add", "--no-check", "https://news.example.com/feed.xml").exit_code == 0
    again = cli("feeds", "add", spelling)
    assert again.exit_code == 0, again.output
    assert "already present" in again.output
    listed = cli("feeds", "list")
    assert listed.output.count("news.example.com/feed.xml") == 1, listed.output


@pytest.mark.parametrize("added, removed", [
    ("https://news.example.com/feed.xml", "HTTPS://NEWS.EXAMPLE.COM/feed.xml"),
    ("https://bücher.example/feed.xml", "https://bücher.example/feed.xml"),
])
def test_feeds_remove_accepts_what_feeds_add_accepts(cli: Callable[..., Result], added: str,
                                                     removed: str) -> None:
    assert cli("feeds", "add", "--no-check", added).exit_code == 0
    result = cli("feeds", "remove", removed)
    assert result.exit_code == 0, result.output
    assert "example" not in cli("feeds", "list").output.replace("news.example.org", "")


@pytest.mark.parametrize("url, message", [
    ("javascript:alert(1)", "only http:// and https://"),
    ("file:///etc/passwd", "only http:// and https://"),
    ("http://localhost/feed.xml", "localhost"),
    ("http://[::1]/feed.xml", "loopback"),
    ("http://[::ffff:127.0.0.1]/feed.xml", "loopback"),
    ("http://0x7f000001/feed.xml", "loopback"),
    ("http://169.254.169.254/latest/meta-data", "link-local"),
    ("https://user:secret@news.example.com/feed.xml", "credentials"),
    ("https://news.example.com/" + "a" * 10_000, "too long"),
    ("https://💥.example/feed.xml", "not a valid host name"),
    ("", "empty"),
])
def test_feeds_add_refuses_hostile_urls(cli: Callable[..., Result], url: str,
                                        message: str) -> None:
    assert_user_error(cli("feeds", "add", url), message)
    assert "news.example.com" not in cli("feeds", "list").output


def test_feeds_remove_of_a_config_feed_is_not_undone_silently(
        sandbox: Sandbox, cli: Callable[..., Result]) -> None:
    from bot.app import App
    from bot.config import load_config
    from bot.matcher import Matcher
    from bot.store import open_store

    config_url = "https://news.example.org/world.xml"
    figures = sandbox.root / "figures.toml"
    figures.write_text('[[figures]]\nid = "ada-quill"\nname = "Ada Quill"\n', encoding="utf-8")
    config = load_config(sandbox.config_dir)
    app = App(config, store=open_store(config.settings.database_url()),
              matcher=Matcher.load(figures))
    app.sync_config_feeds()  # what every start does
    assert config_url in cli("feeds", "list").output
    result = cli("feeds", "remove", config_url)
    if result.exit_code != 0:
        assert_user_error(result, "feeds.toml")
        return
    app.sync_config_feeds()  # the next start
    assert config_url not in cli("feeds", "list").output


def test_feeds_list_shows_the_config_feeds_on_a_fresh_install(
        cli: Callable[..., Result]) -> None:
    result = cli("feeds", "list")
    assert result.exit_code == 0, result.output
    assert "https://news.example.org/world.xml" in result.output


def test_eval_on_an_empty_corpus_does_not_claim_success(sandbox: Sandbox,
                                                        cli: Callable[..., Result]) -> None:
    empty = sandbox.root / "empty-corpus"
    empty.mkdir()
    result = cli("eval", "--data-dir", str(empty), "--shared-dir", str(empty))
    assert result.exit_code != 0
    assert "All targets met" not in result.output


def test_log_level_from_the_environment_ignores_case(cli: Callable[..., Result]) -> None:
    result = cli("config", "check", env={"INVITEWATCH_LOG_LEVEL": "debug"})
    assert result.exit_code == 0, result.output


def test_invitations_list_says_when_a_filter_matches_nothing(
        sandbox: Sandbox, cli: Callable[..., Result]) -> None:
    import json

    articles = sandbox.root / "articles.jsonl"
    articles.write_text(json.dumps({
        "id": "m1", "date": "2022-05-02", "lang": "en",
        "text": "Emmanuel Macron has invited Joe Biden to Paris for a state visit."}) + "\n",
        encoding="utf-8")
    database = f"sqlite:///{sandbox.root / 'replayed.db'}"
    assert cli("replay", str(articles), "--database", database).exit_code == 0
    everything = cli("--database", database, "invitations", "list")
    assert "Emmanuel Macron" in everything.output, everything.output
    filtered = cli("--database", database, "invitations", "list", "--figure", "Nobody Known")
    assert filtered.exit_code == 0
    assert "yet" not in filtered.output, filtered.output


def test_feeds_list_does_not_print_control_characters_from_a_name(
        cli: Callable[..., Result]) -> None:
    added = cli("feeds", "add", "--no-check", "https://news.example.com/feed.xml", "--name",
                "Daily\n\x1b[31mactive   https://forged.example/\x07")
    listed = cli("feeds", "list")
    assert added.exit_code != 0 or listed.exit_code == 0
    assert "\x1b" not in listed.output and "\x07" not in listed.output
    assert "\nactive   https://forged" not in listed.output.replace("\x1b[31m", "")


def test_health_does_not_trust_a_heartbeat_from_the_future(
        sandbox: Sandbox, cli: Callable[..., Result]) -> None:
    sandbox.data_dir.mkdir(parents=True, exist_ok=True)
    (sandbox.data_dir / "heartbeat").write_text("2099-01-01T00:00:00+00:00", encoding="utf-8")
    result = cli("health")
    assert result.exit_code != 0, result.output
