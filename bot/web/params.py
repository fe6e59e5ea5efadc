"""The site's query strings read into filters, and keyset cursors written and read: pure,
so every bad input becomes one clear message (a 400 page) before the database is asked."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.domain import Status
from bot.errors import InvitewatchError
from bot.store.api import ListCursor

DEFAULT_LIMIT = 25
MAX_LIMIT = 100
MAX_SEARCH = 200
LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
FIGURE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,99}$")

# A figure name or key in, the figure's key out (None: no known figure by that name).
ResolveFigure = Callable[[str], str | None]


class BadQuery(InvitewatchError):
    """A query parameter the site cannot use; the message names the parameter."""


@dataclass(frozen=True, slots=True)
class ListQuery:
    """The list's filters as the reader gave them (`figure` as typed) and as keys."""

    statuses: tuple[Status, ...] = ()
    figure: str = ""
    figure_key: str | None = None
    lang: str | None = None
    search: str = ""
    limit: int = DEFAULT_LIMIT
    after: ListCursor | None = None

    def params(self, *, after: ListCursor | None = None) -> list[tuple[str, str]]:
        """The query string that gives this list (at the page after `after`)."""
        out = [("status", s.value) for s in self.statuses]
        out += [(k, v) for k, v in (("figure", self.figure), ("lang", self.lang or ""),
                                    ("q", self.search)) if v]
        if self.limit != DEFAULT_LIMIT:
            out.append(("limit", str(self.limit)))
        if after is not None:
            out.append(("after", encode_cursor(after)))
        return out


def encode_cursor(after: ListCursor) -> str:
    return f"{after.last_update.astimezone(UTC).isoformat()}_{after.id}"


def decode_cursor(text: str) -> ListCursor:
    when_text, _, id_text = text.rpartition("_")
    try:
        when = datetime.fromisoformat(when_text)
        last_id = int(id_text)
    except ValueError:
        raise BadQuery(f"after: {text!r} is not a page cursor; follow the site's "
                       "“next page” link") from None
    if when.tzinfo is None or not 0 < last_id < 2**63:
        raise BadQuery(f"after: {text!r} is not a page cursor; follow the site's "
                       "“next page” link")
    return ListCursor(when, last_id)


def figure_key(text: str, resolve: ResolveFigure | None) -> str:
    """The key of the figure named (or keyed) `text`: the gazetteer's, else a figure id as
    given, else the folded name (the key of a figure the gazetteer does not know)."""
    text = " ".join(text.split())
    if resolve is not None:
        key = resolve(text)
        if key:
            return key
    if text.startswith("name:") or FIGURE_ID.match(text):
        return text
    return "name:" + text.casefold()


def parse_statuses(values: list[str]) -> tuple[Status, ...]:
    out: list[Status] = []
    for value in values:
        if not value:
            continue  # the form's "any status"
        try:
            out.append(Status(value))
        except ValueError:
            raise BadQuery(f"status: {value!r} is not a status; one of "
                           f"{', '.join(s.value for s in Status)}") from None
    return tuple(dict.fromkeys(out))


def parse_limit(value: str | None) -> int:
    if not value:
        return DEFAULT_LIMIT
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise BadQuery(f"limit: {value!r} is not a number from 1 to {MAX_LIMIT}")
    return int(value)


def parse_list_query(query: Mapping[str, str], statuses: list[str],
                     resolve: ResolveFigure | None) -> ListQuery:
    """`query`: the single-valued parameters; `statuses`: every `status` given."""
    figure = " ".join(query.get("figure", "").split())
    lang = query.get("lang", "").strip() or None
    if lang is not None and not LANG.match(lang):
        raise BadQuery(f"lang: {lang!r} is not a language code such as en or pt-BR")
    search = " ".join(query.get("q", "").split())
    if len(search) > MAX_SEARCH:
        raise BadQuery(f"q: the search is longer than {MAX_SEARCH} characters")
    after = query.get("after", "").strip()
    return ListQuery(
        statuses=parse_statuses(statuses), figure=figure,
        figure_key=figure_key(figure, resolve) if figure else None, lang=lang,
        search=search, limit=parse_limit(query.get("limit")),
        after=decode_cursor(after) if after else None)


def parse_id(text: str) -> int | None:
    """An invitation number from a path; None when it cannot be one."""
    return int(text) if text.isdigit() and 0 < int(text) < 2**63 else None
