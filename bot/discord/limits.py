"""Discord's size limits and clean truncation.

Discord refuses a whole message (400) when any part of an embed is one character too long,
so every piece of text is clipped where it is built, and `fit_embed` is the last guard on
the total.
"""

from __future__ import annotations

import discord

TITLE = 256
DESCRIPTION = 4096
FIELD_NAME = 256
FIELD_VALUE = 1024
FIELDS = 25
FOOTER = 2048
AUTHOR = 256
TOTAL = 6000
CONTENT = 2000
CHOICES = 25  # autocomplete
CHOICE_NAME = 100
CHOICE_VALUE = 100

ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending with an ellipsis when cut.

    Cuts at a word boundary when one is close, and never leaves a dangling backslash
    (which would escape the ellipsis in markdown).
    """
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    if limit == 1:
        return ELLIPSIS
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    ends_on_word = text[limit - 1].isspace()
    if not ends_on_word and space >= max(1, limit - 20):
        cut = cut[:space]
    cut = cut.rstrip()
    while cut.endswith("\\"):
        cut = cut[:-1]
    return cut + ELLIPSIS


def embed_size(embed: discord.Embed) -> int:
    """The length Discord counts against the 6000-character total."""
    return len(embed)


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Clip every part to its limit, then trim until the total fits. Mutates and returns."""
    if embed.title:
        embed.title = clip(embed.title, TITLE)
    if embed.description:
        embed.description = clip(embed.description, DESCRIPTION)
    if embed.footer.text:
        embed.set_footer(text=clip(embed.footer.text, FOOTER), icon_url=embed.footer.icon_url)
    if embed.author.name:
        embed.set_author(name=clip(embed.author.name, AUTHOR), url=embed.author.url,
                         icon_url=embed.author.icon_url)
    while len(embed.fields) > FIELDS:
        embed.remove_field(len(embed.fields) - 1)
    for index, fld in enumerate(list(embed.fields)):
        embed.set_field_at(index, name=clip(fld.name or "\u200b", FIELD_NAME) or "\u200b",
                           value=clip(fld.value or "\u200b", FIELD_VALUE) or "\u200b",
                           inline=bool(fld.inline))
    excess = embed_size(embed) - TOTAL
    if excess > 0 and embed.description:
        embed.description = clip(embed.description, max(1, len(embed.description) - excess))
        excess = embed_size(embed) - TOTAL
    # Drop fields from the end (the oldest or least important by construction).
    while excess > 0 and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
        excess = embed_size(embed) - TOTAL
    if excess > 0 and embed.title:
        embed.title = clip(embed.title, max(1, len(embed.title) - excess))
    return embed
