"""`bot.memory`: the freed pages of a poll cycle go back to the system where glibc can."""

from __future__ import annotations

import os
import platform

import pytest

from bot.memory import release_free_memory


def _pss_kib() -> int:
    with open(f"/proc/{os.getpid()}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise AssertionError("no Pss line")


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
                    reason="malloc_trim is glibc's")
def test_freed_memory_goes_back_after_a_cycle() -> None:
    # Many small strings (what parsing leaves), freed but for every 100th, which pins
    # pages so the allocator keeps them without a trim.
    held = [("x" * 1000) + str(i) for i in range(60_000)]
    kept = held[::100]
    del held
    before = _pss_kib()
    assert release_free_memory() is True
    assert _pss_kib() < before - 10_000, "less than 10 MB handed back"
    assert kept  # still alive


def test_it_says_when_it_cannot(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.memory as memory

    monkeypatch.setattr(memory, "_looked_up", True)
    monkeypatch.setattr(memory, "_trim", None)
    assert release_free_memory() is False
