"""Issue 14, propose round: invitations without an invitation word, direction, wrong
pairs and transcripts, in the first-class languages where each construction exists.
Sentences written for these tests (not taken from any corpus); the gazetteer is
tests/matcher/figures_small.toml. tests/data/matcher holds the same constructions as whole
news items (ids `<lang>-propose-NN`, scored by `invitewatch eval`).

- "the door is open for X" (lexicon `welcome` ending in a to-marker, `arguments._open_door`);
- proposals and requests with a contracted preposition ("pidió al ...", "propôs ao ...");
- the host received the guest and invited him: the host invites, the reception is not the
  occasion invited to (`clause.subject_and_object_before` drops a residence after the
  first figure; `extract.invited_after_meeting`);
- "received an invitation to the summit that X hosts": X invites
  (`extract._invited_to_hosted`);
- "X invited me" with the pronoun before the verb or enclitic, in a quote attributed
  before (with a colon) or after: the speaker is invited (`arguments.speaker_invited`,
  `transcript._me_at_verb`, `transcript._speaker_before_colon`), and the speaker's own yes
  accepts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import MatchResult

from .conftest import pairs

Match = Callable[..., MatchResult]
MACRON, SCHOLZ, PUTIN, XI = "emmanuel-macron", "olaf-scholz", "vladimir-putin", "xi-jinping"
MELONI, SANCHEZ, LULA, ZELENSKY = "giorgia-meloni", "pedro-sanchez", "lula", "volodymyr-zelensky"
TRUMP, ERDOGAN, MUSK, BIDEN = "donald-trump", "recep-tayyip-erdogan", "elon-musk", "joe-biden"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the door is open for the guest
        ("en", "\"The door is always open for Volodymyr Zelensky,\" Emmanuel Macron said.",
         (MACRON, ZELENSKY, "pending")),
        ("fr", "La porte est toujours ouverte pour Volodymyr Zelensky, a déclaré Emmanuel "
               "Macron.", (MACRON, ZELENSKY, "pending")),
        ("es", "Las puertas de España están abiertas para Lula, dijo Pedro Sánchez.",
         (SANCHEZ, LULA, "pending")),
        ("it", "Le porte dell'Italia sono sempre aperte per Lula, ha detto Giorgia Meloni.",
         (MELONI, LULA, "pending")),
        ("pt", "As portas do Brasil estão sempre abertas para Pedro Sánchez, disse Lula.",
         (LULA, SANCHEZ, "pending")),
        ("de", "Olaf Scholz sagte, die Tür stehe immer offen für Emmanuel Macron.",
         (SCHOLZ, MACRON, "pending")),
        ("de", "Emmanuel Macron ist bei uns jederzeit herzlich willkommen, sagte Olaf Scholz.",
         (SCHOLZ, MACRON, "pending")),
        ("fr", "Pedro Sánchez est toujours le bienvenu à Paris, a dit Emmanuel Macron.",
         (MACRON, SANCHEZ, "pending")),
        # proposals and requests with a contracted preposition
        ("es", "Pedro Sánchez pidió al presidente Lula que visite Canarias.",
         (SANCHEZ, LULA, "pending")),
        ("es", "Pedro Sánchez ofreció a Giorgia Meloni reunirse en Madrid.",
         (SANCHEZ, MELONI, "pending")),
        ("it", "Giorgia Meloni ha proposto al presidente Lula di venire a Roma.",
         (MELONI, LULA, "pending")),
        ("pt", "Lula propôs ao presidente Xi Jinping realizar uma cúpula em Brasília.",
         (LULA, XI, "pending")),
        ("fr", "Emmanuel Macron a proposé lundi à Olaf Scholz de venir à Paris.",
         (MACRON, SCHOLZ, "pending")),
        # the host received the guest and invited him
        ("en", "Vladimir Putin received Xi Jinping in the Kremlin and invited him to Kazan.",
         (PUTIN, XI, "pending")),
        ("fr", "Emmanuel Macron a reçu Olaf Scholz à l'Élysée et l'a invité au sommet de Nice.",
         (MACRON, SCHOLZ, "pending")),
        ("es", "Pedro Sánchez recibió a Lula en la Moncloa y lo invitó a la cumbre de Sevilla.",
         (SANCHEZ, LULA, "pending")),
        ("it", "Giorgia Meloni ha ricevuto Pedro Sánchez a Palazzo Chigi e lo ha invitato al "
               "vertice.", (MELONI, SANCHEZ, "pending")),
        ("ru", "Путин принял Эрдогана в Кремле и пригласил его на саммит в Казани.",
         (PUTIN, ERDOGAN, "pending")),
        # received an invitation to the event another figure hosts
        ("fr", "Pedro Sánchez a reçu une invitation au sommet que Macron organise à Nice.",
         (MACRON, SANCHEZ, "pending")),
        ("es", "Giorgia Meloni recibió una invitación a la cumbre que organiza Lula.",
         (LULA, MELONI, "pending")),
        ("it", "Pedro Sánchez ha ricevuto un invito al vertice che Meloni organizza a Roma.",
         (MELONI, SANCHEZ, "pending")),
        ("pt", "Pedro Sánchez recebeu um convite para a cúpula que Lula organiza no Rio.",
         (LULA, SANCHEZ, "pending")),
        ("de", "Emmanuel Macron erhielt eine Einladung zu dem Gipfel, den Olaf Scholz "
               "ausrichtet.", (SCHOLZ, MACRON, "pending")),
        ("ru", "Эрдоган получил приглашение на саммит, который проводит Путин.",
         (PUTIN, ERDOGAN, "pending")),
        ("en", "Pedro Sánchez accepted an invitation to the summit that Lula is hosting.",
         (LULA, SANCHEZ, "accepted")),
        # the speaker invited, the pronoun at the verb, and the speaker's own yes
        ("es", "«Lula me invitó a Brasilia y le dije que sí», afirmó Pedro Sánchez.",
         (LULA, SANCHEZ, "accepted")),
        ("it", "«Il presidente Trump mi ha invitato alla Casa Bianca e ci andrò», ha detto "
               "Giorgia Meloni.", (TRUMP, MELONI, "accepted")),
        ("pt", "«O Presidente Lula convidou-me para Belém», disse Pedro Sánchez.",
         (LULA, SANCHEZ, "pending")),
        ("de", "\"Xi Jinping hat mich nach Peking eingeladen\", sagte Olaf Scholz.",
         (XI, SCHOLZ, "pending")),
        ("fr", "« Lula m'a invité à Belém et j'y serai », a affirmé Emmanuel Macron.",
         (LULA, MACRON, "accepted")),
        ("ru", "Путин заявил: «Эрдоган пригласил меня в Стамбул, и я поеду».",
         (ERDOGAN, PUTIN, "accepted")),
        ("uk", "«Макрон мене запросив, і я поїду», — сказав Зеленський.",
         (MACRON, ZELENSKY, "accepted")),
    ],
)
def test_propose_round_constructions(match: Match, lang: str, text: str,
                                     expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang, date="2025-06-01"))
    assert expected in found, (text, found)
    reversed_pair = {(b, a) for a, b, _ in found}
    assert (expected[0], expected[1]) not in reversed_pair or expected[0] == expected[1], found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an open door to something, not someone
        ("en", "Emmanuel Macron said the door is open for talks on the budget."),
        # a figure inside the door phrase is the host's country or seat, never the guest
        ("ru", "Двери Кремля открыты, заявил Путин."),
        # a proposal to do something else than meet
        ("fr", "Emmanuel Macron a proposé au Premier ministre de démissionner."),
    ],
)
def test_propose_round_near_misses(match: Match, lang: str, text: str) -> None:
    assert not pairs(match(text, lang=lang, date="2025-06-01")), text


def test_speaker_after_the_quote_is_not_the_inviters_object(match: Match) -> None:
    # the attribution after the quote names the speaker, who is invited; never the reverse
    found = pairs(match("«Il presidente Trump mi ha invitato alla Casa Bianca», ha detto "
                        "Giorgia Meloni.", lang="it", date="2025-06-01"))
    assert (MELONI, TRUMP) not in {(a, b) for a, b, _ in found}
    assert (TRUMP, MELONI) in {(a, b) for a, b, _ in found}
