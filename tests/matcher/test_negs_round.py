"""Stop 28, negs round (issue 14, goal 1): false alarms on hard negatives. Sentences written
for these tests (not taken from any corpus nor from the blind set
tests/data/matcher-held/b14-neg); the shipped gazetteer.

- no plans or no intention to invite (`[negative]`, 14 languages);
- someone should or must invite: a third party's wish (`[negative]`);
- "I need no invitation": a refusal quote (`[negative]`);
- a fused unreal conditional ("якби", "gdyby") is a counterfactual by itself, and Russian and
  Ukrainian "бы"/"б" and French "devenait" are unreal forms (`irrealis_words`,
  `extract._unreal_clause`);
- reports rejected ("hat Berichte zurückgewiesen, wonach", "rejected reports") and a report
  called untrue ("不符合事实") deny the claim (`denial`; a denial phrase opening with a negation
  word now wins over the negation, `lexicon.ALL_CATEGORIES`);
- each with its twin: the same frame around an invitation actually made."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs

TRUMP, PUTIN, MERZ, MACRON = "donald-trump", "vladimir-putin", "friedrich-merz", "emmanuel-macron"
ZELENSKY, XI, ERDOGAN, MELONI = ("volodymyr-zelensky", "xi-jinping", "recep-tayyip-erdogan",
                                 "giorgia-meloni")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # no plans, no intention
        ("en", "Keir Starmer has no plans to invite Donald Trump to Chequers this year, "
               "Downing Street said."),
        ("de", "Olaf Scholz hatte keine Pläne, Wladimir Putin nach Berlin einzuladen."),
        ("fr", "Emmanuel Macron n'a pas l'intention d'inviter Vladimir Poutine à Paris."),
        ("es", "Pedro Sánchez no tiene previsto invitar a Javier Milei a la Moncloa."),
        ("it", "Giorgia Meloni non ha intenzione di invitare Vladimir Putin a Roma."),
        ("pt", "Lula não pretende convidar Javier Milei para a cúpula de Brasília."),
        ("ru", "В Кремле заявили, что Владимир Путин не планирует приглашать Дональда Трампа "
               "на парад."),
        ("uk", "Володимир Зеленський не збирається запрошувати Віктора Орбана до Києва."),
        ("ja", "石破茂首相は、プーチン大統領を日本に招待する予定はないと述べた。"),
        ("zh", "习近平主席不打算邀请特朗普总统出席阅兵式。"),
        ("tr", "Recep Tayyip Erdoğan'ın Benjamin Netanyahu'yu davet etme planı yok."),
        ("no", "Jonas Gahr Støre har ingen planer om å invitere Donald Trump til Oslo."),
        ("nl", "Dick Schoof is niet van plan Viktor Orbán uit te nodigen in Den Haag."),
        ("pl", "Donald Tusk nie zamierza zapraszać Viktora Orbána do Warszawy."),
        # a third party's wish: someone should invite
        ("en", "Nigel Farage said Keir Starmer should invite Donald Trump to Balmoral."),
        ("de", "Markus Söder meint, Friedrich Merz sollte Donald Trump nach Bayern einladen."),
        ("fr", "Selon Marine Le Pen, Emmanuel Macron devrait inviter Donald Trump à Versailles."),
        ("es", "Según Javier Milei, Pedro Sánchez debería invitar a Donald Trump a Madrid."),
        ("it", "Secondo Matteo Salvini, Giorgia Meloni dovrebbe invitare Donald Trump a Roma."),
        ("pt", "Para Jair Bolsonaro, Lula deveria convidar Donald Trump para Brasília."),
        ("ru", "По мнению депутатов, Владимир Путин должен пригласить Дональда Трампа в Москву."),
        ("uk", "Опозиція вважає, що Володимир Зеленський має запросити Дональда Трампа до Києва."),
        ("ja", "野党は、石破首相がトランプ大統領の来日招待を要請した。"),
        ("zh", "有学者认为，习近平应该邀请特朗普访华。"),
        ("tr", "Özgür Özel, Erdoğan'ın Donald Trump'ı İstanbul'a davet etmesi gerektiğini "
               "savundu."),
        ("no", "Flere politikere mener Jonas Gahr Støre bør invitere Volodymyr Zelenskyj til Oslo."),
        ("nl", "Geert Wilders vindt dat Dick Schoof Donald Trump zou moeten uitnodigen."),
        ("pl", "Zdaniem opozycji Donald Tusk powinien zaprosić Donalda Trumpa do Warszawy."),
        # "I need no invitation"
        ("en", "\"I don't need an invitation from Keir Starmer,\" Donald Trump said."),
        ("pl", "\"Nie potrzebuję żadnego zaproszenia od Donalda Tuska\" - powiedział Karol "
               "Nawrocki."),
        ("de", "\"Ich brauche keine Einladung von Friedrich Merz\", sagte Viktor Orbán."),
        # fused unreal conditionals and unreal forms
        ("uk", "Володимир Зеленський сказав, що запросив би Дональда Трампа до Харкова, якби "
               "той мав час."),
        ("pl", "Gdybym był premierem, zaprosiłbym Donalda Trumpa do Krakowa - powiedział "
               "Mateusz Morawiecki."),
        ("ru", "Если бы Трамп захотел, Владимир Путин пригласил бы его в Петербург."),
        ("fr", "Marine Le Pen a affirmé que, s'il devenait président, Jordan Bardella inviterait "
               "Donald Trump à Paris."),
        # reports rejected, a report called untrue
        ("de", "Das Kanzleramt hat Berichte zurückgewiesen, wonach Friedrich Merz Donald Trump "
               "nach Berlin eingeladen habe."),
        ("en", "The Kremlin rejected reports that Vladimir Putin had invited Donald Trump to "
               "Moscow."),
        ("zh", "外交部发言人表示，有关习近平已邀请特朗普访华的报道不符合事实。"),
    ],
)
def test_invitations_never_made_give_no_pair(real_matcher: Matcher, lang: str,
                                             text: str) -> None:
    found = pairs(match_text(real_matcher, text, "2025-11-20", lang))
    assert not found, (text, found)


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        ("en", "Keir Starmer has invited Donald Trump to Chequers, Downing Street said.",
         ("keir-starmer", TRUMP)),
        ("de", "Friedrich Merz hat Emmanuel Macron nach Berlin eingeladen.", (MERZ, MACRON)),
        ("ru", "Владимир Путин пригласил Дональда Трампа в Москву.", (PUTIN, TRUMP)),
        ("uk", "Володимир Зеленський запросив Дональда Трампа до Харкова.", (ZELENSKY, TRUMP)),
        ("zh", "习近平邀请特朗普访华。", (XI, TRUMP)),
        ("tr", "Recep Tayyip Erdoğan, Donald Trump'ı İstanbul'a davet etti.", (ERDOGAN, TRUMP)),
        ("it", "Giorgia Meloni ha invitato Donald Trump a Roma.", (MELONI, TRUMP)),
        # a real condition keeps the offer
        ("uk", "Якщо дозволить графік, Володимир Зеленський запросить Дональда Трампа до "
               "Харкова, заявив він.", (ZELENSKY, TRUMP)),
    ],
)
def test_the_twins_still_invite(real_matcher: Matcher, lang: str, text: str,
                                pair: tuple[str, str]) -> None:
    found = pairs(match_text(real_matcher, text, "2025-11-20", lang))
    assert any(f[:2] == pair for f in found), (text, found)
