"""`invitewatch eval`: the matcher on the real-text gold first, then on our own corpus
(issue 14); with --stories, the tracker on the story corpus."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bot.cli.common import Context, beside_code_or_cwd, friendly_errors

if TYPE_CHECKING:  # the matcher's modules load when a command needs them
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


def register(main: click.Group) -> None:
    main.add_command(evaluate)


@click.command(name="eval")
@click.option("--stories", is_flag=True, help="Evaluate the tracker on the story corpus.")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Corpus directory (default: tests/data/matcher or tests/data/stories).")
@click.option("--shared-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared corpus directory (default: ../shared beside the repository).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--annotation", is_flag=True,
              help="With --stories: use the stories' hand-annotated mentions instead of the "
                   "matcher, to measure the tracker alone.")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default=None,
              help="Half of the real-text gold to score (default: test; dev with --errors).")
@click.option("--errors", is_flag=True, help="List the real-text errors by cause tag.")
@click.option("--real-only", is_flag=True, help="Only the real text, not our own corpus.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: when stderr is a terminal).")
@click.pass_obj
@friendly_errors
def evaluate(ctx: Context, stories: bool, data_dir: Path | None, shared_dir: Path | None,
             as_json: bool, annotation: bool, split: str | None, errors: bool,
             real_only: bool, progress: bool | None) -> None:
    """Measure the matcher (precision, recall, F1, status accuracy per language) or, with
    --stories, the tracker (records, final status, notifications)."""
    from bot.progress import ProgressMatcher, bar, count_feed_entries, count_lines
    show = sys.stderr.isatty() if progress is None else progress
    if stories:
        from bot.app import tracker_policy
        from bot.evaluation.stories_eval import run_stories_eval
        directory = data_dir or beside_code_or_cwd("tests/data/stories")
        # The real-text stories go with the default corpus only (an explicit --data-dir
        # is a corpus of its own); they read their records from the shared corpus.
        real_dir = None if data_dir else directory / "real"
        shared = shared_dir or beside_code_or_cwd("../shared")
        # each story's articles are matched twice: the run, and the transcript
        total = 2 * count_lines(directory.glob("*.jsonl")) if show else None
        with bar(total, "eval --stories", enabled=show and not annotation) as progress_bar:
            matcher = None if annotation else ProgressMatcher(ctx.matcher(), progress_bar)
            code = run_stories_eval(stories_dir=directory, real_dir=real_dir,
                                    corpus_root=shared / "corpus",
                                    out=sys.stdout, as_json=as_json,
                                    annotation=annotation, matcher=matcher,  # type: ignore[arg-type]
                                    policy=tracker_policy(ctx.config.settings))
    else:
        shared = shared_dir or beside_code_or_cwd("../shared")
        directory = data_dir or beside_code_or_cwd("tests/data/matcher")
        total = None
        if show:
            total = count_lines(directory.glob("*.jsonl"))
            if shared.is_dir():  # the real-text gold's texts are there
                total += count_lines(beside_code_or_cwd("tests/data/real").glob("*.jsonl"))
                total += count_lines([shared / "corpus/events/derived/events_flat.jsonl"])
                total += count_feed_entries(p for p in (shared / "corpus/feeds-real").rglob("*")
                                            if p.is_file())
        with bar(total, "eval", enabled=show) as progress_bar:
            code = evaluate_matcher(ProgressMatcher(ctx.matcher(), progress_bar),  # type: ignore[arg-type]
                                    data_dir=directory, shared_dir=shared, as_json=as_json,
                                    split=split or ("dev" if errors else "test"),
                                    errors=errors, real_only=real_only)
    sys.exit(code)
