"""Fetching one feed over HTTP: conditional GET, size and time limits, safe redirects.

Every way a fetch can fail ends as a `FetchError` whose message names the URL and says
what happened in words an admin can act on; `permanent` tells the scheduler whether
trying again later can help. Redirects are followed here, not by aiohttp, so that every
hop's URL passes `validate_feed_url` before it is requested.
"""

from __future__ import annotations

import email.utils
import http
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver

from bot.errors import FetchError
from bot.feeds.guard import PublicAddressResolver, RefusedAddressError
from bot.feeds.urls import validate_feed_url

_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_PERMANENT_STATUSES = frozenset({401, 403, 404, 410})
_CHUNK_SIZE = 64 * 1024
# Headers that describe the compressed bytes on the wire, not the body handed on.
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
# Sessions whose connector refuses non-public addresses at connect time.
_GUARDED_SESSIONS: weakref.WeakSet[aiohttp.ClientSession] = weakref.WeakSet()


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = "invitewatch/0.1 (+https://github.com/invitewatch)"
    allow_private: bool = False

    def __post_init__(self) -> None:
        problems = [
            f"{name} must be greater than 0, not {value!r}"
            for name, value in (
                ("connect_timeout", self.connect_timeout),
                ("read_timeout", self.read_timeout),
                ("max_bytes", self.max_bytes),
            )
            if not value > 0
        ]
        if self.max_redirects < 0:
            problems.append(f"max_redirects must be 0 or more, not {self.max_redirects!r}")
        if not self.user_agent.strip() or any(c in self.user_agent for c in "\r\n"):
            problems.append("user_agent must be one non-empty line")
        if problems:
            raise ValueError("invalid fetch limits: " + "; ".join(problems))


@dataclass(frozen=True)
class FetchResult:
    url: str  # as the caller asked for it
    final_url: str  # after redirects, normalised
    status: int
    body: bytes | None  # None on 304
    headers: dict[str, str]  # of the final response, lower-case names
    etag: str | None
    last_modified: str | None
    not_modified: bool


class RetryLaterError(FetchError):
    """The server asked us to come back later (429, or 503 with Retry-After).

    `retry_after` is in seconds when the server said how long, else None.
    """

    def __init__(self, message: str, *, status: int, retry_after: float | None) -> None:
        super().__init__(message, permanent=False, status=status)
        self.retry_after = retry_after


def make_session(
    limits: FetchLimits, *, resolver: AbstractResolver | None = None
) -> aiohttp.ClientSession:
    """A session for `fetch_feed`; call it inside the running event loop and close it.

    Unless `limits.allow_private`, host names are resolved through a resolver that refuses
    non-public addresses at connect time. `resolver` replaces the system resolver (it is
    still guarded); tests use it to map names to 127.0.0.1.
    """
    guarded: AbstractResolver | None
    guarded = resolver if limits.allow_private else PublicAddressResolver(resolver)
    connector = aiohttp.TCPConnector(resolver=guarded, limit=20, limit_per_host=2)
    session = aiohttp.ClientSession(
        connector=connector,
        timeout=_client_timeout(limits),
        headers={
            "User-Agent": limits.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        },
        auto_decompress=True,
        trust_env=False,  # a proxy from the environment would bypass the address guard
    )
    if not limits.allow_private:
        _GUARDED_SESSIONS.add(session)
    return session


async def fetch_feed(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    limits: FetchLimits | None = None,
) -> FetchResult:
    """GET `url` with the validators of the last answer; raise `FetchError` on failure."""
    limits = limits or FetchLimits()
    if not limits.allow_private and session not in _GUARDED_SESSIONS:
        # Without the guarded resolver a host name could lead to a private address.
        raise ValueError(
            "fetch_feed with allow_private=False needs a session from "
            "make_session(limits) with allow_private=False"
        )
    current = validate_feed_url(url, allow_private=limits.allow_private)
    conditional = _conditional_headers(etag, last_modified)
    chain = [current]
    while True:
        try:
            async with session.get(
                current,
                headers=conditional,
                allow_redirects=False,
                timeout=_client_timeout(limits),
            ) as response:
                if response.status not in _REDIRECT_STATUSES:
                    return await _finish(response, url, current, etag, last_modified, limits)
                location = response.headers.get("Location", "").strip()
        except FetchError:
            raise
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise _failure(exc, current, limits) from exc
        current = _next_hop(current, location, response.status, chain, limits)


def _client_timeout(limits: FetchLimits) -> aiohttp.ClientTimeout:
    # `total` bounds a server that trickles bytes just fast enough to beat sock_read.
    return aiohttp.ClientTimeout(
        total=limits.connect_timeout + limits.read_timeout,
        connect=limits.connect_timeout,
        sock_connect=limits.connect_timeout,
        sock_read=limits.read_timeout,
    )


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    # Stored validators came from a server; a line break in one would be header injection.
    if etag and "\r" not in etag and "\n" not in etag:
        headers["If-None-Match"] = etag
    if last_modified and "\r" not in last_modified and "\n" not in last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _next_hop(
    current: str, location: str, status: int, chain: list[str], limits: FetchLimits
) -> str:
    if not location:
        raise FetchError(f"HTTP {status} redirect without a Location header from {current}")
    target = urljoin(current, location)
    try:
        target = validate_feed_url(target, allow_private=limits.allow_private)
    except FetchError as exc:
        raise FetchError(
            f"redirect from {current} to {target[:200]} refused: {exc}", permanent=True
        ) from None
    if target in chain:
        loop = " -> ".join([*chain[chain.index(target) :], target])
        raise FetchError(f"redirect loop: {loop}")
    chain.append(target)
    if len(chain) > limits.max_redirects + 1:
        raise FetchError(
            f"too many redirects (more than {limits.max_redirects}) starting at {chain[0]}"
        )
    return target


async def _finish(
    response: aiohttp.ClientResponse,
    requested: str,
    final_url: str,
    etag: str | None,
    last_modified: str | None,
    limits: FetchLimits,
) -> FetchResult:
    status = response.status
    headers = _plain_headers(response)
    if status == 304:
        return FetchResult(
            url=requested,
            final_url=final_url,
            status=status,
            body=None,
            headers=headers,
            etag=headers.get("etag") or etag,
            last_modified=headers.get("last-modified") or last_modified,
            not_modified=True,
        )
    if not 200 <= status < 300:
        raise _status_error(status, response.reason, final_url, headers)
    body = await _read_limited(response, final_url, limits.max_bytes)
    return FetchResult(
        url=requested,
        final_url=final_url,
        status=status,
        body=body,
        headers=headers,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
        not_modified=False,
    )


async def _read_limited(response: aiohttp.ClientResponse, url: str, max_bytes: int) -> bytes:
    limit_text = f"{max_bytes / 1_000_000:.1f} MB"
    declared = response.content_length
    if declared is not None and declared > max_bytes:
        response.close()
        raise FetchError(
            f"response larger than {limit_text} from {url} (Content-Length: {declared} bytes)"
        )
    chunks: list[bytes] = []
    size = 0
    # Counted after decompression, so a small gzip bomb is cut off like a large body.
    async for chunk in response.content.iter_chunked(_CHUNK_SIZE):
        size += len(chunk)
        if size > max_bytes:
            response.close()
            raise FetchError(f"response larger than {limit_text} from {url}")
        chunks.append(chunk)
    return b"".join(chunks)


def _plain_headers(response: aiohttp.ClientResponse) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in response.headers.items():
        key = name.lower()
        if key in _WIRE_HEADERS:
            continue
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


def _status_error(status: int, reason: str | None, url: str, headers: dict[str, str]) -> FetchError:
    phrase = reason or _standard_phrase(status)
    message = f"HTTP {status} {phrase} from {url}".replace("  ", " ")
    retry_after = _retry_after_seconds(headers.get("retry-after"))
    if retry_after is None and status == 429:
        # Mastodon and Bluesky say when the limit resets instead of Retry-After.
        retry_after = rate_limit_reset_seconds(headers)
    if status == 429 or (status == 503 and retry_after is not None):
        if retry_after is not None:
            message += f" (retry after {retry_after:g} s)"
        return RetryLaterError(message, status=status, retry_after=retry_after)
    return FetchError(message, permanent=status in _PERMANENT_STATUSES, status=status)


def _standard_phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a Retry-After value (delta-seconds or an HTTP date), None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(tz=UTC)).total_seconds())


def rate_limit_reset_seconds(headers: dict[str, str]) -> float | None:
    """Seconds until the rate limit resets, from `X-RateLimit-Reset` (Mastodon: an ISO 8601
    time) or `RateLimit-Reset` (Bluesky: epoch seconds); None when neither is usable."""
    value = (headers.get("x-ratelimit-reset") or headers.get("ratelimit-reset") or "").strip()
    if not value:
        return None
    now = datetime.now(tz=UTC)
    if value.isdigit():
        number = float(value)
        # epoch seconds, or (the IETF draft) seconds from now
        seconds = number - now.timestamp() if number > 1_000_000_000 else number
        return max(0.0, seconds)
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _failure(exc: BaseException, url: str, limits: FetchLimits) -> FetchError:
    """Turn what aiohttp raised into a FetchError that says what went wrong, in words."""
    host = urlsplit(url).hostname or url
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return FetchError(f"timed out after {limits.connect_timeout:g} s connecting to {url}")
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return FetchError(f"timed out after {limits.read_timeout:g} s reading {url}")
    if isinstance(exc, TimeoutError):
        total = limits.connect_timeout + limits.read_timeout
        return FetchError(f"timed out after {total:g} s fetching {url} (the whole response)")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        if isinstance(exc.os_error, RefusedAddressError):
            return FetchError(
                f"refused to connect to {url}: {exc.os_error}; feeds must be on the public "
                "internet",
                permanent=True,
            )
        detail = exc.os_error.strerror or str(exc.os_error)
        return FetchError(f"could not resolve host {host} (DNS lookup failed: {detail})")
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return FetchError(f"TLS certificate of {host} was not accepted: {exc.certificate_error}")
    if isinstance(exc, aiohttp.ClientSSLError):
        return FetchError(f"TLS handshake with {host} failed: {exc}")
    if isinstance(exc, aiohttp.ClientConnectorError):
        if isinstance(exc.os_error, ConnectionRefusedError):
            return FetchError(f"connection refused by {exc.host}:{exc.port} ({url})")
        detail = exc.os_error.strerror or str(exc.os_error)
        return FetchError(f"could not connect to {exc.host}:{exc.port} ({url}): {detail}")
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return FetchError(f"the server closed the connection before answering ({url})")
    if isinstance(exc, aiohttp.ClientPayloadError):
        return FetchError(f"the response body from {url} was cut off or malformed: {exc}")
    if isinstance(exc, aiohttp.InvalidURL | ValueError):
        return FetchError(f"cannot request {url}: {exc}", permanent=True)
    if isinstance(exc, aiohttp.ClientResponseError):
        return FetchError(f"invalid HTTP response from {url}: {exc.message}")
    return FetchError(f"fetching {url} failed: {exc.__class__.__name__}: {exc}")
