"""Page arithmetic for list commands: pure."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n import SOURCE, t

PAGE_SIZE = 5


@dataclass(frozen=True, slots=True)
class Page:
    """Page `number` (0-based) of `total` items, `size` at a time."""

    number: int
    total: int
    size: int = PAGE_SIZE

    def __post_init__(self) -> None:
        if self.size < 1:
            raise ValueError("page size must be at least 1")
        if self.number < 0 or self.total < 0:
            raise ValueError("page number and total must not be negative")

    @property
    def count(self) -> int:
        """How many pages there are (at least one, even when empty)."""
        return max(1, -(-self.total // self.size))

    @property
    def offset(self) -> int:
        return self.number * self.size

    @property
    def has_previous(self) -> bool:
        return self.number > 0

    @property
    def has_next(self) -> bool:
        return self.number + 1 < self.count

    def clamped(self) -> Page:
        """The same page, or the last one if the total shrank under it."""
        return Page(min(self.number, self.count - 1), self.total, self.size)

    def previous(self) -> Page:
        return Page(max(0, self.number - 1), self.total, self.size)

    def next(self) -> Page:
        return Page(min(self.count - 1, self.number + 1), self.total, self.size)

    def describe(self, lang: str = SOURCE) -> str:
        if self.total == 0:
            return t(lang, "no results")
        first = self.offset + 1
        last = min(self.total, self.offset + self.size)
        return t(lang, "page {number}/{count} · {first}–{last} of {total}", number=self.number + 1,
                 count=self.count, first=first, last=last, total=self.total)
