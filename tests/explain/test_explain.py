"""`invitewatch explain`: an article that was posted, one a server filtered out, one merged
into an invitation already held, one with no figure, one never read."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from bot.domain import Status
from bot.store import open_store
from bot.store.api import GuildSettings, Subscription
from tests.support.feed_server import FeedServer, item, rss

NOW = datetime.now(UTC)
QUIET = "The city council met on Tuesday to discuss the budget for next year."
INVITE = ("Elon Musk has invited Russian President Vladimir Putin to a conversation on "
          "Clubhouse. The Kremlin has not responded yet.")
DECLINE = ("Vladimir Putin has declined Elon Musk's invitation to a conversation on Clubhouse, "
           "the Kremlin said on Friday.")


def cli(config_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config-dir", str(config_dir), *args])


def steps(config_dir: Path, query: str) -> dict[str, dict[str, Any]]:
    result = cli(config_dir, "explain", "--json", query)
    assert result.exit_code == 0, result.output
    return {s["step"]: s for s in json.loads(result.output)["steps"]}


def text(step: dict[str, Any]) -> str:
    return step["decision"] + "\n" + "\n".join(step["details"])


@pytest.fixture
def newsroom(tmp_path: Path, server: FeedServer) -> Path:
    """A feed polled twice (its first poll is silent), two servers, one filtering on
    status; notifications delivered to the console."""
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[polling]\nallow_private_addresses = '
        'true\nconnect_timeout_seconds = 2\n[logging]\nlevel = "WARNING"\n'
        '[notify]\nconsole = "always"\n', encoding="utf-8")
    (config_dir / "feeds.toml").write_text(f'[[feeds]]\nurl = "{server.url("/wire.xml")}"\n',
                                           encoding="utf-8")
    server.feed("/wire.xml", rss(item("quiet", "Budget", QUIET, NOW - timedelta(hours=5))))
    assert cli(config_dir, "poll", "--once", "--all").exit_code == 0
    store = open_store(f"sqlite:///{tmp_path / 'data' / 'invitewatch.db'}")
    try:
        with store.unit() as unit:
            unit.save_guild_settings(GuildSettings(guild_id="100", channel_ids=["200"],
                                                   statuses=[Status.DECLINED]))
            unit.save_guild_settings(GuildSettings(guild_id="101", channel_ids=["201"]))
            for channel_id, country in (("202", "FR"), ("203", "RU")):
                unit.add_subscription(Subscription(guild_id="101", channel_id=channel_id,
                                                   countries=[country]), NOW)
    finally:
        store.close()
    server.feed("/wire.xml", rss(item("quiet", "Budget", QUIET, NOW - timedelta(hours=5)),
                                 item("invite", "Musk invites Putin", INVITE,
                                      NOW - timedelta(hours=3)),
                                 item("decline", "Putin declines", DECLINE,
                                      NOW - timedelta(hours=1))))
    polled = cli(config_dir, "poll", "--once", "--all")
    assert polled.exit_code == 0 and "2 new invitations" not in polled.output, polled.output
    return config_dir


def test_posted_and_filtered_by_a_server(newsroom: Path) -> None:
    found = steps(newsroom, "https://news.example.org/invite")
    assert found["stored"]["decision"].startswith("yes, article #")
    assert "text read again from its feed" in found["text"]["decision"]
    assert found["language"]["decision"] == "en"
    assert "Elon Musk" in found["figures"]["decision"]
    assert "Vladimir Putin" in found["figures"]["decision"]
    assert "invitation: invited, has invited" in text(found["cues"])
    assert "pending: has not responded" in text(found["cues"])
    assert "Elon Musk → Vladimir Putin" in text(found["invitations"])
    assert "the bar is 0.30" in text(found["invitations"])
    assert "opened new invitation #1" in text(found["tracker"])
    assert "new: Elon Musk → Vladimir Putin, pending" in text(found["notification"])
    servers = text(found["servers"])
    assert ("server 100: filtered out: its statuses filter (declined) excludes pending"
            in servers)
    assert "server 101: passes its filters → #201" in servers
    # The server's other subscriptions, each with its own filters (countries here).
    assert "server 101, subscription #3 (#202, embed): filtered out by its filters" in servers
    assert "server 101, subscription #4 (#203, embed): passes its filters" in servers
    assert "console: sent" in text(found["delivery"])
    by_id = cli(newsroom, "explain", found["stored"]["decision"].split("#")[1].split(",")[0])
    assert by_id.exit_code == 0 and "opened new invitation #1" in by_id.output
    one_server = cli(newsroom, "explain", "--server", "101", "https://news.example.org/invite")
    assert "server 100" not in one_server.output and "server 101" in one_server.output
    assert "subscription #4" in one_server.output


def test_merged_into_an_invitation_already_held(newsroom: Path) -> None:
    found = steps(newsroom, "https://news.example.org/decline")
    assert "merged into invitation #1" in text(found["tracker"]), text(found["tracker"])
    assert "status declined" in text(found["tracker"])
    assert "status: Elon Musk → Vladimir Putin, declined" in text(found["notification"])
    assert "server 100: passes its filters" in text(found["servers"])


def test_an_article_with_no_figure(newsroom: Path) -> None:
    found = steps(newsroom, "https://news.example.org/quiet")
    assert found["stored"]["decision"].startswith("yes")
    assert found["figures"]["decision"].startswith("no known figure")
    assert found["invitations"]["decision"] == ("none: no figure found, so no invitation "
                                                "between figures")
    assert found["tracker"]["decision"] == "nothing to track: no invitation found"
    assert found["notification"]["decision"].startswith("none queued")


def test_an_article_never_read_with_its_text_given(newsroom: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Emmanuel Macron has invited Olaf Scholz to a summit in Paris.",
                       encoding="utf-8")
    result = cli(newsroom, "explain", "--json", "--text", str(article),
                 "https://elsewhere.example/story")
    assert result.exit_code == 0, result.output
    found = {s["step"]: s for s in json.loads(result.output)["steps"]}
    assert found["stored"]["decision"].startswith("no: no feed has brought this article")
    assert "would open a new invitation" in text(found["tracker"])
    assert found["notification"]["decision"].startswith("none queued")


def test_an_unknown_article_whose_page_cannot_be_read(newsroom: Path,
                                                      server: FeedServer) -> None:
    server.status("/missing.html", 404)
    found = steps(newsroom, server.url("/missing.html"))
    assert found["stored"]["decision"].startswith("no:")
    assert found["text"]["decision"].startswith("not available")
    assert "404" in text(found["text"])


async def test_the_running_bot_answers_explain_for_one_server(newsroom: Path) -> None:
    from bot.app import App
    from bot.config import load_config

    app = App(load_config(newsroom, env={}))
    try:
        explainer = app.discord_deps().explain
        assert explainer is not None
        lines = await explainer("https://news.example.org/invite", "100")
    finally:
        app.store.close()
    shown = "\n".join(lines)
    assert "opened new invitation #1" in shown
    assert "server 100: filtered out" in shown and "server 101" not in shown
