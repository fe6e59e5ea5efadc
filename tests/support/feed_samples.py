"""Small feeds written for these tests (invented outlets, people and stories)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    title: str
    description: str = ""
    link: str | None = None
    guid: str | None = None
    pub_date: str | None = None
    content_encoded: str | None = None


def rss(
    items: Sequence[Item],
    *,
    title: str = "Harbour Gazette",
    language: str | None = "en-GB",
    encoding: str = "utf-8",
) -> str:
    parts = [
        f'<?xml version="1.0" encoding="{encoding}"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        "<channel>",
        f"<title>{title}</title>",
        "<link>https://gazette.example/</link>",
        "<description>News from the harbour town</description>",
    ]
    if language:
        parts.append(f"<language>{language}</language>")
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{item.title}</title>")
        if item.link:
            parts.append(f"<link>{item.link}</link>")
        if item.guid:
            parts.append(f'<guid isPermaLink="false">{item.guid}</guid>')
        if item.pub_date:
            parts.append(f"<pubDate>{item.pub_date}</pubDate>")
        if item.description:
            parts.append(f"<description>{item.description}</description>")
        if item.content_encoded:
            parts.append(f"<content:encoded><![CDATA[{item.content_encoded}]]></content:encoded>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts)


INVITATION_ITEM = Item(
    title="Mayor Lind invites Governor Okafor to the lighthouse reopening",
    description="The mayor sent a letter on Monday.",
    link="https://gazette.example/news/lighthouse?utm_source=rss&amp;id=7",
    guid="gazette-7",
    pub_date="Tue, 02 Mar 2021 09:30:00 +0100",
    content_encoded=(
        "<p>Mayor Anna Lind has invited Governor Tom Okafor to the reopening of the "
        "old lighthouse.</p><p>The governor&#8217;s office said it would reply "
        "next week.</p><script>trackReader('lighthouse')</script>"
    ),
)

SIMPLE_FEED = rss(
    [
        INVITATION_ITEM,
        Item(
            title="Ferry timetable changes",
            description="Winter sailings start in November.",
            link="https://gazette.example/news/ferry",
            pub_date="Mon, 01 Mar 2021 08:00:00 GMT",
        ),
    ]
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Harbour Gazette</title></head>
<body><h1>Welcome</h1><p>This is the front page, not a feed.</p></body></html>
"""
