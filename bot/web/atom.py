"""Atom (RFC 4287) documents of status changes: pure, from store records to bytes.

Ids are tag URIs built from stored ids only (`tag:invitewatch,2021:status-change/17`), so
they stay the same whatever address the site is reached at; `updated` is when the tracker
learned of the change. ElementTree escapes every text and attribute."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.store.api import StatusChange
from bot.web.text import safe_href, status_label

ATOM_NS = "http://www.w3.org/2005/Atom"
ID_PREFIX = "tag:invitewatch,2021:"
# The `updated` of a feed with no entry yet: fixed, so an empty feed does not change.
EPOCH = datetime(2021, 1, 1, tzinfo=UTC)

ET.register_namespace("", ATOM_NS)


@dataclass(frozen=True, slots=True)
class FeedInfo:
    key: str  # e.g. "all", "status/accepted", "figure/vladimir-putin": the feed's stable id
    title: str
    self_url: str  # absolute
    page_url: str  # absolute: the HTML page showing the same
    base_url: str  # absolute, no trailing slash: entries link to base_url + /invitations/N


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        child.text = text
    return child


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


def entry_title(change: StatusChange) -> str:
    inv = change.invitation
    who = f"{inv.inviter.name} → {inv.invitee.name}"
    if change.from_status is None:
        return f"New invitation: {who} ({inv.occasion.describe()}), {status_label(change.to_status)}"
    return (f"{who} ({inv.occasion.describe()}): {status_label(change.to_status)}, "
            f"was {status_label(change.from_status)}")


def entry_summary(change: StatusChange) -> str:
    evidence = next((e.evidence for e in reversed(change.invitation.timeline)
                     if e.url == change.source_url and e.status == change.to_status
                     and e.evidence), "")
    lines = [f"Invitation #{change.invitation.id}: {status_label(change.to_status)} "
             f"as of {change.at.date().isoformat()}."]
    if evidence:
        lines.append(f"“{evidence}”")
    source = safe_href(change.source_url)
    if source:
        lines.append(f"Source: {source}")
    return "\n".join(lines)


def _entry(feed: ET.Element, change: StatusChange, info: FeedInfo) -> None:
    entry = _el(feed, "entry")
    _el(entry, "id", f"{ID_PREFIX}status-change/{change.id}")
    _el(entry, "title", entry_title(change), type="text")
    _el(entry, "updated", stamp(change.created_at))
    _el(entry, "published", stamp(change.created_at))
    _el(entry, "link", rel="alternate", type="text/html",
        href=f"{info.base_url}/invitations/{change.invitation.id}")
    source = safe_href(change.source_url)
    if source:
        _el(entry, "link", rel="related", href=source)
    _el(entry, "category", term=change.to_status.value, label=status_label(change.to_status))
    _el(entry, "summary", entry_summary(change), type="text")


def atom_feed(changes: Sequence[StatusChange], info: FeedInfo) -> bytes:
    """The feed document, newest entry first."""
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _el(feed, "id", f"{ID_PREFIX}feed/{info.key}")
    _el(feed, "title", info.title, type="text")
    updated = max((c.created_at for c in changes), default=EPOCH)
    _el(feed, "updated", stamp(updated))
    _el(feed, "link", rel="self", type="application/atom+xml", href=info.self_url)
    _el(feed, "link", rel="alternate", type="text/html", href=info.page_url)
    author = _el(feed, "author")
    _el(author, "name", "invitewatch")
    _el(feed, "generator", "invitewatch")
    for change in changes:
        _entry(feed, change, info)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
