"""Giving the memory a poll cycle freed back to the system.

A cycle parses every due feed: megabytes of documents, entries and texts are allocated and
freed, and glibc's allocator keeps the freed pages in the process (measured: ~25 MB of
the bot's ~250 MB PSS after a poll of the feeds-real corpus, bench/bench_memory.py).
`malloc_trim` returns them; elsewhere (musl, macOS) it does not exist and this does
nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Callable

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
