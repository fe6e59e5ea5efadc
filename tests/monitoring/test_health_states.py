"""Each health state, from the pure assessment shared by `health` and /healthz."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.health import (
    GATEWAY_CONNECTING,
    GATEWAY_DOWN,
    GATEWAY_READY,
    HealthPolicy,
    RunState,
    StoreFacts,
    assess,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
POLICY = HealthPolicy(max_age=timedelta(minutes=30), failing_window=timedelta(minutes=60),
                      outbox_stuck=timedelta(minutes=30), gateway_grace=timedelta(minutes=5))
RUN = RunState(written_at=NOW - timedelta(seconds=10), started_at=NOW - timedelta(hours=3),
               last_cycle_at=NOW - timedelta(minutes=2), last_cycle_due=4, last_cycle_failed=1,
               consumers=("console",))
FACTS = StoreFacts(feeds_by_state={"active": 20, "failing": 3, "disabled": 1},
                   last_success_at=NOW - timedelta(minutes=2), oldest_undelivered_at=None,
                   undelivered=0)


def failing(report: object) -> list[str]:
    return [c.name for c in report.checks if not c.ok]  # type: ignore[attr-defined]


def test_all_well_is_healthy_and_says_what_it_knows() -> None:
    report = assess(NOW, RUN, FACTS, policy=POLICY)
    assert report.healthy and failing(report) == []
    data = report.as_dict()
    assert data["last_successful_fetch"] == (NOW - timedelta(minutes=2)).isoformat()
    assert data["due_feeds_failed"] == 0.25
    assert data["oldest_undelivered_notification"] is None
    assert "1 of 4 due feeds failed" in data["checks"]["feeds"]["detail"]
    assert report.lines()[0] == "healthy"


def test_database_unreachable() -> None:
    report = assess(NOW, RUN, None, policy=POLICY, db_problem="connection refused")
    assert not report.healthy and "database" in failing(report)
    assert "connection refused" in report.as_dict()["checks"]["database"]["detail"]


def test_bot_not_running_stale_or_from_the_future() -> None:
    absent = assess(NOW, None, FACTS, policy=POLICY, run_problem="no status at /x")
    assert failing(absent) == ["bot"]
    stale = assess(NOW, replace(RUN, written_at=NOW - timedelta(minutes=31)), FACTS, policy=POLICY)
    assert failing(stale) == ["bot"]
    future = assess(NOW, replace(RUN, written_at=NOW + timedelta(hours=2)), FACTS, policy=POLICY)
    assert failing(future) == ["bot"] and any("future" in line for line in future.lines())


def test_all_feeds_failing_is_unhealthy_only_after_the_window() -> None:
    fresh = replace(RUN, last_cycle_failed=4, all_failing_since=NOW - timedelta(minutes=20),
                    last_errors=("cannot connect: Name or service not known",))
    assert assess(NOW, fresh, FACTS, policy=POLICY).healthy
    old = replace(fresh, all_failing_since=NOW - timedelta(minutes=61))
    report = assess(NOW, old, replace(FACTS, last_success_at=None), policy=POLICY)
    assert failing(report) == ["feeds"]
    detail = report.as_dict()["checks"]["feeds"]["detail"]
    assert "no network?" in detail and "Name or service not known" in detail
    assert "no successful fetch yet" in detail


def test_every_feed_disabled_is_unhealthy_no_feeds_is_not() -> None:
    disabled = replace(FACTS, feeds_by_state={"disabled": 5})
    assert failing(assess(NOW, RUN, disabled, policy=POLICY)) == ["feeds"]
    assert assess(NOW, RUN, replace(FACTS, feeds_by_state={}), policy=POLICY).healthy


def test_gateway_states() -> None:
    up = replace(RUN, gateway=GATEWAY_READY, gateway_since=NOW - timedelta(hours=1),
                 gateway_latency=0.042)
    report = assess(NOW, up, FACTS, policy=POLICY)
    assert report.healthy and "42 ms" in report.as_dict()["checks"]["gateway"]["detail"]
    connecting = replace(RUN, gateway=GATEWAY_CONNECTING, gateway_since=NOW - timedelta(minutes=1))
    assert assess(NOW, connecting, FACTS, policy=POLICY).healthy
    down = replace(RUN, gateway=GATEWAY_DOWN, gateway_since=NOW - timedelta(minutes=6))
    assert failing(assess(NOW, down, FACTS, policy=POLICY)) == ["gateway"]
    never = replace(RUN, gateway=GATEWAY_CONNECTING, gateway_since=NOW - timedelta(minutes=10))
    assert failing(assess(NOW, never, FACTS, policy=POLICY)) == ["gateway"]


def test_outbox_waiting_then_stuck() -> None:
    waiting = replace(FACTS, oldest_undelivered_at=NOW - timedelta(minutes=5), undelivered=2)
    report = assess(NOW, RUN, waiting, policy=POLICY)
    assert report.healthy and "2 undelivered" in report.as_dict()["checks"]["outbox"]["detail"]
    stuck = replace(waiting, oldest_undelivered_at=NOW - timedelta(minutes=45))
    assert failing(assess(NOW, RUN, stuck, policy=POLICY)) == ["outbox"]


def test_run_state_round_trips_through_json() -> None:
    state = replace(RUN, gateway=GATEWAY_READY, gateway_since=NOW, gateway_latency=0.1,
                    all_failing_since=NOW, last_errors=("x",))
    assert RunState.from_json(state.to_json()) == state
