"""An invitation's timeline laid out for an SVG drawing: pure geometry, no markup (the
template draws it, escaping every text). Dates run along one line from the first report
to the last, each report a dot in its status's colour, labels alternately above and below
so neighbours do not collide."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain import Status, TimelineEntry

# Each status's colour: every one has a contrast of at least 4.5:1 on the page's white
# (WCAG AA for text), tested in tests/web/test_svg.py, so labels drawn in them stay legible.
STATUS_COLOURS: dict[Status, str] = {
    Status.PENDING: "#8a5a00",
    Status.ACCEPTED: "#1b6e20",
    Status.DECLINED: "#b00020",
    Status.RESPONDED: "#1f5fa8",
    Status.TOOK_PLACE: "#6a2c91",
    Status.WITHDRAWN: "#555555",
}
BACKGROUND = "#ffffff"
INK = "#1a1a1a"

MARGIN = 70.0  # room for the first and last labels
MIN_GAP = 90.0  # between two dots, so their labels fit
MIN_WIDTH = 640.0
HEIGHT = 130.0
LINE_Y = 62.0


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    label_y: float  # the status label's baseline; the date goes on the other side
    date_y: float
    entry: TimelineEntry
    colour: str

    @property
    def status_label(self) -> str:
        return self.entry.status.value.replace("_", " ")


@dataclass(frozen=True, slots=True)
class Drawing:
    width: float
    height: float
    line_y: float
    line_start: float
    line_end: float
    dots: tuple[Dot, ...]


def _positions(times: list[datetime], span: float) -> list[float]:
    """x of each time, proportional to the dates, then pushed apart to MIN_GAP."""
    first, last = times[0], times[-1]
    total = (last - first).total_seconds()
    xs = [MARGIN + (span * (t - first).total_seconds() / total if total > 0 else 0.0)
          for t in times]
    if len(times) == 1:
        return [MARGIN + span / 2]
    for i in range(1, len(xs)):
        xs[i] = max(xs[i], xs[i - 1] + MIN_GAP)
    return xs


def layout(timeline: list[TimelineEntry]) -> Drawing:
    """The drawing of a timeline in date order (an empty timeline: a bare line)."""
    entries = sorted(timeline, key=lambda e: (e.at, e.seen_at))
    span = max(MIN_WIDTH - 2 * MARGIN, MIN_GAP * max(len(entries) - 1, 0))
    xs = _positions([e.at for e in entries], span) if entries else []
    width = max(MIN_WIDTH, (xs[-1] if xs else 0.0) + MARGIN)
    dots = tuple(
        Dot(x=round(x, 1), label_y=LINE_Y - 22 if i % 2 == 0 else LINE_Y + 34,
            date_y=LINE_Y + 34 if i % 2 == 0 else LINE_Y - 22, entry=e,
            colour=STATUS_COLOURS[e.status])
        for i, (x, e) in enumerate(zip(xs, entries, strict=True)))
    return Drawing(width=round(width, 1), height=HEIGHT, line_y=LINE_Y,
                   line_start=MARGIN / 2, line_end=round(width - MARGIN / 2, 1), dots=dots)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
