"""Occasions of one pair that recur (three G7 summits in a year) against one invitation
renewed (an unanswered offer made again months later): the rules of `track` that tell a
new occasion from news of the held one. Each test failed before its rule."""

from __future__ import annotations

from bot.domain import OccasionKind, Status
from bot.tracker import TrackerPolicy
from tests.support.tracker_ledger import Ledger, observation, report

P, R, T = Status.PENDING, Status.RESPONDED, Status.TOOK_PLACE
MEETING, VISIT = OccasionKind.MEETING, OccasionKind.VISIT


def test_a_meeting_that_took_place_weeks_after_another_is_another_meeting() -> None:
    ledger = Ledger()
    ledger.feed(report("scholz", "zelensky", T, "2022-03-24", kind=MEETING, place=None))
    ledger.feed(report("scholz", "zelensky", T, "2022-05-08", kind=MEETING, place=None))
    ledger.feed(report("scholz", "zelensky", T, "2022-05-08", kind=MEETING, place=None,
                       outlet="Other"))  # the same summit, another outlet
    assert [(i.status, len(i.timeline)) for i in ledger.invitations.values()] == [
        (T, 1), (T, 2)]


def test_thanks_for_the_next_invitation_after_a_meeting_took_place_opens_a_record() -> None:
    ledger = Ledger()
    ledger.feed(report("scholz", "zelensky", T, "2022-05-08", kind=MEETING, place=None))
    ledger.feed(report("scholz", "zelensky", R, "2022-06-16", kind=MEETING, place=None))
    assert sorted(i.status for i in ledger.invitations.values()) == [R, T]


def test_echoes_of_a_meeting_soon_after_it_still_join_it() -> None:
    ledger = Ledger()
    ledger.feed(report("scholz", "zelensky", T, "2022-05-08", kind=MEETING, place=None))
    ledger.feed(report("scholz", "zelensky", R, "2022-05-20", kind=MEETING, place=None))
    assert ledger.only().status == T and len(ledger.only().timeline) == 2


def test_an_unanswered_offer_made_again_beyond_the_window_renews_the_record() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "west", P, "2021-12-03", kind=VISIT, place="Ukraine"))
    ledger.feed(report("zelensky", "west", P, "2022-06-21", kind=VISIT, place="Ukraine"))
    assert len(ledger.only().timeline) == 2 and ledger.only().status == P


def test_a_renewal_needs_the_same_place_an_unanswered_offer_and_the_horizon() -> None:
    elsewhere = Ledger()
    elsewhere.feed(report("zelensky", "west", P, "2021-12-03", kind=VISIT, place="Ukraine"))
    elsewhere.feed(report("zelensky", "west", P, "2022-06-21", kind=VISIT, place="Kyiv"))
    answered = Ledger()
    answered.feed(report("zelensky", "west", P, "2021-12-03", kind=VISIT, place="Ukraine"))
    answered.feed(report("zelensky", "west", R, "2021-12-05", kind=VISIT, place="Ukraine"))
    answered.feed(report("zelensky", "west", P, "2022-06-21", kind=VISIT, place="Ukraine"))
    years = Ledger(policy=TrackerPolicy(window_days=60))
    years.feed(report("zelensky", "west", P, "2021-12-03", kind=VISIT, place="Ukraine"))
    years.feed(report("zelensky", "west", P, "2022-06-21", kind=VISIT, place="Ukraine"))
    assert [len(x.invitations) for x in (elsewhere, answered, years)] == [2, 2, 2]


def test_an_observation_does_not_overrule_the_same_articles_invitation_report() -> None:
    ledger = Ledger()
    url = "https://press.example/kyiv-and-g7"
    ledger.feed(report("scholz", "zelensky", R, "2022-06-16", kind=MEETING, place=None,
                       url=url))
    # The same article: Scholz came to Kyiv (no invitation word) - another occasion.
    assert ledger.observe(observation("zelensky", "scholz", T, "2022-06-16", kind=VISIT,
                                      url=url)) == []
    assert ledger.only().status == R
    # Another article saying they met moves it as before.
    ledger.observe(observation("zelensky", "scholz", T, "2022-06-24"))
    assert ledger.only().status == T


def test_a_meeting_reported_the_same_day_at_a_country_named_in_passing_is_that_meeting() -> None:
    ledger = Ledger()
    ledger.feed(report("putin", "zelensky", T, "2022-02-10", kind=VISIT, place="Moscow"))
    ledger.feed(report("putin", "zelensky", T, "2022-02-10", kind=MEETING, place="Ukraine",
                       outlet="Statements"))
    invitation = ledger.only()
    assert len(invitation.timeline) == 2 and invitation.occasion.place == "Moscow"


def test_a_conflicting_place_on_another_day_or_before_it_took_place_stays_apart() -> None:
    later = Ledger()
    later.feed(report("putin", "zelensky", T, "2022-02-10", kind=VISIT, place="Moscow"))
    later.feed(report("putin", "zelensky", T, "2022-02-12", kind=MEETING, place="Ukraine"))
    accepted = Ledger()
    accepted.feed(report("putin", "zelensky", Status.ACCEPTED, "2022-02-10", kind=VISIT,
                         place="Moscow"))
    accepted.feed(report("putin", "zelensky", T, "2022-02-10", kind=MEETING, place="Ukraine"))
    assert [len(x.invitations) for x in (later, accepted)] == [2, 2]


def test_a_meeting_recalled_with_swapped_roles_on_that_day_stays_apart() -> None:
    ledger = Ledger()
    ledger.feed(report("putin", "zelensky", T, "2022-02-04", kind=VISIT, place="Beijing"))
    ledger.feed(report("zelensky", "putin", T, "2022-02-04", kind=VISIT, place="Sochi"))
    assert len(ledger.invitations) == 2


def test_a_counter_invitation_during_a_visit_does_not_take_the_visits_place() -> None:
    ledger = Ledger()
    ledger.feed(report("putin", "zelensky", T, "2022-06-10", kind=VISIT, place="Moscow"))
    ledger.feed(report("zelensky", "putin", Status.ACCEPTED, "2022-06-10", kind=VISIT,
                       place="Russia"))
    [counter] = ledger.between("zelensky", "putin")
    assert counter.occasion.place is None and counter.status == Status.ACCEPTED
    assert ledger.between("putin", "zelensky")[0].status == T


def test_a_counter_invitation_keeps_its_place_on_another_day_or_elsewhere() -> None:
    ledger = Ledger()
    ledger.feed(report("putin", "zelensky", T, "2022-06-10", kind=VISIT, place="Moscow"))
    ledger.feed(report("zelensky", "putin", P, "2022-06-12", kind=VISIT, place="Russia"))
    ledger.feed(report("zelensky", "putin", P, "2022-06-10", kind=VISIT, place="Kyiv",
                       outlet="Other"))
    assert sorted(str(i.occasion.place) for i in ledger.between("zelensky", "putin")) == [
        "Kyiv", "Russia"]
