from __future__ import annotations

import asyncio

from bot.scheduler import Jobs, build_scheduler


async def test_jobs_run_in_the_loop_never_two_at_once_and_survive_errors() -> None:
    running = 0
    most = 0
    polls = 0
    delivered = asyncio.Event()
    watched = 0

    async def poll() -> None:
        nonlocal running, most, polls
        running += 1
        most = max(most, running)
        polls += 1
        await asyncio.sleep(0.5)  # longer than the interval: runs must not overlap
        running -= 1

    async def deliver() -> None:
        delivered.set()

    async def watch() -> None:
        nonlocal watched
        watched += 1
        raise RuntimeError("a failing run is logged, the job keeps its schedule")

    scheduler = build_scheduler(Jobs(poll=poll, deliver=deliver, watch_config=watch),
                                poll_check_seconds=0.1, poll_jitter=0, deliver_seconds=0.1,
                                watch_seconds=0.1)
    assert {job.id for job in scheduler.get_jobs()} == {"poll", "deliver", "watch_config"}
    scheduler.start()
    try:
        await asyncio.wait_for(delivered.wait(), timeout=5)
        await asyncio.sleep(1.2)
    finally:
        scheduler.shutdown(wait=False)
    assert polls >= 1
    assert most == 1
    assert watched >= 2


async def test_a_reloaded_delivery_interval_is_applied() -> None:
    from bot.scheduler import set_delivery_interval

    async def idle() -> None:
        return None

    scheduler = build_scheduler(Jobs(poll=idle, deliver=idle, watch_config=idle),
                                deliver_seconds=10)
    scheduler.start()
    try:
        set_delivery_interval(scheduler, 3)
        job = scheduler.get_job("deliver")
        assert job is not None and job.trigger.interval.total_seconds() == 3
    finally:
        scheduler.shutdown(wait=False)
