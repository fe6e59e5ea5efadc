"""Helpers for the end-to-end tests: a sandbox of config and data directories, the real command
line as a process, and telling a clean user error from a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import Result

E2E_DATA = Path(__file__).resolve().parents[1] / "e2e" / "data"

# Variables a developer may have exported that would point a test at their own setup.
USER_ENV = ("DATABASE_URL", "DISCORD_TOKEN", "DISCORD_TOKEN_FILE", "INVITEWATCH_CONFIG_DIR",
            "INVITEWATCH_DATA_DIR", "INVITEWATCH_LOG_LEVEL", "INVITEWATCH_CONSOLE",
            "INVITEWATCH_POLL_INTERVAL_MINUTES", "INVITEWATCH_ALLOW_PRIVATE_ADDRESSES",
            "DISCORD_SYNC", "DISCORD_API_BASE", "DISCORD_GATEWAY_URL")


@dataclass(frozen=True)
class Sandbox:
    root: Path
    config_dir: Path
    data_dir: Path


def assert_user_error(result: Result, *expected: str) -> None:
    """A user error: a non-zero exit, a message, and no Python traceback."""
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, f"crashed with {result.exception!r:.300}; output:\n{result.output}"
    assert result.exit_code != 0, f"exit code 0 for a user error; output:\n{result.output}"
    assert "Traceback" not in result.output
    for text in expected:
        assert text in result.output, f"{text!r} not in:\n{result.output}"


def run_process(sandbox: Sandbox, *args: str, stdin: bytes | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """The real `invitewatch` as a separate process (for what only a real process shows:
    encodings of stdin/stdout, exit codes, tracebacks on stderr)."""
    env = {k: v for k, v in os.environ.items() if k not in USER_ENV}
    env["INVITEWATCH_DATA_DIR"] = str(sandbox.data_dir)
    return subprocess.run([sys.executable, "-m", "bot", "--config-dir", str(sandbox.config_dir),
                           *args], input=stdin, capture_output=True, cwd=sandbox.root,
                          env=env, timeout=timeout, check=False)
