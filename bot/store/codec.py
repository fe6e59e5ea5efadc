"""JSON encodings of what the store keeps as text: notifications, timeline summaries,
settings lists, audit detail.

Enums are written as their values and datetimes as ISO 8601 with an offset, so a payload
written by one backend (or one version of the bot) reads back identically on another.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from bot.domain import (
    LoneObservation,
    Notification,
    NotificationKind,
    Observation,
    Occasion,
    OccasionKind,
    Party,
    Source,
    Status,
    TimelineEntry,
    TimelineSummary,
    WaitingFinding,
)
from bot.errors import StoreError
from bot.store.types import require_aware

NOTIFICATION_FORMAT = 1  # bump when the payload changes shape; readers accept older ones


def notification_to_dict(notification: Notification) -> dict[str, Any]:
    n = notification
    return {
        "format": NOTIFICATION_FORMAT,
        "kind": n.kind.value,
        "invitation_id": n.invitation_id,
        "inviter": n.inviter,
        "invitee": n.invitee,
        "occasion": n.occasion,
        "status": n.status.value,
        "previous_status": n.previous_status.value if n.previous_status else None,
        "source_url": n.source_url,
        "outlet": n.outlet,
        "source_date": require_aware(n.source_date, "notification source_date").isoformat(),
        "languages": list(n.languages),
        "evidence": n.evidence,
        "confidence": n.confidence,
        "created_at": require_aware(n.created_at, "notification created_at").isoformat(),
        "sources": list(n.sources),
        "inviter_id": n.inviter_id,
        "invitee_id": n.invitee_id,
        "occasion_kind": n.occasion_kind.value,
        "place": n.place,
    }


def notification_to_json(notification: Notification) -> str:
    return json.dumps(notification_to_dict(notification), ensure_ascii=False, sort_keys=True)


def notification_from_dict(data: dict[str, Any]) -> Notification:
    """Rebuild a Notification; StoreError names the field when the payload is damaged."""
    try:
        previous = data.get("previous_status")
        return Notification(
            kind=NotificationKind(data["kind"]),
            invitation_id=_optional_int(data.get("invitation_id")),
            inviter=str(data["inviter"]),
            invitee=str(data["invitee"]),
            occasion=str(data["occasion"]),
            status=Status(data["status"]),
            previous_status=Status(previous) if previous is not None else None,
            source_url=data.get("source_url"),
            outlet=data.get("outlet"),
            source_date=parse_aware(data["source_date"], "source_date"),
            languages=tuple(str(x) for x in data.get("languages", ())),
            evidence=str(data.get("evidence", "")),
            confidence=float(data["confidence"]),
            created_at=parse_aware(data["created_at"], "created_at"),
            sources=tuple(str(x) for x in data.get("sources", ())),
            inviter_id=data.get("inviter_id"),
            invitee_id=data.get("invitee_id"),
            occasion_kind=OccasionKind(data.get("occasion_kind", OccasionKind.OTHER.value)),
            place=data.get("place"),
        )
    except KeyError as exc:
        raise StoreError(f"notification payload lacks the field {exc.args[0]!r}") from exc
    except (TypeError, ValueError) as exc:
        raise StoreError(f"notification payload is malformed: {exc}") from exc


def notification_from_json(text: str) -> Notification:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreError(f"notification payload is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise StoreError(f"notification payload must be a JSON object, got {type(data).__name__}")
    return notification_from_dict(data)


def with_invitation_id(notification: Notification, invitation_id: int) -> Notification:
    return replace(notification, invitation_id=invitation_id)


def parse_aware(value: Any, what: str) -> datetime:
    if not isinstance(value, str):
        raise StoreError(f"{what} must be an ISO 8601 string, got {value!r}")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise StoreError(f"{what} is not an ISO 8601 datetime: {value!r}") from exc
    return require_aware(parsed, what)


def _optional_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"invitation_id must be an integer, got {value!r}")
    return value


def dump_json(value: Any, what: str) -> str:
    """Text for a JSON column; a value JSON cannot represent is the caller's error, named."""
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{what} cannot be stored as JSON: {exc}") from exc


def load_json(text: str | None, what: str, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreError(f"stored {what} is not valid JSON: {exc}") from exc


SUMMARY_FORMAT = 1


def entry_to_dict(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "at": require_aware(entry.at, "timeline entry time").isoformat(),
        "status": Status(entry.status).value,
        "url": entry.url,
        "outlet": entry.outlet,
        "lang": entry.lang,
        "evidence": entry.evidence,
        "confidence": float(entry.confidence),
        "seen_at": require_aware(entry.seen_at, "timeline entry seen_at").isoformat(),
        "editorial": bool(entry.editorial),
        "vague_kind": entry.vague_kind.value if entry.vague_kind is not None else None,
        "article_id": entry.article_id,
    }


def entry_from_dict(data: dict[str, Any]) -> TimelineEntry:
    return TimelineEntry(
        at=parse_aware(data["at"], "at"), status=Status(data["status"]), url=data.get("url"),
        outlet=data.get("outlet"), lang=str(data["lang"]), evidence=str(data["evidence"]),
        confidence=float(data["confidence"]), seen_at=parse_aware(data["seen_at"], "seen_at"),
        editorial=bool(data.get("editorial", False)),
        vague_kind=OccasionKind(data["vague_kind"]) if data.get("vague_kind") else None,
        article_id=_article_id(data.get("article_id")))


def _article_id(value: Any) -> int | None:
    # Summaries written before entries carried their article have no such key.
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"article_id must be an integer, got {value!r}")
    return value


def summary_to_json(entries: list[TimelineEntry], summary: TimelineSummary) -> str:
    """An invitation's timeline summary: the entries that decide (`bot.tracker.summary`)
    and what the rest of the timeline contributes."""
    return json.dumps({"format": SUMMARY_FORMAT, "entries": [entry_to_dict(e) for e in entries],
                       "languages": list(summary.languages)},
                      ensure_ascii=False, sort_keys=True, allow_nan=False)


def summary_from_json(text: str, what: str) -> tuple[list[TimelineEntry], TimelineSummary]:
    """StoreError naming `what` when the stored summary is damaged."""
    data = load_json(text, what, None)
    try:
        entries = [entry_from_dict(item) for item in data["entries"]]
        languages = tuple(str(x) for x in data["languages"])
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"stored {what} is malformed: {exc!r}") from exc
    return entries, TimelineSummary(languages=languages)


WAITING_FORMAT = 1


def _party_to_dict(party: Party) -> dict[str, Any]:
    return {"name": party.name, "figure_id": party.figure_id}


def _party_from_dict(data: dict[str, Any]) -> Party:
    figure_id = data.get("figure_id")
    return Party(name=str(data["name"]), figure_id=str(figure_id) if figure_id else None)


def waiting_to_json(waiting: WaitingFinding) -> str:
    """A waiting finding with its source (`waiting_findings.finding`): what the tracker
    needs to link it later as if it arrived then."""
    f, s = waiting.finding, waiting.source
    finding: dict[str, Any] = {
        "occasion": {"kind": f.occasion.kind.value, "place": f.occasion.place,
                     "text": f.occasion.text},
        "status": Status(f.status).value, "confidence": float(f.confidence),
        "evidence": f.evidence, "lang": f.lang,
        "status_date": f.status_date.isoformat() if f.status_date is not None else None,
    }
    if isinstance(f, LoneObservation):
        finding.update(kind="lone", party=_party_to_dict(f.party), side=f.side)
    else:
        finding.update(kind="observation", first=_party_to_dict(f.first),
                       second=_party_to_dict(f.second))
    source = {"url": s.url, "outlet": s.outlet, "lang": s.lang,
              "published": require_aware(s.published, "source published").isoformat(),
              "article_id": s.article_id}
    return dump_json({"format": WAITING_FORMAT, "finding": finding, "source": source},
                     "waiting finding")


def waiting_from_json(text: str, *, at: datetime, seen_at: datetime, announce: bool,
                      ident: int | None) -> WaitingFinding:
    """StoreError when the stored finding is damaged."""
    data = load_json(text, "waiting finding", None)
    try:
        f, s = data["finding"], data["source"]
        occasion = Occasion(kind=OccasionKind(f["occasion"]["kind"]),
                            place=f["occasion"].get("place"),
                            text=str(f["occasion"].get("text") or ""))
        common: dict[str, Any] = {
            "occasion": occasion, "status": Status(f["status"]),
            "confidence": float(f["confidence"]), "evidence": str(f["evidence"]),
            "lang": str(f["lang"]),
            "status_date": date.fromisoformat(f["status_date"]) if f.get("status_date")
            else None}
        finding: LoneObservation | Observation
        if f["kind"] == "lone":
            finding = LoneObservation(party=_party_from_dict(f["party"]), side=f.get("side"),
                                      **common)
        elif f["kind"] == "observation":
            finding = Observation(first=_party_from_dict(f["first"]),
                                  second=_party_from_dict(f["second"]), **common)
        else:
            raise ValueError(f"unknown finding kind {f['kind']!r}")
        source = Source(url=s.get("url"), outlet=s.get("outlet"), lang=str(s["lang"]),
                        published=parse_aware(s["published"], "published"),
                        article_id=_article_id(s.get("article_id")))
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"stored waiting finding is malformed: {exc!r}") from exc
    return WaitingFinding(finding=finding, source=source, at=at, seen_at=seen_at,
                          announce=announce, id=ident)
