"""Imported by the worker pool's fork server before it forks a worker: builds the matcher
once, so every worker shares its pages (issue 13, memory).

`multiprocessing.set_forkserver_preload(["bot.workers.preload"])` (see
`bot.workers.prepare_fork_server`) makes the fork server import this module; the figures
overlay to load comes in `INVITEWATCH_WORKER_FIGURES` (empty: the built-in figures).
Imported anywhere else (the variable unset) it builds nothing.

After building, the language model is loaded, the matcher's per-language word tables
built (`Matcher.prepare_tables`) and one article matched (lazy tables are filled here,
once, not in each worker), then `gc.freeze()` moves every object into the
permanent generation: a worker's collections then never visit them, so they never write
to the pages holding them and the pages stay shared copy-on-write (what is still written
is reference counts, on the pages of the objects a worker touches). Any error is kept in
`problem`, never raised: the fork server must run, and the workers then build their own.
"""

from __future__ import annotations

import gc
import os
from datetime import UTC, datetime
from pathlib import Path

from bot.domain import Article
from bot.langmodel import language_identifier
from bot.matcher import Matcher
from bot.memory import release_free_memory
from bot.workers import PRELOAD_FIGURES_ENV, figures_fingerprint

matcher: Matcher | None = None
fingerprint: str | None = None
problem: str | None = None

WARM_UP = Article(key="warm-up", title="The president invited the chancellor",
                  text="The president invited the chancellor to a state visit in Paris next "
                       "spring, the ministry said on Tuesday.",
                  published=datetime(2026, 1, 1, tzinfo=UTC))


def _build(figures: str) -> None:
    global matcher, fingerprint, problem
    path = Path(figures) if figures else None
    before = figures_fingerprint(path)
    try:
        built = Matcher.load(overrides=path)
        language_identifier()
        built.prepare_tables()
        built.match(WARM_UP)
    except Exception as exc:  # reported by the workers; the fork server must not fail
        problem = f"the fork server could not build the matcher: {exc}"
        return
    if figures_fingerprint(path) != before:  # edited while loading: which one is it?
        problem = "the figures file changed while the fork server loaded it"
        return
    matcher, fingerprint = built, before


_figures = os.environ.get(PRELOAD_FIGURES_ENV)
if _figures is not None:
    _build(_figures)
    gc.collect()
    gc.freeze()
    release_free_memory()  # what building freed goes back, not copied into each worker
