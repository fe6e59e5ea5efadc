"""Transcripts on real stories (issues 14/15, round trans2): the host of a thanks named only
in the next sentence ("Thank you for the invitation. Mr. Chancellor, thank you."), "the
President" in a guest's turn standing for the other side of the conversation, an author's
own "I" with a place in the accusative ("відвідати Бучу"). Texts written for these tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from bot.domain import Article, MatchResult
from bot.evaluation.real_stories import CorpusIndex, resolve_article
from bot.matcher import Matcher
from tests.support.matching import pairs

SCHOLZ, ZELENSKY = "olaf-scholz", "volodymyr-zelensky"
PUTIN, LUKASHENKO = "vladimir-putin", "alexander-lukashenko"
MERKEL, SARKOZY = "angela-merkel", "nicolas-sarkozy"
G7_SPEECH = "Speech by the President of Ukraine at the summit of the G7 leaders"


def _match(matcher: Matcher, text: str, title: str = "", date: str = "2022-06-27",
           author: str | None = None, lang: str | None = None) -> MatchResult:
    published = datetime.fromisoformat(date).replace(hour=12, tzinfo=UTC)
    return matcher.match(Article(key="t", text=text, title=title, published=published,
                                 author=author, lang=lang))


def test_the_host_addressed_in_the_next_sentence_is_the_inviter(real_matcher: Matcher) -> None:
    text = ("Dear leaders! I would like to thank you for the invitation. "
            "Chancellor Olaf Scholz, thank you. Our soldiers need more artillery now.")
    assert pairs(_match(real_matcher, text, G7_SPEECH)) == {(SCHOLZ, ZELENSKY, "took_place")}


def test_a_bare_chancellor_is_the_one_of_the_country_the_text_names(real_matcher: Matcher
                                                                   ) -> None:
    text = ("Dear leaders! I would like to thank you for the invitation. Mr. Chancellor, "
            "thank you. Germany's presidency of the group must bring a plan for our cities.")
    assert pairs(_match(real_matcher, text, G7_SPEECH)) == {(SCHOLZ, ZELENSKY, "took_place")}
    # No country with a chancellor named: nobody to thank, no invitation made up.
    unnamed = text.replace("Germany's presidency of the group", "The group")
    assert pairs(_match(real_matcher, unnamed, G7_SPEECH)) == set()


def test_a_neighbour_is_no_guest_for_an_invitation_with_its_inviter(real_matcher: Matcher
                                                                   ) -> None:
    # Only a thanks missing its host looks at the next sentence: "Macron invited the
    # mayors" names its inviter, and Scholz of the next sentence is not made its guest.
    text = ("Emmanuel Macron invited the mayors of the region to the Élysée. "
            "Olaf Scholz backed the plan on Monday.")
    assert pairs(_match(real_matcher, text, date="2023-05-01")) == set()


def test_the_president_in_a_guests_turn_is_the_other_speaker(real_matcher: Matcher) -> None:
    text = ("Vladimir Putin and Alexander Lukashenko met the workers of a shipyard. On the same "
            "day Volodymyr Zelensky spoke to a foreign parliament.\n\nAlexander Lukashenko: We "
            "will build all of it ourselves. This is why the President invited me here, so that "
            "I could see everything with my own eyes.\n\nVladimir Putin: Yes, to see the scale.")
    found = pairs(_match(real_matcher, text, "Conversation with shipyard workers",
                         date="2022-04-12"))
    assert found == {(PUTIN, LUKASHENKO, "took_place")}


def test_the_president_in_a_russian_and_a_ukrainian_turn(real_matcher: Matcher) -> None:
    ru = ("Владимир Путин и Александр Лукашенко встретились с работниками верфи. В тот же день "
          "Владимир Зеленский выступил в парламенте.\n\nАлександр Лукашенко: Мы всё построим "
          "сами. Президент пригласил меня сюда, чтобы я увидел всё своими глазами.\n\n"
          "Владимир Путин: Да.")
    uk = ("Володимир Путін і Олександр Лукашенко зустрілися з працівниками верфі. Того ж дня "
          "Володимир Зеленський виступив у парламенті.\n\nОлександр Лукашенко: Ми все "
          "збудуємо самі. Президент запросив мене сюди, щоб я все побачив на власні очі.\n\n"
          "Володимир Путін: Так.")
    for text in (ru, uk):
        found = pairs(_match(real_matcher, text, "Беседа", date="2022-04-12"))
        assert found == {(PUTIN, LUKASHENKO, "took_place")}, text[:40]


def test_an_authors_speech_at_the_event_shows_it_took_place(real_matcher: Matcher) -> None:
    # A president's own transcript (the author) with a headline "Speech ... at ...": the
    # thanks are said at the summit, not an answer sent after it.
    text = ("Шановні лідери! Хочу подякувати за запрошення. Пане канцлере, дякую вам! "
            "Головування Німеччини у «Групі семи» має дати план відбудови.")
    title = "Виступ Президента України на саміті лідерів «Групи семи»"
    assert pairs(_match(real_matcher, text, title, author="Volodymyr Zelensky")) == {
        (SCHOLZ, ZELENSKY, "took_place")}


def test_the_authors_i_invites_to_a_town_in_the_accusative(real_matcher: Matcher) -> None:
    text = "Я запрошую пані Меркель і пана Саркозі відвідати Бучу й побачити все на власні очі."
    result = _match(real_matcher, text, "Звернення", date="2022-04-03",
                    author="Volodymyr Zelensky")
    assert pairs(result) == {(ZELENSKY, MERKEL, "pending"), (ZELENSKY, SARKOZY, "pending")}
    assert {m.occasion.place for m in result.mentions} == {"Bucha"}


def test_a_real_story_article_of_a_speakers_source_has_that_author(tmp_path: Path) -> None:
    (tmp_path / "news-cc").mkdir()
    records = [{"id": "a", "source": "Zelensky video addresses, written for this test",
                "text": "x", "date": "2022-04-03"},
               {"id": "b", "source": "A press office", "text": "y", "date": "2022-04-03"}]
    (tmp_path / "news-cc" / "uk.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records), encoding="utf-8")
    index = CorpusIndex(tmp_path)
    own = resolve_article({"ref": "news-cc/uk.jsonl", "id": "a"}, index, tmp_path, 0)
    other = resolve_article({"ref": "news-cc/uk.jsonl", "id": "b"}, index, tmp_path, 1)
    assert own["author"] == "Volodymyr Zelensky"
    assert "author" not in other
