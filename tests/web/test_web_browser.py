"""The public site in a real headless Chromium (Debian's, driven by Playwright; no browser
download): the list and its filter form, an invitation's page with its SVG timeline (a
screenshot kept in tests/artifacts/timeline.png, ignored by git), a figure's page, and
keyboard navigation with a visible focus. Skipped, with the reason, without Chromium or
Playwright."""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer

from bot.store.api import Store
from bot.web import SiteOptions, build_app
from bot.web.svg import contrast
from tests.web.conftest import Records, resolve

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.slow,  # starts a browser process
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="no /usr/bin/chromium (apt-get install chromium; .ci/run does)"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="playwright is not installed (pip install -e '.[dev]')"),
]


@pytest.fixture(params=["sqlite"])
def store_url(request: pytest.FixtureRequest, sqlite_store_url: str) -> str:
    """A browser per test is costly: these run on SQLite only (the HTTP tests cover both)."""
    return sqlite_store_url


@pytest_asyncio.fixture
async def site(store: Store, records: Records) -> AsyncIterator[str]:
    server = TestServer(build_app(store, SiteOptions(resolve_figure=resolve)), host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


@pytest_asyncio.fixture
async def page(site: str) -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            tab = await browser.new_page(viewport={"width": 1100, "height": 800})
            problems: list[str] = []
            tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            tab.on("pageerror", lambda e: problems.append(str(e)))
            yield tab
            assert problems == []  # no CSP violation, no broken resource
        finally:
            await browser.close()


def rgb_hex(css: str) -> str:
    """'rgb(26, 26, 26)' → '#1a1a1a'."""
    parts = css[css.index("(") + 1:css.index(")")].split(",")[:3]
    return "#" + "".join(f"{int(float(p)):02x}" for p in parts)


async def test_the_list_and_its_filter_form(page: Any, site: str, records: Records) -> None:
    await page.goto(site + "/")
    assert await page.title() == "Invitations · invitewatch"
    assert await page.locator("table.invitations tbody tr").count() == 3
    await page.get_by_label("Status").select_option("accepted")
    await page.get_by_role("button", name="Filter").click()
    await page.wait_for_url("**/?**status=accepted**")
    rows = page.locator("table.invitations tbody tr")
    assert await rows.count() == 1
    assert "Kanye West" in await rows.first.inner_text()
    # Text on the page meets WCAG AA contrast against the white page.
    for selector in ("body", "a", "table caption", ".status"):
        colour = await page.eval_on_selector(selector, "e => getComputedStyle(e).color")
        assert contrast(rgb_hex(colour), "#ffffff") >= 4.5, selector


async def test_the_timeline_page_and_its_svg(page: Any, site: str, records: Records) -> None:
    await page.goto(f"{site}/invitations/{records.musk_putin}")
    svg = page.locator("figure.timeline svg")
    box = await svg.bounding_box()
    assert box is not None and box["width"] >= 600 and box["height"] > 100
    dots = page.locator("figure.timeline svg circle")
    assert await dots.count() == 2
    assert await dots.nth(0).get_attribute("fill") == "#8a5a00"
    assert await dots.nth(1).get_attribute("fill") == "#1f5fa8"
    sources = await page.eval_on_selector_all(
        "figure.timeline svg a", "links => links.map(a => a.getAttribute('href'))")
    assert sources == ["https://daily.example/one", "https://zeitung.example/kreml"]
    # The accessible name comes from the SVG's title and description.
    label = await svg.evaluate("e => e.getAttribute('aria-labelledby').split(' ')"
                               ".map(id => document.getElementById(id).textContent).join(' ')")
    assert label.startswith("Timeline of invitation #1 2 reports from 2021-02-14 to 2021-02-15")
    assert await page.locator("ol.timeline-text li").count() == 2
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "timeline.png"
    await page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


async def test_a_figure_page(page: Any, site: str, records: Records) -> None:
    await page.goto(site + "/")
    await page.get_by_role("link", name="Kanye West").first.click()
    await page.wait_for_url("**/figures/kanye-west")
    assert await page.locator("h1").inner_text() == "Kanye West"
    assert await page.locator("table.invitations tbody tr").count() == 1


async def test_keyboard_reaches_filters_and_links_with_visible_focus(
        page: Any, site: str, records: Records) -> None:
    await page.goto(site + "/")
    reached: list[str] = []
    for _ in range(40):
        await page.keyboard.press("Tab")
        focused = await page.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return {id: e.id, tag: e.tagName, text: e.textContent.trim(),
                    outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                    visible: e.getBoundingClientRect().width > 0};
        }""")
        if focused["tag"] == "BODY":  # past the last link: every stop has been seen
            break
        assert focused["outline"] != "none" and focused["width"] >= 2, focused
        assert focused["visible"], focused
        reached.append(focused["id"] or focused["text"])
    assert len(reached) >= 20 and reached[0] == "Skip to content"
    for field in ("q", "status", "figure", "lang", "Filter", "#1", "Elon Musk"):
        assert field in reached, (field, reached)
    assert reached.index("q") < reached.index("lang") < reached.index("#1")
    # The skip link takes the keyboard past the navigation, into the main content.
    await page.goto(site + "/")
    await page.keyboard.press("Tab")
    await page.keyboard.press("Enter")
    assert await page.evaluate("document.activeElement.id") == "main"
