"""A record opened by a report of the day's meeting that came before the visit was reported
held (`tracker.bridge.held_that_day`), through the real pipeline and store on both
backends: the visit's report merges it in, every entry kept, nothing announced twice."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain import (
    MatchResult,
    Mention,
    Observation,
    Occasion,
    OccasionKind,
    Party,
    Status,
)
from bot.store import SqlStore
from bot.store.api import InvitationFilter
from tests.support.scripted_reports import ScriptedMatcher, report

PUTIN = Party("Vladimir Putin", figure_id="vladimir-putin")
LUKASHENKO = Party("Alexander Lukashenko", figure_id="alexander-lukashenko")
COSMODROME = Occasion(OccasionKind.VISIT, "Vostochny Cosmodrome")


def _article(matcher: ScriptedMatcher, store: SqlStore, day: int, result: MatchResult) -> None:
    report(matcher, store, "putin-lukashenko", datetime(2022, 4, day, 12, tzinfo=UTC), result)


def _mention(status: Status, occasion: Occasion, evidence: str) -> MatchResult:
    return MatchResult(lang="en", mentions=(Mention(
        inviter=PUTIN, invitee=LUKASHENKO, occasion=occasion, status=status, confidence=0.8,
        evidence=evidence, lang="en"),))


def test_the_visit_reported_held_merges_the_record_the_days_talk_opened(
        store: SqlStore) -> None:
    matcher = ScriptedMatcher()
    _article(matcher, store, 5, _mention(Status.PENDING, COSMODROME,
                                         "Putin invited Lukashenko to the cosmodrome."))
    _article(matcher, store, 12, _mention(
        Status.TOOK_PLACE, Occasion(OccasionKind.CONVERSATION),
        "Lukashenko, here at Putin's invitation, talked with the staff."))
    with store.unit() as unit:
        assert len(unit.list_invitations(InvitationFilter(limit=10))) == 2
    # Told without an invitation word: an observation of the visit held.
    _article(matcher, store, 12, MatchResult(lang="en", observations=(Observation(
        first=LUKASHENKO, second=PUTIN, occasion=COSMODROME, status=Status.TOOK_PLACE,
        confidence=0.8, evidence="Lukashenko visited the cosmodrome with Putin.",
        lang="en"),)))
    with store.unit() as unit:
        [record] = unit.list_invitations(InvitationFilter(limit=10))
        whole = unit.get_invitation(record.id or 0)
        assert whole is not None and whole.status == Status.TOOK_PLACE
        assert whole.occasion.place == "Vostochny Cosmodrome"
        assert len(whole.timeline) == 3
        sent = [item.notification for item in unit.undelivered("test", 100)]
    # The invitation, then the day's talk (a record since merged): "took place" once.
    assert [(n.kind.value, n.status) for n in sent] == [
        ("new", Status.PENDING), ("new", Status.TOOK_PLACE)]
