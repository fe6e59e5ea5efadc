"""The pure tracker, rule by rule, with hand-built reports (no matcher, no store)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import NotificationKind, OccasionKind, Status
from bot.tracker import TrackerPolicy, candidate_pairs, sweep_quiet, track
from tests.support.tracker_ledger import FIGURES, Ledger, day, report

P, R, A, D, T, W = (
    Status.PENDING,
    Status.RESPONDED,
    Status.ACCEPTED,
    Status.DECLINED,
    Status.TOOK_PLACE,
    Status.WITHDRAWN,
)
VISIT = OccasionKind.VISIT


# -- candidate pairs -----------------------------------------------------------------------


def test_candidate_pairs_are_the_direction_then_its_reverse() -> None:
    rep = report("musk", "putin", P, "2021-02-14")
    assert candidate_pairs(rep.mention) == [
        ("elon-musk", "vladimir-putin"),
        ("vladimir-putin", "elon-musk"),
    ]


def test_candidate_pairs_of_a_self_invitation_is_one_pair() -> None:
    rep = report("musk", "musk", P, "2021-02-14")
    assert candidate_pairs(rep.mention) == [("elon-musk", "elon-musk")]


# -- a new invitation ----------------------------------------------------------------------


def test_a_first_report_opens_an_invitation_with_one_new_notification() -> None:
    rep = report("musk", "putin", P, "2021-02-14", outlet="UNILAD")
    [outcome] = track(rep, [], day("2021-02-14"), TrackerPolicy())
    assert outcome.is_new and not outcome.status_changed
    assert outcome.invitation.id is None
    assert outcome.invitation.status == P
    assert outcome.entry is not None and outcome.entry.url == rep.source.url
    [note] = outcome.notifications
    assert note.kind == NotificationKind.NEW
    assert (note.inviter, note.invitee) == ("Elon Musk", "Vladimir Putin")
    assert (note.inviter_id, note.invitee_id) == ("elon-musk", "vladimir-putin")
    assert note.status == P and note.previous_status is None
    assert note.occasion_kind == OccasionKind.CONVERSATION and note.place == "Clubhouse"
    assert note.sources == (rep.source.url,) and note.languages == ("en",)
    assert note.outlet == "UNILAD" and note.evidence == rep.mention.evidence


def test_a_first_report_of_a_decline_is_new_with_that_status() -> None:
    [outcome] = track(report("musk", "putin", D, "2021-02-20"), [], day("2021-02-20"),
                      TrackerPolicy())
    assert outcome.is_new and outcome.invitation.status == D
    assert [n.kind for n in outcome.notifications] == [NotificationKind.NEW]
    assert outcome.notifications[0].status == D


def test_a_self_invitation_yields_nothing() -> None:
    assert track(report("musk", "musk", P, "2021-02-14"), [], day("2021-02-14"),
                 TrackerPolicy()) == []


# -- repeats and new sources ---------------------------------------------------------------


def test_an_exact_repeat_adds_no_entry_and_no_notification() -> None:
    ledger = Ledger()
    rep = report("musk", "putin", P, "2021-02-14")
    ledger.feed(rep)
    [again] = ledger.feed(rep, now=day("2021-02-15"))
    assert again.entry is None and not again.notifications and not again.is_new
    assert len(ledger.only().timeline) == 1


def test_a_new_source_for_the_same_status_is_folded_silently() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", P, "2021-02-14", outlet="A"))
    [folded] = ledger.feed(report("musk", "putin", P, "2021-02-14", outlet="B",
                                  url="https://b.example/1", lang="fr"))
    assert folded.entry is not None and not folded.notifications
    inv = ledger.only()
    assert len(inv.sources) == 2 and inv.languages == ["en", "fr"]
    assert len(ledger.notifications) == 1


def test_digest_policy_announces_a_new_source_for_an_unchanged_status() -> None:
    ledger = Ledger(policy=TrackerPolicy(digest=True))
    ledger.feed(report("musk", "putin", P, "2021-02-14", outlet="A"))
    [folded] = ledger.feed(report("musk", "putin", P, "2021-02-14", outlet="B",
                                  url="https://b.example/1"))
    assert [n.kind for n in folded.notifications] == [NotificationKind.DIGEST]
    assert folded.notifications[0].source_url == "https://b.example/1"


def test_many_outlets_repeating_one_invitation_give_one_notification() -> None:
    ledger = Ledger()
    for i in range(12):
        ledger.feed(report("musk", "putin", P, "2021-02-14", outlet=f"outlet {i}",
                           url=f"https://o{i}.example/x", hour=8 + i % 10))
    assert len(ledger.only().sources) == 12
    assert len(ledger.notifications) == 1


# -- the status machine ----------------------------------------------------------------------


def test_a_real_change_gives_one_status_notification_with_the_previous_status() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", P, "2021-02-14"))
    [changed] = ledger.feed(report("musk", "putin", R, "2021-02-15", lang="de"))
    assert changed.status_changed
    [note] = changed.notifications
    assert note.kind == NotificationKind.STATUS
    assert (note.previous_status, note.status) == (P, R)
    assert note.invitation_id == 1


def test_a_later_no_answer_yet_does_not_undo_a_reply() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", R, "2021-02-15"))
    [later] = ledger.feed(report("musk", "putin", P, "2021-02-17", outlet="Late"))
    assert not later.status_changed and not later.notifications
    assert ledger.only().status == R


def test_an_old_report_arriving_late_fills_the_timeline_without_moving_back() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", A, "2021-03-01"))
    [late] = ledger.feed(report("musk", "putin", P, "2021-02-14", outlet="Slow"),
                         now=day("2021-03-05"))
    inv = ledger.only()
    assert inv.status == A and not late.status_changed
    assert [e.status for e in inv.timeline] == [P, A]  # ordered by event time


def test_pending_never_overrides_a_decision_of_the_same_time() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", D, "2021-02-20", outlet="X"))
    ledger.feed(report("musk", "putin", P, "2021-02-20", outlet="Y", confidence=1.0))
    assert ledger.only().status == D


def test_a_reversal_with_newer_evidence_moves_the_status() -> None:
    ledger = Ledger()
    ledger.feed(report("macron", "scholz", D, "2024-05-02", kind=VISIT, place="Paris"))
    [accepted] = ledger.feed(report("macron", "scholz", A, "2024-05-20", kind=VISIT,
                                    place="Paris"))
    assert accepted.status_changed and ledger.only().status == A
    assert accepted.notifications[0].previous_status == D


def test_an_older_decision_arriving_late_does_not_reverse_a_newer_one() -> None:
    ledger = Ledger()
    ledger.feed(report("macron", "scholz", A, "2024-05-20", kind=VISIT, place="Paris"))
    [late] = ledger.feed(report("macron", "scholz", D, "2024-05-02", kind=VISIT, place="Paris"),
                         now=day("2024-05-21"))
    assert ledger.only().status == A and not late.notifications


def test_a_stated_date_orders_the_timeline_not_the_article_date() -> None:
    ledger = Ledger()
    ledger.feed(report("macron", "scholz", A, "2024-05-10", kind=VISIT, place="Paris"))
    # Published later, but says the refusal came on 2024-05-03: older news.
    ledger.feed(report("macron", "scholz", D, "2024-05-12", kind=VISIT, place="Paris",
                       status_date="2024-05-03"))
    inv = ledger.only()
    assert inv.status == A
    assert inv.timeline[0].status == D and inv.timeline[0].at == datetime(2024, 5, 3, tzinfo=UTC)


def test_a_non_committal_reply_does_not_override_a_decision() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", A, "2021-02-16"))
    ledger.feed(report("musk", "putin", R, "2021-02-18", outlet="Other"))
    assert ledger.only().status == A


def test_same_day_conflict_goes_to_the_status_more_independent_outlets_report() -> None:
    ledger = Ledger()
    ledger.feed(report("trump", "kim", A, "2019-06-30", kind=VISIT, place="Washington",
                       outlet="One", confidence=0.9, url="https://one.example/a"))
    for outlet in ("Two", "Three"):
        ledger.feed(report("trump", "kim", D, "2019-06-30", kind=VISIT, place="Washington",
                           outlet=outlet, confidence=0.6, url=f"https://{outlet}.example/d"))
    assert ledger.only().status == D


def test_same_day_conflict_one_outlet_repeating_itself_counts_once() -> None:
    ledger = Ledger()
    ledger.feed(report("trump", "kim", A, "2019-06-30", kind=VISIT, place="Washington",
                       outlet="One", confidence=0.9, url="https://one.example/a"))
    for n in range(3):
        ledger.feed(report("trump", "kim", D, "2019-06-30", kind=VISIT, place="Washington",
                           outlet="Two", confidence=0.6, url=f"https://two.example/{n}"))
    assert ledger.only().status == A


def test_same_day_conflict_between_single_sources_goes_to_confidence() -> None:
    for first, second in ((A, D), (D, A)):
        ledger = Ledger()
        ledger.feed(report("trump", "kim", first, "2019-06-30", kind=VISIT, outlet="One",
                           confidence=0.9 if first == A else 0.5, url="https://one.example/"))
        ledger.feed(report("trump", "kim", second, "2019-06-30", kind=VISIT, outlet="Two",
                           confidence=0.9 if second == A else 0.5, url="https://two.example/"))
        assert ledger.only().status == A


# -- which invitation a report belongs to ----------------------------------------------------


def test_direction_matters_putin_to_zelensky_is_not_zelensky_to_putin() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"))
    ledger.feed(report("putin", "zelensky", D, "2021-08-01", kind=VISIT, place="Donbas"))
    assert len(ledger.between("zelensky", "putin")) == 1
    assert len(ledger.between("putin", "zelensky")) == 1


def test_different_places_between_the_same_pair_stay_apart() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2025-09-01", kind=VISIT, place="Donbas"))
    ledger.feed(report("zelensky", "putin", P, "2025-09-03", kind=VISIT, place="Kyiv"))
    assert len(ledger.invitations) == 2


def test_donbas_2021_and_kyiv_2025_are_two_invitations() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"))
    ledger.feed(report("zelensky", "putin", P, "2025-09-04", kind=VISIT, place="Kyiv"))
    places = sorted(inv.occasion.place or "" for inv in ledger.invitations.values())
    assert places == ["Donbas", "Kyiv"]


def test_a_missing_place_is_compatible_and_is_filled_in_later() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place=None))
    ledger.feed(report("zelensky", "putin", P, "2021-04-21", kind=VISIT, place="Donbass",
                       outlet="Other"))
    assert ledger.only().occasion.place == "Donbas"


def test_a_place_inside_the_known_place_is_the_same_occasion_and_narrows_it() -> None:
    ledger = Ledger()
    ledger.feed(report("scholz", "zelensky", P, "2022-05-01", kind=VISIT, place="Germany"))
    ledger.feed(report("scholz", "zelensky", P, "2022-05-02", kind=VISIT, place="Berlin",
                       outlet="Other"))
    assert ledger.only().occasion.place == "Berlin"


def test_an_unspecified_kind_is_compatible_and_refined() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", P, "2021-02-14", kind=OccasionKind.OTHER, place=None))
    ledger.feed(report("musk", "putin", R, "2021-02-15"))
    inv = ledger.only()
    assert inv.occasion.kind == OccasionKind.CONVERSATION and inv.occasion.place == "Clubhouse"


def test_visit_and_meeting_are_read_as_one_occasion_but_debate_is_not() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"))
    ledger.feed(report("zelensky", "putin", P, "2021-04-21", kind=OccasionKind.MEETING,
                       place="Donbas", outlet="Other"))
    ledger.feed(report("zelensky", "putin", P, "2021-04-22", kind=OccasionKind.DEBATE,
                       place=None, outlet="Third"))
    assert len(ledger.invitations) == 2


def test_reports_beyond_the_window_start_a_new_invitation() -> None:
    ledger = Ledger(policy=TrackerPolicy(window_days=60))
    ledger.feed(report("trump", "kim", P, "2018-06-12", kind=VISIT, place="the White House"))
    # Beyond the renewal horizon too (twice the window): the same unanswered offer made
    # again within it renews the record (test_tracker_recurring.py).
    ledger.feed(report("trump", "kim", P, "2018-11-20", kind=VISIT, place="White House"))
    assert len(ledger.invitations) == 2


def test_a_fresh_invitation_long_after_a_settled_one_is_new() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", P, "2021-02-14"))
    ledger.feed(report("musk", "putin", W, "2021-03-02"))
    ledger.feed(report("musk", "putin", P, "2021-03-06", outlet="Echo"))  # a late echo
    assert len(ledger.invitations) == 1 and ledger.only().status == W
    ledger.feed(report("musk", "putin", P, "2021-05-20", outlet="Again"))  # invited again
    assert len(ledger.invitations) == 2


def test_the_closest_compatible_invitation_is_chosen() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"))
    ledger.feed(report("zelensky", "putin", P, "2021-04-22", kind=VISIT, place="Kyiv"))
    ledger.feed(report("zelensky", "putin", D, "2021-04-23", kind=VISIT, place="Kiev",
                       outlet="Third"))
    by_place = {inv.occasion.place: inv.status for inv in ledger.invitations.values()}
    assert by_place == {"Donbas": P, "Kyiv": D}


# -- counter-invitations ----------------------------------------------------------------------


def test_a_counter_invitation_answers_the_first_and_is_new_itself() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"))
    outcomes = ledger.feed(report("putin", "zelensky", P, "2021-04-22", kind=VISIT,
                                  place="Moscow", outlet="TASS"))
    assert [o.is_new for o in outcomes] == [True, False]
    [donbas] = ledger.between("zelensky", "putin")
    [moscow] = ledger.between("putin", "zelensky")
    assert donbas.status == R and moscow.status == P
    assert donbas.timeline[-1].outlet == "TASS"
    assert [(n.kind, n.status) for n in ledger.notifications] == [
        (NotificationKind.NEW, P), (NotificationKind.NEW, P), (NotificationKind.STATUS, R)]


def test_a_counter_invitation_arriving_first_still_answers_the_older_one() -> None:
    ledger = Ledger()
    ledger.feed(report("putin", "zelensky", P, "2021-04-22", kind=VISIT, place="Moscow"))
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"),
                now=day("2021-04-23"))
    [donbas] = ledger.between("zelensky", "putin")
    [moscow] = ledger.between("putin", "zelensky")
    assert donbas.status == R and moscow.status == P
    assert len(ledger.notifications) == 2


def test_repeating_the_original_invitation_is_not_a_counter_to_the_counter() -> None:
    ledger = Ledger()
    ledger.feed(report("putin", "zelensky", P, "2025-09-03", kind=VISIT, place="Moscow"))
    ledger.feed(report("zelensky", "putin", P, "2025-09-04", kind=VISIT, place="Kyiv"))
    ledger.feed(report("putin", "zelensky", P, "2025-09-06", kind=VISIT, place="Moscow",
                       outlet="Repeat"))
    [moscow] = ledger.between("putin", "zelensky")
    [kyiv] = ledger.between("zelensky", "putin")
    assert moscow.status == R and kyiv.status == P


def test_a_decided_invitation_is_not_answered_by_a_counter() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", D, "2021-04-20", kind=VISIT, place="Donbas"))
    outcomes = ledger.feed(report("putin", "zelensky", P, "2021-04-22", kind=VISIT,
                                  place="Moscow"))
    assert len(outcomes) == 1
    [donbas] = ledger.between("zelensky", "putin")
    assert donbas.status == D


def test_a_reverse_invitation_long_after_is_not_a_counter() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"))
    ledger.feed(report("putin", "zelensky", P, "2021-07-20", kind=VISIT, place="Moscow"))
    [donbas] = ledger.between("zelensky", "putin")
    assert donbas.status == P


# -- quiet -------------------------------------------------------------------------------------


def test_no_news_for_the_quiet_period_marks_quiet_without_announcing() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", P, "2021-02-14"))
    inv = ledger.only()
    assert sweep_quiet([inv], day("2021-03-01"), TrackerPolicy()) == []
    [outcome] = sweep_quiet([inv], day("2021-03-20"), TrackerPolicy())
    assert outcome.invitation.quiet and not outcome.notifications and outcome.entry is None
    assert not inv.quiet  # the input is not mutated


def test_quiet_is_announced_once_when_configured() -> None:
    policy = TrackerPolicy(announce_quiet=True)
    ledger = Ledger(policy=policy)
    ledger.feed(report("musk", "putin", R, "2021-02-15"))
    [outcome] = sweep_quiet([ledger.only()], day("2021-03-20"), policy)
    [note] = outcome.notifications
    assert note.kind == NotificationKind.QUIET and note.status == R
    ledger.apply(outcome)
    assert sweep_quiet([ledger.only()], day("2021-04-20"), policy) == []


def test_settled_invitations_never_go_quiet() -> None:
    for final in (T, D, W):
        ledger = Ledger()
        ledger.feed(report("musk", "putin", final, "2021-02-15"))
        assert sweep_quiet([ledger.only()], day("2021-12-01"), TrackerPolicy()) == []


def test_news_for_a_quiet_invitation_wakes_it_up() -> None:
    ledger = Ledger()
    ledger.feed(report("musk", "putin", P, "2021-02-14"))
    [outcome] = sweep_quiet([ledger.only()], day("2021-03-20"), TrackerPolicy())
    ledger.apply(outcome)
    ledger.feed(report("musk", "putin", R, "2021-03-21"))
    assert not ledger.only().quiet


# -- contract checks ---------------------------------------------------------------------------


def test_naive_datetimes_are_refused_with_a_clear_message() -> None:
    rep = report("musk", "putin", P, "2021-02-14")
    with pytest.raises(ValueError, match="timezone-aware"):
        track(rep, [], datetime(2021, 2, 14), TrackerPolicy())  # noqa: DTZ001
    with pytest.raises(ValueError, match="timezone-aware"):
        sweep_quiet([], datetime(2021, 2, 14), TrackerPolicy())  # noqa: DTZ001


@pytest.mark.parametrize("confidence", [-0.1, 1.5, float("nan")])
def test_a_confidence_outside_zero_to_one_is_refused(confidence: float) -> None:
    rep = report("musk", "putin", P, "2021-02-14", confidence=confidence)
    with pytest.raises(ValueError, match="confidence"):
        track(rep, [], day("2021-02-14"), TrackerPolicy())


def test_an_empty_party_name_is_refused() -> None:
    rep = report("   ", "putin", P, "2021-02-14")
    with pytest.raises(ValueError, match="inviter has an empty name"):
        track(rep, [], day("2021-02-14"), TrackerPolicy())


def test_a_nonsensical_policy_is_refused() -> None:
    with pytest.raises(ValueError, match="window_days must be at least 1, got 0"):
        TrackerPolicy(window_days=0)
    with pytest.raises(ValueError, match="quiet_after_days must be at least 1, got -3"):
        TrackerPolicy(quiet_after_days=-3)


def test_track_never_mutates_its_inputs() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2021-04-20", kind=VISIT, place="Donbas"))
    known = list(ledger.invitations.values())
    frozen = copy.deepcopy(known)
    track(report("putin", "zelensky", P, "2021-04-22", kind=VISIT, place="Moscow"), known,
          day("2021-04-22"), TrackerPolicy())
    track(report("zelensky", "putin", A, "2021-04-23", kind=VISIT, place="Donbas"), known,
          day("2021-04-23"), TrackerPolicy())
    assert known == frozen


def test_notifications_carry_the_time_they_were_made() -> None:
    now = day("2021-02-14") + timedelta(hours=3)
    [outcome] = track(report("musk", "putin", P, "2021-02-14"), [], now, TrackerPolicy())
    assert outcome.notifications[0].created_at == now
    assert FIGURES["putin"].key == outcome.invitation.invitee.key


def test_a_later_article_recalling_the_acceptance_does_not_undo_the_meeting() -> None:
    ledger = Ledger()
    ledger.feed(report("trump", "kim", P, "2019-06-29", kind=VISIT, place="DMZ"))
    ledger.feed(report("trump", "kim", T, "2019-06-30", kind=VISIT, place="Panmunjom",
                       outlet="Two"))
    [recall] = ledger.feed(report("trump", "kim", A, "2019-07-01", kind=VISIT, place="DMZ",
                                  outlet="Three"))
    assert ledger.only().status == T and not recall.notifications


def test_an_occasion_in_another_language_spelling_is_the_same_place() -> None:
    ledger = Ledger()
    ledger.feed(report("zelensky", "putin", P, "2025-09-04", kind=VISIT, place="Kyiv"))
    ledger.feed(report("zelensky", "putin", D, "2025-09-06", kind=VISIT, place="Київ",
                       outlet="Other"))
    assert ledger.only().status == D and ledger.only().occasion.place == "Kyiv"


def test_different_wordings_of_an_occasion_at_the_same_place_are_one_invitation() -> None:
    ledger = Ledger()
    ledger.feed(report("macron", "scholz", P, "2023-12-05", kind=OccasionKind.EVENT,
                       place="Rome"))
    ledger.feed(report("macron", "scholz", T, "2023-12-16", kind=VISIT, place="Rome",
                       outlet="Other"))
    assert ledger.only().status == T
    assert ledger.only().occasion.kind == OccasionKind.EVENT  # the first wording is kept
