"""The lexicon files: they load, their phrases compile, and bad files are reported clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.lexicon import default_lexicon_dir, load_lexicons, phrase_to_regex

FIRST_CLASS = ("en", "de", "fr", "es", "it", "pt", "ru", "uk")


def test_bundled_lexicons_load() -> None:
    lexicons = load_lexicons()
    for lang in FIRST_CLASS:
        lexicon = lexicons[lang]
        for category in ("active", "noun", "accepted", "declined", "responded", "took_place",
                         "withdrawn", "pending", "negative"):
            assert lexicon.phrases.get(category), f"{lang} has no {category} cues"
    assert len(lexicons) >= 15


@pytest.mark.parametrize(
    ("phrase", "text", "hit"),
    [
        ("invit*", "She was invited yesterday", "invited"),
        ("lädt ... ein$", "Er lädt den Kanzler nach Paris ein.", "lädt den Kanzler nach Paris ein"),
        ("lädt ... ein$", "Er lädt ein Video hoch.", None),
        ("invite", "uninvited guests", None),
        ("it's", "it’s late", "it’s"),
    ],
)
def test_phrase_syntax(phrase: str, text: str, hit: str | None) -> None:
    match = re.search(phrase_to_regex(phrase), text, re.IGNORECASE)
    assert (match.group(0) if match else None) == hit


def _write(directory: Path, name: str, body: str) -> None:
    (directory / name).write_text(body, encoding="utf-8")


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('lang = "xx"\n[invite]\nactive = "invite"\n', "invite.active"),
        ('lang = "xx"\n[invite]\nshouting = ["x"]\n', "unknown cue category"),
        ('lang = "xx"\n[occasion]\nvisit = ["a"]\ntitles = ["b"]\n', "occasion.titles"),
        ('lang = "xx"\n[status]\naccepted = [1]\n', "status.accepted[0]"),
        ("lang = \n", "cannot read lexicon"),
    ],
)
def test_bad_lexicon_is_reported(tmp_path: Path, body: str, fragment: str) -> None:
    _write(tmp_path, "xx.toml", body)
    with pytest.raises(ConfigError) as info:
        load_lexicons(tmp_path)
    assert fragment in str(info.value)
    assert "xx.toml" in str(info.value)


def test_a_lexicon_edit_takes_effect_without_code(tmp_path: Path) -> None:
    for path in default_lexicon_dir().glob("*.toml"):
        _write(tmp_path, path.name, path.read_text(encoding="utf-8"))
    figures = Path(__file__).resolve().parent / "figures_small.toml"
    text = "Emmanuel Macron beckoned Olaf Scholz to Paris."
    assert Matcher.load(figures, tmp_path).match(_article(text)).mentions == ()
    en = (tmp_path / "en.toml").read_text(encoding="utf-8")
    (tmp_path / "en.toml").write_text(en.replace("active = [", 'active = [\n  "beckoned",', 1),
                                      encoding="utf-8")
    [mention] = Matcher.load(figures, tmp_path).match(_article(text)).mentions
    assert mention.inviter.figure_id == "emmanuel-macron"


def _article(text: str):  # type: ignore[no-untyped-def]
    from bot.domain import Article

    return Article(key="x", text=text)


def test_missing_lexicon_dir(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_lexicons(tmp_path / "absent")
