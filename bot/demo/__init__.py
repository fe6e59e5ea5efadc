"""`invitewatch demo`: the real pipeline over bundled example feeds, offline.

A small HTTP server on 127.0.0.1 serves the example feeds as they stand on each simulated
day; the real poller fetches and parses them, the matcher and tracker fold them into
invitations, and the console notifier prints what Discord would show. The clock is
simulated, so the whole story runs in seconds, in a temporary database.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime
from importlib import resources
from pathlib import Path
from typing import Any, TextIO
from xml.sax.saxutils import escape

from aiohttp import web

from bot.config import Config
from bot.matcher import Matcher
from bot.notify.console import ConsoleNotifier
from bot.notify.outbox import OutboxDelivery
from bot.pipeline import Poller, PollPolicy
from bot.store import open_store
from bot.tracker import TrackerPolicy


@dataclass
class DemoFeeds:
    """The example feeds' content as of the current simulated day."""

    story: dict[str, Any]
    day: int = -1
    published: dict[str, list[tuple[datetime, dict[str, Any]]]] = field(default_factory=dict)

    def advance_to(self, day: dict[str, Any], when: datetime) -> None:
        self.day = day["day"]
        for n, item in enumerate(day["items"]):
            stamp = when - timedelta(hours=2) + timedelta(minutes=7 * n)
            self.published.setdefault(item["feed"], []).append((stamp, item))

    def render(self, feed_key: str, base: str) -> str:
        meta = self.story["feeds"][feed_key]
        items = []
        for stamp, item in reversed(self.published.get(feed_key, [])):
            link = f"{base}/articles/{item['id']}"
            items.append(
                "<item>"
                f"<title>{escape(item['title'])}</title>"
                f"<link>{escape(link)}</link>"
                f"<guid isPermaLink=\"false\">{escape(item['id'])}</guid>"
                f"<pubDate>{format_datetime(stamp)}</pubDate>"
                f"<description>{escape('<p>' + item['text'] + '</p>')}</description>"
                "</item>")
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                "<rss version=\"2.0\"><channel>"
                f"<title>{escape(meta['title'])}</title><link>{escape(base)}</link>"
                f"<description>invitewatch demo</description><language>{meta['lang']}</language>"
                + "".join(items) + "</channel></rss>")


def load_story() -> dict[str, Any]:
    text = resources.files("bot.demo").joinpath("story.json").read_text(encoding="utf-8")
    story: dict[str, Any] = json.loads(text)
    return story


async def _serve(feeds: DemoFeeds) -> tuple[web.AppRunner, str]:
    app = web.Application()
    by_path = {meta["path"]: key for key, meta in feeds.story["feeds"].items()}
    base_holder: dict[str, str] = {}

    async def handle(request: web.Request) -> web.Response:
        key = by_path.get(request.path)
        if key is None:
            return web.Response(status=404, text="not found")
        body = feeds.render(key, base_holder["base"])
        return web.Response(body=body.encode("utf-8"),
                            headers={"Content-Type": "application/rss+xml; charset=utf-8"})

    app.router.add_get("/{name}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = int(runner.addresses[0][1])
    base_holder["base"] = f"http://127.0.0.1:{port}"
    return runner, base_holder["base"]


async def run_demo(config: Config, *, out: TextIO, delay: float = 0.0,
                   database_url: str | None = None) -> None:
    from bot.app import fetch_limits
    from bot.notify.console import format_table

    story = load_story()
    feeds = DemoFeeds(story)
    start = date.fromisoformat(story["start"])
    clock_now = [datetime.combine(start, time(9), tzinfo=UTC)]

    def clock() -> datetime:
        return clock_now[0]

    matcher = Matcher.load(overrides=config.figures_path)
    runner, base = await _serve(feeds)
    with tempfile.TemporaryDirectory(prefix="invitewatch-demo-") as tmp:
        store = open_store(database_url or f"sqlite:///{Path(tmp) / 'demo.db'}")
        try:
            limits = replace(fetch_limits(config.settings), allow_private=True)
            poller = Poller(store, lambda: matcher, limits=limits,
                            poll=PollPolicy(interval=timedelta(hours=1), jitter=timedelta(0),
                                            backfill=timedelta(days=2)),
                            tracker=TrackerPolicy(), clock=clock)
            delivery = OutboxDelivery(store, [ConsoleNotifier(out)], clock=clock)
            with store.unit() as unit:
                for meta in story["feeds"].values():
                    unit.add_feed(base + meta["path"], title=meta["title"], lang=meta["lang"],
                                  origin="user", now=clock())
            out.write(f"invitewatch demo: {len(story['feeds'])} example feeds served at {base},"
                      f" {len(matcher.gazetteer)} figures known\n\n")
            from bot.feeds.fetch import make_session
            async with make_session(limits) as session:
                for day in story["days"]:
                    when = datetime.combine(start + timedelta(days=day["day"]), time(12), tzinfo=UTC)
                    clock_now[0] = when
                    feeds.advance_to(day, when)
                    out.write(f"── day {day['day']} · {when.date().isoformat()} · {day['note']} ──\n")
                    result = await poller.poll_due(session)
                    for feed in result.feeds:
                        if feed.error:
                            out.write(f"   ! {feed.log_line()}\n")
                    out.write(f"   {result.summary()}\n\n")
                    await delivery.deliver_once()
                    if delay:
                        await asyncio.sleep(delay)
            with store.unit() as unit:
                from bot.store.api import InvitationFilter
                items = unit.list_invitations(InvitationFilter(limit=50))
            out.write("── final table ──\n" + format_table(items) + "\n")
            for inv in items:
                out.write(f"\n#{inv.id} timeline:\n")
                for e in inv.timeline:
                    out.write(f"  {e.at.date()}  {e.status.value:<10} [{e.lang}] {e.outlet or ''}\n")
        finally:
            store.close()
            await runner.cleanup()
