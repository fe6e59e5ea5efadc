"""Store timings (not a test):

    python bench/bench_store.py [--n 100000] [--save 2000] [--backend both|sqlite|postgresql]
                                [--pg URL] [--runs 200] [--search-only]

Fills a fresh database with N invitations (two timeline entries each; a fifth of the
invitees are people known only by name, so the figures-seen table holds ~N/5 + 2,000
names), the first --save of them through the pipeline's `save_outcome` + `add_article`
(timed), the rest in bulk. Then times, p95 and median over --runs calls, each in its own
unit as the bot does it:

- the pipeline's hot calls (candidate lookup, duplicate article);
- the figure autocomplete (`figures_seen`) for several texts, and the old way (every
  invitation read and folded per keystroke) for comparison;
- every `/invitations` variant: a page as the command loads it (the count and five rows,
  their timelines), with no filter, a status, a figure, a date, combinations, a text
  search (the public site's q), the next and previous pages by keyset, and `/figure`;
- the public site's list and JSON API (one page, no count): every filter it takes
  (statuses, a figure, a timeline language, q) alone and combined, and later pages of a
  search by their cursors;
- `invitations list --json` (1,000 rows): the time to the first row and to the end, in
  the process (the command's own code, writing to a sink) and as a whole process.

With --server-times R, each list variant on PostgreSQL is also timed by the server itself
(EXPLAIN ANALYZE of the statements it sends, over R calls): on a loaded machine the wall
time is mostly the wait for a core. PostgreSQL runs in a throw-away schema.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the repository: bot, tests

from bot.cli.invitations import invitation_to_json, write_json_array  # noqa: E402
from bot.discord.commands.browse import Move, _load_page  # noqa: E402
from bot.discord.pagination import PAGE_SIZE, Page  # noqa: E402
from bot.domain import Party, Status  # noqa: E402
from bot.store import InvitationFilter, ListCursor, SqlStore, open_store  # noqa: E402
from bot.store.repo_figures import fold  # noqa: E402
from bot.store.tables import FigureSeenRow, InvitationRow, TimelineEntryRow  # noqa: E402
from bot.web.params import DEFAULT_LIMIT, MAX_LIMIT  # noqa: E402
from tests.support.autocomplete_reference import reference  # noqa: E402
from tests.support.builders import T0, article, at, entry, new_outcome, source, state  # noqa: E402

STATUSES = [Status.PENDING] * 5 + [Status.RESPONDED] * 2 + [
    Status.ACCEPTED, Status.DECLINED, Status.TOOK_PLACE, Status.WITHDRAWN]


def _inviter(i: int) -> Party:
    return Party(f"Figure {i % 997}", f"figure-{i % 997}")


def _invitee(i: int) -> Party:
    if i % 5 == 0:  # a person found only from the text, named once
        return Party(f"Person {i} Example")
    return Party(f"Figure {i % 991 + 1000}", f"figure-{i % 991 + 1000}")


def fill_saved(store: SqlStore, n: int, batch: int = 200) -> float:
    """The first n invitations through save_outcome and add_article, as the pipeline."""
    started = time.perf_counter()
    for start in range(0, n, batch):
        with store.unit() as unit:
            for i in range(start, min(n, start + batch)):
                when = at(hours=i)
                inv = state(inviter=_inviter(i), invitee=_invitee(i), when=when,
                            status=STATUSES[i % len(STATUSES)],
                            timeline=[entry(when, url=f"https://news.example/{i}"),
                                      entry(when, url=f"https://other.example/{i}", lang="de")])
                unit.save_outcome(new_outcome(inv), source(f"https://news.example/{i}"))
                unit.add_article(article(f"g{i}", url=f"https://news.example/{i}"),
                                 feed_id=None, content_hash=f"h{i}",
                                 canonical_url=f"https://news.example/{i}", now=when)
    return time.perf_counter() - started


def _second_lang(i: int) -> str:
    """The language of an invitation's second report: German, one in a thousand French
    (a rare language for the site's filter; Italian is in none)."""
    return "fr" if i % 1000 == 7 else "de"


def _bulk_rows(i: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    when = at(hours=i)
    inviter, invitee = _inviter(i), _invitee(i)
    row = {"id": i + 1, "inviter_key": inviter.key, "inviter_name": inviter.name,
           "inviter_figure_id": inviter.figure_id, "invitee_key": invitee.key,
           "invitee_name": invitee.name, "invitee_figure_id": invitee.figure_id,
           "occasion_kind": "conversation", "occasion_place": "Clubhouse",
           "occasion_text": "a conversation on Clubhouse",
           "status": STATUSES[i % len(STATUSES)].value, "status_at": when, "first_seen": when,
           "last_update": when, "confidence": 0.9, "quiet": False, "hidden": i % 100 == 0}
    entries = [{"invitation_id": i + 1, "at": when, "status": row["status"], "url": url,
                "outlet": "Example News", "lang": lang, "evidence": "X invited Y.",
                "confidence": 0.9, "seen_at": when, "article_id": None, "editorial": False}
               for url, lang in ((f"https://news.example/{i}", "en"),
                                 (f"https://other.example/{i}", _second_lang(i)))]
    return row, entries


def fill_bulk(store: SqlStore, start: int, n: int, batch: int = 5000) -> float:
    """Invitations start..n-1 inserted in bulk, with their figures noted as save_outcome
    would (insert-if-absent into figures_seen)."""
    started = time.perf_counter()
    with store.unit() as unit:
        known = {(k, nm) for k, nm in unit.session.execute(
            text("SELECT key, name FROM figures_seen")).all()}
    for first in range(start, n, batch):
        rows, entries, figures = [], [], []
        for i in range(first, min(n, first + batch)):
            row, timeline = _bulk_rows(i)
            rows.append(row)
            entries += timeline
            for key, name in ((row["inviter_key"], row["inviter_name"]),
                              (row["invitee_key"], row["invitee_name"])):
                if (key, name) not in known:
                    known.add((key, name))
                    figures.append({"key": key, "name": name, "name_folded": fold(name),
                                    "key_folded": fold(key), "first_seen": row["first_seen"]})
        with store.unit() as unit:
            unit.session.execute(insert(InvitationRow.__table__), rows)  # type: ignore[attr-defined]
            unit.session.execute(insert(TimelineEntryRow.__table__), entries)  # type: ignore[attr-defined]
            if figures:
                unit.session.execute(insert(FigureSeenRow.__table__), figures)  # type: ignore[attr-defined]
    with store.unit() as unit:
        if store.dialect == "postgresql":
            unit.session.execute(text(
                "SELECT setval(pg_get_serial_sequence('invitations', 'id'), max(id)) "
                "FROM invitations"))
    with store.engine.connect() as connection:  # planner statistics, as autovacuum would
        if store.dialect == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("VACUUM ANALYZE"))
        else:
            connection.execute(text("ANALYZE"))
    return time.perf_counter() - started


def timed(label: str, repeat: int, call: Callable[[int], object]) -> float:
    """Wall time per call (median, p95) and this process's CPU time per call (median): on
    a loaded machine the wall time mostly measures the wait for a core; with SQLite the
    CPU time is the query's whole cost, with PostgreSQL the client's share."""
    samples, cpu = [], []
    for k in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        call(k)
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    samples.sort()
    p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
    print(f"  {label:<46} median {statistics.median(samples):7.2f} ms  p95 {p95:7.2f} ms"
          f"  cpu {statistics.median(cpu):6.2f} ms  ({repeat} runs)", flush=True)
    return p95


class ServerTimer:
    """PostgreSQL's own time for a call (`--server-times`): the statements the call sends
    are recorded, then replayed in one transaction, each SELECT under EXPLAIN (ANALYZE)
    (the set_config calls a search sends run too, so the plans are the call's), and the
    planning and execution times summed. On a loaded machine the wall time of a call is
    mostly the wait for a core, in the client and in the server; this is the server's
    part alone, its plans the evidence. The planner-estimate EXPLAIN a search sends first
    is run, not timed (it plans only)."""

    def __init__(self, store: SqlStore, runs: int) -> None:
        self.store = store
        self.runs = runs
        self.recorded: list[tuple[str, Any]] | None = None
        self.worst = 0.0
        event.listen(store.engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, parameters: Any,
                _context: Any, _many: bool) -> None:
        if self.recorded is not None:
            self.recorded.append((statement, parameters))

    def _replay(self, statements: list[tuple[str, Any]]) -> float:
        total = 0.0
        with self.store.engine.connect() as connection, connection.begin() as transaction:
            for statement, parameters in statements:
                if not statement.lstrip().upper().startswith("SELECT"):
                    connection.exec_driver_sql(statement, parameters)
                    continue
                plan = connection.exec_driver_sql(
                    "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters).scalar_one()
                total += float(plan[0]["Planning Time"]) + float(plan[0]["Execution Time"])
            transaction.rollback()
        return total

    def time(self, label: str, call: Callable[[int], object]) -> None:
        samples = []
        for k in range(self.runs):
            self.recorded = []
            try:
                call(k)
                statements = self.recorded
            finally:
                self.recorded = None
            samples.append(self._replay(statements))
        samples.sort()
        p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
        self.worst = max(self.worst, p95)
        print(f"  {'  server: ' + label:<46} median {statistics.median(samples):7.2f} ms  "
              f"p95 {p95:7.2f} ms  (EXPLAIN ANALYZE, {self.runs} runs)", flush=True)


SERVER: ServerTimer | None = None


def timed_list(label: str, repeat: int, call: Callable[[int], object]) -> float:
    """`timed`, and on PostgreSQL with --server-times the server's own time too."""
    p95 = timed(label, repeat, call)
    if SERVER is not None:
        SERVER.time(label, call)
    return p95


def bench_pipeline_calls(store: SqlStore, n: int, runs: int) -> None:
    rng = random.Random(7)

    def candidates(_: int) -> object:
        a, b = rng.randrange(997), rng.randrange(991) + 1000
        with store.unit() as unit:
            return unit.candidate_invitations(
                [(f"figure-{a}", f"figure-{b}"), (f"figure-{b}", f"figure-{a}")],
                since=at(days=-180))

    def dedup(_: int) -> object:
        i = rng.randrange(n)
        with store.unit() as unit:
            return unit.add_article(article(f"g{i}", url=f"https://news.example/{i}"),
                                    feed_id=None, content_hash=f"h{i}",
                                    canonical_url=f"https://news.example/{i}", now=T0)

    timed("candidate_invitations", runs, candidates)
    timed("add_article (a duplicate, or new)", runs, dedup)


def bench_autocomplete(store: SqlStore, runs: int) -> float:
    worst = 0.0
    for needle in ("", "f", "fig", "figure 12", "PERSON 4", "erson 12", "12", "zzz"):
        def complete(_: int, needle: str = needle) -> object:
            with store.unit(read_only=True) as unit:
                return unit.figures_seen(needle, 25)
        worst = max(worst, timed(f"autocomplete {needle!r}", runs, complete))
    with store.unit() as unit:
        for needle in ("f", "erson 12", "zzz"):
            assert unit.figures_seen(needle, 25) == reference(unit, needle, 25), needle

    def old(_: int) -> object:
        with store.unit(read_only=True) as unit:
            return reference(unit, "figure 12", 25)
    timed("autocomplete 'figure 12', the old way (before)", max(5, runs // 20), old)
    return worst


def _person(rng: random.Random) -> str:
    """A person known only by name, held by one bulk invitation."""
    return f"Person {rng.randrange(2000, 100_000) // 5 * 5} Example"


def search_variants(rng: random.Random) -> dict[str, Callable[[], InvitationFilter]]:
    """The public site's text search (`q`, `InvitationFilter.search`) as a list with its
    count: a name held by one invitation, a figure's name (held by 100 to 11,000), a word
    every bulk row holds, a text nothing holds (the worst case of a scan: every row read),
    and texts of two letters (too short for a trigram)."""
    return {
        "search: one person's name": lambda: InvitationFilter(search=_person(rng)),
        "search: a figure's name": lambda: InvitationFilter(
            search=f"figure {rng.randrange(997)}"),
        "search: a common word": lambda: InvitationFilter(search="clubhouse"),
        "search: no match": lambda: InvitationFilter(search=f"zq{rng.randrange(10**6)}x"),
        "search: two letters, common": lambda: InvitationFilter(search="on"),
        "search: two letters, no match": lambda: InvitationFilter(search="zq"),
    }


def site_variants(rng: random.Random) -> dict[str, Callable[[], InvitationFilter]]:
    """The public site's list and its JSON API (`/?...`, `/api/invitations?...`,
    `/figures/<key>`): one page of DEFAULT_LIMIT rows (no count), every filter it takes."""
    limit = DEFAULT_LIMIT
    return {
        "site /": lambda: InvitationFilter(limit=limit),
        "site ?limit=100": lambda: InvitationFilter(limit=MAX_LIMIT),
        "site ?status=accepted&status=declined": lambda: InvitationFilter(
            status=(Status.ACCEPTED, Status.DECLINED), limit=limit),
        "site ?lang=de (every invitation)": lambda: InvitationFilter(lang="de", limit=limit),
        "site ?lang=fr (one in 1,000)": lambda: InvitationFilter(lang="fr", limit=limit),
        "site ?lang=it (none)": lambda: InvitationFilter(lang="it", limit=limit),
        "site ?lang=fr&status=withdrawn": lambda: InvitationFilter(
            lang="fr", status=(Status.WITHDRAWN,), limit=limit),
        "site /figures/<name-only person>": lambda: InvitationFilter(
            figure_key="name:" + _person(rng).casefold(), limit=limit),
        "site /figures/<figure>?lang=fr": lambda: InvitationFilter(
            figure_key=f"figure-{rng.randrange(997)}", lang="fr", limit=limit),
        "site ?q=<person>&status=pending": lambda: InvitationFilter(
            search=_person(rng), status=(Status.PENDING,), limit=limit),
        "site ?q=<figure>&lang=de": lambda: InvitationFilter(
            search=f"figure {rng.randrange(997)}", lang="de", limit=limit),
        "site ?q=clubhouse&status=withdrawn": lambda: InvitationFilter(
            search="clubhouse", status=(Status.WITHDRAWN,), limit=limit),
        "site ?q=clubhouse&lang=fr": lambda: InvitationFilter(
            search="clubhouse", lang="fr", limit=limit),
        "site ?q=<no match>&figure=<figure>": lambda: InvitationFilter(
            search=f"zq{rng.randrange(10**6)}x", figure_key=f"figure-{rng.randrange(997)}",
            limit=limit),
        "site ?q=zq (two letters, none)": lambda: InvitationFilter(search="zq", limit=limit),
    }


def bench_site_variants(store: SqlStore, runs: int) -> float:
    """Each of `site_variants` as the site reads it (`Unit.invitation_page`), then the
    next pages of a search by their cursors."""
    worst = 0.0
    for label, make in site_variants(random.Random(13)).items():
        def one_page(_: int, make: Callable[[], InvitationFilter] = make) -> object:
            with store.unit(read_only=True) as unit:
                return unit.invitation_page(make())
        worst = max(worst, timed_list(label, runs, one_page))
    for search in ("clubhouse", "figure 12"):
        flt = InvitationFilter(search=search, limit=DEFAULT_LIMIT)
        cursors: list[ListCursor | None] = [None]
        with store.unit(read_only=True) as unit:
            for _ in range(40):
                found = unit.invitation_page(replace(flt, after=cursors[-1]))
                if not found.more:
                    break
                cursors.append(ListCursor.of(found.items[-1]))

        def later_page(k: int, flt: InvitationFilter = flt,
                       cursors: list[ListCursor | None] = cursors) -> object:
            with store.unit(read_only=True) as unit:
                return unit.invitation_page(replace(flt, after=cursors[k % len(cursors)]))
        worst = max(worst, timed_list(f"site ?q={search}&after= (pages 1-{len(cursors)})", runs,
                                 later_page))
    return worst


def bench_list_variants(store: SqlStore, runs: int, *, search_only: bool = False) -> float:
    rng = random.Random(11)
    latest = at(hours=10**6)
    with store.unit() as unit:
        latest = unit.list_invitations(InvitationFilter(limit=1))[0].last_update
    week = latest - timedelta(days=7)
    variants: dict[str, Callable[[], InvitationFilter]] = {
        "/invitations": lambda: InvitationFilter(),
        "/invitations status:pending": lambda: InvitationFilter(status=(Status.PENDING,)),
        "/invitations status:withdrawn": lambda: InvitationFilter(status=(Status.WITHDRAWN,)),
        "/invitations figure / /figure": lambda: InvitationFilter(
            figure_key=f"figure-{rng.randrange(997)}"),
        "/invitations since:7d": lambda: InvitationFilter(since=week),
        "/invitations status:accepted figure": lambda: InvitationFilter(
            status=(Status.ACCEPTED,), figure_key=f"figure-{rng.randrange(991) + 1000}"),
        "/invitations status:pending since:7d": lambda: InvitationFilter(
            status=(Status.PENDING,), since=week),
        "/invitations figure since:7d": lambda: InvitationFilter(
            figure_key=f"figure-{rng.randrange(997)}", since=week),
        "/invitations since:2024-01-01 (every row)": lambda: InvitationFilter(
            since=at(days=-365)),
        "/invitations status:withdrawn since:7d": lambda: InvitationFilter(
            status=(Status.WITHDRAWN,), since=week),
        "/figure <a person known by name only>": lambda: InvitationFilter(
            figure_key="name:" + _person(rng).casefold()),
    }
    variants.update(search_variants(rng))
    if search_only:
        variants = search_variants(rng)
    worst = 0.0
    for label, make in variants.items():
        def first_page(_: int, make: Callable[[], InvitationFilter] = make) -> object:
            with store.unit(read_only=True) as unit:
                return _load_page(unit, replace(make(), limit=PAGE_SIZE), Page(0, 0),
                                  Move.FIRST, None)
        worst = max(worst, timed_list(label, runs, first_page))
    if search_only:
        return worst
    with store.unit() as unit:
        shown, page = _load_page(unit, InvitationFilter(limit=PAGE_SIZE), Page(0, 0),
                                 Move.FIRST, None)
        pages = [(shown, page)]
        for _ in range(200):  # deep into the list: keyset pages cost the same anywhere
            shown, page = _load_page(unit, InvitationFilter(limit=PAGE_SIZE), page, Move.NEXT,
                                     ListCursor.of(shown[-1]))
            pages.append((shown, page))

    def next_page(k: int) -> object:
        shown, page = pages[k % len(pages)]
        with store.unit(read_only=True) as unit:
            return _load_page(unit, InvitationFilter(limit=PAGE_SIZE), page, Move.NEXT,
                              ListCursor.of(shown[-1]))

    def previous_page(k: int) -> object:
        shown, page = pages[1 + k % (len(pages) - 1)]
        with store.unit(read_only=True) as unit:
            return _load_page(unit, InvitationFilter(limit=PAGE_SIZE), page, Move.PREVIOUS,
                              ListCursor.of(shown[0]))
    worst = max(worst, timed_list("/invitations Next (pages 1-200, keyset)", runs, next_page))
    worst = max(worst, timed_list("/invitations Previous (pages 2-201, keyset)", runs,
                             previous_page))
    return worst


class _Sink:
    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.first: float | None = None
        self.size = 0

    def write(self, chunk: str) -> None:
        if self.first is None and len(chunk) > 1:
            self.first = time.perf_counter() - self.started
        self.size += len(chunk)


def bench_list_json(store: SqlStore, url: str, runs: int) -> None:
    flt = InvitationFilter(limit=1000)
    firsts, totals = [], []
    for _ in range(max(5, runs // 10)):
        sink = _Sink()
        with store.unit(read_only=True) as unit:
            write_json_array((invitation_to_json(i) for i in unit.iter_invitations(flt)),
                             sink.write)
        totals.append(time.perf_counter() - sink.started)
        firsts.append(sink.first or 0.0)
    print(f"  {'list --json (1,000 rows), in process: first row':<52} median "
          f"{statistics.median(firsts) * 1000:7.2f} ms   max {max(firsts) * 1000:7.2f} ms")
    print(f"  {'list --json (1,000 rows), in process: all rows':<52} median "
          f"{statistics.median(totals) * 1000:7.2f} ms   max {max(totals) * 1000:7.2f} ms")
    started = time.perf_counter()
    with store.unit() as unit:
        import json
        json.dumps([invitation_to_json(i) for i in unit.list_invitations(flt)],
                   ensure_ascii=False, indent=2)
    print(f"  {'list --json, the whole array first (before)':<52} "
          f"{(time.perf_counter() - started) * 1000:7.2f} ms to the first row")
    process_first, process_total = _whole_process(url)
    print(f"  {'list --json as a process: first row / all rows':<52} "
          f"{process_first * 1000:7.0f} ms / {process_total * 1000:.0f} ms "
          "(interpreter and imports included)", flush=True)


def _whole_process(url: str) -> tuple[float, float]:
    command = [sys.executable, "-m", "bot", "--database", url, "invitations", "list", "--json"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as config:
        started = time.perf_counter()
        with subprocess.Popen([*command[:3], "--config-dir", config, *command[3:]], cwd=ROOT,
                              env=env, stdout=subprocess.PIPE) as process:
            assert process.stdout is not None
            process.stdout.read(2)  # "[" and the newline before the first row
            process.stdout.read(1)
            first = time.perf_counter() - started
            process.stdout.read()
        total = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"invitewatch invitations list failed ({process.returncode})")
    return first, total


def bench(store: SqlStore, url: str, n: int, saved: int, runs: int,
          search_only: bool = False) -> dict[str, float]:
    saved = min(saved, n)
    seconds = fill_saved(store, saved)
    print(f"  save_outcome+add_article, batches of 200: {saved / seconds:8.0f} invitations/s "
          f"({seconds:.1f} s for {saved})")
    seconds = fill_bulk(store, saved, n)
    print(f"  bulk fill of the other {n - saved} invitations: {seconds:.1f} s", flush=True)
    if search_only:
        return {"autocomplete": 0.0,
                "lists": max(bench_list_variants(store, runs, search_only=True),
                             bench_site_variants(store, runs))}
    bench_pipeline_calls(store, n, runs)
    autocomplete = bench_autocomplete(store, runs)
    lists = bench_list_variants(store, runs)
    lists = max(lists, bench_site_variants(store, runs))
    bench_list_json(store, url, runs)
    return {"autocomplete": autocomplete, "lists": lists}


@contextmanager
def postgres_schema(admin_url: str) -> Iterator[str]:
    schema = "iw_bench_" + uuid.uuid4().hex[:8]
    admin = create_engine(admin_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(admin_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run_backend(name: str, url: str, args: argparse.Namespace) -> dict[str, float]:
    global SERVER
    print(f"{name} ({args.n} invitations)", flush=True)
    store = open_store(url)
    SERVER = (ServerTimer(store, args.server_times)
              if args.server_times and store.dialect == "postgresql" else None)
    try:
        result = bench(store, url, args.n, args.save, args.runs, args.search_only)
        if SERVER is not None:
            result["server"] = SERVER.worst
        return result
    finally:
        SERVER = None
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--save", type=int, default=2000,
                        help="invitations filled through save_outcome (timed); the rest in bulk")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--backend", choices=("both", "sqlite", "postgresql"), default="both")
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--server-times", type=int, default=0, metavar="RUNS",
                        help="on PostgreSQL, also the server's own time of each list variant "
                             "(EXPLAIN ANALYZE of its statements), over RUNS calls")
    parser.add_argument("--search-only", action="store_true",
                        help="time the text searches and the public site's lists only")
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.backend in ("both", "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            results["SQLite"] = run_backend("SQLite", f"sqlite:///{tmp}/bench.db", args)
    if args.backend in ("both", "postgresql"):
        with postgres_schema(args.pg) as url:
            results["PostgreSQL"] = run_backend("PostgreSQL", url, args)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("summary (p95; goals: autocomplete <= 10 ms, every /invitations variant <= 20 ms)")
    for name, result in results.items():
        print(f"  {name:<11} autocomplete worst p95 {result['autocomplete']:6.2f} ms   "
              f"/invitations worst p95 {result['lists']:6.2f} ms"
              + (f" (server's own time, worst p95 {result['server']:6.2f} ms)"
                 if "server" in result else ""))


if __name__ == "__main__":
    main()
