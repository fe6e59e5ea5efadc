"""The outbox: planning per consumer, idempotent deliveries, their states, message memory."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect

from bot.errors import StoreError
from bot.store import DeliveryState, SqlStore
from bot.store.migrate import alembic_config
from tests.support.builders import T0, at, new_outcome, notification, source

DISCORD_A = "discord:111:222"
DISCORD_B = "discord:111:333"


def _enqueue(store: SqlStore, count: int) -> list[int]:
    with store.unit() as unit:
        return [unit.enqueue(notification(created_at=at(n), invitation_id=None), at(n)) for n in range(count)]


def test_undelivered_lists_unplanned_items_oldest_first_per_consumer(store: SqlStore) -> None:
    ids = _enqueue(store, 3)
    with store.unit() as unit:
        assert [i.id for i in unit.undelivered("discord", 10)] == ids
        assert [i.id for i in unit.undelivered("discord", 2)] == ids[:2]
        unit.plan_deliveries(ids[0], "discord", [DISCORD_A], now=at(5))
        unit.plan_deliveries(ids[1], "discord", [], now=at(5))  # nobody wants it: still planned
        assert [i.id for i in unit.undelivered("discord", 10)] == ids[2:]
        assert [i.id for i in unit.undelivered("console", 10)] == ids  # other consumers unaffected
        [first] = unit.undelivered("console", 1)
    assert first.notification == notification(created_at=T0, invitation_id=None)
    assert first.created_at == T0


def test_planning_twice_creates_each_delivery_once(store: SqlStore) -> None:
    [item] = _enqueue(store, 1)
    with store.unit() as unit:
        unit.plan_deliveries(item, "discord", [DISCORD_A, DISCORD_B], now=at(1))
    with store.unit() as unit:
        unit.plan_deliveries(item, "discord", [DISCORD_A, DISCORD_B, DISCORD_A], now=at(2))
        due = unit.due_deliveries("discord", at(3), limit=10)
    assert sorted(d.target for d in due) == [DISCORD_A, DISCORD_B]
    assert all(d.next_attempt_at == at(1) and d.attempts == 0 for d in due)


def test_a_target_must_belong_to_its_consumer(store: SqlStore) -> None:
    [item] = _enqueue(store, 1)
    with pytest.raises(StoreError, match="does not belong to consumer 'console'"), \
            store.unit() as unit:
        unit.plan_deliveries(item, "console", [DISCORD_A], now=T0)
    with pytest.raises(StoreError, match="no outbox item with id 999"), store.unit() as unit:
        unit.plan_deliveries(999, "console", ["console"], now=T0)
    with store.unit() as unit:
        assert len(unit.undelivered("console", 10)) == 1  # the failed plans left nothing


def test_due_deliveries_by_consumer_time_and_state(store: SqlStore) -> None:
    first, second = _enqueue(store, 2)
    with store.unit() as unit:
        unit.plan_deliveries(first, "console", ["console"], now=at(1))
        unit.plan_deliveries(first, "discord", [DISCORD_A], now=at(1))
        unit.plan_deliveries(second, "discord", [DISCORD_A], now=at(2))
    with store.unit() as unit:
        assert [d.target for d in unit.due_deliveries("console", at(1), 10)] == ["console"]
        discord = unit.due_deliveries("discord", at(5), 10)
        assert [d.outbox_id for d in discord] == [first, second]
        assert [d.outbox_id for d in unit.due_deliveries("discord", at(1.5), 10)] == [first]
        assert discord[0].notification == notification(created_at=T0, invitation_id=None)
        assert discord[0].state is DeliveryState.PENDING


def test_retry_sent_and_failed_change_the_delivery(store: SqlStore) -> None:
    first, second, third = _enqueue(store, 3)
    with store.unit() as unit:
        for item in (first, second, third):
            unit.plan_deliveries(item, "discord", [DISCORD_A], now=at(1))
        d1, d2, d3 = unit.due_deliveries("discord", at(1), 10)
        unit.mark_retry(d1.id, "HTTP 503 from Discord", at(3))
    with store.unit() as unit:
        assert [d.id for d in unit.due_deliveries("discord", at(2), 10)] == [d2.id, d3.id]
        unit.mark_sent(d2.id, "999000111", at(2))
        unit.mark_failed(d3.id, "HTTP 400: embed too long")
        [retried] = unit.due_deliveries("discord", at(3), 10)
    assert retried.id == d1.id
    assert (retried.attempts, retried.last_error, retried.next_attempt_at) == (
        1, "HTTP 503 from Discord", at(3))
    with store.unit() as unit:
        unit.mark_sent(d1.id, "999000222", at(3))
        assert unit.due_deliveries("discord", at(100), 10) == []
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT id, state, attempts, message_id, last_error FROM deliveries ORDER BY id"
        ).all()
    assert [tuple(r) for r in rows] == [
        (d1.id, "sent", 2, "999000222", "HTTP 503 from Discord"),
        (d2.id, "sent", 1, "999000111", None),
        (d3.id, "failed", 1, None, "HTTP 400: embed too long"),
    ]


def test_marking_an_unknown_delivery_is_a_store_error(store: SqlStore) -> None:
    with store.unit() as unit:
        for mark in (lambda: unit.mark_sent(77, None, T0), lambda: unit.mark_retry(77, "x", T0),
                     lambda: unit.mark_failed(77, "x")):
            with pytest.raises(StoreError, match="no delivery with id 77"):
                mark()


def test_messages_are_remembered_per_invitation_and_target(store: SqlStore) -> None:
    with store.unit() as unit:
        invitation_id = unit.save_outcome(new_outcome(), source())
        assert unit.message_for(invitation_id, DISCORD_A) is None
        unit.remember_message(invitation_id, DISCORD_A, "5001")
        unit.remember_message(invitation_id, DISCORD_B, "5002")
    with store.unit() as unit:
        assert unit.message_for(invitation_id, DISCORD_A) == "5001"
        unit.remember_message(invitation_id, DISCORD_A, "5003")  # the post was replaced
    with store.unit() as unit:
        assert unit.message_for(invitation_id, DISCORD_A) == "5003"
        assert unit.message_for(invitation_id, DISCORD_B) == "5002"
        assert unit.message_for(invitation_id + 1, DISCORD_A) is None
    with pytest.raises(StoreError, match="refused a change that breaks its rules"), \
            store.unit() as unit:  # no such invitation
        unit.remember_message(invitation_id + 1, DISCORD_A, "5004")


def test_an_unreadable_item_is_set_aside_without_blocking_the_others(
    store: SqlStore, caplog: pytest.LogCaptureFixture,
) -> None:
    broken, fine = _enqueue(store, 2)
    with store.unit() as unit:
        unit.plan_deliveries(broken, "discord", [DISCORD_A], now=at(1))
    with store.engine.begin() as connection:  # damaged by hand, or by a buggy old version
        connection.exec_driver_sql(
            f"UPDATE outbox SET payload = '{{\"kind\": \"new\"}}' WHERE id = {broken}")
    with store.unit() as unit:
        assert [i.id for i in unit.undelivered("console", 10)] == [fine]
        assert unit.due_deliveries("discord", at(2), 10) == []
    with store.unit() as unit:
        assert [i.id for i in unit.undelivered("console", 10)] == [fine]  # set aside for good
    with store.engine.connect() as connection:
        state, error = connection.exec_driver_sql(
            f"SELECT state, last_error FROM deliveries WHERE outbox_id = {broken}").one()
        payload = connection.exec_driver_sql(
            f"SELECT payload FROM outbox WHERE id = {broken}").scalar_one()
    assert state == "failed"
    assert error == "unreadable notification: notification payload lacks the field 'inviter'"
    assert payload == '{"kind": "new"}'  # kept for repair
    assert f"outbox item {broken} cannot be read" in caplog.text


def test_an_attempt_is_written_ahead_and_cleared_when_the_delivery_closes(
        store: SqlStore) -> None:
    first, second, third = _enqueue(store, 3)
    with store.unit() as unit:
        for item in (first, second, third):
            unit.plan_deliveries(item, "discord", [DISCORD_A], now=at(1))
        ids = [d.id for d in unit.due_deliveries("discord", at(2), limit=10)]
        assert all(d.attempt_started_at is None
                   for d in unit.due_deliveries("discord", at(2), limit=10))
        # The earliest unfinished attempt is kept: a message posted then is the one a
        # later retry must find.
        assert unit.start_attempt(ids[0], at(3)) == at(3)
        unit.mark_retry(ids[0], "503", at(4))
        assert unit.start_attempt(ids[0], at(5)) == at(3)
        unit.start_attempt(ids[1], at(3))
        unit.start_attempt(ids[2], at(3))
    with store.unit() as unit:
        in_doubt = unit.get_delivery(ids[0])
        assert in_doubt is not None and in_doubt.attempt_started_at == at(3)
        unit.mark_sent(ids[1], "m1", at(6))
        unit.mark_failed(ids[2], "400")
    with store.unit() as unit:
        closed = [unit.get_delivery(i) for i in ids[1:]]
        assert [d.attempt_started_at for d in closed if d is not None] == [None, None]
    with pytest.raises(StoreError, match="no delivery with id 999"), store.unit() as unit:
        unit.start_attempt(999, at(1))


def test_the_attempt_migration_goes_down_and_up(store: SqlStore) -> None:
    [item] = _enqueue(store, 1)
    with store.unit() as unit:
        unit.plan_deliveries(item, "discord", [DISCORD_A], now=at(1))
        [delivery] = unit.due_deliveries("discord", at(2), limit=10)
        unit.start_attempt(delivery.id, at(3))
    with store.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0015_waiting_findings")
    columns = {c["name"] for c in inspect(store.engine).get_columns("deliveries")}
    assert "attempt_started_at" not in columns
    store.upgrade()
    with store.unit() as unit:
        kept = unit.get_delivery(delivery.id)  # the delivery stays, no longer in doubt
        assert kept is not None and kept.attempt_started_at is None
        assert kept.state is DeliveryState.PENDING
