"""`SqlUnit`: one transaction over the store, with every repository's methods."""

from __future__ import annotations

from bot.store.repo_articles import ArticleRepository
from bot.store.repo_corrections import CorrectionRepository
from bot.store.repo_feeds import FeedRepository
from bot.store.repo_guilds import GuildRepository
from bot.store.repo_public import PublicRepository
from bot.store.repo_waiting import WaitingRepository


class SqlUnit(FeedRepository, ArticleRepository, CorrectionRepository, GuildRepository,
              PublicRepository, WaitingRepository):
    """Implements `bot.store.api.Unit`; made only by `SqlStore.unit()`, which owns the
    transaction (commit on a normal exit, rollback on an exception)."""
