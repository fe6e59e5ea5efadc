"""Observations: meetings, visits, cancellations and answers reported without an
invitation word, in the eight first-class languages (sentences written for these tests;
the gazetteer is tests/matcher/figures_small.toml)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import MatchResult, OccasionKind, Status
from bot.errors import ConfigError
from bot.matcher.lexicon import lexicon_from_data

Match = Callable[..., MatchResult]

MACRON, SCHOLZ, PUTIN, XI = "emmanuel-macron", "olaf-scholz", "vladimir-putin", "xi-jinping"
BIDEN, TRUMP, ZELENSKY, LULA = "joe-biden", "donald-trump", "volodymyr-zelensky", "lula"
MELONI, SANCHEZ, ERDOGAN = "giorgia-meloni", "pedro-sanchez", "recep-tayyip-erdogan"


def observed(result: MatchResult) -> set[tuple[frozenset[str], str]]:
    return {
        (frozenset((o.first.figure_id or o.first.name, o.second.figure_id or o.second.name)),
         o.status.value)
        for o in result.observations
    }


@pytest.mark.parametrize(
    ("lang", "text", "one", "two", "status"),
    [
        # took place: symmetric, transitive, passive, arrival, "took place"
        ("en", "Joe Biden and Lula met at the White House on Friday.", BIDEN, LULA, "took_place"),
        # "Joe Biden hosted Emmanuel Macron at the White House": a reception, now read as a
        # hosted visit (recap34 round: tests/matcher/test_recap34_round.py)
        ("en", "Joe Biden met Emmanuel Macron at the White House.", BIDEN, MACRON, "took_place"),
        ("en", "Lula arrived in Beijing for talks with Xi Jinping.", LULA, XI, "took_place"),
        ("en", "The debate between Joe Biden and Donald Trump took place in Atlanta.", BIDEN,
         TRUMP, "took_place"),
        ("de", "Olaf Scholz und Emmanuel Macron trafen sich am Montag in Paris.", SCHOLZ, MACRON,
         "took_place"),
        # "Am Montag empfing Olaf Scholz Emmanuel Macron": a reception of two leaders, now
        # read as a hosted visit (welcome round: tests/matcher/test_welcome_round.py)
        ("de", "Olaf Scholz traf am Montag im Kanzleramt Emmanuel Macron.", SCHOLZ, MACRON,
         "took_place"),
        ("fr", "Emmanuel Macron et Olaf Scholz se sont rencontrés mardi à Berlin.", MACRON, SCHOLZ,
         "took_place"),
        ("es", "Pedro Sánchez y Emmanuel Macron se reunieron en Madrid.", SANCHEZ, MACRON,
         "took_place"),
        ("it", "Giorgia Meloni ed Emmanuel Macron si sono incontrati a Roma.", MELONI, MACRON,
         "took_place"),
        ("pt", "Lula e Joe Biden se reuniram em Washington.", LULA, BIDEN, "took_place"),
        ("ru", "Владимир Путин и Си Цзиньпин встретились в Москве.", PUTIN, XI, "took_place"),
        ("ru", "Путин провёл переговоры с Эрдоганом в Сочи.", PUTIN, ERDOGAN, "took_place"),
        ("uk", "Володимир Зеленський і Макрон зустрілися в Парижі.", ZELENSKY, MACRON,
         "took_place"),
        ("uk", "Зеленський провів переговори з Шольцом у Берліні.", ZELENSKY, SCHOLZ,
         "took_place"),
        # the host's object is a pronoun for the figure named before; a split passive
        ("de", "Wladimir Putin ist in Peking eingetroffen, wo ihn Xi Jinping am Flughafen "
         "empfing.", XI, PUTIN, "took_place"),
        # "Vladimir Putin arrived in Beijing, where Xi Jinping welcomed him": the pronoun's
        # figure named in the clause before is the guest, a hosted visit (recap34 round)
        # attended alongside the other
        ("it", "Joe Biden ha partecipato oggi in Normandia, accanto a Emmanuel Macron, alla "
         "cerimonia.", BIDEN, MACRON, "took_place"),
        ("en", "Joe Biden attended the ceremony in Normandy alongside Emmanuel Macron.", BIDEN,
         MACRON, "took_place"),
        # called off, agreed, refused
        ("en", "Joe Biden's visit to Recep Tayyip Erdoğan was called off.", BIDEN, ERDOGAN,
         "withdrawn"),
        ("de", "Der Besuch von Olaf Scholz bei Joe Biden wurde abgesagt.", SCHOLZ, BIDEN,
         "withdrawn"),
        ("it", "La visita di Giorgia Meloni a Joe Biden è stata annullata.", MELONI, BIDEN,
         "withdrawn"),
        ("ru", "Визит Эрдогана к Путину отменён.", ERDOGAN, PUTIN, "withdrawn"),
        ("en", "Donald Trump agreed to meet Volodymyr Zelensky.", TRUMP, ZELENSKY, "accepted"),
        ("en", "Donald Trump refused to meet Volodymyr Zelensky.", TRUMP, ZELENSKY, "declined"),
        ("de", "Olaf Scholz lehnte ein Treffen mit Wladimir Putin ab.", SCHOLZ, PUTIN, "declined"),
        ("fr", "Emmanuel Macron a refusé de rencontrer Vladimir Poutine.", MACRON, PUTIN,
         "declined"),
        ("es", "Pedro Sánchez se negó a reunirse con Donald Trump.", SANCHEZ, TRUMP, "declined"),
        ("ru", "Путин отказался встречаться с Зеленским.", PUTIN, ZELENSKY, "declined"),
    ],
)
def test_observation_found(match: Match, lang: str, text: str, one: str, two: str,
                           status: str) -> None:
    result = match(text, lang=lang)
    assert observed(result) == {(frozenset((one, two)), status)}
    assert result.mentions == ()


@pytest.mark.parametrize(
    ("lang", "text", "host", "guest"),
    [
        # issue 14, hostw round: a reception with both figures named is the host's visit
        # that took place (hosts.received_guests), no longer an observation only
        ("en", "Xi Jinping was received by Vladimir Putin in Moscow.", PUTIN, XI),
        ("fr", "Emmanuel Macron a reçu Olaf Scholz à l'Élysée.", MACRON, SCHOLZ),
        ("de", "Olaf Scholz hat Emmanuel Macron im Kanzleramt empfangen.", SCHOLZ, MACRON),
        ("es", "Pedro Sánchez recibió a Lula en la Moncloa.", SANCHEZ, LULA),
        ("it", "Giorgia Meloni ha ricevuto Olaf Scholz a Palazzo Chigi.", MELONI, SCHOLZ),
        ("pt", "Lula recebeu Emmanuel Macron em Brasília.", LULA, MACRON),
        ("ru", "Путин принял в Кремле Си Цзиньпина.", PUTIN, XI),
        ("fr", "Vladimir Poutine a été reçu lundi par Emmanuel Macron.", MACRON, PUTIN),
    ],
)
def test_a_reception_is_a_hosted_visit(match: Match, lang: str, text: str, host: str,
                                       guest: str) -> None:
    result = match(text, lang=lang)
    assert [(m.inviter.figure_id, m.invitee.figure_id, m.status) for m in result.mentions] == [
        (host, guest, Status.TOOK_PLACE)]
    assert observed(result) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # future, hoped-for and hypothetical meetings are not meetings
        ("en", "Joe Biden could meet Vladimir Putin next month."),
        ("en", "Joe Biden hopes to meet Xi Jinping in the autumn."),
        ("de", "Olaf Scholz und Emmanuel Macron könnten sich im Mai treffen."),
        ("fr", "Emmanuel Macron pourrait rencontrer Vladimir Poutine."),
        ("es", "Pedro Sánchez podría reunirse con Emmanuel Macron."),
        ("it", "Giorgia Meloni spera di incontrare Emmanuel Macron."),
        ("pt", "Lula pode se reunir com Joe Biden."),
        ("ru", "Путин и Трамп могут встретиться в мае."),
        ("ru", "Путин надеется встретиться с Трампом."),
        ("uk", "Зеленський може зустрітися з Трампом."),
        # negated
        ("en", "Joe Biden did not meet Xi Jinping."),
        ("de", "Olaf Scholz und Emmanuel Macron trafen sich nicht."),
        ("fr", "Emmanuel Macron n'a pas rencontré Vladimir Poutine."),
        # long ago
        ("en", "Joe Biden and Xi Jinping last met in Bali."),
        ("en", "Joe Biden met Xi Jinping two years ago."),
        ("en", "Olaf Scholz met Emmanuel Macron in 2019."),
        # the verb has another object
        ("en", "Emmanuel Macron welcomed Olaf Scholz's proposal."),
        ("en", "Vladimir Putin received a call from Xi Jinping."),
        ("ru", "Путин принял решение о встрече с Си Цзиньпином."),
        # a question, and one figure only
        ("en", "Did Joe Biden meet Xi Jinping?"),
        ("en", "Joe Biden met reporters at the White House."),
        # both met someone else, not each other
        ("en", "Joe Biden and Lula met reporters at the White House."),
        ("de", "Olaf Scholz und Emmanuel Macron trafen sich mit Journalisten."),
        ("ru", "Путин и Си Цзиньпин встретились с журналистами."),
        # attended the same event, no sign they were together
        ("en", "Joe Biden attended the summit, where leaders including Emmanuel Macron spoke."),
        # three figures: who cancelled what with whom is a guess
        ("en", "The summit of Joe Biden, Emmanuel Macron and Olaf Scholz was cancelled."),
    ],
)
def test_no_observation(match: Match, lang: str, text: str) -> None:
    assert match(text, lang=lang).observations == ()


def test_no_observation_for_a_pair_with_a_mention(match: Match) -> None:
    result = match("Lula visited the White House on Friday and met Joe Biden, who had invited "
                   "him after his election win.", lang="en")
    assert {(m.inviter.figure_id, m.invitee.figure_id) for m in result.mentions} == {
        (BIDEN, LULA)}
    assert result.observations == ()


def test_a_meeting_in_the_sentence_of_the_invitation_is_the_invitation_taking_place(
        match: Match) -> None:
    result = match("Vladimir Putin met Xi Jinping in Beijing on Wednesday, at the forum to "
                   "which Xi had invited him.", lang="en")
    assert {(m.inviter.figure_id, m.invitee.figure_id, m.status) for m in result.mentions} == {
        (XI, PUTIN, Status.TOOK_PLACE)}
    assert result.observations == ()


def test_observation_carries_occasion_evidence_and_language(match: Match) -> None:
    text = "Le débat. Emmanuel Macron et Olaf Scholz se sont rencontrés mardi à Berlin."
    result = match(text, lang="fr")
    (observation,) = result.observations
    assert observation.status is Status.TOOK_PLACE
    assert observation.occasion.kind is OccasionKind.MEETING
    assert observation.occasion.place == "Berlin"
    assert observation.evidence == "Emmanuel Macron et Olaf Scholz se sont rencontrés mardi à Berlin."
    assert observation.lang == "fr"
    assert 0 < observation.confidence <= 1


def test_a_body_stands_for_its_principal(match: Match) -> None:
    # "The Kremlin hosted Xi Jinping": a seat's reception, a hosted visit (recap34 round)
    result = match("The Kremlin held talks with Xi Jinping on Tuesday.", lang="en",
                   date="2023-03-21")
    assert observed(result) == {(frozenset((PUTIN, XI)), "took_place")}


def test_a_spokesperson_meeting_someone_is_not_the_principal(match: Match) -> None:
    assert match("Dmitry Peskov met Xi Jinping on Tuesday.", lang="en").observations == ()


def test_one_observation_per_pair_the_most_advanced(match: Match) -> None:
    text = ("Donald Trump agreed to meet Volodymyr Zelensky. "
            "Donald Trump and Volodymyr Zelensky met in Washington on Friday.")
    assert observed(match(text, lang="en")) == {(frozenset((TRUMP, ZELENSKY)), "took_place")}


def test_unknown_person_can_be_observed(match: Match) -> None:
    result = match("Joe Biden hosted Maria Fernanda Lopes at the White House.", lang="en")
    assert observed(result) == {(frozenset((BIDEN, "Maria Fernanda Lopes")), "took_place")}


def test_unknown_observe_key_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"observe\.gathered"):
        lexicon_from_data({"lang": "xx", "observe": {"gathered": ["met"]}}, source="xx.toml")
    with pytest.raises(ConfigError, match=r"observe\.met"):
        lexicon_from_data({"lang": "xx", "observe": {"met": "met"}}, source="xx.toml")
