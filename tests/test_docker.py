"""The Docker image builds and runs `demo` and `health`; skipped, with the reason, where no
Docker daemon answers (as on the development machines and in CI here)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

IMAGE = "invitewatch-test:latest"


def docker_unavailable() -> str | None:
    if shutil.which("docker") is None:
        return "no docker command on this machine"
    try:
        info = subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"],
                              capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"docker info failed: {exc}"
    if info.returncode != 0:
        return f"no Docker daemon answers: {(info.stderr or info.stdout).strip()[:200]}"
    return None


@pytest.fixture(scope="module")
def image(repo_root: Path) -> str:
    reason = docker_unavailable()
    if reason:
        pytest.skip(reason)
    built = subprocess.run(["docker", "build", "-t", IMAGE, str(repo_root)],
                           capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stderr[-3000:]
    return IMAGE


def test_demo_runs_in_the_image(image: str) -> None:
    done = subprocess.run(["docker", "run", "--rm", image, "demo"], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "final table" in done.stdout and "figures known" in done.stdout


def test_health_runs_in_the_image_and_says_why(image: str) -> None:
    # No bot runs in this container: unhealthy, and it says what is missing.
    done = subprocess.run(["docker", "run", "--rm", image, "health"], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "no status at /data/status.json" in done.stdout + done.stderr
