"""Per-server settings, watches and the audit log."""

from __future__ import annotations

from datetime import timedelta, timezone

import pytest

from bot.domain import Status
from bot.errors import StoreError
from bot.store import GuildSettings, SqlStore
from tests.support.builders import T0, at


def test_an_unconfigured_guild_gets_defaults(store: SqlStore) -> None:
    with store.unit() as unit:
        assert unit.guild_settings("42") == GuildSettings(guild_id="42")
        assert unit.all_guild_settings() == []


def test_guild_settings_round_trip(store: SqlStore) -> None:
    paris = timezone(timedelta(hours=1))
    settings = GuildSettings(
        guild_id="42", channel_ids=["100", "101"], figure_keys=["vladimir-putin", "name:ivan"],
        statuses=[Status.ACCEPTED, Status.DECLINED], languages=["de", "ru"], min_confidence=0.6,
        mention_role_id="77", forbidden_channels={"101": T0.astimezone(paris)},
    )
    with store.unit() as unit:
        unit.save_guild_settings(settings)
        unit.save_guild_settings(GuildSettings(guild_id="7"))
    with store.unit() as unit:
        loaded = unit.guild_settings("42")
        assert loaded == settings
        assert loaded.forbidden_channels["101"].utcoffset() == timedelta(0)
        assert [g.guild_id for g in unit.all_guild_settings()] == ["42", "7"]
        loaded.channel_ids.remove("101")
        loaded.forbidden_channels.clear()
        unit.save_guild_settings(loaded)  # an update, not a second row
    with store.unit() as unit:
        again = unit.guild_settings("42")
        assert (again.channel_ids, again.forbidden_channels) == (["100"], {})
        assert len(unit.all_guild_settings()) == 2


def test_bad_settings_are_refused_without_changing_anything(store: SqlStore) -> None:
    with store.unit() as unit:
        unit.save_guild_settings(GuildSettings(guild_id="42", channel_ids=["100"]))
    naive = GuildSettings(guild_id="42", forbidden_channels={"100": T0.replace(tzinfo=None)})
    with pytest.raises(StoreError, match="forbidden channel 100 must be timezone-aware"), \
            store.unit() as unit:
        unit.save_guild_settings(naive)
    bad_status = GuildSettings(guild_id="42", statuses=["maybe"])  # type: ignore[list-item]
    with pytest.raises(StoreError, match=r"'maybe' is not a valid Status \(pending, accepted"), \
            store.unit() as unit:
        unit.save_guild_settings(bad_status)
    with store.unit() as unit:
        assert unit.guild_settings("42").channel_ids == ["100"]


def test_watches_are_unique_and_can_be_removed(store: SqlStore) -> None:
    with store.unit() as unit:
        assert unit.watch("1", "u1", "vladimir-putin") is True
        assert unit.watch("1", "u1", "vladimir-putin") is False
        assert unit.watch("1", "u1", "elon-musk") is True
        assert unit.watch("1", "u2", "elon-musk") is True
        assert unit.watch("2", "u1", "elon-musk") is True
    with store.unit() as unit:
        assert unit.watchers(["elon-musk", "vladimir-putin"]) == [("1", "u1"), ("1", "u2"),
                                                                  ("2", "u1")]
        assert unit.watchers(["vladimir-putin"]) == [("1", "u1")]
        assert unit.watchers([]) == []
        assert unit.unwatch("1", "u1", "vladimir-putin") == 1
        assert unit.unwatch("1", "u1", "vladimir-putin") == 0
        assert unit.watchers(["vladimir-putin"]) == []
        assert unit.unwatch("1", "u1", None) == 1  # every remaining watch of u1 in guild 1
        assert unit.watchers(["elon-musk"]) == [("1", "u2"), ("2", "u1")]
        with pytest.raises(StoreError, match="figure key must be a non-empty string"):
            unit.watch("1", "u1", "")


def test_audit_entries_are_kept_with_their_detail(store: SqlStore) -> None:
    with store.unit() as unit:
        unit.audit(actor="user:9", guild_id="42", action="feed.add",
                   detail={"url": "https://news.example/feed", "names": ["Путин"]}, now=at(1))
        unit.audit(actor="system", guild_id=None, action="db.upgrade", detail={}, now=at(2))
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT actor, guild_id, action, detail, at FROM audit_log ORDER BY id").all()
    assert [tuple(r[:4]) for r in rows] == [
        ("user:9", "42", "feed.add", '{"names": ["Путин"], "url": "https://news.example/feed"}'),
        ("system", None, "db.upgrade", "{}"),
    ]
    with pytest.raises(StoreError, match="audit detail of 'x' cannot be stored as JSON"), \
            store.unit() as unit:
        unit.audit(actor="a", guild_id=None, action="x", detail={"when": T0}, now=T0)
