"""The public site's reads: `browse_invitations` returns exactly what `list_invitations`
does, for every filter (its lighter read must not drift), and the site's filters."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain import Party, Status
from bot.store.api import InvitationFilter, Store
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


@pytest.mark.parametrize("flt", [
    InvitationFilter(limit=100),
    InvitationFilter(limit=3),
    InvitationFilter(limit=100, include_hidden=True),
    InvitationFilter(status=[Status.RESPONDED, Status.ACCEPTED]),
    InvitationFilter(figure_key="vladimir-putin", include_hidden=True),
    InvitationFilter(lang="de"),
    InvitationFilter(search="KANYE"),
    InvitationFilter(search="100%", include_hidden=True),
    InvitationFilter(search="_"),
    InvitationFilter(limit=0),
], ids=repr)
def test_browse_equals_list(filled: Store, flt: InvitationFilter) -> None:
    with filled.reader() as unit:
        assert unit.browse_invitations(flt) == unit.list_invitations(flt)


def test_keyset_pages_follow_the_list_order(filled: Store) -> None:
    with filled.reader() as unit:
        everything = unit.list_invitations(InvitationFilter(limit=100))
        pages, after = [], None
        while True:
            page = unit.browse_invitations(InvitationFilter(limit=4, after=after))
            if not page:
                break
            pages += page
            after = (page[-1].last_update, page[-1].id)
    assert [i.id for i in pages] == [i.id for i in everything] and len(everything) == 9


def test_search_and_language_select(filled: Store) -> None:
    with filled.reader() as unit:
        found = unit.browse_invitations(InvitationFilter(search="okafor", include_hidden=True))
        by_lang = unit.browse_invitations(InvitationFilter(lang="fr"))
        no_wildcard = unit.browse_invitations(InvitationFilter(search="Jane_100"))
    assert [i.invitee.name for i in found] == ["Jane 100% Okafor"]
    assert [i.invitee.name for i in by_lang] == ["Kanye West"]
    assert no_wildcard == []
