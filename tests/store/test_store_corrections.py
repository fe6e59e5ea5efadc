"""Human corrections and lone-report traces through the real store (SQLite and PostgreSQL):
merge, split, set a status, hide; notes and audit; announcements through the outbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.corrections import (
    CorrectionError,
    hide_record,
    merge_records,
    set_record_status,
    split_entry,
)
from bot.domain import (
    Article,
    NotificationKind,
    Party,
    Source,
    Status,
    TrackOutcome,
)
from bot.matcher import Matcher
from bot.pipeline import process_article
from bot.store import SqlStore
from bot.store.api import InvitationFilter
from bot.store.tables import AuditRow
from bot.tracker import TrackerPolicy
from bot.tracker.status import resolve_status
from tests.support.builders import MUSK, PUTIN, T0, at, entry, state

POLICY = TrackerPolicy()
NOW = T0 + timedelta(days=3)
ZELENSKY = Party("Volodymyr Zelensky", "volodymyr-zelensky")


def _save(store: SqlStore, *entries_: tuple[datetime, Status, str], inviter: Party = MUSK,
          invitee: Party = PUTIN) -> int:
    timeline = [entry(when, status, url=url, evidence=f"{status.value} at {url}")
                for when, status, url in entries_]
    last = timeline[-1]
    new = state(status=last.status, when=last.at, timeline=timeline, inviter=inviter,
                invitee=invitee)
    outcome = TrackOutcome(invitation=new, is_new=True, entry=timeline[0], status_changed=False)
    with store.unit() as unit:
        return unit.save_outcome(outcome, Source(url=None, outlet=None, lang="en",
                                                 published=last.at))


def _outbox(store: SqlStore) -> list[tuple[NotificationKind, Status, int | None]]:
    with store.unit() as unit:
        return [(i.notification.kind, i.notification.status, i.notification.invitation_id)
                for i in unit.undelivered("console", 100)]


def _audit(store: SqlStore) -> list[str]:
    with store.unit() as unit:
        return [r.action for r in unit.session.scalars(select(AuditRow)).all()]  # type: ignore[attr-defined]


def test_merge_keeps_every_entry_and_source_and_removes_the_other(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"))
    two = _save(store, (at(1), Status.PENDING, "https://b.example/2"),
                (at(2), Status.RESPONDED, "https://b.example/3"))
    with store.unit() as unit:
        result = merge_records(unit, one, two, actor="cli:ed", note="same Clubhouse talk",
                               now=NOW)
    assert result.invitation_id == one
    with store.unit() as unit:
        kept = unit.get_invitation(one)
        assert unit.get_invitation(two) is None
        notes = unit.notes(one)
    assert kept is not None and kept.status == Status.RESPONDED
    assert len(kept.timeline) == 3 and len(kept.sources) == 3
    assert [n.action for n in notes] == ["merge"] and "#" + str(two) in notes[0].text
    # The other record had announced "responded" already: nothing new to announce.
    assert _outbox(store) == []
    assert _audit(store) == ["correction.merge"]


def test_merge_into_the_more_advanced_record_changes_nothing_announced(
        store: SqlStore) -> None:
    one = _save(store, (at(1), Status.RESPONDED, "https://a.example/1"))
    two = _save(store, (at(0), Status.PENDING, "https://b.example/2"))
    with store.unit() as unit:
        result = merge_records(unit, one, two, actor="cli:ed", note="one story", now=NOW)
        kept = unit.get_invitation(one)
    assert result.notifications == 0
    assert kept is not None and kept.status == Status.RESPONDED and len(kept.timeline) == 2
    assert _outbox(store) == []


def test_merge_of_a_misspelled_second_inviter_keeps_the_known_figure(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"))
    typo = _save(store, (at(1), Status.RESPONDED, "https://b.example/2"),
                 inviter=Party("Elon Muks"))
    with store.unit() as unit:
        merge_records(unit, one, typo, actor="cli:ed", note="Muks is Musk", now=NOW)
        kept = unit.get_invitation(one)
    assert kept is not None and kept.inviter == MUSK and kept.status == Status.RESPONDED


def test_merge_refuses_records_of_other_figures_and_itself(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"))
    other = _save(store, (at(0), Status.PENDING, "https://c.example/1"), inviter=ZELENSKY,
                  invitee=Party("Someone Else"))
    with store.unit() as unit, pytest.raises(CorrectionError, match="no figure in common"):
        merge_records(unit, one, other, actor="cli:ed", note="", now=NOW)
    with store.unit() as unit, pytest.raises(CorrectionError, match="itself"):
        merge_records(unit, one, one, actor="cli:ed", note="", now=NOW)
    with store.unit() as unit, pytest.raises(CorrectionError, match="no record #999"):
        merge_records(unit, one, 999, actor="cli:ed", note="", now=NOW)
    with store.unit() as unit:
        assert unit.get_invitation(other) is not None and unit.get_invitation(one) is not None


def test_split_moves_one_entry_into_a_new_record(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"),
                (at(1), Status.ACCEPTED, "https://a.example/2"))
    with store.unit() as unit:
        result = split_entry(unit, one, 2, actor="cli:ed", note="another visit", now=NOW)
    new = result.new_id
    assert new is not None and new != one
    with store.unit() as unit:
        left, right = unit.get_invitation(one), unit.get_invitation(new)
        left_notes, right_notes = unit.notes(one), unit.notes(new)
    assert left is not None and right is not None
    assert [e.url for e in left.timeline] == ["https://a.example/1"] and left.status == Status.PENDING
    assert [e.url for e in right.timeline] == ["https://a.example/2"]
    assert right.status == Status.ACCEPTED
    assert (right.inviter, right.invitee) == (left.inviter, left.invitee)
    assert [n.action for n in left_notes] == ["split"] and [n.action for n in right_notes] == ["split"]
    assert sorted(_outbox(store), key=str) == sorted(
        [(NotificationKind.NEW, Status.ACCEPTED, new),
         (NotificationKind.STATUS, Status.PENDING, one)], key=str)


def test_split_refuses_a_missing_or_only_entry(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"))
    with store.unit() as unit, pytest.raises(CorrectionError, match="no entry 3"):
        split_entry(unit, one, 3, actor="cli:ed", note="", now=NOW)
    with store.unit() as unit, pytest.raises(CorrectionError, match="single timeline entry"):
        split_entry(unit, one, 1, actor="cli:ed", note="", now=NOW)


def test_a_status_correction_is_editorial_announced_and_holds(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"),
                (at(1), Status.ACCEPTED, "https://a.example/2"))
    with store.unit() as unit:
        set_record_status(unit, one, Status.RESPONDED, actor="discord:42",
                          note="misread: only 'interesting'", now=NOW)
    with store.unit() as unit:
        corrected = unit.get_invitation(one)
    assert corrected is not None and corrected.status == Status.RESPONDED
    editorial = [e for e in corrected.timeline if e.editorial]
    assert len(editorial) == 1 and editorial[0].evidence == "misread: only 'interesting'"
    assert _outbox(store) == [(NotificationKind.STATUS, Status.RESPONDED, one)]
    assert _audit(store) == ["correction.set_status"]
    # The same evidence reported again by another outlet a day later does not undo it.
    later = entry(NOW + timedelta(days=1), Status.ACCEPTED, url="https://c.example/9",
                  evidence="accepted at https://a.example/2", seen_at=NOW + timedelta(days=1))
    assert resolve_status([*corrected.timeline, later]).status == Status.RESPONDED


def test_a_status_correction_needs_a_note(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"))
    with store.unit() as unit, pytest.raises(CorrectionError, match="note"):
        set_record_status(unit, one, Status.DECLINED, actor="cli:ed", note="  ", now=NOW)


def test_hide_keeps_the_record_out_of_lists(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"))
    with store.unit() as unit:
        hide_record(unit, one, actor="cli:ed", note="satire site", now=NOW)
    with store.unit() as unit:
        assert unit.list_invitations(InvitationFilter()) == []
        assert unit.count_invitations(InvitationFilter()) == 0
        assert [i.id for i in unit.list_invitations(InvitationFilter(include_hidden=True))] == [one]
        hidden = unit.get_invitation(one)
        assert hidden is not None and hidden.hidden
        assert [n.action for n in unit.notes(one)] == ["hide"]
    with store.unit() as unit:
        again = hide_record(unit, one, actor="cli:ed", note="x", now=NOW)
        assert "already hidden" in again.message
        hide_record(unit, one, actor="cli:ed", note="was real after all", now=NOW, hidden=False)
    with store.unit() as unit:
        assert [i.id for i in unit.list_invitations(InvitationFilter())] == [one]


def test_invitations_of_finds_both_sides(store: SqlStore) -> None:
    one = _save(store, (at(0), Status.PENDING, "https://a.example/1"))
    two = _save(store, (at(0), Status.PENDING, "https://c.example/1"), inviter=ZELENSKY)
    _save(store, (at(0), Status.PENDING, "https://d.example/1"), inviter=ZELENSKY, invitee=MUSK)
    with store.unit() as unit:
        found = unit.invitations_of(PUTIN.key, T0 - timedelta(days=1))
        assert sorted(i.id for i in found) == sorted([one, two])
        assert unit.invitations_of(PUTIN.key, T0 + timedelta(days=1)) == []


# -- lone reports through the pipeline ---------------------------------------------------------


@pytest.fixture(scope="module")
def matcher(real_matcher: Matcher) -> Matcher:
    return real_matcher  # loaded once per session (tests/conftest.py)


def _article(key: str, text: str, day: int) -> Article:
    return Article(key=key, text=text, url=f"https://news.example/{key}",
                   published=datetime(2025, 5, day, 12, tzinfo=UTC), lang="en",
                   outlet=f"Outlet {key}")


def _process(store: SqlStore, matcher: Matcher, article: Article) -> None:
    assert article.published is not None
    with store.unit() as unit:
        process_article(unit, matcher, article, now=article.published, policy=POLICY)


def test_a_lone_decline_moves_the_one_open_invitation(store: SqlStore, matcher: Matcher) -> None:
    _process(store, matcher, _article(
        "a1", "Volodymyr Zelensky invited Vladimir Putin to talks in Istanbul.", 11))
    _process(store, matcher, _article(
        "a2", "Vladimir Putin will not attend the talks in Istanbul, the Kremlin said.", 14))
    with store.unit() as unit:
        (record,) = unit.list_invitations(InvitationFilter())
    assert record.status == Status.DECLINED and len(record.sources) == 2
    assert [(k, s) for k, s, _ in _outbox(store)] == [
        (NotificationKind.NEW, Status.PENDING), (NotificationKind.STATUS, Status.DECLINED)]


def test_a_lone_report_fitting_two_records_links_none_and_leaves_a_trace(
        store: SqlStore, matcher: Matcher) -> None:
    _process(store, matcher, _article(
        "b1", "Volodymyr Zelensky invited Vladimir Putin to talks in Istanbul.", 11))
    _process(store, matcher, _article(
        "b2", "Donald Trump invited Vladimir Putin to talks in Istanbul.", 12))
    _process(store, matcher, _article(
        "b3", "Vladimir Putin will not attend the talks in Istanbul, the Kremlin said.", 14))
    with store.unit() as unit:
        records = unit.list_invitations(InvitationFilter())
        assert len(records) == 2 and {r.status for r in records} == {Status.PENDING}
        for record in records:
            assert record.id is not None
            assert unit.notes(record.id) == []  # traces are for the debug view only
            (trace,) = unit.notes(record.id, traces=True)
            assert trace.action == "ambiguous_link" and "linked to none" in trace.text
            assert trace.detail["url"] == "https://news.example/b3"



def test_a_vague_report_fitting_two_records_of_its_pair_links_none_and_leaves_a_trace(
        store: SqlStore, matcher: Matcher) -> None:
    _process(store, matcher, _article(
        "v1", "Donald Trump invited Vladimir Putin to a summit in Brussels.", 11))
    _process(store, matcher, _article(
        "v2", "Donald Trump invited Vladimir Putin to a summit in Geneva.", 12))
    _process(store, matcher, _article(
        "v3", "The Kremlin said Vladimir Putin accepted Donald Trump's invitation to a summit.",
        14))
    with store.unit() as unit:
        records = unit.list_invitations(InvitationFilter())
        assert sorted(r.occasion.place or "" for r in records) == ["Brussels", "Geneva"]
        assert {r.status for r in records} == {Status.PENDING}  # neither guessed
        for record in records:
            assert record.id is not None and len(record.sources) == 1
            (trace,) = unit.notes(record.id, traces=True)
            assert trace.action == "ambiguous_link" and "linked to none" in trace.text
            assert trace.detail["url"] == "https://news.example/v3"
            assert sorted(trace.detail["candidates"]) == sorted(r.id for r in records)
    assert [k for k, _s, _i in _outbox(store)] == [NotificationKind.NEW, NotificationKind.NEW]


def test_an_observation_fitting_two_records_of_its_pair_moves_neither_and_leaves_a_trace(
        store: SqlStore, matcher: Matcher) -> None:
    _process(store, matcher, _article(
        "o1", "Donald Trump invited Vladimir Putin to a summit in Brussels.", 11))
    _process(store, matcher, _article(
        "o2", "Donald Trump invited Vladimir Putin to a summit in Geneva.", 12))
    _process(store, matcher, _article("o3", "Donald Trump and Vladimir Putin met on Tuesday.", 20))
    with store.unit() as unit:
        records = unit.list_invitations(InvitationFilter())
        assert {r.status for r in records} == {Status.PENDING} and len(records) == 2
        for record in records:
            assert record.id is not None
            (trace,) = unit.notes(record.id, traces=True)
            assert trace.text.startswith("an observation of Donald Trump and Vladimir Putin")
            assert trace.detail["url"] == "https://news.example/o3"

def test_a_hidden_record_absorbs_its_echoes_silently(store: SqlStore, matcher: Matcher) -> None:
    _process(store, matcher, _article(
        "c1", "Volodymyr Zelensky invited Vladimir Putin to talks in Istanbul.", 11))
    with store.unit() as unit:
        (record,) = unit.list_invitations(InvitationFilter())
        assert record.id is not None
        hide_record(unit, record.id, actor="cli:ed", note="a hoax", now=NOW)
        for item in unit.undelivered("console", 100):
            unit.plan_deliveries(item.id, "console", [], NOW)
    _process(store, matcher, _article(
        "c2", "Vladimir Putin will not attend the talks in Istanbul, the Kremlin said.", 14))
    with store.unit() as unit:
        assert unit.list_invitations(InvitationFilter()) == []
        (hidden,) = unit.list_invitations(InvitationFilter(include_hidden=True))
    assert hidden.status == Status.DECLINED and len(hidden.timeline) == 2
    assert _outbox(store) == []


def test_a_bridging_report_merges_two_stored_records(store: SqlStore, matcher: Matcher) -> None:
    for key, text, day in [
        ("d1", "Donald Trump invited Vladimir Putin to a meeting in Brussels.", 1),
        ("d2", "Donald Trump invited Vladimir Putin to a summit in Geneva.", 2),
    ]:
        _process(store, matcher, replace(_article(key, text, day),
                                         published=datetime(2025, 3, day, 12, tzinfo=UTC)))
    with store.unit() as unit:
        assert len(unit.list_invitations(InvitationFilter())) == 2
    bridge = _article("d3", "Vladimir Putin has accepted Donald Trump's invitation to talks in "
                      "Geneva rather than Brussels.", 5)
    _process(store, matcher, replace(bridge, published=datetime(2025, 3, 5, 12, tzinfo=UTC)))
    with store.unit() as unit:
        (record,) = unit.list_invitations(InvitationFilter())
    assert record.status == Status.ACCEPTED and record.occasion.place == "Geneva"
    assert sorted(record.sources) == [f"https://news.example/d{n}" for n in (1, 2, 3)]
    kinds = [(k, s) for k, s, _ in _outbox(store)]
    assert kinds == [(NotificationKind.NEW, Status.PENDING), (NotificationKind.NEW, Status.PENDING),
                     (NotificationKind.STATUS, Status.ACCEPTED)]
    assert {i for _, _, i in _outbox(store)} == {record.id}  # the merged record's moved too
