"""An article telling of a counter-offer and of the reply it makes, read in either order
(issue 15), through the real pipeline and store: its invitations are tracked before its
answers, so the reply read beside the counter-offer answers the first offer
(`track._countered`) whatever order the matcher lists them in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult, Mention, Occasion, OccasionKind, Party, Status
from bot.pipeline import process_article
from bot.store import SqlStore
from bot.store.api import InvitationFilter
from bot.tracker import TrackerPolicy

ZELENSKY = Party("Volodymyr Zelensky", figure_id="volodymyr-zelensky")
PUTIN = Party("Vladimir Putin", figure_id="vladimir-putin")


def _mention(inviter: Party, invitee: Party, kind: OccasionKind, place: str,
             status: Status) -> Mention:
    return Mention(inviter=inviter, invitee=invitee, occasion=Occasion(kind, place),
                   status=status, confidence=0.8,
                   evidence=f"{inviter.name} -> {invitee.name} {status.value}", lang="en")


class _Matcher:
    def __init__(self, said: dict[str, tuple[Mention, ...]]) -> None:
        self.said = said

    def match(self, article: Article) -> MatchResult:
        return MatchResult(lang="en", mentions=self.said[article.url or ""])


@pytest.mark.parametrize("reply_first", [False, True])
def test_the_reply_beside_a_counter_offer_answers_the_first_offer_in_either_order(
        store: SqlStore, reply_first: bool) -> None:
    offer = _mention(ZELENSKY, PUTIN, OccasionKind.MEETING, "Donbas", Status.PENDING)
    counter = _mention(PUTIN, ZELENSKY, OccasionKind.VISIT, "Moscow", Status.PENDING)
    reply = _mention(ZELENSKY, PUTIN, OccasionKind.MEETING, "Moscow", Status.RESPONDED)
    both = (reply, counter) if reply_first else (counter, reply)
    matcher = _Matcher({"https://a.example/offer": (offer,),
                        "https://b.example/counter": both})
    for day, url in ((20, "https://a.example/offer"), (22, "https://b.example/counter")):
        published = datetime(2021, 4, day, 12, tzinfo=UTC)
        with store.unit() as unit:
            process_article(unit, matcher, Article(key=url, text=f"Report {day}", url=url,
                                                   published=published),
                            now=published, policy=TrackerPolicy())
    with store.unit() as unit:
        records = unit.list_invitations(InvitationFilter(limit=10))
    found = sorted((r.inviter.name, r.occasion.place, r.status.value) for r in records)
    assert found == [("Vladimir Putin", "Moscow", "pending"),
                     ("Volodymyr Zelensky", "Donbas", "responded")]
