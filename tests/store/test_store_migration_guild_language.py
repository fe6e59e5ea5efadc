"""Migration 0006_guild_language on a database holding server settings from before it: each
server follows its locale ("auto"), a language can be saved, and it downgrades cleanly."""

from __future__ import annotations

from dataclasses import replace

from alembic import command
from sqlalchemy import inspect, text

from bot.store import open_store
from bot.store.migrate import alembic_config


def test_settings_from_0005_follow_the_servers_locale_after_the_upgrade(store_url: str) -> None:
    store = open_store(store_url, upgrade=False)
    try:
        with store.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0005_subscriptions")
            connection.execute(text(
                "INSERT INTO guild_settings (guild_id, channel_ids, figure_keys, statuses,"
                " languages, min_confidence, mention_role_id, forbidden_channels)"
                " VALUES ('42', '[\"7\"]', '[]', '[]', '[\"de\"]', 0.5, NULL, '{}')"))
        store.upgrade()
        with store.unit() as unit:
            settings = unit.guild_settings("42")
            assert (settings.language, settings.channel_ids, settings.languages) == (
                "auto", ["7"], ["de"])
            unit.save_guild_settings(replace(settings, language="uk"))
        with store.unit() as unit:
            assert unit.guild_settings("42").language == "uk"
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0005_subscriptions")
        columns = {c["name"] for c in inspect(store.engine).get_columns("guild_settings")}
        assert "language" not in columns and "channel_ids" in columns
    finally:
        store.close()
