"""Replies whose occasion the matcher misread, and two invitations of one pair kept apart
(hand-built reports, no matcher, no store)."""

from __future__ import annotations

import itertools

import pytest

from bot.domain import NotificationKind, Occasion, OccasionKind, Status
from bot.tracker.occasion import occasion_affinity, places_conflict
from tests.support.tracker_ledger import FIGURES, Ledger, day, report

P, R, A, D, T, W = (
    Status.PENDING,
    Status.RESPONDED,
    Status.ACCEPTED,
    Status.DECLINED,
    Status.TOOK_PLACE,
    Status.WITHDRAWN,
)
K = OccasionKind


# -- occasion compatibility ------------------------------------------------------------------


def test_an_unspecified_kind_or_a_missing_place_is_compatible_with_a_specific_one() -> None:
    visit_paris = Occasion(K.VISIT, "Paris")
    assert occasion_affinity(visit_paris, Occasion(K.OTHER)) is not None
    assert occasion_affinity(visit_paris, Occasion(K.VISIT)) is not None
    assert occasion_affinity(visit_paris, Occasion(K.OTHER, "France")) is not None


def test_two_specific_kinds_without_a_shared_place_are_two_occasions() -> None:
    assert occasion_affinity(Occasion(K.VISIT, "Paris"), Occasion(K.EVENT)) is None
    assert occasion_affinity(Occasion(K.VISIT, "France"), Occasion(K.EVENT, "Paris")) is None
    assert occasion_affinity(Occasion(K.DEBATE), Occasion(K.MATCH)) is None


def test_two_kinds_at_the_very_same_place_are_one_wording_of_one_occasion() -> None:
    assert occasion_affinity(Occasion(K.CONVERSATION, "Ukraine"), Occasion(K.VISIT, "Ukraine"))


def test_places_conflict_only_between_two_map_places_or_two_platforms() -> None:
    assert places_conflict("Kyiv", "Donbas")
    assert places_conflict("Clubhouse", "X Spaces")
    assert not places_conflict("Kyiv", "Ukraine")
    assert not places_conflict("the Kremlin", "Clubhouse")
    assert not places_conflict("Twitter", "Italy")
    assert not places_conflict(None, "Moscow")


# -- the QA case: one pair, two invitations ---------------------------------------------------


def _macron_biden() -> Ledger:
    ledger = Ledger()
    ledger.feed(report("macron", "biden", P, "2024-01-10", kind=K.VISIT, place="Paris"))
    ledger.feed(report("macron", "biden", A, "2024-01-20", kind=K.VISIT, place="Paris"))
    ledger.feed(report("macron", "biden", P, "2024-03-01", kind=K.OTHER, place=None))
    ledger.feed(report("macron", "biden", D, "2024-03-10", kind=K.EVENT, place=None, lang="fr"))
    return ledger


def test_a_vague_invitation_weeks_after_an_acceptance_is_a_new_one() -> None:
    ledger = _macron_biden()
    records = sorted(ledger.invitations.values(), key=lambda i: i.first_seen)
    assert [(r.occasion.kind, r.status) for r in records] == [(K.VISIT, A), (K.EVENT, D)]
    assert [len(r.timeline) for r in records] == [2, 2]


def test_the_second_invitation_is_announced_and_its_refusal_too() -> None:
    kinds = [(n.kind, n.status) for n in _macron_biden().notifications]
    assert kinds == [
        (NotificationKind.NEW, P),
        (NotificationKind.STATUS, A),
        (NotificationKind.NEW, P),
        (NotificationKind.STATUS, D),
    ]


def test_an_accepted_visit_recalled_by_name_weeks_later_is_the_same_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("macron", "biden", A, "2024-01-20", kind=K.VISIT, place="Paris"))
    ledger.feed(report("macron", "biden", P, "2024-03-01", kind=K.VISIT, place="Paris"))
    assert ledger.only().status == A


# -- replies with a misread occasion ---------------------------------------------------------


def test_a_reply_from_the_kremlin_joins_the_clubhouse_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", P, "2021-02-14"))
    ledger.feed(report("musk", "putin", R, "2021-02-15", kind=K.VISIT, place="the Kremlin"))
    invitation = ledger.only()
    assert invitation.status == R
    assert invitation.occasion == Occasion(K.CONVERSATION, "Clubhouse")
    assert [n.kind for n in ledger.notifications] == [NotificationKind.NEW, NotificationKind.STATUS]


def test_a_reply_written_on_twitter_joins_the_visit() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2025-05-01", kind=K.VISIT, place="Kyiv"))
    ledger.feed(report("zelensky", "putin", D, "2025-05-03", kind=K.CONVERSATION, place="Twitter"))
    assert ledger.only().status == D
    assert ledger.only().occasion.place == "Kyiv"


def test_a_reply_naming_another_city_is_another_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=K.MEETING, place="Donbas"))
    ledger.feed(report("zelensky", "putin", D, "2021-04-25", kind=K.VISIT, place="Kyiv"))
    assert len(ledger.invitations) == 2


def test_a_reply_is_not_guessed_between_two_open_invitations() -> None:
    ledger = Ledger()
    ledger.feed(report("trump", "kim", P, "2019-06-01", kind=K.DEBATE, place=None))
    ledger.feed(report("trump", "kim", P, "2019-06-02", kind=K.MATCH, place=None))
    ledger.feed(report("trump", "kim", A, "2019-06-05", kind=K.VISIT, place="Pyongyang"))
    assert len(ledger.invitations) == 3


def test_a_reply_years_later_does_not_join_an_old_invitation() -> None:
    # Donbas 2021 and Kyiv 2025: the window keeps them apart even for a vague reply.
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=K.MEETING, place="Donbas"))
    ledger.feed(report("zelensky", "putin", D, "2025-05-03", kind=K.CONVERSATION, place="Twitter"))
    assert len(ledger.invitations) == 2


def test_a_reply_with_the_roles_swapped_soon_after_joins_without_swapping_them() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "west", P, "2021-02-10"))
    ledger.feed(report("west", "musk", A, "2021-02-16"))
    invitation = ledger.only()
    assert invitation.status == A
    assert (invitation.inviter, invitation.invitee) == (FIGURES["musk"], FIGURES["west"])


def test_a_reply_does_not_reopen_a_settled_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", D, "2021-02-14"))
    ledger.feed(report("musk", "putin", A, "2021-02-20", kind=K.VISIT, place="Moscow"))
    assert len(ledger.invitations) == 2


MACRON_BIDEN = [
    report("macron", "biden", P, "2024-01-10", kind=K.VISIT, place="Paris"),
    report("macron", "biden", A, "2024-01-20", kind=K.VISIT, place="Paris"),
    report("macron", "biden", P, "2024-03-01", kind=K.OTHER, place=None),
    report("macron", "biden", D, "2024-03-10", kind=K.EVENT, place=None, lang="fr"),
]


# Every order in which the acceptance of the Paris visit is known before the vague
# invitation arrives. When the vague one arrives first, nothing yet tells it from a repeat
# of the pending Paris visit and the tracker (which never splits a record) folds it in.
ACCEPTANCE_FIRST = [o for o in itertools.permutations(range(4)) if o.index(1) < o.index(2)]


@pytest.mark.parametrize("order", ACCEPTANCE_FIRST)
def test_the_two_macron_biden_invitations_stay_apart_whenever_the_acceptance_is_known(
    order: tuple[int, ...],
) -> None:
    ledger = Ledger()
    for index in order:
        ledger.feed(MACRON_BIDEN[index], now=day("2024-03-11"))
    records = {
        tuple(sorted(e.at.date().isoformat() for e in inv.timeline)): inv.status
        for inv in ledger.invitations.values()
    }
    assert records == {("2024-01-10", "2024-01-20"): A, ("2024-03-01", "2024-03-10"): D}


def test_a_meeting_reported_with_the_roles_swapped_months_later_still_joins() -> None:
    ledger = Ledger()
    ledger.feed(report("macron", "biden", A, "2024-02-05", kind=K.VISIT, place="Paris"))
    ledger.feed(report("biden", "macron", T, "2024-06-08", kind=K.VISIT, place="Paris"))
    invitation = ledger.only()
    assert invitation.status == T
    assert (invitation.inviter, invitation.invitee) == (FIGURES["macron"], FIGURES["biden"])


def test_a_refusal_with_the_roles_swapped_months_later_is_another_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("macron", "biden", P, "2024-02-05", kind=K.VISIT, place="Paris"))
    ledger.feed(report("biden", "macron", D, "2024-06-08", kind=K.VISIT, place="Paris"))
    assert len(ledger.invitations) == 2
