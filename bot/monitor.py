"""What the running bot knows about itself: it follows poll cycles and the Discord gateway,
writes <data_dir>/status.json for `invitewatch health`, keeps the Prometheus metrics and
serves /healthz and /metrics."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import generate_latest

from bot.config import Settings
from bot.domain import Status
from bot.errors import StoreError
from bot.health import (
    GATEWAY_CONNECTING,
    GATEWAY_DOWN,
    GATEWAY_NONE,
    GATEWAY_READY,
    STATUS_FILE,
    HealthPolicy,
    HealthReport,
    RunState,
    StoreFacts,
    assess,
)
from bot.pipeline import CycleResult
from bot.store.api import FeedState
from bot.store.engine import SqlStore
from bot.store.health_queries import delivery_latencies, store_facts

log = logging.getLogger(__name__)

SAMPLE_SECONDS = 15.0
NOTIFICATION_STATES = ("queued", "delivered", "failed")


class GatewayClient(Protocol):
    """The parts of discord.Client the monitor reads."""

    @property
    def latency(self) -> float: ...
    def is_ready(self) -> bool: ...
    def is_closed(self) -> bool: ...


def health_policy(settings: Settings, max_age: timedelta | None = None) -> HealthPolicy:
    m = settings.monitoring
    return HealthPolicy(max_age=max_age or timedelta(minutes=30),
                        failing_window=timedelta(minutes=m.failing_window_minutes),
                        outbox_stuck=timedelta(minutes=m.outbox_stuck_minutes),
                        gateway_grace=timedelta(minutes=m.gateway_grace_minutes))


class Metrics:
    """The Prometheus metrics, in a registry of their own (one per running bot)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.feeds = Gauge("invitewatch_feeds", "Feeds by state", ["state"], registry=r)
        self.entries = Counter("invitewatch_entries_ingested", "Feed entries stored as new "
                               "articles", registry=r)
        self.polls = Counter("invitewatch_feed_polls", "Feed polls by outcome", ["outcome"],
                             registry=r)
        self.invitations = Gauge("invitewatch_invitations", "Invitations by status",
                                 ["status"], registry=r)
        self.notifications = Gauge("invitewatch_notifications", "Notification deliveries: "
                                   "queued (waiting), delivered, failed (given up)", ["state"],
                                   registry=r)
        self.delivery_latency = Histogram(
            "invitewatch_delivery_latency_seconds", "From a notification queued to delivered",
            buckets=(1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 4 * 3600), registry=r)
        self.cycle_duration = Histogram(
            "invitewatch_poll_cycle_duration_seconds", "Poll cycles that had due feeds",
            buckets=(0.5, 1, 2.5, 5, 10, 30, 60, 120, 300), registry=r)
        self.gateway_latency = Gauge("invitewatch_gateway_latency_seconds", "Discord gateway "
                                     "heartbeat latency (NaN when not connected)", registry=r)
        self.healthy = Gauge("invitewatch_healthy", "1 when /healthz says healthy", registry=r)
        # No hard-coded cycle limit: a cycle ends when its time budget is spent, and what it
        # left is measured here, so a host falling behind shows on a graph.
        self.backlog = Gauge("invitewatch_poll_backlog", "Feeds still due when the last poll "
                             "cycle ended (its time budget ran out)", registry=r)
        for state in FeedState:
            self.feeds.labels(state.value)
        for status in Status:
            self.invitations.labels(status.value)
        for name in NOTIFICATION_STATES:
            self.notifications.labels(name)
        self.gateway_latency.set(math.nan)

    def set_facts(self, facts: StoreFacts) -> None:
        for state in FeedState:
            self.feeds.labels(state.value).set(facts.feeds_by_state.get(state.value, 0))
        for status in Status:
            self.invitations.labels(status.value).set(
                facts.invitations_by_status.get(status.value, 0))
        for name in NOTIFICATION_STATES:
            self.notifications.labels(name).set(facts.notifications.get(name, 0))

    def render(self) -> bytes:
        return generate_latest(self.registry)


class Monitor:
    def __init__(self, store: SqlStore, settings: Settings, *, clock: Callable[[], datetime],
                 consumers: Sequence[str] = (), gateway: GatewayClient | None = None) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self.gateway = gateway
        self.metrics = Metrics()
        now = clock()
        self.state = RunState(written_at=now, started_at=now, consumers=tuple(consumers),
                              gateway=GATEWAY_CONNECTING if gateway is not None else GATEWAY_NONE,
                              gateway_since=now if gateway is not None else None)
        self._latency_cursor: datetime | None = now  # deliveries before the start are history
        self._lock = asyncio.Lock()

    @property
    def status_path(self) -> Path:
        return Path(self.settings.storage.data_dir).expanduser() / STATUS_FILE

    # -- what happened -------------------------------------------------------------
    async def cycle_done(self, result: CycleResult, seconds: float) -> None:
        """Record a poll cycle; when every due feed failed, say when the next try is and
        what is most likely wrong, once per cycle (rather than going silent)."""
        for feed in result.feeds:
            self.metrics.polls.labels(feed.outcome).inc()
            self.metrics.entries.inc(feed.new_articles)
        if result.error is None:  # a cycle that could not start measured nothing
            self.metrics.backlog.set(result.backlog)
        if not result.feeds:
            self.write_status()
            return
        self.metrics.cycle_duration.observe(seconds)
        now = self.clock()
        failed = result.failed
        every_one = len(failed) == len(result.feeds)
        since = (self.state.all_failing_since or now) if every_one else None
        self.state = replace(self.state, last_cycle_at=now, last_cycle_due=len(result.feeds),
                             last_cycle_failed=len(failed), all_failing_since=since,
                             last_errors=tuple(f.error or f.outcome for f in failed[:3]))
        if every_one:
            retry = await asyncio.to_thread(self._next_poll)
            when = f"; next retry at {retry:%Y-%m-%d %H:%M} UTC" if retry else ""
            log.warning("every due feed failed (%d of %d), failing since %s%s. No network, or a "
                        "proxy or DNS problem? First error: %s", len(failed), len(result.feeds),
                        f"{since:%H:%M} UTC" if since else "now", when,
                        self.state.last_errors[0] if self.state.last_errors else "?")
        self.write_status()

    def _next_poll(self) -> datetime | None:
        try:
            with self.store.unit() as unit:
                times = [f.next_poll_at for f in unit.list_feeds()
                         if f.state != FeedState.DISABLED]
        except StoreError:
            return None
        return min(times) if times else None

    def sample_gateway(self) -> None:
        client = self.gateway
        if client is None:
            return
        if client.is_closed():
            state = GATEWAY_DOWN
        elif client.is_ready():
            state = GATEWAY_READY
        else:
            state = GATEWAY_CONNECTING if self.state.gateway != GATEWAY_READY else GATEWAY_DOWN
        latency = client.latency if state == GATEWAY_READY else math.nan
        latency = latency if math.isfinite(latency) else math.nan
        since = self.state.gateway_since if state == self.state.gateway else self.clock()
        self.state = replace(self.state, gateway=state, gateway_since=since,
                             gateway_latency=None if math.isnan(latency) else latency)
        self.metrics.gateway_latency.set(latency)

    def write_status(self) -> None:
        """<data_dir>/status.json, written atomically, for `invitewatch health`."""
        self.state = replace(self.state, written_at=self.clock())
        path = self.status_path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(self.state.to_json(), encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            log.warning("cannot write %s: %s", path, exc)

    # -- questions -------------------------------------------------------------------
    def _facts(self) -> tuple[StoreFacts | None, str | None]:
        try:
            return store_facts(self.store, self.state.consumers), None
        except StoreError as exc:
            return None, str(exc)

    def _observe_latencies(self) -> None:
        try:
            sent = delivery_latencies(self.store, self._latency_cursor)
        except StoreError:
            return
        for when, seconds in sent:
            self.metrics.delivery_latency.observe(seconds)
            self._latency_cursor = when

    async def health(self) -> HealthReport:
        async with self._lock:
            facts, problem = await asyncio.to_thread(self._facts)
            self.sample_gateway()
            now = self.clock()
            report = assess(now, replace(self.state, written_at=now), facts,
                            policy=health_policy(self.settings), db_problem=problem)
            self.metrics.healthy.set(1 if report.healthy else 0)
            if facts is not None:
                self.metrics.set_facts(facts)
            return report

    async def metrics_text(self) -> bytes:
        await self.health()  # refreshes the gauges from the database
        async with self._lock:
            await asyncio.to_thread(self._observe_latencies)
            return self.metrics.render()

    # -- running -----------------------------------------------------------------------
    async def sample_forever(self, stop: asyncio.Event) -> None:
        """Sample the gateway and rewrite the status every SAMPLE_SECONDS until `stop`."""
        while not stop.is_set():
            self.sample_gateway()
            self.write_status()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), SAMPLE_SECONDS)

    async def serve(self) -> web.AppRunner | None:
        """Serve /healthz and /metrics on the configured address; None when turned off or
        when the address cannot be bound (logged: the bot runs on without them)."""
        address = self.settings.monitoring.address
        if not address:
            return None
        host, _, port = address.rpartition(":")
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, host.strip("[]"), int(port))
            await site.start()
        except OSError as exc:
            log.error("cannot serve /healthz and /metrics on %s: %s; set [monitoring] address "
                      "(or INVITEWATCH_MONITORING_ADDRESS) to a free port, or \"\" for off",
                      address, exc)
            await runner.cleanup()
            return None
        log.info("health and metrics at http://%s/healthz and /metrics", self.bound(runner))
        return runner

    @staticmethod
    def bound(runner: web.AppRunner) -> str:
        """host:port actually bound (the port is chosen by the system when 0 is given)."""
        for site in runner.sites:
            server: Any = getattr(site, "_server", None)
            if server is not None and server.sockets:
                host, port = server.sockets[0].getsockname()[:2]
                return f"{host}:{port}"
        return "?"

    async def _healthz(self, _request: web.Request) -> web.Response:
        report = await self.health()
        return web.json_response(report.as_dict(), status=200 if report.healthy else 503)

    async def _metrics(self, _request: web.Request) -> web.Response:
        body = await self.metrics_text()
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
