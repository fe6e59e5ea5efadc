"""The notifier contract: the outbox loop asks a notifier where a notification goes and
hands it each delivery; the notifier answers with a `SendResult` and never touches the store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bot.domain import Notification
from bot.store.api import Subscription


class SendOutcome(StrEnum):
    SENT = "sent"
    RETRY = "retry"  # transient (5xx, network, rate limit): try again after retry_after
    FORBIDDEN = "forbidden"  # 403: the bot lacks permission in this target
    GONE = "gone"  # 404: the target no longer exists; disable it
    FAILED = "failed"  # permanent for this notification only (e.g. 400)


@dataclass(frozen=True, slots=True)
class SendResult:
    outcome: SendOutcome
    message_id: str | None = None
    # A rate limit: come back after this many seconds (it does not use up an attempt).
    retry_after: float | None = None
    error: str | None = None


class Notifier(Protocol):
    """A channel of delivery: the console, or Discord."""

    consumer: str  # "console" or "discord": the outbox consumer name

    def targets(self, notification: Notification,
                subscriptions: Sequence[Subscription]) -> list[str]:
        """The targets that want this notification: one per subscription whose filters
        let it through (plus any the notifier adds, such as direct messages)."""
        ...

    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        """Post (or, with `previous_message_id`, edit that post and reply to it).

        `notification` is the event being delivered (what a reply says); `current` is the
        invitation as it stands now, what a post or an edit must show (None: the event).
        `nonce` is stable across every attempt of this delivery: a notifier that can make
        its channel drop a repeated message (Discord's enforce_nonce) derives its nonces
        from it, so a retry after a crash never posts twice."""
        ...


class Reconciler(Protocol):
    """A notifier that can tell whether an in-doubt delivery is already posted (optional:
    the outbox calls `reconcile` where a notifier has it)."""

    async def reconcile(self, target: str, notification: Notification,
                        previous_message_id: str | None, *, current: Notification,
                        since: datetime) -> SendResult | None:
        """The delivery's message if it is already in the target (posted on or after
        `since` by an attempt whose outcome was lost): SENT with its id. None when it is
        not there or cannot be looked for: the outbox sends as usual."""
        ...
