"""The lists' text search and language filter from indexes on both backends.

Revision ID: 0014_list_search_fts
Revises: 0013_vague_entries
Create Date: 2026-12-05

- SQLite: `invitations_search`, an FTS5 table with the trigram tokenizer over the four
  columns the search compares (either party's name, the occasion text, its place), kept in
  step with `invitations` by triggers and filled here ('rebuild'). It is an external-content
  table (the text stays in `invitations` only): what it holds is the trigram index. Its
  matches are a superset of the search's (it folds the case of every script, SQLite's
  lower() only ASCII), so `repo_lists` uses it to find the candidates and keeps the exact
  condition on top. Without it, a text few invitations hold read every row (157 ms p95 at
  100,000). PostgreSQL has the trigram GIN indexes of 0012 for the same job.
- Both: `ix_timeline_entries_lang_invitation` (lang, invitation_id): the site's language
  filter finds the invitations with an entry in a rare language from the index, instead of
  testing every invitation's timeline newest first.

Downgrading drops the triggers, the FTS table (with its shadow tables) and the index; the
invitations are untouched.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

revision: str = "0014_list_search_fts"
down_revision: str | None = "0013_vague_entries"
branch_labels: str | None = None
depends_on: str | None = None

FTS = "invitations_search"
COLUMNS = ("inviter_name", "invitee_name", "occasion_text", "occasion_place")
LANG_INDEX = "ix_timeline_entries_lang_invitation"
_NEW = ", ".join(f"new.{c}" for c in COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in COLUMNS)
_NAMES = ", ".join(COLUMNS)
# An external-content FTS5 table is told of each change: a delete gives the old values
# (the ones indexed), an insert the new. An update only of other columns (status, dates:
# every report) fires nothing.
TRIGGERS = {
    f"{FTS}_ai": f"AFTER INSERT ON invitations BEGIN INSERT INTO {FTS}(rowid, {_NAMES}) "
                 f"VALUES (new.id, {_NEW}); END",
    f"{FTS}_ad": f"AFTER DELETE ON invitations BEGIN INSERT INTO {FTS}({FTS}, rowid, {_NAMES}) "
                 f"VALUES ('delete', old.id, {_OLD}); END",
    f"{FTS}_au": f"AFTER UPDATE OF {_NAMES} ON invitations BEGIN "
                 f"INSERT INTO {FTS}({FTS}, rowid, {_NAMES}) VALUES ('delete', old.id, {_OLD}); "
                 f"INSERT INTO {FTS}(rowid, {_NAMES}) VALUES (new.id, {_NEW}); END",
}


def upgrade() -> None:
    op.create_index(LANG_INDEX, "timeline_entries", ["lang", "invitation_id"])
    if op.get_bind().dialect.name != "sqlite":
        return
    # columnsize=0: no per-row sizes table (they serve ranking, which the search does not do).
    op.execute(text(f"CREATE VIRTUAL TABLE {FTS} USING fts5({_NAMES}, content='invitations', "
                    "content_rowid='id', tokenize='trigram', columnsize=0)"))
    for name, body in TRIGGERS.items():
        op.execute(text(f"CREATE TRIGGER {name} {body}"))
    op.execute(text(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        op.execute(text(f"DROP TABLE IF EXISTS {FTS}"))
    op.drop_index(LANG_INDEX, table_name="timeline_entries")
