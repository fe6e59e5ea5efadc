"""Links taken from articles must fit Discord's limits after escaping: one unfit embed URL
makes Discord refuse (400) the whole notification."""

from __future__ import annotations

from bot.discord.safety import MAX_LINK_URL, safe_link_url


def test_a_non_ascii_link_still_fits_after_percent_encoding() -> None:
    url = "https://news.example.ru/" + "новости" * 69
    assert len(url) <= MAX_LINK_URL
    safe = safe_link_url(url)
    assert safe is None or len(safe) <= MAX_LINK_URL, len(safe or "")


def test_an_ascii_link_under_the_limit_is_kept() -> None:
    url = "https://news.example.org/" + "a" * 100
    assert safe_link_url(url) == url
