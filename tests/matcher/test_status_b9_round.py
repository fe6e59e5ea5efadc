"""Issue 14, status round (blind set tests/data/matcher-held/b9-status): the status of the
right invitation. Sentences written for these tests (not taken from any corpus); the
gazetteer is tests/matcher/figures_small.toml.

- replies in content without a reply verb, per language family (lexicon `[status]`, the
  "status round (b9)" lines): a yes ("I'll be there"), a refusal (not this year, other
  commitments, the schedule), a lapse (the invitation no longer stands), a non-committal
  or evasive answer ("we'll see", "nothing has been decided");
- an answer said by the inviter of a counter-invitation, before its cue, answers the
  invitation he received (`aggregate._counter_invitation`);
- a yes on a condition ("but only if", "aber nur, wenn") is a response, like a
  counter-venue (lexicon `[modifiers] counter`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import MatchResult

from .conftest import pairs

Match = Callable[..., MatchResult]
MACRON, SCHOLZ, PUTIN, XI = "emmanuel-macron", "olaf-scholz", "vladimir-putin", "xi-jinping"
ERDOGAN, LULA, MELONI, SANCHEZ = "recep-tayyip-erdogan", "lula", "giorgia-meloni", "pedro-sanchez"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a yes in content
        ("it", "Giorgia Meloni ha invitato Pedro Sánchez a Roma. «Sarà un piacere esserci», "
               "ha detto Sánchez.", (MELONI, SANCHEZ, "accepted")),
        ("pt", "Lula convidou Pedro Sánchez a visitar Brasília. Sánchez disse que lá estará "
               "em outubro.", (LULA, SANCHEZ, "accepted")),
        ("ru", "Владимир Путин пригласил Си Цзиньпина в Москву. «Я буду там», — сказал Си "
               "Цзиньпин.", (PUTIN, XI, "accepted")),
        ("zh", "普京邀请习近平访问莫斯科。习近平表示：“我一定会去。”", (PUTIN, XI, "accepted")),
        ("de", "Emmanuel Macron hat Olaf Scholz nach Paris eingeladen. Scholz sagte: „Ich "
               "werde da sein.“", (MACRON, SCHOLZ, "accepted")),
        # a refusal in content
        ("en", "Emmanuel Macron invited Olaf Scholz to Paris. Scholz's office said: not this "
               "year.", (MACRON, SCHOLZ, "declined")),
        ("ru", "Владимир Путин пригласил Эрдогана в Москву. Эрдоган ответил, что в этом году "
               "приехать не получится.", (PUTIN, ERDOGAN, "declined")),
        ("it", "Giorgia Meloni ha invitato Pedro Sánchez a Roma. Sánchez ha spiegato che "
               "l'agenda non lo consente quest'anno.", (MELONI, SANCHEZ, "declined")),
        ("es", "Giorgia Meloni invitó a Pedro Sánchez a Roma. Sánchez tiene otros compromisos "
               "en esas fechas.", (MELONI, SANCHEZ, "declined")),
        # a lapse
        ("fr", "Emmanuel Macron avait invité Olaf Scholz à Paris. L'invitation ne tient plus, "
               "a fait savoir l'Élysée.", (MACRON, SCHOLZ, "withdrawn")),
        ("pt", "Lula tinha convidado Pedro Sánchez para Brasília. O convite deixou de estar "
               "de pé.", (LULA, SANCHEZ, "withdrawn")),
        ("de", "Emmanuel Macron hatte Olaf Scholz nach Paris eingeladen. Die Einladung ist "
               "nicht mehr aktuell.", (MACRON, SCHOLZ, "withdrawn")),
        # non-committal and evasive
        ("en", "Emmanuel Macron invited Olaf Scholz to Paris. \"We'll see,\" Scholz said.",
         (MACRON, SCHOLZ, "responded")),
        ("pt", "Lula convidou Pedro Sánchez a visitar Brasília. Sánchez disse que não há nada "
               "decidido.", (LULA, SANCHEZ, "responded")),
        ("de", "Emmanuel Macron hat Olaf Scholz nach Paris eingeladen. Scholz sagte: „Wir "
               "werden sehen.“", (MACRON, SCHOLZ, "responded")),
    ],
)
def test_a_reply_in_content_gives_the_status(match: Match, lang: str, text: str,
                                             expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang))
    assert expected in found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "answered", "counter"),
    [
        ("ru", "Владимир Путин пригласил Эрдогана в Москву. Эрдоган ответил, что в этом году "
               "приехать не получится, и в свою очередь пригласил Путина в Анкару.",
         (PUTIN, ERDOGAN, "declined"), (ERDOGAN, PUTIN, "pending")),
        ("en", "Emmanuel Macron invited Olaf Scholz to Paris. Scholz said it was not this year "
               "and in turn invited Macron to Berlin.",
         (MACRON, SCHOLZ, "declined"), (SCHOLZ, MACRON, "pending")),
        ("de", "Emmanuel Macron hat Olaf Scholz nach Paris eingeladen. Scholz sagte, man werde "
               "sehen, und lud Macron seinerseits nach Berlin ein.",
         (MACRON, SCHOLZ, "responded"), (SCHOLZ, MACRON, "pending")),
    ],
)
def test_an_answer_before_a_counter_invitation_answers_the_first(
        match: Match, lang: str, text: str, answered: tuple[str, str, str],
        counter: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang))
    assert answered in found, (text, found)
    assert counter in found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Emmanuel Macron invited Olaf Scholz to Paris. Scholz said he will be there, "
               "but only if the budget passes.", (MACRON, SCHOLZ, "responded")),
        ("ru", "Владимир Путин пригласил Си Цзиньпина в Москву. Си Цзиньпин сказал, что будет "
               "там, но только если будет подписан договор.", (PUTIN, XI, "responded")),
        ("de", "Emmanuel Macron hat Olaf Scholz nach Paris eingeladen. Scholz sagte, er werde "
               "gern kommen, aber nur, wenn der Vertrag unterzeichnet ist.",
         (MACRON, SCHOLZ, "responded")),
        # a plain "if the situation allows" stays a yes (the b7-long convention)
        ("ru", "Владимир Путин пригласил Си Цзиньпина в Москву. Си Цзиньпин сказал, что "
               "обязательно приедет, если позволит обстановка.", (PUTIN, XI, "accepted")),
    ],
)
def test_a_yes_with_a_condition_is_a_response(match: Match, lang: str, text: str,
                                              expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang))
    assert expected in found, (text, found)
