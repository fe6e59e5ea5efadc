"""Round 3 of the matcher: denials, platforms that are only the channel of a message,
occasions inside a split German cue, a meeting elsewhere that is not the invitation, and
an alias given to two figures (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult, OccasionKind, Status
from bot.errors import ConfigError
from bot.matcher import Matcher
from bot.matcher.gazetteer import gazetteer_from_data
from tests.support.matching import pairs

Match = Callable[..., MatchResult]

MACRON, SCHOLZ, PUTIN, XI = "emmanuel-macron", "olaf-scholz", "vladimir-putin", "xi-jinping"
MUSK, TRUMP, ZELENSKY, MELONI = "elon-musk", "donald-trump", "volodymyr-zelensky", "giorgia-meloni"


@pytest.mark.parametrize(("lang", "denied", "affirmed"), [
    ("en", "Emmanuel Macron denied that he had invited Xi Jinping to Paris.",
     "Emmanuel Macron said that he had invited Xi Jinping to Paris."),
    ("en", "Claims that Emmanuel Macron invited Xi Jinping to Paris are untrue, his office said.",
     "Emmanuel Macron invited Xi Jinping to Paris, his office said."),
    ("de", "Emmanuel Macron bestritt, Xi Jinping nach Paris eingeladen zu haben.",
     "Emmanuel Macron hat Xi Jinping nach Paris eingeladen."),
    ("de", "Die Meldung, Macron habe Xi Jinping nach Paris eingeladen, sei falsch.",
     "Macron habe Xi Jinping nach Paris eingeladen, hieß es."),
    ("fr", "L'Élysée a démenti qu'Emmanuel Macron ait invité Xi Jinping à Paris.",
     "Emmanuel Macron a invité Xi Jinping à Paris."),
    ("es", "Macron negó haber invitado a Xi Jinping a París.",
     "Macron invitó a Xi Jinping a París."),
    ("it", "Giorgia Meloni ha smentito di aver invitato Elon Musk a Roma.",
     "Giorgia Meloni ha invitato Elon Musk a Roma."),
    ("pt", "Meloni negou ter convidado Elon Musk para Roma.",
     "Meloni convidou Elon Musk para Roma."),
    ("ru", "Песков опроверг, что Путин пригласил Си Цзиньпина в Москву.",
     "Путин пригласил Си Цзиньпина в Москву."),
    ("uk", "Зеленський заперечив, що запросив Сі Цзіньпіна до Києва.",
     "Зеленський запросив Сі Цзіньпіна до Києва."),
])
def test_a_denied_invitation_is_no_invitation(match: Match, lang: str, denied: str,
                                              affirmed: str) -> None:
    # The affirmed twin guards against passing because nothing is ever found.
    assert match(affirmed, lang=lang).mentions, affirmed
    assert match(denied, lang=lang).mentions == ()


def test_a_platform_the_news_was_posted_on_is_not_the_occasion(match: Match) -> None:
    result = match("Donald Trump invited Xi Jinping to a meeting in Paris, writing on Twitter "
                   "that he hoped to see him soon.")
    (mention,) = result.mentions
    assert mention.occasion.kind is OccasionKind.MEETING
    assert mention.occasion.place != "Twitter"


def test_a_platform_that_is_the_occasion_is_kept(match: Match) -> None:
    result = match("Elon Musk invited Vladimir Putin to a talk on Clubhouse, writing on Twitter "
                   "that it would be fun.")
    (mention,) = result.mentions
    assert mention.occasion.place == "Clubhouse"
    assert mention.occasion.kind is OccasionKind.CONVERSATION


def test_the_occasion_inside_a_split_german_cue_wins(match: Match) -> None:
    result = match("Olaf Scholz hat Emmanuel Macron nach Berlin eingeladen, nachdem dieser ihn "
                   "zu einem Treffen in Paris eingeladen hatte.")
    by_pair = {(m.inviter.figure_id, m.invitee.figure_id): m for m in result.mentions}
    assert by_pair[(SCHOLZ, MACRON)].occasion.place == "Berlin"


def test_a_meeting_elsewhere_does_not_make_a_new_invitation_took_place(match: Match) -> None:
    result = match("Das Treffen von Olaf Scholz und Emmanuel Macron in Paris hat am Montag "
                   "stattgefunden. Zum Abschluss lud Scholz Macron nach Berlin ein.")
    (mention,) = result.mentions
    assert (mention.inviter.figure_id, mention.invitee.figure_id) == (SCHOLZ, MACRON)
    assert mention.status is Status.PENDING
    # The Paris meeting is still reported, as an observation of its own.
    assert any(o.status is Status.TOOK_PLACE and o.occasion.place == "Paris"
               for o in result.observations)


def test_a_meeting_at_the_invited_place_still_took_place(match: Match) -> None:
    result = match("Olaf Scholz hatte Emmanuel Macron nach Berlin eingeladen. Das Treffen von "
                   "Scholz und Macron in Berlin hat am Montag stattgefunden.")
    assert (SCHOLZ, MACRON, "took_place") in pairs(result)


def test_an_alias_listed_for_two_figures_is_reported() -> None:
    data = {"figures": [
        {"id": "ann-reed", "name": "Ann Reed", "aliases": ["Reed"]},
        {"id": "bob-reed", "name": "Bob Reed", "aliases": ["reed"]},
    ]}
    with pytest.raises(ConfigError) as caught:
        gazetteer_from_data(data, source="figures.toml")
    message = str(caught.value)
    assert "ann-reed" in message and "bob-reed" in message and "reed" in message.casefold()


def test_a_handle_equal_to_another_figures_name_is_reported() -> None:
    data = {"figures": [
        {"id": "ann-reed", "name": "Ann Reed"},
        {"id": "bob-reed", "name": "Bob Reed", "handles": ["Ann Reed"]},
    ]}
    with pytest.raises(ConfigError, match="ann-reed"):
        gazetteer_from_data(data, source="figures.toml")


def test_two_namesakes_and_a_figures_own_repeated_alias_load() -> None:
    gazetteer = gazetteer_from_data({"figures": [
        {"id": "ann-reed", "name": "Ann Reed", "aliases": ["A. Reed", "a. reed"]},
        {"id": "ann-reed-2", "name": "Ann Reed"},
    ]})
    assert len(gazetteer) == 2


def test_a_challenge_with_a_figure_runs_from_the_speaker(match: Match) -> None:
    result = match("Musk: la sfida con Zuckerberg si farà a Roma", lang="it")
    assert ("elon-musk", "mark-zuckerberg", "pending") in pairs(result)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # Japanese "-te ita" (had invited) and Korean connective forms of the verb.
    ("ja", "イーロン・マスク氏はゼレンスキー大統領を討論に招いていたが、その後取り消した。",
     (MUSK, ZELENSKY)),
    ("ko", "트럼프 대통령은 김정은 위원장을 백악관으로 초청했으나 답은 없었다.",
     (TRUMP, "kim-jong-un")),
])
def test_japanese_and_korean_past_forms(shipped: Matcher, lang: str, text: str,
                                        expected: tuple[str, str]) -> None:
    assert expected in _found_pairs(shipped, text, lang)


def test_a_japanese_guest_left_unsaid_is_the_previous_topic(shipped: Matcher) -> None:
    text = ("ゼレンスキー大統領は20日、東京に到着した。"
            "習近平国家主席の招きで会議に参加する。")
    assert (XI, ZELENSKY) in _found_pairs(shipped, text, "ja")


@pytest.fixture(scope="module")
def shipped(real_matcher: Matcher) -> Matcher:
    """The shipped gazetteer: it holds the Japanese and Korean spellings of the figures."""
    return real_matcher  # loaded once per session (tests/conftest.py)


def _found_pairs(matcher: Matcher, text: str, lang: str) -> set[tuple[str | None, str | None]]:
    article = Article(key="t", text=text, title="", lang=lang,
                      published=datetime(2023, 5, 20, 12, tzinfo=UTC))
    return {(m.inviter.figure_id, m.invitee.figure_id) for m in matcher.match(article).mentions}


@pytest.mark.parametrize("text", [
    "Kremlin spokesman Dmitry Peskov denied that Vladimir Putin had accepted Elon Musk's "
    "invitation to a conversation on Clubhouse.",
    "Dmitri Peskow dementierte, dass Putin die Einladung von Elon Musk angenommen habe.",
])
def test_a_denied_answer_leaves_the_invitation_pending(text: str, real_matcher: Matcher) -> None:
    """What is denied is the answer, not the invitation."""
    result = real_matcher.match(Article(key="d", text=text,
                                          published=datetime(2021, 2, 16, tzinfo=UTC)))
    assert [(m.inviter.name, m.invitee.name, m.status) for m in result.mentions] == [
        ("Elon Musk", "Vladimir Putin", Status.PENDING)]
