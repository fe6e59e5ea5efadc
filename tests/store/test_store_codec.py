"""Notifications to JSON and back."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta, timezone

import pytest

from bot.domain import NotificationKind, OccasionKind, Status
from bot.errors import StoreError
from bot.store import notification_from_json, notification_to_json
from bot.store.codec import notification_to_dict
from tests.support.builders import notification


def test_a_notification_survives_the_round_trip() -> None:
    kyiv = timezone(timedelta(hours=2))
    original = replace(notification(NotificationKind.STATUS, status=Status.RESPONDED,
                                    previous=Status.PENDING, invitation_id=7),
                       source_date=notification().source_date.astimezone(kyiv),
                       evidence="Песков: «Надо подумать»", place=None)
    text = notification_to_json(original)
    data = json.loads(text)
    assert (data["kind"], data["status"], data["previous_status"]) == ("status", "responded",
                                                                       "pending")
    assert data["source_date"] == "2021-02-14T08:00:00+00:00"  # ISO 8601, in UTC, with offset
    assert data["occasion_kind"] == "conversation"
    assert "Песков" in text  # readable, not escaped
    assert notification_from_json(text) == original


def test_optional_fields_default_when_absent() -> None:
    data = notification_to_dict(notification())
    for optional in ("sources", "inviter_id", "invitee_id", "occasion_kind", "place"):
        del data[optional]
    restored = notification_from_json(json.dumps(data))
    assert (restored.sources, restored.occasion_kind, restored.place) == ((), OccasionKind.OTHER,
                                                                          None)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("status"), "lacks the field 'status'"),
        (lambda d: d.update(status="maybe"), "'maybe' is not a valid Status"),
        (lambda d: d.update(source_date="yesterday"), "source_date is not an ISO 8601 datetime"),
        (lambda d: d.update(created_at="2021-02-14T10:00:00"), "created_at must be timezone-aware"),
        (lambda d: d.update(confidence="high"), "malformed"),
        (lambda d: d.update(invitation_id="7"), "invitation_id must be an integer"),
    ],
)
def test_damaged_payloads_are_named(mutate: object, message: str) -> None:
    data = notification_to_dict(notification())
    mutate(data)  # type: ignore[operator]
    with pytest.raises(StoreError, match=message):
        notification_from_json(json.dumps(data))


@pytest.mark.parametrize(("text", "message"), [("{not json", "not valid JSON"),
                                               ("[1, 2]", "must be a JSON object, got list")])
def test_non_objects_are_refused(text: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        notification_from_json(text)


def test_a_naive_notification_cannot_be_encoded() -> None:
    naive = replace(notification(), created_at=notification().created_at.replace(tzinfo=None))
    with pytest.raises(StoreError, match="notification created_at must be timezone-aware"):
        notification_to_json(naive)
