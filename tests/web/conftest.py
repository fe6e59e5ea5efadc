"""The public site over a real store (SQLite, and PostgreSQL when reachable) holding a few
known records, served by aiohttp's test server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from bot.domain import Occasion, OccasionKind, Party, Status
from bot.store.api import Store
from bot.web import SiteOptions, build_app
from tests.support.builders import DAY0, KANYE, MUSK, PUTIN, add_report, store_invitation

HOSTILE = Party("<script>alert('x')</script> Ned")


@dataclass(frozen=True)
class Records:
    musk_putin: int  # pending (en), then responded (de)
    musk_kanye: int  # accepted (fr)
    hostile: int  # markup in a name and the occasion, a javascript: source
    hidden: int  # hidden by an editor


def fill(store: Store) -> Records:
    musk_putin = store_invitation(store, when=DAY0, url="https://daily.example/one")
    add_report(store, musk_putin, Status.RESPONDED, when=DAY0 + timedelta(days=1),
               url="https://zeitung.example/kreml", lang="de")
    musk_kanye = store_invitation(store, invitee=KANYE, status=Status.ACCEPTED,
                                  when=DAY0 + timedelta(days=2), url="https://journal.example/k",
                                  lang="fr")
    hostile = store_invitation(
        store, inviter=HOSTILE, invitee=PUTIN, when=DAY0 + timedelta(days=3),
        url="javascript:alert(1)",
        occasion=Occasion(OccasionKind.OTHER, None, "a <b>party</b> & \"more\""))
    hidden = store_invitation(store, inviter=PUTIN, invitee=MUSK, status=Status.WITHDRAWN,
                              when=DAY0 + timedelta(days=4), url="https://false.example/x")
    with store.unit() as unit:
        unit.set_hidden(hidden, True)
    return Records(musk_putin, musk_kanye, hostile, hidden)


def resolve(text: str) -> str | None:
    """A stand-in gazetteer: the test's three figures by name."""
    return {p.name.casefold(): p.key for p in (MUSK, PUTIN, KANYE)}.get(text.casefold())


@pytest.fixture
def records(store: Store) -> Records:
    return fill(store)


@pytest_asyncio.fixture
async def client(store: Store, records: Records) -> AsyncIterator[TestClient]:
    app = build_app(store, SiteOptions(resolve_figure=resolve))
    async with TestClient(TestServer(app, host="127.0.0.1")) as test_client:
        yield test_client
