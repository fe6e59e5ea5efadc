"""A report that waits because the record it answers was settled, through the real pipeline,
store and corrections on both backends: when an editor corrects the record, the waiting
report is tried again (`pipeline.retry_waiting`) and joins it, once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.corrections import set_record_status, split_entry
from bot.domain import (
    SIDE_INVITEE,
    LoneObservation,
    MatchResult,
    Mention,
    Occasion,
    OccasionKind,
    Party,
    Status,
)
from bot.pipeline import retry_waiting
from bot.store import SqlStore
from bot.store.api import InvitationFilter, Store, Unit
from bot.tracker import TrackerPolicy
from tests.support.scripted_reports import ScriptedMatcher, report

ZELENSKY = Party("Volodymyr Zelensky", figure_id="volodymyr-zelensky")
PUTIN = Party("Vladimir Putin", figure_id="vladimir-putin")
ISTANBUL = Occasion(OccasionKind.MEETING, "Istanbul")
POLICY = TrackerPolicy()


def _article(matcher: ScriptedMatcher, store: Store, day: int, result: MatchResult) -> None:
    report(matcher, store, "istanbul", datetime(2025, 5, day, 12, tzinfo=UTC), result, POLICY)


def _mention(status: Status, evidence: str) -> MatchResult:
    return MatchResult(lang="en", mentions=(Mention(
        inviter=ZELENSKY, invitee=PUTIN, occasion=ISTANBUL, status=status, confidence=0.8,
        evidence=evidence, lang="en"),))


def retry_now(unit: Unit, figures: list[str] | tuple[str, ...], now: datetime) -> int:
    return retry_waiting(unit, figures, now=now, policy=POLICY)


def misread_then_a_refusal(store: Store) -> int:
    """The invitation, then a report misread as the meeting held (settled: nothing moves
    it any more), then Putin's refusal, which finds no record open to it and waits."""
    matcher = ScriptedMatcher()
    _article(matcher, store, 12, _mention(Status.PENDING, "Zelensky invited Putin to Istanbul."))
    _article(matcher, store, 14, _mention(Status.TOOK_PLACE, "The Istanbul meeting was held."))
    refusal = LoneObservation(party=PUTIN, side=SIDE_INVITEE, occasion=ISTANBUL,
                              status=Status.DECLINED, confidence=0.7,
                              evidence="Putin will not go to the talks in Istanbul.", lang="en")
    _article(matcher, store, 15, MatchResult(lang="en", lone_observations=(refusal,)))
    with store.unit() as unit:
        [record] = unit.list_invitations(InvitationFilter(limit=10))
        assert record.status == Status.TOOK_PLACE and unit.count_waiting() == 1
        assert record.id is not None
        return record.id


def test_a_report_waiting_on_a_settled_record_joins_it_once_an_editor_reopens_it(
        store: SqlStore) -> None:
    record = misread_then_a_refusal(store)
    now = datetime(2025, 5, 16, 9, tzinfo=UTC)
    with store.unit() as unit:
        result = set_record_status(unit, record, Status.PENDING, actor="cli:editor",
                                   note="misread: they did not meet", now=now, retry=retry_now)
    assert result.joined == 1 and "1 waiting report(s) joined" in result.message
    with store.unit() as unit:
        state = unit.get_invitation(record)
        assert state is not None and unit.count_waiting() == 0
        assert [e.status for e in state.timeline if not e.editorial].count(Status.DECLINED) == 1
        # Tried again later, nothing is added twice.
        assert retry_now(unit, [ZELENSKY.key, PUTIN.key], now + timedelta(hours=1)) == 0


def test_without_a_retry_the_report_keeps_waiting(store: SqlStore) -> None:
    record = misread_then_a_refusal(store)
    now = datetime(2025, 5, 16, 9, tzinfo=UTC)
    with store.unit() as unit:
        result = set_record_status(unit, record, Status.PENDING, actor="cli:editor",
                                   note="misread", now=now)
        assert result.joined == 0 and unit.count_waiting() == 1


def test_a_split_tries_the_waiting_reports_too(store: SqlStore) -> None:
    record = misread_then_a_refusal(store)
    now = datetime(2025, 5, 16, 9, tzinfo=UTC)
    with store.unit() as unit:
        # The misread report split off: the invitation is open again.
        result = split_entry(unit, record, 2, actor="cli:editor", note="another meeting",
                             now=now, retry=retry_now)
    assert result.joined == 1
    with store.unit() as unit:
        state = unit.get_invitation(record)
        assert state is not None and state.status == Status.DECLINED
        assert unit.count_waiting() == 0


@pytest.mark.parametrize("later", [False, True], ids=["with-the-correction", "hours-later"])
def test_an_editors_status_holds_after_a_waiting_refusal_dated_later_joins(
        store: SqlStore, later: bool) -> None:
    """The refusal arrived (and waited) before the editor's correction, but it is dated by
    the talks' own day, after the correction: it was in front of the editor, not news
    after it, so it joins the record without overruling the editor's status, whether it is
    tried again with the correction or hours later (another article of the pair)."""
    matcher = ScriptedMatcher()
    _article(matcher, store, 12, _mention(Status.PENDING, "Zelensky invited Putin to Istanbul."))
    _article(matcher, store, 14, _mention(Status.TOOK_PLACE, "The Istanbul meeting was held."))
    refusal = LoneObservation(party=PUTIN, side=SIDE_INVITEE, occasion=ISTANBUL,
                              status=Status.DECLINED, confidence=0.7,
                              evidence="Putin will not go to the talks in Istanbul on May 20.",
                              lang="en", status_date=date(2025, 5, 20))
    _article(matcher, store, 15, MatchResult(lang="en", lone_observations=(refusal,)))
    with store.unit() as unit:
        [record] = unit.list_invitations(InvitationFilter(limit=10))
        assert record.id is not None and unit.count_waiting() == 1
    now = datetime(2025, 5, 16, 9, tzinfo=UTC)
    with store.unit() as unit:
        set_record_status(unit, record.id, Status.ACCEPTED, actor="cli:editor",
                          note="the meeting is still to come", now=now,
                          retry=None if later else retry_now)
        if later:
            assert retry_now(unit, [ZELENSKY.key, PUTIN.key], now + timedelta(hours=2)) == 1
    with store.unit() as unit:
        state = unit.get_invitation(record.id)
        assert state is not None and unit.count_waiting() == 0
        assert Status.DECLINED in [e.status for e in state.timeline]
        assert state.status == Status.ACCEPTED
