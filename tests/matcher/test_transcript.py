"""Speech transcripts (bot/matcher/transcript.py): thanks for an invitation by a labelled
speaker. Texts written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from bot.domain import Article, MatchResult
from bot.matcher import Matcher
from tests.support.matching import pairs

Match = Callable[..., MatchResult]
PUTIN, MACRON, SCHOLZ, XI = "vladimir-putin", "emmanuel-macron", "olaf-scholz", "xi-jinping"


def test_the_guest_thanks_the_host_for_inviting_him(match: Match) -> None:
    text = ("President of Russia Vladimir Putin: Mr President, welcome to Moscow. It is good to "
            "see you.\n\nPresident of France Emmanuel Macron: Thank you, Mr President. First of "
            "all, thank you for inviting me. We have a lot to discuss.")
    assert pairs(match(text, title="Meeting with President of France Emmanuel Macron")) == {
        (PUTIN, MACRON, "took_place")}


def test_the_host_thanks_the_guest_for_accepting(match: Match) -> None:
    text = ("Vladimir Putin: Mr President, friends, I would like to thank Olaf Scholz for "
            "accepting my invitation to come to Russia. Olaf Scholz: Thank you.")
    assert pairs(match(text, title="Talks in the Kremlin")) == {(PUTIN, SCHOLZ, "took_place")}


def test_you_is_the_only_other_figure_of_the_title(match: Match) -> None:
    text = "Xi Jinping: Thank you very much for your invitation. I am glad to be here."
    assert pairs(match(text, title="Vladimir Putin met Xi Jinping")) == {(PUTIN, XI, "took_place")}


def test_a_press_conference_has_no_single_you(match: Match) -> None:
    text = ("Emmanuel Macron: Good afternoon. Olaf Scholz: Mr President, a question. "
            "Vladimir Putin: Thank you so much for the invitation. Xi Jinping: Next question.")
    assert pairs(match(text, title="Annual news conference")) == set()


def test_reported_speech_is_not_a_label(match: Match) -> None:
    text = "The chancellor said to Emmanuel Macron: thank you for inviting me."
    assert (MACRON, SCHOLZ, "took_place") not in pairs(match(text, title="Olaf Scholz in Paris"))


def test_an_unknown_speaker_ends_the_previous_turn(match: Match) -> None:
    text = ("Vladimir Putin: Welcome, colleagues. We have much to discuss today.\n\n"
            "Governor Ivan Petrovsky: Thank you very much for inviting me.\n\n"
            "Emmanuel Macron: Good afternoon.")
    found = pairs(match(text, title="Vladimir Putin and Emmanuel Macron"))
    # Putin is not the one thanking: no visit of his or to him comes out of it.
    assert not any(PUTIN in (a, b) or status == "took_place" for a, b, status in found), found


def test_the_host_thanks_every_speaker_of_a_summit(match: Match) -> None:
    text = ("Vladimir Putin: Colleagues, good afternoon. Thank you for accepting my invitation."
            "\n\nEmmanuel Macron: Thank you, it is good to be here.\n\nOlaf Scholz: Good "
            "afternoon, colleagues.")
    assert pairs(match(text, title="Informal summit")) == {
        (PUTIN, MACRON, "took_place"), (PUTIN, SCHOLZ, "took_place")}


def test_i_invited_is_the_speaker(match: Match) -> None:
    text = ("Vladimir Putin: Good afternoon. During our talks I invited Xi Jinping to the "
            "forum in Kazan.\n\nXi Jinping: Thank you.")
    assert (PUTIN, XI, "pending") in pairs(match(text, title="Press statements"))


def test_i_invited_an_official_the_gazetteer_lacks_is_procedure(match: Match) -> None:
    text = ("Vladimir Putin: Colleagues, good afternoon. I have invited today Ivan Petrovsky, "
            "head of the sanitary service.\n\nOlaf Scholz: Thank you.")
    assert not any(a == PUTIN for a, _, _ in pairs(match(text, title="Meeting")))


def test_the_host_thanks_everyone_the_attendance_list_names(match: Match) -> None:
    # A speaker convened to report ("was also invited to attend") is no guest of the host,
    # and a listed guest who never speaks still is.
    text = ("Moscow hosted an informal summit. The meeting was attended by President of France "
            "Emmanuel Macron, Federal Chancellor Olaf Scholz and President of China Xi Jinping. "
            "Ivan Petrovsky, head of the sanitary service, was also invited to attend.\n\n"
            "Vladimir Putin: Colleagues, good afternoon. Thank you for accepting my invitation."
            "\n\nIvan Petrovsky: Thank you.\n\nEmmanuel Macron: Good afternoon, colleagues.")
    assert pairs(match(text, title="Informal summit")) == {
        (PUTIN, MACRON, "took_place"), (PUTIN, SCHOLZ, "took_place"), (PUTIN, XI, "took_place")}


def test_a_speech_by_headline_names_the_speaker_at_the_event(match: Match) -> None:
    # No author and no label: "speech by X at ..." makes X the first person, speaking at
    # the event, so thanks for the invitation there mean it took place.
    text = "Dear colleagues! I am grateful for the invitation, dear Mr Macron. Thank you."
    found = match(text, title="Speech by President Olaf Scholz at the Paris Peace Forum")
    assert pairs(found) == {(MACRON, SCHOLZ, "took_place")}


def test_an_address_by_headline_is_an_address_after_the_event(match: Match) -> None:
    text = "Good evening. Today I invited Emmanuel Macron to visit Berlin next month."
    found = match(text, title="Address by Chancellor Olaf Scholz")
    assert (SCHOLZ, MACRON, "pending") in pairs(found)


def test_a_headline_about_a_speech_by_someone_else_names_no_speaker(match: Match) -> None:
    text = "I am grateful for the invitation, dear Mr Macron."
    assert pairs(match(text, title="Olaf Scholz comments on a speech by a student")) == set()


def test_i_as_the_subject_of_coordinated_verbs_is_the_speaker(match: Match) -> None:
    text = ("Good evening. I noted France's support for our reforms and invited President "
            "Emmanuel Macron to visit Berlin.")
    found = match(text, title="Address by Chancellor Olaf Scholz after his call with Xi Jinping")
    assert (SCHOLZ, MACRON, "pending") in pairs(found)


def test_thanked_someone_for_inviting_me_in_an_address_is_a_response(match: Match) -> None:
    text = "Good evening. Today I personally thanked Emmanuel Macron for inviting me to Paris."
    found = match(text, title="Address by Chancellor Olaf Scholz")
    assert pairs(found) == {(MACRON, SCHOLZ, "responded")}


def test_asking_someone_to_invite_is_no_invitation_of_the_speaker(match: Match) -> None:
    text = "We would like to ask you to invite President Emmanuel Macron to the ceremony."
    found = match(text, title="Address by Chancellor Olaf Scholz")
    assert not any(a == SCHOLZ for a, _, _ in pairs(found))


def _address(matcher: Matcher, text: str, when: str = "2022-04-20") -> MatchResult:
    return matcher.match(Article(
        key="t", text=text, title="Звернення Президента", lang="uk",
        published=datetime.fromisoformat(when).replace(hour=12, tzinfo=UTC),
        author="Volodymyr Zelensky"))


def test_an_address_thanking_a_country_for_an_invitation_names_its_leader(
        real_matcher: Matcher) -> None:
    # "Grateful to Indonesia ... Grateful also for the invitation": the thanked country
    # (in the dative) stands for its president, whom the address has named.
    text = ("Говорив сьогодні з Президентом Індонезії. Вдячний Індонезії за підтримку нашої "
            "держави. Вдячний також за запрошення взяти участь у саміті.")
    assert pairs(_address(real_matcher, text)) == {
        ("joko-widodo", "volodymyr-zelensky", "responded")}


def test_a_thanked_country_whose_leader_the_address_never_names_is_no_party(
        real_matcher: Matcher) -> None:
    text = "Вдячний Індонезії за підтримку. Вдячний також за запрошення взяти участь у саміті."
    assert pairs(_address(real_matcher, text)) == set()


def test_an_address_inviting_with_subject_and_object_unsaid(real_matcher: Matcher) -> None:
    # Ukrainian leaves both out after the figure is named: "Spoke with Pope Francis.
    # Thanked His Holiness. Invited [him] to visit our state."
    text = ("Вранці говорив з Папою Франциском про мир. Подякував Його Святості за молитви. "
            "Запросив відвідати нашу державу.")
    assert pairs(_address(real_matcher, text)) == {
        ("volodymyr-zelensky", "pope-francis", "pending")}


def test_an_unsaid_subject_must_open_the_sentence(real_matcher: Matcher) -> None:
    text = "Говорив з Папою Франциском. Ми знаємо, кого Путін запросив до Москви."
    assert ("volodymyr-zelensky", "pope-francis", "pending") not in pairs(
        _address(real_matcher, text))


def test_a_turn_inviting_you_is_the_speakers_invitation_to_the_other_speaker(
        match: Match) -> None:
    text = ("Vladimir Putin: Welcome to Moscow. We are glad you came.\n\nXi Jinping: Thank you. "
            "I would like to take this opportunity to invite you to make an official visit "
            "to China at your convenience.\n\nVladimir Putin: Thank you. I will definitely take "
            "advantage of your invitation.")
    assert (XI, PUTIN, "accepted") in pairs(match(text, title="Russian-Chinese talks"))


def test_at_your_invitation_planned_is_accepted(match: Match) -> None:
    text = ("Vladimir Putin: Mr President, good afternoon.\n\nOlaf Scholz: Good afternoon. "
            "I am planning to take part in the forum in June, at your invitation.")
    assert pairs(match(text, title="Telephone conversation")) == {(PUTIN, SCHOLZ, "accepted")}


def test_a_speech_inviting_its_audience_names_no_figure(match: Match) -> None:
    text = "Dear friends! I invite you - your cities, your companies - to take part in this."
    found = match(text, title="Address by Chancellor Olaf Scholz to the mayors about Russia")
    assert pairs(found) == set()


def test_inviting_the_other_speaker_to_take_the_floor_is_procedure(match: Match) -> None:
    text = ("Vladimir Putin: Good afternoon, colleagues. Mr President, I invite you to take "
            "the floor.\n\nXi Jinping: Thank you.")
    assert pairs(match(text, title="Meeting of the council")) == set()


def test_a_quote_attributed_after_it_is_its_speakers_first_person(match: Match) -> None:
    text = '"I have invited Emmanuel Macron to visit Berlin," Olaf Scholz said on Monday.'
    assert pairs(match(text, title="News")) == {(SCHOLZ, MACRON, "pending")}


def test_a_quote_told_to_someone_thanks_the_one_told(match: Match) -> None:
    text = '"Thank you for the invitation," Emmanuel Macron told Olaf Scholz in Berlin.'
    assert pairs(match(text, title="News")) == {(SCHOLZ, MACRON, "took_place")}


def test_the_quotes_speaker_ends_with_the_quote(match: Match) -> None:
    # After the quote nobody speaks: the next "I" is the article's, not Scholz's.
    text = ('"We discussed trade," Olaf Scholz said. Later a blogger wrote: I invited '
            'Emmanuel Macron to my show.')
    assert (SCHOLZ, MACRON, "pending") not in pairs(match(text, title="News"))
