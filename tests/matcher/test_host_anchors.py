"""The host markers' pre-filter (`Lexicon.may_name_host`): it may let through a text with no
marker, but never turns away one the markers' regexes match."""

from __future__ import annotations

import pytest

from bot.matcher.hosts import has_host_marker
from bot.matcher.lexicon import HOST_MARKER_KEYS, Lexicon, lexicon_from_data, load_lexicons


def _lexicon(host_before: list[str], host_after: list[str]) -> Lexicon:
    return lexicon_from_data({"lang": "tr", "hosts": {"host_before": host_before,
                                                       "host_after": host_after}},
                             source="test")


def test_no_anchor_word_no_host() -> None:
    lexicon = _lexicon(["ev sahipliği yaptığı"], ["hosted by"])
    assert not lexicon.may_name_host("Erdoğan ile Aliyev Bakü'de görüştü.")
    assert lexicon.may_name_host("Zirveye Erdoğan'ın ev sahipliği yaptığı Ankara'da")


@pytest.mark.parametrize("text", [
    "ZİRVEYE EV SAHİPLİĞİ YAPTIĞI",  # dotted capital I, as Turkish headlines write it
    "zirveye ev sahipliğı yaptıgı",  # a dotless i where the marker has a dotted one
    "HOSTED BY the king",
])
def test_every_case_the_regex_matches_passes_the_filter(text: str) -> None:
    lexicon = _lexicon(["ev sahipliği yaptığı"], ["hosted by"])
    found = bool(lexicon.host_hits("host_before", text) or lexicon.host_hits("host_after", text))
    assert lexicon.may_name_host(text) or not found
    assert has_host_marker(lexicon, text) == found


def test_the_shipped_lexicons_markers_all_pass_their_own_filter() -> None:
    """Each marker phrase, written out as text, passes its lexicon's filter (a marker whose
    anchor the filter could not find would be lost)."""
    for lang, lexicon in load_lexicons().items():
        for key in HOST_MARKER_KEYS:
            for phrase in lexicon.hosts.get(key, ()):
                text = phrase.replace("...", "X").replace("…", "X").replace("$", "") \
                    .replace("*", "")
                assert lexicon.may_name_host(text), (lang, phrase)
                for variant in (text.upper(), text.title()):
                    assert lexicon.may_name_host(variant) or not any(
                        lexicon.host_hits(k, variant) for k in HOST_MARKER_KEYS), (lang, variant)


def test_every_country_host_marker_is_a_host_before_marker() -> None:
    # Matcher._host_mentions tries a figureless sentence's country-host markers only where
    # the host-marker anchors pass, which holds only if host_country is part of host_before.
    for lexicon in load_lexicons().values():
        extra = set(lexicon.hosts.get("host_country", ())) - set(lexicon.hosts.get("host_before", ()))
        assert not extra, (lexicon.lang, extra)
