"""The story corpus's files: a story is dated articles, optionally their annotated mentions,
and the records the bot should keep (see docs/CONTRACTS.md "Story corpus"). Reading and
validation only; `stories_eval` replays them, `real_stories` resolves real-text references.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.domain import OccasionKind, Status
from bot.errors import InvitewatchError


class StoryFileError(InvitewatchError, ValueError):
    """A story file that does not follow the corpus format; the message names file and key."""


@dataclass(frozen=True, slots=True)
class ExpectedRecord:
    inviter: str
    invitee: str
    kind: OccasionKind
    final_status: Status
    place: str | None = None


@dataclass(frozen=True, slots=True)
class GoldMention:
    """What an article says, as annotated in the story file (optional `mentions` key)."""

    inviter: str
    invitee: str
    kind: OccasionKind
    status: Status
    place: str | None = None


@dataclass(frozen=True, slots=True)
class GoldObservation:
    """What an article reports between two figures without an invitation word, as
    annotated (optional `observations` key): "they met", "the visit took place"."""

    parties: tuple[str, ...]  # the first met or received each of the others
    kind: OccasionKind
    status: Status
    place: str | None = None
    # Of a one-party report ("Putin will not attend the talks in Istanbul"): the side of
    # the invitation its party stands on, "inviter" or "invitee" (None: either).
    side: str | None = None


# The real-text gold's observation kinds, in the tracker's occasion kinds.
_OBSERVATION_KINDS = {"call": OccasionKind.CONVERSATION, "attendance": OccasionKind.EVENT,
                      "cancellation": OccasionKind.OTHER}


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    path: Path
    description: str
    articles: tuple[dict[str, Any], ...]
    records: tuple[ExpectedRecord, ...]
    notifications: int
    # article id -> its annotated mentions; None when the story is not annotated
    gold: dict[str, tuple[GoldMention, ...]] | None = None
    # article id -> its annotated observations (articles without any are absent)
    gold_observations: dict[str, tuple[GoldObservation, ...]] = field(default_factory=dict)


def load_story(path: Path) -> Story:
    """Read and validate one story file; StoryFileError names the file and the key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryFileError(f"{path}: cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise StoryFileError(f"{path}: not valid JSON: {exc}") from exc
    return story_from_dict(data, path)


def story_from_dict(data: Any, path: Path) -> Story:
    """Validate one story already read (`path` names it in errors): the real-text stories
    build the dict from corpus references before they come here."""
    if not isinstance(data, dict):
        raise StoryFileError(f"{path}: the top level must be an object")
    story_id = _text(data, "id", path)
    articles = data.get("articles")
    if not isinstance(articles, list) or not articles:
        raise StoryFileError(f"{path}: \"articles\" must be a non-empty list")
    gold: dict[str, tuple[GoldMention, ...]] = {}
    observed: dict[str, tuple[GoldObservation, ...]] = {}
    for i, article in enumerate(articles):
        if not isinstance(article, dict):
            raise StoryFileError(f"{path}: articles[{i}] must be an object")
        for key in ("id", "date", "text"):
            _text(article, key, path, where=f"articles[{i}].")
        if "mentions" in article:
            gold[article["id"]] = _gold_mentions(article["mentions"], path, i)
        if article.get("observations"):
            observed[article["id"]] = _gold_observations(article["observations"], path, i)
    if gold and len(gold) != len(articles):
        raise StoryFileError(
            f"{path}: either every article has \"mentions\" or none has "
            f"({len(gold)} of {len(articles)} have)"
        )
    expected = data.get("expected")
    if not isinstance(expected, dict):
        raise StoryFileError(f"{path}: \"expected\" must be an object")
    raw_records = expected.get("records")
    if not isinstance(raw_records, list):
        raise StoryFileError(f"{path}: \"expected.records\" must be a list")
    records = tuple(_record(r, path, i) for i, r in enumerate(raw_records))
    notifications = expected.get("notifications")
    if isinstance(notifications, bool) or not isinstance(notifications, int) or notifications < 0:
        raise StoryFileError(f"{path}: \"expected.notifications\" must be a non-negative integer")
    description = data.get("description", "")
    return Story(
        id=story_id,
        path=path,
        description=description if isinstance(description, str) else "",
        articles=tuple(articles),
        records=records,
        notifications=notifications,
        gold=gold or None,
        gold_observations=observed,
    )


def load_stories(stories_dir: Path) -> list[Story]:
    if not stories_dir.is_dir():
        raise StoryFileError(f"{stories_dir}: no such directory of stories")
    stories = [load_story(p) for p in sorted(stories_dir.glob("*.json"))]
    if not stories:
        raise StoryFileError(f"{stories_dir}: no story files (*.json)")
    seen = Counter(s.id for s in stories)
    twice = sorted(i for i, n in seen.items() if n > 1)
    if twice:
        raise StoryFileError(f"{stories_dir}: story ids used more than once: {', '.join(twice)}")
    return stories


def _text(obj: dict[str, Any], key: str, path: Path, *, where: str = "") -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise StoryFileError(f"{path}: \"{where}{key}\" must be a non-empty string")
    return value


def _enum_value(raw: dict[str, Any], key: str, enum: Any, path: Path, where: str) -> Any:
    text = _text(raw, key, path, where=where)
    try:
        return enum(text)
    except ValueError:
        choices = ", ".join(member.value for member in enum)
        raise StoryFileError(
            f"{path}: \"{where}{key}\" is {text!r}, not one of {choices}"
        ) from None


def _gold_mentions(raw: Any, path: Path, i: int) -> tuple[GoldMention, ...]:
    if not isinstance(raw, list):
        raise StoryFileError(f"{path}: \"articles[{i}].mentions\" must be a list")
    found: list[GoldMention] = []
    for j, item in enumerate(raw):
        where = f"articles[{i}].mentions[{j}]."
        if not isinstance(item, dict):
            raise StoryFileError(f"{path}: {where[:-1]} must be an object")
        place = item.get("place")
        if place is not None and not isinstance(place, str):
            raise StoryFileError(f"{path}: \"{where}place\" must be a string")
        found.append(GoldMention(
            inviter=_text(item, "inviter", path, where=where),
            invitee=_text(item, "invitee", path, where=where),
            kind=_enum_value(item, "kind", OccasionKind, path, where),
            status=_enum_value(item, "status", Status, path, where),
            place=place or None,
        ))
    return tuple(found)


def _gold_observations(raw: Any, path: Path, i: int) -> tuple[GoldObservation, ...]:
    if not isinstance(raw, list):
        raise StoryFileError(f"{path}: \"articles[{i}].observations\" must be a list")
    found: list[GoldObservation] = []
    for j, item in enumerate(raw):
        where = f"articles[{i}].observations[{j}]."
        if not isinstance(item, dict):
            raise StoryFileError(f"{path}: {where[:-1]} must be an object")
        parties = item.get("parties")
        if (not isinstance(parties, list) or not parties
                or not all(isinstance(p, str) and p.strip() for p in parties)):
            raise StoryFileError(f"{path}: \"{where}parties\" must be a list of names")
        kind = _OBSERVATION_KINDS.get(str(item.get("kind"))) or _enum_value(
            item, "kind", OccasionKind, path, where)
        place = item.get("place")
        if place is not None and not isinstance(place, str):
            raise StoryFileError(f"{path}: \"{where}place\" must be a string")
        side = item.get("side")
        if side is not None and (side not in ("inviter", "invitee") or len(parties) != 1):
            raise StoryFileError(f"{path}: \"{where}side\" must be \"inviter\" or "
                                 "\"invitee\", on an observation of one party")
        found.append(GoldObservation(parties=tuple(parties), kind=kind,
                                     status=_enum_value(item, "status", Status, path, where),
                                     place=place or None, side=side))
    return tuple(found)


def _record(raw: Any, path: Path, i: int) -> ExpectedRecord:
    where = f"expected.records[{i}]."
    if not isinstance(raw, dict):
        raise StoryFileError(f"{path}: expected.records[{i}] must be an object")
    kind = _enum_value(raw, "kind", OccasionKind, path, where)
    status = _enum_value(raw, "final_status", Status, path, where)
    place = raw.get("place")
    if place is not None and not isinstance(place, str):
        raise StoryFileError(f"{path}: \"{where}place\" must be a string")
    return ExpectedRecord(
        inviter=_text(raw, "inviter", path, where=where),
        invitee=_text(raw, "invitee", path, where=where),
        kind=kind,
        final_status=status,
        place=place or None,
    )
