"""The Jinja2 environment: templates are package data (`bot/web/templates/`), every
value is escaped (autoescape on, for the inline SVG too), a missing variable is an error."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from bot.domain import Status
from bot.web.svg import STATUS_COLOURS, layout
from bot.web.text import day, figure_path, safe_href, status_label


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("bot.web", "templates"),
        autoescape=select_autoescape(["html", "svg"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(status_label=status_label, safe_href=safe_href, day=day,
                       colour=lambda s: STATUS_COLOURS[s])
    env.globals.update(figure_path=figure_path, layout=layout, statuses=list(Status))
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
