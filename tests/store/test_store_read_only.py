"""Read-only units (the slash commands' lists and search, `invitations list`): they read
while a writer holds its transaction, without waiting for it, and see one snapshot."""

from __future__ import annotations

import time

import pytest

from bot.errors import StoreError
from bot.store import InvitationFilter, SqlStore, open_store
from tests.support.builders import new_outcome, source


def test_a_read_only_unit_does_not_wait_for_a_writer(sqlite_store_url: str) -> None:
    store = open_store(sqlite_store_url, busy_timeout=3.0)
    try:
        with store.unit() as unit:
            unit.save_outcome(new_outcome(), source())
        with store.unit() as writer:  # holds SQLite's write lock (BEGIN IMMEDIATE)
            writer.add_feed("https://news.example/feed", now=new_outcome().invitation.first_seen)
            started = time.monotonic()
            with store.unit(read_only=True) as reader:
                assert len(reader.list_invitations(InvitationFilter())) == 1
                assert reader.figures_seen("elon", 5) == [("elon-musk", "Elon Musk")]
                assert reader.list_feeds() == []  # the writer's row is not committed yet
            assert time.monotonic() - started < 1.0
    finally:
        store.close()


def test_a_read_only_unit_sees_one_snapshot_and_refuses_writes(store: SqlStore) -> None:
    with store.unit() as unit:
        unit.save_outcome(new_outcome(), source())
    with store.unit(read_only=True) as reader:
        assert reader.count_invitations(InvitationFilter()) == 1
        with store.unit() as writer:
            writer.save_outcome(new_outcome(), source())
        assert reader.count_invitations(InvitationFilter()) == 1
    with store.unit(read_only=True) as reader:
        assert reader.count_invitations(InvitationFilter()) == 2
    if store.dialect == "postgresql":
        with pytest.raises(StoreError), store.unit(read_only=True) as reader:
            reader.save_outcome(new_outcome(), source())
    for _ in range(3):  # the pooled connections are writable again afterwards
        with store.unit() as writer:
            writer.save_outcome(new_outcome(), source())
    with store.unit(read_only=True) as reader:
        assert reader.count_invitations(InvitationFilter()) == 5
