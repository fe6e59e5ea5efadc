"""The oneparty round (stop 27, issue 15) end to end: the shipped matcher reads one-party
reports in languages that had no observation table, and replay links them to the open
invitation they answer (articles written for this test)."""

from __future__ import annotations

from typing import Any

from bot.domain import NotificationKind, Status
from bot.matcher import Matcher
from bot.replay import replay
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy

ARTICLES: list[dict[str, Any]] = [
    {"id": "invited", "date": "2024-06-03", "lang": "ru", "url": "https://a.example/1",
     "text": "Владимир Путин пригласил Касым-Жомарта Токаева посетить Москву в июле."},
    {"id": "arrived", "date": "2024-07-02", "lang": "tr", "url": "https://b.example/2",
     "text": "Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, resmi ziyaret için Moskova'ya "
             "geldi."},
    {"id": "arrived-ja", "date": "2024-07-02", "lang": "ja", "url": "https://c.example/3",
     "text": "カザフスタンのトカエフ大統領は2日、モスクワに到着した。"},
]


def test_a_one_party_arrival_moves_the_open_invitation(sqlite_store: Store,
                                                        real_matcher: Matcher) -> None:
    sent = replay(ARTICLES, store=sqlite_store, matcher=real_matcher, policy=TrackerPolicy())
    assert [(n.kind, n.status) for n in sent] == [
        (NotificationKind.NEW, Status.PENDING),
        (NotificationKind.STATUS, Status.TOOK_PLACE),
    ]
    with sqlite_store.unit() as unit:
        [invitation] = unit.list_invitations(InvitationFilter(limit=10))
    assert invitation.status == Status.TOOK_PLACE
    assert len(invitation.sources) == 3
