"""The figure autocomplete as it was before the figures_seen table: the oracle the table's
answers are held to (tests/store/test_store_figures_seen.py) and the "before" of
bench/bench_store.py."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, union
from sqlmodel import col

from bot.store.tables import InvitationRow


def reference(unit: Any, prefix: str, limit: int) -> list[tuple[str, str]]:
    """The autocomplete as it was before the figures_seen table: every invitation's parties
    read and folded per keystroke."""
    needle = " ".join(str(prefix).casefold().split())
    figures = unit.session.execute(union(
        select(col(InvitationRow.inviter_key), col(InvitationRow.inviter_name)),
        select(col(InvitationRow.invitee_key), col(InvitationRow.invitee_name)),
    )).all()
    best: dict[str, tuple[bool, str]] = {}
    for key, name in figures:
        folded = name.casefold()
        if needle and needle not in folded and needle not in key.casefold():
            continue
        rank = (not folded.startswith(needle), name)
        if key not in best or rank < best[key]:
            best[key] = rank
    ordered = sorted(best.items(), key=lambda item: (item[1][0], item[1][1].casefold(), item[0]))
    return [(key, rank[1]) for key, rank in ordered[:limit]]
