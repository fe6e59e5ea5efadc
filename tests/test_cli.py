"""The command line, driven as a user would (click's runner, a temporary config dir)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main


@pytest.fixture
def config_dir(tmp_path: Path, repo_root: Path) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    (directory / "feeds.toml").write_text(
        '[[feeds]]\nurl = "https://example.org/feed.xml"\nname = "Example"\nlang = "en"\n',
        encoding="utf-8")
    return directory


def invoke(config_dir: Path, *args: str, input: str | None = None) -> object:
    runner = CliRunner()
    return runner.invoke(main, ["--config-dir", str(config_dir), *args], input=input,
                         catch_exceptions=False)


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for args in (["--help"], ["run", "--help"], ["poll", "--help"], ["demo", "--help"],
                 ["analyze", "--help"], ["eval", "--help"], ["replay", "--help"],
                 ["invitations", "list", "--help"], ["invitations", "show", "--help"],
                 ["feeds", "add", "--help"], ["feeds", "list", "--help"],
                 ["feeds", "remove", "--help"], ["config", "check", "--help"],
                 ["db", "upgrade", "--help"], ["health", "--help"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (args, result.output)
        assert "Usage:" in result.output


def test_config_check_reports_all_problems(config_dir: Path) -> None:
    ok = invoke(config_dir, "config", "check")
    assert ok.exit_code == 0, ok.output
    assert "configuration OK" in ok.output and "1 feeds" in ok.output
    (config_dir / "invitewatch.toml").write_text("[polling]\ninterval = 3\n", encoding="utf-8")
    (config_dir / "figures.toml").write_text("[[figures]]\nid = 'x'\n", encoding="utf-8")
    bad = invoke(config_dir, "config", "check")
    assert bad.exit_code == 2
    assert "invitewatch.toml: polling.interval: unknown key" in bad.output
    assert "figures.toml" in bad.output


def test_feeds_add_list_remove(config_dir: Path) -> None:
    added = invoke(config_dir, "feeds", "add", "--no-check", "https://news.example.com/rss",
                   "--lang", "de")
    assert added.exit_code == 0, added.output
    again = invoke(config_dir, "feeds", "add", "https://news.example.com/rss")
    assert "already present" in again.output
    listed = invoke(config_dir, "feeds", "list", "--json")
    urls = [f["url"] for f in json.loads(listed.output)]
    assert urls.count("https://news.example.com/rss") == 1
    hostile = invoke(config_dir, "feeds", "add", "http://169.254.169.254/latest/meta-data")
    assert hostile.exit_code == 1 and "error:" in hostile.output
    assert invoke(config_dir, "feeds", "remove", "https://news.example.com/rss").exit_code == 0
    missing = invoke(config_dir, "feeds", "remove", "https://news.example.com/rss")
    assert missing.exit_code != 0 and "no such feed" in missing.output


def test_analyze_reads_stdin_and_writes_one_line_per_article(config_dir: Path) -> None:
    lines = "\n".join([
        json.dumps({"id": "1", "text": "Emmanuel Macron a invité Olaf Scholz à Paris.",
                    "date": "2023-05-02"}),
        "garbage",
    ]) + "\n"
    result = invoke(config_dir, "analyze", "--no-progress", input=lines)
    assert result.exit_code == 0
    out = [json.loads(x) for x in result.output.splitlines()]
    assert out[0]["id"] == "1" and out[0]["lang"] == "fr"
    assert [(i["inviter"], i["invitee"]) for i in out[0]["invitations"]] == [
        ("Emmanuel Macron", "Olaf Scholz")]
    assert "error" in out[1]


def test_replay_then_invitations_list_json(config_dir: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'replay.db'}"
    articles = tmp_path / "articles.jsonl"
    articles.write_text("\n".join(json.dumps(a) for a in [
        {"id": "b", "date": "2021-02-15", "lang": "de", "url": "https://b.example/2",
         "text": "Der Kreml nannte die Einladung von Elon Musk an Wladimir Putin zu einem "
                 "Gespräch auf Clubhouse einen interessanten Vorschlag, wolle aber mehr Details."},
        {"id": "a", "date": "2021-02-14", "lang": "en", "url": "https://a.example/1",
         "text": "Elon Musk has invited Vladimir Putin to a conversation on Clubhouse. There is "
                 "no word on whether Putin has accepted."},
    ]) + "\n", encoding="utf-8")
    replayed = invoke(config_dir, "replay", str(articles), "--database", db)
    assert replayed.exit_code == 0, replayed.output
    assert replayed.output.count("NEW INVITATION") == 1
    listed = invoke(config_dir, "--database", db, "invitations", "list", "--json")
    [inv] = json.loads(listed.output)
    assert set(inv) == {"id", "inviter", "invitee", "occasion", "kind", "place", "status",
                        "first_seen", "last_update", "sources", "timeline"}
    assert (inv["inviter"], inv["invitee"], inv["status"]) == (
        "Elon Musk", "Vladimir Putin", "responded")
    assert inv["kind"] == "conversation" and inv["place"] == "Clubhouse"
    assert sorted(inv["sources"]) == ["https://a.example/1", "https://b.example/2"]
    assert [e["date"] for e in inv["timeline"]] == ["2021-02-14", "2021-02-15"]
    shown = invoke(config_dir, "--database", db, "invitations", "show", str(inv["id"]))
    assert "responded" in shown.output
    missing = invoke(config_dir, "--database", db, "invitations", "show", "999")
    assert missing.exit_code != 0 and "no invitation #999" in missing.output


def test_db_upgrade_reports_revisions(config_dir: Path) -> None:
    result = invoke(config_dir, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "head" in result.output


def test_health_without_a_running_bot_is_unhealthy(config_dir: Path) -> None:
    result = invoke(config_dir, "health")
    assert result.exit_code == 1 and "no status at" in result.output


def test_demo_tells_the_story_offline(config_dir: Path) -> None:
    result = invoke(config_dir, "demo")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.count("NEW INVITATION") == 1
    assert "Elon Musk → Vladimir Putin" in out
    assert "pending → 💬 responded" in out
    assert "responded → 🚫 withdrawn" in out
    assert out.count("STATUS CHANGE") == 2
    assert "final table" in out and "withdrawn" in out.split("final table")[1]
    assert "invites criticism" not in out
