"""A poll over fake Bluesky and Mastodon accounts: an invitation post (cross-posted on
both platforms) and the invitee's reply give ONE invitation whose status is the reply's.
Errors of a source land in `feeds list` without stopping the others."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest_asyncio

from bot.domain import Status
from bot.feeds.fetch import FetchLimits, make_session
from bot.feeds.sources import Endpoints, source_ref
from bot.matcher import Matcher
from bot.pipeline import Poller, PollPolicy
from bot.store.api import InvitationFilter, Store
from bot.tracker import TrackerPolicy
from tests.support.fake_social import T0, FakeBluesky, FakeMastodon
from tests.support.http_server import LocalHTTPServer

LIMITS = FetchLimits(connect_timeout=2, read_timeout=2, allow_private=True)


@pytest_asyncio.fixture
async def server() -> AsyncIterator[LocalHTTPServer]:
    async with LocalHTTPServer() as srv:
        yield srv


class Clock:
    def __init__(self) -> None:
        self.now = T0 + timedelta(hours=1)

    def __call__(self) -> datetime:
        return self.now


def figures(path: Path, instance: str) -> Path:
    """Two test figures, each with a Bluesky and a Mastodon handle."""
    path.write_text(
        '[[figures]]\nid = "alice-example"\nname = "Alice Example"\ncategory = "other"\n'
        f'handles = ["@alice.test", "@alice@{instance}"]\n\n'
        '[[figures]]\nid = "bob-example"\nname = "Bob Example"\ncategory = "other"\n'
        f'handles = ["@bob.test", "@bob@{instance}"]\n', encoding="utf-8")
    return path


async def test_invitation_and_reply_across_platforms_make_one_invitation(
        server: LocalHTTPServer, store: Store, tmp_path: Path) -> None:
    bluesky = FakeBluesky(server)
    bluesky.install()
    bluesky.account("alice.test")
    mastodon = FakeMastodon(server, accounts={"alice": "1", "bob": "2"})
    mastodon.install()
    invitation = "I invite @bob.test to my podcast next week."
    bluesky.post("alice.test", "a1", invitation, minutes=0)
    mastodon.post("alice", "100", f"<p>{invitation}</p>", minutes=1)
    mastodon.post("bob", "90", "<p>An unrelated post.</p>", minutes=-30)
    matcher = Matcher.load(overrides=figures(tmp_path / "figures.toml", mastodon.instance))
    sources = [source_ref("bluesky", "alice.test").uri,
               source_ref("mastodon", f"@alice@{mastodon.instance}").uri,
               source_ref("mastodon", f"@bob@{mastodon.instance}").uri,
               source_ref("bluesky", "ghost.test").uri]
    clock = Clock()
    with store.unit() as unit:
        for uri in sources:
            unit.add_feed(uri, now=clock.now - timedelta(days=1))
    poller = Poller(store, lambda: matcher, limits=LIMITS,
                    poll=PollPolicy(interval=timedelta(minutes=15), jitter=timedelta(0),
                                    backfill=timedelta(hours=48)),
                    tracker=TrackerPolicy(), clock=clock, rng=random.Random(1),
                    endpoints=Endpoints(mastodon_scheme="http",
                                        bluesky_appview=server.base_url))
    async with make_session(LIMITS) as session:
        first = await poller.poll_due(session)
        outcomes = {r.url: r.outcome for r in first.feeds}
        assert outcomes[sources[3]] == "failed"
        assert [o for u, o in outcomes.items() if u != sources[3]] == ["updated"] * 3
        # Bob answers under Alice's Mastodon post; the next poll reads it.
        mastodon.post("bob", "101", "<p>Sure, let's do it</p>", minutes=30, reply_to="100")
        clock.now += timedelta(hours=1)
        second = await poller.poll_due(session)
        assert {r.url: r.new_articles for r in second.feeds}.get(sources[2]) == 1
        clock.now += timedelta(hours=1)
        third = await poller.poll_due(session)  # nothing new: nothing doubled
        assert all(r.new_articles == 0 for r in third.feeds)

    with store.unit() as unit:
        invitations = unit.list_invitations(InvitationFilter(limit=10))
        feeds = {f.url: f for f in unit.list_feeds()}
    [only] = invitations
    assert (only.inviter.name, only.invitee.name) == ("Alice Example", "Bob Example")
    assert only.status is Status.ACCEPTED
    # The cross-post is the same text: stored once (duplicate content), then the reply.
    assert [e.status for e in only.timeline] == [Status.PENDING, Status.ACCEPTED]
    assert only.timeline[-1].evidence == "Sure, let's do it"
    # Where each was said: a post by its author on its platform, linked to the post.
    # (the cross-post read first, of the two polled in one cycle, is the one kept)
    assert (only.timeline[0].outlet, only.timeline[0].url) in {
        ("post by @alice.test on Bluesky", "https://bsky.app/profile/alice.test/post/a1"),
        (f"post by @alice@{mastodon.instance} on Mastodon",
         f"http://{mastodon.instance}/@alice/100")}
    assert only.timeline[-1].outlet == f"post by @bob@{mastodon.instance} on Mastodon"
    ghost = feeds[sources[3]]
    assert ghost.failure_count == 3 and ghost.state.value == "disabled"  # a permanent error
    assert ghost.last_error is not None and "no such Bluesky account @ghost.test" in \
        ghost.last_error


def test_discord_names_a_post_by_its_author_and_platform_linked() -> None:
    from bot.discord.embeds import source_line
    from bot.domain import Article

    post = Article(key="k", text="t", url="https://bsky.app/profile/alice.test/post/a1",
                   author="@alice.test", platform="bluesky", outlet="Alice")
    line = source_line(post.source_label, post.url, None)
    assert "post by @alice.test on Bluesky" in line
    assert "https://bsky.app/profile/alice.test/post/a1" in line
    news = Article(key="n", text="t", url="https://news.example/1", outlet="The Wire")
    assert news.source_label == "The Wire"
    assert "post by" not in source_line(news.source_label, news.url, None)
