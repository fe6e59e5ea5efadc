"""Text from articles must never ping anyone, nor break out of its formatting.

Two independent guards, because either alone has failed in other bots: every message is
sent with restrictive `AllowedMentions` (Discord then ignores any mention in the text), and
the text itself is escaped (so a mention cannot even *look* live, and a later edit or a
copy-paste by a user cannot turn it into a ping).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import discord

ZERO_WIDTH_SPACE = "\u200b"
_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_SNOWFLAKE = re.compile(r"^[0-9]{15,21}$")
MAX_LINK_URL = 512  # longer URLs are shown without a link rather than eating the field


def escape_untrusted(text: str) -> str:
    """Neutralise mentions and markdown in text that came from outside (articles, feeds,
    user input echoed back)."""
    text = discord.utils.escape_mentions(text)
    # escape_mentions already covers the lower-case forms; Discord's parser is
    # case-sensitive today, but break every spelling in case that changes.
    text = _MASS_MENTION.sub(lambda m: "@" + ZERO_WIDTH_SPACE + m.group(1), text)
    text = text.replace("<#", "<" + ZERO_WIDTH_SPACE + "#")
    return discord.utils.escape_markdown(text)


def is_snowflake(value: str | None) -> bool:
    return value is not None and bool(_SNOWFLAKE.match(value))


def allowed_mentions(role_id: str | None) -> discord.AllowedMentions:
    """Nobody but the server's configured role may be pinged, and only that role."""
    roles: list[discord.abc.Snowflake] | bool = False
    if is_snowflake(role_id):
        roles = [discord.Object(id=int(role_id))]  # type: ignore[arg-type]
    return discord.AllowedMentions(everyone=False, users=False, roles=roles, replied_user=False)


NO_MENTIONS = discord.AllowedMentions(everyone=False, users=False, roles=False, replied_user=False)


def role_mention(role_id: str | None) -> str:
    return f"<@&{role_id}>" if is_snowflake(role_id) else ""


def safe_link_url(url: str | None) -> str | None:
    """An http(s) URL fit for an embed `url` or a markdown link, else None.

    Discord rejects a whole message (400) for one malformed embed URL, so anything doubtful
    (including credentials in the URL) is dropped; characters that would end a markdown
    link early are percent-encoded.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username is not None or any(ch.isspace() for ch in url):
        return None
    # "@" is encoded too, so "…/@everyone" in a link cannot read as a mention anywhere.
    # The limit applies to what Discord receives: percent-encoding can triple a length.
    encoded = quote(url, safe=":/?#[]!$&'*+,;=%-._~")
    return encoded if len(encoded) <= MAX_LINK_URL else None


def link(label: str, url: str | None) -> str:
    """`[label](url)` with an escaped label, or the label alone when the URL is unusable."""
    safe_url = safe_link_url(url)
    label = escape_untrusted(label).replace("]", "\\]").replace("[", "\\[")
    if safe_url is None:
        return label
    return f"[{label}]({safe_url})"


def bare_url(url: str) -> str:
    """A URL to show as text, in angle brackets (no preview), inert like every other text."""
    safe = safe_link_url(url)
    return f"<{safe}>" if safe is not None else f"`{escape_untrusted(url)[:200]}`"
