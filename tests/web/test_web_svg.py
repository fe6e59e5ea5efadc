"""The timeline drawing's geometry and colours (pure)."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest

from bot.domain import Status
from bot.web.svg import BACKGROUND, INK, MIN_GAP, MIN_WIDTH, STATUS_COLOURS, contrast, layout
from tests.support.builders import T0, entry


@pytest.mark.parametrize("status", list(Status))
def test_every_status_colour_is_legible_on_the_page(status: Status) -> None:
    assert contrast(STATUS_COLOURS[status], BACKGROUND) >= 4.5  # WCAG AA for text


def test_the_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just under AA
    assert contrast(INK, BACKGROUND) > 15


def test_dots_follow_the_dates_in_order() -> None:
    timeline = [entry(T0 + timedelta(days=30), Status.ACCEPTED), entry(T0, Status.PENDING),
                entry(T0 + timedelta(days=10), Status.RESPONDED)]
    drawing = layout(timeline)
    assert [d.entry.status for d in drawing.dots] == [Status.PENDING, Status.RESPONDED,
                                                     Status.ACCEPTED]
    xs = [d.x for d in drawing.dots]
    assert xs == sorted(xs)
    # proportional to time: 10 days of 30 is a third of the way
    assert (xs[1] - xs[0]) / (xs[2] - xs[0]) == pytest.approx(1 / 3, abs=0.01)
    assert drawing.dots[0].colour == STATUS_COLOURS[Status.PENDING]
    # labels alternate above and below the line
    assert drawing.dots[0].label_y < drawing.line_y < drawing.dots[1].label_y


def test_reports_on_one_day_are_pushed_apart_and_the_drawing_grows() -> None:
    timeline = [entry(T0 + timedelta(minutes=n), Status.PENDING, url=f"https://n.example/{n}")
                for n in range(12)]
    drawing = layout(timeline)
    xs = [d.x for d in drawing.dots]
    assert all(b - a >= MIN_GAP - 0.1 for a, b in pairwise(xs))
    assert drawing.width > MIN_WIDTH and xs[-1] < drawing.width


def test_one_report_and_none() -> None:
    (dot,) = layout([entry()]).dots
    assert 0 < dot.x < MIN_WIDTH
    assert layout([]).dots == ()
