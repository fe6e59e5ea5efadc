"""`invitewatch poll --once --all` (as cron runs it) against hostile feeds served
from 127.0.0.1: an article updated in place, a feed that flips between valid and 500, a
redirect to another configured feed, an entry dated 2099, a 2 MB entry, five scripts. An
invitation is never stored twice and no notification is printed twice; news is not lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import Result

from tests.support.feed_server import QUIET, RECENT, FeedServer, item, rss
from tests.support.sandbox import Sandbox


@pytest.fixture(autouse=True)
def loopback_feeds_allowed(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """The feeds of these tests are on 127.0.0.1, which the SSRF guard refuses by default."""
    monkeypatch.setenv("INVITEWATCH_ALLOW_PRIVATE_ADDRESSES", "true")


INVITED = ("Emmanuel Macron has invited Joe Biden to a state visit in Paris next spring. "
           "There is no word yet on whether Biden has accepted.")
DECLINED = ("Joe Biden has declined Emmanuel Macron's invitation to a state visit in Paris, "
            "the White House said on Friday.")


def configure(sandbox: Sandbox, *urls: str) -> None:
    (sandbox.config_dir / "feeds.toml").write_text(
        "".join(f'[[feeds]]\nurl = "{url}"\nname = "QA {n}"\n' for n, url in enumerate(urls)),
        encoding="utf-8")


def poll(cli: Callable[..., Result]) -> Result:
    result = cli("poll", "--once", "--all")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def invitations(cli: Callable[..., Result]) -> list[dict[str, object]]:
    result = cli("invitations", "list", "--json")
    assert result.exit_code == 0, result.output
    start = result.output.index("[")
    return list(json.loads(result.output[start:]))


def new_posts(output: str) -> int:
    return output.count("NEW INVITATION")


def test_a_feed_flipping_between_valid_and_500_notifies_once(
        sandbox: Sandbox, cli: Callable[..., Result], server: FeedServer) -> None:
    configure(sandbox, server.url("/flip.xml"))
    server.feed("/flip.xml", rss(QUIET))
    poll(cli)  # the first poll records silently
    printed = []
    for _ in range(3):
        server.feed("/flip.xml", rss(QUIET, item("visit", "Macron invites Biden", INVITED, RECENT)))
        printed.append(poll(cli).output)
        server.status("/flip.xml", 500)
        printed.append(poll(cli).output)
    everything = "\n".join(printed)
    assert new_posts(everything) == 1, everything
    assert len(invitations(cli)) == 1


def test_a_redirect_to_another_configured_feed_stores_nothing_twice(
        sandbox: Sandbox, cli: Callable[..., Result], server: FeedServer) -> None:
    configure(sandbox, server.url("/main.xml"), server.url("/old.xml"))
    server.feed("/main.xml", rss(QUIET))
    server.status("/old.xml", 301, server.url("/main.xml"))
    poll(cli)
    server.feed("/main.xml", rss(QUIET, item("visit", "Macron invites Biden", INVITED, RECENT)))
    output = poll(cli).output + poll(cli).output
    assert new_posts(output) == 1, output
    found = invitations(cli)
    assert len(found) == 1 and len(found[0]["sources"]) == 1, found  # type: ignore[arg-type]


def test_an_entry_dated_2099_is_not_dated_in_the_future(
        sandbox: Sandbox, cli: Callable[..., Result], server: FeedServer) -> None:
    configure(sandbox, server.url("/future.xml"))
    server.feed("/future.xml", rss(QUIET))
    poll(cli)
    server.feed("/future.xml", rss(QUIET, item("future", "Macron invites Biden", INVITED,
                                               datetime(2099, 1, 1, tzinfo=UTC))))
    poll(cli)
    found = invitations(cli)
    assert len(found) == 1, found
    today = datetime.now(UTC).date().isoformat()
    dates = [str(found[0]["first_seen"])[:10], str(found[0]["last_update"])[:10]]
    dates += [str(entry["date"])[:10] for entry in found[0]["timeline"]]  # type: ignore[attr-defined]
    assert all(date <= today for date in dates), found[0]


def test_a_2mb_entry_and_five_scripts_in_one_poll_crash_nothing(
        sandbox: Sandbox, cli: Callable[..., Result], server: FeedServer) -> None:
    configure(sandbox, server.url("/mixed.xml"))
    server.feed("/mixed.xml", rss(QUIET))
    poll(cli)
    entries = [QUIET, item("huge", "Long read", "Nothing happened today. " * 90_000, RECENT)]
    for guid, text in (("el", "Ο Μακρόν κάλεσε τον Μπάιντεν στο Παρίσι."),
                       ("ar", "دعا ماكرون بايدن إلى زيارة باريس."),
                       ("hi", "मैक्रों ने बाइडन को पेरिस आने का न्योता दिया।"),
                       ("ko", "마크롱은 바이든을 파리로 초청했다."),
                       ("ru", "Макрон пригласил Байдена посетить Париж.")):
        entries.append(item(guid, guid, text, RECENT))
    server.feed("/mixed.xml", rss(*entries))
    first = poll(cli)
    assert first.exit_code == 0, first.output
    again = poll(cli)  # the same feed again: nothing new may be printed
    assert new_posts(again.output) == 0 and "STATUS CHANGE" not in again.output, again.output


def test_an_article_updated_in_place_moves_the_status(
        sandbox: Sandbox, cli: Callable[..., Result], server: FeedServer) -> None:
    configure(sandbox, server.url("/live.xml"))
    server.feed("/live.xml", rss(QUIET))
    poll(cli)
    server.feed("/live.xml", rss(QUIET, item("story-1", "Macron invites Biden", INVITED, RECENT)))
    assert new_posts(poll(cli).output) == 1
    later = RECENT + timedelta(hours=2)
    server.feed("/live.xml", rss(QUIET, item("story-1", "Biden declines Macron's invitation",
                                             DECLINED, later)))
    output = poll(cli).output
    found = invitations(cli)
    assert len(found) == 1, found
    assert found[0]["status"] == "declined", (found[0], output)
    assert "STATUS CHANGE" in output, output
