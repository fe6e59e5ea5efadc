"""The public site's HTML pages over HTTP: the list with its filters, search and keyset
pages, an invitation's page with its SVG timeline, a figure's page; escaping, hidden
records, bad input, and that nothing can be written."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from aiohttp.test_utils import TestClient

from bot.domain import Party
from bot.store.api import Store
from bot.web.text import figure_path
from tests.support.builders import many_invitations, store_invitation
from tests.web.conftest import Records


class Links(HTMLParser):
    """Every href, and the text of the page, as a browser would see it."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v for k, v in attrs if k == "href" and v]


def parsed(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


async def get_html(client: TestClient, path: str, status: int = 200) -> str:
    response = await client.get(path)
    body = await response.text()
    assert response.status == status, body
    assert response.content_type == "text/html"
    return body


async def test_list_shows_visible_records_newest_first(client: TestClient,
                                                       records: Records) -> None:
    html = await get_html(client, "/")
    ids = [int(n) for n in re.findall(r'href="/invitations/(\d+)" aria-label', html)]
    assert ids == [records.hostile, records.musk_kanye, records.musk_putin]
    assert f"/invitations/{records.hidden}\"" not in html  # hidden: not shown
    assert '<html lang="en">' in html and 'href="#main"' in html
    assert '<main id="main"' in html and "<nav" in html and "<footer" in html
    for field in ("q", "status", "figure", "lang"):  # every form field has its label
        assert f'<label for="{field}">' in html and f'id="{field}"' in html
    assert 'type="application/atom+xml"' in html


@pytest.mark.parametrize(("query", "expected"), [
    ("status=accepted", ["musk_kanye"]),
    ("status=pending&status=responded", ["hostile", "musk_putin"]),
    ("status=responded", ["musk_putin"]),
    ("figure=Kanye+West", ["musk_kanye"]),
    ("figure=vladimir-putin", ["hostile", "musk_putin"]),
    ("lang=de", ["musk_putin"]),
    ("lang=fr", ["musk_kanye"]),
    ("q=kanye", ["musk_kanye"]),
    ("q=PARTY", ["hostile"]),
    ("q=100%25", []),  # % is a literal character, not a wildcard
])
async def test_filters_and_search(client: TestClient, records: Records, query: str,
                                  expected: list[str]) -> None:
    html = await get_html(client, f"/?{query}")
    ids = [int(n) for n in re.findall(r'href="/invitations/(\d+)" aria-label', html)]
    assert ids == [getattr(records, name) for name in expected]
    if not expected:
        assert "No invitation matches these filters." in html


async def test_keyset_pages_cover_every_record_once(client: TestClient, store: Store,
                                                    records: Records) -> None:
    many_invitations(store, 23)
    seen: list[int] = []
    path: str | None = "/?limit=10"
    pages = 0
    while path:
        html = await get_html(client, path)
        seen += [int(n) for n in re.findall(r'href="/invitations/(\d+)" aria-label', html)]
        found = re.search(r'rel="next" href="([^"]+)"', html)
        path = found.group(1).replace("&amp;", "&") if found else None
        pages += 1
    assert pages == 3
    assert len(seen) == len(set(seen)) == 26  # 23 + the 3 visible records


async def test_invitation_page_draws_its_timeline(client: TestClient, records: Records) -> None:
    html = await get_html(client, f"/invitations/{records.musk_putin}")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="svg-title svg-desc"' in svg
    dots = re.findall(r'<g class="report" data-status="(\w+)">', svg)
    assert dots == ["pending", "responded"]
    assert 'fill="#8a5a00"' in svg and 'fill="#1f5fa8"' in svg  # each status its colour
    assert 'href="https://daily.example/one"' in svg
    assert 'href="https://zeitung.example/kreml"' in svg
    assert "responded · de" in svg and "2021-02-15" in svg
    # The text alternative: one list item per report, with its source and language.
    text = html[html.index('<ol class="timeline-text">'):]
    assert text.count("<li>") == 2
    assert '<span lang="de">de</span>' in text and '<a href="https://zeitung.example/kreml">' in text


async def test_figure_page(client: TestClient, records: Records) -> None:
    html = await get_html(client, "/figures/vladimir-putin")
    assert "<h1>Vladimir Putin</h1>" in html
    ids = [int(n) for n in re.findall(r'href="/invitations/(\d+)" aria-label', html)]
    assert ids == [records.hostile, records.musk_putin]
    assert 'href="/feeds/figures/vladimir-putin.atom"' in html
    unknown = await get_html(client, "/figures/nobody-at-all", status=404)
    assert "No invitation names the figure" in unknown


async def test_a_figure_known_only_by_name_has_a_page(client: TestClient,
                                                      records: Records) -> None:
    listing = await get_html(client, "/")
    (path,) = {h for h in parsed(listing).hrefs if h.startswith("/figures/name%3A")}
    html = await get_html(client, path)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ned</h1>" in html


async def test_everything_is_escaped_and_only_web_links_are_links(
        client: TestClient, records: Records) -> None:
    for path in ("/", f"/invitations/{records.hostile}", "/?q=%3Cscript%3E"):
        html = await get_html(client, path)
        assert "<script" not in html and "<b>" not in html
        assert not [h for h in parsed(html).hrefs if h.lower().startswith("javascript")]
    html = await get_html(client, f"/invitations/{records.hostile}")
    assert "a &lt;b&gt;party&lt;/b&gt; &amp; &#34;more&#34;" in html


async def test_hidden_and_unknown_records_are_not_found(client: TestClient,
                                                        records: Records) -> None:
    for path in (f"/invitations/{records.hidden}", "/invitations/999", "/invitations/x",
                 "/invitations/99999999999999999999", "/nowhere"):
        html = await get_html(client, path, status=404)
        assert "<h1>Not found</h1>" in html


@pytest.mark.parametrize(("query", "message"), [
    ("status=maybe", "status: &#39;maybe&#39; is not a status"),
    ("limit=0", "limit: &#39;0&#39; is not a number from 1 to 100"),
    ("limit=abc", "limit: &#39;abc&#39; is not a number"),
    ("lang=%3Cx%3E", "lang: &#39;&lt;x&gt;&#39; is not a language code"),
    ("after=yesterday", "after: &#39;yesterday&#39; is not a page cursor"),
    ("q=" + "x" * 201, "q: the search is longer than 200 characters"),
])
async def test_bad_input_gets_a_clear_message(client: TestClient, query: str,
                                              message: str) -> None:
    html = await get_html(client, f"/?{query}", status=400)
    assert message in html


async def test_read_only_and_safe_headers(client: TestClient, records: Records) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        response = await client.request(method, "/")
        assert response.status == 405
        assert response.headers["Allow"] == "GET, HEAD"
    head = await client.head(f"/invitations/{records.musk_putin}")
    assert head.status == 200
    response = await client.get("/")
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    css = await client.get("/static/site.css")
    assert css.status == 200 and "focus-visible" in await css.text()


async def test_a_figure_whose_name_has_a_slash(client: TestClient, store: Store) -> None:
    band = Party("AC/DC Band")
    store_invitation(store, invitee=band, url="https://daily.example/band")
    html = await get_html(client, figure_path(band.key))
    assert "<h1>AC/DC Band</h1>" in html
    feed = await client.get(f"/feeds{figure_path(band.key)}.atom")
    assert feed.status == 200
