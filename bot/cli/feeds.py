"""`invitewatch feeds add|list|enable|disable|test|remove`: the feed lifecycle on the
command line."""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import click

from bot.cli.common import Context, friendly_errors, json_line
from bot.errors import FetchError, InvitewatchError, ParseError
from bot.notify.console import printable

if TYPE_CHECKING:
    from bot.feeds.probe import Probe
    from bot.store.api import FeedRecord


def _probe(ctx: Context, url: str) -> Probe:
    from bot.app import fetch_limits, source_endpoints
    from bot.feeds.fetch import make_session
    from bot.feeds.probe import probe_feed

    limits = fetch_limits(ctx.config.settings)
    endpoints = source_endpoints(ctx.config.settings)

    async def run() -> Probe:
        async with make_session(limits) as session:
            return await probe_feed(session, url, limits, endpoints)

    return asyncio.run(run())


def _when(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M} UTC" if value else "never"


def _find(unit: Any, url: str) -> FeedRecord:
    from bot.feeds.sources import check_feed_or_source
    try:
        wanted = check_feed_or_source(url, True)
    except InvitewatchError:
        wanted = url.strip()
    record = unit.get_feed(wanted) or unit.get_feed(url.strip())
    if record is None:
        raise click.ClickException(f"no such feed: {url} (see `invitewatch feeds list`)")
    return record


def register(main: click.Group) -> None:
    for command in (feeds_add, feeds_list, feeds_enable, feeds_disable, feeds_test,
                    feeds_remove):
        feeds.add_command(command)
    main.add_command(feeds)


KINDS = ("rss", "atom", "mastodon", "bluesky", "telegram", "youtube")


def _address(url: str, kind: str) -> str:
    """What is stored for a feed (its URL) or an account ("<kind>:<account>")."""
    return url.strip() if kind in ("rss", "atom") else f"{kind}:{url.strip()}"


@click.command(name="add")
@click.argument("url")
@click.option("--kind", type=click.Choice(KINDS), default="rss", show_default=True,
              help="An RSS/Atom feed (URL), or an account to follow on a platform: "
                   "@user@instance (mastodon), handle or DID (bluesky), channel name "
                   "(telegram), channel id UC… (youtube).")
@click.option("--name", help="A display name (default: the feed's own title).")
@click.option("--lang", help="The feed's language code, as a hint (e.g. de).")
@click.option("--no-check", is_flag=True,
              help="Add without fetching it first (for a feed that is down right now).")
@click.pass_obj
@friendly_errors
def feeds_add(ctx: Context, url: str, kind: str, name: str | None, lang: str | None,
              no_check: bool) -> None:
    """Add a feed by URL. It is fetched once first: a typo or a page that is not a feed is
    reported now, not an hour later; a web page's announced feed (<link rel="alternate">)
    is found and added instead of the page."""
    from bot.feeds.sources import check_feed_or_source
    allow_private = ctx.config.settings.polling.allow_private_addresses
    clean = check_feed_or_source(_address(url, kind), allow_private)
    if lang is not None and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", lang):
        raise click.BadParameter("a language code such as de or pt-BR", param_hint="--lang")
    name = (printable(name, one_line=True)[:200] or None) if name else None
    store = ctx.synced_store()
    with store.unit() as unit:
        known = unit.get_feed(clean)
    if known is not None:  # nothing to fetch: say what state it is in
        _already(known)
        return
    probe = None
    if not no_check:
        try:
            probe = _probe(ctx, clean)
        except (FetchError, ParseError) as exc:
            raise click.ClickException(
                f"not added: {exc}\n  Check the address; to add it anyway (e.g. the site is "
                f"down right now): invitewatch feeds add --no-check {clean}") from exc
        clean = probe.url
        name = name or (printable(probe.title, one_line=True)[:200] if probe.title else None)
        lang = lang or probe.lang
    now = datetime.now(UTC)
    with store.unit() as unit:
        existing = unit.get_feed(clean)
        if existing is None:
            unit.add_feed(clean, title=name, lang=lang, origin="user", now=now)
            unit.audit(actor="cli", guild_id=None, action="feed_add", detail={"url": clean},
                       now=now)
    if probe is not None and probe.discovered_from:
        click.echo(f"{probe.discovered_from} is a web page; it announces the feed {clean}")
    if existing is not None:
        _already(existing)
        return
    click.echo(f"added: {clean}")
    if probe is not None:
        click.echo(f"  {printable(probe.title or '(no title)', one_line=True)} "
                   f"[{probe.lang or '?'}], {len(probe.entries)} entries now")
        if probe.warning:
            click.echo(f"  note: {printable(probe.warning, one_line=True)}")
        if not probe.entries:
            click.echo("  note: the feed has no entries right now")
    else:
        click.echo("  not fetched (--no-check): `invitewatch feeds list` shows how its first "
                   "poll went")


def _already(existing: FeedRecord) -> None:
    click.echo(f"already present: {existing.url} ({existing.state.value})")
    if existing.state.value == "disabled":
        click.echo(f"  disabled since {_when(existing.disabled_at)}: "
                   f"{printable(existing.disabled_reason or '?', one_line=True)}\n"
                   f"  re-enable it with: invitewatch feeds enable {existing.url}")


def _feed_json(f: FeedRecord) -> dict[str, Any]:
    disabled = f.state.value == "disabled"
    return {
        "url": f.url, "title": f.title, "lang": f.lang, "state": f.state.value,
        "origin": f.origin, "failures": f.failure_count, "last_error": f.last_error,
        # a disabled feed is never polled: no next poll to promise
        "next_poll_at": None if disabled else f.next_poll_at.isoformat(),
        "last_success_at": f.last_success_at.isoformat() if f.last_success_at else None,
        "disabled_at": f.disabled_at.isoformat() if f.disabled_at else None,
        "disabled_reason": f.disabled_reason,
        "entries_seen": f.entries_seen}


@click.command(name="list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@friendly_errors
def feeds_list(ctx: Context, as_json: bool) -> None:
    """List feeds with their true state: next poll, last success and error; for a disabled
    feed, since when, why, and how to enable it again."""
    store = ctx.synced_store()
    with store.unit() as unit:
        records = unit.list_feeds()
    if as_json:
        click.echo(json.dumps([_feed_json(f) for f in records], ensure_ascii=False, indent=2))
        return
    if not records:
        click.echo("no feeds; add one with `invitewatch feeds add URL` or in config/feeds.toml")
        return
    for f in records:
        title = printable(f.title or "", one_line=True)
        click.echo(f"{f.state.value:<8} {f.url}")
        line = (f"         {title} [{f.lang or '?'}] origin={f.origin}, {f.entries_seen} "
                f"entries, last success {_when(f.last_success_at)}")
        if f.state.value != "disabled":
            line += f", next poll {_when(f.next_poll_at)}"
        click.echo(line)
        if f.state.value == "disabled":
            why = printable(f.disabled_reason or f.last_error or "?", one_line=True)
            click.echo(f"         disabled since {_when(f.disabled_at)}: {why}")
            click.echo(f"         not polled; enable with: invitewatch feeds enable {f.url}")
        elif f.last_error:
            error = printable(f.last_error, one_line=True)
            click.echo(f"         last error ({f.failure_count} in a row): {error}")


@click.command(name="enable")
@click.argument("url")
@click.pass_obj
@friendly_errors
def feeds_enable(ctx: Context, url: str) -> None:
    """Poll a disabled feed again, from now, with its failure count reset."""
    store = ctx.synced_store()
    now = datetime.now(UTC)
    with store.unit() as unit:
        record = _find(unit, url)
        if record.state.value != "disabled":
            click.echo(f"already enabled: {record.url} ({record.state.value})")
            return
        unit.enable_feed(record.url, now=now)
        unit.audit(actor="cli", guild_id=None, action="feed_enable",
                   detail={"url": record.url, "was": record.disabled_reason}, now=now)
    click.echo(f"enabled: {record.url} (was disabled since {_when(record.disabled_at)}: "
               f"{printable(record.disabled_reason or '?', one_line=True)}); it is polled "
               "at the next cycle of the running bot, or by `invitewatch poll --once`")


@click.command(name="disable")
@click.argument("url")
@click.option("--reason", default="", help="Why, for `feeds list` and the audit log.")
@click.pass_obj
@friendly_errors
def feeds_disable(ctx: Context, url: str, reason: str) -> None:
    """Stop polling a feed without removing it (its articles and invitations stay; config
    feeds stay listed in feeds.toml). `feeds enable` brings it back."""
    store = ctx.synced_store()
    now = datetime.now(UTC)
    why = "disabled by hand (cli)" + (f": {printable(reason, one_line=True)[:300]}"
                                      if reason.strip() else "")
    with store.unit() as unit:
        record = _find(unit, url)
        if record.state.value == "disabled":
            click.echo(f"already disabled: {record.url} since {_when(record.disabled_at)}")
            return
        unit.disable_feed(record.url, reason=why, now=now)
        unit.audit(actor="cli", guild_id=None, action="feed_disable",
                   detail={"url": record.url, "reason": reason}, now=now)
    click.echo(f"disabled: {record.url}; enable with: invitewatch feeds enable {record.url}")


@click.command(name="test")
@click.argument("url")
@click.option("--kind", type=click.Choice(KINDS), default="rss", show_default=True,
              help="As for `feeds add`.")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per entry.")
@click.pass_obj
@friendly_errors
def feeds_test(ctx: Context, url: str, kind: str, as_json: bool) -> None:
    """Dry run: fetch URL (or the account) once and show the entries it would read and what
    the matcher finds in each. Nothing is stored."""
    from bot.feeds.sources import check_feed_or_source
    clean = check_feed_or_source(_address(url, kind),
                                 ctx.config.settings.polling.allow_private_addresses)
    try:
        probe = _probe(ctx, clean)
    except (FetchError, ParseError) as exc:
        raise click.ClickException(str(exc)) from exc
    matcher = ctx.matcher()
    if not as_json:
        if probe.discovered_from:
            click.echo(f"{probe.discovered_from} is a web page announcing {probe.url}")
        click.echo(f"{probe.url}: {printable(probe.title or '(no title)', one_line=True)} "
                   f"[{probe.lang or '?'}], {len(probe.entries)} entries")
        if probe.warning:
            click.echo(f"note: {printable(probe.warning, one_line=True)}")
    found = 0
    for article in probe.entries:
        article = replace(article, lang=article.lang or probe.lang)
        result = matcher.match(article)
        found += len(result.mentions)
        if as_json:
            click.echo(json_line({
                "url": article.url, "title": article.title, "lang": result.lang,
                "published": article.published.isoformat() if article.published else None,
                "invitations": [{"inviter": m.inviter.name, "invitee": m.invitee.name,
                                 "occasion": m.occasion.describe(), "status": m.status.value,
                                 "confidence": round(m.confidence, 3)} for m in result.mentions],
                "observations": [{"first": o.first.name, "second": o.second.name,
                                  "status": o.status.value} for o in result.observations]}))
            continue
        day = f"{article.published:%Y-%m-%d}" if article.published else "undated"
        click.echo(f"\n- {day} [{result.lang}] {printable(article.title or '(untitled)', one_line=True)[:120]}")
        if article.url:
            click.echo(f"  {printable(article.url, one_line=True)}")
        for m in result.mentions:
            click.echo(f"  invitation: {printable(m.inviter.name, one_line=True)} → "
                       f"{printable(m.invitee.name, one_line=True)}, "
                       f"{printable(m.occasion.describe(), one_line=True)}: {m.status.value} "
                       f"(confidence {m.confidence:.2f})")
        for o in result.observations:
            click.echo(f"  observation: {printable(o.first.name, one_line=True)} / "
                       f"{printable(o.second.name, one_line=True)}: {o.status.value}")
        if not result.mentions and not result.observations:
            click.echo("  nothing found")
    if not as_json:
        click.echo(f"\n{len(probe.entries)} entries, {found} invitations found; nothing stored",
                   err=True)


@click.group()
def feeds() -> None:
    """Manage the feeds polled (config/feeds.toml feeds are added automatically)."""


def _stored_url(ctx: Context, url: str) -> str:
    """The URL as `feeds add` stored it (normalised), or as given if it does not parse."""
    from bot.feeds.urls import validate_feed_url
    try:
        return validate_feed_url(url, allow_private=True)
    except InvitewatchError:
        return url.strip()


@click.command(name="remove")
@click.argument("url")
@click.pass_obj
@friendly_errors
def feeds_remove(ctx: Context, url: str) -> None:
    """Remove a feed added by command or from Discord (its articles and invitations stay).
    Feeds listed in config/feeds.toml are removed by editing that file."""
    wanted = _stored_url(ctx, url)
    store = ctx.synced_store()
    with store.unit() as unit:
        record = unit.get_feed(wanted) or unit.get_feed(url.strip())
        if record is not None and record.origin == "config":
            where = ctx.config.config_dir / "feeds.toml" if ctx.config.config_dir else "feeds.toml"
            raise click.ClickException(f"{record.url} is listed in {where}: remove it there "
                                       "(the running bot picks the change up)")
        if record is not None:
            unit.remove_feed(record.url)
            unit.audit(actor="cli", guild_id=None, action="feed_remove",
                       detail={"url": record.url}, now=datetime.now(UTC))
    if record is None:
        raise click.ClickException(f"no such feed: {url} (see `invitewatch feeds list`)")
    click.echo(f"removed: {record.url}")
