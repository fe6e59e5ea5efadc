"""A storm of Discord rate limits (429 with Retry-After) only delays a post. A
rate limit is Discord saying "later", not a failed attempt: it must not use up the
attempts that end a notification, and "later" means after Retry-After, not after a
backoff meant for errors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.domain import Notification, NotificationKind, Source, Status, TrackOutcome
from bot.notify.base import SendOutcome, SendResult
from bot.notify.outbox import DeliveryPolicy, OutboxDelivery
from bot.store.api import GuildSettings, Store
from tests.support.builders import state

T0 = datetime(2021, 2, 14, 12, tzinfo=UTC)
RATE_LIMITED = SendResult(SendOutcome.RETRY, retry_after=2.0, error="429 rate limited")


@dataclass
class RateLimitedNotifier:
    """Discord under a rate-limit storm: `limited` answers of 429, then posts."""

    limited: int
    consumer: str = "discord"
    calls: list[datetime] = field(default_factory=list)
    clock: Clock | None = None

    def targets(self, notification: Notification, guilds: Sequence[GuildSettings]) -> list[str]:
        return ["discord:1:10"]

    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        assert self.clock is not None
        self.calls.append(self.clock.now)
        if len(self.calls) <= self.limited:
            return RATE_LIMITED
        return SendResult(SendOutcome.SENT, "m1")


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def enqueue_one(store: Store) -> None:
    with store.unit() as unit:
        unit.save_outcome(TrackOutcome(state(), True, None, False),
                          Source(url="https://example.org/a", outlet="Example", lang="en",
                                 published=T0))
        unit.enqueue(Notification(
            kind=NotificationKind.NEW, invitation_id=1, inviter="Elon Musk",
            invitee="Vladimir Putin", occasion="a conversation on Clubhouse",
            status=Status.PENDING, previous_status=None, source_url="https://example.org/a",
            outlet="Example", source_date=T0, languages=("en",),
            evidence="The entrepreneur asked the president to a chat.", confidence=0.9,
            created_at=T0), T0)


async def run_for(delivery: OutboxDelivery, clock: Clock, span: timedelta,
                  step: timedelta = timedelta(seconds=1)) -> None:
    """Run the delivery loop every `step` of simulated time for `span`."""
    end = clock.now + span
    while clock.now < end:
        await delivery.deliver_once()
        clock.now += step


async def test_a_rate_limit_storm_does_not_lose_the_post(store: Store) -> None:
    clock = Clock()
    notifier = RateLimitedNotifier(limited=10, clock=clock)
    delivery = OutboxDelivery(store, [notifier], clock=clock, policy=DeliveryPolicy(max_attempts=8))
    enqueue_one(store)
    await run_for(delivery, clock, timedelta(hours=3), step=timedelta(seconds=30))
    assert len(notifier.calls) == 11, f"{len(notifier.calls)} sends; the post was given up"


async def test_a_rate_limited_post_is_retried_after_retry_after(store: Store) -> None:
    clock = Clock()
    notifier = RateLimitedNotifier(limited=3, clock=clock)
    delivery = OutboxDelivery(store, [notifier], clock=clock)
    enqueue_one(store)
    await run_for(delivery, clock, timedelta(minutes=1))
    assert len(notifier.calls) == 4
    posted_after = notifier.calls[-1] - notifier.calls[0]
    assert posted_after <= timedelta(seconds=3 * (2 + 1) + 3), posted_after
