"""Store facts, the running bot's monitor, its metrics and endpoints, and `health` over the
status file the bot writes."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest
from click.testing import CliRunner
from prometheus_client.parser import text_string_to_metric_families

from bot.cli import main
from bot.config import Settings
from bot.feeds.fetch import FetchLimits, make_session
from bot.health import GATEWAY_CONNECTING, GATEWAY_DOWN, GATEWAY_READY, RunState
from bot.monitor import Monitor
from bot.pipeline import CycleResult, FeedResult, Poller, PollPolicy
from bot.store import SqlStore
from bot.store.health_queries import store_facts
from bot.tracker import TrackerPolicy
from tests.support.builders import T0, new_outcome, source


def settings_for(tmp_path: Path, address: str = "") -> Settings:
    return Settings.model_validate({"storage": {"data_dir": str(tmp_path / "data")},
                                    "monitoring": {"address": address}})


def seed(store: SqlStore) -> dict[str, int]:
    """Three feeds (one ok, one failing, one disabled), one invitation with one notification
    delivered to the console and one still waiting for Discord."""
    with store.unit() as unit:
        ok = unit.add_feed("https://a.example/rss", now=T0)
        bad = unit.add_feed("https://b.example/rss", now=T0)
        gone = unit.add_feed("https://c.example/rss", now=T0)
        unit.record_fetch_ok(ok.id, now=T0 + timedelta(minutes=5), next_poll_at=T0 + timedelta(
            hours=1), etag=None, last_modified=None)
        unit.record_fetch_failure(bad.id, now=T0, next_poll_at=T0 + timedelta(minutes=5),
                                  error="timeout", disable=False)
        unit.record_fetch_failure(gone.id, now=T0, next_poll_at=T0, error="404", disable=True)
        unit.save_outcome(new_outcome(), source())
    with store.unit() as unit:
        (item,) = unit.undelivered("console", 10)
        unit.plan_deliveries(item.id, "console", ["console"], T0 + timedelta(minutes=1))
        (delivery,) = unit.due_deliveries("console", T0 + timedelta(minutes=1), 10)
        unit.mark_sent(delivery.id, None, T0 + timedelta(minutes=2))
    return {"outbox": item.id}


def test_store_facts_count_feeds_invitations_and_the_outbox(store: SqlStore) -> None:
    seed(store)
    facts = store_facts(store)
    assert facts.feeds_by_state == {"active": 1, "failing": 1, "disabled": 1}
    assert facts.last_success_at == T0 + timedelta(minutes=5)
    assert facts.invitations_by_status == {"pending": 1}
    assert facts.notifications == {"queued": 0, "delivered": 1, "failed": 0}
    assert facts.oldest_undelivered_at is None
    # Discord is a consumer too: the item it has not planned yet is undelivered.
    waiting = store_facts(store, ["console", "discord"])
    assert waiting.undelivered == 1 and waiting.notifications["queued"] == 1
    assert waiting.oldest_undelivered_at is not None
    with store.unit() as unit:
        (item,) = unit.undelivered("discord", 10)
        unit.plan_deliveries(item.id, "discord", ["discord:1:2"], T0)
    planned = store_facts(store, ["console", "discord"])
    assert planned.undelivered == 1 and planned.oldest_undelivered_at is not None


class FakeGateway:
    def __init__(self) -> None:
        self.ready = False
        self.closed = False
        self.latency = float("inf")

    def is_ready(self) -> bool:
        return self.ready

    def is_closed(self) -> bool:
        return self.closed


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


async def test_monitor_follows_cycles_gateway_and_serves_endpoints(
        sqlite_store: SqlStore, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seed(sqlite_store)
    now = [T0 + timedelta(minutes=10)]
    gateway = FakeGateway()
    monitor = Monitor(sqlite_store, settings_for(tmp_path, "127.0.0.1:0"), clock=lambda: now[0],
                      consumers=["console"], gateway=gateway)
    down = CycleResult((FeedResult("https://a.example/rss", "failed", error="cannot connect"),
                        FeedResult("https://b.example/rss", "failed", error="timeout")))
    with caplog.at_level(logging.WARNING, logger="bot.monitor"):
        await monitor.cycle_done(down, 1.5)
    assert "every due feed failed (2 of 2)" in caplog.text
    assert "No network" in caplog.text and "next retry at 2021-02-14 09:35 UTC" in caplog.text
    assert monitor.state.all_failing_since == now[0]
    written = RunState.from_json((tmp_path / "data" / "status.json").read_text("utf-8"))
    assert written.last_cycle_due == 2 and written.last_cycle_failed == 2

    ok = CycleResult((FeedResult("https://a.example/rss", "updated", entries=5, new_articles=3),
                      FeedResult("https://b.example/rss", "failed", error="timeout")))
    await monitor.cycle_done(ok, 0.7)
    assert monitor.state.all_failing_since is None

    monitor.sample_gateway()
    assert monitor.state.gateway == GATEWAY_CONNECTING
    gateway.ready, gateway.latency = True, 0.05
    monitor.sample_gateway()
    assert monitor.state.gateway == GATEWAY_READY

    runner = await monitor.serve()
    assert runner is not None
    try:
        base = f"http://{Monitor.bound(runner)}"
        async with aiohttp.ClientSession() as http:
            async with http.get(base + "/healthz") as resp:
                assert resp.status == 200
                body = await resp.json()
            assert body["healthy"] is True and body["gateway"] == GATEWAY_READY
            async with http.get(base + "/metrics") as resp:
                assert resp.status == 200
                text = await resp.text()
            values = samples(text)
            assert values[("invitewatch_feeds", (("state", "active"),))] == 1
            assert values[("invitewatch_feeds", (("state", "disabled"),))] == 1
            assert values[("invitewatch_entries_ingested_total", ())] == 3
            assert values[("invitewatch_feed_polls_total", (("outcome", "failed"),))] == 3
            assert values[("invitewatch_invitations", (("status", "pending"),))] == 1
            assert values[("invitewatch_invitations", (("status", "accepted"),))] == 0
            assert values[("invitewatch_notifications", (("state", "delivered"),))] == 1
            assert values[("invitewatch_notifications", (("state", "queued"),))] == 0
            assert values[("invitewatch_poll_cycle_duration_seconds_count", ())] == 2
            assert values[("invitewatch_poll_cycle_duration_seconds_sum", ())] == 2.2
            assert values[("invitewatch_gateway_latency_seconds", ())] == 0.05
            assert values[("invitewatch_healthy", ())] == 1

            # The gateway drops: unhealthy once the grace has passed; /healthz says 503.
            gateway.closed = True
            monitor.sample_gateway()
            assert monitor.state.gateway == GATEWAY_DOWN
            now[0] += timedelta(minutes=6)
            async with http.get(base + "/healthz") as resp:
                assert resp.status == 503
                body = await resp.json()
            assert body["checks"]["gateway"]["ok"] is False
            async with http.get(base + "/metrics") as resp:
                values = samples(await resp.text())
            assert values[("invitewatch_healthy", ())] == 0
            assert values[("invitewatch_gateway_latency_seconds", ())] != 0.05  # NaN
    finally:
        await runner.cleanup()


async def test_delivery_latency_is_observed_once_per_delivery(sqlite_store: SqlStore,
                                                              tmp_path: Path) -> None:
    monitor = Monitor(sqlite_store, settings_for(tmp_path), clock=lambda: T0 - timedelta(hours=1))
    seed(sqlite_store)  # queued at T0 (the invitation's time), delivered at T0 + 2 min
    first = samples((await monitor.metrics_text()).decode())
    assert first[("invitewatch_delivery_latency_seconds_count", ())] == 1
    assert first[("invitewatch_delivery_latency_seconds_sum", ())] == pytest.approx(120, abs=1)
    again = samples((await monitor.metrics_text()).decode())
    assert again[("invitewatch_delivery_latency_seconds_count", ())] == 1


async def test_endpoints_off_or_on_a_busy_port(sqlite_store: SqlStore, tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    off = Monitor(sqlite_store, settings_for(tmp_path, ""), clock=lambda: T0)
    assert await off.serve() is None
    first = Monitor(sqlite_store, settings_for(tmp_path, "127.0.0.1:0"), clock=lambda: T0)
    runner = await first.serve()
    assert runner is not None
    try:
        busy = Monitor(sqlite_store, settings_for(tmp_path, Monitor.bound(runner)),
                       clock=lambda: T0)
        with caplog.at_level(logging.ERROR, logger="bot.monitor"):
            assert await busy.serve() is None
        assert "cannot serve /healthz" in caplog.text
    finally:
        await runner.cleanup()


def test_health_command_reads_the_bots_status_and_the_database(tmp_path: Path) -> None:
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    data = tmp_path / "data"
    (config_dir / "invitewatch.toml").write_text(f'[storage]\ndata_dir = "{data}"\n',
                                                 encoding="utf-8")
    runner = CliRunner()
    no_db = runner.invoke(main, ["--config-dir", str(config_dir), "health", "--json"])
    assert no_db.exit_code == 1
    report = json.loads(no_db.output)
    assert "no database at" in report["checks"]["database"]["detail"]
    assert not (data / "invitewatch.db").exists()  # a health check creates nothing

    from bot.store import open_store
    store = open_store(f"sqlite:///{data / 'invitewatch.db'}")
    try:
        seed(store)
    finally:
        store.close()
    from datetime import UTC, datetime
    now = datetime.now(UTC)
    state = RunState(written_at=now, started_at=now - timedelta(hours=1), last_cycle_at=now,
                     last_cycle_due=3, last_cycle_failed=3,
                     all_failing_since=now - timedelta(hours=2), last_errors=("DNS failure",),
                     consumers=("console",))
    (data / "status.json").write_text(state.to_json(), encoding="utf-8")
    sick = runner.invoke(main, ["--config-dir", str(config_dir), "health"])
    assert sick.exit_code == 1
    assert sick.output.startswith("unhealthy: feeds")
    assert "DNS failure" in sick.output and "3 of 3 due feeds failed" in sick.output
    from dataclasses import replace
    (data / "status.json").write_text(replace(state, all_failing_since=None,
                                              last_cycle_failed=0).to_json(), encoding="utf-8")
    well = runner.invoke(main, ["--config-dir", str(config_dir), "health", "--json"])
    assert well.exit_code == 0, well.output
    report = json.loads(well.output)
    assert report["healthy"] is True and report["due_feeds_failed"] == 0
    assert report["last_successful_fetch"] == (T0 + timedelta(minutes=5)).isoformat()


async def test_the_poll_backlog_is_exported(sqlite_store: SqlStore, tmp_path: Path) -> None:
    """Feeds still due when a cycle's time budget ran out are a metric (no cycle limit is
    hard-coded, so a host falling behind must show)."""
    with sqlite_store.unit() as unit:
        for n in range(3):
            unit.add_feed(f"https://feed{n}.example/rss", now=T0 - timedelta(hours=1))
    limits = FetchLimits(allow_private=True)
    spent = Poller(sqlite_store, lambda: None, limits=limits,  # type: ignore[arg-type, return-value]
                   poll=PollPolicy(cycle_budget=timedelta(0)), tracker=TrackerPolicy(),
                   clock=lambda: T0)
    async with make_session(limits) as session:
        result = await spent.poll_due(session)
    assert (result.feeds, result.backlog) == ((), 3)
    monitor = Monitor(sqlite_store, settings_for(tmp_path), clock=lambda: T0)
    await monitor.cycle_done(result, 0.01)
    assert samples((await monitor.metrics_text()).decode())[("invitewatch_poll_backlog", ())] == 3
    # A cycle that could not start measures nothing; one that caught up clears it.
    await monitor.cycle_done(CycleResult((), error="database is locked"), 0.01)
    assert samples((await monitor.metrics_text()).decode())[("invitewatch_poll_backlog", ())] == 3
    await monitor.cycle_done(CycleResult((FeedResult("https://feed0.example/rss", "updated"),)), 1)
    assert samples((await monitor.metrics_text()).decode())[("invitewatch_poll_backlog", ())] == 0
