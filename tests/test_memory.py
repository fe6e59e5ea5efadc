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


def test_a_poll_cycle_collects_young_objects_less_often_then_as_before() -> None:
    import gc

    from bot.memory import POLL_YOUNG_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(POLL_YOUNG_THRESHOLD, before[0]), *before[1:])
        with fewer_collections():  # an overlapping cycle: the outermost restores
            pass
        assert gc.get_threshold()[0] == max(POLL_YOUNG_THRESHOLD, before[0])
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("a cycle that fails")
    assert gc.get_threshold() == before

