"""Migration 0010_query_indexes on a database holding invitations from before it: the
figures_seen table is backfilled from them (the autocomplete answers as before), the list
indexes exist, and it downgrades to 0009_web cleanly."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect, text

from bot.store import open_store
from bot.store.migrate import alembic_config
from tests.store.test_store_figures_seen import NEEDLES, reference

ROWS = [
    ("elon-musk", "Elon Musk", "vladimir-putin", "Vladimir Putin", "2021-02-14 09:30:00+00:00"),
    ("vladimir-putin", "Vladimir Putin", "name:алексей навальный", "Алексей Навальный",
     "2021-02-15 09:30:00+00:00"),
    ("elisabeth-borne", "Élisabeth Borne", "elon-musk", "Elon Musk", "2021-02-13 09:30:00+00:00"),
    # The same key under another name (an older record): both names are searched.
    ("elon-musk", "Elon R. Musk", "name:straße muster", "Straße Muster",
     "2021-02-16 09:30:00+00:00"),
]


def test_figures_seen_is_backfilled_from_the_invitations(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0009_web")
            for ik, iname, ek, ename, when in ROWS:
                connection.execute(text(
                    "INSERT INTO invitations (inviter_key, inviter_name, invitee_key,"
                    " invitee_name, occasion_kind, occasion_text, status, status_at, first_seen,"
                    " last_update, confidence, quiet, hidden) VALUES (:ik, :iname, :ek, :ename,"
                    " 'visit', '', 'pending', :at, :at, :at, 0.9, false, false)"),
                    {"ik": ik, "iname": iname, "ek": ek, "ename": ename, "at": when})
        store.upgrade()
        with store.engine.connect() as connection:
            seen = connection.execute(text(
                "SELECT key, name, name_folded, first_seen FROM figures_seen ORDER BY key, name"
            )).all()
        assert [(r[0], r[1], r[2]) for r in seen] == [
            ("elisabeth-borne", "Élisabeth Borne", "élisabeth borne"),
            ("elon-musk", "Elon Musk", "elon musk"),
            ("elon-musk", "Elon R. Musk", "elon r. musk"),
            ("name:straße muster", "Straße Muster", "strasse muster"),
            ("name:алексей навальный", "Алексей Навальный", "алексей навальный"),
            ("vladimir-putin", "Vladimir Putin", "vladimir putin"),
        ]
        # first seen: the earliest invitation holding the name
        assert str(seen[1][3]).startswith("2021-02-13")
        with store.unit() as unit:
            for needle in NEEDLES:
                assert unit.figures_seen(needle, 25) == reference(unit, needle, 25), needle
        indexes = {ix["name"] for ix in inspect(store.engine).get_indexes("invitations")}
        assert {"ix_invitations_inviter_last_update",
                "ix_invitations_status_hidden_last_update"} <= indexes
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0009_web")
        assert "figures_seen" not in set(inspect(store.engine).get_table_names())
        indexes = {ix["name"] for ix in inspect(store.engine).get_indexes("invitations")}
        assert "ix_invitations_inviter_last_update" not in indexes
        assert "ix_invitations_invitee_key" in indexes
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM invitations")).scalar() == 4
    finally:
        store.close()
