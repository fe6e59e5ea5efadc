"""A Mastodon account through its instance's public API, no login: `accounts/lookup` finds
the account id, `accounts/:id/statuses` lists its posts newest first (Link-header
pagination). Reblogs are left out: they are other people's posts."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import aiohttp

from bot.domain import Article
from bot.errors import FetchError, ParseError
from bot.feeds.fetch import FetchLimits
from bot.feeds.parse import ParsedFeed
from bot.feeds.sources.common import Notes, dedupe, iso_datetime, next_link
from bot.feeds.sources.http import Endpoints, exhausted, get_json, need
from bot.feeds.sources.ref import SourceRef
from bot.feeds.text import html_to_text, plain_text

PAGE_SIZE = 40  # the API's maximum


async def fetch_mastodon(session: aiohttp.ClientSession, ref: SourceRef, limits: FetchLimits,
                         endpoints: Endpoints) -> ParsedFeed:
    user, _, instance = ref.account.partition("@")
    base = f"{endpoints.mastodon_scheme}://{instance}"
    lookup = f"{base}/api/v1/accounts/lookup?acct={quote(user)}"
    try:
        account, _ = await get_json(session, lookup, limits)
    except FetchError as exc:
        if exc.status in (404, 410):
            raise FetchError(f"no such Mastodon account {ref.display} (or it was deleted or "
                             f"suspended): {exc}", permanent=True, status=exc.status) from exc
        raise
    account = need(account, dict, "the account", lookup)
    account_id = need(account.get("id"), str, "the account id", lookup)
    name = str(account.get("display_name") or "").strip() or ref.display
    url: str | None = (f"{base}/api/v1/accounts/{quote(account_id)}/statuses"
                       f"?limit={PAGE_SIZE}&exclude_reblogs=true")
    notes = Notes()
    articles: list[Article] = []
    pages = 0
    while url and pages < endpoints.max_pages:
        statuses, result = await get_json(session, url, limits)
        pages += 1
        for position, status in enumerate(need(statuses, list, "the list of statuses", url)):
            try:
                article = status_article(status, instance=instance, outlet=name)
            except (ParseError, KeyError, TypeError, ValueError) as exc:
                notes.unreadable.append(f"status {position + 1}: {exc}")
                continue
            if article is None:
                notes.media_only += 1
            else:
                articles.append(article)
        url = next_link(result.headers.get("link"), url)
        if url and exhausted(result.headers):
            notes.stopped = "rate limit reached: older pages wait for the next poll"
            break
    return ParsedFeed(title=f"{name} (Mastodon {ref.display})", lang=None,
                      entries=dedupe(articles), warning=notes.warning())


def status_article(status: Any, *, instance: str, outlet: str | None) -> Article | None:
    """One status as an Article; None when it has no text (media only)."""
    if not isinstance(status, dict):
        raise ParseError("a status is not an object")
    status_id = str(status.get("id") or "").strip()
    if not status_id:
        raise ParseError("a status has no id")
    # The same spelling as a reply's `in_reply_to`, so a reply finds the post it answers.
    key = status_key(instance, status_id)
    text = html_to_text(str(status.get("content") or ""))
    warning = plain_text(str(status.get("spoiler_text") or ""))
    if warning:
        text = f"{warning}\n{text}" if text else warning
    if not text.strip():
        return None
    account = status.get("account") or {}
    acct = str(account.get("acct") or "").strip() if isinstance(account, dict) else ""
    if acct and "@" not in acct:  # a local account: acct is the bare user name
        acct = f"{acct}@{instance}"
    language = status.get("language")
    return Article(
        key=key,
        text=text,
        url=str(status.get("url") or "") or None,
        published=iso_datetime(status.get("created_at")),
        lang=language if isinstance(language, str) and language else None,
        outlet=outlet,
        author=f"@{acct}" if acct else None,
        platform="mastodon",
        in_reply_to=_answered(status, instance),
    )


def status_key(instance: str, status_id: str) -> str:
    """A status as the instance it was read from numbers it (ids are per instance)."""
    return f"mastodon:{instance}/statuses/{status_id}"


def _answered(status: dict[str, Any], instance: str) -> str | None:
    parent = status.get("in_reply_to_id")
    if parent:
        return status_key(instance, str(parent))
    quote_ = status.get("quote")
    if isinstance(quote_, dict):
        quoted = quote_.get("quoted_status")
        if isinstance(quoted, dict) and quoted.get("id"):
            # A quote-post answers the quoted status, spelled as the instance numbers it.
            return status_key(instance, str(quoted["id"]))
    return None
