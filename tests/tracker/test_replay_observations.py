"""Replay (and so the stories eval) moves invitations on observations exactly as polling
does: both go through bot.pipeline.process_article. The articles here are read by a
hand-written matcher (the matcher's contract, no text analysis), so the test pins the
pipeline's wiring and the tracker, not the matcher's reading."""

from __future__ import annotations

from typing import Any, cast

from bot.domain import (
    Article,
    MatchResult,
    Mention,
    NotificationKind,
    Observation,
    Occasion,
    OccasionKind,
    Party,
    Status,
)
from bot.matcher import Matcher
from bot.replay import replay
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy

BIDEN = Party("Joe Biden", "joe-biden")
LULA = Party("Luiz Inácio Lula da Silva", "lula-da-silva")
WHITE_HOUSE = Occasion(OccasionKind.VISIT, "the White House", "a visit to the White House")


class ScriptedMatcher:
    """Answers each article key with the mentions and observations written for it."""

    def __init__(self, script: dict[str, MatchResult]) -> None:
        self.script = script

    def match(self, article: Article) -> MatchResult:
        return self.script.get(article.key, MatchResult(lang="und"))


def _mention(status: Status) -> Mention:
    return Mention(BIDEN, LULA, WHITE_HOUSE, status, 0.9, f"Biden/Lula: {status.value}", "en")


def _observation(status: Status) -> Observation:
    return Observation(LULA, BIDEN, Occasion(OccasionKind.MEETING, "Washington"), status, 0.8,
                       f"Lula and Biden: {status.value}", "pt")


ARTICLES: list[dict[str, Any]] = [
    {"id": "invited", "date": "2023-01-09", "lang": "en", "url": "https://a.example/1",
     "text": "Biden invites Lula to the White House."},
    {"id": "accepted", "date": "2023-01-20", "lang": "en", "url": "https://a.example/2",
     "text": "Lula accepts Biden's invitation."},
    {"id": "met", "date": "2023-02-10", "lang": "pt", "url": "https://b.example/3",
     "text": "Lula and Biden met in Washington."},
    {"id": "met-again", "date": "2023-02-11", "lang": "pt", "url": "https://c.example/4",
     "text": "Lula and Biden met in Washington, another outlet says."},
]
SCRIPT = {
    "invited": MatchResult("en", mentions=(_mention(Status.PENDING),)),
    "accepted": MatchResult("en", mentions=(_mention(Status.ACCEPTED),)),
    "met": MatchResult("pt", observations=(_observation(Status.TOOK_PLACE),)),
    "met-again": MatchResult("pt", observations=(_observation(Status.TOOK_PLACE),)),
}


def test_replay_moves_an_invitation_on_an_observation(sqlite_store: Store) -> None:
    sent = replay(ARTICLES, store=sqlite_store, matcher=cast(Matcher, ScriptedMatcher(SCRIPT)),
                  policy=TrackerPolicy())
    assert [(n.kind, n.status) for n in sent] == [
        (NotificationKind.NEW, Status.PENDING),
        (NotificationKind.STATUS, Status.ACCEPTED),
        (NotificationKind.STATUS, Status.TOOK_PLACE),
    ]
    with sqlite_store.unit() as unit:
        [invitation] = unit.list_invitations(InvitationFilter(limit=10))
    assert invitation.status == Status.TOOK_PLACE
    assert (invitation.inviter.key, invitation.invitee.key) == (BIDEN.key, LULA.key)
    assert len(invitation.sources) == 4


def test_an_observation_alone_creates_nothing_in_a_replay(sqlite_store: Store) -> None:
    sent = replay(ARTICLES[2:], store=sqlite_store,
                  matcher=cast(Matcher, ScriptedMatcher(SCRIPT)), policy=TrackerPolicy())
    assert sent == []
    with sqlite_store.unit() as unit:
        assert unit.list_invitations(InvitationFilter(limit=10)) == []
