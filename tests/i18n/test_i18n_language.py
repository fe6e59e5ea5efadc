"""bot.i18n: which language a server gets, dates and shares written for it, plural forms."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import OccasionKind, Status
from bot.i18n import (
    choose_language,
    format_day,
    format_share,
    kind_label,
    language_of,
    status_label,
    t,
    tc,
    tn,
)

DAY = datetime(2021, 3, 1, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(("locale", "lang"), [
    ("de", "de"), ("en-US", "en"), ("en-GB", "en"), ("es-ES", "es"), ("es-419", "es"),
    ("fr", "fr"), ("ru", "ru"), ("uk", "uk"), ("pt-BR", "en"), ("zh-CN", "en"), (None, "en"),
    ("", "en"), ("DE", "de"), ("uk_UA", "uk"),
])
def test_a_discord_locale_gives_a_language_the_bot_speaks(locale: str | None, lang: str) -> None:
    assert language_of(locale) == lang


def test_the_servers_setting_outranks_its_locale_and_auto_follows_it() -> None:
    assert choose_language("auto", "uk") == "uk"
    assert choose_language(None, "de") == "de"
    assert choose_language("fr", "uk") == "fr"
    assert choose_language("xx", "uk") == "en"  # an unknown setting never breaks a post


@pytest.mark.parametrize(("lang", "day"), [
    ("en", "2021-03-01"), ("de", "01.03.2021"), ("fr", "1 mars 2021"), ("es", "1 mar 2021"),
    ("ru", "1 мар. 2021\u202fг."), ("uk", "1 бер. 2021\u202fр."),
])
def test_days_are_written_as_each_language_writes_them(lang: str, day: str) -> None:
    assert format_day(DAY, lang) == day


def test_shares_follow_the_language() -> None:
    assert format_share(0.85) == "85%"
    assert format_share(0.85, "de") == "85\xa0%"


@pytest.mark.parametrize(("n", "text"), [(1, "1 джерело"), (3, "3 джерела"), (5, "5 джерел"),
                                         (11, "11 джерел"), (21, "21 джерело")])
def test_ukrainian_has_three_plural_forms(n: int, text: str) -> None:
    assert tn("uk", "{n} source", "{n} sources", n) == text


def test_statuses_and_occasion_kinds_are_translated_and_english_is_the_source() -> None:
    assert status_label("en", Status.TOOK_PLACE) == "Took place"
    assert status_label("ru", Status.TOOK_PLACE) == "Состоялось"
    assert kind_label("es", OccasionKind.DEBATE) == "Debate"
    assert kind_label("de", OccasionKind.VISIT) == "Besuch"
    assert t("fr", "Source: {source}", source="[Le Monde](https://x)") == "Source : [Le Monde](https://x)"
    assert t("en", "Source: {source}", source="x") == "Source: x"


def test_command_names_come_from_their_own_context() -> None:
    assert tc("de", "command", "invitations") == "einladungen"
    assert tc("de", "command", "status") is None  # the same word: Discord shows the default
    assert tc("en", "command", "invitations") is None
    assert tc("de", "command", "Pending") is None  # a message is not a command name
