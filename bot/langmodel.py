"""The one statistical language identifier of the process (py3langid, ~80-100 MB).

Both the feed layer (a feed's language, `bot.feeds.language`) and the matcher (an
article's language, `bot.matcher.langid`) classify text; each used to load its own copy of
the model. This tiny module sits below both layers so they can share one lazily-loaded,
read-only instance without the feed layer importing the matcher.
"""

from __future__ import annotations

import threading
from typing import Any

_model: Any = None
_lock = threading.Lock()
loads = 0  # how many times the model was read in this process (tests check it stays at 1)


def language_identifier() -> Any:
    """The shared py3langid `LanguageIdentifier` (normalised probabilities), loaded on first
    use: the model takes a noticeable fraction of a second and ~80 MB."""
    global _model, loads
    if _model is None:
        with _lock:
            if _model is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                loads += 1
    return _model
