"""The figure autocomplete answers from the figures_seen table exactly what reading every
invitation answered (prefix first, case-insensitive in any script, diacritics kept), and
the table follows renames and merges."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import event, select

from bot.domain import Party
from bot.store import SqlStore
from bot.store.tables import FigureSeenRow
from tests.support.autocomplete_reference import reference
from tests.support.builders import MUSK, PUTIN, at, new_outcome, source, state

PARTIES = [
    MUSK, PUTIN, Party("Emmanuel Macron", "emmanuel-macron"), Party("Joe Biden", "joe-biden"),
    Party("Алексей Навальный"), Party("Élisabeth Borne", "elisabeth-borne"),
    Party("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"), Party("Olaf SCHOLZ", "olaf-scholz"),
    Party("Straße Muster"), Party("100% Percent"), Party("snake_case Name"),
    Party("Xi Jinping", "xi-jinping"), Party("習近平"), Party("Jane  Okafor"),
    Party("Emma Macronette"), Party("emil Early"),
]
NEEDLES = ["", "e", "E", "em", "EM", "macron", "putin", "vladimir-", "алексей", "НАВАЛ",
           "élisabeth", "elisabeth", "erdoğan", "erdogan", "scholz", "STRASSE", "straße",
           "%", "_", "100%", "e_c", "近", "jane okafor", "  jane   okafor ", "name:", "zzz",
           "\\", "o", "n"]


def _fill(store: SqlStore) -> list[int]:
    ids = []
    with store.unit() as unit:
        for n, inviter in enumerate(PARTIES):
            invitee = PARTIES[(n * 7 + 3) % len(PARTIES)]
            if invitee == inviter:
                invitee = PARTIES[(n + 1) % len(PARTIES)]
            ids.append(unit.save_outcome(new_outcome(state(
                inviter=inviter, invitee=invitee, when=at(days=n))), source()))
    return ids


def _assert_same_answers(store: SqlStore) -> None:
    with store.unit() as unit:
        for needle in NEEDLES:
            for limit in (1, 3, 25):
                assert unit.figures_seen(needle, limit) == reference(unit, needle, limit), (
                    needle, limit)


def test_the_autocomplete_answers_what_reading_every_invitation_answered(store: SqlStore) -> None:
    _fill(store)
    _assert_same_answers(store)
    with store.unit() as unit:
        assert [name for _, name in unit.figures_seen("EM", 10)] == [
            "emil Early", "Emma Macronette", "Emmanuel Macron"]
        # Diacritics as before: folded case, accents kept.
        assert unit.figures_seen("elisabeth", 10) == [("elisabeth-borne", "Élisabeth Borne")]
        assert unit.figures_seen("élisabeth", 10) == [("elisabeth-borne", "Élisabeth Borne")]
        assert unit.figures_seen("%", 10) == [("name:100% percent", "100% Percent")]
        assert unit.figures_seen("anything", 0) == []


def test_each_figure_is_one_row_whatever_how_often_it_is_saved(store: SqlStore) -> None:
    with store.unit() as unit:
        first = unit.save_outcome(new_outcome(state(when=at(days=1))), source())
        unit.save_outcome(new_outcome(state(when=at(days=2))), source())
    with store.unit() as unit:
        saved = unit.get_invitation(first)
        assert saved is not None
        unit.save_outcome(new_outcome(replace(saved, last_update=at(days=3))), source())
    with store.engine.connect() as connection:
        rows = connection.execute(select(FigureSeenRow.key, FigureSeenRow.name)  # type: ignore[arg-type]
                                  .order_by(FigureSeenRow.key)).all()
    assert [tuple(r) for r in rows] == [("elon-musk", "Elon Musk"),
                                        ("vladimir-putin", "Vladimir Putin")]


def test_an_update_keeping_the_names_costs_no_statement(store: SqlStore) -> None:
    with store.unit() as unit:
        first = unit.save_outcome(new_outcome(state(when=at(days=1))), source())
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "figures_seen" in statement:
            statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        with store.unit() as unit:
            saved = unit.get_invitation(first)
            assert saved is not None
            unit.save_outcome(new_outcome(replace(saved, last_update=at(days=2))), source())
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    assert statements == []


def test_a_renamed_party_and_a_merged_record_leave_no_stale_name(store: SqlStore) -> None:
    ids = _fill(store)
    better = Party("Elon R. Musk", "elon-musk")
    # The tracker may name a party better in a later report: the old name goes once no
    # record holds it (Musk is the inviter of the first record, the invitee of another).
    for n, (invitation_id, side) in enumerate([(ids[0], "inviter"), (ids[11], "invitee")]):
        with store.unit() as unit:
            saved = unit.get_invitation(invitation_id)
            assert saved is not None and getattr(saved, side) == MUSK
            renamed = replace(saved, **{side: better}, last_update=at(days=40 + n))
            unit.save_outcome(new_outcome(renamed), source())
            still_held = n == 0
            assert (("elon-musk", "Elon Musk") in unit.figures_seen("elon", 10)) is still_held
        _assert_same_answers(store)
    with store.unit() as unit:
        assert unit.figures_seen("elon", 10) == [("elon-musk", "Elon R. Musk")]
        lone = unit.save_outcome(new_outcome(state(
            inviter=Party("Only Once"), invitee=PUTIN, when=at(days=50))), source())
        assert unit.figures_seen("only", 10) == [("name:only once", "Only Once")]
    with store.unit() as unit:
        # A merge deletes the absorbed record: a name only it held goes with it.
        unit.absorb_invitation(ids[1], lone)
        assert unit.figures_seen("only", 10) == []
    _assert_same_answers(store)
