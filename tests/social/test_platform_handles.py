"""Handles per platform in the gazetteer: validated, and resolvable in posts and /figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain import Article
from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.gazetteer import load_gazetteer

FIGURE = '''
[[figures]]
id = "alice-example"
name = "Alice Example"
[figures.handles]
x = ["@alice_x"]
bluesky = ["@alice.example.org"]
mastodon = ["@alice@social.example"]
telegram = ["@alice_channel"]
youtube = ["UCabcdefghijklmnopqrstuv"]

[[figures]]
id = "bob-example"
name = "Bob Example"
handles = ["@bob_x"]
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "figures.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_handles_per_platform_resolve(tmp_path: Path) -> None:
    gazetteer = load_gazetteer(write(tmp_path, FIGURE))
    alice = gazetteer.get("alice-example")
    assert alice is not None
    assert alice.handles_on("bluesky") == ("@alice.example.org",)
    assert alice.handles_on("threads") == ()
    for handle in ("@alice_x", "@alice.example.org", "@alice@social.example", "@alice_channel"):
        party = gazetteer.resolve(handle)  # what /figure and a post's author go through
        assert party is not None and party.figure_id == "alice-example", handle
    resolved = gazetteer.resolve("@bob_x")
    assert resolved is not None and resolved.figure_id == "bob-example"


def test_a_post_author_and_a_mentioned_handle_on_any_platform(tmp_path: Path) -> None:
    matcher = Matcher.load(write(tmp_path, FIGURE))
    result = matcher.match(Article(key="p", text="I invite @bob_x to my podcast.",
                                   author="@alice.example.org", platform="bluesky"))
    [mention] = result.mentions
    assert (mention.inviter.figure_id, mention.invitee.figure_id) == (
        "alice-example", "bob-example")


@pytest.mark.parametrize(("table", "problem"), [
    ('x = ["@far_too_long_for_x_handles"]', "not a valid x handle"),
    ('bluesky = ["alice"]', "not a valid bluesky handle"),
    ('mastodon = ["@alice"]', "not a valid mastodon handle"),
    ('myspace = ["@alice"]', "unknown platform"),
    ('telegram = "@alice_channel"', "must be an array"),
])
def test_bad_handles_are_reported(tmp_path: Path, table: str, problem: str) -> None:
    text = f'[[figures]]\nid = "a"\nname = "A"\n[figures.handles]\n{table}\n'
    with pytest.raises(ConfigError) as caught:
        load_gazetteer(write(tmp_path, text))
    assert problem in str(caught.value)
