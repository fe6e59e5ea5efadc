"""What the Discord layer needs from the rest of the bot, handed in by the composition root.

Everything is a plain object or callable so that the Discord package imports no other
layer's internals and tests can build it from real parts (a store on a temp file) without
the rest of the application.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.corrections import RetryWaiting
from bot.discord.filters import FigureFacts, no_facts
from bot.store.api import Store

SearchFigures = Callable[[str, int], list[tuple[str, str]]]
"""(prefix, limit) -> [(figure id, canonical name)] from the gazetteer."""

ResolveFigure = Callable[[str], "tuple[str, str] | None"]
"""Free text ("Putin", "der Kreml") -> (Party key, canonical name), or None if unknown."""

ValidateFeedUrl = Callable[[str], str]
"""Returns the normalised URL; raises bot.errors.FetchError with a message for the user."""

# The gazetteer's categories (bot/matcher/figures_schema.py FigureCategory), for checking a
# subscription's `categories`; the composition root passes the gazetteer's own list.
CATEGORIES = ("head_of_state", "head_of_government", "minister", "spokesperson", "politician",
              "royal", "religious", "business", "entertainment", "sport", "media", "activist",
              "official", "military", "other")

ProbeFeed = Callable[[str], Awaitable[tuple[str, str | None, int]]]
"""Reads a feed (or an account) once: (its own URL, the page announcing it may differ;
title; entries now). Raises bot.errors.FetchError or ParseError with a message for the user."""


@dataclass(frozen=True, slots=True)
class DiscordDeps:
    store: Store
    now: Callable[[], datetime]  # timezone-aware
    search_figures: SearchFigures
    resolve_figure: ResolveFigure
    validate_feed_url: ValidateFeedUrl
    settings_snapshot: Callable[[], dict[str, object]]  # secrets already masked
    api_base: str | None = None  # None: Discord's own REST API
    gateway_url: str | None = None  # None: Discord's own gateway
    sync_guild_id: str | None = None  # None: sync commands globally
    on_feeds_changed: Callable[[], None] | None = None  # e.g. reschedule polling
    # Feeds are shared by every server the bot is in: the servers whose admins may add or
    # remove them. Empty: nobody from Discord (only the host, through the CLI and config).
    feed_admin_guilds: Callable[[], frozenset[str]] = frozenset
    # The most figures one member may /watch in one server.
    max_watches: Callable[[], int] = lambda: 25
    # False for a client that only delivers notifications over REST (`poll --once`):
    # it does not register the slash commands again on every run.
    sync_commands: bool = True
    # /explain: (article URL or number, server id) -> the steps as lines of text; None:
    # the command is not offered.
    explain: Callable[[str, str | None], Awaitable[list[str]]] | None = None
    # After a /correct: tries the reports waiting for a record of the corrected records'
    # figures (`bot.corrections.RetryWaiting`, the pipeline's linker with the host's
    # tracker policy); None: they wait for the next report of those figures.
    retry_waiting: RetryWaiting | None = None
    # /feeds add reads the feed once before adding it; None: added unread.
    probe_feed: ProbeFeed | None = None
    # Gateway sharding (discord.py's AutoShardedClient): the shards this process runs, of
    # `shard_count` in all; None: one unsharded connection.
    shard_ids: tuple[int, ...] | None = None
    shard_count: int | None = None
    # The public site's address ([web] public_base_url): /invitation links to the record's
    # page there; "" : no link.
    public_base_url: Callable[[], str] = str
    # A gazetteer figure's (country, category), for the subscriptions' filters.
    figure_facts: FigureFacts = no_facts
    figure_categories: tuple[str, ...] = CATEGORIES
    # The most subscriptions one server may have.
    max_subscriptions: Callable[[], int] = lambda: 25
