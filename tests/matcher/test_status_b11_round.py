"""Issue 14, b11-status round: the status wording of wire copy.

A non-committal answer (the invitation is being studied, will think about it, will check
the calendar, a welcome without a date) is a response; a yes without "accept" (confirmed
the presence, a visit given a date, accepted in principle) is an acceptance; thanks joined
to a counter-invitation answer the invitation received, and the counter-invitation is its
own pair. The examples are written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain import Article, MatchResult
from bot.matcher import Matcher


def run(matcher: Matcher, text: str, lang: str) -> MatchResult:
    published = datetime(2025, 6, 1, 12, tzinfo=UTC)
    return matcher.match(Article(key="t", text=text, published=published, lang=lang))


def statuses(result: MatchResult) -> list[tuple[str | None, str | None, str]]:
    return [(m.inviter.figure_id, m.invitee.figure_id, m.status.value) for m in result.mentions]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Keir Starmer has invited Mark Carney to London. Ottawa said the invitation was "
           "being studied."),
    ("en", "Keir Starmer has invited Mark Carney to London. Carney's office said the "
           "invitation was under consideration."),
    ("de", "Friedrich Merz hat Pedro Sánchez nach Berlin eingeladen. In Madrid hieß es, die "
           "Einladung werde derzeit geprüft."),
    ("de", "Emmanuel Macron hat Friedrich Merz nach Paris eingeladen. Merz begrüßte die "
           "Einladung, ohne einen Termin zu nennen."),
    ("fr", "Emmanuel Macron a invité Pedro Sánchez à Paris. À Madrid, on indique que "
           "l'invitation est à l'étude."),
    ("es", "Pedro Sánchez invitó a Emmanuel Macron a Madrid. El Elíseo dijo que la invitación "
           "está siendo estudiada."),
    ("it", "Giorgia Meloni ha invitato Pedro Sánchez a Roma. Fonti della Moncloa hanno detto "
           "che l'invito è allo studio."),
    ("ru", "Владимир Путин пригласил Касым-Жомарта Токаева в Москву. Токаев сказал, что "
           "подумает."),
    ("ru", "Владимир Путин пригласил Касым-Жомарта Токаева в Москву. В Астане сообщили, что "
           "приглашение рассматривается, решение будет принято позже."),
    ("pl", "Emmanuel Macron zaprosił Donalda Tuska do Paryża. Tusk z zadowoleniem przyjął "
           "zaproszenie, ale nie podał terminu."),
    ("nl", "Dick Schoof heeft Bart De Wever uitgenodigd in Den Haag. De Wever zei dat hij "
           "erover zal nadenken."),
    ("no", "Jonas Gahr Støre har invitert Ulf Kristersson til Oslo. Kristersson sier han vil "
           "tenke på det."),
    ("ja", "石破首相はモディ首相を東京に招待した。モディ氏は「考えておく」と述べるにとどめ、時期には触れなかった。"),
    ("zh", "习近平邀请卢拉访华。卢拉感谢习近平的邀请，但未确认访问时间。"),
])
def test_a_non_committal_answer_is_a_response(real: Matcher, lang: str, text: str) -> None:
    found = statuses(run(real, text, lang))
    assert len(found) == 1 and found[0][2] == "responded", found


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Keir Starmer invited Mark Carney to London. The visit has been pencilled in for "
           "July."),
    ("de", "Friedrich Merz hat Pedro Sánchez nach Berlin eingeladen. Der Besuch ist für den "
           "12. Juli geplant."),
    ("fr", "Emmanuel Macron a invité Pedro Sánchez à Paris. La visite est prévue le 12 juillet."),
    ("it", "Giorgia Meloni ha invitato Pedro Sánchez a Roma. Sánchez ha accettato in linea di "
           "principio, le date sono da definire."),
    ("it", "Giorgia Meloni ha invitato Narendra Modi a Roma. Modi ha confermato la presenza."),
    ("ru", "Владимир Путин пригласил Касым-Жомарта Токаева в Москву. Визит запланирован на "
           "12 июля."),
    ("pl", "Donald Tusk zaprosił Friedricha Merza do Warszawy. Wizyta jest zaplanowana na "
           "12 lipca."),
    ("nl", "Dick Schoof heeft Bart De Wever uitgenodigd in Den Haag. Het bezoek staat gepland "
           "voor 12 juli."),
])
def test_a_yes_without_accept_is_an_acceptance(real: Matcher, lang: str, text: str) -> None:
    found = statuses(run(real, text, lang))
    assert len(found) == 1 and found[0][2] == "accepted", found


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Narendra Modi invited Volodymyr Zelensky to India. Zelensky thanked him and "
           "invited Modi to Kyiv."),
    ("en", "Narendra Modi invited Volodymyr Zelensky to India. Zelensky thanked Modi for the "
           "invitation and in turn invited him to Kyiv."),
    ("de", "Narendra Modi hat Wolodymyr Selenskyj nach Indien eingeladen. Selenskyj dankte ihm "
           "und lud Modi seinerseits nach Kiew ein."),
    ("ru", "Нарендра Моди пригласил Владимира Зеленского в Индию. Зеленский поблагодарил его "
           "и пригласил Моди в Киев."),
    ("uk", "Нарендра Моді запросив Володимира Зеленського до Індії. Зеленський подякував йому "
           "і запросив Моді до Києва."),
    ("pl", "Modi zaprosił Zełenskiego do Indii. Zełenski podziękował mu i zaprosił Modiego do "
           "Kijowa."),
])
def test_thanks_before_a_counter_invitation(real: Matcher, lang: str, text: str) -> None:
    assert set(statuses(run(real, text, lang))) == {
        ("narendra-modi", "volodymyr-zelensky", "responded"),
        ("volodymyr-zelensky", "narendra-modi", "pending"),
    }


def test_a_pronoun_joined_to_a_figure_before_a_final_verb(real: Matcher) -> None:
    text = ("Friedrich Merz reist zu dem Treffen in Warschau, zu dem Donald Tusk ihn und "
            "Emmanuel Macron eingeladen hatte.")
    assert {(i, e) for i, e, _ in statuses(run(real, text, "de"))} == {
        ("donald-tusk", "friedrich-merz"), ("donald-tusk", "emmanuel-macron")}

