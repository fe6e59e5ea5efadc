"""Issue 14, second host round: hosted occasions told over several paragraphs, attendance
said without an attendance verb, host verbs that need a gathering as their object
("провёл саммит", not "провёл переговоры с X"), guests of the host's own country, a pending
invitation whose outcome the guest's sentence gives, and the ko and sv [hosts] tables
(bot/matcher/hosts.py)."""

from __future__ import annotations

import pytest

from bot.matcher import Matcher
from tests.support.matching import match_text, pairs


@pytest.mark.parametrize(("text", "day", "expected"), [
    # the guest two paragraphs after the host, the occasion named again (en)
    ("Canadian Prime Minister Mark Carney hosted a state dinner in Ottawa on Friday "
     "for the leaders of the Commonwealth.\n\nThe talks earlier in the day dealt with "
     "trade. Officials said a statement would follow. Negotiators worked late into "
     "the night on its wording.\n\nBritish Prime Minister Keir Starmer was among the "
     "guests at the dinner. Indian Prime Minister Narendra Modi did not attend.",
     "2026-05-08",
     {("mark-carney", "keir-starmer", "took_place"),
      ("mark-carney", "narendra-modi", "declined")}),
    # the same in German: "Beim Abendessen saß ... neben dem Gastgeber", "fehlte"
    ("Bundeskanzler Friedrich Merz richtete am Donnerstag in Berlin ein Abendessen "
     "für die Regierungschefs der Ostseestaaten aus.\n\nAm Vormittag hatten die "
     "Außenminister über die Energieversorgung beraten. Eine gemeinsame Erklärung ist "
     "für Freitag geplant. Sie soll auch die Häfen betreffen.\n\nBeim Abendessen saß "
     "die estnische Regierungschefin Kristen Michal neben dem Gastgeber. Der "
     "litauische Präsident Gitanas Nausėda fehlte.",
     "2026-05-08",
     {("friedrich-merz", "kristen-michal", "took_place"),
      ("friedrich-merz", "gitanas-nauseda", "declined")}),
    # the same in Polish: "Wśród gości kolacji"; the host verb "wydał ... kolację"
    ("Premier Donald Tusk wydał w piątek w Warszawie kolację dla przywódców państw "
     "nordyckich i bałtyckich.\n\nWcześniej ministrowie rozmawiali o obronie granic. "
     "Wspólna deklaracja ma zostać przyjęta w sobotę. Jej projekt przygotowano w "
     "Brukseli.\n\nWśród gości kolacji byli premier Szwecji Ulf Kristersson i prezydent "
     "Finlandii Alexander Stubb.",
     "2026-05-08",
     {("donald-tusk", "ulf-kristersson", "took_place"),
      ("donald-tusk", "alexander-stubb", "took_place")}),
])
def test_the_occasion_named_again_links_a_guest_paragraphs_away(
        real: Matcher, text: str, day: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day)) == expected


def test_another_kind_of_occasion_in_the_guests_paragraph_is_not_the_hosts(real: Matcher) -> None:
    text = ("Canadian Prime Minister Mark Carney hosted a state dinner in Ottawa on "
     "Friday.\n\nOfficials said a statement would follow. Negotiators worked late.\n\nAt "
     "a NATO summit in The Hague the same week, British Prime Minister Keir Starmer "
     "was among the guests.")
    assert not pairs(match_text(real, text, "2026-05-08"))


@pytest.mark.parametrize(("text", "day", "expected"), [
    # "среди гостей" (ru), the host verb "провёл ... приём"
    ("Президент Казахстана Касым-Жомарт Токаев провёл в Астане торжественный приём в "
     "честь Дня Республики. Среди гостей был президент Узбекистана Шавкат Мирзиёев.",
     "2026-10-25",
     {("kassym-jomart-tokayev", "shavkat-mirziyoyev", "took_place")}),
    # the guests inside a split phrase: "zaten X en Y aan" (nl)
    ("Koning Willem-Alexander gaf donderdag een staatsbanket op het Paleis op de Dam. "
     "Aan tafel zaten de Franse president Emmanuel Macron en de Belgische premier "
     "Bart De Wever aan.",
     "2026-05-08",
     {("willem-alexander", "emmanuel-macron", "took_place"),
      ("willem-alexander", "bart-de-wever", "took_place")}),
    # "出席者には" (ja)
    ("ドイツのメルツ首相は7日、ベルリンで欧州首脳を招いた夕食会を主催した。出席者にはフランスのマクロン大統領が含まれた。",
     "2026-05-08",
     {("friedrich-merz", "emmanuel-macron", "took_place")}),
    # "se sentó junto a" (es), the host verb "ofreció una cena"
    ("El presidente del Gobierno, Pedro Sánchez, ofreció el viernes una cena en La "
     "Moncloa a los líderes del Mediterráneo. El primer ministro griego, Kyriakos "
     "Mitsotakis, se sentó junto a Sánchez.",
     "2026-05-08",
     {("pedro-sanchez", "kyriakos-mitsotakis", "took_place")}),
])
def test_attendance_without_an_attendance_verb(real: Matcher, text: str, day: str,
                                               expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day)) == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    # "проводит ... саммит": a host (ru)
    ("Владимир Путин проводит в Казани саммит БРИКС. В Казань прибыл президент Ирана "
     "Масуд Пезешкиан.",
     "2026-10-22",
     {("vladimir-putin", "masoud-pezeshkian", "took_place")}),
    # "провів ... саміт": a host (uk)
    ("Володимир Зеленський провів у Києві саміт «Кримської платформи». До Києва "
     "прибув президент Литви Гітанас Науседа.",
     "2026-09-10",
     {("volodymyr-zelensky", "gitanas-nauseda", "took_place")}),
    # "провёл переговоры с": talks have parties, not guests (ru)
    ("Владимир Путин провёл в Кремле переговоры с Си Цзиньпином. В Москву прибыл "
     "также президент Ирана Масуд Пезешкиан.",
     "2026-05-08",
     set()),
    # "провів нараду" with his own minister present (uk)
    ("Володимир Зеленський провів нараду з військовими. На нараді був присутній "
     "Андрій Сибіга.",
     "2026-05-08",
     set()),
])
def test_a_host_verb_needs_a_gathering_as_its_object(real: Matcher, text: str, day: str,
                                                    expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day)) == expected


def test_the_hosts_countrymen_are_guests_unless_of_his_government(real: Matcher) -> None:
    """An executive at a president's dinner is a guest; the host's secretary of state is not."""
    text = ("President Donald Trump hosted a dinner at the White House on Tuesday. Amazon "
     "founder Jeff Bezos was among the guests. Secretary of State Marco Rubio was "
     "also at the table.")
    assert pairs(match_text(real, text, "2026-05-08")) == {("donald-trump", "jeff-bezos", "took_place")}


def test_a_pending_invitation_from_the_host_takes_the_reported_outcome(real: Matcher) -> None:
    """"首脳を招いた夕食会を主催した": an invitation; "出席した" in the next sentence: it took place."""
    text = ("高市早苗首相は東京で各国首脳を招いた夕食会を主催した。夕食会にはインドのモディ首相が出席した。")
    assert pairs(match_text(real, text, "2026-05-08")) == {("sanae-takaichi", "narendra-modi", "took_place")}


@pytest.mark.parametrize(("text", "day", "expected"), [
    # ko: "주최한 만찬에 ... 참석했다"
    ("이재명 대통령이 주최한 만찬에 다카이치 사나에 일본 총리가 참석했다.",
     "2026-05-08",
     {("lee-jae-myung", "sanae-takaichi", "took_place")}),
    # ko: last year's dinner
    ("이재명 대통령은 지난해 만찬을 주최했다. 당시 다카이치 사나에 총리가 참석했다.",
     "2026-05-08",
     set()),
    # sv: "var värd för en middag", "Bland gästerna fanns", "deltog inte"
    ("Statsminister Ulf Kristersson var värd för en middag i Stockholm på fredagen "
     "för de nordiska regeringscheferna. Bland gästerna fanns Finlands president "
     "Alexander Stubb. Norges statsminister Jonas Gahr Støre deltog inte.",
     "2026-05-08",
     {("ulf-kristersson", "alexander-stubb", "took_place"),
      ("ulf-kristersson", "jonas-gahr-store", "declined")}),
    # sv: reporters and staff, and last year's guest
    ("Statsminister Ulf Kristersson var värd för en middag för pressen i Stockholm. "
     "Bland gästerna fanns journalister och medarbetare. Förra året deltog Alexander "
     "Stubb.",
     "2026-05-08",
     set()),
])
def test_korean_and_swedish_hosts(real: Matcher, text: str, day: str,
                                  expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day)) == expected


@pytest.mark.parametrize(("text", "day", "expected"), [
    # the host after its verb in a relative clause after the occasion (ru)
    ("Президент Узбекистана Шавкат Мирзиёев прибыл в Санкт-Петербург на саммит, который "
     "проводит Владимир Путин.", "2026-12-20",
     {("vladimir-putin", "shavkat-mirziyoyev", "took_place")}),
    # the same with talks: no hosted event (ru); since the hostinf round the place names the
    # host instead (host_by_place.py: arrived in Moscow for talks, Putin named at them)
    ("Президент Узбекистана Шавкат Мирзиёев прибыл в Москву на переговоры, которые проводит "
     "Владимир Путин.", "2026-12-20", {("vladimir-putin", "shavkat-mirziyoyev", "took_place")}),
    # "was among ... at the": a gap in the attendance phrase (en)
    ("Jeff Bezos was among some two hundred guests at the gala Prime Minister Keir Starmer gave "
     "in London on Friday.", "2026-05-08",
     {("keir-starmer", "jeff-bezos", "took_place")}),
    # "開いた" with a gathering after it (ja)
    ("トランプ大統領がホワイトハウスで開いた晩餐会にマクロン大統領が出席した。", "2026-05-08",
     {("donald-trump", "emmanuel-macron", "took_place")}),
    # a relative clause about something else after the occasion: "där X håller ett tal" (sv)
    ("Statsminister Magdalena Andersson deltar i toppmötet i Paris på måndag, där Frankrikes "
     "president Emmanuel Macron håller ett tal.", "2022-05-02", set()),
])
def test_host_verbs_in_relative_clauses(real: Matcher, text: str, day: str,
                                        expected: set[tuple[str, str, str]]) -> None:
    assert pairs(match_text(real, text, day)) == expected
