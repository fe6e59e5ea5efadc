"""`invitewatch poll --once` as a cron user reads it (cron mails whatever a job
prints): each fact is said once, and a run that applies no migration says nothing about
migrations."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.feed_server import QUIET, FeedServer, rss
from tests.support.sandbox import USER_ENV, Sandbox

pytestmark = pytest.mark.slow  # each test starts the real bot as a process


def cron_poll(sandbox: Sandbox) -> str:
    """stdout and stderr of one `poll --once`, as cron mails them (the shipped log level)."""
    env = {k: v for k, v in os.environ.items() if k not in USER_ENV}
    env.update(INVITEWATCH_DATA_DIR=str(sandbox.data_dir),
               INVITEWATCH_ALLOW_PRIVATE_ADDRESSES="true", INVITEWATCH_LOG_LEVEL="INFO")
    done = subprocess.run([sys.executable, "-m", "bot", "--config-dir", str(sandbox.config_dir),
                           "poll", "--once", "--all"], cwd=sandbox.root, env=env,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-1500:]
    return done.stdout.decode() + done.stderr.decode()


@pytest.fixture
def two_feeds(sandbox: Sandbox, server: FeedServer) -> tuple[str, str]:
    good, gone = server.url("/good.xml"), server.url("/gone.xml")
    server.feed("/good.xml", rss(QUIET))
    (sandbox.config_dir / "feeds.toml").write_text(
        f'[[feeds]]\nurl = "{good}"\n[[feeds]]\nurl = "{gone}"\n', encoding="utf-8")
    return good, gone


def test_poll_once_reports_each_feed_once(sandbox: Sandbox, two_feeds: tuple[str, str]) -> None:
    output = cron_poll(sandbox)
    for url in two_feeds:
        lines = [line for line in output.splitlines() if f"feed {url}:" in line]
        assert len(lines) == 1, "\n".join(lines)


def test_poll_once_on_an_up_to_date_database_says_nothing_about_migrations(
        sandbox: Sandbox, two_feeds: tuple[str, str]) -> None:
    cron_poll(sandbox)  # creates and migrates the database
    second = cron_poll(sandbox)
    assert "alembic" not in second, second
