"""APScheduler jobs in the bot's event loop: poll due feeds, deliver the outbox, watch the
configuration. Each job runs at most once at a time (max_instances=1, coalesce)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Jobs:
    """The jobs of one process; a role that does not poll or deliver leaves them None."""

    poll: Callable[[], Awaitable[object]] | None
    deliver: Callable[[], Awaitable[object]] | None
    watch_config: Callable[[], Awaitable[object]]
    sweep: Callable[[], Awaitable[object]] | None = None
    # Tries for (or keeps) the lead of the periodic jobs among processes sharing the
    # database; run at once and then every `leader_seconds`.
    leader: Callable[[], Awaitable[object]] | None = None


def _guarded(name: str, job: Callable[[], Awaitable[object]]) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        try:
            await job()
        except asyncio.CancelledError:
            # Shutting down in the middle of a run: nothing to report.
            log.info("job %s stopped by shutdown", name)
        except Exception:  # a failing run is logged and the next one happens as scheduled
            log.exception("job %s failed", name)
    run.__name__ = run.__qualname__ = f"invitewatch_{name}"
    return run


class SkippedRunsOncePerEpisode(logging.Filter):
    """APScheduler warns at every tick a job is still running ("maximum number of running
    instances reached"): hundreds of lines during an outage. The first skip of a job is
    let through; the rest are counted and summed up once the long run ends."""

    def __init__(self) -> None:
        super().__init__()
        self.skipped: dict[str, int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if "maximum number of running instances" not in str(record.msg):
            return True
        job = record.args[0] if isinstance(record.args, tuple) and record.args else None
        job_id = str(getattr(job, "id", job))
        count = self.skipped.get(job_id, 0)
        self.skipped[job_id] = count + 1
        return count == 0

    def job_ended(self, event: JobExecutionEvent) -> None:
        skipped = self.skipped.pop(str(event.job_id), 0)
        if skipped > 1:
            log.warning("job %s ran long: %d scheduled runs were skipped meanwhile",
                        event.job_id, skipped)


def scheduler_logger(skips: SkippedRunsOncePerEpisode) -> logging.Logger:
    """A logger of its own for one scheduler (its filter holds that scheduler's episodes),
    under "apscheduler" so the usual levels and handlers apply."""
    logger = logging.Logger("apscheduler.scheduler")
    logger.parent = logging.getLogger("apscheduler")
    logger.addFilter(skips)
    return logger


def set_delivery_interval(scheduler: AsyncIOScheduler, seconds: float) -> None:
    """Apply a reloaded `notify.outbox_interval_seconds` to the running scheduler (one
    that delivers)."""
    if scheduler.get_job("deliver") is not None:
        scheduler.reschedule_job("deliver", trigger=IntervalTrigger(seconds=seconds))


def build_scheduler(jobs: Jobs, *, poll_check_seconds: float = 60, poll_jitter: float = 10,
                    deliver_seconds: float = 10, watch_seconds: float = 5,
                    sweep_seconds: float = 3600, leader_seconds: float = 15
                    ) -> AsyncIOScheduler:
    """The scheduler, not yet started. Feeds have their own next-poll times in the store;
    the poll job only checks, every minute, which are due."""
    skips = SkippedRunsOncePerEpisode()
    scheduler = AsyncIOScheduler(timezone="UTC", logger=scheduler_logger(skips), job_defaults={
        "max_instances": 1, "coalesce": True, "misfire_grace_time": 30})
    scheduler.add_listener(skips.job_ended, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    if jobs.leader is not None:
        scheduler.add_job(_guarded("leader", jobs.leader),
                          IntervalTrigger(seconds=leader_seconds), id="leader",
                          next_run_time=datetime.now(UTC))
    if jobs.poll is not None:
        scheduler.add_job(_guarded("poll", jobs.poll), IntervalTrigger(
            seconds=poll_check_seconds, jitter=poll_jitter), id="poll",
                          next_run_time=datetime.now(UTC))
    if jobs.deliver is not None:
        scheduler.add_job(_guarded("deliver", jobs.deliver),
                          IntervalTrigger(seconds=deliver_seconds), id="deliver")
    scheduler.add_job(_guarded("watch_config", jobs.watch_config),
                      IntervalTrigger(seconds=watch_seconds), id="watch_config")
    if jobs.sweep is not None:
        scheduler.add_job(_guarded("sweep", jobs.sweep),
                          IntervalTrigger(seconds=sweep_seconds), id="sweep")
    return scheduler
