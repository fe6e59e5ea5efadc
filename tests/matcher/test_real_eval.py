"""The real-text evaluation scores a tiny gold + corpus pair written here exactly."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli.evaluation import evaluate_matcher
from bot.evaluation.real_eval import (
    errors_by_tag,
    evaluate_real,
    feed_record_id,
    load_gold,
    run_real_eval,
    split_of,
)
from bot.matcher import Matcher

# (text, expected, tags); the matcher's answer for each text is stated beside it.
CASES: list[tuple[str, list[dict[str, str]], list[str]]] = [
    # found with the right pair and status
    ("Emmanuel Macron invited Olaf Scholz to Paris. Scholz accepted the invitation.",
     [{"inviter": "Emmanuel Macron", "invitee": "Olaf Scholz", "status": "accepted"}],
     ["explicit-cue"]),
    # found with the right pair, status pending instead of declined
    ("Joe Rogan invited Mark Zuckerberg to his podcast.",
     [{"inviter": "Joe Rogan", "invitee": "Mark Zuckerberg", "status": "declined"}],
     ["status-wording"]),
    # nothing found
    ("Pedro Sánchez met Lula in Madrid.",
     [{"inviter": "Pedro Sánchez", "invitee": "Lula", "status": "took_place"}],
     ["outcome-only"]),
    # a negative and nothing found
    ("Macron invites the French to vote on Sunday.", [], ["not-between-figures"]),
    # labelled a negative here on purpose, so the matcher's pair is a false alarm
    ("Joe Biden invited Xi Jinping to Washington.", [], ["negative"]),
]


def _ids(count: int) -> list[str]:
    """Ids that alternate dev/test, so both halves are non-empty."""
    ids: list[str] = []
    n = 0
    while len(ids) < count:
        candidate = f"tiny-{n}"
        n += 1
        if split_of(candidate) == ("dev" if len(ids) % 2 == 0 else "test"):
            ids.append(candidate)
    return ids


@pytest.fixture()
def tiny(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    ids = _ids(len(CASES) + 1)
    corpus = tmp_path / "corpus" / "news-cc"
    corpus.mkdir(parents=True)
    gold = tmp_path / "gold"
    gold.mkdir()
    texts, lines = [], []
    for record_id, (text, expected, tags) in zip(ids, CASES, strict=False):
        texts.append({"id": record_id, "lang": "en", "date": "2023-05-01", "title": "",
                      "text": text})
        lines.append({"id": record_id, "corpus": "news-cc/en.jsonl", "lang": "en",
                      "date": "2023-05-01", "split": split_of(record_id), "expected": expected,
                      "observations": [], "tags": tags, "note": "written for the test"})
    # annotated, but its text is not in the corpus file
    lines.append({**lines[0], "id": ids[-1], "split": split_of(ids[-1])})
    (corpus / "en.jsonl").write_text("".join(json.dumps(t) + "\n" for t in texts), "utf-8")
    body = "".join(json.dumps(line) + "\n" for line in lines)
    (gold / "news-cc-en-tiny.jsonl").write_text(body + '{"id": "bad"}\n', "utf-8")
    return gold, tmp_path / "corpus", ids


def test_all_records_scored_exactly(
        matcher: Matcher, tiny: tuple[Path, Path, list[str]]) -> None:
    gold, corpus, _ = tiny
    records, problems = load_gold(gold)
    assert len(records) == len(CASES) + 1
    assert problems and all(p.startswith("news-cc-en-tiny.jsonl:7: ") for p in problems)
    report = evaluate_real(matcher, records, corpus, "all")
    en = report.scores["en"]
    assert (en.records, en.positives, en.negatives) == (5, 3, 2)
    assert (en.detected, en.false_alarms) == (2, 1)
    assert (en.true_pos, en.false_pos, en.false_neg, en.status_right) == (2, 1, 1, 1)
    assert en.detection_precision == pytest.approx(2 / 3)
    assert en.detection_recall == pytest.approx(2 / 3)
    assert en.f1 == pytest.approx(2 / 3)
    assert en.status_accuracy == 0.5
    assert report.skipped == {"id not in news-cc/en.jsonl": 1}


def test_halves_partition_the_records(matcher: Matcher,
                                      tiny: tuple[Path, Path, list[str]]) -> None:
    gold, corpus, _ = tiny
    records, _problems = load_gold(gold)
    dev = evaluate_real(matcher, records, corpus, "dev")
    test = evaluate_real(matcher, records, corpus, "test")
    # ids alternate dev/test: cases 1, 3, 5 are dev and 2, 4 test
    assert (dev.measured, test.measured) == (3, 2)
    assert [o.record.id for o in dev.outcomes] == [r.id for r in records[:5:2]]
    with pytest.raises(ValueError):
        evaluate_real(matcher, records, corpus, "train")


def test_errors_grouped_by_tag(matcher: Matcher, tiny: tuple[Path, Path, list[str]]) -> None:
    gold, corpus, ids = tiny
    records, _problems = load_gold(gold)
    grouped = errors_by_tag(evaluate_real(matcher, records, corpus, "all"))
    assert set(grouped) == {"status-wording", "outcome-only", "negative"}
    assert [o.record.id for o in grouped["outcome-only"]] == [ids[2]]
    assert grouped["outcome-only"][0].problems[0].startswith("missed pedro-sanchez")
    assert grouped["status-wording"][0].problems[0].startswith("status pending, expected declined")
    assert grouped["negative"][0].problems[0].startswith("false pair joe-biden -> xi-jinping")


def test_one_pair_with_two_invitations_counts_once(
        matcher: Matcher, tiny: tuple[Path, Path, list[str]]) -> None:
    gold, corpus, _ = tiny
    records, _problems = load_gold(gold)
    first = records[0]
    first.expected.append(type(first.expected[0])("Emmanuel Macron", "Olaf Scholz", "took_place"))
    report = evaluate_real(matcher, [first], corpus, "all")
    score = report.scores["en"]
    assert (score.true_pos, score.false_neg, score.status_right) == (1, 0, 1)


def test_report_text_and_json(matcher: Matcher, tiny: tuple[Path, Path, list[str]]) -> None:
    gold, corpus, _ = tiny
    out = io.StringIO()
    code, summary = run_real_eval(matcher, gold_dir=gold, corpus_root=corpus, out=out,
                                  split="all", errors=True)
    text = out.getvalue()
    assert code == 0
    assert text.startswith("Real text (all records")
    assert "outcome-only: 1 records, 1 missed, 0 wrong status, 0 false pairs" in text
    assert summary["overall"]["tp"] == 2 and summary["overall"]["false_alarms"] == 1
    assert summary["errors_by_tag"]["negative"]["false_pair"] == 1
    assert any("news-cc-en-tiny.jsonl:7" in p for p in summary["gold_problems"])


def test_absent_corpus_is_skipped_with_a_message(matcher: Matcher,
                                                 tiny: tuple[Path, Path, list[str]],
                                                 tmp_path: Path) -> None:
    gold, _, _ = tiny
    out = io.StringIO()
    code, summary = run_real_eval(matcher, gold_dir=gold, corpus_root=tmp_path / "absent",
                                  out=out, split="all")
    assert code == 2
    assert summary["skipped"] == {f"news-cc/en.jsonl not found under {tmp_path / 'absent'}": 6}
    assert "Nothing measured on real text." in out.getvalue()


def test_cli_real_only_without_the_shared_corpus_fails(matcher: Matcher, tmp_path: Path,
                                                       capsys: Any) -> None:
    code = evaluate_matcher(matcher, data_dir=None, shared_dir=tmp_path, as_json=False,
                            split="test", errors=False, real_only=True)
    assert code == 2
    assert "skipped" in capsys.readouterr().out


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>t</title><link>https://news.example.org/</link>
<language>en</language>
<item><title>Visit</title><link>https://news.example.org/a</link>
<pubDate>Mon, 01 May 2023 10:00:00 GMT</pubDate>
<description>Emmanuel Macron invited Olaf Scholz to Paris. Scholz accepted the invitation.</description>
</item>
<item><title>Other</title><link>https://news.example.org/b</link>
<pubDate>Mon, 01 May 2023 11:00:00 GMT</pubDate>
<description>Museums open late on Friday.</description></item>
</channel></rss>
"""


def test_feed_entries_are_read_through_the_feed_parser(matcher: Matcher, tmp_path: Path) -> None:
    corpus = "feeds-real/example/news.xml"
    (tmp_path / "corpus" / "feeds-real" / "example").mkdir(parents=True)
    (tmp_path / "corpus" / corpus).write_text(FEED, "utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    lines = []
    for key, expected in (("https://news.example.org/a", [
            {"inviter": "Emmanuel Macron", "invitee": "Olaf Scholz", "status": "accepted"}]),
            ("https://news.example.org/b", [])):
        record_id = feed_record_id(corpus, key)
        lines.append({"id": record_id, "corpus": corpus, "lang": "en", "date": "2023-05-01",
                      "split": split_of(record_id), "expected": expected,
                      "tags": ["explicit-cue" if expected else "negative"], "note": "test"})
    (gold / "feeds-real.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    records, problems = load_gold(gold)
    assert problems == []
    report = evaluate_real(matcher, records, tmp_path / "corpus", "all")
    en = report.scores["en"]
    assert (en.records, en.true_pos, en.status_right, en.false_alarms) == (2, 1, 1, 0)


def test_feed_ids_do_not_depend_on_where_the_corpus_sits() -> None:
    corpus = "feeds-real/feed-rs/reddit.xml"
    assert feed_record_id(corpus, "file:///a/b/shared/corpus/feeds-real/feed-rs/t3_1") == \
        feed_record_id(corpus, "file://elsewhere/feeds-real/feed-rs/t3_1") == \
        "feed-rs/reddit.xml#feed-rs/t3_1"
    assert feed_record_id(corpus, "https://x.org/feeds-real/1") == \
        "feed-rs/reddit.xml#https://x.org/feeds-real/1"


def test_cli_real_only_json_names_what_was_skipped(matcher: Matcher, tmp_path: Path,
                                                   capsys: Any) -> None:
    code = evaluate_matcher(matcher, data_dir=None, shared_dir=tmp_path, as_json=True,
                            split="dev", errors=True, real_only=True)
    report = json.loads(capsys.readouterr().out)
    assert code == 2
    assert set(report) == {"real_text"}
    assert report["real_text"]["split"] == "dev"
    assert report["real_text"]["overall"]["records"] == 0
    assert any("not found under" in reason for reason in report["real_text"]["skipped"])
