"""Outcome-only reports in the self-written corpus (tests/data/matcher, ids `<lang>-obs-`): a
guest "on a visit" and joint attendance, with no invitation word, in the eight first-class
languages. Each item says which observations (two figures) and lone observations (one
figure) the matcher must find, none for the hard negatives; the real gazetteer is used,
as by `invitewatch eval`."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.domain import Article, MatchResult, OccasionKind, Source, Status
from bot.matcher import Matcher
from bot.tracker import link_lone
from tests.support.tracker_ledger import Ledger, day, report

CORPUS = Path(__file__).resolve().parents[1] / "data" / "matcher"
FIRST_CLASS = ("en", "de", "fr", "es", "it", "pt", "ru", "uk")


def _items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for lang in FIRST_CLASS:
        for line in (CORPUS / f"{lang}.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if str(item.get("id", "")).startswith(f"{lang}-obs-"):
                    items.append(item)
    return items


ITEMS = _items()


@pytest.fixture(scope="module")
def real_matcher() -> Matcher:
    return Matcher.load()


def _run(matcher: Matcher, item: dict[str, Any]) -> MatchResult:
    published = datetime.fromisoformat(item["date"]).replace(hour=12, tzinfo=UTC)
    return matcher.match(Article(key=item["id"], text=item["text"], title=item.get("title", ""),
                                 published=published, lang=item["lang"]))


def test_every_language_has_positives_and_hard_negatives() -> None:
    for lang in FIRST_CLASS:
        mine = [i for i in ITEMS if i["lang"] == lang]
        assert any(i["observations_expected"] for i in mine), lang
        assert any(i["lone_expected"] for i in mine), lang
        assert any(not i["observations_expected"] and not i["lone_expected"] for i in mine), lang


@pytest.mark.parametrize("item", ITEMS, ids=[i["id"] for i in ITEMS])
def test_outcome_only_reports(real_matcher: Matcher, item: dict[str, Any]) -> None:
    result = _run(real_matcher, item)
    assert result.mentions == (), "no invitation word: no invitation"
    found = {(frozenset((o.first.name, o.second.name)), o.status.value)
             for o in result.observations}
    assert found == {(frozenset(o["parties"]), o["status"])
                     for o in item["observations_expected"]}
    lone = {(o.party.name, o.side, o.status.value) for o in result.lone_observations}
    assert lone == {(o["party"], o["side"], o["status"]) for o in item["lone_expected"]}


def test_joint_attendance_names_no_kind_it_was_not_told(real_matcher: Matcher) -> None:
    # "the session of parliament" is no occasion noun: attending it is no visit (a record
    # of another kind in the same place can still be the one it answers).
    item = next(i for i in ITEMS if i["id"] == "en-obs-06")
    (seen,) = _run(real_matcher, item).lone_observations
    assert seen.occasion.kind.value == "other" and seen.occasion.place == "Kyiv"
    visit = next(i for i in ITEMS if i["id"] == "en-obs-02")
    (guest,) = _run(real_matcher, visit).lone_observations
    assert guest.occasion.kind.value == "visit" and guest.occasion.place == "Kyiv"


def test_joint_attendance_answers_the_open_invitation_of_that_place(real_matcher: Matcher) -> None:
    """Read by the matcher, linked by the tracker: the invitation to address the parliament
    (held as "a conversation in Ukraine") took place when the guest's joint participation
    in its session is reported, though the report names no occasion noun."""
    ledger = Ledger()
    ledger.feed(report("zelensky", "macron", Status.PENDING, "2022-05-03",
                       kind=OccasionKind.CONVERSATION, place="Ukraine"))
    ledger.notifications.clear()
    item = {"id": "t", "lang": "en", "date": "2022-05-22", "text":
            "He spoke during his joint participation with Emmanuel Macron in the plenary "
            "session of the parliament of Ukraine."}
    (seen,) = _run(real_matcher, item).lone_observations
    source = Source(url="https://wire.example/rada", outlet="Wire", lang="en",
                    published=day("2022-05-22"))
    link = link_lone(seen, source, list(ledger.invitations.values()), source.published,
                     ledger.policy)
    for outcome in link.outcomes:
        ledger.apply(outcome)
    assert ledger.only().status == Status.TOOK_PLACE
