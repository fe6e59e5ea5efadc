"""/correct merge|split|status|hide sent as INTERACTION_CREATE through the fake Discord to
the real discord.py client: who may correct, what is saved, audited and announced."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.domain import NotificationKind, Party, Status
from bot.store.api import InvitationFilter, Store
from tests.support.builders import DAY0, KANYE, add_report, store_invitation
from tests.support.discord_harness import (
    EPHEMERAL,
    Bot,
    admin,
    assert_ephemeral_error,
    audit_log,
    make_deps,
    opt,
    run,
    running_bot,
)
from tests.support.fake_discord import MEMBER_PERMISSIONS, FakeDiscord

INTEGER, BOOLEAN = 4, 5


def _outbox(store: Store) -> list[tuple[NotificationKind, Status, int | None]]:
    with store.unit() as unit:
        return [(i.notification.kind, i.notification.status, i.notification.invitation_id)
                for i in unit.undelivered("discord", 100)]


def _forget_outbox(store: Store) -> None:
    with store.unit() as unit:
        for item in unit.undelivered("discord", 100):
            unit.plan_deliveries(item.id, "discord", [], DAY0)


def _two_records(store: Store) -> tuple[int, int]:
    one = store_invitation(store)
    two = store_invitation(store, url="https://daily.example/two", when=DAY0.replace(day=16))
    add_report(store, two, Status.RESPONDED, when=DAY0.replace(day=17),
               url="https://zeitung.example/kreml")
    _forget_outbox(store)
    return one, two


def _ok(callback: dict[str, Any]) -> str:
    assert callback["type"] == 4 and callback["data"]["flags"] & EPHEMERAL
    text = str(callback["data"]["content"])
    assert text.startswith("✏️"), text
    return text


async def test_correct_status_is_editorial_audited_and_announced(bot: Bot) -> None:
    record = store_invitation(bot.store)
    _forget_outbox(bot.store)
    callback = await run(bot, "correct status", [
        opt("record", record, kind=INTEGER), opt("status", "declined"),
        opt("note", "The Kremlin said no on TV")], member=admin(bot))
    assert f"#{record} set to declined" in _ok(callback)
    with bot.store.unit() as unit:
        state = unit.get_invitation(record)
    assert state is not None and state.status == Status.DECLINED
    (editorial,) = [e for e in state.timeline if e.editorial]
    assert editorial.evidence == "The Kremlin said no on TV"
    assert editorial.outlet is not None and editorial.outlet.startswith("editor: discord:")
    assert _outbox(bot.store) == [(NotificationKind.STATUS, Status.DECLINED, record)]
    assert [row[1:] for row in audit_log(bot.store)] == [(bot.guild.id, "correction.set_status")]
    shown = await run(bot, "invitation", [opt("id", record, kind=INTEGER)])
    names = [f["name"] for f in shown["data"]["embeds"][0]["fields"]]
    assert names[-1].startswith("2.") and names[-1].endswith("· editorial")


async def test_correct_merge_and_split(bot: Bot) -> None:
    one, two = _two_records(bot.store)
    merged = await run(bot, "correct merge", [
        opt("keep", one, kind=INTEGER), opt("other", two, kind=INTEGER),
        opt("note", "one Clubhouse invitation")], member=admin(bot))
    assert f"#{two} merged into #{one}" in _ok(merged)
    with bot.store.unit() as unit:
        kept = unit.get_invitation(one)
        assert unit.get_invitation(two) is None
        assert [n.action for n in unit.notes(one)] == ["merge"]
    assert kept is not None and len(kept.timeline) == 3 and kept.status == Status.RESPONDED
    assert _outbox(bot.store) == []  # "responded" had been announced for the other record

    split = await run(bot, "correct split", [
        opt("record", one, kind=INTEGER), opt("entry", 3, kind=INTEGER),
        opt("note", "the Kremlin answered another invitation")], member=admin(bot))
    assert "is now record #" in _ok(split)
    shown = await run(bot, "invitation", [opt("id", one, kind=INTEGER)])
    description = shown["data"]["embeds"][0]["description"]
    assert f"merged record #{two} into this one: one Clubhouse invitation" in description
    assert "split off into record #" in description
    with bot.store.unit() as unit:
        records = unit.list_invitations(InvitationFilter())
    assert sorted((len(r.timeline), r.status.value) for r in records) == [
        (1, "responded"), (2, "pending")]
    kinds = sorted((k.value, s.value) for k, s, _ in _outbox(bot.store))
    assert kinds == [("new", "responded"), ("status", "pending")]
    assert [row[2] for row in audit_log(bot.store)] == ["correction.merge", "correction.split"]


async def test_correct_hide_and_undo(bot: Bot) -> None:
    record = store_invitation(bot.store)
    _forget_outbox(bot.store)
    hidden = await run(bot, "correct hide", [opt("record", record, kind=INTEGER),
                                             opt("note", "satire")], member=admin(bot))
    assert "hidden as a false record" in _ok(hidden)
    # Announced like a status change: the servers told of the record are told it is false.
    assert _outbox(bot.store) == [(NotificationKind.HIDDEN, Status.PENDING, record)]
    _forget_outbox(bot.store)
    listed = await run(bot, "invitations")
    assert f"#{record}" not in str(listed["data"])
    shown = await run(bot, "invitation", [opt("id", record, kind=INTEGER)])
    assert "Hidden by an editor" in shown["data"]["embeds"][0]["description"]
    back = await run(bot, "correct hide", [opt("record", record, kind=INTEGER),
                                           opt("note", "real after all"),
                                           opt("undo", True, kind=BOOLEAN)], member=admin(bot))
    assert "shown again" in _ok(back)
    assert _outbox(bot.store) == [(NotificationKind.NEW, Status.PENDING, record)]
    assert [row[2] for row in audit_log(bot.store)] == ["correction.hide", "correction.unhide"]


async def test_bad_corrections_are_refused_clearly(bot: Bot) -> None:
    record = store_invitation(bot.store)
    other_pair = store_invitation(bot.store, inviter=KANYE, invitee=Party("Someone Else"),
                                  url="https://daily.example/kanye")
    cases = [
        (await run(bot, "correct merge", [opt("keep", record, kind=INTEGER),
                                          opt("other", other_pair, kind=INTEGER),
                                          opt("note", "x")], member=admin(bot)),
         "no figure in common"),
        (await run(bot, "correct status", [opt("record", 999, kind=INTEGER),
                                           opt("status", "declined"), opt("note", "x")],
                   member=admin(bot)), "no record #999"),
        (await run(bot, "correct split", [opt("record", record, kind=INTEGER),
                                          opt("entry", 1, kind=INTEGER), opt("note", "x")],
                   member=admin(bot)), "single timeline entry"),
        (await run(bot, "correct hide", [opt("record", record, kind=INTEGER),
                                         opt("note", "   ")], member=admin(bot)), "note"),
    ]
    for callback, needle in cases:
        assert_ephemeral_error(callback, needle)
    with bot.store.unit() as unit:
        assert len(unit.list_invitations(InvitationFilter())) == 2
    assert audit_log(bot.store) == []


async def test_members_without_manage_server_cannot_correct(bot: Bot) -> None:
    record = store_invitation(bot.store)
    member = bot.fake.member_payload(permissions=MEMBER_PERMISSIONS, name="visitor")
    refused = await run(bot, "correct status", [
        opt("record", record, kind=INTEGER), opt("status", "declined"), opt("note", "x")],
        member=member)
    assert_ephemeral_error(refused, "Manage Server")
    with bot.store.unit() as unit:
        state = unit.get_invitation(record)
    assert state is not None and state.status == Status.PENDING
    assert audit_log(bot.store) == []


async def test_only_the_hosts_servers_may_correct(fake: FakeDiscord, store: Store) -> None:
    record = store_invitation(store)
    deps = replace(make_deps(store, fake), feed_admin_guilds=lambda: frozenset({"42"}))
    async with running_bot(fake, store, deps) as bot:
        refused = await run(bot, "correct hide", [opt("record", record, kind=INTEGER),
                                                  opt("note", "x")], member=admin(bot))
        assert_ephemeral_error(refused, "only the host's own servers")
    with store.unit() as unit:
        assert [i.id for i in unit.list_invitations(InvitationFilter())] == [record]
    assert audit_log(store) == []


async def test_a_correction_tries_the_reports_waiting_for_the_record(
        fake: FakeDiscord, store: Store) -> None:
    """A refusal that waited because the record was (wrongly) settled joins it once an
    admin reopens the record with /correct status; the reply says so."""
    from tests.store.test_store_waiting_corrections import misread_then_a_refusal, retry_now
    record = misread_then_a_refusal(store)
    deps = replace(make_deps(store, fake), retry_waiting=retry_now,
                   now=lambda: datetime(2025, 5, 16, 9, tzinfo=UTC))  # the story's days
    async with running_bot(fake, store, deps) as bot:
        callback = await run(bot, "correct status", [
            opt("record", record, kind=INTEGER), opt("status", "pending"),
            opt("note", "misread: they did not meet")], member=admin(bot))
        assert "1 waiting report(s) joined" in _ok(callback)
    with store.unit() as unit:
        assert unit.count_waiting() == 0
        state = unit.get_invitation(record)
        assert state is not None
        assert Status.DECLINED in [e.status for e in state.timeline]
