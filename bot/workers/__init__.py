"""The CPU stage of ingest: parse a fetched feed, extract its text, match its new entries.

`analyse_entries` is the stage as one pure function of the fetched bytes (plus a small
`AnalyseContext`): it returns the feed's Articles, prepared exactly as the store will
keep them, each with its digest (content hash and canonical URL, the store's duplicate
keys) and with the matcher's result when it is to be matched. `Analyser` runs it either
in a worker thread of this process (`workers=0`: parsing only, the matcher runs later on
the entries the store finds new) or in a process pool sized to the cores, so that
parsing and matching use every core while fetching stays asynchronous and storing stays
in the main process. Pool workers receive bytes and plain values and return frozen
dataclasses.

The workers share one matcher (issue 13, memory): a fork server started when a polling process
starts (`prepare_fork_server`, before any thread) imports
`bot.workers.preload`, which builds the matcher the configuration names and freezes it
out of the garbage collector's reach (`gc.freeze`); every worker is forked from that
server, so the matcher's pages are shared copy-on-write instead of being built (or
unpickled) once per worker. What a worker needs to know about the matcher travels as a
small `MatcherRecipe`; a worker whose fork server holds another matcher (the figures
changed since start-up) builds its own from the recipe. A matcher not built from the
configuration (a test's, a benchmark's) is still sent pickled, as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import logging
import multiprocessing
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bot.domain import Article, MatchResult
from bot.feeds.parse import ParsedFeed, parse_feed
from bot.feeds.text import content_hash
from bot.feeds.urls import canonical_url
from bot.memory import release_free_memory

if TYPE_CHECKING:  # imported where used: the main process of a worker pool never loads it
    from bot.matcher.matcher import Matcher

log = logging.getLogger(__name__)

FUTURE_TOLERANCE = timedelta(hours=1)
# The module the fork server imports before forking workers, and how it learns which
# figures overlay to load (set only while the server process is spawned).
PRELOAD_MODULE = "bot.workers.preload"
PRELOAD_FIGURES_ENV = "INVITEWATCH_WORKER_FIGURES"
BUILTIN_FIGURES = "built-in"  # the fingerprint of "no overlay"
# A worker hands the memory a document this large left behind back to the system at once
# (glibc keeps freed pages otherwise: tens of MB per worker after one big feed); for
# smaller ones a trim would cost more than it gives.
TRIM_AFTER_BYTES = 256 * 1024
# How long a worker waits, at most, for the others to take their "give memory back" task,
# and, when the pool starts, for the others to be ready (a worker building its own matcher
# takes seconds).
RELEASE_WAIT_SECONDS = 2.0
START_WAIT_SECONDS = 60.0


class MatchesArticles(Protocol):
    """What ingest needs of a matcher: a `Matcher`, or one matching in the worker pool."""

    def match(self, article: Article) -> MatchResult: ...


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
class Digest:
    """The store's duplicate keys of an article, computed where it is parsed."""

    content_hash: str
    canonical_url: str | None


def digest_of(article: Article, *, url_canonical: bool = False) -> Digest:
    """`url_canonical`: the article's URL is `canonical_url`'s output already (every
    entry `parse_feed` returns), so it is its own canonical form: `canonical_url` is
    idempotent (tests/feeds/test_canonical_once.py), and a second pass would cost about
    3% of a worker's CPU for the same string."""
    if not article.url:
        return Digest(content_hash(article.title, article.text), None)
    return Digest(content_hash(article.title, article.text),
                  article.url if url_canonical else canonical_url(article.url))


@dataclass(frozen=True, slots=True)
class ParsedAnalysed:
    article: Article  # as the store will keep it (outlet, language and date settled)
    match: MatchResult | None  # None: not matched here (known, too old, or in-process)
    digest: Digest | None = None


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

    def digests(self) -> list[Digest] | None:
        """One per entry of `parsed()`, in its order (None if any is missing)."""
        found = [e.digest for e in self.entries]
        return None if any(d is None for d in found) else found  # type: ignore[return-value]


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
    """Parse the document, digest every entry and match the entries that will need it;
    `ParseError` when it is not a feed. CPU only: no I/O, no store."""
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
                                      else None, digest_of(article, url_canonical=True)))
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


# -- the matcher of the workers -----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class MatcherRecipe:
    """How the configuration builds the matcher: `Matcher.load(overrides=figures)` and
    then `set_author_figures(authors)`. The fingerprint tells whether the fork server's
    preloaded matcher was built from the same figures."""

    figures: str | None  # the host's config/figures.toml, None for the built-in figures
    fingerprint: str
    authors: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, figures: Path | None, authors: Mapping[str, str] | None = None
           ) -> MatcherRecipe:
        return cls(str(figures) if figures is not None else None,
                   figures_fingerprint(figures), tuple(sorted((authors or {}).items())))

    def build(self) -> Matcher:
        """The matcher without its authors (see `with_authors`)."""
        from bot.matcher.matcher import Matcher

        return Matcher.load(overrides=Path(self.figures) if self.figures else None)


def figures_fingerprint(figures: Path | None) -> str:
    """The overlay's content (sha256), so an edited file is noticed; unreadable: its path."""
    if figures is None:
        return BUILTIN_FIGURES
    try:
        return hashlib.sha256(figures.read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{figures}"


_fork_server_prepared = False


def prepare_fork_server(recipe: MatcherRecipe) -> bool:
    """Start the fork server that forks the pool's workers, with the matcher built in it.

    Call it before any thread starts (`App.run` and `App.poll_once` do, first thing, when
    the process polls with `workers` > 0: the setenv below must not race another thread's
    getenv): the server is a fresh interpreter (spawned, not forked: safe
    whatever threads this process runs later), and the figures path reaches it through an
    environment variable set only while it is spawned. It returns at once; the server
    builds the matcher meanwhile. False where there is no fork server (not Linux) or it was
    prepared already (the first recipe stays; a worker compares fingerprints)."""
    global _fork_server_prepared
    if _fork_server_prepared or not sys.platform.startswith("linux"):
        return False
    from multiprocessing import forkserver

    multiprocessing.set_forkserver_preload([PRELOAD_MODULE])
    previous = os.environ.get(PRELOAD_FIGURES_ENV)
    os.environ[PRELOAD_FIGURES_ENV] = recipe.figures or ""
    try:
        forkserver.ensure_running()
    finally:
        if previous is None:
            del os.environ[PRELOAD_FIGURES_ENV]
        else:
            os.environ[PRELOAD_FIGURES_ENV] = previous
    _fork_server_prepared = True
    return True


@dataclass(frozen=True, slots=True)
class WorkerState:
    """What a started worker reports: whether it shares the fork server's matcher."""

    shared: bool
    figures: int
    problem: str | None = None  # why the preloaded matcher could not be used
    pid: int = field(default_factory=os.getpid)  # the worker's, as it is built there


# -- running the stage --------------------------------------------------------------------

class Analyser:
    """Runs `analyse_entries` in a thread (`workers=0`) or a process pool (`workers>0`).

    The pool starts on first use; its workers build their matcher from `recipe()` (shared
    from the fork server when it matches) or, without a recipe, unpickle the current
    matcher. `restart` (after the matcher changed) lets the next call start a fresh pool.
    `matcher` is called only when this process must match itself (no pool, a dead
    worker), so in pool mode the main process need not build a matcher at all."""

    def __init__(self, matcher: Callable[[], Matcher], workers: int = 0,
                 recipe: Callable[[], MatcherRecipe] | None = None) -> None:
        self.matcher = matcher
        self.recipe = recipe
        self.requested = workers  # the setting; `workers` drops to 0 if no pool can start
        self.workers = workers
        self.states: list[WorkerState] = []  # what the current pool's workers reported
        self._pool: ProcessPoolExecutor | None = None
        self._release_barrier: threading.Barrier | None = None  # a multiprocessing one
        self._starting: asyncio.Lock | None = None

    @property
    def in_process(self) -> bool:
        return self.workers == 0

    def prepare(self) -> bool:
        """Start the fork server with the shared matcher now (see `prepare_fork_server`)."""
        if self.workers == 0 or self.recipe is None:
            return False
        return prepare_fork_server(self.recipe())

    async def analyse(self, feed_bytes: bytes, context: AnalyseContext) -> AnalysedFeed:
        if self.in_process:
            return await asyncio.to_thread(analyse_entries, feed_bytes, context, None)
        loop = asyncio.get_running_loop()
        try:
            pool = await self._running_pool()
        except Exception:
            # No worker processes on this host (a sandbox, a frozen main module): this
            # process does the work from now on (said once, by the first feed to find out).
            if self.workers:
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

    def store_matcher(self) -> MatchesArticles:
        """The matcher for what the store stage still matches (an entry the store finds
        edited, a social post): the pool's, so this process need not load one."""
        return self.matcher() if self.in_process else PoolMatcher(self)

    async def _running_pool(self) -> ProcessPoolExecutor:
        if self._pool is not None:
            return self._pool
        if self._starting is None:
            self._starting = asyncio.Lock()
        async with self._starting:
            if self._pool is None and self.workers == 0:  # another feed found it failed
                raise RuntimeError("the worker processes could not start")
            if self._pool is None:
                # Off the event loop: starting the workers takes seconds (the fork server
                # builds the matcher first), which would stall every fetch.
                self._pool = await asyncio.to_thread(self._start_pool)
        return self._pool

    def _start_pool(self) -> ProcessPoolExecutor:
        started = time.monotonic()
        recipe = self.recipe() if self.recipe is not None else None
        matcher_bytes = (None if recipe is not None else
                         pickle.dumps(self.matcher(), protocol=pickle.HIGHEST_PROTOCOL))
        context = _start_context()
        # Inherited by the workers (a barrier cannot travel with a task).
        barrier = context.Barrier(self.workers)
        pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                   initializer=_init_worker,
                                   initargs=(recipe, matcher_bytes, barrier))
        # Start every worker now (each takes its matcher), not one by one under load.
        self.states = [f.result() for f in [pool.submit(_ready) for _ in range(self.workers)]]
        barrier.reset()  # broken if a worker did not start in time: usable again
        self._report(time.monotonic() - started)
        self._release_barrier = barrier
        return pool

    def _report(self, seconds: float) -> None:
        shared = sum(s.shared for s in self.states)
        log.info("ingest: %d worker processes for parsing and matching, %d sharing the fork "
                 "server's matcher (%d figures; started in %.1f s)", self.workers, shared,
                 self.states[0].figures if self.states else 0, seconds)
        for problem in sorted({s.problem for s in self.states if s.problem}):
            log.info("ingest: a worker built its own matcher: %s", problem)

    def match_in_pool(self, article: Article) -> MatchResult:
        """One article matched by a worker (blocking: call it from a thread), or here when
        there is no pool to ask."""
        pool = self._pool
        if pool is not None:
            try:
                return pool.submit(_match_in_worker, article).result()
            except BrokenProcessPool:
                log.error("ingest: a worker process died; the pool is restarted")
                self.close()
            except RuntimeError:  # the pool was shut down meanwhile (closed, restarted)
                pass
        return self.matcher().match(article)

    async def release_memory(self) -> int:
        """After a poll cycle: each worker collects its garbage and hands the allocator's
        free pages back (`release_free_memory`), as the main process does. A pool runs a
        task on whichever worker is free, so one task is sent per worker and each waits
        at a barrier until all are taken: no worker can hold two. A worker still busy (or
        not yet started) leaves the others waiting `RELEASE_WAIT_SECONDS` at most. Returns
        how many workers it reached."""
        pool, barrier = self._pool, self._release_barrier
        if pool is None or barrier is None:
            return 0
        loop = asyncio.get_running_loop()
        tasks = [loop.run_in_executor(pool, _release_in_worker) for _ in range(self.workers)]
        done = await asyncio.gather(*tasks, return_exceptions=True)
        barrier.reset()  # broken by a timeout: ready for the next cycle
        # A dead or closed pool is the next feed's business (it restarts the pool).
        return len({pid for pid in done if isinstance(pid, int)})

    def restart(self) -> None:
        """Drop the pool (the matcher changed); the next feed starts a new one."""
        self.close()

    def close(self) -> None:
        pool, self._pool = self._pool, None
        self._release_barrier = None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


class PoolMatcher:
    """`MatchesArticles` through an `Analyser`'s worker pool."""

    def __init__(self, analyser: Analyser) -> None:
        self.analyser = analyser

    def match(self, article: Article) -> MatchResult:
        return self.analyser.match_in_pool(article)


def _start_context() -> multiprocessing.context.BaseContext:
    # forkserver: fork-safe with the event loop's threads (the server is a fresh,
    # single-threaded interpreter), quicker than spawn, and the parent that holds the
    # shared matcher (see prepare_fork_server).
    method = "forkserver" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


_worker_matcher: Matcher | None = None
_worker_state: WorkerState | None = None
_worker_barrier: threading.Barrier | None = None


def _init_worker(recipe: MatcherRecipe | None, matcher_bytes: bytes | None,
                 barrier: threading.Barrier | None = None) -> None:
    global _worker_matcher, _worker_state, _worker_barrier
    _worker_barrier = barrier
    if recipe is None:
        assert matcher_bytes is not None
        _worker_matcher = pickle.loads(matcher_bytes)
        _worker_state = WorkerState(False, len(_worker_matcher.gazetteer))
        return
    matcher, problem = _preloaded(recipe)
    if matcher is None:
        matcher = recipe.build()
    matcher.set_author_figures(dict(recipe.authors))  # the main process warns of unknowns
    _worker_matcher = matcher
    _worker_state = WorkerState(problem is None, len(matcher.gazetteer), problem)


def _preloaded(recipe: MatcherRecipe) -> tuple[Matcher | None, str | None]:
    """The fork server's matcher when it was built from the recipe's figures."""
    preload = sys.modules.get(PRELOAD_MODULE)  # imported by the fork server, if at all
    if preload is None:
        return None, "no fork server preloaded the matcher"
    matcher: Matcher | None = getattr(preload, "matcher", None)
    if matcher is None:
        return None, getattr(preload, "problem", None) or "the fork server has no matcher"
    if getattr(preload, "fingerprint", None) != recipe.fingerprint:
        return None, ("the figures changed since the fork server started (restart the bot "
                      "to share one matcher again)")
    return matcher, None


def _ready() -> WorkerState:
    assert _worker_state is not None
    # Each worker answers once: without the barrier one quick worker could answer for all
    # while another is still starting, and the report would count it twice.
    _meet_the_other_workers(START_WAIT_SECONDS)
    return _worker_state


def _meet_the_other_workers(timeout: float) -> None:
    if _worker_barrier is not None:
        with contextlib.suppress(threading.BrokenBarrierError):
            _worker_barrier.wait(timeout)


def _analyse_in_worker(feed_bytes: bytes, context: AnalyseContext) -> AnalysedFeed:
    try:
        return analyse_entries(feed_bytes, context, _worker_matcher)
    finally:
        if len(feed_bytes) >= TRIM_AFTER_BYTES:
            gc.collect()  # the parser's reference cycles first (cheap: the matcher is frozen)
            release_free_memory()


def _release_in_worker() -> int:
    gc.collect()
    release_free_memory()
    _meet_the_other_workers(RELEASE_WAIT_SECONDS)
    return os.getpid()


def _match_in_worker(article: Article) -> MatchResult:
    assert _worker_matcher is not None
    return _worker_matcher.match(article)
