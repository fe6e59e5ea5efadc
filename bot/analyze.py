"""The `analyze` contract: JSON Lines of articles in, JSON Lines of invitations out.

Input, one article per line: {"id": str, "text": str, "title": str?, "date": "YYYY-MM-DD"?,
"lang": str?, "url": str?, "author": str?, "platform": str?, "in_reply_to": str?}. A post
has an `author` (a handle with "@", or a name) who is the inviter of its first-person
invitations; a post with `in_reply_to` (the id or URL of an earlier line, the post it
answers) by that post's invitee reports the status of the invitation ("Sure, let's do
it" = accepted) as an invitation of its own line. Output, one line per input line, in order: {"id", "lang",
"invitations": [{"inviter", "invitee", "occasion", "status", "confidence", "evidence"}],
"observations": [{"parties", "kind", "status", "evidence"}]}, or {"id", "error"} for a
malformed (or blank) line. `observations` (added by issue 14) are what the article reports
between two figures without an invitation word - a meeting, a visit, attendance, a
cancellation - which moves an invitation already tracked but never creates one. Keep this stable: other tools and our
evaluation depend on it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

from bot.domain import Article, MatchResult, Mention
from bot.matcher import Matcher

MAX_TEXT_CHARS = 2_000_000


class InputError(ValueError):
    """A line that does not follow the input contract."""


def parse_date(value: Any) -> datetime | None:
    """`YYYY-MM-DD` (or a full ISO timestamp) to an aware datetime; noon UTC for a date."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f'"date" must be a string like "2021-02-14", got {type(value).__name__}')
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(12), tzinfo=UTC)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f'"date" is not a date in YYYY-MM-DD form: {value!r}') from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def article_from_json(obj: Any) -> Article:
    if not isinstance(obj, dict):
        raise InputError("a line must be a JSON object")
    ident = obj.get("id")
    if not isinstance(ident, str | int) or isinstance(ident, bool) or str(ident) == "":
        raise InputError('"id" is missing or not a string')
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError('"text" is missing or not a string')
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f'"text" is longer than {MAX_TEXT_CHARS} characters')
    optional: dict[str, str | None] = {}
    for key in ("title", "lang", "url", "outlet", "author", "platform", "in_reply_to"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f'"{key}" must be a string')
        optional[key] = value
    return Article(key=str(ident), text=text, title=optional["title"] or "",
                   url=optional["url"] or None, published=parse_date(obj.get("date")),
                   lang=(optional["lang"] or None), outlet=optional["outlet"],
                   author=_post_field(optional["author"], "author"),
                   platform=_platform(optional["platform"]),
                   in_reply_to=_post_field(optional["in_reply_to"], "in_reply_to"))


PLATFORMS = frozenset({"x", "bluesky", "mastodon", "telegram", "youtube", "threads",
                       "instagram", "news"})


def _post_field(value: str | None, key: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > 500 or "\n" in value:
        raise InputError(f'"{key}" must be one line of at most 500 characters')
    return value.strip()


def _platform(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if value.strip().lower() not in PLATFORMS:
        raise InputError(f'"platform" must be one of {", ".join(sorted(PLATFORMS))}, '
                         f"not {value[:40]!r}")
    return value.strip().lower()


def result_to_json(ident: str, result: MatchResult) -> dict[str, Any]:
    return {
        "id": ident,
        "lang": result.lang,
        "invitations": [
            {
                "inviter": m.inviter.name,
                "invitee": m.invitee.name,
                "occasion": m.occasion.describe(),
                "status": m.status.value,
                "confidence": round(max(0.0, min(1.0, m.confidence)), 3),
                "evidence": m.evidence,
            }
            for m in result.mentions
        ],
        "observations": [
            {
                "parties": [o.first.name, o.second.name],
                "kind": o.occasion.kind.value,
                "status": o.status.value,
                "evidence": o.evidence,
            }
            for o in result.observations
        ] + [
            # issue 14, outcome round: attendance, arrivals and cancellations of ONE figure
            # ("X will not attend the summit in London") are observations too; `parties`
            # then holds that one name (the tracker reads them as lone observations).
            {
                "parties": [o.party.name],
                "kind": o.occasion.kind.value,
                "status": o.status.value,
                "evidence": o.evidence,
            }
            for o in result.lone_observations
        ],
    }


def _id_of(line: str) -> Any:
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj.get("id") if isinstance(obj, dict) else None


def _answered(result: MatchResult, posts: dict[str, tuple[Mention, ...]]) -> MatchResult:
    """A reply whose parent is an earlier line: the parent's invitation to the reply's
    author, with the status the reply gives it (one such invitation, else none)."""
    reply = result.reply
    if reply is None or reply.in_reply_to not in posts:
        return result
    invited = [m for m in posts[reply.in_reply_to] if m.invitee.key == reply.author.key]
    if len(invited) != 1:
        return result
    answer = replace(invited[0], status=reply.status, evidence=reply.evidence,
                     confidence=round(min(reply.confidence, invited[0].confidence), 3))
    return replace(result, mentions=(*result.mentions, answer))


def analyze_lines(lines: Iterable[str | bytes], matcher: Matcher) -> Iterator[dict[str, Any]]:
    """One output object per input line, in order; never raises on bad input. Lines may
    be bytes (read as UTF-8, so one badly encoded line costs only that line)."""
    posts: dict[str, tuple[Mention, ...]] = {}  # earlier lines by id and url, for replies
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield {"id": None, "error": f"line {number}: not UTF-8 text ({exc.reason} at "
                                            f"byte {exc.start})"}
                continue
        else:
            line = raw
        if not line.strip():
            yield {"id": None, "error": f"line {number}: empty line"}
            continue
        try:
            article = article_from_json(json.loads(line))
        except ValueError as exc:  # JSONDecodeError and InputError
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield {"id": _id_of(line), "error": f"line {number}: {reason}"}
            continue
        try:
            result = matcher.match(article)
        except Exception as exc:  # the matcher must not fail, but one article never stops a run
            yield {"id": article.key, "error": f"line {number}: matcher failed: {exc}"}
            continue
        result = _answered(result, posts)
        if result.mentions:
            for name in (article.key, article.url):
                if name:
                    posts[name] = result.mentions
        yield result_to_json(article.key, result)
