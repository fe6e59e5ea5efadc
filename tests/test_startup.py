"""Start-up of the command line: `invitewatch --help` and the command modules load no heavy
library (issue 13: the store's sqlalchemy and alembic, pydantic's configuration models, the
matcher and the language model load when a command needs them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "bot.config", "bot.matcher", "bot.app", "fasttext",
         "py3langid", "feedparser", "fastfeedparser", "discord", "aiohttp.client")


def test_the_command_line_imports_no_heavy_module() -> None:
    script = ("import sys\nimport bot.cli\n"
              f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
