"""Replay through the real pipeline and a real store: with the annotated mentions (the
tracker and store alone), and with the real matcher on the seed articles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest

from bot.domain import NotificationKind, Status
from bot.evaluation.stories_eval import AnnotationMatcher
from bot.evaluation.story_files import load_story
from bot.matcher import Matcher
from bot.replay import ReplayInputError, replay
from bot.store import open_store
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy

STORIES_DIR = Path(__file__).resolve().parents[1] / "data" / "stories"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def story_articles(story_id: str) -> tuple[list[dict[str, Any]], Matcher]:
    story = load_story(STORIES_DIR / f"{story_id}.json")
    return [dict(a) for a in story.articles], cast(Matcher, AnnotationMatcher([story]))


def invitations(store: Store) -> list[Any]:
    with store.unit() as unit:
        return unit.list_invitations(InvitationFilter(limit=100))


def test_replay_returns_the_outbox_notifications_in_order_with_ids(store: Store) -> None:
    articles, matcher = story_articles("zelensky-putin-kyiv-2025")
    sent = replay(articles, store=store, matcher=matcher, policy=TrackerPolicy())
    assert [(n.kind, n.status) for n in sent] == [
        (NotificationKind.NEW, Status.PENDING),      # Putin: come to Moscow
        (NotificationKind.NEW, Status.PENDING),      # Zelensky: come to Kyiv ...
        (NotificationKind.STATUS, Status.RESPONDED),  # ... which answers Moscow
        (NotificationKind.STATUS, Status.DECLINED),   # Zelensky refuses Moscow
        (NotificationKind.STATUS, Status.DECLINED),   # the Kremlin refuses Kyiv
    ]
    assert all(n.invitation_id is not None for n in sent)
    assert len({n.invitation_id for n in sent}) == 2
    stored = invitations(store)
    assert sorted(inv.occasion.place for inv in stored) == ["Kyiv", "Moscow"]
    assert {inv.status for inv in stored} == {Status.DECLINED}


def test_articles_are_replayed_in_date_order_whatever_the_file_order(
    sqlite_store: Store,
) -> None:
    articles, matcher = story_articles("biden-lula-washington-2023")
    assert articles[0]["date"] > articles[-1]["date"]  # the file lists them backwards
    sent = replay(articles, store=sqlite_store, matcher=matcher, policy=TrackerPolicy())
    assert [n.status for n in sent] == [Status.PENDING, Status.ACCEPTED, Status.TOOK_PLACE]
    assert [n.source_date.date().isoformat() for n in sent] == [
        "2023-01-09", "2023-02-01", "2023-02-10"]


def test_replaying_the_same_articles_again_changes_nothing(sqlite_store: Store) -> None:
    articles, matcher = story_articles("xi-putin-belt-and-road-2023")
    first = replay(articles, store=sqlite_store, matcher=matcher, policy=TrackerPolicy())
    before = invitations(sqlite_store)
    again = replay(articles, store=sqlite_store, matcher=matcher, policy=TrackerPolicy())
    assert len(first) == 2 and again == []
    after = invitations(sqlite_store)
    assert len(after) == 1 and after[0].timeline == before[0].timeline
    assert len(after[0].sources) == 8


@pytest.mark.parametrize(("bad", "message"), [
    ({"id": "x", "text": "Someone invited someone."}, r"article 2 \('x'\): \"date\" is missing"),
    ({"id": "y", "text": "t", "date": "14/02/2021"}, r"article 2 \('y'\).*YYYY-MM-DD"),
    ({"id": "z", "date": "2021-02-14"}, r"article 2 \('z'\).*\"text\""),
    ("not an object", r"article 2: a line must be a JSON object"),
])
def test_a_bad_article_is_named_and_nothing_is_stored(
    sqlite_store: Store, bad: Any, message: str
) -> None:
    articles, matcher = story_articles("musk-putin-clubhouse")
    with pytest.raises(ReplayInputError, match=message):
        replay([articles[0], bad, *articles[1:]], store=sqlite_store, matcher=matcher,
               policy=TrackerPolicy())
    assert invitations(sqlite_store) == []


def test_notifications_already_in_the_outbox_are_not_returned(sqlite_store: Store) -> None:
    articles, matcher = story_articles("musk-putin-clubhouse")
    replay(articles[:2], store=sqlite_store, matcher=matcher, policy=TrackerPolicy())
    later = replay(articles[2:], store=sqlite_store, matcher=matcher, policy=TrackerPolicy())
    assert [n.status for n in later] == [Status.WITHDRAWN]


# -- the seeds, with the real matcher ----------------------------------------------------------


def seed_article(name: str, date: str, lang: str) -> dict[str, Any]:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED.resolve()} is absent: the seed articles live there")
    text = (SHARED / "seeds" / name).read_text(encoding="utf-8")
    return {"id": name, "date": date, "lang": lang, "text": text,
            "url": f"https://seeds.example/{name}", "outlet": name.split("_")[0]}


MISUNDERSTANDING = {
    "id": "kremlin-misunderstanding", "date": "2021-03-02", "lang": "en",
    "url": "https://wire.example/2021/03/02/kremlin-musk", "outlet": "Wire",
    "title": "Kremlin calls Musk's Clubhouse invitation a misunderstanding",
    "text": ("The Kremlin said on Tuesday that Elon Musk's invitation to Vladimir Putin for a "
             "conversation on Clubhouse had been a misunderstanding and that the matter was "
             "closed. Spokesman Dmitry Peskov said the topic was exhausted."),
}


@pytest.mark.shared
@pytest.mark.parametrize("de_first", [False, True], ids=["en-first", "de-first"])
def test_the_seeds_in_either_order_give_one_invitation_responded(
    tmp_path: Path, real_matcher: Matcher, de_first: bool
) -> None:
    en = seed_article("004_73de5ce1ef32ca8d.txt", "2021-02-14", "en")
    de = seed_article("000_085402abd20f6a34.txt", "2021-02-15", "de")
    if de_first:  # the German report reaches us first: replay with one date for both
        en, de = dict(en, date="2021-02-15"), de
    store = open_store(f"sqlite:///{tmp_path / 'seeds.db'}")
    try:
        order = [de, en] if de_first else [en, de]
        replay(order, store=store, matcher=real_matcher, policy=TrackerPolicy())
        musk_putin = [inv for inv in invitations(store)
                      if (inv.inviter.key, inv.invitee.key) == ("elon-musk", "vladimir-putin")]
        assert len(musk_putin) == 1, [str(i) for i in musk_putin]
        [inv] = musk_putin
        assert inv.status == Status.RESPONDED
        assert len(inv.sources) == 2 and inv.languages == ["de", "en"]

        sent = replay([MISUNDERSTANDING], store=store, matcher=real_matcher,
                      policy=TrackerPolicy())
        assert [(n.kind, n.status, n.previous_status) for n in sent] == [
            (NotificationKind.STATUS, Status.WITHDRAWN, Status.RESPONDED)]
    finally:
        store.close()


def test_the_story_files_are_valid_json_with_the_contract_keys() -> None:
    for path in sorted(STORIES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) >= {"id", "description", "articles", "expected"}, path.name
        assert data["id"] == path.stem
        assert set(data["expected"]) == {"records", "notifications"}
