"""Admin commands on a server's subscriptions: /subscribe, /subscriptions, /unsubscribe.

A subscription is one channel with its own filters, role and style (issue 12). The
commands are hidden from members without Manage Server and check it again; what they
change is `changes.subscribe` / `changes.unsubscribe`, audited in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import discord
from discord import app_commands

from bot.discord.arguments import (
    SOURCE_KINDS,
    UserInputError,
    parse_choices,
    parse_confidence,
    parse_countries,
    parse_known_figures,
    parse_languages,
    parse_statuses,
)
from bot.discord.commands.changes import Who, subscribe, unsubscribe
from bot.discord.commands.common import (
    actor_of,
    answer_language,
    in_store,
    reply,
    require_manage_guild,
)
from bot.discord.deps import DiscordDeps
from bot.discord.formatting import subscription_text, subscriptions_embed
from bot.discord.pagination import Page
from bot.i18n import N_, t
from bot.store.api import ChannelKind, Subscription, SubscriptionStyle, Unit

SUBSCRIPTIONS_PAGE = 8
MAX_SUBSCRIPTION_ID = 2**53

STYLE_CHOICES = [
    app_commands.Choice(name="embed: the full card, edited as the status changes", value="embed"),
    app_commands.Choice(name="compact: one line per notification", value="compact"),
    app_commands.Choice(name="thread: the card, and a thread per invitation for its news",
                        value="thread"),
]

KINDS = {
    discord.ChannelType.text: ChannelKind.TEXT,
    discord.ChannelType.news: ChannelKind.ANNOUNCEMENT,
    discord.ChannelType.public_thread: ChannelKind.THREAD,
    discord.ChannelType.private_thread: ChannelKind.THREAD,
    discord.ChannelType.news_thread: ChannelKind.THREAD,
    discord.ChannelType.forum: ChannelKind.FORUM,
}

# What the bot needs in the channel, by where it posts (labels as Discord's settings say;
# they stay in English in every language, as in /setup channel).
NEEDS = {
    "view_channel": "View Channel", "send_messages": "Send Messages",
    "send_messages_in_threads": "Send Messages in Threads", "embed_links": "Embed Links",
    "read_message_history": "Read Message History",
    "create_public_threads": "Create Public Threads",
}

Channel = app_commands.AppCommandChannel | app_commands.AppCommandThread


def channel_kind(channel: Channel) -> ChannelKind:
    """The kind of a chosen channel; a clear refusal for one the bot cannot post in."""
    kind = KINDS.get(channel.type)
    if kind is not None:
        return kind
    if channel.type in (discord.ChannelType.voice, discord.ChannelType.stage_voice):
        raise UserInputError("{channel} is a voice channel; invitewatch posts in text, "
                             "announcement and forum channels, and in threads.",
                             channel=f"<#{channel.id}>")
    if channel.type is discord.ChannelType.category:
        raise UserInputError("`{name}` is a category; choose one of its channels.",
                             name=channel.name[:60])
    raise UserInputError("invitewatch cannot post in {channel} ({kind} channel); choose a text, "
                         "announcement or forum channel, or a thread.",
                         channel=f"<#{channel.id}>", kind=channel.type.name)


def style_for(kind: ChannelKind, chosen: str | None) -> SubscriptionStyle:
    """The style to store; the combinations that cannot work are refused."""
    if kind is ChannelKind.FORUM:
        if chosen not in (None, SubscriptionStyle.THREAD.value):
            raise UserInputError("In a forum channel each invitation gets its own post, with its "
                                 "news posted in it: leave `style` out (or choose `thread`).")
        return SubscriptionStyle.THREAD
    if kind is ChannelKind.THREAD and chosen == SubscriptionStyle.THREAD.value:
        raise UserInputError("A thread cannot hold a thread per invitation: choose `embed` or "
                             "`compact` there, or subscribe its channel with `thread`.")
    return SubscriptionStyle(chosen or SubscriptionStyle.EMBED.value)


def needed_permissions(kind: ChannelKind, style: SubscriptionStyle) -> list[str]:
    names = ["view_channel", "read_message_history"]
    if style is not SubscriptionStyle.COMPACT:
        names.append("embed_links")
    if kind is ChannelKind.THREAD:
        names.append("send_messages_in_threads")
    elif kind is ChannelKind.FORUM:
        names += ["send_messages", "send_messages_in_threads"]
    else:
        names.append("send_messages")
    if style is SubscriptionStyle.THREAD and kind is not ChannelKind.FORUM:
        names += ["create_public_threads", "send_messages_in_threads"]
    return list(dict.fromkeys(names))


def missing_in(interaction: discord.Interaction, channel: Channel, kind: ChannelKind,
               style: SubscriptionStyle) -> list[str] | None:
    """The permissions the bot lacks there (as the gateway's cache says); None when the
    channel is not in the cache (a thread the bot has not seen), so nothing is known."""
    guild = interaction.guild
    if guild is None or guild.me is None:
        return None
    cached = guild.get_channel_or_thread(channel.id)
    if cached is None:
        return None
    granted = cached.permissions_for(guild.me)
    return [NEEDS[name] for name in needed_permissions(kind, style)
            if not getattr(granted, name)]


@dataclass(frozen=True)
class FilterArgs:
    """The filter options as typed, before parsing."""

    figures: str | None = None
    countries: str | None = None
    categories: str | None = None
    statuses: str | None = None
    languages: str | None = None
    sources: str | None = None
    min_confidence: float | None = None


def build_subscription(deps: DiscordDeps, unit: Unit, base: Subscription,
                       args: FilterArgs) -> tuple[Subscription, dict[str, str]]:
    """The subscription asked for (every option checked) and the figures' display names."""
    figures = (parse_known_figures(args.figures, deps.resolve_figure,
                                   lambda name: _seen(unit, name))
               if args.figures else [])
    sub = Subscription(
        guild_id=base.guild_id, channel_id=base.channel_id, channel_kind=base.channel_kind,
        style=base.style, mention_role_id=base.mention_role_id,
        figure_keys=[key for key, _ in figures],
        countries=parse_countries(args.countries) if args.countries else [],
        categories=(parse_choices(args.categories, "categories", deps.figure_categories,
                                  N_("Unknown category `{item}`; use some of: {valid} "
                                     "(or `any`)."))
                    if args.categories else []),
        statuses=parse_statuses(args.statuses) if args.statuses else [],
        languages=parse_languages(args.languages) if args.languages else [],
        source_kinds=(parse_choices(args.sources, "sources", SOURCE_KINDS,
                                    N_("Unknown source `{item}`; use some of: {valid} "
                                       "(or `any`)."))
                      if args.sources else []),
        min_confidence=(parse_confidence(args.min_confidence)
                        if args.min_confidence is not None else 0.0))
    return sub, dict(figures)


def _seen(unit: Unit, name: str) -> bool:
    """Whether an invitation already names this figure (one the gazetteer does not know)."""
    folded = name.casefold()
    return any(seen.casefold() == folded for _key, seen in unit.figures_seen(name, 25))


def _list_page(unit: Unit, guild_id: str, number: int) -> tuple[list[Subscription], Page]:
    subs = unit.subscriptions(guild_id)
    page = Page.at(number, len(subs), SUBSCRIPTIONS_PAGE)
    start = page.number * page.size
    return subs[start:start + page.shown], page


def register(tree: app_commands.CommandTree[Any], deps: DiscordDeps) -> None:
    register_subscribe(tree, deps)

    @tree.command(name="subscriptions", description="This server's subscriptions (admins)")
    @app_commands.describe(page="Which page of the list (8 a page)")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def subscriptions(interaction: discord.Interaction,
                            page: app_commands.Range[int, 1, 1000] = 1) -> None:
        guild_id = require_manage_guild(interaction)
        subs, shown = await in_store(deps, lambda unit: _list_page(unit, guild_id,
                                                                   max(page, 1) - 1))
        lang = await answer_language(interaction)
        await reply(interaction, embed=subscriptions_embed(subs, shown, lang), ephemeral=True)

    @tree.command(name="unsubscribe", description="Stop one subscription (admins)")
    @app_commands.describe(id="The subscription's number, as /subscriptions shows it")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def unsubscribe_command(interaction: discord.Interaction,
                                  id: app_commands.Range[int, 1, MAX_SUBSCRIPTION_ID]) -> None:
        who = Who(actor_of(interaction), require_manage_guild(interaction), deps.now())
        removed = await in_store(deps, lambda unit: unsubscribe(unit, who, id))
        lang = await answer_language(interaction)
        await reply(interaction, ephemeral=True, content=(
            t(lang, "Subscription #{id} removed: nothing more is posted for it in {channel}.",
              id=removed.id, channel=f"<#{removed.channel_id}>")
            + "\n" + subscription_text(removed, None, lang)))


def register_subscribe(tree: app_commands.CommandTree[Any], deps: DiscordDeps) -> None:
    @tree.command(name="subscribe",
                  description="Post invitations in a channel, with its own filters (admins)")
    @app_commands.describe(
        channel="A text, announcement or forum channel, or a thread",
        style="How posts look (default embed; a forum gets a post per invitation)",
        figures="Comma-separated figures (e.g. Putin, Musk)", role="A role to ping",
        countries="Comma-separated country codes of either figure (e.g. RU, US)",
        categories="Comma-separated categories (e.g. head_of_state, business)",
        statuses="Comma-separated statuses (pending, accepted, declined, responded, "
                 "took_place, withdrawn)",
        languages="Comma-separated language codes (e.g. de, en)",
        sources="Comma-separated source kinds: news, x, bluesky, mastodon, telegram, youtube, "
                "threads, instagram",
        min_confidence="Skip reports the matcher is less sure of (0 to 1)")
    @app_commands.choices(style=STYLE_CHOICES)
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def subscribe_command(
            interaction: discord.Interaction, channel: Channel,
            style: app_commands.Choice[str] | None = None,
            figures: app_commands.Range[str, 1, 1000] | None = None,
            countries: app_commands.Range[str, 1, 200] | None = None,
            categories: app_commands.Range[str, 1, 300] | None = None,
            statuses: app_commands.Range[str, 1, 200] | None = None,
            languages: app_commands.Range[str, 1, 200] | None = None,
            sources: app_commands.Range[str, 1, 200] | None = None,
            min_confidence: app_commands.Range[float, 0.0, 1.0] | None = None,
            role: discord.Role | None = None) -> None:
        who = Who(actor_of(interaction), require_manage_guild(interaction), deps.now())
        kind = channel_kind(channel)
        chosen = style_for(kind, style.value if style is not None else None)
        if role is not None and role.is_default():
            raise UserInputError("@everyone cannot be the role to ping; create a role for "
                                 "alerts.")
        missing = missing_in(interaction, channel, kind, chosen)
        if missing:
            raise UserInputError("I cannot post in {channel}: I am missing {permissions} "
                                 "there. Grant them to my role in that channel, then run "
                                 "`/subscribe` again.", channel=f"<#{channel.id}>",
                                 permissions=", ".join(missing))
        base = Subscription(guild_id=who.guild_id, channel_id=str(channel.id), channel_kind=kind,
                            style=chosen, mention_role_id=str(role.id) if role else None)
        args = FilterArgs(figures, countries, categories, statuses, languages, sources,
                          min_confidence)

        def work(unit: Unit) -> tuple[Subscription, bool, dict[str, str]]:
            wanted, names = build_subscription(deps, unit, base, args)
            sub, new = subscribe(unit, who, wanted, cap=deps.max_subscriptions())
            return sub, new, names

        sub, new, names = await in_store(deps, work)
        lang = await answer_language(interaction)
        await reply(interaction, ephemeral=True,
                    content=subscribed_text(sub, names, new=new, checked=missing is not None,
                                            role=role, lang=lang))


def subscribed_text(sub: Subscription, names: dict[str, str], *, new: bool, checked: bool,
                    role: discord.Role | None, lang: str) -> str:
    """The answer to /subscribe: what was made, and what may keep it from posting."""
    head = (t(lang, "Subscribed.") if new else
            t(lang, "This channel already has that subscription; posting there is tried again."))
    notes = [] if checked else [t(lang, "I could not check my permissions there (the channel "
                                        "is not in my cache); if nothing appears, check them.")]
    if role is not None and not role.mentionable:
        notes.append(t(lang, "Note: this role is not mentionable, so it will not ping."))
    return "\n".join([head, subscription_text(sub, names, lang), *notes])
