"""Occasions that evolve: one record while the occasion is refined; a bridging report merges
two records of one invitation; a vague report glues nothing (hand-built data only)."""

from __future__ import annotations

from dataclasses import replace

from bot.domain import NotificationKind, OccasionKind, Status
from tests.support.tracker_ledger import Ledger, observation, report

P, R, A, D, T = (Status.PENDING, Status.RESPONDED, Status.ACCEPTED, Status.DECLINED,
                 Status.TOOK_PLACE)
OTHER, VISIT, MEETING = OccasionKind.OTHER, OccasionKind.VISIT, OccasionKind.MEETING


def test_one_record_while_the_occasion_is_refined() -> None:
    """kind → kind + place → a place inside it, dated: one record, the occasion refined."""
    ledger = Ledger()
    ledger.feed(report("macron", "lula", P, "2024-01-10", kind=OTHER, place=None))
    ledger.feed(report("macron", "lula", P, "2024-01-12", kind=VISIT, place=None))
    ledger.feed(report("macron", "lula", R, "2024-01-15", kind=VISIT, place="France"))
    ledger.feed(report("macron", "lula", A, "2024-02-01", kind=VISIT, place="Paris",
                       status_date="2024-01-30"))
    inv = ledger.only()
    assert (inv.occasion.kind, inv.occasion.place) == (VISIT, "Paris")
    assert inv.status == A and len(inv.timeline) == 4
    assert [n.kind for n in ledger.notifications].count(NotificationKind.NEW) == 1


def _two_venues(ledger: Ledger) -> None:
    """The first report took the place where the news broke (Brussels); the next ones name
    the venue (Geneva): two records of one invitation."""
    ledger.feed(report("trump", "putin", P, "2025-03-01", kind=MEETING, place="Brussels",
                       evidence="Trump invited Putin to a meeting in Brussels."))
    ledger.feed(report("trump", "putin", P, "2025-03-02", kind=MEETING, place="Geneva",
                       evidence="Trump invited Putin to a summit in Geneva."))
    assert len(ledger.invitations) == 2


def test_a_bridging_report_merges_two_records_of_one_invitation() -> None:
    ledger = Ledger()
    _two_venues(ledger)
    ledger.notifications.clear()
    evidence = ("Putin accepted the meeting with Trump, first reported for Brussels, "
                "which will now be held in Geneva.")
    outcomes = ledger.feed(report("trump", "putin", A, "2025-03-05", kind=MEETING,
                                  place="Geneva", evidence=evidence))
    assert outcomes[0].merged_ids == (1,)
    inv = ledger.only()
    assert inv.id == 2 and inv.status == A and inv.occasion.place == "Geneva"
    assert len(inv.timeline) == 3 and len(inv.sources) == 3  # every entry and source kept
    assert [n.kind for n in ledger.notifications] == [NotificationKind.STATUS]  # the acceptance


def test_a_bridge_announces_nothing_already_announced() -> None:
    ledger = Ledger()
    _two_venues(ledger)
    ledger.feed(report("trump", "putin", R, "2025-03-03", kind=MEETING, place="Brussels",
                       evidence="The Kremlin called the Brussels idea interesting."))
    ledger.notifications.clear()
    evidence = "The Kremlin's answer on Brussels also covers the Geneva summit, Peskov said."
    ledger.feed(report("trump", "putin", P, "2025-03-06", kind=MEETING, place="Geneva",
                       evidence=evidence))
    inv = ledger.only()
    assert inv.status == R and len(inv.timeline) == 4
    assert ledger.notifications == []  # "responded" was announced for the Brussels record


def test_a_vague_report_before_two_specific_ones_glues_nothing() -> None:
    ledger = Ledger()
    ledger.feed(report("trump", "putin", P, "2025-02-28", kind=MEETING, place=None,
                       evidence="Trump invited Putin to a meeting."))
    ledger.feed(report("trump", "putin", P, "2025-03-01", kind=MEETING, place="Brussels",
                       evidence="Trump invited Putin to a meeting in Brussels."))
    ledger.feed(report("trump", "putin", P, "2025-03-02", kind=MEETING, place="Geneva",
                       evidence="Trump invited Putin to a summit in Geneva."))
    assert sorted(inv.occasion.place or "" for inv in ledger.invitations.values()) == [
        "Brussels", "Geneva"]  # the vague report opened the record Brussels refined
    # The opener announced what Brussels then told in detail: it stays (nothing regrouped).
    assert [len(inv.timeline) for inv in ledger.invitations.values()] == [2, 1]
    assert ledger.traces == []
    ledger.notifications.clear()
    outcomes = ledger.feed(report("trump", "putin", R, "2025-03-04", kind=MEETING, place=None,
                                  evidence="The Kremlin said the meeting idea was interesting."))
    # A later vague report fits both: it joins neither (nor the nearer in time, Geneva),
    # opens no third record, and says why for the debug view of both.
    assert outcomes == [] and ledger.notifications == []
    assert sorted(inv.occasion.place or "" for inv in ledger.invitations.values()) == [
        "Brussels", "Geneva"]
    assert {inv.status for inv in ledger.invitations.values()} == {P}
    assert all(o.merged_ids == () for o in ledger.outcomes)
    (trace,) = ledger.traces
    assert trace.invitation_ids == (1, 2) and trace.entry.status == R
    assert "linked to none" in trace.reason and "Brussels, Geneva" in trace.reason


def _brussels_and_geneva(ledger: Ledger) -> None:
    ledger.feed(report("trump", "putin", P, "2025-03-01", kind=MEETING, place="Brussels"))
    ledger.feed(report("trump", "putin", P, "2025-03-20", kind=MEETING, place="Geneva"))


def test_a_vague_report_fitting_two_records_moves_neither_whichever_is_nearer() -> None:
    for on in ("2025-03-21", "2025-04-30"):  # both floated by then: nearer in time is no clue
        ledger = Ledger()
        _brussels_and_geneva(ledger)
        assert ledger.feed(report("trump", "putin", A, on, kind=MEETING, place=None)) == []
        assert {inv.status for inv in ledger.invitations.values()} == {P}
        assert len(ledger.traces) == 1


def test_a_vague_report_made_when_only_one_was_floated_answers_that_one() -> None:
    """"Putin accepted the meeting" on 2 March, when Brussels alone was on the table, is
    Brussels' acceptance, whether Geneva (floated on the 20th) reached us before it or not."""
    for geneva_first in (False, True):
        ledger = Ledger()
        if geneva_first:
            ledger.feed(report("trump", "putin", P, "2025-03-20", kind=MEETING, place="Geneva"))
        ledger.feed(report("trump", "putin", P, "2025-03-01", kind=MEETING, place="Brussels"))
        if not geneva_first:
            ledger.feed(report("trump", "putin", P, "2025-03-20", kind=MEETING, place="Geneva"))
        (outcome,) = ledger.feed(report("trump", "putin", A, "2025-03-02", kind=MEETING,
                                        place=None))
        assert outcome.invitation.occasion.place == "Brussels"
        assert {i.occasion.place: i.status for i in ledger.invitations.values()} == {
            "Brussels": A, "Geneva": P}
        assert ledger.traces == []


def test_a_vague_report_before_both_belongs_to_the_first_placed_after_it() -> None:
    """An invitation "to a meeting" on 28 February, Brussels named on 1 March and Geneva on
    the 20th: the vague report announced the Brussels one. Arriving last, it joins it; two
    placed at the same moment leave it linked to none."""
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    (outcome,) = ledger.feed(report("trump", "putin", A, "2025-02-28", kind=MEETING,
                                    place=None))
    assert outcome.invitation.occasion.place == "Brussels"
    same_day = Ledger()
    same_day.feed(report("trump", "putin", P, "2025-03-01", kind=MEETING, place="Brussels"))
    same_day.feed(report("trump", "putin", P, "2025-03-01", kind=MEETING, place="Geneva"))
    assert same_day.feed(report("trump", "putin", A, "2025-02-28", kind=MEETING,
                                place=None)) == []
    assert len(same_day.traces) == 1


def test_a_report_naming_the_place_still_picks_its_record() -> None:
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    (outcome,) = ledger.feed(report("trump", "putin", A, "2025-03-02", kind=MEETING,
                                    place="Geneva"))
    assert outcome.invitation.id == 2 and outcome.invitation.status == A
    assert ledger.traces == []


def test_a_vague_report_joins_the_one_record_it_can_still_move() -> None:
    """A meeting declined is not accepted by a report naming neither it nor its place: the
    acceptance answers the other record, though the declined one had the latest news."""
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    ledger.feed(report("trump", "putin", D, "2025-03-21", kind=MEETING, place="Brussels"))
    (outcome,) = ledger.feed(report("trump", "putin", A, "2025-03-25", kind=MEETING,
                                    place=None))
    assert outcome.invitation.id == 2 and outcome.invitation.status == A
    assert ledger.invitations[1].status == D and ledger.traces == []


def test_a_vague_repeat_of_a_settled_status_still_rivals_the_open_record() -> None:
    """"Putin declined the meeting" after Brussels was declined may repeat that news or
    decline Geneva: no guess."""
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    ledger.feed(report("trump", "putin", D, "2025-03-21", kind=MEETING, place="Brussels"))
    assert ledger.feed(report("trump", "putin", D, "2025-03-22", kind=MEETING,
                              place=None)) == []
    assert [ledger.invitations[i].status for i in (1, 2)] == [D, P]
    assert ledger.traces[0].invitation_ids == (1, 2)


def test_a_record_the_vague_report_fits_better_is_no_rivalry() -> None:
    """Only records the report fits equally well are rivals: a vague "visit" is told from
    two meetings by its kind."""
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    ledger.feed(report("trump", "putin", P, "2025-03-21", kind=VISIT, place="Washington"))
    (outcome,) = ledger.feed(report("trump", "putin", A, "2025-03-22", kind=VISIT,
                                    place=None))
    assert outcome.invitation.id == 3 and outcome.invitation.status == A
    assert ledger.traces == []


def test_a_hidden_record_is_no_rival_to_a_visible_one() -> None:
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    ledger.invitations[2] = replace(ledger.invitations[2], hidden=True)
    (outcome,) = ledger.feed(report("trump", "putin", A, "2025-03-21", kind=MEETING,
                                    place=None))
    assert outcome.invitation.id == 1 and ledger.traces == []


def test_a_report_naming_both_places_of_other_figures_bridges_nothing() -> None:
    ledger = Ledger()
    _two_venues(ledger)
    ledger.feed(report("trump", "zelensky", P, "2025-03-01", kind=MEETING, place="Rome",
                       evidence="Trump invited Zelensky to Rome."))
    evidence = "After Brussels and Geneva, Trump invited Zelensky to talks in Rome."
    outcomes = ledger.feed(report("trump", "zelensky", R, "2025-03-05", kind=MEETING,
                                  place="Rome", evidence=evidence))
    assert outcomes[0].merged_ids == () and len(ledger.invitations) == 3


def test_a_settled_record_is_not_bridged() -> None:
    ledger = Ledger()
    _two_venues(ledger)
    ledger.feed(report("trump", "putin", D, "2025-03-03", kind=MEETING, place="Brussels",
                       evidence="Putin turned down Brussels."))
    evidence = "Having turned down Brussels, Putin is weighing the Geneva summit."
    outcomes = ledger.feed(report("trump", "putin", R, "2025-03-05", kind=MEETING,
                                  place="Geneva", evidence=evidence))
    assert outcomes[0].merged_ids == () and len(ledger.invitations) == 2


def test_an_observation_naming_no_place_fitting_two_records_moves_neither() -> None:
    """"Trump and Putin met" (no invitation word, no place) may be either summit."""
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    ledger.notifications.clear()
    assert ledger.observe(observation("putin", "trump", T, "2025-03-25")) == []
    assert {inv.status for inv in ledger.invitations.values()} == {P}
    assert ledger.notifications == []
    (trace,) = ledger.traces
    assert trace.invitation_ids == (1, 2) and trace.entry.status == T
    assert trace.reason.startswith("an observation of Vladimir Putin and Donald Trump")


def test_an_observation_naming_the_place_moves_its_record() -> None:
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    (outcome,) = ledger.observe(observation("putin", "trump", T, "2025-03-25",
                                            place="Geneva"))
    assert outcome.invitation.id == 2 and outcome.invitation.status == T
    assert ledger.invitations[1].status == P and ledger.traces == []


def test_an_observation_fitting_one_open_record_of_two_moves_it() -> None:
    """A meeting held cannot be turned down afterwards: a refusal observed without a place
    concerns the summit still open."""
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    ledger.feed(report("trump", "putin", T, "2025-03-21", kind=MEETING, place="Brussels"))
    (outcome,) = ledger.observe(observation("putin", "trump", D, "2025-03-25"))
    assert outcome.invitation.id == 2 and outcome.invitation.status == D
    assert ledger.invitations[1].status == T and ledger.traces == []


def test_a_meeting_observed_after_one_summit_was_declined_may_be_either() -> None:
    """A declined meeting may still be held (the status machine lets "took place" win), so
    a meeting observed without a place rivals both records."""
    ledger = Ledger()
    _brussels_and_geneva(ledger)
    ledger.feed(report("trump", "putin", D, "2025-03-21", kind=MEETING, place="Brussels"))
    assert ledger.observe(observation("putin", "trump", T, "2025-04-25")) == []
    assert [ledger.invitations[i].status for i in (1, 2)] == [D, P]
    assert ledger.traces[0].invitation_ids == (1, 2)


EVENT, CONVERSATION = OccasionKind.EVENT, OccasionKind.CONVERSATION


def _visit_then_a_talk_that_day(ledger: Ledger, *, talk_on: str) -> None:
    """A visit to Vostochny announced; a report of another kind naming no place ("the guest,
    who came at the host's invitation, talked with the cosmodrome's staff"), taken place,
    arrives before any report that the visit took place: it opens a record of its own."""
    ledger.feed(report("putin", "lukashenko", P, "2022-04-05", kind=VISIT,
                       place="Vostochny Cosmodrome"))
    ledger.feed(report("putin", "lukashenko", T, talk_on, kind=CONVERSATION, place=None,
                       evidence="Lukashenko, here at Putin's invitation, talked with staff."))
    assert len(ledger.invitations) == 2


def test_a_visit_held_merges_a_record_opened_that_day_by_a_report_naming_no_place() -> None:
    """Read in the other order, the talk would have joined the visit held that day
    (`_held_that_day`): so when the visit is reported held on the talk's day, the talk's
    record merges into it, every entry kept, and nothing is announced twice."""
    ledger = Ledger()
    _visit_then_a_talk_that_day(ledger, talk_on="2022-04-12")
    ledger.notifications.clear()
    outcomes = ledger.feed(report("putin", "lukashenko", T, "2022-04-12", kind=VISIT,
                                  place="Vostochny Cosmodrome"))
    assert outcomes[0].merged_ids == (2,)
    inv = ledger.only()
    assert inv.id == 1 and inv.status == T and inv.occasion.place == "Vostochny Cosmodrome"
    assert len(inv.timeline) == 3
    assert ledger.notifications == []  # "took place" was announced for the talk's record


def test_a_visit_held_another_day_merges_nothing() -> None:
    """A meeting held on another day is another meeting: both records stay."""
    ledger = Ledger()
    _visit_then_a_talk_that_day(ledger, talk_on="2022-04-10")
    outcomes = ledger.feed(report("putin", "lukashenko", T, "2022-04-12", kind=VISIT,
                                  place="Vostochny Cosmodrome"))
    assert outcomes[0].merged_ids == ()
    assert len(ledger.invitations) == 2


def test_a_visit_held_merges_no_record_that_also_tells_of_another_day() -> None:
    """A placeless record holding a report of another day too is a story of its own."""
    ledger = Ledger()
    _visit_then_a_talk_that_day(ledger, talk_on="2022-04-12")
    ledger.feed(report("putin", "lukashenko", P, "2022-04-20", kind=CONVERSATION, place=None,
                       evidence="Putin invited Lukashenko to another talk."))
    outcomes = ledger.feed(report("putin", "lukashenko", T, "2022-04-12", kind=VISIT,
                                  place="Vostochny Cosmodrome"))
    assert outcomes[0].merged_ids == ()


def test_a_visit_observed_held_merges_the_record_opened_that_day_too() -> None:
    """The same when the visit is reported held without an invitation word."""
    ledger = Ledger()
    _visit_then_a_talk_that_day(ledger, talk_on="2022-04-12")
    outcomes = ledger.observe(observation("lukashenko", "putin", T, "2022-04-12", kind=VISIT,
                                          place="Vostochny Cosmodrome"))
    assert outcomes[0].merged_ids == (2,)
    assert ledger.only().status == T
