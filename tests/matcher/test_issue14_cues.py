"""Issue 14, cues round: invitations phrased without an invitation word and hosted events
reported only by their outcome, in the first-class languages where each construction
exists. Sentences written for these tests (not taken from any corpus); the gazetteer is
tests/matcher/figures_small.toml. tests/data/matcher holds the same constructions as
whole news items (scored by `invitewatch eval`).

- object relative clauses: "Tusk, whom Scholz had invited" (`arguments.relative_object`,
  lexicon list `relative_objects`);
- willingness, waiting, proposals and offers said of a named invitee (lexicon `active`);
- a status word that is the cue's own verb ("ist bereit, X zu empfangen") does not answer;
- a guest named after the host, as the inverted subject of an attendance verb ("Assistera
  au sommet organisé par X le président Y");
- a request in the passive ("was asked by X to come"): X invites;
- a quote's "I will be waiting for you in ..." addressed to the one told;
- near misses: hypothetical and counterfactual proposals, "ready to meet X's demands"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import MatchResult

from .conftest import pairs

Match = Callable[..., MatchResult]
MACRON, SCHOLZ, PUTIN, XI = "emmanuel-macron", "olaf-scholz", "vladimir-putin", "xi-jinping"
MELONI, SANCHEZ, LULA, ZELENSKY = "giorgia-meloni", "pedro-sanchez", "lula", "volodymyr-zelensky"
TRUMP, ERDOGAN = "donald-trump", "recep-tayyip-erdogan"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Emmanuel Macron, whom Olaf Scholz had invited to Berlin, arrived at the chancellery.",
         (SCHOLZ, MACRON, "took_place")),
        ("de", "Emmanuel Macron, den Olaf Scholz nach Berlin eingeladen hatte, traf am Montag "
               "ein.", (SCHOLZ, MACRON, "took_place")),
        ("fr", "Olaf Scholz, qu'Emmanuel Macron avait invité à Paris, est arrivé lundi.",
         (MACRON, SCHOLZ, "took_place")),
        ("es", "Lula, a quien Pedro Sánchez había invitado a Madrid, llegó el lunes a la "
               "capital.", (SANCHEZ, LULA, "took_place")),
        ("it", "Pedro Sánchez, che Giorgia Meloni aveva invitato a Roma, è arrivato lunedì a "
               "Palazzo Chigi.", (MELONI, SANCHEZ, "took_place")),
        ("pt", "Pedro Sánchez, que Lula tinha convidado para Brasília, chegou na segunda-feira "
               "ao Planalto.", (LULA, SANCHEZ, "took_place")),
        ("ru", "Си Цзиньпин, которого Владимир Путин пригласил в Москву, прибыл в понедельник.",
         (PUTIN, XI, "took_place")),
        ("uk", "Олаф Шольц, якого Володимир Зеленський запросив до Києва, прибув у понеділок "
               "до столиці.", (ZELENSKY, SCHOLZ, "took_place")),
        # the subject after the verb, the pronoun marking the object
        ("es", "Lula, a quien invitó Pedro Sánchez, llegó el lunes a Madrid.",
         (SANCHEZ, LULA, "took_place")),
        ("ru", "Си Цзиньпин, которого пригласил Владимир Путин, прибыл в Москву.",
         (PUTIN, XI, "took_place")),
        ("uk", "Олаф Шольц, якого запросив Володимир Зеленський, прибув до Києва.",
         (ZELENSKY, SCHOLZ, "took_place")),
    ],
)
def test_an_object_relative_clause_invites_its_antecedent(match: Match, lang: str, text: str,
                                                          expected: tuple[str, str, str]
                                                          ) -> None:
    found = pairs(match(text, lang=lang))
    assert expected in found, (text, found)
    assert (expected[1], expected[0], expected[2]) not in found


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        ("en", "Vladimir Putin said on Thursday he was ready to meet Volodymyr Zelensky in "
               "Istanbul.", (PUTIN, ZELENSKY)),
        ("en", "Volodymyr Zelensky said he would be waiting for Vladimir Putin in Istanbul.",
         (ZELENSKY, PUTIN)),
        ("en", "Emmanuel Macron proposed holding a summit with Olaf Scholz in Strasbourg.",
         (MACRON, SCHOLZ)),
        ("en", "Vladimir Putin offered Volodymyr Zelensky a meeting in Moscow.", (PUTIN, ZELENSKY)),
        ("en", "Recep Tayyip Erdoğan would receive Vladimir Putin in Ankara if he asked.",
         (ERDOGAN, PUTIN)),
        ("de", "Wolodymyr Selenskyj sagte, er werde Wladimir Putin in Istanbul erwarten.",
         (ZELENSKY, PUTIN)),
        ("de", "Olaf Scholz hat Emmanuel Macron ein Gipfeltreffen in Aachen vorgeschlagen.",
         (SCHOLZ, MACRON)),
        ("de", "Olaf Scholz ist bereit, Emmanuel Macron in Berlin zu empfangen.",
         (SCHOLZ, MACRON)),
        ("de", "Olaf Scholz würde Emmanuel Macron in Aachen treffen, wenn Paris zustimmt.",
         (SCHOLZ, MACRON)),
        ("fr", "Emmanuel Macron s'est dit prêt à recevoir Olaf Scholz à Paris.", (MACRON, SCHOLZ)),
        ("fr", "Emmanuel Macron a proposé à Olaf Scholz de tenir un sommet à Strasbourg.",
         (MACRON, SCHOLZ)),
        ("fr", "Volodymyr Zelensky a déclaré qu'il attendrait Vladimir Poutine à Istanbul.",
         (ZELENSKY, PUTIN)),
        ("es", "Pedro Sánchez se mostró dispuesto a recibir a Lula en Madrid.", (SANCHEZ, LULA)),
        ("es", "Pedro Sánchez propuso una reunión a Lula en Madrid.", (SANCHEZ, LULA)),
        ("it", "Giorgia Meloni si è detta pronta a incontrare Pedro Sánchez a Roma.",
         (MELONI, SANCHEZ)),
        ("it", "Giorgia Meloni ha proposto a Emmanuel Macron di tenere un vertice a Roma.",
         (MELONI, MACRON)),
        ("pt", "Lula disse estar pronto para receber Pedro Sánchez em Brasília.", (LULA, SANCHEZ)),
        ("pt", "Lula propôs um encontro a Pedro Sánchez em Brasília.", (LULA, SANCHEZ)),
        ("ru", "Владимир Путин заявил, что готов встретиться с Владимиром Зеленским в Стамбуле.",
         (PUTIN, ZELENSKY)),
        ("ru", "Владимир Зеленский заявил, что будет ждать Владимира Путина в Стамбуле.",
         (ZELENSKY, PUTIN)),
        ("uk", "Володимир Зеленський сказав, що чекатиме Володимира Путіна в Стамбулі.",
         (ZELENSKY, PUTIN)),
        ("uk", "Володимир Зеленський готовий прийняти Дональда Трампа в Києві.", (ZELENSKY, TRUMP)),
    ],
)
def test_willingness_waiting_proposals_and_offers_are_pending_invitations(
        match: Match, lang: str, text: str, pair: tuple[str, str]) -> None:
    found = pairs(match(text, lang=lang))
    assert (*pair, "pending") in found, (text, found)


def test_a_willingness_answering_an_invitation_is_no_new_one(match: Match) -> None:
    found = pairs(match("Vladimir Putin said he was ready to receive Volodymyr Zelensky in "
                        "Moscow, responding to Zelensky's invitation to meet in Donbas."))
    assert (PUTIN, ZELENSKY, "pending") not in found
    assert (ZELENSKY, PUTIN, "responded") in found


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Attending the summit hosted by Emmanuel Macron will be Olaf Scholz.",
         (MACRON, SCHOLZ, "accepted")),
        ("fr", "Assistera au sommet organisé par Emmanuel Macron le chancelier Olaf Scholz.",
         (MACRON, SCHOLZ, "accepted")),
        ("es", "Asistirá a la cumbre convocada por Pedro Sánchez el presidente brasileño Lula.",
         (SANCHEZ, LULA, "accepted")),
        ("it", "Parteciperà al vertice convocato da Giorgia Meloni anche Emmanuel Macron.",
         (MELONI, MACRON, "accepted")),
        ("pt", "Participará da cúpula convocada por Lula o presidente francês Emmanuel Macron.",
         (LULA, MACRON, "accepted")),
        ("en", "Lula skipped the dinner hosted by Giorgia Meloni on Saturday.",
         (MELONI, LULA, "declined")),
        ("fr", "Olaf Scholz boudera le sommet organisé par Emmanuel Macron.",
         (MACRON, SCHOLZ, "declined")),
        ("ru", "Эрдоган пропустит саммит, который проводит Владимир Путин.",
         (PUTIN, ERDOGAN, "declined")),
        ("de", "Emmanuel Macron traf am Montag zu dem von Olaf Scholz ausgerichteten Gipfel ein.",
         (SCHOLZ, MACRON, "took_place")),
        ("de", "Emmanuel Macron wird nicht an dem Abendessen teilnehmen, das Olaf Scholz gibt.",
         (SCHOLZ, MACRON, "declined")),
    ],
)
def test_a_hosted_event_reported_by_its_outcome(match: Match, lang: str, text: str,
                                                expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang))
    assert expected in found, (text, found)


def test_a_guest_after_the_host_needs_the_attendance_verb_first(match: Match) -> None:
    found = pairs(match("At the forum organised by Vladimir Putin, Xi Jinping met Lula."))
    assert not any(inviter == PUTIN for inviter, _invitee, _status in found), found


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Olaf Scholz has been asked by Emmanuel Macron to come to Paris.",
         (MACRON, SCHOLZ, "pending")),
        ("de", "Der von Olaf Scholz eingeladene Emmanuel Macron traf am Montag in Berlin ein.",
         (SCHOLZ, MACRON, "took_place")),
        ("en", '"I will be waiting for you in Kyiv," Volodymyr Zelensky told Donald Trump.',
         (ZELENSKY, TRUMP, "pending")),
        ("ru", "«Буду ждать вас в Москве», — сказал Владимир Путин Дональду Трампу.",
         (PUTIN, TRUMP, "pending")),
    ],
)
def test_passive_requests_participles_and_quoted_waiting(match: Match, lang: str, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    found = pairs(match(text, lang=lang))
    assert expected in found, (text, found)
    assert (expected[1], expected[0], expected[2]) not in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Donald Trump could propose a summit with Vladimir Putin in the Gulf."),
        ("en", "Donald Trump said he would have met Vladimir Putin in Budapest if asked."),
        ("en", "Vladimir Putin said he was ready to meet some of Volodymyr Zelensky's demands."),
        ("en", '"We are waiting for you in Kyiv," Volodymyr Zelensky told investors.'),
        ("de", "Olaf Scholz könnte Emmanuel Macron ein Treffen in Straßburg vorschlagen."),
        ("fr", "Emmanuel Macron pourrait proposer à Olaf Scholz un sommet à Strasbourg."),
        ("es", "Pedro Sánchez podría proponer a Lula una cumbre en Madrid."),
        ("it", "Giorgia Meloni potrebbe proporre a Pedro Sánchez un incontro a Roma."),
        ("pt", "Lula poderia propor a Pedro Sánchez uma cúpula em Brasília."),
        ("ru", "Владимир Путин может предложить Дональду Трампу провести встречу в Эр-Рияде."),
        ("uk", "Володимир Зеленський може запропонувати Дональду Трампу провести зустріч."),
    ],
)
def test_hypothetical_and_counterfactual_proposals_are_none(match: Match, lang: str,
                                                            text: str) -> None:
    assert not match(text, lang=lang).mentions, text


def test_a_phrase_is_not_indexed_under_a_weak_anchor() -> None:
    from bot.matcher.lexicon import _anchor_of, load_lexicons

    assert _anchor_of("будет ждать") == "будет"
    assert _anchor_of("будет ждать", frozenset({"будет"})) == "ждать"
    assert _anchor_of("propôs uma reunião a", frozenset({"reunião"})) == "propôs"
    # only weak words and short ones: the longest still anchors the phrase
    assert _anchor_of("das ... gibt", frozenset({"gibt"})) == "gibt"
    russian = load_lexicons()["ru"]
    assert "будет" in russian.words("weak_anchors")
    text = "Владимир Зеленский заявил, что будет ждать Владимира Путина в Стамбуле."
    assert any(hit.category == "active" and hit.text == "будет ждать"
               for hit in russian.hits(text))
