"""Occasions that evolve: one record while the occasion is refined; a bridging report merges
two records of one invitation; a vague report glues nothing (hand-built data only)."""

from __future__ import annotations

from bot.domain import NotificationKind, OccasionKind, Status
from tests.support.tracker_ledger import Ledger, report

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
    ledger.feed(report("trump", "putin", R, "2025-03-04", kind=MEETING, place=None,
                       evidence="The Kremlin said the meeting idea was interesting."))
    assert sorted(inv.occasion.place or "" for inv in ledger.invitations.values()) == [
        "Brussels", "Geneva"]
    assert all(o.merged_ids == () for o in ledger.outcomes)


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
