"""Admin commands on this server's settings: /setup channel|filters|language and /config show.

Every group is hidden from members without Manage Server (`default_permissions`) and every
command checks that permission again; the changes themselves are the plain functions of
`changes.py`, audited in the same transaction as the change.
"""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discord.arguments import (
    UserInputError,
    parse_confidence,
    parse_figures,
    parse_languages,
    parse_statuses,
)
from bot.discord.commands.changes import (
    FilterChange,
    Who,
    set_channel,
    set_filters,
    set_language,
)
from bot.discord.commands.common import (
    LANGUAGE,
    MANAGE_GUILD,
    CommandGroup,
    actor_of,
    answer_language,
    in_store,
    reply,
    require_manage_guild,
)
from bot.discord.formatting import config_embed, guild_settings_text
from bot.i18n import AUTO, SUPPORTED, choose_language, t

# Each language in its own name: an admin looking for theirs reads it in any interface language.
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español",
                  "ru": "Русский", "uk": "Українська"}
LANGUAGE_CHOICES = [app_commands.Choice(name="Auto (the server's language)", value=AUTO)] + [
    app_commands.Choice(name=LANGUAGE_NAMES[code], value=code) for code in SUPPORTED]

POST_PERMISSIONS = {"view_channel": "View Channel", "send_messages": "Send Messages",
                    "embed_links": "Embed Links", "read_message_history": "Read Message History"}


def missing_permissions(channel: discord.abc.GuildChannel) -> list[str]:
    """The permissions the bot lacks to post notifications in `channel` (as cached)."""
    me = channel.guild.me
    if me is None:
        return []
    granted = channel.permissions_for(me)
    return [label for name, label in POST_PERMISSIONS.items() if not getattr(granted, name)]


class SetupGroup(CommandGroup, name="setup",
                 description="Where and what invitewatch posts in this server (admins)",
                 default_permissions=MANAGE_GUILD, guild_only=True):

    def who(self, interaction: discord.Interaction) -> Who:
        return Who(actor_of(interaction), require_manage_guild(interaction), self.deps.now())

    @app_commands.command(name="channel",
                          description="Post notifications in a channel (or stop posting there)")
    @app_commands.describe(channel="The channel for notifications",
                           remove="Stop posting in this channel instead")
    async def channel(self, interaction: discord.Interaction, channel: discord.TextChannel,
                      remove: bool = False) -> None:
        who = self.who(interaction)
        channel_id = str(channel.id)
        updated = await in_store(self.deps, lambda unit: set_channel(unit, who, channel_id,
                                                                     remove=remove))
        lang = await answer_language(interaction)
        mention = f"<#{channel_id}>"
        if remove:
            text = t(lang, "Notifications will no longer be posted in {channel}.", channel=mention)
        else:
            text = t(lang, "Notifications will be posted in {channel}.", channel=mention)
            missing = missing_permissions(channel)
            if missing:
                # Permission names stay in English: Discord's own settings name them so.
                text += "\n⚠️ " + t(lang, "I cannot post there yet: I am missing {permissions} "
                                          "in {channel}. Grant them to my role in that channel.",
                                    permissions=", ".join(missing), channel=mention)
        await reply(interaction, content=text + "\n\n" + guild_settings_text(updated, None, lang),
                    ephemeral=True)

    @app_commands.command(name="filters",
                          description="Choose which invitations this server hears about")
    @app_commands.describe(
        figures="Comma-separated figures (e.g. Putin, Musk), or 'any'",
        statuses="Comma-separated statuses (pending, accepted, declined, responded, took_place, "
                 "withdrawn), or 'any'",
        languages="Comma-separated language codes (e.g. de, en), or 'any'",
        min_confidence="Skip reports the matcher is less sure of (0 to 1)",
        role="A role to mention in each notification",
        clear_role="Stop mentioning a role",
    )
    async def filters(self, interaction: discord.Interaction,
                      figures: app_commands.Range[str, 1, 1000] | None = None,
                      statuses: app_commands.Range[str, 1, 200] | None = None,
                      languages: app_commands.Range[str, 1, 200] | None = None,
                      min_confidence: app_commands.Range[float, 0.0, 1.0] | None = None,
                      role: discord.Role | None = None,
                      clear_role: bool = False) -> None:
        who = self.who(interaction)
        if role is not None and clear_role:
            raise UserInputError("Give either `role` or `clear_role`, not both.")
        if role is not None and role.is_default():
            raise UserInputError("@everyone cannot be the role to mention; create a role for alerts.")
        # Parse everything before touching the store: a bad argument changes nothing.
        figure_pairs = (parse_figures(figures, self.deps.resolve_figure)
                        if figures is not None else None)
        change = FilterChange(
            figure_keys=[key for key, _ in figure_pairs] if figure_pairs is not None else None,
            statuses=parse_statuses(statuses) if statuses is not None else None,
            languages=parse_languages(languages) if languages is not None else None,
            min_confidence=(parse_confidence(min_confidence)
                            if min_confidence is not None else None),
            mention_role_id=str(role.id) if role is not None else None,
            clear_role=clear_role)
        if change.is_empty():
            raise UserInputError("Nothing to change: give at least one option "
                                 "(figures, statuses, languages, min_confidence, role, clear_role).")
        updated = await in_store(self.deps, lambda unit: set_filters(unit, who, change))
        lang = await answer_language(interaction)
        text = t(lang, "Filters saved.") + "\n\n" + guild_settings_text(
            updated, dict(figure_pairs or []), lang)
        if role is not None and not role.mentionable:
            text += "\n\n" + t(lang, "Note: this role is not mentionable; allow anyone to "
                                     "mention it, or give me the Mention @everyone, @here and "
                                     "All Roles permission, or it will not ping.")
        await reply(interaction, content=text, ephemeral=True)

    @app_commands.command(name="language",
                          description="The language of invitewatch's messages in this server")
    @app_commands.describe(language="A language, or Auto to follow the server's language")
    @app_commands.choices(language=LANGUAGE_CHOICES)
    async def language(self, interaction: discord.Interaction,
                       language: app_commands.Choice[str]) -> None:
        who = self.who(interaction)
        if language.value != AUTO and language.value not in SUPPORTED:  # a forged interaction
            raise UserInputError("Unknown language `{code}`; choose one of the list.",
                                 code=language.value[:20])
        await in_store(self.deps, lambda unit: set_language(unit, who, language.value))
        locale = interaction.guild_locale.value if interaction.guild_locale else None
        lang = choose_language(language.value, locale)
        interaction.extras[LANGUAGE] = lang  # answer in the language just chosen
        name = LANGUAGE_NAMES[lang]
        text = (t(lang, "invitewatch now follows the server's language here ({language}).",
                  language=name) if language.value == AUTO
                else t(lang, "invitewatch now writes in {language} here.", language=name))
        await reply(interaction, content=text, ephemeral=True)


class ConfigGroup(CommandGroup, name="config", description="invitewatch's configuration (admins)",
                  default_permissions=MANAGE_GUILD, guild_only=True):

    @app_commands.command(name="show",
                          description="Show the bot's settings (secrets hidden) and this server's")
    async def show(self, interaction: discord.Interaction) -> None:
        guild_id = require_manage_guild(interaction)
        settings, count = await in_store(self.deps, lambda unit: (
            unit.guild_settings(guild_id), unit.count_subscriptions(guild_id)))
        lang = await answer_language(interaction)
        await reply(interaction, ephemeral=True,
                    embed=config_embed(self.deps.settings_snapshot(), settings, count, lang))
