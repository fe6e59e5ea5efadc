"""A wheel installed anywhere runs with no checkout and no environment variable: the
gazetteer and lexicons are package data. Builds the wheel, installs it (no dependencies, so
nothing is downloaded) into a fresh virtualenv that borrows the test environment's
third-party packages, and runs the commands from an empty temporary directory."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SEED = {"id": "clubhouse", "date": "2021-02-13", "lang": "en",
        "text": "Elon Musk has invited Russian President Vladimir Putin to chat with him on "
                "Clubhouse. The Kremlin has not responded yet."}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    """The bin/ directory of a fresh virtualenv with the wheel installed."""
    root = tmp_path_factory.mktemp("wheel")
    wheels = root / "wheels"
    # Built from a copy of what the wheel is made of: a build in the checkout writes build/
    # and egg-info there, under the feet of tests running beside it (pytest -n).
    source = root / "source"
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        source.mkdir(exist_ok=True)
        shutil.copy2(repo_root / name, source / name)
    shutil.copytree(repo_root / "bot", source / "bot",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels),
         str(source)], capture_output=True, text=True, timeout=300)
    if built.returncode != 0:
        pytest.fail(f"pip wheel failed:\n{built.stdout[-2000:]}\n{built.stderr[-2000:]}")
    (wheel,) = wheels.glob("invitewatch-*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    purelib = Path(subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True).stdout.strip())
    # The dependencies come from the test environment's site-packages: a plain path line in
    # a .pth is appended to sys.path without running that directory's own .pth files, so the
    # editable install of the checkout there stays out of the way.
    (purelib / "zz_test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n",
                                                      encoding="utf-8")
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install",
         "--no-deps", "--no-index", "-q", str(wheel)], capture_output=True, text=True,
        timeout=300)
    if installed.returncode != 0:
        pytest.fail(f"pip install failed:\n{installed.stdout[-2000:]}\n{installed.stderr[-2000:]}")
    return venv / "bin"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    work = tmp_path / "elsewhere"
    work.mkdir()
    return work


def clean_env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("INVITEWATCH_", "DISCORD_", "PYTHON")) and k != "DATABASE_URL"}
    env["HOME"] = str(work)
    return env


def run(bin_dir: Path, work: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "invitewatch"), *args], cwd=work, env=clean_env(work),
                          input=stdin, capture_output=True, text=True, timeout=300)


def test_the_installed_code_is_the_wheel(installed: Path, elsewhere: Path) -> None:
    done = subprocess.run([str(installed / "python"), "-c",
                           "import bot.matcher.figures_source as f; print(f.BUILTIN_FIGURES)"],
                          cwd=elsewhere, env=clean_env(elsewhere), capture_output=True,
                          text=True, check=True)
    path = Path(done.stdout.strip())
    assert path.is_relative_to(installed.parent) and path.is_file()


def test_the_wheel_carries_the_catalogues(installed: Path, elsewhere: Path) -> None:
    """The .po files are package data, read at run time: no compile step after install."""
    done = subprocess.run([str(installed / "python"), "-c",
                           "from bot.i18n import LOCALES_DIR, t; print(LOCALES_DIR); "
                           "print(t('uk', 'Pending'))"],
                          cwd=elsewhere, env=clean_env(elsewhere), capture_output=True,
                          text=True, check=True)
    where, word = done.stdout.splitlines()
    assert Path(where).is_relative_to(installed.parent)
    assert word == "Очікує відповіді"


def test_analyze_reads_the_seed(installed: Path, elsewhere: Path) -> None:
    done = run(installed, elsewhere, "analyze", "--no-progress", stdin=json.dumps(SEED) + "\n")
    assert done.returncode == 0, done.stderr[-2000:]
    (row,) = [json.loads(line) for line in done.stdout.splitlines()]
    pairs = [(i["inviter"], i["invitee"]) for i in row["invitations"]]
    assert ("Elon Musk", "Vladimir Putin") in pairs


def test_demo_tells_the_story(installed: Path, elsewhere: Path) -> None:
    done = run(installed, elsewhere, "demo")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "figures known" in done.stdout and "final table" in done.stdout
    assert "Elon Musk → Vladimir Putin" in done.stdout


def test_replay_and_eval(installed: Path, elsewhere: Path) -> None:
    articles = elsewhere / "articles.jsonl"
    articles.write_text(json.dumps(SEED) + "\n", encoding="utf-8")
    replayed = run(installed, elsewhere, "replay", str(articles))
    assert replayed.returncode == 0, replayed.stderr[-2000:]
    assert "1 articles, 1 notifications" in replayed.stderr
    evaluated = run(installed, elsewhere, "eval")
    assert evaluated.returncode != 0
    assert "nothing to measure" in evaluated.stdout + evaluated.stderr


def test_run_starts_and_stops(installed: Path, elsewhere: Path) -> None:
    proc = subprocess.Popen([str(installed / "invitewatch"), "run"], cwd=elsewhere,
                            env=clean_env(elsewhere), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 120
        seen = []
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seen.append(line)
            if "invitewatch starting" in line:
                break
        assert any("invitewatch starting" in line for line in seen), "".join(seen)[-2000:]
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_public_site_renders_from_the_wheel(installed: Path, elsewhere: Path) -> None:
    """Templates, stylesheet and icon are package data: `invitewatch web` serves pages."""
    proc = subprocess.Popen([str(installed / "invitewatch"), "web", "--port", "0"],
                            cwd=elsewhere, env=clean_env(elsewhere), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("serving the public site at "), line
        address = line.split()[5]
        fetched = subprocess.run(
            [str(installed / "python"), "-c",
             "import sys, urllib.request as u\n"
             "for path in ('', 'static/site.css', 'static/icon.svg'):\n"
             "    print(u.urlopen(sys.argv[1] + path, timeout=30).status)\n"
             "print(u.urlopen(sys.argv[1], timeout=30).read().decode()[:15])", address],
            capture_output=True, text=True, timeout=120, env=clean_env(elsewhere))
        assert fetched.stdout.split() == ["200", "200", "200", "<!doctype", "html>"], fetched
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.shared
def test_analyze_reads_the_shared_seeds_right(installed: Path, elsewhere: Path,
                                              shared_dir: Path) -> None:
    seeds = [
        {"id": "en", "date": "2021-02-14",
         "text": (shared_dir / "seeds" / "004_73de5ce1ef32ca8d.txt").read_text("utf-8")},
        {"id": "de", "date": "2021-02-15",
         "text": (shared_dir / "seeds" / "000_085402abd20f6a34.txt").read_text("utf-8")},
    ]
    done = run(installed, elsewhere, "analyze", "--no-progress",
               stdin="".join(json.dumps(s) + "\n" for s in seeds))
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {row["id"]: row for row in map(json.loads, done.stdout.splitlines())}
    assert rows["en"]["lang"] == "en" and rows["de"]["lang"] == "de"

    def status(row: dict[str, object]) -> list[str]:
        return [str(i["status"]) for i in row["invitations"]  # type: ignore[attr-defined]
                if (i["inviter"], i["invitee"]) == ("Elon Musk", "Vladimir Putin")]

    assert status(rows["en"]) == ["pending"]
    assert status(rows["de"]) == ["responded"]
