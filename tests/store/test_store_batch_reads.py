"""A batch's candidate lookups read at once (`Unit.prefetch_candidates`): the same records,
timelines and outbox as one query per report, in fewer statements (pinned on SQLite and
PostgreSQL alike)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from bot.domain import Mention, Occasion, OccasionKind, Party, Report, Source, Status
from bot.store import InvitationFilter, SqlStore, open_store
from bot.store.api import Store, Unit
from bot.tracker import TrackerPolicy, candidate_pairs, track
from tests.store.test_store_hot import _count
from tests.support.builders import T0

POLICY = TrackerPolicy()
FIGURES = [Party(f"Figure {n}", f"figure-{n}") for n in range(6)]
LIFE = (Status.PENDING, Status.PENDING, Status.RESPONDED, Status.ACCEPTED, Status.TOOK_PLACE)


def _report(k: int, *, url: str | None = "", status: Status | None = None) -> Report:
    """Report k of one of three invitations (pairs of FIGURES), moving along LIFE; `url`
    "" is the report's own URL, anything else is used as given (None: no URL)."""
    story = k % 3
    when = T0 + timedelta(hours=6 * k)
    inviter, invitee = FIGURES[2 * story], FIGURES[2 * story + 1]
    said = f"{inviter.name} invited {invitee.name} to Geneva; report {k}."
    mention = Mention(inviter=inviter, invitee=invitee,
                      occasion=Occasion(OccasionKind.VISIT, f"Geneva {story}"),
                      status=status or LIFE[min(k // 6, len(LIFE) - 1)], confidence=0.8,
                      evidence=said, lang="en")
    return Report(mention=mention, source=Source(
        url=f"https://batch.example/{k}" if url == "" else url, outlet=f"Outlet {k % 4}",
        lang="en", published=when))


def _track(unit: Unit, report: Report) -> None:
    now = report.source.published
    candidates = unit.candidate_invitations(
        candidate_pairs(report.mention), now - POLICY.window, urls=[report.source.url],
        evidence=[report.mention.evidence])
    for outcome in track(report, candidates, now, POLICY):
        unit.save_outcome(outcome, report.source)


def _store_batch(unit: Unit, reports: Sequence[Report], *, prefetch: bool) -> None:
    if prefetch:
        unit.prefetch_candidates(
            [pair for r in reports for pair in candidate_pairs(r.mention)],
            min(r.source.published for r in reports) - POLICY.window,
            [r.source.url for r in reports])
    for report in reports:
        _track(unit, report)


def _replay(store: Store, reports: Sequence[Report], *, prefetch: bool, batch: int = 8) -> None:
    for n in range(0, len(reports), batch):
        with store.unit() as unit:
            _store_batch(unit, reports[n:n + batch], prefetch=prefetch)


def test_prefetched_batches_decide_as_one_query_per_report(store: SqlStore,
                                                           tmp_path: Path) -> None:
    """New records made and reported again within a batch, a URL repeated in its batch and
    a later one (with another status), a report without a URL (not covered: queried)."""
    reports = [_report(k) for k in range(40)]
    reports[13:13] = [_report(9, status=Status.ACCEPTED), _report(12, url=None)]
    reports[30:30] = [_report(4), _report(28, url="https://batch.example/3")]
    _replay(store, reports, prefetch=True)
    reference = open_store(f"sqlite:///{tmp_path / 'reference.db'}")
    try:
        _replay(reference, reports, prefetch=False)
        with store.unit() as unit, reference.unit() as other:
            mine = unit.list_invitations(InvitationFilter())
            theirs = other.list_invitations(InvitationFilter())
        assert len(mine) == 3
        assert [(i.status, i.timeline) for i in mine] == [(i.status, i.timeline) for i in theirs]
        _compare_outboxes(store, reference)
    finally:
        reference.close()


def _compare_outboxes(store: Store, reference: Store) -> None:
    with store.unit() as unit, reference.unit() as other:
        mine = [i.notification for i in unit.undelivered("console", 500)]
        theirs = [i.notification for i in other.undelivered("console", 500)]
    assert mine and [(n.kind, n.status, n.sources) for n in mine] == [
        (n.kind, n.status, n.sources) for n in theirs]


def test_a_batch_reads_its_candidates_in_two_statements(store: SqlStore) -> None:
    """Six reports on three records already stored, three of them moving a status (an
    announcement each): the records and their repeats are read once for the batch, not
    once per report. The statements are pinned, the same on SQLite and PostgreSQL."""
    _replay(store, [_report(k) for k in range(12)], prefetch=True)
    batch = [_report(k) for k in range(12, 24)]
    per_report = _count(store, lambda unit: _store_batch(unit, batch[:6], prefetch=False))
    prefetched = _count(store, lambda unit: _store_batch(unit, batch[6:], prefetch=True))
    # The transaction's start: SQLite's BEGIN IMMEDIATE, PostgreSQL's ingest lock.
    start = ["BEGIN"] if store.dialect == "sqlite" else ["SELECT"]
    # A status moving: the record, the status change, the entries held so far (before the
    # read below), the whole timeline's sources read for the announcement, the
    # announcement; a repeat of the status: the record (its entry waits).
    moved, repeated = ["UPDATE", "INSERT", "INSERT", "SELECT", "INSERT"], ["UPDATE"]
    lookup = ["SELECT", "SELECT"]  # the candidate records, their repeated entries
    # The entries held back are written in one INSERT at the commit.
    assert prefetched.statements == start + lookup + 3 * moved + 3 * repeated + ["INSERT"]
    # One lookup per report, and the held entries written before each read of the table.
    assert sorted(per_report.statements) == sorted(
        start + 3 * (lookup + moved) + 3 * (lookup + repeated + ["INSERT"]))
    assert (len(per_report.statements), len(prefetched.statements)) == (34, 22)
