"""`Store.reader()`: the public site's reads never wait for the bot's writes (SQLite: a
deferred transaction on the WAL, not BEGIN IMMEDIATE) and cannot write (PostgreSQL)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest

from bot.errors import StoreError
from bot.store import open_store
from bot.store.api import InvitationFilter
from tests.support.builders import store_invitation


def test_a_reader_does_not_wait_for_a_writer(sqlite_store_url: str) -> None:
    store = open_store(sqlite_store_url, busy_timeout=3.0)
    store_invitation(store)
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with store.unit() as unit:  # holds the write lock until released
            unit.add_feed("https://slow.example/feed", now=datetime.now(UTC))
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(5)
        started = time.perf_counter()
        with store.reader() as unit:
            assert len(unit.list_invitations(InvitationFilter())) == 1
        assert time.perf_counter() - started < 1.0  # a unit() would wait up to 3 s here
    finally:
        release.set()
        thread.join()
        store.close()


def test_a_reader_cannot_write_on_postgresql(postgres_store_url: str) -> None:
    store = open_store(postgres_store_url)
    try:
        with pytest.raises(StoreError), store.reader() as unit:
            unit.add_feed("https://nope.example/feed", now=datetime.now(UTC))
        with store.unit() as unit:
            assert unit.list_feeds() == []
    finally:
        store.close()
