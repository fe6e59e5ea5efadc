"""`analyze`, `replay` and `demo` as a user runs them, as real processes: odd input gives
an error line or message and processing goes on; nothing given is silently dropped."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.support.sandbox import Sandbox, run_process

GOOD = {"id": "good", "date": "2022-05-02", "lang": "en",
        "text": "Emmanuel Macron has invited Joe Biden to Paris for a state visit."}


def _output_lines(stdout: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


def test_analyze_survives_a_lone_surrogate_escape(sandbox: Sandbox) -> None:
    odd = ('{"id": "odd", "text": "Emmanuel Macron has invited Joe Biden \\ud800 to Paris '
           'for a state visit."}')
    stdin = "\n".join([odd, json.dumps(GOOD)]).encode() + b"\n"
    done = run_process(sandbox, "analyze", stdin=stdin)
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")[-800:]
    rows = _output_lines(done.stdout)
    assert [row["id"] for row in rows] == ["odd", "good"]
    assert rows[1]["invitations"], rows[1]


def test_analyze_reports_a_line_that_is_not_utf8_and_goes_on(sandbox: Sandbox) -> None:
    stdin = (json.dumps(GOOD).encode() + b"\n"
             + b'{"id": "latin1", "text": "Gr\xfc\xdfe aus M\xfcnchen"}\n'
             + json.dumps({**GOOD, "id": "after"}).encode() + b"\n")
    done = run_process(sandbox, "analyze", stdin=stdin)
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")[-800:]
    rows = _output_lines(done.stdout)
    assert len(rows) == 3 and rows[0]["id"] == "good" and rows[2]["id"] == "after", rows
    assert "error" in rows[1] and rows[2]["invitations"], rows


def test_analyze_gives_an_error_line_for_each_malformed_line(sandbox: Sandbox) -> None:
    lines = ["[1, 2]", "{not json", json.dumps({"id": "n", "text": None}),
             json.dumps({"id": "nested", "text": {"a": [1]}}),
             json.dumps({"id": "d", "text": "x", "date": "2021-02-30"}), json.dumps(GOOD)]
    done = run_process(sandbox, "analyze", stdin=("\n".join(lines) + "\n").encode())
    assert done.returncode == 0, done.stderr.decode()[-800:]
    rows = _output_lines(done.stdout)
    assert len(rows) == 6
    assert all("error" in row for row in rows[:5]), rows
    assert rows[5]["id"] == "good" and rows[5]["invitations"]


def test_replay_does_not_silently_drop_an_article_reusing_an_id(sandbox: Sandbox) -> None:
    first = {"id": "a1", "date": "2022-05-02", "lang": "en",
             "text": "Emmanuel Macron has invited Joe Biden to Paris for a state visit."}
    second = {"id": "a1", "date": "2022-05-09", "lang": "en",
              "text": "Olaf Scholz has invited Xi Jinping to Berlin for talks."}
    articles = sandbox.root / "articles.jsonl"
    articles.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n", encoding="utf-8")
    done = run_process(sandbox, "replay", str(articles))
    output = (done.stdout + done.stderr).decode()
    assert done.returncode == 0 or "a1" in output, output
    assert "Xi Jinping" in output or ("a1" in output and "duplicate" in output.lower()), output


def test_replay_tells_which_article_has_no_date(sandbox: Sandbox) -> None:
    articles = sandbox.root / "articles.jsonl"
    articles.write_text(json.dumps(GOOD) + "\n" + json.dumps({"id": "undated", "text": "x"})
                        + "\n", encoding="utf-8")
    done = run_process(sandbox, "replay", str(articles))
    assert done.returncode != 0
    assert b"undated" in done.stderr and b"Traceback" not in done.stderr


# Guards a defect seen at 10:29 UTC and fixed by 10:43: day 1 announced as accepted, and the
# Kremlin's reply made a second invitation instead of moving #1 to responded.
def test_demo_tells_the_story_it_narrates(sandbox: Sandbox) -> None:
    from click.testing import CliRunner

    from bot.cli import main

    shipped_config = Path(__file__).resolve().parents[2] / "config"
    result = CliRunner().invoke(main, ["--config-dir", str(shipped_config), "demo", "--delay",
                                       "0"])
    assert result.exit_code == 0, result.output
    assert "NEW INVITATION #2" not in result.output
    assert "accepted" not in result.output
    assert "pending → 💬 responded" in result.output
    assert "responded → 🚫 withdrawn" in result.output


def test_console_notifications_carry_no_terminal_escape_sequences(sandbox: Sandbox) -> None:
    hostile = {"id": "esc", "date": "2022-05-02", "lang": "en", "url": "https://news.example.org/1",
               "text": "Olaf Scholz has invited Emmanuel Macron \x1b[2J\x1b]0;owned\x07 to "
                       "Berlin for talks \x1b[31mtoday. There is no answer yet."}
    articles = sandbox.root / "articles.jsonl"
    articles.write_text(json.dumps(hostile) + "\n", encoding="utf-8")
    done = run_process(sandbox, "replay", str(articles))
    assert done.returncode == 0, done.stderr.decode()[-800:]
    assert b"Olaf Scholz" in done.stdout, done.stdout.decode()
    assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout


@pytest.mark.parametrize("text", [
    "Olaf Scholz denied that he had invited Vladimir Putin to Berlin.",
    "Reports that Olaf Scholz invited Vladimir Putin to Berlin are false, a spokesman said.",
    "Olaf Scholz dementierte, Wladimir Putin nach Berlin eingeladen zu haben.",
])
def test_analyze_stays_silent_on_a_denied_invitation(cli: Callable[..., Result],
                                                     text: str) -> None:
    result = cli("analyze", input=json.dumps({"id": "denial", "text": text}) + "\n")
    assert result.exit_code == 0, result.output
    row = json.loads(result.output.strip().splitlines()[-1])
    assert row["invitations"] == [], row


STORY_SAME_PAIR_TWO_INVITATIONS = [
    {"id": "p1", "date": "2024-01-10", "lang": "en", "url": "https://news.example.org/p1",
     "text": "Emmanuel Macron has invited Joe Biden to Paris for a state visit. No answer yet."},
    {"id": "p2", "date": "2024-01-20", "lang": "en", "url": "https://news.example.org/p2",
     "text": "Joe Biden has accepted Emmanuel Macron's invitation to a state visit to Paris."},
    {"id": "n1", "date": "2024-03-01", "lang": "en", "url": "https://news.example.org/n1",
     "text": "Emmanuel Macron has invited Joe Biden to the D-Day commemoration in Normandy. "
             "The White House has not replied."},
    {"id": "n2", "date": "2024-03-10", "lang": "fr", "url": "https://news.example.org/n2",
     "text": "Joe Biden a décliné l'invitation d'Emmanuel Macron aux commémorations du "
             "Débarquement en Normandie."},
]


def test_replay_keeps_two_invitations_of_one_pair_apart(sandbox: Sandbox,
                                                        cli: Callable[..., Result]) -> None:
    articles = sandbox.root / "story.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in STORY_SAME_PAIR_TWO_INVITATIONS),
                        encoding="utf-8")
    database = f"sqlite:///{sandbox.root / 'story.db'}"
    assert cli("replay", str(articles), "--database", database).exit_code == 0
    listed = cli("--database", database, "invitations", "list", "--json")
    records = {tuple(sorted(url.rsplit("/", 1)[1] for url in r["sources"]))
               for r in json.loads(listed.output)}
    assert records == {("p1", "p2"), ("n1", "n2")}, records
