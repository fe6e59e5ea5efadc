"""A fake Discord (REST + gateway websocket) on 127.0.0.1 that the real discord.py client
can log in to, receive interactions from, and post through.

It implements the routes the bot uses and records every request; failures (429 with a
`Via` header and JSON `retry_after`, 403, 404, 5xx) can be scripted per route. Channels
of several kinds (`add_channel`: text, announcement, forum, voice, category) and threads
(`add_thread`) behave as on Discord: a thread started on a message takes the message's id
and a second one is refused (160004), a forum takes posts (`POST /channels/{id}/threads`
with a `message`) and refuses plain messages (400, 220001), an archived thread refuses
posts and edits (400, 50083) until `PATCH /channels/{id}` unarchives it (refused, 403,
when `archive(..., locked=True)`). Facts
about what discord.py 2.7 needs are in the comments next to each payload.
"""

from __future__ import annotations

import asyncio
import copy
import json
import random
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

API_PREFIX = "/api/v10"
GATEWAY_PATH = "/gateway"
HEARTBEAT_INTERVAL_MS = 41_250
EPHEMERAL_FLAG = 1 << 6

# Permission bits (Discord's numbering)
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
MANAGE_GUILD = 1 << 5
ADMINISTRATOR = 1 << 3
CREATE_PUBLIC_THREADS = 1 << 35
SEND_MESSAGES_IN_THREADS = 1 << 38
MEMBER_PERMISSIONS = (VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY
                      | CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS)

# Channel types (Discord's numbering) and the error codes the thread routes answer with.
TEXT, VOICE, CATEGORY, ANNOUNCEMENT, PUBLIC_THREAD, FORUM = 0, 2, 4, 5, 11, 15
THREAD_TYPES = (10, 11, 12)
ARCHIVED_THREAD = 50083  # "Thread is archived"
FORUM_NEEDS_A_POST = 220001  # plain messages are refused in a forum: posts are threads
THREAD_EXISTS = 160004  # "A thread has already been created for this message"


DISCORD_EPOCH_MS = 1_420_070_400_000  # 2015-01-01, where Discord's snowflakes count from


def _now_iso() -> str:
    return datetime.now(tz=UTC).isoformat()


def json_answer(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py only decodes a body whose Content-Type is exactly application/json;
    # aiohttp's json_response appends "; charset=utf-8" and breaks the login.
    return web.Response(body=json.dumps(payload).encode(), status=status,
                        headers={"Content-Type": "application/json", **(headers or {})})


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    body: Any  # parsed JSON, or the raw text, or None
    headers: dict[str, str]
    status: int = 0  # what the fake answered


@dataclass
class ScriptedFailure:
    method: str
    pattern: re.Pattern[str]
    status: int
    times: int
    retry_after: float | None = None
    code: int = 0
    message: str = ""
    via: bool = True


@dataclass
class PendingInteraction:
    payload: dict[str, Any]
    callback: asyncio.Future[dict[str, Any]]


@dataclass
class FakeGuild:
    id: str
    name: str
    owner_id: str
    channels: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    system_channel_id: str | None = None
    preferred_locale: str = "en-US"  # Discord's locale code, e.g. "de", "uk", "es-ES"
    threads: list[dict[str, Any]] = field(default_factory=list)  # active and archived


class FakeDiscord:
    """Start with `await fake.start()`, stop with `await fake.stop()` (or `async with`)."""

    def __init__(self, *, token: str = "test-token") -> None:
        self.token = token
        self._last_id = 1_200_000_000_000_000_000
        self.application_id = self.snowflake()
        self.owner_id = self.snowflake()
        self.bot_user = {"id": self.snowflake(), "username": "invitewatch", "discriminator": "0",
                         "global_name": "invitewatch", "avatar": None, "bot": True, "flags": 0}
        self.requests: list[RecordedRequest] = []
        self.failures: list[ScriptedFailure] = []
        self.guilds: dict[str, FakeGuild] = {}
        self.messages: dict[str, dict[str, Any]] = {}  # id -> message payload
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" or guild id -> commands
        # Every PUT of a command list, as sent: (scope, body), scope "global" or a guild id.
        self.synced: list[tuple[str, list[dict[str, Any]]]] = []
        self.identify: dict[str, Any] | None = None
        self.heartbeats = 0
        self.resumes = 0
        self.identify_count = 0
        self._resumed = asyncio.Event()
        self.interactions: dict[str, PendingInteraction] = {}
        self.dm_channels: dict[str, str] = {}  # user id -> channel id
        # (channel id, nonce) -> (message id, when): Discord's enforce_nonce deduplication
        self.nonces: dict[tuple[str, str], tuple[str, float]] = {}
        self.nonce_window = 300.0  # seconds; Discord says "a few minutes"
        self.nonce_hits = 0
        # Fault modes for the fault-injection suite: a random delay before each channel
        # request, an outage (503 on every channel route), and a hook called after each
        # message is written, before the answer goes out.
        self.max_delay = 0.0
        self.outage = False
        self.on_message_write: Callable[[str, str], None] | None = None
        self.rng = random.Random(0)
        self._sockets: list[web.WebSocketResponse] = []
        self._sequence = 0
        self._runner: web.AppRunner | None = None
        self._request_event = asyncio.Event()
        self.port = 0

    # -- lifecycle ----------------------------------------------------------------
    async def start(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get(GATEWAY_PATH, self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        return self

    async def stop(self) -> None:
        for socket in list(self._sockets):
            await socket.close()
        for pending in self.interactions.values():
            if not pending.callback.done():
                pending.callback.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}{GATEWAY_PATH}"

    def snowflake(self) -> str:
        # As Discord's: the creation time in the high bits (a history read `after` a time
        # works), kept strictly increasing within the millisecond.
        by_time = (int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22
        self._last_id = max(self._last_id + 1, by_time)
        return str(self._last_id)

    # -- world building -------------------------------------------------------------
    def add_guild(self, name: str = "Test server", *, channel_names: Iterable[str] = ("news",),
                  everyone_permissions: int = MEMBER_PERMISSIONS,
                  preferred_locale: str = "en-US") -> FakeGuild:
        guild_id = self.snowflake()
        guild = FakeGuild(id=guild_id, name=name, owner_id=self.owner_id,
                          preferred_locale=preferred_locale)
        guild.roles.append(self.role_payload(guild_id, "@everyone", everyone_permissions, position=0))
        for position, channel_name in enumerate(channel_names):
            guild.channels.append(self.channel_payload(guild_id, channel_name, position))
        guild.system_channel_id = guild.channels[0]["id"] if guild.channels else None
        self.guilds[guild_id] = guild
        return guild

    def add_role(self, guild: FakeGuild, name: str, *, mentionable: bool = True) -> dict[str, Any]:
        role = self.role_payload(self.snowflake(), name, 0, position=len(guild.roles),
                                 mentionable=mentionable)
        guild.roles.append(role)
        return role

    @staticmethod
    def role_payload(role_id: str, name: str, permissions: int, *, position: int,
                     mentionable: bool = False) -> dict[str, Any]:
        return {"id": role_id, "name": name, "permissions": str(permissions), "position": position,
                "color": 0, "hoist": False, "managed": False, "mentionable": mentionable,
                "flags": 0}

    def channel_payload(self, guild_id: str, name: str, position: int,
                        overwrites: list[dict[str, Any]] | None = None, *,
                        kind: int = TEXT) -> dict[str, Any]:
        payload = {"id": self.snowflake(), "type": kind, "guild_id": guild_id, "name": name,
                   "position": position, "permission_overwrites": overwrites or [],
                   "nsfw": False, "parent_id": None, "topic": None, "rate_limit_per_user": 0,
                   "last_message_id": None, "flags": 0}
        if kind == FORUM:  # what discord.py reads of a forum channel
            payload.update(available_tags=[], default_reaction_emoji=None,
                           default_sort_order=None, default_forum_layout=0,
                           default_thread_rate_limit_per_user=0,
                           default_auto_archive_duration=1440)
        if kind in (VOICE, 13):
            payload.update(bitrate=64000, user_limit=0, rtc_region=None)
        return payload

    def add_channel(self, guild: FakeGuild, name: str, *, kind: int = TEXT) -> dict[str, Any]:
        """Another channel of `kind` (TEXT, ANNOUNCEMENT, FORUM, VOICE, CATEGORY)."""
        channel = self.channel_payload(guild.id, name, len(guild.channels), kind=kind)
        guild.channels.append(channel)
        return channel

    def thread_payload(self, guild_id: str, parent_id: str, name: str, *,
                       thread_id: str | None = None, kind: int = PUBLIC_THREAD,
                       archived: bool = False, locked: bool = False,
                       auto_archive_duration: int = 1440) -> dict[str, Any]:
        return {"id": thread_id or self.snowflake(), "type": kind, "guild_id": guild_id,
                "parent_id": parent_id, "owner_id": self.bot_user["id"], "name": name,
                "last_message_id": None, "rate_limit_per_user": 0, "message_count": 0,
                "member_count": 1, "total_message_sent": 0, "flags": 0, "applied_tags": [],
                "thread_metadata": {"archived": archived, "locked": locked,
                                    "auto_archive_duration": auto_archive_duration,
                                    "archive_timestamp": _now_iso()}}

    def add_thread(self, guild: FakeGuild, parent_id: str, name: str, *,
                   archived: bool = False, locked: bool = False) -> dict[str, Any]:
        """A thread that exists before the bot logs in (in GUILD_CREATE unless archived,
        as Discord sends only active threads)."""
        thread = self.thread_payload(guild.id, parent_id, name, archived=archived, locked=locked)
        guild.threads.append(thread)
        return thread

    def threads_in(self, parent_id: str) -> list[dict[str, Any]]:
        return [t for g in self.guilds.values() for t in g.threads if t["parent_id"] == parent_id]

    def messages_in(self, channel_id: str) -> list[dict[str, Any]]:
        return [m for m in self.messages.values() if m["channel_id"] == channel_id]

    def deny_bot_in(self, guild: FakeGuild, channel_id: str) -> None:
        """A member overwrite denying the bot Send Messages in one channel."""
        for channel in guild.channels:
            if channel["id"] == channel_id:
                channel["permission_overwrites"].append(
                    {"id": self.bot_user["id"], "type": 1, "allow": "0", "deny": str(SEND_MESSAGES)})

    def guild_create_payload(self, guild: FakeGuild) -> dict[str, Any]:
        bot_member = {"user": self.bot_user, "roles": [], "joined_at": _now_iso(), "deaf": False,
                      "mute": False, "flags": 0}
        return {
            "id": guild.id, "name": guild.name, "icon": None, "owner_id": guild.owner_id,
            "roles": guild.roles, "channels": guild.channels, "members": [bot_member],
            "member_count": 2, "unavailable": False, "features": [], "emojis": [], "stickers": [],
            "threads": [t for t in guild.threads if not t["thread_metadata"]["archived"]],
            "joined_at": _now_iso(), "large": False, "voice_states": [],
            "presences": [], "stage_instances": [], "guild_scheduled_events": [],
            "system_channel_id": guild.system_channel_id, "system_channel_flags": 0,
            "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "mfa_level": 0, "premium_tier": 0,
            "preferred_locale": guild.preferred_locale, "nsfw_level": 0, "afk_timeout": 300,
            "afk_channel_id": None, "description": None, "banner": None, "splash": None,
            "discovery_splash": None, "vanity_url_code": None, "premium_subscription_count": 0,
            "max_members": 1000, "application_id": None, "rules_channel_id": None,
            "public_updates_channel_id": None, "premium_progress_bar_enabled": False,
        }

    def find_channel(self, channel_id: str) -> dict[str, Any] | None:
        for guild in self.guilds.values():
            for channel in [*guild.channels, *guild.threads]:
                if channel["id"] == channel_id:
                    return channel
        if channel_id in self.dm_channels.values():
            return {"id": channel_id, "type": 1, "recipients": [], "last_message_id": None}
        return None

    # -- failures -------------------------------------------------------------------
    def fail(self, method: str, path_regex: str, status: int, *, times: int = 1,
             retry_after: float | None = None, code: int = 0, message: str = "",
             via: bool = True) -> None:
        """Answer the next `times` matching requests with `status` instead of serving them."""
        self.failures.append(ScriptedFailure(method.upper(), re.compile(path_regex), status, times,
                                             retry_after, code, message, via))

    def _scripted(self, method: str, path: str) -> web.Response | None:
        for failure in self.failures:
            if failure.times <= 0 or failure.method != method or not failure.pattern.search(path):
                continue
            failure.times -= 1
            headers: dict[str, str] = {}
            body: dict[str, Any] = {"message": failure.message or f"scripted {failure.status}",
                                    "code": failure.code}
            if failure.status == 429:
                retry_after = failure.retry_after if failure.retry_after is not None else 0.1
                body = {"message": "You are being rate limited.", "retry_after": retry_after,
                        "global": False}
                headers["Retry-After"] = str(retry_after)
                # discord.py waits out a 429 only when it came through Discord's proxy (Via).
                if failure.via:
                    headers["Via"] = "1.1 google"
            return json_answer(body, failure.status, headers)
        return None

    # -- request log helpers ----------------------------------------------------------
    def requests_to(self, method: str, path_regex: str) -> list[RecordedRequest]:
        pattern = re.compile(path_regex)
        return [r for r in self.requests if r.method == method and pattern.search(r.path)]

    async def wait_for_request(self, method: str, path_regex: str, *, count: int = 1,
                               timeout: float = 10.0) -> list[RecordedRequest]:
        async def wait() -> list[RecordedRequest]:
            while True:
                found = self.requests_to(method, path_regex)
                if len(found) >= count:
                    return found
                self._request_event.clear()
                await self._request_event.wait()

        return await asyncio.wait_for(wait(), timeout)

    # -- REST -------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        method = request.method
        body: Any = None
        raw = await request.read()
        if raw:
            content_type = request.headers.get("Content-Type", "")
            if content_type.startswith("application/json"):
                body = json.loads(raw)
            elif content_type.startswith("multipart/"):
                body = self._payload_json_from_multipart(raw)
            else:
                body = raw.decode("utf-8", "replace")
        if self.max_delay > 0 and path.startswith("/channels/"):
            await asyncio.sleep(self.rng.uniform(0, self.max_delay))
        if request.headers.get("Authorization") != f"Bot {self.token}" and "/interactions/" not in path \
                and "/webhooks/" not in path:
            response = json_answer({"message": "401: Unauthorized", "code": 0}, 401)
        elif self.outage and path.startswith("/channels/"):
            response = json_answer({"message": "503: Service Unavailable", "code": 0}, 503)
        else:
            response = self._scripted(method, path) or self._serve(method, path, body, request.query)
            if self.on_message_write is not None and method in ("POST", "PATCH") \
                    and re.match(r"^/channels/\d+/messages", path) and response.status < 300:
                # Fault injection: the message is created (or edited) and the client may be
                # killed before it reads the answer - the window between post and commit.
                self.on_message_write(method, path)
        self.requests.append(RecordedRequest(method, path, dict(request.query), body,
                                             dict(request.headers), response.status))
        self._request_event.set()
        return response

    @staticmethod
    def _payload_json_from_multipart(raw: bytes) -> Any:
        text = raw.decode("utf-8", "replace")
        match = re.search(r'name="payload_json"\r\n(?:Content-Type: [^\r]*\r\n)?\r\n(.*?)\r\n--', text,
                          re.DOTALL)
        return json.loads(match.group(1)) if match else text

    def _serve(self, method: str, path: str, body: Any,
               query: Mapping[str, str] | None = None) -> web.Response:
        query = query or {}
        routes: list[tuple[str, str, Any]] = [
            ("GET", r"^/users/@me$", lambda m: self.bot_user),
            ("GET", r"^/oauth2/applications/@me$", lambda m: self._application()),
            ("PUT", r"^/applications/(\d+)/commands$", lambda m: self._put_commands("global", body)),
            ("PUT", r"^/applications/(\d+)/guilds/(\d+)/commands$",
             lambda m: self._put_commands(m.group(2), body)),
            ("GET", r"^/applications/(\d+)/commands$", lambda m: self.commands.get("global", [])),
            ("GET", r"^/applications/(\d+)/guilds/(\d+)/commands$",
             lambda m: self.commands.get(m.group(2), [])),
            ("POST", r"^/interactions/(\d+)/([^/]+)/callback$",
             lambda m: self._interaction_callback(m.group(1), body)),
            ("POST", r"^/webhooks/(\d+)/([^/]+)$", lambda m: self._followup(m.group(2), body)),
            ("PATCH", r"^/webhooks/(\d+)/([^/]+)/messages/@original$",
             lambda m: self._edit_original(m.group(2), body)),
            ("GET", r"^/webhooks/(\d+)/([^/]+)/messages/@original$",
             lambda m: self._original(m.group(2))),
            ("GET", r"^/channels/(\d+)$", lambda m: self.find_channel(m.group(1))),
            ("PATCH", r"^/channels/(\d+)$", lambda m: self._edit_channel(m.group(1), body)),
            ("POST", r"^/channels/(\d+)/threads$", lambda m: self._start_thread(m.group(1), body)),
            ("POST", r"^/channels/(\d+)/messages/(\d+)/threads$",
             lambda m: self._thread_from_message(m.group(1), m.group(2), body)),
            ("POST", r"^/channels/(\d+)/messages$", lambda m: self._post_message(m.group(1), body)),
            ("PATCH", r"^/channels/(\d+)/messages/(\d+)$",
             lambda m: self._edit_message(m.group(1), m.group(2), body)),
            ("GET", r"^/channels/(\d+)/messages$",
             lambda m: self._history(m.group(1), query)),
            ("GET", r"^/channels/(\d+)/messages/(\d+)$",
             lambda m: self._get_message(m.group(1), m.group(2))),
            ("POST", r"^/users/@me/channels$", lambda m: self._dm_channel(body)),
            ("GET", r"^/guilds/(\d+)$", lambda m: self._guild(m.group(1))),
            # As on Discord, a guild's channels are a separate resource, not in GET /guilds/{id}.
            ("GET", r"^/guilds/(\d+)/channels$", lambda m: self._guild_channels(m.group(1))),
        ]
        for route_method, pattern, handler in routes:
            match = re.match(pattern, path)
            if route_method == method and match:
                result = handler(match)
                if isinstance(result, web.Response):
                    return result
                if result is None:
                    return json_answer({"message": "Unknown", "code": 10003}, 404)
                return json_answer(result)
        return json_answer({"message": f"fake Discord has no route {method} {path}", "code": 0}, 404)

    def _application(self) -> dict[str, Any]:
        # discord.py reads every one of these keys at login.
        return {"id": self.application_id, "name": "invitewatch", "description": "", "icon": None,
                "bot_public": True, "bot_require_code_grant": False, "verify_key": "0" * 64,
                "owner": {"id": self.owner_id, "username": "owner", "discriminator": "0",
                          "avatar": None, "global_name": "Owner"},
                "flags": 0, "team": None, "summary": "", "rpc_origins": []}

    def _put_commands(self, scope: str, body: Any) -> list[dict[str, Any]]:
        self.synced.append((scope, copy.deepcopy(body or [])))
        stored = []
        for command in body or []:
            stored.append({"id": self.snowflake(), "application_id": self.application_id,
                           "version": self.snowflake(), "type": 1, "description": "",
                           "options": [], "default_member_permissions": None, "nsfw": False,
                           **command, **({"guild_id": scope} if scope != "global" else {})})
        self.commands[scope] = stored
        return stored

    def message_payload(self, channel_id: str, body: dict[str, Any], *,
                        guild_id: str | None = None, flags: int = 0,
                        message_id: str | None = None) -> dict[str, Any]:
        reference = body.get("message_reference")
        message: dict[str, Any] = {
            "id": message_id or self.snowflake(), "channel_id": channel_id,
            "author": self.bot_user, "content": body.get("content") or "",
            "timestamp": _now_iso(), "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
            "embeds": body.get("embeds") or [], "components": body.get("components") or [],
            "pinned": False, "type": 19 if reference else 0,
            "flags": flags | int(body.get("flags") or 0),
        }
        if guild_id:
            message["guild_id"] = guild_id
        if reference:
            message["message_reference"] = {**reference, "channel_id": channel_id}
        return message

    def _post_message(self, channel_id: str, body: Any) -> dict[str, Any] | web.Response:
        channel = self.find_channel(channel_id)
        if channel is None:
            return json_answer({"message": "Unknown Channel", "code": 10003}, 404)
        refused = self._refuse_post(channel)
        if refused is not None:
            return refused
        body = body or {}
        nonce = body.get("nonce")
        key = (channel_id, str(nonce))
        if nonce is not None and body.get("enforce_nonce"):
            # As Discord does: the same nonce from the same user in the same channel within
            # a few minutes returns the message already created, and creates nothing.
            if len(str(nonce)) > 25:
                return json_answer({"message": "Invalid Form Body", "code": 50035,
                                    "errors": {"nonce": "too long"}}, 400)
            seen = self.nonces.get(key)
            if seen is not None and time.monotonic() - seen[1] < self.nonce_window:
                self.nonce_hits += 1
                existing = self.messages.get(seen[0])
                if existing is not None:
                    return existing
        message = self.message_payload(channel_id, body, guild_id=channel.get("guild_id"))
        if nonce is not None:
            message["nonce"] = nonce
            if body.get("enforce_nonce"):
                self.nonces[key] = (message["id"], time.monotonic())
        self.messages[message["id"]] = message
        return message

    @staticmethod
    def _refuse_post(channel: dict[str, Any]) -> web.Response | None:
        """Discord's refusals of a plain message: a forum takes posts (threads) only, and an
        archived thread takes nothing until it is unarchived."""
        if channel.get("type") == FORUM:
            return json_answer({"message": "Cannot send messages in a forum channel; "
                                "create a post (a thread with a message)",
                                "code": FORUM_NEEDS_A_POST}, 400)
        if channel.get("type") in THREAD_TYPES and channel["thread_metadata"]["archived"]:
            return json_answer({"message": "Thread is archived", "code": ARCHIVED_THREAD}, 400)
        return None

    def _guild_of(self, channel: dict[str, Any]) -> FakeGuild | None:
        return self.guilds.get(str(channel.get("guild_id")))

    def _start_thread(self, channel_id: str, body: Any) -> dict[str, Any] | web.Response:
        """POST /channels/{id}/threads: in a forum, a post whose first message (same id as
        the post) is `message`; elsewhere a thread without a message."""
        channel = self.find_channel(channel_id)
        guild = self._guild_of(channel) if channel else None
        if channel is None or guild is None:
            return json_answer({"message": "Unknown Channel", "code": 10003}, 404)
        body = body or {}
        if not body.get("name"):
            return json_answer({"message": "Invalid Form Body", "code": 50035,
                                "errors": {"name": "required"}}, 400)
        if channel["type"] == FORUM:
            if not isinstance(body.get("message"), dict):
                return json_answer({"message": "Invalid Form Body", "code": 50035,
                                    "errors": {"message": "a forum post needs a message"}}, 400)
            thread = self.thread_payload(guild.id, channel_id, body["name"],
                                         auto_archive_duration=int(
                                             body.get("auto_archive_duration") or 1440))
            guild.threads.append(thread)
            message = self.message_payload(thread["id"], body["message"], guild_id=guild.id,
                                           message_id=thread["id"])
            self.messages[message["id"]] = message
            return {**thread, "message": message}
        if channel["type"] not in (TEXT, ANNOUNCEMENT):
            return json_answer({"message": "Cannot execute action on this channel type",
                                "code": 50024}, 400)
        thread = self.thread_payload(guild.id, channel_id, body["name"],
                                     kind=int(body.get("type") or 12))
        guild.threads.append(thread)
        return thread

    def _thread_from_message(self, channel_id: str, message_id: str,
                             body: Any) -> dict[str, Any] | web.Response:
        """As Discord: the thread takes the message's id; a second one is refused."""
        channel = self.find_channel(channel_id)
        guild = self._guild_of(channel) if channel else None
        message = self.messages.get(message_id)
        if channel is None or guild is None:
            return json_answer({"message": "Unknown Channel", "code": 10003}, 404)
        if message is None or message["channel_id"] != channel_id:
            return json_answer({"message": "Unknown Message", "code": 10008}, 404)
        if channel["type"] not in (TEXT, ANNOUNCEMENT):
            return json_answer({"message": "Cannot execute action on this channel type",
                                "code": 50024}, 400)
        if "thread" in message:
            return json_answer({"message": "A thread has already been created for this message",
                                "code": THREAD_EXISTS}, 400)
        body = body or {}
        if not body.get("name"):
            return json_answer({"message": "Invalid Form Body", "code": 50035,
                                "errors": {"name": "required"}}, 400)
        thread = self.thread_payload(guild.id, channel_id, body["name"], thread_id=message_id,
                                     kind=PUBLIC_THREAD if channel["type"] == TEXT else 10,
                                     auto_archive_duration=int(
                                         body.get("auto_archive_duration") or 1440))
        guild.threads.append(thread)
        message["thread"] = thread
        return thread

    def _edit_channel(self, channel_id: str, body: Any) -> dict[str, Any] | web.Response:
        """PATCH /channels/{id}: for a thread, (un)archive, lock, rename. A locked thread
        can be unarchived only with Manage Threads, which the fake's bot does not have."""
        channel = self.find_channel(channel_id)
        if channel is None:
            return json_answer({"message": "Unknown Channel", "code": 10003}, 404)
        body = body or {}
        if channel.get("type") in THREAD_TYPES:
            metadata = channel["thread_metadata"]
            if metadata["locked"] and body.get("archived") is False:
                return json_answer({"message": "Missing Permissions", "code": 50013}, 403)
            for key in ("archived", "locked", "auto_archive_duration"):
                if key in body:
                    metadata[key] = body[key]
        if "name" in body:
            channel["name"] = body["name"]
        return channel

    def archive(self, thread_id: str, *, locked: bool = False) -> None:
        """What Discord does after the thread's auto-archive time (or a moderator)."""
        thread = self.find_channel(thread_id)
        assert thread is not None and thread.get("type") in THREAD_TYPES, thread_id
        thread["thread_metadata"].update(archived=True, locked=locked)

    def _edit_message(self, channel_id: str, message_id: str, body: Any) -> dict[str, Any] | web.Response:
        message = self.messages.get(message_id)
        if message is None or message["channel_id"] != channel_id:
            return json_answer({"message": "Unknown Message", "code": 10008}, 404)
        channel = self.find_channel(channel_id) or {}
        if channel.get("type") in THREAD_TYPES and channel["thread_metadata"]["archived"]:
            return json_answer({"message": "Thread is archived", "code": ARCHIVED_THREAD}, 400)
        for key in ("content", "embeds", "components", "flags"):
            if key in (body or {}):
                message[key] = body[key]
        message["edited_timestamp"] = _now_iso()
        return message

    def _history(self, channel_id: str,
                 query: Mapping[str, str]) -> list[dict[str, Any]] | web.Response:
        """GET /channels/{id}/messages as Discord answers it: `limit` 1-100 (default 50),
        at most one of `before`, `after`, `around`, newest first; a fetched message carries
        no nonce (only the answer to its POST does)."""
        if self.find_channel(channel_id) is None:
            return json_answer({"message": "Unknown Channel", "code": 10003}, 404)
        try:
            limit = int(query.get("limit", "50"))
            anchors = {key: int(query[key]) for key in ("before", "after", "around")
                       if key in query}
        except ValueError:
            return json_answer({"message": "Invalid Form Body", "code": 50035}, 400)
        if not 1 <= limit <= 100 or len(anchors) > 1:
            return json_answer({"message": "Invalid Form Body", "code": 50035}, 400)
        found = sorted((m for m in self.messages.values() if m["channel_id"] == channel_id),
                       key=lambda m: int(m["id"]), reverse=True)
        if "before" in anchors:
            found = [m for m in found if int(m["id"]) < anchors["before"]][:limit]
        elif "after" in anchors:
            # The `limit` messages just after the anchor, still given newest first.
            found = [m for m in found if int(m["id"]) > anchors["after"]][-limit:]
        elif "around" in anchors:
            older = [m for m in found if int(m["id"]) <= anchors["around"]][:limit // 2 + 1]
            newer = [m for m in found if int(m["id"]) > anchors["around"]]
            found = (newer[-(limit - len(older)):] if limit > len(older) else []) + older
            found = found[:limit]
        else:
            found = found[:limit]
        return [{k: v for k, v in m.items() if k != "nonce"} for m in found]

    def _get_message(self, channel_id: str, message_id: str) -> dict[str, Any] | web.Response:
        message = self.messages.get(message_id)
        if message is None or message["channel_id"] != channel_id:
            return json_answer({"message": "Unknown Message", "code": 10008}, 404)
        return message

    def _dm_channel(self, body: Any) -> dict[str, Any]:
        user_id = str(body["recipient_id"])
        channel_id = self.dm_channels.setdefault(user_id, self.snowflake())
        return {"id": channel_id, "type": 1, "last_message_id": None,
                "recipients": [{"id": user_id, "username": f"user{user_id[-4:]}",
                                "discriminator": "0", "avatar": None, "global_name": None}]}

    def _guild(self, guild_id: str) -> dict[str, Any] | None:
        guild = self.guilds.get(guild_id)
        if guild is None:
            return None
        payload = self.guild_create_payload(guild)
        # GET /guilds/{id} carries no channels, members or other gateway-only fields.
        for gateway_only in ("channels", "members", "threads", "presences", "voice_states",
                             "member_count", "joined_at", "large", "unavailable"):
            payload.pop(gateway_only, None)
        return payload

    def _guild_channels(self, guild_id: str) -> list[dict[str, Any]] | None:
        guild = self.guilds.get(guild_id)
        return list(guild.channels) if guild else None

    # -- interactions ---------------------------------------------------------------
    def _interaction_by_token(self, token: str) -> PendingInteraction | None:
        for pending in self.interactions.values():
            if pending.payload["token"] == token:
                return pending
        return None

    def _interaction_callback(self, interaction_id: str, body: Any) -> dict[str, Any] | web.Response:
        pending = self.interactions.get(interaction_id)
        if pending is None:
            return json_answer({"message": "Unknown interaction", "code": 10062}, 404)
        if pending.callback.done():
            return json_answer({"message": "Interaction has already been acknowledged.",
                                "code": 40060}, 400)
        kind = int(body.get("type", 0))
        data = body.get("data") or {}
        answer: dict[str, Any] = {"interaction": {"id": interaction_id,
                                                  "type": pending.payload["type"]}}
        if kind == 4:  # CHANNEL_MESSAGE_WITH_SOURCE
            channel_id = pending.payload["channel"]["id"]
            message = self.message_payload(channel_id, data, guild_id=pending.payload.get("guild_id"))
            message["interaction_metadata"] = {"id": interaction_id, "type": 2,
                                               "user": pending.payload["member"]["user"],
                                               "authorizing_integration_owners": {}}
            self.messages[message["id"]] = message
            pending.payload["_original"] = message["id"]
            answer["interaction"].update(response_message_id=message["id"],
                                         response_message_loading=False,
                                         response_message_ephemeral=bool(
                                             message["flags"] & EPHEMERAL_FLAG))
            answer["resource"] = {"type": 4, "message": message}
        elif kind == 7:  # UPDATE_MESSAGE (a button press)
            updated = self.messages.get(pending.payload.get("message", {}).get("id", ""))
            if updated is not None:
                for key in ("content", "embeds", "components"):
                    if key in data:
                        updated[key] = data[key]
                answer["resource"] = {"type": 7, "message": updated}
        pending.callback.set_result(body)
        return answer

    def _followup(self, token: str, body: Any) -> dict[str, Any] | web.Response:
        pending = self._interaction_by_token(token)
        if pending is None:
            return json_answer({"message": "Unknown Webhook", "code": 10015}, 404)
        message = self.message_payload(pending.payload["channel"]["id"], body or {},
                                       guild_id=pending.payload.get("guild_id"))
        self.messages[message["id"]] = message
        return message

    def _original(self, token: str) -> dict[str, Any] | web.Response:
        pending = self._interaction_by_token(token)
        if pending is None or "_original" not in pending.payload:
            return json_answer({"message": "Unknown Message", "code": 10008}, 404)
        return self.messages[pending.payload["_original"]]

    def _edit_original(self, token: str, body: Any) -> dict[str, Any] | web.Response:
        pending = self._interaction_by_token(token)
        if pending is None or "_original" not in pending.payload:
            return json_answer({"message": "Unknown Message", "code": 10008}, 404)
        message = self.messages[pending.payload["_original"]]
        return self._edit_message(message["channel_id"], message["id"], body)

    def member_payload(self, *, user_id: str | None = None, permissions: int = MEMBER_PERMISSIONS,
                       name: str = "member") -> dict[str, Any]:
        user_id = user_id or self.snowflake()
        return {"user": {"id": user_id, "username": name, "discriminator": "0", "avatar": None,
                         "global_name": name},
                "roles": [], "joined_at": _now_iso(), "deaf": False, "mute": False, "flags": 0,
                "permissions": str(permissions)}

    def _interaction_base(self, kind: int, guild: FakeGuild, member: dict[str, Any],
                          channel_id: str | None) -> dict[str, Any]:
        channel_id = channel_id or guild.channels[0]["id"]
        channel = self.find_channel(channel_id) or {"id": channel_id, "type": 0}
        # Every key below is read by discord.py; a missing one kills client.start().
        return {"id": self.snowflake(), "application_id": self.application_id, "type": kind,
                "token": "itoken-" + self.snowflake(), "version": 1,
                "attachment_size_limit": 8 * 1024 * 1024, "guild_id": guild.id,
                "channel_id": channel_id, "channel": channel, "member": member,
                "app_permissions": str(MEMBER_PERMISSIONS), "locale": "en-US",
                "guild_locale": guild.preferred_locale, "entitlements": [],
                "authorizing_integration_owners": {"0": guild.id}, "context": 0}

    def command_interaction(self, guild: FakeGuild, name: str, options: list[dict[str, Any]] | None = None,
                            *, member: dict[str, Any] | None = None, channel_id: str | None = None,
                            resolved: dict[str, Any] | None = None,
                            autocomplete: bool = False) -> dict[str, Any]:
        """An APPLICATION_COMMAND (or its AUTOCOMPLETE) interaction for a synced command.

        `name` may be "group sub" for a subcommand; options are
        [{"name", "type", "value"[, "focused"]}].
        """
        member = member or self.member_payload()
        words = name.split()
        command = self._synced(words[0], guild.id)
        payload = self._interaction_base(4 if autocomplete else 2, guild, member, channel_id)
        opts = options or []
        if len(words) == 2:
            opts = [{"name": words[1], "type": 1, "options": opts}]
        data: dict[str, Any] = {"id": command["id"], "name": words[0], "type": 1, "options": opts,
                                "guild_id": guild.id}
        if resolved:
            data["resolved"] = resolved
        payload["data"] = data
        return payload

    def component_interaction(self, guild: FakeGuild, message_id: str, custom_id: str, *,
                              member: dict[str, Any] | None = None) -> dict[str, Any]:
        message = self.messages[message_id]
        payload = self._interaction_base(3, guild, member or self.member_payload(),
                                         message["channel_id"])
        payload["message"] = message
        payload["data"] = {"custom_id": custom_id, "component_type": 2}
        return payload

    def _synced(self, name: str, guild_id: str) -> dict[str, Any]:
        for scope in (guild_id, "global"):
            for command in self.commands.get(scope, []):
                if command["name"] == name:
                    return command
        raise KeyError(f"command /{name} was not synced; synced: "
                       f"{[c['name'] for s in self.commands.values() for c in s]}")

    async def interact(self, payload: dict[str, Any], *, timeout: float = 10.0) -> dict[str, Any]:
        """Dispatch INTERACTION_CREATE and wait for the bot's callback body."""
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.interactions[payload["id"]] = PendingInteraction(payload, future)
        await self.dispatch("INTERACTION_CREATE", payload)
        return await asyncio.wait_for(future, timeout)

    async def respond(self, payload: dict[str, Any], *, timeout: float = 10.0) -> dict[str, Any]:
        """Like `interact`, but when the bot defers (callback type 5) wait for its follow-up
        message and return it as {"type": 4, "data": <follow-up body>, "deferred": True}."""
        callback = await self.interact(payload, timeout=timeout)
        if callback.get("type") != 5:
            return callback
        path = rf"^/webhooks/{self.application_id}/{re.escape(payload['token'])}$"
        [followup] = await self.wait_for_request("POST", path, timeout=timeout)
        return {"type": 4, "data": followup.body, "deferred": True}

    async def drop_gateway(self, code: int = 4000) -> None:
        """Close every gateway connection as Discord does on a hiccup (4000: resumable)."""
        self._resumed.clear()
        for socket in list(self._sockets):
            await socket.close(code=code, message=b"fake drop")

    async def wait_for_resume(self, timeout: float = 10.0) -> None:
        await asyncio.wait_for(self._resumed.wait(), timeout)

    # -- gateway ----------------------------------------------------------------------
    async def dispatch(self, event: str, data: dict[str, Any],
                       to: web.WebSocketResponse | None = None) -> None:
        """Send an event to every gateway connection (or only `to`, one shard's)."""
        if not self._sockets:
            raise RuntimeError("no gateway connection to dispatch to")
        self._sequence += 1
        frame = {"op": 0, "t": event, "s": self._sequence, "d": data}
        for socket in [to] if to is not None else list(self._sockets):
            await socket.send_str(json.dumps(frame))

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self._sockets.append(socket)
        # The client asks for compress=zlib-stream, but plain JSON text frames are accepted.
        await socket.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}}))
        try:
            async for frame in socket:
                if frame.type is not WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                op = message.get("op")
                if op == 1:
                    self.heartbeats += 1
                    await socket.send_str(json.dumps({"op": 11}))
                elif op == 2:
                    self.identify = message["d"]
                    self.identify_count += 1
                    await self._send_ready(socket, message["d"].get("shard"))
                elif op == 6:  # RESUME after a dropped connection
                    self.resumes += 1
                    await self.dispatch("RESUMED", {})
                    self._resumed.set()
        finally:
            if socket in self._sockets:
                self._sockets.remove(socket)
        return socket

    async def _send_ready(self, socket: web.WebSocketResponse,
                          shard: list[int] | None = None) -> None:
        # As Discord does, a sharded connection gets its shard's guilds only:
        # shard = (guild_id >> 22) % shard_count.
        guilds = [g for g in self.guilds.values()
                  if shard is None or (int(g.id) >> 22) % shard[1] == shard[0]]
        ready = {"v": 10, "user": self.bot_user, "session_id": "fake-session",
                 "resume_gateway_url": self.gateway_url,
                 "guilds": [{"id": g.id, "unavailable": True} for g in guilds],
                 "application": {"id": self.application_id, "flags": 0},
                 "private_channels": [], "relationships": [],
                 **({"shard": shard} if shard is not None else {})}
        await self.dispatch("READY", ready, to=socket if shard is not None else None)
        for guild in guilds:
            await self.dispatch("GUILD_CREATE", self.guild_create_payload(guild),
                                to=socket if shard is not None else None)
