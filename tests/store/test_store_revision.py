"""Reading where a database stands without Alembic (`bot.store.revision`), and migrating
in a child process (`bot.store.upgrade_process`), which keep Alembic out of a running bot."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from bot.errors import StoreError
from bot.store import current_revision, head_revision, open_store
from bot.store.migrate import alembic_config
from bot.store.revision import script_ids
from bot.store.upgrade_process import upgrade_out_of_process

REPO = Path(__file__).resolve().parents[2]


def test_the_head_read_from_the_scripts_is_alembics() -> None:
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_script_ids_read_plain_and_annotated_assignments() -> None:
    assert script_ids('revision: str = "0002_x"\ndown_revision: str | None = "0001"\n') == (
        "0002_x", "0001")
    assert script_ids("revision = '0001'\ndown_revision = None\n") == ("0001", None)
    assert script_ids('"""A helper module, no revision."""\n') is None
    with pytest.raises(StoreError, match="not a plain string"):
        script_ids("revision = make_id()\n")


def test_a_new_database_has_no_revision_and_a_migrated_one_the_head(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}", upgrade=False)
    try:
        assert current_revision(store) is None and not store.at_head()
        store.upgrade()
        assert current_revision(store) == head_revision() and store.at_head()
    finally:
        store.close()


def test_a_database_at_several_revisions_is_refused(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        with store.engine.begin() as connection:
            connection.execute(text("INSERT INTO alembic_version VALUES ('other_branch')"))
        with pytest.raises(StoreError, match="several revisions"):
            current_revision(store)
    finally:
        store.close()


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.slow  # starts Python processes
def test_the_migration_runs_in_a_child_and_alembic_stays_out(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    out = run_python(f"""
        import sys
        from bot.store import open_store
        from bot.store.upgrade_process import upgrade_out_of_process
        first = upgrade_out_of_process({url!r})
        second = upgrade_out_of_process({url!r})
        open_store({url!r}).close()  # what the App then does: at head, nothing to import
        print(first, second, sorted(m for m in ("alembic", "mako", "pygments") if m in sys.modules))
    """)
    assert out == "True False []"
    store = open_store(url, upgrade=False)
    try:
        assert current_revision(store) == head_revision()
    finally:
        store.close()


@pytest.mark.slow  # starts a Python process
def test_a_failed_migration_in_the_child_is_a_clear_error_and_changes_nothing(
        tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    store = open_store(url)
    with store.engine.begin() as connection:  # as if a newer invitewatch had written it
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    with pytest.raises(StoreError, match="newer invitewatch"):
        upgrade_out_of_process(url)
    store = open_store(url, upgrade=False)
    try:
        assert current_revision(store) == "9999_future"
    finally:
        store.close()


def test_an_in_memory_database_is_migrated_in_this_process() -> None:
    assert upgrade_out_of_process("sqlite://") is True
