"""The status machine: an invitation's status as a pure function of its timeline.

Because the status is recomputed from the whole set of entries, never stepped from the
previous status, the order in which articles arrive cannot change the result.

Rules, in order:
1. Statuses come in tiers, and a higher tier wins whatever the dates: took place, then
   the decisions (accepted, declined, withdrawn), then a non-committal reply (responded),
   then "no answer yet" (pending). So a late article repeating that there is no answer does
   not undo a reply, and one recalling that an invitation "had been accepted" does not
   undo the meeting that has since taken place.
2. Among decisions the one that came about last (by event time, to the day) wins,
   so a reversal with newer evidence (declined, then accepted) moves the status.
3. Conflicting decisive reports of the same day are settled by support: each distinct
   outlet counts once, weighted by its most confident report; then by confidence alone;
   then the more conclusive status (a fixed order, so the outcome never depends on arrival).
4. An editorial entry (a human correction) sets the status whatever came before it: only
   the automatic entries dated after the latest correction, and not repeating evidence it
   was made against (the same URL or the same sentence), are resolved with it by rules 1-3.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.domain import Status, TimelineEntry

_TIER: dict[Status, int] = {
    Status.PENDING: 0,
    Status.RESPONDED: 1,
    Status.ACCEPTED: 2,
    Status.DECLINED: 2,
    Status.TOOK_PLACE: 3,
    Status.WITHDRAWN: 2,
}

# Tie-break of last resort between same-day decisive reports: the more conclusive wins.
_CONCLUSIVENESS: dict[Status, int] = {
    Status.TOOK_PLACE: 4,
    Status.WITHDRAWN: 3,
    Status.DECLINED: 2,
    Status.ACCEPTED: 1,
    Status.RESPONDED: 0,
    Status.PENDING: 0,
}


@dataclass(frozen=True, slots=True)
class Resolution:
    status: Status
    status_at: datetime  # the earliest event time among the entries that carry the status
    confidence: float  # the strongest single report of the status


def tier(status: Status) -> int:
    """The status's rank in rule 1 (pending 0, responded 1, decisions 2, took place 3)."""
    return _TIER[status]


def source_identity(entry: TimelineEntry) -> str:
    """Which independent source an entry comes from: its outlet, else its URL."""
    if entry.outlet:
        return "outlet:" + " ".join(entry.outlet.casefold().split())
    if entry.url:
        return "url:" + entry.url
    return "evidence:" + entry.evidence


def support(entries: Iterable[TimelineEntry]) -> float:
    """Independent support: each source counted once, at its most confident report."""
    best: dict[str, float] = {}
    for entry in entries:
        key = source_identity(entry)
        best[key] = max(best.get(key, 0.0), entry.confidence)
    return sum(best.values())


def _settle_same_day(entries: Sequence[TimelineEntry]) -> Status:
    by_status: dict[Status, list[TimelineEntry]] = {}
    for entry in entries:
        by_status.setdefault(entry.status, []).append(entry)

    def strength(status: Status) -> tuple[float, float, int]:
        group = by_status[status]
        return (
            round(support(group), 6),
            max(e.confidence for e in group),
            _CONCLUSIVENESS[status],
        )

    return max(by_status, key=strength)


def resolve_status(timeline: Sequence[TimelineEntry]) -> Resolution:
    """The status the timeline supports. The timeline must not be empty."""
    if not timeline:
        raise ValueError("cannot resolve the status of an invitation with an empty timeline")
    timeline = since_correction(timeline)
    top_tier = max(_TIER[e.status] for e in timeline)
    contenders = [e for e in timeline if _TIER[e.status] == top_tier]
    if top_tier >= 2:
        last_day: date = max(e.at.date() for e in contenders)
        same_day = [e for e in contenders if e.at.date() == last_day]
        status = _settle_same_day(same_day)
        carriers = [e for e in same_day if e.status == status]
    else:
        status = contenders[0].status
        carriers = contenders
    return Resolution(
        status=status,
        status_at=min(e.at for e in carriers),
        confidence=max(e.confidence for e in carriers),
    )


def since_correction(timeline: Sequence[TimelineEntry]) -> Sequence[TimelineEntry]:
    """The entries the status is resolved from: all of them without a correction; else the
    latest correction and the automatic entries that are new evidence after it."""
    corrections = [e for e in timeline if e.editorial]
    if not corrections:
        return timeline
    latest = max(corrections, key=lambda e: (e.at, e.seen_at))
    # What the editor had in front of them.
    before = [e for e in timeline if not e.editorial and e.seen_at <= latest.seen_at]
    seen_urls = {e.url for e in before if e.url}
    seen_evidence = {e.evidence for e in before if e.evidence}
    # Dated a later day than the correction (which so wins its own day outright), and not
    # the evidence it overruled read once more.
    later = [e for e in timeline if not e.editorial and e.at.date() > latest.at.date()
             and e.url not in seen_urls and e.evidence not in seen_evidence]
    return [latest, *later]


def entry_order(entry: TimelineEntry) -> tuple[datetime, datetime, str, str]:
    """Display order of a timeline: by event time, then by when it was learned."""
    return (entry.at, entry.seen_at, entry.status.value, entry.url or "")
