"""The public site's filters in the one list module (repo_lists): a timeline language and a
search select what a plain reading of every invitation would, in lists, keyset pages and
counts alike, alone or with the other filters (a figure's list is read in two parts)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain import InvitationState, Party, Status
from bot.store.api import InvitationFilter, ListCursor, Store
from tests.support.builders import (
    DAY0,
    KANYE,
    PUTIN,
    add_report,
    many_invitations,
    store_invitation,
)


@pytest.fixture
def filled(store: Store) -> Store:
    first = store_invitation(store, when=DAY0)
    add_report(store, first, Status.RESPONDED, when=DAY0 + timedelta(days=1),
               url="https://zeitung.example/k", lang="de")
    store_invitation(store, invitee=KANYE, status=Status.ACCEPTED, lang="fr",
                     when=DAY0 + timedelta(days=2), url="https://journal.example/k")
    hidden = store_invitation(store, inviter=PUTIN, invitee=Party("Jane 100% Okafor"),
                              when=DAY0 + timedelta(days=3), url="https://x.example/h")
    with store.unit() as unit:
        unit.set_hidden(hidden, True)
    many_invitations(store, 7)
    return store


def _matches(inv: InvitationState, flt: InvitationFilter) -> bool:
    """The filter read plainly off a record (the test data is ASCII: SQLite folds only that)."""
    term = " ".join((flt.search or "").split()).casefold()
    texts = (inv.inviter.name, inv.invitee.name, inv.occasion.text, inv.occasion.place or "")
    return ((flt.include_hidden or not inv.hidden)
            and (not flt.status or inv.status in flt.status)
            and (flt.figure_key is None or flt.figure_key in (inv.inviter.key, inv.invitee.key))
            and (flt.lang is None or any(e.lang == flt.lang for e in inv.timeline))
            and (not term or any(term in text.casefold() for text in texts)))


def _reference(store: Store, flt: InvitationFilter) -> list[int | None]:
    with store.unit(read_only=True) as unit:
        everything = unit.list_invitations(InvitationFilter(limit=1000, include_hidden=True))
    return [i.id for i in everything if _matches(i, flt)][:flt.limit]


@pytest.mark.parametrize("flt", [
    InvitationFilter(limit=100),
    InvitationFilter(limit=3),
    InvitationFilter(limit=100, include_hidden=True),
    InvitationFilter(status=[Status.RESPONDED, Status.ACCEPTED]),
    InvitationFilter(figure_key="vladimir-putin", include_hidden=True),
    InvitationFilter(figure_key="vladimir-putin", lang="de"),
    InvitationFilter(figure_key="vladimir-putin", search="okafor", include_hidden=True),
    InvitationFilter(lang="de"),
    InvitationFilter(lang="en", status=[Status.PENDING], limit=4),
    InvitationFilter(search="KANYE"),
    InvitationFilter(search="  guest   number 3 "),
    InvitationFilter(search="100%", include_hidden=True),
    InvitationFilter(search="_"),
    InvitationFilter(limit=0),
], ids=repr)
def test_the_site_filters_select_what_the_records_say(filled: Store,
                                                      flt: InvitationFilter) -> None:
    expected = _reference(filled, flt)
    with filled.unit(read_only=True) as unit:
        assert [i.id for i in unit.list_invitations(flt)] == expected
        assert unit.count_invitations(replace(flt, limit=100)) == len(
            _reference(filled, replace(flt, limit=100)))


def test_keyset_pages_follow_the_list_order(filled: Store) -> None:
    with filled.unit(read_only=True) as unit:
        everything = unit.list_invitations(InvitationFilter(limit=100, lang="en"))
        pages: list[InvitationState] = []
        after = None
        while True:
            page = unit.invitation_page(InvitationFilter(limit=4, after=after, lang="en"))
            pages += page.items
            if not page.more:
                break
            after = ListCursor.of(page.items[-1])
    assert [i.id for i in pages] == [i.id for i in everything] and len(everything) == 8


def test_search_and_language_select(filled: Store) -> None:
    with filled.unit(read_only=True) as unit:
        found = unit.list_invitations(InvitationFilter(search="okafor", include_hidden=True))
        by_lang = unit.list_invitations(InvitationFilter(lang="fr"))
        no_wildcard = unit.list_invitations(InvitationFilter(search="Jane_100"))
    assert [i.invitee.name for i in found] == ["Jane 100% Okafor"]
    assert [i.invitee.name for i in by_lang] == ["Kanye West"]
    assert no_wildcard == []
