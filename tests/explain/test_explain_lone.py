"""`invitewatch explain` on a report naming one party (issue 15): which open invitation it
answers on the current records, or why it is linked to none."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from bot.cli import main

# The records are days old when the report is explained (today, its text given by hand).
DAYS_AGO = [(datetime.now(UTC) - timedelta(days=n)).date().isoformat() for n in (0, 3, 2)]
ZELENSKY = {"id": "a", "date": DAYS_AGO[1], "lang": "en", "url": "https://a.example/1",
            "text": "Volodymyr Zelensky invited Vladimir Putin to talks in Istanbul."}
TRUMP = {"id": "b", "date": DAYS_AGO[2], "lang": "en", "url": "https://b.example/2",
         "text": "Donald Trump invited Vladimir Putin to talks in Istanbul."}
LONE = "Vladimir Putin will not attend the talks in Istanbul, the Kremlin said."


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    (directory / "feeds.toml").write_text("", encoding="utf-8")
    return directory


def run(config_dir: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["--config-dir", str(config_dir), *args],
                              catch_exceptions=False)


def explain_lone(config_dir: Path, tmp_path: Path, articles: list[dict[str, str]],
                 report: str = LONE) -> dict[str, str]:
    url = f"sqlite:///{tmp_path / 'lone.db'}"
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    assert run(config_dir, "replay", str(path), "--database", url).exit_code == 0
    text = tmp_path / "lone.txt"
    text.write_text(report, encoding="utf-8")
    result = run(config_dir, "--database", url, "explain", "--json", "--text", str(text),
                 "https://c.example/3")
    assert result.exit_code == 0, result.output
    return {s["step"]: s["decision"] + "\n" + "\n".join(s["details"])
            for s in json.loads(result.output)["steps"]}


def test_a_report_naming_one_party_shows_the_invitation_it_answers(
        config_dir: Path, tmp_path: Path) -> None:
    steps = explain_lone(config_dir, tmp_path, [ZELENSKY])
    assert "one party only: Vladimir Putin (the invitee's side)" in steps["invitations"]
    assert ("Vladimir Putin alone (declined): answers invitation #1 (Volodymyr Zelensky → "
            "Vladimir Putin), status → declined") in steps["tracker"], steps["tracker"]


def test_a_report_fitting_two_invitations_says_why_it_links_none(
        config_dir: Path, tmp_path: Path) -> None:
    steps = explain_lone(config_dir, tmp_path, [ZELENSKY, TRUMP])
    assert "fits 2 open invitations (#1, #2); linked to none rather than guess" in \
        steps["tracker"], steps["tracker"]


def test_a_report_fitting_no_invitation_says_so(config_dir: Path, tmp_path: Path) -> None:
    elsewhere = dict(ZELENSKY, text="Volodymyr Zelensky invited Vladimir Putin to Kyiv.")
    steps = explain_lone(config_dir, tmp_path, [elsewhere])
    assert "Vladimir Putin alone (declined): no open invitation it answers" in steps["tracker"]


def test_a_vague_report_fitting_two_records_of_its_pair_says_why_it_links_none(
        config_dir: Path, tmp_path: Path) -> None:
    brussels = dict(TRUMP, id="c", text="Donald Trump invited Vladimir Putin to a summit in "
                                        "Brussels.")
    geneva = dict(TRUMP, id="d", url="https://d.example/4",
                  text="Donald Trump invited Vladimir Putin to a summit in Geneva.")
    steps = explain_lone(config_dir, tmp_path, [brussels, geneva], report=(
        "The Kremlin said Vladimir Putin accepted Donald Trump's invitation to a summit."))
    assert ("Donald Trump → Vladimir Putin: a report of Donald Trump -> Vladimir Putin naming "
            "no place (accepted, a summit) fits 2 open invitations of the pair (#1, #2: "
            "Brussels, Geneva); linked to none rather than guess") in steps["tracker"], \
        steps["tracker"]


# A one-party report stored before any invitation it could answer (`tracker.waiting`).
EARLY = (datetime.now(UTC) - timedelta(days=4)).date().isoformat()
EARLY_LONE = {"id": "e", "date": EARLY, "lang": "en", "url": "https://c.example/3",
              "text": LONE}


def test_a_report_that_waited_shows_since_when_and_for_whom(
        config_dir: Path, tmp_path: Path) -> None:
    steps = explain_lone(config_dir, tmp_path, [EARLY_LONE, ZELENSKY])
    assert ("merged into invitation #1 (Volodymyr Zelensky → Vladimir Putin), status "
            f"declined; waited from {EARLY} for a record of Vladimir Putin: declined"
            ) in steps["tracker"], steps["tracker"]


def test_a_report_still_waiting_says_so(config_dir: Path, tmp_path: Path) -> None:
    steps = explain_lone(config_dir, tmp_path, [EARLY_LONE])
    assert steps["tracker"].startswith("waiting for a record it could join"), steps["tracker"]
    assert f"waiting from {EARLY} for a record of Vladimir Putin (declined, " in \
        steps["tracker"], steps["tracker"]
