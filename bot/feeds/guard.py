"""A DNS resolver for aiohttp that refuses names pointing at non-public addresses.

Checking a host name's addresses before the request is not enough: the name can resolve
differently a moment later (DNS rebinding). The check therefore sits inside the resolver
that the connector uses for the connection itself, so the address that is checked is the
address that is dialled. IP literals never reach a resolver; `validate_feed_url` refuses
those by their text on every hop.
"""

from __future__ import annotations

import ipaddress
import socket

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from bot.feeds import urls


class RefusedAddressError(OSError):
    """Every address of a host is one the bot must not connect to.

    An OSError so that aiohttp reports it as a failed lookup (ClientConnectorDNSError)
    without connecting; the fetcher recognises it and says why.
    """

    def __init__(self, host: str, address: str, reason: str) -> None:
        super().__init__(f"{host} resolves to {address}, {urls.with_article(reason)} address")
        self.host = host
        self.address = address
        self.reason = reason


class PublicAddressResolver(AbstractResolver):
    """Resolves with `inner` and drops every non-public address from the answer."""

    def __init__(self, inner: AbstractResolver | None = None) -> None:
        self._inner = inner if inner is not None else DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await self._inner.resolve(host, port, family)
        allowed: list[ResolveResult] = []
        refused: tuple[str, str] | None = None
        for answer in answers:
            reason = _refusal(answer["host"])
            if reason is None:
                allowed.append(answer)
            elif refused is None:
                refused = (answer["host"], reason)
        if not allowed:
            if refused is not None:
                raise RefusedAddressError(host, *refused)
            raise OSError(f"{host} has no address")
        return allowed

    async def close(self) -> None:
        await self._inner.close()


def _refusal(address: str) -> str | None:
    try:
        parsed = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "unparseable"
    # Looked up through the module so that one policy governs literals and lookups.
    return urls.address_refusal(parsed)
