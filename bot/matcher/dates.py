"""When a reported status came about, from the words of its sentence and the article's date.

Conservative on purpose: a status date moves an invitation's timeline, so a wrong one is
worse than none. Only past dates count (a date after the article is the occasion's, "will
visit on 10 February"), at most 60 days back; a weekday counts only for statuses that
report a past act (a weekday beside an acceptance is usually the visit's); two different
dates in one sentence give none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from bot.domain import Status

MAX_DAYS_BACK = 60
# Statuses whose sentence's weekday is the day of the act itself ("declined on Monday").
_WEEKDAY_STATUSES = frozenset({Status.TOOK_PLACE, Status.WITHDRAWN, Status.DECLINED,
                               Status.RESPONDED})
_DATED_STATUSES = _WEEKDAY_STATUSES | {Status.ACCEPTED}


# A year of the last and this century, standing alone ("2019", not "120190").
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def years_in(text: str) -> list[int]:
    """The years a text names, in order."""
    return [int(y) for y in _YEAR.findall(text)]


def names_another_year(text: str, year: int | None,
                       since: tuple[frozenset[str], frozenset[str]] | None = None) -> bool:
    """Whether the text names a year other than `year` (None: the article is undated, and
    nothing is another year): what it tells is another occasion. `since`: the words that,
    right before a year or right after it, make it the start of a span ("the first since
    2018", "depuis 2018", "2018'den beri", "2018年以来"): such a year dates no event of
    the sentence, only how long none happened, and does not count."""
    if year is None:
        return False
    return any(int(m.group()) != year for m in _YEAR.finditer(text)
               if since is None or not _opens_span(text, m, since))


def _opens_span(text: str, year: re.Match[str], since: tuple[frozenset[str], frozenset[str]]
                ) -> bool:
    before, after = since
    words = text[: year.start()].split()
    last = words[-1].casefold().strip(",(«\"“") if words else ""
    if last in before or (len(words) >= 2 and
                          f"{words[-2].casefold()} {last}" in before):
        return True
    ahead = text[year.end() : year.end() + 16].casefold()
    return any(ahead.startswith(w) for w in after)


@dataclass(frozen=True, slots=True)
class DateWords:
    """A language's date words: the [dates] table of its lexicon."""

    weekdays: tuple[tuple[str, ...], ...]  # Monday first
    months: tuple[tuple[str, ...], ...]  # January first
    yesterday: tuple[str, ...] = ()
    day_before_yesterday: tuple[str, ...] = ()
    month_first: bool = False  # "March 2" as well as "2 March"


_DATE_KEYS = frozenset({"weekdays", "months", "yesterday", "day_before_yesterday", "month_first"})


def date_words_from(table: Any, *, source: str, problems: list[str]) -> DateWords | None:
    """A [dates] table, or None when absent; problems name the file and key."""
    if not table:
        return None
    if not isinstance(table, Mapping):
        problems.append(f"{source}: [dates] must be a table")
        return None
    # A key of another table written below [dates] lands here and would be ignored.
    for key in sorted(set(table) - _DATE_KEYS):
        problems.append(f"{source}: key 'dates.{key}': unknown (expected one of "
                        f"{', '.join(sorted(_DATE_KEYS))}; a key of another table below [dates]?)")

    def forms(key: str, count: int) -> tuple[tuple[str, ...], ...]:
        value = table.get(key)
        if not isinstance(value, list) or len(value) != count or not all(
                isinstance(f, list) and f and all(isinstance(w, str) and w for w in f)
                for f in value):
            problems.append(f"{source}: key 'dates.{key}': must be {count} arrays of words")
            return ()
        return tuple(tuple(w.casefold() for w in f) for f in value)

    def words(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            problems.append(f"{source}: key 'dates.{key}': must be an array of words")
            return ()
        return tuple(value)

    month_first = table.get("month_first", False)
    if not isinstance(month_first, bool):
        problems.append(f"{source}: key 'dates.month_first': must be true or false")
        month_first = False
    return DateWords(forms("weekdays", 7), forms("months", 12), words("yesterday"),
                     words("day_before_yesterday"), month_first)


@dataclass(frozen=True, slots=True)
class _Patterns:
    words: DateWords
    weekday: re.Pattern[str]
    explicit: tuple[re.Pattern[str], ...]
    relative: re.Pattern[str]


def _alternation(forms: tuple[str, ...]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=64)
def _patterns(words: DateWords) -> _Patterns:
    weekday = "|".join(f"(?P<w{i}>{_alternation(forms)})" for i, forms in enumerate(words.weekdays))
    month = "|".join(f"(?P<m{i}>{_alternation(forms)})" for i, forms in enumerate(words.months))
    year = r"(?:,?\s+(?:de\s+|del\s+)?(?P<year>(?:19|20)\d\d))?"
    explicit = [rf"(?<!\d)(?P<day>[0-3]?\d)(?:\.|º|er|st|nd|rd|th|-го)?\s+(?:de\s+|di\s+)?"
                rf"(?:{month})\.?{year}"]
    if words.month_first:
        explicit.append(rf"(?:{month})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d){year}")
    relative = "|".join(
        f"(?P<r{back}>{_alternation(forms)})"
        for back, forms in ((2, words.day_before_yesterday), (1, words.yesterday)) if forms)
    flags = re.IGNORECASE
    return _Patterns(
        words=words,
        weekday=re.compile(rf"(?<![\w'’-])(?:{weekday})(?![\w'’-])", flags),
        explicit=tuple(re.compile(rf"(?<![\w'’-])(?:{e})(?![\w'’-])", flags) for e in explicit),
        relative=re.compile(rf"(?<![\w'’-])(?:{relative})(?![\w'’-])" if relative else r"(?!x)x",
                            flags),
    )


def status_date(sentence: str, lang: str, published: date | None, status: Status,
                words: Mapping[str, DateWords]) -> date | None:
    """The date the sentence gives for the status, or None (= as of the article's date).
    `words` are the date words per language (the lexicons' [dates] tables); the article's
    language and English are tried."""
    if published is None or status not in _DATED_STATUSES:
        return None
    found: set[date] = set()
    for code in dict.fromkeys((lang, "en")):
        if code not in words:
            continue
        patterns = _patterns(words[code])
        found |= _explicit_dates(sentence, patterns, published)
        for match in patterns.relative.finditer(sentence):
            back = 2 if match.lastgroup == "r2" else 1
            found.add(published - timedelta(days=back))
        if status in _WEEKDAY_STATUSES:
            for match in patterns.weekday.finditer(sentence):
                if match.lastgroup is None:
                    continue
                back = (published.weekday() - int(match.lastgroup[1:])) % 7
                if back:  # the article's own weekday: that day, or a week ago - unclear
                    found.add(published - timedelta(days=back))
                else:
                    found.add(published)
    usable = {d for d in found if published - timedelta(days=MAX_DAYS_BACK) <= d <= published}
    if len(found) != 1 or len(usable) != 1:
        return None
    (when,) = usable
    return None if when == published else when


def days_named(text: str, published: date, words: DateWords, *, ahead: bool) -> set[date]:
    """The days a text's date words name, against the article's date: explicit dates,
    "yesterday", and weekdays. The article's own weekday is its day; another weekday is the
    next one when `ahead` (a future or present tense beside it: "travels to Moscow on
    Monday"), the last one otherwise ("arrived on Monday")."""
    patterns = _patterns(words)
    found = _explicit_dates(text, patterns, published)
    for match in patterns.relative.finditer(text):
        found.add(published - timedelta(days=2 if match.lastgroup == "r2" else 1))
    for match in patterns.weekday.finditer(text):
        if match.lastgroup is None:
            continue
        back = (published.weekday() - int(match.lastgroup[1:])) % 7
        found.add(published + timedelta(days=(7 - back) % 7) if ahead
                  else published - timedelta(days=back))
    return found


def _explicit_dates(sentence: str, patterns: _Patterns, published: date) -> set[date]:
    found: set[date] = set()
    matches = [m for pattern in patterns.explicit for m in pattern.finditer(sentence)]
    for match in matches:
        month = next((int(name[1:]) + 1 for name, value in match.groupdict().items()
                      if value and name.startswith("m") and name[1:].isdigit()), None)
        if month is None:
            continue
        day = int(match.group("day"))
        year = int(match.group("year")) if match.group("year") else published.year
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if not match.group("year") and when > published and \
                date(year - 1, month, min(day, 28)) >= published - timedelta(days=MAX_DAYS_BACK):
            # "on 30 December" in a January article is last year's
            when = _safe_date(year - 1, month, day) or when
        found.add(when)
    return found


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
