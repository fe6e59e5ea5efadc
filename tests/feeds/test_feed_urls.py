"""validate_feed_url and canonical_url."""

from __future__ import annotations

import pytest

from bot.errors import FetchError
from bot.feeds.urls import (
    MAX_URL_LENGTH,
    address_refusal,
    canonical_url,
    host_address,
    validate_feed_url,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/rss", "https://news.example/rss"),
        ("  HTTPS://News.Example:443/rss?edition=de  ", "https://news.example/rss?edition=de"),
        ("http://news.example:80", "http://news.example/"),
        ("http://news.example:8080/feed#latest", "http://news.example:8080/feed"),
        ("https://bücher.example/feed", "https://xn--bcher-kva.example/feed"),
        ("https://пример.рф/rss", "https://xn--e1afmkfd.xn--p1ai/rss"),
        (
            "https://news.example/ленты/rss",
            "https://news.example/%D0%BB%D0%B5%D0%BD%D1%82%D1%8B/rss",
        ),
        ("http://93.184.216.34/feed", "http://93.184.216.34/feed"),
        ("http://[2606:4700::1111]/feed", "http://[2606:4700::1111]/feed"),
    ],
)
def test_valid_urls_are_normalised(url: str, expected: str) -> None:
    assert validate_feed_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "javascript:alert(1)",
            "only http:// and https:// feed URLs are allowed, this one has 'javascript:'",
        ),
        ("file:///etc/passwd", "this one has 'file:'"),
        ("ftp://files.example/feed.xml", "this one has 'ftp:'"),
        ("news.example/rss", "this one has no scheme"),
        ("http://user:pass@news.example/rss", "credentials in the URL"),
        ("http://user@news.example/rss", "credentials in the URL"),
        ("http://[::1]/", "::1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://10.0.0.1/", "10.0.0.1 is a private address"),
        ("http://192.168.1.20:8080/rss", "192.168.1.20 is a private address"),
        ("http://127.0.0.1:9/", "127.0.0.1 is a loopback address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
        ("http://224.0.0.5/", "224.0.0.5 is a multicast address"),
        ("http://240.0.0.1/", "240.0.0.1 is a reserved address"),
        ("http://100.64.0.1/", "100.64.0.1 is a non-public address"),
        ("http://[::ffff:10.1.2.3]/", "::ffff:10.1.2.3 is a private address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("http://2130706433/", "2130706433 is a loopback address"),
        ("http://0x7f.1/", "0x7f.1 is a loopback address"),
        ("http://localhost:8000/feed", "localhost names this machine"),
        ("http://feeds.localhost/", "feeds.localhost names this machine"),
        ("http:///rss", "the URL has no host"),
        ("http://news.example:99999/", "is not a valid URL"),
        ("http://[::1/", "is not a valid URL"),
        ("http://news example/", "spaces or control characters"),
        ("http://news.example/\nHost: evil", "spaces or control characters"),
        ("", "the feed URL is empty"),
        ("http://xn--a.example/", "is not a valid host name"),
    ],
)
def test_refused_urls(url: str, message: str) -> None:
    with pytest.raises(FetchError) as caught:
        validate_feed_url(url)
    assert message in str(caught.value)
    assert caught.value.permanent is True


def test_a_very_long_url_is_refused() -> None:
    url = "https://news.example/" + "a" * 5000
    with pytest.raises(FetchError) as caught:
        validate_feed_url(url)
    assert str(caught.value) == (
        f"the URL is too long ({len(url)} characters; the limit is {MAX_URL_LENGTH})"
    )


def test_not_text_is_refused() -> None:
    with pytest.raises(FetchError, match="must be text, not bytes"):
        validate_feed_url(b"https://news.example/rss")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url", ["http://[::1]/", "http://10.0.0.1/feed", "http://localhost:8000/", "http://127.0.0.1/"]
)
def test_private_addresses_allowed_on_request(url: str) -> None:
    assert validate_feed_url(url, allow_private=True).startswith("http://")


def test_schemes_and_credentials_stay_refused_with_allow_private() -> None:
    with pytest.raises(FetchError):
        validate_feed_url("file:///etc/passwd", allow_private=True)
    with pytest.raises(FetchError):
        validate_feed_url("http://a:b@127.0.0.1/", allow_private=True)


def test_public_addresses_pass_the_address_check() -> None:
    for text in ("93.184.216.34", "2606:4700::1111", "8.8.8.8"):
        address = host_address(text)
        assert address is not None
        assert address_refusal(address) is None


def test_host_address_reads_shorthand_ipv4() -> None:
    assert str(host_address("127.1")) == "127.0.0.1"
    assert str(host_address("0x7f000001")) == "127.0.0.1"
    assert host_address("news.example") is None
    assert host_address("1.2.3.4.5") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://News.Example.ORG:443/World/Story?id=3&utm_source=rss&utm_medium=feed#comments",
            "https://news.example.org/World/Story?id=3",
        ),
        ("http://news.example:80/a?fbclid=XYZ&gclid=1&OCID=msn", "http://news.example/a"),
        ("http://news.example:8080/a?b=2&a=1", "http://news.example:8080/a?b=2&a=1"),
        ("https://news.example", "https://news.example/"),
        (
            "https://news.example/a?q=x+y&empty=&utm_campaign=z",
            "https://news.example/a?q=x+y&empty=",
        ),
        ("https://user:secret@news.example/a", "https://news.example/a"),
        ("https://Bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("  https://news.example/a  ", "https://news.example/a"),
        ("/relative/path", "/relative/path"),
        ("mailto:desk@news.example", "mailto:desk@news.example"),
        ("http://[::1", "http://[::1"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent() -> None:
    once = canonical_url("HTTP://Example.COM:80/x?utm_term=a&k=v#f")
    assert canonical_url(once) == once
