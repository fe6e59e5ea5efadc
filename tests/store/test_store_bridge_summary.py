"""A bridge's sentence that a long record's bounded summary leaves out (issue 15), through
the real pipeline and store on both backends: a report about to open a record of another
place first reads the long record's entries naming its place (`Unit.with_entries_naming`,
`tracker.bridge_search`), so the bridge is seen as when the timeline was short; nothing
is written twice and nothing opens."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain import Article, MatchResult, Mention, Occasion, OccasionKind, Party, Status
from bot.pipeline import process_article
from bot.store import SqlStore
from bot.store.api import InvitationFilter
from bot.tracker import TrackerPolicy

BIDEN = Party("Joe Biden", figure_id="joe-biden")
ERDOGAN = Party("Recep Tayyip Erdoğan", figure_id="recep-tayyip-erdogan")


class _Matcher:
    """Answers each article with the one mention written for its URL."""

    def __init__(self) -> None:
        self.said: dict[str, Mention] = {}

    def match(self, article: Article) -> MatchResult:
        return MatchResult(lang="en", mentions=(self.said[article.url or ""],))


def _report(matcher: _Matcher, store: SqlStore, day: int, place: str, evidence: str, *,
            confidence: float = 0.8) -> None:
    url = f"https://outlet{day}.example/biden-erdogan-{place.casefold()}-{day}"
    matcher.said[url] = Mention(inviter=BIDEN, invitee=ERDOGAN,
                                occasion=Occasion(OccasionKind.MEETING, place),
                                status=Status.PENDING, confidence=confidence,
                                evidence=evidence, lang="en")
    published = datetime(2021, 5, day, 12, tzinfo=UTC)
    with store.unit() as unit:
        process_article(unit, matcher, Article(key=url, text=evidence, url=url,
                                               published=published, outlet=f"Outlet {day}"),
                        now=published, policy=TrackerPolicy())


def test_a_report_of_the_other_place_finds_the_bridge_the_summary_left_out(
        store: SqlStore) -> None:
    matcher = _Matcher()
    _report(matcher, store, 4, "Geneva", "Biden invited Erdogan to talks in Geneva")
    # The bridge, less sure than the rest: neither first, last nor the most confident.
    _report(matcher, store, 6, "Geneva", "The talks first floated for Brussels will be held "
            "in Geneva", confidence=0.6)
    for day in range(7, 14):
        _report(matcher, store, day, "Geneva", f"Erdogan has yet to answer ({day} May)")
    with store.unit() as unit:
        [record] = unit.list_invitations(InvitationFilter(limit=10))
        [held] = unit.candidate_invitations([(BIDEN.key, ERDOGAN.key)],
                                            datetime(2021, 1, 1, tzinfo=UTC), urls=["x"])
        assert held.summary is not None
        assert not any("Brussels" in e.evidence for e in held.timeline)  # left out
    # News out of date order: the first report, naming Brussels, arrives last.
    _report(matcher, store, 3, "Brussels", "Biden invited Erdogan to talks in Brussels")
    with store.unit() as unit:
        [record] = unit.list_invitations(InvitationFilter(limit=10))
        whole = unit.get_invitation(record.id or 0)
        assert whole is not None and whole.occasion.place == "Geneva"
        assert len(whole.timeline) == 10  # every report once, the bridge not written again
        assert len({(e.url, e.status) for e in whole.timeline}) == 10


def test_entries_naming_a_place_are_found_letter_case_aside_beyond_ascii(
        store: SqlStore) -> None:
    """The place a report names is matched against the stored sentences whatever their
    letter case, in Cyrillic or with accents too (SQLite's lower() folds ASCII only)."""
    matcher = _Matcher()
    _report(matcher, store, 4, "Geneva", "Байден пригласил Эрдогана на переговоры в Женеве")
    _report(matcher, store, 6, "Geneva", "Переговоры, задуманные в САНКТ-ПЕТЕРБУРГЕ, пройдут "
            "в Женеве", confidence=0.6)
    _report(matcher, store, 7, "Geneva", "Rencontre prévue à GENÈVE, pas à Zürich")
    for day in range(8, 14):
        _report(matcher, store, day, "Geneva", f"Erdogan has yet to answer ({day} May)")
    with store.unit() as unit:
        [held] = unit.candidate_invitations([(BIDEN.key, ERDOGAN.key)],
                                            datetime(2021, 1, 1, tzinfo=UTC), urls=["x"])
        assert held.summary is not None
        assert not any("ПЕТЕРБУРГ" in e.evidence for e in held.timeline)  # left out
        [found] = unit.with_entries_naming([held], "санкт-петербурге")
        assert [e.evidence for e in found.timeline if "ПЕТЕРБУРГ" in e.evidence]
        [accented] = unit.with_entries_naming([held], "Genève")
        assert [e.evidence for e in accented.timeline if "GENÈVE" in e.evidence]
        # The wildcard standing for a letter beyond ASCII admits no other word.
        [none] = unit.with_entries_naming([held], "санкт-петербургx")
        assert len(none.timeline) == len(held.timeline)
