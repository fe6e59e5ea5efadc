"""The admin commands' changes as plain functions: a store and no Discord at all."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.discord.commands.changes import (
    FilterChange,
    Who,
    add_feed,
    disable_feed,
    enable_feed,
    remove_feed,
    set_channel,
    set_filters,
)
from bot.domain import Status
from bot.store import open_store
from bot.store.api import FeedState, Store
from tests.support.discord_harness import audit_log

NOW = datetime(2021, 3, 1, 12, 0, tzinfo=UTC)
WHO = Who(actor="discord:7", guild_id="100", now=NOW)
URL = "https://news.example/feed.xml"


@pytest.fixture
def plain_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'changes.db'}")
    yield opened
    opened.close()


def test_channels_are_added_once_and_removed(plain_store: Store) -> None:
    with plain_store.unit() as unit:
        set_channel(unit, WHO, "1", remove=False)
        set_channel(unit, WHO, "2", remove=False)
        assert set_channel(unit, WHO, "1", remove=False).channel_ids == ["2", "1"]
        assert set_channel(unit, WHO, "2", remove=True).channel_ids == ["1"]
    with plain_store.unit() as unit:
        assert unit.guild_settings("100").channel_ids == ["1"]
    assert [a for _, _, a in audit_log(plain_store)] == ["setup.channel.add"] * 3 + [
        "setup.channel.remove"]


def test_filters_change_only_what_is_given(plain_store: Store) -> None:
    with plain_store.unit() as unit:
        set_filters(unit, WHO, FilterChange(statuses=[Status.ACCEPTED], languages=["de"]))
        updated = set_filters(unit, WHO, FilterChange(min_confidence=0.5, mention_role_id="9"))
    assert updated.statuses == [Status.ACCEPTED]
    assert updated.languages == ["de"]
    assert (updated.min_confidence, updated.mention_role_id) == (0.5, "9")
    with plain_store.unit() as unit:
        assert set_filters(unit, WHO, FilterChange(clear_role=True)).mention_role_id is None
    assert FilterChange().is_empty() and not FilterChange(clear_role=True).is_empty()
    assert not FilterChange(figure_keys=[]).is_empty()  # "any" clears the figure filter


def test_the_feed_lifecycle(plain_store: Store) -> None:
    with plain_store.unit() as unit:
        assert add_feed(unit, WHO, URL) is not None
        assert add_feed(unit, WHO, URL) is None  # already read: nothing changes
        assert enable_feed(unit, WHO, URL)[1] is None  # not disabled
        disabled = disable_feed(unit, WHO, URL)
        assert disabled is not None and disabled.state == FeedState.DISABLED
        assert "discord:7" in (disabled.disabled_reason or "")
        before, after = enable_feed(unit, WHO, URL)
        assert before is not None and after is not None and after.state != FeedState.DISABLED
        removed = remove_feed(unit, WHO, URL)
        assert removed is not None and removed.url == URL
        assert remove_feed(unit, WHO, URL) is None
        assert disable_feed(unit, WHO, URL) is None
    assert [(actor, guild, action) for actor, guild, action in audit_log(plain_store)] == [
        ("discord:7", "100", action)
        for action in ("feeds.add", "feeds.disable", "feeds.enable", "feeds.remove")]
