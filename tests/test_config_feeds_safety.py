"""Configuration that cannot silently drop work, and polls that one feed cannot hold up
(issue 8). Each test failed before the fix: config feeds deleted (history and all) when
feeds.toml was empty for a moment, and re-added as new feeds whose first poll is silent;
the HTTP session kept after `allow_private_addresses` or the user agent changed, with a
ValueError failing every cycle; a big feed processed whole in one cycle; 500 feeds at most
per cycle."""

from __future__ import annotations

import logging
import os
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from bot.app import App
from bot.config import load_config
from bot.feeds.fetch import FetchLimits, make_session
from bot.matcher import Matcher
from bot.pipeline import FeedResult, Poller, PollPolicy
from bot.store.api import FeedRecord, Store
from bot.tracker import TrackerPolicy
from tests.support.http_server import LocalHTTPServer

NOW = datetime(2021, 2, 15, 15, tzinfo=UTC)


@pytest.fixture
def config_dir(tmp_path: Path, repo_root: Path) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n'
        '[polling]\nallow_private_addresses = true\nuser_agent = "first-agent"\n',
        encoding="utf-8")
    (directory / "feeds.toml").write_text(
        '[[feeds]]\nurl = "https://a.example/feed.xml"\n'
        '[[feeds]]\nurl = "https://b.example/feed.xml"\n', encoding="utf-8")
    return directory


def bump(path: Path, text: str | None) -> None:
    """Rewrite (or, with None, delete) a config file with a visibly newer mtime."""
    before = path.stat().st_mtime if path.exists() else 0.0
    if text is None:
        path.unlink()
        return
    path.write_text(text, encoding="utf-8")
    os.utime(path, (before + 10, before + 10))


def feeds(app: App, *, include_removed: bool = False) -> dict[str, FeedRecord]:
    with app.store.unit() as unit:
        return {f.url: f for f in unit.list_feeds(include_removed=include_removed)}


@pytest.mark.parametrize("accident", ["empty", "missing", "comments only"])
def test_an_empty_or_missing_feeds_file_keeps_the_feeds(
        config_dir: Path, accident: str, caplog: pytest.LogCaptureFixture) -> None:
    app = App(load_config(config_dir, env={}))
    try:
        app.sync_config_feeds()
        feeds_file = config_dir / "feeds.toml"
        good = feeds_file.read_text()
        bump(feeds_file, {"empty": "", "missing": None, "comments only": "# nothing\n"}[accident])
        with caplog.at_level(logging.ERROR):
            assert app.reload_if_changed()
        assert "KEPT" in caplog.text and "remove_feeds_if_config_empty" in caplog.text
        assert set(feeds(app)) == {"https://a.example/feed.xml", "https://b.example/feed.xml"}
        bump(feeds_file, good)  # the file comes back: nothing to do
        assert app.reload_if_changed()
        assert len(feeds(app)) == 2
    finally:
        app.store.close()


def test_an_empty_feeds_file_removes_them_when_the_setting_says_so(config_dir: Path) -> None:
    settings = config_dir / "invitewatch.toml"
    bump(settings, settings.read_text() + "remove_feeds_if_config_empty = true\n")
    app = App(load_config(config_dir, env={}))
    try:
        app.sync_config_feeds()
        bump(config_dir / "feeds.toml", "")
        assert app.reload_if_changed()
        assert feeds(app) == {}
        assert len(feeds(app, include_removed=True)) == 2  # retired, history kept
    finally:
        app.store.close()


def test_a_removed_feed_keeps_its_history_and_resumes_when_added_back(config_dir: Path) -> None:
    app = App(load_config(config_dir, env={}))
    url = "https://b.example/feed.xml"
    try:
        app.sync_config_feeds()
        with app.store.unit() as unit:
            record = unit.get_feed(url)
            assert record is not None
            unit.record_fetch_ok(record.id, now=NOW, next_poll_at=NOW, etag='"v1"',
                                 last_modified=None)
            unit.mark_backfilled(record.id)
        feeds_file = config_dir / "feeds.toml"
        good = feeds_file.read_text()
        bump(feeds_file, '[[feeds]]\nurl = "https://a.example/feed.xml"\n')
        assert app.reload_if_changed()
        assert url not in feeds(app)
        with app.store.unit() as unit:
            assert url not in {f.url for f in unit.due_feeds(NOW + timedelta(days=1), 10)}
        bump(feeds_file, good)
        assert app.reload_if_changed()
        back = feeds(app)[url]
        assert back.id == record.id  # the same feed, not a new one
        assert back.backfilled and back.etag == '"v1"'  # its next poll notifies as before
    finally:
        app.store.close()


async def test_fetch_settings_changed_by_a_reload_rebuild_the_session(config_dir: Path) -> None:
    app = App(load_config(config_dir, env={}))
    try:
        first = await app.fetch_session()
        assert first.headers["User-Agent"] == "first-agent"
        assert await app.fetch_session() is first  # unchanged settings: the same session
        settings = config_dir / "invitewatch.toml"
        bump(settings, settings.read_text().replace("allow_private_addresses = true",
                                                    "allow_private_addresses = false")
             .replace("first-agent", "second-agent"))
        assert app.reload_if_changed()
        second = await app.fetch_session()
        assert second is not first and first.closed
        assert second.headers["User-Agent"] == "second-agent"
        with app.store.unit() as unit:
            unit.add_feed("http://127.0.0.1:9/feed.xml", now=NOW)
        # The private address is now refused as a feed failure; the cycle itself completes.
        result = await app.poller.poll_due(second, only=["http://127.0.0.1:9/feed.xml"])
        [feed] = result.feeds
        assert feed.outcome == "failed" and feed.error is not None
    finally:
        await app.close_fetch_session()
        app.store.close()


def rss(count: int, prefix: str) -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>https://example.org/{prefix}/{n}</link>"
        f"<guid>https://example.org/{prefix}/{n}</guid>"
        f"<pubDate>{format_datetime(NOW - timedelta(minutes=n))}</pubDate>"
        f"<description>{escape(f'Weather report number {n} for {prefix}: mild.')}</description>"
        "</item>" for n in range(count))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{prefix}'
            f"</title><link>https://example.org/</link><description>d</description>{items}"
            "</channel></rss>")


def poller(store: Store, matcher: Matcher, **policy: object) -> Poller:
    limits = FetchLimits(connect_timeout=2, read_timeout=2, allow_private=True)
    return Poller(store, lambda: matcher, limits=limits,
                  poll=PollPolicy(jitter=timedelta(0), **policy),  # type: ignore[arg-type]
                  tracker=TrackerPolicy(), clock=lambda: NOW, rng=random.Random(1))


@pytest.fixture(scope="module")
def matcher(real_matcher: Matcher) -> Matcher:
    return real_matcher  # loaded once per session (tests/conftest.py)


async def test_a_big_feed_is_taken_in_slices_and_others_still_polled(
        sqlite_store: Store, matcher: Matcher) -> None:
    async with LocalHTTPServer() as server:
        big = server.add_feed("/big.xml", rss(25, "big"), etag='"big"')
        small = server.add_feed("/small.xml", rss(2, "small"))
        with sqlite_store.unit() as unit:
            unit.add_feed(big, now=NOW)
            unit.add_feed(small, now=NOW)
        polling = poller(sqlite_store, matcher, max_new_entries=10)
        async with make_session(polling.limits) as session:
            first = await polling.poll_due(session)
            assert {r.url: r.new_articles for r in first.feeds} == {big: 10, small: 2}
            with sqlite_store.unit() as unit:
                record = unit.get_feed(big)
                assert record is not None and not record.backfilled and record.etag is None
                assert first.backlog == 1 == unit.count_due_feeds(NOW)  # the big feed
            for _ in range(2):
                await polling.poll_due(session)
        with sqlite_store.unit() as unit:
            record = unit.get_feed(big)
            assert record is not None and record.entries_seen == 25 and record.backfilled
            assert record.etag == '"big"'


async def test_every_due_feed_is_polled_in_one_cycle_whatever_their_number(
        sqlite_store: Store, matcher: Matcher) -> None:
    async with LocalHTTPServer() as server:
        urls = [server.add_feed(f"/f{n}.xml", rss(1, f"f{n}")) for n in range(7)]
        with sqlite_store.unit() as unit:
            for url in urls:
                unit.add_feed(url, now=NOW)
        polling = poller(sqlite_store, matcher, batch=3)  # 7 feeds, 3 read at a time
        async with make_session(polling.limits) as session:
            result = await polling.poll_due(session)
    assert sorted(r.url for r in result.feeds) == sorted(urls) and result.backlog == 0


async def test_an_error_in_one_feed_does_not_fail_the_cycle(
        sqlite_store: Store, matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    async with LocalHTTPServer() as server:
        good = server.add_feed("/good.xml", rss(1, "good"))
        bad = server.add_feed("/bad.xml", rss(1, "bad"))
        with sqlite_store.unit() as unit:
            unit.add_feed(good, now=NOW)
            unit.add_feed(bad, now=NOW)
        polling = poller(sqlite_store, matcher)
        real = polling.poll_feed

        async def flaky(session: object, feed: FeedRecord) -> FeedResult:
            if feed.url == bad:
                raise ValueError("a bug somewhere in one feed's path")
            return await real(session, feed)  # type: ignore[arg-type]

        monkeypatch.setattr(polling, "poll_feed", flaky)
        async with make_session(polling.limits) as session:
            result = await polling.poll_due(session)
    outcomes = {r.url: r.outcome for r in result.feeds}
    assert outcomes == {good: "updated", bad: "failed"}


@pytest.mark.slow
async def test_more_than_500_due_feeds_are_all_polled_in_one_cycle(
        sqlite_store: Store, matcher: Matcher) -> None:
    """The cycle used to take at most 500 due feeds (hard-coded): a large host fell behind
    silently."""
    async with LocalHTTPServer() as server:
        urls = [server.add_feed(f"/many/{n}.xml", rss(0, f"m{n}")) for n in range(510)]
        with sqlite_store.unit() as unit:
            for url in urls:
                unit.add_feed(url, now=NOW)
        polling = poller(sqlite_store, matcher, max_concurrency=16)
        async with make_session(polling.limits) as session:
            result = await polling.poll_due(session)
    assert len(result.feeds) == 510 and result.backlog == 0
    with sqlite_store.unit() as unit:
        assert unit.count_due_feeds(NOW) == 0
