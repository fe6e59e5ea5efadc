"""Delivering the outbox: plan where each notification goes, then send what is due.

The outbox row was written in the same transaction as the change that caused it. Here each
notifier decides its targets (recorded as delivery rows, once), and each delivery is sent
and closed. The message id is recorded (`remember_message`, `mark_sent`) in the same
transaction that closes the delivery, right after the send returns: a crash between the
send and that commit is the only window in which a post could be repeated, and it is as
small as it can be without two-phase commit.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.notify.base import Notifier, SendOutcome, SendResult
from bot.store.api import Delivery, Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    max_attempts: int = 8
    backoff_base: timedelta = timedelta(seconds=15)
    backoff_max: timedelta = timedelta(hours=1)
    batch: int = 50
    # A claimed delivery is left alone by other processes this long; if this one dies
    # mid-send, another picks the delivery up after it.
    lease: timedelta = timedelta(minutes=5)


@dataclass(slots=True)
class DeliveryStats:
    planned: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0

    def __str__(self) -> str:
        return (f"{self.planned} planned, {self.sent} sent, {self.retried} to retry,"
                f" {self.failed} failed")


def retry_delay(attempts: int, policy: DeliveryPolicy, rng: random.Random) -> timedelta:
    """Exponential backoff after a failed send, capped, with a little jitter."""
    delay = policy.backoff_base * (2 ** max(0, min(attempts - 1, 16)))
    return min(delay, policy.backoff_max) + timedelta(seconds=rng.uniform(0, 1))


def _target_channel(target: str) -> tuple[str, str] | None:
    parts = target.split(":")
    if len(parts) == 3 and parts[0] == "discord":
        return parts[1], parts[2]
    return None


class OutboxDelivery:
    """Runs delivery for a set of notifiers; `deliver_once` is one pass, for the scheduler."""

    def __init__(self, store: Store, notifiers: Sequence[Notifier], *,
                 policy: DeliveryPolicy | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 on_forbidden: Callable[[str, str], Awaitable[None]] | None = None,
                 rng: random.Random | None = None) -> None:
        self.store = store
        self.notifiers = list(notifiers)
        self.policy = policy or DeliveryPolicy()
        self.clock = clock
        self.on_forbidden = on_forbidden
        self.rng = rng or random.Random()

    async def deliver_once(self) -> DeliveryStats:
        stats = DeliveryStats()
        for notifier in self.notifiers:
            stats.planned += self._plan(notifier)
            await self._send_due(notifier, stats)
        return stats

    def _plan(self, notifier: Notifier) -> int:
        """Record where each new item goes. `targets()` runs outside any transaction, so
        a notifier may read the store itself (watchers, roles)."""
        now = self.clock()
        with self.store.unit() as unit:
            items = unit.undelivered(notifier.consumer, self.policy.batch)
            guilds = unit.all_guild_settings() if items else []
        plans = [(item.id, notifier.targets(item.notification, guilds)) for item in items]
        if not plans:
            return 0
        # A crash before this commit leaves the items unplanned: planned again next pass.
        with self.store.unit() as unit:
            for item_id, targets in plans:
                unit.plan_deliveries(item_id, notifier.consumer, targets, now)
        return sum(len(targets) for _, targets in plans)

    async def _send_due(self, notifier: Notifier, stats: DeliveryStats) -> None:
        with self.store.unit() as unit:
            due = unit.due_deliveries(notifier.consumer, self.clock(), self.policy.batch,
                                      lease=self.policy.lease)
            previous = {
                d.id: unit.message_for(d.notification.invitation_id, d.target)
                if d.notification.invitation_id is not None else None
                for d in due
            }
        for delivery in due:
            try:
                result = await notifier.send(delivery.target, delivery.notification,
                                             previous[delivery.id])
            except Exception as exc:  # a notifier bug must not stop the other deliveries
                log.exception("delivery %s to %s raised", delivery.id, delivery.target)
                result = SendResult(SendOutcome.RETRY, error=f"{type(exc).__name__}: {exc}")
            tell = self._record(delivery, result, stats, previous=previous[delivery.id])
            if tell is not None and self.on_forbidden is not None:
                try:
                    await self.on_forbidden(*tell)
                except Exception:
                    log.exception("could not tell the admins of server %s about channel %s", *tell)

    def _record(self, delivery: Delivery, result: SendResult, stats: DeliveryStats,
                *, previous: str | None) -> tuple[str, str] | None:
        """Close or reschedule a delivery; returns (guild, channel) when a server's admins
        must be told, once, that the bot may not post in a channel."""
        now = self.clock()
        with self.store.unit() as unit:
            if result.outcome is SendOutcome.SENT:
                invitation_id = delivery.notification.invitation_id
                # A notifier answers with the announcement's id: new, or a re-post when
                # the old announcement was deleted; either way the next update edits it.
                if (result.message_id and invitation_id is not None
                        and result.message_id != previous):
                    unit.remember_message(invitation_id, delivery.target, result.message_id)
                unit.mark_sent(delivery.id, result.message_id, now)
                stats.sent += 1
                return None
            error = result.error or result.outcome.value
            attempts = delivery.attempts + 1
            if result.outcome is SendOutcome.RETRY and result.retry_after is not None:
                # A rate limit says when to come back; it delays a post, never loses it.
                next_at = now + timedelta(seconds=max(0.0, result.retry_after)
                                          + self.rng.uniform(0, 0.5))
                unit.mark_retry(delivery.id, error, next_at, count_attempt=False)
                stats.retried += 1
                log.info("delivery to %s rate limited; retry at %s", delivery.target,
                         next_at.isoformat(timespec="seconds"))
                return None
            if result.outcome is SendOutcome.RETRY and attempts < self.policy.max_attempts:
                next_at = now + retry_delay(attempts, self.policy, self.rng)
                unit.mark_retry(delivery.id, error, next_at)
                stats.retried += 1
                log.warning("delivery to %s failed (%s); retry %d at %s", delivery.target, error,
                            attempts, next_at.isoformat(timespec="seconds"))
                return None
            unit.mark_failed(delivery.id, error)
            stats.failed += 1
            channel = _target_channel(delivery.target)
            if result.outcome in (SendOutcome.FORBIDDEN, SendOutcome.GONE) and channel:
                guild_id, channel_id = channel
                settings = unit.guild_settings(guild_id)
                if result.outcome is SendOutcome.GONE:
                    # The channel was deleted: stop sending there.
                    settings.channel_ids = [c for c in settings.channel_ids if c != channel_id]
                    settings.forbidden_channels.pop(channel_id, None)
                    unit.save_guild_settings(settings)
                    unit.audit(actor="invitewatch", guild_id=guild_id, action="channel_removed",
                               detail={"channel_id": channel_id, "reason": error}, now=now)
                    log.warning("channel %s of server %s is gone; removed from its targets",
                                channel_id, guild_id)
                elif channel_id not in settings.forbidden_channels:
                    settings.forbidden_channels[channel_id] = now
                    unit.save_guild_settings(settings)
                    unit.audit(actor="invitewatch", guild_id=guild_id,
                               action="channel_forbidden",
                               detail={"channel_id": channel_id, "reason": error}, now=now)
                    log.warning("no permission to post in channel %s of server %s: %s",
                                channel_id, guild_id, error)
                    return guild_id, channel_id
            else:
                log.error("delivery to %s failed for good: %s", delivery.target, error)
        return None
