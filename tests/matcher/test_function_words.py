"""The function-word rule that lets a plain text keep its feed's language without the
statistical model (`bot/matcher/function_words.py`): it fires where it should, never
where the text is in another language, and never disagrees with the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matcher import function_words as fw
from bot.matcher.langid import detect_language
from tests.support.hint_agreement import agreement, own_corpus_texts, real_texts

ENGLISH = ("The prime minister said on Tuesday that the president of the country had been "
           "invited to a state visit in the spring, and that the talks would take place in "
           "the capital after the summer break.")
SPANISH = ("El presidente dijo el martes que el primer ministro de su país había sido "
           "invitado a una visita de Estado en la primavera y que las conversaciones se "
           "celebrarán en la capital después del verano.")


def test_a_plain_text_keeps_its_hint_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model(sample: str, hint: str | None, letters: int) -> str:
        raise AssertionError("the model was asked")

    monkeypatch.setattr("bot.matcher.langid.model_decision", no_model)
    assert fw.hint_is_plain(ENGLISH, "en")
    assert detect_language(ENGLISH, "en") == "en"
    assert detect_language(SPANISH, "es-ES") == "es"


@pytest.mark.parametrize("hint", ["es", "pt", "fr", "de", "it", "nl"])
def test_a_wrong_hint_is_never_accepted_by_the_rule(hint: str) -> None:
    assert not fw.hint_is_plain(ENGLISH, hint)
    assert detect_language(ENGLISH, hint) == "en"


def test_close_relatives_go_to_the_model() -> None:
    # Spanish under a Galician or Portuguese hint shares too many words to be sure.
    assert not fw.hint_is_plain(SPANISH, "gl")
    assert not fw.hint_is_plain(SPANISH, "pt")


@pytest.mark.parametrize("text", ["Putin invites Musk", "", "12 34 56", "the the the"])
def test_short_or_wordless_texts_go_to_the_model(text: str) -> None:
    assert not fw.hint_is_plain(text, "en")


def test_unlisted_hint_goes_to_the_model() -> None:
    assert not fw.hint_is_plain(ENGLISH, "xx")


def test_every_list_is_read() -> None:
    words = fw.function_words()
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "no", "pl"} <= words.keys()
    assert all(len(found) >= 30 for found in words.values())


def test_never_disagrees_with_the_model_on_our_corpus() -> None:
    found = agreement(own_corpus_texts())
    assert found.fired > 500, "the rule should settle most of the corpus's Latin texts"
    assert found.disagreements == []


def test_never_disagrees_with_the_model_on_real_text(shared_dir: Path) -> None:
    found = agreement(real_texts(shared_dir))
    assert found.fired > 200
    assert found.disagreements == []
