"""The schema of a lexicon file's top level (`bot/matcher/lexicon_schema.py`): a key the
matcher does not read, or a table written as a list, is refused with the file and the key,
every problem at once, each key once."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.matcher import lexicon
from bot.matcher.lexicon import default_lexicon_dir, load_lexicons
from bot.matcher.lexicon_schema import TABLE_KEYS, LexiconTop


def test_a_typo_a_list_for_a_table_and_a_word_for_a_list_are_all_reported(
        tmp_path: Path) -> None:
    en = (default_lexicon_dir() / "en.toml").read_text(encoding="utf-8")
    # a copy of the real English lexicon with three mistakes at its top
    broken = 'to_marker = ["towards"]\ntitles_extra = ["x"]\n' + en.replace(
        "articles = [\"the\"]", 'articles = "the"', 1)
    assert broken.count('articles = "the"') == 1
    (tmp_path / "en.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_lexicons(tmp_path)
    problems = info.value.problems
    where = f"{tmp_path / 'en.toml'}: key"
    assert f"{where} 'to_marker': unknown key (not read by the matcher: a typo?)" in problems
    assert f"{where} 'titles_extra': unknown key (not read by the matcher: a typo?)" in problems
    assert f"{where} 'articles': must be an array of words, got str" in problems
    assert len(problems) == 3, problems


def test_a_table_written_as_a_list_is_reported_once() -> None:
    with pytest.raises(ConfigError) as info:
        lexicon.lexicon_from_data({"lang": "xx", "occasion": ["visit"]}, source="xx.toml")
    assert info.value.problems == ["xx.toml: key 'occasion': must be a table ([occasion]), "
                                   "got list"]


def test_the_schema_knows_exactly_the_keys_the_loader_reads() -> None:
    listed = set(LexiconTop.model_fields) - set(TABLE_KEYS) - {"lang", "word_boundaries"}
    assert listed == set(lexicon._LIST_KEYS)


def test_every_shipped_lexicon_fits_the_schema() -> None:
    import tomllib
    for path in sorted(default_lexicon_dir().glob("[!_]*.toml")):
        LexiconTop.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


def test_a_key_of_another_table_below_dates_is_reported_not_ignored() -> None:
    # A merge once left two [hosts] keys under [dates], where nothing read them.
    data = {"lang": "xx", "dates": {"month_first": False, "reception": ["received"]}}
    with pytest.raises(ConfigError) as info:
        lexicon.lexicon_from_data(data, source="xx.toml")
    assert ("xx.toml: key 'dates.reception': unknown (expected one of day_before_yesterday, "
            "month_first, months, weekdays, yesterday; a key of another table below [dates]?)"
            in info.value.problems)
