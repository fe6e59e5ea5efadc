"""Migration 0002_corrections on a database holding data from before it: the rows stay, as
visible records with automatic entries; and it downgrades to 0001 cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from bot.store import open_store
from bot.store.api import InvitationFilter
from bot.store.migrate import alembic_config

ROW = {"ik": "elon-musk", "iname": "Elon Musk", "ek": "vladimir-putin",
       "ename": "Vladimir Putin", "at": "2021-02-14 09:30:00+00:00"}


def test_data_from_0001_survives_the_upgrade(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
            connection.execute(text(
                "INSERT INTO invitations (inviter_key, inviter_name, invitee_key, invitee_name,"
                " occasion_kind, occasion_text, status, status_at, first_seen, last_update,"
                " confidence, quiet) VALUES (:ik, :iname, :ek, :ename, 'conversation', '',"
                " 'pending', :at, :at, :at, 0.9, false)"), ROW)
            connection.execute(text(
                "INSERT INTO timeline_entries (invitation_id, at, status, lang, evidence,"
                " confidence, seen_at) VALUES (1, :at, 'pending', 'en', 'x', 0.9, :at)"), ROW)
        store.upgrade()
        with store.unit() as unit:
            (record,) = unit.list_invitations(InvitationFilter())
            assert not record.hidden and [e.editorial for e in record.timeline] == [False]
            assert unit.notes(1, traces=True) == []
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0001")
        tables = set(inspect(store.engine).get_table_names())
        assert "invitation_notes" not in tables
        columns = {c["name"] for c in inspect(store.engine).get_columns("invitations")}
        assert "hidden" not in columns
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM invitations")).scalar() == 1
    finally:
        store.close()
