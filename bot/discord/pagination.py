"""Page arithmetic for list commands: pure.

Pages are walked by keyset (the store reads the rows after the last one shown, or before
the first), not found by an offset: the number is where the walk is, for the footer, and
whether there is a previous or next page is what the store said when it read the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import SOURCE, format_count, t

PAGE_SIZE = 5
# A list's footer counts its rows up to this many: beyond, "more than" (a full count is a
# scan of every matching row, the slowest part of a page at 100,000 invitations).
COUNT_CAP = 1000


@dataclass(frozen=True, slots=True)
class Page:
    """Page `number` (0-based) of `total` items, `size` at a time, showing `shown` rows."""

    number: int
    total: int
    size: int = PAGE_SIZE
    shown: int = 0
    has_previous: bool = False
    has_next: bool = False

    def __post_init__(self) -> None:
        if self.size < 1:
            raise ValueError("page size must be at least 1")
        if self.number < 0 or self.total < 0 or self.shown < 0:
            raise ValueError("page number, total and rows shown must not be negative")

    @classmethod
    def at(cls, number: int, total: int, size: int = PAGE_SIZE) -> Page:
        """Page `number` of a list held whole in memory (it may be counted, so it is
        found by position), or its last page if the list is shorter."""
        count = max(1, -(-total // size))
        number = min(max(0, number), count - 1)
        shown = max(0, min(size, total - number * size))
        return cls(number, total, size, shown, has_previous=number > 0,
                   has_next=number + 1 < count)

    @classmethod
    def first(cls, total: int, shown: int, more: bool, size: int = PAGE_SIZE) -> Page:
        return cls(0, total, size, shown, has_previous=False, has_next=more)

    def next(self, total: int, shown: int, more: bool) -> Page:
        """The page after this one: `more`, the store found rows after it."""
        return Page(self.number + 1, total, self.size, shown, has_previous=True, has_next=more)

    def previous(self, total: int, shown: int, more: bool) -> Page:
        """The page before this one: `more`, the store found rows before it. Without
        any, it is the first page, whatever the count said (rows may have come or gone)."""
        number = max(0, self.number - 1) if more else 0
        return Page(number, total, self.size, shown, has_previous=more, has_next=True)

    @property
    def capped(self) -> bool:
        """Whether the total is only "more than COUNT_CAP" (counted up to COUNT_CAP + 1)."""
        return self.total > COUNT_CAP

    @property
    def count(self) -> int:
        """How many pages there are (at least one, even when empty)."""
        return max(1, -(-self.total // self.size), self.number + 1)

    def describe(self, lang: str = SOURCE) -> str:
        if self.total == 0 or self.shown == 0:
            return t(lang, "no results")
        first = self.number * self.size + 1
        if self.capped:
            return t(lang, "page {number} · {first}–{last} of more than {cap}",
                     number=self.number + 1, first=first, last=first + self.shown - 1,
                     cap=format_count(COUNT_CAP, lang))
        first = min(first, self.total)
        last = min(self.total, first + self.shown - 1)
        return t(lang, "page {number}/{count} · {first}–{last} of {total}", number=self.number + 1,
                 count=self.count, first=first, last=last, total=self.total)
