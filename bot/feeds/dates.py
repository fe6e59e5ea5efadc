"""Publication dates as aware UTC datetimes, including dates feedparser cannot read.

feedparser reads RFC 822 and ISO 8601 dates, but some news sites write RFC 822 with their
own language's day and month names ("mer, 16 nov 2022 10:15:00 +0100"). Those are
translated to English names and read again.
"""

from __future__ import annotations

import calendar
import email.utils
import re
import time
from datetime import UTC, datetime

# A date at or before this is a CMS's "no date" placeholder (the Unix epoch), not news.
_EARLIEST_PLAUSIBLE = datetime(1970, 1, 2, tzinfo=UTC)

_MONTHS = {
    "Jan": "jan janv jänner januar gen genn ene janeiro januari stycz",
    "Feb": "feb févr fevr fév febbr febr fev fevereiro februari lut",
    "Mar": "mar mars märz mär marzo março mrt maart mars",
    "Apr": "apr avr abr april aprile abril",
    "May": "mai mag maggio mayo maio mei maj",
    "Jun": "jun juin giu giugno junio junho juni",
    "Jul": "jul juil lug luglio julio julho juli",
    "Aug": "aug août aout ago agosto agost augusti",
    "Sep": "sep sept set settembre septiembre setembro september",
    "Oct": "oct okt ott ottobre octubre out outubro oktober",
    "Nov": "nov novembre noviembre novembro november",
    "Dec": "dec déc dez dic dicembre diciembre dezembro dezember december",
}
_MONTH_BY_NAME = {name: english for english, names in _MONTHS.items() for name in names.split()}
_TOKEN = re.compile(r"[^\W\d_]+\.?", re.UNICODE)


def struct_to_datetime(value: time.struct_time | None) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime; None if missing or impossible."""
    if value is None:
        return None
    try:
        result = datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None
    return result if result > _EARLIEST_PLAUSIBLE else None


def parse_localized_date(text: str) -> datetime | None:
    """Read an RFC 822-style date written with non-English names; None if it is not one."""
    if not text or len(text) > 100:
        return None
    translated_any = False

    def translate(match: re.Match[str]) -> str:
        nonlocal translated_any
        word = match.group(0).rstrip(".").casefold()
        english = _MONTH_BY_NAME.get(word)
        if english is not None:
            translated_any = True
            return english
        return "" if word not in {"gmt", "ut", "utc", "z"} else match.group(0)

    # The weekday comes before the day number; dropping it avoids names such as "mar"
    # (Tuesday in French and Spanish, March elsewhere).
    without_weekday = re.sub(r"^\D*", "", text)
    english = " ".join(_TOKEN.sub(translate, without_weekday).replace(",", " ").split())
    if not translated_any:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(english)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    parsed = parsed.astimezone(UTC)
    return parsed if parsed > _EARLIEST_PLAUSIBLE else None
