"""The CPU stage of ingest: parse a fetched feed, extract its text, match its new entries.

`analyse_entries` is the stage as one pure function of the fetched bytes (plus a small
`AnalyseContext`): it returns the feed's Articles, prepared exactly as the store will
keep them, each with the matcher's result when it is to be matched. `Analyser` runs it
either in a worker thread of this process (`workers=0`: parsing only, the matcher runs
later on the entries the store finds new, as before) or in a process pool sized to the
cores, so that parsing and matching use every core while fetching stays asynchronous and
storing stays in the main process. Pool workers receive bytes and plain values and return
frozen dataclasses; each holds one copy of the matcher, sent once when the pool starts.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import sys
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.domain import Article, MatchResult
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.matcher import Matcher

log = logging.getLogger(__name__)

FUTURE_TOLERANCE = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class AnalyseContext:
    """What the CPU stage needs besides the bytes: plain values, cheap to send."""

    url: str  # the URL the document was finally fetched from
    headers: Mapping[str, str]
    feed_title: str | None  # what the store knows of the feed
    feed_lang: str | None
    now: datetime
    first_poll: bool  # the feed's first poll: only entries inside the backfill are matched
    backfill: timedelta
    match: bool  # False in-process: the matcher runs later, on the new entries only
    known: frozenset[str] = frozenset()  # entry keys already stored: not matched again


@dataclass(frozen=True, slots=True)
class ParsedAnalysed:
    article: Article  # as the store will keep it (outlet, language and date settled)
    match: MatchResult | None  # None: not matched here (known, too old, or in-process)


@dataclass(frozen=True, slots=True)
class AnalysedFeed:
    title: str | None
    lang: str | None
    warning: str | None
    entries: tuple[ParsedAnalysed, ...]

    def parsed(self) -> ParsedFeed:
        return ParsedFeed(title=self.title, lang=self.lang,
                          entries=[e.article for e in self.entries], warning=self.warning)

    def matches(self) -> dict[str, MatchResult]:
        return {e.article.key: e.match for e in self.entries if e.match is not None}


def prepare_article(article: Article, *, title: str | None, lang: str | None,
                    now: datetime) -> Article:
    """The article as it is stored and matched: the feed's title as outlet and its
    language as hint when the entry has none; a date in the future (a wrong clock or a
    scheduled post) becomes now, so it cannot pin a timeline ahead. Idempotent."""
    if article.outlet is None and title:
        article = replace(article, outlet=title)
    if article.lang is None and lang:
        article = replace(article, lang=lang)
    if article.published is not None and article.published > now + FUTURE_TOLERANCE:
        article = replace(article, published=now)
    return article


def analyse_entries(feed_bytes: bytes, context: AnalyseContext,
                    matcher: Matcher | None) -> AnalysedFeed:
    """Parse the document and match the entries that will need it; `ParseError` when it is
    not a feed. CPU only: no I/O, no store."""
    parsed = parse_feed(feed_bytes, url=context.url, headers=context.headers)
    title = parsed.title or context.feed_title
    lang = parsed.lang or context.feed_lang
    entries: list[ParsedAnalysed] = []
    for article in parsed.entries:
        article = prepare_article(article, title=title, lang=lang, now=context.now)
        published = article.published or context.now
        fresh = published >= context.now - context.backfill
        wanted = (context.match and matcher is not None and article.key not in context.known
                  and (fresh or not context.first_poll))
        entries.append(ParsedAnalysed(article, matcher.match(article) if wanted and matcher
                                      else None))
    return AnalysedFeed(parsed.title, parsed.lang, parsed.warning, tuple(entries))


def pool_size(setting: int | str) -> int:
    """`workers` setting: 0 (in-process), N, or "auto" (one per usable core; 0 on one)."""
    if setting == "auto":
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
        return cores if cores > 1 else 0
    if isinstance(setting, int) and not isinstance(setting, bool) and setting >= 0:
        return setting
    raise ValueError(f"workers must be 0, a positive number or \"auto\", not {setting!r}")


class Analyser:
    """Runs `analyse_entries` in a thread (`workers=0`) or a process pool (`workers>0`).

    The pool starts on first use with a pickled copy of the current matcher; `restart`
    (after the matcher changed) lets the next call start a fresh pool."""

    def __init__(self, matcher: Callable[[], Matcher], workers: int = 0) -> None:
        self.matcher = matcher
        self.requested = workers  # the setting; `workers` drops to 0 if no pool can start
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._starting: asyncio.Lock | None = None

    @property
    def in_process(self) -> bool:
        return self.workers == 0

    async def analyse(self, feed_bytes: bytes, context: AnalyseContext) -> AnalysedFeed:
        if self.in_process:
            return await asyncio.to_thread(analyse_entries, feed_bytes, context, None)
        loop = asyncio.get_running_loop()
        try:
            pool = await self._running_pool()
        except Exception:
            # No worker processes on this host (a sandbox, a frozen main module): this
            # process does the work from now on.
            log.exception("ingest: worker processes could not start; parsing in-process")
            self.workers = 0
            return await asyncio.to_thread(analyse_entries, feed_bytes, context,
                                           self.matcher() if context.match else None)
        try:
            return await loop.run_in_executor(pool, _analyse_in_worker, feed_bytes, context)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): this feed is analysed here, and the
            # next one starts a fresh pool.
            log.error("ingest: a worker process died; the pool is restarted")
            self.close()
            return await asyncio.to_thread(analyse_entries, feed_bytes, context,
                                           self.matcher() if context.match else None)

    async def _running_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            return self._pool
        if self._starting is None:
            self._starting = asyncio.Lock()
        async with self._starting:
            if self._pool is None:
                # Off the event loop: pickling the matcher and starting the workers take
                # seconds, which would stall every fetch (and Discord's heartbeat).
                self._pool = await asyncio.to_thread(self._start_pool)
        return self._pool

    def _start_pool(self) -> ProcessPoolExecutor:
        started = time.monotonic()
        matcher_bytes = pickle.dumps(self.matcher(), protocol=pickle.HIGHEST_PROTOCOL)
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_start_context(),
                                   initializer=_init_worker, initargs=(matcher_bytes,))
        # Start every worker now (each loads its matcher), not one by one under load.
        for future in [pool.submit(_ready) for _ in range(self.workers)]:
            future.result()
        log.info("ingest: %d worker processes for parsing and matching (started in %.1f s)",
                 self.workers, time.monotonic() - started)
        return pool

    def restart(self) -> None:
        """Drop the pool (the matcher changed); the next feed starts a new one."""
        self.close()

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _start_context() -> multiprocessing.context.BaseContext:
    # forkserver: fork-safe with the event loop's threads, and quicker than spawn; the
    # workers import only what they use (feeds, matcher) and get the matcher once.
    method = "forkserver" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


_worker_matcher: Matcher | None = None


def _init_worker(matcher_bytes: bytes) -> None:
    global _worker_matcher
    _worker_matcher = pickle.loads(matcher_bytes)


def _ready() -> bool:
    return _worker_matcher is not None


def _analyse_in_worker(feed_bytes: bytes, context: AnalyseContext) -> AnalysedFeed:
    return analyse_entries(feed_bytes, context, _worker_matcher)
