"""The bounded part of a timeline the tracker decides on: pure.

A hot story (thousands of reports of one invitation) must cost the same per report as a
fresh one, so the store keeps, beside the append-only timeline, the few entries that
everything the tracker reads of a timeline depends on, and hands the tracker those (plus
the entries sharing the report's URL or evidence) instead of the whole timeline:

- the span: the first and the last entry (`track._span`, the window checks);
- the opening: the earliest "pending" entry at the first moment (`_made_at`, counter-offers);
- per status, the newest entry (a notification's default quote);
- what the status machine (`status.resolve_status`) decides on: of the entries it reads
  (after the latest correction, `since_correction`), the top tier's earliest and most
  confident entry, and for the decisions the last day's strongest entry per status and
  source (support counts each source once, at its most confident) and earliest per status;
- with a correction, for any kept entry it set aside as a repeat of the evidence the editor
  saw, one entry showing that evidence (so the repeat is set aside again).

For any entries added later, resolving the status of these plus the new entries gives what
the whole timeline plus the new entries gives: a lower tier, an earlier day of decisions
or a weaker report of the same source can never decide again. Corrections (merge, split,
set a status) read the whole timeline and the store summarises it afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from bot.domain import Status, TimelineEntry
from bot.tracker.status import entry_order, since_correction, source_identity, tier


def summarise(timeline: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """The entries of `timeline` the tracker's decisions depend on (see the module), in
    timeline order; a bounded number whatever the timeline's length (per status, at most
    one per source of the last day of decisions)."""
    if not timeline:
        return []
    ordered = sorted(timeline, key=entry_order)
    kept: dict[int, TimelineEntry] = {}

    def keep(entries: Iterable[TimelineEntry]) -> None:
        for entry in entries:
            kept.setdefault(id(entry), entry)

    first = ordered[0]
    keep([first, ordered[-1]])
    keep(_first(e for e in ordered if e.at == first.at and e.status == Status.PENDING))
    newest: dict[Status, TimelineEntry] = {}
    for entry in ordered:
        if entry.status not in newest or (entry.at, entry.seen_at) > (
                newest[entry.status].at, newest[entry.status].seen_at):
            newest[entry.status] = entry
    keep(newest.values())
    effective = since_correction(ordered)
    keep(_deciding(effective))
    if len(effective) != len(ordered) and any(e.editorial for e in ordered):
        keep(_witnesses(ordered, effective, list(kept.values())))
    return sorted(kept.values(), key=entry_order)


def _first(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    for entry in entries:
        return [entry]
    return []


def _best(entries: Sequence[TimelineEntry], wanted: Callable[[TimelineEntry], bool],
          key: Callable[[TimelineEntry], object]) -> list[TimelineEntry]:
    """The first entry with the highest `key` among the wanted ones (none if none is)."""
    best: TimelineEntry | None = None
    for entry in entries:
        if wanted(entry) and (best is None or key(entry) > key(best)):  # type: ignore[operator]
            best = entry
    return [best] if best is not None else []


def _deciding(effective: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """What `resolve_status` reads of the entries it resolves: the top tier's earliest and
    most confident; for decisions, the last day's per status and source strongest and per
    status earliest. `effective` is in timeline order."""
    editorial = [e for e in effective if e.editorial]
    top = max(tier(e.status) for e in effective)
    contenders = [e for e in effective if tier(e.status) == top]
    if top < 2:
        return [*editorial, contenders[0],
                *_best(contenders, lambda e: True, lambda e: e.confidence)]
    last_day = max(e.at.date() for e in contenders)
    same_day = [e for e in contenders if e.at.date() == last_day]
    chosen: dict[tuple[Status, str], TimelineEntry] = {}
    earliest: dict[Status, TimelineEntry] = {}
    for entry in same_day:
        earliest.setdefault(entry.status, entry)
        key = (entry.status, source_identity(entry))
        if key not in chosen or entry.confidence > chosen[key].confidence:
            chosen[key] = entry
    return [*editorial, *earliest.values(), *chosen.values()]


def _witnesses(ordered: Sequence[TimelineEntry], effective: Sequence[TimelineEntry],
               kept: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """For each kept automatic entry the latest correction set aside as evidence the editor
    had seen, one entry the editor saw with the same URL or sentence."""
    latest = max((e for e in ordered if e.editorial), key=lambda e: (e.at, e.seen_at))
    before = [e for e in ordered if not e.editorial and e.seen_at <= latest.seen_at]
    in_effect = {id(e) for e in effective}
    found: list[TimelineEntry] = []
    for entry in kept:
        if entry.editorial or id(entry) in in_effect or entry.at.date() <= latest.at.date():
            continue
        found.extend(_first(b for b in before if (entry.url and b.url == entry.url)
                            or (entry.evidence and b.evidence == entry.evidence)))
    return found
