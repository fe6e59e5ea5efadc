"""The project's own exception types: every layer turns foreign errors into these."""

from __future__ import annotations


class InvitewatchError(Exception):
    """Base class: anything the user can be told about in one clear message."""


class ConfigError(InvitewatchError):
    """A configuration problem. `problems` lists every one found, each naming file and key."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems) if self.problems else "invalid configuration")


class FetchError(InvitewatchError):
    """A feed could not be fetched (network, HTTP status, limits, hostile URL)."""

    def __init__(self, message: str, *, permanent: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.permanent = permanent  # retrying will not help (404, 410, a bad URL)
        self.status = status


class ParseError(InvitewatchError):
    """A fetched document is not a usable feed."""


class StoreError(InvitewatchError):
    """The database failed (locked, unreachable, schema out of date)."""
