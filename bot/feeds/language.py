"""A feed's language: what it declares, else what its text looks like.

Articles carry only the declared language (a hint for the matcher, which detects per
article). The feed-level guess fills `ParsedFeed.lang` for feeds that declare nothing,
so admins see "fr" next to Le Monde rather than a blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.langmodel import LanguageModel, language_identifier

_LANGUAGE_TAG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$", re.I)
_SAMPLE_CHARS = 4000
_MIN_SAMPLE_CHARS = 40
_MIN_CONFIDENCE = 0.8


def primary_language(tag: object) -> str | None:
    """ "en-GB", "IT-it", "en_US" -> "en"; None for anything that is not a language tag."""
    if not isinstance(tag, str):
        return None
    match = _LANGUAGE_TAG.match(tag.split(",")[0].strip())
    return match.group(1).lower() if match else None


def detect_language(texts: Iterable[str]) -> str | None:
    """The language most of `texts` are written in, or None when unsure or too little text."""
    sample = _sample(texts)
    if len(sample) < _MIN_SAMPLE_CHARS:
        return None
    language, confidence = _language_identifier().classify(sample)
    return language if confidence >= _MIN_CONFIDENCE else None


def _sample(texts: Iterable[str]) -> str:
    parts: list[str] = []
    size = 0
    for text in texts:
        if size >= _SAMPLE_CHARS:
            break
        piece = " ".join(text.split())[: _SAMPLE_CHARS - size]
        if piece:
            parts.append(piece)
            size += len(piece) + 1
    return " ".join(parts)


def _language_identifier() -> LanguageModel:
    # One model per process, shared with the matcher (bot.langmodel).
    return language_identifier()
