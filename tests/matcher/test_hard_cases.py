"""The hard cases of issue 3, each pinned in several languages (sentences written for
these tests; the gazetteer is tests/matcher/figures_small.toml)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import MatchResult, OccasionKind
from tests.support.matching import pairs

Match = Callable[..., MatchResult]

MACRON, SCHOLZ, PUTIN, XI = "emmanuel-macron", "olaf-scholz", "vladimir-putin", "xi-jinping"
MUSK, BIDEN, ZELENSKY, LULA = "elon-musk", "joe-biden", "volodymyr-zelensky", "lula"
MELONI, SANCHEZ = "giorgia-meloni", "pedro-sanchez"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain active invitation
        ("Emmanuel Macron invited Olaf Scholz to Paris on Monday.", (MACRON, SCHOLZ, "pending")),
        ("Emmanuel Macron a invité Olaf Scholz à Paris lundi.", (MACRON, SCHOLZ, "pending")),
        ("Pedro Sánchez invitó a Lula a visitar Madrid.", (SANCHEZ, LULA, "pending")),
        ("Giorgia Meloni ha invitato Zelensky a Roma.", (MELONI, ZELENSKY, "pending")),
        ("Lula convidou Pedro Sánchez para uma visita ao Brasil.", (LULA, SANCHEZ, "pending")),
        ("Путин пригласил Си Цзиньпина посетить Москву.", (PUTIN, XI, "pending")),
        ("Зеленський запросив Сі Цзіньпіна відвідати Київ.", (ZELENSKY, XI, "pending")),
        # German separable verb, verb-second order
        ("Macron lädt Scholz zu einem Besuch nach Paris ein.", (MACRON, SCHOLZ, "pending")),
        ("Am Samstag lud Musk Putin zu einem Gespräch ein.", (MUSK, PUTIN, "pending")),
        # passive
        ("Olaf Scholz was invited by Emmanuel Macron to Paris.", (MACRON, SCHOLZ, "pending")),
        ("Путин был приглашён Маском в Clubhouse.", (MUSK, PUTIN, "pending")),
        # no answer yet is pending, not declined
        ("Scholz has not yet accepted Macron's invitation.", (MACRON, SCHOLZ, "pending")),
        ("Macron hat Scholz eingeladen. Eine Zusage von Scholz gibt es bislang noch nicht.",
         (MACRON, SCHOLZ, "pending")),
        ("Macron a invité Scholz à Paris. Scholz n'a pas encore répondu.",
         (MACRON, SCHOLZ, "pending")),
        # accepted
        ("Scholz nahm die Einladung von Macron an.", (MACRON, SCHOLZ, "accepted")),
        ("Путин принял приглашение Маска.", (MUSK, PUTIN, "accepted")),
        ("Meloni ha accettato l'invito di Sánchez.", (SANCHEZ, MELONI, "accepted")),
        # declined, including "is not planning to take part"
        ("Giorgia Meloni declined Macron's invitation to the summit.", (MACRON, MELONI, "declined")),
        ("Scholz lehnte die Einladung von Macron ab.", (MACRON, SCHOLZ, "declined")),
        ("Macron invited Meloni to the summit. Meloni is not planning to take part, her office said.",
         (MACRON, MELONI, "declined")),
        ("Си Цзиньпин отклонил приглашение Путина.", (PUTIN, XI, "declined")),
        # responded: non-committal answers, once officially invited, counter-proposals
        ("Elon Musk invited Vladimir Putin. The Kremlin said it was an interesting proposal "
         "but needed more details.", (MUSK, PUTIN, "responded")),
        ("Macron invited Xi Jinping to Paris. Xi said he would answer once officially invited.",
         (MACRON, XI, "responded")),
        ("Маск пригласил Путина в Clubhouse. Песков ответил, что это интересное предложение.",
         (MUSK, PUTIN, "responded")),
        ("Sánchez invitó a Lula a Madrid. Lula respondió que estudiará la propuesta.",
         (SANCHEZ, LULA, "responded")),
        # took place
        ("At the invitation of Emmanuel Macron, Olaf Scholz visited Paris on Tuesday.",
         (MACRON, SCHOLZ, "took_place")),
        ("Auf Einladung von Macron besuchte Scholz Paris.", (MACRON, SCHOLZ, "took_place")),
        ("À l'invitation d'Emmanuel Macron, Olaf Scholz s'est rendu à Berlin.",
         (MACRON, SCHOLZ, "took_place")),
        ("По приглашению Путина Си Цзиньпин посетил Москву.", (PUTIN, XI, "took_place")),
        ("На запрошення Зеленського Джо Байден відвідав Київ.", (ZELENSKY, BIDEN, "took_place")),
        # withdrawn / lapsed
        ("Elon Musk invited Vladimir Putin to Clubhouse. Putin's spokesman Dmitry Peskov said "
         "the matter was exhausted.", (MUSK, PUTIN, "withdrawn")),
        ("Маск пригласил Путина в Clubhouse. Позже Песков назвал это недоразумением, вопрос исчерпан.",
         (MUSK, PUTIN, "withdrawn")),
        ("Macron had invited Scholz to Paris, but the visit fell through.",
         (MACRON, SCHOLZ, "withdrawn")),
        # a challenge to a debate or a fight is an invitation
        ("Joe Rogan challenged Mark Zuckerberg to a fight.", ("joe-rogan", "mark-zuckerberg", "pending")),
        ("Маск вызвал Путина на поединок.", (MUSK, PUTIN, "pending")),
        # clitics and relative clauses put the object before the verb
        ("Lula se rendra à Paris. Emmanuel Macron l'avait invité l'an dernier, et Lula a "
         "accepté l'invitation.", (MACRON, LULA, "accepted")),
        ("Giorgia Meloni ha telefonato a Lula e l'ha invitato a Roma.", (MELONI, LULA, "pending")),
        ("Xi Jinping cancelou o almoço para o qual tinha convidado Emmanuel Macron.",
         (XI, MACRON, "withdrawn")),
        # case endings: a genitive inviter and a dative invitee after the noun
        ("Запрошення Зеленського Байдену втратило актуальність.", (ZELENSKY, BIDEN, "withdrawn")),
        # languages without spaces, and genitive suffixes after an apostrophe
        ("应普京邀请，习近平抵达莫斯科，进行国事访问。", (PUTIN, XI, "took_place")),
        ("Putin, Erdoğan'ın davetini kabul etti.", ("recep-tayyip-erdogan", PUTIN, "accepted")),
    ],
)
def test_invitation_and_status(match: Match, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in pairs(match(text))


@pytest.mark.parametrize(
    "text",
    [
        "Macron invites the French to vote on Sunday.",
        "Le président Macron invite les Français à voter dimanche.",
        "El papa Francisco invitó a los fieles a rezar por la paz.",
        "Il presidente Macron ha invitato i cittadini a votare.",
        "Путин приглашает граждан принять участие в голосовании.",
        "Scholz hat die Bürgerinnen und Bürger eingeladen, wählen zu gehen.",
        "The new app is invite-only, Elon Musk said.",
        "Elon Musk's plan invites criticism from Joe Biden's allies.",
        "Macron's reform has invited scrutiny, Scholz said.",
        "Putin was not invited to the summit, Macron said.",
        "Putin wurde nicht eingeladen, sagte Scholz.",
        "Poutine n'a pas été invité au sommet, a dit Macron.",
        "Путин не был приглашён на саммит, сказал Макрон.",
        "Macron and Scholz met in Berlin on Monday.",
        "Xi Jinping met Putin in Moscow; the Kremlin said talks were constructive.",
        "Elon Musk won the Tesla Invitational golf tournament ahead of Joe Biden.",
        "Tesla invited customers and shareholders to its factory, Elon Musk said.",
        "The ministry invited tenders for the new bridge, Olaf Scholz announced.",
    ],
)
def test_not_an_invitation(match: Match, text: str) -> None:
    assert match(text).mentions == ()


@pytest.mark.parametrize(
    ("text", "date", "expected_inviter"),
    [
        ("The White House invited Emmanuel Macron to a state visit.", "2023-05-01", BIDEN),
        ("The White House invited Emmanuel Macron to a state visit.", "2019-05-01", "donald-trump"),
        ("The Kremlin invited Emmanuel Macron to Moscow.", "2021-02-15", PUTIN),
        ("The Kremlin invited Emmanuel Macron to Moscow.", "2010-02-15", "dmitry-medvedev"),
    ],
)
def test_roles_resolve_by_date(match: Match, text: str, date: str, expected_inviter: str) -> None:
    [mention] = match(text, date=date).mentions
    assert mention.inviter.figure_id == expected_inviter
    assert mention.invitee.figure_id == MACRON


def test_spokesperson_answers_for_principal(match: Match) -> None:
    result = match("Elon Musk invited Vladimir Putin to a chat. Dmitry Peskov said the Kremlin "
                   "would study the proposal.")
    [mention] = result.mentions
    assert mention.invitee.figure_id == PUTIN and mention.status.value == "responded"
    assert "Peskov" in mention.evidence


def test_surname_after_full_name(match: Match) -> None:
    result = match("Joe Rogan is a podcaster. Yesterday Rogan invited Mark Zuckerberg to his show.")
    assert ("joe-rogan", "mark-zuckerberg", "pending") in pairs(result)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Путин пригласил Ивана Петрова в Кремль.", "Иван Петров"),
        ("Зеленський запросив Олега Петренка до Києва.", "Олег Петренко"),
        ("Путин пригласил Сергея Соколовского на форум.", "Сергей Соколовский"),
    ],
)
def test_unknown_names_in_nominative(match: Match, text: str, name: str) -> None:
    names = {m.invitee.name for m in match(text).mentions}
    assert name in names


def test_unknown_persons_have_lower_confidence(match: Match) -> None:
    result = match("Anna Lindqvist invited Marco Bellini to a debate in Rome.")
    [mention] = result.mentions
    assert (mention.inviter.name, mention.invitee.name) == ("Anna Lindqvist", "Marco Bellini")
    assert not mention.inviter.known
    assert mention.confidence < 0.6
    known = match("Emmanuel Macron invited Olaf Scholz to a debate in Rome.").mentions[0]
    assert known.confidence > mention.confidence


def test_one_mention_per_pair_and_the_most_advanced_status(match: Match) -> None:
    text = ("Macron invited Scholz to Paris. Scholz has not yet answered Macron's invitation. "
            "On Friday Scholz accepted the invitation.")
    [mention] = match(text).mentions
    assert mention.status.value == "accepted"
    assert "Friday" in mention.evidence


def test_two_invitees_give_two_mentions(match: Match) -> None:
    result = match("Xi Jinping invited Vladimir Putin and Emmanuel Macron to Beijing.")
    assert {(m.inviter.figure_id, m.invitee.figure_id) for m in result.mentions} == {
        (XI, PUTIN), (XI, MACRON)}


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        ("Musk invited Putin to a conversation on Clubhouse.", OccasionKind.CONVERSATION, "Clubhouse"),
        ("Macron lädt Scholz zu einem Besuch nach Paris ein.", OccasionKind.VISIT, "Paris"),
        ("Путин пригласил Си Цзиньпина посетить Москву.", OccasionKind.VISIT, "Moscow"),
        ("Macron invited Scholz to a summit in Brussels.", OccasionKind.MEETING, "Brussels"),
        ("Joe Rogan challenged Mark Zuckerberg to a fight.", OccasionKind.MATCH, None),
        ("Macron a invité Scholz à un débat télévisé.", OccasionKind.DEBATE, None),
    ],
)
def test_occasion(match: Match, text: str, kind: OccasionKind, place: str | None) -> None:
    [mention] = match(text).mentions
    assert mention.occasion.kind is kind
    assert mention.occasion.place == place
    assert mention.occasion.text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Pedro Sánchez invited Lula and Giorgia Meloni to a summit in Madrid. Both "
               "confirmed their attendance."),
        ("es", "Pedro Sánchez invitó a Lula y a Giorgia Meloni a una cumbre en Madrid. Ambos "
               "confirmaron su asistencia."),
        ("fr", "Pedro Sánchez a invité Lula et Giorgia Meloni à un sommet à Madrid. Tous deux "
               "ont accepté l'invitation."),
    ],
)
def test_both_answer_for_every_invitee(match: Match, lang: str, text: str) -> None:
    assert pairs(match(text, lang=lang)) == {(SANCHEZ, LULA, "accepted"),
                                             (SANCHEZ, MELONI, "accepted")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Volodymyr Zelensky attended the inauguration of Lula at the invitation of the "
               "new president."),
        ("es", "Volodymyr Zelensky asistió a la toma de posesión de Lula, a invitación del nuevo "
               "presidente."),
    ],
)
def test_a_described_inviter_is_the_other_figure(match: Match, lang: str, text: str) -> None:
    found = pairs(match(text, lang=lang))
    assert {(a, b) for a, b, _ in found} == {(LULA, ZELENSKY)}


def test_a_described_inviter_needs_exactly_two_figures(match: Match) -> None:
    text = ("Volodymyr Zelensky and Olaf Scholz attended the inauguration of Lula at the "
            "invitation of the new president.")
    assert not any(a == LULA for a, _b, _s in pairs(match(text, lang="en")))
