"""Which feed URLs the bot may fetch, and one spelling per article URL.

Admins add feeds from Discord, so a feed URL is untrusted input: it must not make the bot
reach the machine it runs on or the network behind it (SSRF). `validate_feed_url` refuses
such URLs by their text; `address_refusal` is also applied to every address a host name
resolves to when the fetcher connects (see `bot.feeds.guard`), because a name can point
anywhere and can change between the check and the request.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import re
import socket
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import idna

from bot.errors import FetchError

MAX_URL_LENGTH = 2048
_ALLOWED_SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")
# Forms such as "2130706433", "0x7f.1" or "127.1" that the C resolver reads as IPv4
# addresses although `ipaddress` does not; they must be checked like any literal.
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]+|[0-9]+)){0,3}\.?$", re.I)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def validate_feed_url(url: str, *, allow_private: bool = False) -> str:
    """Return `url` normalised (lower-case scheme and host, IDNA host, no default port, no
    fragment, "/" for an empty path) or raise `FetchError(permanent=True)` saying why it
    cannot be fetched. The query is kept as given: it may select the feed."""
    if not isinstance(url, str):
        raise _refuse(f"a feed URL must be text, not {type(url).__name__}")
    candidate = url.strip()
    if not candidate:
        raise _refuse("the feed URL is empty")
    if len(candidate) > MAX_URL_LENGTH:
        raise _refuse(
            f"the URL is too long ({len(candidate)} characters; the limit is {MAX_URL_LENGTH})"
        )
    if _CONTROL_OR_SPACE.search(candidate):
        raise _refuse(f"the URL contains spaces or control characters: {candidate[:80]!r}")
    try:
        parts = urlsplit(candidate)
        port = parts.port
    except ValueError as exc:
        raise _refuse(f"{_short(candidate)} is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in _ALLOWED_SCHEMES:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise _refuse(
            f"only http:// and https:// feed URLs are allowed, this one has {shown}: "
            f"{_short(candidate)}"
        )
    if parts.username is not None or parts.password is not None:
        raise _refuse("credentials in the URL (user:password@) are not allowed")
    host = _ascii_host(parts.hostname or "", candidate)
    address = host_address(host)
    if address is not None and not allow_private:
        reason = address_refusal(address)
        if reason:
            raise _refuse(
                f"{host} is {with_article(reason)} address; feeds must be on the public internet"
            )
    if not allow_private and _is_local_name(host):
        raise _refuse(f"{host} names this machine; feeds must be on the public internet")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~") or "/"
    query = quote(parts.query, safe="/%:@!$&'()*+,;=?-._~")
    return urlunsplit((scheme, netloc, path, query, ""))


def address_refusal(address: IPAddress) -> str | None:
    """Why the bot must not connect to `address` ("loopback", "private"...), or None."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address.teredo is not None:
            embedded = address.teredo[1]
        if embedded is not None:
            return address_refusal(embedded)
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-public", not address.is_global),
    )
    return next((name for name, hit in checks if hit), None)


def with_article(word: str) -> str:
    """ "loopback" -> "a loopback", "unspecified" -> "an unspecified"."""
    return f"an {word}" if word[:1] in "aeiou" else f"a {word}"


def host_address(host: str) -> IPAddress | None:
    """The IP address `host` spells, in any form the system resolver accepts, or None."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except OSError:
            return None
    return None


def _is_local_name(host: str) -> bool:
    name = host.rstrip(".")
    return name == "localhost" or name.endswith(".localhost")


def _ascii_host(host: str, url: str) -> str:
    if not host:
        raise _refuse(f"the URL has no host: {_short(url)}")
    if host.startswith("[") or ":" in host:
        return host.strip("[]").lower()
    try:
        return idna.encode(host.rstrip("."), uts46=True).decode("ascii").lower()
    except (idna.IDNAError, UnicodeError) as exc:
        raise _refuse(f"{host!r} is not a valid host name ({exc})") from None


def _refuse(message: str) -> FetchError:
    return FetchError(message, permanent=True)


def _short(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


# Query parameters that only say how a reader arrived (campaigns, click ids); two links
# that differ only in these are the same article.
_TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "ocid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "cmpid",
        "icid",
        "xtor",
        "at_medium",
        "at_campaign",
        "at_custom1",
        "at_custom2",
        "at_custom3",
        "at_custom4",
        "wt_mc",
        "wt.mc_id",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "s_cid",
        "soc_src",
        "soc_trk",
        "smid",
    }
)
_TRACKING_PREFIXES = ("utm_",)


def canonical_url(url: str) -> str:
    """One spelling for an article URL: lower-case scheme and host, no default port, no
    fragment, no tracking parameters (utm_*, fbclid, gclid, ocid...); other query
    parameters keep their order. Text that is not an absolute http(s) URL is returned
    stripped but otherwise unchanged, because a feed's odd link must not stop a poll."""
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
        port = parts.port
    except ValueError:
        return candidate
    scheme = parts.scheme.lower()
    if scheme not in _ALLOWED_SCHEMES or not parts.hostname:
        return candidate
    host = parts.hostname.lower()
    host = _idna_host(host) if ":" not in host else f"[{host}]"
    netloc = host  # credentials are dropped: an article link never needs them
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    query = _strip_tracking(parts.query)
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


@functools.lru_cache(maxsize=4096)
def _idna_host(host: str) -> str:
    """The IDNA form of a host; cached, since a feed's links share a few hosts and idna's
    checks cost more than the rest of `canonical_url`."""
    with contextlib.suppress(idna.IDNAError, UnicodeError):
        return idna.encode(host.rstrip("."), uts46=True).decode("ascii")
    return host


def _strip_tracking(query: str) -> str:
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
    if len(kept) == len(pairs):
        return query  # keep the original spelling when nothing is removed
    return urlencode(kept, doseq=False)


def _is_tracking(name: str) -> bool:
    folded = name.lower()
    return folded in _TRACKING_PARAMETERS or folded.startswith(_TRACKING_PREFIXES)
