"""Leases (issue 8): a short lease, renewed while the process is sending, so a slow batch
is not taken over by another process; and an invitation's deliveries in outbox order."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from bot.domain import Notification, NotificationKind, Status
from bot.notify.base import SendOutcome, SendResult
from bot.notify.outbox import DeliveryPolicy, OutboxDelivery
from bot.store.api import GuildSettings, Store
from tests.test_outbox import enqueue, note


@dataclass
class SlowNotifier:
    delay: float
    consumer: str = "discord"
    sent: list[tuple[int | None, str | None]] = field(default_factory=list)

    def targets(self, notification: Notification, guilds: Sequence[GuildSettings]) -> list[str]:
        return ["discord:1:10"]

    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        await asyncio.sleep(self.delay)
        self.sent.append((notification.invitation_id, nonce))
        return SendResult(SendOutcome.SENT, f"m{len(self.sent)}")


async def test_a_slow_batch_keeps_its_claims_while_it_sends(store: Store) -> None:
    for invitation in (1, 2):
        enqueue(store, note(invitation_id=invitation))
    policy = DeliveryPolicy(lease=timedelta(seconds=0.3))
    slow = SlowNotifier(delay=0.5)
    fast = SlowNotifier(delay=0)
    first = asyncio.create_task(
        OutboxDelivery(store, [slow], policy=policy, worker="a").deliver_once())
    await asyncio.sleep(0.7)  # the first send is done, the second claim is past its lease
    other = await OutboxDelivery(store, [fast], policy=policy, worker="b").deliver_once()
    await first
    assert other.sent == 0 and fast.sent == []  # renewed: nobody else sends it
    assert [i for i, _ in slow.sent] == [1, 2]
    assert all(n and len(n) <= 24 for _, n in slow.sent)  # room for the notifier's letter


async def test_nonces_are_stable_per_delivery_and_distinct_between_them(store: Store) -> None:
    enqueue(store, note(invitation_id=1))
    enqueue(store, note(invitation_id=1, status=Status.ACCEPTED, kind=NotificationKind.STATUS))
    notifier = SlowNotifier(delay=0)
    await OutboxDelivery(store, [notifier]).deliver_once()
    with store.unit() as unit:
        again = [unit.get_delivery(i) for i in (1, 2)]
    assert [n for _, n in notifier.sent] == [d.nonce for d in again if d is not None]
    assert len({n for _, n in notifier.sent}) == 2
