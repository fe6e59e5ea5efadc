"""Issue 15, stories round: "the dates of the visit are not agreed yet" restates an open
invitation. The visit has not happened, so a sentence that also says the visit is "at the
invitation of" the host (a phrase that alone reports a trip made) stays pending (b10 blind
set, erdogan-putin-turkey-met-elsewhere: the ru report was read as took_place)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text


@pytest.mark.parametrize(("text", "lang"), [
    ("Юрий Ушаков сказал, что сроки визита Владимира Путина в Египет по приглашению "
     "Абдель Фаттаха ас-Сиси ещё не согласованы.", "ru"),
    ("Речник МЗС сказав, що дата візиту Володимира Зеленського до Туреччини на запрошення "
     "Реджепа Таїпа Ердогана ще не узгоджена.", "uk"),
    ("Ein Termin für den Besuch von Olaf Scholz in Japan auf Einladung von Fumio Kishida "
     "steht noch nicht fest, sagte ein Regierungssprecher.", "de"),
    ("La visita de Pedro Sánchez a Brasil por invitación de Lula da Silva todavía no tiene "
     "fecha, dijeron fuentes de la Moncloa.", "es"),
    ("No date has been agreed for Keir Starmer's visit to India at the invitation of "
     "Narendra Modi, Downing Street said.", "en"),
])
def test_dates_not_agreed_keep_the_invitation_pending(real_matcher: Matcher, text: str,
                                                      lang: str) -> None:
    mentions = match_text(real_matcher, text, "2025-03-12", lang).mentions
    assert mentions, text
    assert {m.status.value for m in mentions} == {"pending"}, [
        (m.inviter.name, m.invitee.name, m.status.value) for m in mentions]
