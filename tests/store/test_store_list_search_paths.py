"""The lists' search and language filter answer alike on every query path repo_lists may
take (ids from an index, a one-pass scan, a count joined to SQLite's FTS5 table or read from
PostgreSQL's trigram indexes, the plain walk): each list, page, `more` flag and count is
compared with a brute-force reading of every invitation, with the thresholds that choose a
path set so that each path is taken on this small dataset."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import text

from bot.domain import InvitationState, Occasion, OccasionKind, Party, Status
from bot.store import InvitationFilter, ListCursor, SqlStore, repo_lists
from tests.support.builders import DAY0, MUSK, PUTIN, store_invitation

STATUSES = [Status.PENDING, Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN]
LANGS = ["en", "de", "fr", "uk"]
PEOPLE = [Party("Ärztin Zoë Çelik"), Party("Jane 100% Okafor"), Party('Quote "Q" Person'),
          Party("Li"), Party("Under_Score Name")]
PLACES = ["UK", "Paris", None, "Zürich", "a"]


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    """40 invitations: five people (names with %, _, a quote, non-ASCII letters, a name of
    two letters), places of one and two letters, four statuses and languages, some hidden."""
    for n in range(40):
        person = PEOPLE[n % len(PEOPLE)]
        invitee = Party(f"{person.name} {n}") if n % 3 else person
        place = PLACES[n % len(PLACES)]
        occasion = Occasion(OccasionKind.VISIT, place,
                            f"a visit to {place or 'somewhere'}" if n % 4 else "Visit")
        ident = store_invitation(
            store, inviter=MUSK if n % 2 else PUTIN, invitee=invitee,
            status=STATUSES[n % len(STATUSES)], when=DAY0 + timedelta(hours=n),
            url=f"https://x.example/{n}", lang=LANGS[n % 7 % len(LANGS)], occasion=occasion)
        if n % 9 == 4:
            with store.unit() as unit:
                unit.set_hidden(ident, True)
    return store


def _folded(value: str, dialect: str) -> str:
    """What each backend's search compares: SQLite's LIKE folds ASCII letters only,
    PostgreSQL's ILIKE every script."""
    if dialect == "sqlite":
        return "".join(c.lower() if c.isascii() else c for c in value)
    return value.lower()


def _matches(inv: InvitationState, flt: InvitationFilter, dialect: str) -> bool:
    term = _folded(" ".join((flt.search or "").split()), dialect)
    texts = (inv.inviter.name, inv.invitee.name, inv.occasion.text, inv.occasion.place or "")
    return ((flt.include_hidden or not inv.hidden)
            and (not flt.status or inv.status in flt.status)
            and (flt.figure_key is None or flt.figure_key in (inv.inviter.key, inv.invitee.key))
            and (flt.since is None or inv.last_update >= flt.since)
            and (flt.lang is None or any(e.lang == flt.lang for e in inv.timeline))
            and (not term or any(term in _folded(t, dialect) for t in texts)))


def _everything(store: SqlStore) -> list[InvitationState]:
    with store.unit(read_only=True) as unit:
        return unit.list_invitations(InvitationFilter(limit=1000, include_hidden=True))


def _reference(store: SqlStore, flt: InvitationFilter,
               everything: list[InvitationState] | None = None) -> list[int | None]:
    """Every invitation read with no filter, newest first, then filtered in Python."""
    rows = _everything(store) if everything is None else everything
    return [i.id for i in rows if _matches(i, flt, store.dialect)]


def _walked(store: SqlStore, flt: InvitationFilter, size: int) -> list[int | None]:
    """The list read in keyset pages of `size` rows."""
    found: list[int | None] = []
    after: ListCursor | None = None
    with store.unit(read_only=True) as unit:
        while True:
            page = unit.invitation_page(replace(flt, limit=size, after=after))
            found += [i.id for i in page.items]
            if not page.more:
                return found
            after = ListCursor.of(page.items[-1])


TERMS = ["zoë", "ärztin", "ÄRZTIN", "okafor", "100%", "_score", 'quote "q"', "visit",
         "a visit to uk", "zqxj", "uk", "UK", "li", "zq", "a", "%", "_", '"', "ü"]
FILTERS = [
    InvitationFilter(),
    InvitationFilter(status=(Status.WITHDRAWN,)),
    InvitationFilter(figure_key="elon-musk"),
    InvitationFilter(lang="fr"),
    InvitationFilter(since=DAY0 + timedelta(hours=20)),
    InvitationFilter(include_hidden=True, status=(Status.PENDING, Status.DECLINED)),
]
# The thresholds: each path taken (ids for every text; ids for none, so the plain walk with
# the joined or index-read count; the PostgreSQL index-read count never).
PATHS = {"ids": (1000, 20_000), "common": (-1, 20_000), "common-scan": (-1, -1)}


@pytest.mark.parametrize("path", PATHS)
def test_every_query_path_selects_what_the_records_say(
        filled: SqlStore, path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ids_at_most, count_at_most = PATHS[path]
    monkeypatch.setattr(repo_lists, "SEARCH_IDS_AT_MOST", ids_at_most)
    monkeypatch.setattr(repo_lists, "COUNT_FROM_INDEXES_AT_MOST", count_at_most)
    checked = 0
    everything = _everything(filled)
    for term in TERMS:
        for base in FILTERS:
            flt = replace(base, search=term, limit=1000)
            expected = _reference(filled, flt, everything)
            with filled.unit(read_only=True) as unit:
                assert [i.id for i in unit.list_invitations(flt)] == expected, (term, base)
                assert unit.count_invitations(flt) == len(expected), (term, base)
                assert unit.count_invitations(flt, at_most=3) == min(3, len(expected))
                first = unit.invitation_page(replace(flt, limit=2))
                assert first.more == (len(expected) > 2)
            assert _walked(filled, flt, 3) == expected, (term, base)
            checked += bool(expected)
    assert checked > 40  # most combinations find something


@pytest.mark.parametrize("ids_at_most", [1000, -1])
@pytest.mark.parametrize("lang", ["en", "de", "fr", "uk", "it"])
def test_the_language_filter_alike_from_its_index_or_walked(
        filled: SqlStore, lang: str, ids_at_most: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repo_lists, "SEARCH_IDS_AT_MOST", ids_at_most)
    everything = _everything(filled)
    for base in FILTERS:
        flt = replace(base, lang=lang, limit=1000)
        expected = _reference(filled, flt, everything)
        with filled.unit(read_only=True) as unit:
            assert [i.id for i in unit.list_invitations(flt)] == expected
            assert unit.count_invitations(flt, at_most=5) == min(5, len(expected))
        assert _walked(filled, flt, 4) == expected


def test_the_sqlite_search_table_follows_every_change(filled: SqlStore) -> None:
    """The triggers: a renamed party, a changed occasion and a deleted invitation are found
    (or no longer found) at once, and FTS5's own check finds its index in step."""
    if filled.dialect != "sqlite":
        pytest.skip("the FTS5 table is SQLite's")
    with filled.unit() as unit:
        unit.session.execute(text("UPDATE invitations SET invitee_name = 'Renamed Xyzzy' "
                                  "WHERE id = 2"))
        unit.session.execute(text("UPDATE invitations SET occasion_place = 'Plughville', "
                                  "status = 'accepted' WHERE id = 3"))
        unit.session.execute(text("DELETE FROM invitations WHERE id = 4"))
        unit.session.execute(text(
            "INSERT INTO invitations_search(invitations_search) VALUES ('integrity-check')"))
    for term, expected in (("xyzzy", [2]), ("plughville", [3]), ("Renamed", [2])):
        with filled.unit(read_only=True) as unit:
            assert [i.id for i in unit.list_invitations(
                InvitationFilter(search=term, include_hidden=True))] == expected
    flt = InvitationFilter(search="visit", include_hidden=True, limit=1000)
    with filled.unit(read_only=True) as unit:
        assert 4 not in [i.id for i in unit.list_invitations(flt)]
    assert _walked(filled, flt, 7) == _reference(filled, flt)


def test_a_rare_search_reads_its_ids_from_the_index(filled: SqlStore) -> None:
    """The path is the one meant: a rare text's candidates come from the FTS5 table
    (SQLite) or the trigram indexes (PostgreSQL), a short one's from one scan when no
    other filter bounds the walk."""
    with filled.unit(read_only=True) as unit:
        assert unit._search_ids("okafor", alone=False) == [2, 7, 12, 17, 22, 27, 32, 37]
        assert unit._search_ids("zqxj", alone=True) == []
        assert unit._search_ids("li", alone=True) is not None  # "Li" and "Zoë Çelik"
        assert unit._search_ids("li", alone=False) is None  # the other filter's walk
    if filled.dialect == "sqlite":
        with filled.unit(read_only=True) as unit:
            assert unit._fts_ids("ÄRZTIN") == [1, 6, 11, 16, 21, 26, 31, 36]  # folded wider
            assert unit._fts_ids("arztin") == []  # no accent folding: same as the search


def test_a_common_search_counts_from_the_index(filled: SqlStore,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A search too common for its ids is counted from the search table (SQLite, joined)
    or the trigram indexes (PostgreSQL), alone only; with another filter, plainly."""
    monkeypatch.setattr(repo_lists, "SEARCH_IDS_AT_MOST", -1)
    with filled.unit(read_only=True) as unit:
        statement = repo_lists.select(repo_lists.col(repo_lists.InvitationRow.id))
        alone = InvitationFilter(search="visit")
        joined = unit._counted_from_search_table(statement, alone)
        with_status = unit._counted_from_search_table(
            statement, replace(alone, status=(Status.PENDING,)))
        if filled.dialect == "sqlite":
            assert "invitations_search" in str(joined)
            assert not unit._count_from_trigram_indexes(alone)
        else:
            assert str(joined) == str(statement)
            assert unit._count_from_trigram_indexes(alone)
            assert not unit._count_from_trigram_indexes(replace(alone, lang="en"))
        assert str(with_status) == str(statement)


def test_the_search_keeps_working_without_the_fts_table(filled: SqlStore) -> None:
    """Downgraded below 0014 (no FTS5 table, no language index), the same answers."""
    from alembic import command

    from bot.store.migrate import alembic_config
    flts = [InvitationFilter(search=t, include_hidden=True, limit=1000)
            for t in ("okafor", "visit", "uk", "zqxj")] + [InvitationFilter(lang="fr")]
    before = []
    for flt in flts:
        with filled.unit(read_only=True) as unit:
            before.append([i.id for i in unit.list_invitations(flt)])
    with filled.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0013_vague_entries")
    after = []
    for flt in flts:
        with filled.unit(read_only=True) as unit:
            after.append([i.id for i in unit.list_invitations(flt)])
    assert after == before and [len(ids) for ids in before] == [8, 40, 8, 0, 10]
    assert [_reference(filled, flt) for flt in flts] == after


def test_the_migration_fills_the_search_table_from_stored_invitations(
        filled: SqlStore) -> None:
    """Upgraded from 0013 over stored invitations: the FTS5 table is filled ('rebuild')
    and in step, and the searches answer as before."""
    from alembic import command

    from bot.store.migrate import alembic_config
    flts = [InvitationFilter(search=t, include_hidden=True, limit=1000)
            for t in ("okafor", "a visit to uk", "zqxj")] + [InvitationFilter(lang="de")]
    with filled.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0013_vague_entries")
    filled.upgrade()
    if filled.dialect == "sqlite":
        with filled.unit() as unit:
            unit.session.execute(text(
                "INSERT INTO invitations_search(invitations_search) VALUES ('integrity-check')"))
            assert unit._fts_ids("okafor") == [2, 7, 12, 17, 22, 27, 32, 37]
    everything = _everything(filled)
    for flt in flts:
        with filled.unit(read_only=True) as unit:
            assert [i.id for i in unit.list_invitations(flt)] == _reference(
                filled, flt, everything)
