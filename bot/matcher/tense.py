"""Whether a trip "at the invitation of" is ahead of the article or under way or over, from
the tense and date words of its clause resolved against the article's date (issue 14, tense
round).

A `by` cue ("at the invitation of", "auf Einladung von", "na zaproszenie") reports the
visit, so without other words it took place. Its clause may instead announce it: a present
tense of travel with a date after the article ("travels to Moscow on Monday" in a Thursday
article, "arriva giovedì" in a Monday one) or a later date on its own ("am 16. September")
make it accepted. And a future word outside the clause ("arrived on Wednesday ..., beginning
a visit that is due to end on Friday") leaves an arrival took place. Only the cue's clause
and the clauses of its tense words count: the dateline and "said on Thursday" date the
report, not the trip.

A `by` cue with no tense, date or status word beside it (a headline: "Merz auf Einladung
Trumps in Washington", "莫迪受普京邀请访俄") took place only by default (`untimed`): an
invitation sentence of the same pair that times the trip ahead (accepted) outranks it.

A trip the sentence dates to an earlier year ("In July 2023 Modi attended the parade at
Macron's invitation") is a recap, another occasion than the one the article reports
(`InviteFinding.recap`; aggregate.py lets a current report of the pair outrank it).
"""

from __future__ import annotations

import re
from datetime import date

from bot.domain import Status
from bot.matcher.dates import DateWords, days_named, years_in
from bot.matcher.lexicon import CueHit

# Clause marks, Latin and CJK; the dash of a dateline ("NEW DELHI (Reuters) - Modi ...").
_CLAUSE_MARK = re.compile(r"[,;:，、；：]|\s[-–—]\s")


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span between the clause marks around [start, end)."""
    left = 0
    for mark in _CLAUSE_MARK.finditer(sentence, 0, start):
        left = mark.end()
    after = _CLAUSE_MARK.search(sentence, end)
    return left, after.start() if after else len(sentence)


def _window(sentence: str, cue: CueHit, markers: list[CueHit]) -> tuple[int, int]:
    """The cue's clause, widened to the clauses of its tense words (an SOV verb ends the
    sentence: "の招待により、17日から…訪問すると発表した")."""
    start, end = _clause(sentence, cue.start, cue.end)
    for marker in markers:
        m_start, m_end = _clause(sentence, marker.start, marker.end)
        start, end = min(start, m_start), max(end, m_end)
    return start, end


def _inside(hit: CueHit, span: tuple[int, int]) -> bool:
    return span[0] <= hit.start and hit.end <= span[1]


def timed_status(status: Status, sentence: str, cue: CueHit, modifiers: list[CueHit],
                 statuses: list[tuple[Status, CueHit]], published: date | None,
                 words: DateWords | None) -> Status:
    """The status of a `by` invitation once its clause's tense and dates are read."""
    if published is None or status not in (Status.TOOK_PLACE, Status.ACCEPTED):
        return status
    clause = _clause(sentence, cue.start, cue.end)
    futures = [m for m in modifiers if m.category == "future"]
    presents = [m for m in modifiers if m.category == "present"]
    took = [hit for s, hit in statuses if s is Status.TOOK_PLACE]
    if status is Status.ACCEPTED:
        # Accepted only for a future word elsewhere in the sentence, while the clause
        # reports the arrival ("arrived ..., beginning a visit that is due to end Friday").
        if took and not any(s is Status.ACCEPTED for s, _ in statuses) and \
                any(_inside(hit, clause) for hit in took) and \
                not any(_inside(f, _window(sentence, cue, took)) for f in futures):
            return Status.TOOK_PLACE
        return status
    if words is None:
        return status
    near = [m for m in presents + futures if m.start >= clause[0] - 80 and m.end <= clause[1] + 80]
    span = _window(sentence, cue, near)
    # A past verb of arrival or meeting ("arrived", "met") fixes the time whatever the
    # dates ("arrived on Tuesday for a visit lasting until 13 June"); its present form
    # ("arrives in") is a present word as well and leaves the dates to decide.
    if any(_inside(hit, span) and not any(p.start <= hit.start < p.end or
                                           hit.start <= p.start < hit.end for p in presents)
           for hit in took):
        return status
    days = days_named(sentence[span[0]:span[1]], published, words, ahead=bool(near))
    if days and all(day > published for day in days):
        return Status.ACCEPTED
    return status


def recapped(status: Status, sentence: str, published: date | None,
             last_year: frozenset[str] = frozenset()) -> bool:
    """A took-place report the sentence dates to an earlier year only: another occasion
    than the article's own ("Sánchez ya viajó a Colombia en agosto de 2022 por invitación
    de Petro" in a 2025 article about Petro's new invitation), by its number or by a
    `last_year` phrase and no year ("był w Białym Domu we wrześniu ubiegłego roku")."""
    if published is None or status is not Status.TOOK_PLACE:
        return False
    years = years_in(sentence)
    if years:
        return all(year < published.year for year in years)
    return _names_phrase(sentence, last_year)


def _names_phrase(sentence: str, phrases: frozenset[str]) -> bool:
    """Whether the sentence holds one of the phrases: as whole words, or inside the text
    for a script written without spaces."""
    low = sentence.casefold()
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", low) if p.isascii() or " " in p
               or not any("\u3040" <= ch <= "\u9fff" for ch in p) else p in low
               for p in phrases)


def untimed(cue: CueHit, status_here: Status | None, status: Status,
            statuses: list[tuple[Status, CueHit]], modifiers: list[CueHit]) -> bool:
    """A `by` cue's took-place that no word of its sentence supports: no status word, no
    present-tense travel word (the cue's default, see the module's docstring)."""
    return cue.category == "by" and status_here is None and status is Status.TOOK_PLACE \
        and not statuses and not any(m.category == "present" for m in modifiers)
