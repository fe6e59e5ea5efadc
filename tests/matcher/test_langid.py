"""Language identification: scripts, the statistical model, hints, and junk."""

from __future__ import annotations

import pytest

from bot.matcher.langid import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elon Musk has invited the Russian president to a conversation on the app.", "en"),
        ("Der Kanzler hat den Präsidenten zu einem Besuch nach Berlin eingeladen.", "de"),
        ("Le président a invité son homologue à une visite d'État la semaine prochaine.", "fr"),
        ("El presidente invitó a su homólogo a una visita oficial la próxima semana.", "es"),
        ("Il presidente ha invitato il suo omologo a una visita ufficiale a Roma.", "it"),
        ("O presidente convidou o seu homólogo para uma visita oficial a Brasília.", "pt"),
        ("Президент пригласил своего коллегу посетить Москву с официальным визитом.", "ru"),
        ("Президент запросив свого колегу відвідати Київ з офіційним візитом.", "uk"),
        ("习近平邀请普京访问北京。", "zh"),
        ("プーチン大統領は習近平主席を招待した。", "ja"),
        ("푸틴 대통령이 시진핑 주석을 초청했다.", "ko"),
        ("دعا الرئيس نظيره إلى زيارة القاهرة", "ar"),
        ("רה\"מ הזמין את הנשיא לביקור בירושלים", "he"),
        ("Ο πρωθυπουργός κάλεσε τον πρόεδρο στην Αθήνα", "el"),
    ],
)
def test_detects(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_hint_wins_when_plausible() -> None:
    # Too short for the model alone; the feed says Dutch.
    assert detect_language("Rutte nodigt Macron uit", hint="nl-NL") == "nl"


def test_hint_does_not_override_a_script() -> None:
    assert detect_language("Зеленський запросив Байдена до Києва", hint="en") == "uk"


@pytest.mark.parametrize("junk", ["", "   ", "😀😀😀", "1234 5678", "\x00\x01", "!!!???"])
def test_never_fails_on_junk(junk: str) -> None:
    assert detect_language(junk) == "und"
    assert detect_language(junk, hint="de") == "de"


def test_bad_hint_is_ignored() -> None:
    assert detect_language("The president invited his counterpart to Washington.",
                           hint="???") == "en"


@pytest.mark.parametrize(("text", "expected"), [
    ("Путин пригласил Си Цзиньпина в Москву.", "ru"),  # the model alone says bg
    ("Sánchez invitó a Milei a Madrid.", "es"),  # the model alone says Extremaduran
    ("Macron a invité Scholz à Paris.", "fr"),
    ("Meloni ha invitato Musk ad Atreju.", "it"),
    ("Duda zaprosił Bidena do Warszawy.", "pl"),
    ("Petr Pavel pozval Zelenského do Prahy.", "cs"),
])
def test_short_headlines_get_a_news_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
