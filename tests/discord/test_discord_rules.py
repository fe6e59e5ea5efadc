"""Pure rules of the Discord layer: guild filters and targets, argument parsing, pages,
endpoint redirection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.discord.arguments import (
    UserInputError,
    figure_key,
    parse_figures,
    parse_languages,
    parse_since,
    parse_statuses,
)
from bot.discord.client import bot_intents, configure_endpoints
from bot.discord.filters import (
    parse_target,
    source_kind,
    subscription_targets,
    subscription_wants,
    wants,
)
from bot.discord.pagination import COUNT_CAP, Page
from bot.discord.safety import allowed_mentions
from bot.domain import Party, Status
from bot.errors import ConfigError
from bot.store.api import GuildSettings, Subscription
from tests.support.builders import KANYE, notification

NOW = datetime(2021, 3, 1, 12, 0, tzinfo=UTC)


def resolve(text: str) -> tuple[str, str] | None:
    return ("vladimir-putin", "Vladimir Putin") if text.casefold() in {"putin", "kreml"} else None


# -- filters and targets ------------------------------------------------------------

def guild(guild_id: str = "111", channels: tuple[str, ...] = ("222",), **kw: object) -> GuildSettings:
    return GuildSettings(guild_id=guild_id, channel_ids=list(channels), **kw)


def test_empty_filters_let_everything_through() -> None:
    assert wants(guild(), notification())


@pytest.mark.parametrize(("settings", "expected"), [
    (guild(figure_keys=["vladimir-putin"]), True),
    (guild(figure_keys=["kanye-west"]), False),
    (guild(statuses=[Status.PENDING]), True),
    (guild(statuses=[Status.DECLINED]), False),
    (guild(languages=["EN"]), True),
    (guild(languages=["de"]), False),
    (guild(min_confidence=0.9), True),
    (guild(min_confidence=0.95), False),
])
def test_each_filter(settings: GuildSettings, expected: bool) -> None:
    assert wants(settings, notification(confidence=0.9)) is expected


def test_unknown_figures_match_by_folded_name() -> None:
    stranger = notification(invitee=Party("Jane  DOE"))
    assert wants(guild(figure_keys=["name:jane doe"]), stranger)


def sub(sub_id: int, guild_id: str = "1", channel_id: str = "10", **kw: object) -> Subscription:
    return Subscription(guild_id=guild_id, channel_id=channel_id, id=sub_id, **kw)  # type: ignore[arg-type]


def test_targets_are_per_subscription_and_skip_forbidden_ones() -> None:
    subs = [sub(1), sub(2, channel_id="11", forbidden_at=NOW),
            sub(3, "3", "30", figure_keys=["kanye-west"]),
            sub(4, "4", "40"), sub(5, "4", "40", style="compact")]
    assert subscription_targets(notification(), subs) == [
        "discord:1:10:1", "discord:4:40:4", "discord:4:40:5"]
    assert subscription_targets(notification(invitee=KANYE), subs) == [
        "discord:1:10:1", "discord:3:30:3", "discord:4:40:4", "discord:4:40:5"]


FACTS = {"elon-musk": ("US", "business"), "vladimir-putin": ("RU", "head_of_state")}


@pytest.mark.parametrize(("filters", "expected"), [
    ({"countries": ["RU"]}, True),
    ({"countries": ["FR"]}, False),
    ({"categories": ["business"]}, True),
    ({"categories": ["sport"]}, False),
    ({"source_kinds": ["news"]}, True),
    ({"source_kinds": ["bluesky"]}, False),
    ({"countries": ["US"], "statuses": [Status.DECLINED]}, False),
])
def test_subscription_filters_on_countries_categories_and_sources(
        filters: dict[str, object], expected: bool) -> None:
    facts = lambda figure_id: FACTS.get(figure_id, (None, None))  # noqa: E731
    assert subscription_wants(sub(1, **filters), notification(), facts) is expected


def test_a_post_is_its_platform_as_source_kind() -> None:
    post = notification(outlet="post by @elonmusk on Bluesky")
    assert source_kind(post) == "bluesky" and source_kind(notification()) == "news"
    assert subscription_wants(sub(1, source_kinds=["bluesky"]), post)


def test_parse_target() -> None:
    parsed = parse_target("discord:1:2")
    assert (parsed.guild_id, parsed.channel_id, parsed.subscription_id) == ("1", "2", None)
    assert parse_target("discord:1:2:3").subscription_id == 3
    assert str(parse_target("discord:1:2:3")) == "discord:1:2:3"
    for bad in ("console", "discord:1", "discord:a:2", "slack:1:2", "discord:1:2:x",
                "discord:1:2:3:4"):
        with pytest.raises(ValueError, match="not a Discord channel target"):
            parse_target(bad)


# -- arguments ----------------------------------------------------------------------

def test_parse_since() -> None:
    assert parse_since(None, NOW) is None
    assert parse_since("7d", NOW) == NOW - timedelta(days=7)
    assert parse_since("2W", NOW) == NOW - timedelta(days=14)
    assert parse_since("2021-02-01", NOW) == datetime(2021, 2, 1, tzinfo=UTC)
    for bad, message in [("yesterday", "must be a date"), ("0d", "between 1d"),
                         ("99999d", "between 1d"), ("2021-13-01", "must be a date"),
                         ("2022-01-01", "in the future")]:
        with pytest.raises(UserInputError, match=message):
            parse_since(bad, NOW)


def test_parse_statuses_and_languages() -> None:
    assert parse_statuses("Pending, took place; took-place") == [Status.PENDING, Status.TOOK_PLACE]
    assert parse_statuses("any") == []
    with pytest.raises(UserInputError, match="Unknown status `soon`"):
        parse_statuses("pending, soon")
    assert parse_languages("DE, en, de") == ["de", "en"]
    assert parse_languages("all") == []
    with pytest.raises(UserInputError, match="not a language code"):
        parse_languages("german")
    with pytest.raises(UserInputError, match="at most 25"):
        parse_languages(",".join(f"a{chr(97 + n % 26)}" for n in range(26)) + ",zz")
    with pytest.raises(UserInputError, match="too long"):
        parse_languages("de," * 600)


def test_figures_resolve_through_the_gazetteer_or_stay_names() -> None:
    assert figure_key("Putin", resolve) == ("vladimir-putin", "Vladimir Putin")
    assert figure_key("  Jane   Doe ", resolve) == ("name:jane doe", "Jane Doe")
    assert figure_key("name:Jane Doe", resolve) == ("name:jane doe", "Jane Doe")
    assert parse_figures("Putin, Kreml, Jane Doe", resolve) == [
        ("vladimir-putin", "Vladimir Putin"), ("name:jane doe", "Jane Doe")]
    assert parse_figures("ANY", resolve) == []
    with pytest.raises(UserInputError, match="Give a figure's name"):
        figure_key("   ", resolve)


# -- pages --------------------------------------------------------------------------

def test_pages_are_walked_by_keyset_and_numbered_for_the_footer() -> None:
    page = Page.first(12, shown=5, more=True, size=5)
    assert (page.count, page.has_previous, page.has_next) == (3, False, True)
    last = page.next(12, 5, more=True).next(12, 2, more=False)
    assert (last.number, last.has_previous, last.has_next) == (2, True, False)
    assert last.describe() == "page 3/3 · 11–12 of 12"
    back = last.previous(12, 5, more=True)
    assert (back.number, back.has_previous, back.has_next) == (1, True, True)
    # Nothing before the page the store read: it is the first, whatever the walk counted.
    assert last.previous(14, 5, more=False).number == 0
    # Rows added while walking: the number still counts the pages walked.
    assert Page(4, 3, 5, shown=2, has_previous=True).count == 5
    assert Page(0, 0).describe() == "no results" and Page(0, 0).count == 1
    # Counted up to COUNT_CAP + 1: a larger list is "more than" it.
    deep = Page(300, COUNT_CAP + 1, 5, shown=5, has_previous=True, has_next=True)
    assert deep.describe() == "page 301 · 1501–1505 of more than 1,000"
    assert deep.describe("de") == "Seite 301 · 1501–1505 von mehr als 1.000"
    with pytest.raises(ValueError):
        Page(0, 1, 0)


def test_a_page_of_a_list_held_in_memory_is_found_by_position() -> None:
    # /subscriptions: the whole list is read, so a page is a slice of it.
    page = Page.at(1, 12, 5)
    assert (page.number, page.shown, page.has_previous, page.has_next) == (1, 5, True, True)
    assert page.describe() == "page 2/3 · 6–10 of 12"
    beyond = Page.at(7, 12, 5)  # past the end: the last page
    assert (beyond.number, beyond.shown, beyond.has_next) == (2, 2, False)
    assert beyond.describe() == "page 3/3 · 11–12 of 12"
    assert Page.at(3, 0, 5).describe() == "no results" and not Page.at(3, 0, 5).has_next


# -- client settings ----------------------------------------------------------------

def test_no_privileged_intent() -> None:
    intents = bot_intents()
    assert not intents.message_content and not intents.members and not intents.presences
    assert intents.guilds


def test_allowed_mentions_only_the_role() -> None:
    assert allowed_mentions("123456789012345678").to_dict() == {
        "parse": [], "roles": [123456789012345678]}
    assert allowed_mentions(None).to_dict() == {"parse": []}
    assert allowed_mentions("@everyone").to_dict() == {"parse": []}


def test_configure_endpoints() -> None:
    configure_endpoints("http://127.0.0.1:9", "ws://127.0.0.1:9/gw")
    assert Route.BASE == "http://127.0.0.1:9/api/v10"
    assert str(DiscordWebSocket.DEFAULT_GATEWAY) == "ws://127.0.0.1:9/gw"
    configure_endpoints("http://127.0.0.1:9/api/v10/", None)
    assert Route.BASE == "http://127.0.0.1:9/api/v10"
    assert str(DiscordWebSocket.DEFAULT_GATEWAY) == "wss://gateway.discord.gg/"
    configure_endpoints(None, None)
    assert Route.BASE == "https://discord.com/api/v10"
    with pytest.raises(ConfigError, match="DISCORD_API_BASE"):
        configure_endpoints("ftp://x", None)
    with pytest.raises(ConfigError, match="DISCORD_GATEWAY_URL"):
        configure_endpoints(None, "http://x")
