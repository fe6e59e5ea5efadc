"""Where a database's schema stands, read without Alembic.

Importing Alembic (with Mako and Pygments, which it pulls in) costs a process about 15 MB
that a long-running bot never gives back, while a database already at the latest revision
needs nothing from it. So the revision scripts are read as text for their ids, and the
database's revision is read with one SELECT; Alembic is imported only to migrate
(`bot.store.migrate`), and `invitewatch run` does that in a short-lived child process
(`bot.store.upgrade_process`).
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from bot.errors import StoreError

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
VERSION_TABLE = "alembic_version"  # Alembic's default, which bot.store.migrate keeps
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)
_QUOTED = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")


def head_revision() -> str:
    """The id of the newest migration: the one no other migration builds on."""
    parents: dict[str, str | None] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        ids = script_ids(path.read_text(encoding="utf-8"))
        if ids is not None:
            parents[ids[0]] = ids[1]
    heads = set(parents) - set(parents.values())
    if len(heads) != 1:
        found = ", ".join(sorted(heads)) or "none"
        raise StoreError(f"the database migrations in {VERSIONS_DIR} must have one head "
                         f"(found: {found}): reinstall invitewatch")
    return heads.pop()


def script_ids(source: str) -> tuple[str, str | None] | None:
    """(revision, down_revision) of a migration script's text; None if it is none."""
    values: dict[str, str | None] = {}
    for name, value in _ASSIGNMENT.findall(source):
        if name in values:
            continue
        if value == "None":
            values[name] = None
            continue
        quoted = _QUOTED.match(value)
        if quoted is None:
            raise StoreError(f"a migration script's {name} is not a plain string: {value}")
        values[name] = quoted.group(1) if quoted.group(1) is not None else quoted.group(2)
    revision = values.get("revision")
    if revision is None:
        return None
    return revision, values.get("down_revision")


def revision_on(connection: Connection) -> str | None:
    """The revision the database is at; None for a database never migrated."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise StoreError(f"the database is at several revisions at once ({', '.join(rows)}): "
                         "it was migrated by another tool")
    return str(rows[0]) if rows else None
