"""`eval` for the matcher: the real-text gold first, then our own corpus (issue 14).

Kept apart from cli.py so the eval command itself stays a few lines."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

from bot.cli_common import beside_code_or_cwd
from bot.matcher import Matcher


def evaluate_matcher(matcher: Matcher, *, data_dir: Path | None, shared_dir: Path | None,
                     as_json: bool, split: str, errors: bool, real_only: bool) -> int:
    """Run both evaluations, the real text first. The exit code is the self-written
    corpus's (0 targets met, 1 missed) and 2 only when nothing at all was measured; with
    `real_only`, 0 when the real text was measured, else 2."""
    from bot.evaluation.matcher_eval import run_matcher_eval
    from bot.evaluation.real_eval import run_real_eval

    shared = shared_dir or beside_code_or_cwd("../shared")
    real_code, real = run_real_eval(matcher, gold_dir=beside_code_or_cwd("tests/data/real"),
                                    corpus_root=shared / "corpus", out=sys.stdout, split=split,
                                    errors=errors, as_json=as_json)
    if real_only:
        if as_json:
            _dump({"real_text": real})
        return real_code
    buffer = io.StringIO() if as_json else sys.stdout
    code = run_matcher_eval(matcher, data_dir=data_dir or beside_code_or_cwd("tests/data/matcher"),
                            shared_dir=shared if shared.is_dir() else None, out=buffer,
                            as_json=as_json)
    if as_json:
        assert isinstance(buffer, io.StringIO)
        _dump({"real_text": real, "self_written": json.loads(buffer.getvalue())})
    if real_code == 0 and code == 2:
        return 0  # the real text was measured, only our own corpus was absent
    return code


def _dump(obj: dict[str, Any]) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
