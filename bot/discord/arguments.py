"""Parsing and checking slash-command arguments: pure functions that raise `UserInputError`
with a message telling the user what to type instead."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from bot.domain import MAX_SINCE_DAYS, Party, Status
from bot.domain import parse_since as domain_parse_since
from bot.errors import InvitewatchError

MAX_LIST_ITEMS = 25
MAX_LIST_TEXT = 1000
CLEAR_WORDS = frozenset({"any", "all", "*", "none", "clear"})

_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class UserInputError(InvitewatchError):
    """An argument the user can fix; the message is shown to them as it is.

    The message is an English template with `str.format` placeholders filled from `values`,
    so the error reply can show it in the server's language (`bot.i18n.t`); names and
    typed text go in as values and stay as written.
    """

    def __init__(self, message: str, /, **values: object) -> None:
        super().__init__(message.format(**values) if values else message)
        self.template = message
        self.values = values


def parse_since(text: str | None, now: datetime) -> datetime | None:
    """`2024-05-01` (UTC midnight) or `7d` / `2w` (before `now`); None when not given."""
    try:
        return domain_parse_since(text, now)
    except ValueError:
        raise _since_error((text or "").strip()) from None


def _since_error(text: str) -> UserInputError:
    """The domain's refusal, worded as a template the reply can translate."""
    shown = repr(text[:40])
    if re.match(r"^\d+\s*[dw]$", text, re.IGNORECASE):
        return UserInputError("`since` must be a span between 1d and {most}d; got {text}.",
                              most=MAX_SINCE_DAYS, text=shown)
    try:
        date.fromisoformat(text)
    except ValueError:
        return UserInputError("`since` must be a date like 2024-05-01 or a span like 7d or 2w; "
                              "got {text}.", text=shown)
    return UserInputError("`since` is in the future ({text}); give a past date or a span like "
                          "7d.", text=text[:40])


def split_list(text: str, what: str) -> list[str]:
    """Comma- or semicolon-separated items, stripped, deduplicated, in order."""
    if len(text) > MAX_LIST_TEXT:
        raise UserInputError("`{what}` is too long ({length} characters, at most {most}).",
                             what=what, length=len(text), most=MAX_LIST_TEXT)
    items: list[str] = []
    for raw in re.split(r"[,;\n]", text):
        item = raw.strip()
        if item and item not in items:
            items.append(item)
    if len(items) > MAX_LIST_ITEMS:
        raise UserInputError("`{what}` has {count} items; at most {most}.",
                             what=what, count=len(items), most=MAX_LIST_ITEMS)
    return items


def is_clear(text: str) -> bool:
    return text.strip().casefold() in CLEAR_WORDS


def parse_statuses(text: str) -> list[Status]:
    """`pending, accepted` -> statuses; `any` clears the filter (empty list)."""
    if is_clear(text):
        return []
    statuses: list[Status] = []
    for item in split_list(text, "statuses"):
        key = item.casefold().replace(" ", "_").replace("-", "_")
        if key == "tookplace":
            key = "took_place"
        try:
            status = Status(key)
        except ValueError:
            valid = ", ".join(s.value for s in Status)
            raise UserInputError("Unknown status `{item}`; use some of: {valid} (or `any`).",
                                 item=item[:40], valid=valid) from None
        if status not in statuses:
            statuses.append(status)
    return statuses


def parse_languages(text: str) -> list[str]:
    """`de, en` -> ISO 639 codes; `any` clears the filter."""
    if is_clear(text):
        return []
    languages: list[str] = []
    for item in split_list(text, "languages"):
        code = item.casefold()
        if not _LANGUAGE.match(code):
            raise UserInputError("`{item}` is not a language code; use two- or three-letter "
                                 "codes like `de, en, fr`.", item=item[:40])
        if code not in languages:
            languages.append(code)
    return languages


FigureResolver = Callable[[str], "tuple[str, str] | None"]


def figure_key(text: str, resolve: FigureResolver) -> tuple[str, str]:
    """A figure argument (an autocomplete value or typed text) -> (Party key, display name).

    Autocomplete values are already keys; typed names go through the gazetteer, and a name
    it does not know is kept as a name key, which is how the tracker stores such figures.
    """
    text = " ".join(text.split())
    if not text:
        raise UserInputError("Give a figure's name, e.g. `Vladimir Putin`.")
    if len(text) > 100:
        raise UserInputError("A figure's name has at most 100 characters.")
    if text.startswith("name:"):
        name = text.removeprefix("name:").strip()
        if not name:
            raise UserInputError("Give a figure's name, e.g. `Vladimir Putin`.")
        return Party(name).key, name
    resolved = resolve(text)
    if resolved is not None:
        return resolved
    return Party(text).key, text


def parse_figures(text: str, resolve: FigureResolver) -> list[tuple[str, str]]:
    """A comma-separated list of figures -> [(key, name)]; `any` clears the filter."""
    if is_clear(text):
        return []
    figures: list[tuple[str, str]] = []
    for item in split_list(text, "figures"):
        key, name = figure_key(item, resolve)
        if key not in {k for k, _ in figures}:
            figures.append((key, name))
    return figures


def parse_confidence(value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise UserInputError("`min_confidence` must be between 0 and 1; got {value}.", value=value)
    return value


_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
SOURCE_KINDS = ("news", "x", "bluesky", "mastodon", "telegram", "youtube", "threads", "instagram")


def parse_countries(text: str) -> list[str]:
    """`RU, us` -> ISO 3166 alpha-2 codes (upper case); `any` clears the filter."""
    if is_clear(text):
        return []
    codes: list[str] = []
    for item in split_list(text, "countries"):
        if not _COUNTRY.match(item):
            raise UserInputError("`{item}` is not a country code; use two-letter ISO codes "
                                 "like `RU, US, FR`.", item=item[:40])
        if item.upper() not in codes:
            codes.append(item.upper())
    return codes


def parse_choices(text: str, what: str, allowed: tuple[str, ...], unknown: str) -> list[str]:
    """Comma-separated words each from `allowed` (case and spaces forgiven); `any` clears.
    `what` names the option; `unknown` is the error's template (marked with `N_` where it
    is written, so it is translated), with `{item}` and `{valid}` to fill in."""
    if is_clear(text):
        return []
    chosen: list[str] = []
    for item in split_list(text, what):
        word = item.casefold().replace(" ", "_").replace("-", "_")
        if word not in allowed:
            raise UserInputError(unknown, item=item[:40], valid=", ".join(allowed))
        if word not in chosen:
            chosen.append(word)
    return chosen


def parse_known_figures(text: str, resolve: FigureResolver,
                        seen: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Like `parse_figures`, but a name neither the gazetteer nor any invitation knows is an
    error (a typo would otherwise silently match nothing); `name:Jane Doe` forces a name."""
    if is_clear(text):
        return []
    figures: list[tuple[str, str]] = []
    for item in split_list(text, "figures"):
        key, name = figure_key(item, resolve)
        if key.startswith("name:") and not item.startswith("name:") and not seen(name):
            raise UserInputError(
                "Unknown figure `{item}`: not in the gazetteer and in no invitation yet. "
                "Check the spelling (`/figure` suggests names), or write `name:{item}` to "
                "follow someone the gazetteer does not know.", item=item[:60])
        if key not in {k for k, _ in figures}:
            figures.append((key, name))
    return figures
