"""Delivering the outbox: plan where each notification goes, then send what is due.

The outbox row was written in the same transaction as the change that caused it. Here each
notifier decides its targets (recorded as delivery rows, once), and each delivery is sent
and closed. The message id is recorded (`remember_message`, `mark_sent`) in the same
transaction that closes the delivery, right after the send returns.

Exactly once, in order:
- an invitation's deliveries to one target go strictly in outbox order (the store never
  hands out a delivery while an earlier one of the same invitation and target is pending),
  and every post or edit shows the invitation as it stands when it is sent, read fresh
  with the message to edit: no interleaving can post a second announcement or edit a post
  back to an older status;
- a crash between the send and the commit is covered by the delivery's nonce, the same on
  every attempt, which Discord uses to return the first message instead of posting again;
  it does so for a few minutes only, hence a short lease, renewed while this process
  lives, and claims tagged with a stable worker id that a restarted process takes back at
  once;
- past that window (an outage's backoff, a slow restart) the write-ahead mark covers it:
  before each send the delivery records that an attempt started (`start_attempt`); a retry
  of a delivery whose unfinished attempt began more than `reconcile_after` ago first asks
  the notifier (`reconcile`, where it has one) whether the message is already there, and
  records it as sent instead of posting again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import random
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.domain import InvitationState, Notification
from bot.notify.base import Notifier, SendOutcome, SendResult
from bot.store.api import Delivery, Store, Unit
from bot.tracker.notifications import snapshot

log = logging.getLogger(__name__)


# bot.config's `[notify] reconcile_after_seconds` defaults to the same (notify may not
# import config; tests/test_config.py holds the two together).
RECONCILE_AFTER = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    max_attempts: int = 8
    backoff_base: timedelta = timedelta(seconds=15)
    backoff_max: timedelta = timedelta(hours=1)
    batch: int = 50
    # A claimed delivery is left alone by other processes this long; if this one dies
    # mid-send, another picks the delivery up after it. Short, so the retry falls within
    # Discord's nonce window; renewed every lease/3 while this process is sending.
    lease: timedelta = timedelta(seconds=60)
    # Sending rounds per pass: a round sends the head of each invitation's queue, so a
    # NEW and its STATUS due together go out in one pass, one after the other.
    max_rounds: int = 20
    # An in-doubt delivery (an attempt began, no outcome recorded) retried this long after
    # its attempt began is looked for in the channel before it is sent again: safely inside
    # Discord's nonce window ("a few minutes"), so one or the other covers every retry.
    reconcile_after: timedelta = RECONCILE_AFTER


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
    """(guild, channel) of `discord:<guild>:<channel>[:<subscription>]`."""
    parts = target.split(":")
    if len(parts) in (3, 4) and parts[0] == "discord":
        return parts[1], parts[2]
    return None


def _channel_failed(unit: Unit, outcome: SendOutcome, guild_id: str, channel_id: str, *,
                    error: str, now: datetime) -> tuple[str, str] | None:
    """A channel the bot cannot post in: gone (deleted) drops its subscriptions;
    forbidden marks them, and (guild, channel) is returned the first time so the admins
    are told once."""
    if outcome is SendOutcome.GONE:
        removed = unit.drop_channel(guild_id, channel_id)
        unit.audit(actor="invitewatch", guild_id=guild_id, action="channel_removed",
                   detail={"channel_id": channel_id, "reason": error,
                           "subscriptions": removed}, now=now)
        log.warning("channel %s of server %s is gone; its %d subscription(s) removed",
                    channel_id, guild_id, removed)
        return None
    if not unit.mark_channel_forbidden(guild_id, channel_id, now):
        return None
    unit.audit(actor="invitewatch", guild_id=guild_id, action="channel_forbidden",
               detail={"channel_id": channel_id, "reason": error}, now=now)
    log.warning("no permission to post in channel %s of server %s: %s",
                channel_id, guild_id, error)
    return guild_id, channel_id


def worker_id(*parts: str) -> str:
    """A worker identity stable across restarts of the same process on the same host with
    the same data (e.g. `worker_id(data_dir, "run")`): its claims are resumed at start."""
    seed = "|".join([socket.gethostname(), *parts])
    return "w-" + hashlib.sha256(seed.encode()).hexdigest()[:16]


def current_view(event: Notification, invitation: InvitationState | None) -> Notification:
    """What a post or an edit shows: the invitation as it stands now, or the event itself
    when it is already current (or the invitation is gone)."""
    if invitation is None or invitation.status == event.status:
        return event
    return snapshot(event.kind, invitation, about=None, previous_status=None,
                    now=event.created_at)


class OutboxDelivery:
    """Runs delivery for a set of notifiers; `deliver_once` is one pass, for the scheduler."""

    def __init__(self, store: Store, notifiers: Sequence[Notifier], *,
                 policy: DeliveryPolicy | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 on_forbidden: Callable[[str, str], Awaitable[None]] | None = None,
                 rng: random.Random | None = None, worker: str | None = None) -> None:
        self.store = store
        self.notifiers = list(notifiers)
        self.policy = policy or DeliveryPolicy()
        self.clock = clock
        self.on_forbidden = on_forbidden
        self.rng = rng or random.Random()
        # Without a given identity, one per process: its claims simply expire after a crash.
        self.worker = worker or f"w-{socket.gethostname()}-{os.getpid()}-{id(self):x}"
        self._resumed = False

    def release(self) -> int:
        """Give back this worker's claims (a clean shutdown, or the start of a restarted
        worker): they are due again at once, with the same nonces."""
        with self.store.unit() as unit:
            return unit.release_claims(self.worker, self.clock())

    async def deliver_once(self) -> DeliveryStats:
        stats = DeliveryStats()
        if not self._resumed:
            released = self.release()
            self._resumed = True
            if released:
                log.info("resuming %d deliveries this worker had claimed before it stopped",
                         released)
        for notifier in self.notifiers:
            stats.planned += self._plan(notifier)
            for _ in range(self.policy.max_rounds):
                if not await self._send_due(notifier, stats):
                    break
        return stats

    def _plan(self, notifier: Notifier) -> int:
        """Record where each new item goes. `targets()` runs outside any transaction, so
        a notifier may read the store itself (watchers, roles)."""
        now = self.clock()
        with self.store.unit() as unit:
            items = unit.undelivered(notifier.consumer, self.policy.batch)
            subscriptions = unit.subscriptions() if items else []
        plans = [(item.id, notifier.targets(item.notification, subscriptions))
                 for item in items]
        if not plans:
            return 0
        # A crash before this commit leaves the items unplanned: planned again next pass.
        with self.store.unit() as unit:
            for item_id, targets in plans:
                unit.plan_deliveries(item_id, notifier.consumer, targets, now)
        return sum(len(targets) for _, targets in plans)

    async def _renew(self, held: set[int]) -> None:
        """Keep the lease on the deliveries still being sent, every lease/3, until cancelled."""
        period = max(self.policy.lease.total_seconds() / 3, 0.05)
        while True:
            await asyncio.sleep(period)
            try:
                with self.store.unit() as unit:
                    unit.renew_claims(sorted(held), self.worker, self.clock() + self.policy.lease)
            except Exception:  # the next renewal (or the lease) covers a failed one
                log.warning("could not renew the delivery lease", exc_info=True)

    async def _send_due(self, notifier: Notifier, stats: DeliveryStats) -> int:
        """One round: claim the due deliveries and send them; returns how many were tried."""
        with self.store.unit() as unit:
            due = unit.due_deliveries(notifier.consumer, self.clock(), self.policy.batch,
                                      lease=self.policy.lease, worker=self.worker)
        if not due:
            return 0
        held = {d.id for d in due}
        renewer = asyncio.create_task(self._renew(held))
        try:
            for delivery in due:
                await self._send_one(notifier, delivery, stats)
                held.discard(delivery.id)
        finally:
            renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewer
        return len(due)

    async def _send_one(self, notifier: Notifier, delivery: Delivery,
                        stats: DeliveryStats) -> None:
        invitation_id = delivery.notification.invitation_id
        # Read just before sending, never for a whole batch up front: an earlier delivery
        # of the same invitation may have posted the announcement a moment ago.
        with self.store.unit() as unit:
            previous = (unit.message_for(invitation_id, delivery.target)
                        if invitation_id is not None else None)
            state = unit.get_invitation(invitation_id) if invitation_id is not None else None
        current = current_view(delivery.notification, state)
        try:
            result = await self._reconciled(notifier, delivery, previous, current)
            if result is None:
                result = await notifier.send(delivery.target, delivery.notification, previous,
                                             current=current, nonce=delivery.nonce or None)
        except Exception as exc:  # a notifier bug must not stop the other deliveries
            log.exception("delivery %s to %s raised", delivery.id, delivery.target)
            result = SendResult(SendOutcome.RETRY, error=f"{type(exc).__name__}: {exc}")
        tell = self._record(delivery, result, stats, previous=previous)
        if tell is not None and self.on_forbidden is not None:
            try:
                await self.on_forbidden(*tell)
            except Exception:
                log.exception("could not tell the admins of server %s about channel %s", *tell)

    async def _reconciled(self, notifier: Notifier, delivery: Delivery, previous: str | None,
                          current: Notification) -> SendResult | None:
        """Write the attempt's start ahead of the send; when an earlier attempt began too
        long ago for the nonce to cover it, the notifier's answer for a message that is
        already there (SENT), or None: send."""
        with self.store.unit() as unit:
            started = unit.start_attempt(delivery.id, self.clock())
        reconcile = getattr(notifier, "reconcile", None)
        if (reconcile is None or delivery.attempt_started_at is None
                or self.clock() - started < self.policy.reconcile_after):
            return None
        found: SendResult | None = await reconcile(delivery.target, delivery.notification,
                                                   previous, current=current, since=started)
        if found is not None and found.outcome is SendOutcome.SENT:
            log.info("delivery %s to %s was posted before (message %s): recorded, not sent again",
                     delivery.id, delivery.target, found.message_id)
        return found

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
                return _channel_failed(unit, result.outcome, *channel, error=error, now=now)
            log.error("delivery to %s failed for good: %s", delivery.target, error)
        return None
