"""Arrival order must not matter: the seeds in either order, and every permutation of small
stories, end with the same records and statuses."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

import pytest

from bot.domain import NotificationKind, OccasionKind, Report, Status
from tests.support.tracker_ledger import Ledger, day, report

P, R, A, D, T, W = (
    Status.PENDING,
    Status.RESPONDED,
    Status.ACCEPTED,
    Status.DECLINED,
    Status.TOOK_PLACE,
    Status.WITHDRAWN,
)
VISIT = OccasionKind.VISIT

SEED_EN = report("musk", "putin", P, "2021-02-14", outlet="UNILAD", lang="en",
                 url="https://www.unilad.example/musk-putin-clubhouse")
SEED_DE = report("musk", "putin", R, "2021-02-15", outlet="German tech news", lang="de",
                 url="https://tech.example.de/musk-putin-clubhouse")
MISUNDERSTANDING = report("musk", "putin", W, "2021-03-02", outlet="Wire", lang="en",
                          url="https://wire.example/kremlin-misunderstanding")
KANYE = report("musk", "west", A, "2021-02-14", outlet="UNILAD",
               url="https://www.unilad.example/musk-putin-clubhouse")


@pytest.mark.parametrize("order", [(SEED_EN, SEED_DE), (SEED_DE, SEED_EN)],
                         ids=["en-first", "de-first"])
def test_the_seeds_in_either_order_are_one_invitation_with_two_sources(
    order: tuple[Report, Report],
) -> None:
    ledger = Ledger()
    for rep in order:
        ledger.feed(rep, now=day("2021-02-16"))
    inv = ledger.only()
    assert inv.status == R
    assert len(inv.sources) == 2 and inv.languages == ["de", "en"]
    assert [e.status for e in inv.timeline] == [P, R]
    assert len([n for n in ledger.notifications if n.kind == NotificationKind.NEW]) == 1


@pytest.mark.parametrize("order", list(itertools.permutations([SEED_EN, SEED_DE,
                                                               MISUNDERSTANDING])))
def test_the_seeds_and_the_misunderstanding_end_withdrawn(order: Sequence[Report]) -> None:
    ledger = Ledger()
    for rep in order:
        ledger.feed(rep, now=day("2021-03-03"))
    inv = ledger.only()
    assert inv.status == W and len(inv.sources) == 3


def test_the_kanye_invitation_in_the_same_article_stays_apart() -> None:
    ledger = Ledger().feed_all([SEED_EN, KANYE, SEED_DE])
    assert len(ledger.invitations) == 2
    assert {inv.invitee.name: inv.status for inv in ledger.invitations.values()} == {
        "Vladimir Putin": R, "Kanye West": A}


# Small stories: (reports, expected final statuses by (inviter, invitee, place)).
STORIES: dict[str, list[Report]] = {
    "reversal": [
        report("macron", "scholz", P, "2024-04-28", kind=VISIT, place="Paris", outlet="a"),
        report("macron", "scholz", D, "2024-05-02", kind=VISIT, place="Paris", outlet="b"),
        report("macron", "scholz", D, "2024-05-03", kind=VISIT, place="Paris", outlet="c"),
        report("macron", "scholz", A, "2024-05-20", kind=VISIT, place="Paris", outlet="d"),
        report("macron", "scholz", P, "2024-05-21", kind=VISIT, place=None, outlet="e"),
        report("macron", "scholz", T, "2024-06-10", kind=VISIT, place="Paris", outlet="f"),
    ],
    "counter": [
        report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas", outlet="a"),
        report("zelensky", "putin", P, "2021-04-21", kind=VISIT, place="Donbas", outlet="b"),
        report("putin", "zelensky", P, "2021-04-22", kind=VISIT, place="Moscow", outlet="c"),
        report("putin", "zelensky", P, "2021-04-23", kind=VISIT, place="Moscow", outlet="d"),
        report("zelensky", "putin", R, "2021-04-23", kind=VISIT, place="Donbas", outlet="e"),
    ],
    "two-places": [
        report("zelensky", "putin", P, "2025-09-01", kind=VISIT, place="Kyiv", outlet="a"),
        report("zelensky", "putin", P, "2025-09-01", kind=VISIT, place="Donbas", outlet="b"),
        report("zelensky", "putin", D, "2025-09-05", kind=VISIT, place="Kyiv", outlet="c"),
        report("zelensky", "putin", P, "2025-09-06", kind=VISIT, place="Donbas", outlet="d"),
    ],
    "same-day-conflict": [
        report("trump", "kim", P, "2019-06-28", kind=VISIT, place="Washington", outlet="a"),
        report("trump", "kim", A, "2019-06-30", kind=VISIT, place="Washington", outlet="b",
               confidence=0.9),
        report("trump", "kim", D, "2019-06-30", kind=VISIT, place="Washington", outlet="c",
               confidence=0.6),
        report("trump", "kim", D, "2019-06-30", kind=VISIT, place="Washington", outlet="d",
               confidence=0.6),
    ],
    "seeds": [SEED_EN, SEED_DE, KANYE, MISUNDERSTANDING],
}


def _final(reports: Sequence[Report]) -> tuple[int, list[tuple[str, str, str | None, Status]]]:
    ledger = Ledger()
    for rep in reports:
        ledger.feed(rep, now=day("2026-01-01"))
    states = sorted(
        (inv.inviter.key, inv.invitee.key, inv.occasion.place, inv.status)
        for inv in ledger.invitations.values()
    )
    statuses = [n for n in ledger.notifications if n.kind == NotificationKind.NEW]
    assert len(statuses) == len(ledger.invitations), "one NEW per record"
    return len(ledger.invitations), [(a, b, c or "", d) for a, b, c, d in states]


@pytest.mark.parametrize("name", sorted(STORIES))
def test_any_arrival_order_gives_the_same_records_and_statuses(name: str) -> None:
    reports = STORIES[name]
    reference = _final(reports)
    orders = list(itertools.permutations(reports))
    if len(orders) > 200:
        orders = random.Random(name).sample(orders, 200)
    for order in orders:
        assert _final(order) == reference, [r.source.outlet for r in order]


def test_the_reference_outcomes_of_the_stories_are_the_intended_ones() -> None:
    assert _final(STORIES["reversal"])[1][0][3] == T
    count, states = _final(STORIES["counter"])
    assert count == 2 and [s[3] for s in states] == [P, R]  # putin->zelensky, zelensky->putin
    count, states = _final(STORIES["two-places"])
    assert count == 2 and {s[2]: s[3] for s in states} == {"Kyiv": D, "Donbas": P}
    assert _final(STORIES["same-day-conflict"])[1][0][3] == D
    count, states = _final(STORIES["seeds"])
    assert count == 2 and {s[1]: s[3] for s in states} == {"vladimir-putin": W, "kanye-west": A}
