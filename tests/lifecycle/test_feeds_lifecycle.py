"""The feed lifecycle on the command line: add checks the feed once (and finds it from a
web page), list tells the true state, disable / enable, and a dry-run `feeds test`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from bot.feeds.probe import feed_links
from bot.store import open_store
from tests.support.feed_server import FeedServer, item, rss

WHEN = datetime.now(UTC) - timedelta(hours=2)
INVITE = ("Elon Musk has invited Russian President Vladimir Putin to a conversation on "
          "Clubhouse. The Kremlin has not responded yet.")
QUIET = "The city council met on Tuesday to discuss the budget for next year."


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[polling]\nallow_private_addresses = '
        'true\nconnect_timeout_seconds = 2\n[logging]\nlevel = "WARNING"\n', encoding="utf-8")
    (directory / "feeds.toml").write_text("", encoding="utf-8")
    return directory


def cli(config_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config-dir", str(config_dir), *args])


def feeds(config_dir: Path) -> list[dict[str, object]]:
    listed = cli(config_dir, "feeds", "list", "--json")
    assert listed.exit_code == 0, listed.output
    return list(json.loads(listed.output))


def test_feed_links_found_in_a_page() -> None:
    page = ('<html><head><link rel="stylesheet" href="/s.css">'
            '<link rel="alternate" type="application/rss+xml" title="News" href="/rss.xml">'
            '<link rel="alternate" type="application/atom+xml" href="https://x.example/atom">'
            '<link rel="alternate" hreflang="de" href="/de/"></head><body></body></html>')
    assert feed_links(page, "https://news.example/world/") == [
        "https://news.example/rss.xml", "https://x.example/atom"]
    assert feed_links("<html><body>no feed</body></html>", "https://news.example/") == []


def test_add_checks_the_feed_and_shows_title_and_entries(config_dir: Path,
                                                          server: FeedServer) -> None:
    server.feed("/wire.xml", rss(item("a", "Invitation", INVITE, WHEN),
                                 item("b", "Budget", QUIET, WHEN)))
    added = cli(config_dir, "feeds", "add", server.url("/wire.xml"))
    assert added.exit_code == 0, added.output
    assert "added: " + server.url("/wire.xml") in added.output
    assert "QA Wire" in added.output and "2 entries now" in added.output
    (record,) = feeds(config_dir)
    assert record["title"] == "QA Wire"
    again = cli(config_dir, "feeds", "add", server.url("/wire.xml"))
    assert again.exit_code == 0 and "already present" in again.output


def test_add_refuses_a_typo_or_a_non_feed_unless_told_not_to_check(
        config_dir: Path, server: FeedServer) -> None:
    server.status("/missing.xml", 404)
    missing = cli(config_dir, "feeds", "add", server.url("/missing.xml"))
    assert missing.exit_code == 1 and "not added" in missing.output and "404" in missing.output
    assert "--no-check" in missing.output
    server.routes["/page.html"] = (200, b"<html><body>Hello</body></html>",
                                   {"Content-Type": "text/html"})
    page = cli(config_dir, "feeds", "add", server.url("/page.html"))
    assert page.exit_code == 1 and "announces no feed" in page.output
    assert feeds(config_dir) == []
    anyway = cli(config_dir, "feeds", "add", "--no-check", server.url("/missing.xml"))
    assert anyway.exit_code == 0 and "not fetched (--no-check)" in anyway.output
    assert [f["url"] for f in feeds(config_dir)] == [server.url("/missing.xml")]


def test_add_discovers_the_feed_a_page_announces(config_dir: Path, server: FeedServer) -> None:
    server.feed("/feeds/all.xml", rss(item("a", "Budget", QUIET, WHEN)))
    server.routes["/"] = (200, b'<!doctype html><html><head><link rel="alternate" '
                               b'type="application/rss+xml" href="/feeds/all.xml"></head>'
                               b'<body>Front page</body></html>', {"Content-Type": "text/html"})
    added = cli(config_dir, "feeds", "add", server.url("/"))
    assert added.exit_code == 0, added.output
    assert "is a web page; it announces the feed " + server.url("/feeds/all.xml") in added.output
    assert [f["url"] for f in feeds(config_dir)] == [server.url("/feeds/all.xml")]


def test_disable_list_and_enable_again(config_dir: Path, server: FeedServer) -> None:
    server.feed("/wire.xml", rss(item("b", "Budget", QUIET, WHEN)))
    url = server.url("/wire.xml")
    assert cli(config_dir, "feeds", "add", url).exit_code == 0
    disabled = cli(config_dir, "feeds", "disable", url, "--reason", "paywalled now")
    assert disabled.exit_code == 0 and "feeds enable" in disabled.output
    (record,) = feeds(config_dir)
    assert record["state"] == "disabled" and record["next_poll_at"] is None
    assert record["disabled_reason"] == "disabled by hand (cli): paywalled now"
    listed = cli(config_dir, "feeds", "list").output
    assert "disabled since" in listed and "paywalled now" in listed
    assert f"enable with: invitewatch feeds enable {url}" in listed
    assert "next poll" not in listed
    # `poll --once --all` skips it: nothing is due.
    polled = cli(config_dir, "poll", "--once", "--all")
    assert "0 feeds polled" in polled.output, polled.output
    enabled = cli(config_dir, "feeds", "enable", url)
    assert enabled.exit_code == 0 and "enabled: " in enabled.output
    assert "paywalled now" in enabled.output
    (record,) = feeds(config_dir)
    assert record["state"] == "active" and record["disabled_at"] is None
    polled = cli(config_dir, "poll", "--once", "--all")
    assert "1 feeds polled, 0 failed" in polled.output, polled.output
    again = cli(config_dir, "feeds", "enable", url)
    assert again.exit_code == 0 and "already enabled" in again.output
    unknown = cli(config_dir, "feeds", "enable", server.url("/nope.xml"))
    assert unknown.exit_code == 1 and "no such feed" in unknown.output


def test_a_feed_disabled_by_failures_says_why_and_comes_back(
        config_dir: Path, server: FeedServer, tmp_path: Path) -> None:
    url = server.url("/gone.xml")
    assert cli(config_dir, "feeds", "add", "--no-check", url).exit_code == 0
    server.status("/gone.xml", 410)
    for _ in range(3):  # a permanent error disables the feed after a few polls
        cli(config_dir, "poll", "--once", "--all")
    (record,) = feeds(config_dir)
    assert record["state"] == "disabled", record
    assert "410" in str(record["disabled_reason"]) and record["disabled_at"]
    listed = cli(config_dir, "feeds", "list").output
    assert "disabled since" in listed and "410" in listed and "feeds enable" in listed
    re_added = cli(config_dir, "feeds", "add", url)
    assert "already present" in re_added.output and "feeds enable" in re_added.output
    server.feed("/gone.xml", rss(item("b", "Budget", QUIET, WHEN)))
    assert cli(config_dir, "feeds", "enable", url).exit_code == 0
    polled = cli(config_dir, "poll", "--once")
    assert polled.exit_code == 0 and "1 feeds polled, 0 failed" in polled.output, polled.output
    (record,) = feeds(config_dir)
    assert record["state"] == "active" and record["failures"] == 0


def test_feeds_test_is_a_dry_run_showing_what_the_matcher_finds(
        config_dir: Path, server: FeedServer, tmp_path: Path) -> None:
    server.feed("/wire.xml", rss(item("a", "Musk invites Putin", INVITE, WHEN),
                                 item("b", "Budget", QUIET, WHEN)))
    tested = cli(config_dir, "feeds", "test", server.url("/wire.xml"))
    assert tested.exit_code == 0, tested.output
    assert "2 entries" in tested.output
    assert "invitation: Elon Musk → Vladimir Putin" in tested.output
    assert "nothing found" in tested.output
    as_json = cli(config_dir, "feeds", "test", "--json", server.url("/wire.xml"))
    rows = [json.loads(line) for line in as_json.output.splitlines() if line.startswith("{")]
    assert [len(r["invitations"]) for r in rows] == [1, 0]
    assert feeds(config_dir) == []  # nothing stored
    store = open_store(f"sqlite:///{tmp_path / 'data' / 'invitewatch.db'}")
    try:
        with store.unit() as unit:
            assert unit.list_feeds() == []
    finally:
        store.close()
