"""Source kinds in feeds.toml and `invitewatch feeds add --kind`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.app import load_checked_config
from bot.cli import main
from bot.errors import ConfigError


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "config"
    directory.mkdir()
    (directory / "invitewatch.toml").write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[logging]\nlevel = "WARNING"\n',
        encoding="utf-8")
    (directory / "feeds.toml").write_text("", encoding="utf-8")
    return directory


def cli(config_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config-dir", str(config_dir), *args])


def test_feeds_toml_accounts_are_normalised_sources(config_dir: Path) -> None:
    (config_dir / "feeds.toml").write_text(
        '[[feeds]]\nurl = "https://example.org/rss.xml"\n\n'
        '[[feeds]]\nkind = "mastodon"\naccount = "@Alice@Mastodon.Social"\nname = "Alice"\n\n'
        '[[feeds]]\nkind = "bluesky"\naccount = "https://bsky.app/profile/alice.bsky.social"\n\n'
        '[[feeds]]\nkind = "telegram"\naccount = "@somechannel"\n\n'
        '[[feeds]]\nkind = "youtube"\naccount = "UCabcdefghijklmnopqrstuv"\n', encoding="utf-8")
    config = load_checked_config(config_dir, env={})
    assert [f.url for f in config.feeds] == [
        "https://example.org/rss.xml", "mastodon:Alice@mastodon.social",
        "bluesky:alice.bsky.social", "telegram:somechannel", "youtube:UCabcdefghijklmnopqrstuv"]


@pytest.mark.parametrize(("entry", "problem"), [
    ('kind = "mastodon"\nurl = "https://x.example/"', "names its `account`"),
    ('kind = "bluesky"\naccount = "nodot"', "a Bluesky account is a handle"),
    ('url = "https://x.example/feed"\naccount = "@a@b.c"', "`account` and `figure` are for social kinds"),
    ('kind = "myspace"\naccount = "x"', "kind"),
])
def test_bad_sources_in_feeds_toml_are_reported(config_dir: Path, entry: str,
                                                problem: str) -> None:
    (config_dir / "feeds.toml").write_text(f"[[feeds]]\n{entry}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_checked_config(config_dir, env={})
    assert problem in "\n".join(caught.value.problems)


def test_feeds_add_kind_stores_the_account_and_list_shows_it(config_dir: Path) -> None:
    added = cli(config_dir, "feeds", "add", "--kind", "bluesky", "--no-check", "@Alice.bsky.social")
    assert added.exit_code == 0, added.output
    assert "added: bluesky:alice.bsky.social" in added.output
    again = cli(config_dir, "feeds", "add", "--kind", "bluesky", "--no-check", "alice.bsky.social")
    assert "already present" in again.output
    bad = cli(config_dir, "feeds", "add", "--kind", "mastodon", "--no-check", "alice")
    assert bad.exit_code != 0 and "@user@instance" in bad.output
    listed = cli(config_dir, "feeds", "list", "--json")
    assert [f["url"] for f in json.loads(listed.output)] == ["bluesky:alice.bsky.social"]
    disabled = cli(config_dir, "feeds", "disable", "bluesky:alice.bsky.social")
    assert disabled.exit_code == 0, disabled.output


def test_a_source_names_the_figure_whose_account_it_is(config_dir: Path) -> None:
    from bot.app import source_owners
    from bot.domain import Article
    from bot.matcher import Matcher

    (config_dir / "feeds.toml").write_text(
        '[[feeds]]\nkind = "telegram"\naccount = "@Kremlin_Channel_Example"\n'
        'figure = "vladimir-putin"\n\n'
        '[[feeds]]\nkind = "bluesky"\naccount = "someone.example.org"\nfigure = "no-such-id"\n',
        encoding="utf-8")
    owners = source_owners(load_checked_config(config_dir, env={}))
    assert owners == {"@kremlin_channel_example": "vladimir-putin",
                      "@someone.example.org": "no-such-id"}
    matcher = Matcher.load()
    post = Article(key="p", text="I invite Elon Musk to Moscow.",
                   author="@kremlin_channel_example", platform="telegram")
    before = matcher.match(post).mentions
    assert [m.inviter.name for m in before] == ["@kremlin_channel_example"]
    assert matcher.set_author_figures(owners) == ["no-such-id"]
    [mention] = matcher.match(post).mentions
    assert (mention.inviter.figure_id, mention.invitee.name) == ("vladimir-putin", "Elon Musk")


def test_figure_is_only_for_accounts(config_dir: Path) -> None:
    (config_dir / "feeds.toml").write_text(
        '[[feeds]]\nurl = "https://example.org/rss.xml"\nfigure = "vladimir-putin"\n',
        encoding="utf-8")
    with pytest.raises(ConfigError, match="`figure` are for social kinds"):
        load_checked_config(config_dir, env={})
