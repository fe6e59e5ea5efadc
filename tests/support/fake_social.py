"""Fake social platforms on a LocalHTTPServer, serving the documented public formats:
Mastodon's REST API (accounts/lookup, accounts/:id/statuses with Link pagination), the
Bluesky AppView's getAuthorFeed (cursor pagination) and Telegram's t.me/s/ preview."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Any

from aiohttp import web

from tests.support.http_server import LocalHTTPServer

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def stamp(minutes: int) -> str:
    return (T0 + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")


@dataclass
class FakeMastodon:
    server: LocalHTTPServer
    accounts: dict[str, str] = field(default_factory=dict)  # user -> id
    statuses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # id -> newest first
    # answers served instead of the statuses page, one per request, then normal again
    interruptions: list[web.Response] = field(default_factory=list)
    remaining: int | None = None  # X-RateLimit-Remaining to announce

    def install(self) -> None:
        self.server.handle("/api/v1/accounts/lookup", self._lookup)
        for account_id in self.accounts.values():
            self.server.handle(f"/api/v1/accounts/{account_id}/statuses", self._statuses)

    @property
    def instance(self) -> str:
        return f"127.0.0.1:{self.server.port}"

    def post(self, user: str, status_id: str, html: str, *, minutes: int = 0,
             reply_to: str | None = None, lang: str = "en", media_only: bool = False,
             quote_of: str | None = None) -> None:
        account_id = self.accounts[user]
        status = {
            "id": status_id, "created_at": stamp(minutes), "language": lang,
            "uri": f"http://{self.instance}/users/{user}/statuses/{status_id}",
            "url": f"http://{self.instance}/@{user}/{status_id}",
            "in_reply_to_id": reply_to, "in_reply_to_account_id": None,
            "content": "" if media_only else html, "spoiler_text": "", "reblog": None,
            "media_attachments": [{"type": "image"}] if media_only else [],
            "account": {"id": account_id, "acct": user, "username": user,
                        "display_name": user.title()},
        }
        if quote_of is not None:  # Mastodon 4.4+ quote posts
            status["quote"] = {"state": "accepted", "quoted_status": {"id": quote_of}}
        self.statuses.setdefault(account_id, []).insert(0, status)

    async def _lookup(self, request: web.Request) -> web.StreamResponse:
        user = request.query.get("acct", "")
        if user not in self.accounts:
            return web.json_response({"error": "Record not found"}, status=404)
        return web.json_response({"id": self.accounts[user], "acct": user, "username": user,
                                  "display_name": user.title()})

    async def _statuses(self, request: web.Request) -> web.StreamResponse:
        if self.interruptions:
            return self.interruptions.pop(0)
        account_id = request.path.split("/")[4]
        limit = int(request.query.get("limit", "20"))
        max_id = request.query.get("max_id")
        items = self.statuses.get(account_id, [])
        if max_id is not None:
            items = [s for s in items if int(s["id"]) < int(max_id)]
        page = items[:limit]
        headers = {}
        if len(items) > limit:
            nxt = f"http://{self.instance}{request.path}?limit={limit}&max_id={page[-1]['id']}"
            headers["Link"] = f'<{nxt}>; rel="next", <{nxt}&min_id=0>; rel="prev"'
        if self.remaining is not None:
            headers["X-RateLimit-Remaining"] = str(self.remaining)
        return web.json_response(page, headers=headers)


@dataclass
class FakeBluesky:
    server: LocalHTTPServer
    feeds: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # handle -> newest first
    dids: dict[str, str] = field(default_factory=dict)
    page_size: int | None = None
    interruptions: list[web.Response] = field(default_factory=list)

    def install(self) -> None:
        self.server.handle("/xrpc/app.bsky.feed.getAuthorFeed", self._author_feed)

    @property
    def base(self) -> str:
        return self.server.base_url

    def account(self, handle: str) -> None:
        self.dids[handle] = f"did:plc:{handle.split('.')[0]:x<24}"[:32]
        self.feeds[handle] = []

    def uri(self, handle: str, rkey: str) -> str:
        return f"at://{self.dids[handle]}/app.bsky.feed.post/{rkey}"

    def post(self, handle: str, rkey: str, text: str, *, minutes: int = 0,
             reply_to: str | None = None, quote: str | None = None,
             repost: bool = False, langs: tuple[str, ...] = ("en",)) -> None:
        record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": text,
                                  "createdAt": stamp(minutes), "langs": list(langs)}
        if reply_to:
            ref = {"uri": reply_to, "cid": "bafyparent"}
            record["reply"] = {"root": ref, "parent": ref}
        if quote:
            record["embed"] = {"$type": "app.bsky.embed.record",
                               "record": {"uri": quote, "cid": "bafyquoted"}}
        item: dict[str, Any] = {"post": {
            "uri": self.uri(handle, rkey), "cid": f"bafy{rkey}",
            "author": {"did": self.dids[handle], "handle": handle,
                       "displayName": handle.split(".")[0].title()},
            "record": record, "indexedAt": stamp(minutes)}}
        if repost:
            item["reason"] = {"$type": "app.bsky.feed.defs#reasonRepost",
                              "by": {"did": self.dids[handle], "handle": handle}}
        self.feeds[handle].insert(0, item)

    async def _author_feed(self, request: web.Request) -> web.StreamResponse:
        if self.interruptions:
            return self.interruptions.pop(0)
        actor = request.query.get("actor", "")
        handle = next((h for h, d in self.dids.items() if actor in (h, d)), None)
        if handle is None:
            return web.json_response({"error": "InvalidRequest",
                                      "message": "Profile not found"}, status=400)
        size = self.page_size or int(request.query.get("limit", "50"))
        start = int(request.query.get("cursor", "0"))
        items = self.feeds[handle][start:start + size]
        answer: dict[str, Any] = {"feed": items}
        if start + size < len(self.feeds[handle]):
            answer["cursor"] = str(start + size)
        return web.json_response(answer)


def telegram_page(channel: str, title: str, posts: list[tuple[int, str, str | None]],
                  ) -> str:
    """A t.me/s/<channel> preview: posts are (number, text html, reply-to number)."""
    blocks = []
    for number, html, reply in posts:
        reply_html = (f'<a class="tgme_widget_message_reply" href="https://t.me/{channel}/'
                      f'{reply}"><div class="tgme_widget_message_text">quoted</div></a>'
                      if reply else "")
        text_html = f'<div class="tgme_widget_message_text js-message_text">{html}</div>' \
            if html else '<a class="tgme_widget_message_photo_wrap"></a>'
        blocks.append(
            f'<div class="tgme_widget_message_wrap"><div class="tgme_widget_message js-widget_message"'
            f' data-post="{channel}/{number}">{reply_html}{text_html}'
            f'<div class="tgme_widget_message_info"><a class="tgme_widget_message_date" '
            f'href="https://t.me/{channel}/{number}"><time datetime="{stamp(number)[:-1]}+00:00"'
            f' class="time">09:{number:02d}</time></a></div></div></div>')
    return (f'<!DOCTYPE html><html><body><div class="tgme_channel_info">'
            f'<div class="tgme_channel_info_header_title"><span>{escape(title)}</span></div>'
            f'</div><section class="tgme_channel_history">{"".join(blocks)}</section>'
            "</body></html>")


def json_error(status: int, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=status, body=json.dumps({"error": "x"}),
                        content_type="application/json", headers=headers or {})
