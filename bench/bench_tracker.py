"""Benchmark: the tracker and the store under a growing history.

Replays synthetic reports (default 100,000 carrying 10,000 invitations) through the store the
way the pipeline does, minus the matcher: per batch of reports (--batch) one transaction
that checks the batch's articles for duplicates in one query, stores the new ones in one
INSERT and reads the candidate invitations of every report's pairs at once
(`prefetch_candidates`: bounded timelines, the summary and the repeats); then per report
asks the store for its candidates (answered from that read), runs the tracker and saves
its outcomes with their outbox notifications. `--per-report` inserts each article and
reads each report's candidates on its own instead. `--hot` adds a hot story: every report about one
invitation, whose timeline grows to --reports entries. Reports/s is measured over
the first and the last 10% of the run: finding candidates must use an index, so the last
10% (with 90% of the history stored) should be about as fast as the first.

    .venv/bin/python bench/bench_tracker.py                       # SQLite and PostgreSQL
    .venv/bin/python bench/bench_tracker.py --reports 5000 --invitations 500 --backend sqlite
    .venv/bin/python bench/bench_tracker.py --reports 3000 --invitations 300 --hot  # + a hot story
    .venv/bin/python bench/bench_tracker.py --pg-url postgresql+psycopg://user@host:5432/db

PostgreSQL runs in a schema of its own, dropped afterwards; SQLite in a temporary file.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

# This checkout's `bot`, not the copy the virtualenv may have installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain import Article, Mention, Occasion, OccasionKind, Party, Report, Source, Status
from bot.feeds.text import content_hash
from bot.store import open_store
from bot.store.api import ArticleVerdict, InvitationFilter, KnownArticles, Store, Unit
from bot.tracker import TrackerPolicy, candidate_pairs, track

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
START = datetime(2020, 1, 1, tzinfo=UTC)
PLACES = ("Moscow", "Kyiv", "Paris", "Berlin", "the White House", "Beijing", "Istanbul",
          "Rome", "London", "Tokyo", None)
KINDS = (OccasionKind.VISIT, OccasionKind.DEBATE, OccasionKind.INTERVIEW,
         OccasionKind.CONVERSATION, OccasionKind.EVENT)
# The life of one invitation, one status per report (later reports repeat the last).
LIFE = (Status.PENDING, Status.PENDING, Status.RESPONDED, Status.RESPONDED, Status.ACCEPTED,
        Status.ACCEPTED, Status.ACCEPTED, Status.TOOK_PLACE, Status.TOOK_PLACE,
        Status.TOOK_PLACE)


@dataclass(frozen=True, slots=True)
class SyntheticReport:
    serial: int
    article: Article
    report: Report


def synthetic_reports(reports: int, invitations: int, seed: int = 7) -> list[SyntheticReport]:
    """`reports` reports spread over `invitations` invitations between ~invitations/5
    figures, dated over about three years, each invitation's reports within ~6 weeks; sorted
    by date. Figure pairs recur, with other places, so the tracker has to tell them apart."""
    rng = random.Random(seed)
    figures = [Party(f"Figure {n}", f"figure-{n}") for n in range(max(10, invitations // 5))]
    span = timedelta(days=3 * 365)
    per_invitation = max(1, reports // invitations)
    planned: list[tuple[datetime, int, int, Status]] = []
    specs: list[tuple[Party, Party, Occasion]] = []
    for i in range(invitations):
        inviter, invitee = rng.sample(figures, 2)
        kind = rng.choice(KINDS)
        # Each invitation gets its own place, so recurring pairs stay apart.
        occasion = Occasion(kind=kind, place=f"{rng.choice(PLACES) or 'Venue'} #{i}")
        specs.append((inviter, invitee, occasion))
        start = START + span * (i / invitations)
        for k in range(per_invitation):
            planned.append((start + timedelta(days=4 * k, hours=rng.randrange(24)), i, k,
                            LIFE[min(k, len(LIFE) - 1)]))
    planned.sort()
    out: list[SyntheticReport] = []
    for serial, (when, i, k, status) in enumerate(planned[:reports]):
        inviter, invitee, occasion = specs[i]
        url = f"https://bench.example/{i}/{k}"
        text = f"{inviter.name} invited {invitee.name} ({occasion.place}); report {k}: {status}"
        article = Article(key=f"{i}-{k}", text=text, title=f"Invitation {i}, report {k}",
                          url=url, published=when, lang="en", outlet=f"Outlet {k % 7}")
        mention = Mention(inviter=inviter, invitee=invitee, occasion=occasion, status=status,
                          confidence=0.8, evidence=text, lang="en")
        source = Source(url=url, outlet=article.outlet, lang="en", published=when)
        out.append(SyntheticReport(serial, article, Report(mention=mention, source=source)))
    return out


def hot_reports(reports: int) -> list[SyntheticReport]:
    """A hot story: `reports` reports of ONE invitation from seven outlets, ten minutes
    apart (all inside the tracker's window), its status moving along LIFE over the run."""
    inviter, invitee = Party("Figure A", "figure-a"), Party("Figure B", "figure-b")
    occasion = Occasion(kind=OccasionKind.VISIT, place="Geneva")
    out: list[SyntheticReport] = []
    for k in range(reports):
        when = START + timedelta(minutes=10 * k)
        status = LIFE[min(k * len(LIFE) // reports, len(LIFE) - 1)]
        url = f"https://bench.example/hot/{k}"
        text = f"{inviter.name} invited {invitee.name} (Geneva); report {k}: {status}"
        article = Article(key=f"hot-{k}", text=text, title=f"Hot story, report {k}", url=url,
                          published=when, lang="en", outlet=f"Outlet {k % 7}")
        mention = Mention(inviter=inviter, invitee=invitee, occasion=occasion, status=status,
                          confidence=0.8, evidence=text, lang="en")
        source = Source(url=url, outlet=article.outlet, lang="en", published=when)
        out.append(SyntheticReport(k, article, Report(mention=mention, source=source)))
    return out


def _keys(item: SyntheticReport) -> tuple[str, str, str | None]:
    return (item.article.key, content_hash(item.article.title, item.article.text),
            item.article.url)


def process(unit: Unit, item: SyntheticReport, policy: TrackerPolicy,
            store_articles: bool = True, known: KnownArticles | None = None,
            stored: dict[str, int] | None = None, feed_id: int | None = None) -> None:
    """What the pipeline does for one article, with the mention given instead of matched,
    inside the caller's transaction: the duplicate check against `known` (the batch's,
    read in one query), the article stored (unless the batch's insert did: `stored`), the
    tracker's candidates read with bounded timelines, its outcomes saved. Without
    `store_articles` the article is not stored (the tracker's path alone)."""
    now = item.article.published or START
    article_id: int | None = None
    if stored is not None and item.article.key in stored:
        article_id = stored[item.article.key]
    elif store_articles:
        guid, hashed, url = _keys(item)
        if known is not None and known.verdict(guid, hashed, url) is ArticleVerdict.DUPLICATE:
            return
        new = known is not None and known.verdict(guid, hashed, url) is ArticleVerdict.NEW
        article_id = unit.add_article(item.article, feed_id=feed_id, content_hash=hashed,
                                      canonical_url=url, now=now, checked=new)
        if known is not None:
            known.remember(guid, hashed, url)
        if article_id is None:
            return
    report = item.report
    source = Source(url=report.source.url, outlet=report.source.outlet, lang="en",
                    published=report.source.published, article_id=article_id)
    since = _since(item, policy)
    candidates = unit.candidate_invitations(candidate_pairs(report.mention), since,
                                            urls=[source.url], evidence=[report.mention.evidence])
    for outcome in track(report, candidates, now, policy):
        unit.save_outcome(outcome, source)


def _since(item: SyntheticReport, policy: TrackerPolicy) -> datetime:
    now = item.article.published or START
    return min(now, item.report.event_time) - timedelta(days=policy.window_days)


def store_batch(unit: Unit, items: list[SyntheticReport], policy: TrackerPolicy, *,
                store_articles: bool, feed_id: int, per_report: bool) -> None:
    """One batch in one transaction, as the pipeline stores a feed's entries: the duplicate
    check in one query, the new articles in one INSERT and the candidates of every report
    read at once (`prefetch_candidates`), then each report tracked and saved. `per_report`:
    each article inserted and each report's candidates read on its own (the older way)."""
    known = unit.known_articles(feed_id, [_keys(i) for i in items]) if store_articles else None
    stored: dict[str, int] | None = None
    if store_articles and not per_report:
        assert known is not None
        fresh = [i for i in items if known.verdict(*_keys(i)) is ArticleVerdict.NEW]
        now = max((i.article.published or START) for i in items)
        stored = unit.add_new_articles(
            feed_id, [(i.article, _keys(i)[1], i.article.url) for i in fresh], now=now)
    if not per_report:
        unit.prefetch_candidates(
            [pair for i in items for pair in candidate_pairs(i.report.mention)],
            min(_since(i, policy) for i in items), [i.report.source.url for i in items])
    for item in items:
        process(unit, item, policy, store_articles, known, stored, feed_id)


def run(store: Store, items: list[SyntheticReport], label: str,
        store_articles: bool = True, batch: int = 1, per_report: bool = False
        ) -> dict[str, float]:
    """Reports in transactions of `batch` (1: one per report; 20: one per feed's entries,
    as a poll stores them). Rates are over the first and last tenth, in whole batches."""
    policy = TrackerPolicy()
    with store.unit() as unit:
        feed = unit.add_feed("https://bench.example/feed.xml", title="bench", now=START)
    assert feed.id is not None
    feed_id = feed.id
    tenth = max(batch, len(items) // 10 // batch * batch)
    last_tenth_from = (len(items) - tenth) // batch * batch
    started = time.perf_counter()
    cpu_started = time.process_time()
    first_done = last_from = started
    for n in range(0, len(items), batch):
        if n == last_tenth_from:
            last_from = time.perf_counter()
        if n and n % tenth == 0:
            print(f"  {label}: {n / len(items):4.0%} after "
                  f"{time.perf_counter() - started:7.1f}s", file=sys.stderr)
        with store.unit() as unit:
            store_batch(unit, items[n:n + batch], policy, store_articles=store_articles,
                        feed_id=feed_id, per_report=per_report)
        if n + batch == tenth:
            first_done = time.perf_counter()
    finished = time.perf_counter()
    cpu = time.process_time() - cpu_started
    with store.unit() as unit:
        stored = unit.count_invitations(InvitationFilter())
    return {"first": tenth / (first_done - started),
            "last": (len(items) - last_tenth_from) / (finished - last_from),
            "total_s": finished - started, "overall": len(items) / (finished - started),
            "invitations": stored, "cpu_rate": len(items) / cpu if cpu > 0 else 0.0}


@contextmanager
def sqlite_store() -> Iterator[Store]:
    with tempfile.TemporaryDirectory(prefix="invitewatch-bench-") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        try:
            yield store
        finally:
            store.close()


@contextmanager
def postgres_store(url: str) -> Iterator[Store]:
    from sqlalchemy import create_engine, text  # bench only: the schema is made and dropped
    from sqlalchemy.engine import make_url

    schema = "iw_bench_" + uuid.uuid4().hex[:10]
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    store = open_store(scoped.render_as_string(hide_password=False))
    try:
        yield store
    finally:
        store.close()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def run_one(backend: str, scenario: str, items: list[SyntheticReport],
            args: argparse.Namespace) -> bool:
    """One scenario on one backend, its line printed; True when it could not run."""
    opener = sqlite_store() if backend == "sqlite" else postgres_store(args.pg_url)
    try:
        with opener as store:
            result = run(store, items, f"{backend} {scenario}", not args.no_articles,
                         args.batch, args.per_report)
    except Exception as exc:  # a missing server is reported, the other backend still runs
        print(f"{backend} {scenario}: could not run: {exc}")
        return True
    what = (f" ({args.batch} per transaction" + (", articles not stored" if args.no_articles
                                                 else "")
            + (", per-report reads" if args.per_report else "") + ")")
    print(f"{backend} {scenario}{what}: {len(items)} reports in {result['total_s']:.1f}s "
          f"({result['overall']:.0f}/s); first 10%: {result['first']:.0f} reports/s, "
          f"last 10%: {result['last']:.0f} reports/s "
          f"(last/first {result['last'] / result['first']:.2f}); "
          f"{result['invitations']:.0f} invitations stored; "
          f"{result['cpu_rate']:.0f} reports per CPU-second of this process "
          f"(less sensitive to a busy machine; the PostgreSQL server's time is not in it)")
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--invitations", type=int, default=10_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL)
    parser.add_argument("--batch", type=int, default=20,
                        help="reports per transaction (default 20, one feed's entries as a "
                             "poll stores them; 1 is one transaction per report)")
    parser.add_argument("--no-articles", action="store_true",
                        help="skip storing the articles: time the candidate lookup, the "
                             "tracker and saving outcomes alone")
    parser.add_argument("--per-report", action="store_true",
                        help="insert each article and read each report's candidates on its "
                             "own, instead of once per batch (the way before issue 13's "
                             "batched reads)")
    parser.add_argument("--hot", action="store_true",
                        help="also run a hot story: every report about ONE invitation (its "
                             "timeline grows to --reports entries); both lines are printed")
    parser.add_argument("--hot-only", action="store_true", help="run the hot story alone")
    args = parser.parse_args(argv)
    if args.batch < 1:
        parser.error("need --batch >= 1")
    if args.reports < 10 or args.invitations < 1 or args.invitations > args.reports:
        parser.error("need --reports >= 10 and 1 <= --invitations <= --reports")
    scenarios: list[tuple[str, list[SyntheticReport]]] = []
    if not args.hot_only:
        scenarios.append(("normal", synthetic_reports(args.reports, args.invitations)))
        print(f"normal: {args.reports} reports carrying {args.invitations} invitations",
              file=sys.stderr)
    if args.hot or args.hot_only:
        scenarios.append(("hot", hot_reports(args.reports)))
        print(f"hot: {args.reports} reports of one invitation", file=sys.stderr)
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    failed = False
    for backend in backends:
        for scenario, items in scenarios:
            failed = run_one(backend, scenario, items, args) or failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
