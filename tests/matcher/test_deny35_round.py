"""Issue 14, stop 35, deny35 round: a denial's scope is the article's report of that
invitation, not only its own sentence. A sentence whose invitation a denial word unmade
("the office denied a report that X had invited Y") denies the pair's other reports too; a
reported consideration or refusal after the denial answers no invitation; "there is neither
an invitation nor a plan" said by a spokesperson unmakes a welcome said before; a body's
neuter or collective denial verb ("МЗС спростувало", "Ministerstwo zaprzeczyło"), a
headline's "denies ... invitation" and a report called "baseless" deny; a Chinese
no-invitation phrase is found right after another character ("中方没有发出此类邀请"). And
the other way: a contrast word and a named inviter after a denial close its scope in the
sentence ("X denied inviting Y, but X invited Z": Z's invitation stands).

Every test of the first three groups fails on main 1b4de65 (the pair or a status is
reported); the precision bounds are marked: those of `test_other_invitation_stands` pass
on main too and guard the wider scope, those of `test_contrast_closes_the_denial` fail on
main (the whole sentence was denied); `test_contrast_with_a_pronoun_stays_denied` passes on
main too and guards the contrast rule."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

DAY = "2026-06-10"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Keir Starmer said Emmanuel Macron would be welcome at Chequers. Downing Street "
           "later denied a report that Starmer had invited Macron. Macron is considering the "
           "offer, a French paper claimed."),
    ("fr", "L'Élysée a démenti une information selon laquelle Emmanuel Macron aurait invité "
           "Donald Trump à Marseille. Selon le journal, Trump examine la proposition."),
    ("no", "Statsministerens kontor avviste onsdag et oppslag om at Jonas Gahr Støre skal ha "
           "invitert Donald Trump til Oslo."),
    ("nl", "Dick Schoof heeft Donald Trump uitgenodigd in Den Haag, meldde de krant. Er is "
           "geen uitnodiging en geen plan, zei een woordvoerder."),
])
def test_denial_reaches_the_pairs_other_reports(real: Matcher, lang: str, text: str) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == set()


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Keir Starmer said Donald Trump would be welcome at Chequers. There is neither an "
           "invitation nor a plan, a spokesman said."),
    ("de", "Friedrich Merz sagte, Emmanuel Macron sei in Berlin jederzeit willkommen. „Es gibt "
           "weder eine Einladung noch einen Plan dafür“, sagte ein Regierungssprecher."),
    ("es", "Pedro Sánchez dijo que Lula sería bienvenido en Madrid. No hay ni invitación ni "
           "plan, dijo un portavoz."),
    ("it", "Giorgia Meloni ha detto che Donald Trump sarebbe il benvenuto a Roma. Non c'è né "
           "invito né progetto, ha detto un portavoce."),
    ("pt", "Lula disse que Pedro Sánchez seria bem-vindo em Brasília. Não há nem convite nem "
           "plano, disse um porta-voz."),
    ("ru", "Владимир Путин сказал, что Дональд Трамп будет желанным гостем в Москве. Нет ни "
           "приглашения, ни плана, сказал представитель."),
    ("tr", "Erdoğan, Donald Trump'ın Ankara'ya gelmesinden memnuniyet duyarız dedi. Ne davet ne "
           "de plan var, dedi sözcü."),
    ("zh", "习近平表示欢迎特朗普访华。外交部发言人表示，中方没有发出此类邀请。"),
])
def test_neither_an_invitation_nor_a_plan(real: Matcher, lang: str, text: str) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == set()


@pytest.mark.parametrize(("lang", "text"), [
    ("uk", "МЗС спростувало повідомлення, що Андрій Сибіга запросив Радослава Сікорського до "
           "Києва."),
    ("ru", "МИД России опровергло сообщения о том, что Сергей Лавров пригласил Марко Рубио в "
           "Москву."),
    ("pl", "Ministerstwo zaprzeczyło doniesieniom, że Karol Nawrocki zaprosił Donalda Trumpa do "
           "Warszawy."),
    ("ja", "外務省は高市早苗首相がトランプ大統領を東京に招待したとの報道を否定した。"),
    ("en", "Elysee denies Macron invitation to Trump for Bastille Day"),
    ("en", "The Kremlin dismissed as baseless a report that Vladimir Putin had invited Donald "
           "Trump to Moscow."),
])
def test_a_body_or_a_headline_denies(real: Matcher, lang: str, text: str) -> None:
    assert pairs(match_text(real, text, DAY, lang)) == set()


@pytest.mark.parametrize(("lang", "text", "pair"), [
    # precision bounds (pass on main): another pair, a denied cancellation, an answer given
    # before a denial of a new invitation
    ("en", "Downing Street denied that Keir Starmer had invited Nigel Farage. Starmer invited "
           "Emmanuel Macron to London in July.",
     ("keir-starmer", "emmanuel-macron", "pending")),
    ("de", "Das Kanzleramt dementierte, dass Friedrich Merz Viktor Orbán eingeladen habe. Merz "
           "lud Emmanuel Macron im Juli nach Berlin ein.",
     ("friedrich-merz", "emmanuel-macron", "pending")),
    ("en", "Vladimir Putin invited Donald Trump to Moscow in May. The Kremlin denied that the "
           "visit was cancelled.",
     ("vladimir-putin", "donald-trump", "pending")),
    ("fr", "Emmanuel Macron a invité Pedro Sánchez à Marseille. L'Élysée a démenti que la "
           "visite ait été annulée.",
     ("emmanuel-macron", "pedro-sanchez", "pending")),
    ("en", "Keir Starmer invited Pedro Sánchez to London. Sánchez declined the invitation. No "
           "new invitation has been sent, Downing Street said.",
     ("keir-starmer", "pedro-sanchez", "declined")),
])
def test_other_invitation_stands(real: Matcher, lang: str, text: str,
                                 pair: tuple[str, str, str]) -> None:
    assert pair in pairs(match_text(real, text, DAY, lang))


@pytest.mark.parametrize(("lang", "text", "pair"), [
    ("de", "Friedrich Merz bestritt, Viktor Orbán eingeladen zu haben, aber Merz lud Emmanuel "
           "Macron im Juli nach Berlin ein.",
     ("friedrich-merz", "emmanuel-macron", "pending")),
    ("en", "Downing Street denied that Keir Starmer had invited Nigel Farage, but Starmer "
           "invited Emmanuel Macron to London in July.",
     ("keir-starmer", "emmanuel-macron", "pending")),
    ("fr", "L'Élysée a démenti qu'Emmanuel Macron ait invité Viktor Orbán, mais Macron a invité "
           "Pedro Sánchez à Marseille en juillet.",
     ("emmanuel-macron", "pedro-sanchez", "pending")),
    ("es", "La Moncloa negó que Pedro Sánchez hubiera invitado a Viktor Orbán, pero Sánchez "
           "invitó a Lula a Madrid en julio.",
     ("pedro-sanchez", "lula-da-silva", "pending")),
    ("ru", "Кремль опроверг, что Владимир Путин пригласил Дональда Трампа, но Путин пригласил "
           "Си Цзиньпина в Москву в мае.",
     ("vladimir-putin", "xi-jinping", "pending")),
])
def test_contrast_closes_the_denial(real: Matcher, lang: str, text: str,
                                    pair: tuple[str, str, str]) -> None:
    found = pairs(match_text(real, text, DAY, lang))
    assert found == {pair}


def test_contrast_with_a_pronoun_stays_denied(real: Matcher) -> None:
    """Precision bound: the pronoun after "aber" is not resolved, so no wrong inviter
    (the denied invitee) is given to the second invitation."""
    text = ("Friedrich Merz bestritt, Viktor Orbán eingeladen zu haben, aber er lud Emmanuel "
            "Macron im Juli nach Berlin ein.")
    assert not any(p[0] == "viktor-orban" for p in pairs(match_text(real, text, DAY, "de")))
