"""The timeline summary (bot/tracker/summary.py): bounded, and deciding as the whole does.

Randomised timelines (several outlets, same-day conflicts, editors' corrections) against
randomised new entries: the status resolved from the summary plus the new entries must be
the one resolved from the whole timeline plus them, and so must the span, the opening and
a notification's default quote.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain import NotificationKind, Status, TimelineEntry
from bot.tracker.notifications import snapshot
from bot.tracker.status import entry_order, resolve_status
from bot.tracker.summary import summarise
from bot.tracker.track import _made_at, _span
from tests.support.builders import T0, state

STATUSES = list(Status)


def _random_entry(rng: random.Random, n: int, *, editorial: bool = False) -> TimelineEntry:
    when = T0 + timedelta(days=rng.randrange(12), hours=rng.randrange(24))
    outlet = None if rng.random() < 0.1 else f"Outlet {rng.randrange(5)}"
    url = None if rng.random() < 0.1 else f"https://news.example/{rng.randrange(3 * n + 1)}"
    return TimelineEntry(at=when, status=rng.choice(STATUSES), url=url, outlet=outlet,
                         lang=rng.choice(("en", "de", "ru")),
                         evidence=f"sentence {rng.randrange(2 * n + 1)}",
                         confidence=round(rng.uniform(0.3, 1.0), 2),
                         seen_at=when + timedelta(hours=rng.randrange(48)), editorial=editorial)


def _random_timeline(rng: random.Random, n: int) -> list[TimelineEntry]:
    timeline = [_random_entry(rng, n) for _ in range(n)]
    if rng.random() < 0.3:
        timeline.append(_random_entry(rng, n, editorial=True))
    return timeline


def _relevant(full: list[TimelineEntry], new: list[TimelineEntry]) -> list[TimelineEntry]:
    """What the store hands the tracker besides the summary: the entries repeating the new
    ones' URLs (and, after a correction, their sentences)."""
    urls = {e.url for e in new if e.url}
    said = {e.evidence for e in new}
    corrected = any(e.editorial for e in full)
    return [e for e in full if (e.url in urls) or (corrected and e.evidence in said)]


@pytest.mark.parametrize("seed", range(300))
def test_the_summary_decides_as_the_whole_timeline_does(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.choice((1, 3, 10, 40))
    # The store hands timelines over in timeline order, whole or summarised.
    full = sorted(_random_timeline(rng, n), key=entry_order)
    new = [replace(_random_entry(rng, n), seen_at=T0 + timedelta(days=30))
           for _ in range(rng.randrange(3))]
    kept = summarise(full)
    view = sorted({id(e): e for e in [*kept, *_relevant(full, new)]}.values(), key=entry_order)
    assert resolve_status([*view, *new]) == resolve_status([*full, *new])
    assert _span(state(timeline=[*view, *new])) == _span(state(timeline=[*full, *new]))
    assert _made_at(state(timeline=view)) == _made_at(state(timeline=full))
    for status in Status:
        quoted = snapshot(NotificationKind.STATUS, state(timeline=view, status=status),
                          about=None, previous_status=None, now=T0)
        whole = snapshot(NotificationKind.STATUS, state(timeline=full, status=status),
                         about=None, previous_status=None, now=T0)
        assert (quoted.source_url, quoted.evidence, quoted.source_date) == (
            whole.source_url, whole.evidence, whole.source_date)


def test_the_summary_of_a_summary_plus_new_entries_is_as_good_as_the_whole() -> None:
    """The store keeps summarise(summary + new), never reading the whole again."""
    rng = random.Random(5)
    full: list[TimelineEntry] = []
    kept: list[TimelineEntry] = []
    for n in range(400):
        added = _random_entry(rng, 50)
        full.append(added)
        kept = summarise([*kept, added])
        probe = _random_entry(rng, 50)
        assert resolve_status([*kept, probe]) == resolve_status([*full, probe]), n
        assert _span(state(timeline=kept)) == _span(state(timeline=full))


def test_the_summary_stays_bounded_however_long_the_timeline() -> None:
    """3,000 reports of one invitation from seven outlets: the summary does not grow."""
    sizes = []
    kept: list[TimelineEntry] = []
    for k in range(3000):
        status = (Status.PENDING, Status.RESPONDED, Status.ACCEPTED)[min(k // 1000, 2)]
        when = T0 + timedelta(minutes=10 * k)
        kept = summarise([*kept, TimelineEntry(
            at=when, status=status, url=f"https://news.example/{k}", outlet=f"Outlet {k % 7}",
            lang="en", evidence=f"report {k}", confidence=0.8, seen_at=when)])
        sizes.append(len(kept))
    assert max(sizes) <= 2 + 1 + 3 + 7 + 2, max(sizes)
