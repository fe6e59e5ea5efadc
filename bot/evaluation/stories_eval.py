"""The stories evaluation: replay each multi-article story through the real matcher, tracker
and a fresh SQLite store, then compare the records the bot keeps with the expected ones.

A story file (`tests/data/stories/<id>.json`, see docs/CONTRACTS.md "Story corpus") holds
articles and `expected.records` (inviter, invitee, kind, final_status, place?) plus
`expected.notifications`, the ideal count (one NEW per record, one per real status change).

Measured per story:
- held: every expected record is exactly one stored record, and no stored record is left
  over (a record the story does not expect) - the "exactly one record" target;
- split (an expected record held as several records), merged (one stored record answering
  several expected ones), missing, extra records;
- final status right for every expected record;
- notifications sent versus the ideal, and duplicates (a second NEW for a record, or a
  STATUS repeating the status last announced for it).
Failing stories list, article by article, what the matcher extracted, so the cause (a
missed or misread mention, or the tracker) can be seen at a glance.
"""

from __future__ import annotations

import json
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO, TypedDict, cast

from bot.analyze import article_from_json
from bot.domain import (
    Article,
    InvitationState,
    LoneObservation,
    MatchResult,
    Mention,
    Notification,
    NotificationKind,
    Observation,
    Occasion,
    OccasionKind,
    Party,
    Status,
)
from bot.evaluation.real_eval import split_of
from bot.evaluation.real_stories import load_real_stories
from bot.evaluation.story_files import (
    ExpectedRecord,
    GoldMention,
    GoldObservation,
    Story,
    StoryFileError,
    load_stories,
)
from bot.matcher import Matcher
from bot.replay import ReplayInputError, replay
from bot.store import open_store
from bot.store.api import InvitationFilter
from bot.tracker import TrackerPolicy
from bot.tracker.occasion import kind_affinity, place_affinity

TARGET_HELD = 0.90
TARGET_STATUS = 0.85
_PAGE = 200
_ALL = 2**62  # every record a story run stores


@dataclass(slots=True)
class RecordCheck:
    expected: str
    held_as: int  # how many stored records could answer it
    status: str | None  # the stored status when held as exactly one record
    status_right: bool


@dataclass(slots=True)
class StoryResult:
    id: str
    expected_records: int
    stored_records: int
    held: bool
    status_right: bool
    split: int
    merged: int
    missing: int
    extra: int
    notifications_sent: int
    notifications_ideal: int
    duplicates: int
    checks: list[RecordCheck] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    matcher_said: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.held and self.status_right and self.duplicates == 0 and not self.error


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


class AnnotationGazetteer:
    """Resolves every name to a figure whose id is its slug: the annotation's names are
    canonical already, so this needs no figures file."""

    def resolve(self, name: str, when: date | None = None) -> Party:
        return Party(name=name, figure_id=_slug(name))


class _Annotated(TypedDict):
    occasion: Occasion
    status: Status
    confidence: float
    evidence: str
    lang: str


def _annotated(article: Article, lang: str, kind: OccasionKind, place: str | None,
               status: Status) -> _Annotated:
    """What every finding the annotation stands for shares: its occasion and status, a
    confidence above any threshold, and the article's opening as evidence."""
    return _Annotated(occasion=Occasion(kind=kind, place=place), status=status,
                      confidence=0.9, evidence=f"{article.title}: {article.text[:200]}",
                      lang=lang)


class AnnotationMatcher:
    """Answers with the mentions annotated in the story files instead of reading the text.

    With it the evaluation measures the tracker, the store and replay on their own, so a
    shortfall of the real run can be put down to the matcher or to the tracker.
    """

    def __init__(self, stories: Sequence[Story]) -> None:
        self.gazetteer = AnnotationGazetteer()
        self._by_article: dict[str, tuple[GoldMention, ...]] = {}
        self._observed: dict[str, tuple[GoldObservation, ...]] = {}
        for story in stories:
            if story.gold is None:
                raise StoryFileError(f"{story.path}: the articles are not annotated "
                                     "(\"mentions\"), so the story cannot be replayed "
                                     "with the annotation")
            self._by_article.update(story.gold)
            self._observed.update(story.gold_observations)

    def match(self, article: Article) -> MatchResult:
        gold = self._by_article.get(article.key, ())
        lang = article.lang or "und"
        mentions = tuple(
            Mention(
                inviter=self.gazetteer.resolve(m.inviter),
                invitee=self.gazetteer.resolve(m.invitee),
                **_annotated(article, lang, m.kind, m.place, m.status),
            )
            for m in gold
        )
        # What the article reports without an invitation word ("the visit took place")
        # moves a record the tracker holds, as the matcher's observations do.
        # With several parties, the first met (or received) each of the others.
        observations = tuple(
            Observation(
                first=self.gazetteer.resolve(o.parties[0]),
                second=self.gazetteer.resolve(other),
                **_annotated(article, lang, o.kind, o.place, o.status),
            )
            for o in self._observed.get(article.key, ())
            if o.status is not Status.PENDING  # nothing has happened yet: nothing to move
            for other in o.parties[1:]
        )
        # A one-party report ("Putin will not attend the talks in Istanbul"): linked to
        # the open invitation it answers, as the matcher's lone observations are.
        lone = tuple(
            LoneObservation(
                party=self.gazetteer.resolve(o.parties[0]),
                side=o.side,
                **_annotated(article, lang, o.kind, o.place, o.status),
            )
            for o in self._observed.get(article.key, ())
            if len(o.parties) == 1
        )
        return MatchResult(lang=lang, mentions=mentions, observations=observations,
                           lone_observations=lone)


# -- evaluating one story ------------------------------------------------------------------


def evaluate_story(story: Story, matcher: Matcher, policy: TrackerPolicy, *,
                   real: bool = False) -> StoryResult:
    with tempfile.TemporaryDirectory(prefix="invitewatch-story-") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'story.db'}")
        try:
            try:
                sent = replay(story.articles, store=store, matcher=matcher, policy=policy)
            except ReplayInputError as exc:
                return _broken(story, f"{story.path}: {exc}")
            with store.unit() as unit:
                stored = _all_invitations(unit)
        finally:
            store.close()
    return compare(story, stored, sent, matcher,
                   withheld_sources=test_half_sources(story) if real else frozenset())


def test_half_sources(story: Story) -> frozenset[str]:
    """The URLs of a real story's test-half articles: a stored record citing one of them is
    partly the matcher's reading of the test half, which is counted, never shown."""
    return frozenset(str(a["url"]) for a in story.articles
                     if a.get("url") and split_of(str(a.get("id", ""))) == "test")


def compare(
    story: Story,
    stored: Sequence[InvitationState],
    sent: Sequence[Notification],
    matcher: Matcher,
    *,
    withheld_sources: frozenset[str] = frozenset(),
) -> StoryResult:
    """Compare the stored records and the notifications with the story's expectations.

    Stored records are paired one-to-one with expected ones, best fit first (same inviter
    and invitee, compatible place, then the closest place and kind); among records that fit
    an expected one equally well, the one with its final status is preferred (a story held
    as two records is told apart by what became of each), then the older record (the
    stored order), so the pairing never depends on the order of a dictionary. A stored
    record left over is a split when it could have answered an expected record, else an
    extra; an expected record left without one is missing, and counts as merged when a
    record that could answer it went to another expected record.
    """
    scores = {
        (i, j): score
        for i, record in enumerate(story.records)
        for j, inv in enumerate(stored)
        if (score := fit(inv, record, matcher)) is not None
    }
    assigned: dict[int, int] = {}  # expected index -> stored index
    taken: set[int] = set()
    for i, j in pairing_order(scores, story.records, stored):
        if i not in assigned and j not in taken:
            assigned[i] = j
            taken.add(j)
    checks: list[RecordCheck] = []
    for i, record in enumerate(story.records):
        sole = stored[assigned[i]] if i in assigned else None
        candidates = sum(1 for (ei, _j) in scores if ei == i)
        checks.append(
            RecordCheck(
                expected=_describe_expected(record),
                held_as=candidates,
                status=sole.status.value if sole else None,
                status_right=sole is not None and sole.status == record.final_status,
            )
        )
    leftover = [j for j in range(len(stored)) if j not in taken]
    split = sum(1 for j in leftover if any(sj == j for (_i, sj) in scores))
    extra = len(leftover) - split
    unanswered = [i for i in range(len(story.records)) if i not in assigned]
    merged = sum(1 for i in unanswered if any(ei == i for (ei, _j) in scores))
    missing = len(unanswered) - merged
    held = split == missing == merged == extra == 0
    return StoryResult(
        id=story.id,
        expected_records=len(story.records),
        stored_records=len(stored),
        held=held,
        status_right=all(c.status_right for c in checks),
        split=split,
        merged=merged,
        missing=missing,
        extra=extra,
        notifications_sent=len(sent),
        notifications_ideal=story.notifications,
        duplicates=count_duplicates(sent),
        checks=checks,
        stored=[_describe_stored(inv, withheld_sources) for inv in stored],
    )


def pairing_order(scores: dict[tuple[int, int], int], records: Sequence[ExpectedRecord],
                  stored: Sequence[InvitationState]) -> list[tuple[int, int]]:
    """The (expected, stored) index pairs in the order `compare` considers them: the best
    fit (pair and occasion) first, then a record with the expected final status, then the
    first expected record and the oldest stored one."""
    def key(pair: tuple[int, int]) -> tuple[int, int, int, int]:
        i, j = pair
        status_right = stored[j].status == records[i].final_status
        return (-scores[pair], 0 if status_right else 1, i, j)

    return sorted(scores, key=key)


def count_duplicates(sent: Sequence[Notification]) -> int:
    """Notifications that tell nothing new: a second NEW for one record, or a STATUS that
    repeats the status last announced for the record."""
    announced: dict[int | None, Status] = {}
    duplicates = 0
    for note in sent:
        if note.kind == NotificationKind.NEW:
            if note.invitation_id in announced:
                duplicates += 1
            announced[note.invitation_id] = note.status
        elif note.kind == NotificationKind.STATUS:
            if announced.get(note.invitation_id) == note.status:
                duplicates += 1
            announced[note.invitation_id] = note.status
    return duplicates


def _key(name: str, matcher: Matcher) -> str:
    party = matcher.gazetteer.resolve(name)
    return party.key if party is not None else Party(name).key


def fit(inv: InvitationState, record: ExpectedRecord, matcher: Matcher) -> int | None:
    """How well a stored record answers an expected one; None if it cannot (another pair,
    or another place). The kind only ranks: what to call an occasion is the matcher's
    judgement, and a wrong kind is not a wrong record."""
    if inv.inviter.key != _key(record.inviter, matcher):
        return None
    if inv.invitee.key != _key(record.invitee, matcher):
        return None
    places = place_affinity(inv.occasion.place, record.place)
    if places is None:
        return None
    return places * 4 + (kind_affinity(inv.occasion.kind, record.kind) or 0)


def _all_invitations(unit: Any) -> list[InvitationState]:
    found = unit.iter_invitations(InvitationFilter(limit=_ALL), batch=_PAGE)
    return sorted(found, key=lambda inv: inv.id or 0)


def _broken(story: Story, error: str) -> StoryResult:
    return StoryResult(
        id=story.id, expected_records=len(story.records), stored_records=0, held=False,
        status_right=False, split=0, merged=0, missing=len(story.records), extra=0,
        notifications_sent=0, notifications_ideal=story.notifications, duplicates=0,
        error=error,
    )


def _describe_expected(record: ExpectedRecord) -> str:
    where = f" ({record.place})" if record.place else ""
    return (f"{record.inviter} -> {record.invitee}: {record.kind.value}{where}, "
            f"{record.final_status.value}")


def _describe_stored(inv: InvitationState, withheld_sources: frozenset[str] = frozenset()
                     ) -> str:
    if withheld_sources.intersection(inv.sources):
        return (f"#{inv.id}: a record built in part from test-half articles, its reading "
                "withheld")
    return (f"#{inv.id} {inv.inviter.name} -> {inv.invitee.name}: {inv.occasion.describe()}, "
            f"{inv.status.value}, {len(inv.sources)} sources")


def _mention_line(inviter: str, invitee: str, kind: str, place: str | None, status: str) -> str:
    return f"{inviter} -> {invitee} [{kind}{'/' + place if place else ''}] {status}"


def matcher_transcript(story: Story, matcher: Matcher, *, real: bool = False
                       ) -> tuple[list[str], int]:
    """What the matcher extracted from each article, in date order, next to the annotation
    when the story has one; and how many articles it read differently from the annotation
    (another set of (inviter, invitee, status)).

    `real`: the story references real-text records, whose test half is only scored (see
    tests/data/real/README.md): the matcher's reading of those is counted, never shown."""
    lines: list[str] = []
    disagreements = 0
    for raw in sorted(story.articles, key=lambda a: str(a.get("date", ""))):
        article = article_from_json(raw)
        result = matcher.match(article)
        withheld = real and split_of(str(raw.get("id", ""))) == "test"
        said = "; ".join(
            _mention_line(m.inviter.name, m.invitee.name, m.occasion.kind.value,
                          m.occasion.place, m.status.value) + f" ({m.confidence:.2f})"
            for m in result.mentions
        )
        line = f"{raw.get('date')} {raw.get('id')} [{result.lang}]: {said or 'nothing'}"
        gold = story.gold.get(article.key) if story.gold else None
        if gold is not None:
            got = {(m.inviter.key, m.invitee.key, m.status) for m in result.mentions}
            want = {(_key(g.inviter, matcher), _key(g.invitee, matcher), g.status) for g in gold}
            if got != want:
                disagreements += 1
                annotated = "; ".join(
                    _mention_line(g.inviter, g.invitee, g.kind.value, g.place, g.status.value)
                    for g in gold
                )
                line += f"\n           DIFFERS from the annotation: {annotated or 'nothing'}"
        if withheld:
            line = f"{raw.get('date')} {raw.get('id')}: test half, the matcher's reading withheld"
        lines.append(line)
    return lines, disagreements


# -- the whole corpus -----------------------------------------------------------------------


def run_stories_eval(
    *,
    stories_dir: Path,
    out: TextIO,
    as_json: bool = False,
    matcher: Matcher | None = None,
    policy: TrackerPolicy | None = None,
    annotation: bool = False,
    real_dir: Path | None = None,
    corpus_root: Path | None = None,
) -> int:
    """Evaluate every story; print a table (or JSON) to `out`.

    `annotation=True` replays the annotated mentions instead of running the matcher: it
    measures the tracker, store and replay alone. With `real_dir`, the real-text stories
    there (records referenced in `corpus_root`, see bot.evaluation.real_stories) are
    evaluated and reported first, apart from the self-written ones; when `corpus_root` is
    absent they are skipped with a message saying so. Returns 0 when the self-written
    corpus meets the targets (held >= 90%, final status right >= 85%, no duplicate
    notification), 1 when it does not, 2 when a corpus cannot be read. The real-text
    figures are a measurement and do not decide the exit code.
    """
    try:
        stories = load_stories(stories_dir)
        real, skipped = _load_real(real_dir, corpus_root)
        chosen = cast(Matcher, AnnotationMatcher([*stories, *real])) if annotation else None
    except StoryFileError as exc:
        out.write(f"error: {exc}\n")
        return 2
    matcher = chosen or matcher or Matcher.load()
    policy = policy or TrackerPolicy()
    payload: dict[str, Any] = {}
    if real_dir is not None:
        if real:
            real_results, real_totals = _evaluate_all(real, matcher, policy, annotation,
                                                      real=True)
            payload["real"] = {"stories": [asdict(r) for r in real_results],
                               "totals": real_totals}
            if not as_json:
                out.write(f"== Real-text stories ({real_dir}): a measurement, reported "
                          "apart\n")
                _print_table(real_results, real_totals, out)
                out.write("\n== Self-written stories\n")
        else:
            payload["real"] = {"skipped": skipped}
            if not as_json:
                out.write(f"Real-text stories skipped: {skipped}\n\n")
    results, totals = _evaluate_all(stories, matcher, policy, annotation)
    if as_json:
        payload.update(stories=[asdict(r) for r in results], totals=totals)
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_table(results, totals, out)
    return 0 if totals["targets_met"] else 1


def _load_real(real_dir: Path | None, corpus_root: Path | None) -> tuple[list[Story], str]:
    """The real-text stories, or none and the reason they were skipped."""
    if real_dir is None:
        return [], ""
    if corpus_root is None or not corpus_root.is_dir():
        return [], (f"the shared corpus ({corpus_root or '../shared/corpus'}) is not there; "
                    "real-text stories reference its records and cannot be read without it")
    return load_real_stories(real_dir, corpus_root), ""


def _evaluate_all(
    stories: Sequence[Story], matcher: Matcher, policy: TrackerPolicy, annotation: bool,
    *, real: bool = False,
) -> tuple[list[StoryResult], dict[str, Any]]:
    results = [evaluate_story(story, matcher, policy, real=real) for story in stories]
    disagreements = 0
    annotated = 0
    if not annotation:
        for story, result in zip(stories, results, strict=True):
            lines, differing = matcher_transcript(story, matcher, real=real)
            disagreements += differing
            annotated += len(story.gold or {})
            if not result.ok and result.error is None:
                result.matcher_said = lines
    totals = summarise(results)
    totals["mode"] = "annotation" if annotation else "matcher"
    if annotated:
        totals["matcher_disagrees"] = {"articles": disagreements, "of": annotated}
    return results, totals


def summarise(results: Sequence[StoryResult]) -> dict[str, Any]:
    n = len(results)
    held = sum(r.held for r in results)
    # The same, forgiving records the story does not expect (spurious mentions).
    held_ignoring_extra = sum(r.split == r.merged == r.missing == 0 for r in results)
    status = sum(r.status_right for r in results)
    duplicates = sum(r.duplicates for r in results)
    return {
        "stories": n,
        "held_exactly": held,
        "held_ratio": round(held / n, 4) if n else 0.0,
        "held_ignoring_extra": held_ignoring_extra,
        "status_right": status,
        "status_ratio": round(status / n, 4) if n else 0.0,
        "split": sum(r.split for r in results),
        "merged": sum(r.merged for r in results),
        "missing": sum(r.missing for r in results),
        "extra": sum(r.extra for r in results),
        "notifications_sent": sum(r.notifications_sent for r in results),
        "notifications_ideal": sum(r.notifications_ideal for r in results),
        "duplicates": duplicates,
        "errors": sum(1 for r in results if r.error),
        "targets": {"held": TARGET_HELD, "status": TARGET_STATUS, "duplicates": 0},
        "targets_met": bool(n)
        and held / n >= TARGET_HELD
        and status / n >= TARGET_STATUS
        and duplicates == 0,
    }


def _print_table(results: Sequence[StoryResult], totals: dict[str, Any], out: TextIO) -> None:
    width = max(len(r.id) for r in results)
    out.write(f"{'story':<{width}}  exp  got  held  status  split merged miss extra"
              "  notif/ideal  dup\n")
    for r in results:
        out.write(
            f"{r.id:<{width}}  {r.expected_records:>3}  {r.stored_records:>3}  "
            f"{'yes' if r.held else 'NO':>4}  {'yes' if r.status_right else 'NO':>6}  "
            f"{r.split:>5} {r.merged:>6} {r.missing:>4} {r.extra:>5}  "
            f"{r.notifications_sent:>5}/{r.notifications_ideal:<5}  {r.duplicates:>3}\n"
        )
    out.write(
        f"\n{totals['stories']} stories: held as exactly one record per expected record "
        f"{totals['held_exactly']}/{totals['stories']} ({totals['held_ratio']:.0%}, target "
        f"{TARGET_HELD:.0%}); final status right {totals['status_right']}/{totals['stories']} "
        f"({totals['status_ratio']:.0%}, target {TARGET_STATUS:.0%}); split {totals['split']}, "
        f"merged {totals['merged']}, missing {totals['missing']}, extra {totals['extra']} "
        f"(held if extra records are forgiven: {totals['held_ignoring_extra']}); "
        f"notifications {totals['notifications_sent']} sent vs {totals['notifications_ideal']} "
        f"ideal; duplicates {totals['duplicates']} (target 0). "
        f"{'Targets met.' if totals['targets_met'] else 'Targets NOT met.'}\n"
    )
    out.write(f"Mentions from: {totals['mode']}.")
    if "matcher_disagrees" in totals:
        d = totals["matcher_disagrees"]
        out.write(f" The matcher read {d['articles']} of {d['of']} annotated articles "
                  "differently from the annotation (inviter, invitee or status).")
    out.write("\n")
    failing = [r for r in results if not r.ok]
    for r in failing:
        out.write(f"\n== {r.id}\n")
        if r.error:
            out.write(f"  error: {r.error}\n")
            continue
        for check in r.checks:
            verdict = "ok" if check.status_right else "WRONG"
            out.write(f"  expected {check.expected}: {check.held_as} candidate record(s)"
                      f", status {check.status or '-'} [{verdict}]\n")
        for line in r.stored:
            out.write(f"  stored   {line}\n")
        for line in r.matcher_said:
            out.write(f"  matcher  {line}\n")
