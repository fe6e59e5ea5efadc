"""Slash-command names and descriptions in the member's language, from the bot's catalogues.

discord.py asks the translator for every string of the command tree and every Discord
locale when it syncs, and sends the answers as `name_localizations` and
`description_localizations`; Discord then shows each member the commands in their own
client language. Names come from the catalogues' "command" context (lowercase, no spaces,
as Discord requires); status choices reuse the status labels.
"""

from __future__ import annotations

from discord import Locale, app_commands
from discord.app_commands import TranslationContextLocation as Where

from bot.domain import Status
from bot.i18n import SOURCE, language_of, status_label, t, tc

NAME_CONTEXT = "command"
NAMES = (Where.command_name, Where.group_name)


class CatalogueTranslator(app_commands.Translator):
    async def translate(self, string: app_commands.locale_str, locale: Locale,
                        context: app_commands.TranslationContextTypes) -> str | None:
        lang = language_of(locale.value)
        if lang == SOURCE:
            return None
        return translate(string.message, lang, context.location, context.data)


def translate(message: str, lang: str, where: Where, data: object = None) -> str | None:
    """The text Discord shows for `message` in `lang`; None keeps the English one."""
    if where in NAMES:
        return tc(lang, NAME_CONTEXT, message)
    if where is Where.parameter_name:
        return None  # option names stay as typed in English: short, and shown beside help
    if where is Where.choice_name and isinstance(data, app_commands.Choice) \
            and data.value in Status._value2member_map_:
        return status_label(lang, Status(data.value))
    translated = t(lang, message)
    return translated if translated != message else None
