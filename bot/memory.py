"""Giving the memory a poll cycle freed back to the system.

A cycle parses every due feed: megabytes of documents, entries and texts are allocated and
freed, and glibc's allocator keeps the freed pages in the process (measured: ~25 MB of
the bot's ~250 MB PSS after a poll of the feeds-real corpus, bench/bench_memory.py).
`malloc_trim` returns them; elsewhere (musl, macOS) it does not exist and this does
nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import threading
from collections.abc import Callable, Iterator

_trim: Callable[[int], int] | None = None
_looked_up = False
_lock = threading.Lock()


def _malloc_trim() -> Callable[[int], int] | None:
    global _trim, _looked_up
    with _lock:
        if not _looked_up:
            _looked_up = True
            name = ctypes.util.find_library("c")
            try:
                _trim = ctypes.CDLL(name).malloc_trim if name else None
            except (OSError, AttributeError):  # no C library by that name, or not glibc
                _trim = None
    return _trim


def release_free_memory() -> bool:
    """Hand the allocator's free pages back to the system; False where it cannot."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


# The youngest generation's threshold while a poll cycle runs (CPython's default is 700).
# Storing a feed's entries allocates SQLAlchemy rows, statements and results by the
# thousand and frees nearly all of them within a batch; at 700 the collector ran ~480
# times per 1,000 feeds, promoting what was merely in flight, and then traversed the
# whole heap (the gazetteer included) in full collections: ~5% of the polling process's
# CPU in a first poll (bench/bench_feeds.py). At 10,000 young garbage dies young.
POLL_YOUNG_THRESHOLD = 10_000
_collections_depth = 0
_saved_threshold: tuple[int, int, int] | None = None


@contextlib.contextmanager
def fewer_collections(young: int = POLL_YOUNG_THRESHOLD) -> Iterator[None]:
    """While the block runs (a poll cycle), the cyclic collector looks at young objects
    only every `young` net allocations; the previous thresholds come back after it, also
    when blocks overlap (concurrent cycles: the outermost restores). The collector still
    runs: only its rhythm changes, never what it frees."""
    global _collections_depth, _saved_threshold
    with _lock:
        if _collections_depth == 0:
            _saved_threshold = gc.get_threshold()
            gc.set_threshold(max(young, _saved_threshold[0]), *_saved_threshold[1:])
        _collections_depth += 1
    try:
        yield
    finally:
        with _lock:
            _collections_depth -= 1
            if _collections_depth == 0 and _saved_threshold is not None:
                gc.set_threshold(*_saved_threshold)
                _saved_threshold = None
