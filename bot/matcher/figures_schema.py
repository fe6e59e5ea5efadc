"""The schema of one `[[figures]]` table of a figures file (the built-in gazetteer and a
host's overlay), as pydantic models: unknown keys, wrong types, unknown kinds and
categories and malformed dates or handles are refused here, and `schema_problems` turns
pydantic's errors into the loader's "file: figure: key 'x': what" lines so a host sees
every problem at once. Cross-figure rules (unique ids, shared spellings, references,
overlapping titles) need the whole file and stay with the loader and `figures_check`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from bot.matcher.handles import HANDLE_PATTERNS


class FigureKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


# Spellings hosts write for a kind; accepted rather than refused, as before the schema.
KIND_SYNONYMS = {"organization": "organisation", "org": "organisation"}


class FigureCategory(StrEnum):
    """The vocabulary the file header documents; `other` when none fits."""

    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"
    MINISTER = "minister"
    SPOKESPERSON = "spokesperson"
    POLITICIAN = "politician"
    ROYAL = "royal"
    RELIGIOUS = "religious"
    BUSINESS = "business"
    ENTERTAINMENT = "entertainment"
    SPORT = "sport"
    MEDIA = "media"
    ACTIVIST = "activist"
    OFFICIAL = "official"
    MILITARY = "military"
    OTHER = "other"


def _kind(value: Any) -> Any:
    return KIND_SYNONYMS.get(value, value) if isinstance(value, str) else value


def _date(value: Any) -> Any:
    """TOML dates as they are, a datetime as its day, "YYYY-MM-DD" text parsed; anything
    else is refused with the format to write (pydantic's own message names no format)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"not a date (write YYYY-MM-DD): {value!r}")


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Day = Annotated[date | None, BeforeValidator(_date)]


def _handle_check(platform: str) -> Callable[[str], str]:
    pattern = HANDLE_PATTERNS[platform]

    def check(handle: str) -> str:
        if not pattern.fullmatch(handle):
            raise ValueError(f"{handle!r} is not a valid {platform} handle")
        return handle
    return check


def _handles_of(platform: str) -> Any:
    return Annotated[list[Annotated[Text, AfterValidator(_handle_check(platform))]],
                     Field(default_factory=list)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlatformHandles(_Model):
    """`[figures.handles]`: handles per platform, each checked against what it allows."""

    x: _handles_of("x")  # type: ignore[valid-type]
    bluesky: _handles_of("bluesky")  # type: ignore[valid-type]
    mastodon: _handles_of("mastodon")  # type: ignore[valid-type]
    telegram: _handles_of("telegram")  # type: ignore[valid-type]
    instagram: _handles_of("instagram")  # type: ignore[valid-type]
    youtube: _handles_of("youtube")  # type: ignore[valid-type]
    threads: _handles_of("threads")  # type: ignore[valid-type]

    def by_platform(self) -> dict[str, tuple[str, ...]]:
        """The platforms the file lists (an empty list still counts as listed)."""
        return {p: tuple(getattr(self, p)) for p in HANDLE_PATTERNS if p in self.model_fields_set}


def _handles_form(value: Any) -> str | None:
    if isinstance(value, list):
        return "flat"
    if isinstance(value, dict | PlatformHandles):
        return "per_platform"
    return None


Handles = Annotated[
    Annotated[list[str], Tag("flat")] | Annotated[PlatformHandles, Tag("per_platform")],
    Discriminator(_handles_form, custom_error_type="handles_form",
                  custom_error_message="must be an array of handles or a table of them per "
                                       f"platform ({', '.join(HANDLE_PATTERNS)})"),
]


class RoleEntry(_Model):
    """`[[figures.roles]]`: titles standing for the figure from `from` until `until`."""

    titles: Annotated[list[str], Field(min_length=1)]
    start: Day = Field(default=None, alias="from")
    until: Day = None

    @field_validator("until")
    @classmethod
    def _after_start(cls, until: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start")
        if start is not None and until is not None and until < start:
            raise ValueError(f"{until} is before 'from' {start}")
        return until


class SpeaksForEntry(_Model):
    """`[[figures.speaks_for]]`: a principal this spokesperson answers for, dated."""

    id: Text
    start: Day = Field(default=None, alias="from")
    until: Day = None


class FigureEntry(_Model):
    """One `[[figures]]` table."""

    id: Text
    name: Text
    kind: Annotated[FigureKind, BeforeValidator(_kind)] = FigureKind.PERSON
    category: FigureCategory = FigureCategory.OTHER
    country: str | None = None  # ISO 3166 alpha-2; "" for international
    aliases: list[str] = Field(default_factory=list)
    handles: Handles = Field(default_factory=list)
    roles: list[RoleEntry] = Field(default_factory=list)
    spokesperson_for: Text | None = None
    speaks_for: list[SpeaksForEntry] = Field(default_factory=list)
    # "f" / "m": which pronouns of a later sentence may stand for the figure ("She invited
    # him"); absent where nobody checked (a masculine pronoun may then stand for it)
    gender: Literal["f", "m"] | None = None
    # "family_first" / "given_first": which word of `name` is the family name a later
    # mention uses alone ("Lee Jae-myung" -> "Lee"); absent: the country's order
    # (`_countries.toml` `family_name_first`), else the last word (issue 14, stop 31, fixk)
    name_order: Literal["family_first", "given_first"] | None = None


_TAGS = frozenset({"flat", "per_platform"})


def _key(loc: tuple[int | str, ...]) -> str:
    """('roles', 0, 'from') -> "roles[0].from" (union tags dropped)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part not in _TAGS:
            out += f".{part}" if out else part
    return out


# pydantic's words for Python types, in the words of TOML a host edits
_TOML_WORDS = {
    "list_type": "must be an array",
    "string_type": "must be a string",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "bool_type": "must be true or false",
}

_PREFIX = re.compile(r"^(Value error|Assertion failed), ")


def _message(error: Any) -> str:
    if error["type"] == "missing":
        return "missing"
    if error["type"] == "extra_forbidden":
        if error["loc"][0] == "handles":
            return f"unknown platform; use one of {', '.join(HANDLE_PATTERNS)}"
        return "unknown key"
    if error["type"] == "enum":
        return f"must be one of {error['ctx']['expected']}, got {error['input']!r}"
    if error["type"] == "too_short":
        return "must not be empty"
    message = _TOML_WORDS.get(error["type"]) or _PREFIX.sub("", str(error["msg"]))
    if error["type"] in {"value_error", "handles_form"}:
        return message
    return f"{message}, got {error['input']!r}"


def validate_figure(entry: Any, where: str) -> tuple[FigureEntry | None, list[str]]:
    """The validated figure, or None and every problem as "where: key 'k': what"."""
    if not isinstance(entry, dict):
        return None, [f"{where}: must be a table, got {type(entry).__name__}"]
    try:
        return FigureEntry.model_validate(entry), []
    except ValidationError as exc:
        return None, [f"{where}: key {_key(e['loc'])!r}: {_message(e)}"
                      for e in exc.errors(include_url=False)]
