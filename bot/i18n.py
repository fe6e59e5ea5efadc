"""The bot in the server's language: gettext catalogues, dates and numbers for a locale.

The catalogues are the `.po` files in `bot/locales/<lang>/LC_MESSAGES/invitewatch.po`,
read with Babel when first needed and compiled in memory, so a fresh clone installed with
`pip install -e .` needs no compile step. English is the source language: its text is the
message id itself. Placeholders are `str.format` names (`{inviter}`); names, quotes and
URLs are passed in as values and never translated.
"""

from __future__ import annotations

import functools
import gettext
from datetime import datetime
from io import BytesIO
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from bot.domain import OccasionKind, Status

SOURCE = "en"
SUPPORTED: tuple[str, ...] = ("en", "de", "fr", "es", "ru", "uk")
AUTO = "auto"  # a server's setting: follow the server's preferred locale
DOMAIN = "invitewatch"
LOCALES_DIR = Path(__file__).resolve().parent / "locales"


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; translated where it is shown."""
    return message


STATUS_LABELS: dict[Status, str] = {
    Status.PENDING: N_("Pending"),
    Status.ACCEPTED: N_("Accepted"),
    Status.DECLINED: N_("Declined"),
    Status.RESPONDED: N_("Responded (non-committal)"),
    Status.TOOK_PLACE: N_("Took place"),
    Status.WITHDRAWN: N_("Withdrawn / lapsed"),
}

KIND_LABELS: dict[OccasionKind, str] = {
    OccasionKind.VISIT: N_("Visit"),
    OccasionKind.MEETING: N_("Meeting"),
    OccasionKind.DEBATE: N_("Debate"),
    OccasionKind.INTERVIEW: N_("Interview"),
    OccasionKind.CONVERSATION: N_("Conversation"),
    OccasionKind.EVENT: N_("Event"),
    OccasionKind.MATCH: N_("Match"),
    OccasionKind.OTHER: N_("Other occasion"),
}


def language_of(locale: str | None) -> str:
    """A Discord locale ("de", "en-US", "es-419", "uk") or a language code -> a supported
    language; English for anything else (Discord has locales the bot does not speak)."""
    if not locale:
        return SOURCE
    base = str(locale).replace("_", "-").split("-")[0].casefold()
    return base if base in SUPPORTED else SOURCE


def choose_language(setting: str | None, preferred_locale: str | None) -> str:
    """The language to use in a server: its setting, or with "auto" (or none) its locale."""
    if not setting or setting == AUTO:
        return language_of(preferred_locale)
    return language_of(setting)


def catalogue_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The language's catalogue (read once per process); English needs none."""
    if lang == SOURCE or lang not in SUPPORTED:
        return gettext.NullTranslations()
    with catalogue_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out, so they fall back to English
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def t(lang: str, message: str, /, **values: object) -> str:
    """`message` in `lang`, with its placeholders filled in."""
    text = translations(lang).gettext(message)
    return text.format(**values) if values else text


def tn(lang: str, singular: str, plural: str, n: int, /, **values: object) -> str:
    """A message with a count, in the plural form `lang` uses for `n` (`{n}` is filled in)."""
    return translations(lang).ngettext(singular, plural, n).format(n=n, **values)


def tc(lang: str, context: str, message: str) -> str | None:
    """`message` in `context` (e.g. a command name), or None when the catalogue lacks it."""
    if lang == SOURCE:
        return None
    text = translations(lang).pgettext(context, message)
    return text if text != message else None


def status_label(lang: str, status: Status) -> str:
    return t(lang, STATUS_LABELS[status])


def kind_label(lang: str, kind: OccasionKind) -> str:
    return t(lang, KIND_LABELS[kind])


def format_day(moment: datetime, lang: str = SOURCE) -> str:
    """A day as the language writes it; English keeps ISO 8601, which reads the same for
    en-US and en-GB servers (both are "en" here)."""
    if lang == SOURCE:
        return moment.date().isoformat()
    return format_date(moment.date(), format="medium", locale=lang)


def format_share(value: float, lang: str = SOURCE) -> str:
    """A confidence as a percentage, spaced and signed as the language does ("85 %")."""
    if lang == SOURCE:
        return f"{value:.0%}"
    return format_percent(value, locale=lang)


def format_count(value: int, lang: str = SOURCE) -> str:
    """A whole number grouped as the language groups thousands ("1,000", "1.000")."""
    if lang == SOURCE:
        return f"{value:,}"
    return format_decimal(value, locale=lang)
