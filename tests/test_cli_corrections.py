"""`invitewatch correct ...` and `invitations show [--debug]`, driven as an editor would
(click's runner, a temporary config dir, SQLite; the store tests cover PostgreSQL)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main

ARTICLES = [
    {"id": "a", "date": "2025-05-11", "lang": "en", "url": "https://a.example/1",
     "text": "Volodymyr Zelensky invited Vladimir Putin to talks in Istanbul."},
    {"id": "b", "date": "2025-05-12", "lang": "en", "url": "https://b.example/2",
     "text": "Donald Trump invited Vladimir Putin to talks in Istanbul."},
    {"id": "c", "date": "2025-05-14", "lang": "en", "url": "https://c.example/3",
     "text": "Vladimir Putin will not attend the talks in Istanbul, the Kremlin said."},
]


@pytest.fixture
def config_dir(tmp_path: Path, repo_root: Path) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    (directory / "feeds.toml").write_text("", encoding="utf-8")
    return directory


def run(config_dir: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["--config-dir", str(config_dir), *args],
                              catch_exceptions=False)


@pytest.fixture
def db(config_dir: Path, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'corrections.db'}"
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    replayed = run(config_dir, "replay", str(path), "--database", url)
    assert replayed.exit_code == 0, replayed.output
    return url


def records(config_dir: Path, db: str) -> list[dict[str, Any]]:
    listed = run(config_dir, "--database", db, "invitations", "list", "--json")
    assert listed.exit_code == 0, listed.output
    return sorted(json.loads(listed.output), key=lambda r: r["id"])


def test_show_debug_tells_why_a_report_was_linked_to_none(config_dir: Path, db: str) -> None:
    first, _ = records(config_dir, db)
    plain = run(config_dir, "--database", db, "invitations", "show", str(first["id"]))
    assert plain.exit_code == 0 and "linked to none" not in plain.output
    assert "1. 2025-05-11" in plain.output
    debug = run(config_dir, "--database", db, "invitations", "show", str(first["id"]), "--debug")
    assert "[debug] ambiguous_link" in debug.output and "linked to none" in debug.output


def test_status_correction_then_merge_then_split(config_dir: Path, db: str) -> None:
    first, second = records(config_dir, db)
    one = str(first["id"])
    done = run(config_dir, "--database", db, "correct", "status", one, "declined",
               "--note", "the Kremlin's no was about these talks", "--by", "ed")
    assert done.exit_code == 0, done.output
    assert f"#{one} set to declined" in done.output and "1 announcement(s) queued" in done.output
    shown = run(config_dir, "--database", db, "invitations", "show", one)
    assert "[editorial] editor: cli:ed" in shown.output and "declined" in shown.output

    # A record cannot be merged with itself: a clear error, nothing changed.
    refused = run(config_dir, "--database", db, "correct", "merge", one, one, "--note", "x")
    assert refused.exit_code == 1 and "with itself" in refused.output
    assert len(records(config_dir, db)) == 2

    split = run(config_dir, "--database", db, "correct", "split", one, "2", "--note",
                "the editor's entry is its own record")
    assert split.exit_code == 0, split.output
    third = records(config_dir, db)[-1]
    assert third["status"] == "declined" and third["inviter"] == first["inviter"]
    assert records(config_dir, db)[0]["status"] == "pending"
    merged = run(config_dir, "--database", db, "correct", "merge", one, str(third["id"]),
                 "--note", "one story after all")
    assert merged.exit_code == 0, merged.output
    assert [r["id"] for r in records(config_dir, db)] == [first["id"], second["id"]]
    shown = run(config_dir, "--database", db, "invitations", "show", one)
    assert "[editorial] split" in shown.output and "[editorial] merge" in shown.output


def test_hide_and_undo(config_dir: Path, db: str) -> None:
    first, _ = records(config_dir, db)
    one = str(first["id"])
    hidden = run(config_dir, "--database", db, "correct", "hide", one, "--note", "a hoax")
    assert hidden.exit_code == 0 and "hidden as a false record" in hidden.output
    assert "1 announcement(s) queued" in hidden.output, hidden.output
    assert [r["id"] for r in records(config_dir, db)] != [] and \
        first["id"] not in [r["id"] for r in records(config_dir, db)]
    shown = run(config_dir, "--database", db, "invitations", "show", one)
    assert "(hidden as false)" in shown.output
    back = run(config_dir, "--database", db, "correct", "hide", one, "--undo", "--note", "real")
    assert back.exit_code == 0 and first["id"] in [r["id"] for r in records(config_dir, db)]


def test_bad_requests_are_clear(config_dir: Path, db: str) -> None:
    missing = run(config_dir, "--database", db, "correct", "status", "999", "declined",
                  "--note", "x")
    assert missing.exit_code == 1 and "no record #999" in missing.output
    no_note = run(config_dir, "--database", db, "correct", "hide", "1")
    assert no_note.exit_code == 2 and "--note" in no_note.output
    bad_entry = run(config_dir, "--database", db, "correct", "split", "1", "9", "--note", "x")
    assert bad_entry.exit_code == 1 and "no entry 9" in bad_entry.output


def _days_ago(days: int, end: datetime | None) -> str:
    # Before `end` (None: today). Replay dates a report's arrival by its article, and the
    # correction is made now.
    return ((end or datetime.now(UTC)) - timedelta(days=days)).date().isoformat()


# Today; and years ago, as on a database replayed from an archive: the wait is measured
# against the store's own time (its newest article), not the editor's wall clock, which
# would have every report that waited in 2022 expired.
@pytest.mark.parametrize("end", [None, datetime(2022, 3, 1, tzinfo=UTC)],
                         ids=["recent", "replayed-archive"])
def test_a_status_correction_retries_the_waiting_reports(config_dir: Path, tmp_path: Path,
                                                         end: datetime | None) -> None:
    """The meeting misread as held settles the record, so the Kremlin's refusal waits; the
    editor's `correct status` (through `pipeline.retry_waiting`, the host's policy) lets it
    join, and the editor's status holds: the refusal was in front of them."""
    url = f"sqlite:///{tmp_path / 'waiting.db'}"
    path = tmp_path / "waiting.jsonl"
    articles = [
        {"id": "w1", "date": _days_ago(10, end), "lang": "en", "url": "https://w.example/1",
         "text": "Volodymyr Zelensky invited Vladimir Putin to talks in Istanbul."},
        {"id": "w2", "date": _days_ago(8, end), "lang": "en", "url": "https://w.example/2",
         "text": "Volodymyr Zelensky and Vladimir Putin met in Istanbul."},
        {"id": "w3", "date": _days_ago(7, end), "lang": "en", "url": "https://w.example/3",
         "text": "Vladimir Putin will not attend the talks in Istanbul, the Kremlin said."},
    ]
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    assert run(config_dir, "replay", str(path), "--database", url).exit_code == 0
    [before] = records(config_dir, url)
    assert before["status"] == "took_place"
    assert sorted(e["status"] for e in before["timeline"]) == ["pending", "took_place"]

    one = str(before["id"])
    done = run(config_dir, "--database", url, "correct", "status", one, "accepted",
               "--note", "misread: they have not met yet", "--by", "ed")
    assert done.exit_code == 0, done.output
    assert "1 waiting report(s) joined" in done.output, done.output
    [after] = records(config_dir, url)
    assert after["status"] == "accepted"
    assert "declined" in [e["status"] for e in after["timeline"]]
    assert "https://w.example/3" in after["sources"]
    # Nothing waits any more: a second correction joins nothing twice.
    again = run(config_dir, "--database", url, "correct", "status", one, "accepted",
                "--note", "still accepted", "--by", "ed")
    assert again.exit_code == 0 and "joined" not in again.output, again.output
    [last] = records(config_dir, url)
    assert [e["status"] for e in last["timeline"]].count("declined") == 1
