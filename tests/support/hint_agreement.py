"""Does the function-word rule (`bot/matcher/function_words.py`) ever accept a language
hint that the statistical model would have turned down?

Every text is tried under its own language and under every other listed hint (a feed that
declares the wrong language is the case the model is there for). Used by
`tests/matcher/test_function_words.py` and `bench/bench_langid.py --hints`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.matcher import langid
from bot.matcher.function_words import function_words, hint_is_plain
from tests.support.real_languages import labelled_texts

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Agreement:
    texts: int = 0
    tried: int = 0  # (text, hint) pairs
    fired: int = 0  # the rule accepted the hint without the model
    own_fired: int = 0  # ... where the hint was the text's own language
    own_listed: int = 0  # texts whose language has a function-word list
    disagreements: list[tuple[str, str, str]] = field(default_factory=list)  # text, hint, model


def own_corpus_texts() -> Iterator[tuple[str, str]]:
    """(language, title + text) of every self-written matcher item."""
    for path in sorted((REPO / "tests" / "data" / "matcher").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                yield str(item.get("lang") or ""), f"{item.get('title') or ''}\n{item.get('text') or ''}"


def real_texts(shared: Path) -> Iterator[tuple[str, str]]:
    for _source, lang, text in labelled_texts(shared, per_source=10_000):
        yield lang, text


def agreement(texts: Iterable[tuple[str, str]]) -> Agreement:
    listed = function_words()
    found = Agreement()
    for lang, text in texts:
        found.texts += 1
        found.own_listed += lang in listed
        sample = text[:langid._PREFIX_CHARS]
        counts = langid.script_counts(sample[:langid._SCRIPT_CHARS])
        if langid._by_script(sample, counts) is not None:
            continue  # a script settles it before any hint is weighed
        for hint in listed:
            found.tried += 1
            if not hint_is_plain(sample, hint):
                continue
            found.fired += 1
            found.own_fired += hint == lang
            model = langid.model_decision(sample, hint, sum(counts.values()))
            if model != hint:
                found.disagreements.append((text[:80], hint, model))
    return found
