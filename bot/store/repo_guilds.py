"""Per-server settings, users' watches and the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlmodel import col

from bot.store.api import GuildSettings
from bot.store.codec import dump_json
from bot.store.convert import fill_guild_settings_row, guild_settings
from bot.store.repo_base import require_text
from bot.store.repo_subscriptions import SubscriptionRepository
from bot.store.tables import AuditRow, GuildSettingsRow, WatchRow
from bot.store.types import require_aware


class GuildRepository(SubscriptionRepository):
    def guild_settings(self, guild_id: str) -> GuildSettings:
        """The stored settings, or the defaults for a guild never configured."""
        row = self.session.get(GuildSettingsRow, str(guild_id))
        return guild_settings(row) if row is not None else GuildSettings(guild_id=str(guild_id))

    def all_guild_settings(self) -> list[GuildSettings]:
        rows = self.session.scalars(
            select(GuildSettingsRow).order_by(col(GuildSettingsRow.guild_id))
        ).all()
        return [guild_settings(r) for r in rows]

    def save_guild_settings(self, settings: GuildSettings) -> None:
        guild_id = require_text(str(settings.guild_id), "guild id")
        row = self.session.get(GuildSettingsRow, guild_id)
        if row is None:
            row = GuildSettingsRow(guild_id=guild_id)
            self.session.add(row)
        fill_guild_settings_row(row, settings)
        self.session.flush()
        self.sync_setup_subscriptions(settings)

    def watch(self, guild_id: str, user_id: str, figure_key: str) -> bool:
        """True when the watch is new, False when the user already watched the figure."""
        return None is not self._insert_ignoring_conflict(
            WatchRow,
            {"guild_id": require_text(str(guild_id), "guild id"),
             "user_id": require_text(str(user_id), "user id"),
             "figure_key": require_text(figure_key, "figure key")},
            ["guild_id", "user_id", "figure_key"],
        )

    def count_watches(self, guild_id: str, user_id: str) -> int:
        return int(self.session.scalar(
            select(func.count()).select_from(WatchRow)
            .where(col(WatchRow.guild_id) == str(guild_id), col(WatchRow.user_id) == str(user_id))
        ) or 0)

    def unwatch(self, guild_id: str, user_id: str, figure_key: str | None) -> int:
        """Remove one watch, or every watch of the user in the guild when figure_key is None."""
        statement = delete(WatchRow).where(col(WatchRow.guild_id) == str(guild_id),
                                           col(WatchRow.user_id) == str(user_id))
        if figure_key is not None:
            statement = statement.where(col(WatchRow.figure_key) == figure_key)
        result = self.session.execute(statement)
        return int(getattr(result, "rowcount", 0) or 0)

    def watchers(self, figure_keys: Sequence[str]) -> list[tuple[str, str]]:
        """(guild_id, user_id) of users watching any of these figures."""
        if not figure_keys:
            return []
        rows = self.session.execute(
            select(col(WatchRow.guild_id), col(WatchRow.user_id))
            .where(col(WatchRow.figure_key).in_(list(figure_keys)))
            .distinct()
            .order_by(col(WatchRow.guild_id), col(WatchRow.user_id))
        ).all()
        return [(g, u) for g, u in rows]

    def audit(self, *, actor: str, guild_id: str | None, action: str, detail: dict[str, Any],
              now: datetime) -> None:
        self.session.add(AuditRow(
            actor=require_text(actor, "audit actor"),
            guild_id=guild_id,
            action=require_text(action, "audit action"),
            detail=dump_json(detail, f"audit detail of {action!r}"),
            at=require_aware(now, "now"),
        ))
        self.session.flush()
