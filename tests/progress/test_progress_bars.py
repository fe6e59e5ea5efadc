"""Progress bars with total, rate and ETA on analyze, replay and eval (on stderr only:
stdout stays the machine-readable output)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main

ARTICLES = [
    {"id": f"a{i}", "date": f"2021-02-{10 + i}", "lang": "en",
     "text": "Elon Musk has invited Vladimir Putin to a conversation on Clubhouse."}
    for i in range(3)
]


def run(tmp_path: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    config_dir = tmp_path / "config"
    config_dir.mkdir(exist_ok=True)
    (config_dir / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--config-dir", str(config_dir), *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def assert_bar(stderr: str, what: str, total: int) -> None:
    final = stderr.replace("\r", "\n").strip().splitlines()[-1]
    assert final.startswith(f"{what}: 100%"), stderr
    assert f"{total}/{total}" in final, final
    assert re.search(r"articles/s", final), final  # the rate
    assert re.search(r"\[\d\d:\d\d<\d\d:\d\d", final), final  # elapsed<remaining (ETA)


def test_analyze_progress_from_a_file_has_a_total(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    code, stdout, stderr = run(tmp_path, "analyze", "--progress", str(path))
    assert code == 0
    assert len(stdout.splitlines()) == 3 and "%" not in stdout
    assert_bar(stderr, "analyze", 3)


def test_analyze_progress_from_a_pipe_counts_with_a_rate(tmp_path: Path) -> None:
    code, stdout, stderr = run(tmp_path, "analyze", "--progress",
                               input="".join(json.dumps(a) + "\n" for a in ARTICLES))
    assert code == 0 and len(stdout.splitlines()) == 3
    assert "3 articles" in stderr and "articles/s" in stderr
    quiet = run(tmp_path, "analyze", "--no-progress", input=json.dumps(ARTICLES[0]) + "\n")
    assert quiet[2] == ""


def test_replay_progress(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    code, _stdout, stderr = run(tmp_path, "replay", "--progress", str(path))
    assert code == 0, stderr
    assert_bar(stderr.replace("3 articles, 1 notifications", "").rstrip(), "replay", 3)


def test_eval_progress(tmp_path: Path, repo_root: Path) -> None:
    data = tmp_path / "corpus"
    data.mkdir()
    shutil.copy(repo_root / "tests" / "data" / "matcher" / "cs.jsonl", data / "cs.jsonl")
    lines = sum(1 for line in (data / "cs.jsonl").read_text("utf-8").splitlines() if line.strip())
    code, stdout, stderr = run(tmp_path, "eval", "--progress", "--data-dir", str(data),
                               "--shared-dir", str(tmp_path / "no-shared"))
    assert code in (0, 1), stdout  # 1: a target missed, which is not this test's business
    assert_bar(stderr, "eval", lines)
