"""Turning driver and SQLAlchemy errors into StoreError messages a person can act on."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def describe_error(exc: SQLAlchemyError, *, dialect: str, where: str,
                   busy_timeout: float) -> str:
    """A one-line message for `exc`; `where` is the database path or masked URL."""
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    detail = first_line(orig) if orig is not None else first_line(exc)
    low = detail.lower()
    state = _sqlstate(exc)
    if dialect == "sqlite" and ("database is locked" in low or "database is busy" in low):
        return (f"database {where} is locked by another process (waited {busy_timeout:g} s); "
                "another invitewatch may be running against it - stop it or try again later")
    if state in {"55P03", "40P01"} or "lock timeout" in low:
        return (f"database {where} is locked by another session (waited {busy_timeout:g} s): "
                f"{detail}; try again later")
    if "no such table" in low or state == "42P01" or "no such column" in low or state == "42703":
        return (f"database {where} has a missing or out-of-date schema ({detail}); "
                "run `invitewatch db upgrade`")
    if dialect == "sqlite" and "unable to open database file" in low:
        return f"cannot open the SQLite database {where}: check the path and its permissions"
    if "readonly database" in low or "read-only" in low:
        return f"database {where} is read-only: {detail}"
    if isinstance(exc, IntegrityError):
        return f"database {where} refused a change that breaks its rules: {detail}"
    if dialect == "postgresql" and _is_connect_error(exc, state, detail):
        return f"cannot reach PostgreSQL at {where}: {detail}"
    return f"database error on {where}: {detail}"


def _is_connect_error(exc: SQLAlchemyError, state: str | None, detail: str) -> bool:
    if state is not None and state.startswith("08"):  # SQLSTATE class 08: connection exception
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    low = detail.lower()
    return any(
        word in low
        for word in ("connection refused", "could not connect", "connection failed",
                     "timeout expired", "server closed the connection", "no route to host",
                     "name or service not known", "password authentication failed",
                     "does not exist")
    )
