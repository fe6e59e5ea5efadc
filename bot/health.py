"""Is the bot doing its job? A pure assessment of what the running bot says about itself
(`RunState`) and what the database holds (`StoreFacts`), shared by `invitewatch health`
and the `/healthz` endpoint so the two can never disagree.

Unhealthy when the bot cannot do its job: the database is unreachable, the bot has not
reported recently (not running, or its loop is stuck), every due feed has failed for longer
than the window, the Discord gateway (with a token set) has been down longer than the
grace, or a notification has waited longer than the outbox limit.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.domain import StoreFacts

STATUS_FILE = "status.json"

GATEWAY_NONE = "not configured"
GATEWAY_READY = "connected"
GATEWAY_CONNECTING = "connecting"
GATEWAY_DOWN = "disconnected"


@dataclass(frozen=True, slots=True)
class RunState:
    """What the running bot says about itself, in memory and in <data_dir>/status.json."""

    written_at: datetime
    started_at: datetime
    last_cycle_at: datetime | None = None  # the last poll cycle that had due feeds
    last_cycle_due: int = 0
    last_cycle_failed: int = 0
    all_failing_since: datetime | None = None  # every due feed has failed since then
    last_errors: tuple[str, ...] = ()
    gateway: str = GATEWAY_NONE
    gateway_since: datetime | None = None  # when the gateway entered its current state
    gateway_latency: float | None = None  # seconds
    consumers: tuple[str, ...] = ()  # the notifiers the outbox is delivered to

    def to_json(self) -> str:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, datetime):
                data[key] = value.isoformat()
            elif isinstance(value, tuple):
                data[key] = list(value)
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> RunState:
        """Raises ValueError on anything that is not a status this code wrote."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")

        def when(key: str) -> datetime | None:
            value = data.get(key)
            if value is None:
                return None
            parsed = datetime.fromisoformat(str(value))
            if parsed.tzinfo is None:
                raise ValueError(f"{key}: no time zone")
            return parsed

        written, started = when("written_at"), when("started_at")
        if written is None or started is None:
            raise ValueError("written_at and started_at are required")
        latency = data.get("gateway_latency")
        return cls(
            written_at=written, started_at=started, last_cycle_at=when("last_cycle_at"),
            last_cycle_due=int(data.get("last_cycle_due", 0)),
            last_cycle_failed=int(data.get("last_cycle_failed", 0)),
            all_failing_since=when("all_failing_since"),
            last_errors=tuple(str(e) for e in data.get("last_errors", [])),
            gateway=str(data.get("gateway", GATEWAY_NONE)), gateway_since=when("gateway_since"),
            gateway_latency=float(latency) if latency is not None else None,
            consumers=tuple(str(c) for c in data.get("consumers", [])))


def read_run_state(data_dir: Path) -> tuple[RunState | None, str | None]:
    """The running bot's last status, or (None, why not)."""
    path = data_dir / STATUS_FILE
    try:
        return RunState.from_json(path.read_text(encoding="utf-8")), None
    except FileNotFoundError:
        return None, f"no status at {path}: is `invitewatch run` running with this data directory?"
    except (OSError, ValueError, TypeError) as exc:
        return None, f"unreadable status at {path}: {exc}"


@dataclass(frozen=True, slots=True)
class HealthPolicy:
    max_age: timedelta = timedelta(minutes=30)  # the bot's status must be younger
    failing_window: timedelta = timedelta(minutes=60)
    outbox_stuck: timedelta = timedelta(minutes=30)
    gateway_grace: timedelta = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class HealthReport:
    checked_at: datetime
    checks: tuple[Check, ...]
    facts: dict[str, Any]

    @property
    def healthy(self) -> bool:
        return all(c.ok for c in self.checks)

    def as_dict(self) -> dict[str, Any]:
        return {"healthy": self.healthy, "checked_at": self.checked_at.isoformat(),
                "checks": {c.name: {"ok": c.ok, "detail": c.detail} for c in self.checks},
                **self.facts}

    def lines(self) -> list[str]:
        head = "healthy" if self.healthy else "unhealthy: " + "; ".join(
            c.name for c in self.checks if not c.ok)
        return [head] + [f"  {'ok  ' if c.ok else 'FAIL'} {c.name:<9} {c.detail}"
                         for c in self.checks]


def _ago(now: datetime, then: datetime) -> str:
    seconds = (now - then).total_seconds()
    if seconds < 0:
        return f"in {-seconds:.0f}s (in the future: was the clock changed?)"
    if seconds < 120:
        return f"{seconds:.0f}s ago"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min ago"
    return f"{seconds / 3600:.1f} h ago"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def assess(now: datetime, run: RunState | None, facts: StoreFacts | None, *,
           policy: HealthPolicy = HealthPolicy(), run_problem: str | None = None,
           db_problem: str | None = None) -> HealthReport:
    checks = [
        _database(facts, db_problem),
        _running(now, run, run_problem, policy),
        _feeds(now, run, facts, policy),
        _gateway(now, run, policy),
        _outbox(now, facts, policy),
    ]
    return HealthReport(checked_at=now, checks=tuple(checks), facts=_facts(run, facts))


def _database(facts: StoreFacts | None, problem: str | None) -> Check:
    if facts is None:
        return Check("database", False, f"unreachable: {problem or 'unknown error'}")
    return Check("database", True, "reachable")


def _running(now: datetime, run: RunState | None, problem: str | None,
             policy: HealthPolicy) -> Check:
    if run is None:
        return Check("bot", False, problem or "no status from the running bot")
    age = now - run.written_at
    if age < -timedelta(minutes=1):
        return Check("bot", False, f"its status is dated in the future "
                                   f"({run.written_at:%Y-%m-%d %H:%M}); was the clock changed?")
    if age > policy.max_age:
        return Check("bot", False, f"last status {_ago(now, run.written_at)}: not running, "
                                   "or stuck")
    return Check("bot", True, f"running since {run.started_at:%Y-%m-%d %H:%M} UTC, "
                              f"status {_ago(now, run.written_at)}")


def _feeds(now: datetime, run: RunState | None, facts: StoreFacts | None,
           policy: HealthPolicy) -> Check:
    if facts is None:
        return Check("feeds", False, "unknown: the database is unreachable")
    enabled = sum(n for state, n in facts.feeds_by_state.items() if state != "disabled")
    disabled = facts.feeds_by_state.get("disabled", 0)
    last_ok = (f"last successful fetch {_ago(now, facts.last_success_at)}"
               if facts.last_success_at else "no successful fetch yet")
    if enabled == 0:
        if disabled:
            return Check("feeds", False, f"all {disabled} feeds are disabled; see "
                                         "`invitewatch feeds list`")
        return Check("feeds", True, "no feeds configured")
    share = ""
    if run is not None and run.last_cycle_due:
        share = (f"; {run.last_cycle_failed} of {run.last_cycle_due} due feeds failed in the "
                 f"last cycle ({run.last_cycle_failed / run.last_cycle_due:.0%})")
    detail = f"{enabled} enabled, {disabled} disabled; {last_ok}{share}"
    if run is not None and run.all_failing_since is not None:
        failing_for = now - run.all_failing_since
        if failing_for > policy.failing_window:
            hint = f": {run.last_errors[0]}" if run.last_errors else ""
            return Check("feeds", False, f"every due feed has failed since "
                                         f"{_ago(now, run.all_failing_since)} (no network?)"
                                         f"{hint}; {detail}")
    return Check("feeds", True, detail)


def _gateway(now: datetime, run: RunState | None, policy: HealthPolicy) -> Check:
    if run is None or run.gateway == GATEWAY_NONE:
        return Check("gateway", True, "no Discord token: notifications go to the console"
                     if run is not None else "unknown (no status from the bot)")
    latency = (f", latency {run.gateway_latency * 1000:.0f} ms"
               if run.gateway_latency is not None else "")
    since = run.gateway_since or run.started_at
    if run.gateway == GATEWAY_READY:
        return Check("gateway", True, f"connected since {since:%Y-%m-%d %H:%M} UTC{latency}")
    detail = f"{run.gateway} since {_ago(now, since)}"
    if now - since > policy.gateway_grace:
        return Check("gateway", False, f"Discord gateway {detail}")
    return Check("gateway", True, detail)


def _outbox(now: datetime, facts: StoreFacts | None, policy: HealthPolicy) -> Check:
    if facts is None:
        return Check("outbox", False, "unknown: the database is unreachable")
    if facts.oldest_undelivered_at is None:
        return Check("outbox", True, "nothing waiting")
    detail = (f"{facts.undelivered} undelivered, the oldest queued "
              f"{_ago(now, facts.oldest_undelivered_at)}")
    if now - facts.oldest_undelivered_at > policy.outbox_stuck:
        return Check("outbox", False, f"stuck: {detail}")
    return Check("outbox", True, detail)


def _facts(run: RunState | None, facts: StoreFacts | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if facts is not None:
        out["last_successful_fetch"] = _iso(facts.last_success_at)
        out["feeds"] = dict(facts.feeds_by_state)
        out["oldest_undelivered_notification"] = _iso(facts.oldest_undelivered_at)
        out["undelivered"] = facts.undelivered
    if run is not None:
        out["due_feeds_failed"] = (run.last_cycle_failed / run.last_cycle_due
                                   if run.last_cycle_due else None)
        out["last_cycle"] = _iso(run.last_cycle_at)
        out["all_failing_since"] = _iso(run.all_failing_since)
        out["gateway"] = run.gateway
        out["gateway_latency_seconds"] = run.gateway_latency
    return out
