"""run_matcher_eval on a tiny corpus written here, and on ../shared when it is there."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.evaluation.matcher_eval import run_matcher_eval
from bot.matcher import Matcher

ITEMS = [
    {"id": "t-1", "lang": "en", "date": "2023-05-01", "title": "",
     "text": "Emmanuel Macron invited Olaf Scholz to Paris. Scholz accepted the invitation.",
     "expected": [{"inviter": "Macron", "invitee": "Olaf Scholz", "status": "accepted",
                   "kind": "visit"}]},
    {"id": "t-2", "lang": "en", "date": "2023-05-01", "title": "",
     "text": "Macron invites the French to vote on Sunday.", "expected": []},
    {"id": "t-3", "lang": "en", "date": "2023-05-01", "title": "",
     "text": "Joe Rogan invited Mark Zuckerberg to his podcast.",
     "expected": [{"inviter": "Joe Rogan", "invitee": "Mark Zuckerberg", "status": "declined",
                   "kind": "interview"}]},
    {"id": "t-4", "lang": "en", "date": "2023-05-01", "title": "",
     "text": "Pedro Sánchez met Lula in Madrid.",
     "expected": [{"inviter": "Pedro Sánchez", "invitee": "Lula", "status": "pending",
                   "kind": "visit"}]},
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    with (tmp_path / "en.jsonl").open("w", encoding="utf-8") as handle:
        for item in ITEMS:
            handle.write(json.dumps(item) + "\n")
        handle.write("not json\n")
    return tmp_path


def test_scores(matcher: Matcher, corpus: Path) -> None:
    out = io.StringIO()
    code = run_matcher_eval(matcher, data_dir=corpus, shared_dir=None, out=out, as_json=True)
    report = json.loads(out.getvalue())
    en = report["languages"]["en"]
    assert (en["tp"], en["fp"], en["fn"]) == (2, 0, 1)
    assert en["precision"] == 1.0 and round(en["recall"], 3) == 0.667
    assert en["status_accuracy"] == 0.5
    assert en["confusion"] == {"accepted": {"accepted": 1}, "declined": {"pending": 1}}
    assert any("not JSON" in p for p in report["problems"])
    assert code == 1  # F1 0.8 < 0.9


def test_text_report(matcher: Matcher, corpus: Path) -> None:
    out = io.StringIO()
    run_matcher_eval(matcher, data_dir=corpus, shared_dir=None, out=out)
    text = out.getvalue()
    assert "Status confusion" in text and "Targets missed" in text


def test_nothing_to_evaluate(matcher: Matcher, tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_matcher_eval(matcher, data_dir=tmp_path / "absent", shared_dir=None, out=out) == 2


def test_an_empty_corpus_claims_no_success(matcher: Matcher, tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_matcher_eval(matcher, data_dir=tmp_path, shared_dir=tmp_path, out=out) == 2
    text = out.getvalue()
    assert "All targets met" not in text and "nothing to measure" in text


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.mark.slow  # a whole corpus
@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason=f"{SHARED} is absent")
def test_shared_corpus_sections(matcher: Matcher, tmp_path: Path) -> None:
    out = io.StringIO()
    run_matcher_eval(matcher, data_dir=tmp_path, shared_dir=SHARED, out=out, as_json=True)
    report = json.loads(out.getvalue())
    assert report["events"]["by_meeting_type"]["meeting_type=true"]["sentences"] > 0
    assert report["feeds_real"]["entries"] > 300
