"""Hot stories: a report costs the same whatever the length of its invitation's timeline.

The statements a report runs and the timeline rows it reads are counted (SQLAlchemy event
listeners), at timeline lengths 10 and 1,000: they must not grow. The bounded path must
also decide exactly as the whole-timeline path does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bot.domain import (
    SIDE_INVITEE,
    LoneObservation,
    Mention,
    Occasion,
    OccasionKind,
    Party,
    Report,
    Source,
    Status,
)
from bot.store import InvitationFilter, SqlStore, open_store
from bot.store.api import Store, Unit
from bot.store.tables import TimelineEntryRow
from bot.tracker import TrackerPolicy, candidate_pairs, link_lone, track
from tests.support.builders import T0

POLICY = TrackerPolicy()
HOST, GUEST = Party("Host Figure", "host-figure"), Party("Guest Figure", "guest-figure")
GENEVA = Occasion(OccasionKind.VISIT, "Geneva")
LIFE = (Status.PENDING, Status.RESPONDED, Status.ACCEPTED)


def _report(k: int, status: Status | None = None) -> Report:
    when = T0 + timedelta(minutes=10 * k)
    url = f"https://hot.example/{k}"
    mention = Mention(inviter=HOST, invitee=GUEST, occasion=GENEVA,
                      status=status or LIFE[min(k // 300, 2)], confidence=0.8,
                      evidence=f"Host invited Guest to Geneva; report {k}.", lang="en")
    return Report(mention=mention, source=Source(url=url, outlet=f"Outlet {k % 7}", lang="en",
                                                 published=when))


def _process(unit: Unit, report: Report, *, bounded: bool = True) -> None:
    now = report.source.published
    since = now - POLICY.window
    pairs = candidate_pairs(report.mention)
    if bounded:
        candidates = unit.candidate_invitations(pairs, since, urls=[report.source.url],
                                                evidence=[report.mention.evidence])
    else:
        candidates = unit.candidate_invitations(pairs, since)
    for outcome in track(report, candidates, now, POLICY):
        unit.save_outcome(outcome, report.source)


def _grow(store: Store, reports: Sequence[int], *, bounded: bool = True, batch: int = 50) -> None:
    items = list(reports)
    for n in range(0, len(items), batch):
        with store.unit() as unit:
            for k in items[n:n + batch]:
                _process(unit, _report(k), bounded=bounded)


@dataclass
class _Counts:
    statements: list[str] = field(default_factory=list)
    timeline_rows: int = 0


def _count_one_report(store: SqlStore, report: Report) -> _Counts:
    return _count(store, lambda unit: _process(unit, report))


def test_a_report_costs_the_same_at_timeline_length_10_and_1000(store: SqlStore) -> None:
    _grow(store, range(10))
    short = _count_one_report(store, _report(10))
    _grow(store, range(11, 1000))
    long = _count_one_report(store, _report(1000))
    with store.unit() as unit:
        [hot] = unit.list_invitations(InvitationFilter())
    assert len(hot.timeline) == 1001  # one invitation, every report kept
    assert long.statements == short.statements
    # The repeats of the report's URL and the record's opening entry, not the timeline.
    assert long.timeline_rows == short.timeline_rows <= 2, (short, long)
    # A repeated report (same URL and status) adds nothing but its existence check.
    repeat = _count_one_report(store, _report(1000))
    assert [s for s in repeat.statements if s in ("INSERT", "UPDATE")] == []
    assert repeat.timeline_rows == long.timeline_rows + 1  # the entry it repeats


def test_the_bounded_path_decides_as_the_whole_timeline_does(store: SqlStore,
                                                              tmp_path: Path) -> None:
    """The same hot story through both paths (with repeats, a late reversal and reports
    dated out of order): the same record, timeline and outbox."""
    order = [*range(500), 450, 30, 499, *range(900, 800, -1)]
    _grow(store, order)
    whole_store = open_store(f"sqlite:///{tmp_path / 'whole.db'}")
    try:
        _grow(whole_store, order, bounded=False)
        _compare(store, whole_store)
    finally:
        whole_store.close()


def _compare(store: SqlStore, whole_store: Store) -> None:
    with store.unit() as unit, whole_store.unit() as whole_unit:
        [bounded] = unit.list_invitations(InvitationFilter())
        [whole] = whole_unit.list_invitations(InvitationFilter())
        notes = [i.notification for i in unit.undelivered("console", 100)]
        whole_notes = [i.notification for i in whole_unit.undelivered("console", 100)]
    assert (bounded.status, bounded.status_at, bounded.confidence) == (
        whole.status, whole.status_at, whole.confidence)
    assert bounded.timeline == whole.timeline
    assert [(n.kind, n.status, n.sources, n.languages) for n in notes] == [
        (n.kind, n.status, n.sources, n.languages) for n in whole_notes]


# -- lone reports (issue 15): a figure's records are read bounded too -----------------
def _lone(k: int, status: Status) -> tuple[LoneObservation, Source]:
    when = T0 + timedelta(minutes=10 * k + 5)
    lone = LoneObservation(party=GUEST, side=SIDE_INVITEE, occasion=GENEVA, status=status,
                           confidence=0.8, evidence=f"Guest will be in Geneva; lone {k}.",
                           lang="en")
    return lone, Source(url=f"https://lone.example/{k}", outlet="Lone Wire", lang="en",
                        published=when)


def _link(unit: Unit, k: int, status: Status = Status.ACCEPTED, *, bounded: bool = True
          ) -> int:
    """What the pipeline does with a report naming only the guest: the outcomes saved."""
    lone, source = _lone(k, status)
    since = source.published - POLICY.window
    if bounded:
        candidates = unit.invitations_of(GUEST.key, since, urls=[source.url],
                                         evidence=[lone.evidence])
    else:
        candidates = unit.invitations_of(GUEST.key, since)
    link = link_lone(lone, source, candidates, source.published, POLICY)
    for outcome in link.outcomes:
        unit.save_outcome(outcome, source)
    return len(link.outcomes)


def _count(store: SqlStore, work: Callable[[Unit], object]) -> _Counts:
    counts = _Counts()

    def statement(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        counts.statements.append(sql.split()[0])

    def loaded(_target: Any, _context: Any) -> None:
        counts.timeline_rows += 1

    event.listen(store.engine, "before_cursor_execute", statement)
    event.listen(TimelineEntryRow, "load", loaded)
    try:
        with store.unit() as unit:
            work(unit)
    finally:
        event.remove(store.engine, "before_cursor_execute", statement)
        event.remove(TimelineEntryRow, "load", loaded)
    return counts


def test_a_lone_report_costs_the_same_at_timeline_length_10_and_300(store: SqlStore) -> None:
    _grow(store, range(10))
    with store.unit() as unit:
        assert _link(unit, 10) == 1  # accepted: the status moves (compared below: no move)
    short = _count(store, lambda unit: _link(unit, 11))
    _grow(store, range(12, 300))
    long = _count(store, lambda unit: _link(unit, 300))
    with store.unit() as unit:
        [hot] = unit.list_invitations(InvitationFilter())
    assert len(hot.timeline) == 301  # every lone report was linked to the story
    assert long.statements == short.statements
    assert long.timeline_rows == short.timeline_rows <= 2, (short, long)


def test_lone_reports_link_alike_bounded_or_whole(store: SqlStore, tmp_path: Path) -> None:
    """A hot story with lone reports among its reports (a repeat, a decline, a
    meeting that took place): the same record, timeline and outbox either way."""
    steps: list[tuple[str, int, Status]] = [("report", k, Status.PENDING) for k in range(200)]
    steps[50:50] = [("lone", 50, Status.ACCEPTED), ("lone", 50, Status.ACCEPTED)]
    steps[120:120] = [("lone", 120, Status.DECLINED)]
    steps.append(("lone", 199, Status.TOOK_PLACE))
    whole_store = open_store(f"sqlite:///{tmp_path / 'whole.db'}")
    try:
        linked = [_replay(s, steps, bounded=s is store) for s in (store, whole_store)]
        assert linked[0] == linked[1] and sum(linked[0]) >= 3
        _compare(store, whole_store)
    finally:
        whole_store.close()


def _replay(store: Store, steps: Sequence[tuple[str, int, Status]], *, bounded: bool
            ) -> list[int]:
    linked = []
    for n in range(0, len(steps), 40):
        with store.unit() as unit:
            for kind, k, status in steps[n:n + 40]:
                if kind == "lone":
                    linked.append(_link(unit, k, status, bounded=bounded))
                else:
                    _process(unit, _report(k), bounded=bounded)
    return linked
