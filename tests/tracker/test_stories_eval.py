"""The stories evaluation: reading the corpus, comparing records, counting duplicates."""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest

from bot.domain import (
    InvitationState,
    Notification,
    NotificationKind,
    Occasion,
    OccasionKind,
    Party,
    Status,
)
from bot.evaluation.stories_eval import (
    AnnotationMatcher,
    compare,
    count_duplicates,
    run_stories_eval,
)
from bot.evaluation.story_files import StoryFileError, load_story
from bot.matcher import Matcher

STORIES_DIR = Path(__file__).resolve().parents[1] / "data" / "stories"
NOON = datetime(2021, 2, 14, 12, tzinfo=UTC)


def write_story(tmp_path: Path, data: Any, name: str = "s.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def minimal() -> dict[str, Any]:
    return {
        "id": "s",
        "articles": [{"id": "a1", "date": "2021-02-14", "text": "x"}],
        "expected": {"records": [{"inviter": "A", "invitee": "B", "kind": "visit",
                                  "final_status": "pending"}], "notifications": 1},
    }


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d.pop("id"), r'"id" must be a non-empty string'),
    (lambda d: d.update(articles=[]), r'"articles" must be a non-empty list'),
    (lambda d: d["articles"][0].pop("date"), r'"articles\[0\]\.date" must be'),
    (lambda d: d["expected"]["records"][0].update(kind="party"),
     r'"expected\.records\[0\]\.kind" is \'party\', not one of visit'),
    (lambda d: d["expected"]["records"][0].update(final_status="maybe"),
     r'"expected\.records\[0\]\.final_status" is \'maybe\''),
    (lambda d: d["expected"].update(notifications=-1), r'"expected\.notifications" must be'),
    (lambda d: d["articles"][0].update(mentions=[{"inviter": "A"}]),
     r'"articles\[0\]\.mentions\[0\]\.invitee" must be'),
])
def test_a_malformed_story_is_refused_naming_file_and_key(
    tmp_path: Path, mutate: Any, message: str
) -> None:
    data = minimal()
    mutate(data)
    path = write_story(tmp_path, data)
    with pytest.raises(StoryFileError, match=message) as caught:
        load_story(path)
    assert str(path) in str(caught.value)


def test_a_story_that_is_not_json_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoryFileError, match="not valid JSON"):
        load_story(write_story(tmp_path, "{nope"))


def test_an_unreadable_corpus_exits_2_with_the_reason(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_stories_eval(stories_dir=tmp_path / "missing", out=out) == 2
    assert "no such directory" in out.getvalue()
    write_story(tmp_path, minimal(), "one.json")
    write_story(tmp_path, minimal(), "two.json")
    out = io.StringIO()
    assert run_stories_eval(stories_dir=tmp_path, out=out) == 2
    assert "used more than once: s" in out.getvalue()


def state(inviter: str, invitee: str, place: str | None, status: Status) -> InvitationState:
    return InvitationState(
        id=None, inviter=Party(inviter, inviter.lower()), invitee=Party(invitee, invitee.lower()),
        occasion=Occasion(OccasionKind.VISIT, place), status=status, status_at=NOON,
        first_seen=NOON, last_update=NOON, confidence=0.9)


class Names:
    def resolve(self, name: str, when: object = None) -> Party:
        return Party(name, name.lower())


class NameOnlyMatcher:
    gazetteer = Names()


def story_with(records: list[dict[str, Any]]) -> Any:
    data = minimal()
    data["expected"]["records"] = records
    return data


def test_compare_counts_split_merged_missing_and_extra(tmp_path: Path) -> None:
    data = story_with([
        {"inviter": "Z", "invitee": "P", "kind": "visit", "final_status": "pending",
         "place": "Donbas"},
        {"inviter": "Z", "invitee": "P", "kind": "visit", "final_status": "pending",
         "place": "Kyiv"},
        {"inviter": "A", "invitee": "B", "kind": "visit", "final_status": "declined"},
    ])
    story = load_story(write_story(tmp_path, data))
    matcher = cast(Matcher, NameOnlyMatcher())
    # One placeless Z->P record answering both Z->P records: one is merged into it.
    merged = compare(story, [state("Z", "P", None, Status.PENDING),
                             state("A", "B", None, Status.DECLINED)], [], matcher)
    assert (merged.merged, merged.missing, merged.split, merged.extra) == (1, 0, 0, 0)
    assert not merged.held
    # Two A->B records for one expected: a split; a C->D record: an extra; Kyiv missing.
    split = compare(story, [state("Z", "P", "Donbas", Status.PENDING),
                            state("A", "B", None, Status.DECLINED),
                            state("A", "B", None, Status.PENDING),
                            state("C", "D", None, Status.PENDING)], [], matcher)
    assert (split.merged, split.missing, split.split, split.extra) == (0, 1, 1, 1)
    exact = compare(story, [state("Z", "P", "Kyiv", Status.PENDING),
                            state("Z", "P", "Donbas", Status.PENDING),
                            state("A", "B", None, Status.ACCEPTED)], [], matcher)
    assert exact.held and not exact.status_right
    assert [c.status_right for c in exact.checks] == [True, True, False]



def test_among_records_fitting_alike_the_scorer_takes_the_one_with_the_expected_status(
    tmp_path: Path,
) -> None:
    story = load_story(write_story(tmp_path, story_with([
        {"inviter": "A", "invitee": "B", "kind": "visit", "final_status": "took_place"}])))
    matcher = cast(Matcher, NameOnlyMatcher())
    # Two placeless A->B records (a split): the one that took place is the story's record,
    # whichever of the two was stored first.
    for stored in ([state("A", "B", None, Status.PENDING),
                    state("A", "B", None, Status.TOOK_PLACE)],
                   [state("A", "B", None, Status.TOOK_PLACE),
                    state("A", "B", None, Status.PENDING)]):
        result = compare(story, stored, [], matcher)
        assert (result.split, result.held) == (1, False)
        assert result.status_right and result.checks[0].status == "took_place"


def test_the_occasion_outranks_the_status_when_choosing_the_record(tmp_path: Path) -> None:
    story = load_story(write_story(tmp_path, story_with([
        {"inviter": "A", "invitee": "B", "kind": "visit", "final_status": "took_place",
         "place": "Kyiv"}])))
    matcher = cast(Matcher, NameOnlyMatcher())
    result = compare(story, [state("A", "B", None, Status.TOOK_PLACE),
                             state("A", "B", "Kyiv", Status.DECLINED)], [], matcher)
    # The record naming Kyiv answers it, though the placeless one has the right status.
    assert result.checks[0].status == "declined" and not result.status_right
    assert result.split == 1


def test_two_expected_records_of_one_pair_each_get_the_record_with_their_status(
    tmp_path: Path,
) -> None:
    story = load_story(write_story(tmp_path, story_with([
        {"inviter": "A", "invitee": "B", "kind": "visit", "final_status": "declined"},
        {"inviter": "A", "invitee": "B", "kind": "visit", "final_status": "took_place"},
    ])))
    matcher = cast(Matcher, NameOnlyMatcher())
    stored = [state("A", "B", None, Status.TOOK_PLACE), state("A", "B", None, Status.DECLINED)]
    for order in (stored, stored[::-1]):
        result = compare(story, order, [], matcher)
        assert result.held and result.status_right
        assert [c.status for c in result.checks] == ["declined", "took_place"]

def note(kind: NotificationKind, ident: int, status: Status) -> Notification:
    return Notification(kind=kind, invitation_id=ident, inviter="A", invitee="B", occasion="x",
                        status=status, previous_status=None, source_url=None, outlet=None,
                        source_date=NOON, languages=(), evidence="", confidence=0.9,
                        created_at=NOON)


def test_duplicates_are_second_news_and_repeated_statuses() -> None:
    new, status = NotificationKind.NEW, NotificationKind.STATUS
    clean = [note(new, 1, Status.PENDING), note(status, 1, Status.DECLINED),
             note(status, 1, Status.ACCEPTED), note(new, 2, Status.PENDING)]
    assert count_duplicates(clean) == 0
    assert count_duplicates([*clean, note(new, 1, Status.ACCEPTED)]) == 1
    assert count_duplicates([*clean, note(status, 1, Status.ACCEPTED)]) == 1


@pytest.mark.slow  # a whole corpus
def test_with_the_annotation_the_whole_corpus_meets_every_target() -> None:
    out = io.StringIO()
    assert run_stories_eval(stories_dir=STORIES_DIR, out=out, as_json=True,
                            annotation=True) == 0
    totals = json.loads(out.getvalue())["totals"]
    assert totals["held_ratio"] == 1.0 and totals["status_ratio"] == 1.0
    assert totals["duplicates"] == 0
    assert totals["notifications_sent"] == totals["notifications_ideal"]


@pytest.mark.slow  # a whole corpus
def test_with_the_real_matcher_failures_show_what_the_matcher_said(tmp_path: Path) -> None:
    """Whatever the matcher's current quality: the run completes, the tracker never sends
    a duplicate, and a failing story is explained article by article."""
    for name in ("musk-putin-clubhouse.json", "trump-kim-dmz-2019.json",
                 "zelensky-putin-kyiv-2025.json"):
        shutil.copy(STORIES_DIR / name, tmp_path / name)
    out = io.StringIO()
    code = run_stories_eval(stories_dir=tmp_path, out=out)
    text = out.getvalue()
    assert code in (0, 1)
    assert "3 stories" in text and "duplicates 0" in text
    assert "Mentions from: matcher." in text
    if code == 1:
        assert "matcher  " in text


def test_the_annotation_matcher_needs_an_annotated_corpus(tmp_path: Path) -> None:
    story = load_story(write_story(tmp_path, minimal()))
    with pytest.raises(StoryFileError, match="not annotated"):
        AnnotationMatcher([story])


def visit_story(observation: dict[str, Any]) -> dict[str, Any]:
    """An invitation to a visit, then a report of the visit with no invitation word."""
    return {
        "id": "visit",
        "articles": [
            {"id": "a1", "date": "2022-06-02", "text": "x", "mentions": [
                {"inviter": "A", "invitee": "B", "kind": "visit", "status": "pending",
                 "place": "Kyiv"}]},
            {"id": "a2", "date": "2022-06-21", "text": "y", "mentions": [],
             "observations": [observation]},
        ],
        "expected": {"records": [{"inviter": "A", "invitee": "B", "kind": "visit",
                                  "final_status": "took_place", "place": "Kyiv"}],
                     "notifications": 2},
    }


@pytest.mark.parametrize("parties", [["A", "B"], ["A", "C", "B"]])
def test_an_annotated_observation_moves_the_record_it_concerns(
        tmp_path: Path, parties: list[str]) -> None:
    write_story(tmp_path, visit_story({"parties": parties, "kind": "visit",
                                       "status": "took_place"}))
    out = io.StringIO()
    assert run_stories_eval(stories_dir=tmp_path, out=out, as_json=True, annotation=True) == 0
    totals = json.loads(out.getvalue())["totals"]
    assert totals["status_right"] == 1 and totals["notifications_sent"] == 2


def test_a_pending_or_one_party_observation_moves_nothing(tmp_path: Path) -> None:
    story = visit_story({"parties": ["A", "B"], "kind": "attendance", "status": "pending"})
    story["articles"][1]["observations"].append(
        {"parties": ["B"], "kind": "visit", "status": "took_place"})
    write_story(tmp_path, story)
    out = io.StringIO()
    run_stories_eval(stories_dir=tmp_path, out=out, as_json=True, annotation=True)
    assert json.loads(out.getvalue())["totals"]["status_right"] == 0


def test_an_observation_without_parties_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoryFileError, match=r'observations\[0\]\.parties" must be a list'):
        load_story(write_story(tmp_path, visit_story({"parties": [], "kind": "visit",
                                                      "status": "took_place"})))
