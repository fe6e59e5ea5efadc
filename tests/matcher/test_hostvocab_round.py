"""Issue 14, hostvocab round (b13-hostv): hosting told in open vocabulary - a guest of
honour and an occasion given in someone's honour (`honoured`), being someone's guest
(`reception_by` / `reception_by_final`: "was the guest of", "zu Gast bei", "у гостях у",
"konuğu olarak"), auspices and participles naming the host (`host_after`), a host
entertaining or feting a guest (`reception`: "played host to", "设宴款待", "bood ... een
lunch aan"), and the verbs and attendance words each language tells them with
(bot/matcher/hosts.py, the lexicons' [hosts] tables)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("lang", "text", "day", "expected"), [
    # a guest of honour (before the word) at an occasion its host gave
    ("en", "Kenyan President William Ruto was the guest of honour at a dinner Keir Starmer "
     "gave at Downing Street on Monday.", "2025-10-07",
     {("keir-starmer", "william-ruto", "took_place")}),
    ("fr", "Le Premier ministre indien Narendra Modi a été l'invité d'honneur du déjeuner "
     "offert par Emmanuel Macron à l'Élysée.", "2025-10-07",
     {("emmanuel-macron", "narendra-modi", "took_place")}),
    ("ru", "Президент Узбекистана Шавкат Мирзиёев стал почётным гостем обеда, данного "
     "Владимиром Путиным в Кремле.", "2025-10-07",
     {("vladimir-putin", "shavkat-mirziyoyev", "took_place")}),
    ("pt", "O Presidente argentino Javier Milei foi homenageado com um almoço oferecido por "
     "Luís Montenegro em São Bento.", "2025-10-07",
     {("luis-montenegro", "javier-milei", "took_place")}),
    ("it", "Il re Felipe VI è stato ospite d'onore della cena offerta dalla premier Giorgia "
     "Meloni a Villa Madama.", "2025-10-07",
     {("giorgia-meloni", "felipe-vi", "took_place")}),
    ("it", "La premier Giorgia Meloni ha offerto a Villa Madama una cena in onore del re "
     "Felipe VI.", "2025-10-07",
     {("giorgia-meloni", "felipe-vi", "took_place")}),
    # an occasion given in the guest's honour (after the word), separable verbs too
    ("de", "Bundeskanzler Friedrich Merz gab am Abend im Kanzleramt ein Abendessen zu Ehren des "
     "kanadischen Premierministers Mark Carney.", "2025-10-07",
     {("friedrich-merz", "mark-carney", "took_place")}),
    ("es", "Pedro Sánchez ofreció en la Moncloa un almuerzo en honor del presidente brasileño "
     "Luiz Inácio Lula da Silva.", "2025-10-07",
     {("pedro-sanchez", "lula-da-silva", "took_place")}),
    ("pl", "Prezydent Karol Nawrocki wydał w Belwederze kolację na cześć prezydenta Litwy "
     "Gitanasa Nausėdy.", "2025-10-07",
     {("karol-nawrocki", "gitanas-nauseda", "took_place")}),
    ("no", "Statsminister Jonas Gahr Støre holdt lunsj i Statsministerboligen til ære for "
     "Sveriges statsminister Ulf Kristersson.", "2025-10-07",
     {("jonas-gahr-store", "ulf-kristersson", "took_place")}),
    ("nl", "Premier Dick Schoof gaf in het Catshuis een diner ter ere van de Duitse "
     "bondskanselier Friedrich Merz.", "2025-10-07",
     {("dick-schoof", "friedrich-merz", "took_place")}),
    # an honour given ahead is accepted, not held
    ("en", "Keir Starmer will give a dinner in honour of Kenyan President William Ruto at "
     "Downing Street next week.", "2025-10-07",
     {("keir-starmer", "william-ruto", "accepted")}),
    # being someone's guest: the guest before, the host after
    ("en", "Argentine President Javier Milei was the guest of Giorgia Meloni in Rome on "
     "Thursday.", "2025-10-07",
     {("giorgia-meloni", "javier-milei", "took_place")}),
    ("de", "Der polnische Regierungschef Donald Tusk war am Mittwoch zu Gast bei "
     "Bundeskanzler Friedrich Merz.", "2025-10-07",
     {("friedrich-merz", "donald-tusk", "took_place")}),
    ("it", "Il presidente brasiliano Luiz Inácio Lula da Silva è stato ospite di Sergio "
     "Mattarella al Quirinale.", "2025-10-07",
     {("sergio-mattarella", "lula-da-silva", "took_place")}),
    ("uk", "Прем'єр-міністр Польщі Дональд Туск у вівторок був у гостях у Володимира "
     "Зеленського в Києві.", "2025-10-07",
     {("volodymyr-zelensky", "donald-tusk", "took_place")}),
    ("ru", "Президент Казахстана Касым-Жомарт Токаев в среду был гостем Александра "
     "Лукашенко в Минске.", "2025-10-07",
     {("alexander-lukashenko", "kassym-jomart-tokayev", "took_place")}),
    ("pl", "Kanclerz Friedrich Merz był w poniedziałek gościem premiera Donalda Tuska w "
     "Warszawie.", "2025-10-07",
     {("donald-tusk", "friedrich-merz", "took_place")}),
    ("nl", "Bondskanselier Friedrich Merz was maandag de gast van koning Willem-Alexander op "
     "Paleis Noordeinde.", "2025-10-07",
     {("willem-alexander", "friedrich-merz", "took_place")}),
    ("no", "Finlands president Alexander Stubb var mandag gjest hos statsminister Jonas Gahr "
     "Støre i Oslo.", "2025-10-07",
     {("jonas-gahr-store", "alexander-stubb", "took_place")}),
    ("tr", "Azerbaycan Cumhurbaşkanı İlham Aliyev, Cumhurbaşkanı Recep Tayyip Erdoğan'ın "
     "konuğu olarak Ankara'da resmi yemeğe katıldı.", "2025-10-07",
     {("recep-tayyip-erdogan", "ilham-aliyev", "took_place")}),
    ("en", "Japanese Prime Minister Sanae Takaichi will be the guest of Anthony Albanese in "
     "Canberra next month.", "2025-10-27",
     {("anthony-albanese", "sanae-takaichi", "accepted")}),
    # auspices, participles and relative clauses naming the host
    ("fr", "Sous l'égide d'Emmanuel Macron, le sommet a rassemblé mardi à Paris Pedro Sánchez "
     "et Giorgia Meloni.", "2025-10-07",
     {("emmanuel-macron", "pedro-sanchez", "took_place"),
      ("emmanuel-macron", "giorgia-meloni", "took_place")}),
    ("es", "Bajo los auspicios de Pedro Sánchez, la cumbre de Madrid contó con la presencia "
     "del portugués Luís Montenegro.", "2025-10-07",
     {("pedro-sanchez", "luis-montenegro", "took_place")}),
    ("uk", "Саміт, організований Володимиром Зеленським, відвідали прем'єр Данії Метте "
     "Фредеріксен і президент Фінляндії Александр Стубб.", "2025-10-07",
     {("volodymyr-zelensky", "mette-frederiksen", "took_place"),
      ("volodymyr-zelensky", "alexander-stubb", "took_place")}),
    ("de", "Den Gipfel, den Bundeskanzler Friedrich Merz in Berlin veranstaltete, besuchte "
     "auch der polnische Regierungschef Donald Tusk.", "2025-10-07",
     {("friedrich-merz", "donald-tusk", "took_place")}),
    ("nl", "Aan de top die premier Dick Schoof in Den Haag had belegd, nam ook de Belgische "
     "premier Bart De Wever deel.", "2025-10-07",
     {("dick-schoof", "bart-de-wever", "took_place")}),
    ("ja", "習近平国家主席が北京で主宰した首脳会議に、ロシアのプーチン大統領が顔をそろえた。",
     "2025-10-07", {("xi-jinping", "vladimir-putin", "took_place")}),
    ("en", "Narendra Modi sat in on the summit session that Mark Carney chaired in Ottawa on "
     "Tuesday.", "2025-10-07",
     {("mark-carney", "narendra-modi", "took_place")}),
    ("en", "At the state dinner on Tuesday, Cyril Ramaphosa was among Mark Carney's guests.",
     "2025-10-07", {("mark-carney", "cyril-ramaphosa", "took_place")}),
    # a host entertaining its guest
    ("en", "Keir Starmer played host to Kenyan President William Ruto at Chequers on "
     "Sunday.", "2025-10-07",
     {("keir-starmer", "william-ruto", "took_place")}),
    ("zh", "国务院总理李强8日晚在人民大会堂设宴，款待来华访问的新加坡总理黄循财。", "2025-10-09",
     {("li-qiang", "lawrence-wong", "took_place")}),
    ("nl", "Koning Willem-Alexander bood de Poolse president Karol Nawrocki woensdag een "
     "diner aan op Paleis Noordeinde.", "2025-10-07",
     {("willem-alexander", "karol-nawrocki", "took_place")}),
    ("tr", "Azerbaycan Cumhurbaşkanı İlham Aliyev, Kazakistan Cumhurbaşkanı Tokayev ile "
     "Özbekistan Cumhurbaşkanı Mirziyoyev'i Bakü'de ağırladı.", "2025-10-07",
     {("ilham-aliyev", "kassym-jomart-tokayev", "took_place"),
      ("ilham-aliyev", "shavkat-mirziyoyev", "took_place")}),
    # an honour word between the host and its verb leaves the host ("liderler onuruna")
    ("tr", "Cumhurbaşkanı Recep Tayyip Erdoğan, Ankara'da liderler onuruna akşam yemeği "
     "verdi. Yemeğe Macaristan Başbakanı Viktor Orbán da katıldı.", "2025-10-07",
     {("recep-tayyip-erdogan", "viktor-orban", "took_place")}),
    # a topic marked by は is no list item with the relative clause's own subject after it
    ("ja", "インドのモディ首相は10日夜、高市早苗首相が首相公邸で開いた夕食会に出席した。",
     "2025-11-11", {("sanae-takaichi", "narendra-modi", "took_place")}),
])
def test_a_hosted_occasion_told_in_open_vocabulary(real: Matcher, lang: str, text: str,
                                                   day: str,
                                                   expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day, lang)) == expected


@pytest.mark.parametrize(("lang", "text", "day"), [
    # a stadium, a city or a home team hosts: no figure is the host
    ("en", "Keir Starmer watched from the stands as Wembley hosted the FA Cup final on "
     "Saturday.", "2025-05-18"),
    ("no", "Ullevaal stadion var vertskap for landskampen, og statsminister Jonas Gahr Støre "
     "fulgte kampen fra tribunen.", "2025-10-07"),
    ("zh", "东道主卡塔尔队在主场获胜，卡塔尔埃米尔塔米姆在看台上观看了比赛。", "2025-10-07"),
    # a guest column or a radio guest: no figure invites another
    ("nl", "Mark Rutte was deze week gastcolumnist van een krant en schreef over Donald "
     "Trump.", "2025-10-07"),
    ("pl", "Radosław Sikorski w gościnnym felietonie ocenił politykę Donalda Trumpa.",
     "2025-10-07"),
    # a guest of someone who is no figure, an honour for no figure
    ("en", "Emmanuel Macron was the guest of a local mayor in Normandy on Sunday.",
     "2025-10-07"),
    ("en", "At the state dinner on Tuesday, Cyril Ramaphosa was among the mayor's guests.",
     "2025-10-07"),
    ("de", "Friedrich Merz hielt beim Festakt zu Ehren der Gründer der Bundeswehr eine Rede.",
     "2025-10-07"),
])
def test_no_figure_hosts(real: Matcher, lang: str, text: str, day: str) -> None:
    assert pairs(match_text(real, text, day, lang)) == set()
