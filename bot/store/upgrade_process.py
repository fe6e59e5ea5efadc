"""Migrating the database in a short-lived child process (`invitewatch run`).

A bot runs for months; the migration it may need at start-up runs once. Doing it in a child
keeps Alembic, Mako and Pygments (about 15 MB, measured by bench/bench_memory.py) out of the
long-running process: the parent only reads the revision (`bot.store.revision`). A
database already at the newest revision starts no child at all.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from bot.errors import StoreError

log = logging.getLogger(__name__)

URL_ENV = "INVITEWATCH_UPGRADE_DATABASE_URL"  # not argv: a password must not show in `ps`
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the directory holding `bot/`


def upgrade_out_of_process(url: str, *, timeout: float | None = None) -> bool:
    """Bring the database at `url` to the newest migration, in a child process when there is
    anything to do (in this process for an in-memory SQLite database, which a child cannot
    see). Returns whether a migration ran; raises StoreError with the child's message."""
    from bot.store import open_store

    store = open_store(url, upgrade=False)
    try:
        if store.at_head():
            return False
        if store.in_memory:
            store.upgrade()
            return True
        location = store.location
    finally:
        store.close()
    log.info("database %s: applying migrations in a child process", location)
    env = dict(os.environ)
    env[URL_ENV] = url
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_PACKAGE_ROOT), env.get("PYTHONPATH"))
                                        if p)
    try:
        done = subprocess.run([sys.executable, "-m", __name__], env=env, capture_output=True,
                              text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StoreError(f"cannot migrate database {location}: {exc}") from exc
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        reason = lines[-1] if lines else f"the migration process exited with {done.returncode}"
        raise StoreError(reason)
    return True


def main() -> int:
    url = os.environ.get(URL_ENV)
    if not url:
        print(f"{URL_ENV} is not set: this module is run by invitewatch, not by hand "
              "(use `invitewatch db upgrade`)", file=sys.stderr)
        return 2
    from bot.store import open_store

    try:
        open_store(url).close()
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
