"""The real-text gold files (tests/data/real) are valid, and hold labels, not text."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from bot.evaluation.real_eval import FEEDS, CorpusTexts, check_gold_object, load_gold, split_of

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "real"
GOLD_FILES = sorted(GOLD_DIR.glob("*.jsonl"))
# Ten words in a row shared with the source are copied text, not a note. (Shorter runs
# occur in honest paraphrase: "invited him to visit Ukraine at a convenient time".)
COPIED_RUN = 10


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_there_is_gold() -> None:
    assert GOLD_FILES, f"no gold files under {GOLD_DIR}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_every_line_is_valid(path: Path) -> None:
    problems = [p for number, obj in enumerate(_lines(path), start=1)
                for p in check_gold_object(obj, f"{path.name}:{number}")]
    assert problems == []


def test_ids_are_annotated_once() -> None:
    records, problems = load_gold(GOLD_DIR)
    assert problems == []
    assert len({r.id for r in records}) == len(records)


def test_the_checker_catches_bad_lines() -> None:
    good = {"id": "kremlin-en-67033", "corpus": "news-cc/en.jsonl", "lang": "en",
            "date": "2021-10-29", "split": split_of("kremlin-en-67033"), "expected": [],
            "observations": [], "tags": ["negative"], "note": "a short note"}
    assert check_gold_object(good, "x") == []
    wrong_half = "test" if good["split"] == "dev" else "dev"
    bad_lines = [
        {**good, "split": wrong_half},
        {**good, "tags": ["made-up-tag"]},
        {**good, "note": "word " * 100},
        {**good, "text": "the article"},
        {**good, "tags": ["negative"], "expected": [
            {"inviter": "A B", "invitee": "C D", "status": "accepted"}]},
        {**good, "tags": ["explicit-cue"], "expected": [
            {"inviter": "A B", "invitee": "C D", "status": "maybe"}]},
        {**good, "observations": [{"parties": [], "kind": "meeting",
                                   "status": "took_place"}]},
        {**good, "observations": [{"parties": ["A B"], "kind": "lunch",
                                   "status": "took_place"}]},
    ]
    for bad in bad_lines:
        assert check_gold_object(bad, "x"), bad


@functools.cache
def _texts(shared_dir: Path) -> CorpusTexts:
    return CorpusTexts(shared_dir / "corpus")  # each corpus file parsed once per session


def _corpus(shared_dir: Path, name: str) -> dict[str, dict[str, Any]]:
    records = _texts(shared_dir).file(name)
    if records is None:
        pytest.skip(f"{shared_dir / 'corpus' / name} is absent")
    return records


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_ids_exist_and_nothing_is_copied(path: Path, shared_dir: Path) -> None:
    for obj in _lines(path):
        item = _corpus(shared_dir, obj["corpus"]).get(obj["id"])
        assert item is not None, f"{obj['id']} is not in {obj['corpus']}"
        assert obj["date"] == item["date"], obj["id"]
        if not obj["corpus"].startswith(FEEDS):  # a feed may not declare its language
            assert obj["lang"] == item["lang"], obj["id"]
        source = " ".join(_words(f"{item['title']} {item['text']}"))
        note = _words(obj["note"])
        for start in range(len(note) - COPIED_RUN + 1):
            run = " ".join(note[start:start + COPIED_RUN])
            assert f" {run} " not in f" {source} ", f"{obj['id']}: the note quotes the text"


@pytest.mark.parametrize(("file", "corpus", "source"), [
    ("news-cc-en-kremlin.jsonl", "news-cc/en.jsonl", "kremlin.ru"),
    ("news-cc-fr.jsonl", "news-cc/fr.jsonl", ""),
])
def test_the_annotated_part_is_complete(file: str, corpus: str, source: str,
                                        shared_dir: Path) -> None:
    wanted = {i for i, item in _corpus(shared_dir, corpus).items() if source in item["url"]}
    assert {obj["id"] for obj in _lines(GOLD_DIR / file)} == wanted
