"""The composition root: reads settings, builds every concrete object, wires them."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import threading
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp

from bot.config import FEEDS_FILE, Config, ConfigError, Settings, changed_files, load_config
from bot.domain import Source, TrackOutcome
from bot.errors import InvitewatchError
from bot.feeds.fetch import FetchLimits, make_session
from bot.feeds.sources import Endpoints, check_feed_or_source, parse_source_uri
from bot.matcher import Gazetteer
from bot.matcher.figures_source import load_figures
from bot.memory import release_free_memory
from bot.notify.base import Notifier
from bot.notify.console import ConsoleNotifier
from bot.notify.outbox import DeliveryPolicy, DeliveryStats, OutboxDelivery, worker_id
from bot.pipeline import CycleResult, Poller, PollPolicy, retry_waiting
from bot.scheduler import AsyncIOScheduler, Jobs, build_scheduler, set_delivery_interval
from bot.store import open_store
from bot.store.api import Leadership, Store, Unit
from bot.tracker import TrackerPolicy, sweep_quiet, use_place_overlay, waiting_since
from bot.workers import MatcherRecipe, pool_size

if TYPE_CHECKING:  # imported where used: the main process of a worker pool never loads it
    from bot.matcher.matcher import Matcher

log = logging.getLogger(__name__)

ROLES = ("all", "poll", "deliver", "discord")
# The advisory lock whose holder runs the periodic jobs (stale sweeps) for every process.
LEADER_LOCK = "invitewatch-scheduler"

def load_checked_config(config_dir: str | os.PathLike[str] | None = None,
                        env: Mapping[str, str] | None = None) -> Config:
    """The configuration, with feed URLs checked exactly as `feeds add` checks them."""
    return load_config(config_dir, env, url_check=check_feed_or_source)


def sync_config_feeds(store: Store, config: Config, now: datetime) -> tuple[int, int]:
    """Make the store's config-origin feeds match config/feeds.toml; returns (added or
    resumed, removed). Feeds added by command or from Discord (origin "user") are left
    alone. A feed dropped from the file is retired, not deleted: its GUIDs, validators and
    backfill state stay, and listing it again resumes it without a silent re-backfill. A
    missing or empty file while config feeds exist is taken for an accident and changes
    nothing, unless `polling.remove_feeds_if_config_empty` says it is meant."""
    wanted = {f.url: f for f in config.feeds}
    added = removed = 0
    with store.unit() as unit:
        existing = {f.url: f for f in unit.list_feeds(include_removed=True)}
        active = [r for r in existing.values() if r.origin == "config" and not r.removed]
        keep_all = (not wanted and bool(active)
                    and not config.settings.polling.remove_feeds_if_config_empty)
        if keep_all:
            log.error("%s lists no feeds (missing, empty or being rewritten?) but %d config "
                      "feeds are known: they are KEPT and still polled. To really remove them "
                      "all, set polling.remove_feeds_if_config_empty = true.",
                      FEEDS_FILE, len(active))
        for url, entry in wanted.items():
            record = existing.get(url)
            if record is None or record.removed:
                unit.add_feed(url, title=entry.name, lang=entry.lang, origin="config", now=now)
                added += 1
                if record is not None:
                    log.info("feed %s is back in %s: resumed with its history", url, FEEDS_FILE)
        if not keep_all:
            for record in active:
                if record.url not in wanted:
                    unit.retire_feed(record.url, now)
                    removed += 1
    return added, removed


def utc_now() -> datetime:
    return datetime.now(UTC)


def fetch_limits(settings: Settings) -> FetchLimits:
    p = settings.polling
    return FetchLimits(connect_timeout=p.connect_timeout_seconds,
                       read_timeout=p.read_timeout_seconds, max_bytes=p.max_bytes,
                       max_redirects=p.max_redirects, user_agent=p.user_agent,
                       allow_private=p.allow_private_addresses)


def source_endpoints(settings: Settings) -> Endpoints:
    s = settings.sources
    return Endpoints(mastodon_scheme=s.mastodon_scheme, bluesky_appview=s.bluesky_appview,
                     telegram_base=s.telegram_base, youtube_base=s.youtube_base,
                     max_pages=s.max_pages)


def source_owners(config: Config) -> dict[str, str]:
    """Post author (as the adapters write it, "@handle") → the figure a source names."""
    owners: dict[str, str] = {}
    for entry in config.feeds:
        ref = parse_source_uri(entry.url)
        if entry.figure and ref is not None:
            owners[ref.display] = entry.figure
    return owners



def _load_matcher(figures_path: Path | None) -> Matcher:
    """The matcher, its ~10 MB of rule modules imported only now (`bot.matcher`)."""
    from bot.matcher.matcher import Matcher

    return Matcher.load(overrides=figures_path)

def _own_sources(matcher: Matcher, config: Config) -> Matcher:
    _warn_unknown_owners(matcher.set_author_figures(source_owners(config)))
    return matcher


def _check_owners(gazetteer: Gazetteer, config: Config) -> Gazetteer:
    """`_own_sources` for a process whose matcher lives in the worker processes."""
    _warn_unknown_owners(sorted({f for f in source_owners(config).values()
                                 if not gazetteer.get(f)}))
    return gazetteer


def _warn_unknown_owners(unknown: Sequence[str]) -> None:
    if unknown:
        log.warning("feeds.toml names figures the gazetteer does not know as account "
                    "owners (ignored): %s", ", ".join(unknown))


def poll_policy(settings: Settings) -> PollPolicy:
    p = settings.polling
    return PollPolicy(interval=timedelta(minutes=p.interval_minutes),
                      jitter=timedelta(seconds=p.jitter_seconds),
                      max_concurrency=p.max_concurrency,
                      backfill=timedelta(hours=p.backfill_hours),
                      backoff_base=timedelta(minutes=p.backoff_base_minutes),
                      backoff_max=timedelta(hours=p.backoff_max_hours),
                      disable_after_failures=p.disable_after_failures,
                      max_new_entries=p.max_new_entries_per_feed,
                      cycle_budget=timedelta(seconds=p.cycle_budget_seconds),
                      claim_lease=timedelta(seconds=p.claim_lease_seconds),
                      workers=pool_size(p.workers))


def tracker_policy(settings: Settings) -> TrackerPolicy:
    t = settings.tracker
    return TrackerPolicy(window_days=t.window_days, quiet_after_days=t.quiet_after_days,
                         announce_quiet=t.announce_quiet, digest=t.digest)


def configure_logging(level: str) -> None:
    logging.basicConfig(level=getattr(logging, level, logging.INFO),
                        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    # Libraries that are chatty at INFO about things users need not see (alembic tells
    # which DDL mode it assumes on every start, even with nothing to migrate).
    for name in ("apscheduler", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)


class App:
    """Everything the running bot is made of, rebuilt in part when config files change."""

    def __init__(self, config: Config, *, clock: Callable[[], datetime] = utc_now,
                 store: Store | None = None, matcher: Matcher | None = None) -> None:
        self.config = config
        self.clock = clock
        # The host's places.toml over the tracker's place tree (checked now: a wrong file
        # stops the start with its message).
        use_place_overlay(config.places_path)
        self.store = store or open_store(config.settings.database_url())
        # With worker processes (`polling.workers` > 0) the matcher lives in them, shared
        # from their fork server (`bot.workers`); this process reads the gazetteer alone
        # (Discord's figure options, the site; loading it also checks the figures file
        # now) and builds a whole matcher only when a command needs one (`matcher()`).
        self._matcher: Matcher | None = None
        self._figures: Gazetteer | None = None
        self._matcher_lock = threading.Lock()
        poll = poll_policy(config.settings)
        if matcher is not None or poll.workers == 0:
            self._matcher = _own_sources(
                matcher or _load_matcher(config.figures_path), config)
        else:
            self._figures = _check_owners(load_figures(config.figures_path), config)
        self.poller = Poller(self.store, self.matcher, limits=fetch_limits(config.settings),
                             endpoints=source_endpoints(config.settings), poll=poll,
                             tracker=tracker_policy(config.settings), clock=clock,
                             recipe=self.matcher_recipe if matcher is None else None)
        self._session: aiohttp.ClientSession | None = None
        self._session_limits: FetchLimits | None = None

    @classmethod
    def from_config_dir(cls, config_dir: str | None = None, **kwargs: Any) -> App:
        return cls(load_checked_config(config_dir), **kwargs)

    @property
    def settings(self) -> Settings:
        return self.config.settings

    def matcher(self) -> Matcher:
        """The whole matcher in this process, built on first use in pool mode."""
        if self._matcher is None:
            with self._matcher_lock:
                if self._matcher is None:
                    matcher = _load_matcher(self.config.figures_path)
                    matcher.set_author_figures(source_owners(self.config))
                    self._matcher, self._figures = matcher, None
        return self._matcher

    def gazetteer(self) -> Gazetteer:
        """The figures (the matcher's when this process has one)."""
        if self._matcher is not None:
            return self._matcher.gazetteer
        if self._figures is None:
            with self._matcher_lock:
                if self._figures is None:
                    self._figures = load_figures(self.config.figures_path)
        return self._figures

    def matcher_recipe(self) -> MatcherRecipe:
        """How worker processes build (or share) the configured matcher."""
        return MatcherRecipe.of(self.config.figures_path, source_owners(self.config))

    # -- configuration -----------------------------------------------------------
    def sync_config_feeds(self) -> tuple[int, int]:
        return sync_config_feeds(self.store, self.config, self.clock())

    def reload_if_changed(self) -> bool:
        """Reload edited config files; an invalid edit is reported and the last good
        configuration stays in force. Returns True when a new configuration was applied."""
        changed = changed_files(self.config)
        if not changed:
            return False
        try:
            config = load_checked_config(self.config.config_dir)
            figures_changed = any(p.endswith("figures.toml") for p in changed)
            matcher, figures = self._matcher, self._figures
            if figures_changed and matcher is not None:
                matcher = _load_matcher(config.figures_path)
            elif figures_changed:  # pool mode: the workers build theirs; checked here
                figures = load_figures(config.figures_path)
        except ConfigError as exc:
            log.error("configuration not reloaded, the last good one stays in force:\n  %s",
                      "\n  ".join(exc.problems))
            # remember the stamps so the same broken edit is reported once, not every 5 s
            self.config = Config(self.config.settings, self.config.feeds, self.config.config_dir,
                                 self.config.figures_path,
                                 {**self.config.stamps, **_stamps(changed)})
            return False
        self.config = config
        if matcher is not None:
            self._matcher = _own_sources(matcher, config)
        else:
            self._figures = _check_owners(figures, config) if figures is not None else None
        self.poller.matcher_changed()  # worker processes hold a copy of the matcher
        self.poller.limits = fetch_limits(config.settings)
        self.poller.endpoints = source_endpoints(config.settings)
        self.poller.poll = poll_policy(config.settings)
        self.poller.tracker = tracker_policy(config.settings)
        added, removed = self.sync_config_feeds()
        log.info("configuration reloaded (%s); feeds: %d added, %d removed",
                 ", ".join(Path(p).name for p in changed), added, removed)
        return True

    async def fetch_session(self) -> aiohttp.ClientSession:
        """The HTTP session for the current fetch limits. The session carries them (the
        address guard, timeouts, user agent), so a reload that changed them rebuilds it."""
        if self._session is not None and self._session_limits != self.poller.limits:
            await self._session.close()
            self._session = None
            log.info("HTTP session rebuilt for the new fetch settings")
        if self._session is None:
            self._session = make_session(self.poller.limits)
            self._session_limits = self.poller.limits
        return self._session

    async def close_fetch_session(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def validate_feed_url(self, url: str) -> str:
        return check_feed_or_source(url, self.settings.polling.allow_private_addresses)

    # -- work --------------------------------------------------------------------
    def prepare_workers(self) -> bool:
        """Start the worker pool's fork server, which builds the matcher its workers share
        (`bot.workers.prepare_fork_server`), when this process polls with workers. Call it
        before any thread starts: first thing in `run` and `poll_once`, before their first
        `to_thread`. The server builds the matcher while the bot goes on starting."""
        return self.poller.analyser.prepare()

    async def poll_once(self, session: aiohttp.ClientSession | None = None,
                        only: list[str] | None = None) -> CycleResult:
        self.prepare_workers()
        if session is None:
            async with make_session(self.poller.limits) as own:
                return await self.poller.poll_due(own, only=only)
        return await self.poller.poll_due(session, only=only)

    def sweep_quiet(self) -> list[TrackOutcome]:
        """Mark invitations with no news for `quiet_after_days` as quiet (announced only
        when configured)."""
        policy = self.poller.tracker
        now = self.clock()
        with self.store.unit() as unit:
            stale = unit.stale_invitations(now - timedelta(days=policy.quiet_after_days), 500)
            outcomes = sweep_quiet(stale, now, policy)
            for outcome in outcomes:
                last = outcome.invitation.timeline[-1] if outcome.invitation.timeline else None
                # No article caused this change: the source is the last report, seen now.
                unit.save_outcome(outcome, Source(
                    url=last.url if last else None, outlet=last.outlet if last else None,
                    lang=last.lang if last else "und", published=now))
        return outcomes

    def purge_waiting(self) -> int:
        """Delete the reports that waited a whole tracker window for a record of their
        figures (`tracker.waiting`) and found none; how many."""
        before = waiting_since(self.clock(), self.poller.tracker)
        with self.store.unit() as unit:
            return unit.purge_waiting(before)

    def notifiers(self, discord_notifier: Notifier | None = None,
                  console_out: Any = None) -> list[Notifier]:
        found: list[Notifier] = []
        if discord_notifier is not None:
            found.append(discord_notifier)
        if self.settings.console_enabled():
            found.append(ConsoleNotifier(console_out))
        return found

    def _delivery_policy(self, policy: DeliveryPolicy) -> DeliveryPolicy:
        notify = self.settings.notify
        return replace(policy, max_attempts=notify.max_attempts,
                       reconcile_after=timedelta(seconds=notify.reconcile_after_seconds))

    def delivery(self, notifiers: list[Notifier], on_forbidden: Any = None,
                 role: str = "run") -> OutboxDelivery:
        # A stable identity per host, data directory, database and role: a restarted bot
        # takes back its own claims at once (the same nonces, within Discord's window).
        data_dir = str(Path(self.settings.storage.data_dir).expanduser().resolve())
        return OutboxDelivery(self.store, notifiers, clock=self.clock, on_forbidden=on_forbidden,
                              policy=self._delivery_policy(DeliveryPolicy()),
                              worker=worker_id(data_dir, self.store.url, role))

    async def run(self, *, stop: asyncio.Event | None = None, role: str = "all") -> None:
        """The bot: scheduler, notifiers, Discord when a token is set. Returns on SIGINT /
        SIGTERM or when `stop` is set.

        `role` splits the bot over processes sharing one PostgreSQL: "poll" only polls
        feeds (claiming each due feed for itself), "deliver" only delivers the outbox
        (to Discord over REST, or the console), "discord" only runs the gateway (slash
        commands; sharded by `discord.shard_ids`/`shard_count`), "all" does everything.
        In every role the process may become the leader that runs the periodic jobs."""
        if role not in ROLES:
            raise InvitewatchError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        polls, delivers = role in ("all", "poll"), role in ("all", "deliver")
        added = removed = 0
        if polls:
            self.prepare_workers()  # no thread runs yet: the loop's executor starts later
            added, removed = self.sync_config_feeds()
        log.info("invitewatch starting (role %s): database %s, %d figures, feeds from config:"
                 " %d added, %d removed", role, self.store.url, len(self.gazetteer()),
                 added, removed)
        side = await self._discord_side(role)
        notifiers = self.notifiers(side.notifier) if delivers else []
        delivery = (self.delivery(notifiers, side.on_forbidden,
                                  role="run" if role == "all" else role) if delivers else None)
        from bot.monitor import Monitor  # health, status.json, /healthz and /metrics
        monitor = Monitor(self.store, self.settings, clock=self.clock,  # type: ignore[arg-type]
                          consumers=[n.consumer for n in notifiers],
                          gateway=side.client if side.gateway else None)
        monitor_web = await monitor.serve()
        site = await self.serve_web() if self.settings.web.enabled else None
        monitor_stop = asyncio.Event()
        monitor_task = asyncio.create_task(monitor.sample_forever(monitor_stop))
        leader = self.store.leader_lock(LEADER_LOCK)
        scheduler = self._scheduler(monitor, leader, side, delivery if delivers else None,
                                    polls=polls)
        scheduler.start()
        try:
            await self._wait(stop, side)
        finally:
            scheduler.shutdown(wait=False)
            if delivery is not None:
                with contextlib.suppress(InvitewatchError):
                    delivery.release()  # a clean stop: whatever it held is due again at once
            if polls:
                with contextlib.suppress(InvitewatchError):
                    self.poller.release_claims()  # the feeds it claimed are free at once
            with contextlib.suppress(InvitewatchError):
                await asyncio.to_thread(leader.release)
            monitor_stop.set()
            await monitor_task
            if monitor_web is not None:
                await monitor_web.cleanup()
            if site is not None:
                await site.cleanup()
            if side.client is not None:
                await side.client.close()
            await self.close_fetch_session()
            self.poller.close()
            log.info("invitewatch stopped")

    async def _discord_side(self, role: str) -> DiscordSide:
        """The Discord client a role needs: the gateway ("all", "discord"), a REST-only
        client for delivering ("deliver"), or none (no token, or "poll")."""
        token = self.settings.discord.token.get_secret_value()
        if role == "discord" and not token:
            raise InvitewatchError("--role discord runs the Discord gateway: set DISCORD_TOKEN")
        if not token or role == "poll":
            if role in ("all", "deliver"):
                log.info("no DISCORD_TOKEN set: notifications are printed to the console")
            return DiscordSide()
        from bot.discord import DiscordNotifier, build_client
        deps = self.discord_deps()
        gateway = role != "deliver"
        if not gateway:
            # Delivery needs only the REST API: no gateway connection, no command sync.
            client = build_client(replace(deps, sync_commands=False, shard_ids=None,
                                          shard_count=None))
            await client.login(token)
        else:
            client = build_client(deps)
        notifier = DiscordNotifier(client, watchers=self.watchers)

        async def on_forbidden(guild_id: str, channel_id: str) -> None:
            await notifier.notify_admins_forbidden(guild_id, channel_id)

        task = asyncio.create_task(client.start(token)) if gateway else None
        return DiscordSide(client, notifier, on_forbidden, gateway, task)

    def _scheduler(self, monitor: Any, leader: Leadership, side: DiscordSide,
                   delivery: OutboxDelivery | None, *, polls: bool) -> AsyncIOScheduler:
        loop = asyncio.get_running_loop()

        async def poll() -> None:
            session = await self.fetch_session()
            started = loop.time()
            result = await self.poller.poll_due(session)
            if result.feeds:
                log.info("poll cycle: %s", result.summary())
                await asyncio.to_thread(release_free_memory)  # what parsing freed
                await self.poller.release_worker_memory()  # and in the worker processes
            await monitor.cycle_done(result, loop.time() - started)

        async def deliver() -> DeliveryStats | None:
            assert delivery is not None
            if side.gateway and side.client is not None and not side.client.is_ready():
                return None
            # Settings reloaded meanwhile apply to the next pass.
            delivery.policy = self._delivery_policy(delivery.policy)
            return await delivery.deliver_once()

        async def watch() -> None:
            interval = self.settings.notify.outbox_interval_seconds
            if await asyncio.to_thread(self.reload_if_changed) and \
                    self.settings.notify.outbox_interval_seconds != interval:
                set_delivery_interval(scheduler, self.settings.notify.outbox_interval_seconds)

        async def lead() -> None:
            await asyncio.to_thread(leader.check)

        async def sweep() -> None:
            # Periodic jobs run once for all the processes sharing the database.
            if leader.held:
                await asyncio.to_thread(self.sweep_quiet)
                await asyncio.to_thread(self.purge_waiting)

        scheduler = build_scheduler(
            Jobs(poll=poll if polls else None, deliver=deliver if delivery else None,
                 watch_config=watch, sweep=sweep, leader=lead),
            poll_check_seconds=self.settings.polling.check_seconds,
            # Spread up to 10 s, never more than the interval itself (a short check
            # interval is for processes that share the feeds and should all take part).
            poll_jitter=min(10.0, self.settings.polling.check_seconds),
            deliver_seconds=self.settings.notify.outbox_interval_seconds)
        return scheduler

    @staticmethod
    async def _wait(stop: asyncio.Event, side: DiscordSide) -> None:
        waiters: list[asyncio.Future[Any]] = [asyncio.ensure_future(stop.wait())]
        if side.task is not None:
            waiters.append(side.task)
        done, _ = await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        if side.task is not None and side.task in done and side.task.exception():
            raise InvitewatchError(f"Discord connection failed: {side.task.exception()}")

    def watchers(self, figure_keys: Sequence[str]) -> list[tuple[str, str]]:
        """(guild, user) of members watching any of these figures, for /watch alerts."""
        with self.store.unit() as unit:
            return unit.watchers(figure_keys)

    async def deliver_once(self, console_out: Any = None) -> DeliveryStats:
        """One delivery pass, for `poll --once`: to the console, and to Discord over its
        REST API when a token is set (no gateway connection, no command sync)."""
        token = self.settings.discord.token.get_secret_value()
        if not token:
            return await self.delivery(self.notifiers(console_out=console_out),
                                       role="poll").deliver_once()
        from dataclasses import replace as replace_field

        from bot.discord import DiscordNotifier, build_client
        client = build_client(replace_field(self.discord_deps(), sync_commands=False,
                                            shard_ids=None, shard_count=None))
        try:
            await client.login(token)
            notifier = DiscordNotifier(client, watchers=self.watchers)

            async def on_forbidden(guild_id: str, channel_id: str) -> None:
                await notifier.notify_admins_forbidden(guild_id, channel_id)

            delivery = self.delivery(self.notifiers(notifier, console_out), on_forbidden,
                                     role="poll")
            return await delivery.deliver_once()
        finally:
            await client.close()

    def discord_deps(self) -> Any:
        from bot.discord.deps import DiscordDeps
        from bot.matcher.figures_schema import FigureCategory

        settings = self.settings

        def search(prefix: str, limit: int) -> list[tuple[str, str]]:
            return self.gazetteer().search(prefix, limit)

        def resolve(text: str) -> tuple[str, str] | None:
            party = self.gazetteer().resolve(text)
            return (party.key, party.name) if party is not None else None

        def facts(figure_id: str) -> tuple[str | None, str | None]:
            figure = self.gazetteer().get(figure_id)
            return (figure.country, figure.category) if figure is not None else (None, None)

        return DiscordDeps(
            store=self.store, now=self.clock, search_figures=search, resolve_figure=resolve,
            validate_feed_url=self.validate_feed_url,
            settings_snapshot=lambda: self.settings.snapshot(),
            api_base=settings.discord.api_base or None,
            gateway_url=settings.discord.gateway_url or None,
            sync_guild_id=None if settings.discord.sync == "global" else settings.discord.sync,
            on_feeds_changed=None,
            feed_admin_guilds=lambda: frozenset(self.settings.discord.feed_admin_servers),
            max_watches=lambda: self.settings.discord.max_watches_per_member,
            max_subscriptions=lambda: self.settings.discord.max_subscriptions_per_server,
            figure_facts=facts,
            figure_categories=tuple(c.value for c in FigureCategory),
            explain=self.explain_lines,
            retry_waiting=self.retry_waiting,
            probe_feed=self.probe_feed,
            shard_ids=tuple(settings.discord.shard_ids) or None,
            shard_count=settings.discord.shard_count,
            public_base_url=lambda: self.settings.web.public_base_url)

    def site_options(self) -> Any:
        """The public site's options: its public address and figure names resolved through
        the gazetteer, as `invitations list --figure` resolves them."""
        from bot.web import SiteOptions

        def resolve(text: str) -> str | None:
            party = self.gazetteer().resolve(text)
            return party.key if party is not None else None

        return SiteOptions(public_base_url=self.settings.web.public_base_url,
                           resolve_figure=resolve)

    async def serve_web(self) -> Any:
        """Serve the public site on [web] host and port in this loop (None when the address
        cannot be bound: logged, and the bot runs on without it)."""
        from bot.web import bound, serve
        web = self.settings.web
        try:
            runner = await serve(self.store, web.host, web.port, self.site_options())
        except OSError as exc:
            log.error("cannot serve the public site on %s:%s: %s; set [web] host and port "
                      "(or INVITEWATCH_WEB_PORT) to a free address", web.host, web.port, exc)
            return None
        log.info("public site at http://%s/", bound(runner))
        return runner

    async def probe_feed(self, address: str) -> tuple[str, str | None, int]:
        """/feeds add's check: the feed read once, as `invitewatch feeds add` does."""
        from bot.feeds.probe import probe_feed
        limits = fetch_limits(self.settings)
        async with make_session(limits) as session:
            probe = await probe_feed(session, address, limits,
                                     source_endpoints(self.settings))
        return probe.url, probe.title, len(probe.entries)

    def retry_waiting(self, unit: Unit, figures: Sequence[str], now: datetime) -> int:
        """After an editor's correction: the reports waiting for a record of `figures`
        tried again with the tracker policy the poller uses now (reloaded settings too)."""
        return retry_waiting(unit, figures, now=now, policy=self.poller.tracker)

    async def explain_lines(self, query: str, server_id: str | None) -> list[str]:
        """/explain's answer: the steps for one article, this server's filter only."""
        from bot.explain_service import explain_query
        # In pool mode this process builds its matcher on the first /explain (seconds):
        # off the event loop.
        matcher = await asyncio.to_thread(self.matcher)
        result = await explain_query(
            query, store=self.store, matcher=matcher,  # type: ignore[arg-type]
            policy=self.poller.tracker, limits=self.poller.limits, now=self.clock(),
            server_id=server_id)
        return result.lines()


@dataclass(frozen=True, slots=True)
class DiscordSide:
    """What a role has of Discord: a client (gateway or REST-only), its notifier."""

    client: Any = None
    notifier: Notifier | None = None
    on_forbidden: Callable[[str, str], Awaitable[None]] | None = None
    gateway: bool = False
    task: asyncio.Task[None] | None = None


def _stamps(paths: list[str]) -> dict[str, float]:
    out = {}
    for p in paths:
        path = Path(p)
        if path.is_file():
            out[p] = path.stat().st_mtime
    return out
