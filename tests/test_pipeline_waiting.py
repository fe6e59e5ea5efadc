"""A one-party report that arrives before the invitation it answers, through the poll path
(local feed server, the real fetcher, parser, matcher, tracker and store, on SQLite and
PostgreSQL): it waits, joins the record when the invitation arrives, is announced once
(never when it came on a feed's first poll), and nothing is duplicated when it is
delivered again."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import NotificationKind, Status
from bot.feeds.fetch import make_session
from bot.matcher import Matcher
from bot.pipeline import Poller, PollPolicy
from bot.store.api import NOTE_TRACE, InvitationFilter, Store
from bot.tracker import TrackerPolicy
from tests.support.http_server import LocalHTTPServer
from tests.test_pipeline import LIMITS, Clock, rss

NOW = datetime(2024, 3, 5, 15, tzinfo=UTC)
REFUSAL = ("Modi will not attend the summit in Berlin",
           "Narendra Modi will not attend the summit in Berlin next month, his office said on "
           "Monday, citing the election campaign at home.",
           "https://delhi.example/modi-skips-berlin", NOW - timedelta(days=1))
INVITATION = ("Scholz invites Modi to Berlin summit",
              "German Chancellor Olaf Scholz has invited Indian Prime Minister Narendra Modi "
              "to the summit in Berlin in April.",
              "https://wire.example/scholz-invites-modi", NOW)


@pytest.fixture
async def server() -> AsyncIterator[LocalHTTPServer]:
    async with LocalHTTPServer() as srv:
        yield srv


def _poller(store: Store, matcher: Matcher, clock: Clock) -> Poller:
    return Poller(store, lambda: matcher, limits=LIMITS,
                  poll=PollPolicy(interval=timedelta(minutes=15), jitter=timedelta(0),
                                  backfill=timedelta(hours=48)),
                  tracker=TrackerPolicy(), clock=clock, rng=random.Random(1))


def _said(store: Store) -> list[tuple[NotificationKind, Status]]:
    with store.unit() as unit:
        return [(i.notification.kind, i.notification.status)
                for i in unit.undelivered("test", 100)]


async def _poll_in_turn(server: LocalHTTPServer, store: Store, matcher: Matcher, *,
                        refusal_on_first_poll: bool) -> Clock:
    """The refusal's feed, then (a cycle later) the invitation's; the invitation's feed has
    had its first poll already, the refusal's has when `refusal_on_first_poll` is False."""
    india = server.add_feed("/in.xml", rss([]))
    wire = server.add_feed("/wire.xml", rss([]))
    clock = Clock(NOW - timedelta(days=2))
    with store.unit() as unit:
        unit.add_feed(wire, now=clock.now)
        if not refusal_on_first_poll:
            unit.add_feed(india, now=clock.now)
    poller = _poller(store, matcher, clock)
    async with make_session(LIMITS) as session:
        await poller.poll_due(session)  # first polls of empty feeds
        server.add_feed("/in.xml", rss([REFUSAL]))
        if refusal_on_first_poll:
            with store.unit() as unit:
                unit.add_feed(india, now=clock.now)
        clock.now = NOW - timedelta(hours=20)
        await poller.poll_due(session)
        with store.unit() as unit:
            assert unit.count_waiting() == 1
            assert unit.list_invitations(InvitationFilter(limit=9)) == []
        server.add_feed("/wire.xml", rss([INVITATION]))
        clock.now = NOW + timedelta(hours=1)
        await poller.poll_due(session)
        # Delivered again (the same entries, a new cycle): nothing new, nothing twice.
        server.add_feed("/in.xml", rss([REFUSAL]))
        clock.now = NOW + timedelta(hours=2)
        await poller.poll_due(session)
    return clock


async def test_a_refusal_before_the_invitation_waits_and_settles_it(
        server: LocalHTTPServer, store: Store, real_matcher: Matcher) -> None:
    await _poll_in_turn(server, store, real_matcher, refusal_on_first_poll=False)
    with store.unit() as unit:
        [record] = unit.list_invitations(InvitationFilter(limit=9))
        assert record.id is not None
        full = unit.get_invitation(record.id)
        notes = [n for n in unit.notes(record.id, traces=True) if n.kind == NOTE_TRACE]
        assert unit.count_waiting() == 0
    assert full is not None and full.status is Status.DECLINED
    assert sorted((e.url, e.status.value) for e in full.timeline) == [
        (REFUSAL[2], "declined"), (INVITATION[2], "pending")]
    # The refusal is dated before the invitation's first report, within its window.
    assert min(e.at for e in full.timeline if e.status is Status.DECLINED) < min(
        e.at for e in full.timeline if e.status is Status.PENDING)
    assert _said(store) == [(NotificationKind.NEW, Status.PENDING),
                            (NotificationKind.STATUS, Status.DECLINED)]
    [waited] = [n for n in notes if n.action == "waited"]
    assert waited.text.startswith(
        f"waited from {(NOW - timedelta(hours=20)).date().isoformat()} for a record of "
        "Narendra Modi: declined")


async def test_a_refusal_that_came_on_a_first_poll_joins_silently(
        server: LocalHTTPServer, store: Store, real_matcher: Matcher) -> None:
    await _poll_in_turn(server, store, real_matcher, refusal_on_first_poll=True)
    with store.unit() as unit:
        [record] = unit.list_invitations(InvitationFilter(limit=9))
        assert unit.count_waiting() == 0
    assert record.status is Status.DECLINED
    assert _said(store) == [(NotificationKind.NEW, Status.PENDING)]
