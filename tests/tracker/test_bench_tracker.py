"""The tracker benchmark runs end to end at a tiny size (its timings are not asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_tracker.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_tracker", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_tracker"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("store_articles", [True, False], ids=["articles", "no-articles"])
def test_the_synthetic_history_holds_one_record_per_invitation(store_articles: bool) -> None:
    bench = load_bench()
    items = bench.synthetic_reports(300, 30)
    assert len(items) == 300
    assert [i.article.published for i in items] == sorted(i.article.published for i in items)
    with bench.sqlite_store() as store:
        result = bench.run(store, items, "test", store_articles)
    assert result["invitations"] == 30


def test_the_bench_refuses_a_nonsensical_size(capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_bench()
    with pytest.raises(SystemExit):
        bench.main(["--reports", "5", "--invitations", "10", "--backend", "sqlite"])
    assert "--invitations" in capsys.readouterr().err
