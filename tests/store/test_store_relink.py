"""A report linked to none joins the record its rivals merge into, through the real
pipeline and store on both backends (`pipeline.relinked`): its entry comes back from the
trace note with its article, the debug view says why, nothing is announced twice.

The story (self-written, `bridge_story.json`) is kept out of `tests/data/stories`: in date
order both venues open a record before the bridge merges them, so two openings are
announced where the corpus's ideal counts one. A bridge arriving before the second record
opens is read when that record would open (`tracker.bridge.bridged_home`), so every arrival
order ends with one record (checked below)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import cast

import pytest

from bot.domain import NotificationKind, Status
from bot.evaluation.stories_eval import AnnotationMatcher
from bot.evaluation.story_files import load_story
from bot.matcher import Matcher
from bot.store import SqlStore
from bot.store.api import NOTE_TRACE, InvitationFilter
from bot.store.explain_queries import find_article
from tests.support.story_replay import replay_in_order

STORY = load_story(Path(__file__).resolve().parent / "bridge_story.json")
MATCHER = cast(Matcher, AnnotationMatcher([STORY]))
ARTICLES = {a["id"]: dict(a) for a in STORY.articles}


@pytest.mark.parametrize("order", [["begb-1", "begb-2", "begb-3", "begb-4"],
                                   ["begb-2", "begb-3", "begb-1", "begb-4"]])
def test_the_acceptance_joins_the_merged_record_with_its_article(
        store: SqlStore, order: list[str]) -> None:
    replay_in_order(store, MATCHER, ARTICLES, order)
    accepted = find_article(store, ARTICLES["begb-3"]["url"])
    assert accepted is not None
    with store.unit() as unit:
        records = unit.list_invitations(InvitationFilter(limit=10))
        assert [(r.occasion.place, r.status) for r in records] == [("Geneva", Status.ACCEPTED)]
        whole = unit.get_invitation(records[0].id or 0)
        assert whole is not None
        assert [e.article_id for e in whole.timeline
                if e.url == ARTICLES["begb-3"]["url"]] == [accepted.id]
        actions = [n.action for n in unit.notes(whole.id or 0, traces=True)
                   if n.kind == NOTE_TRACE]
        assert actions.count("relinked") == 1
        sent = [item.notification for item in unit.undelivered("test", 100)]
    mine = [(n.kind, n.status) for n in sent if n.invitation_id == whole.id]
    assert mine[-1] == (NotificationKind.STATUS, Status.ACCEPTED), mine
    if order == sorted(order):
        # The two records' openings (both announced before the merge), one acceptance.
        assert mine == [(NotificationKind.NEW, Status.PENDING)] * 2 + [
            (NotificationKind.STATUS, Status.ACCEPTED)], mine
    else:
        # Geneva's early acceptance was announced, corrected when Brussels (placed before
        # it) arrived, and announced again when the bridge made the two one invitation.
        statuses = [status for kind, status in mine if kind == NotificationKind.STATUS]
        assert statuses == [Status.ACCEPTED, Status.PENDING, Status.ACCEPTED], mine


ORDERS = list(itertools.permutations(sorted(ARTICLES)))


@pytest.mark.parametrize("order", ORDERS, ids=["/".join(o) for o in ORDERS])
def test_every_arrival_order_ends_with_one_accepted_record_in_geneva(
        store: SqlStore, order: tuple[str, ...]) -> None:
    replay_in_order(store, MATCHER, ARTICLES, order)
    with store.unit() as unit:
        records = unit.list_invitations(InvitationFilter(limit=10))
        assert [(r.occasion.place, r.status) for r in records] == [("Geneva", Status.ACCEPTED)]
        whole = unit.get_invitation(records[0].id or 0)
        sent = [(i.notification.invitation_id, i.notification.kind, i.notification.status)
                for i in unit.undelivered("test", 100)]
    assert whole is not None
    assert sorted({e.url for e in whole.timeline}) == sorted(a["url"] for a in ARTICLES.values())
    # One opening announced per record ever opened (two when both venues opened before the
    # bridge), and every status change a real one: never the same status twice in a row.
    mine = [(kind, status) for ident, kind, status in sent if ident == whole.id]
    assert mine[-1][1] == Status.ACCEPTED
    assert 1 <= [kind for kind, _ in mine].count(NotificationKind.NEW) <= 2, mine
    changes = [status for kind, status in mine if kind == NotificationKind.STATUS]
    assert all(a != b for a, b in itertools.pairwise(changes)), mine
