"""The console notifier: shows what a Discord post would, when no Discord token is set."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import TextIO

from bot.domain import STATUS_SYMBOLS, InvitationState, Notification, NotificationKind
from bot.notify.base import SendOutcome, SendResult
from bot.store.api import Subscription

_HEADINGS = {
    NotificationKind.NEW: "NEW INVITATION",
    NotificationKind.STATUS: "STATUS CHANGE",
    NotificationKind.QUIET: "GONE QUIET",
    NotificationKind.DIGEST: "NEW SOURCE",
    NotificationKind.HIDDEN: "HIDDEN BY AN EDITOR",
}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str, *, one_line: bool = False) -> str:
    """Text from feeds and users made safe for a terminal: no escape sequences, bells or
    other control characters (and, with `one_line`, no line breaks to forge lines with)."""
    text = _CONTROL.sub("", text)
    return " ".join(text.split()) if one_line else text


def format_notification(n: Notification) -> str:
    """A plain-text rendering with the content of the Discord embed, safe for a terminal."""
    return printable(_format(n))


def _format(n: Notification) -> str:
    ident = f" #{n.invitation_id}" if n.invitation_id is not None else ""
    status = f"{STATUS_SYMBOLS[n.status]} {n.status.value}"
    if n.previous_status is not None and n.previous_status != n.status:
        status = f"{STATUS_SYMBOLS[n.previous_status]} {n.previous_status.value} → {status}"
    when = n.source_date.date().isoformat()
    source = " · ".join(x for x in (n.outlet, when, n.source_url) if x)
    lines = [
        f"━━ {_HEADINGS[n.kind]}{ident} ━━",
        f"{n.inviter} → {n.invitee}",
        f"  occasion : {n.occasion}",
        f"  status   : {status}   (confidence {n.confidence:.2f})",
        f"  source   : {source}",
    ]
    if n.languages:
        lines.append(f"  languages: {', '.join(n.languages)}")
    others = [u for u in n.sources if u != n.source_url]
    if others:
        shown = others[:5]
        more = f" (+{len(others) - len(shown)} more)" if len(others) > len(shown) else ""
        lines.append(f"  also in  : {', '.join(shown)}{more}")
    if n.evidence:
        evidence = n.evidence if len(n.evidence) <= 300 else n.evidence[:299] + "…"
        lines.append(f"  evidence : “{evidence}”")
    return "\n".join(lines)


class ConsoleNotifier:
    consumer = "console"

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out

    def targets(self, notification: Notification,
                subscriptions: Sequence[Subscription]) -> list[str]:
        return ["console"]

    async def send(self, target: str, notification: Notification,
                   previous_message_id: str | None, *, current: Notification | None = None,
                   nonce: str | None = None) -> SendResult:
        out = self.out or sys.stdout
        out.write(format_notification(notification) + "\n\n")
        out.flush()
        return SendResult(SendOutcome.SENT)


def format_table(items: list[InvitationState]) -> str:
    """The invitations as an aligned plain-text table, for `invitations list` and the demo."""
    if not items:
        return "no invitations yet"
    rows = [("id", "inviter → invitee", "occasion", "status", "sources", "last update")]
    for inv in items:
        rows.append((str(inv.id),
                     printable(f"{inv.inviter.name} → {inv.invitee.name}", one_line=True),
                     printable(inv.occasion.describe(), one_line=True)[:40],
                     inv.status.value + (" (quiet)" if inv.quiet else ""),
                     str(len(inv.sources)), inv.last_update.date().isoformat()))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)
