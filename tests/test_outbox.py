"""The outbox loop over a real store (SQLite and PostgreSQL), with a scripted notifier."""

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


def note(invitation_id: int | None = 1, status: Status = Status.PENDING,
         kind: NotificationKind = NotificationKind.NEW) -> Notification:
    return Notification(
        kind=kind, invitation_id=invitation_id, inviter="Elon Musk", invitee="Vladimir Putin",
        occasion="a conversation on Clubhouse", status=status,
        previous_status=None if kind is NotificationKind.NEW else Status.PENDING,
        source_url="https://example.org/a", outlet="Example", source_date=T0, languages=("en",),
        evidence="Elon Musk has invited Vladimir Putin.", confidence=0.9, created_at=T0)


@dataclass
class ScriptedNotifier:
    """Answers each send with the next scripted result; records what it was asked."""

    consumer: str = "discord"
    script: list[SendResult] = field(default_factory=list)
    sent: list[tuple[str, Notification, str | None]] = field(default_factory=list)
    target_list: tuple[str, ...] = ("discord:1:10",)

    def targets(self, notification: Notification, guilds: Sequence[GuildSettings]) -> list[str]:
        return list(self.target_list)

    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        self.sent.append((target, notification, previous_message_id))
        return self.script.pop(0) if self.script else SendResult(SendOutcome.SENT, "m-default")


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def enqueue(store: Store, n: Notification) -> None:
    """Put `n` in the outbox, first saving the invitation it refers to."""
    with store.unit() as unit:
        while n.invitation_id is not None and unit.get_invitation(n.invitation_id) is None:
            unit.save_outcome(TrackOutcome(state(), True, None, False),
                              Source(url="https://example.org/a", outlet="Example", lang="en",
                                     published=T0))
        unit.enqueue(n, T0)


async def test_new_then_status_change_edits_the_same_message(store: Store) -> None:
    notifier = ScriptedNotifier(script=[SendResult(SendOutcome.SENT, "m1"),
                                        SendResult(SendOutcome.SENT, "m2")])
    clock = Clock()
    loop = OutboxDelivery(store, [notifier], clock=clock)
    enqueue(store, note())
    stats = await loop.deliver_once()
    assert (stats.planned, stats.sent) == (1, 1)
    enqueue(store, note(status=Status.RESPONDED, kind=NotificationKind.STATUS))
    await loop.deliver_once()
    assert [s[2] for s in notifier.sent] == [None, "m1"]  # the update edits the first post
    # Nothing is sent twice, however often the loop runs.
    for _ in range(3):
        await loop.deliver_once()
    assert len(notifier.sent) == 2


async def test_transient_failure_is_retried_with_backoff(store: Store) -> None:
    notifier = ScriptedNotifier(script=[
        SendResult(SendOutcome.RETRY, retry_after=30, error="HTTP 429"),
        SendResult(SendOutcome.SENT, "m1")])
    clock = Clock()
    loop = OutboxDelivery(store, [notifier], clock=clock, policy=DeliveryPolicy(max_attempts=3))
    enqueue(store, note())
    first = await loop.deliver_once()
    assert first.retried == 1
    await loop.deliver_once()  # not due yet: nothing is sent
    assert len(notifier.sent) == 1
    clock.now = T0 + timedelta(seconds=31)
    second = await loop.deliver_once()
    assert second.sent == 1 and len(notifier.sent) == 2


async def test_gives_up_after_max_attempts(store: Store) -> None:
    notifier = ScriptedNotifier(script=[SendResult(SendOutcome.RETRY, error="HTTP 500")] * 5)
    clock = Clock()
    loop = OutboxDelivery(store, [notifier], clock=clock, policy=DeliveryPolicy(max_attempts=2))
    enqueue(store, note())
    await loop.deliver_once()
    clock.now += timedelta(hours=2)
    stats = await loop.deliver_once()
    assert stats.failed == 1
    clock.now += timedelta(hours=2)
    await loop.deliver_once()
    assert len(notifier.sent) == 2


async def test_forbidden_marks_the_channel_and_tells_admins_once(store: Store) -> None:
    told: list[tuple[str, str]] = []

    async def tell(guild: str, channel: str) -> None:
        told.append((guild, channel))

    with store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id="1", channel_ids=["10"]))
    notifier = ScriptedNotifier(script=[SendResult(SendOutcome.FORBIDDEN, error="403"),
                                        SendResult(SendOutcome.FORBIDDEN, error="403")])
    loop = OutboxDelivery(store, [notifier], clock=Clock(), on_forbidden=tell)
    enqueue(store, note(invitation_id=1))
    enqueue(store, note(invitation_id=2))
    await loop.deliver_once()
    assert told == [("1", "10")]
    with store.unit() as unit:
        settings = unit.guild_settings("1")
        assert "10" in settings.forbidden_channels
        assert settings.channel_ids == ["10"]  # kept: the admins may fix the permission


async def test_gone_channel_is_removed_from_targets(store: Store) -> None:
    with store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id="1", channel_ids=["10", "11"]))
    notifier = ScriptedNotifier(script=[SendResult(SendOutcome.GONE, error="404")])
    loop = OutboxDelivery(store, [notifier], clock=Clock())
    enqueue(store, note())
    stats = await loop.deliver_once()
    assert stats.failed == 1
    with store.unit() as unit:
        assert unit.guild_settings("1").channel_ids == ["11"]


async def test_a_crashing_notifier_does_not_lose_the_notification(store: Store) -> None:
    class Boom(ScriptedNotifier):
        async def send(self, target: str, notification: Notification,
                       previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
            self.sent.append((target, notification, previous_message_id))
            if len(self.sent) == 1:
                raise RuntimeError("bug")
            return SendResult(SendOutcome.SENT, "m1")

    notifier = Boom()
    clock = Clock()
    loop = OutboxDelivery(store, [notifier], clock=clock)
    enqueue(store, note())
    await loop.deliver_once()
    clock.now += timedelta(minutes=5)
    stats = await loop.deliver_once()
    assert stats.sent == 1 and len(notifier.sent) == 2


async def test_two_processes_delivering_one_outbox_post_once(store: Store) -> None:
    """A running bot and a cron `poll --once` may deliver at the same time: each
    delivery is claimed by one of them."""
    import asyncio

    first, second = ScriptedNotifier(), ScriptedNotifier()
    clock = Clock()
    for invitation in range(1, 6):
        enqueue(store, note(invitation_id=invitation))
    await asyncio.gather(OutboxDelivery(store, [first], clock=clock).deliver_once(),
                         OutboxDelivery(store, [second], clock=clock).deliver_once())
    sent = [n.invitation_id for _, n, _ in first.sent + second.sent]
    assert sorted(sent) == [1, 2, 3, 4, 5]
    clock.now += timedelta(hours=1)  # past any lease: nothing is left to send
    await OutboxDelivery(store, [first], clock=clock).deliver_once()
    assert len(first.sent) + len(second.sent) == 5
