"""The labelled corpora under tests/data are well-formed, so `invitewatch eval` measures
what the labels say."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.domain import OccasionKind, Status

DATA = Path(__file__).resolve().parent / "data"
FIRST_CLASS = ("en", "de", "fr", "es", "it", "pt", "ru", "uk")
STATUSES = {s.value for s in Status}
KINDS = {k.value for k in OccasionKind}
# Hard negatives that the lead's stop-30 recap convention turned into positives: a past
# visit recalled with its inviter or its named host is its own took_place pair. The blind
# sets' shape tests below count them as the positives they now are.
RELABELLED_STOP30 = frozenset({"fr-b13c-03", "pt-b14n-01"})


def corpus_items() -> list[dict]:
    items = []
    for path in sorted((DATA / "matcher").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                item["_where"] = f"{path.name}:{number}"
                items.append(item)
    return items


def test_matcher_corpus_is_well_formed_and_large_enough() -> None:
    items = corpus_items()
    ids = Counter(i["id"] for i in items)
    assert [k for k, n in ids.items() if n > 1] == []
    for item in items:
        where = item["_where"]
        # An undated item tests that an undated article resolves no title to a holder.
        required = {"id", "lang", "text", "expected"}
        if "undated" not in item.get("tags", []):
            required.add("date")
        assert required <= set(item), where
        assert isinstance(item["text"], str) and item["text"].strip(), where
        if "date" in item:
            date.fromisoformat(item["date"])
        assert item["id"].startswith(item["lang"] + "-"), where
        for exp in item["expected"]:
            assert exp["status"] in STATUSES, where
            assert exp.get("kind", "other") in KINDS, where
            assert exp["inviter"] and exp["invitee"] and exp["inviter"] != exp["invitee"], where
    by_lang = Counter(i["lang"] for i in items)
    first_class = [i for i in items if i["lang"] in FIRST_CLASS]
    assert len(first_class) >= 400, by_lang
    assert set(FIRST_CLASS) <= set(by_lang), by_lang
    negatives = sum(1 for i in first_class if not i["expected"])
    assert negatives / len(first_class) >= 0.30
    for lang in FIRST_CLASS:
        statuses = {e["status"] for i in items if i["lang"] == lang for e in i["expected"]}
        assert statuses == STATUSES, (lang, statuses)


def test_story_corpus_is_well_formed() -> None:
    stories = sorted((DATA / "stories").glob("*.json"))
    assert len(stories) >= 25
    langs: set[str] = set()
    for path in stories:
        story = json.loads(path.read_text(encoding="utf-8"))
        assert story["articles"], path.name
        for article in story["articles"]:
            assert {"id", "text", "date"} <= set(article), path.name
            date.fromisoformat(article["date"])
            langs.add(article.get("lang", ""))
        expected = story["expected"]
        assert expected["records"], path.name
        for record in expected["records"]:
            assert record["final_status"] in STATUSES, path.name
        assert isinstance(expected["notifications"], int), path.name
    assert len(langs - {""}) >= 6, langs


def _check_held_stories(paths: list[Path], infix: str, taken_articles: set[str]) -> None:
    """A blind story set: story ids `<infix>-*` named as their files, article ids
    `<infix>s*` that no other set uses, every article annotated (so `--annotation` replays
    it) and dated, known final statuses, six languages at least."""
    langs: set[str] = set()
    for path in paths:
        story = json.loads(path.read_text(encoding="utf-8"))
        assert story["id"] == path.stem and story["id"].startswith(f"{infix}-"), path.name
        for article in story["articles"]:
            assert article["id"].startswith(f"{infix}s"), path.name
            assert article["id"] not in taken_articles, path.name
            assert "mentions" in article, path.name
            date.fromisoformat(article["date"])
            langs.add(article["lang"])
        for record in story["expected"]["records"]:
            assert record["final_status"] in STATUSES, path.name
    assert len(langs) >= 6, langs


def test_b10_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b10: the stories round's blind set (10 stories in ten
    languages), written and scored before the tracker was read. It lives outside
    tests/data/stories so that `eval --stories` on the default corpus never reads it, and
    its story and article ids are its own."""
    held = DATA / "stories-held" / "b10"
    paths = sorted(held.glob("*.json"))
    assert len(paths) == 10
    default = DATA / "stories"
    assert held.resolve().parent != default.resolve()
    assert not list(default.rglob("b10-*.json"))
    default_ids = {json.loads(p.read_text(encoding="utf-8"))["id"]
                   for p in default.glob("*.json")}
    default_articles = {a["id"] for p in default.glob("*.json")
                        for a in json.loads(p.read_text(encoding="utf-8"))["articles"]}
    for path in paths:
        story = json.loads(path.read_text(encoding="utf-8"))
        assert story["id"] not in default_ids, path.name
        assert 2 <= len(story["articles"]) <= 5, path.name
    _check_held_stories(paths, "b10", default_articles)


@pytest.mark.parametrize("lang", FIRST_CLASS)
def test_each_first_class_language_has_hard_negatives(lang: str) -> None:
    items = [i for i in corpus_items() if i["lang"] == lang]
    assert len(items) >= 50
    assert sum(1 for i in items if not i["expected"]) >= 15


HELD_LANGS = ("nl", "sv", "no", "da", "pl", "cs", "ro", "el")


def _check_held_set(
    held: Path, id_infix: str, minimum: int, langs: tuple[str, ...] = HELD_LANGS
) -> None:
    """One held-out set: same format as tests/data/matcher, ids `<lang>-<infix>-*` apart
    from the tuned ones, every language of the European round present with a negative."""
    tuned_ids = {i["id"] for i in corpus_items()}
    by_lang: Counter[str] = Counter()
    negatives: Counter[str] = Counter()
    for path in sorted(held.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            where = f"{path.name}:{number}"
            assert item["lang"] == path.stem, where
            assert item["id"].startswith(f"{item['lang']}-{id_infix}-"), where
            assert item["id"] not in tuned_ids, where
            date.fromisoformat(item["date"])
            for exp in item["expected"]:
                assert exp["status"] in STATUSES, where
                assert exp.get("kind", "other") in KINDS, where
            by_lang[item["lang"]] += 1
            negatives[item["lang"]] += not item["expected"]
    for lang in langs:
        assert by_lang[lang] >= minimum, (lang, by_lang)
        assert negatives[lang] >= 1, lang


def test_held_out_corpus_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held: items never tuned on, scored with `eval --data-dir`."""
    _check_held_set(DATA / "matcher-held", "held", 12)


def test_second_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b2: the second European round's blind set, written and
    scored before its rule work (`eval --data-dir tests/data/matcher-held/b2`)."""
    _check_held_set(DATA / "matcher-held" / "b2", "b2", 8)


def test_propose_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b3-propose: issue 14's causes (proposals, direction, wrong
    pairs, false alarms, transcripts) in the eight first-class languages, written and scored
    before that round's rule work (`eval --data-dir tests/data/matcher-held/b3-propose`)."""
    _check_held_set(DATA / "matcher-held" / "b3-propose", "b3", 5, tuple(FIRST_CLASS))


def test_outcome_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b3-outcome: the outcome round's blind set in the eight
    first-class languages (issue 14: outcome-only reports, status from the right event,
    actors by role, names beyond the gazetteer), written and scored before its rule work."""
    _check_held_set(DATA / "matcher-held" / "b3-outcome", "b3", 5, FIRST_CLASS)


def test_roles_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b4-roles: issue 14's parties named by role, counterpart,
    vocative, honorific, first name or inflected surname, in the eight first-class
    languages (5 items and a hard negative each), written and scored before the roles
    round's rule work (`eval --data-dir tests/data/matcher-held/b4-roles`)."""
    _check_held_set(DATA / "matcher-held" / "b4-roles", "b4", 6, FIRST_CLASS)


def test_status_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b4-status: the status2 round's blind set in the eight
    first-class languages (issue 14: status wording and status from the right event),
    written and scored before its rule work."""
    _check_held_set(DATA / "matcher-held" / "b4-status", "b4", 5, FIRST_CLASS)


def test_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b7-long: issue 14's long-article round, full-length articles
    (2 invitation articles and a hard negative per first-class language), written and
    scored before its rule work (`eval --data-dir tests/data/matcher-held/b7-long`)."""
    _check_held_set(DATA / "matcher-held" / "b7-long", "b7", 3, FIRST_CLASS)


def test_wire_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b7-wire: the wire round's blind set in the eight first-class
    languages (issue 14's causes in its proportions: 4 invitations and 2 hard negatives
    each), written and scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b7-wire", "b7", 6, FIRST_CLASS)


# The six further languages of the fresh round's blind set, after the first eight.
HELD_FRESH = ("ja", "zh", "tr", "no", "nl", "pl")


def test_fresh_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b8-fresh: the fresh round's blind set over fourteen languages
    (3 per language: 2 invitations, 1 hard negative), written and scored before that round's
    rule work to estimate the merged matcher's held-out score."""
    _check_held_set(DATA / "matcher-held" / "b8-fresh", "b8", 3, FIRST_CLASS + HELD_FRESH)


def test_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b9-check: a blind set over the same fourteen languages (3 per
    language: 2 invitations, 1 hard negative), written and scored before the issue-14 round
    that runs alongside it was merged, to measure the merged matcher's held-out score."""
    _check_held_set(DATA / "matcher-held" / "b9-check", "b9c", 3, FIRST_CLASS + HELD_FRESH)


def _negatives_and_positives(held: Path) -> tuple[int, int]:
    """How many items of a held set expect no invitation, and how many expect one."""
    items = [json.loads(line) for path in held.glob("*.jsonl")
             for line in path.read_text(encoding="utf-8").splitlines()]
    negatives = sum(1 for item in items if not item["expected"])
    return negatives, len(items) - negatives


def _check_story_folder(name: str, stories: tuple[int, int], articles: tuple[int, int]
                        ) -> list[Path]:
    """A blind story set in tests/data/stories-held/<name>: `stories` files (min, max), each
    of `articles` articles, none in the default corpus, no article id of another held set;
    then `_check_held_stories`. Returns its paths."""
    held = DATA / "stories-held" / name
    paths = sorted(held.glob("*.json"))
    assert stories[0] <= len(paths) <= stories[1]
    assert not list((DATA / "stories").rglob(f"{name}-*.json"))
    others = {a["id"] for p in (DATA / "stories-held").rglob("*.json") if p.parent != held
              for a in json.loads(p.read_text(encoding="utf-8"))["articles"]}
    for path in paths:
        story = json.loads(path.read_text(encoding="utf-8"))
        assert articles[0] <= len(story["articles"]) <= articles[1], path.name
    _check_held_stories(paths, name, others)
    return paths


def test_b11_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b11: the second stories round's blind set (9 stories, 3-4
    dated articles each in mixed languages), written and scored before the tracker was read.
    Like b10 it lives outside tests/data/stories and its ids are its own."""
    _check_story_folder("b11", (8, 10), (3, 6))


def test_b12_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b12: the third stories round's blind set (10 stories, 3-5
    dated articles each in fifteen languages), written and scored before the tracker was
    read. Like b10 and b11 it lives outside tests/data/stories and its ids are its own."""
    paths = _check_story_folder("b12", (9, 10), (2, 5))
    langs = {a["lang"] for path in paths
             for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}
    assert len(langs) >= 8, langs


def test_b13_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b13: the one-party round's blind set (10 stories, 3-4 dated
    articles each, whose later articles report one party only: arrival, attendance, absence,
    a stand-in, postponed, called off, the host by office), written and scored before the
    tracker was read. Like b10-b12 it lives outside tests/data/stories."""
    paths = _check_story_folder("b13", (10, 10), (3, 5))
    langs = {a["lang"] for path in paths
             for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}
    assert len(langs) >= 10, langs


def test_b14_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b14: the storycheck14 round's blind set (12 stories, 2-5
    dated articles each over the fourteen languages) modelled on issue 15's failure causes:
    one-party reports, a statement made elsewhere, a name one letter off, the same pair a
    year later, a vague report before two specific ones, an occasion refined, postponed,
    withdrawn, lapsed, a counter-invitation, an outcome-only last word. Written and scored
    before the tracker was read; varied final statuses (none on over a third of records)."""
    paths = _check_story_folder("b14", (12, 12), (2, 5))
    stories = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    langs = {a["lang"] for story in stories for a in story["articles"]}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    finals = Counter(r["final_status"] for story in stories
                     for r in story["expected"]["records"])
    assert len(finals) >= 5 and max(finals.values()) * 3 <= sum(finals.values()), finals
    # the one-party reports that answer an invitation say on which side their party stands
    sided = [o for story in stories for a in story["articles"]
             for o in a.get("observations", []) if len(o["parties"]) == 1 and o.get("side")]
    assert len(sided) >= 4, sided




def test_b14t_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b14t: the tracker15 round's blind set (8 stories, 3-4 dated
    articles each in the fourteen languages: postponed / put off / delayed, an occasion
    whose headline has no place, two-party reports without an invitation word in nl pl tr
    ja zh, confirmed attendance), written and scored before the tracker was read."""
    paths = _check_story_folder("b14t", (8, 8), (3, 4))
    langs = {a["lang"] for path in paths
             for a in json.loads(path.read_text(encoding="utf-8"))["articles"]}
    assert len(langs) >= 8, langs


def _check_wire_stories(stories: list[dict[str, Any]], years: tuple[int, int], *,
                        cjk_chars: tuple[int, int], words: tuple[int, int]) -> None:
    """A blind story set's articles are dated wire copy of the stated length, with more than
    one paragraph (the story's own beside unrelated news), in date order; each story
    expects at least one record and at least as many notifications as records."""
    for story in stories:
        for article in story["articles"]:
            assert years[0] <= date.fromisoformat(article["date"]).year <= years[1], article["id"]
            assert article["title"] and article["outlet"] and article["url"], article["id"]
            cjk = article["lang"] in ("ja", "zh")
            size = len(article["text"]) if cjk else len(article["text"].split())
            low, high = cjk_chars if cjk else words
            assert low <= size <= high, (article["id"], size)
            assert "\n\n" in article["text"], article["id"]
        dates = [a["date"] for a in story["articles"]]
        assert dates == sorted(dates), story["id"]
        records = story["expected"]["records"]
        assert 1 <= len(records) <= story["expected"]["notifications"], story["id"]


def test_b15_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b15: the storycheck15 round's blind set, issue 15's honest
    estimate (12 stories, 2-5 dated articles each, 2024-2026, in at least nine of the
    fourteen languages, some stories mixing languages): one-party reports, occasions refined
    over time, statements made elsewhere, misspelled names, outcome-only last words,
    neighbouring events, the same pair another year. Written as wire copy (100-300 words,
    ja and zh by characters) and scored before the tracker or the matcher was read."""
    paths = _check_story_folder("b15", (12, 12), (2, 5))
    stories = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    articles = [a for story in stories for a in story["articles"]]
    langs = {a["lang"] for a in articles}
    assert len(langs) >= 9 and langs <= set(FIRST_CLASS + HELD_FRESH), langs
    assert sum(len({a["lang"] for a in story["articles"]}) > 1 for story in stories) >= 6
    _check_wire_stories(stories, (2024, 2026), cjk_chars=(150, 900), words=(100, 300))
    finals = Counter(r["final_status"] for story in stories
                     for r in story["expected"]["records"])
    assert len(finals) >= 5 and max(finals.values()) * 3 <= sum(finals.values()), finals
    # the one-party reports that answer an invitation say on which side their party stands
    sided = [o for a in articles for o in a.get("observations", [])
             if len(o["parties"]) == 1 and o.get("side")]
    assert len(sided) >= 6, sided


def _check_fresh_story_set(name: str, *, sided_at_least: int) -> list[dict[str, Any]]:
    """A stop's fresh blind story set, after checking its shape: 12 stories of 2-4 dated
    articles (30-40 in all, 2025-2026) over all fourteen languages, at least nine stories
    mixing languages, wire copy (100-160 words, ja and zh 200-350 characters), every status
    among the final ones and none above a third, and enough one-party reports with a side."""
    paths = _check_story_folder(name, (12, 12), (2, 4))
    stories = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    articles = [a for story in stories for a in story["articles"]]
    assert 30 <= len(articles) <= 40, len(articles)
    langs = {a["lang"] for a in articles}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    assert sum(len({a["lang"] for a in story["articles"]}) > 1 for story in stories) >= 9
    _check_wire_stories(stories, (2025, 2026), cjk_chars=(200, 350), words=(100, 160))
    finals = Counter(r["final_status"] for story in stories
                     for r in story["expected"]["records"])
    assert set(finals) == STATUSES and max(finals.values()) * 3 <= sum(finals.values()), finals
    # the one-party reports that answer an invitation say on which side their party stands
    sided = [o for a in articles for o in a.get("observations", [])
             if len(o["parties"]) == 1 and o.get("side")]
    assert len(sided) >= sided_at_least, sided
    return stories


def test_b16_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b16: the storycheck16 round's blind set, issue 15's honest
    estimate (12 stories, 2-4 dated articles each, 2025-2026, all fourteen languages, every
    story mixing two or three): one-party last words, occasions refined over time,
    statements made elsewhere, misspelled and transliterated names, neighbouring events,
    counter-invitations, the same pair another year, and one ambiguous one-party report that
    fits two open invitations. Wire copy (100-160 words, ja and zh 200-350 characters),
    written and scored before the tracker or the matcher was read."""
    _check_fresh_story_set("b16", sided_at_least=8)


def test_b17_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b17: the storycheck17 round's blind set, issue 15's honest
    estimate (12 stories, 2-4 dated articles each, 2025-2026, all fourteen languages, every
    story mixing two or three): one-party last words, occasions refined over time,
    statements made elsewhere, misspelled and transliterated names, neighbouring events (a
    recap with its host, a counter-invitation), the same pair another year, an ambiguous
    one-party report that fits two open invitations, an evasive answer and silence. Wire copy
    (100-160 words, ja and zh 200-350 characters), written and scored before the tracker or
    the matcher was read."""
    _check_canonical_names(_check_fresh_story_set("b17", sided_at_least=7))


def _check_canonical_names(stories: list[dict[str, Any]]) -> None:
    """Annotated figures are canonical gazetteer names (the --annotation replay resolves
    them as such)."""
    articles = [a for story in stories for a in story["articles"]]
    names = {f["name"] for f in tomllib.loads(
        (Path(__file__).resolve().parent.parent / "bot" / "data" / "figures.toml")
        .read_text(encoding="utf-8"))["figures"]}
    annotated = {n for a in articles for m in a["mentions"] for n in (m["inviter"], m["invitee"])}
    annotated |= {n for a in articles for o in a.get("observations", []) for n in o["parties"]}
    annotated |= {n for story in stories for r in story["expected"]["records"]
                  for n in (r["inviter"], r["invitee"])}
    assert annotated <= names, sorted(annotated - names)


def test_b18_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b18: the storycheck18 round's blind set, issue 15's honest
    estimate (12 stories, 2-4 dated articles each, 2025-2026, all fourteen languages, every
    story mixing two or three): one-party last words (an arrival, an outcome, a decline, the
    inviter calling off), occasions refined over time, statements made elsewhere, names
    misspelled, transliterated or inflected, neighbouring events (a hosted visit beside the
    invitation, a meeting elsewhere), the same pair another year, an evasive answer and
    silence. Wire copy (100-160 words, ja and zh 200-350 characters), written and scored
    before the tracker or the matcher was read; annotated figures by canonical name."""
    _check_canonical_names(_check_fresh_story_set("b18", sided_at_least=6))


def test_b19_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b19: the storycheck19 round's blind set, issue 15's honest
    estimate (12 stories, 2-3 dated articles each, 2025-2026, all fourteen languages, every
    story mixing two languages): one-party last words (arrivals, an absence, a decline with
    a counter-invitation, the inviter calling off twice), occasions refined over time,
    statements made elsewhere, names misspelled, transliterated or inflected, neighbouring
    events (a summit beside the visit, a meeting or a call elsewhere), the same pair another
    year, answers that commit to nothing and silence. Wire copy (100-160 words, ja and zh
    200-350 characters), written and scored before the tracker or the matcher was read;
    annotated figures by canonical name."""
    _check_canonical_names(_check_fresh_story_set("b19", sided_at_least=6))


def test_b20_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b20: the storycheck20 round's blind set, issue 15's honest
    estimate (12 stories, 2-3 dated articles each, 2025-2026, all fourteen languages, every
    story mixing two or three): one-party later reports (arrivals, an absence, an outcome
    only, the inviter withdrawing twice, "the offer stands"), occasions refined over time
    (a country, then a city inside it, then dates), statements made in one city about a
    meeting in another, names one letter off, the same pair a year apart, counter-invitations
    and invitations both ways, a hosted visit beside the invitation, evasive answers and
    silence. Wire copy (100-160 words, ja and zh 200-350 characters), written and scored
    before the tracker or the matcher was read; annotated figures by canonical name."""
    _check_canonical_names(_check_fresh_story_set("b20", sided_at_least=7))


def test_b21_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b21: the storycheck21 round's blind set, issue 15's honest
    estimate (12 stories, 2-3 dated articles each, 2025-2026, all fourteen languages, every
    story mixing two or three): one-party later reports (arrivals, the inviter calling off
    twice, "the invitation stands" twice), occasions refined over time (a country, then a
    city or a residence inside it, then dates), statements made in one city about a meeting
    in another, names one letter off, the same pair a year apart, a counter-invitation, an
    evasive answer and silence. Wire copy (100-160 words, ja and zh 200-350 characters),
    written and scored before the tracker or the matcher was read; annotated figures by
    canonical name."""
    _check_canonical_names(_check_fresh_story_set("b21", sided_at_least=8))


def test_b22_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b22: the storycheck22 round's blind set, issue 15's honest
    estimate (12 stories, 2-3 dated articles each, 2025-2026, all fourteen languages, every
    story mixing two or three): one-party later reports (arrivals, an absence, an outcome
    only, the inviter calling off, "the invitation stands"), occasions refined over time (a
    country, then its capital and dates), statements made in one city about a meeting in
    another, names one letter off or inflected, the same pair a year apart, a
    counter-invitation, evasive answers and silence. Wire copy (100-160 words, ja and zh
    200-350 characters), written and scored before the tracker or the matcher was read;
    annotated figures by canonical name."""
    _check_canonical_names(_check_fresh_story_set("b22", sided_at_least=6))


def test_b23_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b23: the storycheck23 round's blind set, issue 15's honest
    estimate (12 stories, 2-3 dated articles each, 2025-2026, all fourteen languages, every
    story mixing two or three): one-party later reports (arrivals, absences, an outcome
    only, the inviter calling off twice, "the invitation stands"), occasions refined over
    time (a country, then its capital and dates), statements made in one city about an
    occasion in another, names one letter off or transliterated, the same pair a year apart,
    a counter-invitation, evasive answers and silence. Wire copy (100-160 words, ja and zh
    200-350 characters), written and scored before the tracker or the matcher was read;
    annotated figures by canonical name."""
    _check_canonical_names(_check_fresh_story_set("b23", sided_at_least=6))


def test_b24_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b24: the storycheck24 helper's blind set, stop 35's
    end-of-stop estimate written on main 8e70cea1 (12 stories, 2-3 dated articles each,
    2025-2026, all fourteen languages, every story mixing two or three): one-party later
    reports (arrivals, an absence, an outcome only, the inviter calling off twice, "the
    invitation remains in force"), occasions refined over time (a country, then its capital
    and dates), statements made in one city about an occasion in another, names one letter
    off, the same pair a year apart, a counter-invitation, evasive answers and silence. Wire
    copy (100-160 words, ja and zh 200-350 characters), written and scored before the
    tracker or the matcher was read; annotated figures by canonical name."""
    _check_canonical_names(_check_fresh_story_set("b24", sided_at_least=6))


def test_b25_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b25: the storycheck25 helper's blind set, stop 36's start
    estimate written on main 0f65e087 (12 stories, 2-3 dated articles each, 2025-2026, all
    fourteen languages, every story mixing two or three): one-party last words (two
    arrivals, an absence, an outcome only, a decline without the inviter, the inviter
    calling off twice, the inviter's side awaiting an answer), occasions refined over time
    (a country, then its capital or city), statements made in one city about an occasion
    in another, names one letter off or transliterated, the same pair a year apart, a
    counter-invitation, neighbouring events (matches played, recalled visits), evasive
    answers and silence. Wire copy (100-160 words, ja and zh 200-350 characters), written
    and scored before the tracker or the matcher was read; annotated figures by canonical
    name."""
    _check_canonical_names(_check_fresh_story_set("b25", sided_at_least=6))


def test_b26_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b26: the storycheck26 helper's blind set, stop 36's
    END-OF-STOP estimate written on main 489225b1 (12 stories, 2-3 dated articles each,
    2025-2026, all fourteen languages, every story mixing two or three): one-party last
    words (three arrivals or outcomes, two absences, a decline without the inviter, the
    inviter calling off twice), statements made in one city about an occasion in another,
    names one letter off or transliterated, the same pair a year apart, a
    counter-invitation, neighbouring events (recalled meetings without a host, trips beside
    the occasion), evasive answers and silence. Wire copy (100-160 words, ja and zh 200-350
    characters), written and scored before the tracker or the matcher was read; annotated
    figures by canonical name."""
    _check_canonical_names(_check_fresh_story_set("b26", sided_at_least=6))


def test_b15t_story_set_is_well_formed_and_apart() -> None:
    """tests/data/stories-held/b15t: the tracker16 round's blind set (8 stories, 3-4 dated
    articles each in the fourteen languages: one-party reports that answer the open
    invitation, "the offer stands", two open invitations of one party and an ambiguous
    refusal, an occasion refined, statements made elsewhere, misspelled names, the same
    pair a year later), written and scored before the tracker was read."""
    paths = _check_story_folder("b15t", (8, 8), (3, 4))
    stories = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    langs = {a["lang"] for story in stories for a in story["articles"]}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    sided = [o for story in stories for a in story["articles"]
             for o in a.get("observations", []) if len(o["parties"]) == 1 and o.get("side")]
    assert len(sided) >= 8, sided


def test_b10_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b10-check: the second check set over the fourteen languages (3
    per language: 2 invitations, 1 hard negative), written and scored on main before the
    round that runs alongside it was merged, to measure how the merged work carries over."""
    _check_held_set(DATA / "matcher-held" / "b10-check", "b10c", 3, FIRST_CLASS + HELD_FRESH)


def test_b10_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b10-long: fourteen long news stories, one per language, eleven
    with one invitation and three hard negatives (es, uk, tr), written and scored with
    b10-check before the round that runs alongside it was merged."""
    held = DATA / "matcher-held" / "b10-long"
    _check_held_set(held, "b10l", 1, ("es", "uk", "tr"))
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs


def test_b11_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b11-check: the third check set over the fourteen languages (3
    per language: 2 invitations, 1 hard negative), written and scored on main 58fd2a6 before
    any rule was read, to estimate the matcher on fresh news."""
    _check_held_set(DATA / "matcher-held" / "b11-check", "b11c", 3, FIRST_CLASS + HELD_FRESH)


def test_b11_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b11-long: fourteen long news stories, one per language, each
    with several occasions and figures of which only some pairs are invitations, written and
    scored with b11-check."""
    held = DATA / "matcher-held" / "b11-long"
    _check_held_set(held, "b11l", 1, ())
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    for path in held.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert json.loads(line)["expected"], path.name


def test_b12_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b12-check: the fourth check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), written and scored on main
    e90814f before any rule was read, to estimate the matcher on fresh news."""
    held = DATA / "matcher-held" / "b12-check"
    _check_held_set(held, "b12c", 3, FIRST_CLASS + HELD_FRESH)
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [i["id"][-2:] for i in items] == ["01", "02", "03"], path.name
        assert [bool(i["expected"]) for i in items] == [True, True, False], path.name


def test_b12_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b12-long: fourteen full-length news stories, one per language,
    each with two to five expected pairs among past visits, other occasions, messengers and
    hypotheticals, written and scored with b12-check."""
    held = DATA / "matcher-held" / "b12-long"
    _check_held_set(held, "b12l", 1, ())
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    for path in held.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert 2 <= len(json.loads(line)["expected"]) <= 5, path.name


def test_b13_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b13-check: the fifth check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), its causes in the proportions
    of issue 14's table, written and scored on main 84ddc81 before any rule was read."""
    held = DATA / "matcher-held" / "b13-check"
    # fr lost its hard negative to the stop-30 recap convention (fr-b13c-03)
    with_negative = tuple(lang for lang in FIRST_CLASS + HELD_FRESH if lang != "fr")
    _check_held_set(held, "b13c", 3, with_negative)
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [i["id"][-2:] for i in items] == ["01", "02", "03"], path.name
        shape = [True, True, items[2]["id"] in RELABELLED_STOP30]
        assert [bool(i["expected"]) for i in items] == shape, path.name


def test_b13_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b13-long: fourteen long news stories, one per language, eleven
    with two to six expected pairs among hosted occasions, recaps and status moves and three
    hard negatives (it, zh, no), written and scored with b13-check."""
    held = DATA / "matcher-held" / "b13-long"
    _check_held_set(held, "b13l", 1, ("it", "zh", "no"))
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    for path in held.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            pairs = len(json.loads(line)["expected"])
            assert (pairs == 0) if path.stem in ("it", "zh", "no") else (2 <= pairs <= 6), path.name


def test_b14_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b14-check: the sixth check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), its causes in the proportions
    of issue 14's table, written and scored on main b60b23a before any rule was read."""
    held = DATA / "matcher-held" / "b14-check"
    _check_held_set(held, "b14c", 3, FIRST_CLASS + HELD_FRESH)
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [i["id"][-2:] for i in items] == ["01", "02", "03"], path.name
        assert [bool(i["expected"]) for i in items] == [True, True, False], path.name


def test_b14_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b14-long: fourteen long news stories, one per language, eleven
    with two to five expected pairs among hosted occasions, recaps and status moves and three
    hard negatives (es, ru, nl), written and scored with b14-check."""
    held = DATA / "matcher-held" / "b14-long"
    _check_held_set(held, "b14l", 1, ("es", "ru", "nl"))
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    for path in held.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            pairs = len(json.loads(line)["expected"])
            assert (pairs == 0) if path.stem in ("es", "ru", "nl") else (2 <= pairs <= 5), path.name


def _three_per_language(held: Path) -> list[dict[str, Any]]:
    """A check set's items, after checking its shape: a file per language, each with items
    01-02 carrying invitations and 03 a hard negative so tagged."""
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    found: list[dict[str, Any]] = []
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [i["id"][-2:] for i in items] == ["01", "02", "03"], path.name
        assert [bool(i["expected"]) for i in items] == [True, True, False], path.name
        assert "hard-negative" in items[2]["tags"], path.name
        found += items
    return found


def test_b15_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b15-check: stop 29's check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), its causes in the proportions
    of issue 14's table, written and scored on main 5ff60f9 before any rule was read."""
    held = DATA / "matcher-held" / "b15-check"
    _check_held_set(held, "b15c", 3, FIRST_CLASS + HELD_FRESH)
    for item in _three_per_language(held):
        assert "\n\n" not in item["text"], item["id"]
        assert item["date"] >= "2024-01-01", item["id"]


def _check_wire_check_set(name: str, infix: str, *, first_day: str) -> None:
    """A stop's fresh check set: three items per language (01-02 invitations, 03 a hard
    negative), one paragraph of wire copy of 120-350 words (ja and zh by characters) dated
    from `first_day` to 2026-11-30, every expected pair with two different parties."""
    held = DATA / "matcher-held" / name
    _check_held_set(held, infix, 3, FIRST_CLASS + HELD_FRESH)
    for item in _three_per_language(held):
        assert "\n" not in item["text"], item["id"]
        assert first_day <= item["date"] <= "2026-11-30", item["id"]
        size = len(item["text"]) if item["lang"] in ("ja", "zh") else len(item["text"].split())
        assert 120 <= size <= 350, (item["id"], size)
        for exp in item["expected"]:
            assert exp["inviter"] and exp["invitee"] != exp["inviter"], item["id"]


def test_b16_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b16-check: stop 30's check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), wire copy of 120-350 words
    (ja and zh by characters) dated 2025-06 to 2026-11, its causes in the proportions of
    issue 14's table, written and scored on main 23e4361 before any rule was read."""
    _check_wire_check_set("b16-check", "b16c", first_day="2025-06-01")


def test_b17_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b17-check: stop 31's check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), wire copy of 120-350 words
    (ja and zh by characters) dated 2025-12 to 2026-11, its causes in the proportions of
    issue 14's table, written and scored on main f75d5ee before any rule was read."""
    _check_wire_check_set("b17-check", "b17c", first_day="2025-12-01")


def test_b18_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b18-check: stop 32's check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), wire copy of 120-350 words
    (ja and zh by characters) dated 2026-01 to 2026-11, its causes in the proportions of
    issue 14's table, written and scored on main 0e8fcd9 before any rule was read."""
    _check_wire_check_set("b18-check", "b18c", first_day="2026-01-01")


def test_b19_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b19-check: stop 32's second check set over the fourteen
    languages (3 per language: items 01-02 invitations, 03 a hard negative), wire copy of
    120-350 words (ja and zh by characters) dated 2026-01 to 2026-11, its causes in the
    proportions of issue 14's table, written and scored on main 3ed59e5 before any rule
    was read."""
    _check_wire_check_set("b19-check", "b19c", first_day="2026-01-01")


def test_b20_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b20-check: stop 33's check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), wire copy of 120-350 words
    (ja and zh by characters) dated 2025-01 to 2026-11, its causes in the proportions of
    issue 14's table, written and scored on main c46702b before any rule was read."""
    _check_wire_check_set("b20-check", "b20c", first_day="2025-01-01")


def test_b21_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b21-check: stop 33's second check set over the fourteen
    languages (3 per language: items 01-02 invitations, 03 a hard negative), wire copy of
    120-350 words (ja and zh by characters) dated 2025-01 to 2026-11, its causes in the
    proportions of issue 14's table, written and scored on main 0e2d0a6 before any rule
    was read."""
    _check_wire_check_set("b21-check", "b21c", first_day="2025-01-01")


def test_b22_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b22-check: stop 34's check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), wire copy of 120-350 words
    (ja and zh by characters) dated 2025-01 to 2026-11, its causes in the proportions of
    issue 14's table, written and scored on main 4094a06 before any rule was read."""
    _check_wire_check_set("b22-check", "b22c", first_day="2025-01-01")


def test_b23_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b23-check: stop 35's check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), wire copy of 120-150 words
    (ja and zh 200-300 characters) dated 2025-01 to 2026-11, its causes spread over issue 14's
    table, written and scored on main c07c749 before any rule was read."""
    _check_wire_check_set("b23-check", "b23c", first_day="2025-01-01")


def test_b24_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b24-check: stop 35's end-of-stop check set over the fourteen
    languages (3 per language: items 01-02 invitations, 03 a hard negative), wire copy of
    120-150 words (ja and zh 200-300 characters) dated 2025-01 to 2026-11, its causes spread
    over issue 14's table, written and scored on main 8e70cea1 after stop 35's rounds,
    before any rule was read."""
    _check_wire_check_set("b24-check", "b24c", first_day="2025-01-01")


def test_b25_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b25-check: stop 36's check set over the fourteen languages (3
    per language: items 01-02 invitations, 03 a hard negative), wire copy of 120-150 words
    (ja and zh 220-280 characters) dated 2025-01 to 2026-11, its causes spread over issue 14's
    table, written and scored on main 0f65e087 at stop 36's start, before any rule was read."""
    _check_wire_check_set("b25-check", "b25c", first_day="2025-01-01")


def test_b26_check_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b26-check: stop 36's END-OF-STOP check set over the fourteen
    languages (3 per language: items 01-02 invitations, 03 a hard negative), wire copy of
    120-150 words (ja and zh 220-280 characters) dated 2025-04 to 2026-10, its causes spread
    over issue 14's table, written and scored on main 489225b1 after the stop's rounds,
    before any rule was read."""
    _check_wire_check_set("b26-check", "b26c", first_day="2025-01-01")


def _one_story_per_language(held: Path, infix: str, negatives: tuple[str, ...]
                            ) -> list[dict[str, Any]]:
    """A long-story set's items, after checking its shape: one story per language, id
    `<lang>-<infix>-01`, no pair in the negatives' languages and two to four elsewhere."""
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    found: list[dict[str, Any]] = []
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [i["id"] for i in items] == [f"{path.stem}-{infix}-01"], path.name
        pairs = len(items[0]["expected"])
        assert (pairs == 0) if path.stem in negatives else (2 <= pairs <= 4), path.name
        found += items
    return found


def test_b15_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b15-long: fourteen long news stories in paragraphs, one per
    language, eleven with two to four expected pairs among hosted occasions, offers, recaps
    and status moves and three hard negatives with distractors (fr, pl, zh), written and
    scored with b15-check."""
    held = DATA / "matcher-held" / "b15-long"
    negatives = ("fr", "pl", "zh")
    _check_held_set(held, "b15l", 1, negatives)
    for item in _one_story_per_language(held, "b15l", negatives):
        assert item["text"].count("\n\n") >= 4, item["id"]


def _check_long_story_set(name: str, infix: str, negatives: tuple[str, ...], *,
                          paragraphs: tuple[int, int], first_day: str) -> None:
    """A stop's fresh long-story set: one story per language in `paragraphs` paragraphs of
    400-900 words (ja and zh 900-1300 characters), dated from `first_day` to 2026-11-30,
    every expected pair with two different parties."""
    held = DATA / "matcher-held" / name
    _check_held_set(held, infix, 1, negatives)
    for item in _one_story_per_language(held, infix, negatives):
        assert paragraphs[0] <= item["text"].count("\n\n") + 1 <= paragraphs[1], item["id"]
        assert first_day <= item["date"] <= "2026-11-30", item["id"]
        cjk = item["lang"] in ("ja", "zh")
        size = len(item["text"]) if cjk else len(item["text"].split())
        low, high = (900, 1300) if cjk else (400, 900)
        assert low <= size <= high, (item["id"], size)
        for exp in item["expected"]:
            assert exp["inviter"] and exp["invitee"] and exp["inviter"] != exp["invitee"]


def test_b16_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b16-long: fourteen long news stories in paragraphs (400-900
    words, ja and zh 900-1300 characters), one per language, eleven with two to four
    expected pairs among hosted occasions, proposals, challenges, answers by spokespeople
    and figures beyond the gazetteer, and three hard negatives with distractors (it, no,
    ru), dated 2025-06 to 2026-11, written by the long16 helper before it read any rule and
    scored once on main 23e4361."""
    _check_long_story_set("b16-long", "b16l", ("it", "no", "ru"), paragraphs=(5, 12),
                          first_day="2025-06-01")


def test_b17_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b17-long: fourteen fresh long news stories in paragraphs
    (400-900 words, ja and zh 900-1300 characters), one per language, eleven with two to
    four expected pairs among hosted occasions, proposals, dares, recaps with a named host,
    messengers, evasive answers and figures beyond the gazetteer, and three hard negatives
    full of denials, hypotheticals, phone calls and tenders (pt, nl, ja), dated 2025-12 to
    2026-11, written by the long17 helper before it read any rule and scored once."""
    _check_long_story_set("b17-long", "b17l", ("pt", "nl", "ja"), paragraphs=(5, 11),
                          first_day="2025-12-01")


def test_b18_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b18-long: fourteen fresh long news stories in paragraphs
    (400-900 words, ja and zh 900-1300 characters), one per language, eleven with two to
    four expected pairs among state visits given by their banquets, hosts by residence,
    invitations answered paragraphs later by spokespeople, absences, a withdrawn
    invitation and figures beyond the gazetteer, and three hard negatives full of denials,
    unreal conditionals, phone calls and tenders (de, es, uk), dated 2026-01 to 2026-11,
    written by the long18 helper before it read any rule and scored once."""
    _check_long_story_set("b18-long", "b18l", ("de", "es", "uk"), paragraphs=(6, 10),
                          first_day="2026-01-01")


def test_b19_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b19-long: fourteen fresh long news stories in paragraphs
    (400-900 words, ja and zh 900-1300 characters), one per language, eleven with two to
    four expected pairs among state visits, hosts by residence or title, counter-invitations
    answered paragraphs later by spokespeople, an invitation withdrawn by a mayor, a recap
    of the same pair, and figures beyond the gazetteer, and three hard negatives full of
    denials, unreal conditionals, phone calls and tenders (fr, it, tr), dated 2026-02 to
    2026-11, written by the long19 helper before it read any rule and scored once."""
    _check_long_story_set("b19-long", "b19l", ("fr", "it", "tr"), paragraphs=(6, 10),
                          first_day="2026-01-01")


def _check_characters_long_set(name: str, infix: str, negatives: tuple[str, ...]) -> None:
    """A fresh long-story set measured in characters (stop 33 on): one story per language
    in 6-12 paragraphs of 1,600-2,400 characters (ja and zh 1,000-1,500), dated 2025-01 to
    2026-11, every expected pair with two different parties."""
    held = DATA / "matcher-held" / name
    _check_held_set(held, infix, 1, negatives)
    for item in _one_story_per_language(held, infix, negatives):
        assert 6 <= item["text"].count("\n\n") + 1 <= 12, item["id"]
        assert "2025-01-01" <= item["date"] <= "2026-11-30", item["id"]
        low, high = (1000, 1500) if item["lang"] in ("ja", "zh") else (1600, 2400)
        assert low <= len(item["text"]) <= high, (item["id"], len(item["text"]))
        for exp in item["expected"]:
            assert exp["inviter"] and exp["invitee"] and exp["inviter"] != exp["invitee"]


def test_b20_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b20-long: fourteen fresh long news stories in paragraphs
    (1,600-2,400 characters, ja and zh 1,000-1,500), one per language, eleven with two to
    four expected pairs among team receptions, summits told by their host, podcast and
    talk-show invitations, dares and debate challenges, recaps with a named host, answers
    by spokespeople and figures beyond the gazetteer, and three hard negatives full of
    denials, unreal conditionals, phone calls and tenders (ru, nl, zh), dated 2025-01 to
    2026-11, written by the long20 helper before it read any rule and scored once."""
    _check_characters_long_set("b20-long", "b20l", ("ru", "nl", "zh"))


def test_b21_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b21-long: fourteen fresh long news stories in paragraphs
    (1,600-2,400 characters, ja and zh 1,000-1,500), one per language, eleven with three
    expected pairs among state and working visits told by their host's residence, title or
    banquet, invitations back answered by spokespeople (accepted, evasive, declined by
    absence, silence), recaps without a host and figures beyond the gazetteer, and three
    hard negatives full of denials, speculation, phone calls, unreal conditionals, demands
    and tenders (de, es, pl), dated 2025-01 to 2026-11, written by the long21 helper
    before it read any rule and scored once."""
    _check_characters_long_set("b21-long", "b21l", ("de", "es", "pl"))



def test_b22_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b22-long: fourteen fresh long news stories in paragraphs
    (1,600-2,400 characters, ja and zh 1,000-1,500), one per language, eleven with two to
    four expected pairs among state visits and banquets told by their host, a summit with
    an explained absence, invitations answered paragraphs later by spokespeople or
    entourages, counter-invitations, a recap with a named host, parties by role and
    figures beyond the gazetteer, and three hard negatives full of denials, speculation,
    phone calls, unreal conditionals, demands and tenders (en, pt, uk), dated 2025-01 to
    2026-11, written by the long22 helper before it read any rule and scored once."""
    _check_characters_long_set("b22-long", "b22l", ("en", "pt", "uk"))


def test_b23_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b23-long: fourteen fresh long news stories in paragraphs
    (1,600-2,400 characters, ja and zh 1,000-1,200), one per language, eleven with three or
    four expected pairs among receptions and state visits told by their host (often with
    the guest first by role), invitations back to the host answered paragraphs later
    (evasive, accepted, declined by an entourage), hosts and inviters beyond the gazetteer
    named later by surname or inflected, messengers, a recap with a named host and one of
    the same pair, and three hard negatives full of denials, speculation, phone calls,
    demands, unreal conditionals and tenders (it, no, ja), dated 2025-05 to 2026-07,
    written by the long23 helper before it read any rule and scored once."""
    _check_characters_long_set("b23-long", "b23l", ("it", "no", "ja"))


def test_b14_gaps_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b14-gaps: stop 27's known misses (task verbs after an
    acceptance, bare "Xi", "does not rule out" with a recap, counted group arrivals, ...),
    2 items per language with hard negatives in en, fr, it and ja, written and scored on
    main b60b23a before any rule was read."""
    held = DATA / "matcher-held" / "b14-gaps"
    _check_held_set(held, "b14g", 2, ("en", "fr", "it", "ja"))
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs


# The cues round's blind set: ja, zh and tr carry three invitations each and no negative.
HELD_CUES_NEGATIVES = (*FIRST_CLASS, "no", "nl", "pl")


def test_cues_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b9-cues: the cues round's blind set over fourteen languages,
    invitations phrased without an invitation word and their hard negatives (proposals to a
    parliament, offers of aid, challenges to a law), written and scored before that round's
    rule work."""
    _check_held_set(DATA / "matcher-held" / "b9-cues", "b9cue", 3, HELD_CUES_NEGATIVES)
    for lang in ("ja", "zh", "tr"):
        assert (DATA / "matcher-held" / "b9-cues" / f"{lang}.jsonl").is_file(), lang


def test_b9_status_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b9-status: the status round's blind set over fourteen
    languages (3 per language; hard negatives in five of them), written and scored before
    that round's rule work to measure the status of invitations whose pair is found."""
    held = DATA / "matcher-held" / "b9-status"
    _check_held_set(held, "b9s", 3, ("en", "de", "ja", "tr", "pl"))
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs


def test_b11_status_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b11-status: the second status round's blind set over
    fourteen languages (3 per language, en 4, a hard negative each), written and scored
    before that round's rule work (status wording of real wire copy)."""
    _check_held_set(DATA / "matcher-held" / "b11-status", "b11s", 3, FIRST_CLASS + HELD_FRESH)


def test_tense_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b10-tense: the tense round's blind set over fourteen
    languages (2-3 per language, one hard negative each), announced, under-way and past
    trips "at the invitation of", written and scored before that round's rule work."""
    held = DATA / "matcher-held" / "b10-tense"
    _check_held_set(held, "b10t", 2, FIRST_CLASS + HELD_FRESH)
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs


def test_host_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b9-host: the host round's blind set over fourteen languages
    (3 per language, one hard negative each), outcome-only reports of a hosted occasion,
    written and scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b9-host", "b9h", 3, FIRST_CLASS + HELD_FRESH)


def test_host2_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b10-host: the second host round's blind set over the fourteen
    languages of b9-host (2-3 per language, one hard negative each): guests named paragraphs
    from the host, attendance without an attendance verb, ru/uk "проводит"/"провів" with an
    occasion, written and scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b10-host", "b10h", 2, FIRST_CLASS + HELD_FRESH)


def test_host_phrasings_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b10-hostw: the host-phrasings round's blind set over fourteen
    languages (2-4 per language, one hard negative each): presided/chaired, host nouns,
    reception verbs, a host given as a country, written and scored before that round's rule
    work."""
    _check_held_set(DATA / "matcher-held" / "b10-hostw", "b10w", 2, FIRST_CLASS + HELD_FRESH)


def test_host3_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b11-host: the third host round's blind set over fourteen
    languages (2-3 per language, one hard negative each): the host in a relative clause
    after the occasion, participles and postpositions ("hosted by", "unter Vorsitz von",
    "ev sahipliğinde"), guests named before the host, absence without a refusal verb,
    written and scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b11-host", "b11h", 2, FIRST_CLASS + HELD_FRESH)


def test_b12_gather_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b12-gather: the gather round's blind set over fourteen
    languages (2-3 per language, one hard negative each): a gathering a figure convenes or
    gives and its guest list, often paragraphs after the host ("among the guests were",
    "Unter den Gästen waren", "Среди участников были", "Wśród gości byli"), seats, stand-in
    and video-only absences, written and scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b12-gather", "b12g", 2, FIRST_CLASS + HELD_FRESH)


def test_welcome_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b12-welcome: the welcome round's blind set over fourteen
    languages (2-3 per language, one hard negative each): visits reported by their reception
    (received, welcomed, greeted, a welcome ceremony, a banquet in the guest's honour), passives,
    the host by role resolved by date, announced receptions, written and scored before that
    round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b12-welcome", "b12w", 2, FIRST_CLASS + HELD_FRESH)


def test_hostinf_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b13-hostinf: the hostinf round's blind set over fourteen
    languages (3 per language, one hard negative each): visits and talks reported with no
    hosting word, the host inferred from the place (capital, city, adjective, residence),
    against UN-seat visits, domestic trips and third-country meetings, written and scored
    before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b13-hostinf", "b13h", 3, FIRST_CLASS + HELD_FRESH)


def test_parties_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b9-parties: the parties round's blind set over fifteen
    languages (3 per language, a hard negative in most), parties beyond the gazetteer, by
    role, residence or messenger, written and scored before that round's rule work (uk, no and pl carry invitations only)."""
    _check_held_set(DATA / "matcher-held" / "b9-parties", "b9p", 3,
                    ("en", "de", "fr", "es", "it", "pt", "ru", "ja", "zh", "tr", "nl", "cs"))


def test_pairs_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b10-pairs: the pairs round's blind set over fourteen languages
    (2-3 per language, a hard negative in each): co-guests, messengers, announcers and debate
    opponents that are no pair, written and scored before that round's rule work."""
    held = DATA / "matcher-held" / "b10-pairs"
    _check_held_set(held, "b10p", 2, FIRST_CLASS + HELD_FRESH)
    lines = [
        line
        for path in held.glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) >= 36


def test_refs_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b10-refs: the references round's blind set over fourteen
    languages (3 items in the first-class languages, 2 in the others, a hard negative in
    each), parties given by pronoun, description or first person in a quote, written and
    scored before that round's rule work."""
    held = DATA / "matcher-held" / "b10-refs"
    _check_held_set(held, "b10r", 2, FIRST_CLASS + HELD_FRESH)
    for lang in FIRST_CLASS:
        assert len((held / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()) >= 3, lang


def test_ask_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b11-ask: the ask round's blind set over fourteen languages
    (2-3 per language, one hard negative each): requests to come, challenges and calls in
    direct speech, open welcomes to a named figure, spokespeople's refusals, written and
    scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b11-ask", "b11a", 2, FIRST_CLASS + HELD_FRESH)


def test_njt_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b11-njt: the nl/tr/ja round's blind set (6 items per language,
    2 hard negatives each): ANP, AA and Kyodo/Jiji-style copy with titles before names,
    honorifics, Turkish case suffixes after apostrophes and parties named by role, written
    and scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b11-njt", "b11n", 6, ("nl", "tr", "ja"))


def test_press_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b11-press: the press round's blind set, official press
    releases (call summaries, "at the invitation of", speeches to parliaments, lists of
    meetings, procedural attendance lines) in en, uk and ru (17/7/5, 11 hard negatives),
    written and scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b11-press", "b11p", 4, ("en", "uk", "ru"))


def test_b12_neg_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b12-neg: the false-alarm round's blind set over the fourteen
    languages (hypotheticals, demands, denials, questions, non-figures, institutions,
    tenders and rhetorical 'invite', each with a positive twin), written and scored on main
    e90814f before any rule was read."""
    held = DATA / "matcher-held" / "b12-neg"
    _check_held_set(held, "b12n", 2, FIRST_CLASS + HELD_FRESH)
    negatives, positives = _negatives_and_positives(held)
    assert negatives >= 20
    assert positives >= 15


def test_counter_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b12-counter: the counter round's blind set over fourteen
    languages (2-4 per language, one hard negative each): several invitations in one
    article (a visit and the invitation it prompts, "invited each other", "in return",
    counter-venues), refusal given by content and conditional answers, written and scored
    before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b12-counter", "b12k", 2, FIRST_CLASS + HELD_FRESH)


def test_args_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b13-args: the arguments round's blind set over fourteen
    languages (3-6 per language, one hard negative each): the inviter inside a fronted
    prepositional phrase ("Auf Putins Einladung hin", "Na zaproszenie Tuska", "应…邀请"),
    "Y accepted the invitation of X", joint subjects, bare surnames of famous figures,
    messengers and envoys who are no party, namesakes, written and scored before that
    round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b13-args", "b13a", 3, FIRST_CLASS + HELD_FRESH)


def test_b13_neg_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b13-neg: the stop-27 false-alarm round's blind set over the
    fourteen languages (3 hard negatives and a positive twin each: denials, "not invited",
    calls, sidelines, demands, questions, conditionals, wishes, tenders, officials inviting
    the public, non-figure inviters, idioms, sport), written and scored on main 8073a64
    before any rule was read."""
    held = DATA / "matcher-held" / "b13-neg"
    _check_held_set(held, "b13n", 4, FIRST_CLASS + HELD_FRESH)
    negatives, positives = _negatives_and_positives(held)
    assert negatives >= 42
    assert positives >= 14


def test_b14_neg_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b14-neg: the stop-28 negs round's blind set over the fourteen
    languages (3 hard negatives and a positive twin each: denials, "no plans to", conditionals,
    counterfactuals, third parties' wishes, tenders, the public invited, calls and sidelines,
    companies and teams, a recap in a relative clause, refusal quotes, wildcards, an
    organisation inviting a figure), written and scored on main ad650c7 before any rule was
    read."""
    held = DATA / "matcher-held" / "b14-neg"
    _check_held_set(held, "b14n", 4, FIRST_CLASS + HELD_FRESH)
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert len(items) == 4, path.name
        relabelled = sum(1 for i in items if i["id"] in RELABELLED_STOP30)
        assert sum(1 for i in items if not i["expected"]) == 3 - relabelled, path.name
    negatives, positives = _negatives_and_positives(held)
    assert (negatives, positives) == (41, 15)  # pt-b14n-01 relabelled at stop 30


def test_hostvocab_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b13-hostv: the hostvocab round's blind set over fourteen
    languages (3 per language, one hard negative each): outcome-only hosted reports told in
    open vocabulary ("guest of honour at a lunch X gave", "under the auspices of", "was the
    guest of", "sous l'égide de", "у гостях у", "設宴款待", "konuğu olarak", "bood ... aan"),
    negatives with a stadium, a city or a company as host and guest columnists, written and
    scored before that round's rule work."""
    _check_held_set(DATA / "matcher-held" / "b13-hostv", "b13v", 3, FIRST_CLASS + HELD_FRESH)


def test_b14_cues_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b14-cues: invitations without an invitation word (proposals,
    offers, conditional willingness, challenges, idioms, "asked to come", "welcome to visit")
    and status wording (thanks only, "would accept", refusal in content, evasive spokesperson,
    counter-venue), 3 per language: items 01-02 invitations, 03 a hard negative that looks
    like one; written and scored on main b60b23a before any rule was read."""
    held = DATA / "matcher-held" / "b14-cues"
    _check_held_set(held, "b14q", 3, FIRST_CLASS + HELD_FRESH)
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [i["id"][-2:] for i in items] == ["01", "02", "03"], path.name
        assert [bool(i["expected"]) for i in items] == [True, True, False], path.name


def test_b14_unknown_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b14-unknown: issue 14 item 3's blind set, two items per
    language with parties outside the gazetteer (mayors, governors, CEOs, athletes, an
    artist), inflected in ru/uk/pl/tr, and seven hard negatives whose capitalised names are
    ships, streets, companies and prizes; written and scored on main ad650c7 before any rule
    was read."""
    held = DATA / "matcher-held" / "b14-unknown"
    negative_langs = ("en", "de", "it", "pt", "ru", "zh", "nl")
    _check_held_set(held, "b14u", 2, negative_langs)
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH), langs
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [i["id"][-2:] for i in items] == ["01", "02"], path.name
        assert bool(items[0]["expected"]), path.name
        assert bool(items[1]["expected"]) == (path.stem not in negative_langs), path.name
        for item in items:
            assert len(item["expected"]) <= 1, item["id"]
            assert item["expected"] or "hard-negative" in item["tags"], item["id"]


def test_b14_longown_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b14-longown: twelve long stories (one per language but no and
    pl), nine with two to five expected pairs among hosted occasions, recaps, other hosts'
    occasions and many named non-parties, three hard negatives (de, ja, pt), written and
    scored blind by the longart helper on main b60b23a."""
    held = DATA / "matcher-held" / "b14-longown"
    negatives = ("de", "ja", "pt")
    _check_held_set(held, "b14o", 1, negatives)
    langs = {path.stem for path in held.glob("*.jsonl")}
    assert langs == set(FIRST_CLASS + HELD_FRESH) - {"no", "pl"}, langs
    for path in held.glob("*.jsonl"):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [i["id"] for i in items] == [f"{path.stem}-b14o-01"], path.name
        pairs = len(items[0]["expected"])
        assert (pairs == 0) if path.stem in negatives else (2 <= pairs <= 5), path.name


def test_b24_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b24-long: stop 35's end-of-stop estimate, fourteen fresh long
    news stories in paragraphs (1,600-2,400 characters, ja and zh 1,000-1,200), one per
    language, eleven with three or four expected pairs among state visits, banquets and
    meals told by their host with the guest first by role, counter-invitations answered
    paragraphs later by spokespeople (evasive, accepted, refused), silence, figures beyond
    the gazetteer named in full then by surname, and three hard negatives full of denials,
    speculation, phone calls, demands, unreal conditionals and tenders (fr, nl, tr), dated
    2025-06 to 2026-09, written on main 8e70cea1 by the long24 helper before it read any
    rule and scored once."""
    _check_characters_long_set("b24-long", "b24l", ("fr", "nl", "tr"))


def test_b25_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b25-long: stop 36's start estimate, fourteen fresh long news
    stories in paragraphs (1,600-2,400 characters, ja and zh 1,000-1,200), one per language,
    eleven with three or four expected pairs among a World Cup final and a debate told by
    their invitations and answers, receptions and dinners by hosts, challenges without an
    invitation word answered by managers and promoters, counter-invitations answered
    paragraphs later (accepted, evasive, declined), absences explained by a messenger,
    silence, recaps with a named host, and three hard negatives full of denials, rumours,
    speculation, phone calls, call-ups, demands, unreal conditionals, invitational
    tournaments and tenders (de, pt, zh), dated 2025-06 to 2026-10, written on main
    0f65e087 by the long25 helper before it read any rule and scored once."""
    _check_characters_long_set("b25-long", "b25l", ("de", "pt", "zh"))


def test_b26_long_blind_set_is_well_formed_and_apart() -> None:
    """tests/data/matcher-held/b26-long: stop 36's end-of-stop estimate, fourteen fresh long
    news stories in paragraphs (1,600-1,900 characters, ja and zh about 1,000-1,050), one per
    language, eleven with three or four expected pairs among receptions, audiences and
    dinners by hosts (some in the passive, two beyond the gazetteer), counter-invitations
    answered paragraphs later by a spokesperson, office or note (accepted or evasive),
    invitations declined in content through an embassy or a government, silence, recaps
    without a host, and three hard negatives full of denials, rumours, phone calls, demands,
    unreal conditionals, invitational matches and tenders (es, pl, ja), dated 2025-09 to
    2026-09, written on main 489225b1 by the long26 helper before it read any rule and
    scored once."""
    _check_characters_long_set("b26-long", "b26l", ("es", "pl", "ja"))
