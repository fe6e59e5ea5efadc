"""Embeds stay within Discord's limits, truncate cleanly and carry nothing that can ping."""

from __future__ import annotations

from datetime import timedelta

import discord
import pytest

from bot.discord import limits
from bot.discord.embeds import (
    STATUS_COLOURS,
    new_invitation_embed,
    status_change_embed,
    status_reply_text,
)
from bot.discord.formatting import config_embed, feeds_embed, invitation_detail_embed
from bot.discord.safety import escape_untrusted, link, safe_link_url
from bot.domain import STATUS_SYMBOLS, InvitationState, NotificationKind, Party, Status
from bot.store.api import FeedRecord, FeedState, GuildSettings
from tests.support.builders import AUDIO_CHAT, DAY0, MUSK, PUTIN, notification, timeline_entry

LONG = "word " * 3000  # 15 000 characters


def assert_within_limits(embed: discord.Embed) -> None:
    data = embed.to_dict()
    assert len(data.get("title", "")) <= limits.TITLE
    assert len(data.get("description", "")) <= limits.DESCRIPTION
    assert len(data.get("fields", [])) <= limits.FIELDS
    for fld in data.get("fields", []):
        assert 0 < len(fld["name"]) <= limits.FIELD_NAME
        assert 0 < len(fld["value"]) <= limits.FIELD_VALUE
    assert len(data.get("footer", {}).get("text", "")) <= limits.FOOTER
    assert len(embed) <= limits.TOTAL


def test_clip_cuts_at_a_word_with_an_ellipsis() -> None:
    assert limits.clip("short", 10) == "short"
    clipped = limits.clip("the quick brown fox jumps over", 20)
    assert clipped == "the quick brown fox…" and len(clipped) <= 20
    assert limits.clip("abcdefghij" * 5, 10) == "abcdefghi…"
    assert not limits.clip("ends with a \\_ escape" + "x" * 40, 14).endswith("\\…")
    assert limits.clip("anything", 0) == ""


@pytest.mark.parametrize("status", list(Status))
def test_new_invitation_embed_shows_status_colour_and_symbol(status: Status) -> None:
    embed = new_invitation_embed(notification(status=status))
    assert embed.colour is not None and embed.colour.value == STATUS_COLOURS[status]
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Status"] is not None and fields["Status"].startswith(STATUS_SYMBOLS[status])
    assert embed.url == "https://daily.example/musk-putin"
    assert embed.timestamp == DAY0


def test_huge_notification_fits_every_limit() -> None:
    huge = notification(inviter=Party("A" * 400), invitee=Party("B" * 400), evidence=LONG,
                        outlet="O" * 3000, occasion=LONG, languages=tuple(f"l{i}" for i in range(500)))
    for embed in (new_invitation_embed(huge), status_change_embed(
            notification(NotificationKind.STATUS, status=Status.DECLINED, previous=Status.PENDING,
                         evidence=LONG, outlet="O" * 3000, occasion=LONG))):
        assert_within_limits(embed)
        assert embed.title is not None and (len(embed.title) < 256 or embed.title.endswith("…"))
    assert len(status_reply_text(huge, "123456789012345678")) <= limits.CONTENT


def test_fit_embed_trims_the_total_to_6000() -> None:
    embed = discord.Embed(title="t" * 300, description="d" * 5000)
    for n in range(30):
        embed.add_field(name=f"field {n}", value="v" * 1500)
    limits.fit_embed(embed)
    assert_within_limits(embed)
    assert embed.fields[0].name == "field 0"  # the first fields are the ones kept


def test_unusable_urls_are_dropped_not_sent() -> None:
    assert safe_link_url("javascript:alert(1)") is None
    assert safe_link_url("https://") is None
    assert safe_link_url("https://ok.example/a b") is None
    assert safe_link_url("https://ok.example/" + "x" * 600) is None
    assert safe_link_url("https://ok.example/wiki/Thing_(band)") == "https://ok.example/wiki/Thing_%28band%29"
    embed = new_invitation_embed(notification(url="ftp://files.example/x"))
    assert embed.url is None
    fields = {f.name: f.value for f in embed.fields}
    assert fields["First reported"] == "Daily Example · 2021-02-14"


def test_link_escapes_its_label() -> None:
    assert link("a]b*c", "https://x.example") == "[a\\]b\\*c](https://x.example)"
    assert link("plain", None) == "plain"


@pytest.mark.parametrize("hostile", ["@everyone", "@here", "<@123456789012345678>",
                                     "<@!123456789012345678>", "<@&123456789012345678>", "@EVERYONE"])
def test_escape_untrusted_breaks_every_mention(hostile: str) -> None:
    escaped = escape_untrusted(f"hello {hostile} there")
    assert hostile not in escaped
    assert "\u200b" in escaped


def test_status_reply_names_both_statuses_and_the_source() -> None:
    change = notification(NotificationKind.STATUS, status=Status.WITHDRAWN, previous=Status.RESPONDED,
                          outlet="Zeitung", url="https://zeitung.example/x")
    text = status_reply_text(change, None)
    assert text.startswith("**Status update:** 💬 Responded (non-committal) → 🚫 Withdrawn / lapsed")
    assert "Source: [Zeitung](https://zeitung.example/x) · 2021-02-14" in text
    assert status_reply_text(change, "123456789012345678").startswith("<@&123456789012345678> ")
    assert not status_reply_text(change, "not-a-role").startswith("<@&")


def test_timeline_embed_keeps_the_newest_entries() -> None:
    entries = [timeline_entry(DAY0 + timedelta(days=n), Status.PENDING, url=f"https://n.example/{n}",
                              evidence=LONG) for n in range(40)]
    state = InvitationState(id=3, inviter=MUSK, invitee=PUTIN, occasion=AUDIO_CHAT,
                            status=Status.PENDING, status_at=DAY0, first_seen=DAY0,
                            last_update=entries[-1].at, confidence=0.8, timeline=entries)
    embed = invitation_detail_embed(state)
    assert_within_limits(embed)
    assert embed.fields[0].name == "Earlier"
    assert embed.fields[-1].name is not None and embed.fields[-1].name.startswith("40. 2021-03-25")


def test_feed_and_config_embeds_fit() -> None:
    feeds = [FeedRecord(id=n, url=f"https://feeds.example/{n}/" + "p" * 200, title="T" * 300,
                        lang="en", state=FeedState.FAILING, etag=None, last_modified=None,
                        next_poll_at=DAY0, last_polled_at=None, last_success_at=None,
                        failure_count=3, last_error=LONG, origin="user", entries_seen=n,
                        backfilled=True) for n in range(100)]
    embed = feeds_embed(feeds)
    assert_within_limits(embed)
    assert embed.description is not None and "more" in embed.description
    config = config_embed({"big": LONG, "nested": {"k": "v"}}, GuildSettings(guild_id="1"))
    assert_within_limits(config)
    assert config.description is not None and config.description.endswith("```")


def test_quiet_and_digest_replies() -> None:
    quiet = notification(NotificationKind.QUIET, status=Status.PENDING)
    assert "No news for a while" in status_reply_text(quiet, None)
    digest = notification(NotificationKind.DIGEST, status=Status.RESPONDED)
    assert status_reply_text(digest, None).startswith("📰 New source, status unchanged: 💬")


def test_a_status_change_without_an_earlier_post_is_a_whole_embed() -> None:
    from bot.discord.embeds import notification_embed

    change = notification(NotificationKind.STATUS, status=Status.TOOK_PLACE, previous=Status.ACCEPTED)
    embed = notification_embed(change)
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Status"] == "🤝 Took place (was ✅ Accepted)"
    assert embed.title == "Elon Musk → Vladimir Putin"
    assert "invited **Vladimir Putin** to a conversation on Clubhouse" in (embed.description or "")
