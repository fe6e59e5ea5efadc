"""A figure's home country as a place of the tracker's place tree (issue 15, story20 round).

"Li Qiang invited Albanese to visit again" ("再次访华", "a visit", no place read) is an
invitation to the inviter's country: a leader invites a counterpart to his own country, not
anywhere. So a one-party report that the invitee arrived in a place inside that country is
the invitation's outcome (`lone._home_visit`), as it is for an invitation that named the
country. The country comes from the built-in gazetteer's `country` code
(`bot/data/figures.toml`, package data read once, like `places.toml`) and is named by
`bot/tracker/homes.toml` (code = the country's canonical name in the place tree). A figure
found only from the text, or without a country, has no home: nothing is inferred for it.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from bot.domain import Party


def _load(package: str, name: str) -> dict[str, Any]:
    return tomllib.loads((files(package) / name).read_text(encoding="utf-8"))


@cache
def _homes() -> dict[str, str]:
    """Gazetteer id -> the canonical name of the figure's country."""
    countries = _load("bot.tracker", "homes.toml").get("countries", {})
    homes: dict[str, str] = {}
    for figure in _load("bot.data", "figures.toml").get("figures", []):
        code, ident = figure.get("country"), figure.get("id")
        if isinstance(code, str) and isinstance(ident, str) and code in countries:
            homes[ident] = countries[code]
    return homes


def home_place(party: Party) -> str | None:
    """The country `party` leads or lives in, as a place name; None when unknown."""
    if party.figure_id is None:
        return None
    return _homes().get(party.figure_id)
