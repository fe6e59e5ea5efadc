"""Real-text stories: story files that reference shared-corpus records by id; the loader,
its errors, and the separate report in `eval --stories`."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.evaluation.real_stories import load_real_stories
from bot.evaluation.stories_eval import run_stories_eval
from bot.evaluation.story_files import StoryFileError

REPO = Path(__file__).resolve().parents[2]
REAL_DIR = REPO / "tests" / "data" / "stories" / "real"
GOLD_DIR = REPO / "tests" / "data" / "real"

# A tiny corpus of our own, in the shared corpus's record format.
RECORDS = [
    {"id": "r-1", "lang": "en", "date": "2022-01-10", "title": "A invites B",
     "text": "Alpha Person invited Beta Person to visit Gammaland.",
     "url": "https://example.org/1", "source": "Example press office"},
    {"id": "r-2", "lang": "en", "date": "2022-02-01", "title": "B in Gammaland",
     "text": "Beta Person arrived in Gammaland at the invitation of Alpha Person.",
     "url": "https://example.org/2", "source": "Example press office"},
]


def mention(status: str) -> dict[str, str]:
    return {"inviter": "Alpha Person", "invitee": "Beta Person", "kind": "visit",
            "status": status}


def real_story(**changes: Any) -> dict[str, Any]:
    story: dict[str, Any] = {
        "id": "alpha-beta",
        "articles": [
            {"ref": "news-cc/en.jsonl", "id": "r-1", "mentions": [mention("pending")]},
            {"ref": "news-cc/en.jsonl", "id": "r-2", "mentions": [mention("took_place")]},
        ],
        "expected": {"records": [{"inviter": "Alpha Person", "invitee": "Beta Person",
                                  "kind": "visit", "final_status": "took_place"}],
                     "notifications": 2},
    }
    story.update(changes)
    return story


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "news-cc").mkdir(parents=True)
    lines = "".join(json.dumps(r) + "\n" for r in RECORDS)
    (root / "news-cc" / "en.jsonl").write_text(lines, encoding="utf-8")
    return root


def write(directory: Path, data: dict[str, Any], name: str = "alpha-beta.json") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_references_are_resolved_into_ordinary_story_articles(
    tmp_path: Path, corpus: Path
) -> None:
    write(tmp_path / "real", real_story())
    [story] = load_real_stories(tmp_path / "real", corpus)
    first, second = story.articles
    assert first["text"] == RECORDS[0]["text"] and first["date"] == "2022-01-10"
    assert first["outlet"] == "Example press office" and first["lang"] == "en"
    assert second["id"] == "r-2" and second["title"] == "B in Gammaland"
    assert story.gold is not None and story.gold["r-2"][0].status.value == "took_place"
    assert story.records[0].final_status.value == "took_place"


def test_a_missing_record_id_is_a_clear_error(tmp_path: Path, corpus: Path) -> None:
    data = real_story()
    data["articles"][1]["id"] = "r-404"
    path = write(tmp_path / "real", data)
    with pytest.raises(StoryFileError) as caught:
        load_real_stories(tmp_path / "real", corpus)
    message = str(caught.value)
    assert str(path) in message and "articles[1]" in message and "'r-404'" in message
    assert str(corpus / "news-cc" / "en.jsonl") in message


@pytest.mark.parametrize(("ref", "reason"), [
    ("news-cc/xx.jsonl", "cannot be read"),
    ("../corpus/news-cc/en.jsonl", "inside the corpus directory"),
    ("/etc/passwd", "inside the corpus directory"),
    ("", "must be a non-empty string"),
])
def test_a_bad_reference_is_refused(tmp_path: Path, corpus: Path, ref: str, reason: str) -> None:
    data = real_story()
    data["articles"][0]["ref"] = ref
    write(tmp_path / "real", data)
    with pytest.raises(StoryFileError, match=reason):
        load_real_stories(tmp_path / "real", corpus)


def test_the_usual_story_validation_still_applies(tmp_path: Path, corpus: Path) -> None:
    data = real_story()
    data["expected"]["records"][0]["final_status"] = "maybe"
    write(tmp_path / "real", data)
    with pytest.raises(StoryFileError, match=r"final_status\" is 'maybe'"):
        load_real_stories(tmp_path / "real", corpus)


def own_corpus(directory: Path) -> Path:
    """A one-story self-written corpus, annotated, that meets every target."""
    story = {
        "id": "own",
        "articles": [{"id": "o-1", "date": "2021-02-14", "text": "Own text.",
                      "mentions": [{"inviter": "Delta Person", "invitee": "Epsilon Person",
                                    "kind": "meeting", "status": "pending"}]}],
        "expected": {"records": [{"inviter": "Delta Person", "invitee": "Epsilon Person",
                                  "kind": "meeting", "final_status": "pending"}],
                     "notifications": 1},
    }
    write(directory, story, "own.json")
    return directory


def test_real_stories_are_reported_first_and_apart(tmp_path: Path, corpus: Path) -> None:
    data = real_story()
    data["articles"] = data["articles"][:1]  # the arrival is missing: status stays pending
    write(tmp_path / "real", data)
    out = io.StringIO()
    code = run_stories_eval(stories_dir=own_corpus(tmp_path / "own"), out=out,
                            annotation=True, real_dir=tmp_path / "real", corpus_root=corpus)
    text = out.getvalue()
    real_at = text.index("== Real-text stories")
    own_at = text.index("== Self-written stories")
    assert real_at < text.index("alpha-beta") < own_at < text.index("own ")
    real_part, own_part = text[real_at:own_at], text[own_at:]
    assert "1 stories: held as exactly one record per expected record 1/1" in real_part
    assert "final status right 0/1" in real_part
    assert "final status right 1/1" in own_part
    # The exit code is the self-written corpus's: the real figures are a measurement.
    assert code == 0


def test_the_json_report_keeps_real_stories_under_their_own_key(
    tmp_path: Path, corpus: Path
) -> None:
    write(tmp_path / "real", real_story())
    out = io.StringIO()
    run_stories_eval(stories_dir=own_corpus(tmp_path / "own"), out=out, as_json=True,
                     annotation=True, real_dir=tmp_path / "real", corpus_root=corpus)
    payload = json.loads(out.getvalue())
    assert [s["id"] for s in payload["real"]["stories"]] == ["alpha-beta"]
    assert payload["real"]["totals"]["status_right"] == 1
    assert [s["id"] for s in payload["stories"]] == ["own"]
    assert payload["totals"]["stories"] == 1


def test_without_the_shared_corpus_real_stories_are_skipped_with_a_reason(
    tmp_path: Path,
) -> None:
    write(tmp_path / "real", real_story())
    out = io.StringIO()
    code = run_stories_eval(stories_dir=own_corpus(tmp_path / "own"), out=out,
                            annotation=True, real_dir=tmp_path / "real",
                            corpus_root=tmp_path / "absent")
    assert code == 0
    assert "Real-text stories skipped: the shared corpus" in out.getvalue()
    assert "absent" in out.getvalue()
    out = io.StringIO()
    run_stories_eval(stories_dir=tmp_path / "own", out=out, as_json=True, annotation=True,
                     real_dir=tmp_path / "real", corpus_root=tmp_path / "absent")
    assert "skipped" in json.loads(out.getvalue())["real"]


def test_a_broken_real_story_stops_the_evaluation_with_exit_2(
    tmp_path: Path, corpus: Path
) -> None:
    data = real_story()
    data["articles"][0]["id"] = "r-404"
    write(tmp_path / "real", data)
    out = io.StringIO()
    code = run_stories_eval(stories_dir=own_corpus(tmp_path / "own"), out=out,
                            annotation=True, real_dir=tmp_path / "real", corpus_root=corpus)
    assert code == 2 and "'r-404'" in out.getvalue()


# -- the shipped real-text stories -----------------------------------------------------------


def gold_labels() -> dict[str, set[tuple[str, str, str]]]:
    labels: dict[str, set[tuple[str, str, str]]] = {}
    for path in sorted(GOLD_DIR.glob("news-cc-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                labels[item["id"]] = {(e["inviter"], e["invitee"], e["status"])
                                      for e in item["expected"]}
    return labels


def test_the_shipped_real_stories_resolve_and_agree_with_the_gold(shared_dir: Path) -> None:
    stories = load_real_stories(REAL_DIR, shared_dir / "corpus")
    assert len(stories) >= 8
    assert all(story.gold is not None for story in stories), "every article is annotated"
    assert all(len(story.articles) >= 2 for story in stories), "a story follows several reports"
    labels = gold_labels()
    checked = 0
    for story in stories:
        assert story.gold is not None
        for article_id, mentions in story.gold.items():
            if article_id in labels:
                said = {(m.inviter, m.invitee, m.status.value) for m in mentions}
                assert said == labels[article_id], f"{story.id}: {article_id}"
                checked += 1
    assert checked >= 20  # the Ukraine records at least are in the gold files


def test_the_shipped_real_stories_copy_no_text(shared_dir: Path) -> None:
    """Ids and labels only: no run of six words of a note or description is in the text."""
    for story in load_real_stories(REAL_DIR, shared_dir / "corpus"):
        raw = json.loads(story.path.read_text(encoding="utf-8"))
        text = " " + " ".join(words(" ".join(a["title"] + " " + a["text"]
                                             for a in story.articles))) + " "
        for said in [raw["description"], *(a.get("note", "") for a in raw["articles"])]:
            found = words(said)
            for start in range(len(found) - 5):
                run = " ".join(found[start:start + 6])
                assert f" {run} " not in text, f"{story.id}: quotes '{run}'"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


@pytest.mark.slow
def test_eval_stories_reports_the_shipped_real_stories_first(shared_dir: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "--stories", "--annotation"])
    assert result.exit_code in (0, 1), result.output
    text = result.output
    assert text.index("== Real-text stories") < text.index("== Self-written stories")
    assert "zelensky-johnson-kyiv-2022" in text[:text.index("== Self-written stories")]


def test_the_matcher_reading_of_a_test_half_record_is_counted_but_never_shown(
    tmp_path: Path,
) -> None:
    from bot.evaluation.real_eval import split_of
    from bot.evaluation.stories_eval import AnnotationMatcher

    ids = [f"r-{n}" for n in range(1, 40)]
    dev_id = next(i for i in ids if split_of(i) == "dev")
    test_id = next(i for i in ids if split_of(i) == "test")
    root = tmp_path / "corpus"
    (root / "news-cc").mkdir(parents=True)
    records = [dict(RECORDS[0], id=dev_id), dict(RECORDS[1], id=test_id)]
    (root / "news-cc" / "en.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    story = real_story()
    story["articles"][0]["id"], story["articles"][1]["id"] = dev_id, test_id
    story["expected"]["records"][0]["final_status"] = "declined"  # fails: transcript shown
    write(tmp_path / "real", story)
    matcher = AnnotationMatcher(load_real_stories(tmp_path / "real", root))
    out = io.StringIO()
    run_stories_eval(stories_dir=own_corpus(tmp_path / "own"), out=out, matcher=matcher,
                     real_dir=tmp_path / "real", corpus_root=root)
    transcript = [line for line in out.getvalue().splitlines() if "matcher  " in line]
    assert any(dev_id in line and "Alpha Person -> Beta Person" in line
               for line in transcript)
    withheld = [line for line in transcript if test_id in line]
    assert len(withheld) == 1 and "test half, the matcher's reading withheld" in withheld[0]
    assert "took_place" not in withheld[0]
    # The stored record the test-half article fed is withheld too; only its count shows.
    stored = [line for line in out.getvalue().splitlines() if "stored   " in line]
    assert stored and all("its reading withheld" in line for line in stored)
    assert not any("Alpha Person" in line for line in stored)
