"""Which account a social source follows, written one way: `<kind>:<account>`.

A source is stored where feeds are stored, under this text in place of a feed URL, so the
store, `feeds list`, enable/disable and the poll schedule treat accounts and feeds alike.
Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.errors import FetchError

SOCIAL_KINDS = ("mastodon", "bluesky", "telegram", "youtube")
FEED_KINDS = ("rss", "atom")
ALL_KINDS = FEED_KINDS + SOCIAL_KINDS

_MASTODON_USER = re.compile(r"[A-Za-z0-9_]{1,64}")
# A host name with an optional port (a port is how tests reach a local instance).
_HOST = re.compile(r"(?=.{1,253}(:\d{1,5})?$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
                   r"(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?")
_BSKY_HANDLE = re.compile(r"(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+"
                          r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
_DID = re.compile(r"did:(plc|web):[A-Za-z0-9._:%-]{1,2000}")
_TELEGRAM = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_YOUTUBE_CHANNEL = re.compile(r"UC[A-Za-z0-9_-]{22}")


@dataclass(frozen=True, slots=True)
class SourceRef:
    kind: str  # one of SOCIAL_KINDS
    account: str  # normalised: alice@mastodon.social, alice.bsky.social, did:plc:…, channel, UC…

    @property
    def uri(self) -> str:
        return f"{self.kind}:{self.account}"

    @property
    def display(self) -> str:
        """The account as people write it: @alice@mastodon.social, @alice.bsky.social."""
        if self.kind in ("mastodon", "bluesky", "telegram") and not self.account.startswith(
                "did:"):
            return "@" + self.account
        return self.account


def parse_source_uri(text: str) -> SourceRef | None:
    """The source a stored `<kind>:<account>` names; None for an http(s) feed URL."""
    kind, sep, account = text.partition(":")
    if not sep or kind not in SOCIAL_KINDS:
        return None
    return source_ref(kind, account)


def source_ref(kind: str, account: str) -> SourceRef:
    """Normalise what a user typed for an account of `kind` (a handle, "@user@instance",
    a DID, a channel name or the account's web address); raise `FetchError(permanent=True)`
    saying what is wrong."""
    if kind not in SOCIAL_KINDS:
        raise _refuse(f"unknown source kind {kind!r}: use one of {', '.join(ALL_KINDS)}")
    raw = (account or "").strip()
    if not raw or len(raw) > 300 or any(c.isspace() for c in raw):
        raise _refuse(f"a {kind} account must be one word, not {raw[:80]!r}")
    normalise = {"mastodon": _mastodon, "bluesky": _bluesky, "telegram": _telegram,
                 "youtube": _youtube}[kind]
    return SourceRef(kind, normalise(raw))


def _mastodon(raw: str) -> str:
    if raw.startswith(("https://", "http://")):
        # https://mastodon.social/@alice
        parts = urlsplit(raw)
        path = parts.path.strip("/")
        if path.startswith("@") and "/" not in path:
            raw = f"{path}@{parts.netloc}"
    user, sep, host = raw.lstrip("@").partition("@")
    if not sep or not _MASTODON_USER.fullmatch(user) or not _HOST.fullmatch(host):
        raise _refuse(f"a Mastodon account is written @user@instance (e.g. "
                      f"@alice@mastodon.social), not {raw[:80]!r}")
    return f"{user}@{host.lower()}"


def _bluesky(raw: str) -> str:
    if raw.startswith(("https://", "http://")):
        # https://bsky.app/profile/alice.bsky.social
        path = urlsplit(raw).path.strip("/").split("/")
        if len(path) >= 2 and path[0] == "profile":
            raw = path[1]
    if _DID.fullmatch(raw):
        return raw
    handle = raw.lstrip("@").lower()
    if not _BSKY_HANDLE.fullmatch(handle):
        raise _refuse(f"a Bluesky account is a handle (alice.bsky.social) or a DID "
                      f"(did:plc:…), not {raw[:80]!r}")
    return handle


def _telegram(raw: str) -> str:
    if "t.me/" in raw:
        path = raw.split("t.me/", 1)[1].strip("/").split("/")
        raw = path[1] if path[0] == "s" and len(path) > 1 else path[0]
    name = raw.lstrip("@")
    if not _TELEGRAM.fullmatch(name):
        raise _refuse(f"a Telegram channel is its public name (5-32 letters, digits or _), "
                      f"not {raw[:80]!r}")
    return name.lower()


def _youtube(raw: str) -> str:
    if raw.startswith(("https://", "http://")):
        parts = urlsplit(raw)
        path = parts.path.strip("/").split("/")
        if len(path) >= 2 and path[0] == "channel":
            raw = path[1]
        elif "channel_id=" in parts.query:
            raw = parts.query.split("channel_id=", 1)[1].split("&", 1)[0]
    if not _YOUTUBE_CHANNEL.fullmatch(raw):
        raise _refuse(f"a YouTube channel is given by its channel id (UC followed by 22 "
                      f"characters, shown in the channel's address), not {raw[:80]!r}; "
                      "@handles are not resolved")
    return raw


def _refuse(message: str) -> FetchError:
    return FetchError(message, permanent=True)
