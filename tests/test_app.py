"""The composition root: config sync, live reload, and the bot running without a token."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from pathlib import Path

import pytest

from bot.app import App
from bot.config import load_config


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def config_dir(tmp_path: Path, repo_root: Path) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    port = closed_port()
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n'
        "[polling]\nallow_private_addresses = true\nconnect_timeout_seconds = 1\n",
        encoding="utf-8")
    (directory / "feeds.toml").write_text(
        f'[[feeds]]\nurl = "http://127.0.0.1:{port}/a.xml"\n'
        f'[[feeds]]\nurl = "http://127.0.0.1:{port}/b.xml"\n', encoding="utf-8")
    return directory


def bump(path: Path, text: str) -> None:
    before = path.stat().st_mtime
    path.write_text(text, encoding="utf-8")
    os.utime(path, (before + 10, before + 10))


def test_reload_applies_good_edits_and_keeps_the_last_good_config(
        config_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = App(load_config(config_dir, env={}))
    try:
        assert app.sync_config_feeds() == (2, 0)
        assert app.sync_config_feeds() == (0, 0)
        feeds = config_dir / "feeds.toml"
        bump(feeds, feeds.read_text().split("[[feeds]]")[0] + "[[feeds]]" +
             feeds.read_text().split("[[feeds]]")[1])
        assert app.reload_if_changed()
        with app.store.unit() as unit:
            assert len(unit.list_feeds()) == 1
        settings = config_dir / "invitewatch.toml"
        good = settings.read_text()
        bump(settings, good + "[polling\n")
        with caplog.at_level(logging.ERROR):
            assert not app.reload_if_changed()
        assert "last good one stays in force" in caplog.text
        assert "invitewatch.toml" in caplog.text
        assert app.settings.polling.allow_private_addresses  # still the last good settings
        caplog.clear()
        with caplog.at_level(logging.ERROR):
            assert not app.reload_if_changed()  # the same broken edit is reported once
        assert caplog.text == ""
        bump(settings, good.replace("connect_timeout_seconds = 1", "connect_timeout_seconds = 2"))
        assert app.reload_if_changed()
        assert app.poller.limits.connect_timeout == 2
    finally:
        app.store.close()


async def test_run_without_token_or_network_keeps_running_and_reports_feeds(
        config_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = App(load_config(config_dir, env={}))
    stop = asyncio.Event()
    try:
        with caplog.at_level(logging.INFO):
            task = asyncio.create_task(app.run(stop=stop))
            for _ in range(100):
                await asyncio.sleep(0.1)
                with app.store.unit() as unit:
                    records = unit.list_feeds()
                # The cycle's report is logged after its feeds are recorded: wait for both,
                # or a loaded machine stops the bot between the two.
                if records and all(r.failure_count >= 1 for r in records) \
                        and "/a.xml" in caplog.text:
                    break
            assert not task.done()  # still running after its feeds failed
            stop.set()
            await asyncio.wait_for(task, timeout=10)
    finally:
        app.store.close()
    assert all(r.last_error and "127.0.0.1" in r.last_error for r in records), records
    assert "no DISCORD_TOKEN set" in caplog.text
    assert "/a.xml" in caplog.text


def test_quiet_sweep_marks_old_open_invitations(config_dir: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.domain import NotificationKind, Source, Status, TrackOutcome
    from bot.store.api import InvitationFilter
    from tests.support.builders import state

    now = [datetime(2021, 2, 14, 12, tzinfo=UTC)]
    app = App(load_config(config_dir, env={}), clock=lambda: now[0])
    try:
        with app.store.unit() as unit:
            for status in (Status.PENDING, Status.TOOK_PLACE):
                unit.save_outcome(TrackOutcome(state(status=status, when=now[0]), True, None,
                                               False),
                                  Source(url="https://a.example/1", outlet="A", lang="en",
                                         published=now[0]))
        assert app.sweep_quiet() == []  # nothing is old yet
        now[0] += timedelta(days=31)
        swept = app.sweep_quiet()
        assert [o.invitation.status for o in swept] == [Status.PENDING]
        assert all(NotificationKind.QUIET not in {n.kind for n in o.notifications}
                   for o in swept)  # not announced unless configured
        with app.store.unit() as unit:
            quiet = {i.status: i.quiet for i in unit.list_invitations(InvitationFilter())}
        assert quiet == {Status.PENDING: True, Status.TOOK_PLACE: False}
        assert app.sweep_quiet() == []  # once quiet, not swept again
    finally:
        app.store.close()


def test_the_sweep_purges_reports_that_waited_a_whole_window(config_dir: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.domain import SIDE_INVITEE, LoneObservation, Occasion, OccasionKind, Party, Source
    from bot.domain import Status as S
    from bot.tracker import waiting

    now = [datetime(2021, 2, 14, 12, tzinfo=UTC)]
    app = App(load_config(config_dir, env={}), clock=lambda: now[0])
    try:
        refusal = LoneObservation(party=Party("Vladimir Putin", "vladimir-putin"),
                                  side=SIDE_INVITEE, occasion=Occasion(OccasionKind.MEETING,
                                                                       "Istanbul"),
                                  status=S.DECLINED, confidence=0.8, evidence="no", lang="en")
        with app.store.unit() as unit:
            unit.keep_waiting(waiting(refusal, Source("https://a.example/1", "A", "en", now[0]),
                                      now[0]))
        window = app.poller.tracker.window
        now[0] += window
        assert app.purge_waiting() == 0  # waited exactly one window: still kept
        now[0] += timedelta(seconds=1)
        assert app.purge_waiting() == 1
        with app.store.unit() as unit:
            assert unit.count_waiting() == 0
    finally:
        app.store.close()


def test_with_worker_processes_the_bot_keeps_the_gazetteer_not_a_matcher(
        config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bot import workers

    prepared: list[workers.MatcherRecipe] = []
    monkeypatch.setattr(workers, "prepare_fork_server", prepared.append)
    settings = config_dir / "invitewatch.toml"
    settings.write_text(settings.read_text().replace("[polling]\n", "[polling]\nworkers = 2\n"),
                        encoding="utf-8")
    app = App(load_config(config_dir, env={}))
    try:
        assert prepared == []  # only a polling process starts the fork server
        app.prepare_workers()
        assert prepared == [app.matcher_recipe()] and prepared[0].figures is None
        assert app._matcher is None  # the workers hold the matcher
        assert app.gazetteer().resolve("Vladimir Putin") is not None
        assert app._matcher is None
        # A command that needs the whole matcher (/explain) builds it here on demand.
        assert app.matcher().gazetteer.resolve("Vladimir Putin") is not None
        assert app.gazetteer() is app.matcher().gazetteer
    finally:
        app.poller.close()
