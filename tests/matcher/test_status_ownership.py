"""Issue 14, status tied to its own invitation: a status goes only to the invitation whose
parties it concerns, and a meeting reported right before an invitation is where it was
made, not its outcome (aggregate._made_at_meeting, aggregate._owner). Sentences written
for these tests; ids `<lang>-st-NN`. The gazetteer is tests/matcher/figures_small.toml."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import MatchResult

Match = Callable[..., MatchResult]


def _statuses(result: MatchResult) -> dict[tuple[str, str], str]:
    return {(m.inviter.key, m.invitee.key): m.status.value for m in result.mentions}


XI, PUTIN, BIDEN = "xi-jinping", "vladimir-putin", "joe-biden"
MACRON, SCHOLZ, ERDOGAN, ZELENSKY = ("emmanuel-macron", "olaf-scholz",
                                     "recep-tayyip-erdogan", "volodymyr-zelensky")


@pytest.mark.parametrize(
    ("lang", "text", "pair", "status"),
    [
        # another figure's answer, in a relative clause: not this invitation's
        ("en", "Xi Jinping invited Vladimir Putin to Beijing. Putin spoke with Joe Biden, "
               "who accepted.", (XI, PUTIN), "pending"),
        ("en", "Xi Jinping invited Vladimir Putin to Beijing. Putin later met Biden, who "
               "accepted an invitation to Moscow.", (XI, PUTIN), "pending"),
        # the answer of a second invitee
        ("en", "Erdogan invited Zelensky to Istanbul. Putin was also invited but refused.",
         (ERDOGAN, ZELENSKY), "pending"),
        # a named figure of no invitation answers for himself, also through a spokesman
        ("en", "Erdogan invited Zelensky to Istanbul. Putin refused.",
         (ERDOGAN, ZELENSKY), "pending"),
        ("en", "Erdogan invited Zelensky to Istanbul. Dmitry Peskov said Putin refused.",
         (ERDOGAN, ZELENSKY), "pending"),
        # a meeting right before the invitation is where it was made
        ("ru", "Владимир Путин встретился с Си Цзиньпином. Путин пригласил Си посетить "
               "Москву.", (PUTIN, XI), "pending"),
    ],
    ids=["en-st-01", "en-st-02", "en-st-03", "ru-st-01", "en-st-07", "en-st-08"],
)
def test_a_status_of_another_event_stays_away(match: Match, lang: str, text: str,
                                             pair: tuple[str, str], status: str) -> None:
    assert _statuses(match(text, lang=lang)).get(pair) == status, text


@pytest.mark.parametrize(
    ("lang", "text", "pair", "status"),
    [
        # hard negatives: the invitee's own answer in a relative clause stays
        ("en", "Xi Jinping invited Vladimir Putin to Beijing. Xi spoke with Putin, who "
               "accepted.", (XI, PUTIN), "accepted"),
        # the invitee's own refusal stays
        ("en", "Erdogan invited Zelensky to Istanbul. Zelensky refused.",
         (ERDOGAN, ZELENSKY), "declined"),
        # the invitee's spokesman answers for him (hard negative)
        ("en", "Erdogan invited Vladimir Putin to Istanbul. Dmitry Peskov said he refused.",
         (ERDOGAN, PUTIN), "declined"),
        # "at the invitation of" after a meeting: the meeting is the invited visit
        ("ru", "Владимир Путин встретился с Си Цзиньпином. Си прибыл по приглашению "
               "Путина.", (PUTIN, XI), "took_place"),
        ("en", "Emmanuel Macron met Olaf Scholz in Paris on Monday. Scholz came at the "
               "invitation of Macron.", (MACRON, SCHOLZ), "took_place"),
    ],
    ids=["en-st-04", "en-st-05", "ru-st-02", "en-st-06", "en-st-09"],
)
def test_the_invitations_own_outcome_stays(match: Match, lang: str, text: str,
                                          pair: tuple[str, str], status: str) -> None:
    assert _statuses(match(text, lang=lang)).get(pair) == status, text


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        # "принял <figure>" received a guest: after the invitation it is its outcome ...
        ("ru", "Путин пригласил Си Цзиньпина в Москву. В мае Путин принял Си Цзиньпина в "
               "Москве.", "took_place"),
        # ... and right before it, the meeting where it was made (not an acceptance)
        ("ru", "Владимир Путин принял Си Цзиньпина в Москве. Путин пригласил Си Цзиньпина "
               "посетить Сочи.", "pending"),
        # "принял приглашение" stays an acceptance (hard negative)
        ("ru", "Путин пригласил Си Цзиньпина в Москву. Си Цзиньпин принял приглашение.",
         "accepted"),
    ],
    ids=["ru-st-03", "ru-st-04", "ru-st-05"],
)
def test_a_reception_is_a_meeting_not_an_answer_ru(match: Match, lang: str, text: str,
                                                   status: str) -> None:
    assert _statuses(match(text, lang=lang)).get((PUTIN, XI)) == status, text


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Зеленський прийняв Макрона. Зеленський запросив Макрона до Одеси.", "pending"),
        ("Зеленський запросив Макрона до Києва. Макрон прийняв запрошення Зеленського.",
         "accepted"),
    ],
    ids=["uk-st-01", "uk-st-02"],
)
def test_a_reception_is_a_meeting_not_an_answer_uk(match: Match, text: str, status: str
                                                   ) -> None:
    assert _statuses(match(text, lang="uk")).get((ZELENSKY, MACRON)) == status, text
