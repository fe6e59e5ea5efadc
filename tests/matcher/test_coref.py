"""Pronouns standing for the figures of the sentence before (bot/matcher/coref.py and the
rules arguments.pronouns_previous_sentence, object_pronoun_previous, clitic_object).
Sentences of our own; the small test gazetteer marks Giorgia Meloni as a woman."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.domain import MatchResult
from bot.errors import ConfigError
from bot.matcher.confidence import CONFIDENCE
from bot.matcher.gazetteer import gazetteer_from_data, load_gazetteer
from tests.support.matching import pairs

Match = Callable[..., MatchResult]
MACRON, SCHOLZ, LULA, MELONI = "emmanuel-macron", "olaf-scholz", "lula", "giorgia-meloni"
SANCHEZ, PUTIN, ZELENSKY = "pedro-sanchez", "vladimir-putin", "volodymyr-zelensky"


def found(result: MatchResult) -> set[tuple[str, str]]:
    return {(inviter, invitee) for inviter, invitee, _status in pairs(result)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emmanuel Macron received Lula on Monday. He invited him to a summit in Nice.",
         (MACRON, LULA)),
        ("Emmanuel Macron a reçu Lula lundi. Il l'a invité à un sommet à Nice.", (MACRON, LULA)),
        ("Olaf Scholz empfing Lula am Montag. Er lud ihn zu einem Gipfel nach Hamburg ein.",
         (SCHOLZ, LULA)),
        ("Pedro Sánchez recibió a Lula el lunes. Lo invitó a una cumbre en Sevilla.",
         (SANCHEZ, LULA)),
        ("Giorgia Meloni ha ricevuto Lula lunedì. Lo ha invitato a un vertice a Napoli.",
         (MELONI, LULA)),
        ("Lula recebeu Pedro Sánchez na segunda-feira. Convidou-o para uma cúpula em Belém.",
         (LULA, SANCHEZ)),
        ("Путин встретился с Зеленским в понедельник. Он пригласил его на саммит в Казань.",
         (PUTIN, ZELENSKY)),
        # gender overrides the order of the sentence before
        ("Emmanuel Macron met Giorgia Meloni on Thursday. She invited him to a summit in Rome.",
         (MELONI, MACRON)),
        ("Giorgia Meloni a déjeuné avec Emmanuel Macron. Il l'a invitée à Paris.",
         (MACRON, MELONI)),
        ("Emmanuel Macron ha pranzato con Giorgia Meloni. Lui l'ha invitata a Parigi.",
         (MACRON, MELONI)),
    ],
)
def test_both_pronouns_resolve_by_role_and_gender(match: Match, text: str,
                                                  expected: tuple[str, str]) -> None:
    result = match(text)
    assert found(result) == {expected}
    assert all(m.confidence <= CONFIDENCE.pronouns_previous_sentence for m in result.mentions)


def test_the_meeting_before_is_where_the_invitation_was_made(match: Match) -> None:
    statuses = {s for *_pair, s in pairs(match(
        "Emmanuel Macron a reçu Lula lundi. Il l'a invité à un sommet à Nice."))}
    assert statuses == {"pending"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Emmanuel Macron had lunch with Giorgia Meloni. Olaf Scholz invited her to Berlin.",
         (SCHOLZ, MELONI)),
        ("Emmanuel Macron aß mit Giorgia Meloni zu Mittag. Olaf Scholz lud sie nach Berlin ein.",
         (SCHOLZ, MELONI)),
        ("Pedro Sánchez almorzó con Giorgia Meloni. Emmanuel Macron la invitó a París.",
         (MACRON, MELONI)),
    ],
)
def test_an_object_pronoun_takes_the_one_figure_its_gender_allows(
        match: Match, text: str, expected: tuple[str, str]) -> None:
    assert found(match(text)) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        # the inviter is no figure
        "Emmanuel Macron met Lula on Monday. The company invited him to its fair in Lyon.",
        "Emmanuel Macron a rencontré Lula lundi. L'entreprise l'a invité à son salon.",
        "Giorgia Meloni ha incontrato Lula lunedì. L'azienda lo ha invitato alla sua fiera.",
        # two men the pronoun may stand for
        "Emmanuel Macron met Pedro Sánchez and Lula on Monday. Olaf Scholz invited him to Berlin.",
        "Emmanuel Macron a rencontré Pedro Sánchez et Lula lundi. Il l'a invité à Paris.",
        "Pedro Sánchez se reunió con Emmanuel Macron y Lula. Olaf Scholz lo invitó a Berlín.",
        # a third person's report
        "Emmanuel Macron met Lula on Monday. A diplomat said he had invited him to a dinner.",
        "Путин встретился с Зеленским в понедельник. По словам дипломата, он пригласил его.",
        # a feminine pronoun and no woman the gazetteer knows
        "Emmanuel Macron met Lula on Monday. She invited him to a summit in Rome.",
    ],
)
def test_no_sure_antecedent_gives_nothing(match: Match, text: str) -> None:
    assert found(match(text)) == set()


def test_gender_is_read_from_figures_toml(tmp_path: Path) -> None:
    path = tmp_path / "figures.toml"
    path.write_text('[[figures]]\nid = "a-b"\nname = "Ann Bee"\ngender = "f"\n', encoding="utf-8")
    figure = load_gazetteer(path).get("a-b")
    assert figure is not None and figure.gender == "f"
    with pytest.raises(ConfigError) as info:
        gazetteer_from_data({"figures": [{"id": "c-d", "name": "Cee Dee", "gender": "x"}]},
                            source="figures.toml")
    assert "gender" in str(info.value)
