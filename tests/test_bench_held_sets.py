"""bench/held_sets.py: one matcher for every held set, its lines and its comparison."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "held_sets.py"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load(BENCH)


def test_a_written_line_reads_back_the_same(bench: ModuleType) -> None:
    line = bench.SetLine("b9-check", 42, 14, 32, 1, 7, 0.889, 0.844)
    assert bench.parse_line(line.text()) == line
    assert bench.parse_line(bench.HEADER) is None
    assert bench.parse_line("no set changed") is None


def test_only_changed_sets_are_listed_with_their_old_line(bench: ModuleType) -> None:
    same = bench.SetLine("a", 10, 2, 5, 1, 1, 0.833, 1.0)
    old = bench.SetLine("b", 10, 2, 5, 1, 1, 0.833, 1.0)
    new = bench.SetLine("b", 10, 2, 6, 1, 0, 0.923, 0.833)
    fresh = bench.SetLine("c", 4, 1, 2, 0, 0, 1.0, 1.0)
    listed = bench.changes({"a": same, "b": old}, [same, new, fresh])
    assert len(listed) == 3
    assert listed[0].startswith("b ") and "F1 +0.090 status -0.167" in listed[0]
    assert listed[1] == f"  was {old.text()}"
    assert listed[2].endswith("(new)")
    assert bench.changes({"a": same}, [same]) == []


def test_only_and_skip_select_sets_by_name(bench: ModuleType, tmp_path: Path) -> None:
    for name in ("b24-check", "b25-check", "b25-long"):
        (tmp_path / name).mkdir()
    names = [n for n, _ in bench.held_sets(tmp_path, None, "^b25")]
    assert names == ["held", "b24-check"]
    assert [n for n, _ in bench.held_sets(tmp_path, "long", None)] == ["b25-long"]


def test_the_table_scores_a_set_with_the_real_matcher(
        bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    items = [
        {"id": "en-mine-01", "lang": "en", "date": "2025-03-04", "title": "An invitation",
         "text": "President Emmanuel Macron on Tuesday invited Chancellor Olaf Scholz to "
                 "visit Paris next month. Berlin has not yet answered.",
         "expected": [{"inviter": "Emmanuel Macron", "invitee": "Olaf Scholz",
                       "status": "pending", "kind": "visit"}], "tags": [], "note": ""},
        {"id": "en-mine-02", "lang": "en", "date": "2025-03-04", "title": "Weather",
         "text": "Heavy rain is expected across the north on Wednesday.",
         "expected": [], "tags": [], "note": ""},
    ]
    (folder / "en.jsonl").write_text(
        "".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    saved = tmp_path / "before.txt"
    assert bench.main(["--root", str(tmp_path), "--skip", "^held$", "--pooled",
                       "--save", str(saved)]) == 0
    lines = [bench.parse_line(t) for t in capsys.readouterr().out.splitlines()]
    rows = {line.name: line for line in lines if line is not None}
    assert rows["mine"] == bench.SetLine("mine", 2, 1, 1, 0, 0, 1.0, 1.0)
    assert rows["POOLED"].tp == 1
    assert bench.main(["--root", str(tmp_path), "--skip", "^held$",
                       "--compare", str(saved)]) == 0
    assert capsys.readouterr().out.strip() == "no set changed"


STORIES_BENCH = BENCH.parent / "held_stories.py"
OWN_STORIES = BENCH.parents[1] / "tests" / "data" / "stories"


@pytest.fixture(scope="module")
def stories_bench() -> ModuleType:
    return _load(STORIES_BENCH)


def test_a_story_set_line_lists_only_what_changed(stories_bench: ModuleType) -> None:
    totals = dict.fromkeys(stories_bench.FIELDS, 0) | {"stories": 12, "held_exactly": 9}
    text = stories_bench.line("b25", totals)
    assert text.split() == ["b25", "12", "9", "0", "0", "0", "0", "0", "0", "0", "0"]
    worse = stories_bench.line("b25", totals | {"held_exactly": 8})
    assert stories_bench.changes({"b25": text}, [text]) == []
    assert stories_bench.changes({"b25": text}, [worse]) == [worse, f"  was {text}"]
    assert stories_bench.changes({}, [text]) == [f"{text}   (new)"]


def test_the_annotation_replays_a_story_set_through_the_tracker(
        stories_bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "own"
    folder.mkdir()
    for story in sorted(OWN_STORIES.glob("*.json"))[:3]:
        (folder / story.name).write_bytes(story.read_bytes())
    (tmp_path / "blind").mkdir()  # skipped below: never opened
    assert stories_bench.main(["--root", str(tmp_path), "--skip", "^blind$",
                               "--annotation"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == stories_bench.HEADER
    assert [r.split()[:4] for r in rows[1:]] == [["own", "3", "3", "3"]]
