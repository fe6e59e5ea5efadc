"""The real-text gold of the President-of-Ukraine (en) and Ukrainian (uk) news-cc records:
format, dev/test split, coverage, and that no text of the corpus was copied into it."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FILES = {
    "news-cc-en-ukraine.jsonl": "news-cc/en.jsonl",
    "news-cc-uk.jsonl": "news-cc/uk.jsonl",
}
STATUSES = {"pending", "accepted", "declined", "responded", "took_place", "withdrawn"}
KINDS = {"visit", "state_visit", "meeting", "summit", "talks", "debate", "interview", "podcast",
         "conversation", "event", "ceremony", "other"}
OBSERVATION_KINDS = {"meeting", "visit", "call", "attendance", "cancellation"}
OBSERVATION_STATUSES = {"took_place", "declined", "withdrawn", "pending"}
TAGS = {"no-cue-proposal", "no-cue-offer", "conditional", "challenge", "idiom", "asked-to-come",
        "welcomed-to-visit", "outcome-only", "status-from-other-event", "status-wording",
        "not-in-gazetteer", "role-or-country", "direction-reversed", "messenger-or-envoy",
        "hypothetical", "tender", "at-the-invitation-of", "explicit-cue",
        "not-between-figures", "negative", "country-for-leader", "office-for-leader"}


def gold(name: str) -> list[dict[str, Any]]:
    path = REPO / "tests" / "data" / "real" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def split_of(record_id: str) -> str:
    return "dev" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_line_follows_the_gold_format(name: str) -> None:
    items = gold(name)
    assert len({item["id"] for item in items}) == len(items), "one line per record"
    for item in items:
        where = f"{name}: {item['id']}"
        assert item["corpus"] == FILES[name], where
        assert item["split"] == split_of(item["id"]), where
        for entry in item["expected"]:
            assert entry["inviter"] and entry["invitee"], where
            assert entry["inviter"] != entry["invitee"], where
            assert entry["status"] in STATUSES and entry["kind"] in KINDS, where
        for observation in item["observations"]:
            assert observation["parties"], where
            assert observation["kind"] in OBSERVATION_KINDS, where
            assert observation["status"] in OBSERVATION_STATUSES, where
        assert item["tags"] and set(item["tags"]) <= TAGS, where
        assert 0 < len(item["note"]) <= 240, where
        # A record without an invitation between figures says why.
        if not item["expected"]:
            assert {"negative", "not-between-figures", "hypothetical", "role-or-country"} \
                & set(item["tags"]), where


def test_both_halves_are_used() -> None:
    items = gold("news-cc-en-ukraine.jsonl") + gold("news-cc-uk.jsonl")
    splits = [item["split"] for item in items]
    assert splits.count("dev") > 50 and splits.count("test") > 50
    positives = [item for item in items if item["expected"]]
    assert len(positives) >= 40


def corpus(shared_dir: Path, ref: str) -> dict[str, dict[str, Any]]:
    path = shared_dir / "corpus" / ref
    records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {r["id"]: r for r in records}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_gold_covers_its_records_and_copies_no_text(shared_dir: Path, name: str) -> None:
    records = corpus(shared_dir, FILES[name])
    if name == "news-cc-en-ukraine.jsonl":
        wanted = {i for i, r in records.items() if "president.gov.ua" in r["source"]}
    else:
        wanted = set(records)
    items = gold(name)
    assert {item["id"] for item in items} == wanted
    for item in items:
        record = records[item["id"]]
        assert (item["date"], item["lang"]) == (record["date"], record["lang"]), item["id"]
        # No quotation beyond names: no run of six words of the note is in the record.
        text = " ".join(words(record["title"] + " " + record["text"]))
        note = words(item["note"])
        for start in range(len(note) - 5):
            run = " ".join(note[start:start + 6])
            assert f" {run} " not in f" {text} ", f"{item['id']}: note quotes '{run}'"
