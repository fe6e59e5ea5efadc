"""Score the matcher on hand-annotated REAL text (tests/data/real), apart from our own corpus.

The gold files hold ids and labels only (see tests/data/real/README.md); the texts are read
at run time from the shared corpus (`<shared>/corpus/news-cc/<lang>.jsonl`), so nothing
copied from a source sits in the repository. Each record is in the dev half (looked at,
used for rule work) or the test half (only scored), by a hash of its id.

Per language and split: detection precision / recall (does the matcher report any
invitation in an article that has one), pair precision / recall / F1 over (inviter,
invitee), status accuracy where the pair is right, and false alarms on the records with
no invitation. `errors_by_tag` lists what went wrong on each record under its cause tags.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from bot.domain import Article, Status
from bot.evaluation.matcher_eval import _key, _published
from bot.matcher import Matcher

SPLITS = ("dev", "test")
STATUSES = frozenset(s.value for s in Status)
KINDS = frozenset({"visit", "state_visit", "meeting", "summit", "talks", "debate", "interview",
                   "podcast", "conversation", "event", "ceremony", "other"})
OBSERVATION_KINDS = frozenset({"meeting", "visit", "call", "attendance", "cancellation"})
OBSERVATION_STATUSES = frozenset({"took_place", "declined", "withdrawn", "pending"})
# The cause vocabulary of issue 14, so misses can be counted by cause.
TAGS = frozenset({
    "no-cue-proposal", "no-cue-offer", "conditional", "challenge", "idiom", "asked-to-come",
    "welcomed-to-visit", "outcome-only", "status-from-other-event", "status-wording",
    "not-in-gazetteer", "role-or-country", "direction-reversed", "messenger-or-envoy",
    "hypothetical", "tender", "at-the-invitation-of", "explicit-cue", "not-between-figures",
    "negative", "country-for-leader", "office-for-leader",
})
# A note is one short line in the annotator's words; anything longer risks carrying text
# copied from the source, which must stay out of the repository.
MAX_NOTE = 240
MAX_NAME = 80
FIELDS = frozenset({"id", "corpus", "lang", "date", "split", "expected", "observations", "tags",
                    "note"})


def split_of(record_id: str) -> str:
    """The half a record belongs to: fixed by its id, so no one picks what goes where."""
    return "dev" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


@dataclass(frozen=True)
class GoldInvitation:
    inviter: str
    invitee: str
    status: str
    kind: str | None = None


@dataclass
class GoldRecord:
    id: str
    corpus: str
    lang: str
    date: str
    split: str
    expected: list[GoldInvitation]
    tags: list[str]
    note: str
    file: str = ""
    line: int = 0


def _check_invitation(entry: Any, where: str) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{where}: an expected entry must be an object"]
    problems = []
    for name in ("inviter", "invitee"):
        value = entry.get(name)
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME:
            problems.append(f"{where}: '{name}' must be a name of at most {MAX_NAME} characters")
    if entry.get("status") not in STATUSES:
        problems.append(f"{where}: status {entry.get('status')!r} not in {sorted(STATUSES)}")
    if entry.get("kind") is not None and entry.get("kind") not in KINDS:
        problems.append(f"{where}: kind {entry.get('kind')!r} not in {sorted(KINDS)}")
    return problems


def _check_observation(entry: Any, where: str) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{where}: an observation must be an object"]
    problems = []
    parties = entry.get("parties")
    # One party is enough for an attendance ("X took part in the summit").
    if (not isinstance(parties, list) or not parties
            or not all(isinstance(p, str) and 0 < len(p) <= MAX_NAME for p in parties)):
        problems.append(f"{where}: observation 'parties' must list the names")
    if entry.get("kind") not in OBSERVATION_KINDS:
        problems.append(f"{where}: observation kind {entry.get('kind')!r} not in "
                        f"{sorted(OBSERVATION_KINDS)}")
    if entry.get("status") not in OBSERVATION_STATUSES:
        problems.append(f"{where}: observation status {entry.get('status')!r} not in "
                        f"{sorted(OBSERVATION_STATUSES)}")
    return problems


def check_gold_object(obj: Any, where: str) -> list[str]:
    """Every problem with one gold line (empty when it is valid)."""
    if not isinstance(obj, dict):
        return [f"{where}: not a JSON object"]
    problems = [f"{where}: unknown field {name!r}" for name in sorted(set(obj) - FIELDS)]
    for name in ("id", "corpus", "lang", "date", "note"):
        if not isinstance(obj.get(name), str) or not obj[name]:
            problems.append(f"{where}: '{name}' must be a non-empty string")
    if problems:
        return problems
    if obj["split"] != split_of(obj["id"]):
        problems.append(f"{where}: split {obj['split']!r} but the rule puts {obj['id']} in "
                        f"{split_of(obj['id'])!r}")
    if len(obj["note"]) > MAX_NOTE or "\n" in obj["note"]:
        problems.append(f"{where}: the note must be one line of at most {MAX_NOTE} characters")
    try:
        if len(obj["date"]) != 10:  # fromisoformat also takes the basic form YYYYMMDD
            raise ValueError(obj["date"])
        date.fromisoformat(obj["date"])
    except ValueError:
        problems.append(f"{where}: date {obj['date']!r} is not YYYY-MM-DD")
    expected, observations, tags = obj.get("expected"), obj.get("observations", []), obj.get("tags")
    if not isinstance(expected, list):
        problems.append(f"{where}: 'expected' must be a list")
    else:
        for entry in expected:
            problems += _check_invitation(entry, where)
    if not isinstance(observations, list):
        problems.append(f"{where}: 'observations' must be a list")
    else:
        for entry in observations:
            problems += _check_observation(entry, where)
    if not isinstance(tags, list) or not tags:
        problems.append(f"{where}: 'tags' must be a non-empty list")
    else:
        problems += [f"{where}: tag {t!r} not in the issue-14 vocabulary"
                     for t in tags if t not in TAGS]
        if "negative" in tags and expected:
            problems.append(f"{where}: tagged negative but has expected invitations")
    return problems


def load_gold(gold_dir: Path) -> tuple[list[GoldRecord], list[str]]:
    """All valid gold records under `gold_dir`, and a problem line for every invalid one."""
    records: list[GoldRecord] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in sorted(gold_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path.name}:{number}"
                try:
                    obj = json.loads(line)
                except ValueError as exc:
                    problems.append(f"{where}: not JSON ({exc})")
                    continue
                found = check_gold_object(obj, where)
                if not found and obj["id"] in seen:
                    found = [f"{where}: {obj['id']} already annotated at {seen[obj['id']]}"]
                if found:
                    problems += found
                    continue
                seen[obj["id"]] = where
                records.append(GoldRecord(
                    id=obj["id"], corpus=obj["corpus"], lang=obj["lang"], date=obj["date"],
                    split=obj["split"], tags=list(obj["tags"]), note=obj["note"],
                    expected=[GoldInvitation(e["inviter"], e["invitee"], e["status"], e.get("kind"))
                              for e in obj["expected"]],
                    file=path.name, line=number))
    return records, problems


FEEDS = "feeds-real/"


def feed_record_id(corpus: str, entry_key: str) -> str:
    """The gold id of a feed entry: the feed file (under feeds-real/) and the entry's key.

    A key made from a relative link resolves against the file's own location (file://…),
    which differs between machines: only the part below feeds-real/ is kept."""
    if entry_key.startswith("file:") and FEEDS in entry_key:
        entry_key = entry_key.split(FEEDS, 1)[1]
    return f"{corpus.removeprefix(FEEDS)}#{entry_key}"


def _read_jsonl_records(path: Path) -> dict[str, dict[str, Any]]:
    by_id: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    by_id[item["id"]] = item
    return by_id


def _read_feed_records(path: Path, corpus: str) -> dict[str, dict[str, Any]]:
    from bot.feeds.parse import parse_feed

    feed = parse_feed(path.read_bytes(), url=path.resolve().as_uri())
    return {feed_record_id(corpus, entry.key): {
        "title": entry.title, "text": entry.text, "lang": entry.lang,
        "date": entry.published.date().isoformat() if entry.published else None}
        for entry in feed.entries}


# Sources whose every record is one person's own words, and who that person is: as a
# feed of someone's addresses or posts would set Article.author in production. Press
# releases ABOUT a president (presua-en, kremlin-en) are not listed: they report in the
# third person and quote several people.
SOURCE_SPEAKERS: dict[str, str] = {
    "Zelensky video addresses": "Volodymyr Zelensky",
}


def source_speaker(source: object) -> str | None:
    """The speaker of a corpus record, by the start of its `source` field."""
    if not isinstance(source, str):
        return None
    return next((name for prefix, name in SOURCE_SPEAKERS.items()
                 if source.startswith(prefix)), None)


class CorpusTexts:
    """The shared corpus files, each read once, records looked up by id: JSON Lines
    (news-cc) by their `id`, feed files (feeds-real) through the project's feed parser."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, dict[str, dict[str, Any]] | None] = {}

    def file(self, name: str) -> dict[str, dict[str, Any]] | None:
        if name not in self._files:
            path = self.root / name
            if ".." in Path(name).parts or not path.is_file():
                self._files[name] = None
            elif name.startswith(FEEDS):
                self._files[name] = _read_feed_records(path, name)
            else:
                self._files[name] = _read_jsonl_records(path)
        return self._files[name]

    def get(self, name: str, record_id: str) -> dict[str, Any] | None:
        by_id = self.file(name)
        return by_id.get(record_id) if by_id is not None else None


@dataclass
class RealScore:
    records: int = 0
    positives: int = 0
    negatives: int = 0
    detected: int = 0  # articles with an invitation where the matcher reported any
    false_alarms: int = 0  # articles without one where it reported something
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    status_right: int = 0

    def add(self, other: RealScore) -> None:
        for name in ("records", "positives", "negatives", "detected", "false_alarms",
                     "true_pos", "false_pos", "false_neg", "status_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _ratio(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def detection_precision(self) -> float | None:
        return self._ratio(self.detected, self.detected + self.false_alarms)

    @property
    def detection_recall(self) -> float | None:
        return self._ratio(self.detected, self.positives)

    @property
    def precision(self) -> float | None:
        return self._ratio(self.true_pos, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float | None:
        return self._ratio(self.true_pos, self.true_pos + self.false_neg)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def status_accuracy(self) -> float | None:
        return self._ratio(self.status_right, self.true_pos)

    def as_dict(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 4)
        return {
            "records": self.records, "positives": self.positives, "negatives": self.negatives,
            "detected": self.detected, "false_alarms": self.false_alarms,
            "tp": self.true_pos, "fp": self.false_pos, "fn": self.false_neg,
            "detection_precision": rounded(self.detection_precision),
            "detection_recall": rounded(self.detection_recall),
            "precision": rounded(self.precision), "recall": rounded(self.recall),
            "f1": rounded(self.f1), "status_accuracy": rounded(self.status_accuracy),
        }


@dataclass
class RecordOutcome:
    record: GoldRecord
    found: list[str]
    problems: list[str]


@dataclass
class RealReport:
    split: str
    scores: dict[str, RealScore] = field(default_factory=dict)
    outcomes: list[RecordOutcome] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> records

    @property
    def measured(self) -> int:
        return sum(score.records for score in self.scores.values())

    def overall(self) -> RealScore:
        total = RealScore()
        for score in self.scores.values():
            total.add(score)
        return total


def _score_record(matcher: Matcher, record: GoldRecord, item: dict[str, Any],
                  score: RealScore) -> RecordOutcome:
    when = _published(record.date)
    # A feed entry keeps the language its feed declares (None: the matcher detects it),
    # as in production; a news-cc record carries its own.
    lang = item.get("lang", record.lang)
    article = Article(key=record.id, text=str(item.get("text") or ""),
                      title=str(item.get("title") or ""), published=when, lang=lang,
                      author=source_speaker(item.get("source")))
    result = matcher.match(article)
    # One pair is one unit: an article may report two invitations between the same two
    # people (a visit that took place and a new one); the matcher's status counts as right
    # when it is the status of either.
    wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for entry in record.expected:
        wanted[(_key(matcher, entry.inviter, when), _key(matcher, entry.invitee, when))].add(
            entry.status)
    found: dict[tuple[str, str], str] = {}
    described: list[str] = []
    for mention in result.mentions:
        pair = (mention.inviter.key, mention.invitee.key)
        if pair not in found:
            found[pair] = mention.status.value
            described.append(f"{mention.inviter.name} -> {mention.invitee.name}: "
                             f"{mention.status.value}")
    score.records += 1
    if wanted:
        score.positives += 1
        score.detected += bool(found)
    else:
        score.negatives += 1
        score.false_alarms += bool(found)
    problems: list[str] = []
    for pair, status in found.items():
        if pair not in wanted:
            score.false_pos += 1
            problems.append(f"false pair {pair[0]} -> {pair[1]} ({status})")
        elif status in wanted[pair]:
            score.true_pos += 1
            score.status_right += 1
        else:
            score.true_pos += 1
            problems.append(f"status {status}, expected {'/'.join(sorted(wanted[pair]))} "
                            f"for {pair[0]} -> {pair[1]}")
    for pair, statuses in wanted.items():
        if pair not in found:
            score.false_neg += 1
            problems.append(f"missed {pair[0]} -> {pair[1]} ({'/'.join(sorted(statuses))})")
    return RecordOutcome(record=record, found=described, problems=problems)


def evaluate_real(matcher: Matcher, records: list[GoldRecord], corpus_root: Path,
                  split: str = "test") -> RealReport:
    """Score the records of `split` ("dev", "test" or "all") whose text can be read."""
    if split not in (*SPLITS, "all"):
        raise ValueError(f"split must be dev, test or all, not {split!r}")
    report = RealReport(split=split)
    texts = CorpusTexts(corpus_root)
    for record in records:
        if split != "all" and record.split != split:
            continue
        if texts.file(record.corpus) is None:
            report.skipped[f"{record.corpus} not found under {corpus_root}"] += 1
            continue
        item = texts.get(record.corpus, record.id)
        if item is None:
            report.skipped[f"id not in {record.corpus}"] += 1
            continue
        score = report.scores.setdefault(record.lang, RealScore())
        report.outcomes.append(_score_record(matcher, record, item, score))
    return report


def errors_by_tag(report: RealReport) -> dict[str, list[RecordOutcome]]:
    """The records with an error, under each of their cause tags (a record may be listed
    under several)."""
    grouped: dict[str, list[RecordOutcome]] = defaultdict(list)
    for outcome in report.outcomes:
        if outcome.problems:
            for tag in outcome.record.tags:
                grouped[tag].append(outcome)
    return dict(sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])))


def _error_counts(outcomes: list[RecordOutcome]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for outcome in outcomes:
        for problem in outcome.problems:
            counts[problem.split(" ", 1)[0]] += 1  # missed / status / false
    return {"missed": counts["missed"], "wrong_status": counts["status"],
            "false_pair": counts["false"]}


def _fmt(value: float | None) -> str:
    return f"{value:>7.3f}" if value is not None else f"{'-':>7}"


def _print_report(out: TextIO, report: RealReport, gold_problems: list[str], errors: bool) -> None:
    which = "all records" if report.split == "all" else f"{report.split} half"
    out.write(f"Real text ({which}; tests/data/real, texts from the shared corpus)\n")
    out.write(f"{'lang':<6}{'recs':>5}{'pos':>5}{'neg':>5}{'detP':>7}{'detR':>7}{'tp':>5}{'fp':>5}"
              f"{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}{'status':>7}{'alarms':>8}\n")
    rows = sorted(report.scores.items())
    if len(rows) > 1:
        rows.append(("ALL", report.overall()))
    for lang, s in rows:
        out.write(f"{lang:<6}{s.records:>5}{s.positives:>5}{s.negatives:>5}"
                  f"{_fmt(s.detection_precision)}{_fmt(s.detection_recall)}"
                  f"{s.true_pos:>5}{s.false_pos:>5}{s.false_neg:>5}{_fmt(s.precision)}"
                  f"{_fmt(s.recall)}{_fmt(s.f1)}{_fmt(s.status_accuracy)}"
                  f"{f'{s.false_alarms}/{s.negatives}':>8}\n")
    for reason, count in sorted(report.skipped.items()):
        out.write(f"skipped {count} records: {reason}\n")
    for problem in gold_problems:
        out.write(f"gold problem: {problem}\n")
    if not report.measured:
        out.write("Nothing measured on real text.\n")
    if errors:
        grouped = errors_by_tag(report)
        out.write(f"\nErrors on the {report.split} half by cause tag "
                  "(a record counts under each of its tags)\n")
        for tag, outcomes in grouped.items():
            counts = _error_counts(outcomes)
            out.write(f"{tag}: {len(outcomes)} records, {counts['missed']} missed, "
                      f"{counts['wrong_status']} wrong status, {counts['false_pair']} false pairs\n")
            for outcome in outcomes:
                out.write(f"  {outcome.record.id}: {'; '.join(outcome.problems)}\n")
    out.write("\n")


def run_real_eval(matcher: Matcher, *, gold_dir: Path, corpus_root: Path, out: TextIO,
                  split: str = "test", errors: bool = False,
                  as_json: bool = False) -> tuple[int, dict[str, Any]]:
    """Print (or, with as_json, only return) the real-text figures. The code is 0 when
    something was measured, 2 when nothing was (no gold, or no corpus to read it from)."""
    if gold_dir.is_dir():
        records, gold_problems = load_gold(gold_dir)
    else:
        records, gold_problems = [], [f"{gold_dir}: gold directory not found"]
    report = evaluate_real(matcher, records, corpus_root, split)
    if not report.measured and not records:
        gold_problems.append(f"no gold records under {gold_dir}")
    summary: dict[str, Any] = {
        "split": split,
        "languages": {lang: s.as_dict() for lang, s in sorted(report.scores.items())},
        "overall": report.overall().as_dict(),
        "skipped": dict(report.skipped),
        "gold_problems": gold_problems,
    }
    if errors:
        summary["errors_by_tag"] = {
            tag: {**_error_counts(outcomes),
                  "records": [{"id": o.record.id, "problems": o.problems, "found": o.found}
                              for o in outcomes]}
            for tag, outcomes in errors_by_tag(report).items()}
    if not as_json:
        _print_report(out, report, gold_problems, errors)
    return (0 if report.measured else 2), summary
